"""The dom and url sources: what the visible page and its URL say."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.document import parse
from byline.sources import AuthorCandidate, Candidate, dom, url

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_URL = "https://news.example.com/politik/story-123.html"

ARTICLE = """<html lang="de-DE"><head><title>Der Titel | Beispiel-Zeitung</title>
<link rel="canonical" href="/politik/story-123.html">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/"></head>
<body>
<header><a class="logo" href="/"><h1 class="site-logo">Beispiel-Zeitung</h1></a>
<div class="date-today">Montag, 06.11.2023</div></header>
<main><article>
  <h1 class="headline">Der Titel</h1>
  <div class="byline">Von <a href="/autor/anna-muster" rel="author">Anna Muster</a>
    und Max Beispiel | <time datetime="2023-06-23T09:33:00+02:00" class="published">
    23.06.2023</time>, aktualisiert <time datetime="2023-06-24T10:00:00+02:00">24.06.</time></div>
  <p>Erster Absatz des Artikels.</p>
  <ul class="tags"><li><a href="/t/a">Politik</a></li><li><a href="/t/b">Berlin</a></li></ul>
</article></main>
<aside class="sidebar"><div class="author">Von Sidebar Person</div>
<time datetime="2020-01-01">1.1.2020</time></aside>
<section id="comments"><div class="comment-author">Troll Meister</div></section>
</body></html>"""


def found(html: str | bytes, page_url: str | None = PAGE_URL) -> list[Candidate]:
    result = dom.candidates(parse(html, page_url))
    assert all(c.source == "dom" for c in result)
    return result


def values(candidates: list[Candidate], field: str) -> list[object]:
    return [c.value for c in candidates if c.field == field]


def test_titles_language_canonical_and_license() -> None:
    result = found(ARTICLE)
    assert values(result, "title") == ["Der Titel | Beispiel-Zeitung"]
    assert values(result, "headline")[0] == "Der Titel"
    assert values(result, "language") == ["de-DE"]
    assert values(result, "canonical_url") == ["https://news.example.com/politik/story-123.html"]
    assert values(result, "license") == ["https://creativecommons.org/licenses/by/4.0/"]


def test_best_author_group_is_the_article_byline() -> None:
    groups = values(found(ARTICLE), "authors")
    assert groups, "no author candidate"
    best = groups[0]
    assert [a.name for a in best] == ["Anna Muster", "Max Beispiel"]
    assert all(isinstance(a, AuthorCandidate) for a in best)
    names = {a.name for group in groups for a in group}
    assert "Troll Meister" not in names  # comments are never the article's byline


def test_dates_prefer_the_article_time_and_tell_updates_apart() -> None:
    result = found(ARTICLE)
    assert values(result, "published")[0] == "2023-06-23T09:33:00+02:00"
    assert values(result, "modified")[0] == "2023-06-24T10:00:00+02:00"


def test_tags_from_a_tag_list() -> None:
    assert values(found(ARTICLE), "tags") == [["Politik", "Berlin"]]


def test_visible_date_under_the_headline_without_markup() -> None:
    html = (
        "<html><body><div><h1>Ein Titel hier</h1><p><span>20.04.2018 16:22</span></p>"
        "<p>Text.</p></div></body></html>"
    )
    assert values(found(html), "published") == ["2018-04-20T16:22:00"]


def test_seed_page_header_dates_and_tags() -> None:
    result = found((FIXTURES / "sputnik_seed.html").read_bytes())
    assert values(result, "headline")[0] == "Japan, France Agree to Strengthen Defense Cooperation"
    assert values(result, "published")[0] == "2023-06-23T09:33:00+00:00"
    assert values(result, "modified")[0] == "2023-06-23T09:46:00+00:00"
    assert values(result, "language") == ["en"]
    assert "japan" in values(result, "tags")[0]


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><body><h1></h1><time datetime='not a date'>x</time></body></html>",
        "<html lang=''><body><a rel='author'></a><a rel='canonical'>x</a></body></html>",
        "<html><body><div class='byline'>" + "x " * 5000 + "</div></body></html>",
        "<html><body><h1>" + "<b>deep" * 500 + "</body></html>",
    ],
)
def test_odd_pages_give_no_crash(html: str) -> None:
    result = found(html)
    assert all(isinstance(c, Candidate) for c in result)


def test_url_source_reads_the_path_date() -> None:
    doc = parse("<html><body><p>x</p></body></html>", "https://x.example/2023/06/23/slug")
    assert url.candidates(doc) == [Candidate("published", "2023-06-23", "url")]
    doc = parse("<html><body><p>x</p></body></html>", "https://x.example/2023/06/slug")
    assert url.candidates(doc) == []
    assert url.candidates(parse("<html><body>x</body></html>", None)) == []


def test_headline_text_leaves_out_kicker_and_hidden_label() -> None:
    html = (
        "<html><body><h1><span class='dachzeile'>Interne Unterlagen</span> "
        "<span class='headline'>Daten gehackt</span></h1>"
        "<h2><span class='visuallyhidden'>Headline:</span> Zweiter Titel</h2>"
        "<h2><small>Einheit der Woche</small><br>Lagen-Pyramide</h2></body></html>"
    ).encode()
    assert values(found(html), "headline") == ["Daten gehackt", "Zweiter Titel", "Lagen-Pyramide"]
