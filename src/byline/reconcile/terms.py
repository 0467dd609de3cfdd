"""Tags and keywords: the terms of every source, split and de-duplicated."""

from __future__ import annotations

import re
from typing import Final

from byline.fields import Field, Source
from byline.reconcile.choice import Choice
from byline.reconcile.trust import by_trust
from byline.sources.candidate import Candidate

_TERM_SEPARATORS: Final = re.compile(r"\s*[,;|]\s*")


def merged_terms(
    field: Field, candidates: list[Candidate[list[str]]], exclude: frozenset[Source] = frozenset()
) -> Choice[list[str]] | None:
    """Terms from every source, split on commas, de-duplicated case-insensitively; credited
    to the first source that gives one.

    Sources in ``exclude`` contribute only when no other source has terms
    (visible tag links are noisier than declared tags).
    """
    ranked = by_trust(field, candidates)
    preferred = [c for c in ranked if c.source not in exclude] or ranked
    terms: list[str] = []
    seen: set[str] = set()
    first_source = None
    for candidate in preferred:
        for term in _split_terms(candidate.value):
            if term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
                first_source = first_source or candidate.source
    return Choice(terms, first_source) if first_source is not None else None


def _split_terms(items: list[str]) -> list[str]:
    terms: list[str] = []
    for item in items:
        parts = (" ".join(part.split()) for part in _TERM_SEPARATORS.split(item))
        terms.extend(part for part in parts if part)
    return terms
