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

The package by concern: ``schema`` (the file, its tables and migrations),
``ingest`` (records into rows), ``query`` (search, filters, ranking, facets),
``snippets`` (matches as escaped HTML).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from byline.record import Record
from byline.store import query as queries
from byline.store.ingest import IngestStats, ingest, json_records, site_of, stored_record
from byline.store.query import Filters, Hit, SearchResult, fts_query
from byline.store.schema import StoreError, connect

__all__ = [
    "Filters",
    "Hit",
    "IngestStats",
    "SearchResult",
    "Store",
    "StoreError",
    "fts_query",
    "site_of",
]


class Store:
    """An embedded SQLite corpus of article records with an FTS5 index."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._conn = connect(self.path, readonly)

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
        """
        filters = Filters(since, until, site, section, author, tag, language)
        return queries.search(self._conn, query, filters, limit, offset)

    def facets(self, query: str = "", **filters: Any) -> dict[str, list[tuple[str, int]]]:
        """The top values of site, section, language, author and tag among the matches."""
        return queries.facets(self._conn, query, Filters(**filters))

    def histogram(self, query: str = "", **filters: Any) -> list[tuple[str, int]]:
        """Matches per month of publication, ``("YYYY-MM", count)``, oldest first."""
        return queries.histogram(self._conn, query, Filters(**filters))

    def article(self, article_id: str) -> Record | None:
        """The record with this id."""
        found = self._conn.execute(
            "SELECT record, body FROM articles JOIN records USING (doc) JOIN texts USING (doc)"
            " WHERE id = ?",
            (article_id,),
        ).fetchone()
        return None if found is None else stored_record(*found)

    def duplicates(self, article_id: str) -> list[Hit]:
        """The other copies of the story: its original first, then the copies, oldest first."""
        return queries.duplicates(self._conn, article_id)

    def count(self) -> int:
        count: int = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return count

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
