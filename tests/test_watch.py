"""``byline watch`` and ``byline history``: versions in the corpus, rounds over a local news
site whose stories change (``bench.newsroom``), stopping and killing a watch mid-round."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.newsroom import PARAGRAPHS, Newsroom, Site, Story, serve
from bench.newsroom import page as page_html
from byline import cli
from byline.pipeline.crawl import CrawlSettings
from byline.record import Record
from byline.store import Store
from byline.store import visits as state
from byline.store.versions import VERSION_FIELDS
from byline.watch.rounds import RoundStats, Watcher, utc
from byline.watch.schedule import DEFAULT_REVISIT, Schedule, duration
from byline.watch.sites import Listing, SitesError, listings, read_sites
from byline.worddiff import Piece, condensed, wdiff, word_diff

FAST = CrawlSettings(per_host_delay=0.0, timeout=1.0, retries=0, backoff=0.01, window=8)
"""No host delay, a short timeout, no retries: a round of the test site takes a second."""
EVERY_ROUND = Schedule.parse("0s:1d")
"""Every watched story is due at every round."""
CORRECTION = "Correction: an earlier version of this story gave the wrong cost of the works."
ADDED = "The consultation will open on 1 March and run for six weeks, the council said."
REWRITTEN = "Council approves flood defences after decade of delays"
DEADLINE = 120.0
"""Seconds a child watch may take, generously."""


# --- the revisit schedule, durations, the sites file ---------------------------------------


def test_the_default_schedule_thins_out_with_age_and_stops() -> None:
    schedule = Schedule.parse(DEFAULT_REVISIT)
    first = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def gap(age: timedelta) -> timedelta | None:
        upcoming = schedule.next_visit(first, first + age)
        return None if upcoming is None else upcoming - (first + age)

    assert gap(timedelta(minutes=5)) == timedelta(minutes=15)
    assert gap(timedelta(hours=5)) == timedelta(hours=1)
    assert gap(timedelta(hours=30)) == timedelta(days=1)
    assert gap(timedelta(days=3)) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("15m", "not EVERY:UNTIL"),
        ("15x:3h", "not a duration"),
        ("15m:3h,1h:2h", "later than"),
        ("", "not EVERY:UNTIL"),
    ],
)
def test_a_bad_schedule_is_refused_in_words(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Schedule.parse(text)


def test_durations() -> None:
    assert duration("90s") == timedelta(seconds=90)
    assert duration("1.5h") == timedelta(minutes=90)
    assert duration(" 2D ") == timedelta(days=2)
    with pytest.raises(ValueError, match="not a duration"):
        duration("soon")


def test_a_sites_file_names_feeds_and_sitemaps_or_lets_the_path_say(tmp_path: Path) -> None:
    sites = tmp_path / "sites.txt"
    sites.write_text(
        "# our sites\n"
        "feed https://a.example/news.xml\n"
        "sitemap https://b.example/map.xml\n"
        "https://c.example/news-sitemap.xml\n"
        "https://d.example/    # the sitemaps its robots.txt names\n"
        "\n"
        "https://e.example/rss\n",
        encoding="utf-8",
    )
    assert read_sites(sites) == [
        Listing("feed", "https://a.example/news.xml"),
        Listing("sitemap", "https://b.example/map.xml"),
        Listing("sitemap", "https://c.example/news-sitemap.xml"),
        Listing("sitemap", "https://d.example/"),
        Listing("feed", "https://e.example/rss"),
    ]
    both = listings(["https://e.example/rss"], [], [sites])
    assert len(both) == 5  # the feed given twice is read once


def test_a_sites_line_may_give_its_own_schedule_and_delay(tmp_path: Path) -> None:
    sites = tmp_path / "sites.txt"
    sites.write_text(
        "feed https://a.example/rss revisit=5m:1h,1h:1d delay=2.5\nhttps://b.example/ delay=0\n",
        encoding="utf-8",
    )
    a, b = read_sites(sites)
    assert (a.kind, a.revisit, a.delay) == ("feed", Schedule.parse("5m:1h,1h:1d"), 2.5)
    assert (b.kind, b.revisit, b.delay, b.host) == ("sitemap", None, 0.0, "b.example")
    settings = CrawlSettings(per_host_delay=1.0, host_delays=(("a.example", 2.5),))
    assert (settings.delay_for("a.example"), settings.delay_for("c.example")) == (2.5, 1.0)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("feed", "write 'feed URL'"),
        ("ftp://x.example/feed", "not an http(s) URL"),
        ("feed https://x.example/f b", "is not an option"),
        ("https://x.example/f every=5m", "is not an option"),
        ("https://x.example/f revisit=soon", "not EVERY:UNTIL"),
        ("https://x.example/f delay=-1", "give seconds"),
        ("https://x.example/f delay=nan", "give seconds"),
    ],
)
def test_a_bad_sites_line_names_its_line(tmp_path: Path, line: str, problem: str) -> None:
    sites = tmp_path / "sites.txt"
    sites.write_text(f"https://ok.example/rss\n{line}\n", encoding="utf-8")
    with pytest.raises(SitesError, match=f"line 2: .*{re.escape(problem)}"):
        read_sites(sites)


# --- word diffs ------------------------------------------------------------------------------


def test_a_word_diff_gives_back_both_texts() -> None:
    old = "The council met on Tuesday.\n\nIt agreed."
    new = "The council met on Wednesday.\n\nIt agreed.\n\nCorrection: a date."
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.op != "+") == old
    assert "".join(p.text for p in pieces if p.op != "-") == new
    assert wdiff(pieces) == (
        "The council met on [-Tuesday.\n\n-]{+Wednesday.\n\n+}It agreed.{+\n\nCorrection: a date.+}"
    )


def test_a_condensed_diff_keeps_context_around_changes() -> None:
    words = " ".join(f"w{n}" for n in range(100))
    pieces = word_diff(words, words.replace("w50", "fifty"))
    shown = wdiff(condensed(pieces, context=2))
    assert shown == "… w48 w49 [-w50 -]{+fifty +}w51 w52 … "
    assert condensed([Piece("=", "same")]) == [Piece("=", "same")]


# --- versions in the store -----------------------------------------------------------------


def record(body: str = "\n\n".join(PARAGRAPHS), **fields: Any) -> Record:
    """A record of the test page at /news/1, fetched at ``fetched_at``."""
    fetched_at = fields.pop("fetched_at", "2026-12-01T10:00:00Z")
    row = {
        "id": "page-1",
        "url": "https://news.example/news/1",
        "title": "Council backs flood defences",
        "body": body,
        "body_html": "".join(f"<p>{p}</p>" for p in body.split("\n\n")),
        "source": {"kind": "url", "url": "https://news.example/news/1", "fetched_at": fetched_at},
        **fields,
    }
    return Record.from_dict(row)


def test_a_changed_record_is_a_new_version_and_an_identical_one_is_not(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.db") as store:
        first = store.ingest([record()])
        again = store.ingest([record(fetched_at="2026-12-01T10:15:00Z")])
        body = "\n\n".join([*PARAGRAPHS, CORRECTION])
        changed = store.ingest([record(body, fetched_at="2026-12-01T10:30:00Z")])
        retitled = store.ingest([record(body, title=REWRITTEN, fetched_at="2026-12-01T10:45:00Z")])
        assert (first.inserted, again.versions, changed.versions, retitled.versions) == (1, 0, 1, 1)
        versions = store.versions("page-1")
        assert [v.number for v in versions] == [1, 2, 3]
        assert [v.changed for v in versions] == [[], ["body"], ["title"]]
        assert [v.fetched_at for v in versions] == [
            "2026-12-01T10:00:00Z",
            "2026-12-01T10:30:00Z",
            "2026-12-01T10:45:00Z",
        ]
        # each version's record is exactly as ingested, furniture and all
        assert versions[0].record == record(fetched_at="2026-12-01T10:15:00Z").to_dict()
        assert versions[1].record == record(body, fetched_at="2026-12-01T10:30:00Z").to_dict()
        assert versions[2].record == stored(store, "page-1")
        story = store.story("page-1")
        assert story is not None
        assert (story.versions, story.first_seen, story.last_seen) == (
            3,
            "2026-12-01T10:00:00Z",
            "2026-12-01T10:45:00Z",
        )


def test_an_older_fetch_loaded_after_a_newer_one_is_no_version(tmp_path: Path) -> None:
    """Loading an old crawl's output again after a newer one (a resumed ``byline run
    --into``) must not make the old text a version after the new one."""
    newer = record(title=REWRITTEN, fetched_at="2026-12-01T12:00:00Z")
    with Store(tmp_path / "corpus.db") as store:
        store.ingest([record(), newer])
        stats = store.ingest([record()])
        assert (stats.skipped, stats.versions) == (1, 0)
        assert [v.changed for v in store.versions("page-1")] == [[], ["title"]]
        assert stored(store, "page-1") == newer.to_dict()


def test_furniture_alone_makes_no_version_and_old_versions_stay_exact(tmp_path: Path) -> None:
    body = "\n\n".join([*PARAGRAPHS, ADDED])
    with Store(tmp_path / "corpus.db") as store:
        store.ingest([record(), record(body, fetched_at="2026-12-01T11:00:00Z")])
        furnished = record(body, fetched_at="2026-12-01T12:00:00Z", section="Local", word_count=9)
        assert store.ingest([furnished]).versions == 0
        first, latest = store.versions("page-1")
        assert first.record == record().to_dict()
        assert latest.record == furnished.to_dict() == stored(store, "page-1")


def test_every_version_field_makes_a_version(tmp_path: Path) -> None:
    values: dict[str, Any] = {
        "title": "Another title",
        "description": "A summary",
        "body": "Another body.",
        "authors": [{"name": "Grace Hopper", "url": None}],
        "published": "2026-12-02T08:00:00+00:00",
        "modified": "2026-12-03T08:00:00+00:00",
    }
    assert set(values) == set(VERSION_FIELDS)
    with Store(tmp_path / "corpus.db") as store:
        store.ingest([record()])
        for name, value in values.items():
            changed = record(value) if name == "body" else record(**{name: value})
            store.ingest([changed, record()])  # changed, then back as it was
        found = [v.changed for v in store.versions("page-1")]
    assert found == [[], *([name] for name in VERSION_FIELDS for _ in range(2))]


def test_versions_are_stored_as_deltas_not_copies(tmp_path: Path) -> None:
    """Fifty versions, each adding a line: the versions take a fraction of fifty copies."""
    body = "\n\n".join(PARAGRAPHS * 10)
    with Store(tmp_path / "corpus.db") as store:
        for n in range(50):
            store.ingest([record(body + f"\n\nUpdate {n}: more news.", fetched_at=f"T{n:02}")])
        versions = store.versions("page-1")
        assert len(versions) == 50 and versions[7].record["body"].endswith("Update 7: more news.")
        conn = sqlite3.connect(tmp_path / "corpus.db")
        stored_bytes = conn.execute("SELECT sum(length(delta)) FROM versions").fetchone()[0]
    assert stored_bytes < 50 * len(body) / 20


def test_search_finds_the_latest_version_and_filters_changed_and_removed(tmp_path: Path) -> None:
    other = record(id="page-2", url="https://news.example/news/2", title="Ferry strike ends")
    with Store(tmp_path / "corpus.db") as store:
        store.ingest([record(), other, record(title=REWRITTEN)])
        assert {h.title for h in store.search("approves").hits} == {REWRITTEN}
        assert store.search("backs").total == 0  # the old title is no longer searched
        assert {h.id for h in store.search(changed=True).hits} == {"page-1"}
        assert store.search(removed=True).total == 0
        state.listed(store.connection, [state.Listed("https://news.example/news/2", "f")], "T0")
        store.connection.execute("UPDATE watched SET key = url")
        state.gone(store.connection, "https://news.example/news/2", "T1", "http-404")
        assert {h.id for h in store.search(removed=True).hits} == {"page-2"}
        assert {h.id for h in store.search("ferry", removed=True, changed=True).hits} == set()


def stored(store: Store, article_id: str) -> dict[str, Any]:
    found = store.article(article_id)
    assert found is not None
    return found.to_dict()


# --- rounds over a changing site -------------------------------------------------------------


@pytest.fixture
def newsroom() -> Iterator[Newsroom]:
    """Two sites: ``times`` (seven stories, five of them in its feed, all in its sitemap
    index) and ``flaky`` (a feed of one story)."""
    times = Site(
        stories={
            "news/1": Story("Council backs flood defences"),
            "news/2": Story("Ferry strike ends after talks"),
            "news/3": Story("Bakery wins national prize"),
            "news/4": Story("Bridge to close for repairs"),
            "news/5": Story("Museum opens new wing", etag=True),
            "archive/6": Story("Harbour festival returns"),
            "archive/7": Story("Lifeboat crew honoured"),
        },
        feed=["news/1", "news/2", "news/3", "news/4", "news/5"],
    )
    flaky = Site(stories={"news/1": Story("Storm closes schools")}, feed=["news/1"])
    with serve(Newsroom({"times": times, "flaky": flaky})) as room:
        yield room


def watch_listings(room: Newsroom) -> list[Listing]:
    return [
        Listing("feed", room.url("times/feed.xml")),
        Listing("sitemap", room.url("times/sitemap-index.xml")),
        Listing("feed", room.url("flaky/feed.xml")),
    ]


def one_round(store: Store, room: Newsroom) -> RoundStats:
    return Watcher(store, watch_listings(room), EVERY_ROUND, FAST).round()


def versions_of(store: Store, url: str) -> list[list[str]]:
    article_id = store.article_id(url)
    assert article_id is not None, url
    return [v.changed for v in store.versions(article_id)]


def test_rounds_record_exactly_the_real_changes(tmp_path: Path, newsroom: Newsroom) -> None:
    times, flaky = newsroom.sites["times"], newsroom.sites["flaky"]
    with Store(tmp_path / "corpus.db") as store:
        first = one_round(store, newsroom)
        assert (first.listings, first.listing_errors, first.new_urls) == (3, 0, 8)
        assert first.outcomes == {state.NEW_ARTICLE: 8}
        assert store.count() == 8

        # between rounds: a headline rewrite, an added paragraph, a correction, a deleted
        # story, an unchanged one (304), a feed gaining and losing an item, a new "most
        # read" box on every page, a site down and a page timing out
        times.stories["news/1"].title = REWRITTEN
        times.stories["news/2"].paragraphs.insert(1, ADDED)
        times.stories["news/3"].paragraphs.append(CORRECTION)
        times.stories["news/4"].status = 404
        times.stories["news/8"] = Story("Ferry timetable changes")
        times.feed = ["news/8", "news/2", "news/3", "news/4", "news/5"]
        newsroom.most_read = ["Lottery winner found", "Bridge closed", "New bakery opens"]
        flaky.down = True
        times.stories["archive/7"].delay = 3.0
        second = one_round(store, newsroom)
        assert (second.listing_errors, second.new_urls, second.visited) == (1, 1, 9)
        assert second.outcomes == {
            state.NEW_ARTICLE: 1,  # news/8
            state.NEW_VERSION: 3,  # news/1, 2, 3
            state.UNCHANGED: 1,  # archive/6, its "most read" box changed
            state.NOT_MODIFIED: 1,  # news/5
            state.REMOVED: 1,  # news/4
            "timed out after 1 s, 1 attempt": 1,  # archive/7
            "HTTP 500 after 1 attempt": 1,  # flaky's story
        }
        assert versions_of(store, newsroom.url("times/news/1")) == [[], ["title"]]
        assert versions_of(store, newsroom.url("times/news/2")) == [[], ["body"]]
        assert versions_of(store, newsroom.url("times/news/3")) == [[], ["body"]]
        for path in ("news/5", "archive/6", "archive/7", "news/8"):
            assert versions_of(store, newsroom.url(f"times/{path}")) == [[]], path
        asked_for_5 = [tag for path, tag in newsroom.requests if path == "/times/news/5"]
        assert asked_for_5[0] is None and asked_for_5[1] is not None  # the second conditional
        removed = store.story(store.article_id(newsroom.url("times/news/4")) or "")
        assert removed is not None and removed.removed_at is not None
        assert {h.url for h in store.search(removed=True).hits} == {newsroom.url("times/news/4")}
        assert len(store.search(changed=True).hits) == 3

        # the site is back, the page answers again, nothing changed: no new version
        flaky.down = False
        times.stories["archive/7"].delay = 0.0
        third = one_round(store, newsroom)
        assert third.listing_errors == 0
        assert state.NEW_VERSION not in third.outcomes and state.NEW_ARTICLE not in third.outcomes
        assert third.visited == 8  # the removed story is visited no more
        watched = state.watched(store.connection, newsroom.url("times/news/1"))
        assert watched is not None and watched.listing == newsroom.url("times/feed.xml")
        assert watched.visits == 3


# --- the commands, stopped and killed --------------------------------------------------------

SLOW_STORIES = 30
SLOW_PAGE = 0.1
"""Seconds each page of the slow site takes: a round lasts about three seconds."""


@pytest.fixture
def slow_site() -> Iterator[Newsroom]:
    stories = {
        f"news/{n}": Story(f"Story number {n}", delay=SLOW_PAGE) for n in range(SLOW_STORIES)
    }
    site = Site(stories=stories, feed=sorted(stories))
    with serve(Newsroom({"slow": site})) as room:
        yield room


def watch_command(room: Newsroom, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "byline",
        "watch",
        "--feed",
        room.url("slow/feed.xml"),
        "--into",
        str(db),
        "--once",
        "--delay",
        "0",
        "--revisit",
        "0s:1d",
    ]


def visits_recorded(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return int(conn.execute("SELECT coalesce(sum(visits), 0) FROM watched").fetchone()[0])
    except sqlite3.OperationalError:  # the tables are not there yet
        return 0


def started_and_stopped(command: list[str], db: Path, how: signal.Signals) -> subprocess.Popen[str]:
    """The watch, sent ``how`` once it has recorded a few visits, and waited for."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + DEADLINE
    while visits_recorded(db) < 5:
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(how)
    child.wait(DEADLINE)
    return child


