"""The ``byline`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import byline
from byline.errors import ExtractionError
from byline.fetch import DEFAULT_TIMEOUT, FetchError, fetch
from byline.formats import FORMATS

EXIT_OK = 0
EXIT_NO_ARTICLE = 1
EXIT_BAD_INPUT = 2

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
    return parser


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


def _read(
    source: str, url: str | None, timeout: float
) -> tuple[bytes, str | None, str | None]:
    """The input's bytes, its URL and the charset its transport declared."""
    if source == "-":
        return sys.stdin.buffer.read(), url, None
    if source.startswith(("http://", "https://")):
        fetched = fetch(source, timeout=timeout)
        return fetched.content, url or fetched.url, fetched.charset
    return Path(source).read_bytes(), url, None


if __name__ == "__main__":
    sys.exit(main())
