"""The corpus store: article records in one SQLite file, searchable in full text.

``byline ingest`` fills a store from ``byline run`` output (JSON Lines of
``Record.to_dict()``); ``byline search`` and the web interface read it.

Each record is a row of ``articles`` (its key and the columns filters read:
site, section, language, published day), of ``texts`` (what an FTS5 index over
title, description, body, author names and tags reads; bm25 ranks matches, the
newest ``RANK_WINDOW`` of them first when more match) and
of ``records`` (its JSON as ingested). Authors and tags also sit in side tables,
so filters and facet counts are plain indexed SQL. Records are numbered
(``doc``) in order of publication day, so a date filter is a range of numbers
the full-text index seeks to, and newest-first needs no sort. Records are keyed
by canonical URL (else URL, else id): ingesting a page again replaces its rows.
The schema is versioned with ``PRAGMA user_version`` and migrated forward when
a store is opened.

Every value from a record or a user reaches SQL as a bound parameter, and a
user's query is rewritten into quoted FTS5 terms, so no input can change a
statement or raise an FTS5 syntax error.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

BATCH_ROWS = 1000
"""Rows per transaction while ingesting: few commits, bounded work lost on a crash."""
COLUMN_WEIGHTS = {"title": 10.0, "description": 4.0, "body": 1.0, "authors": 5.0, "tags": 5.0}
"""bm25 weight of each indexed column: a word in the title says most about the story."""
FACET_SIZE = 10
FEWER_MISSES_MARGIN = 0.2
"""Facets count the records that do not match and subtract them from all the records of the
date range when those are fewer than the matches by this share of the corpus: counting all
the records on the value indexes costs about what counting a fifth of them as matches does."""
RANK_WINDOW = 10_000
"""Most matches one search ranks: bm25 costs about a microsecond per match, so a query
matching more records than this within its filters ranks its newest RANK_WINDOW matches
first (see ``Store._ranked``), in about 10 ms, however many match."""
DAY_DOCS = 2**24
"""Doc numbers of one publication day (see ``_doc_day``): more records than a day has."""
ALL_DOCS = (0, (date.max.toordinal() + 1) * DAY_DOCS - 1)
"""Every doc number a record can have: the range of a search without date filters."""
PAGE_SIZE = 8192
"""SQLite page size of a new store: records of a few KB waste less of 8 KB pages than of 4 KB."""
FEW_FILTERED_SHARE = 0.2
"""Filters keeping at most this share of the corpus are listed before matching (see
``_Selection._matched``): below it, building the list costs less than reading the rows."""
SNIPPET_TOKENS = 24
PLAIN_SNIPPET_CHARS = 200
"""Length of the snippet shown without a query: the start of the description or body."""
ELLIPSIS = "…"

# snippet() wraps matches in these; they are removed from indexed text at ingest, so a
# page cannot forge a highlight, and become <mark> only after the text is escaped.
_OPEN, _CLOSE = "\x02", "\x03"
_MARKERS = str.maketrans("", "", _OPEN + _CLOSE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_QUERY_TERM = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
_WORD = re.compile(r"\w")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Outcome = Literal["inserted", "updated", "skipped"]


class StoreError(sqlite3.DatabaseError):
    """A database byline cannot use: missing, not a corpus, or of a newer schema."""


@dataclass
class Hit:
    """One search result."""

    id: str
    title: str | None
    site: str | None
    url: str | None
    published: str | None
    authors: list[str]
    snippet: str
    """HTML-escaped text; matches wrapped in ``<mark>…</mark>``, the only markup in it."""
    score: float
    """bm25 relevance, higher is better; 0 when there is no query."""


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    query: str


@dataclass
class IngestStats:
    inserted: int = 0
    updated: int = 0
    """Rows that replaced a stored record with the same canonical URL (or URL, or id)."""
    skipped: int = 0
    """Rows without text or without a URL or id, and copies stored under their original's URL."""
    bad_lines: int = 0
    """Lines of a JSON Lines file that are not a JSON object (``ingest_jsonl`` only)."""

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; ``None`` leaves a field unfiltered."""

    since: date | None = None
    until: date | None = None
    site: str | None = None
    section: str | None = None
    author: str | None = None
    tag: str | None = None
    language: str | None = None

    def doc_range(self) -> tuple[int, int] | None:
        """The doc numbers of records published from ``since`` to ``until`` (see ``_doc_day``)."""
        if not (self.since or self.until):
            return None
        first = _doc_day(self.since or date.min) * DAY_DOCS
        last = (_doc_day(self.until or date.max) + 1) * DAY_DOCS - 1
        return first, last

    def sql(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``articles AS a`` for the filters other than dates, and their
        parameters."""
        conditions: list[str] = []
        params: list[Any] = []

        def add(condition: str, value: Any) -> None:
            conditions.append(condition)
            params.append(value)

        if self.site:
            add("a.site = ?", _site_filter(self.site))
        if self.section:
            add("a.section = ?", self.section.strip())
        if self.language:
            language = _language_tag(self.language)
            add("a.language = ?" if "-" in language else "a.lang = ?", language)
        if self.author:
            add("a.doc IN (SELECT doc FROM article_authors WHERE name = ?)", _one_line(self.author))
        if self.tag:
            add("a.doc IN (SELECT doc FROM article_tags WHERE tag = ?)", _one_line(self.tag))
        return conditions, params


