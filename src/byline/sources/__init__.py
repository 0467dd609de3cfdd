"""Metadata sources: each module reads one kind of markup and proposes candidates.

A source never decides: it reports what the page says, as ``Candidate`` values (see
``byline.sources.candidate`` for the contract and the value type of each field), and
``byline.reconcile`` picks one value per record field.
"""

from __future__ import annotations

from byline.document import Document
from byline.sources import dom, dublincore, jsonld, meta, microdata, opengraph, twitter, url
from byline.sources.candidate import AnyCandidate


def collect(doc: Document) -> list[AnyCandidate]:
    """Every candidate from every source, in no particular order of trust."""
    found: list[AnyCandidate] = []
    for module in (jsonld, microdata, opengraph, twitter, meta, dublincore, dom, url):
        found.extend(module.candidates(doc))
    return found
