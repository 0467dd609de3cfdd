"""``byline run``: inputs -> items -> engine -> de-duplication -> sinks, journalled.

The main process reads (or, on Dask, lists) the inputs, skips what the
journal says is done, hands jobs to an engine, and takes the outcomes back in
input order: records to the output, failures and pages without an article to
the errors file, everything to the journal. Commits are frequent, so a run
killed at any point loses at most the last few seconds, and the same
command resumes it.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import MISSING, asdict, dataclass, field, fields
from itertools import chain, islice
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from byline.pipeline import crawl, dedup, discover
from byline.pipeline.engines import DaskEngine, Job, LocalEngine, ReadFiles
from byline.pipeline.journal import Entry, Journal, JournalState
from byline.pipeline.pages import Failed, Item
from byline.pipeline.readers import ARCHIVE_SUFFIXES, input_files, read_inputs
from byline.pipeline.sinks import FORMATS, JsonLinesSink, format_of, open_sink
from byline.pipeline.worker import (
    DEFAULT_PAGE_TIME_LIMIT,
    ERROR,
    NO_ARTICLE,
    RECORD,
    SKIPPED,
    Outcome,
    record_id,
)
from byline.record import Source, record_row

JOB_SIZE = 16  # pages per job sent to a local worker: amortises IPC, keeps order cheap
FILES_PER_DASK_JOB = 64  # HTML files read by one Dask task (an archive is a task of its own)
COMMIT_EVERY_INPUTS = 1000
COMMIT_EVERY_SECONDS = 10.0
DUPLICATE_DROPPED = "duplicate-dropped"
TRUNCATED = "truncated"  # a record's journal note: its payload was cut short
SOURCE_FIELDS = fields(Source)


@dataclass(slots=True)
class Summary:
    """What a run did, over all its resumed parts; also written to ``<out>.summary.json``."""

    output: str
    errors_file: str
    inputs: int = 0  # every input seen: records + no article + errors + skipped + dropped
    records: int = 0  # records written
    no_article: int = 0
    errors: int = 0
    duplicates: int = 0  # records found to repeat an earlier one (kept or dropped)
    duplicates_dropped: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # by reason
    truncated: int = 0  # records (written or dropped) of a payload cut short
    elapsed: float = 0.0  # seconds, all runs of this output together
    run_elapsed: float = 0.0  # seconds, this run alone
    run_pages: int = 0  # pages extracted by this run (skipped inputs are not extracted)
    pages_per_second: float | None = None  # this run's; None when it had no page to extract
    resumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run(
    inputs: Sequence[str] = (),
    out: str | Path = "byline.jsonl",
    *,
    format: str | None = None,
    errors: str | Path | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    drop_duplicates: bool = False,
    urls: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    feeds: Sequence[str] = (),
    crawl_settings: crawl.CrawlSettings | None = None,
    page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT,
    overwrite: bool = False,
    progress: bool = False,
    commit_every: int = COMMIT_EVERY_INPUTS,
) -> Summary:
    """Extract every page of ``inputs`` (files, directories, globs, WARC/ARC), of the
    URL list files in ``urls``, and of the pages the ``sitemaps`` and ``feeds`` list,
    into ``out``. Run it again with the same arguments to resume an interrupted run.
    """
    out = Path(out)
    fmt = format_of(out, format)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    errors_path = Path(errors) if errors else out.with_name(out.name + ".errors.jsonl")
    journal = Journal(
        out.with_name(out.name + ".journal"), {"format": fmt, "drop_duplicates": drop_duplicates}
    )
    if overwrite:
        _remove(out, errors_path, journal.path)
    if not journal.path.exists() and (out.exists() or errors_path.exists()):
        raise FileExistsError(
            f"{out} exists and was not written by an unfinished byline run; "
            "pass --overwrite to replace it"
        )
    for listing in urls:  # a file, or a pipe (<(command)): anything but a directory
        if not os.path.exists(listing) or os.path.isdir(listing):
            raise FileNotFoundError(f"{listing}: no such URL list")
    state = journal.load()
    workers = workers or os.cpu_count() or 1
    sources = _Sources(inputs, urls, sitemaps, feeds, crawl_settings, state.done)
    writer = _Writer(out, fmt, errors_path, journal, state, drop_duplicates, commit_every)
    executor = (
        DaskEngine(scheduler, workers, page_time_limit)
        if engine == "dask"
        else LocalEngine(workers, page_time_limit)
    )
    try:
        with _progress(progress, sources.total_hint()) as advance:
            for outcomes in _outcomes(executor, sources):
                writer.take(outcomes)
                advance(len(outcomes))
    finally:
        executor.close()
        summary = writer.close()
    return summary


def _outcomes(executor: LocalEngine | DaskEngine, sources: _Sources) -> Iterator[list[Outcome]]:
    """Each job's outcomes, in job order: local workers take pages already read, Dask
    workers read the files themselves."""
    if isinstance(executor, DaskEngine):
        return executor.map(sources.dask_jobs())
    return executor.map(sources.local_jobs())


class _Sources:
    """The run's inputs, as engine jobs, minus what the journal says is done."""

    def __init__(
        self,
        inputs: Sequence[str],
        urls: Sequence[str],
        sitemaps: Sequence[str],
        feeds: Sequence[str],
        settings: crawl.CrawlSettings | None,
        done: set[str],
    ) -> None:
        self.inputs, self.urls, self.sitemaps, self.feeds = inputs, urls, sitemaps, feeds
        self.settings = settings
        self.done = done

    def local_jobs(self) -> Iterator[list[Item]]:
        return _batches(self._new(chain(read_inputs(self.inputs), self._fetched())), JOB_SIZE)

    def dask_jobs(self) -> Iterator[Job]:
        """Files are read by the Dask workers; fetched pages are shipped to them."""
        return chain(self._file_jobs(), _batches(self._new(self._fetched()), JOB_SIZE))

    def total_hint(self) -> int | None:
        """The number of inputs, when it is known without reading them (plain files)."""
        if self.urls or self.sitemaps or self.feeds:
            return None
        files = list(input_files(self.inputs))
        if any(isinstance(f, str) and f.lower().endswith(ARCHIVE_SUFFIXES) for f in files):
            return None
        return len(files)

    def _new(self, items: Iterable[Item]) -> Iterator[Item]:
        return (item for item in items if record_id(item.key) not in self.done)

    def _file_jobs(self) -> Iterator[Job]:
        """Archives one job each, HTML files in groups, all in input order."""
        html: list[str] = []
        for entry in input_files(self.inputs):
            if isinstance(entry, str) and not entry.lower().endswith(ARCHIVE_SUFFIXES):
                html.append(entry)
                if len(html) < FILES_PER_DASK_JOB:
                    continue
            if html:
                yield ReadFiles(tuple(html))
                html = []
            if isinstance(entry, str) and entry.lower().endswith(ARCHIVE_SUFFIXES):
                yield ReadFiles((entry,))
            elif not isinstance(entry, str):
                yield [entry]
        if html:
            yield ReadFiles(tuple(html))

    def _fetched(self) -> Iterator[Item]:
        """Pages of the URL lists, sitemaps and feeds; a sitemap or feed that cannot be
        read becomes a failed input of its own."""
        if not (self.urls or self.sitemaps or self.feeds):
            return
        failures: list[Failed] = []
        listed = chain.from_iterable(crawl.read_url_list(path) for path in self.urls)
        discovered = chain(
            *(self._discovered(discover.sitemap_urls, s, failures) for s in self.sitemaps),
            *(self._discovered(discover.feed_urls, f, failures) for f in self.feeds),
        )
        new = (u for u in chain(listed, discovered) if record_id(f"url:{u}") not in self.done)
        yield from crawl.fetch_pages(new, self.settings)
        yield from failures

    def _discovered(self, urls_of: Any, address: str, failures: list[Failed]) -> Iterator[str]:
        try:
            yield from urls_of(address, self.settings)
        except discover.DiscoveryError as error:
            failures.append(Failed(f"url:{address}", str(error), {"kind": "url", "url": address}))


