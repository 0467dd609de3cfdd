"""``byline run`` against hostile inputs and rough handling: pages that hang their worker,
a killed main process, inputs that block, damaged archives, resumed runs.

Runs that could hang are child processes with generous bounds: a hang fails its own test.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, needs_shared
from test_pipeline_readers import response, twenty_pages_with_record_10_damaged
from test_pipeline_readers import write_warc as write_test_warc

from bench.synthetic import article_page, corpus, write_warc
from byline.cli import main
from byline.pipeline import run
from byline.record import Record
from byline.store import Store

GZIP = [("Content-Encoding", "gzip")]
RUN_BOUND = 120.0  # seconds: generous for a run of a few dozen pages on a loaded machine

# Installed in every Python process of a run (the forkserver imports it, so workers have it):
# records each page extracted, and makes marked pages hang, in Python or as native code would.
SITECUSTOMIZE = """
import hashlib, os, signal, time
import byline

_extract = byline.extract

def extract(content, *args, **kwargs):
    with open(os.environ["BYLINE_TEST_LOG"], "a") as log:
        log.write(hashlib.sha1(content).hexdigest() + "\\n")
    if b"HANG-IN-NATIVE-CODE" in content:
        # native code does not run Python's signal handlers: the worker's own alarm is useless
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if b"HANG-IN-PYTHON" in content:
        time.sleep(600)
    return _extract(content, *args, **kwargs)

byline.extract = extract
"""


def byline_run(
    inputs: list[Path], out: Path, *options: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``byline run INPUTS --out OUT OPTIONS`` in a child process; fails past ``RUN_BOUND``."""
    command = [sys.executable, "-m", "byline", "run", *map(str, inputs), "--out", str(out)]
    try:
        return subprocess.run(
            [*command, *options],
            capture_output=True,
            text=True,
            timeout=RUN_BOUND,
            env=env,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"byline run did not end within {RUN_BOUND} s", pytrace=False)


def rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def pages_dir(tmp_path: Path, count: int) -> Path:
    """``count`` synthetic articles, one file each."""
    root = tmp_path / "pages"
    root.mkdir()
    for n in range(count):
        (root / f"story-{n:03}.html").write_text(article_page(n), encoding="utf-8")
    return root


def hooked_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment installing ``SITECUSTOMIZE``, and the log of pages it extracts."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "extracted.log"
    path = os.pathsep.join([str(hooks), *sys.path])
    return {**os.environ, "PYTHONPATH": path, "BYLINE_TEST_LOG": str(log)}, log


# --- 1. a page over its time limit --------------------------------------------------------


@pytest.mark.parametrize("where", ["NATIVE-CODE", "PYTHON"])
def test_a_hung_page_costs_its_limit_once_and_the_rest_of_its_batch_is_done(
    tmp_path: Path, where: str
) -> None:
    root = pages_dir(tmp_path, 20)
    hung = root / "story-004.html"  # in the first batch of 16, with pages after it
    hung.write_text(article_page(4).replace("<body>", f"<body><!-- HANG-IN-{where} -->"))
    env, log = hooked_env(tmp_path)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = byline_run([root], out, "--time-limit", "2", "--workers", "1", env=env)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    records = rows(out)
    assert sorted(Path(r["source"]["path"]).name for r in records) == sorted(
        f.name for f in root.iterdir() if f != hung
    )
    (error,) = rows(tmp_path / "out.jsonl.errors.jsonl")
    assert error["input"] == f"file:{hung}"
    assert "extraction took over 2 s" in error["reason"]
    # every page extracted once: the hung page was not retried, nor its batch
    assert set(Counter(log.read_text().split()).values()) == {1}
    # the old per-batch limit waited 16 pages x 2 s + 15 s, then retried the batch
    assert elapsed < 45


@needs_shared(CORPUS)
def test_a_page_that_parses_for_minutes_does_not_hang_the_run(tmp_path: Path) -> None:
    """The issue's case: one element with 200,000 attributes among 20 dev pages."""
    root = tmp_path / "dev"
    root.mkdir()
    dev = sorted((CORPUS / "html").glob("*.html"))[:20]
    for page in dev:
        shutil.copy(page, root / page.name)
    attributes = " ".join(f'a{n}="x"' for n in range(200_000))
    hostile = root / "0-attributes.html"  # first: the worker holds a second batch behind it
    hostile.write_text(f"<html><body><div {attributes}>hi</div><p>text</p></body></html>")
    out = tmp_path / "out.jsonl"
    result = byline_run([root], out, "--time-limit", "2", "--workers", "1")
    assert result.returncode == 0, result.stderr
    done = [r["source"]["path"] for r in rows(out)]
    done += [e["source"]["path"] for e in rows(tmp_path / "out.jsonl.errors.jsonl")]
    assert sorted(done) == sorted(str(p) for p in root.iterdir())  # each once


# --- 6. the main process killed -----------------------------------------------------------


