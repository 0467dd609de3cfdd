"""The benchmark: ``python -m bench`` scores and times byline beside its peers.

In one run on the annotated corpus it scores every installed tool (main text
precision/recall/F1 overall and per language; title, author, date and
description accuracy), times every tool on every page in the same process,
interleaved (the order of the tools rotates from page to page so no tool
always runs on a warm or a cold cache), measures each tool's peak memory in a
subprocess of its own, and writes ``docs/benchmarks.md`` and
``docs/benchmarks.png``. Times are also given per quartile of page size (see
``bench.sizes``). ``--pages DIR`` adds a directory of ``.html`` files without
annotations, timed the same way but not scored, reported in a table of its own.
Peers come from ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import DEFAULT_CORPUS, METADATA_FIELDS, SEALED, Page, Score, html_pages, pages
from bench.report import write_section
from bench.sizes import size_table
from bench.tools import TOOLS, Output, available, quiet

LANGUAGE_GROUPS = ("de", "en", "other")
DOCS = Path(__file__).resolve().parent.parent / "docs"
PROFILE_NOTES = Path(__file__).resolve().parent / "profile_notes.md"


@dataclass
class Run:
    """Everything measured for one tool."""

    name: str
    version: str
    overall: Score = field(default_factory=Score)
    by_language: dict[str, Score] = field(default_factory=dict)
    milliseconds: list[float] = field(default_factory=list)
    crashes: int = 0
    peak_mb: float | None = None

    @property
    def ms_per_page(self) -> float:
        return statistics.fmean(self.milliseconds) if self.milliseconds else 0.0


@dataclass
class PageSet:
    """A directory of pages without annotations, timed only: every tool's milliseconds on
    every page, in the order of ``sizes`` (the pages' raw bytes)."""

    directory: Path
    sizes: list[int]
    milliseconds: dict[str, list[float]]
    crashes: dict[str, int]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--tool",
        action="append",
        choices=sorted(TOOLS),
        help="tools to run (default: every installed one)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument(
        "--pages",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="also time the tools on the .html files of DIR (no scores; repeatable)",
    )
    args = parser.parse_args()
    for directory in args.pages:
        if _is_within(directory, SEALED):
            parser.error(f"{SEALED} is sealed: the benchmark does not open it")
    quiet()
    names = [name for name in (args.tool or list(TOOLS)) if available(name)]
    corpus = list(pages(args.corpus))[: args.limit]
    languages = {page.url: _language_group(page) for page in corpus}
    runs = {name: Run(name, available(name) or "?") for name in names}
    started = time.time()
    _warm_up(corpus[:1], names)
    _score_and_time(corpus, languages, runs)
    others = [_time_only(directory, names, args.limit) for directory in args.pages]
    if not args.no_memory:
        for run in runs.values():
            run.peak_mb = _peak_memory(run.name, args.corpus, args.limit)
    elapsed = time.time() - started
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [page.path.stat().st_size for page in corpus]
    report = _report(runs, sizes, languages, elapsed, others)
    write_section(args.out / "benchmarks.md", "extraction", report)
    _chart(runs, args.out / "benchmarks.png")
    print(report)


def _is_within(directory: Path, sealed: Path) -> bool:
    """Whether ``directory`` is ``sealed`` or inside it, judged from the paths alone (nothing
    under ``sealed`` is looked at)."""
    path, root = os.path.abspath(directory), os.path.abspath(sealed)
    return path == root or path.startswith(root + os.sep)


def _language_group(page: Page) -> str:
    """The page's language group (de, en, other) as byline reads it: the page's declaration,
    or its body's words."""
    import byline

    try:
        language = byline.extract(page.read(), url=page.url).language or ""
    except byline.ExtractionError:
        return "other"
    primary = language.split("-")[0].lower()
    return primary if primary in LANGUAGE_GROUPS else "other"


