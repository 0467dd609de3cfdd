"""Fetching for ``byline run``: URL lists, robots.txt, redirects, retries, sitemaps, feeds.

Every test runs against its own threaded HTTP server on 127.0.0.1, which logs
each request it sees (path, arrival time, user agent).
"""

from __future__ import annotations

import gzip
import itertools
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import byline
from byline.fetch import USER_AGENT
from byline.pipeline import discover
from byline.pipeline.crawl import CrawlSettings, fetch_pages, read_url_list
from byline.pipeline.discover import DiscoveryError, feed_urls, sitemap_urls
from byline.pipeline.pages import Failed, Item, Page, Skipped
from tests.conftest import run_bounded

FAST = CrawlSettings(per_host_delay=0.0, timeout=2.0, retries=2, backoff=0.01, window=8)
"""Settings that keep the tests quick: no host delay, tiny backoff."""

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Reply:
    """What the test server answers to one request."""

    status: int = 200
    body: bytes = b"<html><title>t</title><p>text</p></html>"
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    send_length: bool = True  # else the body ends when the connection closes


Route = Reply | list[Reply]  # a list: successive answers, the last one repeated


def redirect(status: int, location: str) -> Reply:
    return Reply(status, b"", headers={"Location": location})


@dataclass
class Request:
    path: str
    at: float  # time.monotonic() on arrival
    user_agent: str | None


class Site:
    """A local web site: paths not in ``routes`` answer 404; every request is logged."""

    def __init__(self, routes: dict[str, Route], port: int) -> None:
        self.routes = routes
        self.port = port
        self.requests: list[Request] = []
        self.answered: dict[str, float] = {}  # path: time.monotonic() when last answered
        self._lock = threading.Lock()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(request.path == path for request in self.requests)

    def times(self) -> list[float]:
        return [request.at for request in self.requests]

    def answer(self, path: str, user_agent: str | None) -> Reply:
        with self._lock:
            seen = self.hits(path)
            self.requests.append(Request(path, time.monotonic(), user_agent))
        route = self.routes.get(path, Reply(404))
        return route[min(seen, len(route) - 1)] if isinstance(route, list) else route


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    site: Site


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        reply = self.server.site.answer(self.path, self.headers.get("User-Agent"))
        time.sleep(reply.delay)
        self.server.site.answered[self.path] = time.monotonic()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            if reply.send_length:
                self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as timeout tests want

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Route]], Site]]:
    """Start a local site with the given routes; stopped after the test."""
    servers: list[_Server] = []

    def start(routes: dict[str, Route]) -> Site:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.site = Site(routes, server.server_address[1])
        serving = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        serving.start()
        servers.append(server)
        return server.site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch_one(url: str, settings: CrawlSettings = FAST) -> Item:
    (item,) = fetch_pages([url], settings)
    return item


# -- fetch_pages ---------------------------------------------------------------------------


def test_a_page_is_fetched_with_our_user_agent_and_extracts(serve, seed_html):
    site = serve({"/robots.txt": Reply(body=ROBOTS), "/article.html": Reply(body=seed_html)})
    page = fetch_one(site.url("/article.html"))
    assert isinstance(page, Page)
    assert page.key == f"url:{site.url('/article.html')}"
    assert (page.url, page.charset, page.content) == (site.url("/article.html"), "utf-8", seed_html)
    assert page.source["status"] == 200 and page.source["redirects"] == []
    assert page.source["fetched_at"].endswith("Z")
    assert byline.extract(page.content, url=page.url, charset=page.charset).title
    assert {request.user_agent for request in site.requests} == {USER_AGENT}


def test_a_path_disallowed_by_robots_is_skipped_and_never_requested(serve):
    site = serve({"/robots.txt": Reply(body=ROBOTS), "/private/a.html": Reply()})
    items = list(fetch_pages([site.url("/private/a.html"), site.url("/open.html")], FAST))
    assert isinstance(items[0], Skipped) and items[0].reason == "robots-disallowed"
    assert isinstance(items[1], Skipped) and items[1].reason == "http-404"
    assert site.hits("/private/a.html") == 0
    assert site.hits("/robots.txt") == 1  # read once for the host


def test_a_redirect_into_a_disallowed_path_is_not_followed(serve):
    site = serve({"/robots.txt": Reply(body=ROBOTS), "/go": redirect(302, "/private/a.html")})
    item = fetch_one(site.url("/go"))
    assert isinstance(item, Skipped) and item.reason == "robots-disallowed"
    assert item.source["redirects"] == [site.url("/go")]
    assert site.hits("/private/a.html") == 0


