"""JSON-LD: every ``<script type="application/ld+json">`` block of the page.

Blocks are read leniently (real pages ship broken JSON) and merged into one graph,
so ``@id`` references resolve across blocks; ``byline.sources._schemaorg`` then
picks the article object and maps its properties.
"""

from __future__ import annotations

from typing import Any, Final

from byline.document import Document
from byline.fields import Source
from byline.sources._common import MAX_JSON_CHARS, lenient_json
from byline.sources._page import page_of
from byline.sources._schemaorg import article_candidates
from byline.sources.candidate import AnyCandidate

SOURCE: Final = Source.JSON_LD
_TYPE: Final = "ld+json"  # application/ld+json, whatever the case or parameters


def blocks(doc: Document) -> list[Any]:
    """The decoded values of every JSON-LD block, unreadable blocks left out, and so are
    the blocks past ``MAX_JSON_CHARS`` of JSON-LD on the page (decoded JSON takes many
    times its text's memory: many blocks just under the cap would add up)."""
    values: list[Any] = []
    budget = MAX_JSON_CHARS
    for script in page_of(doc).scripts:
        if _TYPE in (script.get("type") or "").lower():
            text = script.text or ""
            if len(text) <= budget:  # a block too long is skipped, not the ones after it
                budget -= len(text)
                values.extend(lenient_json(text))
    return values


def candidates(doc: Document) -> list[AnyCandidate]:
    roots = blocks(doc)
    return article_candidates(roots, doc, SOURCE) if roots else []
