"""``byline serve``: the web interface from the command line.

This module imports no web library until the command runs, so ``byline``'s
other commands work without the ``web`` extra installed.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
"""The Host names a server on the loopback interface answers to: any other name is a
DNS rebinding attack (a hostile site's name pointed at 127.0.0.1 to read our pages)."""
EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""The exit codes of ``byline.cli``."""

EPILOG = """\
examples:
  byline serve corpus.db
  byline serve corpus.db --port 8080

Serves on 127.0.0.1 (this machine only) unless --host says otherwise. The
inspector fetches URLs for its users: it refuses private and loopback
addresses unless --allow-private-fetch is given.
"""


def add_command(subparsers: Any) -> None:
    """Add ``serve`` to the ``byline`` command's subparsers."""
    serve_parser = subparsers.add_parser(
        "serve",
        help="search and browse a corpus, and inspect extractions, in a web browser",
        description="Serve the web interface over a corpus database.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve_parser.add_argument("db", type=Path, metavar="CORPUS.db", help="the corpus database")
    serve_parser.add_argument("--host", default=DEFAULT_HOST, help="default: %(default)s")
    serve_parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="default: %(default)s")
    serve_parser.add_argument(
        "--allow-private-fetch",
        action="store_true",
        help="let the inspector fetch loopback and private addresses (trusted networks only)",
    )


def dispatch(args: argparse.Namespace) -> int | None:
    """Run ``byline serve`` and return its exit code; None for any other command."""
    if args.command != "serve":
        return None
    if not args.db.is_file():
        print(f"byline serve: no corpus database at {args.db}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not _is_loopback(args.host):
        print(
            f"byline serve: warning: serving on {args.host}: anyone who can reach it can "
            "search the corpus and make this machine fetch pages",
            file=sys.stderr,
        )
    try:
        serve(args.db, host=args.host, port=args.port, allow_private_fetch=args.allow_private_fetch)
    except (OSError, ValueError) as error:  # an unreadable database
        print(f"byline serve: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ImportError as error:
        print(
            f"byline serve: {error.name or error} is missing: pip install 'byline[web]'",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return EXIT_OK


def serve(
    db_path: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    allow_private_fetch: bool = False,
) -> None:
    """Serve the web interface over ``db_path`` with uvicorn until interrupted."""
    import uvicorn

    from byline.web.app import create_app

    allowed_hosts = LOOPBACK_HOSTS if _is_loopback(host) else None
    app = create_app(db_path, allow_private_fetch=allow_private_fetch, allowed_hosts=allowed_hosts)
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
