"""The ``byline`` command line."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import sys
from contextlib import nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import byline
from byline import search_cli, web
from byline.arguments import pause, positive_int, seconds, worker_count
from byline.errors import ExtractionError
from byline.fetch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_HOST_DELAY,
    DEFAULT_TIMEOUT,
    SCHEMES,
    FetchError,
    fetch,
)
from byline.formats import FORMATS
from byline.pipeline.sinks import format_of, read_records
from byline.pipeline.worker import DEFAULT_PAGE_TIME_LIMIT
from byline.store import Store
from byline.watch import command as watch_command

EXIT_OK = 0
EXIT_NO_ARTICLE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
FORMATS_OUT = ("jsonl", "parquet", "csv")
WORKING_SUFFIX = ".run"
"""``DB.run``: where a run with ``--into`` and no ``--out`` keeps its output until loaded."""
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")

EPILOG = """\
examples:
  byline extract page.html --url https://example.com/news/1
  byline extract https://example.com/news/1 --format md
  curl -s https://example.com/news/1 | byline extract - --format txt
  byline extract a.html b.html c.html --output records.jsonl

exit codes:
  0  a record was produced for every input
  1  no article found in at least one input (a page without main text)
  2  bad usage or an unreadable input (missing file, fetch failure, not HTML)
A closed pipe (| head) ends any command quietly, with 0: the reader took what it wanted.
"""


def main(argv: list[str] | None = None) -> int:
    """Run the ``byline`` command; its exit code. A user error is a message, never a
    traceback; a closed output pipe ends any command quietly."""
    try:
        try:
            return _command(argv)
        finally:
            sys.stdout.flush()  # a closed pipe shows here rather than at exit
    except BrokenPipeError:  # as argparse's --help does: not a failure, set -o pipefail agrees
        _silence_output()
        return EXIT_OK
    except KeyboardInterrupt:
        print("byline: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _silence_output() -> None:
    """Point stdout and stderr at /dev/null: what is still buffered for the closed pipe
    would fail again when Python flushes it at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # not a real file (a test's capture): no matter
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


def _command(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "run":
        return _run(args)
    for dispatch in (search_cli.dispatch, web.dispatch, watch_command.dispatch):
        code = dispatch(args)
        if code is not None:
            return code
    parser.print_help()
    return EXIT_BAD_INPUT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Turn news web pages into clean, structured article records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"byline {byline.__version__}")
    commands = parser.add_subparsers(dest="command")
    extract = commands.add_parser(
        "extract",
        help="extract the article record of pages (files, URLs or - for stdin)",
        description="Extract one article record per input. Several inputs give JSON Lines.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|URL|-",
        help="HTML files, http(s):// URLs, or - for stdin",
    )
    extract.add_argument("--url", help="the page's URL, for a file or stdin input")
    extract.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="json",
        help="json (one line per record with several inputs), md, txt or html"
        " (default: %(default)s)",
    )
    extract.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    extract.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds to wait for a URL (default: %(default)s)",
    )
    _add_run_command(commands)
    search_cli.add_commands(commands)
    web.add_command(commands)
    watch_command.add_commands(commands)
    return parser


RUN_EPILOG = """\
examples:
  byline run crawl/ --out articles.jsonl
  byline run 'archives/*.warc.gz' --out articles.parquet --workers 8 --drop-duplicates
  byline run --urls urls.txt --sitemap https://example.com/sitemap.xml --out news.csv
  byline run crawl/ --into corpus.db     # records into the corpus only: byline search, serve
  byline run crawl/ --out articles.jsonl --into corpus.db     # and into a file too
  byline run s3://bucket/crawl/*.warc.gz --out articles.parquet \\
      --engine dask --scheduler tcp://scheduler:8786

Run the same command again to resume an interrupted run: inputs already
written are skipped, and nothing is written twice. Failed inputs and pages
without an article go to the errors file (default: OUT.errors.jsonl, or
DB.errors.jsonl without --out); the summary is printed and written to
OUT.summary.json. Without --out, the records wait in DB.run/ until they are
in the corpus, then DB.run/ is removed.

exit codes:
  0  the run finished (see the summary for errors)
  2  bad usage, or the output exists and is not a byline run to resume
  130  interrupted: run the same command again to resume
"""


