"""Searching the store: query planning, filters, ranking, facets and the histogram.

A user's query is rewritten into quoted FTS5 terms (``fts_query``), so no input
can change a statement or raise an FTS5 syntax error; every filter value reaches
SQL as a bound parameter. The work one query asks for is bounded: its length,
its terms, its prefix terms (``word*``, each read as every indexed word it
starts) and, by ``Store``, its time; a query over a limit is a ``QueryError``
saying which. bm25 ranks matches, the newest ``RANK_WINDOW`` of them first when
more match. Filters and facet counts are plain indexed SQL on the ``articles``
table and the authors' and tags' side tables.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from byline.document import site_of
from byline.language import language_tag
from byline.store.ingest import one_line
from byline.store.schema import ALL_DOCS, DAY_DOCS, doc_day
from byline.store.snippets import (
    CONTROL_CHARACTERS,
    PLAIN_SNIPPET_CHARS,
    matches_snippets,
    plain_snippet,
)

MAX_QUERY_CHARS: Final = 500
"""Longest query searched, in characters (the command line, the web form and the API)."""
MAX_QUERY_TERMS: Final = 20
"""Most words and phrases one query searches for: every one must match, so more would only
narrow the results while each costs a read of its index entries."""
MAX_PREFIX_TERMS: Final = 4
"""Most ``word*`` terms in one query: each is read as the union of every indexed word it
starts, a read that grows with the corpus (166 of them once held a core for a minute)."""
MIN_PREFIX_CHARS: Final = 3
"""Fewest characters before a ``*``: of the 84,220 words the dev corpus indexes, ``b*``
starts 4,852, ``bar*`` 121."""
QUERY_SECONDS: Final = 1.0
"""CPU time one search (or one web request's searches) may take before it is stopped."""
DATE_FORMS: Final = "YYYY-MM-DD, YYYY-MM or YYYY"
"""The forms of a date filter (``period``), as help and error messages name them."""

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
first (see ``_ranked``), in about 10 ms, however many match."""
FEW_FILTERED_SHARE = 0.2
"""Filters keeping at most this share of the corpus are listed before matching (see
``Selection._matched``): below it, building the list costs less than reading the rows."""

_QUERY_TERM = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
_WORD = re.compile(r"\w")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class QueryError(ValueError):
    """A query over one of the limits on the work it may ask for; the message says which."""


def period(text: str) -> tuple[date, date]:
    """The first and last day of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: what a date filter
    means (``since`` its first day, ``until`` its last). ValueError, in words, for other text."""
    text = text.strip()
    try:
        if _YEAR.fullmatch(text):
            return date(int(text), 1, 1), date(int(text), 12, 31)
        if month := _MONTH.fullmatch(text):
            year, number = int(month[1]), int(month[2])
            return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
        day = date.fromisoformat(text) if _DAY.fullmatch(text) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"not a date: {text!r} (use {DATE_FORMS})")
    return day, day


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
    changed: bool = False
    """Only articles with more than one version (``byline.store.versions``)."""
    removed: bool = False
    """Only articles whose page was found gone."""

    def doc_range(self) -> tuple[int, int] | None:
        """The doc numbers of records published from ``since`` to ``until`` (see ``doc_day``)."""
        if not (self.since or self.until):
            return None
        first = doc_day(self.since or date.min) * DAY_DOCS
        last = (doc_day(self.until or date.max) + 1) * DAY_DOCS - 1
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
            # with a region (en-GB) a tag is matched as given, without one (en) in any region;
            # text that is no language tag matches no record
            language = language_tag(self.language) or ""
            add("a.language = ?" if "-" in language else "a.lang = ?", language)
        if self.author:
            add("a.doc IN (SELECT doc FROM article_authors WHERE name = ?)", one_line(self.author))
        if self.tag:
            add("a.doc IN (SELECT doc FROM article_tags WHERE tag = ?)", one_line(self.tag))
        if self.changed:
            conditions.append("a.key IN (SELECT key FROM stories WHERE versions > 1)")
        if self.removed:
            conditions.append("a.key IN (SELECT key FROM stories WHERE removed_at IS NOT NULL)")
        return conditions, params


def search(
    conn: sqlite3.Connection, query: str, filters: Filters, limit: int, offset: int
) -> SearchResult:
    """The page of matches at ``offset`` (see ``Store.search``), and how many match."""
    selection = Selection(conn, query, filters)
    limit, offset = max(limit, 0), max(offset, 0)
    if selection.kept is not None and selection.kept <= RANK_WINDOW:
        # every match gets ranked anyway: rank them all in one pass, which counts them
        ranked = conn.execute(*selection.ranked(-1, 0)).fetchall()
        total, ranked = len(ranked), ranked[offset : offset + limit]
    else:
        docs, params = selection.docs()
        total = conn.execute(f"SELECT count(*) FROM ({docs})", params).fetchone()[0]
        ranked = _ranked(conn, selection, total, limit, offset)
    return SearchResult(hits=_hits(conn, ranked, selection.match), total=total, query=query)


def facets(
    conn: sqlite3.Connection, query: str, filters: Filters
) -> dict[str, list[tuple[str, int]]]:
    """The top values of site, section, language, author and tag among the matches."""
    selection = Selection(conn, query, filters)
    # one statement, so the records to count are found once
    counted, params, counts, values = _facet_counting(conn, selection)
    cte = f"WITH counted (doc) AS MATERIALIZED ({counted}) " if counted else ""
    statement = cte + " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{name}', value, n FROM ({counts(table, column)})"
        f" WHERE n > 0 ORDER BY n DESC, value LIMIT {FACET_SIZE})"
        for name, (table, column) in _FACETS.items()
    )
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in _FACETS}
    for name, value, count in conn.execute(statement, params + values * len(_FACETS)):
        found[name].append((value, count))
    return found


def histogram(conn: sqlite3.Connection, query: str, filters: Filters) -> list[tuple[str, int]]:
    """Matches per month of publication, ``("YYYY-MM", count)``, oldest first."""
    records, params = Selection(conn, query, filters).records()
    return conn.execute(
        f"SELECT substr(a.day, 1, 7) AS month, count(*) FROM {records}"
        " AND a.day IS NOT NULL GROUP BY month ORDER BY month",
        params,
    ).fetchall()


def duplicates(conn: sqlite3.Connection, article_id: str) -> list[Hit]:
    """The other copies of the story: its original first, then the copies, oldest first."""
    found = conn.execute(
        "SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if found is None:
        return []
    original = found[0]
    docs = conn.execute(
        "SELECT doc FROM articles WHERE (id = ? OR duplicate_of = ?) AND id != ?"
        " ORDER BY id = ? DESC, day, doc",
        (original, original, article_id, original),
    ).fetchall()
    return _hits(conn, [(doc, 0.0) for (doc,) in docs], "")


def _facet_counting(
    conn: sqlite3.Connection, selection: Selection
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
    if selection.match and selection.dated_only and _misses_are_fewer(conn, selection):
        misses, params = selection.misses()
        return misses, params, _range_count_but_counted, list(selection.doc_range)
    docs, params = selection.docs()
    return docs, params, _counted_count, []


def _misses_are_fewer(conn: sqlite3.Connection, selection: Selection) -> bool:
    """Whether the records in the selection's doc range that do not match its query are
    fewer than the matches, by over ``FEWER_MISSES_MARGIN`` of the corpus."""
    margin = FEWER_MISSES_MARGIN * conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    docs, params = selection.docs()
    matched = conn.execute(f"SELECT count(*) FROM ({docs})", params).fetchone()[0]
    if matched <= margin:  # the usual case, decided without counting the range
        return False
    in_range = conn.execute(*selection.in_range("count(*)")).fetchone()[0]
    return matched - (in_range - matched) > margin


def _ranked(
    conn: sqlite3.Connection, selection: Selection, total: int, limit: int, offset: int
) -> list[tuple[int, float]]:
    """``(doc, score)`` of the page of ``total`` matches at ``offset``, best first.

    Beyond ``RANK_WINDOW`` matches, bm25 would score every one of them for one page
    (the cost of a broad query), so the newest ``RANK_WINDOW`` matches are ranked
    as the first part of the results and the older ones as the rest: doc numbers
    follow publication days, so each part is a range of docs the index seeks to.
    """
    found = None
    if selection.match and total > RANK_WINDOW:
        found = conn.execute(*selection.newest(RANK_WINDOW)).fetchone()
    if found is None:  # (or fewer matches now: an ingest replaced some since the count)
        return conn.execute(*selection.ranked(limit, offset)).fetchall()
    first, last = selection.doc_range
    split = found[0]
    newest = conn.execute(*selection.ranked(limit, offset, (split, last))).fetchall()
    if len(newest) == limit:
        return newest
    older_offset = max(offset - RANK_WINDOW, 0)
    older = selection.ranked(limit - len(newest), older_offset, (first, split - 1))
    return newest + conn.execute(*older).fetchall()


def _hits(conn: sqlite3.Connection, ranked: list[tuple[int, float]], match: str) -> list[Hit]:
    """The hits of ``(doc, score)`` pairs, in their order, with the snippets of ``match``."""
    snippets = matches_snippets(conn, [doc for doc, _ in ranked], match) if match else {}
    return [_hit(conn, doc, score, snippets.get(doc)) for doc, score in ranked]


def _hit(conn: sqlite3.Connection, doc: int, score: float, snippet: str | None) -> Hit:
    id_, site, url, published, title, authors, description, opening = conn.execute(
        "SELECT id, site, url, published, title, authors, description, substr(body, 1, ?)"
        " FROM articles JOIN texts USING (doc) WHERE doc = ?",
        (2 * PLAIN_SNIPPET_CHARS, doc),
    ).fetchone()
    return Hit(
        id=id_,
        title=title,
        site=site,
        url=url,
        published=published,
        authors=authors.split("\n") if authors else [],
        snippet=snippet or plain_snippet(description or opening or ""),
        score=score,
    )


def fts_query(query: str) -> str:
    """``query`` as an FTS5 expression that every term must match; "" if it has no words.

    Each word becomes a quoted FTS5 string, so operators (AND, NEAR, -, ^) and stray
    quotes in the text are searched for as words, never parsed. A double-quoted part
    stays one phrase (an unclosed quote runs to the end); a trailing * is a prefix.
    A term given twice is searched once. ``QueryError`` for a query over a limit
    (``MAX_QUERY_CHARS``, ``MAX_QUERY_TERMS``, ``MAX_PREFIX_TERMS``, ``MIN_PREFIX_CHARS``).
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query)} characters long: at most {MAX_QUERY_CHARS} are searched"
        )
    terms: dict[str, None] = {}  # in the query's order, each once
    prefixes = 0
    # FTS5 reads its query as a C string: a NUL would cut a quoted term short
    for phrase, word in _QUERY_TERM.findall(CONTROL_CHARACTERS.sub(" ", query)):
        text = phrase or word
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not _WORD.search(text):
            continue
        term = '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")
        if prefix and term not in terms:
            prefixes += 1
            if len(text) < MIN_PREFIX_CHARS:
                raise QueryError(
                    f"{text + '*'!r} is too short a prefix: put at least {MIN_PREFIX_CHARS}"
                    " characters before a *"
                )
        terms[term] = None
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(
            f"the query has {len(terms)} words and phrases: at most {MAX_QUERY_TERMS} are searched"
        )
    if prefixes > MAX_PREFIX_TERMS:
        raise QueryError(
            f"the query has {prefixes} prefix terms (word*):"
            f" at most {MAX_PREFIX_TERMS} are searched"
        )
    return " ".join(terms)


class Selection:
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
        where, params = ["articles_fts MATCH ?"], [self.match, *(docs or self._docs or ())]
        if docs or self._docs:
            where.append("articles_fts.rowid BETWEEN ? AND ?")
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


def _site_filter(value: str) -> str:
    """A site as a user gives it (``www.Example.com`` or a URL) as the store keeps it."""
    if "://" in value:
        return site_of(value) or ""
    return value.strip().lower().removeprefix("www.")
