"""Engines run extraction jobs in parallel and hand back outcomes in job order.

A job is a list of inputs already read (``list[Item]``) or a ``ReadFiles``
job, which the worker reads itself (through fsspec, so ``s3://`` paths are
read where the work happens). Results come back in the order the jobs went
in, whatever order they finished in: the output, and which record counts as
the first of a duplicated story, do not depend on scheduling.

- ``LocalEngine``: worker processes on this machine, each page under a time
  limit; a worker that crashes or hangs is replaced, and only the page that
  caused it is lost (to the errors file).
- ``DaskEngine``: the same jobs on a Dask distributed cluster (or a
  ``LocalCluster`` when no scheduler address is given).
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from byline.pipeline.pages import Item
from byline.pipeline.worker import ERROR, Outcome, process_items

BATCHES_IN_FLIGHT_PER_WORKER = 2  # one running, one queued: workers never wait for the parent
HANG_GRACE = 15.0  # seconds past the per-page limits before a silent worker is killed
POLL = 0.5


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
    """A pool of worker processes with per-page time limits and crash recovery."""

    def __init__(self, workers: int, time_limit: float) -> None:
        self.workers = max(1, workers)
        self.time_limit = time_limit
        # forkserver: safe beside the crawler's thread, unlike fork; workers fork from a
        # server that has byline imported already ("__main__" is left out on purpose:
        # a script without a main guard would run again in it)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["byline.pipeline.worker"])
        self._results: Any = self._context.Queue()
        self._slots: list[_Slot] = []
        self._slots.extend(self._start(index) for index in range(self.workers))

    def map(self, jobs: Iterable[list[Item]]) -> Iterator[list[Outcome]]:
        """Outcomes of each job, in job order."""
        jobs = iter(jobs)
        retries: deque[tuple[Any, list[Item]]] = deque()  # split jobs of a crashed worker
        parts: dict[Any, list[Outcome]] = {}
        splits: dict[int, int] = {}  # job number -> number of single-item parts
        next_number, next_to_yield, exhausted = 0, 0, False
        while True:
            for slot in self._slots:
                while len(slot.running) < BATCHES_IN_FLIGHT_PER_WORKER:
                    if retries:
                        job_id, items = retries.popleft()
                    elif not exhausted:
                        job = next(jobs, None)
                        if job is None:
                            exhausted = True
                            break
                        job_id, items, next_number = next_number, job, next_number + 1
                    else:
                        break
                    slot.send(job_id, items)
            while (outcomes := _assembled(next_to_yield, parts, splits)) is not None:
                yield outcomes
                next_to_yield += 1
            if exhausted and next_to_yield == next_number:
                return
            self._collect(parts, retries, splits)

    def close(self) -> None:
        for slot in self._slots:
            slot.stop()

    def _collect(self, parts: dict, retries: deque, splits: dict[int, int]) -> None:
        try:
            slot_index, job_id, outcomes = self._results.get(timeout=POLL)
        except queue.Empty:
            self._replace_failed_workers(parts, retries, splits)
            return
        self._slots[slot_index].finished(job_id)
        parts[job_id] = outcomes

    def _replace_failed_workers(self, parts: dict, retries: deque, splits: dict[int, int]) -> None:
        for index, slot in enumerate(self._slots):
            reason = slot.failure(self.time_limit)
            if reason is None:
                continue
            slot.kill()
            lost = list(slot.running.items())
            self._slots[index] = self._start(index)
            culprit_id, culprit = lost[0]
            if len(culprit) == 1:  # found the page that brings a worker down
                item = culprit[0]
                parts[culprit_id] = [Outcome(item.key, ERROR, item.source, reason=reason)]
            else:  # retry one page at a time to find it
                splits[culprit_id] = len(culprit)
                retries.extend(((culprit_id, n), [item]) for n, item in enumerate(culprit))
            retries.extend(lost[1:])

    def _start(self, index: int) -> _Slot:
        tasks = self._context.Queue()
        process = self._context.Process(
            target=_serve, args=(index, tasks, self._results, self.time_limit), daemon=True
        )
        process.start()
        return _Slot(process, tasks)


def _assembled(number: int, parts: dict, splits: dict[int, int]) -> list[Outcome] | None:
    """The outcomes of job ``number`` once all of it is back, else None."""
    if number in parts:
        return parts.pop(number)
    pieces = splits.get(number)
    if pieces and all((number, n) in parts for n in range(pieces)):
        del splits[number]
        return [o for n in range(pieces) for o in parts.pop((number, n))]
    return None


class _Slot:
    """One worker process and the jobs it holds."""

    def __init__(self, process: Any, tasks: Any) -> None:
        self.process = process
        self.tasks = tasks
        self.running: dict[Any, list[Item]] = {}
        self.busy_since = time.monotonic()

    def send(self, job_id: Any, items: list[Item]) -> None:
        if not self.running:
            self.busy_since = time.monotonic()
        self.running[job_id] = items
        self.tasks.put((job_id, items))

    def finished(self, job_id: Any) -> None:
        self.running.pop(job_id, None)
        self.busy_since = time.monotonic()

    def failure(self, time_limit: float) -> str | None:
        """Why this worker must be replaced, or None while it is healthy."""
        if not self.running:
            return None
        if self.process.exitcode is not None:
            return f"the worker extracting it crashed (exit code {self.process.exitcode})"
        current = next(iter(self.running.values()))
        if time.monotonic() - self.busy_since > len(current) * time_limit + HANG_GRACE:
            return f"extraction hung for over {time_limit:g} s and was killed"
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()

    def stop(self) -> None:
        if self.process.exitcode is None:
            self.tasks.put(None)
            self.process.join(timeout=5)
            if self.process.exitcode is None:
                self.kill()


def _serve(index: int, tasks: Any, results: Any, time_limit: float) -> None:
    while (task := tasks.get()) is not None:
        job_id, items = task
        results.put((index, job_id, process_items(items, time_limit)))


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