def test_a_redirect_chain_is_followed_and_recorded(serve, seed_html):
    site = serve(
        {
            "/old": redirect(301, "/older"),
            "/older": redirect(302, "/article.html"),
            "/article.html": Reply(body=seed_html),
        }
    )
    page = fetch_one(site.url("/old"))
    assert isinstance(page, Page) and page.url == site.url("/article.html")
    assert page.key == f"url:{site.url('/old')}" and page.source["url"] == site.url("/old")
    assert page.source["final_url"] == site.url("/article.html")
    assert page.source["redirects"] == [site.url("/old"), site.url("/older")]


def test_a_redirect_loop_fails_past_max_redirects(serve):
    site = serve({"/a": redirect(302, "/b"), "/b": redirect(302, "/a")})
    item = fetch_one(site.url("/a"), replace(FAST, max_redirects=3))
    assert isinstance(item, Failed) and item.reason == "more than 3 redirects"
    assert len(item.source["redirects"]) == 3


def test_a_timeout_fails_after_retries(serve):
    site = serve({"/slow": Reply(delay=1.0)})
    item = fetch_one(site.url("/slow"), replace(FAST, timeout=0.3, retries=1))
    assert isinstance(item, Failed)
    assert item.reason == "timed out after 0.3 s, 2 attempts"
    assert site.hits("/slow") == 2


def test_a_server_error_fails_after_every_retry(serve):
    site = serve({"/broken": Reply(500)})
    item = fetch_one(site.url("/broken"))
    assert isinstance(item, Failed) and item.reason == "HTTP 500 after 3 attempts"
    assert site.hits("/broken") == FAST.retries + 1


def test_a_503_then_200_is_retried_and_succeeds(serve, seed_html):
    site = serve({"/flaky": [Reply(503, headers={"Retry-After": "0"}), Reply(body=seed_html)]})
    page = fetch_one(site.url("/flaky"))
    assert isinstance(page, Page) and page.content == seed_html
    assert site.hits("/flaky") == 2


def test_a_long_retry_after_gives_up_at_once(serve):
    site = serve({"/busy": Reply(429, headers={"Retry-After": "3600"})})
    item = fetch_one(site.url("/busy"))
    assert isinstance(item, Failed)
    assert item.reason == "HTTP 429 after 1 attempt; the server asks to wait 3600 s"
    assert site.hits("/busy") == 1


def test_client_errors_and_non_html_are_skipped(serve):
    site = serve({"/gone": Reply(410), "/data.json": Reply(body=b"{}", content_type="text/json")})
    items = list(fetch_pages([site.url(p) for p in ("/missing", "/gone", "/data.json")], FAST))
    assert [(type(item), item.reason) for item in items] == [
        (Skipped, "http-404"),
        (Skipped, "http-410"),
        (Skipped, "not-html"),
    ]
    assert items[1].source["status"] == 410


@pytest.mark.parametrize("send_length", [True, False])
def test_a_body_over_max_bytes_fails(serve, send_length):
    site = serve({"/big.html": Reply(body=b"<p>big</p>" * 500, send_length=send_length)})
    item = fetch_one(site.url("/big.html"), replace(FAST, max_bytes=1000))
    assert isinstance(item, Failed) and item.reason == "larger than 1000 bytes"


def test_invalid_urls_fail_with_a_reason_and_no_request(serve):
    site = serve({})
    urls = ["ftp://example.com/file.html", "not a url", "http://[::1/"]
    items = list(fetch_pages(urls, FAST))
    assert [item.key for item in items] == [f"url:{url}" for url in urls]
    assert all(isinstance(item, Failed) for item in items)
    assert items[0].reason == "not an http(s) URL: 'ftp://example.com/file.html'"
    assert items[1].reason == "not an http(s) URL: 'not a url'"
    assert items[2].reason.startswith("not a valid URL: 'http://[::1/'")
    assert site.requests == []


@pytest.mark.parametrize("obey_robots", [True, False])
def test_a_refused_connection_fails_with_a_sentence(obey_robots):
    port = _closed_port()
    settings = replace(FAST, retries=1, obey_robots=obey_robots)
    item = fetch_one(f"http://127.0.0.1:{port}/page.html", settings)
    assert isinstance(item, Failed)
    refused = re.escape("could not connect to 127.0.0.1: ") + r".+, 2 attempts"
    if obey_robots:  # robots.txt is asked for first, and its failure closes the site
        robots = re.escape(f"http://127.0.0.1:{port}/robots.txt")
        assert re.fullmatch(rf"could not read {robots} \({refused}\), .+ \(RFC 9309\)", item.reason)
    else:
        assert re.fullmatch(refused, item.reason)


