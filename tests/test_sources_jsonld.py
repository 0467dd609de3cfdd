"""The JSON-LD source: lenient parsing, article choice, @id references, field mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import as_written

from byline.document import parse
from byline.fields import Source
from byline.record import Image, Publisher
from byline.sources import jsonld
from byline.sources._common import lenient_json
from byline.sources._page import MAX_SCANNED_ELEMENTS, page_of
from byline.sources.candidate import AuthorCandidate, Candidate

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "html"
PAGE_URL = "https://news.example.com/politics/2023/06/23/story"


def page(*blocks: str, url: str | None = PAGE_URL) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{scripts}</head><body><p>text</p></body></html>"


def found(html: str, url: str | None = PAGE_URL) -> dict[str, object]:
    """Field -> value of the JSON-LD candidates (one per field)."""
    result: dict[str, object] = {}
    for candidate in jsonld.candidates(parse(html, url)):
        assert isinstance(candidate, Candidate)
        assert candidate.source is Source.JSON_LD
        assert candidate.field not in result, f"two candidates for {candidate.field}"
        result[candidate.field] = as_written(candidate.value)
    return result


FULL_ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Japan &amp; France   agree",
    "description": "  Defence\n cooperation  ",
    "datePublished": "2023-06-23T09:33:00+00:00",
    "dateModified": "2023-06-23T09:46:00+00:00",
    "articleSection": ["military", "world"],
    "keywords": "Japan, France",
    "about": [{"@type": "Thing", "name": "NATO"}, "https://example.com/thing/1"],
    "author": [
        {"@type": "Person", "name": "Jane Doe", "url": "/authors/jane"},
        {"@type": "Organization", "name": "Sputnik"},
        "John Roe",
    ],
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "Sputnik International",
        "url": "https://sputnik.example",
        "logo": {"@type": "ImageObject", "url": "https://sputnik.example/logo.png"},
        "email": "feedback@example.com",
        "telephone": "+7 495 645 6601",
        "parentOrganization": {"@type": "Organization", "name": "MIA Rossiya Segodnya"},
    },
    "image": [
        {
            "@type": "ImageObject",
            "url": "/img/lead.jpg",
            "width": "1920",
            "height": {"@type": "QuantitativeValue", "value": 1080},
            "caption": "The ministers",
        },
        "https://news.example.com/img/square.jpg",
        "/img/lead.jpg",
    ],
    "thumbnailUrl": "https://news.example.com/img/thumb.jpg",
    "inLanguage": "en_EN",
    "license": "https://creativecommons.org/licenses/by/4.0/",
    "mainEntityOfPage": {"@type": "WebPage", "@id": PAGE_URL},
    "speakable": {"@type": "SpeakableSpecification", "xpath": ["/html/head/title", "//h1"]},
    "articleBody": "MOSCOW (Sputnik) - Japan and France agreed.\n\nSecond   paragraph.",
}


def test_full_article_maps_every_field() -> None:
    values = found(page(json.dumps(FULL_ARTICLE)))
    assert values["title"] == "Japan & France agree"
    assert values["description"] == "Defence cooperation"
    assert values["published"] == "2023-06-23T09:33:00+00:00"
    assert values["modified"] == "2023-06-23T09:46:00+00:00"
    assert values["section"] == "military"
    assert values["keywords"] == ["Japan, France"]
    assert values["tags"] == ["NATO"]
    assert values["authors"] == [
        AuthorCandidate("Jane Doe", "https://news.example.com/authors/jane", "person"),
        AuthorCandidate("Sputnik", None, "organization"),
        AuthorCandidate("John Roe", None, None),
    ]
    assert values["publisher"] == Publisher(
        name="Sputnik International",
        url="https://sputnik.example",
        logo="https://sputnik.example/logo.png",
        email="feedback@example.com",
        telephone="+7 495 645 6601",
        parent="MIA Rossiya Segodnya",
    )
    assert values["images"] == [
        Image("https://news.example.com/img/lead.jpg", "The ministers", 1920, 1080),
        Image("https://news.example.com/img/square.jpg"),
        Image("https://news.example.com/img/thumb.jpg"),
    ]
    assert values["language"] == "en_EN"
    assert values["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert values["canonical_url"] == PAGE_URL
    assert values["speakable"] == ["/html/head/title", "//h1"]
    assert values["article_body"] == (
        "MOSCOW (Sputnik) - Japan and France agreed.\n\nSecond paragraph."
    )
    assert values["site_name"] == "Sputnik International"  # from the publisher, no WebSite


def test_graph_with_id_references_and_website() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://b.example/#website", "name": "The Blog"},
            {
                "@type": "WebPage",
                "@id": "https://b.example/post/#webpage",
                "name": "The Blog",
                "isPartOf": {"@id": "https://b.example/#website"},
            },
            {
                "@type": ["Article", "BlogPosting"],
                "headline": "A post",
                "dateCreated": "2021-01-01",
                "author": {"@id": "https://b.example/#/person/1"},
                "publisher": {"@id": "https://b.example/#org"},
                "isPartOf": {"@id": "https://b.example/#website"},
            },
            {"@type": "Person", "@id": "https://b.example/#/person/1", "name": "Ann Lee"},
            {"@type": "Organization", "@id": "https://b.example/#org", "name": "Blog Ltd"},
        ],
    }
    values = found(page(json.dumps(graph)), url="https://b.example/post/")
    assert values["title"] == "A post"
    assert values["published"] == "2021-01-01"  # dateCreated only without datePublished
    assert values["authors"] == [AuthorCandidate("Ann Lee", None, "person")]
    assert values["publisher"] == Publisher(name="Blog Ltd")
    assert values["site_name"] == "The Blog"


def test_references_resolve_across_blocks() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "author": {"@id": "#p"}}
    person = {"@type": "Person", "@id": "#p", "name": "Pia Hahn"}
    values = found(page(json.dumps(article), json.dumps([person])))
    assert values["authors"] == [AuthorCandidate("Pia Hahn", None, "person")]


def test_page_object_only_gives_title_description_dates() -> None:
    blocks = [
        {"@type": "WebSite", "name": "Example News"},
        {
            "@type": "WebPage",
            "name": "Example News",
            "description": "About us",
            "datePublished": "2020-02-02",
            "author": {"@type": "Person", "name": "Not An Author"},
        },
    ]
    values = found(page(json.dumps(blocks)))
    assert "title" not in values  # the page's name is the site's
    assert values["description"] == "About us"
    assert values["published"] == "2020-02-02"
    assert "authors" not in values
    assert values["site_name"] == "Example News"


@pytest.mark.parametrize("kind", ["Recipe", "RadioEpisode", "MedicalWebPage", None])
def test_the_dates_of_a_main_object_of_another_kind(kind: str | None) -> None:
    main = {"name": "Porridge", "datePublished": "2018-07-25", "dateModified": "2019-01-02"}
    if kind is not None:
        main["@type"] = kind
    main["review"] = [{"@type": "Review", "datePublished": "2019-04-12"}]
    values = found(page(json.dumps(main)))
    assert values["published"] == "2018-07-25"
    assert values["modified"] == "2019-01-02"


def test_a_review_or_a_nested_objects_date_is_not_the_pages() -> None:
    product = {
        "@type": "Product",
        "name": "Kettle",
        "review": [{"@type": "Review", "datePublished": "2019-04-12"}],
        "subjectOf": {"@type": "CreativeWork", "about": {"datePublished": "2019-05-01"}},
    }
    assert "published" not in found(page(json.dumps(product)))


def test_article_with_body_and_page_url_beats_teasers() -> None:
    teaser = {"@type": "NewsArticle", "headline": "Other story", "url": "https://x.example/o"}
    main = {
        "@type": "NewsArticle",
        "headline": "This story",
        "url": PAGE_URL,
        "articleBody": "Body.",
    }
    listing = {"@type": "ItemList", "itemListElement": [teaser]}
    assert found(page(json.dumps(listing), json.dumps(main)))["title"] == "This story"


def test_breadcrumb_section_only_when_trail_ends_at_article() -> None:
    def crumbs(*names: str) -> dict[str, object]:
        items = [
            {"@type": "ListItem", "position": i + 1, "name": name} for i, name in enumerate(names)
        ]
        return {"@type": "BreadcrumbList", "itemListElement": items}

    article = {"@type": "NewsArticle", "headline": "The story"}
    trusted = [article, crumbs("Home", "Sport", "Football", "The story")]
    assert found(page(json.dumps(trusted)))["section"] == "Football"
    untrusted = [article, crumbs("Home", "Sport", "Football")]
    assert "section" not in found(page(json.dumps(untrusted)))
    archive = [article, crumbs("Home", "2020", "April", "The story")]
    assert "section" not in found(page(json.dumps(archive)))


BROKEN_BLOCKS = [
    # raw newline and tab inside a string
    '{"@type": "NewsArticle", "headline": "Line one\nline\ttwo"}',
    # trailing commas
    '{"@type": "NewsArticle", "headline": "Line one line two", "keywords": ["a",],}',
    # CDATA and comment wrappers, stray semicolon
    '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Line one line two"};\n//]]>',
    '<!-- {"@type": "NewsArticle", "headline": "Line one line two"} -->',
    '/*<![CDATA[*/ {"@type": "NewsArticle", "headline": "Line one line two"} /*]]>*/ \n ',
    '<!--\n{"@type": "NewsArticle", "headline": "Line one line two"}\n//-->\n\t',
    # HTML-escaped JSON
    "{&quot;@type&quot;: &quot;NewsArticle&quot;, "
    "&quot;headline&quot;: &quot;Line one line two&quot;}",
    # single quotes and an unquoted value
    "{'@type': 'NewsArticle', 'headline': 'Line one line two', \"author\": Jan Kowalski,}",
    # an unescaped quote inside a string
    '{"@type": "NewsArticle", "headline": "Line one line two", "image": "<img src="a.jpg">"}',
]


@pytest.mark.parametrize("block", BROKEN_BLOCKS)
def test_broken_json_is_still_read(block: str) -> None:
    assert found(page(block))["title"] == "Line one line two"


def test_concatenated_objects_are_all_read() -> None:
    text = '{"@type": "Organization", "name": "O"} {"@type": "NewsArticle", "headline": "H"}'
    assert [v["@type"] for v in lenient_json(text)] == ["Organization", "NewsArticle"]
    assert found(page(text))["title"] == "H"


@pytest.mark.parametrize(
    "block",
    ["", "   ", "not json at all", "{", "[1, 2", "null", "42", '"string"', "{}", "[[[]]]"],
)
def test_garbage_gives_nothing_and_never_raises(block: str) -> None:
    assert jsonld.candidates(parse(page(block))) == []


@pytest.mark.parametrize(
    "value",
    [None, 3, True, [], {}, [None], {"name": None}, [{"@id": "#missing"}], "   ", "https://a.b/c"],
)
def test_odd_property_values_never_raise(value: object) -> None:
    fields = ["headline", "author", "publisher", "image", "speakable", "keywords", "license"]
    article = {"@type": "NewsArticle", **dict.fromkeys(fields, value)}
    values = found(page(json.dumps(article)))
    assert all(v not in (None, "", []) for v in values.values())


def test_deeply_nested_values_never_raise() -> None:
    deep_list = "[" * 900 + '"x"' + "]" * 900
    deep_name = '{"name": ' * 900 + '"x"' + "}" * 900
    for value in (deep_list, deep_name):
        block = f'{{"@type": "NewsArticle", "headline": "H", "author": {value}, "about": {value}}}'
        values = found(page(block))
        assert values["title"] == "H"
        assert "authors" not in values
    unreadable = '{"@type": "NewsArticle", "headline": "H", "author": ' + "[" * 5000 + "}"
    assert found(page(unreadable)) == {}


def test_no_page_url_keeps_only_absolute_urls() -> None:
    article = {
        "@type": "Article",
        "headline": "H",
        "image": ["/rel.jpg", "https://a.example/i.jpg"],
    }
    values = found(page(json.dumps(article)), url=None)
    assert values["images"] == [Image("https://a.example/i.jpg")]


def read_corpus(name: str) -> str | bytes:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("development corpus not available")
    return path.read_bytes()


def test_corpus_page_with_raw_control_characters() -> None:
    doc = parse(read_corpus("motorsport-total.com-romeo.html"), "https://www.motorsport-total.com/")
    values = {c.field: as_written(c.value) for c in jsonld.candidates(doc)}
    assert values["title"].startswith("Nach erstem F1-Test 2022")
    assert values["published"].startswith("2022-02-02")


def test_corpus_page_with_single_quoted_json() -> None:
    name = "Maciej Krzysztoszek rzecznik prasowy Amica menedżer komunikacji zewnętrznej.html"
    values = {c.field: as_written(c.value) for c in jsonld.candidates(parse(read_corpus(name)))}
    assert values["title"] == "Maciej Krzysztoszek rzecznikiem prasowym Grupy Amica"
    assert values["published"] == "2021-05-12"


def test_a_block_after_the_bound_of_the_page_walk_is_still_read() -> None:
    """The one walk over the page reads no more than ``MAX_SCANNED_ELEMENTS`` elements for the
    dom source, but files every script, however late, for this one."""
    filler = "<span>x</span>" * (MAX_SCANNED_ELEMENTS + 10)
    block = json.dumps({"@type": "NewsArticle", "headline": "Late headline"})
    html = f"<html><body>{filler}<script type='application/ld+json'>{block}</script></body></html>"
    assert found(html)["title"] == "Late headline"


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_the_walk_gives_every_script_in_document_order() -> None:
    doc = parse((CORPUS / "taz.de.siemens.html").read_bytes(), PAGE_URL)
    scripts = list(doc.root.iter("script"))
    assert len(scripts) > 3
    assert page_of(doc).scripts == scripts
