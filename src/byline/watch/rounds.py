"""One round of ``byline watch``: read the listings, watch the new URLs, visit what is due.

A round reads every feed and sitemap (through ``byline.pipeline.discover``, in a
few threads sharing one polite crawl session), adds the URLs it has not seen to
the corpus's watch list (due at once), then visits every URL due: conditionally
(ETag, Last-Modified), politely (``byline.pipeline.crawl``: robots.txt, per-host
delay and concurrency), extracting each page as ``byline run`` does. Each visit
is one transaction (``byline.store.visits``): a new version, a sighting, a 304,
a removal (404, 410) or a miss, with the next visit the schedule gives.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from byline.pipeline import discover
from byline.pipeline.crawl import Crawler, CrawlSettings, Validators, Visit
from byline.pipeline.pages import Page, Skipped
from byline.pipeline.worker import DEFAULT_PAGE_TIME_LIMIT, RECORD, process
from byline.record import Record, record_row
from byline.store import Store
from byline.store import visits as state
from byline.store.versions import TIME_FORMAT, now
from byline.watch.schedule import Schedule
from byline.watch.sites import Listing

log = logging.getLogger(__name__)

LISTING_THREADS = 8
"""Listings read at once: their fetches wait on the network, and on each host's turn."""
NOT_MODIFIED_REASON = "http-304"


@dataclass(slots=True)
class RoundStats:
    """What one round did."""

    listings: int = 0
    listing_errors: int = 0
    new_urls: int = 0
    visited: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    """Visits by what they gave: new version, unchanged, not modified, removed, or why none."""
    seconds: float = 0.0
    stopped: bool = False
    """The round was stopped before its last due visit (SIGTERM, Ctrl-C)."""

    def count(self, outcome: str) -> None:
        self.visited += 1
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def line(self) -> str:
        """The round in one line."""
        main = (
            state.NEW_ARTICLE,
            state.NEW_VERSION,
            state.UNCHANGED,
            state.NOT_MODIFIED,
            state.REMOVED,
        )
        shown = [f"{self.outcomes.get(name, 0)} {name}" for name in main]
        others = sum(n for name, n in self.outcomes.items() if name not in main)
        return (
            f"{self.listings} listings ({self.listing_errors} unreadable), "
            f"{self.new_urls} new URLs, {self.visited} visits: {', '.join(shown)}, "
            f"{others} failed; {self.seconds:.1f} s" + (" (stopped)" if self.stopped else "")
        )


def _never() -> bool:
    return False


def _ignore(done: int, due: int) -> None:
    pass


class Watcher:
    """Rounds of visits into one corpus."""

    def __init__(
        self,
        store: Store,
        listings: list[Listing],
        schedule: Schedule,
        settings: CrawlSettings | None = None,
        page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT,
    ) -> None:
        self.conn = store.connection
        self.listings = listings
        self.schedule = schedule
        self.schedules = {listing.url: listing.revisit for listing in listings if listing.revisit}
        """The listings' own schedules, by listing URL."""
        self.settings = settings or CrawlSettings()
        self.page_time_limit = page_time_limit

    def round(
        self, stop: Callable[[], bool] = _never, on_visit: Callable[[int, int], None] = _ignore
    ) -> RoundStats:
        """One round; ``stop`` is asked after each visit (the visit at hand is finished),
        ``on_visit`` told the visits done and due."""
        stats = RoundStats(listings=len(self.listings))
        started = time.monotonic()
        with Crawler(self.settings) as crawler:
            found = self._listed(crawler, stats)
            stats.new_urls = state.listed(self.conn, found, now())
            due = state.due(self.conn, now())
            asked = ((d.url, Validators(d.etag, d.last_modified)) for d in due)
            for entry, visit in zip(due, crawler.visits(asked), strict=False):
                stats.count(self._record(entry, visit))
                on_visit(stats.visited, len(due))
                if stop():
                    stats.stopped = stats.visited < len(due)
                    break
        stats.seconds = time.monotonic() - started
        return stats

    def _listed(self, crawler: Crawler, stats: RoundStats) -> list[state.Listed]:
        """Every URL of the listings (with its sitemap ``lastmod``); an unreadable listing
        is logged and counted (the round goes on with the others)."""

        def read(listing: Listing) -> list[state.Listed] | None:
            try:
                if listing.kind == "feed":
                    urls = discover.feed_links(crawler, listing.url)
                    return [state.Listed(url, listing.url) for url in urls]
                entries = discover.sitemap_entries(crawler, listing.url)
                return [state.Listed(e.url, listing.url, utc(e.lastmod)) for e in entries]
            except discover.DiscoveryError as error:
                log.warning("could not read the %s %s", listing.kind, error)
                return None

        with ThreadPoolExecutor(LISTING_THREADS) as pool:
            read_all = list(pool.map(read, self.listings))
        stats.listing_errors = read_all.count(None)
        return [entry for entries in read_all if entries for entry in entries]

    def _record(self, entry: state.Due, visit: Visit) -> str:
        """The visit written to the corpus; what it gave."""
        when = now()
        upcoming = self._next_visit(entry, when)
        item = visit.item
        validators = (visit.validators.etag, visit.validators.last_modified)
        if isinstance(item, Skipped) and item.reason == NOT_MODIFIED_REASON:
            return state.not_modified(self.conn, entry.url, when, upcoming, validators)
        if isinstance(item, Skipped) and item.reason in state.GONE_STATUSES:
            return state.gone(self.conn, entry.url, when, item.reason)
        if not isinstance(item, Page):
            return state.missed(self.conn, entry.url, when, upcoming, item.reason)
        outcome = process(item, self.page_time_limit)
        if outcome.status != RECORD or outcome.article is None:
            return state.missed(self.conn, entry.url, when, upcoming, outcome.status)
        row = record_row(outcome.id, outcome.source, None, outcome.article)
        record = Record.from_dict(row)
        return state.fetched(self.conn, entry.url, record, when, upcoming, validators)

    def _next_visit(self, entry: state.Due, when: str) -> str | None:
        schedule = self.schedules.get(entry.listing or "", self.schedule)
        upcoming = schedule.next_visit(_moment(entry.first_seen), _moment(when))
        return None if upcoming is None else upcoming.strftime(TIME_FORMAT)


def rounds(
    watcher: Watcher,
    every: float,
    stop: Callable[[], bool],
    on_visit: Callable[[int, int], None] = _ignore,
) -> Iterator[RoundStats]:
    """Rounds every ``every`` seconds (from the start of one to the start of the next)
    until ``stop``; each round's stats as it ends."""
    while not stop():
        started = time.monotonic()
        yield watcher.round(stop, on_visit)
        while not stop() and time.monotonic() - started < every:
            time.sleep(min(1.0, every))


def utc(moment: str | None) -> str | None:
    """A W3C datetime (``2024-03-14``, ``2024-03-14T11:02:00+01:00``) as the store writes
    times, in UTC (a day as its midnight; no offset read as UTC); None if unreadable."""
    if not moment:
        return None
    try:
        return _moment(moment.strip()).astimezone(UTC).strftime(TIME_FORMAT)
    except (ValueError, OverflowError):  # (year 1 at +01:00 is before year 1 in UTC)
        return None


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
