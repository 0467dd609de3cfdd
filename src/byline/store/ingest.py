"""Records into the store's tables: each ``Record`` as the rows filters, facets and the
full-text index read, replacing the stored record of the same page.

Records are keyed by canonical URL (else URL, else id). Text is stored as given
but for blank values (None), lone surrogates (which SQLite cannot store) and the
characters snippets mark matches with.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from byline.document import site_of
from byline.language import language_tag
from byline.record import Record, RecordError
from byline.store import versions
from byline.store.schema import DAY_DOCS, StoreError, doc_day, lang_column
from byline.store.snippets import without_markers

BATCH_ROWS = 1000
"""Records per transaction while ingesting: few commits, bounded work lost on a crash."""

Outcome = Literal["inserted", "updated", "skipped"]


@dataclass
class IngestStats:
    inserted: int = 0
    updated: int = 0
    """Records that replaced a stored record with the same canonical URL (or URL, or id)."""
    skipped: int = 0
    """Records without text, copies stored under their original's URL, and records
    fetched before the stored record of their page was last seen (older news)."""
    bad_lines: int = 0
    """Lines of a JSON Lines file that are not a record: not a JSON object, or not of the
    record's types (``byline.record.RecordError``; ``ingest_jsonl`` only)."""

    versions: int = 0
    """Records that made a new version of a stored article (``byline.store.versions``)."""

    def add(self, stored: Stored) -> None:
        setattr(self, stored.outcome, getattr(self, stored.outcome) + 1)
        self.versions += stored.outcome == "updated" and stored.new_version


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one record did."""

    outcome: Outcome
    key: str | None
    """The article's key (``articles.key``); None when skipped."""
    new_version: bool
    """Whether the record is a new version of its article (its first, when inserted)."""


def ingest(conn: sqlite3.Connection, records: Iterable[Record], stats: IngestStats) -> None:
    """Store ``records``, ``BATCH_ROWS`` to a transaction; counted in ``stats``."""
    conn.execute("BEGIN")
    try:
        for n, record in enumerate(records, 1):
            stats.add(store_record(conn, record))
            if n % BATCH_ROWS == 0:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def json_records(path: Path, stats: IngestStats) -> Iterator[Record]:
    """The records of a JSON Lines file; other lines counted in ``stats.bad_lines``."""
    with path.open("rb") as file:
        for line in file:
            if not line.strip():
                continue
            try:
                yield Record.from_dict(json.loads(line))
            except ValueError:  # not JSON, not UTF-8, or not a record (RecordError)
                stats.bad_lines += 1


def stored_record(text: str, body: str | None) -> Record:
    """A record from its ``records`` row and its ``texts`` body (see ``Prepared.record``)."""
    try:
        return Record.from_dict(stored_row(text, body))
    except RecordError as error:  # only a record stored by hand, never by ingest
        raise StoreError(f"a stored record is not a record: {error}") from None


def stored_row(text: str, body: str | None) -> dict[str, Any]:
    """``stored_record`` as ``Record.to_dict()`` data."""
    data: dict[str, Any] = json.loads(text)
    if data.get("body") is None and body is not None:
        data["body"] = body  # kept once, in texts
    return data


def store_record(conn: sqlite3.Connection, record: Record) -> Stored:
    """Store ``record`` in the caller's transaction, in place of the stored record of the
    same page, and note it as a version of its article."""
    prepared = Prepared.of(record)
    if prepared is None:
        return Stored("skipped", None, False)
    article = prepared.article
    key = str(article["key"])
    existing = conn.execute(
        "SELECT doc, id, key FROM articles WHERE key = ? OR id = ?", (key, article["id"])
    ).fetchall()
    original = article["duplicate_of"]
    if original and any(id_ == original for _, id_, _ in existing):
        return Stored("skipped", None, False)  # the same page as its original: keep it
    previous = _replaced(conn, existing, key)
    current = stored_row(prepared.record, prepared.text["body"])
    if previous is not None and versions.is_older(conn, previous[0], current):
        return Stored("skipped", None, False)  # an older fetch than the stored one's
    # the other tables' rows go with these (ON DELETE CASCADE), the index's by trigger
    conn.executemany("DELETE FROM articles WHERE doc = ?", [(doc,) for doc, _, _ in existing])
    doc = _next_doc(conn, article["day"])
    conn.execute(
        "INSERT INTO articles (doc, id, key, url, site, section, language, lang, published,"
        " day, duplicate_of) VALUES (:doc, :id, :key, :url, :site, :section, :language,"
        " :lang, :published, :day, :duplicate_of)",
        {"doc": doc, **article},
    )
    conn.execute(
        "INSERT INTO texts (doc, title, description, body, authors, tags)"
        " VALUES (:doc, :title, :description, :body, :authors, :tags)",
        {"doc": doc, **prepared.text},
    )
    conn.execute("INSERT INTO records (doc, record) VALUES (?, ?)", (doc, prepared.record))
    conn.executemany(
        "INSERT INTO article_authors (doc, name) VALUES (?, ?)",
        [(doc, name) for name in prepared.authors],
    )
    conn.executemany(
        "INSERT INTO article_tags (doc, tag) VALUES (?, ?)", [(doc, tag) for tag in prepared.tags]
    )
    new_version = versions.note(conn, key, previous, current)
    return Stored("updated" if existing else "inserted", key, new_version)


