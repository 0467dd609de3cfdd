"""The evidence each candidate carries (``byline.sources.candidate.Evidence``): how the
markup states the value, under which name, and for the visible page's bylines and dates
their rank, score and place. A learned chooser reads it through ``extract.candidates``."""

from __future__ import annotations

import json
from types import ModuleType

import pytest
from conftest import SAMPLES, SHARED, as_written

from byline.document import parse
from byline.extract import candidates
from byline.fields import Field, Markup, Source
from byline.sources import (
    collect,
    dom,
    dublincore,
    jsonld,
    meta,
    microdata,
    opengraph,
    twitter,
    url,
)
from byline.sources.candidate import AnyCandidate

CORPUS = SHARED / "corpus" / "dev"
CORPUS_STEP = 16
"""Every 16th dev page by file name: about 50 pages across languages and site types."""

SCHEMA_OBJECTS = {
    Markup.ARTICLE_OBJECT,
    Markup.STRAY_PROPERTY,
    Markup.PAGE_OBJECT,
    Markup.SITE_OBJECT,
    Markup.BREADCRUMB,
}
META = {Markup.META_TAG, Markup.META_JSON}
STATED_BY: dict[Source, set[Markup]] = {
    Source.JSON_LD: SCHEMA_OBJECTS - {Markup.STRAY_PROPERTY},
    Source.MICRODATA: SCHEMA_OBJECTS,
    Source.OPENGRAPH: META,
    Source.TWITTER: META,
    Source.META: META,
    Source.DUBLIN_CORE: META,
}
"""What in its markup each structured source reads."""
PLACED_FIELDS = (Field.AUTHORS, Field.PUBLISHED, Field.MODIFIED)
"""The fields whose dom candidates the visible page ranks and places."""


def _pages() -> list[object]:
    pages: list[object] = [
        pytest.param(path.read_bytes(), None, id=path.name)
        for path in sorted(SAMPLES.glob("*.html"))
    ]
    annotations = CORPUS / "annotations.json"
    if not annotations.exists():
        missing = pytest.mark.skip(reason="../shared/corpus/dev is not here")
        return [*pages, pytest.param(b"", None, id="dev corpus", marks=missing)]
    entries = json.loads(annotations.read_text(encoding="utf-8"))
    files = sorted((entry["file"], page_url) for page_url, entry in entries.items())
    for file, page_url in files[::CORPUS_STEP]:
        pages.append(pytest.param((CORPUS / "html" / file).read_bytes(), page_url, id=file))
    return pages


PAGES = _pages()


@pytest.mark.parametrize(("html", "page_url"), PAGES)
def test_every_candidate_of_a_real_page_says_how_it_was_found(
    html: bytes, page_url: str | None
) -> None:
    found = candidates(html, page_url)
    assert found, "every page has a candidate (a title, a heading)"
    for candidate in found:
        evidence = candidate.evidence
        assert isinstance(evidence.how, Markup), candidate
        if candidate.source in STATED_BY:  # structured data names what it states
            assert evidence.how in STATED_BY[candidate.source], candidate
            assert evidence.key, candidate
    placed = [c for c in found if c.source is Source.DOM and c.field in PLACED_FIELDS]
    for name in PLACED_FIELDS:
        ranks = [c.evidence.rank for c in placed if c.field is name]
        assert ranks == list(range(len(ranks)))
    for candidate in placed:
        evidence = candidate.evidence
        assert evidence.line is not None and evidence.score is not None, candidate
    # the page has an article element around its headline, or it has none
    assert len({c.evidence.in_article is None for c in placed}) <= 1


@pytest.mark.parametrize(("html", "page_url"), PAGES[:3])
def test_candidates_are_what_the_sources_collect_unchosen(
    html: bytes, page_url: str | None
) -> None:
    assert candidates(html, page_url) == collect(parse(html, page_url))


# --- the key: the name the markup gives the value ------------------------------------------

PAGE_URL = "https://news.example/2024/03/14/story"
ARTICLE = Markup.ARTICLE_OBJECT


def _stated(module: ModuleType, html: str, name: Field) -> tuple[Markup | None, str | None]:
    """How ``module`` states its one ``name`` candidate of ``html``, and under which key."""
    (found,) = [c for c in module.candidates(parse(html, PAGE_URL)) if c.field is name]
    return found.evidence.how, found.evidence.key


def _json_ld(data: dict[str, object]) -> str:
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return f"<html><head>{script}</head><body><p>x</p></body></html>"


def _head(tags: str) -> str:
    return f"<html><head>{tags}</head><body><p>x</p></body></html>"


NEWS = {"@type": "NewsArticle", "headline": "H"}
BREADCRUMB = {
    "@type": "BreadcrumbList",
    "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name}
        for i, name in enumerate(("Home", "Sport", "H"), start=1)
    ],
}


