"""The store's SQLite file: opening it, its schema, and migrating it forward.

The schema is versioned with ``PRAGMA user_version``: migration N takes a store
from version N-1 to N, each in its own transaction, when a store is opened.
Records are numbered (``doc``) in order of publication day, so a date filter is
a range of numbers the full-text index seeks to, and newest-first needs no sort.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from byline.language import language_tag, primary_language

PAGE_SIZE = 8192
"""SQLite page size of a new store: records of a few KB waste less of 8 KB pages than of 4 KB."""
DAY_DOCS = 2**24
"""Doc numbers of one publication day (see ``doc_day``): more records than a day has."""
ALL_DOCS = (0, (date.max.toordinal() + 1) * DAY_DOCS - 1)
"""Every doc number a record can have: the range of a search without date filters."""


class StoreError(sqlite3.DatabaseError):
    """A database byline cannot use: missing, not a corpus, or of a newer schema."""


def doc_day(day: date | None) -> int:
    """The day's number in doc numbers: records are numbered in publication order, so a
    date range is a range of doc numbers (day N's docs are N * DAY_DOCS and up; undated
    records come first, as day 0)."""
    return day.toordinal() if day else 0


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """The store at ``path``, opened and migrated to ``SCHEMA_VERSION``."""
    conn = _connection(path, readonly)
    try:
        _migrate(conn, path, readonly)
    except BaseException:
        conn.close()
        raise
    return conn


def _connection(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly and not path.is_file():
        raise StoreError(f"no corpus database at {path}")
    target = path.resolve().as_uri() + "?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(target, uri=readonly, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    try:
        if not readonly:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect on a new database only
            conn.execute("PRAGMA journal_mode = WAL")  # readers go on while a writer ingests
            conn.execute("PRAGMA synchronous = NORMAL")  # durable enough with WAL, much faster
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{path} is not a corpus database: {error}") from None
    return conn


def _migrate(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """Bring the schema to ``SCHEMA_VERSION``, one migration per transaction."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a corpus database: {error}") from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}; this byline reads up to "
            f"{SCHEMA_VERSION}: upgrade byline"
        )
    if version == 0 and tables:
        raise StoreError(f"{path} is an SQLite database but not a byline corpus")
    if version == 0 and readonly:
        raise StoreError(f"{path} holds no byline corpus yet")
    if version < SCHEMA_VERSION and readonly:
        raise StoreError(
            f"{path} has schema version {version} (current: {SCHEMA_VERSION}): "
            "open it writable once (e.g. byline ingest) to upgrade it"
        )
    for number, migration in enumerate(MIGRATIONS[version:], version + 1):
        conn.execute("BEGIN")
        try:
            migration(conn)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


