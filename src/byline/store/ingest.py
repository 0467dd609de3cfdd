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
from typing import Literal
from urllib.parse import urlsplit

from byline.language import language_tag
from byline.record import Record, RecordError
from byline.store.schema import DAY_DOCS, StoreError, doc_day, primary_language
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
    """Records without text, and copies stored under their original's URL."""
    bad_lines: int = 0
    """Lines of a JSON Lines file that are not a record: not a JSON object, or not of the
    record's types (``byline.record.RecordError``; ``ingest_jsonl`` only)."""

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def ingest(conn: sqlite3.Connection, records: Iterable[Record], stats: IngestStats) -> None:
    """Store ``records``, ``BATCH_ROWS`` to a transaction; counted in ``stats``."""
    conn.execute("BEGIN")
    try:
        for n, record in enumerate(records, 1):
            stats.add(_store(conn, record))
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
    data = json.loads(text)
    if data.get("body") is None and body is not None:
        data["body"] = body  # kept once, in texts
    try:
        return Record.from_dict(data)
    except RecordError as error:  # only a record stored by hand, never by ingest
        raise StoreError(f"a stored record is not a record: {error}") from None


def _store(conn: sqlite3.Connection, record: Record) -> Outcome:
    prepared = Prepared.of(record)
    if prepared is None:
        return "skipped"
    article = prepared.article
    existing = conn.execute(
        "SELECT doc, id FROM articles WHERE key = ? OR id = ?", (article["key"], article["id"])
    ).fetchall()
    original = article["duplicate_of"]
    if original and any(id_ == original for _, id_ in existing):
        return "skipped"  # the same page as its original: keep the original
    # the other tables' rows go with these (ON DELETE CASCADE), the index's by trigger
    conn.executemany("DELETE FROM articles WHERE doc = ?", [(doc,) for doc, _ in existing])
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
    return "updated" if existing else "inserted"


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
            "lang": primary_language(language),
            "published": published,
            "day": published[: len("YYYY-MM-DD")] if published else None,
            "duplicate_of": _text(record.duplicate_of),
        }
        text |= {"authors": "\n".join(authors) or None, "tags": "\n".join(tags) or None}
        stored = {**row, "body": None} if text["body"] == row["body"] else row
        return cls(columns, text, _utf8(json.dumps(stored, ensure_ascii=False)), authors, tags)


def site_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased, without ``www.``: the site filters and facets use."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


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