def _warm_up(corpus: list[Page], names: list[str]) -> None:
    """Run every tool once, untimed: its first call imports its modules and builds its
    tables, a cost paid once per process that would otherwise fall on one timed page."""
    for page in corpus:
        for name in names:
            try:
                TOOLS[name](page.read(), page.url, None)
            except Exception:  # a crash is counted on the timed pass
                continue


def _score_and_time(corpus: list[Page], languages: dict[str, str], runs: dict[str, Run]) -> None:
    for index, page in enumerate(corpus):
        html = page.read()
        group = languages[page.url]
        for name in _rotation(list(runs), index):
            run = runs[name]
            spent, result = _timed(name, html, page.url, group if group != "other" else None)
            run.milliseconds.append(spent)
            if result is None:  # a crashing peer scores the page as empty
                run.crashes += 1
            _score(run, group, page, result or Output())


def _score(run: Run, group: str, page: Page, result: Output) -> None:
    for score in (run.overall, run.by_language.setdefault(group, Score())):
        score.add_text(page.annotation, result.get("body"))
        for name in METADATA_FIELDS:
            found = result.get(name)  # (typed ``object``: the key is not a literal)
            score.add_field(
                name, page.annotation.get(name), found if isinstance(found, str) else None
            )


def _time_only(directory: Path, names: list[str], limit: int | None) -> PageSet:
    """Every tool timed on the pages of ``directory``, interleaved as on the corpus."""
    found = list(html_pages(directory))[:limit]
    timed = PageSet(
        directory,
        [page.path.stat().st_size for page in found],
        {name: [] for name in names},
        dict.fromkeys(names, 0),
    )
    for index, page in enumerate(found):
        html = page.read()
        for name in _rotation(names, index):
            spent, result = _timed(name, html, page.url, None)
            timed.milliseconds[name].append(spent)
            timed.crashes[name] += result is None
    return timed


def _rotation(names: list[str], index: int) -> list[str]:
    """The tools in the order they run on page ``index``: it rotates from page to page so
    that no tool always runs on a warm or a cold cache."""
    shift = index % len(names)
    return names[shift:] + names[:shift]


def _timed(name: str, html: bytes, url: str, language: str | None) -> tuple[float, Output | None]:
    """Milliseconds one tool takes on one page, and its output (None if it crashed)."""
    start = time.perf_counter()
    try:
        result: Output | None = TOOLS[name](html, url, language)
    except Exception:  # counted as a crash by the caller
        result = None
    return 1000 * (time.perf_counter() - start), result


def _peak_memory(name: str, corpus: Path, limit: int | None) -> float | None:
    """Peak resident memory (MB) of a fresh process running one tool on the corpus."""
    command = [sys.executable, "-m", "bench.memory", name, "--corpus", str(corpus)]
    if limit:
        command += ["--limit", str(limit)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])["peak_mb"]
    except (IndexError, ValueError, KeyError):
        return None


