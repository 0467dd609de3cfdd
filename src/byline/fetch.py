"""Fetching one page over HTTP(S) for the command line: timeout, size cap, clear errors."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Final

from byline import __version__

USER_AGENT = f"byline/{__version__} (+https://pypi.org/project/byline/)"
DEFAULT_TIMEOUT = 20.0
MAX_PAGE_BYTES = 20 * 1024 * 1024
DEFAULT_CONCURRENCY = 16
"""Requests in flight in a crawl (``byline run``), all hosts together."""
DEFAULT_HOST_DELAY = 1.0
"""Seconds of quiet between two requests of a crawl to one host."""
SCHEMES: Final = ("http", "https")
HTML_MEDIA_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
"""The media types of a page; an answer without a Content-Type is left to extraction to judge."""


class FetchError(Exception):
    """The page could not be fetched; the message says why (its URL is the caller's to name)."""


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    charset: str | None


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET ``url`` following redirects; raise ``FetchError`` on any failure, or when the
    answer says it is not HTML."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html"}
    try:
        request = urllib.request.Request(url, headers=headers)  # ValueError: not a URL
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type()  # lowercased, no parameters
            if response.headers["Content-Type"] and media_type not in HTML_MEDIA_TYPES:
                raise FetchError(f"not HTML: the server sent {media_type}")
            content = response.read(max_bytes + 1)
            if len(content) > max_bytes:
                raise FetchError(f"page larger than {max_bytes // 2**20} MB")
            return Fetched(
                url=response.geturl(),
                status=response.status,
                content=content,
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(str(error.reason)) from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FetchError(str(error)) from None