@pytest.mark.parametrize(
    ("html", "name", "expected"),
    [
        (_json_ld({**NEWS, "datePublished": "2024-03-14"}), Field.PUBLISHED, "datePublished"),
        (_json_ld({**NEWS, "dateCreated": "2024-03-14"}), Field.PUBLISHED, "dateCreated"),
        (_json_ld({"@type": "Article", "name": "N"}), Field.TITLE, "name"),
        (_json_ld({**NEWS, "name": "N"}), Field.TITLE, "headline"),
        (_json_ld({**NEWS, "creator": "Ann Lee"}), Field.AUTHORS, "creator"),
        (_json_ld({**NEWS, "author": "Ann Lee", "creator": "Bo"}), Field.AUTHORS, "author"),
        (_json_ld({**NEWS, "mainEntityOfPage": PAGE_URL}), Field.CANONICAL_URL, "mainEntityOfPage"),
        (_json_ld({**NEWS, "thumbnailUrl": "/t.jpg"}), Field.IMAGES, "thumbnailUrl"),
        (_json_ld({**NEWS, "mentions": {"name": "Rugby"}}), Field.TAGS, "mentions"),
        (_json_ld({**NEWS, "publisher": {"name": "Gazette"}}), Field.SITE_NAME, "publisher"),
    ],
)
def test_json_ld_states_the_article_property_the_page_used(
    html: str, name: Field, expected: str
) -> None:
    assert _stated(jsonld, html, name) == (ARTICLE, expected)


def test_json_ld_states_which_object_held_the_value() -> None:
    page = _json_ld({"@type": "WebPage", "name": "About us", "dateModified": "2024-01-02"})
    assert _stated(jsonld, page, Field.MODIFIED) == (Markup.PAGE_OBJECT, "dateModified")
    site = {"@type": "WebSite", "name": "Gazette"}
    graph = _json_ld({"@graph": [{**NEWS, "isPartOf": site}, BREADCRUMB]})
    assert _stated(jsonld, graph, Field.SITE_NAME) == (Markup.SITE_OBJECT, "name")
    assert _stated(jsonld, graph, Field.SECTION) == (Markup.BREADCRUMB, "itemListElement")


def test_microdata_states_the_property_and_whether_an_item_held_it() -> None:
    item = (
        '<article itemscope itemtype="https://schema.org/BlogPosting">'
        '<h1 itemprop="headline">H</h1><time itemprop="dateCreated" datetime="2024-03-14">'
        "14 March</time></article>"
    )
    assert _stated(microdata, item, Field.PUBLISHED) == (ARTICLE, "dateCreated")
    stray = '<h1 itemprop="headline">H</h1><time itemprop="datePublished">2024-03-14</time>'
    assert _stated(microdata, stray, Field.PUBLISHED) == (Markup.STRAY_PROPERTY, "datePublished")


TAG = Markup.META_TAG


@pytest.mark.parametrize(
    ("module", "tags", "name", "expected"),
    [
        (
            opengraph,
            '<meta property="og:updated_time" content="2024-03-15">',
            Field.MODIFIED,
            (TAG, "og:updated_time"),
        ),
        (
            opengraph,
            '<meta property="og:updated_time" content="2024-03-15">'
            '<meta property="article:modified_time" content="2024-03-16">',
            Field.MODIFIED,
            (TAG, "article:modified_time"),
        ),
        (
            opengraph,
            '<meta name="og:article:published_time" content="2024-03-14">',
            Field.PUBLISHED,
            (TAG, "og:article:published_time"),
        ),
        (
            opengraph,
            '<meta property="og:image:secure_url" content="https://x.example/a.jpg">',
            Field.IMAGES,
            (TAG, "og:image:secure_url"),
        ),
        (
            twitter,
            '<meta name="twitter:text:title" content="T">',
            Field.TITLE,
            (TAG, "twitter:text:title"),
        ),
        (
            twitter,
            '<meta name="twitter:image:src" content="https://x.example/a.jpg">',
            Field.IMAGES,
            (TAG, "twitter:image:src"),
        ),
        (
            meta,
            '<meta name="citation_date" content="2024-03-14">',
            Field.PUBLISHED,
            (TAG, "citation_date"),
        ),
        (
            meta,
            '<meta name="news_keywords" content="a, b">',
            Field.KEYWORDS,
            (TAG, "news_keywords"),
        ),
        (
            meta,
            '<meta name="Citation_Author" content="Ann Lee">',
            Field.AUTHORS,
            (TAG, "citation_author"),
        ),
        (
            meta,
            """<meta name="parsely-page" content='{"pub_date": "2024-03-14T10:00:00Z"}'>""",
            Field.PUBLISHED,
            (Markup.META_JSON, "pub_date"),
        ),
        (
            dublincore,
            '<meta name="DCTERMS.created" content="2024-03-14">',
            Field.PUBLISHED,
            (TAG, "dcterms.created"),
        ),
        (
            dublincore,
            '<meta name="DC.creator" content="Ann Lee">',
            Field.AUTHORS,
            (TAG, "dc.creator"),
        ),
    ],
)
def test_meta_tag_sources_state_the_tag_the_page_used(
    module: ModuleType, tags: str, name: Field, expected: tuple[Markup, str]
) -> None:
    assert _stated(module, _head(tags), name) == expected


# --- how the visible page and the address show a value --------------------------------------


