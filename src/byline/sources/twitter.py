"""Twitter cards: ``twitter:title``, ``twitter:description``, ``twitter:image``.

``twitter:site`` and ``twitter:creator`` are handles, not names: they give nothing.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.fields import Field, Source
from byline.record import Image
from byline.sources._common import absolute_url, emit, meta_tags
from byline.sources.candidate import AnyCandidate

SOURCE: Final = Source.TWITTER


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not tags.pairs:
        return []
    url = absolute_url(doc, tags.first("twitter:image", "twitter:image:src"))
    image = Image(url=url, caption=tags.first("twitter:image:alt")) if url else None
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first("twitter:title", "twitter:text:title"),
            Field.DESCRIPTION: tags.first("twitter:description"),
            Field.IMAGES: [image] if image else [],
        },
    )
