"""The web server under load: ``python -m bench.web_load``.

Builds a corpus of the development pages (``byline run`` then ``Store.ingest_jsonl``),
starts ``byline serve`` on it on 127.0.0.1 in a child process, and sends
``GET /api/search`` requests (two title words, every fourth with a ``since``
filter) from ``--clients`` keep-alive connections at once, ``--requests`` per
level, each level stopped after ``--seconds``. Reports requests per second and
the median and 95th percentile latency per level, and writes its section of
``docs/benchmarks.md``. The client is a few lines of asyncio on raw sockets, so
it takes little of the machine's time away from the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from bench.__main__ import _machine
from bench.corpus import DEFAULT_CORPUS
from bench.report import write_section
from byline.pipeline import run
from byline.store import Store

ROOT = Path(__file__).resolve().parent.parent
LEVELS = (10, 50, 200)
"""Concurrent clients per level."""
REQUESTS_PER_LEVEL = 2_000
LEVEL_SECONDS = 60.0
"""A level stops sending after this long, whatever it has left (a slow server ends the run)."""
WARM_UP_REQUESTS = 200
STARTUP_SECONDS = 30.0
QUERY_COUNT = 100
MIN_WORD = 4
"""Query words are at least this long: what people type, not "the" or "of"."""
SINCE = "2020-01-01"
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")


@dataclass(slots=True)
class Level:
    clients: int
    sent: int
    failed: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.sent / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=REQUESTS_PER_LEVEL, help="per level")
    parser.add_argument("--clients", type=int, nargs="+", default=list(LEVELS))
    parser.add_argument("--seconds", type=float, default=LEVEL_SECONDS, help="cap per level")
    parser.add_argument("--db", type=Path, help="serve this corpus (default: build one)")
    parser.add_argument(
        "--serve-args", default="", help="extra byline serve arguments, e.g. '--workers 1'"
    )
    parser.add_argument("--out", type=Path, help="write docs/benchmarks.md here (default: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or _build_corpus(Path(scratch))
        with Store(db, readonly=True) as store:
            articles = store.count()
        queries = _queries(db)
        with _Server(db, args.serve_args.split()) as server:
            asyncio.run(_level(server.port, queries, 10, WARM_UP_REQUESTS, args.seconds))
            levels = [
                asyncio.run(_level(server.port, queries, clients, args.requests, args.seconds))
                for clients in args.clients
            ]
    report = _report(levels, args.serve_args, articles)
    print(report)
    if args.out:
        write_section(args.out / "benchmarks.md", "web-load", report)


def _build_corpus(scratch: Path) -> Path:
    records, db = scratch / "records.jsonl", scratch / "corpus.db"
    run([str(DEFAULT_CORPUS / "html")], records, workers=os.cpu_count() or 1)
    with Store(db) as store:
        store.ingest_jsonl(records)
    return db


def _queries(db: Path) -> list[str]:
    """``/api/search`` paths: two words of a stored title, every fourth with a date filter."""
    with Store(db, readonly=True) as store:
        titles = [hit.title or "" for hit in store.search("", limit=1_000).hits]
    rng = random.Random(17)
    paths = []
    for n in range(QUERY_COUNT):
        words = _WORD.findall(rng.choice(titles)) or ["news"]
        params = {"q": " ".join(rng.sample(words, min(2, len(words))))}
        if n % 4 == 3:
            params["since"] = SINCE
        paths.append("/api/search?" + urlencode(params))
    return paths


class _Server:
    """``byline serve DB`` on a free port of 127.0.0.1, for a ``with`` block."""

    def __init__(self, db: Path, extra: list[str]) -> None:
        self.port = _free_port()
        command = [sys.executable, "-m", "byline", "serve", str(db), "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, *extra],
            stdout=subprocess.DEVNULL,  # the access log
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def __enter__(self) -> _Server:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/search", timeout=5):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"byline serve did not answer within {STARTUP_SECONDS:.0f} s")

    def __exit__(self, *_: object) -> None:
        os.killpg(self.process.pid, signal.SIGINT)  # the server and any workers it started
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _level(port: int, paths: list[str], clients: int, count: int, seconds: float) -> Level:
    """``count`` requests from ``clients`` connections at once, for at most ``seconds``."""
    latencies: list[float] = []
    failed = 0
    next_request = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def client() -> None:
        nonlocal failed, next_request
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while next_request < count and time.perf_counter() < deadline:
                path = paths[next_request % len(paths)]
                next_request += 1
                sent = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                status = await _response_status(reader)
                latencies.append(1000 * (time.perf_counter() - sent))
                failed += status != 200
        finally:
            writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    return Level(clients, len(latencies), failed, elapsed, latencies)


async def _response_status(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (with a Content-Length) and return its status."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    length = re.search(r"(?im)^content-length:\s*(\d+)", head)
    await reader.readexactly(int(length[1]) if length else 0)
    return int(head.split(" ", 2)[1])


def _report(levels: list[Level], serve_args: str, articles: int) -> str:
    command = f"byline serve CORPUS.db {serve_args}".strip()
    rows = [
        f"| {level.clients} | {level.sent} | {level.failed} | {level.per_second:.0f}"
        f" | {level.percentile(0.5):.0f} | {level.percentile(0.95):.0f}"
        f" | {statistics.fmean(level.latencies_ms or [0]):.0f} |"
        for level in levels
    ]
    return "\n".join(
        [
            "## Web server under load (`python -m bench.web_load`)",
            "",
            f"`{command}` on 127.0.0.1 over the {articles} records of the development pages;"
            " `GET /api/search` (two title words, every fourth with `since`), the client"
            " (asyncio, keep-alive connections) on the same machine."
            f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {_machine()}.",
            "",
            "| clients | requests | failed | requests/s | p50 ms | p95 ms | mean ms |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


if __name__ == "__main__":
    main()
