"""The corpus side of the web interface: opening the store, reading search parameters."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BeforeValidator, WithJsonSchema

from byline.store import DATE_FORMS, Store, period
from byline.store.query import (
    MAX_PREFIX_TERMS,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MIN_PREFIX_CHARS,
    QUERY_SECONDS,
)

MAX_FILTER_CHARS = 300
QUERY_DESCRIPTION = (
    'Full-text query: every word must match, "a phrase" as written, word* a prefix. At most'
    f" {MAX_QUERY_TERMS} words and phrases, {MAX_PREFIX_TERMS} prefixes of {MIN_PREFIX_CHARS}"
    f" characters or more, {QUERY_SECONDS:g} s of work (400 over a limit)."
)
DATE_PATTERN = r"^\s*\d{4}(-\d{2}(-\d{2})?)?\s*$"
"""The shape of a date filter's value (``byline.store.period`` reads it)."""


def _first_day(value: Any) -> Any:
    return _period_end(value, 0)


def _last_day(value: Any) -> Any:
    return _period_end(value, 1)


def _period_end(value: Any, end: int) -> Any:
    """The first (``end`` 0) or last (1) day of a date filter's period; an empty form field
    ("since=") means no filter, not a bad date. ValueError in words for a bad date."""
    if not isinstance(value, str):
        return value
    return period(value)[end] if value.strip() else None


def _date_schema(meaning: str) -> WithJsonSchema:
    """A date filter in the OpenAPI schema: text of one of ``DATE_FORMS``."""
    description = f"{DATE_FORMS}: {meaning}"
    return WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "description": description})


Filter = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
SinceFilter = Annotated[
    date | None,
    BeforeValidator(_first_day),
    _date_schema("published on or after its first day"),
    Query(),
]
UntilFilter = Annotated[
    date | None,
    BeforeValidator(_last_day),
    _date_schema("published on or before its last day"),
    Query(),
]


FILTER_NAMES = (
    "site",
    "section",
    "language",
    "author",
    "tag",
    "since",
    "until",
    "changed",
    "removed",
)


@dataclass(slots=True)
class SearchParams:
    """A full-text query and the filters of one search."""

    q: str = ""
    site: str | None = None
    section: str | None = None
    language: str | None = None
    author: str | None = None
    tag: str | None = None
    since: date | None = None
    until: date | None = None
    changed: bool = False
    removed: bool = False

    def filters(self) -> dict[str, Any]:
        """The filters as ``Store.search`` keyword arguments (unset ones left out)."""
        names = FILTER_NAMES
        return {name: getattr(self, name) for name in names if getattr(self, name)}


def search_params(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description=QUERY_DESCRIPTION)] = "",
    site: Filter = None,
    section: Filter = None,
    language: Filter = None,
    author: Filter = None,
    tag: Filter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    changed: Annotated[bool, Query(description="Only articles with several versions")] = False,
    removed: Annotated[bool, Query(description="Only articles found gone from their site")] = False,
) -> SearchParams:
    """FastAPI dependency: the search parameters of a request (shared by page and API)."""
    return SearchParams(
        q.strip(), site, section, language, author, tag, since, until, changed, removed
    )


class StorePerThread(threading.local):
    """The corpus, read-only, one ``Store`` per thread, opened on its first request.

    SQLite connections stay in their thread; requests run on a pool of threads
    that lives as long as the server, so each thread's connection serves request
    after request, and no two requests share one (reads run side by side, in WAL
    mode without blocking a writer).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store: Store | None = None

    def get(self) -> Store:
        if self.store is None:
            self.store = Store(self.path, readonly=True)
        return self.store


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """This thread's store of the app's corpus (``StorePerThread``) for one request, whose
    reads stop after ``QUERY_SECONDS`` together."""
    stores: StorePerThread = request.app.state.stores
    store = stores.get()
    with store.time_limit():
        yield store
