"""Extracting a page a web user gives: pasted HTML, an uploaded file or a URL to fetch.

Both the inspector form and ``POST /api/extract`` come through here; every
failure is an ``HTTPException`` whose message says what was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, Request
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

import byline
from byline.errors import ExtractionError
from byline.web.fetch import (
    MAX_PAGE_BYTES,
    FetchedPage,
    FetchFailed,
    FetchRefused,
    PageFetcher,
    PageTooLarge,
)
from byline.web.security import TOO_LARGE_MESSAGE

MAX_URL_CHARS = 2048
MAX_FORM_FIELDS = 10


class ExtractRequest(BaseModel):
    """The JSON body of ``POST /api/extract``."""

    html: str | None = Field(
        None, description="The page's HTML. With `url` too, `url` is only its address."
    )
    url: str | None = Field(
        None,
        max_length=MAX_URL_CHARS,
        description="The page to fetch (public http(s) addresses only), or the address of `html`.",
    )


@dataclass(slots=True)
class PageInput:
    """What the user gave: the page's content, or None to fetch ``url``."""

    content: bytes | str | None
    url: str | None
    charset: str | None = None


async def form_input(request: Request) -> PageInput:
    """The page of a form post (multipart or urlencoded): ``file``, ``html`` or ``url``."""
    form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_PAGE_BYTES)
    url = _field(form.get("url"))
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        content = await upload.read(MAX_PAGE_BYTES + 1)
        if len(content) > MAX_PAGE_BYTES:
            raise HTTPException(413, TOO_LARGE_MESSAGE)
        return PageInput(content, url)
    return PageInput(_field(form.get("html")), url)


def _field(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def json_input(body: ExtractRequest) -> PageInput:
    return PageInput(body.html or None, body.url.strip() if body.url else None)


def extract_page(page: PageInput, fetcher: PageFetcher) -> byline.Inspection:
    """The record of ``page`` and its main text, fetching it first when only its URL was
    given."""
    content, url, charset = page.content, page.url, page.charset
    if url and len(url) > MAX_URL_CHARS:
        raise HTTPException(400, f"The URL is longer than {MAX_URL_CHARS} characters.")
    if content is None:
        if not url:
            raise HTTPException(400, "Give the page's HTML, upload a file or give a URL.")
        fetched = fetch_page(url, fetcher)
        content, url, charset = fetched.content, fetched.url, fetched.charset
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", "replace"))
    if size > MAX_PAGE_BYTES:
        raise HTTPException(413, TOO_LARGE_MESSAGE)
    try:
        return byline.inspect(content, url=url, charset=charset)
    except ExtractionError as error:  # NoArticleError too: both messages are for users
        raise HTTPException(422, str(error)) from None


def fetch_page(url: str, fetcher: PageFetcher) -> FetchedPage:
    try:
        return fetcher.fetch(url)
    except FetchRefused as error:
        raise HTTPException(403, f"Refused to fetch {error}") from None
    except FetchFailed as error:
        raise HTTPException(502, f"Could not fetch {error}") from None
    except PageTooLarge:
        raise HTTPException(413, TOO_LARGE_MESSAGE) from None
