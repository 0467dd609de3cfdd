"""``byline ingest`` and ``byline search``: the corpus store on the command line.

``byline ingest`` loads ``byline run`` output (JSON Lines) into a store
(``byline.store``); ``byline search`` queries it and prints a table, JSON or
JSON Lines. ``byline.cli`` adds the two commands with ``add_commands`` and
runs them with ``dispatch``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from byline.store import DATE_FORMS, IngestStats, QueryError, SearchResult, Store, period
from byline.store.query import MAX_PREFIX_TERMS, MAX_QUERY_TERMS, MIN_PREFIX_CHARS, QUERY_SECONDS

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
DEFAULT_DB = Path("corpus.db")
DEFAULT_LIMIT = 20
MARK_STYLE = "bold black on yellow"
_MARK = re.compile(r"(</?mark>)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")

INGEST_EPILOG = """\
examples:
  byline run crawl/ --out records.jsonl
  byline ingest records.jsonl --into corpus.db
  byline ingest day1.jsonl day2.jsonl        # into ./corpus.db

Records are keyed by canonical URL (else URL, else id): ingesting a page
again updates it, never duplicates it. Lines that are not JSON objects are
counted as bad lines and passed over; records without text are skipped.

exit codes:
  0  every file was read
  2  a missing or unreadable file, or a database byline cannot use
  130  interrupted: the batches already written are kept; run it again
"""

SEARCH_EPILOG = f"""\
examples:
  byline search 'tidal barrier' --db corpus.db
  byline search '"city council" budget' --since 2024-01 --site example.com
  byline search --author 'Anna Schmidt' --format jsonl     # no query: newest first

Every word must match (a word* matches words starting with it; "a phrase"
must appear as written); results come best match first. Dates are days of
publication: --since 2024 means from 1 January 2024, --until 2024-03 up to
31 March 2024.

Limits on a query: {MAX_QUERY_TERMS} words and phrases, {MAX_PREFIX_TERMS} prefixes (word*)
of at least {MIN_PREFIX_CHARS} characters each, {QUERY_SECONDS:g} s of work.

exit codes:
  0  the search ran (even with no results)
  2  bad usage, a query over a limit, no database, or a database byline cannot use
