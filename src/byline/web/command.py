"""``byline serve``: the web interface from the command line.

This module imports no web library until the command runs, so ``byline``'s
other commands work without the ``web`` extra installed. The server runs
``--workers`` processes (uvicorn's, each importing ``worker_app``), so that
requests use every core: one Python process answers on one core at a time.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from byline.arguments import port_number, worker_count

if TYPE_CHECKING:
    from fastapi import FastAPI

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
"""The Host names a server on the loopback interface answers to: any other name is a
DNS rebinding attack (a hostile site's name pointed at 127.0.0.1 to read our pages)."""
EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""The exit codes of ``byline.cli``."""
SETTINGS_VARIABLE: Final = "BYLINE_SERVE_SETTINGS"
"""The environment variable handing ``serve``'s settings to its worker processes (uvicorn
starts each from an import string, so they cannot be passed as arguments)."""

EPILOG = """\
examples:
  byline serve corpus.db
  byline serve corpus.db --port 8080 --workers 4

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
    serve_parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help="default: %(default)s"
    )
    serve_parser.add_argument(
        "--workers",
        type=worker_count,
        default=os.cpu_count() or 1,
        metavar="N",
        help="server processes (default: the cores, %(default)s)",
    )
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
        serve(
            args.db,
            host=args.host,
            port=args.port,
            allow_private_fetch=args.allow_private_fetch,
            workers=args.workers,
        )
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
    workers: int = 1,
) -> None:
    """Serve the web interface over ``db_path`` with uvicorn, in ``workers`` processes,
    until interrupted."""
    import uvicorn

    from byline.web.app import create_app

    allowed_hosts = list(LOOPBACK_HOSTS) if _is_loopback(host) else None
    settings: dict[str, Any] = {
        "db_path": str(Path(db_path).resolve()),
        "allow_private_fetch": allow_private_fetch,
        "allowed_hosts": allowed_hosts,
    }
    create_app(**settings)  # a database the app cannot read fails here, before any worker
    os.environ[SETTINGS_VARIABLE] = json.dumps(settings)
    uvicorn.run(
        f"{__name__}:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
        proxy_headers=False,
    )


def worker_app() -> FastAPI:
    """The app of one server process, from the settings ``serve`` left in the environment."""
    from byline.web.app import create_app

    return create_app(**json.loads(os.environ[SETTINGS_VARIABLE]))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
