"""Engines run extraction jobs in parallel and hand back outcomes in job order.

A job is a list of inputs already read (``list[Item]``) or a ``ReadFiles``
job, which the worker reads itself (through fsspec, so ``s3://`` paths are
read where the work happens). Results come back in the order the jobs went
in, whatever order they finished in: the output, and which record counts as
the first of a duplicated story, do not depend on scheduling.

- ``LocalEngine``: worker processes on this machine, each page under a time
  limit; a worker that crashes or hangs is replaced, and only the page that
  caused it is lost (to the errors file). Workers end with the main process,
  even when it is killed.
- ``DaskEngine``: the same jobs on a Dask distributed cluster (or a
  ``LocalCluster`` when no scheduler address is given).
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from byline.pipeline.pages import Item
from byline.pipeline.worker import ERROR, READY, Outcome, PageDone, Task, process_items, serve

BATCHES_IN_FLIGHT_PER_WORKER = 2  # one running, one queued: workers never wait for the parent
# seconds past a page's limit before its worker is killed: the worker's own alarm ends a page
# running Python code at the limit, so only a page stuck in native code ever needs this
HANG_GRACE = 1.0
POLL = 0.5  # seconds between checks on the workers while no outcome comes in
STOP_WAIT = 5.0  # seconds an idle worker (or a sender thread) is given to end on its own


@dataclass(frozen=True, slots=True)
class ReadFiles:
    """A job the worker reads itself: every item of these files, in order."""

    paths: tuple[str, ...]


Job = list[Item] | ReadFiles


def run_job(job: Job, time_limit: float) -> list[Outcome]:
    if isinstance(job, ReadFiles):
        from byline.pipeline.readers import read_file

        return process_items((i for path in job.paths for i in read_file(path)), time_limit)
    return process_items(job, time_limit)


class LocalEngine:
    """A pool of worker processes with per-page time limits and crash recovery.

    Each worker has a pipe of its own each way, and sends each page's outcome as soon
    as it is done, so the main process knows which page a worker is on and since when.
    A worker over the time limit on one page (stuck in native code, where its own alarm
    cannot interrupt it) or one that crashed is killed and replaced: that page alone goes
    to the errors file, the rest of its jobs go to the new worker. Nothing is shared
    between workers, so a killed one can leave no lock held nor pipe half-written.
    """

    def __init__(self, workers: int, time_limit: float) -> None:
        self.workers = max(1, workers)
        self.time_limit = time_limit
        # forkserver: safe beside the crawler's thread, unlike fork; workers fork from a
        # server that has byline imported already ("__main__" is left out on purpose:
        # a script without a main guard would run again in it)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["byline.pipeline.worker"])
        # never written to: the workers see it close when this process ends, however it ends
        self._lifeline, self._lifeline_writer = self._context.Pipe(duplex=False)
        self._slots = [self._start() for _ in range(self.workers)]

    def map(self, jobs: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        """Outcomes of each job, in job order."""
        jobs = iter(jobs)
        retries: deque[Task] = deque()  # the unfinished pages of a replaced worker
        results: dict[int, list[Outcome | None]] = {}
        next_number, next_to_yield, exhausted = 0, 0, False
        while True:
            for slot in self._slots:
                while len(slot.tasks) < BATCHES_IN_FLIGHT_PER_WORKER:
                    if retries:
                        task = retries.popleft()
                    elif not exhausted:
                        job = next(jobs, None)
                        if job is None:
                            exhausted = True
                            break
                        task = (next_number, 0, job)
                        results[next_number] = [None] * len(job)
                        next_number += 1
                    else:
                        break
                    slot.send(task)
            while next_to_yield in results and None not in results[next_to_yield]:
                yield [o for o in results.pop(next_to_yield) if o is not None]
                next_to_yield += 1
            if exhausted and next_to_yield == next_number:
                return
            self._collect(results, retries)

    def close(self) -> None:
        for slot in self._slots:
            slot.stop()
        self._lifeline_writer.close()
        self._lifeline.close()

    def _collect(self, results: dict[int, list[Outcome | None]], retries: deque[Task]) -> None:
        """Wait a little for outcomes; replace the workers that died or overran the limit."""
        connections = [slot.results for slot in self._slots]
        wait([*connections, *(slot.process.sentinel for slot in self._slots)], timeout=POLL)
        for position, slot in enumerate(self._slots):
            _take(slot, results)
            reason = slot.failure(self.time_limit)
            if reason is not None:
                self._replace(position, reason, results, retries)

    def _replace(
        self,
        position: int,
        reason: str,
        results: dict[int, list[Outcome | None]],
        retries: deque[Task],
    ) -> None:
        """Kill the slot's worker, put the page it was on to the errors file, and its other
        pages back in line for a new worker."""
        slot = self._slots[position]
        culprit = slot.current() if slot.tasks else None
        slot.kill()
        _take(slot, results)  # what it finished before it died
        if culprit and slot.tasks and slot.current()[:2] == culprit[:2]:  # else it was done
            job, index, item = culprit
            results[job][index] = Outcome(item.key, ERROR, item.source, reason=reason)
            slot.skip()
        retries.extend(slot.tasks)
        slot.close()
        self._slots[position] = self._start()

    def _start(self) -> _Slot:
        tasks, tasks_writer = self._context.Pipe(duplex=False)
        results, results_writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=serve,
            args=(tasks, results_writer, self._lifeline, self.time_limit),
            daemon=True,
        )
        process.start()
        # the worker has its own copies now: with ours closed, a pipe reads as closed (or
        # refuses writes) as soon as the worker is gone
        tasks.close()
        results_writer.close()
        return _Slot(process, tasks_writer, results)


def _take(slot: _Slot, results: dict[int, list[Outcome | None]]) -> None:
    for job, index, outcome in slot.received():
        results[job][index] = outcome


class _Slot:
    """One worker process, its pipes and the tasks it holds, oldest first.

    Tasks are written to the worker by a thread of the slot's own: a worker busy with a
    page, or killed, never blocks the main process.
    """

    def __init__(self, process: BaseProcess, tasks: Connection, results: Connection) -> None:
        self.process = process
        self.results = results
        self.tasks: deque[Task] = deque()
        self.done = 0  # pages of the oldest task done
        self.ready = False  # the worker has started: its current page is being timed
        self.page_since = time.monotonic()  # when its current page started, as seen from here
        self._outbox: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self._sender = threading.Thread(
            target=_send_all, args=(self._outbox, tasks), name="byline-sender", daemon=True
        )
        self._sender.start()

    def send(self, task: Task) -> None:
        if not self.tasks:
            self.page_since = time.monotonic()
        self.tasks.append(task)
        self._outbox.put(task)

    def received(self) -> Iterator[PageDone]:
        """The pages the worker has finished since last asked (none if it is gone)."""
        try:
            while self.results.poll():
                message = self.results.recv()
                self.page_since = time.monotonic()
                if message == READY:
                    self.ready = True
                    continue
                yield message
                self.done += 1
                if self.done == len(self.tasks[0][2]):
                    self.tasks.popleft()
                    self.done = 0
        except (EOFError, OSError):  # the worker died: failure() says so
            return

    def current(self) -> tuple[int, int, Item]:
        """The page the worker is on: (job number, index in the job, item)."""
        job, first, items = self.tasks[0]
        return job, first + self.done, items[self.done]

    def skip(self) -> None:
        """Take the current page out of the tasks (it has an outcome of its own)."""
        job, first, items = self.tasks.popleft()
        if rest := items[self.done + 1 :]:
            self.tasks.appendleft((job, first + self.done + 1, rest))
        self.done = 0

    def failure(self, time_limit: float) -> str | None:
        """Why this worker must be replaced, or None while it is healthy."""
        if self.process.exitcode is not None:
            return f"the worker extracting it crashed (exit code {self.process.exitcode})"
        if not self.tasks:
            return None
        overdue = time.monotonic() - self.page_since > time_limit + HANG_GRACE
        if self.ready and time_limit > 0 and overdue:
            return f"extraction took over {time_limit:g} s and was stopped"
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()

    def stop(self) -> None:
        """End the worker: at once if it is busy, else once it has read its last task."""
        if not self.tasks:
            self._outbox.put(None)
            self.process.join(timeout=STOP_WAIT)
        if self.process.exitcode is None:
            self.kill()
        self.close()

    def close(self) -> None:
        """Let go of the (dead) worker's pipes and its sender thread."""
        self._outbox.put(None)
        self._sender.join(timeout=STOP_WAIT)
        self.results.close()
        self.process.close()


def _send_all(outbox: queue.SimpleQueue[Task | None], tasks: Connection) -> None:
    """Write each task to the worker, then None (stop); give up once the worker is gone."""
    with tasks:
        while True:
            task = outbox.get()
            try:
                tasks.send(task)
            except OSError:  # the worker is gone (killed, crashed)
                return
            if task is None:
                return


class DaskEngine:
    """Jobs as Dask tasks on a cluster; results in job order, a bounded number in flight."""

    def __init__(self, scheduler: str | None, workers: int, time_limit: float) -> None:
        from dask.distributed import Client, LocalCluster

        self.time_limit = time_limit
        if scheduler:
            self._cluster = None
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))

    def map(self, jobs: Iterable[Job]) -> Iterator[list[Outcome]]:
        in_flight: deque[Any] = deque()
        limit = self.workers * BATCHES_IN_FLIGHT_PER_WORKER
        for job in jobs:
            in_flight.append(self._client.submit(run_job, job, self.time_limit, pure=False))
            if len(in_flight) >= limit:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
