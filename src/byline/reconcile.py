"""Placeholder reconciliation: first candidate wins."""

from __future__ import annotations

from byline.record import Article
from byline.sources import Candidate


def reconcile(candidates: list[Candidate], url: str | None = None) -> Article:
    article = Article(url=url)
    for c in candidates:
        if c.field in ("title", "description") and getattr(article, c.field) is None:
            setattr(article, c.field, c.value)
    return article
