"""What ``byline watch`` visits, kept in the corpus so that a stopped watch goes on where it
was: each watched URL with the listing (feed or sitemap) it came from, the validators
its server sent (ETag, Last-Modified), its visits and when the next one is due.

Every visit is one transaction: the record, its version and the URL's new state are
written together or not at all, so a watch killed at any point loses no visit it
recorded and records none twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from byline.record import Record
from byline.store import versions
from byline.store.ingest import store_record

NEW_ARTICLE = "new article"
NEW_VERSION = "new version"
UNCHANGED = "unchanged"
NOT_MODIFIED = "not modified"
REMOVED = "removed"
NO_TEXT = "no-text"
GONE_STATUSES = frozenset({"http-404", "http-410"})
"""Skip reasons that mean the page was taken down."""


@dataclass(frozen=True, slots=True)
class Due:
    """A watched URL whose visit is due."""

    url: str
    etag: str | None
    last_modified: str | None
    first_seen: str
    listing: str | None


@dataclass(frozen=True, slots=True)
class Watched:
    """A watched URL's state."""

    url: str
    listing: str | None
    key: str | None
    first_seen: str
    last_visit: str | None
    next_visit: str | None
    visits: int
    outcome: str | None
    removed_at: str | None


@dataclass(frozen=True, slots=True)
class Listed:
    """A URL a feed or sitemap lists."""

    url: str
    listing: str
    """The feed or sitemap."""
    changed_at: str | None = None
    """When the listing says the page last changed (a sitemap's ``lastmod``), in UTC as
    the store writes times."""


def listed(conn: sqlite3.Connection, urls: Iterable[Listed], when: str) -> int:
    """Watch the URLs not watched yet, due now; and make those whose listing says they
    changed since their last visit due now (even when the schedule was over). How many
    URLs were new."""
    urls = list(urls)
    with _transaction(conn):
        before = conn.total_changes
        conn.executemany(
            "INSERT OR IGNORE INTO watched (url, listing, first_seen, next_visit)"
            " VALUES (?, ?, ?, ?)",
            [(entry.url, entry.listing, when, when) for entry in urls],
        )
        new = conn.total_changes - before
        conn.executemany(
            "UPDATE watched SET next_visit = ? WHERE url = ? AND removed_at IS NULL"
            " AND last_visit < ? AND (next_visit IS NULL OR next_visit > ?)",
            [(when, e.url, e.changed_at, when) for e in urls if e.changed_at],
        )
    return new


def due(conn: sqlite3.Connection, when: str) -> list[Due]:
    """The URLs whose visit is due at ``when``, longest overdue first."""
    rows = conn.execute(
        "SELECT url, etag, last_modified, first_seen, listing FROM watched"
        " WHERE next_visit IS NOT NULL AND next_visit <= ? ORDER BY next_visit, url",
        (when,),
    ).fetchall()
    return [Due(*row) for row in rows]


def watched(conn: sqlite3.Connection, url: str) -> Watched | None:
    found = conn.execute(
        "SELECT url, listing, key, first_seen, last_visit, next_visit, visits, outcome,"
        " removed_at FROM watched WHERE url = ?",
        (url,),
    ).fetchone()
    return None if found is None else Watched(*found)


def fetched(
    conn: sqlite3.Connection,
    url: str,
    record: Record,
    when: str,
    next_visit: str | None,
    validators: tuple[str | None, str | None],
) -> str:
    """A visit that brought a record: stored (a new article, a new version or a sighting)
    with the URL's state, in one transaction; which of them (``NO_TEXT`` if the record
    has no text to store)."""
    with _transaction(conn):
        stored = store_record(conn, record)
        outcome = {"inserted": NEW_ARTICLE, "skipped": NO_TEXT}.get(
            stored.outcome, NEW_VERSION if stored.new_version else UNCHANGED
        )
        if outcome == NO_TEXT:  # nothing stored: the next visit must get the page again
            validators = (None, None)
        _visited(conn, url, when, next_visit, outcome, validators, stored.key)
    return outcome


def not_modified(
    conn: sqlite3.Connection,
    url: str,
    when: str,
    next_visit: str | None,
    validators: tuple[str | None, str | None],
) -> str:
    """A visit answered 304: the article was seen unchanged."""
    with _transaction(conn):
        key = _key(conn, url)
        if key is not None:
            versions.seen_unchanged(conn, key, when)
        _visited(conn, url, when, next_visit, NOT_MODIFIED, validators, key)
    return NOT_MODIFIED


def gone(conn: sqlite3.Connection, url: str, when: str, status: str) -> str:
    """A visit found the page gone (404, 410): removed at ``when``, no more visits."""
    with _transaction(conn):
        key = _key(conn, url)
        if key is not None:
            versions.removed(conn, key, when)
        _visited(conn, url, when, None, status, (None, None), key)
        conn.execute(
            "UPDATE watched SET removed_at = coalesce(removed_at, ?) WHERE url = ?", (when, url)
        )
    return REMOVED


def missed(
    conn: sqlite3.Connection, url: str, when: str, next_visit: str | None, reason: str
) -> str:
    """A visit that brought no record (a failure, no article, a skip): tried again when the
    schedule says. The validators are forgotten, so that the next visit gets the page."""
    with _transaction(conn):
        _visited(conn, url, when, next_visit, reason, (None, None), _key(conn, url))
    return reason


def _visited(
    conn: sqlite3.Connection,
    url: str,
    when: str,
    next_visit: str | None,
    outcome: str,
    validators: tuple[str | None, str | None],
    key: str | None,
) -> None:
    etag, last_modified = validators
    conn.execute(
        "UPDATE watched SET last_visit = ?, next_visit = ?, visits = visits + 1, outcome = ?,"
        " etag = ?, last_modified = ?, key = ? WHERE url = ?",
        (when, next_visit, outcome, etag, last_modified, key, url),
    )


def _key(conn: sqlite3.Connection, url: str) -> str | None:
    found = conn.execute("SELECT key FROM watched WHERE url = ?", (url,)).fetchone()
    return None if found is None else found[0]


class _transaction:
    """One transaction: committed when the block ends, rolled back if it raises."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")