def _add_run_command(commands: Any) -> None:
    run = commands.add_parser(
        "run",
        help="extract many pages (files, directories, WARC, URL lists, sitemaps, feeds)",
        description="Extract every page of the inputs into one dataset, in parallel, resumably.",
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="HTML files (.gz too), directories, globs, WARC/ARC files, s3:// paths",
    )
    run.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="output file (Parquet: a directory); needed unless --into is given",
    )
    run.add_argument(
        "--format", choices=FORMATS_OUT, help="jsonl, parquet or csv (default: from --out's name)"
    )
    run.add_argument(
        "--errors",
        type=Path,
        metavar="PATH",
        help="errors file (default: OUT.errors.jsonl, or DB.errors.jsonl without --out)",
    )
    run.add_argument(
        "--workers", type=worker_count, metavar="N", help="worker processes (default: the cores)"
    )
    run.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local worker processes or a Dask cluster (default: %(default)s)",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler (default with --engine dask: a local cluster)",
    )
    run.add_argument(
        "--drop-duplicates",
        action="store_true",
        help="leave duplicates out instead of marking them with duplicate_of",
    )
    run.add_argument(
        "--urls",
        action="append",
        default=[],
        metavar="FILE",
        help="a text file of URLs to fetch, one per line (<(command) works too)",
    )
    run.add_argument(
        "--sitemap",
        action="append",
        default=[],
        metavar="URL",
        help="a sitemap or sitemap index (gzipped too) whose pages to fetch",
    )
    run.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="an RSS or Atom feed whose articles to fetch",
    )
    run.add_argument(
        "--time-limit",
        type=seconds,
        metavar="S",
        default=DEFAULT_PAGE_TIME_LIMIT,
        help="seconds allowed per page (default: %(default)s)",
    )
    run.add_argument(
        "--concurrency",
        type=positive_int,
        metavar="N",
        default=DEFAULT_CONCURRENCY,
        help="parallel downloads, all hosts together (default: %(default)s)",
    )
    run.add_argument(
        "--delay",
        type=pause,
        metavar="S",
        default=DEFAULT_HOST_DELAY,
        help="seconds between two requests to one host, or the site's Crawl-delay"
        " (default: %(default)s)",
    )
    run.add_argument(
        "--into",
        type=Path,
        metavar="DB",
        help="load the records into a searchable corpus database (with --out: JSON Lines or"
        " Parquet)",
    )
    run.add_argument("--overwrite", action="store_true", help="replace an existing output")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")


@dataclass(frozen=True, slots=True)
class _Output:
    """Where a run writes: ``--out``; without it, the working files of ``--into``."""

    path: Path
    format: str | None
    errors: Path | None
    working: Path | None
    """The directory of a run without ``--out``, removed once its records are in the corpus."""

    @classmethod
    def of(cls, args: argparse.Namespace) -> _Output:
        if args.out is not None:
            return cls(args.out, args.format, args.errors, None)
        into: Path = args.into
        working = into.with_name(into.name + WORKING_SUFFIX)
        errors = args.errors or into.with_name(into.name + ".errors.jsonl")
        return cls(working / "records.jsonl", "jsonl", errors, working)


