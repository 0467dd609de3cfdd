"""Shared fixtures and helpers for byline's tests."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

import byline
from byline.sources.candidate import DateValue

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SAMPLES = TESTS.parent / "samples"
SHARED = TESTS.parents[1] / "shared"
"""The read-only development material (corpus, seed), read in place, never copied."""

CORPUS = SHARED / "corpus" / "dev"
"""The development corpus: ``html/`` pages and their ``annotations.json``."""


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Skip the marked tests when ``path`` (development material) is missing, unless
    ``BYLINE_REQUIRE_CORPUS`` is set (``.ci/run`` sets it): then they run, and fail."""
    return pytest.mark.skipif(
        not path.exists() and not os.environ.get("BYLINE_REQUIRE_CORPUS"),
        reason=f"{path} is not here",
    )


SEED_URL = (
    "https://sputnikglobe.com/20230623/"
    "japan-france-agree-to-strengthen-defense-cooperation--foreign-ministry-1111417043.html"
)
"""The URL of the seed page (``shared/seed/000_5708c330b5549860.txt``, first line)."""


def as_written(value: object) -> object:
    """A candidate's value as its source wrote it: a date as the text it was read from."""
    return value.text if isinstance(value, DateValue) else value


def fixture_bytes(name: str) -> bytes:
    """The raw bytes of ``tests/fixtures/NAME``."""
    return (FIXTURES / name).read_bytes()


def fixture_text(name: str) -> str:
    """``tests/fixtures/NAME`` as text (fixtures are stored as UTF-8)."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def run_bounded(func: Callable[[], Any], seconds: float) -> Any:
    """``func()``'s result, or its exception re-raised; fails the test past ``seconds``.

    The call runs in a forked child process, killed on timeout: a runaway call
    (a hang, a parse that never ends) fails its own test and cannot slow down
    or freeze the tests after it, as a stuck thread would.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send_outcome, args=(func, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            pytest.fail(f"call did not finish within {seconds} s", pytrace=False)
        kind, value = receiver.recv()
    except EOFError:
        pytest.fail(f"the call killed its process (exit code {child.exitcode})", pytrace=False)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "error":
        raise value
    return value


def _send_outcome(func: Callable[[], Any], sender: Connection) -> None:
    try:
        outcome = ("result", func())
    except BaseException as error:  # handed back to the test process as is
        outcome = ("error", error)
    try:
        sender.send(outcome)
    except Exception as error:  # an unpicklable result or exception: say what it was
        sender.send(("error", RuntimeError(f"unpicklable outcome: {outcome[1]!r} ({error})")))
    sender.close()


@pytest.fixture(scope="session")
def seed_html() -> bytes:
    """Our hand-written page the seed text could have been flattened from."""
    return fixture_bytes("sputnik_seed.html")


@pytest.fixture(scope="session")
def seed_article(seed_html: bytes) -> byline.Article:
    """The record byline extracts from the seed page (extracted once per run)."""
    return byline.extract(seed_html, url=SEED_URL)


class QuietHandler(BaseHTTPRequestHandler):
    """A local test server's request handler: ``_send`` answers 200 with a body, and nothing
    is logged."""

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass
