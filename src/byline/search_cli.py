"""``byline ingest`` and ``byline search``: the corpus store on the command line.

``byline ingest`` loads ``byline run`` output (JSON Lines or Parquet) into a
store (``byline.store``); ``byline search`` queries it and prints a table fitted
to the terminal (``byline.search_table``), JSON or JSON Lines. ``byline.cli``
adds the two commands with ``add_commands`` and runs them with ``dispatch``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from byline.arguments import positive_int
from byline.pipeline.sinks import format_of, parquet_parts, read_records
from byline.search_table import write_table
from byline.store import DATE_FORMS, IngestStats, QueryError, SearchResult, Store, period
from byline.store.query import MAX_PREFIX_TERMS, MAX_QUERY_TERMS, MIN_PREFIX_CHARS, QUERY_SECONDS

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
DEFAULT_DB = Path("corpus.db")
DEFAULT_LIMIT = 20

INGEST_EPILOG = """\
examples:
  byline run crawl/ --out records.jsonl
  byline ingest records.jsonl --into corpus.db
  byline ingest day1.jsonl day2.jsonl        # into ./corpus.db
  byline ingest articles.parquet             # byline run --out articles.parquet

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
        help="load byline run output (JSON Lines or Parquet) into a searchable corpus database",
        description="Load records (byline run output: JSON Lines or Parquet) into a corpus"
        " database.",
        epilog=INGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument(
        "records",
        nargs="+",
        type=Path,
        metavar="RECORDS",
        help="JSON Lines files, Parquet outputs (a directory of parts, or one file)",
    )
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
    search.add_argument(
        "query", nargs="?", default="", metavar="QUERY", help='words (word* a prefix, "a phrase")'
    )
    search.add_argument("--db", type=Path, default=DEFAULT_DB, help="default: ./corpus.db")
    search.add_argument("--since", type=_first_day, metavar="DATE", help=DATE_FORMS)
    search.add_argument("--until", type=_last_day, metavar="DATE", help=DATE_FORMS)
    search.add_argument("--site", metavar="HOST", help="e.g. example.com (www. ignored)")
    search.add_argument("--section", help="the section, as the records name it")
    search.add_argument("--author", help="an author's name, as the records write it")
    search.add_argument("--tag", help="a tag, as the records write it")
    search.add_argument("--lang", dest="language", help="en matches en-GB too; en-GB only en-GB")
    search.add_argument(
        "--changed", action="store_true", help="only articles with several versions"
    )
    search.add_argument(
        "--removed", action="store_true", help="only articles found gone from their site"
    )
    search.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help="results shown (default: %(default)s)",
    )
    search.add_argument(
        "--format",
        choices=sorted(WRITERS),
        default="table",
        help="a table fitted to the terminal, or JSON (default: %(default)s)",
    )
    search.set_defaults(store_command=_search)


def dispatch(args: argparse.Namespace) -> int | None:
    """The exit code of ``ingest`` or ``search``; None when ``args`` is another command's."""
    command = getattr(args, "store_command", None)
    return command(args) if command else None


# --- ingest ------------------------------------------------------------------------------


def _ingest(args: argparse.Namespace) -> int:
    try:
        formats = [(path, _records_format(path)) for path in args.records]
    except ValueError as error:
        return _fail("ingest", str(error))
    try:
        store = Store(args.into)
    except sqlite3.Error as error:
        return _fail("ingest", str(error))
    try:
        for path, fmt in formats:
            stats = (
                store.ingest(read_records(path, fmt))
                if fmt == "parquet"
                else store.ingest_jsonl(path)
            )
            print(f"{path}: {_ingest_summary(stats)}")
        print(f"{args.into}: {store.count()} articles")
    except BrokenPipeError:
        raise  # the reader went away: byline.cli.main ends quietly
    except (OSError, ValueError, sqlite3.Error) as error:  # ValueError: a corrupt Parquet file
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


def _records_format(path: Path) -> str:
    """How ``path`` holds records: ``parquet`` (the directory ``byline run`` writes, or one
    file) or ``jsonl``; a ``ValueError`` saying what is wrong with it otherwise."""
    if not path.exists():
        raise ValueError(f"no such file: {path}")
    fmt = format_of(path, None)
    if path.is_dir():
        if fmt == "parquet" or parquet_parts(path):
            return "parquet"
        raise ValueError(f"{path} is a directory, not JSON Lines or a Parquet output")
    if fmt == "csv":
        raise ValueError(
            f"{path}: CSV is not read back (its columns lose the lists): use JSON Lines"
        )
    return fmt


def _ingest_summary(stats: IngestStats) -> str:
    return (
        f"{stats.inserted} inserted, {stats.updated} updated, {stats.skipped} skipped, "
        f"{stats.bad_lines} bad lines, {stats.versions} new versions"
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
    filters = (
        "since",
        "until",
        "site",
        "section",
        "author",
        "tag",
        "language",
        "changed",
        "removed",
    )
    try:
        with Store(args.db, readonly=True) as store:
            result = store.search(
                args.query, **{name: getattr(args, name) for name in filters}, limit=args.limit
            )
    except (sqlite3.Error, QueryError) as error:
        return _fail("search", str(error))
    WRITERS[args.format](result)  # a closed pipe (| head) is byline.cli.main's to end quietly
    return EXIT_OK


def _write_json(result: SearchResult) -> None:
    data = {"query": result.query, "total": result.total, "hits": [asdict(h) for h in result.hits]}
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _write_jsonl(result: SearchResult) -> None:
    for hit in result.hits:
        print(json.dumps(asdict(hit), ensure_ascii=False))


WRITERS: dict[str, Callable[[SearchResult], None]] = {
    "table": write_table,
    "json": _write_json,
    "jsonl": _write_jsonl,
}


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


def _fail(command: str, message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"byline {command}: {message}", file=sys.stderr)
    return code
