"""The microdata source: items, nested items, property values as the HTML spec gives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import as_written

from byline.document import parse
from byline.fields import Source
from byline.record import Image, Publisher
from byline.sources import microdata
from byline.sources._page import MAX_SCANNED_ELEMENTS, page_of
from byline.sources.candidate import AuthorCandidate

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
PAGE_URL = "https://news.example.com/a/story.html"


def found(body: str, url: str | None = PAGE_URL) -> dict[str, object]:
    html = f"<html><head><title>t</title></head><body>{body}</body></html>"
    result: dict[str, object] = {}
    for candidate in microdata.candidates(parse(html, url)):
        assert candidate.source is Source.MICRODATA
        assert candidate.field not in result
        result[candidate.field] = as_written(candidate.value)
    return result


ARTICLE = """
<div itemscope itemtype="http://schema.org/WebPage">
 <nav itemscope itemtype="https://schema.org/BreadcrumbList">
   <a itemprop="url" href="/">Home</a></nav>
 <article itemprop="mainEntity" itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">  Rain &amp; wind   expected </h1>
  <meta itemprop="description" content="A wet week.">
  <time itemprop="datePublished" datetime="2022-05-04T10:00:00+02:00">4 May</time>
  <span itemprop="dateModified" content="2022-05-05">yesterday</span>
  <span itemprop="articleSection">Weather</span>
  <meta itemprop="keywords" content="rain, wind">
  <meta itemprop="inLanguage" content="de-DE">
  <link itemprop="mainEntityOfPage" href="/a/story.html">
  <div itemprop="author" itemscope itemtype="https://schema.org/Person">
    <a itemprop="url" href="/authors/ute"><span itemprop="name">Ute Berg</span></a>
  </div>
  <span itemprop="author">Max Roth</span>
  <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
    <meta itemprop="name" content="Wetter Zeitung">
    <div itemprop="logo" itemscope itemtype="https://schema.org/ImageObject">
      <img itemprop="url" src="/logo.png">
    </div>
  </div>
  <figure itemprop="image" itemscope itemtype="https://schema.org/ImageObject">
    <img itemprop="contentUrl" src="/img/clouds.jpg">
    <meta itemprop="width" content="800"><meta itemprop="height" content="600px">
    <figcaption itemprop="caption">Clouds over the city</figcaption>
  </figure>
  <div itemprop="articleBody">
    <p>First <b>para</b>graph.</p><script>var x;</script><p>Second.</p></div>
 </article>
</div>
"""


def test_article_item_maps_every_field() -> None:
    values = found(ARTICLE)
    assert values["title"] == "Rain & wind expected"
    assert values["description"] == "A wet week."
    assert values["published"] == "2022-05-04T10:00:00+02:00"
    assert values["modified"] == "2022-05-05"  # content beats the text
    assert values["section"] == "Weather"
    assert values["keywords"] == ["rain, wind"]
    assert values["language"] == "de-DE"
    assert values["canonical_url"] == PAGE_URL
    assert values["authors"] == [
        AuthorCandidate("Ute Berg", "https://news.example.com/authors/ute", "person"),
        AuthorCandidate("Max Roth", None, None),
    ]
    assert values["publisher"] == Publisher(
        name="Wetter Zeitung", logo="https://news.example.com/logo.png"
    )
    assert values["images"] == [
        Image("https://news.example.com/img/clouds.jpg", "Clouds over the city", 800, 600)
    ]
    assert values["article_body"] == "First paragraph.\n\nSecond."


def test_an_article_body_given_as_a_meta_content_is_read() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Brief</h1>
      <meta itemprop="articleBody" content="The council met on Monday. It voted to close the pool.">
    </div>"""
    assert found(body)["article_body"] == "The council met on Monday. It voted to close the pool."


