"""Dublin Core: ``DC.*`` and ``DCTERMS.*`` meta tags (any case, ``.`` or ``:`` after the prefix).

``DC.subject`` gives keywords, ``DC.rights``/``dcterms.license`` the licence.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.record import Publisher
from byline.sources import Candidate
from byline.sources._common import emit, make_author, meta_tags, unique

SOURCE: Final = "dublin-core"
_PREFIXES: Final = ("dc", "dcterms")

TITLE: Final = ("title",)
CREATOR: Final = ("creator",)
PUBLISHED: Final = ("date.issued", "issued", "date.created", "created", "date")
MODIFIED: Final = ("modified", "date.modified")
DESCRIPTION: Final = ("description", "abstract")
SUBJECT: Final = ("subject",)
LANGUAGE: Final = ("language",)
PUBLISHER: Final = ("publisher",)
LICENSE: Final = ("license", "rights")


def _keys(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Meta keys for Dublin Core terms, in every spelling pages use."""
    return tuple(f"{prefix}{sep}{term}" for term in terms for prefix in _PREFIXES for sep in ".:")


def candidates(doc: Document) -> list[Candidate]:
    tags = meta_tags(doc)
    if not any(key.startswith("dc") for key in tags.by_key):
        return []
    publisher = tags.first(*_keys(PUBLISHER))
    return emit(
        SOURCE,
        {
            "title": tags.first(*_keys(TITLE)),
            "authors": unique(make_author(doc, name) for name in tags.all(*_keys(CREATOR))),
            "published": tags.first(*_keys(PUBLISHED)),
            "modified": tags.first(*_keys(MODIFIED)),
            "description": tags.first(*_keys(DESCRIPTION)),
            "keywords": tags.all(*_keys(SUBJECT)),
            "language": tags.first(*_keys(LANGUAGE)),
            "publisher": Publisher(name=publisher) if publisher else None,
            "license": tags.first(*_keys(LICENSE)),
        },
    )
