"""``byline watch`` and ``byline history``: keeping a corpus current, and reading what changed.

``byline.cli`` adds the two commands with ``add_commands`` and runs them with
``dispatch``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from byline.arguments import pause, seconds
from byline.fetch import DEFAULT_HOST_DELAY, DEFAULT_TIMEOUT
from byline.pipeline.crawl import CrawlSettings
from byline.search_cli import DEFAULT_DB
from byline.store import Store, Version
from byline.store.versions import now
from byline.watch.rounds import Watcher, rounds
from byline.watch.schedule import DEFAULT_EVERY, DEFAULT_REVISIT, Schedule, duration
from byline.watch.sites import SitesError, listings
from byline.worddiff import condensed, wdiff, word_diff

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
HISTORY_FORMATS = ("table", "json", "diff")
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

WATCH_EPILOG = f"""\
examples:
  byline watch --feed https://example.com/rss.xml --into corpus.db --once
  byline watch --sites sites.txt --into corpus.db --every 10m
  byline watch --sitemap https://example.com/news-sitemap.xml --into corpus.db \\
      --revisit 5m:1h,1h:2d

Each round reads every feed and sitemap, fetches the new articles, and visits
the known ones again as the revisit schedule says: EVERY:UNTIL steps, e.g. the
default {DEFAULT_REVISIT} (every 15 minutes until a story is 3 hours old, hourly
until a day, daily until 3 days, then no more). A page that extracts to a
different title, description, body, authors or dates is a new version; a 404 or
410 marks it removed. Requests are conditional (ETag, Last-Modified) and polite
(robots.txt, one request at a time per host, --delay between them).

A sites file lists one feed or sitemap a line: 'feed URL', 'sitemap URL', or a
bare URL (a sitemap if its path names one or is the site's root, else a feed),
then options of its own if any: revisit=SCHEDULE, delay=S. '#' starts a comment.

The watch list lives in the database: stop the watch (SIGTERM or Ctrl-C finish
the page at hand; even kill -9 loses no recorded visit) and start it again, it
goes on where it was.

exit codes:
  0  the watch ran (see the status lines for failures)
  2  bad usage, an unreadable sites file, or a database byline cannot use
  130  stopped at once by a second SIGTERM or Ctrl-C: run it again to go on
"""

HISTORY_EPILOG = """\
examples:
  byline history https://example.com/news/1 --db corpus.db
  byline history https://example.com/news/1 --format diff
  byline history https://example.com/news/1 --format json

exit codes:
  0  the history was printed
  2  bad usage, no such article, or a database byline cannot use
"""


def add_commands(subparsers: Any) -> None:
    """Add ``watch`` and ``history`` to the ``byline`` command's subparsers."""
    watch = subparsers.add_parser(
        "watch",
        help="keep a corpus current from feeds and sitemaps, keeping every version",
        description="Watch feeds and sitemaps: fetch new articles, revisit known ones, "
        "record every version.",
        epilog=WATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    watch.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="an RSS or Atom feed (repeatable)",
    )
    watch.add_argument(
        "--sitemap",
        action="append",
        default=[],
        metavar="URL",
        help="a sitemap or sitemap index, news sitemaps too (repeatable)",
    )
    watch.add_argument(
        "--sites",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a file of feeds and sitemaps, one a line (see below; repeatable)",
    )
    watch.add_argument(
        "--into", type=Path, required=True, metavar="DB", help="the corpus kept current"
    )
    watch.add_argument("--once", action="store_true", help="one round, then exit")
    watch.add_argument(
        "--every",
        default=DEFAULT_EVERY,
        metavar="DURATION",
        help="time between rounds (default: %(default)s)",
    )
    watch.add_argument(
        "--delay",
        type=pause,
        default=DEFAULT_HOST_DELAY,
        metavar="S",
        help="seconds between requests to a host (default: %(default)s)",
    )
    watch.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds per request (default: %(default)s)",
    )
    watch.add_argument(
        "--revisit",
        default=DEFAULT_REVISIT,
        metavar="SCHEDULE",
        help="when to visit a story again, EVERY:UNTIL,... (default: %(default)s)",
    )
    watch.set_defaults(watch_command=_watch)

    history = subparsers.add_parser(
        "history",
        help="every version of an article in a corpus, and what changed",
        description="Every version of an article, oldest first, with what changed.",
        epilog=HISTORY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    history.add_argument("url", metavar="URL", help="the article's URL, canonical URL or id")
    history.add_argument("--db", type=Path, default=DEFAULT_DB, help="default: ./corpus.db")
    history.add_argument(
        "--format",
        choices=HISTORY_FORMATS,
        default="table",
        help="a table, JSON, or a word diff of the body (default: %(default)s)",
    )
    history.set_defaults(watch_command=_history)


def dispatch(args: argparse.Namespace) -> int | None:
    """The exit code of ``watch`` or ``history``; None when ``args`` is another command's."""
    command = getattr(args, "watch_command", None)
    return command(args) if command else None


# --- watch -------------------------------------------------------------------------------


class _Stop:
    """Set by SIGTERM or SIGINT while in use: the watch finishes the page at hand, then
    stops; a second signal stops it at once (``KeyboardInterrupt``: the page at hand is
    not recorded, nothing else is lost). The signals' handlers are put back after."""

    def __init__(self) -> None:
        self.asked = False

    def __enter__(self) -> _Stop:
        self.previous = {number: signal.signal(number, self._ask) for number in STOP_SIGNALS}
        return self

    def __exit__(self, *exc_info: object) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)

    def _ask(self, number: int, frame: FrameType | None) -> None:
        if self.asked:
            raise KeyboardInterrupt
        self.asked = True

    def __call__(self) -> bool:
        return self.asked


