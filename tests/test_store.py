"""The corpus store (``byline.store``) and its commands (``byline ingest``, ``byline search``).

The records are real ``byline run`` output: the sample pages and a few synthetic
pages (one a syndicated copy), run through the pipeline into JSON Lines once per
module, then ingested into small stores in ``tmp_path``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.synthetic import article_page, syndicated_copy
from byline import cli
from byline.pipeline import run
from byline.record import Article, Record
from byline.search_cli import add_commands, dispatch
from byline.store import QueryError, Store, StoreError, fts_query, period, schema
from byline.store import query as planning
from byline.store.query import (
    MAX_PREFIX_TERMS,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MIN_PREFIX_CHARS,
    QUERY_SECONDS,
)
from byline.store.schema import SCHEMA_VERSION
from tests.conftest import CORPUS, SAMPLES, needs_shared, run_bounded

FILE = {"kind": "file", "path": "page.html"}
"""The ``source`` of a hand-made record."""
HARBOUR_TITLE = "Port Authority Approves Tidal Barrier After Decade of Delays"
HOSTILE_QUERIES = [
    '"',
    '"unbalanced phrase',
    "*",
    "-",
    "harbour -barrier",
    "AND",
    "OR NOT",
    "NEAR(",
    "NEAR(harbour barrier, 2)",
    "title:harbour",
    "{title body}: harbour",
    "^harbour",
    'a"b"c',
    "'; DROP TABLE articles; --",
    "harbour*barrier**",
    "()",
    "\x00\x02\x03",
    "harbour\x00barrier",
    "\x00harbour",
    "💥 ünïcödé",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``byline run`` output for the sample pages, two synthetic stories and a copy of one."""
    folder = tmp_path_factory.mktemp("records")
    pages = folder / "pages"
    pages.mkdir()
    for path in SAMPLES.glob("*.html"):
        shutil.copy(path, pages / path.name)
    (pages / "story-1.html").write_text(article_page(1, "site-a.example"), encoding="utf-8")
    (pages / "story-2.html").write_text(article_page(2, "www.site-b.example"), encoding="utf-8")
    (pages / "story-1-copy.html").write_text(syndicated_copy(1, "site-c.example"), "utf-8")
    out = folder / "records.jsonl"
    run([str(pages)], out, workers=1)
    return out