class Store:
    """An embedded SQLite corpus of article records with an FTS5 index."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._conn = _connect(self.path, readonly)
        try:
            _migrate(self._conn, self.path, readonly)
        except BaseException:
            self._conn.close()
            raise

    # --- writing ---------------------------------------------------------------------

    def ingest(self, rows: Iterable[dict[str, Any]]) -> IngestStats:
        """Store ``Record.to_dict()`` rows, replacing records of the same page."""
        return self._ingest(rows, IngestStats())

    def ingest_jsonl(self, path: str | Path) -> IngestStats:
        """Store the records of a JSON Lines file (``byline run`` output), streaming it.

        Lines that are not a JSON object are counted in ``bad_lines`` and passed over.
        """
        stats = IngestStats()
        return self._ingest(_json_lines(Path(path), stats), stats)

    def _ingest(self, rows: Iterable[dict[str, Any]], stats: IngestStats) -> IngestStats:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        self._conn.execute("BEGIN")
        try:
            for n, row in enumerate(rows, 1):
                stats.add(self._store_row(row))
                if n % BATCH_ROWS == 0:
                    self._conn.execute("COMMIT")
                    self._conn.execute("BEGIN")
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        return stats

    def _store_row(self, row: Any) -> Outcome:
        prepared = _Prepared.of(row)
        if prepared is None:
            return "skipped"
        article = prepared.article
        existing = self._conn.execute(
            "SELECT doc, id FROM articles WHERE key = ? OR id = ?", (article["key"], article["id"])
        ).fetchall()
        original = article["duplicate_of"]
        if original and any(id_ == original for _, id_ in existing):
            return "skipped"  # the same page as its original: keep the original
        # the other tables' rows go with these (ON DELETE CASCADE), the index's by trigger
        self._conn.executemany(
            "DELETE FROM articles WHERE doc = ?", [(doc,) for doc, _ in existing]
        )
        doc = self._next_doc(article["day"])
        self._conn.execute(
            "INSERT INTO articles (doc, id, key, url, site, section, language, lang, published,"
            " day, duplicate_of) VALUES (:doc, :id, :key, :url, :site, :section, :language,"
            " :lang, :published, :day, :duplicate_of)",
            {"doc": doc, **article},
        )
        self._conn.execute(
            "INSERT INTO texts (doc, title, description, body, authors, tags)"
            " VALUES (:doc, :title, :description, :body, :authors, :tags)",
            {"doc": doc, **prepared.text},
        )
        self._conn.execute(
            "INSERT INTO records (doc, record) VALUES (?, ?)", (doc, prepared.record)
        )
        self._conn.executemany(
            "INSERT INTO article_authors (doc, name) VALUES (?, ?)",
            [(doc, name) for name in prepared.authors],
        )
        self._conn.executemany(
            "INSERT INTO article_tags (doc, tag) VALUES (?, ?)",
            [(doc, tag) for tag in prepared.tags],
        )
        return "updated" if existing else "inserted"

    def _next_doc(self, day: str | None) -> int:
        """A free doc number among those of the publication day (see ``_doc_day``)."""
        first = _doc_day(date.fromisoformat(day) if day else None) * DAY_DOCS
        last = self._conn.execute(
            "SELECT max(doc) FROM articles WHERE doc BETWEEN ? AND ?", (first, first + DAY_DOCS - 1)
        ).fetchone()[0]
        if last == first + DAY_DOCS - 1:
            raise StoreError(f"more than {DAY_DOCS} records published on {day}")
        return first if last is None else last + 1

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
        """
        selection = _Selection(
            self._conn, query, Filters(since, until, site, section, author, tag, language)
        )
        limit, offset = max(limit, 0), max(offset, 0)
        if selection.kept is not None and selection.kept <= RANK_WINDOW:
            # every match gets ranked anyway: rank them all in one pass, which counts them
            ranked = self._conn.execute(*selection.ranked(-1, 0)).fetchall()
            total, ranked = len(ranked), ranked[offset : offset + limit]
        else:
            docs, params = selection.docs()
            total = self._conn.execute(f"SELECT count(*) FROM ({docs})", params).fetchone()[0]
            ranked = self._ranked(selection, total, limit, offset)
        hits = [self._hit(doc, score, selection.match) for doc, score in ranked]
        return SearchResult(hits=hits, total=total, query=query)

    def facets(self, query: str = "", **filters: Any) -> dict[str, list[tuple[str, int]]]:
        """The top values of site, section, language, author and tag among the matches."""
        selection = _Selection(self._conn, query, Filters(**filters))
        # one statement, so the records to count are found once
        counted, params, counts, values = self._facet_counting(selection)
        cte = f"WITH counted (doc) AS MATERIALIZED ({counted}) " if counted else ""
        statement = cte + " UNION ALL ".join(
            f"SELECT * FROM (SELECT '{name}', value, n FROM ({counts(table, column)})"
            f" WHERE n > 0 ORDER BY n DESC, value LIMIT {FACET_SIZE})"
            for name, (table, column) in _FACETS.items()
        )
        facets: dict[str, list[tuple[str, int]]] = {name: [] for name in _FACETS}
        for name, value, count in self._conn.execute(statement, params + values * len(_FACETS)):
            facets[name].append((value, count))
        return facets

    def _facet_counting(
        self, selection: _Selection
    ) -> tuple[str, list[Any], Callable[[str, str], str], list[Any]]:
        """How facets count the selection: a SELECT of the docs of the ``counted`` records
        ("" if none are needed), its parameters, the function giving each facet's counting
        SELECT, and that SELECT's parameters.

        Counting every record of a doc range reads the value indexes alone, without a
        sort, while each counted record costs a lookup and a sort; so when most records of
        the range match, the counts are those of the whole range less those of the records
        that do not match.
        """
        if selection.everything:
            return "", [], _every_count, []
        if selection.match and selection.dated_only and self._misses_are_fewer(selection):
            misses, params = selection.misses()
            return misses, params, _range_count_but_counted, list(selection.doc_range)
        docs, params = selection.docs()
        return docs, params, _counted_count, []

    def _misses_are_fewer(self, selection: _Selection) -> bool:
        """Whether the records in the selection's doc range that do not match its query are
        fewer than the matches, by over ``FEWER_MISSES_MARGIN`` of the corpus."""
        margin = FEWER_MISSES_MARGIN * self.count()
        docs, params = selection.docs()
        matched = self._conn.execute(f"SELECT count(*) FROM ({docs})", params).fetchone()[0]
        if matched <= margin:  # the usual case, decided without counting the range
            return False
        in_range = self._conn.execute(*selection.in_range("count(*)")).fetchone()[0]
        return matched - (in_range - matched) > margin

    def histogram(self, query: str = "", **filters: Any) -> list[tuple[str, int]]:
        """Matches per month of publication, ``("YYYY-MM", count)``, oldest first."""
        records, params = _Selection(self._conn, query, Filters(**filters)).records()
        return self._conn.execute(
            f"SELECT substr(a.day, 1, 7) AS month, count(*) FROM {records}"
            " AND a.day IS NOT NULL GROUP BY month ORDER BY month",
            params,
        ).fetchall()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The record with this id, as ingested."""
        found = self._conn.execute(
            "SELECT record, body FROM articles JOIN records USING (doc) JOIN texts USING (doc)"
            " WHERE id = ?",
            (article_id,),
        ).fetchone()
        if found is None:
            return None
        record = json.loads(found[0])
        if record.get("body") is None and found[1] is not None:
            record["body"] = found[1]  # kept once, in texts (see _Prepared.record)
        return record

    def duplicates(self, article_id: str) -> list[Hit]:
        """The other copies of the story: its original first, then the copies, oldest first."""
        found = self._conn.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if found is None:
            return []
        original = found[0]
        docs = self._conn.execute(
            "SELECT doc FROM articles WHERE (id = ? OR duplicate_of = ?) AND id != ?"
            " ORDER BY id = ? DESC, day, doc",
            (original, original, article_id, original),
        ).fetchall()
        return [self._hit(doc, 0.0, "") for (doc,) in docs]

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _ranked(
        self, selection: _Selection, total: int, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """``(doc, score)`` of the page of ``total`` matches at ``offset``, best first.

        Beyond ``RANK_WINDOW`` matches, bm25 would score every one of them for one page
        (the cost of a broad query), so the newest ``RANK_WINDOW`` matches are ranked
        as the first part of the results and the older ones as the rest: doc numbers
        follow publication days, so each part is a range of docs the index seeks to.
        """
        found = None
        if selection.match and total > RANK_WINDOW:
            found = self._conn.execute(*selection.newest(RANK_WINDOW)).fetchone()
        if found is None:  # (or fewer matches now: an ingest replaced some since the count)
            return self._conn.execute(*selection.ranked(limit, offset)).fetchall()
        first, last = selection.doc_range
        split = found[0]
        newest = self._conn.execute(*selection.ranked(limit, offset, (split, last))).fetchall()
        if len(newest) == limit:
            return newest
        older_offset = max(offset - RANK_WINDOW, 0)
        older = selection.ranked(limit - len(newest), older_offset, (first, split - 1))
        return newest + self._conn.execute(*older).fetchall()

    def _hit(self, doc: int, score: float, match: str) -> Hit:
        id_, site, url, published, title, authors, description, opening = self._conn.execute(
            "SELECT id, site, url, published, title, authors, description, substr(body, 1, ?)"
            " FROM articles JOIN texts USING (doc) WHERE doc = ?",
            (2 * PLAIN_SNIPPET_CHARS, doc),
        ).fetchone()
        snippet = self._snippet(doc, match) if match else None
        return Hit(
            id=id_,
            title=title,
            site=site,
            url=url,
            published=published,
            authors=authors.split("\n") if authors else [],
            snippet=snippet or html.escape(_shortened(description or opening or "")),
            score=score,
        )

    def _snippet(self, doc: int, match: str) -> str | None:
        """The matches in the body, else in the description (HTML); None if neither has one."""
        body, description = self._conn.execute(
            f"SELECT snippet(articles_fts, 2, ?, ?, ?, {SNIPPET_TOKENS}),"
            f" snippet(articles_fts, 1, ?, ?, ?, {SNIPPET_TOKENS})"
            " FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
            (_OPEN, _CLOSE, ELLIPSIS, _OPEN, _CLOSE, ELLIPSIS, match, doc),
        ).fetchone()
        for text in (body, description):
            if text and _OPEN in text:
                return _snippet_html(text)
        return None


# --- queries ---------------------------------------------------------------------------


def fts_query(query: str) -> str:
    """``query`` as an FTS5 expression that every term must match; "" if it has no words.

    Each word becomes a quoted FTS5 string, so operators (AND, NEAR, -, ^) and stray
    quotes in the text are searched for as words, never parsed. A double-quoted part
    stays one phrase (an unclosed quote runs to the end); a trailing * is a prefix.
    """
    terms = []
    # FTS5 reads its query as a C string: a NUL would cut a quoted term short
    for phrase, word in _QUERY_TERM.findall(_CONTROL.sub(" ", query)):
        text = phrase or word
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if _WORD.search(text):
            terms.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms)


class _Selection:
    """The records a query and filters select, as SQL (every value a parameter)."""

    def __init__(self, conn: sqlite3.Connection, query: str, filters: Filters) -> None:
        self.match = fts_query(query)
        self._docs = filters.doc_range()
        self.doc_range = self._docs or ALL_DOCS
        """The doc numbers within the date filters."""
        other, other_params = filters.sql()
        # a date range is a range of doc numbers, which the index seeks to by itself
        self.conditions = other + (["a.doc BETWEEN ? AND ?"] if self._docs else [])
        self.params = other_params + list(self._docs or ())
        self.dated_only = not other
        """Whether the filters are dates alone (or none): the selection is then the
        matches in ``doc_range``."""
        self.everything = not (self.match or self.conditions)
        self.kept = self._kept(conn) if self.match and other else None
        """How many records the filters keep, when they narrow a query by more than dates."""
        self._few_filtered = self.kept is not None and self._keeps_few(conn, self.kept)

    def docs(self) -> tuple[str, list[Any]]:
        """A SELECT of the ``doc`` of every selected record."""
        if not self.match:
            return f"SELECT a.doc FROM articles AS a WHERE {self._within()}", self.params
        matched, params = self._matched()
        return f"SELECT articles_fts.rowid {matched}", params

    def ranked(
        self, limit: int, offset: int, docs: tuple[int, int] | None = None
    ) -> tuple[str, list[Any]]:
        """A SELECT of ``(doc, score)`` of the selected records, best match (or newest) first;
        with a query, ``docs`` narrows it to a range of ``doc_range``."""
        if not self.match:
            sql = (
                f"SELECT a.doc, 0.0 FROM articles AS a WHERE {self._within()}"
                " ORDER BY a.doc DESC LIMIT ? OFFSET ?"  # docs are numbered by day
            )
            return sql, [*self.params, limit, offset]
        matched, params = self._matched(docs)
        sql = (
            f"SELECT articles_fts.rowid AS doc, -{_bm25()} AS score {matched}"
            " ORDER BY score DESC, doc DESC LIMIT ? OFFSET ?"  # bm25 is lower for better matches
        )
        return sql, [*params, limit, offset]

    def newest(self, count: int) -> tuple[str, list[Any]]:
        """A SELECT of the doc of the ``count``-th newest match (none if fewer match)."""
        matched, params = self._matched()
        sql = (
            f"SELECT articles_fts.rowid {matched} ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?"
        )
        return sql, [*params, count - 1]

    def misses(self) -> tuple[str, list[Any]]:
        """A SELECT of the ``doc`` of the records in ``doc_range`` that do not match."""
        docs, params = self.docs()
        in_range, range_params = self.in_range("a.doc")
        return f"{in_range} AND a.doc NOT IN ({docs})", [*range_params, *params]

    def in_range(self, columns: str) -> tuple[str, list[Any]]:
        """A SELECT of ``columns`` of the records in ``doc_range``, as ``articles AS a``.

        "+" keeps SQLite from seeking the range in the table, whose rows are wide: it
        reads the smallest index instead (each index entry holds its doc).
        """
        sql = f"SELECT {columns} FROM articles AS a WHERE +a.doc BETWEEN ? AND ?"
        return sql, list(self.doc_range)

    def records(self) -> tuple[str, list[Any]]:
        """FROM and WHERE clauses selecting the records as rows of ``articles AS a``."""
        if not self.match:
            return f"articles AS a WHERE {self._within()}", self.params
        docs, params = self.docs()
        return f"articles AS a WHERE a.doc IN ({docs})", params

    def _within(self) -> str:
        return " AND ".join(self.conditions) or "1"

    def _matched(self, docs: tuple[int, int] | None = None) -> tuple[str, list[Any]]:
        """FROM and WHERE clauses of the index's matches that pass the filters (and lie in
        ``docs``, a range of ``doc_range``), and their parameters.

        The index always drives (looking each filtered record up in it is far
        slower), seeking to the doc range if there is one. When the other filters
        keep few records, their list is built first and each match checked against
        it ("+" stops SQLite turning the list into index lookups); otherwise each
        match's own row is read and tested.
        """
        where, params = ["articles_fts MATCH ?"], [self.match]
        if docs or self._docs:
            where.append("articles_fts.rowid BETWEEN ? AND ?")
            params += docs or self._docs
        if self.dated_only:
            return f"FROM articles_fts WHERE {' AND '.join(where)}", params
        if self._few_filtered:
            where.append(
                f"+articles_fts.rowid IN (SELECT a.doc FROM articles AS a WHERE {self._within()})"
            )
            return f"FROM articles_fts WHERE {' AND '.join(where)}", params + self.params
        return (
            "FROM articles_fts CROSS JOIN articles AS a ON a.doc = articles_fts.rowid"
            f" WHERE {' AND '.join(where)} AND {self._within()}",
            params + self.params,
        )

    def _kept(self, conn: sqlite3.Connection) -> int:
        """How many records the filters keep (counted on the indexes)."""
        sql = f"SELECT count(*) FROM articles AS a WHERE {self._within()}"
        return conn.execute(sql, self.params).fetchone()[0]

    @staticmethod
    def _keeps_few(conn: sqlite3.Connection, kept: int) -> bool:
        """Whether the filters keep few enough records to list them."""
        corpus = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return kept <= FEW_FILTERED_SHARE * corpus


_FACETS = {
    "site": ("articles", "site"),
    "section": ("articles", "section"),
    "language": ("articles", "lang"),
    "author": ("article_authors", "name"),
    "tag": ("article_tags", "tag"),
}
"""Each facet's table and column (``doc`` names the article in each table)."""


