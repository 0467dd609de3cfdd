"""HTTP hardening for the web interface: security headers and a request size limit.

Every page the interface shows holds text from hostile web pages. Templates
escape it all; the Content-Security-Policy is the second wall: no script but
our own static file, no inline script or style, no plugin, no framing, forms
post only to us. Remote images are not loaded (``img-src 'self'``): the
article page lists image URLs as links instead, so browsing a corpus never
tells the sites in it who is reading (tracking pixels) and never asks the
browser to decode hostile image files.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from byline.web.fetch import MAX_PAGE_BYTES

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SWAGGER_CDN = "https://cdn.jsdelivr.net"
DOCS_CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src 'self' {SWAGGER_CDN}; style-src 'self' {SWAGGER_CDN}; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""For ``/docs`` only: Swagger UI comes from a CDN (as FastAPI's own docs page does) and
fetches ``/openapi.json``; its settings are in our static ``docs.js``, not inline."""
DOCS_PATH = "/docs"

SECURITY_HEADERS = (
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
)

SAME_ORIGIN_FETCHES = ("same-origin", "none")
"""``Sec-Fetch-Site`` values of requests made from our own pages or typed by the user."""

MAX_REQUEST_BYTES = MAX_PAGE_BYTES + 1024 * 1024
"""A request may carry one page plus room for the form or JSON around it."""
TOO_LARGE_MESSAGE = f"The page is larger than the {MAX_PAGE_BYTES // 2**20} MB limit."


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] == DOCS_PATH
        policy = DOCS_CONTENT_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY
        headers = [(b"content-security-policy", policy.encode())] + [
            (name.encode(), value.encode()) for name, value in SECURITY_HEADERS
        ]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Starlette's own 500 page is sent outside this middleware, without headers:
            # send ours, then let the error reach the server's log.
            if not started:
                error = PlainTextResponse("Internal Server Error", status_code=500)
                await error(scope, receive, send_with_headers)
            raise


class RequestSizeLimit:
    """ASGI middleware: a 413 for request bodies over ``max_bytes``.

    Checked on the declared ``Content-Length`` and on the bytes as they arrive
    (chunked uploads declare none). The error is raised where the body is
    read, so the app's error handlers word the answer (HTML page or JSON).
    """

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        too_large_declared = declared.isdigit() and int(declared) > self.max_bytes
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if too_large_declared:
                raise HTTPException(413, TOO_LARGE_MESSAGE)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, TOO_LARGE_MESSAGE)
            return message

        await self.app(scope, limited_receive, send)


def refuse_cross_site(request: Request) -> None:
    """A 403 for a request another site made the browser send (a form posted at us).

    Such a form could make the server fetch URLs for a stranger. Clients other
    than browsers send no ``Sec-Fetch-Site`` and are let through.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in SAME_ORIGIN_FETCHES:
        raise HTTPException(403, "Requests from other sites are refused.")
