"""``create_app``: the byline web interface over one corpus database.

Pages: ``/`` search, ``/articles/{id}`` a record, ``/inspect`` the extraction
inspector, ``/docs`` the API documentation. API: ``/api/search``,
``/api/articles/{id}``, ``/api/extract`` (schema at ``/openapi.json``).
The corpus is opened read-only: the web interface never changes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from byline import __version__
from byline.store import QueryError, Store
from byline.web import api, pages
from byline.web.fetch import PageFetcher
from byline.web.search import StorePerThread
from byline.web.security import RequestSizeLimit, SecurityHeaders

STATIC_DIR = Path(__file__).parent / "static"
JSON_PATHS = ("/api/", "/openapi.json")
"""Errors under these paths are answered in JSON, elsewhere with an HTML page."""

API_DESCRIPTION = """\
Search a corpus of news article records built by `byline run`, read records,
and extract the record of any page. Records are `byline.Article.to_dict()`
with the batch run's `id`, `source` and `duplicate_of`.
"""


def create_app(
    db_path: str | Path,
    *,
    allow_private_fetch: bool = False,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The web app over the corpus at ``db_path`` (a ``byline.store.Store`` database).

    ``allow_private_fetch`` lets the inspector and ``/api/extract`` fetch from
    loopback and private addresses: for tests and a trusted local network only.
    ``allowed_hosts``, when given, are the only ``Host`` names answered (400 for
    others). Raises ``FileNotFoundError`` or ``ValueError`` for a missing or
    unreadable database.
    """
    path = Path(db_path)
    _check_corpus(path)
    app = FastAPI(
        title="byline",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,  # served by pages.api_docs, under our CSP
        redoc_url=None,
    )
    app.state.stores = StorePerThread(path)
    app.state.fetcher = PageFetcher(allow_private=allow_private_fetch)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(RequestSizeLimit)
    app.add_middleware(SecurityHeaders)  # added last: the outermost, it sees every response
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _check_corpus(path: Path) -> None:
    """Fail now, with a clear message, rather than on every request."""
    if not path.is_file():
        raise FileNotFoundError(f"no corpus database at {path}")
    try:
        store = Store(path, readonly=True)
        try:
            store.count()
        finally:
            store.close()
    except sqlite3.Error as error:  # the store's StoreError says which file and why
        raise ValueError(str(error)) from None


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(JSON_PATHS)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)  # the one type it is registered for
    if _wants_json(request):
        return await http_exception_handler(request, error)
    headers = dict(error.headers) if error.headers else None
    return pages.error_page(request, error.status_code, str(error.detail), headers)


async def _query_error(request: Request, error: Exception) -> Response:
    """A search over a limit on its work is a bad request, answered as one."""
    return await _http_error(request, HTTPException(400, str(error)))


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)  # the one type it is registered for
    if _wants_json(request):
        return await request_validation_exception_handler(request, error)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'][1:])}: {problem['msg']}"
        for problem in error.errors()
    )
    return pages.error_page(request, 422, f"Bad request parameters: {problems}")
