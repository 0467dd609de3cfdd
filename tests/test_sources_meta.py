"""The meta-tag sources: OpenGraph, Twitter cards, plain meta names and Dublin Core."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import as_written

import byline
from byline.document import parse
from byline.record import Image, Publisher
from byline.sources import dublincore, meta, opengraph, twitter
from byline.sources._common import meta_tags
from byline.sources._page import MAX_SCANNED_ELEMENTS
from byline.sources.candidate import AuthorCandidate

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
PAGE_URL = "https://www.example.de/politik/artikel-123.html"


def found(module: ModuleType, head: str, url: str | None = PAGE_URL) -> dict[str, object]:
    html = f"<html><head>{head}</head><body><p>x</p></body></html>"
    result: dict[str, object] = {}
    for candidate in module.candidates(parse(html, url)):
        assert candidate.source is module.SOURCE
        assert candidate.field not in result
        result[candidate.field] = as_written(candidate.value)
    return result


OPENGRAPH = """
<meta property="og:title" content="Wahl &amp;amp; Zahl">
<meta property="og:description" content="  Der   Stand  ">
<meta property="og:url" content="/politik/artikel-123.html">
<meta property="og:site_name" content="Beispiel">
<meta property="og:locale" content="de_DE">
<meta property="og:image" content="/img/a.jpg">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="Urne">
<meta property="og:image:url" content="https://cdn.example.de/b.jpg">
<meta property="og:image:secure_url" content="https://cdn.example.de/b.jpg">
<meta name="article:published_time" content="2022-01-02T03:04:05+01:00">
<meta property="og:updated_time" content="2022-01-03T00:00:00+01:00">
<meta property="article:section" content="Politik">
<meta property="article:tag" content="Wahl">
<meta property="article:tag" content="Berlin">
<meta property="article:tag" content="Wahl">
<meta property="article:author" content="https://www.facebook.com/jan.ost">
<meta property="article:author" content="Eva Berg">
<meta property="article:publisher" content="https://www.facebook.com/beispiel">
"""


def test_opengraph_fields() -> None:
    values = found(opengraph, OPENGRAPH)
    assert values["title"] == "Wahl & Zahl"  # double-escaped &amp;amp;
    assert values["description"] == "Der Stand"
    assert values["canonical_url"] == PAGE_URL
    assert values["site_name"] == "Beispiel"
    assert values["language"] == "de_DE"
    assert values["images"] == [
        Image("https://www.example.de/img/a.jpg", "Urne", 1200, 630),
        Image("https://cdn.example.de/b.jpg"),
    ]
    assert values["published"] == "2022-01-02T03:04:05+01:00"  # name= works like property=
    assert values["modified"] == "2022-01-03T00:00:00+01:00"
    assert values["section"] == "Politik"
    assert values["tags"] == ["Wahl", "Berlin"]
    assert values["authors"] == [
        AuthorCandidate("", "https://www.facebook.com/jan.ost"),  # a URL is never a name
        AuthorCandidate("Eva Berg"),
    ]
    assert "publisher" not in values


def test_twitter_fields_and_handles_are_not_names() -> None:
    head = """
    <meta name="twitter:title" content="Titel">
    <meta property="twitter:description" content="Beschreibung">
    <meta name="twitter:image:src" content="//cdn.example.de/t.jpg">
    <meta name="twitter:site" content="@beispiel">
    <meta name="twitter:creator" content="@janost">"""
    values = found(twitter, head)
    assert values == {
        "title": "Titel",
        "description": "Beschreibung",
        "images": [Image("https://cdn.example.de/t.jpg")],
    }


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("Written by", "Jane Doe"), ("Est. reading time", "4 minutes")], ["Jane Doe"]),
        ([("Geschätzte Lesezeit", "3 Minuten"), ("Verfasst von", "Anna Muster")], ["Anna Muster"]),
        ([("Escrito por", "Williams Perdomo @wperdomod")], ["Williams Perdomo"]),
        ([("Est. reading time", "4 minutes")], None),  # no writer labelled
        ([("Written by", "")], None),
    ],
)
def test_the_writer_a_twitter_card_labels_is_an_author(
    pairs: list[tuple[str, str]], expected: list[str] | None
) -> None:
    """Yoast SEO's card data ("twitter:label1" "Written by", "twitter:data1" the name), in the
    site's language, are the record's authors; another label (the reading time) names
    nobody."""
    head = "".join(
        f'<meta name="twitter:label{n}" content="{label}"><meta name="twitter:data{n}" '
        f'content="{datum}">'
        for n, (label, datum) in enumerate(pairs, start=1)
    )
    story = "<p>" + "Der Rat beschloss am Dienstag einen neuen Haushalt. " * 8 + "</p>"
    html = f"<html><head>{head}</head><body><h1>Neuer Haushalt</h1>{story}</body></html>"
    article = byline.extract(html, url=PAGE_URL)
    assert ([a.name for a in article.authors] or None) == expected
    if expected:
        assert article.provenance["authors"].source == "twitter"


def test_plain_meta_fields_case_insensitive() -> None:
    head = """
    <meta name="Description" content="Kurz &amp;quot;gesagt&amp;quot;">
    <meta name="KEYWORDS" content="a, b">
    <meta name="news_keywords" content="c">
    <meta name="author" content="Jan Ost">
    <meta name="pubdate" content="20220102">
    <meta name="date" content="2022-01-01">
    <meta http-equiv="last-modified" content="2022-01-05">
    <meta http-equiv="Content-Language" content="de">
    <meta name="parsely-section" content="Inland">
    <meta name="parsely-tags" content="x,y">
    <meta name="copyright" content="(c) Beispiel">"""
    values = found(meta, head)
    assert values == {
        "description": 'Kurz "gesagt"',
        "keywords": ["a, b", "c"],
        "authors": [AuthorCandidate("Jan Ost")],
        "published": "20220102",  # pubdate is listed before the generic "date"
        "modified": "2022-01-05",
        "language": "de",
        "section": "Inland",
        "tags": ["x,y"],
    }


@pytest.mark.parametrize(
    "tag",
    [
        '<meta name="cXenseParse:recs:publishtime" content="2016-03-04T10:00:00+01:00">',
        '<meta name="prism.publicationDate" content="2016-03-04">',
        '<meta property="og:published_time" content="2016-03-04T10:00:00+01:00">',
        '<meta name="pdate" content="20160304">',
        '<meta property="weibo:article:create_at" content="2016-03-04 10:00:00">',
    ],
)
def test_publication_dates_of_platforms_and_other_spellings(tag: str) -> None:
    published = found(meta, tag + '<meta name="gentime" content="2023-01-02">')["published"]
    assert isinstance(published, str) and published.startswith("2016")


def test_dublin_core_publication_date() -> None:
    head = '<meta name="DC.date.publication" content="2016-03-04">'
    assert found(dublincore, head)["published"] == "2016-03-04"


def test_repeated_author_tags_and_parsely_page() -> None:
    page = {"title": "PT", "pub_date": "2021-02-03T04:05:06Z", "authors": ["A B", "C D"]}
    head = f"""
    <meta name="citation_author" content="Ost, Jan">
    <meta name="citation_author" content="Berg, Eva">
    <meta name="parsely-page" content='{json.dumps(page)}'>"""
    values = found(meta, head)
    # citations write the surname first: the names are given in reading order
    assert values["authors"] == [AuthorCandidate("Jan Ost"), AuthorCandidate("Eva Berg")]
    assert values["title"] == "PT"
    assert values["published"] == "2021-02-03T04:05:06Z"


def test_sharing_plugin_author_tag() -> None:
    head = "<meta name='shareaholic:article_author_name' content='Wolfgang Michal'>"
    assert found(meta, head)["authors"] == [AuthorCandidate("Wolfgang Michal")]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<meta name='cXenseParse:author' content='Wolfgang Michal'>", ["Wolfgang Michal"]),
        # the byline as printed: the reconciler splits it into names, as it does a shown one
        ("<meta name='byl' content='By Jane Doe and John Smith'>", ["By Jane Doe and John Smith"]),
    ],
)
def test_analytics_and_printed_byline_author_tags(head: str, expected: list[str]) -> None:
    assert found(meta, head)["authors"] == [AuthorCandidate(name) for name in expected]


def test_author_meta_holding_a_url_or_placeholder_gives_no_name() -> None:
    head = '<meta name="author" content="https://www.facebook.com/x"><meta name="date" content="">'
    assert found(meta, head) == {"authors": [AuthorCandidate("", "https://www.facebook.com/x")]}
    assert found(meta, '<meta name="author" content=" - ">') == {}


def test_an_author_tag_naming_the_software_that_made_the_page_names_no_writer() -> None:
    """October CMS's demo theme fills the author tag with the generator's name."""
    software = '<meta name="author" content="OctoberCMS"><meta name="generator" content="{}">'
    assert "authors" not in found(meta, software.format("OctoberCMS"))
    assert "authors" not in found(meta, software.format("octobercms 3.6.12"))
    assert found(meta, software.format("WordPress 6.4"))["authors"] == [
        AuthorCandidate("OctoberCMS")
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("null", None),
        ("@janost", None),  # a handle
        ("facebook.com/jan.ost", AuthorCandidate("", "https://facebook.com/jan.ost")),
        ("/autor/jan-ost", AuthorCandidate("", "https://www.example.de/autor/jan-ost")),
        ("'Jan Ost'", AuthorCandidate("Jan Ost")),
        ("Dr. J. Ost", AuthorCandidate("Dr. J. Ost")),
    ],
)
def test_author_values_that_are_not_names(content: str, expected: AuthorCandidate | None) -> None:
    values = found(meta, f'<meta name="author" content="{content}">')
    assert values.get("authors") == ([expected] if expected else None)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Harm, Robert", "Robert Harm"),
        ("Schmidt, Anna Maria", "Anna Maria Schmidt"),
        ("van der Berg, J.", "J. van der Berg"),
        ("Robert Harm", "Robert Harm"),
        ("Reuters, AP", "Reuters, AP"),  # an agency's letters are no given names
        ("Anna Schmidt, John Doe", "Anna Schmidt, John Doe"),  # two people
    ],
)
def test_dublin_core_creators_written_surname_first_are_read_in_order(
    written: str, read: str
) -> None:
    values = found(dublincore, f'<meta name="DC.creator" content="{written}">')
    assert values["authors"] == [AuthorCandidate(read)]


def test_dublin_core_any_spelling() -> None:
    head = """
    <meta name="DC.title" content="DC Titel">
    <meta name="dc.creator" content="Jan Ost">
    <meta name="DC.creator" content="Eva Berg">
    <meta name="dcterms.created" content="2020-01-01">
    <meta name="DC.date.issued" content="2020-01-02">
    <meta name="DCTERMS.modified" content="2020-02-02">
    <meta name="DC.Description" content="Über">
    <meta name="dc:subject" content="Klima">
    <meta name="DC.subject" content="Wetter">
    <meta name="DC.language" content="de">
    <meta name="DC.publisher" content="Beispiel Verlag">
    <meta name="dcterms.license" content="CC BY 4.0">"""
    values = found(dublincore, head)
    assert values == {
        "title": "DC Titel",
        "authors": [AuthorCandidate("Jan Ost"), AuthorCandidate("Eva Berg")],
        "published": "2020-01-02",  # issued beats created
        "modified": "2020-02-02",
        "description": "Über",
        "keywords": ["Wetter", "Klima"],
        "language": "de",
        "publisher": Publisher(name="Beispiel Verlag"),
        "license": "CC BY 4.0",
    }


@pytest.mark.parametrize("module", [opengraph, twitter, meta, dublincore])
@pytest.mark.parametrize(
    "head",
    [
        "",
        '<meta property="og:title"><meta name="description" content="   ">',
        '<meta content="orphan"><meta name="" content="x"><meta property="og:image" content=" ">',
        '<meta name="parsely-page" content="{broken"><meta name="og:image:width" content="wide">',
        '<meta name="DC.title" content="&amp;amp;"><meta name="twitter:image" content="a b">',
    ],
)
def test_empty_or_broken_tags_give_no_empty_values(module: ModuleType, head: str) -> None:
    assert all(v not in (None, "", []) for v in found(module, head).values())


def test_meta_index_is_built_once_per_page() -> None:
    doc = parse('<html><head><meta name="a" property="b" content="c"></head></html>')
    tags = meta_tags(doc)
    assert meta_tags(doc) is tags
    assert tags.by_key == {"a": ["c"], "b": ["c"]}


def test_a_meta_tag_after_the_bound_of_the_page_walk_is_still_read() -> None:
    filler = "<span>x</span>" * (MAX_SCANNED_ELEMENTS + 10)
    html = f'<html><body>{filler}<meta name="description" content="Late words"></body></html>'
    found = meta_tags(parse(html)).first("description")
    assert found is not None and found.value == "Late words"


def annotated_page(file: str) -> tuple[str, dict[str, object], bytes]:
    path = CORPUS / "annotations.json"
    if not path.exists():
        pytest.skip("development corpus not available")
    annotations = json.loads(path.read_text(encoding="utf-8"))
    url, annotation = next((u, a) for u, a in annotations.items() if a["file"] == file)
    return url, annotation, (CORPUS / "html" / file).read_bytes()


def test_corpus_dublin_core_page() -> None:
    url, annotation, html = annotated_page("nature.com.telescope.html")
    values = {c.field: as_written(c.value) for c in dublincore.candidates(parse(html, url))}
    assert values["title"] == annotation["title"]
    assert values["published"] == annotation["date"]
    assert [a.name for a in values["authors"]] == [annotation["author"]]


def test_corpus_opengraph_dates_match_annotations_mostly() -> None:
    """article:published_time carries the annotated day on most corpus pages that have it."""
    path = CORPUS / "annotations.json"
    if not path.exists():
        pytest.skip("development corpus not available")
    annotations = json.loads(path.read_text(encoding="utf-8"))
    hits = total = 0
    for url, annotation in list(annotations.items())[:300]:
        if not annotation.get("date"):
            continue
        doc = parse((CORPUS / "html" / annotation["file"]).read_bytes(), url)
        values = {c.field: as_written(c.value) for c in opengraph.candidates(doc)}
        if "published" in values:
            total += 1
            hits += values["published"][:10] == annotation["date"]
    assert total >= 50
    assert hits / total > 0.8
