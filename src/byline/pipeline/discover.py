"""Article URLs from sitemaps and news feeds, to feed ``byline run``.

``sitemap_urls`` reads a sitemap: a ``<urlset>`` (Google News sitemaps
included), a ``<sitemapindex>`` and its children, gzipped or not; or a site
root / robots.txt URL, whose ``Sitemap:`` lines are read. ``feed_urls`` reads
RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Both fetch through ``crawl.Crawler``
(robots.txt, user agent, per-host delay, timeout, ``max_bytes`` cap) and yield
each URL once, in document order, at most ``MAX_URLS``.

XML is parsed without resolving entities or touching the network (no XXE, no
billion laughs), in recover mode: a malformed document yields what can be read
and a warning is logged. The document asked for must be readable, or
``DiscoveryError`` says why; a broken sitemap it leads to (an index child, a
robots.txt ``Sitemap:`` line) is logged and skipped, so that one bad child does
not lose all the others.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree

from byline.pipeline.crawl import (
    Crawler,
    CrawlError,
    CrawlSettings,
    describe_size,
    distinct,
    distinct_by,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_URLS = 1_000_000  # per call; the sitemap protocol allows 50 000 per file
MAX_SITEMAP_DEPTH = 5  # index in index...: deeper is a loop or a mistake
GZIP_MAGIC = b"\x1f\x8b"
SITE_ENTRY_PATHS = ("", "/", "/robots.txt")  # URLs whose robots.txt names the sitemaps


class DiscoveryError(Exception):
    """A sitemap or feed could not be read; the message names the URL and the reason."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A page a sitemap lists, and when the sitemap says it last changed."""

    url: str
    lastmod: str | None
    """The ``<lastmod>`` text as given (W3C datetime: ``2024-03-14``,
    ``2024-03-14T11:02:00+00:00``), if any."""


def sitemap_urls(url: str, settings: CrawlSettings | None = None) -> Iterator[str]:
    """The page URLs listed by the sitemap at ``url`` (or by a site's sitemaps)."""
    with Crawler(settings) as crawler:
        yield from sitemap_links(crawler, url)


def feed_urls(url: str, settings: CrawlSettings | None = None) -> Iterator[str]:
    """The article links of the RSS or Atom feed at ``url``, made absolute."""
    with Crawler(settings) as crawler:
        yield from feed_links(crawler, url)


def sitemap_links(crawler: Crawler, url: str) -> Iterator[str]:
    """``sitemap_urls`` through a crawl session of the caller's."""
    return (entry.url for entry in sitemap_entries(crawler, url))


def sitemap_entries(crawler: Crawler, url: str) -> Iterator[SitemapEntry]:
    """``sitemap_links`` with each page's ``<lastmod>`` (``byline watch`` visits a page
    again when its sitemap says it changed)."""
    if urlsplit(url).path in SITE_ENTRY_PATHS:
        pages = _sitemaps_pages(crawler, _robots_sitemaps(crawler, url), 0, set())
    else:
        pages = _sitemap_pages(crawler, url, 0, {url})
    yield from _at_most_max_urls(distinct_by(pages, _entry_url), url)


def feed_links(crawler: Crawler, url: str) -> Iterator[str]:
    """``feed_urls`` through a crawl session of the caller's."""
    root = _xml_root(crawler, url)
    kind = _local_name(root)
    if kind in ("rss", "RDF"):
        links = (_rss_item_link(item) for item in root.iter("{*}item"))
    elif kind == "feed":
        links = (_atom_entry_link(entry) for entry in root.iter("{*}entry"))
    else:
        raise DiscoveryError(f"{url}: not an RSS or Atom feed (the document is <{kind}>)")
    yield from _at_most_max_urls(distinct(_present_links(links, url)), url)


def _robots_sitemaps(crawler: Crawler, url: str) -> list[str]:
    try:
        sitemaps = crawler.robots_sitemaps(url)
    except CrawlError as error:
        raise DiscoveryError(f"{url}: {error}") from None
    if not sitemaps:
        raise DiscoveryError(f"{url}: robots.txt names no sitemap (no Sitemap: line)")
    return sitemaps


def _sitemap_pages(
    crawler: Crawler, url: str, depth: int, visited: set[str]
) -> Iterator[SitemapEntry]:
    """The pages of the sitemap at ``url``, its index children's included."""
    root = _xml_root(crawler, url)
    kind = _local_name(root)
    if kind == "urlset":
        for element in root.iter("{*}url"):
            lastmod = next((_text(e) for e in element.iterchildren("{*}lastmod")), "")
            yield from (SitemapEntry(loc, lastmod or None) for loc in _locs(element))
    elif kind == "sitemapindex":
        if depth == MAX_SITEMAP_DEPTH:
            raise DiscoveryError(f"{url}: sitemap indexes nested over {MAX_SITEMAP_DEPTH} deep")
        children = (loc for sitemap in root.iter("{*}sitemap") for loc in _locs(sitemap))
        yield from _sitemaps_pages(crawler, children, depth + 1, visited)
    else:
        raise DiscoveryError(f"{url}: not a sitemap (the document is <{kind}>)")