@pytest.fixture(scope="module")
def rows(records_file: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in records_file.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def store(tmp_path: Path, records_file: Path) -> Iterator[Store]:
    corpus = Store(tmp_path / "corpus.db")
    corpus.ingest_jsonl(records_file)
    yield corpus
    corpus.close()


def host(row: dict[str, Any]) -> str:
    return urlsplit(row["canonical_url"] or row["url"]).hostname.removeprefix("www.")


def records(*rows: dict[str, Any]) -> list[Record]:
    return [Record.from_dict(row) for row in rows]


def stored(store: Store, article_id: str) -> dict[str, Any] | None:
    """The record with this id, as ``to_dict()`` gives it (None if there is none)."""
    record = store.article(article_id)
    return None if record is None else record.to_dict()


def ids(result: Any) -> set[str]:
    return {hit.id for hit in result.hits}


# --- ingest --------------------------------------------------------------------------------


def test_ingest_inserts_every_record_and_keeps_it_as_given(store: Store, rows: list) -> None:
    assert len(rows) >= 8
    assert store.count() == len(rows)
    for row in rows:
        assert stored(store, row["id"]) == row
    assert store.article("no-such-id") is None


def test_ingesting_again_updates_and_never_duplicates(store: Store, records_file: Path) -> None:
    before = store.count()
    stats = store.ingest_jsonl(records_file)
    assert (stats.inserted, stats.updated, stats.skipped) == (0, before, 0)
    assert store.count() == before
    assert store.search("barrier").total == 1


def test_a_changed_page_replaces_its_record_in_the_index(store: Store, rows: list) -> None:
    harbour = next(row for row in rows if row["title"] == HARBOUR_TITLE)
    changed = {**harbour, "id": "re-fetched", "title": "Harbour Board Shelves Floodgate Scheme"}
    stats = store.ingest(records(changed))
    assert (stats.inserted, stats.updated) == (0, 1)
    assert [hit.id for hit in store.search("floodgate").hits] == ["re-fetched"]
    assert store.search("decade delays").total == 0  # words only the old title had
    assert store.article(harbour["id"]) is None
    assert store.count() == len(rows)


def test_a_copy_under_its_originals_url_keeps_the_original(store: Store, rows: list) -> None:
    original = rows[0]
    copy = {**original, "id": "copy", "duplicate_of": original["id"], "title": "Copy"}
    assert store.ingest(records(copy)).skipped == 1
    assert stored(store, original["id"]) == original


def test_records_without_text_or_a_key_are_skipped(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.db") as corpus:
        stats = corpus.ingest(
            records(
                {"id": "no-text", "source": FILE, "url": "https://a.example/1", "title": "  "},
                {"id": " ", "source": FILE, "title": "no id or url"},
                {"id": "kept", "source": FILE, "title": "A title is enough"},
            )
        )
        assert (stats.inserted, stats.skipped) == (1, 2)
        assert corpus.search("title").hits[0].id == "kept"


def test_lines_that_are_not_records_are_counted_not_fatal(tmp_path: Path, rows: list) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps(rows[0]).encode(),
        json.dumps(rows[1])[:50].encode(),  # cut off mid-record
        b"[1, 2, 3]",
        b"\xff\xfe not utf-8",
        b"",
        json.dumps({"id": "no source", "title": "A title"}).encode(),
        json.dumps({"id": "typed", "source": FILE, "title": "A title", "tags": "x"}).encode(),
        json.dumps({"id": "empty", "source": FILE}).encode(),  # a record, without text
        json.dumps(rows[2]).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    with Store(tmp_path / "corpus.db") as corpus:
        stats = corpus.ingest_jsonl(path)
        assert (stats.inserted, stats.updated, stats.skipped, stats.bad_lines) == (2, 0, 1, 5)
        assert corpus.count() == 2


def test_a_readonly_store_refuses_to_ingest(store: Store, rows: list) -> None:
    with Store(store.path, readonly=True) as reader, pytest.raises(StoreError):
        reader.ingest(records(*rows))


# --- search --------------------------------------------------------------------------------


def test_a_title_match_ranks_above_body_mentions(store: Store, rows: list) -> None:
    rhein = next(row for row in rows if row["language"] == "de")
    echo = {
        **rhein,
        "id": "echo",
        "url": "https://echo.example/1",
        "canonical_url": None,
        "body": rhein["body"] + "\n\nThe town also plans a barrier against spring floods.",
    }
    store.ingest(records(echo))
    hits = store.search("barrier").hits
    assert [hit.title for hit in hits][:1] == [HARBOUR_TITLE]
    assert "echo" in [hit.id for hit in hits]
    assert hits[0].score > hits[1].score


def test_every_word_must_match_and_phrases_keep_their_order(store: Store) -> None:
    assert store.search("tidal barrier").total == 1
    assert store.search('"tidal barrier"').total == 1
    assert store.search('"barrier tidal"').total == 0
    assert store.search("tidal zeppelin").total == 0
    assert ids(store.search("tida*")) == ids(store.search("tidal")) != set()
    assert store.search("tida").total == 0
    assert store.search("fahre").total == 1  # Fähre: accents fold


def test_hostile_queries_never_raise(store: Store) -> None:
    for query in HOSTILE_QUERIES:
        result = store.search(query, site="x'; --", author='"', tag="%", section="_")
        assert result.total == 0
        assert isinstance(store.search(query).total, int)
        assert isinstance(store.facets(query), dict)
        assert isinstance(store.histogram(query), list)


def test_control_characters_in_a_query_separate_words(store: Store) -> None:
    assert store.search("tidal\x00barrier").total == store.search("tidal barrier").total == 1


def test_operators_in_a_query_are_words(store: Store) -> None:
    assert fts_query('harbour NEAR( -barrier "tidal') == '"harbour" "NEAR(" "-barrier" "tidal"'
    assert store.search("harbour -barrier").total == store.search("harbour barrier").total


# --- the work one query may ask for --------------------------------------------------------

PREFIX_FLOOD = " ".join(["b*"] * 166)
"""498 characters of one-letter prefixes: 58 s of a core on the dev corpus before limits."""
WIDEST_ALLOWED = "the* con* pro* com* der die und the and of to in for ein das mit den von"
"""A query at the limits: as many as allowed of the prefixes starting most words of the
corpus, and its commonest words."""
OVER_LIMITS = {
    PREFIX_FLOOD: "too short a prefix",
    "bar* ber* bor* bur* bel*": f"at most {MAX_PREFIX_TERMS} are searched",
    " ".join(f"word{n}" for n in range(MAX_QUERY_TERMS + 1)): "words and phrases",
    "x" * (MAX_QUERY_CHARS + 1): f"at most {MAX_QUERY_CHARS}",
}


@pytest.mark.parametrize(("query", "limit"), OVER_LIMITS.items())
def test_a_query_over_a_limit_is_refused_saying_which(store: Store, query: str, limit: str) -> None:
    with pytest.raises(QueryError, match=limit):
        store.search(query)


def test_limits_count_each_term_once_and_phrases_are_no_prefixes(store: Store) -> None:
    assert fts_query("tida* tida* tidal tidal") == '"tida"* "tidal"'
    assert fts_query(" ".join(["bar*", "ber*", "bor*", "bur*"] * 10)).count("*") == 4
    assert fts_query('"b*"') == '"b*"'  # a phrase: searched as written
    assert store.search("x" * MIN_PREFIX_CHARS + "*").total == 0


def test_reads_past_the_time_limit_stop_with_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="took over 0 s"), store.time_limit(0):
        store.facets("")
    assert store.search("barrier").total == 1  # the next search has its own limit


@pytest.fixture(scope="module")
def dev_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of every other page of the development corpus, run through ``byline run``."""
    folder = tmp_path_factory.mktemp("dev")
    pages = sorted((CORPUS / "html").glob("*"))[::2]
    run([str(page) for page in pages], folder / "records.jsonl", workers=2)
    with Store(folder / "corpus.db") as corpus:
        corpus.ingest_jsonl(folder / "records.jsonl")
    return folder / "corpus.db"


def web_page_view(db: Path, query: str) -> int | str:
    """What a search page asks of the store in one time limit: the total, or the refusal."""
    with Store(db, readonly=True) as corpus:
        try:
            with corpus.time_limit():
                total = corpus.search(query).total
                corpus.facets(query)
                corpus.histogram(query)
        except QueryError as error:
            return str(error)
    return total


@needs_shared(CORPUS / "html")
@pytest.mark.parametrize(
    ("query", "refusal"), [(PREFIX_FLOOD, "too short a prefix"), (WIDEST_ALLOWED, None)]
)
def test_costly_queries_answer_at_once_on_the_dev_corpus(
    dev_corpus: Path, query: str, refusal: str | None
) -> None:
    # bounded by QUERY_SECONDS; the child is given ten times that to open and answer
    outcome = run_bounded(lambda: web_page_view(dev_corpus, query), 10 * QUERY_SECONDS)
    if refusal:
        assert refusal in str(outcome)
    else:
        assert isinstance(outcome, int) and outcome > 0


def test_snippets_are_escaped_text_with_mark_as_the_only_markup(store: Store, rows: list) -> None:
    hostile = {
        **rows[0],
        "id": "xss",
        "url": "https://xss.example/1",
        "canonical_url": None,
        "body": 'Harbour news <script>alert("x")</script> <b onclick=x>bold</b> '
        "<mark>fake</mark> \x02forged\x03 & more harbour",
        "description": None,
    }
    store.ingest(records(hostile))
    hit = next(hit for hit in store.search("harbour").hits if hit.id == "xss")
    assert "&lt;script&gt;" in hit.snippet
    assert "&lt;mark&gt;fake&lt;/mark&gt;" in hit.snippet
    assert set(re.findall(r"<[^>]*>", hit.snippet)) == {"<mark>", "</mark>"}
    assert hit.snippet.count("<mark>") == hit.snippet.count("</mark>") == 2
    assert "forged" in hit.snippet and "<mark>forged" not in hit.snippet


def test_an_empty_query_gives_the_filtered_records_newest_first(store: Store, rows: list) -> None:
    result = store.search()
    assert result.total == len(rows)
    days = [hit.published[:10] for hit in result.hits]
    assert days == sorted(days, reverse=True)
    assert all(hit.score == 0 and hit.snippet for hit in result.hits)


def test_limit_and_offset_page_through_the_results(store: Store, rows: list) -> None:
    pages = [store.search(limit=3, offset=start).hits for start in range(0, len(rows), 3)]
    assert [len(page) for page in pages[:-1]] == [3] * (len(pages) - 1)
    assert {hit.id for page in pages for hit in page} == {row["id"] for row in rows}


def tide_stories(count: int) -> list[dict[str, Any]]:
    """Stories mentioning "tide" 1 to 5 times, one per day from 2024-01-01 (the last day's
    published just before midnight), the newest last."""
    return [
        {
            "id": f"tide-{n}",
            "url": f"https://tides.example/{n}",
            "title": f"Tide table {n}",
            "body": "The tide turned. " * (1 + n * 3 % 5) + "Filler words follow. " * 20,
            "published": f"2024-01-{n + 1:02d}T{'23:59' if n == count - 1 else '00:00'}:00+05:00",
            "section": "Coast",
            "source": {"kind": "url", "url": f"https://tides.example/{n}"},
        }
        for n in range(count)
    ]


def ranked_ids(store: Store, query: str, **filters: Any) -> list[str]:
    return [hit.id for hit in store.search(query, limit=50, **filters).hits]


def test_a_broad_query_ranks_its_newest_matches_first_then_the_older_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = 4
    monkeypatch.setattr(planning, "RANK_WINDOW", window)
    stories = tide_stories(10)
    with Store(tmp_path / "tides.db") as store:
        store.ingest(records(*stories))
        result = store.search("tide", limit=50)
        assert result.total == len(result.hits) == len(stories)
        newest = {story["id"] for story in stories[-window:]}
        assert {hit.id for hit in result.hits[:window]} == newest
        for part in (result.hits[:window], result.hits[window:]):
            scores = [hit.score for hit in part]
            assert scores == sorted(scores, reverse=True) and len(set(scores)) > 1
        # pages that straddle the two parts give the same order
        paged = [
            hit.id
            for start in range(0, 10, 3)
            for hit in store.search("tide", limit=3, offset=start).hits
        ]
        assert paged == [hit.id for hit in result.hits]
        # the newest matches within the filters come first; a section keeping every record
        # makes each match's own row be read and tested
        until = ranked_ids(store, "tide", until=date(2024, 1, 8), section="coast")
        assert set(until[:window]) == {f"tide-{n}" for n in range(4, 8)}
        assert set(until) == {f"tide-{n}" for n in range(8)}


def test_a_filtered_query_pages_through_its_matches_with_the_exact_total(tmp_path: Path) -> None:
    with Store(tmp_path / "tides.db") as store:
        store.ingest(records(*tide_stories(7)))
        # every story is in this section: the same matches as without it, in the same order
        unfiltered = ranked_ids(store, "tide")
        assert ranked_ids(store, "tide", section="Coast") == unfiltered
        pages = [store.search("tide", section="Coast", limit=3, offset=n) for n in (0, 3, 6, 9)]
        assert [hit.id for page in pages for hit in page.hits] == unfiltered
        assert [page.total for page in pages] == [7] * 4
        assert store.search("tide", section="Coast", limit=0).total == 7


def test_date_filters_keep_whole_days_at_the_edges_of_the_range(tmp_path: Path) -> None:
    stories = tide_stories(5)
    with Store(tmp_path / "tides.db") as store:
        store.ingest(records(*stories))
        for first, last in ((1, 3), (0, 0), (4, 4), (2, 4)):
            since, until = date(2024, 1, first + 1), date(2024, 1, last + 1)
            expected = {f"tide-{n}" for n in range(first, last + 1)}
            assert set(ranked_ids(store, "tide", since=since, until=until)) == expected
            assert set(ranked_ids(store, "", since=since, until=until)) == expected
        assert ranked_ids(store, "tide", since=date(2024, 1, 6)) == []


def test_site_filter(store: Store, rows: list) -> None:
    for site in ("site-b.example", "www.Site-B.example", "https://www.site-b.example/x"):
        assert ids(store.search(site=site)) == {
            r["id"] for r in rows if host(r) == "site-b.example"
        }
    assert store.search("minister", site="site-a.example").total == 1
    assert store.search("minister").total == 3


def test_date_filters_compare_publication_days(store: Store, rows: list) -> None:
    def day(row: dict[str, Any]) -> str:
        return row["published"][:10]

    since = store.search(since=date(2023, 5, 9))
    assert ids(since) == {r["id"] for r in rows if day(r) >= "2023-05-09"}
    until = store.search(until=date(2022, 9, 18))
    assert ids(until) == {r["id"] for r in rows if day(r) <= "2022-09-18"}
    both = store.search(since=date(2021, 1, 1), until=date(2023, 12, 31))
    assert ids(both) == {r["id"] for r in rows if "2021-01-01" <= day(r) <= "2023-12-31"}
    assert 0 < both.total < len(rows)
    assert store.search("tidal", until=date(2024, 3, 13)).total == 0
    assert store.search("tidal", since=date(2024, 3, 14), until=date(2024, 3, 14)).total == 1


def test_undated_records_come_last_and_outside_every_date_range(store: Store, rows: list) -> None:
    undated = {**rows[0], "id": "undated", "url": "https://undated.example/1", "published": None}
    undated["canonical_url"] = None
    store.ingest(records(undated))
    assert store.search(limit=50).hits[-1].id == "undated"
    assert "undated" not in ids(store.search(until=date(2100, 1, 1), limit=50))
    assert "undated" not in ids(store.search(since=date(1900, 1, 1), limit=50))
    assert sum(n for _, n in store.histogram()) == len(rows)


def test_author_tag_section_and_language_filters(store: Store, rows: list) -> None:
    def expected(keep: Any) -> set[str]:
        return {row["id"] for row in rows if keep(row)}

    names = {r["id"]: {a["name"] for a in r["authors"]} for r in rows}
    assert ids(store.search(author="anna schmidt")) == expected(
        lambda r: "Anna Schmidt" in names[r["id"]]
    )
    assert len(store.search(author="Anna Schmidt").hits) == 2
    assert ids(store.search(tag="Flooding")) == expected(lambda r: "flooding" in r["tags"])
    assert ids(store.search(section="local news")) == expected(
        lambda r: r["section"] == "Local News"
    )
    english = expected(lambda r: r["language"].lower().startswith("en"))
    assert ids(store.search(language="en", limit=50)) == english
    british = expected(lambda r: r["language"] == "en-GB")
    for tag in ("en-GB", "en_gb", " EN-gb "):  # read as byline.language reads a page's tag
        assert ids(store.search(language=tag)) == british != set()
    assert ids(store.search("harbour", language="de")) == set()
    assert store.search(language="42").total == store.search(language="-").total == 0


def test_facets_count_the_matching_records(store: Store, rows: list) -> None:
    facets = store.facets()
    assert dict(facets["site"]) == Counter(host(row) for row in rows)
    assert dict(facets["language"]) == Counter(row["language"].split("-")[0] for row in rows)
    authors = Counter(author["name"] for row in rows for author in row["authors"])
    assert dict(facets["author"]) == authors
    assert facets["author"][0] == authors.most_common(1)[0]
    assert dict(facets["tag"]) == Counter(tag for row in rows for tag in row["tags"])
    assert dict(facets["section"]) == Counter(row["section"] for row in rows if row["section"])
    minister = store.facets("minister", language="en")
    assert dict(minister["site"]) == {"site-a.example": 1, "site-b.example": 1, "site-c.example": 1}
    assert dict(minister["section"]) == {}


def expected_facets(rows: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    return {
        "site": Counter(host(row) for row in rows),
        "section": Counter(row["section"] for row in rows if row["section"]),
        "language": Counter(row["language"].split("-")[0] for row in rows),
        "author": Counter(author["name"] for row in rows for author in row["authors"]),
        "tag": Counter(tag for row in rows for tag in row["tags"]),
    }


@pytest.mark.parametrize("margin", [-1.0, 2.0], ids=["all but the misses", "the matches"])
def test_facets_of_a_query_count_its_matches_either_way(
    store: Store, rows: list, monkeypatch: pytest.MonkeyPatch, margin: float
) -> None:
    # FEWER_MISSES_MARGIN decides whether the records that do not match are counted and
    # subtracted from all the records of the date range, or the matches counted
    monkeypatch.setattr(planning, "FEWER_MISSES_MARGIN", margin)
    assert 0 < store.search("the").total < len(rows)  # some records are left to subtract
    for query, filters in (
        ("the", {}),
        ("the", {"since": date(2023, 5, 9)}),
        ("minister", {"until": date(2024, 12, 31)}),
        ("harbour barrier", {"since": date(2024, 3, 14), "until": date(2024, 3, 14)}),
    ):
        found = ids(store.search(query, limit=len(rows), **filters))
        expected = expected_facets([row for row in rows if row["id"] in found])
        facets = store.facets(query, **filters)
        assert {name: dict(counts) for name, counts in facets.items()} == expected


def test_histogram_counts_records_per_month(store: Store, rows: list) -> None:
    histogram = store.histogram()
    assert histogram == sorted(Counter(row["published"][:7] for row in rows).items())
    assert store.histogram("barrier") == [("2024-03", 1)]
    assert store.histogram(since=date(2024, 1, 1)) == [
        ("2024-01", sum(1 for row in rows if row["published"].startswith("2024-01"))),
        ("2024-03", 1),
    ]


def test_duplicates_link_a_story_and_its_copies(store: Store, rows: list) -> None:
    copy = next(row for row in rows if row["duplicate_of"])
    original = copy["duplicate_of"]
    assert [hit.id for hit in store.duplicates(original)] == [copy["id"]]
    assert [hit.id for hit in store.duplicates(copy["id"])] == [original]
    loner = next(row for row in rows if row["title"] == HARBOUR_TITLE)
    assert store.duplicates(loner["id"]) == []
    assert store.duplicates("no-such-id") == []


# --- the schema ----------------------------------------------------------------------------


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_new_store_is_at_the_current_schema_and_reopening_changes_nothing(
    tmp_path: Path, rows: list
) -> None:
    path = tmp_path / "corpus.db"
    with Store(path) as corpus:
        corpus.ingest(records(*rows))
    assert user_version(path) == SCHEMA_VERSION
    with Store(path) as again, Store(path, readonly=True) as reader:
        assert again.count() == reader.count() == len(rows)
    assert user_version(path) == SCHEMA_VERSION


def test_opening_an_older_store_runs_the_newer_migrations(
    tmp_path: Path, rows: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.db"
    with Store(path) as corpus:
        corpus.ingest(records(*rows))

    def add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (doc INTEGER, note TEXT)")

    migrations = [*schema.MIGRATIONS, add_notes]
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations))
    with pytest.raises(StoreError, match="open it writable"):
        Store(path, readonly=True)
    with Store(path) as upgraded:
        assert upgraded.count() == len(rows)
    assert user_version(path) == SCHEMA_VERSION + 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_a_schema_1_store_gets_its_language_tags_as_byline_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.db"
    with Store(path) as corpus:
        corpus.ingest(records(*tide_stories(3)))
    older_schema(path, 1)
    with sqlite3.connect(path) as conn:  # as schema 1 stored them, lower-cased
        conn.execute("UPDATE articles SET language = 'pt-br', lang = 'pt' WHERE id = 'tide-1'")
    with Store(path) as upgraded:
        assert ids(upgraded.search(language="pt-BR")) == {"tide-1"}
        assert ids(upgraded.search(language="pt")) == {"tide-1"}
    with sqlite3.connect(path) as conn:
        languages = conn.execute("SELECT language FROM articles").fetchall()
        assert set(languages) == {(None,), ("pt-BR",)}


def test_a_schema_3_store_gets_three_letter_language_codes_as_two(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    with Store(path) as corpus:
        corpus.ingest(records(*tide_stories(3)))
    with sqlite3.connect(path) as conn:  # as schema 3 stored a page's "eng"
        conn.execute("UPDATE articles SET language = 'eng', lang = 'eng' WHERE id = 'tide-1'")
        conn.execute("PRAGMA user_version = 3")
    with Store(path) as upgraded:
        assert ids(upgraded.search(language="en")) == {"tide-1"}
    assert user_version(path) == SCHEMA_VERSION


VERSION_TABLES = ("stories", "versions", "watched")
"""The tables of schema 3 (``byline.store.versions``, ``byline.store.visits``)."""


def older_schema(path: Path, version: int) -> None:
    """The store at ``path`` as byline stored it at schema ``version`` (1 or 2): the tables
    of later migrations dropped (their data is derived from the records)."""
    with sqlite3.connect(path) as conn:
        for table in VERSION_TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute(f"PRAGMA user_version = {version}")


def test_a_schema_2_store_gains_versions_with_each_record_its_first(
    tmp_path: Path, rows: list
) -> None:
    path = tmp_path / "corpus.db"
    with Store(path) as corpus:
        corpus.ingest(records(*rows))
    older_schema(path, 2)
    with Store(path) as upgraded:
        assert upgraded.count() == len(rows)
        row = rows[0]
        story = upgraded.story(row["id"])
        assert story is not None and story.versions == 1 and story.removed_at is None
        (first,) = upgraded.versions(row["id"])
        assert (first.number, first.changed, first.record) == (1, [], stored(upgraded, row["id"]))
    assert user_version(path) == SCHEMA_VERSION


def test_a_failed_migration_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.db"
    Store(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(sqlite3.OperationalError):
        Store(path)
    assert user_version(path) == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_schema")}
    assert "half_done" not in tables


def test_databases_byline_cannot_use_give_a_clear_error(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="upgrade byline"):
        Store(newer)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE accounts (name)")
    with pytest.raises(StoreError, match="not a byline corpus"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database " * 100)
    with pytest.raises(StoreError, match="not a corpus database"):
        Store(junk, readonly=True)
    with pytest.raises(StoreError, match="no corpus database"):
        Store(tmp_path / "missing.db", readonly=True)
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="no byline corpus yet"):
        Store(empty, readonly=True)
    assert not (tmp_path / "missing.db").exists()


# --- the commands --------------------------------------------------------------------------


def byline(*argv: str) -> int | None:
    """Run ``byline ARGV`` in-process, as ``byline.cli`` does for these commands."""
    parser = argparse.ArgumentParser(prog="byline")
    add_commands(parser.add_subparsers(dest="command"))
    return dispatch(parser.parse_args(list(argv)))


def test_ingest_command_reports_what_it_did(
    tmp_path: Path, records_file: Path, rows: list, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    assert byline("ingest", str(records_file), str(records_file), "--into", str(db)) == 0
    out = capsys.readouterr().out
    assert f"{len(rows)} inserted, 0 updated, 0 skipped, 0 bad lines" in out
    assert f"0 inserted, {len(rows)} updated" in out
    assert f"{db}: {len(rows)} articles" in out


def test_ingest_command_fails_cleanly_on_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    assert byline("ingest", str(tmp_path / "nope.jsonl"), "--into", str(db)) == 2
    assert "no such file" in capsys.readouterr().err
    assert not db.exists()


def test_search_command_json_and_jsonl(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.path)
    assert byline("search", "barrier", "--db", db, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["query"], data["total"]) == ("barrier", 1)
    assert data["hits"][0]["title"] == HARBOUR_TITLE
    assert "<mark>" in data["hits"][0]["snippet"].lower()
    assert byline("search", "--db", db, "--lang", "en", "--limit", "2", "--format", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["id"] for line in lines)


def test_search_command_table(
    store: Store, rows: list, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # no wrapping inside the cells checked
    rich_markup = {
        **rows[0],
        "id": "markup",
        "url": "https://markup.example/1",
        "canonical_url": None,
        "title": "[bold red]Harbour[/bold red] \x1b[31mred",
    }
    store.ingest(records(rich_markup))
    total = store.search("harbour", since=date(2024, 1, 1)).total
    assert byline("search", "harbour", "--db", str(store.path), "--since", "2024") == 0
    out = capsys.readouterr().out
    assert f"{total} results for 'harbour'" in out
    assert "[bold red]Harbour[/bold red]" in out  # shown as written, not as rich markup
    assert "\x1b[31m" not in out
    assert "2024-03-14" in out and "harbourgazette.example" in out
    assert byline("search", "zeppelin", "--db", str(store.path)) == 0
    assert "No results." in capsys.readouterr().out


def test_search_command_errors_exit_2_without_a_traceback(
    tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert byline("search", "x", "--db", str(tmp_path / "missing.db")) == 2
    assert "no corpus database" in capsys.readouterr().err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite " * 100)
    assert byline("search", "x", "--db", str(junk)) == 2
    assert "not a corpus database" in capsys.readouterr().err
    db = str(store.path)
    assert byline("search", "x", "--db", db, "--since", "2024", "--until", "2023-06") == 2
    assert "is after --until" in capsys.readouterr().err
    for bad in (["--since", "2024-13-01"], ["--until", "yesterday"], ["--limit", "0"]):
        with pytest.raises(SystemExit) as exit_:
            byline("search", "x", "--db", db, *bad)
        assert exit_.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_search_command_refuses_a_query_over_a_limit_with_exit_2(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert byline("search", PREFIX_FLOOD, "--db", str(store.path)) == 2
    err = capsys.readouterr().err
    assert "byline search: 'b*' is too short a prefix" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-02", date(2019, 2, 1), date(2019, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (" 2024-02-29 ", date(2024, 2, 29), date(2024, 2, 29)),
    ],
)
def test_a_date_filter_is_a_year_a_month_or_a_day(text: str, first: date, last: date) -> None:
    assert period(text) == (first, last)


@pytest.mark.parametrize(
    "text", ["2019-13", "2019-1", "2023-02-29", "20240101", "2024-W01-1", "yesterday", ""]
)
def test_other_date_filters_are_refused_in_words(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a date: .* \(use YYYY-MM-DD, YYYY-MM or YYYY\)"):
        period(text)


def test_search_command_reads_dates_as_periods(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(store.path)
    for since, until in [("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-14", "2024-03-14")]:
        assert byline("search", "barrier", "--db", db, "--since", since, "--until", until) == 0
        assert "1 result for 'barrier'" in capsys.readouterr().out
    assert byline("search", "barrier", "--db", db, "--since", "2024-04") == 0
    assert "No results." in capsys.readouterr().out


def test_dispatch_leaves_other_commands_alone() -> None:
    assert dispatch(argparse.Namespace(command="extract")) is None


@pytest.mark.parametrize("output", ["records.jsonl", "records.parquet"])
def test_run_into_loads_the_run_into_a_corpus_and_again_updates_it(
    tmp_path: Path, records_file: Path, rows: list, output: str
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for row in rows:  # the pages behind records_file, from its sources
        source = Path(row["source"]["path"])
        shutil.copy(source, pages / source.name)
    out, db = tmp_path / output, tmp_path / "corpus.db"
    argv = ["run", str(pages), "--out", str(out), "--workers", "1", "--into", str(db)]
    assert cli.main([*argv, "--no-progress"]) == 0
    with Store(db, readonly=True) as corpus:
        assert corpus.count() == len(rows)
        [hit] = corpus.search("barrier").hits
        harbour = next(row for row in rows if row["title"] == HARBOUR_TITLE)
        loaded = corpus.article(hit.id)
        assert loaded is not None and loaded.article == Article.from_dict(harbour)
    assert cli.main([*argv, "--overwrite"]) == 0
    with Store(db, readonly=True) as corpus:
        assert corpus.count() == len(rows)  # the same pages again: updated, not added


def test_run_into_refuses_csv_before_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "records.csv"
    argv = ["run", str(SAMPLES), "--out", str(out), "--into", str(tmp_path / "c.db")]
    assert cli.main(argv) == 2
    assert "--into" in capsys.readouterr().err
    assert not out.exists()