"""


def add_commands(subparsers: Any) -> None:
    """Add ``ingest`` and ``search`` to the ``byline`` command's subparsers."""
    ingest = subparsers.add_parser(
        "ingest",
        help="load byline run output (JSON Lines) into a searchable corpus database",
        description="Load records (byline run output, JSON Lines) into a corpus database.",
        epilog=INGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument("records", nargs="+", type=Path, metavar="RECORDS.jsonl")
    ingest.add_argument(
        "--into", type=Path, default=DEFAULT_DB, metavar="DB", help="default: ./corpus.db"
    )
    ingest.set_defaults(store_command=_ingest)

    search = subparsers.add_parser(
        "search",
        help="search a corpus database built by byline ingest",
        description="Full-text search of a corpus database, with filters.",
        epilog=SEARCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("query", nargs="?", default="", metavar="QUERY")
    search.add_argument("--db", type=Path, default=DEFAULT_DB, help="default: ./corpus.db")
    search.add_argument("--since", type=_first_day, metavar="DATE", help=DATE_FORMS)
    search.add_argument("--until", type=_last_day, metavar="DATE", help=DATE_FORMS)
    search.add_argument("--site", metavar="HOST", help="e.g. example.com (www. ignored)")
    search.add_argument("--section")
    search.add_argument("--author")
    search.add_argument("--tag")
    search.add_argument("--lang", dest="language", help="en matches en-GB too; en-GB only en-GB")
    search.add_argument("--limit", type=_positive, default=DEFAULT_LIMIT, metavar="N")
    search.add_argument("--format", choices=sorted(WRITERS), default="table")
    search.set_defaults(store_command=_search)


def dispatch(args: argparse.Namespace) -> int | None:
    """The exit code of ``ingest`` or ``search``; None when ``args`` is another command's."""
    command = getattr(args, "store_command", None)
    return command(args) if command else None


# --- ingest ------------------------------------------------------------------------------


def _ingest(args: argparse.Namespace) -> int:
    missing = [str(path) for path in args.records if not path.is_file()]
    if missing:
        return _fail("ingest", f"no such file: {', '.join(missing)}")
    try:
        store = Store(args.into)
    except sqlite3.Error as error:
        return _fail("ingest", str(error))
    try:
        for path in args.records:
            print(f"{path}: {_ingest_summary(store.ingest_jsonl(path))}")
        print(f"{args.into}: {store.count()} articles")
    except (OSError, sqlite3.Error) as error:
        return _fail("ingest", str(error))
    except KeyboardInterrupt:
        return _fail(
            "ingest",
            "interrupted: batches already written are kept; run it again",
            EXIT_INTERRUPTED,
        )
    finally:
        store.close()
    return EXIT_OK


def _ingest_summary(stats: IngestStats) -> str:
    return (
        f"{stats.inserted} inserted, {stats.updated} updated, {stats.skipped} skipped, "
        f"{stats.bad_lines} bad lines"
    )


# --- search ------------------------------------------------------------------------------


def _search(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since > args.until:
        return _fail("search", f"--since {args.since} is after --until {args.until}")
    if not args.db.is_file():
        return _fail(
            "search",
            f"no corpus database at {args.db} "
            f"(build one with: byline ingest RECORDS.jsonl --into {args.db})",
        )
    filters = ("since", "until", "site", "section", "author", "tag", "language")
    try:
        with Store(args.db, readonly=True) as store:
            result = store.search(
                args.query, **{name: getattr(args, name) for name in filters}, limit=args.limit
            )
    except (sqlite3.Error, QueryError) as error:
        return _fail("search", str(error))
    try:
        WRITERS[args.format](result)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left early (| head): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _write_json(result: SearchResult) -> None:
    data = {"query": result.query, "total": result.total, "hits": [asdict(h) for h in result.hits]}
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _write_jsonl(result: SearchResult) -> None:
    for hit in result.hits:
        print(json.dumps(asdict(hit), ensure_ascii=False))


def _write_table(result: SearchResult) -> None:
    console = Console()
    if not result.hits:
        console.print("No results.")
        return
    heading = f"{result.total} result{'' if result.total == 1 else 's'}"
    heading += f" for {result.query!r}" if result.query else ""
    table = Table(title=Text(heading), show_lines=True, expand=True)
    # page text gets the room; a narrow terminal wraps it rather than cutting it to "…"
    table.add_column("#", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("site", ratio=1, min_width=10, overflow="fold")
    table.add_column("title", ratio=2, min_width=12)
    table.add_column("authors", ratio=1, min_width=8, overflow="fold")
    table.add_column("snippet", ratio=3, min_width=16)
    for rank, hit in enumerate(result.hits, 1):
        table.add_row(
            Text(str(rank)),
            Text((hit.published or "")[:10]),
            _plain(hit.site),
            _plain(hit.title),
            _plain(", ".join(hit.authors)),
            snippet_text(hit.snippet),
        )
    if result.total > len(result.hits):
        table.caption = Text(f"the first {len(result.hits)}: --limit shows more")
    console.print(table)


WRITERS: dict[str, Callable[[SearchResult], None]] = {
    "table": _write_table,
    "json": _write_json,
    "jsonl": _write_jsonl,
}


def snippet_text(snippet: str) -> Text:
    """A store snippet (escaped HTML with ``<mark>``) as terminal text, matches highlighted."""
    text, marked = Text(), False
    for part in _MARK.split(snippet):
        if part in ("<mark>", "</mark>"):
            marked = part == "<mark>"
        else:
            text.append(_CONTROL.sub(" ", html.unescape(part)), style=MARK_STYLE if marked else "")
    return text


def _plain(value: str | None) -> Text:
    """Page text as a table cell: never read as rich markup, no terminal control codes."""
    return Text(_CONTROL.sub(" ", value or ""))


# --- arguments ---------------------------------------------------------------------------


def _first_day(text: str) -> date:
    return _argument_period(text)[0]


def _last_day(text: str) -> date:
    return _argument_period(text)[1]


def _argument_period(text: str) -> tuple[date, date]:
    try:
        return period(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return number


def _fail(command: str, message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"byline {command}: {message}", file=sys.stderr)
    return code