def test_an_unreachable_robots_txt_closes_the_site(serve):
    site = serve({"/robots.txt": Reply(503), "/a.html": Reply()})
    items = list(fetch_pages([site.url("/a.html"), site.url("/a.html?2")], FAST))
    assert all(isinstance(item, Failed) for item in items)
    assert "robots.txt" in items[0].reason and "HTTP 503 after 3 attempts" in items[0].reason
    assert site.hits("/a.html") == site.hits("/a.html?2") == 0
    assert site.hits("/robots.txt") == FAST.retries + 1  # asked once for both pages


def test_robots_can_be_ignored(serve):
    site = serve({"/robots.txt": Reply(body=ROBOTS), "/private/a.html": Reply()})
    page = fetch_one(site.url("/private/a.html"), replace(FAST, obey_robots=False))
    assert isinstance(page, Page)
    assert site.hits("/robots.txt") == 0


def test_requests_to_one_host_are_spaced_by_the_per_host_delay(serve):
    # The gaps are between arrivals recorded by the server: an ordering of
    # events, whatever the speed of the machine.
    site = serve({})  # no robots.txt: everything allowed
    urls = [site.url(f"/{n}.html") for n in range(4)]
    items = list(fetch_pages(urls, replace(FAST, per_host_delay=0.2)))
    assert [item.reason for item in items] == ["http-404"] * 4
    assert site.requests[0].path == "/robots.txt"
    gaps = [later - earlier for earlier, later in itertools.pairwise(site.times())]
    assert len(gaps) == 4 and min(gaps) >= 0.19


def test_a_larger_robots_crawl_delay_wins(serve):
    site = serve({"/robots.txt": Reply(body=b"User-agent: *\nCrawl-delay: 1\n")})
    list(fetch_pages([site.url("/1.html"), site.url("/2.html")], replace(FAST, per_host_delay=0)))
    pages_at = [request.at for request in site.requests if request.path != "/robots.txt"]
    assert pages_at[1] - pages_at[0] >= 0.95


def test_items_come_in_input_order_while_hosts_are_fetched_concurrently(serve):
    site = serve({"/slow.html": Reply(delay=0.5)})
    urls = [site.url("/slow.html")] + [site.url(f"/{n}.html", host="localhost") for n in range(3)]
    items = list(fetch_pages(urls, FAST))
    assert [item.key for item in items] == [f"url:{url}" for url in urls]
    # the other host's pages were all asked for before the slow page was answered
    others_at = [request.at for request in site.requests if request.path.endswith(".html")]
    assert len(others_at) == 4 and max(others_at[1:]) < site.answered["/slow.html"]


def test_closing_early_reads_a_bounded_window_and_stops_the_thread(serve):
    site = serve({})
    drawn = itertools.count()

    def endless_urls() -> Iterator[str]:
        for n in drawn:
            yield site.url(f"/{n}.html")

    def take_three_and_close() -> tuple[int, list[str]]:
        items = fetch_pages(endless_urls(), replace(FAST, window=5))
        for _ in range(3):
            next(items)
        items.close()
        return next(drawn), [thread.name for thread in threading.enumerate()]

    urls_drawn, threads = run_bounded(take_three_and_close, 10)
    assert urls_drawn <= 3 + 5
    assert "byline-crawl" not in threads


def test_read_url_list_skips_blanks_comments_and_repeats(tmp_path: Path):
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# news of the day\n"
        "https://a.example/1\n"
        "\n"
        "   https://a.example/2  \n"
        "https://a.example/1\n"
        "  # indented comment\n"
        "https://a.example/1#part\n",
        encoding="utf-8",
    )
    assert list(read_url_list(str(listing))) == [
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/1#part",
    ]


def test_bad_settings_are_refused_clearly():
    with pytest.raises(ValueError, match="concurrency must be positive"):
        CrawlSettings(concurrency=0)
    with pytest.raises(ValueError, match="retries must not be negative"):
        CrawlSettings(retries=-1)


def _closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- discovery -----------------------------------------------------------------------------

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
IMAGE_NS = 'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
XML = "application/xml"


def urlset(*urls: str) -> bytes:
    entries = "".join(
        f"<url><loc>{url}</loc><news:news><news:title>t</news:title></news:news>"
        f"<image:image><image:loc>{url}.jpg</image:loc></image:image></url>"
        for url in urls
    )
    return f"<urlset {SITEMAP_NS} {NEWS_NS} {IMAGE_NS}>{entries}</urlset>".encode()


