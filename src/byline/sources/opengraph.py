"""OpenGraph: ``og:*`` and ``article:*`` meta tags (``property=`` or ``name=``).

``article:author`` is a profile URL or a name: a URL gives an author with that
``url`` and an empty ``name``, never a name.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from byline.document import Document
from byline.fields import Field, Markup, Source
from byline.record import Image
from byline.sources._common import (
    MetaTags,
    Stated,
    absolute_url,
    authors,
    clean_text,
    emit,
    mapped,
    meta_tags,
    stated,
    to_int,
)
from byline.sources.candidate import AnyCandidate, DateValue

SOURCE: Final = Source.OPENGRAPH
# Keys that start a new image; the ``og:image:*`` tags after one describe it.
_IMAGE_STARTS: Final = ("og:image", "og:image:url")
_IMAGE_SECURE: Final = "og:image:secure_url"


def _keys(name: str) -> tuple[str, str]:
    """``article:x`` and its ``og:article:x`` spelling, which some pages use."""
    return name, "og:" + name


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not tags.pairs:
        return []
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first("og:title"),
            Field.DESCRIPTION: tags.first("og:description"),
            Field.CANONICAL_URL: mapped(tags.first("og:url"), partial(absolute_url, doc)),
            Field.SITE_NAME: tags.first("og:site_name"),
            Field.LANGUAGE: tags.first("og:locale"),
            Field.PUBLISHED: mapped(tags.first(*_keys("article:published_time")), DateValue.parse),
            Field.MODIFIED: mapped(
                tags.first(*_keys("article:modified_time"), "og:updated_time"), DateValue.parse
            ),
            Field.SECTION: tags.first(*_keys("article:section")),
            Field.TAGS: tags.all(*_keys("article:tag")),
            Field.AUTHORS: mapped(tags.all(*_keys("article:author")), partial(authors, doc)),
            Field.IMAGES: _images(tags, doc),
        },
    )


def _images(tags: MetaTags, doc: Document) -> Stated[list[Image]] | None:
    """Images in tag order: each ``og:image`` with the width/height/alt tags that follow it
    (stated under the key of the first)."""
    images: list[Image] = []
    first = None
    for key, content in tags.pairs:
        if not key.startswith("og:image"):
            continue
        if key in _IMAGE_STARTS or (key == _IMAGE_SECURE and not images):
            url = absolute_url(doc, clean_text(content))
            if url and all(image.url != url for image in images):
                images.append(Image(url=url))
                first = first or key
        elif images and key == "og:image:width":
            images[-1].width = images[-1].width or to_int(content)
        elif images and key == "og:image:height":
            images[-1].height = images[-1].height or to_int(content)
        elif images and key == "og:image:alt":
            images[-1].caption = images[-1].caption or clean_text(content)
    return stated(images, Markup.META_TAG, first)