def _dom(body: str, head: str = "") -> list[AnyCandidate]:
    return dom.candidates(parse(f"<html><head>{head}</head><body>{body}</body></html>", PAGE_URL))


def _how(found: list[AnyCandidate], name: Field) -> list[tuple[Markup | None, str | None]]:
    return [(c.evidence.how, c.evidence.key) for c in found if c.field is name]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<time datetime="2024-03-14">14 March</time>', (Markup.TIME_ELEMENT, None)),
        (
            '<span itemprop="datePublished" content="2024-03-14">14 March</span>',
            (Markup.DATE_PROPERTY, "datePublished"),
        ),
        ('<div class="post-date">14.03.2024</div>', (Markup.DATE_MARKED_TEXT, None)),
        ("<p>14.03.2024</p>", (Markup.TEXT, None)),
        (
            "<p>(14. März 2024) " + "Der Hafen bekommt eine neue Fähre. " * 10 + "</p>",
            (Markup.DATELINE, None),
        ),
        (
            '<div class="date"><span>Mar</span> <span>14</span> <span>2024</span></div>',
            (Markup.SPLIT_DATE, None),
        ),
        (
            '<script>var data = {"published_at": "2024-03-14"};</script>',
            (Markup.SCRIPT_DATA, "published_at"),
        ),
        ('<span title="2024-03-14 10:00">2 days ago</span>', (Markup.TITLE_ATTRIBUTE, None)),
        ('<a href="/archive/2024/03/14">2 days ago</a>', (Markup.LINK_ADDRESS, None)),
        ("<!-- published 2024-03-14 -->", (Markup.HTML_COMMENT, None)),
    ],
)
def test_dom_dates_say_what_showed_them(body: str, expected: tuple[Markup, str | None]) -> None:
    found = _dom(f"<article><h1>Die neue Fähre</h1>{body}<p>Text.</p></article>")
    assert _how(found, Field.PUBLISHED)[0] == expected


def test_dom_dates_of_meta_tags_and_the_title_say_so() -> None:
    head = '<title>Die neue Fähre - 14.03.2024</title><meta name="Pub_Date" content="2024-03-13">'
    found = _dom("<h1>Die neue Fähre</h1><p>Text.</p>", head)
    assert set(_how(found, Field.PUBLISHED)) == {
        (Markup.TITLE_ELEMENT, None),
        (Markup.META_TAG, "pub_date"),
    }


def test_dom_bylines_and_dates_say_whether_the_article_holds_them() -> None:
    found = _dom(
        '<article><h1>Die neue Fähre</h1><p class="byline">Von Anna Muster</p>'
        "<p>15.03.2024</p><p>Text.</p></article>"
        '<aside><p class="byline">Von Max Beispiel</p><p>14.03.2024</p></aside>'
    )
    dates = {
        (as_written(c.value), c.evidence.in_article) for c in found if c.field is Field.PUBLISHED
    }
    assert dates == {("2024-03-15", True), ("2024-03-14", False)}
    authors = {(c.value[0].name, c.evidence.in_article) for c in found if c.field is Field.AUTHORS}
    assert authors == {("Anna Muster", True), ("Max Beispiel", False)}
    # a page without an article element does not say
    loose = _dom("<h1>Die neue Fähre</h1><p class='byline'>Von Anna Muster</p>")
    assert [c.evidence.in_article for c in loose if c.field is Field.AUTHORS] == [None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<p class="byline">Anna Muster</p>', Markup.BYLINE_ELEMENT),
        ("<p>Von Anna Muster</p>", Markup.BYLINE_TEXT),
        ("<p>14.03.2024 - Anna Muster</p>", Markup.DATED_NAME),
        ("<p>Text.</p><p><b>Anna Muster</b></p>", Markup.SIGNATURE),
    ],
)
def test_dom_bylines_say_what_showed_them(body: str, expected: Markup) -> None:
    found = _dom(f"<article><h1>Die neue Fähre</h1><p>Erster Absatz.</p>{body}</article>")
    assert _how(found, Field.AUTHORS)[0] == (expected, None)


def test_headings_and_rel_links_name_their_tag_and_rel() -> None:
    head = '<link rel="canonical" href="/a"><link rel="license" href="/cc">'
    found = _dom("<article><h1>Die neue Fähre</h1><h2>Mehr zum Thema</h2></article>", head)
    assert _how(found, Field.HEADLINE) == [(Markup.HEADING, "h1"), (Markup.HEADING, "h2")]
    assert _how(found, Field.CANONICAL_URL) == [(Markup.REL_LINK, "canonical")]
    assert _how(found, Field.LICENSE) == [(Markup.REL_LINK, "license")]


def test_the_url_source_says_which_address_held_the_day() -> None:
    page = "<html><head><link rel='canonical' href='https://x.example/2024/03/14/a'></head></html>"
    (from_canonical,) = url.candidates(parse(page, "https://x.example/a?id=1"))
    assert from_canonical.evidence.how is Markup.CANONICAL_URL
    (from_page,) = url.candidates(parse(page, "https://x.example/2024/03/15/a"))
    assert from_page.evidence.how is Markup.PAGE_URL
