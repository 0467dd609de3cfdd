"""Twitter cards: ``twitter:title``, ``twitter:description``, ``twitter:image``.

``twitter:site`` and ``twitter:creator`` are handles, not names: they give nothing.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.fields import Field, Source
from byline.record import Image
from byline.sources._common import MetaTags, Stated, absolute_url, emit, meta_tags
from byline.sources.candidate import AnyCandidate

SOURCE: Final = Source.TWITTER


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not tags.pairs:
        return []
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first("twitter:title", "twitter:text:title"),
            Field.DESCRIPTION: tags.first("twitter:description"),
            Field.IMAGES: _image(tags, doc),
        },
    )


def _image(tags: MetaTags, doc: Document) -> Stated[list[Image]] | None:
    """The card's image, with its description."""
    found = tags.first("twitter:image", "twitter:image:src")
    url = absolute_url(doc, found.value) if found is not None else None
    if found is None or url is None:
        return None
    alt = tags.first("twitter:image:alt")
    return Stated([Image(url=url, caption=alt.value if alt else None)], found.how, found.key)
