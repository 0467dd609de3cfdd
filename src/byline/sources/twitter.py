"""Twitter cards: ``twitter:title``, ``twitter:description``, ``twitter:image``.

``twitter:site`` and ``twitter:creator`` are handles, not names: they give nothing.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.record import Image
from byline.sources import Candidate
from byline.sources._common import absolute_url, emit, meta_tags

SOURCE: Final = "twitter"


def candidates(doc: Document) -> list[Candidate]:
    tags = meta_tags(doc)
    if not tags.pairs:
        return []
    url = absolute_url(doc, tags.first("twitter:image", "twitter:image:src"))
    image = Image(url=url, caption=tags.first("twitter:image:alt")) if url else None
    return emit(
        SOURCE,
        {
            "title": tags.first("twitter:title", "twitter:text:title"),
            "description": tags.first("twitter:description"),
            "images": [image] if image else [],
        },
    )
