"""Dublin Core: ``DC.*`` and ``DCTERMS.*`` meta tags (any case, ``.`` or ``:`` after the prefix).

``DC.subject`` gives keywords, ``DC.rights``/``dcterms.license`` the licence.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from byline.document import Document
from byline.fields import Field, Source
from byline.record import Publisher
from byline.sources._common import emit, mapped, meta_tags, surname_first_authors
from byline.sources.candidate import AnyCandidate, DateValue

SOURCE: Final = Source.DUBLIN_CORE
_PREFIXES: Final = ("dc", "dcterms")

TITLE: Final = ("title",)
CREATOR: Final = ("creator",)
PUBLISHED: Final = ("date.issued", "issued", "date.publication", "date.created", "created", "date")
MODIFIED: Final = ("modified", "date.modified")
DESCRIPTION: Final = ("description", "abstract")
SUBJECT: Final = ("subject",)
LANGUAGE: Final = ("language",)
PUBLISHER: Final = ("publisher",)
LICENSE: Final = ("license", "rights")


def _keys(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Meta keys for Dublin Core terms, in every spelling pages use."""
    return tuple(f"{prefix}{sep}{term}" for term in terms for prefix in _PREFIXES for sep in ".:")


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not any(key.startswith("dc") for key in tags.by_key):
        return []
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first(*_keys(TITLE)),
            Field.AUTHORS: mapped(tags.all(*_keys(CREATOR)), partial(surname_first_authors, doc)),
            Field.PUBLISHED: mapped(tags.first(*_keys(PUBLISHED)), DateValue.parse),
            Field.MODIFIED: mapped(tags.first(*_keys(MODIFIED)), DateValue.parse),
            Field.DESCRIPTION: tags.first(*_keys(DESCRIPTION)),
            Field.KEYWORDS: tags.all(*_keys(SUBJECT)),
            Field.LANGUAGE: tags.first(*_keys(LANGUAGE)),
            Field.PUBLISHER: mapped(tags.first(*_keys(PUBLISHER)), _publisher),
            Field.LICENSE: tags.first(*_keys(LICENSE)),
        },
    )


def _publisher(name: str) -> Publisher:
    return Publisher(name=name)
