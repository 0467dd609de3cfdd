"""The ``byline`` command line."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import byline
from byline import search_cli, web
from byline.errors import ExtractionError
from byline.fetch import DEFAULT_TIMEOUT, FetchError, fetch
from byline.formats import FORMATS
from byline.pipeline.sinks import format_of, read_records
from byline.pipeline.worker import DEFAULT_PAGE_TIME_LIMIT
from byline.store import Store

EXIT_OK = 0
EXIT_NO_ARTICLE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
FORMATS_OUT = ("jsonl", "parquet", "csv")

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
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "run":
        return _run(args)
    for dispatch in (search_cli.dispatch, web.dispatch):
        code = dispatch(args)
        if code is not None:
            return code
    parser.print_help()
    return EXIT_BAD_INPUT


def _parser() -> argparse.ArgumentParser:
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
    extract.add_argument("inputs", nargs="+", metavar="FILE|URL|-")
    extract.add_argument("--url", help="the page's URL, for a file or stdin input")
    extract.add_argument("--format", choices=sorted(FORMATS), default="json")
    extract.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    extract.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to wait for a URL"
    )
    _add_run_command(commands)
    search_cli.add_commands(commands)
    web.add_command(commands)
    return parser


RUN_EPILOG = """\
examples:
  byline run crawl/ --out articles.jsonl
  byline run 'archives/*.warc.gz' --out articles.parquet --workers 8 --drop-duplicates
  byline run --urls urls.txt --sitemap https://example.com/sitemap.xml --out news.csv
  byline run crawl/ --out articles.jsonl --into corpus.db    # then: byline search, byline serve
  byline run s3://bucket/crawl/*.warc.gz --out articles.parquet \\
      --engine dask --scheduler tcp://scheduler:8786

Run the same command again to resume an interrupted run: inputs already
written are skipped, and nothing is written twice. Failed inputs and pages
without an article go to the errors file (default: OUT.errors.jsonl); the
summary is printed and written to OUT.summary.json.

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
    run.add_argument("--out", required=True, type=Path, help="output file (Parquet: a directory)")
    run.add_argument("--format", choices=FORMATS_OUT, help="default: from --out's extension")
    run.add_argument("--errors", type=Path, help="errors file (default: OUT.errors.jsonl)")
    run.add_argument("--workers", type=int, help="worker processes (default: the cores)")
    run.add_argument("--engine", choices=("local", "dask"), default="local")
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
        help="a text file of URLs to fetch, one per line",
    )
    run.add_argument("--sitemap", action="append", default=[], metavar="URL")
    run.add_argument("--feed", action="append", default=[], metavar="URL", help="RSS or Atom")
    run.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_PAGE_TIME_LIMIT,
        help="seconds allowed per page (default: %(default)s)",
    )
    run.add_argument("--concurrency", type=int, help="parallel downloads (URL inputs)")
    run.add_argument("--delay", type=float, help="seconds between requests to one host")
    run.add_argument(
        "--into",
        type=Path,
        metavar="DB",
        help="also load the records into a searchable corpus database (JSON Lines or Parquet)",
    )
    run.add_argument("--overwrite", action="store_true", help="replace an existing output")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")


def _run(args: argparse.Namespace) -> int:
    from byline.pipeline import run
    from byline.pipeline.crawl import CrawlSettings
    from byline.pipeline.journal import JournalMismatch

    if not (args.inputs or args.urls or args.sitemap or args.feed):
        print("byline run: give inputs, --urls, --sitemap or --feed", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.into and format_of(args.out, args.format) == "csv":
        print("byline run: --into reads the output back: use jsonl or parquet", file=sys.stderr)
        return EXIT_BAD_INPUT
    overrides = {"concurrency": args.concurrency, "per_host_delay": args.delay}
    try:
        settings = CrawlSettings(**{k: v for k, v in overrides.items() if v is not None})
        summary = run(
            args.inputs,
            args.out,
            format=args.format,
            errors=args.errors,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            drop_duplicates=args.drop_duplicates,
            urls=args.urls,
            sitemaps=args.sitemap,
            feeds=args.feed,
            crawl_settings=settings,
            page_time_limit=args.time_limit,
            overwrite=args.overwrite,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (OSError, JournalMismatch, ValueError) as error:
        print(f"byline run: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("byline run: interrupted; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    _print_summary(summary)
    return _load_into_store(args) if args.into else EXIT_OK


def _load_into_store(args: argparse.Namespace) -> int:
    """Load the whole output into ``args.into``: a resumed run's earlier records too.

    Loading is keyed by page, so loading an output again updates, never doubles.
    """
    records = read_records(args.out, format_of(args.out, args.format))
    try:
        with Store(args.into) as store:
            stats = store.ingest(records)
            total = store.count()
    except (OSError, ValueError, sqlite3.Error) as error:
        print(f"byline run: loading {args.into}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(
        f"corpus             {args.into}: {stats.inserted} inserted, {stats.updated} updated,"
        f" {total} articles",
        file=sys.stderr,
    )
    return EXIT_OK


def _print_summary(summary: Any) -> None:
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
        f"output             {summary.output}",
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
    several = len(args.inputs) > 1
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    status = EXIT_OK
    try:
        for source in args.inputs:
            try:
                content, url, charset = _read(source, args.url, args.timeout)
                article = byline.extract(content, url=url, charset=charset)
            except (ExtractionError, FetchError, OSError) as error:
                code = (
                    EXIT_NO_ARTICLE if isinstance(error, byline.NoArticleError) else EXIT_BAD_INPUT
                )
                print(f"byline: {source}: {error}", file=sys.stderr)
                status = max(status, code)
                continue
            if several and args.format == "json":
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            else:
                text = FORMATS[args.format](article)
                out.write(text if text.endswith("\n") else text + "\n")
    finally:
        if args.output:
            out.close()
    return status


def _read(source: str, url: str | None, timeout: float) -> tuple[bytes, str | None, str | None]:
    """The input's bytes, its URL and the charset its transport declared."""
    if source == "-":
        return sys.stdin.buffer.read(), url, None
    if source.startswith(("http://", "https://")):
        fetched = fetch(source, timeout=timeout)
        return fetched.content, url or fetched.url, fetched.charset
    return Path(source).read_bytes(), url, None


if __name__ == "__main__":
    sys.exit(main())