def _watch(args: argparse.Namespace) -> int:
    try:
        schedule = Schedule.parse(args.revisit)
        every = duration(args.every).total_seconds()
        watched = listings(args.feed, args.sitemap, args.sites)
        settings = CrawlSettings(
            per_host_delay=args.delay,
            timeout=args.timeout,
            host_delays=tuple((w.host, w.delay) for w in watched if w.delay is not None),
        )
    except (SitesError, ValueError) as error:
        return _fail("watch", str(error))
    if not watched:
        return _fail("watch", "nothing to watch: give --feed, --sitemap or --sites")
    try:
        store = Store(args.into)
    except sqlite3.Error as error:
        return _fail("watch", str(error))
    try:
        watcher = Watcher(store, watched, schedule, settings)
        with _Stop() as stop, _progress(sys.stderr.isatty()) as on_visit:
            if args.once:
                _status(1, watcher.round(stop, on_visit).line())
            else:
                for number, stats in enumerate(rounds(watcher, every, stop, on_visit), 1):
                    _status(number, stats.line())
    except sqlite3.Error as error:
        return _fail("watch", str(error))
    except KeyboardInterrupt:
        return _fail("watch", "stopped at once: run it again to go on", EXIT_INTERRUPTED)
    finally:
        store.close()
    return EXIT_OK


@contextmanager
def _progress(shown: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress bar of the round's visits on stderr, when ``shown`` (a terminal)."""
    if not shown:
        yield lambda done, due: None
        return
    bar = Progress(
        TextColumn("visiting"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True)
    )
    task = bar.add_task("visits", total=None)
    with bar:
        yield lambda done, due: bar.update(task, completed=done, total=due)


def _status(number: int, line: str) -> None:
    print(f"{now()} round {number}: {line}", flush=True)


# --- history -----------------------------------------------------------------------------


def _history(args: argparse.Namespace) -> int:
    try:
        with Store(args.db, readonly=True) as store:
            article_id = store.article_id(args.url) or ""
            found = store.versions(article_id)
            story = store.story(article_id)
    except sqlite3.Error as error:
        return _fail("history", str(error))
    if not found:
        return _fail("history", f"no article at {args.url} in {args.db}")
    if args.format == "json":
        print(json.dumps([_version_json(v) for v in found], ensure_ascii=False, indent=2))
    elif args.format == "diff":
        print(version_diffs(found), end="")
    else:
        _history_table(found, story.removed_at if story else None)
    return EXIT_OK


def _version_json(version: Version) -> dict[str, Any]:
    return {
        "number": version.number,
        "fetched_at": version.fetched_at,
        "changed": version.changed,
        "record": version.record,
    }


def _history_table(found: list[Version], removed_at: str | None) -> None:
    table = Table(
        title=f"{len(found)} versions of {found[-1].record.get('url')}",
        caption=f"found removed from its site at {removed_at}" if removed_at else None,
    )
    for column in ("#", "fetched", "title", "changed"):
        table.add_column(column)
    for version in found:
        changed = ", ".join(version.changed) or ("first seen" if version.number == 1 else "")
        table.add_row(
            str(version.number),
            version.fetched_at or "",
            str(version.record.get("title") or ""),
            changed,
        )
    Console(highlight=False, soft_wrap=False).print(table)


def version_diffs(found: list[Version]) -> str:
    """Each version against the one before: the changed fields, their old and new values,
    and a word-level diff of the body (``[-deleted-]{+inserted+}``)."""
    out = []
    for older, newer in pairwise(found):
        out.append(
            f"--- version {older.number} ({older.fetched_at})\n"
            f"+++ version {newer.number} ({newer.fetched_at})\n"
            f"changed: {', '.join(newer.changed)}\n"
        )
        for name in newer.changed:
            if name == "body":
                continue
            out.append(
                f"{name}: {_text(older.record.get(name))} -> {_text(newer.record.get(name))}\n"
            )
        if "body" in newer.changed:
            pieces = word_diff(_text(older.record.get("body")), _text(newer.record.get("body")))
            out.append("body:\n" + wdiff(condensed(pieces)).strip() + "\n")
        out.append("\n")
    return "".join(out)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _fail(command: str, message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"byline {command}: {message}", file=sys.stderr)
    return code