class _Writer:
    """Takes outcomes in input order: records, errors, de-duplication, journal commits."""

    def __init__(
        self,
        out: Path,
        fmt: str,
        errors_path: Path,
        journal: Journal,
        state: JournalState,
        drop_duplicates: bool,
        commit_every: int,
    ) -> None:
        self.out, self.errors_path = out, errors_path
        journal.start(state)  # first: an output with a journal beside it is a run to resume
        self.sink = open_sink(out, fmt)
        self.errors = JsonLinesSink(errors_path)
        self.journal = journal
        self.drop_duplicates = drop_duplicates
        self.commit_every = commit_every
        self.state = state
        self.resumed = bool(state.entries)
        self.sink.resume_at(state.positions.get("out", 0))
        self.errors.resume_at(state.positions.get("errors", 0))
        self.dedup = dedup.Deduplicator()
        for entry in state.entries:
            if entry.signature is not None:
                self.dedup.first_of(entry.id, dedup.Signature.from_json(entry.signature))
        self.pending: list[Entry] = []
        self.started = time.monotonic()
        self.last_commit = self.started
        self.extracted = 0

    def take(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.id in self.state.done:  # done by an earlier run, or listed twice
                continue
            self.state.done.add(outcome.id)
            self.pending.append(self._written(outcome))
        now = time.monotonic()
        if len(self.pending) >= self.commit_every or now - self.last_commit > COMMIT_EVERY_SECONDS:
            self.commit()

    def commit(self) -> None:
        positions = {"out": self.sink.commit(), "errors": self.errors.commit()}
        self.journal.commit(self.pending, positions, self._elapsed())
        self.state.entries.extend(self.pending)
        self.pending = []
        self.last_commit = time.monotonic()

    def close(self) -> Summary:
        self.commit()
        self.sink.close()
        self.errors.close()
        self.journal.close()
        summary = self._summary()
        summary_path = self.out.with_name(self.out.name + ".summary.json")
        summary_path.write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
        return summary

    def _written(self, outcome: Outcome) -> Entry:
        """Write one outcome where it belongs; its journal entry."""
        if outcome.status != SKIPPED:
            self.extracted += 1
        if outcome.status == SKIPPED:
            return Entry(outcome.id, SKIPPED, outcome.reason)
        if outcome.status in (NO_ARTICLE, ERROR):
            self.errors.write(
                {
                    "id": outcome.id,
                    "input": outcome.key,
                    "status": outcome.status,
                    "reason": outcome.reason,
                    "source": outcome.source,
                }
            )
            return Entry(outcome.id, outcome.status)
        assert outcome.article is not None and outcome.signature is not None
        signature = outcome.signature.to_json()
        first = self.dedup.first_of(outcome.id, outcome.signature)
        note = TRUNCATED if outcome.source.get("truncated") else None
        if first is not None and self.drop_duplicates:
            return Entry(outcome.id, DUPLICATE_DROPPED, note, signature, duplicate_of=first)
        self.sink.write(record_row(outcome.id, _source(outcome.source), first, outcome.article))
        return Entry(outcome.id, RECORD, note, signature, duplicate_of=first)

    def _elapsed(self) -> float:
        return self.state.elapsed + time.monotonic() - self.started

    def _summary(self) -> Summary:
        entries = self.state.entries
        counts = Counter(e.status for e in entries)
        this_run = time.monotonic() - self.started
        rate = round(self.extracted / this_run, 1) if self.extracted and this_run > 0 else None
        return Summary(
            output=str(self.out),
            errors_file=str(self.errors_path),
            inputs=len(entries),
            records=counts[RECORD],
            no_article=counts[NO_ARTICLE],
            errors=counts[ERROR],
            duplicates=sum(1 for e in entries if e.duplicate_of),
            duplicates_dropped=counts[DUPLICATE_DROPPED],
            skipped=dict(Counter(e.reason or "" for e in entries if e.status == SKIPPED)),
            truncated=sum(1 for e in entries if e.status != SKIPPED and e.reason == TRUNCATED),
            elapsed=round(self._elapsed(), 3),
            run_elapsed=round(this_run, 3),
            run_pages=self.extracted,
            pages_per_second=rate,
            resumed=self.resumed,
        )


def _source(raw: dict[str, Any]) -> dict[str, Any]:
    """The source as the record's ``Source`` fields, every field present."""
    return {
        f.name: raw.get(f.name, f.default if f.default is not MISSING else [])
        for f in SOURCE_FIELDS
    }


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _remove(*paths: Path) -> None:
    import shutil

    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


class _progress:
    """A rich progress bar on stderr: pages, pages per second, ETA when the total is known."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled, self.total = enabled, total

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda n: None
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.bar.start()
        task = self.bar.add_task("pages", total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:>5.0f} pages/s")