def sitemap_index(*urls: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return f'<?xml version="1.0"?><sitemapindex {SITEMAP_NS}>{entries}</sitemapindex>'.encode()


def test_a_sitemap_index_reads_plain_and_gzipped_children_once(serve):
    site = serve({})
    site.routes.update(
        {
            "/sitemap.xml": Reply(
                body=sitemap_index(
                    site.url("/news.xml"), site.url("/old.xml.gz"), site.url("/news.xml")
                ),
                content_type=XML,
            ),
            "/news.xml": Reply(body=urlset("https://n.example/a", "https://n.example/b")),
            "/old.xml.gz": Reply(
                body=gzip.compress(urlset("https://n.example/c", "https://n.example/a")),
                content_type="application/x-gzip",
            ),
        }
    )
    urls = list(sitemap_urls(site.url("/sitemap.xml"), FAST))
    assert urls == ["https://n.example/a", "https://n.example/b", "https://n.example/c"]
    assert site.hits("/news.xml") == site.hits("/old.xml.gz") == 1


def test_a_site_root_is_read_through_its_robots_sitemap_lines(serve):
    site = serve({})
    site.routes.update(
        {
            "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {site.url('/s.xml')}\n".encode()),
            "/s.xml": Reply(body=urlset("https://n.example/a"), content_type=XML),
        }
    )
    assert list(sitemap_urls(site.url("/"), FAST)) == ["https://n.example/a"]


def test_a_broken_child_is_skipped_with_a_warning(serve, caplog):
    site = serve({})
    site.routes.update(
        {
            "/index.xml": Reply(body=sitemap_index(site.url("/gone.xml"), site.url("/ok.xml"))),
            "/ok.xml": Reply(body=urlset("https://n.example/a")),
        }
    )
    with caplog.at_level(logging.WARNING, logger="byline.pipeline.discover"):
        urls = list(sitemap_urls(site.url("/index.xml"), FAST))
    assert urls == ["https://n.example/a"]
    assert f"{site.url('/gone.xml')}: HTTP 404" in caplog.text


def test_sitemap_indexes_nested_too_deep_are_not_followed(serve, caplog):
    site = serve({})
    depth = discover.MAX_SITEMAP_DEPTH + 1
    for level in range(depth):
        site.routes[f"/{level}.xml"] = Reply(body=sitemap_index(site.url(f"/{level + 1}.xml")))
    site.routes[f"/{depth}.xml"] = Reply(body=urlset("https://n.example/deep"))
    with caplog.at_level(logging.WARNING, logger="byline.pipeline.discover"):
        assert list(sitemap_urls(site.url("/0.xml"), FAST)) == []
    assert "nested over" in caplog.text
    assert site.hits(f"/{depth}.xml") == 0


def test_a_malformed_sitemap_yields_what_can_be_recovered(serve):
    broken = f"<urlset {SITEMAP_NS}><url><loc>https://n.example/a</loc></url><url><loc>https://n"
    site = serve({"/broken.xml": Reply(body=broken.encode(), content_type=XML)})
    assert "https://n.example/a" in sitemap_urls(site.url("/broken.xml"), FAST)


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Reply(404), "HTTP 404"),
        (Reply(body=b"<html><body>hello</body></html>"), "not a sitemap (the document is <html>)"),
        (Reply(body=b"just words"), "not XML"),
        (Reply(body=b"\x1f\x8b not really gzip"), "broken gzip data"),
    ],
)
def test_an_unreadable_sitemap_raises_a_clear_error(serve, route, message):
    site = serve({"/sitemap.xml": route})
    with pytest.raises(DiscoveryError, match=re.escape(message)) as raised:
        list(sitemap_urls(site.url("/sitemap.xml"), FAST))
    assert str(raised.value).startswith(site.url("/sitemap.xml"))


def test_an_atom_feed_gives_its_entry_links(serve):
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://n.example/">
  <link rel="self" href="https://n.example/feed.atom"/>
  <entry><link rel="self" href="/api/1"/><link rel="alternate" href="/news/1"/></entry>
  <entry><link href="https://n.example/news/2"/></entry>
  <entry><link rel="enclosure" href="https://n.example/audio/3.mp3"/></entry>
  <entry><title>no link</title></entry>
