"""The pipeline for one page: bytes -> document -> candidates -> record."""

from __future__ import annotations

from byline import sources
from byline.document import parse
from byline.maintext import extract_main_text
from byline.reconcile import reconcile
from byline.record import Article


def extract(html: bytes | str, url: str | None = None) -> Article:
    """One article record from one page.

    ``html`` may be bytes (decoded by byline: BOM, declarations, detection) or
    text. Raises ``byline.ExtractionError`` when the input is not a readable page.
    """
    doc = parse(html, url)
    candidates = sources.collect(doc)
    article = reconcile(candidates, url=url)
    hint = next((c.value for c in candidates if c.field == "article_body"), None)
    main = extract_main_text(doc, hint=hint, title=article.title)
    if main is not None:
        article.body = main.body
        article.body_html = main.body_html
        article.word_count = len(main.body.split())
    return article
