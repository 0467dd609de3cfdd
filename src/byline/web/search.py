"""The corpus side of the web interface: opening the store, reading search parameters."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import BeforeValidator

from byline.store import Store

MAX_QUERY_CHARS = 500
MAX_FILTER_CHARS = 300


def _blank_as_none(value: Any) -> Any:
    """An empty form field ("since=") means no filter, not a bad date."""
    return None if isinstance(value, str) and not value.strip() else value


Filter = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
DateFilter = Annotated[date | None, BeforeValidator(_blank_as_none), Query()]


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

    def filters(self) -> dict[str, Any]:
        """The filters as ``Store.search`` keyword arguments (unset ones left out)."""
        names = ("site", "section", "language", "author", "tag", "since", "until")
        return {name: getattr(self, name) for name in names if getattr(self, name)}


def search_params(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Full-text query")] = "",
    site: Filter = None,
    section: Filter = None,
    language: Filter = None,
    author: Filter = None,
    tag: Filter = None,
    since: DateFilter = None,
    until: DateFilter = None,
) -> SearchParams:
    """FastAPI dependency: the search parameters of a request (shared by page and API)."""
    return SearchParams(q.strip(), site, section, language, author, tag, since, until)


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """The app's corpus, read-only, for one request (SQLite connections stay in
    their thread, and requests run in a pool of them)."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()
