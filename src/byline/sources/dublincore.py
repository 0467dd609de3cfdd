"""Dublin Core: ``DC.*`` and ``DCTERMS.*`` meta tags (any case, ``.`` or ``:`` after the prefix).

``DC.subject`` gives keywords, ``DC.rights``/``dcterms.license`` the licence.
"""

from __future__ import annotations

from typing import Final

from byline.document import Document
from byline.fields import Field, Source
from byline.record import Publisher
from byline.sources._common import emit, make_author, meta_tags, unique
from byline.sources.candidate import AnyCandidate, DateValue

SOURCE: Final = Source.DUBLIN_CORE
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


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not any(key.startswith("dc") for key in tags.by_key):
        return []
    publisher = tags.first(*_keys(PUBLISHER))
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first(*_keys(TITLE)),
            Field.AUTHORS: unique(make_author(doc, name) for name in tags.all(*_keys(CREATOR))),
            Field.PUBLISHED: DateValue.parse(tags.first(*_keys(PUBLISHED))),
            Field.MODIFIED: DateValue.parse(tags.first(*_keys(MODIFIED))),
            Field.DESCRIPTION: tags.first(*_keys(DESCRIPTION)),
            Field.KEYWORDS: tags.all(*_keys(SUBJECT)),
            Field.LANGUAGE: tags.first(*_keys(LANGUAGE)),
            Field.PUBLISHER: Publisher(name=publisher) if publisher else None,
            Field.LICENSE: tags.first(*_keys(LICENSE)),
        },
    )
