"""Polite bulk fetching for ``byline run``: one ``Item`` for every listed URL.

``fetch_pages`` turns a stream of URLs (read lazily: a list of 10 million URLs
is never held at once) into a stream of ``Page``, ``Skipped`` and ``Failed``
items. Behind its synchronous interface an ``httpx.AsyncClient`` runs on an
event loop in a background thread, so fetching goes on while the caller
extracts.

``Crawler.visits`` does the same for pages fetched again (``byline watch``), each
request conditional on the validators (ETag, Last-Modified) of the last answer,
so that an unchanged page costs a 304.

Order: items come out in the order of the input URLs, so two runs over one
list write the same sequence. Fetching runs ahead of the caller by at most
``CrawlSettings.window`` URLs; a slow URL holds back the items after it (not
their fetching).

Politeness:
- robots.txt is read once per origin (scheme, host, port) and obeyed for our
  user agent. A robots.txt answering 4xx allows everything. One that cannot be
  read (5xx, 429, timeout, connection error, after retries) forbids the whole
  site, as RFC 9309 asks; it is asked for again after ``ROBOTS_RETRY_INTERVAL``.
  Rules are matched by ``urllib.robotparser``: the first matching rule wins
  (RFC 9309 says the longest) and ``*``/``$`` wildcards are not understood.
- one request at a time per host name, with ``per_host_delay`` seconds of quiet
  (or the host's own in ``host_delays``) between the end of one request and the
  start of the next; a robots.txt ``Crawl-delay`` wins when larger, up to
  ``MAX_CRAWL_DELAY``.
- redirects are followed hop by hop, so every hop obeys its host's robots.txt
  and turn.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import email.utils
import hashlib
import logging
import random
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.robotparser import RobotFileParser

import httpx

from byline.fetch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_HOST_DELAY,
    DEFAULT_TIMEOUT,
    HTML_MEDIA_TYPES,
    MAX_PAGE_BYTES,
    USER_AGENT,
)
from byline.pipeline.pages import Failed, Item, Page, Skipped

log = logging.getLogger(__name__)

ROBOTS_DISALLOWED = "robots-disallowed"
NOT_HTML = "not-html"
HTML_TYPES = HTML_MEDIA_TYPES | {""}
"""Media types fetched as pages; "" (no Content-Type at all) is left to extraction to judge."""

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least the first 500 KiB, ignore the rest
ROBOTS_RETRY_INTERVAL = 600.0  # seconds an unreachable robots.txt keeps its site closed
MAX_CRAWL_DELAY = 60.0  # seconds; a larger Crawl-delay would stall the whole ordered run
SHUTDOWN_TIMEOUT = 10.0  # seconds to wait for cancelled requests when the caller stops

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    """How hard and how politely to fetch; the defaults suit a crawl of news sites."""

    concurrency: int = DEFAULT_CONCURRENCY  # requests in flight, all hosts together
    per_host_delay: float = DEFAULT_HOST_DELAY  # seconds between two requests to one host
    timeout: float = DEFAULT_TIMEOUT  # seconds for one request, body included
    retries: int = 2  # extra attempts after a timeout, a connection error, HTTP 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time, ±50% jitter
    max_retry_after: float = 60.0  # a longer Retry-After from the server: give up instead
    max_bytes: int = MAX_PAGE_BYTES  # a larger body is a failure (20 MiB)
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    max_redirects: int = 10
    window: int = 256  # URLs fetched ahead of the caller: bounds memory and reordering
    host_delays: tuple[tuple[str, float], ...] = ()  # (host, seconds): per_host_delay for it

    def __post_init__(self) -> None:
        for name in ("concurrency", "timeout", "max_bytes", "window"):
            if getattr(self, name) <= 0:
                raise ValueError(f"CrawlSettings.{name} must be positive")
        for name in ("per_host_delay", "retries", "backoff", "max_retry_after", "max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"CrawlSettings.{name} must not be negative")
        if any(delay < 0 for _, delay in self.host_delays):
            raise ValueError("CrawlSettings.host_delays must not be negative")

    def delay_for(self, host: str) -> float:
        """Seconds of quiet between two requests to ``host``."""
        return next((d for h, d in self.host_delays if h == host), self.per_host_delay)


@dataclass(frozen=True, slots=True)
class Document:
    """A fetched resource that is not a page (a sitemap, a feed): final URL and body."""

    url: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies the version of a page it sent (``ETag``,
    ``Last-Modified``): sent back on the next visit, an unchanged page costs a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class Visit:
    """A page fetched again: the item (a 304 is ``Skipped`` as ``http-304``) and the
    validators to send next time (the old ones when the server sent none)."""

    item: Item
    validators: Validators


class CrawlError(Exception):
    """A URL could not be fetched; the message is a sentence saying why."""


class RobotsDisallowed(CrawlError):
    """robots.txt forbids us the URL."""


def fetch_pages(urls: Iterable[str], settings: CrawlSettings | None = None) -> Iterator[Item]:
    """One item per URL of ``urls``, in input order: the page, or why there is none.

    ``Page.url`` is the URL after redirects and ``Page.source`` records the
    fetch (``kind``, ``url`` as listed, ``final_url``, ``status``,
    ``redirects``: the URLs that answered with a redirect, ``fetched_at``).
    Closing the generator early cancels what is in flight and stops the thread.
    """
    with Crawler(settings) as crawler:
        yield from crawler.pages(urls)


def read_url_list(path: str) -> Iterator[str]:
    """The URLs of the text file ``path``, one a line, each once, in file order.

    Lines are stripped; blank lines and lines starting with ``#`` (comments) are ignored.
    """
    with open(path, encoding="utf-8-sig", errors="replace") as lines:
        yield from distinct(_listed_urls(lines))


def distinct(urls: Iterable[str]) -> Iterator[str]:
    """``urls`` without repeats of the exact same string, in order, while streaming."""
    return distinct_by(urls, str)


def distinct_by(items: Iterable[T], url_of: Callable[[T], str]) -> Iterator[T]:
    """``items`` without repeats of the same URL (``url_of`` an item), in order, while
    streaming.

    A 16-byte digest is remembered per URL instead of the URL itself: half the
    memory (about 80 MiB per million URLs); two URLs sharing a digest is as
    likely as guessing a 128-bit key.
    """
    seen: set[bytes] = set()
    for item in items:
        url = url_of(item)
        digest = hashlib.blake2b(url.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            yield item


def describe_size(size: int) -> str:
    """``size`` bytes in words: "20 MB", "64 KB" or "1000 bytes"."""
    for unit, name in ((2**20, "MB"), (2**10, "KB")):
        if size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


class Crawler:
    """A crawl session: the engine on its own thread, its robots.txt cache and host turns.

    Use it as a context manager; leaving it cancels what is still in flight,
    closes the connections and stops the thread.
    """

    def __init__(self, settings: CrawlSettings | None = None) -> None:
        self.settings = settings or CrawlSettings()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="byline-crawl", daemon=True
        )
        self._engine = _Engine(self.settings)

    def __enter__(self) -> Crawler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        shutdown = self._submit(self._engine.shutdown())
        try:
            shutdown.result(SHUTDOWN_TIMEOUT)
        except concurrent.futures.TimeoutError:
            log.warning("requests still running after %g s; stopping anyway", SHUTDOWN_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def pages(self, urls: Iterable[str]) -> Iterator[Item]:
        """One item per URL, in input order, at most ``window`` URLs ahead of the caller."""
        return self._in_order(self._engine.page(url) for url in urls)

    def visits(self, urls: Iterable[tuple[str, Validators]]) -> Iterator[Visit]:
        """``pages``, each request conditional on the validators of the page's last visit."""
        return self._in_order(self._engine.visit(url, validators) for url, validators in urls)

    def _in_order(self, coroutines: Iterable[Coroutine[Any, Any, T]]) -> Iterator[T]:
        """The coroutines' results in order, at most ``window`` running ahead of the caller."""
        pending: deque[concurrent.futures.Future[T]] = deque()
        for coroutine in coroutines:
            pending.append(self._submit(coroutine))
            while pending and (pending[0].done() or len(pending) >= self.settings.window):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def document(self, url: str) -> Document:
        """The body of ``url`` whatever its type; ``CrawlError`` unless HTTP 2xx."""
        return self._submit(self._engine.document(url)).result()

    def robots_sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` URLs of the robots.txt of ``url``'s origin."""
        return self._submit(self._engine.robots_sitemaps(url)).result()

    def _submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)


@dataclass(frozen=True, slots=True)
class _Reply:
    """What one HTTP request brought back."""

    url: str
    status: int
    media_type: str  # lowercased, without parameters; "" without a Content-Type
    charset: str | None
    content: bytes  # read only for a 2xx answer of an accepted media type
    truncated: bool  # the body went on past the size limit
    location: str | None  # where a redirect points
    retry_after: float | None  # seconds, when the server said
    fetched_at: str
    validators: Validators

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True, slots=True)
class _RobotsPolicy:
    """What one origin's robots.txt allows."""

    read_at: float  # event-loop time
    rules: RobotFileParser | None = None  # None: no robots.txt, everything allowed
    unreachable: str | None = None  # why robots.txt could not be read: nothing allowed

    def is_stale(self, now: float) -> bool:
        return self.unreachable is not None and now - self.read_at > ROBOTS_RETRY_INTERVAL

    def require_readable(self, url: str) -> None:
        if self.unreachable is not None:
            raise CrawlError(
                f"could not read {_robots_url(url)} ({self.unreachable}), "
                "so the site is off limits for now (RFC 9309)"
            )

    def check(self, url: str, user_agent: str) -> None:
        """Raise unless ``user_agent`` may fetch ``url``."""
        self.require_readable(url)
        if self.rules is not None and not self.rules.can_fetch(user_agent, url):
            raise RobotsDisallowed("disallowed by robots.txt")

    def crawl_delay(self, user_agent: str) -> float:
        asked = self.rules.crawl_delay(user_agent) if self.rules is not None else None
        return min(float(asked or 0), MAX_CRAWL_DELAY)


class _HostGate:
    """Turns at one host: one request at a time, then some quiet before the next."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()  # first come, first served
        self._free_at = 0.0  # event-loop time

    @contextlib.asynccontextmanager
    async def turn(self, quiet_after: float) -> AsyncIterator[None]:
        async with self._lock:
            loop = asyncio.get_running_loop()
            await asyncio.sleep(max(0.0, self._free_at - loop.time()))
            try:
                yield
            finally:
                self._free_at = loop.time() + quiet_after


class _Engine:
    """The asynchronous side: robots.txt, host turns, retries and redirects."""

    def __init__(self, settings: CrawlSettings) -> None:
        self._settings = settings
        self._client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent},
            timeout=settings.timeout,
            limits=httpx.Limits(max_connections=settings.concurrency),
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, asyncio.Task[_RobotsPolicy]] = {}  # by robots.txt URL

    async def page(self, listed: str) -> Item:
        """The page at ``listed``, or why there is none; never raises."""
        return (await self.visit(listed, Validators())).item

    async def visit(self, listed: str, validators: Validators) -> Visit:
        """The page at ``listed`` asked for conditionally, or why there is none; never raises."""
        try:
            return await self._page(listed, validators)
        except Exception as error:  # one server finding a new way to be odd must not end a run
            log.exception("unexpected error while fetching %s", listed)
            reason = f"unexpected error: {_detail(error)}"
            return Visit(Failed(f"url:{listed}", reason, _source(listed, [])), validators)

    async def _page(self, listed: str, validators: Validators) -> Visit:
        key = f"url:{listed}"
        redirects: list[str] = []
        try:
            reply = await self._follow(
                listed,
                redirects,
                HTML_TYPES,
                self._settings.max_bytes,
                headers=validators.headers(),
            )
        except RobotsDisallowed:
            return Visit(Skipped(key, ROBOTS_DISALLOWED, _source(listed, redirects)), validators)
        except CrawlError as error:
            return Visit(Failed(key, str(error), _source(listed, redirects)), validators)
        source = _source(listed, redirects, reply)
        sent = reply.validators if reply.validators != Validators() else validators
        if not reply.is_success:
            return Visit(Skipped(key, f"http-{reply.status}", source), sent)
        if reply.media_type not in HTML_TYPES:
            return Visit(Skipped(key, NOT_HTML, source), sent)
        if reply.truncated:
            reason = f"larger than {describe_size(self._settings.max_bytes)}"
            return Visit(Failed(key, reason, source), sent)
        page = Page(key, reply.content, url=reply.url, charset=reply.charset, source=source)
        return Visit(page, sent)

    async def document(self, url: str) -> Document:
        reply = await self._follow(url, [], None, self._settings.max_bytes)
        if not reply.is_success:
            raise CrawlError(f"HTTP {reply.status}")
        if reply.truncated:
            raise CrawlError(f"larger than {describe_size(self._settings.max_bytes)}")
        return Document(reply.url, reply.content)

    async def robots_sitemaps(self, url: str) -> list[str]:
        _parsed_url(url)
        policy = await self._policy(url)
        policy.require_readable(url)
        return list(policy.rules.site_maps() or []) if policy.rules is not None else []

    async def shutdown(self) -> None:
        """Cancel every request still running and close the connections."""
        running = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        await self._client.aclose()

    async def _follow(
        self,
        url: str,
        redirects: list[str],
        accepted: frozenset[str] | None,
        limit: int,
        check_robots: bool = True,
        headers: dict[str, str] | None = None,
    ) -> _Reply:
        """The answer at the end of ``url``'s redirects; each URL that redirected is
        appended to ``redirects``. The body is read for accepted media types (None: all);
        ``headers`` go with every request."""
        while True:
            _parsed_url(url)
            quiet_after = self._settings.delay_for(_host(url))
            if check_robots and self._settings.obey_robots:
                policy = await self._policy(url)
                policy.check(url, self._settings.user_agent)
                quiet_after = max(quiet_after, policy.crawl_delay(self._settings.user_agent))
            reply = await self._request(url, accepted, limit, quiet_after, headers)
            if reply.location is None:
                return reply
            if len(redirects) == self._settings.max_redirects:
                raise CrawlError(f"more than {self._settings.max_redirects} redirects")
            redirects.append(url)
            url = reply.location

    async def _request(
        self,
        url: str,
        accepted: frozenset[str] | None,
        limit: int,
        quiet_after: float,
        headers: dict[str, str] | None = None,
    ) -> _Reply:
        """The answer to GET ``url``, retried after timeouts, connection errors, 429 and 5xx."""
        settings = self._settings
        attempts = settings.retries + 1
        for attempt in range(1, attempts + 1):
            tries = f"{attempt} attempt{'s' if attempt > 1 else ''}"
            server_wait = None
            try:
                reply = await self._exchange(url, accepted, limit, quiet_after, headers)
            except (httpx.TimeoutException, TimeoutError):
                reason = f"timed out after {settings.timeout:g} s, {tries}"
            except httpx.ConnectError as error:
                reason = f"could not connect to {_host(url)}: {_detail(error)}, {tries}"
            except httpx.TransportError as error:
                reason = f"the connection to {_host(url)} failed: {_detail(error)}, {tries}"
            except httpx.DecodingError as error:
                raise CrawlError(f"could not decode the answer: {_detail(error)}") from None
            else:
                if reply.status != 429 and reply.status < 500:
                    return reply
                reason = f"HTTP {reply.status} after {tries}"
                server_wait = reply.retry_after
                if server_wait is not None and server_wait > settings.max_retry_after:
                    raise CrawlError(f"{reason}; the server asks to wait {server_wait:g} s")
            if attempt < attempts:
                backoff = settings.backoff * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                await asyncio.sleep(max(backoff, server_wait or 0.0))
        raise CrawlError(reason)

    async def _exchange(
        self,
        url: str,
        accepted: frozenset[str] | None,
        limit: int,
        quiet_after: float,
        headers: dict[str, str] | None = None,
    ) -> _Reply:
        """One GET of ``url`` in its host's turn, redirects not followed."""
        gate = self._gates.setdefault(_host(url), _HostGate())
        async with (
            gate.turn(quiet_after),
            self._slots,
            asyncio.timeout(self._settings.timeout),
            self._client.stream("GET", url, headers=headers) as response,
        ):
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            content, truncated = b"", False
            if response.is_success and (accepted is None or media_type in accepted):
                content, truncated = await _read_capped(response, limit)
            return _Reply(
                url=url,
                status=response.status_code,
                media_type=media_type,
                charset=response.charset_encoding,
                content=content,
                truncated=truncated,
                location=str(response.next_request.url) if response.next_request else None,
                retry_after=_retry_after(response.headers.get("retry-after")),
                fetched_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                validators=Validators(
                    response.headers.get("etag"), response.headers.get("last-modified")
                ),
            )

    async def _policy(self, url: str) -> _RobotsPolicy:
        """The robots.txt policy of ``url``'s origin, read once (again when unreachable
        for a while)."""
        robots_url = _robots_url(url)
        task = self._robots.get(robots_url)
        now = asyncio.get_running_loop().time()
        if task is None or (task.done() and task.result().is_stale(now)):
            task = self._robots[robots_url] = asyncio.create_task(self._read_robots(robots_url))
        return await task

    async def _read_robots(self, robots_url: str) -> _RobotsPolicy:
        now = asyncio.get_running_loop().time()
        try:
            reply = await self._follow(robots_url, [], None, ROBOTS_MAX_BYTES, check_robots=False)
        except CrawlError as error:
            return _RobotsPolicy(now, unreachable=str(error))
        if reply.is_success:  # a truncated robots.txt is read as far as it came
            rules = RobotFileParser(robots_url)
            rules.parse(reply.content.decode("utf-8", "replace").splitlines())
            return _RobotsPolicy(now, rules=rules)
        if 400 <= reply.status < 500:  # RFC 9309 "unavailable": no rules at all
            return _RobotsPolicy(now)
        return _RobotsPolicy(now, unreachable=f"HTTP {reply.status}")


def _listed_urls(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        url = line.strip()
        if url and not url.startswith("#"):
            yield url


def _parsed_url(url: str) -> httpx.URL:
    """``url`` parsed; ``CrawlError`` unless it is an absolute http(s) URL."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise CrawlError(f"not a valid URL: {url!r} ({error})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise CrawlError(f"not an http(s) URL: {url!r}")
    return parsed


def _host(url: str) -> str:
    return httpx.URL(url).host


def _robots_url(url: str) -> str:
    return str(httpx.URL(url).copy_with(raw_path=b"/robots.txt", fragment=None))


def _source(listed: str, redirects: list[str], reply: _Reply | None = None) -> dict[str, Any]:
    """Where an item came from, as far as its fetch went."""
    if reply is None:
        return {"kind": "url", "url": listed, "redirects": list(redirects)}
    return {
        "kind": "url",
        "url": listed,
        "final_url": reply.url,
        "status": reply.status,
        "redirects": list(redirects),
        "fetched_at": reply.fetched_at,
    }


async def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The body of ``response``, at most ``limit`` bytes, and whether there was more."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return b"", True
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > limit:
            return bytes(body[:limit]), True
    return bytes(body), False


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait, from a Retry-After header (seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _detail(error: Exception) -> str:
    return str(error) or type(error).__name__
