"""The web interface (``byline serve``): pages, JSON API, and its defences.

The corpus is a real ``byline.store.Store`` holding the records byline
extracts from the sample pages, the seed page and ``xss_page.html`` (a page
whose every field carries a script-injection payload), plus one syndicated
copy of a sample. Requests go through FastAPI's TestClient; fetching tests use
a local HTTP server or an httpx mock transport, never the internet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'byline[web]'")

import httpx
import lxml.html
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

import byline
from byline.record import Record, Source
from byline.store import Store
from byline.web import add_command, dispatch
from byline.web.app import create_app
from byline.web.command import LOOPBACK_HOSTS
from byline.web.fetch import (
    MAX_PAGE_BYTES,
    FetchRefused,
    PageFetcher,
    PageTooLarge,
    non_public_kind,
)
from byline.web.search import StorePerThread
from byline.web.security import CONTENT_SECURITY_POLICY
from byline.web.views import histogram_bars
from tests.conftest import FIXTURES, SAMPLES, SEED_URL, SHARED

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2 in its TestClient
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

HARBOUR = "harbour-gazette-wire.html"
XSS = "xss_page.html"
XSS_URL = "https://xss-daily.example/2024/05/02/sea-wall"
COPY_ID = "copy-of-harbour"
PUBLIC_IP = "93.184.216.34"
"""A public address the fake resolver gives for made-up hosts (no connection is made)."""


# --- the corpus -------------------------------------------------------------------


def record_id(name: str) -> str:
    """A stable id for a page, as ``byline run`` makes one from its input."""
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def corpus_rows() -> list[dict[str, Any]]:
    """``byline run``-style rows: every sample page, the seed page, the XSS page, and a
    syndicated copy of the harbour story marked as its duplicate."""
    pages = [
        (path, f"https://{path.stem}.example/news/story") for path in sorted(SAMPLES.glob("*.html"))
    ]
    pages += [(FIXTURES / "sputnik_seed.html", SEED_URL), (FIXTURES / XSS, XSS_URL)]
    rows = []
    for path, url in pages:
        article = byline.extract(path.read_bytes(), url=url)
        source = Source("file", path=path.name)
        rows.append(Record(record_id(path.name), source, None, article).to_dict())
    harbour = next(row for row in rows if row["id"] == record_id(HARBOUR))
    copy_url = "https://syndication.example/wire/tidal-barrier"
    rows.append(
        {
            **harbour,
            "id": COPY_ID,
            "url": copy_url,
            "canonical_url": copy_url,
            "duplicate_of": harbour["id"],
        }
    )
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return corpus_rows()


@pytest.fixture(scope="module")
def corpus_db(rows: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    store = Store(path)
    try:
        store.ingest(map(Record.from_dict, rows))
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_db)) as test_client:
        yield test_client


def links(page_html: str, css_class: str | None = None) -> dict[str, str]:
    """Link text to href, for the links in elements of ``css_class`` (or all)."""
    tree = lxml.html.fromstring(page_html)
    scope = tree.find_class(css_class) if css_class else [tree]
    return {" ".join(a.text_content().split()): a.get("href") for el in scope for a in el.iter("a")}


def text_of(page_html: str) -> str:
    return " ".join(lxml.html.fromstring(page_html).text_content().split())


# --- search -----------------------------------------------------------------------


def test_search_page_shows_matching_articles_with_highlighted_snippets(client: TestClient) -> None:
    response = client.get("/", params={"q": "barrier"})
    assert response.status_code == 200
    hits = links(response.text, "hits")
    assert "Port Authority Approves Tidal Barrier After Decade of Delays" in hits
    assert all("Hayashi" not in title for title in hits)  # the seed story does not match
    assert "<mark>" in response.text
    snippets = lxml.html.fromstring(response.text).find_class("snippet")
    assert any(mark.text.lower() == "barrier" for s in snippets for mark in s.iter("mark"))


def test_search_page_without_query_lists_the_corpus(client: TestClient, rows: list) -> None:
    page = client.get("/").text
    assert f"{len(rows)} articles" in text_of(page)
    assert "Japan, France Agree to Strengthen Defense Cooperation" in links(page, "hits")


def test_facet_link_filters_results_and_the_filter_can_be_removed(client: TestClient) -> None:
    page = client.get("/").text
    tree = lxml.html.fromstring(page)
    language_facet = next(
        el for el in tree.find_class("facet") if el.get("data-facet") == "language"
    )
    href = next(a.get("href") for a in language_facet.iter("a") if a.text == "de")
    assert parse_qs(urlsplit(href).query)["language"] == ["de"]

    filtered = client.get(href).text
    assert list(links(filtered, "hits")) == ["Neue Fähre verbindet Altstadt und Hafeninsel"]
    chips = links(filtered, "active-filters")
    remove = next(href for label, href in chips.items() if label.startswith("language de"))
    assert "language" not in parse_qs(urlsplit(remove).query)
    assert len(links(client.get(remove).text, "hits")) > 1


def test_histogram_bar_links_filter_by_month(client: TestClient) -> None:
    page = client.get("/", params={"q": "barrier"}).text
    svg = lxml.html.fromstring(page).find_class("histogram")[0]
    bars = {" ".join(a.text_content().split()): a.get("href") for a in svg.iter("a")}
    assert list(bars) == ["2024-03: 2"]  # the harbour story and its syndicated copy
    query = parse_qs(urlsplit(bars["2024-03: 2"]).query)
    assert (query["since"], query["until"]) == (["2024-03-01"], ["2024-03-31"])
    assert query["q"] == ["barrier"]


def test_histogram_fills_empty_months_and_counts_years_over_long_spans() -> None:
    bars = histogram_bars([("2023-12", 4), ("2024-02", 2)])
    assert [(bar.label, bar.count) for bar in bars] == [
        ("2023-12", 4),
        ("2024-01", 0),
        ("2024-02", 2),
    ]
    assert bars[0].height == 2 * bars[2].height and bars[1].height == 0
    assert (bars[2].since, bars[2].until) == ("2024-02-01", "2024-02-29")
    years = histogram_bars([("2001-05", 1), ("2001-09", 2), ("2024-01", 3)])
    assert [(bar.label, bar.count) for bar in years][:2] == [("2001", 3), ("2002", 0)]
    assert (years[-1].label, years[-1].since, years[-1].until) == (
        "2024",
        "2024-01-01",
        "2024-12-31",
    )


def test_bad_search_parameters_get_a_clear_error_page(client: TestClient) -> None:
    response = client.get("/", params={"since": "yesterday"})
    assert response.status_code == 422
    assert "since" in text_of(response.text)
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("path", ["/", "/api/search"])
def test_date_filters_take_a_year_a_month_or_a_day_as_the_command_line_does(
    client: TestClient, path: str
) -> None:
    def found(**dates: str) -> set[str]:
        response = client.get(path, params={"q": "barrier", **dates})
        assert response.status_code == 200, response.text
        if path == "/api/search":
            return {hit["id"] for hit in response.json()["hits"]}
        hits = lxml.html.fromstring(response.text).find_class("hit")
        return {hit.find(".//h3/a").get("href").rsplit("/", 1)[1] for hit in hits}

    story = {record_id(HARBOUR), COPY_ID}  # published 2024-03-14
    for since, until in [("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-14", "2024-03-14")]:
        assert found(since=since, until=until) == story
    assert found(since="2019", until="2024-02") == found(since="2024-04") == set()


@pytest.mark.parametrize("path", ["/", "/api/search"])
def test_a_bad_date_filter_is_a_422_naming_the_forms(client: TestClient, path: str) -> None:
    response = client.get(path, params={"since": "2019-13"})
    assert response.status_code == 422
    assert "not a date: '2019-13' (use YYYY-MM-DD, YYYY-MM or YYYY)" in (
        text_of(response.text) if path == "/" else response.json()["detail"][0]["msg"]
    )


@pytest.mark.parametrize("path", ["/", "/api/search"])
def test_a_query_over_a_limit_is_a_400_saying_which(client: TestClient, path: str) -> None:
    response = client.get(path, params={"q": " ".join(["b*"] * 166)})
    assert response.status_code == 400
    message = text_of(response.text) if path == "/" else response.json()["detail"]
    assert "'b*' is too short a prefix" in message


def test_empty_date_fields_mean_no_filter(client: TestClient, rows: list) -> None:
    response = client.get("/", params={"q": "", "since": "", "until": ""})
    assert response.status_code == 200
    assert f"{len(rows)} articles" in text_of(response.text)


# --- the article page ---------------------------------------------------------------


def test_article_page_shows_fields_with_their_provenance(client: TestClient) -> None:
    page = client.get(f"/articles/{record_id(HARBOUR)}").text
    tree = lxml.html.fromstring(page)
    published = tree.get_element_by_id("field-published")
    assert "2024-03-14T11:02:00+00:00" in published.text_content()
    sources = [el.text for el in published.find_class("source")]
    assert sources == ["json-ld", "url"]  # the winner, then the value the URL gave
    title_row = tree.get_element_by_id("field-title").text_content()
    assert "| The Harbour Gazette" in title_row  # the raw <title> lost to the cleaned one
    quotes = {
        quote.find("p").text_content(): quote.find("footer").text_content()
        for quote in tree.iter("blockquote")
    }
    assert quotes["“Finally somebody is doing something that lasts.”"] == "— Priya Nair"
    assert "Dateline: LONDON (Harbour Wire)" in text_of(page)
    assert "The board voted seven to two" in text_of(page)


def test_article_page_links_the_original_without_referrer(client: TestClient) -> None:
    page = client.get(f"/articles/{record_id(HARBOUR)}").text
    original = lxml.html.fromstring(page).find_class("original")[0]
    assert original.get("href").startswith("https://www.harbourgazette.example/news/2024/")
    assert set(original.get("rel").split()) == {"noopener", "noreferrer", "nofollow"}


def test_article_page_lists_copies_of_the_story(client: TestClient) -> None:
    original = client.get(f"/articles/{record_id(HARBOUR)}").text
    copies = links(original, "duplicates")
    assert list(copies.values()) == [f"/articles/{COPY_ID}"]
    copy = client.get(f"/articles/{COPY_ID}").text
    assert f"/articles/{record_id(HARBOUR)}" in links(copy, "duplicates").values()


def test_missing_article_is_a_404_page_and_a_404_json(client: TestClient) -> None:
    page = client.get("/articles/no-such-id")
    assert page.status_code == 404
    assert "No article with id 'no-such-id'" in text_of(page.text)
    api = client.get("/api/articles/no-such-id")
    assert api.status_code == 404
    assert api.json() == {"detail": "No article with id 'no-such-id'."}
    assert client.get("/no/such/page").status_code == 404


# --- the JSON API ---------------------------------------------------------------------


def test_api_search_returns_hits_total_and_facets(client: TestClient, rows: list) -> None:
    data = client.get("/api/search", params={"q": "barrier", "limit": 1}).json()
    assert data["total"] == 2  # the story and its copy
    assert len(data["hits"]) == 1
    assert (
        data["hits"][0]["title"] == "Port Authority Approves Tidal Barrier After Decade of Delays"
    )
    assert {"value": "Environment", "count": 2} in data["facets"]["section"]
    second = client.get("/api/search", params={"q": "barrier", "limit": 1, "offset": 1}).json()
    assert {data["hits"][0]["id"], second["hits"][0]["id"]} == {record_id(HARBOUR), COPY_ID}
    everything = client.get("/api/search", params={"limit": 100}).json()
    assert everything["total"] == len(rows)
    assert sum(month["count"] for month in everything["histogram"]) == len(rows)


def test_api_search_filters(client: TestClient) -> None:
    data = client.get("/api/search", params={"author": "Anna Schmidt"}).json()
    assert [hit["title"] for hit in data["hits"]] == [
        "Neue Fähre verbindet Altstadt und Hafeninsel"
    ]
    data = client.get(
        "/api/search", params={"since": "2024-01-01", "site": "xss-daily.example"}
    ).json()
    assert [hit["id"] for hit in data["hits"]] == [record_id(XSS)]
    assert client.get("/api/search", params={"limit": 0}).status_code == 422


def test_api_article_returns_the_record_as_ingested(client: TestClient, rows: list) -> None:
    seed = next(row for row in rows if row["url"] == SEED_URL)
    assert client.get(f"/api/articles/{seed['id']}").json() == seed


def test_api_extract_from_json_html(client: TestClient, seed_html: bytes) -> None:
    response = client.post(
        "/api/extract", json={"html": seed_html.decode("utf-8"), "url": SEED_URL}
    )
    assert response.status_code == 200
    record = response.json()
    assert record["title"] == "Japan, France Agree to Strengthen Defense Cooperation"
    assert record["provenance"]["published"]["source"] == "json-ld"
    assert record["url"] == SEED_URL  # given with the HTML: the page's address, not fetched


def test_api_extract_from_uploaded_file(client: TestClient, seed_html: bytes) -> None:
    response = client.post("/api/extract", files={"file": ("seed.html", seed_html, "text/html")})
    assert response.status_code == 200
    assert response.json()["word_count"] > 100


@pytest.mark.parametrize(
    ("request_kwargs", "status", "message"),
    [
        ({"json": {}}, 400, "Give the page's HTML"),
        ({"json": {"html": "<html><body><nav>Home</nav></body></html>"}}, 422, "no article"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, ""),
        ({"content": b"<html></html>", "headers": {"content-type": "text/html"}}, 415, "JSON"),
    ],
    ids=["nothing-given", "no-article", "malformed-json", "wrong-media-type"],
)
def test_api_extract_bad_input_gets_a_clear_error(
    client: TestClient, request_kwargs: dict, status: int, message: str
) -> None:
    response = client.post("/api/extract", **request_kwargs)
    assert response.status_code == status
    assert message in str(response.json()["detail"])


# --- fetching: local server, SSRF refusals, redirects, size caps ------------------------


class _PageServer(BaseHTTPRequestHandler):
    """Serves the seed page at /seed, redirects /to-seed there; logs every path."""

    seen: ClassVar[list[str]] = []
    page = b""

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path == "/to-seed":
            self.send_response(302)
            self.send_header("Location", "/seed")
            self.end_headers()
            return
        self.send_response(200 if self.path == "/seed" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page if self.path == "/seed" else b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page_server(seed_html: bytes) -> Iterator[str]:
    """The base URL of a local server of the seed page."""
    _PageServer.page = seed_html
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


def test_api_extract_fetches_a_url_and_follows_redirects(corpus_db: Path, page_server: str) -> None:
    with TestClient(create_app(corpus_db, allow_private_fetch=True)) as trusting:
        response = trusting.post("/api/extract", json={"url": f"{page_server}/to-seed"})
    assert response.status_code == 200
    record = response.json()
    assert record["url"] == f"{page_server}/seed"
    assert record["title"] == "Japan, France Agree to Strengthen Defense Cooperation"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/seed",
        "http://localhost:{port}/seed",
        "http://10.1.2.3/",
        "http://192.168.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/seed",
        "http://[::ffff:127.0.0.1]:{port}/seed",
        "http://0.0.0.0:{port}/seed",
        "http://224.0.0.1/",
        "http://2130706433:{port}/seed",  # 127.0.0.1 as one decimal number
    ],
)
def test_api_extract_refuses_non_public_addresses(
    client: TestClient, page_server: str, url: str
) -> None:
    port = urlsplit(page_server).port
    before = len(_PageServer.seen)
    response = client.post("/api/extract", json={"url": url.format(port=port)})
    assert response.status_code == 403
    assert "only public addresses are fetched" in response.json()["detail"]
    assert len(_PageServer.seen) == before  # nothing reached the server


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a", "gopher://x/", "//x/"]
)
def test_api_extract_refuses_other_schemes(client: TestClient, url: str) -> None:
    response = client.post("/api/extract", json={"url": url})
    assert response.status_code == 403
    assert "only http and https" in response.json()["detail"]


def test_a_url_urlsplit_refuses_is_refused_in_words(client: TestClient) -> None:
    """ "https://[::1/" made ``urlsplit`` raise ValueError, a 500 (found by fuzzing)."""
    for path, form in (("/api/extract", "json"), ("/inspect", "data")):
        response = client.post(path, **{form: {"url": "https://[::1/"}})
        assert response.status_code == 403
        assert "not a valid URL" in response.text


def test_a_redirect_to_no_valid_url_is_a_failed_fetch(corpus_db: Path) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://[broken/"})

    app = create_app(corpus_db)
    app.state.fetcher = PageFetcher(
        transport=httpx.MockTransport(answer), resolve=lambda host, port: [PUBLIC_IP]
    )
    with TestClient(app) as test_client:
        response = test_client.post("/api/extract", json={"url": "http://news.example/story"})
    assert response.status_code == 502
    assert "a redirect to no valid URL" in response.json()["detail"]


def _mock_site(requests: list[str]) -> httpx.MockTransport:
    """news.example: /story redirects to the loopback address; anything else is a page."""

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(str(request.url))
        if request.url.path == "/story":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1/admin"})
        return httpx.Response(200, text="<html><body><p>internal</p></body></html>")

    return httpx.MockTransport(answer)


def test_a_redirect_to_loopback_is_refused(corpus_db: Path) -> None:
    app = create_app(corpus_db)
    requests: list[str] = []
    app.state.fetcher = PageFetcher(
        transport=_mock_site(requests),
        resolve=lambda host, port: [PUBLIC_IP] if host == "news.example" else [host],
    )
    with TestClient(app) as test_client:
        response = test_client.post("/api/extract", json={"url": "http://news.example/story"})
    assert response.status_code == 403
    assert "http://127.0.0.1/admin" in response.json()["detail"]
    assert requests == ["http://news.example/story"]  # the redirect target was never requested


def test_a_host_resolving_to_a_private_address_is_refused() -> None:
    fetcher = PageFetcher(resolve=lambda host, port: [PUBLIC_IP, "10.0.0.7"])
    with pytest.raises(FetchRefused, match=r"resolves to 10\.0\.0\.7, a private address"):
        fetcher.fetch("https://mixed.example/")


def test_non_public_kinds() -> None:
    assert non_public_kind(PUBLIC_IP) is None
    assert non_public_kind("2606:4700:4700::1111") is None
    assert non_public_kind("100.64.0.1") == "not a public address"  # carrier-grade NAT
    assert non_public_kind("fe80::1%eth0") == "a link-local address"
    assert non_public_kind("::ffff:10.0.0.1") == "a private address"


def test_the_inspector_refuses_a_loopback_url_with_a_message(client: TestClient) -> None:
    response = client.post("/inspect", data={"url": "http://127.0.0.1/"})
    assert response.status_code == 403
    error = lxml.html.fromstring(response.text).find_class("error")[0].text_content()
    assert "127.0.0.1 is a loopback address" in error
    # the form is shown again, with the URL the user typed
    assert lxml.html.fromstring(response.text).forms[0].fields["url"] == "http://127.0.0.1/"


def test_fetching_stops_at_the_size_cap(page_server: str, seed_html: bytes) -> None:
    fetcher = PageFetcher(allow_private=True, max_bytes=len(seed_html) - 1)
    with pytest.raises(PageTooLarge):
        fetcher.fetch(f"{page_server}/seed")


def test_an_oversized_upload_is_refused_with_413(client: TestClient) -> None:
    big = b"<p>" + b"x" * MAX_PAGE_BYTES + b"</p>"
    api = client.post("/api/extract", files={"file": ("big.html", big, "text/html")})
    assert api.status_code == 413
    assert "larger than the 10 MB limit" in api.json()["detail"]
    page = client.post("/inspect", files={"file": ("big.html", big, "text/html")})
    assert page.status_code == 413
    tree = lxml.html.fromstring(page.text)
    assert "larger than the 10 MB limit" in tree.find_class("error")[0].text_content()
    assert [form.action for form in tree.forms] == ["/inspect"]  # the inspector, to try again


def test_an_oversized_json_page_is_refused_with_413(client: TestClient) -> None:
    response = client.post("/api/extract", json={"html": "x" * (MAX_PAGE_BYTES + 1)})
    assert response.status_code == 413


# --- the inspector --------------------------------------------------------------------


def test_inspector_shows_the_record_and_kept_and_dropped_blocks(
    client: TestClient, seed_html: bytes
) -> None:
    response = client.post("/inspect", data={"html": seed_html.decode("utf-8"), "url": SEED_URL})
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.text)
    kept = [
        " ".join(el.text_content().split())
        for el in tree.get_element_by_id("blocks").find_class("kept")
    ]
    dropped = [
        " ".join(el.text_content().split())
        for el in tree.get_element_by_id("blocks").find_class("dropped")
    ]
    assert any("have agreed to strengthen defense ties" in text for text in kept)
    assert any("cookies" in text for text in dropped)
    assert not any("cookies" in text for text in kept)
    record = text_of(lxml.html.tostring(tree.find_class("inspected-record")[0]).decode())
    assert "Japan, France Agree to Strengthen Defense Cooperation" in record
    assert "bodyfull" in record  # how sure byline is of the body (``body_quality``)


INSPECTED_PAGES = [
    (FIXTURES / "sputnik_seed.html", SEED_URL),
    (FIXTURES / "russian_story.html", "https://example.ru/news/story"),
    (FIXTURES / XSS, XSS_URL),
    *((path, f"https://{path.stem}.example/news/story") for path in sorted(SAMPLES.glob("*.html"))),
    *(
        (SHARED / "corpus" / "dev" / "html" / name, f"https://example.com/{name}")
        for name in ("blog.python.org.html", "dw.com.colonial.html", "zeit.de.zugverkehr.html")
    ),
]


def shown_blocks(page_html: str, verdict: str) -> list[tuple[str, str]]:
    """(reason, text) of each block the inspector shows with ``verdict`` (its CSS class)."""
    tree = lxml.html.fromstring(page_html)
    return [
        (
            "".join(el.find_class("reason")[0].itertext()) if el.find_class("reason") else "",
            "".join(el.find_class("text")[0].itertext()),
        )
        for el in tree.get_element_by_id("blocks").find_class(verdict)
    ]


@pytest.mark.parametrize(
    ("path", "url"), INSPECTED_PAGES, ids=lambda item: getattr(item, "name", "")
)
def test_the_inspector_shows_as_kept_exactly_the_records_body(
    client: TestClient, path: Path, url: str
) -> None:
    if not path.exists():
        pytest.skip("development corpus not available")
    page = path.read_bytes()
    response = client.post("/inspect", data={"url": url}, files={"file": ("p.html", page)})
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.text)
    shown_record = json.loads("".join(tree.find_class("json")[0].itertext()))
    body = byline.extract(page, url=url).body
    assert shown_record["body"] == body
    assert "\n\n".join(text for _, text in shown_blocks(response.text, "kept")) == body
    assert all(not reason for reason, _ in shown_blocks(response.text, "kept"))
    assert all(reason for reason, _ in shown_blocks(response.text, "dropped"))


def test_the_inspector_says_why_a_box_was_dropped(client: TestClient, seed_html: bytes) -> None:
    response = client.post("/inspect", data={"html": seed_html.decode("utf-8"), "url": SEED_URL})
    dropped = dict((text, reason) for reason, text in shown_blocks(response.text, "dropped"))
    assert dropped["Read our cookie policy"] == "named like boilerplate: cookie-bar"
    assert dropped["Share this story"] == "named like boilerplate: share-bar"
    assert dropped["Japan, France Agree to Strengthen Defense Cooperation"] == "headline again"
    assert dropped["World"] == "page furniture: <nav>"
    captions = shown_blocks(response.text, "caption")
    assert [reason for reason, _ in captions] == ["caption"]
    assert captions[0][1].startswith("Japanese Foreign Minister Yoshimasa Hayashi speaks")


def test_inspector_accepts_an_uploaded_file(client: TestClient) -> None:
    page = (SAMPLES / "rheinblick-de.html").read_bytes()
    response = client.post("/inspect", files={"file": ("page.html", page, "text/html")})
    assert response.status_code == 200
    assert "Neue Fähre verbindet Altstadt und Hafeninsel" in text_of(response.text)


# --- headers, CSP, and hostile pages ------------------------------------------------------


PAGES = [
    "/",
    "/?q=harbour",
    f"/articles/{record_id(HARBOUR)}",
    f"/articles/{record_id(XSS)}",
    "/articles/missing",
    "/inspect",
    "/docs",
    "/openapi.json",
    "/api/search?q=wall",
    f"/api/articles/{record_id(XSS)}",
    "/static/style.css",
    "/static/app.js",
    "/no/such/page",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    if path == "/docs":  # Swagger UI is loaded from its CDN, on that page only
        assert "script-src 'self' https://cdn.jsdelivr.net;" in headers["content-security-policy"]
    else:
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text += data


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "srcdoc")
OUR_SCRIPTS = (
    "/static/app.js",
    "/static/docs.js",
    "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/",
)


def assert_no_live_markup_from_pages(page_html: str) -> None:
    """Fail if the HTML holds anything a page could have injected that a browser would run."""
    assert "<script>alert" not in page_html.lower()
    parser = _Tags()
    parser.feed(page_html)
    assert not parser.script_text.strip(), "inline script"
    for tag, attrs in parser.tags:
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, f"<{tag}> with {handlers}"
        assert "style" not in attrs, f"<{tag}> with an inline style"
        assert tag not in ("iframe", "object", "embed", "base", "style", "img"), f"<{tag}>"
        for name in URL_ATTRIBUTES:
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"{name}={value}"
        if tag == "script":
            assert (attrs.get("src") or "").startswith(OUR_SCRIPTS), attrs


def test_the_xss_page_is_shown_as_text_everywhere(client: TestClient) -> None:
    xss = f"/articles/{record_id(XSS)}"
    pages = [client.get(path).text for path in (xss, "/?q=wall", "/?q=alert", "/?tag=alert('tag')")]
    page_html = (FIXTURES / XSS).read_text(encoding="utf-8")
    pages.append(client.post("/inspect", data={"html": page_html, "url": XSS_URL}).text)
    for page in pages:
        assert_no_live_markup_from_pages(page)
    # ...and the payloads are there, as text a reader can see
    article = text_of(pages[0])
    assert "<script>alert('quote')</script> This wall will protect" in article
    assert "</title><script>alert('title')</script> | Xss Daily" in article
    assert "<svg onload=alert('quote2')>" in article
    assert "alert('quote')" in text_of(pages[-1])


def test_hostile_urls_in_a_record_are_not_links(
    client: TestClient, corpus_db: Path, rows: list, tmp_path: Path
) -> None:
    """A record from another tool (or an older byline) may hold any string as a URL."""
    xss = next(row for row in rows if row["id"] == record_id(XSS))
    hostile = {
        **xss,
        "id": "hostile-urls",
        "url": "javascript:alert('url')",
        "canonical_url": " JavaScript:alert('canonical')",
        "authors": [{"name": "Eve", "url": "javascript:alert('author')"}],
        "images": [{"url": "data:text/html,<script>alert(1)</script>", "caption": "x"}],
        "main_image": "vbscript:msgbox(1)",
    }
    path = tmp_path / "hostile.db"
    store = Store(path)
    store.ingest([Record.from_dict(hostile)])
    store.close()
    with TestClient(create_app(path)) as hostile_client:
        page = hostile_client.get("/articles/hostile-urls").text
    assert_no_live_markup_from_pages(page)
    assert "javascript:alert('author')" in text_of(page)  # shown, not linked


def test_a_server_error_still_carries_the_security_headers(corpus_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    path.write_bytes(corpus_db.read_bytes())
    app = create_app(path)
    path.write_bytes(b"no longer a database " * 512)  # the file breaks while the app serves
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/", params={"q": "harbour"})
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


def test_other_host_names_are_refused_on_loopback(corpus_db: Path) -> None:
    """DNS rebinding: a hostile site's name pointed at 127.0.0.1 must not read our pages."""
    app = create_app(corpus_db, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/").status_code == 200
        rebound = local.get("/", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400
    assert rebound.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_posts_from_other_sites_are_refused(client: TestClient, seed_html: bytes) -> None:
    """A hostile page's form must not make the server extract or fetch for it."""
    upload = {"file": ("seed.html", seed_html, "text/html")}
    api = client.post("/api/extract", files=upload, headers={"sec-fetch-site": "cross-site"})
    assert api.status_code == 403
    assert api.json()["detail"] == "Requests from other sites are refused."
    other_port = client.post("/inspect", files=upload, headers={"sec-fetch-site": "same-site"})
    assert other_port.status_code == 403
    ours = client.post("/inspect", files=upload, headers={"sec-fetch-site": "same-origin"})
    assert ours.status_code == 200


def test_templates_hold_no_inline_script_or_style() -> None:
    templates = Path(byline.__file__).parent / "web" / "templates"
    for template in templates.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "style=" not in source and "<style" not in source, template.name
        assert "|safe" not in source.replace(" ", ""), template.name
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", source, re.S)
        assert all("src=" in attrs and not body.strip() for attrs, body in scripts), template.name


# --- the API against its own OpenAPI schema (Schemathesis) -------------------------------


@pytest.fixture(scope="module")
def api_schema(corpus_db: Path) -> Any:
    app = create_app(corpus_db)
    # Generated URLs must never reach a DNS server: every host "resolves" to loopback,
    # so every fetch is refused (and the refusal checked against the schema).
    app.state.fetcher = PageFetcher(resolve=lambda host, port: ["127.0.0.1"])
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/api/search"), ("GET", "/api/articles/{article_id}"), ("POST", "/api/extract")],
)
def test_api_conforms_to_its_schema(api_schema: Any, method: str, path: str) -> None:
    """Schemathesis-generated requests: no server error, and every answer (status,
    content type, body) as the OpenAPI schema documents it.

    (Not ``schema.parametrize()``: its fixture-based form does not run on pytest 9.)
    """
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def conforms(case: schemathesis.Case) -> None:
        # A well-formed page may still hold no article (422): "valid data is accepted"
        # does not hold for an extractor.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    conforms()


# --- the command line -------------------------------------------------------------------


def _serve_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="byline")
    add_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def test_serve_command_defaults_to_loopback_and_every_core() -> None:
    args = _serve_args("serve", "corpus.db")
    assert (args.host, args.port, args.allow_private_fetch) == ("127.0.0.1", 8000, False)
    assert args.workers == os.cpu_count()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--workers", "0", "not a positive whole number"),
        ("--workers", "100000", "is over 512"),
        # a port past 65535 reached the socket's bind and raised OverflowError
        ("--port", "99999", "is over 65535"),
        ("--port", "-1", "not a positive whole number"),
    ],
)
def test_serve_command_refuses_counts_it_cannot_use(
    corpus_db: Path, capsys: pytest.CaptureFixture, option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        _serve_args("serve", str(corpus_db), option, value)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_each_thread_reads_on_its_own_connection_kept_between_requests(corpus_db: Path) -> None:
    stores = StorePerThread(corpus_db)
    both_running = threading.Barrier(2)

    def two_requests(_: int) -> tuple[Store, Store]:
        both_running.wait(timeout=10)  # two threads at once, each serving two requests
        return stores.get(), stores.get()

    with ThreadPoolExecutor(2) as pool:
        (first, again), (other, other_again) = pool.map(two_requests, range(2))
    assert first is again and other is other_again and first is not other
    assert first.readonly and stores.get() not in (first, other)


SERVER_START_SECONDS = 60.0
"""Starting Python and importing the web stack in each worker: a few seconds, under load more."""


def _children(pid: int) -> dict[int, str]:
    """The command lines of the child processes of ``pid`` by their pid (from /proc)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(stat.parent.name)] = command.decode()
        except (OSError, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table in /proc")
def test_serve_answers_from_worker_processes_and_stops_with_them(corpus_db: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "byline", "serve", str(corpus_db), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api/search?q=barrier"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    assert json.load(response)["total"] == 2
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "no answer"
                time.sleep(0.2)
        workers = [pid for pid, line in _children(server.pid).items() if "spawn_main" in line]
        assert len(workers) == 2
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda _: urllib.request.urlopen(url).status, range(40)))
        assert statuses == [200] * 40
        rebound = urllib.request.Request(url, headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:  # the workers check Host too
            urllib.request.urlopen(rebound)
        assert refused.value.code == 400
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_dispatch_leaves_other_commands_alone() -> None:
    assert dispatch(argparse.Namespace(command="extract")) is None


def test_serve_command_reports_a_missing_or_unreadable_database(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert dispatch(_serve_args("serve", str(tmp_path / "missing.db"))) == 2
    assert "no corpus database at" in capsys.readouterr().err
    not_a_corpus = tmp_path / "notes.db"
    not_a_corpus.write_text("shopping list\n" * 200)
    assert dispatch(_serve_args("serve", str(not_a_corpus))) == 2
    assert f"{not_a_corpus} is not a corpus database" in capsys.readouterr().err


def test_create_app_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no corpus database"):
        create_app(tmp_path / "missing.db")