def _replaced(
    conn: sqlite3.Connection, existing: list[tuple[int, str, str]], key: str
) -> tuple[str, dict[str, Any]] | None:
    """The key and record of the stored article a record with ``key`` replaces: the one
    under that key, else the same page's under another (its canonical URL changed)."""
    if not existing:
        return None
    doc, _, old_key = next((row for row in existing if row[2] == key), existing[0])
    text, body = conn.execute(
        "SELECT record, body FROM records JOIN texts USING (doc) WHERE doc = ?", (doc,)
    ).fetchone()
    return old_key, stored_row(text, body)


def _next_doc(conn: sqlite3.Connection, day: str | None) -> int:
    """A free doc number among those of the publication day (see ``doc_day``)."""
    first = doc_day(date.fromisoformat(day) if day else None) * DAY_DOCS
    last = conn.execute(
        "SELECT max(doc) FROM articles WHERE doc BETWEEN ? AND ?", (first, first + DAY_DOCS - 1)
    ).fetchone()[0]
    if last == first + DAY_DOCS - 1:
        raise StoreError(f"more than {DAY_DOCS} records published on {day}")
    return first if last is None else last + 1


@dataclass
class Prepared:
    """One record as the store keeps it: the rows of its tables."""

    article: dict[str, str | None]
    """``articles``: the key, the filter columns, the id and duplicate_of."""
    text: dict[str, str | None]
    """``texts``: what the full-text index reads."""
    record: str
    """The record as JSON; its body is left out when ``texts`` holds it unchanged."""
    authors: list[str]
    tags: list[str]

    @classmethod
    def of(cls, record: Record) -> Prepared | None:
        """What to store of ``record``; None without text or a key."""
        article, row = record.article, record.to_dict()
        text = {
            "title": _text(article.title),
            "description": _text(article.description),
            "body": _text(article.body),
        }
        url = _text(article.canonical_url) or _text(article.url)
        id_ = _text(record.id) or url
        if not any(text.values()) or id_ is None:
            return None
        language = language_tag(article.language)
        authors = _unique(one_line(author.name) for author in article.authors)
        tags = _unique(one_line(tag) for tag in article.tags)
        published = row["published"]  # ISO 8601: its day is the record's own, in its time zone
        columns = {
            "id": id_,
            "key": url or id_,
            "url": url,
            "site": site_of(url),
            "section": _text(article.section),
            "language": language,
            "lang": lang_column(language),
            "published": published,
            "day": published[: len("YYYY-MM-DD")] if published else None,
            "duplicate_of": _text(record.duplicate_of),
        }
        text |= {"authors": "\n".join(authors) or None, "tags": "\n".join(tags) or None}
        stored = {**row, "body": None} if text["body"] == row["body"] else row
        return cls(columns, text, _utf8(json.dumps(stored, ensure_ascii=False)), authors, tags)


def one_line(text: str) -> str:
    """An author's name or a tag as stored (and filtered by): spaces collapsed."""
    return " ".join((_text(text) or "").split())


def _text(value: str | None) -> str | None:
    """A string field as stored: None when absent or blank; no highlight markers."""
    if value is None or not value.strip():
        return None
    return _utf8(without_markers(value))


def _utf8(text: str) -> str:
    """``text`` without lone surrogates (JSON may escape them; SQLite cannot store them)."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _unique(values: Iterable[str]) -> list[str]:
    """Non-empty values, first spelling of each (ignoring case), in order."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())
