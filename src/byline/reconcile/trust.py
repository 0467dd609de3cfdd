"""How far each source is trusted, per field: the ranking every chooser starts from.

Every ranking orders every ``Source`` (a test checks it); a source that never gives a
field ranks last for it, in the order sources are collected.
"""

from __future__ import annotations

from typing import Final, TypeVar

from byline.fields import Field, Source
from byline.sources.candidate import Candidate

JSON_LD: Final = Source.JSON_LD
MICRODATA: Final = Source.MICRODATA
OPENGRAPH: Final = Source.OPENGRAPH
TWITTER: Final = Source.TWITTER
META: Final = Source.META
DUBLIN_CORE: Final = Source.DUBLIN_CORE
DOM: Final = Source.DOM
URL: Final = Source.URL

# Which source to believe first, per field, when there is no stronger rule.
# JSON-LD and microdata are written for machines by the CMS; OpenGraph is written
# for social previews (often shortened); the visible page ("dom") is what readers see.
DEFAULT_PRIORITY: Final = (JSON_LD, MICRODATA, OPENGRAPH, TWITTER, META, DUBLIN_CORE, DOM, URL)
PRIORITY: Final[dict[Field, tuple[Source, ...]]] = {
    Field.TITLE: (JSON_LD, OPENGRAPH, MICRODATA, TWITTER, META, DUBLIN_CORE, DOM, URL),
    Field.DESCRIPTION: (JSON_LD, OPENGRAPH, META, TWITTER, MICRODATA, DUBLIN_CORE, DOM, URL),
    Field.SECTION: (JSON_LD, OPENGRAPH, META, MICRODATA, DUBLIN_CORE, DOM, TWITTER, URL),
    Field.LANGUAGE: (DOM, JSON_LD, MICRODATA, META, DUBLIN_CORE, OPENGRAPH, TWITTER, URL),
    Field.CANONICAL_URL: (DOM, OPENGRAPH, JSON_LD, MICRODATA, TWITTER, META, DUBLIN_CORE, URL),
    Field.LICENSE: (JSON_LD, MICRODATA, DOM, DUBLIN_CORE, META, OPENGRAPH, TWITTER, URL),
    # Measured on the development corpus (pages where two sources name different people):
    # JSON-LD beat the visible byline 10 to 4, the visible byline beat <meta name=author>
    # 10 to 3 (that tag often names the site or its owner), microdata and OpenGraph were
    # about even with it on a handful of pages.
    Field.AUTHORS: (JSON_LD, OPENGRAPH, DOM, MICRODATA, DUBLIN_CORE, META, TWITTER, URL),
    Field.IMAGES: (JSON_LD, OPENGRAPH, TWITTER, MICRODATA, META, DOM, DUBLIN_CORE, URL),
}

DATE_VOTE_WEIGHT: Final[dict[Source, float]] = {
    JSON_LD: 1.0, MICRODATA: 1.0, OPENGRAPH: 1.0, TWITTER: 0.8, META: 0.8, DUBLIN_CORE: 0.8,
    DOM: 0.9, URL: 1.2,
}  # fmt: skip
"""How much one source's day counts when sources disagree on the publication day: the vote
that the learned day choice reads (``reconcile.dates``: its ``votes`` and ``most votes``
features, the rule its training pulls towards).

Each source's best value votes for its day; the first source in ``PRIORITY`` breaks ties.
A URL path date is the steadiest statement of a publication day (it never changes when
the article is edited), and the visible page is what readers read as the date."""

PLAIN_META_SOURCES: Final = frozenset({META, DUBLIN_CORE})
"""Sources read from plain ``<meta>`` tags. A CMS prints one stored date into several of
them (``name="date"``, ``DC.date``, ``DCTERMS.date``): the same instant from two of them is
one statement, and votes once."""

_RANKS: Final = {
    field: {source: index for index, source in enumerate(PRIORITY.get(field, DEFAULT_PRIORITY))}
    for field in Field
}

C = TypeVar("C", bound="Candidate[object]")  # (a string: see ``AnyCandidate``)


def by_trust(field: Field, candidates: list[C]) -> list[C]:
    """``candidates`` for ``field``, the most trusted source first (a source's own order kept)."""
    rank = _RANKS[field]
    return sorted(candidates, key=lambda c: rank[c.source])
