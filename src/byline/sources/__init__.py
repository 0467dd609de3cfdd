"""Metadata sources: each module reads one kind of markup and proposes candidates.

A source never decides: it reports what the page says, as ``Candidate`` values,
and ``byline.reconcile`` picks one value per record field.

Value conventions per field (what a source puts in ``Candidate.value``):

===============  ==============================================================
field            value
===============  ==============================================================
title            str (as written; reconcile strips " | Site" suffixes)
headline         str, a heading shown on the page (reconcile trusts it when a title agrees)
description      str
published        str, the raw date text (``byline.dates`` parses it)
modified         str, the raw date text
section          str
tags             list[str] (items may still hold comma-separated lists)
keywords         list[str] (items may still hold comma-separated lists)
authors          list[AuthorCandidate]
publisher        Publisher
site_name        str, the site's own name (helps strip title suffixes)
language         str, as written (``en_EN``, ``de-DE``...)
canonical_url    str, absolute
images           list[Image] with absolute URLs
license          str
speakable        list[str]
article_body     str, the text of JSON-LD/microdata ``articleBody``
===============  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from byline.document import Document


@dataclass(slots=True, frozen=True)
class Candidate:
    """One value a source found for one record field."""

    field: str
    value: Any
    source: str


@dataclass(slots=True, frozen=True)
class AuthorCandidate:
    """An author as a source gives it; ``kind`` is what the markup says it is."""

    name: str
    url: str | None = None
    kind: str | None = None  # "person", "organization" or None when the markup does not say


def collect(doc: Document) -> list[Candidate]:
    """Every candidate from every source, in no particular order of trust."""
    from byline.sources import dom, dublincore, jsonld, meta, microdata, opengraph, twitter, url

    found: list[Candidate] = []
    for module in (jsonld, microdata, opengraph, twitter, meta, dublincore, dom, url):
        found.extend(module.candidates(doc))
    return found
