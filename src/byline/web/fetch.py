"""Fetching a page a web user asked for, without letting them reach our own network.

A URL typed into the inspector or sent to ``/api/extract`` is fetched by the
server, so it could point at the server's own loopback, the LAN or a cloud
metadata service (server-side request forgery). ``PageFetcher`` refuses any
destination that is not a public http(s) address: it resolves the host and
checks every address it resolves to, and it follows redirects itself so that
each hop is checked again. A size cap and a timeout bound the work.

Known gap: the host is resolved once to check it and once more by httpx to
connect, so a DNS server that answers differently the second time (DNS
rebinding) could slip through. Run the server where that matters behind an
egress firewall too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from byline import __version__

MAX_PAGE_BYTES = 10 * 1024 * 1024
"""Pages (fetched, pasted or uploaded) larger than this are refused."""
FETCH_TIMEOUT = 15.0
"""Seconds allowed for connecting and for each read."""
MAX_REDIRECTS = 5
FETCHED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
USER_AGENT = f"byline/{__version__} (web inspector)"

Resolver = Callable[[str, int], list[str]]
"""``(host, port)`` to the IP addresses it resolves to."""


class FetchRefused(Exception):
    """The URL points somewhere byline will not fetch; the message says why."""


class FetchFailed(Exception):
    """The page could not be fetched (network, HTTP status); the message says why."""


class PageTooLarge(Exception):
    """The page is over the size limit."""


@dataclass(slots=True)
class FetchedPage:
    url: str
    """The URL of the page after redirects."""
    content: bytes
    charset: str | None
    """The charset the HTTP ``Content-Type`` declared, if any."""


def resolve_host(host: str, port: int) -> list[str]:
    """Every IP address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchFailed(f"cannot resolve {host}: {error}") from None
    return [str(info[4][0]) for info in infos]


def non_public_kind(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),  # shared (100.64/10), documentation...
    )
    return next((kind for flagged, kind in checks if flagged), None)


class PageFetcher:
    """GETs pages for web users: public http(s) destinations only, bounded in size and time.

    ``allow_private`` lifts the address check (tests fetch from 127.0.0.1);
    ``transport`` and ``resolve`` replace the network (tests).
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        max_bytes: int = MAX_PAGE_BYTES,
        timeout: float = FETCH_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver = resolve_host,
    ) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.transport = transport
        self.resolve = resolve

    def fetch(self, url: str) -> FetchedPage:
        """The page at ``url``; raises ``FetchRefused``, ``FetchFailed`` or ``PageTooLarge``."""
        # trust_env=False: a proxy from the environment would fetch on our behalf,
        # past the address check.
        with httpx.Client(
            transport=self.transport,
            timeout=self.timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"},
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                self.check_destination(url)
                try:
                    page, location = self._get(client, url)
                except httpx.HTTPError as error:
                    raise FetchFailed(f"{url}: {error or type(error).__name__}") from None
                if page is not None:
                    return page
                url = location
        raise FetchFailed(f"{url}: more than {MAX_REDIRECTS} redirects")

    def check_destination(self, url: str) -> None:
        """Raise ``FetchRefused`` unless ``url`` is http(s) to a public address."""
        try:
            parts = urlsplit(url)
        except ValueError as error:  # "https://[::1/": Invalid IPv6 URL
            raise FetchRefused(f"{url}: not a valid URL ({error})") from None
        scheme = parts.scheme.lower()
        if scheme not in FETCHED_SCHEMES:
            raise FetchRefused(f"{url}: only http and https URLs can be fetched")
        try:
            host, port = parts.hostname, parts.port or DEFAULT_PORTS[scheme]
        except ValueError:
            raise FetchRefused(f"{url}: the URL's port is not valid") from None
        if not host:
            raise FetchRefused(f"{url}: the URL has no host")
        if self.allow_private:
            return
        for address in self.resolve(host, port):
            kind = non_public_kind(address)
            if kind:
                what = f"is {kind}" if host == address else f"resolves to {address}, {kind}"
                raise FetchRefused(f"{url}: {host} {what}; only public addresses are fetched")

    def _get(self, client: httpx.Client, url: str) -> tuple[FetchedPage | None, str]:
        """The page, or None and the URL a redirect points to."""
        with client.stream("GET", url) as response:
            if response.is_redirect:
                location = response.headers.get("location")
                if not location:
                    raise FetchFailed(f"{url}: HTTP {response.status_code} without a Location")
                try:
                    return None, urljoin(url, location)
                except ValueError:
                    raise FetchFailed(f"{url}: a redirect to no valid URL: {location!r}") from None
            if response.status_code >= 400:
                raise FetchFailed(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise PageTooLarge(url)
            content = bytearray()
            for chunk in response.iter_bytes():
                content += chunk
                if len(content) > self.max_bytes:
                    raise PageTooLarge(url)
            return FetchedPage(str(response.url), bytes(content), response.charset_encoding), ""