_SCHEMA_1 = (
    # articles: what filters and facets read, narrow so that joining it is cheap.
    # doc numbers a record in every table; key is its canonical URL, else URL, else id.
    """CREATE TABLE articles (
        doc INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        url TEXT,
        site TEXT,
        section TEXT COLLATE NOCASE,
        language TEXT,
        lang TEXT,
        published TEXT,
        day TEXT,
        duplicate_of TEXT
    )""",
    "CREATE INDEX articles_site ON articles (site)",
    "CREATE INDEX articles_section ON articles (section)",
    "CREATE INDEX articles_lang ON articles (lang)",
    "CREATE INDEX articles_language ON articles (language)",
    "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)",
    # texts: the content the full-text index reads and snippets are cut from.
    """CREATE TABLE texts (
        doc INTEGER PRIMARY KEY REFERENCES articles (doc) ON DELETE CASCADE,
        title TEXT,
        description TEXT,
        body TEXT,
        authors TEXT,
        tags TEXT
    )""",
    """CREATE TABLE records (
        doc INTEGER PRIMARY KEY REFERENCES articles (doc) ON DELETE CASCADE,
        record TEXT NOT NULL
    )""",
    # authors and tags: a record's rows are read by doc (facets), filtered by value
    """CREATE TABLE article_authors (
        doc INTEGER NOT NULL REFERENCES articles (doc) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (doc, name)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_authors_name ON article_authors (name)",
    """CREATE TABLE article_tags (
        doc INTEGER NOT NULL REFERENCES articles (doc) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (doc, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_tags_tag ON article_tags (tag)",
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, description, body, authors, tags,
        content = 'texts', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    # texts rows are inserted and deleted, never updated: two triggers keep the index in step
    """CREATE TRIGGER texts_indexed AFTER INSERT ON texts BEGIN
        INSERT INTO articles_fts (rowid, title, description, body, authors, tags)
        VALUES (new.doc, new.title, new.description, new.body, new.authors, new.tags);
    END""",
    """CREATE TRIGGER texts_unindexed AFTER DELETE ON texts BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, description, body, authors, tags)
        VALUES ('delete', old.doc, old.title, old.description, old.body, old.authors, old.tags);
    END""",
)


def _create_schema(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA_1:
        conn.execute(statement)


def _bcp47_languages(conn: sqlite3.Connection) -> None:
    """Language tags as ``byline.language.language_tag`` writes them (``pt-BR``, not the
    lower-cased ``pt-br`` of schema 1), so a filter normalised by it finds them."""
    tags = conn.execute("SELECT doc, language FROM articles WHERE language IS NOT NULL")
    retagged = [(tag := language_tag(given), lang_column(tag), doc) for doc, given in tags]
    conn.executemany("UPDATE articles SET language = ?, lang = ? WHERE doc = ?", retagged)


def lang_column(tag: str | None) -> str | None:
    """The ``lang`` column, which language filters without a region and facets read: the
    tag's language without its script or region (``pt`` of ``pt-BR``)."""
    return primary_language(tag) if tag else None


_SCHEMA_3 = (
    # stories and versions: every version of every article (byline.store.versions)
    """CREATE TABLE stories (
        key TEXT PRIMARY KEY,
        versions INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        removed_at TEXT
    ) WITHOUT ROWID""",
    "CREATE INDEX stories_changed ON stories (key) WHERE versions > 1",
    "CREATE INDEX stories_removed ON stories (key) WHERE removed_at IS NOT NULL",
    # delta: NULL for the latest version (its record is the stored one)
    """CREATE TABLE versions (
        key TEXT NOT NULL,
        number INTEGER NOT NULL,
        fetched_at TEXT,
        changed TEXT NOT NULL,
        delta BLOB,
        PRIMARY KEY (key, number)
    ) WITHOUT ROWID""",
    # each stored record is its article's first version, seen when it was fetched
    """INSERT INTO stories (key, versions, first_seen, last_seen)
        SELECT key, 1, seen, seen FROM (
            SELECT a.key, coalesce(json_extract(r.record, '$.source.fetched_at'),
                                   json_extract(r.record, '$.source.date')) AS seen
            FROM articles AS a JOIN records AS r USING (doc))""",
    "INSERT INTO versions (key, number, fetched_at, changed) "
    "SELECT key, 1, first_seen, '[]' FROM stories",
    # watched: what byline watch visits, and when (byline.store.visits)
    # next_visit NULL: no more visits (the schedule is over, or the page is gone)
    """CREATE TABLE watched (
        url TEXT PRIMARY KEY,
        listing TEXT,
        key TEXT,
        etag TEXT,
        last_modified TEXT,
        first_seen TEXT NOT NULL,
        last_visit TEXT,
        next_visit TEXT,
        visits INTEGER NOT NULL DEFAULT 0,
        outcome TEXT,
        removed_at TEXT
    ) WITHOUT ROWID""",
    "CREATE INDEX watched_due ON watched (next_visit) WHERE next_visit IS NOT NULL",
    "CREATE INDEX watched_key ON watched (key)",
)


def _versions(conn: sqlite3.Connection) -> None:
    """The tables of articles' versions and of what ``byline watch`` visits."""
    for statement in _SCHEMA_3:
        conn.execute(statement)


def _two_letter_languages(conn: sqlite3.Connection) -> None:
    """Language tags retagged once more: ``language_tag`` writes the ISO 639-2 codes pages
    give ("eng", "ger") as BCP 47's two letters since schema 4."""
    _bcp47_languages(conn)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _create_schema,
    _bcp47_languages,
    _versions,
    _two_letter_languages,
]
"""Migration N (1-based) takes a store from schema version N-1 to N. Append, never edit."""
SCHEMA_VERSION = len(MIGRATIONS)
