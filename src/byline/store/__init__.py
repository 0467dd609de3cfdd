"""The corpus store: article records in one SQLite file, searchable in full text.

``byline ingest`` fills a store from ``byline run`` output (JSON Lines of
``Record.to_dict()``, read back through ``Record.from_dict``); ``byline search``
and the web interface read it.

Each record is a row of ``articles`` (its key and the columns filters read:
site, section, language, published day), of ``texts`` (what an FTS5 index over
title, description, body, author names and tags reads) and of ``records`` (its
JSON). Authors and tags also sit in side tables, so filters and facet counts are
plain indexed SQL. Records are keyed by canonical URL (else URL, else id):
ingesting a page again replaces its rows.

Each article keeps every version ingested (``versions``: a record differing in
title, description, body, authors or dates is a new one), and ``byline watch``
keeps its watch list here too (``visits``), so that it resumes where it stopped.

The package by concern: ``schema`` (the file, its tables and migrations),
``ingest`` (records into rows), ``query`` (search, filters, ranking, facets),
``snippets`` (matches as escaped HTML), ``versions`` (every version of every
article), ``visits`` (what ``byline watch`` visits, and when). Reads stop after
``QUERY_SECONDS`` (``Store.time_limit``): a search asking for more work gives a
``QueryError``.
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Final

from byline.document import site_of
from byline.record import Record
from byline.store import query as queries
from byline.store import versions
from byline.store.ingest import (
    IngestStats,
    ingest,
    json_records,
    stored_record,
    stored_row,
)
from byline.store.query import (
    DATE_FORMS,
    QUERY_SECONDS,
    Filters,
    Hit,
    QueryError,
    SearchResult,
    fts_query,
    period,
)
from byline.store.schema import StoreError, connect
from byline.store.versions import Story, Version

__all__ = [
    "DATE_FORMS",
    "Filters",
    "Hit",
    "IngestStats",
    "QueryError",
    "SearchResult",
    "Store",
    "StoreError",
    "Story",
    "Version",
    "fts_query",
    "period",
    "site_of",
]

PROGRESS_STEPS: Final = 1_000
"""SQLite virtual machine steps between two looks at the clock (a few microseconds)."""


class Store:
    """An embedded SQLite corpus of article records with an FTS5 index."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._conn = connect(self.path, readonly)
        self._deadline = math.inf
        self._conn.set_progress_handler(self._past_deadline, PROGRESS_STEPS)

    # --- writing ---------------------------------------------------------------------

    def ingest(self, records: Iterable[Record]) -> IngestStats:
        """Store ``records``, replacing stored records of the same pages."""
        return self._ingest(records, IngestStats())

    def ingest_jsonl(self, path: str | Path) -> IngestStats:
        """Store the records of a JSON Lines file (``byline run`` output), streaming it.

        Lines that are not a record are counted in ``bad_lines`` and passed over.
        """
        stats = IngestStats()
        return self._ingest(json_records(Path(path), stats), stats)

    def _ingest(self, records: Iterable[Record], stats: IngestStats) -> IngestStats:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        ingest(self._conn, records, stats)
        return stats

    # --- reading ---------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        *,
        since: date | None = None,
        until: date | None = None,
        site: str | None = None,
        section: str | None = None,
        author: str | None = None,
        tag: str | None = None,
        language: str | None = None,
        changed: bool = False,
        removed: bool = False,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """Records matching every word of ``query`` (best first) within the filters.

        A ``"quoted phrase"`` must appear as written and ``word*`` matches words
        starting with ``word``. A query without words gives every record within the
        filters, newest first. When more than ``RANK_WINDOW`` records match, the
        newest ``RANK_WINDOW`` of them come first (best first), then the older ones.
        ``language="en"`` keeps records in English of any region, ``"en-GB"`` those
        tagged so (tags read as ``byline.language.language_tag`` reads them).
        ``changed`` keeps articles with more than one version, ``removed`` those whose
        page was found gone; each record found is its article's latest version.
        """
        filters = Filters(since, until, site, section, author, tag, language, changed, removed)
        with self.time_limit():
            return queries.search(self._conn, query, filters, limit, offset)

    def facets(self, query: str = "", **filters: Any) -> dict[str, list[tuple[str, int]]]:
        """The top values of site, section, language, author and tag among the matches."""
        with self.time_limit():
            return queries.facets(self._conn, query, Filters(**filters))

    def histogram(self, query: str = "", **filters: Any) -> list[tuple[str, int]]:
        """Matches per month of publication, ``("YYYY-MM", count)``, oldest first."""
        with self.time_limit():
            return queries.histogram(self._conn, query, Filters(**filters))

    @contextmanager
    def time_limit(self, seconds: float = QUERY_SECONDS) -> Iterator[None]:
        """Stop the reads within the block after ``seconds`` of work with a ``QueryError``.

        Each search, facets and histogram call runs in one; a block around several
        (a web request's) gives them one limit together: an inner block keeps the
        outer block's end. Work is the CPU time of the thread reading (the store's
        connection is used by one thread): on a busy server, a query waiting for a
        core is not stopped for it.
        """
        if self._deadline != math.inf:
            yield
            return
        self._deadline = time.thread_time() + seconds
        try:
            yield
        except sqlite3.OperationalError:
            if time.thread_time() < self._deadline:
                raise
            raise QueryError(
                f"the search took over {seconds:g} s and was stopped: use fewer words or"
                " prefixes (word*), longer prefixes, or filters"
            ) from None
        finally:
            self._deadline = math.inf

    def _past_deadline(self) -> bool:
        """SQLite's progress handler: a true value interrupts the running statement."""
        return time.thread_time() > self._deadline

    def article(self, article_id: str) -> Record | None:
        """The record with this id."""
        found = self._conn.execute(
            "SELECT record, body FROM articles JOIN records USING (doc) JOIN texts USING (doc)"
            " WHERE id = ?",
            (article_id,),
        ).fetchone()
        return None if found is None else stored_record(*found)

    def versions(self, article_id: str) -> list[Version]:
        """Every version of the article with this id, oldest first (none if no such id)."""
        found = self._conn.execute(
            "SELECT key, record, body FROM articles JOIN records USING (doc)"
            " JOIN texts USING (doc) WHERE id = ?",
            (article_id,),
        ).fetchone()
        return (
            [] if found is None else versions.versions(self._conn, found[0], stored_row(*found[1:]))
        )

    def story(self, article_id: str) -> Story | None:
        """How many versions the article with this id has, when it was first and last
        seen, and when it was found removed."""
        found = self._conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,))
        key = found.fetchone()
        return None if key is None else versions.story(self._conn, key[0])

    def article_id(self, url: str) -> str | None:
        """The id of the article at ``url``: its canonical URL or URL, a watched URL that
        gave it, or its id."""
        lookups = (  # on the indexes first; the URL column last (a scan)
            "SELECT id FROM articles WHERE key = ?",
            "SELECT id FROM articles WHERE key = (SELECT key FROM watched WHERE url = ?)",
            "SELECT id FROM articles WHERE id = ?",
            "SELECT id FROM articles WHERE url = ? LIMIT 1",
        )
        for lookup in lookups:
            found = self._conn.execute(lookup, (url,)).fetchone()
            if found is not None:
                return str(found[0])
        return None

    def duplicates(self, article_id: str) -> list[Hit]:
        """The other copies of the story: its original first, then the copies, oldest first."""
        return queries.duplicates(self._conn, article_id)

    @property
    def connection(self) -> sqlite3.Connection:
        """The database connection, for ``byline.store.visits`` (``byline watch``)."""
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        return self._conn

    def count(self) -> int:
        count: int = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return count

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
