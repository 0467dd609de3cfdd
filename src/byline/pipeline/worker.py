"""What a worker does with one input: extract it, within a time limit, into an ``Outcome``.

This runs in worker processes (local engine) or on Dask workers; an Outcome
is small and picklable, and holds everything the main process needs to
write, de-duplicate and journal the input without touching its HTML again.
``serve`` is a local worker process's whole life: tasks in, one outcome per
page out, and an exit as soon as the main process is gone.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Final

import byline
from byline.pipeline import dedup
from byline.pipeline.pages import Failed, Item, Skipped

DEFAULT_PAGE_TIME_LIMIT = 30.0  # seconds; a normal page takes ~10 ms

RECORD = "record"
NO_ARTICLE = "no-article"
ERROR = "error"
SKIPPED = "skipped"


@dataclass(slots=True)
class Outcome:
    """The result of one input."""

    key: str
    status: str  # RECORD, NO_ARTICLE, ERROR or SKIPPED
    source: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None  # why there is no record (errors, skips)
    article: dict[str, Any] | None = None  # Article.to_dict(): built here, not in the main process
    signature: dedup.Signature | None = None

    @property
    def id(self) -> str:
        return record_id(self.key)


def record_id(key: str) -> str:
    """A stable 16-hex-digit id for an input key, identical on every machine."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class PageTimeout(Exception):
    pass


def process_items(
    items: Iterable[Item], time_limit: float = DEFAULT_PAGE_TIME_LIMIT
) -> list[Outcome]:
    return [process(item, time_limit) for item in items]


def process(item: Item, time_limit: float = DEFAULT_PAGE_TIME_LIMIT) -> Outcome:
    """The outcome of one input; never raises for a bad page."""
    if isinstance(item, Skipped):
        return Outcome(item.key, SKIPPED, item.source, reason=item.reason)
    if isinstance(item, Failed):
        return Outcome(item.key, ERROR, item.source, reason=item.reason)
    try:
        with _time_limit(time_limit):
            article = byline.extract(item.content, url=item.url, charset=item.charset)
            signature = dedup.signature(article.canonical_url or article.url, article.body or "")
    except byline.NoArticleError as error:
        return Outcome(item.key, NO_ARTICLE, item.source, reason=str(error))
    except byline.ExtractionError as error:
        return Outcome(item.key, ERROR, item.source, reason=str(error))
    except PageTimeout:
        return Outcome(
            item.key, ERROR, item.source, reason=f"extraction took over {time_limit:g} s"
        )
    except RecursionError:
        return Outcome(item.key, ERROR, item.source, reason="the page is nested too deeply")
    except Exception as error:  # a bug in byline must cost one page, not the run
        reason = f"internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(item.key, ERROR, item.source, reason=reason)
    return Outcome(item.key, RECORD, item.source, article=article.to_dict(), signature=signature)


class _time_limit:
    """Raise ``PageTimeout`` in this thread after ``seconds`` (main thread only:
    Python delivers signals there; on Dask's worker threads there is no limit)."""

    def __init__(self, seconds: float) -> None:
        self.active = seconds > 0 and threading.current_thread() is threading.main_thread()
        self.seconds = seconds

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _raise_timeout(signum: int, frame: object) -> None:
    raise PageTimeout


Task = tuple[int, int, list[Item]]
"""What a local worker is sent: (job number, index of the first item in the job, items)."""
PageDone = tuple[int, int, Outcome]
"""What it sends back for each page, as soon as it is done: (job number, index, outcome)."""
READY: Final = "ready"  # sent once on start, before any page: from then on pages are timed

PR_SET_PDEATHSIG: Final = 1  # linux/prctl.h


def serve(tasks: Connection, results: Connection, lifeline: Connection, time_limit: float) -> None:
    """A local worker process: extract each task's pages, sending each outcome back at once
    (the main process times pages one by one), until told to stop or the main process dies."""
    _exit_with_parent(lifeline)
    try:
        results.send(READY)
        while (task := tasks.recv()) is not None:
            job, first, items = task
            for n, item in enumerate(items):
                done: PageDone = (job, first + n, process(item, time_limit))
                results.send(done)
    except (EOFError, BrokenPipeError):  # the main process closed its pipes or is gone
        return


def _exit_with_parent(lifeline: Connection) -> None:
    """Make this process end when the main process does, even killed with SIGKILL.

    ``lifeline`` is the read end of a pipe only the main process can write to: it reads
    as closed once the main process is gone, and a watcher thread then exits. That needs
    the GIL, which native code may hold for long; so on Linux the kernel also kills this
    process when its parent (the forkserver, which itself ends with the main process) dies.
    """
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:
        try:
            lifeline.poll(None)
        finally:
            os._exit(0)

    threading.Thread(target=watch, name="byline-lifeline", daemon=True).start()
