"""byline: news web pages in, clean structured article records out.

>>> import byline
>>> article = byline.extract(html_bytes, url="https://example.com/news/1")
>>> article.title, article.published, article.body
"""

from byline.errors import ExtractionError, NoArticleError
from byline.extract import Inspection, extract, inspect
from byline.record import (
    Article,
    BodyQuality,
    Dateline,
    Image,
    Person,
    Provenance,
    Publisher,
    Quote,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BodyQuality",
    "Dateline",
    "ExtractionError",
    "Image",
    "Inspection",
    "NoArticleError",
    "Person",
    "Provenance",
    "Publisher",
    "Quote",
    "__version__",
    "extract",
    "inspect",
]
