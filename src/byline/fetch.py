"""Fetching one page over HTTP(S) for the command line: timeout, size cap, clear errors."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from byline import __version__

USER_AGENT = f"byline/{__version__} (+https://pypi.org/project/byline/)"
DEFAULT_TIMEOUT = 20.0
MAX_PAGE_BYTES = 20 * 1024 * 1024


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    charset: str | None


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """GET ``url`` following redirects; raise ``FetchError`` on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content = response.read(max_bytes + 1)
            if len(content) > max_bytes:
                raise FetchError(f"{url}: page larger than {max_bytes // 2**20} MB")
            return Fetched(
                url=response.geturl(),
                status=response.status,
                content=content,
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"{url}: {error.reason}") from None
    except TimeoutError:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"{url}: {error}") from None