def _every_count(table: str, column: str, condition: str = "1") -> str:
    """A SELECT of ``(value, n)``: the records of ``table`` (meeting ``condition``) per value
    of ``column``. Without a join it reads the value's index alone, in value order, so
    the counts need no sort."""
    return (
        f"SELECT {column} AS value, count(*) AS n FROM {table}"
        f" WHERE {column} IS NOT NULL AND {condition} GROUP BY {column}"
    )


def _range_count(table: str, column: str) -> str:
    """``_every_count`` of the records in a range of docs (two parameters): "+" keeps SQLite
    on the value's index, whose entries hold their doc, rather than seeking the range."""
    return _every_count(table, column, "+doc BETWEEN ? AND ?")


def _counted_count(table: str, column: str) -> str:
    """``_every_count`` of the ``counted`` records: a lookup and a sort per record."""
    return _every_count(f"{table} JOIN counted USING (doc)", column)


def _range_count_but_counted(table: str, column: str) -> str:
    """``_range_count`` less ``_counted_count``."""
    return (
        f"SELECT value, every.n - coalesce(less.n, 0) AS n"
        f" FROM ({_range_count(table, column)}) AS every"
        f" LEFT JOIN ({_counted_count(table, column)}) AS less USING (value)"
    )


def _bm25() -> str:
    return "bm25(articles_fts, " + ", ".join(map(str, COLUMN_WEIGHTS.values())) + ")"


