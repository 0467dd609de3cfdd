"""A local news web site whose stories change, for ``byline watch``'s tests, demo and load test.

``Newsroom`` holds sites (a path prefix each: ``/<site>/``), each with stories,
an RSS feed (``/<site>/feed.xml``) and a sitemap index (``/<site>/sitemap-index.xml``,
one child sitemap per ``SITEMAP_SIZE`` stories); ``serve`` runs it on 127.0.0.1 in
threads. Change a story between rounds (its title, paragraphs, status) and the
next request sees it. A story with ``etag`` answers 304 to a matching
``If-None-Match``; every page carries a "most read" box outside the article that
changes with ``Newsroom.most_read``, as a real site's furniture does.
"""

from __future__ import annotations

import hashlib
import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITEMAP_SIZE = 20
"""Stories per child sitemap of a site's sitemap index."""
PARAGRAPHS = [
    "The harbour council met on Tuesday evening to discuss the new flood defences planned for "
    "the eastern quay, which residents have demanded for more than a decade.",
    "Engineers presented three designs, each costing between four and six million pounds, and "
    "the council agreed to put the choice to a public consultation in the spring.",
    "Local shopkeepers said the works would disrupt trade during the summer season but "
    "welcomed the decision after years of delays and repeated flooding.",
]


@dataclass
class Story:
    title: str
    paragraphs: list[str] = field(default_factory=lambda: list(PARAGRAPHS))
    author: str = "Ada Lovelace"
    status: int = 200
    etag: bool = False
    """Send an ETag (of the story, not of the furniture around it) and answer 304 when the
    request's If-None-Match matches it."""
    delay: float = 0.0
    """Seconds before answering (a slow or timing-out page)."""
    lastmod: str | None = None
    """The story's ``<lastmod>`` in its site's sitemap."""


@dataclass
class Site:
    stories: dict[str, Story] = field(default_factory=dict)
    """Path under the site (``news/1``) -> story."""
    feed: list[str] = field(default_factory=list)
    """The paths the feed lists, newest first."""
    down: bool = False
    """Every request to the site answers 500."""


@dataclass
class Newsroom:
    sites: dict[str, Site] = field(default_factory=dict)
    most_read: list[str] = field(default_factory=lambda: ["Storm warning issued"])
    port: int = 0
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    """Each request's path and If-None-Match header."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str, base: str | None = None) -> str:
        """The URL of ``path`` at ``base`` (``http://host:port``; default: 127.0.0.1 and
        ``port``)."""
        return f"{base or f'http://127.0.0.1:{self.port}'}/{path.lstrip('/')}"

    def answer(
        self, path: str, etag: str | None, base: str | None = None
    ) -> tuple[int, str, bytes, dict[str, str]]:
        """Status, content type, body and headers of the answer to GET ``path`` at ``base``
        (the address the request came to: the links in feeds and sitemaps point there)."""
        with self.lock:
            self.requests.append((path, etag))
        name, _, rest = path.lstrip("/").partition("/")
        site = self.sites.get(name)
        if site is None:
            return 404, "text/plain", b"no such site", {}
        if site.down:
            return 500, "text/plain", b"down", {}
        if rest == "feed.xml":
            return 200, "application/rss+xml", self._feed(name, site, base), {}
        if rest == "sitemap-index.xml":
            return 200, "application/xml", self._sitemap_index(name, site, base), {}
        if rest.startswith("sitemap-") and rest.endswith(".xml"):
            return 200, "application/xml", self._sitemap(name, site, rest, base), {}
        story = site.stories.get(rest)
        if story is None:
            return 404, "text/plain", b"not found", {}
        time.sleep(story.delay)
        if story.status != 200:
            return story.status, "text/plain", b"gone", {}
        body = page(story, self.most_read).encode()
        if not story.etag:
            return 200, "text/html; charset=utf-8", body, {}
        # of the story alone, as a CMS tags its article: new furniture keeps the tag
        tag = '"' + hashlib.sha1(page(story, []).encode()).hexdigest()[:16] + '"'
        if etag == tag:
            return 304, "text/html; charset=utf-8", b"", {"ETag": tag}
        return 200, "text/html; charset=utf-8", body, {"ETag": tag}

    def _feed(self, name: str, site: Site, base: str | None) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(site.stories[p].title)}</title>"
            f"<link>{self.url(f'{name}/{p}', base)}</link></item>"
            for p in site.feed
            if p in site.stories
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
            f"{items}</channel></rss>"
        ).encode()

    def _sitemap_index(self, name: str, site: Site, base: str | None) -> bytes:
        count = -(-len(site.stories) // SITEMAP_SIZE)
        children = "".join(
            f"<sitemap><loc>{self.url(f'{name}/sitemap-{n}.xml', base)}</loc></sitemap>"
            for n in range(count)
        )
        return (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{children}</sitemapindex>'
        ).encode()

    def _sitemap(self, name: str, site: Site, rest: str, base: str | None) -> bytes:
        number = int(rest.removeprefix("sitemap-").removesuffix(".xml"))
        paths = sorted(site.stories)[number * SITEMAP_SIZE : (number + 1) * SITEMAP_SIZE]
        urls = "".join(
            f"<url><loc>{self.url(f'{name}/{p}', base)}</loc>{_lastmod(site.stories[p])}</url>"
            for p in paths
        )
        return (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>"
        ).encode()


def _lastmod(story: Story) -> str:
    return f"<lastmod>{story.lastmod}</lastmod>" if story.lastmod else ""


def page(story: Story, most_read: list[str]) -> str:
    """The story's page: the article, and furniture around it (navigation, most read)."""
    title = html.escape(story.title)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    reads = "".join(
        f'<li><a href="/other/{n}">{html.escape(t)}</a></li>' for n, t in enumerate(most_read)
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Watch Times</title><meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-12-01T09:33:00+00:00"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {html.escape(story.author)}</p>
{paragraphs}
</article><aside class="most-read"><h2>Most read</h2><ol>{reads}</ol></aside></main>
<footer>© Watch Times</footer></body></html>"""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    newsroom: Newsroom


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        host, port = self.server.server_address[:2]
        status, kind, body, headers = self.server.newsroom.answer(
            self.path, self.headers.get("If-None-Match"), f"http://{host}:{port}"
        )
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(newsroom: Newsroom, host: str = "127.0.0.1") -> Iterator[Newsroom]:
    """``newsroom`` served on ``host`` (a loopback address; its ``port`` set) until the
    block ends."""
    server = _Server((host, 0), _Handler)
    server.newsroom = newsroom
    newsroom.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield newsroom
    finally:
        server.shutdown()
        server.server_close()
