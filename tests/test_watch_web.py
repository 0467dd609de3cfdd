"""The web interface of article versions: the API's ``/api/articles/{id}/versions``, the
article page's versions and word diff (page content escaped), the changed/removed filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'byline[web]'")

import lxml.html

from bench.newsroom import PARAGRAPHS
from byline.store import Store
from byline.web.app import create_app
from tests.test_watch import CORRECTION, REWRITTEN, record
from tests.test_web import TestClient, assert_no_live_markup_from_pages, text_of

PAYLOAD = "<script>alert('v2')</script>"


def three_versions(db: Path) -> str:
    """A corpus with one article in three versions (the second with a script in its body
    and title), and another article; the first one's id."""
    body = "\n\n".join(PARAGRAPHS)
    with Store(db) as store:
        store.ingest(
            [
                record(),
                record(id="page-2", url="https://news.example/news/2", title="Ferry strike ends"),
                record(body + f"\n\n{PAYLOAD}", title=f"{REWRITTEN} {PAYLOAD}", fetched_at="T2"),
                record(body.replace("Tuesday", "Wednesday") + f"\n\n{CORRECTION}", fetched_at="T3"),
            ]
        )
    return "page-1"


@pytest.fixture
def web_client(tmp_path: Path) -> Iterator[TestClient]:
    three_versions(tmp_path / "corpus.db")
    with TestClient(create_app(tmp_path / "corpus.db")) as client:
        yield client


def test_the_api_gives_every_version_of_an_article(web_client: TestClient) -> None:
    versions = web_client.get("/api/articles/page-1/versions").json()
    assert [v["number"] for v in versions] == [1, 2, 3]
    assert [v["changed"] for v in versions] == [[], ["title", "body"], ["title", "body"]]
    assert versions[1]["record"]["title"] == f"{REWRITTEN} {PAYLOAD}"
    assert [v["fetched_at"] for v in versions] == ["2026-12-01T10:00:00Z", "T2", "T3"]
    assert web_client.get("/api/articles/page-2/versions").json()[0]["changed"] == []
    missing = web_client.get("/api/articles/nothing/versions")
    assert missing.status_code == 404 and "nothing" in missing.json()["detail"]
    changed = web_client.get("/api/search", params={"changed": "true"}).json()
    assert [hit["id"] for hit in changed["hits"]] == ["page-1"]
    assert web_client.get("/api/search", params={"removed": "true"}).json()["total"] == 0


def test_the_article_page_shows_its_versions_and_a_diff_as_text(web_client: TestClient) -> None:
    page = web_client.get("/articles/page-1").text
    assert_no_live_markup_from_pages(page)
    shown = text_of(page)
    assert "3 versions" in shown
    assert "Version 2 (T2) → version 3 (T3): changed title, body" in shown
    diff = lxml_diff(page)
    assert diff == {
        "del": ["approves ", f" after decade of delays {PAYLOAD}", "Tuesday ", PAYLOAD],
        "ins": ["backs ", "Wednesday ", CORRECTION],
    }

    first_to_last = web_client.get("/articles/page-1", params={"older": 1, "newer": 3}).text
    assert "Version 1 (2026-12-01T10:00:00Z) → version 3 (T3): changed body" in text_of(
        first_to_last
    )
    assert lxml_diff(first_to_last) == {
        "del": ["Tuesday "],
        "ins": ["Wednesday ", f"\n\n{CORRECTION}"],
    }
    single = text_of(web_client.get("/articles/page-2").text)
    assert "1 version " in single and "Compare" not in single
    assert "changed" in text_of(web_client.get("/", params={"changed": "true"}).text)


def lxml_diff(page: str) -> dict[str, list[str]]:
    """The deleted and inserted texts of the page's diff."""
    tree = lxml.html.fromstring(page)
    (diff,) = tree.find_class("diff")
    return {tag: [el.text_content() for el in diff.iter(tag)] for tag in ("del", "ins")}