def _sitemaps_pages(
    crawler: Crawler, urls: Iterable[str], depth: int, visited: set[str]
) -> Iterator[SitemapEntry]:
    """The pages of sitemaps ``urls``, each read once; a broken one is logged, skipped."""
    for url in urls:
        if url in visited:
            continue
        visited.add(url)
        try:
            yield from _sitemap_pages(crawler, url, depth, visited)
        except DiscoveryError as error:
            log.warning("skipping a sitemap: %s", error)


def _xml_root(crawler: Crawler, url: str) -> etree._Element:
    """The root element of the XML document at ``url``: fetched, un-gzipped, safely parsed."""
    try:
        document = crawler.document(url)
    except CrawlError as error:
        raise DiscoveryError(f"{url}: {error}") from None
    return _parse_xml(_gunzipped(document.content, crawler.settings.max_bytes, url), document.url)


def _gunzipped(content: bytes, limit: int, url: str) -> bytes:
    """``content`` uncompressed if it is gzip data (whatever the name says), up to ``limit``."""
    if not content.startswith(GZIP_MAGIC):
        return content
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # 16+: expect a gzip header
    try:
        data = inflater.decompress(content, limit + 1)
    except zlib.error as error:
        raise DiscoveryError(f"{url}: broken gzip data ({error})") from None
    if len(data) > limit:
        raise DiscoveryError(f"{url}: larger than {describe_size(limit)} uncompressed")
    if not inflater.eof:
        log.warning("%s: gzip data cut short; reading what came", url)
    return data


def _parse_xml(content: bytes, url: str) -> etree._Element:
    """The root of the XML ``content``, parsed safely; recovers from errors when it can."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        recover=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(content, parser, base_url=url)
    except etree.XMLSyntaxError as error:
        raise DiscoveryError(f"{url}: not XML ({error})") from None
    if root is None:
        raise DiscoveryError(f"{url}: not XML")
    if parser.error_log:
        first = parser.error_log[0]
        log.warning(
            "%s: malformed XML (line %d: %s); reading what could be recovered",
            url,
            first.line,
            first.message,
        )
    return root


def _local_name(element: etree._Element) -> str:
    """The element's name without its namespace, or without a prefix no ``xmlns`` declares
    (``<tps:urlset>``: a recovering parse keeps the prefix in the name)."""
    return str(element.tag).rpartition("}")[2].rpartition(":")[2]


def _locs(element: etree._Element) -> Iterator[str]:
    """The ``<loc>`` texts of a ``<url>`` or ``<sitemap>`` element (any namespace).

    Only a ``<loc>`` right under it counts, not ``<image:loc>`` of an image sitemap.
    """
    for loc in element.iterchildren("{*}loc"):
        if text := _text(loc):
            yield text


def _entry_url(entry: SitemapEntry) -> str:
    return entry.url


def _rss_item_link(item: etree._Element) -> str | None:
    """An RSS item's article URL: its ``<link>``, else its permalink ``<guid>``."""
    for link in item.iterchildren("{*}link"):
        if text := _text(link):
            return _joined(link.base, text)
    for guid in item.iterchildren("{*}guid"):
        text = _text(guid)
        # isPermaLink defaults to true, yet many feeds leave ids like "1234" unmarked
        if guid.get("isPermaLink", "true").lower() != "false" and text.startswith("http"):
            return text
    return None


def _atom_entry_link(entry: etree._Element) -> str | None:
    """An Atom entry's article URL: its ``rel="alternate"`` link (the default), else its
    first link."""
    links = [link for link in entry.iterchildren("{*}link") if link.get("href", "").strip()]
    if not links:
        return None
    alternate = (link for link in links if link.get("rel", "alternate") == "alternate")
    chosen = next(alternate, links[0])
    return _joined(chosen.base, chosen.get("href", "").strip())


def _joined(base: str | None, link: str) -> str:
    """``link`` made absolute against ``base``; as it is when it is no URL that can be joined
    ("http://[broken"): the crawl then says what is wrong with it, in the errors file."""
    try:
        return urljoin(base or "", link)
    except ValueError:
        return link


def _present_links(links: Iterable[str | None], url: str) -> Iterator[str]:
    """The links that are there; how many items had none is logged."""
    missing = 0
    for link in links:
        if link is None:
            missing += 1
        else:
            yield link
    if missing:
        log.warning("%s: %d feed items without a link", url, missing)


def _at_most_max_urls(urls: Iterable[T], source: str) -> Iterator[T]:
    for count, url in enumerate(urls):
        if count == MAX_URLS:
            log.warning("%s: stopping at %d URLs", source, MAX_URLS)
            return
        yield url


def _text(element: etree._Element) -> str:
    return "".join(element.itertext()).strip()
