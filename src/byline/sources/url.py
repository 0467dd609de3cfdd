"""The ``url`` source: the publication day many sites put in the URL path.

``https://example.com/2023/06/23/slug`` proposes ``published = "2023-06-23"``. The page
URL is read first; without a date there, the canonical link (which often keeps the dated
path when the page was fetched through a short or tracking URL), then the address the page
gives for sharing (``og:url``, also written as a ``<meta name>``), then the addresses of
the page in another form its head links to (``rel="amphtml"``, ``rel="alternate"``: the AMP
or print page, another language's, the oEmbed endpoint that names the page's address).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final
from urllib.parse import unquote

from byline.dates import date_in_url
from byline.document import Document
from byline.fields import Field, Markup, Source
from byline.sources.candidate import AnyCandidate, Candidate, DateValue, Evidence
from byline.sources.dom_dates import month_first

SOURCE: Final = Source.URL
PAGE_URL: Final = Evidence(Markup.PAGE_URL)
CANONICAL_URL: Final = Evidence(Markup.CANONICAL_URL)
ALTERNATE_URL: Final = Evidence(Markup.ALTERNATE_URL)
ALTERNATE_RELS: Final = frozenset({"amphtml", "alternate"})
"""``rel`` words of a link to the page in another form."""


def candidates(doc: Document) -> list[AnyCandidate]:
    """At most one ``published`` candidate, a day (a ``/06-12-2020/`` read in the order the
    page writes its dates)."""
    for url, evidence in _addresses(doc):
        if isinstance(url, str):
            day = date_in_url(url, month_first(doc))
            if day is not None:
                return [
                    Candidate(Field.PUBLISHED, DateValue(day, day.isoformat()), SOURCE, evidence)
                ]
    return []


def _addresses(doc: Document) -> Iterator[tuple[str | None, Evidence]]:
    """The page's addresses in the order they are read, each looked up only when those
    before it carry no day (most page URLs do)."""
    yield doc.url, PAGE_URL
    yield _canonical_href(doc), CANONICAL_URL
    yield _shared_url(doc), CANONICAL_URL
    for href in _alternate_hrefs(doc):
        yield href, ALTERNATE_URL


def _canonical_href(doc: Document) -> str | None:
    # ``head/``, not ``.//head/``: libxml2 puts the one head under the root (a head tag
    # anywhere else is dropped), and a search of the whole tree for it costs more
    for link in doc.root.iterfind("head/link[@rel][@href]"):
        if "canonical" in str(link.get("rel", "")).lower().split():
            return str(link.get("href"))
    return None


def _alternate_hrefs(doc: Document) -> Iterator[str]:
    """The addresses of the page's other forms, as the head links to them (an oEmbed link
    holds the page's address escaped in its query: read unescaped)."""
    for link in doc.root.iterfind("head/link[@rel][@href]"):
        if not ALTERNATE_RELS.isdisjoint(str(link.get("rel", "")).lower().split()):
            yield unquote(str(link.get("href")))


def _shared_url(doc: Document) -> str | None:
    """The ``og:url`` of the page's head, as a property or as a name."""
    for meta in doc.root.iterfind("head/meta[@content]"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            return str(meta.get("content"))
    return None
