"""The web interface in a real browser: Chromium, driven by Playwright, against uvicorn.

The server runs in a thread on a free port of 127.0.0.1 over the same corpus
as ``test_web.py`` (real records of the sample pages, the seed page and the
XSS page). Every test records the browser's dialogs, console messages and page
errors: a dialog means an injected script ran, a Content-Security-Policy
message means one tried to (or that our own pages break our policy).
Each test saves a screenshot to ``artifacts/screenshots/<test>.png``.

Needs Chromium at /usr/bin/chromium (``apt-get install chromium``) or at the
path in ``BYLINE_CHROMIUM``; the tests are skipped without it, unless
``BYLINE_REQUIRE_BROWSER`` is set (as ``.ci/run`` does): then they fail.
``BYLINE_UPDATE_SCREENSHOT=1`` also renews the README's ``docs/screenshot-search.png``.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytest.importorskip("uvicorn", reason="the web extra is not installed")

import uvicorn
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

from byline.record import Record
from byline.store import Store
from byline.web.app import create_app
from tests.conftest import FIXTURES, SEED_URL
from tests.test_web import XSS, corpus_rows, record_id

CHROMIUM = Path(os.environ.get("BYLINE_CHROMIUM", "/usr/bin/chromium"))
"""The browser to drive: Debian's chromium package, or any Chrome/Chromium named here."""
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("BYLINE_REQUIRE_BROWSER"),  # CI requires it
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium, or set BYLINE_CHROMIUM)",
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no internet here: these stop Chromium waiting on it
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).parents[1]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
README_SCREENSHOT = REPO / "docs" / "screenshot-search.png"
SERVER_START_SECONDS = 10.0


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a uvicorn server of the test corpus."""
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    store = Store(db)
    try:
        store.ingest(map(Record.from_dict, corpus_rows()))
    finally:
        store.close()
    with served(db) as url:
        yield url


@contextmanager
def served(db: Path) -> Iterator[str]:
    """The address of a uvicorn server of the corpus ``db``, while the block runs."""
    with socket.socket() as probe:  # a free port (the kernel picks one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Events:
    """What the page did that no page of ours should make it do."""

    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.dialogs == [], "a dialog opened: an injected script ran"
        assert self.errors == [], "a script failed"
        policy = [message for message in self.console if "Content Security Policy" in message]
        assert policy == [], "something broke the Content-Security-Policy"
        assert not [m for m in self.console if m.startswith("error")], self.console


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser page; its screenshot is saved when the test ends."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    events = Events()

    def on_dialog(dialog: Dialog) -> None:
        events.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: events.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: events.errors.append(str(error)))
    page.events = events  # type: ignore[attr-defined]
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{request.node.name}.png", full_page=True)
    context.close()


def test_search_and_see_results(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("/")  # our script focuses the search box (so it ran under the CSP)
    page.keyboard.type("first")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=first"))
    titles = page.locator(".hit h3 a").all_inner_texts()
    assert "Japan, France Agree to Strengthen Defense Cooperation" in titles
    marks = page.locator(".snippet mark").all_inner_texts()
    assert marks and {mark.lower() for mark in marks} == {"first"}
    assert page.locator(".histogram rect").count() >= 1
    page.events.assert_clean()
    if os.environ.get("BYLINE_UPDATE_SCREENSHOT"):  # the README's picture, on request only
        page.screenshot(path=README_SCREENSHOT)


def test_click_a_facet_to_filter(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    everything = page.locator(".hit").count()
    page.locator('.facet[data-facet="language"] a', has_text=re.compile("^de$")).click()
    page.wait_for_url(re.compile(r"language=de"))
    assert page.locator(".hit h3 a").all_inner_texts() == [
        "Neue Fähre verbindet Altstadt und Hafeninsel"
    ]
    page.locator(".active-filters .chip").click()  # remove the filter again
    page.wait_for_url(lambda url: "language=" not in url)
    assert page.locator(".hit").count() == everything
    page.events.assert_clean()


def test_open_an_article(page: Page, base_url: str) -> None:
    page.goto(base_url + "/?q=barrier")
    page.locator(".hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator("h1").inner_text() == (
        "Port Authority Approves Tidal Barrier After Decade of Delays"
    )
    assert page.locator("#field-published .source").all_inner_texts() == ["json-ld", "url"]
    assert "Priya Nair" in page.locator("blockquote footer").all_inner_texts()[-1]
    assert page.locator(".duplicates a").count() == 1
    page.events.assert_clean()


def test_inspect_the_seed_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/inspect")
    page.fill("input[name=url]", SEED_URL)
    page.fill("textarea[name=html]", (FIXTURES / "sputnik_seed.html").read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    page.wait_for_selector("#blocks")
    kept = page.locator("#blocks .kept")
    dropped = page.locator("#blocks .dropped")
    assert any("agreed to strengthen defense ties" in text for text in kept.all_inner_texts())
    assert any("cookies" in text for text in dropped.all_inner_texts())
    record = page.locator(".inspected-record").inner_text()
    assert "Japan, France Agree to Strengthen Defense Cooperation" in record
    page.check("#hide-dropped")  # our script hides the dropped blocks
    assert dropped.first.is_hidden() and kept.first.is_visible()
    page.uncheck("#hide-dropped")
    page.events.assert_clean()


def test_the_xss_page_runs_no_script(page: Page, base_url: str) -> None:
    page.goto(base_url + "/?q=alert")
    page.locator(".hit h3 a", has_text="Harbour Council").click()
    page.wait_for_url(re.compile(record_id(XSS)))
    assert "<script>alert('quote')</script>" in page.locator(".text").inner_text()
    _assert_no_injected_markup(page)
    page.goto(base_url + "/inspect")
    page.fill("textarea[name=html]", (FIXTURES / XSS).read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    page.wait_for_selector("#blocks")
    _assert_no_injected_markup(page)
    page.goto(base_url + f"/articles/{record_id(XSS)}")
    page.wait_for_load_state("networkidle")  # give any deferred payload its chance
    page.events.assert_clean()


def _assert_no_injected_markup(page: Page) -> None:
    """No element with an event handler, and no script but our own, in the live DOM."""
    with_handlers = page.evaluate(
        """() => [...document.querySelectorAll('*')]
            .filter(el => [...el.attributes].some(a => a.name.startsWith('on')))
            .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert with_handlers == []
    scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["/static/app.js"]