def _run(args: argparse.Namespace) -> int:
    from byline.pipeline import run
    from byline.pipeline.crawl import CrawlSettings
    from byline.pipeline.journal import JournalMismatch

    usage_error = _run_usage_error(args)
    if usage_error:
        return _fail("run", usage_error)
    output = _Output.of(args)
    # without --out, a run is resumed while its working directory stands; once it is gone,
    # the errors file beside the database is the last finished run's, replaced
    fresh = output.working is not None and args.errors is None and not output.working.exists()
    try:
        settings = CrawlSettings(concurrency=args.concurrency, per_host_delay=args.delay)
        summary = run(
            args.inputs,
            output.path,
            format=output.format,
            errors=output.errors,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            drop_duplicates=args.drop_duplicates,
            urls=args.urls,
            sitemaps=args.sitemap,
            feeds=args.feed,
            crawl_settings=settings,
            page_time_limit=args.time_limit,
            overwrite=args.overwrite or fresh,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (OSError, JournalMismatch, ValueError) as error:
        return _fail("run", str(error))
    except KeyboardInterrupt:
        return _fail("run", "interrupted; run the same command again to resume", EXIT_INTERRUPTED)
    _print_summary(summary, with_output=output.working is None)
    if not args.into:
        return EXIT_OK
    code = _load_into_store(args.into, output)
    if code == EXIT_OK and output.working is not None:
        shutil.rmtree(output.working)  # the records are in the corpus: the run is done
    return code


def _run_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the run's options before anything is read; None if nothing."""
    if not (args.inputs or args.urls or args.sitemap or args.feed):
        return "give inputs, --urls, --sitemap or --feed"
    if args.out is None and args.into is None:
        return "give --out FILE, --into DB, or both"
    if str(args.out) == "-":
        return "--out needs a file: a run writes files it can resume (byline extract writes stdout)"
    if args.out is None and args.format:
        return "--format is the format of --out"
    if args.into and args.out is not None and format_of(args.out, args.format) == "csv":
        return "--into reads the output back: use jsonl or parquet"
    return None


def _load_into_store(into: Path, output: _Output) -> int:
    """Load the whole output into ``into``: a resumed run's earlier records too.

    Loading is keyed by page, so loading an output again updates, never doubles.
    """
    try:
        records = read_records(output.path, format_of(output.path, output.format))
        with Store(into) as store:
            stats = store.ingest(records)
            total = store.count()
    except (OSError, ValueError, sqlite3.Error) as error:
        return _fail("run", f"loading {into}: {error}")
    print(
        f"corpus             {into}: {stats.inserted} inserted, {stats.updated} updated,"
        f" {stats.versions} new versions, {total} articles",
        file=sys.stderr,
    )
    return EXIT_OK


def _print_summary(summary: Any, *, with_output: bool) -> None:
    skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items()))
    lines = [
        f"inputs seen        {summary.inputs}",
        f"records written    {summary.records}"
        + (f" ({summary.truncated} of a truncated payload)" if summary.truncated else ""),
        f"no article found   {summary.no_article}",
        f"errors             {summary.errors}",
        f"duplicates         {summary.duplicates}"
        + (f" ({summary.duplicates_dropped} dropped)" if summary.duplicates_dropped else ""),
        f"skipped            {sum(summary.skipped.values())}"
        + (f" ({skipped})" if skipped else ""),
        *_timing(summary),
        *([f"output             {summary.output}"] if with_output else []),
        f"errors file        {summary.errors_file}",
    ]
    print("\n".join(lines), file=sys.stderr)


def _timing(summary: Any) -> list[str]:
    """How long the run took and how fast it went; a resumed run's part and the whole apart."""
    rate = summary.pages_per_second
    if not summary.resumed:
        pace = "- (no page to extract)" if rate is None else f"{rate}"
        return [f"elapsed            {summary.elapsed:.1f} s", f"pages per second   {pace}"]
    if rate is None:
        part = f"nothing left to do ({summary.run_elapsed:.1f} s)"
    else:
        part = f"{summary.run_pages} pages in {summary.run_elapsed:.1f} s, {rate} pages per second"
    return [
        f"this run           {part}",
        f"all runs           {summary.inputs} inputs in {summary.elapsed:.1f} s (resumed)",
    ]


def _extract(args: argparse.Namespace) -> int:
    try:
        out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    except OSError as error:
        return _fail("extract", f"cannot write {args.output}: {_reason(error)}")
    status = EXIT_OK
    try:
        with out if args.output else nullcontext(out):
            for source in args.inputs:
                status = max(status, _extract_one(source, args, out))
    except BrokenPipeError:
        raise  # the reader went away: main ends quietly
    except OSError as error:  # the output, not an input: a full disk, a lost mount
        return _fail("extract", f"cannot write {args.output or 'stdout'}: {_reason(error)}")
    return status


def _extract_one(source: str, args: argparse.Namespace, out: TextIO) -> int:
    """Write the record of one input to ``out``; the input's exit code."""
    try:
        content, url, charset = _read(source, args.url, args.timeout)
        article = byline.extract(content, url=url, charset=charset)
    except (ExtractionError, FetchError, OSError) as error:
        code = EXIT_NO_ARTICLE if isinstance(error, byline.NoArticleError) else EXIT_BAD_INPUT
        return _fail("extract", f"{source}: {_reason(error)}", code)
    if len(args.inputs) > 1 and args.format == "json":
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    else:
        text = FORMATS[args.format](article)
        out.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _read(source: str, url: str | None, timeout: float) -> tuple[bytes, str | None, str | None]:
    """The input's bytes, its URL and the charset its transport declared."""
    if source == "-":
        return sys.stdin.buffer.read(), url, None
    scheme = _URL_SCHEME.match(source)
    if scheme is None:
        return Path(source).read_bytes(), url, None
    if scheme[1].lower() not in SCHEMES:
        raise FetchError(f"{scheme[1]}:// URLs are not supported, only http:// and https://")
    fetched = fetch(source, timeout=timeout)
    return fetched.content, url or fetched.url, fetched.charset


def _reason(error: Exception) -> str:
    """Why ``error`` happened, without the file name it carries (the message names it once)."""
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _fail(command: str, message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"byline {command}: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
