"""The ``byline watch`` load test: ``python -m bench.watch [--sites N] [--items M]``.

A ``bench.newsroom`` of N sites (a feed of M stories each; every story sends an
ETag, as a CMS does) runs in a child process on 127.0.0.1; the watch runs here,
into a fresh corpus, with no host delay. Round 1 fetches every story; before each
later round a tenth of the stories gain a paragraph (the rest answer 304). It
measures pages per second per round, the watch's peak memory, and the database
bytes each version costs. Writes its section of ``docs/benchmarks.md``.

The sites are path prefixes of the newsroom, served on ``HOSTS`` loopback addresses
(127.0.0.1, 127.0.0.2...; site N on address N mod ``HOSTS``): the watch takes one host
at a time per address, as it would with real sites.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import resource
import sqlite3
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from bench.__main__ import _machine
from bench.newsroom import PARAGRAPHS, Newsroom, Site, Story, serve
from bench.report import write_section
from byline.pipeline.crawl import CrawlSettings
from byline.store import Store
from byline.watch.rounds import RoundStats, Watcher
from byline.watch.schedule import Schedule
from byline.watch.sites import Listing

ROOT = Path(__file__).resolve().parent.parent
CHANGED_SHARE = 10
"""One story in this many gains a paragraph before each round after the first."""
SETTINGS = CrawlSettings(per_host_delay=0.0, retries=0, concurrency=16)
HOSTS = 16
"""Loopback addresses the newsroom answers on: as many as the watch's concurrency."""
EVERY_ROUND = Schedule.parse("0s:1d")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--items", type=int, default=50, help="stories per site's feed")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print, do not write docs")
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_newsroom, args=(child, args.sites, args.items))
    server.start()
    bases = parent.recv()
    try:
        report = _measure(parent, bases, args.sites, args.items, args.rounds)
    finally:
        parent.send("stop")
        server.join()
    print(report)
    if not args.no_write:
        write_section(ROOT / "docs" / "benchmarks.md", "watch", report)


def _newsroom(commands: Connection, sites: int, items: int) -> None:
    """The newsroom, served until told to stop; "change" edits a tenth of the stories."""
    room = Newsroom(
        {
            f"site{s}": Site(
                stories={
                    f"news/{n}": Story(
                        f"Story {n} of site {s}",
                        [f"Site {s}, story {n}: {p}" for p in PARAGRAPHS],
                        etag=True,
                    )
                    for n in range(items)
                },
                feed=[f"news/{n}" for n in range(items)],
            )
            for s in range(sites)
        }
    )
    with contextlib.ExitStack() as stack:
        bases = []
        for n in range(HOSTS):
            host = f"127.0.0.{n + 1}"
            stack.enter_context(serve(room, host))
            bases.append(f"http://{host}:{room.port}")
        commands.send(bases)
        changes = 0
        while (command := commands.recv()) != "stop":
            assert command == "change"
            changes += 1
            for site in room.sites.values():
                for n, story in enumerate(site.stories.values()):
                    if n % CHANGED_SHARE == 0:
                        story.paragraphs.append(f"Update {changes}: the story goes on.")
            commands.send("changed")


def _measure(commands: Connection, bases: list[str], sites: int, items: int, rounds: int) -> str:
    listings = [Listing("feed", f"{bases[s % len(bases)]}/site{s}/feed.xml") for s in range(sites)]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "corpus.db"
        done: list[RoundStats] = []
        sizes = []
        with Store(db) as store:
            watcher = Watcher(store, listings, EVERY_ROUND, SETTINGS)
            for number in range(rounds):
                if number:
                    commands.send("change")
                    commands.recv()
                done.append(watcher.round())
                store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                sizes.append(db.stat().st_size)
                print(f"round {number + 1}: {done[-1].line()}", flush=True)
        with sqlite3.connect(db) as conn:
            versions, deltas, delta_bytes = conn.execute(
                "SELECT count(*), count(delta), coalesce(sum(length(delta)), 0) FROM versions"
            ).fetchone()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return _report(sites, items, done, sizes, versions, deltas, delta_bytes, peak)


def _report(
    sites: int,
    items: int,
    done: list[RoundStats],
    sizes: list[int],
    versions: int,
    deltas: int,
    delta_bytes: int,
    peak_mb: float,
) -> str:
    rows = []
    for number, (stats, size) in enumerate(zip(done, sizes, strict=True), 1):
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(stats.outcomes.items()))
        rate = stats.visited / stats.seconds if stats.seconds else 0.0
        rows.append(
            f"| {number} | {stats.visited} | {outcomes} | {stats.seconds:.1f} | {rate:.0f} |"
            f" {size / 2**20:.1f} |"
        )
    later_versions = versions - done[0].visited
    growth = (sizes[-1] - sizes[0]) / later_versions if later_versions else 0.0
    return "\n".join(
        [
            "## `byline watch`: one corpus kept current",
            "",
            f"`python -m bench.watch --sites {sites} --items {items}` ({time.strftime('%Y-%m-%d')},"
            f" {_machine()}; pure Python, the watch and the test site's server sharing the"
            f" machine; the sites on {HOSTS} loopback addresses). Every story sends an ETag;"
            " before each round after the first a tenth of them gain a paragraph, the others"
            " answer 304.",
            "",
            "| round | visits | outcomes | seconds | visits per second | database MB |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"- {versions} versions of {done[0].visited} articles; the {deltas} older versions"
            f" are stored as compressed reverse deltas of {delta_bytes / max(deltas, 1):.0f}"
            " bytes each on average (the latest version is the stored record itself).",
            f"- The database grew by {growth / 1024:.1f} KB per version after round 1 (deltas,"
            " version rows, the replaced record's rows and full-text index entries).",
            f"- Peak memory of the watching process: {peak_mb:.0f} MB.",
        ]
    )


if __name__ == "__main__":
    main()