</feed>"""
    site = serve({"/feed.atom": Reply(body=atom, content_type="application/atom+xml")})
    assert list(feed_urls(site.url("/feed.atom"), FAST)) == [
        "https://n.example/news/1",
        "https://n.example/news/2",
        "https://n.example/audio/3.mp3",
    ]


def test_an_rss_feed_gives_item_links_or_permalink_guids(serve):
    rss = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <link>https://n.example/</link>
  <item><atom:link href="https://n.example/x"/><link>https://n.example/news/1</link></item>
  <item><guid>https://n.example/news/2</guid></item>
  <item><guid isPermaLink="false">https://n.example/id/3</guid></item>
  <item><link>/news/4</link></item>
</channel></rss>"""
    site = serve({"/rss.xml": Reply(body=rss, content_type="application/rss+xml")})
    assert list(feed_urls(site.url("/rss.xml"), FAST)) == [
        "https://n.example/news/1",
        "https://n.example/news/2",
        site.url("/news/4"),
    ]


def test_an_rss_1_feed_gives_item_links(serve):
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://n.example/"><link>https://n.example/</link></channel>
  <item rdf:about="https://n.example/news/1"><link>https://n.example/news/1</link></item>
</rdf:RDF>"""
    site = serve({"/index.rdf": Reply(body=rdf, content_type=XML)})
    assert list(feed_urls(site.url("/index.rdf"), FAST)) == ["https://n.example/news/1"]


def test_a_root_whose_prefix_no_xmlns_declares_is_read_by_its_local_name(serve):
    """A recovering parse keeps an undeclared prefix in the name (``tps:urlset``); found by
    fuzzing, where reading that name raised ValueError."""
    prefixed = b"<tps:urlset><url><loc>https://n.example/a</loc></url></tps:urlset>"
    feed = b"<x:rss><channel><item><link>https://n.example/b</link></item></channel></x:rss>"
    site = serve(
        {
            "/sitemap.xml": Reply(body=prefixed, content_type=XML),
            "/rss.xml": Reply(body=feed, content_type=XML),
        }
    )
    assert list(sitemap_urls(site.url("/sitemap.xml"), FAST)) == ["https://n.example/a"]
    assert list(feed_urls(site.url("/rss.xml"), FAST)) == ["https://n.example/b"]


def test_a_feed_link_that_cannot_be_joined_is_given_as_it_is(serve):
    """``urljoin`` refuses "http://[broken" (ValueError): the other links are still read, and
    that one is left for the crawl to report as no valid URL."""
    rss = b"""<rss><channel>
  <item><link>http://[broken/1</link></item><item><link>/news/2</link></item>
</channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><link href="http://[::1/x"/></entry><entry><link href="https://n.example/3"/></entry>
</feed>"""
    site = serve(
        {
            "/rss.xml": Reply(body=rss, content_type=XML),
            "/feed.atom": Reply(body=atom, content_type="application/atom+xml"),
        }
    )
    assert list(feed_urls(site.url("/rss.xml"), FAST)) == [
        "http://[broken/1",
        site.url("/news/2"),
    ]
    assert list(feed_urls(site.url("/feed.atom"), FAST)) == [
        "http://[::1/x",
        "https://n.example/3",
    ]


def test_a_sitemap_is_not_a_feed(serve):
    site = serve({"/sitemap.xml": Reply(body=urlset("https://n.example/a"), content_type=XML)})
    with pytest.raises(DiscoveryError, match="not an RSS or Atom feed"):
        list(feed_urls(site.url("/sitemap.xml"), FAST))


def test_external_entities_are_not_read(serve, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://leaked.example/secret", encoding="utf-8")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><item><link>https://n.example/&xxe;</link></item></channel></rss>"""
    site = serve({"/rss.xml": Reply(body=xxe.encode(), content_type=XML)})
    links = list(feed_urls(site.url("/rss.xml"), FAST))
    assert not any("leaked" in link for link in links)


def test_entity_expansion_bombs_are_defused(serve):
    levels = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)
    )  # 10^9 copies of l0 if expanded
    bomb = f"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY l0 "lol">{levels}]>
<urlset {SITEMAP_NS}><url><loc>https://n.example/&l9;</loc></url>
<url><loc>https://n.example/ok</loc></url></urlset>"""
    site = serve({"/bomb.xml": Reply(body=bomb.encode(), content_type=XML)})
    urls = run_bounded(lambda: list(sitemap_urls(site.url("/bomb.xml"), FAST)), 10)
    assert not any("lollol" in url for url in urls)  # read as far as the bomb, not through it


def test_discovery_stops_at_max_urls(serve, monkeypatch):
    monkeypatch.setattr(discover, "MAX_URLS", 2)
    site = serve({"/s.xml": Reply(body=urlset(*(f"https://n.example/{n}" for n in range(5))))})
    assert len(list(sitemap_urls(site.url("/s.xml"), FAST))) == 2