def _report(
    runs: dict[str, Run],
    sizes: list[int],
    languages: dict[str, str],
    elapsed: float,
    others: list[PageSet],
) -> str:
    reference = runs.get("trafilatura")
    count = len(sizes)
    lines = [
        "## Extraction: byline beside its peers",
        "",
        f"Generated by `python -m bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{count} pages of `../shared/corpus/dev`, in {elapsed / 60:.1f} minutes.",
        f"Machine: {_machine()}.",
        "",
        "Main text: precision, recall and F1 over snippet counts summed across pages, as",
        "`../shared/README.md` defines them. Title, author, date, description: exact-match",
        "accuracy over the pages annotating the field (authors compared as lists of names;",
        "byline's author is its `authors`, or its `credit` when the page names no person).",
        "Time: milliseconds per page, every tool on every page in one process, interleaved,",
        "after one untimed call of each tool (its imports and tables are built once per",
        "process); speed is pages per second relative to trafilatura. Peak memory: resident",
        "set of a fresh process running the tool alone on the same pages.",
        "",
        "### Overall",
        "",
        "| tool | version | P | R | F1 | title | author | date | description "
        "| ms/page | speed vs trafilatura | peak MB | crashes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in sorted(runs.values(), key=lambda r: -r.overall.f1):
        s = run.overall
        speed = (
            f"{reference.ms_per_page / run.ms_per_page:.2f}x"
            if reference and run.ms_per_page
            else "-"
        )
        fields = " | ".join(_accuracy(s, f) for f in METADATA_FIELDS)
        peak = f"{run.peak_mb:.0f}" if run.peak_mb is not None else "-"
        lines.append(
            f"| {run.name} | {run.version} | {s.precision:.3f} | {s.recall:.3f} | "
            f"**{s.f1:.3f}** | {fields} | {run.ms_per_page:.1f} | {speed} | {peak} | "
            f"{run.crashes} |"
        )
    counts = {group: sum(1 for g in languages.values() if g == group) for group in LANGUAGE_GROUPS}
    lines += [
        "",
        "A dash: the tool does not give that field.",
        "",
        "### Main text F1 by language",
        "",
        "Language as byline reads it (the page's declaration, or its body's words): "
        + ", ".join(f"{group} {counts[group]} pages" for group in LANGUAGE_GROUPS)
        + ".",
        "",
        "| tool | " + " | ".join(LANGUAGE_GROUPS) + " |",
        "| --- |" + " --- |" * len(LANGUAGE_GROUPS),
    ]
    for run in sorted(runs.values(), key=lambda r: -r.overall.f1):
        cells = " | ".join(
            f"{run.by_language[g].f1:.3f}" if g in run.by_language else "-" for g in LANGUAGE_GROUPS
        )
        lines.append(f"| {run.name} | {cells} |")
    lines += ["", "![F1 against time per page](benchmarks.png)", ""]
    lines += _size_section(runs, sizes)
    for other in others:
        lines += _page_set_section(other)
    if PROFILE_NOTES.exists():
        lines += [PROFILE_NOTES.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def _size_section(runs: dict[str, Run], sizes: list[int]) -> list[str]:
    return [
        "### Time by page size",
        "",
        "Milliseconds per page and, in brackets, speed relative to trafilatura, over all",
        "pages and per quartile of the pages' raw size in bytes (a quarter of the pages in",
        "each). The mean over all pages weighs large pages most; a speed that holds only on",
        "small pages shows here.",
        "",
        *size_table(sizes, {run.name: run.milliseconds for run in runs.values()}),
        "",
    ]


def _page_set_section(other: PageSet) -> list[str]:
    crashes = ", ".join(f"{name} {n}" for name, n in other.crashes.items() if n) or "none"
    return [
        f"### Time on `{other.directory}` ({len(other.sizes)} pages, timed only)",
        "",
        "Pages without annotations, timed as above (same process, interleaved, after the",
        "corpus) and not scored; quartiles of this set's own page sizes. Crashes (their time",
        f"counted): {crashes}.",
        "",
        *size_table(other.sizes, other.milliseconds),
        "",
    ]


def _accuracy(score: Score, name: str) -> str:
    hits, total = score.fields.get(name, [0, 0])
    return f"{hits / total:.3f}" if total and hits else "-"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def _chart(runs: dict[str, Run], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart", file=sys.stderr)
        return
    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=120)
    for run in runs.values():
        highlight = run.name == "byline"
        axes.scatter(
            run.ms_per_page,
            run.overall.f1,
            s=90 if highlight else 50,
            color="#c0392b" if highlight else "#34495e",
            zorder=3,
        )
        axes.annotate(
            run.name,
            (run.ms_per_page, run.overall.f1),
            textcoords="offset points",
            xytext=(6, 4),
            fontsize=9,
        )
    axes.set_xscale("log")
    axes.set_xlabel("milliseconds per page (log scale, lower is better)")
    axes.set_ylabel("main-text F1 (higher is better)")
    axes.set_title("Main-text F1 against time per page, ../shared/corpus/dev")
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


if __name__ == "__main__":
    main()