def _group_members(group: int) -> list[str]:
    """The live (not zombie) processes of a process group, by their command lines."""
    members = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):  # not a process, or it just ended
            continue
        state, _, group_id = stat[stat.rindex(")") + 2 :].split()[:3]
        if int(group_id) == group and state != "Z":
            members.append(command.replace(b"\0", b" ").decode(errors="replace"))
    return members


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lists processes via /proc")
def test_workers_and_helpers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, corpus(3000))  # seconds of work for two compiled workers: still running
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "byline", "run", str(warc), "--out", str(out)]
    parent = subprocess.Popen([*command, "--workers", "2"], start_new_session=True)
    deadline = time.monotonic() + RUN_BOUND
    # main, forkserver and two workers (and a resource tracker, where multiprocessing has one)
    while len(_group_members(parent.pid)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # the workers busy with pages
    assert parent.poll() is None, "the run ended before it could be killed"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while (left := _group_members(parent.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    if left:
        os.killpg(parent.pid, signal.SIGKILL)
    assert left == []


# --- 4. inputs that are not regular files -------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_sockets_and_devices_are_skipped_and_counted_never_opened(tmp_path: Path) -> None:
    root = pages_dir(tmp_path, 3)
    os.mkfifo(root / "waiting.html")  # found in a directory, named like a page
    os.mkfifo(root / "news-123")  # found, no extension: would be sniffed
    named = tmp_path / "named.fifo"
    os.mkfifo(named)
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(root / "control.html"))
        out = tmp_path / "out.jsonl"
        result = byline_run([root, named, Path(os.devnull)], out)
    assert result.returncode == 0, result.stderr
    assert len(rows(out)) == 3
    summary = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert summary["skipped"] == {"not-regular-file": 5}
    assert "skipped            5 (5 not-regular-file)" in result.stderr


# --- 7. a damaged gzip member in a WARC -----------------------------------------------------


def test_a_damaged_warc_record_costs_one_error_with_its_offset(tmp_path: Path) -> None:
    whole, damaged = twenty_pages_with_record_10_damaged(tmp_path, at=-1)
    out = tmp_path / "out.jsonl"
    summary = run([str(damaged)], out, workers=1)
    offsets = [r["source"]["offset"] for r in rows(out)]
    assert summary.records == len(offsets) == 19
    assert offsets == [i.source["offset"] for i in whole[1:] if i is not whole[10]]
    (error,) = rows(tmp_path / "out.jsonl.errors.jsonl")
    assert error["source"]["offset"] == whole[10].source["offset"]
    assert error["reason"].isascii() and "damaged" in error["reason"]


# --- 8. a payload cut short -----------------------------------------------------------------


def test_a_truncated_payload_is_marked_in_every_format_and_the_store(tmp_path: Path) -> None:
    whole = gzip.compress(article_page(2).encode())
    warc = write_test_warc(
        tmp_path / "crawl.warc.gz",
        [
            response("https://example.com/news/1", article_page(1).encode()),
            response("https://example.com/news/2", whole[:-60], extra=GZIP),
            response(
                "https://example.com/news/3", gzip.compress(article_page(3).encode()), extra=GZIP
            ),
        ],
    )
    marks = {}
    for suffix in (".jsonl", ".parquet", ".csv"):
        out = tmp_path / f"out{suffix}"
        summary = run([str(warc)], out, workers=1)
        assert summary.records == 3 and summary.truncated == 1
        if suffix == ".jsonl":
            table = [Record.from_dict(row).source.truncated for row in rows(out)]
        elif suffix == ".parquet":
            table = [row["source"]["truncated"] for row in pq.read_table(out).to_pylist()]
        else:
            table = [row["source.truncated"] == "True" for row in csv.DictReader(out.open())]
        marks[suffix] = table
    assert set(map(tuple, marks.values())) == {(False, True, False)}
    with Store(tmp_path / "corpus.db") as store:
        store.ingest(Record.from_dict(row) for row in rows(tmp_path / "out.jsonl"))
        stored = [store.article(row["id"]) for row in rows(tmp_path / "out.jsonl")]
    assert [r.source.truncated for r in stored if r] == [False, True, False]


def test_the_summary_counts_truncated_records(tmp_path: Path, capsys) -> None:
    cut = gzip.compress(article_page(1).encode())[:-60]
    warc = write_test_warc(
        tmp_path / "crawl.warc.gz", [response("https://e.com/1", cut, extra=GZIP)]
    )
    assert main(["run", str(warc), "--out", str(tmp_path / "out.jsonl")]) == 0
    assert "records written    1 (1 of a truncated payload)" in capsys.readouterr().err


# --- 14. a resumed run's summary ------------------------------------------------------------


def test_a_resumed_run_reports_itself_and_the_whole_apart(tmp_path: Path, capsys) -> None:
    root = pages_dir(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    command = ["run", str(root), "--out", str(out), "--workers", "1"]
    assert main(command) == 0
    first = capsys.readouterr().err
    assert "elapsed" in first and "pages per second   " in first and "this run" not in first

    assert main(command) == 0  # nothing new: nothing to do
    again = capsys.readouterr().err
    assert "this run           nothing left to do (" in again
    assert "all runs           4 inputs in " in again and "(resumed)" in again
    assert "pages per second" not in again
    saved = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert saved["run_pages"] == 0 and saved["pages_per_second"] is None
    assert saved["elapsed"] >= saved["run_elapsed"] > 0

    (root / "story-new.html").write_text(article_page(99), encoding="utf-8")
    assert main(command) == 0  # one new page
    more = capsys.readouterr().err
    assert "this run           1 pages in " in more and " pages per second" in more
    assert "all runs           5 inputs in " in more