def finished(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE, check=True)
    return done.stdout


def version_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT key, count(*), max(number) FROM versions GROUP BY key")
        counts = {}
        for key, count, highest in rows:
            assert count == highest  # numbered 1..n, none twice
            counts[key] = count
    return counts


def test_a_killed_watch_loses_nothing_and_records_no_version_twice(
    tmp_path: Path, slow_site: Newsroom
) -> None:
    db = tmp_path / "corpus.db"
    command = watch_command(slow_site, db)
    killed = started_and_stopped(command, db, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    recorded = visits_recorded(db)
    assert 5 <= recorded < SLOW_STORIES
    assert set(version_counts(db).values()) == {1}
    finished(command)  # the next round: everything due again, the rest fetched
    assert version_counts(db) == {
        slow_site.url(f"slow/{p}"): 1 for p in slow_site.sites["slow"].stories
    }

    for story in slow_site.sites["slow"].stories.values():
        story.paragraphs.append(CORRECTION)
    started_and_stopped(command, db, signal.SIGKILL)
    finished(command)
    assert set(version_counts(db).values()) == {2}
    with Store(db) as store:
        for url in version_counts(db):
            assert versions_of(store, url) == [[], ["body"]]


def test_sigterm_finishes_the_page_at_hand_and_a_restart_goes_on(
    tmp_path: Path, slow_site: Newsroom
) -> None:
    db = tmp_path / "corpus.db"
    command = watch_command(slow_site, db)
    stopped = started_and_stopped(command, db, signal.SIGTERM)
    out = stopped.stdout.read() if stopped.stdout else ""
    assert stopped.returncode == 0, stopped.stderr.read() if stopped.stderr else ""
    assert "(stopped)" in out
    visited = int(out.split(" visits:")[0].rsplit(" ", 1)[1])
    assert visited == visits_recorded(db) < SLOW_STORIES
    rest = finished(command)
    assert f"{SLOW_STORIES} visits" in rest and f"{SLOW_STORIES - visited} new article" in rest
    assert len(version_counts(db)) == SLOW_STORIES


def test_history_shows_every_version_as_a_table_json_and_a_diff(
    tmp_path: Path, newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    times = newsroom.sites["times"]
    story = times.stories["news/3"]
    with Store(db) as store:
        one_round(store, newsroom)
        story.paragraphs.append(CORRECTION)
        one_round(store, newsroom)
        story.title = REWRITTEN
        times.stories["news/4"].status = 410
        one_round(store, newsroom)
    url = newsroom.url("times/news/3")
    assert cli.main(["history", url, "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "3 versions" in table and "first seen" in table and REWRITTEN[:20] in table

    assert cli.main(["history", url, "--db", str(db), "--format", "json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert [v["number"] for v in versions] == [1, 2, 3]
    assert [v["changed"] for v in versions] == [[], ["body"], ["title"]]
    assert versions[0]["record"]["title"] == "Bakery wins national prize"
    assert versions[1]["record"]["body"].endswith(CORRECTION)
    assert all(v["fetched_at"].endswith("Z") for v in versions)

    assert cli.main(["history", url, "--db", str(db), "--format", "diff"]) == 0
    diff = capsys.readouterr().out
    assert "--- version 1 (" in diff and "+++ version 2 (" in diff
    assert "{+\n\n" + CORRECTION + "+}" in diff
    assert f"title: Bakery wins national prize -> {REWRITTEN}" in diff

    removed = newsroom.url("times/news/4")
    assert cli.main(["history", removed, "--db", str(db)]) == 0
    assert "found removed from its site at " in capsys.readouterr().out
    assert cli.main(["history", newsroom.url("times/nowhere"), "--db", str(db)]) == 2
    assert "no article at" in capsys.readouterr().err


def test_watch_refuses_bad_options_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "corpus.db")
    cases = {
        ("--feed", "http://127.0.0.1:9/f.xml", "--revisit", "often"): "not EVERY:UNTIL",
        ("--feed", "http://127.0.0.1:9/f.xml", "--every", "soon"): "not a duration",
        ("--sites", str(tmp_path / "missing.txt")): "cannot read",
        (): "nothing to watch",
    }
    for options, message in cases.items():
        assert cli.main(["watch", *options, "--into", db, "--once"]) == 2
        assert message in capsys.readouterr().err


def test_run_into_a_corpus_again_adds_versions(tmp_path: Path) -> None:
    """A re-crawl of pages already in the corpus is a watch round: changed pages gain a
    version, the others do not."""
    pages = tmp_path / "pages"
    pages.mkdir()
    stories = {n: Story(f"Story number {n}") for n in range(3)}

    def write() -> None:
        for n, story in stories.items():
            (pages / f"{n}.html").write_text(page_html(story, []), encoding="utf-8")

    write()
    db = tmp_path / "corpus.db"
    assert cli.main(["run", str(pages), "--out", str(tmp_path / "a.jsonl"), "--into", str(db)]) == 0
    stories[1].paragraphs.insert(0, ADDED)
    write()
    assert cli.main(["run", str(pages), "--out", str(tmp_path / "b.jsonl"), "--into", str(db)]) == 0
    with Store(db) as store:
        assert store.count() == 3
        changed = store.search(changed=True).hits
        assert [hit.title for hit in changed] == ["Story number 1"]
        assert [v.changed for v in store.versions(changed[0].id)] == [[], ["body"]]


def test_without_once_the_watch_goes_round_every_interval_until_stopped(
    tmp_path: Path, newsroom: Newsroom
) -> None:
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "byline", "watch", "--feed", newsroom.url("flaky/feed.xml")]
    command += ["--into", str(db), "--every", "1s", "--delay", "0", "--revisit", "0s:1d"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines = [child.stdout.readline() for _ in range(3)]
    child.send_signal(signal.SIGTERM)
    assert child.wait(DEADLINE) == 0
    assert [line.split(": ", 1)[0].split(" ", 1)[1] for line in lines] == [
        "round 1",
        "round 2",
        "round 3",
    ]
    assert "1 new article" in lines[0] and "1 unchanged" in lines[1] and "1 unchanged" in lines[2]


def test_a_listing_with_its_own_schedule_is_visited_on_it(
    tmp_path: Path, newsroom: Newsroom
) -> None:
    daily = Listing("feed", newsroom.url("flaky/feed.xml"), revisit=Schedule.parse("1d:3d"))
    listings = [Listing("feed", newsroom.url("times/feed.xml")), daily]
    with Store(tmp_path / "corpus.db") as store:
        watcher = Watcher(store, listings, EVERY_ROUND, FAST)
        assert watcher.round().outcomes == {state.NEW_ARTICLE: 6}
        again = watcher.round()  # the flaky site's story is not due for a day
        assert (again.visited, again.outcomes) == (5, {state.UNCHANGED: 4, state.NOT_MODIFIED: 1})


def test_a_sitemap_lastmod_after_the_last_visit_brings_a_story_back(
    tmp_path: Path, newsroom: Newsroom
) -> None:
    """Once a day, says the schedule; but the sitemap says the story changed: visit now."""
    times = newsroom.sites["times"]
    daily = Schedule.parse("1d:3d")
    with Store(tmp_path / "corpus.db") as store:
        watcher = Watcher(store, watch_listings(newsroom)[1:2], daily, FAST)
        assert watcher.round().outcomes == {state.NEW_ARTICLE: 7}  # every story of the site
        assert watcher.round().visited == 0  # not due for a day
        times.stories["archive/6"].paragraphs.append(CORRECTION)
        times.stories["archive/6"].lastmod = "2999-01-01"  # after any visit
        times.stories["archive/7"].lastmod = "2000-01-01T10:00:00+01:00"  # before any visit
        again = watcher.round()
        assert (again.visited, again.outcomes) == (1, {state.NEW_VERSION: 1})
        assert versions_of(store, newsroom.url("times/archive/6")) == [[], ["body"]]


@pytest.mark.parametrize(
    ("lastmod", "expected"),
    [
        ("2024-03-14", "2024-03-14T00:00:00Z"),
        ("2024-03-14T11:02:00+01:00", "2024-03-14T10:02:00Z"),
        ("2024-03-14T11:02:00Z", "2024-03-14T11:02:00Z"),
        ("yesterday", None),
        (None, None),
        # in UTC, before the first year or after the last one datetime holds
        ("0001-01-01T00:00:00+01:00", None),
        ("9999-12-31T23:59:59-01:00", None),
    ],
)
def test_sitemap_times_are_read_as_utc(lastmod: str | None, expected: str | None) -> None:
    assert utc(lastmod) == expected


def test_a_second_signal_stops_the_watch_at_once(tmp_path: Path, slow_site: Newsroom) -> None:
    db = tmp_path / "corpus.db"
    for story in slow_site.sites["slow"].stories.values():
        story.delay = 5.0  # each page holds the watch for a while
    child = subprocess.Popen(
        watch_command(slow_site, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + DEADLINE
    while not any(tag is None for path, tag in slow_site.requests if "/news/" in path):
        assert child.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)  # until the first page is asked for
    child.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=DEADLINE)
    assert child.returncode == 130
    assert "stopped at once: run it again to go on" in err and "Traceback" not in err
