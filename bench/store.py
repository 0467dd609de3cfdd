"""The corpus store benchmark: ``python -m bench.store``.

Builds a store of synthetic records (``Record.to_dict()`` rows made directly,
bodies from ``bench.synthetic.article_text``: ~50 sites, sections, languages,
authors, tags, three years of dates) and measures ingest speed, database size,
and search latency: two-word queries with one filter (a site or a start
date), the same queries without a filter, filters without a query, the
facet counts and histogram the web interface asks for with each search, and
a whole search page view's store calls.
Writes its section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from bench.__main__ import _machine
from bench.report import write_section
from bench.synthetic import OBJECTS, SUBJECTS, SYLLABLES, VERBS, article_text
from byline.record import Record
from byline.store import Store
from byline.store.ingest import BATCH_ROWS
from byline.store.query import RANK_WINDOW
from byline.web.views import PAGE_SIZE

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ["Politics", "Business", "World", "Local", "Sport", "Culture", "Science", "Health"]
LANGUAGES = ["en", "en", "en", "en-GB", "en-US", "de", "fr", "es", "pt-BR", "nl"]
TAGS = (
    "housing transport budget schools water rail harbour pollution elections courts health "
    "energy farming tourism bridges unions police climate taxes hospitals"
).split()
FIRST_NAMES = "Ada Ben Chloe Dev Eva Femi Gus Hana Ivo Jin Kai Lea Mo Nia Omar Pia".split()
SITE_KINDS = ("times", "post", "herald", "courier", "gazette")
SITE_COUNT = 50
AUTHOR_COUNT = 400
START = datetime(2022, 1, 1, tzinfo=UTC)
DAYS = 3 * 365
MIN_QUERY_WORD = 4
"""Query words are at least this long: what people type, not "the" or "of"."""
RECENT_DAYS = 90
WHOLE_CORPUS_CALLS = 20
PAGE_VIEW = "search page view: two words + site or since"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, help="build the store here and keep it")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "corpus.db"
        path.unlink(missing_ok=True)
        ingest_seconds, generate_seconds = _build(path, args.records)
        size = path.stat().st_size
        words = list(queries(args.queries, args.records))
        with Store(path, readonly=True) as store:
            matched = [store.search(q, limit=0).total for q in words]
            latencies = _latencies(store, words)
        latencies[PAGE_VIEW] = [
            _milliseconds(partial(page_view, path, q, _alternate(n))) for n, q in enumerate(words)
        ]
    report = _report(args.records, ingest_seconds, generate_seconds, size, latencies, matched)
    write_section(args.out / "benchmarks.md", "store", report)
    print(report)


def _build(path: Path, count: int) -> tuple[float, float]:
    """Seconds spent ingesting ``count`` records, and generating them."""
    ingesting = generating = 0.0
    with Store(path) as store:
        for first in range(0, count, BATCH_ROWS):
            start = time.perf_counter()
            rows = [record(n) for n in range(first, min(first + BATCH_ROWS, count))]
            generating += time.perf_counter() - start
            start = time.perf_counter()
            store.ingest(map(Record.from_dict, rows))  # as ingest_jsonl reads them
            ingesting += time.perf_counter() - start
    return ingesting, generating  # closing the store checkpointed the WAL into the file


def site(n: int) -> str:
    """Site number ``n`` of ``SITE_COUNT``: a made-up news site host."""
    first, second = SYLLABLES[n % len(SYLLABLES)], SYLLABLES[(7 * n + 3) % len(SYLLABLES)]
    return f"{first}{second}-{SITE_KINDS[n % len(SITE_KINDS)]}.example"


def author(n: int) -> str:
    rng = random.Random(f"author{n}")
    surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {surname}"


def record(n: int) -> dict[str, Any]:
    """Synthetic record ``n`` in the shape of ``Record.to_dict()``."""
    rng = random.Random(n)
    paragraphs = article_text(n)
    body = "\n\n".join(paragraphs)
    host = site(rng.randrange(SITE_COUNT))
    published = START + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(24 * 60))
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    url = f"https://www.{host}/{published:%Y/%m/%d}/story-{n}"
    writers = [author(rng.randrange(AUTHOR_COUNT)) for _ in range(rng.choice((1, 1, 2)))]
    return {
        "id": hashlib.blake2b(str(n).encode(), digest_size=8).hexdigest(),
        "url": url,
        "canonical_url": url,
        "title": title,
        "description": paragraphs[0][:150],
        "published": published.isoformat(),
        "modified": None,
        "section": rng.choice(SECTIONS),
        "tags": rng.sample(TAGS, rng.randint(0, 3)),
        "keywords": [],
        "authors": [{"name": name, "url": None} for name in writers],
        "publisher": {"name": host, "url": None, "logo": None, "email": None},
        "language": rng.choice(LANGUAGES),
        "images": [],
        "main_image": None,
        "body": body,
        "body_html": "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
        "dateline": None,
        "quotes": [{"text": paragraphs[2].split('"')[1], "speaker": None}],
        "word_count": len(body.split()),
        "license": None,
        "speakable": [],
        "provenance": {"title": {"source": "json-ld", "alternatives": []}},
        "source": {"kind": "warc", "warc": "crawl.warc.gz", "offset": 5000 * n, "status": 200},
        "duplicate_of": None,
    }


def queries(count: int, records: int) -> Iterator[str]:
    """Two-word queries: two words of one story of the corpus (common and rare words mix)."""
    rng = random.Random("queries")
    for _ in range(count):
        text = " ".join(article_text(rng.randrange(records)))
        words = sorted({w.strip('.,"-()') for w in text.split()})
        words = [w for w in words if len(w) >= MIN_QUERY_WORD and w.isalpha()]
        yield " ".join(rng.sample(words, 2))


def site_filter(n: int) -> dict[str, Any]:
    return {"site": site(random.Random(n).randrange(SITE_COUNT))}


def since_filter(n: int, last_days: int = DAYS) -> dict[str, Any]:
    """A start date: a random day of the last ``last_days`` of the corpus."""
    offset = DAYS - random.Random(n).randrange(last_days)
    return {"since": (START + timedelta(days=offset)).date()}


def _latencies(store: Store, words: list[str]) -> dict[str, list[float]]:
    """Milliseconds per call, by kind of call."""
    numbered = list(enumerate(words))
    calls: dict[str, list[Callable[[], Any]]] = {
        "two words + site": [partial(store.search, q, **site_filter(n)) for n, q in numbered],
        "two words + since (any day)": [
            partial(store.search, q, **since_filter(n)) for n, q in numbered
        ],
        f"two words + since (one of the last {RECENT_DAYS} days)": [
            partial(store.search, q, **since_filter(n, RECENT_DAYS)) for n, q in numbered
        ],
        "two words, no filter": [partial(store.search, q) for q in words],
        "site, no query (newest first)": [
            partial(store.search, **site_filter(n)) for n in range(len(words))
        ],
        "facets: two words + site or since": [
            partial(store.facets, q, **_alternate(n)) for n, q in numbered
        ],
        "histogram: two words + site or since": [
            partial(store.histogram, q, **_alternate(n)) for n, q in numbered
        ],
        "facets: whole corpus": [store.facets for _ in range(WHOLE_CORPUS_CALLS)],
    }
    return {name: [_milliseconds(call) for call in kind] for name, kind in calls.items()}


def page_view(path: Path, query: str, filters: dict[str, Any]) -> None:
    """What the web interface asks the store for one search page (see ``web.pages``)."""
    with Store(path, readonly=True) as store:
        store.search(query, **filters, limit=PAGE_SIZE)
        store.facets(query, **filters)
        store.histogram(query, **filters)
        store.count()


def _alternate(n: int) -> dict[str, Any]:
    return site_filter(n) if n % 2 == 0 else since_filter(n)


def _milliseconds(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return 1000 * (time.perf_counter() - start)


def _report(
    count: int,
    ingest_seconds: float,
    generate_seconds: float,
    size: int,
    latencies: dict[str, list[float]],
    matched: list[int],
) -> str:
    one_filter = latencies["two words + site"] + latencies["two words + since (any day)"]
    page = latencies[PAGE_VIEW]
    broad = sum(1 for n in matched if n > count / 2) / len(matched)
    broad_ranked = sum(1 for n in matched if n > RANK_WINDOW) / len(matched)
    lines = [
        "## Corpus store: ingest and search",
        "",
        f"Generated by `python -m bench.store` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {_machine()}; SQLite {sqlite3.sqlite_version}.",
        "",
        f"{count:,} synthetic records in the shape of `Record.to_dict()` ({SITE_COUNT} sites,",
        f"{len(SECTIONS)} sections, {len(set(LANGUAGES))} languages, {AUTHOR_COUNT} authors,"
        f" {DAYS // 365} years of dates, bodies from `bench.synthetic.article_text`),",
        f"ingested in batches of {BATCH_ROWS} into a new store.",
        "",
        f"- ingest: **{count / ingest_seconds:,.0f} records/s** ({ingest_seconds:.0f} s;"
        f" making the records took another {generate_seconds:.0f} s)",
        f"- database size: **{size / count * 1000 / 2**20:.1f} MB per 1,000 records**"
        f" ({size / 2**20:,.0f} MB; a record's JSON is {_average_json_kb(count):.1f} KB)",
        "- two-word query with one filter (a site, or a start date on any day), goal p95 under",
        f"  50 ms: p50 **{_percentile(one_filter, 50):.0f} ms**,"
        f" p95 **{_percentile(one_filter, 95):.0f} ms** (each filter apart below)",
        f"- search page view (hits, facets, histogram): p50 **{_percentile(page, 50):.0f} ms**,"
        f" p95 **{_percentile(page, 95):.0f} ms**",
        "",
        f"The {len(matched)} queries are two distinct words of {MIN_QUERY_WORD}+ letters from one"
        " story of the corpus",
        "each. The synthetic vocabulary is small (stock phrases and made-up names), so two",
        f"stock words match most of the corpus: {broad:.0%} of the queries match over half the",
        f"records (median {statistics.median(matched):,.0f} matches). A search returns 20 hits with"
        " snippets and",
        f"the exact total. A query matching over {RANK_WINDOW:,} records within its filters",
        f"ranks its newest {RANK_WINDOW:,} first ({broad_ranked:.0%} of the queries without a"
        " filter do).",
        f"Filters: a site (one of {SITE_COUNT}), a start date (any day of the {DAYS // 365} years,"
        f" or one of",
        f"the last {RECENT_DAYS}). A page view opens the store and asks for a page of hits, the"
        " facets,",
        "the histogram and the corpus size, as the web interface does. Milliseconds per call,",
        "one process, warm cache:",
        "",
        "| call | calls | p50 | p95 | max |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, values in latencies.items():
        lines.append(
            f"| {name} | {len(values)} | {_percentile(values, 50):.1f} |"
            f" {_percentile(values, 95):.1f} | {max(values):.1f} |"
        )
    lines += [
        "",
        "Where the time goes: bm25 scores each ranked match (about a microsecond each), so",
        f"ranking is capped at the newest {RANK_WINDOW:,} matches; counting the matches for the"
        " exact total",
        "takes a few milliseconds more. A site filter leaves only that site's matches to rank,",
        "and records are numbered by publication day, so a date range (and the newest matches)",
        "is a range the full-text index seeks to. Facet counts look up and sort the values of",
        "each match in five tables (a few microseconds a match); when most records of the date",
        "range match, they count the whole range on the value indexes less the records that",
        "do not match, which halves the broadest queries' facets. Facets dominate a page view.",
    ]
    return "\n".join(lines)


def _percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100)[percent - 1]


def _average_json_kb(count: int) -> float:
    sample = range(0, count, max(1, count // 200))
    return statistics.fmean(len(json.dumps(record(n))) for n in sample) / 1024


if __name__ == "__main__":
    main()