def test_nested_item_properties_do_not_leak_into_the_article() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/BlogPosting">
      <h2 itemprop="headline">Post</h2>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="headline">A comment</span>
        <span itemprop="datePublished" content="2000-01-01">then</span>
      </div>
    </div>"""
    values = found(body)
    assert values["title"] == "Post"
    assert "published" not in values


def test_stray_article_properties_make_an_implicit_article() -> None:
    body = """<h1 itemprop="headline">Loose headline</h1>
    <time itemprop="datePublished" datetime="2019-03-01">1 March</time>
    <li itemprop="name">Not an article property</li>"""
    values = found(body)
    assert values == {"title": "Loose headline", "published": "2019-03-01"}


def test_page_item_is_a_fallback_only() -> None:
    body = """<div itemscope itemtype="http://schema.org/WebPage">
      <meta itemprop="datePublished" content="2018-08-08"></div>"""
    assert found(body)["published"] == "2018-08-08"


def test_the_creative_work_holding_the_headline_is_the_page_article() -> None:
    """A theme that names no article type marks the post a ``CreativeWork`` (Jekyll's
    Minimal Mistakes): the one holding the page's ``<h1>`` is the page's main object, whose
    dates are the page's; the works listed beside it ("You may also enjoy") hold none and
    give nothing."""
    listed = """<article itemscope itemtype="https://schema.org/CreativeWork">
      <h2 itemprop="headline">Another post</h2>
      <meta itemprop="datePublished" content="2024-01-02"></article>"""
    post = """<article itemscope itemtype="https://schema.org/CreativeWork">
      <meta itemprop="datePublished" content="2024-03-05T09:14:00+01:00">
      <h1 itemprop="headline">Ferry suspended</h1></article>"""
    assert found(post + listed) == {"published": "2024-03-05T09:14:00+01:00"}
    assert found(listed) == {}


def test_author_link_gives_name_and_url() -> None:
    body = """<div itemscope itemtype="https://schema.org/Article">
      <a itemprop="author" href="/authors/eva-ost">Eva Ost</a></div>"""
    assert found(body)["authors"] == [
        AuthorCandidate("Eva Ost", "https://news.example.com/authors/eva-ost", None)
    ]


def test_item_without_article_type_gives_nothing() -> None:
    body = '<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Shoe</h1></div>'
    assert found(body) == {}


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<div itemscope></div>",
        '<div itemscope itemtype=""><span itemprop="">x</span></div>',
        '<div itemscope itemtype="https://schema.org/Article"><img itemprop="image"></div>',
        '<div itemscope itemtype="https://schema.org/Article"><a itemprop="author"></a></div>',
    ],
)
def test_empty_or_odd_markup_gives_no_empty_values(body: str) -> None:
    assert all(v not in (None, "", []) for v in found(body).values())


def annotation_of(file: str) -> tuple[str, dict[str, object]]:
    path = CORPUS / "annotations.json"
    if not path.exists():
        pytest.skip("development corpus not available")
    annotations = json.loads(path.read_text(encoding="utf-8"))
    return next((url, a) for url, a in annotations.items() if a["file"] == file)


@pytest.mark.parametrize("file", ["theguardian.com.academics.html", "taz.de.siemens.html"])
def test_corpus_article_items_give_the_annotated_title_date_and_author(file: str) -> None:
    url, annotation = annotation_of(file)
    doc = parse((CORPUS / "html" / file).read_bytes(), url)
    values = {c.field: as_written(c.value) for c in microdata.candidates(doc)}
    assert values["title"] == annotation["title"]
    assert values["published"].startswith(annotation["date"])
    assert [a.name for a in values["authors"]] == [annotation["author"]]


@pytest.mark.parametrize("file", ["theguardian.com.academics.html", "taz.de.siemens.html"])
def test_the_walk_gives_every_item_and_property_in_document_order(file: str) -> None:
    """What ``//@itemscope`` and ``//@itemprop`` find, element by element."""
    url, _ = annotation_of(file)
    doc = parse((CORPUS / "html" / file).read_bytes(), url)
    walked = page_of(doc)
    assert walked.itemscopes == [a.getparent() for a in doc.root.xpath("//@itemscope")]
    assert walked.itemprops == [a.getparent() for a in doc.root.xpath("//@itemprop")]
    assert len(walked.itemprops) > 3


def test_an_item_after_the_bound_of_the_page_walk_is_still_read() -> None:
    filler = "<span>x</span>" * (MAX_SCANNED_ELEMENTS + 10)
    item = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<h2 itemprop="headline">Late headline</h2></div>'
    )
    assert found(filler + item)["title"] == "Late headline"
