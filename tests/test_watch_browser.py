"""An article in three versions in a real browser (as ``test_web_browser.py`` runs one): its
versions listed, two of them compared, the diff shown and no script of a page run."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests import test_web_browser
from tests.test_watch import CORRECTION
from tests.test_watch_web import PAYLOAD, three_versions

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
from playwright.sync_api import Page

pytestmark = test_web_browser.pytestmark
browser, page = test_web_browser.browser, test_web_browser.page
"""The browser and page fixtures of the web interface's browser tests."""


@pytest.fixture(scope="module")
def versions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("versions") / "corpus.db"
    article_id = three_versions(db)
    with test_web_browser.served(db) as url:
        yield f"{url}/articles/{article_id}"


def test_an_article_in_three_versions_shows_its_diff(page: Page, versions_url: str) -> None:
    page.goto(versions_url)
    assert page.locator("#versions-heading").inner_text() == "3 versions"
    assert page.locator(".version-list li").count() == 3
    inserted = [text.strip() for text in page.locator(".diff ins").all_inner_texts()]
    assert inserted == ["backs", "Wednesday", CORRECTION]
    assert PAYLOAD in page.locator(".diff del").all_inner_texts()  # shown as text
    page.select_option("select[name=older]", "1")
    page.select_option("select[name=newer]", "3")
    page.click(".compare button")
    page.wait_for_url(re.compile(r"older=1&newer=3"))
    assert page.locator(".diff-head").inner_text().startswith("Version 1 (")
    assert [text.strip() for text in page.locator(".diff del").all_inner_texts()] == ["Tuesday"]
    page.events.assert_clean()  # type: ignore[attr-defined]
