"""Twitter cards: ``twitter:title``, ``twitter:description``, ``twitter:image``, and the writer
a card's labelled data names (``twitter:label1`` "Written by", ``twitter:data1`` "Jane Doe": the
pair Yoast SEO prints on WordPress pages, in the site's language).

``twitter:site`` and ``twitter:creator`` are handles, not names: they give nothing.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.fields import Field, Source
from byline.record import Image
from byline.sources._common import MetaTags, Stated, absolute_url, authors, emit, mapped, meta_tags
from byline.sources._page import is_author_label
from byline.sources.candidate import AnyCandidate, AuthorCandidate

SOURCE: Final = Source.TWITTER
LABELLED_PAIRS: Final = 4
"""A card labels this many data at most (Slack shows two; Yoast prints the writer and the
reading time)."""


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
            Field.AUTHORS: _labelled_writer(tags, doc),
        },
    )


def _labelled_writer(tags: MetaTags, doc: Document) -> Stated[list[AuthorCandidate]] | None:
    """The writer a ``twitter:dataN`` names under a ``twitter:labelN`` that labels an author or
    leads to one ("Written by", "Verfasst von", "Author")."""
    for number in range(1, LABELLED_PAIRS + 1):
        label = tags.first(f"twitter:label{number}")
        if label is not None and is_author_label(label.value, leads=True):
            found = tags.first(f"twitter:data{number}")
            return mapped(found, lambda name: authors(doc, [name]) or None)
    return None


def _image(tags: MetaTags, doc: Document) -> Stated[list[Image]] | None:
    """The card's image, with its description."""
    found = tags.first("twitter:image", "twitter:image:src")
    url = absolute_url(doc, found.value) if found is not None else None
    if found is None or url is None:
        return None
    alt = tags.first("twitter:image:alt")
    return Stated([Image(url=url, caption=alt.value if alt else None)], found.how, found.key)
