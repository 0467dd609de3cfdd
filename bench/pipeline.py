"""The pipeline benchmark: ``python -m bench.pipeline``.

Builds a WARC of synthetic article pages and of our own sample pages, then
measures, in one run: plain single-process extraction speed (``byline.extract``
in a loop: the ceiling), and ``byline.pipeline.run`` on the WARC with 1 and 2
(or ``--workers``) worker processes: pages per second, efficiency against
``workers x`` the single-process speed, the scaling ratio, and the peak
resident memory of each worker and of the main process. Writes its section of
``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import byline
from bench.report import write_section
from bench.synthetic import corpus, write_warc
from byline.pipeline import dedup, run
from byline.pipeline.pages import Page
from byline.pipeline.warc import read_archive

ROOT = Path(__file__).resolve().parent.parent
OWN_PAGES = sorted((ROOT / "samples").glob("*.html")) + sorted(
    (ROOT / "tests/fixtures").glob("*.html")
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1200, help="synthetic pages in the WARC")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        warc = Path(scratch) / "bench.warc.gz"
        write_warc(warc, _pages(args.pages))
        count, single, extra_ms = _single_process_speed(warc)
        side_by_side = _side_by_side_speed(warc, max(args.workers))
        results = [(n, *_pipeline_speed(warc, Path(scratch), n)) for n in args.workers]
    report = _report(count, single, extra_ms, side_by_side, results)
    write_section(args.out / "benchmarks.md", "pipeline", report)
    print(report)


def _pages(count: int) -> Iterator[tuple[str, bytes]]:
    """Synthetic pages, then our own pages five times each (streamed: memory stays flat)."""
    yield from corpus(count)
    for n in range(5):
        for path in OWN_PAGES:
            yield f"https://own.example.org/{n}/{path.stem}", path.read_bytes()


def _single_process_speed(warc: Path) -> tuple[int, float, float]:
    """Pages in the WARC, pages per second of ``byline.extract`` on them in a loop (the time
    to read the WARC not counted), and the milliseconds per page a worker spends beyond
    that: the record's de-duplication signature and its dict."""
    count, spent, extra = 0, 0.0, 0.0
    for page in read_archive(str(warc)):
        if not isinstance(page, Page):
            continue
        count += 1
        started = time.perf_counter()
        try:
            article = byline.extract(page.content, url=page.url, charset=page.charset)
        except byline.ExtractionError:
            spent += time.perf_counter() - started
            continue
        extracted = time.perf_counter()
        dedup.signature(article.canonical_url or article.url, article.body or "")
        article.to_dict()
        spent += extracted - started
        extra += time.perf_counter() - extracted
    return count, count / spent, 1000 * extra / max(count, 1)


def _side_by_side_speed(warc: Path, processes: int) -> tuple[int, float]:
    """How many times one loop's speed ``processes`` plain extraction loops reach when they
    run at once, each in a fresh process on the whole WARC (one loop measured the same way):
    what the machine allows without any pipeline."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        alone = pool.map(_loop_speed, [str(warc)])[0]
    with context.Pool(processes) as pool:
        together = sum(pool.map(_loop_speed, [str(warc)] * processes))
    return processes, together / alone


def _loop_speed(warc: str) -> float:
    return _single_process_speed(Path(warc))[1]


def _pipeline_speed(warc: Path, scratch: Path, workers: int) -> tuple[float, float, float, float]:
    """Pages per second, main-process CPU ms per page, peak MB of the busiest worker and
    of the main process."""
    sampler = _PeakMemory()
    sampler.start()
    cpu = time.process_time()
    started = time.perf_counter()
    summary = run([str(warc)], scratch / f"out-{workers}.jsonl", workers=workers, overwrite=True)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    sampler.stop()
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = summary.records + summary.no_article + summary.errors
    return pages / elapsed, 1000 * cpu / pages, sampler.peak_worker_mb, main_mb


class _PeakMemory(threading.Thread):
    """Samples the peak resident memory (VmHWM) of every process descended from this one."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self.running = True

    def run(self) -> None:
        while self.running:
            for pid in _descendants(os.getpid()):
                peak = _vm_hwm_mb(pid)
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), peak)
            time.sleep(0.1)

    def stop(self) -> None:
        self.running = False
        self.join()

    @property
    def peak_worker_mb(self) -> float:
        return max(self.peaks.values(), default=0.0)


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def _report(
    pages: int,
    single: float,
    extra_ms: float,
    side_by_side: tuple[int, float],
    results: list[tuple[int, float, float, float, float]],
) -> str:
    from bench.__main__ import _machine

    lines = [
        "## Pipeline: `byline run` on a WARC",
        "",
        f"Generated by `python -m bench.pipeline`: a gzipped WARC of {pages} pages (synthetic",
        "article pages, a tenth of them syndicated copies, and our own sample pages), run",
        "into JSON Lines with de-duplication, against `byline.extract` in a plain loop in",
        f"one process ({single:.0f} pages/s here: the ceiling per worker).",
        f"Machine: {_machine()}.",
        "",
        "| workers | pages/s | of workers x single-process | main process CPU ms/page "
        "| peak MB per worker | peak MB main process |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for workers, speed, main_cpu, worker_mb, main_mb in results:
        lines.append(
            f"| {workers} | {speed:.0f} | {speed / (single * workers):.0%} | {main_cpu:.2f} | "
            f"{worker_mb:.0f} | {main_mb:.0f} |"
        )
    speeds = {workers: speed for workers, speed, *_ in results}
    if 1 in speeds and 2 in speeds:
        lines += ["", f"Scaling from 1 to 2 workers: {speeds[2] / speeds[1]:.2f}x."]
    processes, ceiling = side_by_side
    lines += [
        "",
        f"The machine's own ceiling: {processes} plain extraction loops at once, each in a",
        f"process of its own with no pipeline, reach {ceiling:.2f}x the speed of one loop",
        "run the same way. Besides extracting, a worker computes each record's",
        f"de-duplication signature and dict ({extra_ms:.2f} ms/page here, against",
        f"{1000 / single:.2f} ms/page for `byline.extract`), and the main process's work",
        "(reading the WARC, journal, de-duplication index, output) shares the cores.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