def _snippet_html(text: str) -> str:
    """An FTS5 snippet (matches between the marker characters) as escaped HTML with <mark>."""
    parts = re.split(f"([{_OPEN}{_CLOSE}])", text)
    return "".join(
        "<mark>" if part == _OPEN else "</mark>" if part == _CLOSE else html.escape(_flat(part))
        for part in parts
    )


def _shortened(text: str) -> str:
    text = _flat(text).strip()
    if len(text) <= PLAIN_SNIPPET_CHARS:
        return text
    return text[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + " " + ELLIPSIS


def _flat(text: str) -> str:
    """``text`` on one line, without control characters (a snippet spans paragraphs)."""
    return re.sub(r"\s+", " ", _CONTROL.sub("", text))


# --- records into columns ----------------------------------------------------------------


@dataclass
class _Prepared:
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
    def of(cls, row: Any) -> _Prepared | None:
        """What to store of a ``Record.to_dict()`` row; None without text or a key."""
        if not isinstance(row, dict):
            return None
        text = {name: _text(row.get(name)) for name in ("title", "description", "body")}
        url = _text(row.get("canonical_url")) or _text(row.get("url"))
        id_ = _text(row.get("id")) or url
        if not any(text.values()) or id_ is None:
            return None
        given_language = _text(row.get("language"))
        language = _language_tag(given_language) if given_language else None
        published = _text(row.get("published"))
        authors = _unique(_author_name(author) for author in _list(row.get("authors")))
        tags = _unique(_one_line(tag) for tag in _list(row.get("tags")) if isinstance(tag, str))
        article = {
            "id": id_,
            "key": url or id_,
            "url": url,
            "site": site_of(url),
            "section": _text(row.get("section")),
            "language": language,
            "lang": language.split("-")[0] if language else None,
            "published": published,
            "day": _day(published),
            "duplicate_of": _text(row.get("duplicate_of")),
        }
        text |= {"authors": "\n".join(authors) or None, "tags": "\n".join(tags) or None}
        stored = {**row, "body": None} if text["body"] == row.get("body") else row
        record = _utf8(json.dumps(stored, ensure_ascii=False, default=str))
        return cls(article, text, record, authors, tags)


def _doc_day(day: date | None) -> int:
    """The day's number in doc numbers: records are numbered in publication order, so a
    date range is a range of doc numbers (day N's docs are N * DAY_DOCS and up; undated
    records come first, as day 0)."""
    return day.toordinal() if day else 0


def site_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased, without ``www.``: the site filters and facets use."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _site_filter(value: str) -> str:
    """A site as a user gives it (``www.Example.com`` or a URL) as the store keeps it."""
    if "://" in value:
        return site_of(value) or ""
    return value.strip().lower().removeprefix("www.")


def _text(value: Any) -> str | None:
    """A string field as stored: None when absent or blank; no highlight markers."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return _utf8(value.translate(_MARKERS))


def _utf8(text: str) -> str:
    """``text`` without lone surrogates (JSON may escape them; SQLite cannot store them)."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _author_name(author: Any) -> str:
    name = author.get("name") if isinstance(author, dict) else author
    return _one_line(name) if isinstance(name, str) else ""


def _one_line(text: str) -> str:
    return " ".join((_text(text) or "").split())


def _unique(values: Iterable[str]) -> list[str]:
    """Non-empty values, first spelling of each (ignoring case), in order."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


def _language_tag(value: str) -> str:
    return value.strip().replace("_", "-").lower()


def _day(published: str | None) -> str | None:
    """The publication day, YYYY-MM-DD as the record gives it (its own time zone)."""
    if not published or not _DAY.match(published):
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _json_lines(path: Path, stats: IngestStats) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; other lines counted in ``stats.bad_lines``."""
    with path.open("rb") as file:
        for line in file:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:  # not JSON, or not UTF-8
                row = None
            if isinstance(row, dict):
                yield row
            else:
                stats.bad_lines += 1


# --- the database and its schema ------------------------------------------------------------


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
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


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_schema]
"""Migration N (1-based) takes a store from schema version N-1 to N. Append, never edit."""
SCHEMA_VERSION = len(MIGRATIONS)
