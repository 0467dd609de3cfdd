"""The dom and url sources: what the visible page and its URL say."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED, as_written

import byline
from byline.document import parse
from byline.fields import Field, Markup, Source
from byline.sources import dom, dom_dates, url
from byline.sources._page import MAX_SCANNED_ELEMENTS, page_of
from byline.sources._places import spaced_text
from byline.sources.candidate import (
    AnyCandidate,
    AuthorCandidate,
    Candidate,
    DateValue,
    holds_date,
)

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


def found(html: str | bytes, page_url: str | None = PAGE_URL) -> list[AnyCandidate]:
    result = dom.candidates(parse(html, page_url))
    assert all(c.source is Source.DOM for c in result)
    return result


def values(candidates: list[AnyCandidate], field: Field) -> list[object]:
    return [as_written(c.value) for c in candidates if c.field is field]


def test_titles_language_canonical_and_license() -> None:
    result = found(ARTICLE)
    assert values(result, Field.TITLE) == ["Der Titel | Beispiel-Zeitung"]
    assert values(result, Field.HEADLINE)[0] == "Der Titel"
    assert values(result, Field.LANGUAGE) == ["de-DE"]
    assert values(result, Field.CANONICAL_URL) == [
        "https://news.example.com/politik/story-123.html"
    ]
    assert values(result, Field.LICENSE) == ["https://creativecommons.org/licenses/by/4.0/"]


def test_best_author_group_is_the_article_byline() -> None:
    groups = values(found(ARTICLE), Field.AUTHORS)
    assert groups, "no author candidate"
    best = groups[0]
    assert [a.name for a in best] == ["Anna Muster", "Max Beispiel"]
    assert all(isinstance(a, AuthorCandidate) for a in best)
    names = {a.name for group in groups for a in group}
    assert "Troll Meister" not in names  # comments are never the article's byline


def test_a_commentary_is_the_story_not_its_comments() -> None:
    """A wrapper named for the opinion piece it holds ("commentary") is no comment section:
    the byline inside it is the article's."""
    html = _page(
        "<div class='news commentary article page'><h1>Die Energiewende braucht Tempo</h1>"
        "<p>Die Regierung zögert, und das kostet Zeit, Geld und Vertrauen.</p>"
        "<div class='sect_profile'><a rel='author' href='/Ingo-Arzt/'>Ingo Arzt</a></div></div>"
    )
    groups = values(found(html), Field.AUTHORS)
    assert [a.name for a in groups[0]] == ["Ingo Arzt"]
    in_comments = html.replace("news commentary article", "news comments")
    assert not values(found(in_comments), Field.AUTHORS)
    # a post filed under a category named so (WordPress's "category-kommentar") neither
    filed = html.replace("news commentary article page", "post hentry category-kommentar")
    assert [a.name for a in values(found(filed), Field.AUTHORS)[0]] == ["Ingo Arzt"]


def _by_the_headline(box: str) -> str:
    """An article whose ``box`` stands between its headline and its first paragraph."""
    return (
        f"<article><h1>Die Kanzlerin tritt ab</h1><div class='x1'>{box}</div>"
        "<p>Nach sechzehn Jahren im Amt verabschiedet sich die Kanzlerin.</p></article>"
    )


def _first_byline(html: str, url: str | None = PAGE_URL) -> list[list[str]]:
    """The names of the dom source's first authors candidate, as a list of it (or none)."""
    groups = [[a.name for a in group] for group in values(found(html, url), Field.AUTHORS)]
    return groups[:1]


@pytest.mark.parametrize(
    "line",
    [
        "Kirjoittaja: Maria Lindqvist", "Írta: Maria Lindqvist", "Avtor: Maria Lindqvist",
        "Autorius: Maria Lindqvist", "Autors: Maria Lindqvist", "Συντάκτης: Maria Lindqvist",
        "Skriven av Maria Lindqvist", "Skrevet av Maria Lindqvist", "Scritto da Maria Lindqvist",
        "Scris de Maria Lindqvist", "Аутор: Maria Lindqvist", "रिपोर्ट: Maria Lindqvist",
        "تحریر: Maria Lindqvist",
    ],
)  # fmt: skip
def test_author_labels_and_leads_of_more_languages_mark_a_byline(line: str) -> None:
    """Finnish, Hungarian, Slovene, Lithuanian, Latvian, Greek, Serbian, Hindi and Urdu labels;
    Swedish, Norwegian, Italian and Romanian "written by" (their bare "av", "di" and "de"
    begin names and phrases, so only the whole lead marks a byline)."""
    assert _first_byline(_page(_by_the_headline(line))) == [["Maria Lindqvist"]]


@pytest.mark.parametrize(
    "line",
    [
        "2024年3月5日 09:14　来源：港湾日报　记者 张伟",  # a meta line: date, source, reporter
        "（记者 张伟）",  # a wire credit in full-width brackets
    ],
)
def test_a_chinese_reporter_label_before_a_name_marks_a_byline_anywhere_in_a_line(
    line: str,
) -> None:
    assert _first_byline(_page(_by_the_headline(line))) == [["张伟"]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("입력 2024.03.05 09:14 · 홍길동 기자", [["홍길동"]]),  # a meta line: date, then reporter
        ("홍길동 기자 hong@news.example", [["홍길동"]]),
        ("<span class='byline'>기사입력 2024/03/05 09:14</span>", []),  # a date's label, no name
        ("（记者张伟）", [["张伟"]]),  # a wire credit, no space after the label
        ("文/张伟", [["张伟"]]),  # the text's credit, with a slash or a bar
        ("文｜张伟", [["张伟"]]),
        ("文：山田太郎", [["山田太郎"]]),
        ("홍길동 기자는 이렇게 말했다", []),  # the reporter named in a sentence
        ("中文/English", []),
    ],
)  # fmt: skip
def test_chinese_korean_and_japanese_credits_mark_a_byline(
    line: str, expected: list[list[str]]
) -> None:
    """A Korean or Japanese name before its role ("홍길동 기자") anywhere in a short line, and
    the Chinese and Japanese text label with a slash, a bar or a colon."""
    assert _first_byline(_page(_by_the_headline(line))) == expected


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("（山田太郎）", "山田太郎"),
        ("(山田太郎)", "山田太郎"),
        ("（共同）", None),  # the agency's credit
        ("（写真は首相官邸）", None),  # a note, no name
    ],
)
def test_a_name_in_brackets_closing_a_japanese_article_signs_it(
    closing: str, expected: str | None
) -> None:
    story = "".join(
        f"<p>政府は{day}日、新たな経済対策を発表した。中小企業への支援を強化する内容だ。</p>"
        for day in range(1, 9)
    )
    headline = "政府、新経済対策を発表"
    html = (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"{story}<p>{closing}</p></article></body></html>"
    )
    assert _first_byline(html) == ([[expected]] if expected else [])


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("(서울=연합뉴스) 홍길동 기자 = ", "홍길동"),
        ("[서울=뉴시스]홍길동 기자 = ", "홍길동"),
        ("新华社北京3月5日电（记者张伟）", "张伟"),
        ("(서울=연합뉴스) ", None),  # a dateline without its writer
    ],
)
def test_the_writer_a_wire_story_opens_with_is_its_byline(
    opening: str, expected: str | None
) -> None:
    """Korean and Chinese agencies credit the writer in the first paragraph's opening, however
    long the paragraph is."""
    story = "정부는 5일 새로운 경제 정책을 발표했다. " * 12
    html = _page(f"<article><h1>정부, 새 경제정책 발표</h1><p>{opening}{story}</p></article>")
    assert _first_byline(html) == ([[expected]] if expected else [])


_SUBMITTED = "Submitted by <span class='username'>{}</span> on Thu, 03/04/2021 - 10:00"


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        (_SUBMITTED.format("Jane Doe"), [["Jane Doe"]]),  # Drupal's line under a node's title
        (_SUBMITTED.format("janedoe"), [["janedoe"]]),  # its user name, lower case
        ("Posted by <a href='/u/jd'>jane.doe</a>", [["jane.doe"]]),
        ("Publié par <a href='/u/jd'></a> à 08:00", []),  # a word, where no name was printed
        ("by <a href='/u/jd'>janedoe</a>", []),  # a bare "by" may begin a sentence's words
    ],
)  # fmt: skip
def test_a_user_name_in_lower_case_after_an_explicit_lead_is_the_byline(
    box: str, expected: list[list[str]]
) -> None:
    assert _first_byline(_page(_by_the_headline(box))) == expected


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ("<div>Tapio Nurminen</div><a href='mailto:tapio.nurminen@a.fi'>✉</a>", "Tapio Nurminen"),
        ("<b>Jürgen Müller</b> <a href='mailto:j.muller@x.de'>Mail</a>", "Jürgen Müller"),
        ("<span>Ingo Arzt</span><a href='mailto:Ingo%20Arzt%3Carzt@taz.de%3E'>@</a>", "Ingo Arzt"),
        ("<b>Jürgen Müller</b> <a href='mailto:J.Mueller@x.de'>Mail</a>", None),
        ("<span>Anna Muster</span><a href='mailto:redaktion@zeitung.de'>Mail</a>", None),
        ("<span>Anna Muster</span><a href='mailto:max.muster@zeitung.de'>Mail</a>", None),
    ],
)  # fmt: skip
def test_a_name_beside_a_link_that_mails_it_is_the_byline(box: str, expected: str | None) -> None:
    """The name by the headline that a mail link's address spells (wholly, by initials, or
    by the surname alone) is the writer's; a newsroom's or a colleague's address is not (nor,
    for now, a spelling of umlauts as "ue")."""
    html = _page(_by_the_headline(box))
    assert _first_byline(html) == ([[expected]] if expected else [])


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ("<i class='fa fa-user'></i> Jane Doe <i class='fa fa-clock'></i> 3 min", "Jane Doe"),
        ("<i class='iconfont reco-account'><span>Maria Lindqvist</span></i>", "Maria Lindqvist"),
        ("<i class='bi bi-person-fill'></i><a href='/u/7'>Lindqvist</a>", "Lindqvist"),
        (
            "<i class='far fa-user' title='Themenstarter'></i>"
            "<span class='u-srOnly'>Themenstarter</span><span class='username'>Pepemaus</span>",
            "Pepemaus",
        ),
        ("<i class='fa fa-users'></i> Jane Doe", None),  # a group, no person
        ("<i class='fa fa-user'></i> anmelden", None),  # a word, no name
    ],
)
def test_a_name_beside_a_persons_icon_is_the_byline(box: str, expected: str | None) -> None:
    html = _page(
        "<header><a href='/konto'><i class='fa fa-user'></i> Konto Anna</a></header>"
        + "<p>Spalte</p>\n" * 20  # the header's account menu is far from the headline
        + _by_the_headline(box)
    )
    assert _first_byline(html) == ([[expected]] if expected else [])


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ("Maria Lindqvist<!-- -->,<time datetime='2024-03-05'>3/5/2024</time>", "Maria Lindqvist"),
        ("<span>Anna Muster</span> · <time datetime='2024-03-05'>5. März</time>", "Anna Muster"),
        ("Handball Schweiz • <time datetime='2024-03-05'>05.03.2024</time>", None),  # the host's
        ("Beispiel Zeitung | <time datetime='2024-03-05'>05.03.2024</time>", None),  # the title's
    ],
)
def test_a_full_name_before_the_time_by_the_headline_is_the_byline(
    box: str, expected: str | None
) -> None:
    """A bare name before the day under the headline is the writer's, unless the page's
    address or title names it: then it is the site's."""
    html = _page(_by_the_headline(box)).replace(
        "<title>Seite</title>", "<title>Die Kanzlerin tritt ab | Beispiel Zeitung</title>"
    )
    url = "https://www.handball.ch/news/1"
    assert _first_byline(html, url) == ([[expected]] if expected else [])


def test_dates_prefer_the_article_time_and_tell_updates_apart() -> None:
    result = found(ARTICLE)
    assert values(result, Field.PUBLISHED)[0] == "2023-06-23T09:33:00+02:00"
    assert values(result, Field.MODIFIED)[0] == "2023-06-24T10:00:00+02:00"


def test_tags_from_a_tag_list() -> None:
    assert values(found(ARTICLE), Field.TAGS) == [["Politik", "Berlin"]]


def test_visible_date_under_the_headline_without_markup() -> None:
    html = (
        "<html><body><div><h1>Ein Titel hier</h1><p><span>20.04.2018 16:22</span></p>"
        "<p>Text.</p></div></body></html>"
    )
    assert values(found(html), Field.PUBLISHED) == ["2018-04-20T16:22:00"]


def test_seed_page_header_dates_and_tags() -> None:
    result = found((FIXTURES / "sputnik_seed.html").read_bytes())
    assert (
        values(result, Field.HEADLINE)[0] == "Japan, France Agree to Strengthen Defense Cooperation"
    )
    assert values(result, Field.PUBLISHED)[0] == "2023-06-23T09:33:00+00:00"
    assert values(result, Field.MODIFIED)[0] == "2023-06-23T09:46:00+00:00"
    assert values(result, Field.LANGUAGE) == ["en"]
    assert "japan" in values(result, Field.TAGS)[0]


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


def test_bylines_and_dates_carry_the_ranking_and_place_the_source_measured() -> None:
    result = found(ARTICLE)
    for name in (Field.AUTHORS, Field.PUBLISHED):
        ranked = [c.evidence for c in result if c.field is name]
        assert [e.rank for e in ranked] == list(range(len(ranked)))
        scores = [e.score for e in ranked if e.score is not None]
        assert len(scores) == len(ranked) and scores == sorted(scores, reverse=True)
    authors = [c.evidence for c in result if c.field is Field.AUTHORS]
    # the article's byline one line below the headline (line 8), the sidebar's far below
    assert (authors[0].how, authors[0].line, authors[0].after_headline) == (
        Markup.BYLINE_ELEMENT,
        9,
        1,
    )
    assert authors[-1].after_headline == 7 and authors[-1].score < authors[0].score
    dates = [c for c in result if holds_date(c)]
    assert dates[0].value.text == "2023-06-23T09:33:00+02:00"
    assert (dates[0].evidence.line, dates[0].evidence.after_headline) == (10, 2)
    # the header's date of today sits above the headline
    assert [c.evidence.after_headline for c in dates if c.value.text == "2023-11-06"] == [-2]


def test_url_source_reads_the_path_date() -> None:
    doc = parse("<html><body><p>x</p></body></html>", "https://x.example/2023/06/23/slug")
    (found_date,) = url.candidates(doc)
    assert (found_date.field, found_date.source) == (Field.PUBLISHED, Source.URL)
    assert found_date.value == DateValue(date(2023, 6, 23), "2023-06-23")
    assert found_date.evidence.how is Markup.PAGE_URL
    doc = parse("<html><body><p>x</p></body></html>", "https://x.example/2023/06/slug")
    assert url.candidates(doc) == []
    assert url.candidates(parse("<html><body>x</body></html>", None)) == []


def test_headline_text_leaves_out_kicker_and_hidden_label() -> None:
    html = (
        b"<html><body><h1><span class='dachzeile'>Interne Unterlagen</span> "
        b"<span class='headline'>Daten gehackt</span></h1>"
        b"<h2><span class='visuallyhidden'>Headline:</span> Zweiter Titel</h2>"
        b"<h2><small>Einheit der Woche</small><br>Lagen-Pyramide</h2>"
        b"<h2><small>Kicker</small><br>Lagen\xc2\xadPy\xc2\xadra\xc2\xadmide</h2></body></html>"
    )
    assert values(found(html), Field.HEADLINE) == [
        "Daten gehackt",
        "Zweiter Titel",
        "Lagen-Pyramide",
        "LagenPyramide",  # soft hyphens read as nothing beside a kicker too
    ]


def test_a_heading_that_links_home_names_the_site() -> None:
    """Blogger sets the blog's title as an h1 linking to the blog: the site's name. A heading
    linking to an article, or holding more than the link, names none."""
    home = "<h1 class='title'><a href='https://news.example.com/'>Harbour Gazette</a></h1>"
    story = "<h1><a href='/2024/03/ferry.html'>Ferry suspended</a></h1>"
    found_names = values(found(f"<html><body>{home}{story}</body></html>"), Field.SITE_NAME)
    assert found_names == ["Harbour Gazette"]
    more = "<h1><a href='/'>Harbour Gazette</a> reports</h1>"
    assert values(found(f"<html><body>{more}</body></html>"), Field.SITE_NAME) == []


def test_a_heading_the_microdata_names_the_headline_is_one_in_any_tag() -> None:
    """A TYPO3 news detail view sets its headline as ``<h3 itemprop="headline">`` above the
    text's own h2s: the page's title, which the h2 is not."""
    html = """<html><head><title>Ferry service suspended - Harbour Gazette</title>
    <meta property="og:title" content="Ferry service suspended"></head><body>
    <div class="news-single"><div class="article" itemscope itemtype="http://schema.org/Article">
    <div class="header"><h3 itemprop="headline">Ferry service suspended</h3></div>
    <div class="news-text-wrap" itemprop="articleBody"><p>The ferry was suspended on Tuesday
    after high winds damaged the landing stage, the operator said.</p>
    <h2>What passengers should do</h2><p>Passengers can claim a full refund or rebook free of
    charge, according to a statement published on the company's website.</p></div>
    </div></div></body></html>"""
    headings = values(found(html), Field.HEADLINE)
    assert headings == ["Ferry service suspended", "What passengers should do"]
    article = byline.extract(html, url=PAGE_URL)
    assert article.title == "Ferry service suspended"
    assert "What passengers should do" in article.body


def test_a_byline_that_is_a_person_item_is_named_by_its_name_property() -> None:
    """Hexo NexT's author card: the name and the blog's description in one ``Person`` item
    (in Chinese, no case tells them apart); the name is the item's ``name``."""
    card = """<div class="site-author" itemprop="author" itemscope
    itemtype="http://schema.org/Person"><p class="site-author-name" itemprop="name">林玛丽</p>
    <div class="site-description" itemprop="description">港湾边的新闻与生活</div></div>"""
    page = f"<html><body><h1>渡轮服务暂停</h1>{card}</body></html>"
    groups = values(found(page), Field.AUTHORS)
    assert [[a.name for a in group] for group in groups] == [["林玛丽"]]


def test_a_byline_under_a_hero_copy_of_the_headline_is_read() -> None:
    """Bolt's base theme prints the headline in a hero banner with the byline under it, then
    again as the article's h1: a bare "By" next to either copy leads a byline."""
    hero = "<div class='hero'><h1 class='text-5xl'>Ferry suspended</h1>\n<p>By Jane Doe</p></div>"
    story = "<article><h1>Ferry suspended</h1><p>The ferry was suspended on Tuesday.</p></article>"
    far = "\n" * 60 + "<p>By Jane Doe</p>"
    groups = values(found(f"<html><body>{hero}\n{story}</body></html>"), Field.AUTHORS)
    assert [[a.name for a in group] for group in groups] == [["Jane Doe"]]
    hero = hero.replace("<p>By Jane Doe</p>", far)
    assert values(found(f"<html><body>{hero}\n{story}</body></html>"), Field.AUTHORS) == []


def test_a_linked_name_after_a_bare_by_is_read_without_the_words_after_it() -> None:
    """Silverstripe's blog ends a post with "Posted <a>2 days ago</a> by <a>X</a> Less than a
    minute to read": the name is the link's; a name after a title's link is not cut off."""
    meta = (
        "<p class='blog-post-meta'>Posted in <a href='/c/news'>News</a>; Posted <a href="
        "'/archive/2024/03/05'>2 days ago</a> by <a href='/profile/jd'>Jane Doe</a> Less than "
        "a minute to read</p>"
    )
    story = "<p>The ferry between Portsmouth and the island was suspended on Tuesday.</p>"
    page = f"<html><body><article><h1>Ferry suspended</h1>{story}{meta}</article></body></html>"
    groups = values(found(page), Field.AUTHORS)
    assert [[a.name for a in group] for group in groups] == [["Jane Doe"]]
    titled = "<p>Autor: <a href='/rechtsanwalt/'>Rechtsanwalt</a> Sebastian Einbock</p>"
    page = page.replace(meta, titled)
    groups = values(found(page), Field.AUTHORS)
    assert [a.name for a in groups[0]] == ["Sebastian Einbock"]


def test_a_label_alone_in_a_script_without_case_leads_the_name_after_its_menu() -> None:
    """GnuBoard: a screen-reader label "작성자" (author), then the member's name with the
    pop-up menu that style sheets show on a click ("쪽지보내기", send a note...)."""
    byline = (
        "<span class='sound_only'>작성자</span> <strong><span class='sv_wrap'><a href="
        "'/bbs/profile.php?mb_id=minji' class='sv_member'>김민지</a><span class='sv'><a href="
        "'/bbs/memo_form.php'>쪽지보내기</a> <a href='/bbs/profile.php'>자기소개</a> <a href="
        "'/bbs/new.php'>전체게시물</a></span></span></strong>"
    )
    story = "<p>폭풍으로 선착장이 파손되어 여객선 운항이 중단되었다.</p>"
    article = f"<article><h1>여객선 운항 중단</h1><div>{byline}</div>{story}</article>"
    page = f"<html><body>{article}</body></html>"
    groups = values(found(page), Field.AUTHORS)
    assert [[a.name for a in group] for group in groups] == [["김민지"]]


def test_a_badge_beside_the_writers_name_is_no_byline() -> None:
    """Hexo's Keep theme ranks its writers: "<span class=author-badge>Lv1</span>"."""
    author = (
        "<div class='author'><span class='name'>Jane Doe</span>"
        "<span class='author-badge'>Lv1</span></div>"
    )
    story = "<p>The ferry between Portsmouth and the island was suspended on Tuesday.</p>"
    page = f"<html><body><article><h1>Ferry suspended</h1>{author}{story}</article></body></html>"
    names = [a.name for group in values(found(page), Field.AUTHORS) for a in group]
    assert "Lv1" not in names


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Posted on Wednesday, March 18th, 2020 at 10:00 am by Jane Doe", "Jane Doe"),
        ("Veröffentlicht am 03.02.2022 von Sarah Beispiel", "Sarah Beispiel"),
        ("Publié le 3 mars 2022 par Jean Dupont", "Jean Dupont"),
        ("Am 03.02.2022 von Berlin nach Hamburg gefahren", None),
    ],
)
def test_a_bare_lead_right_after_a_dated_opening_is_a_byline(line: str, name: str | None) -> None:
    """A blog's "Posted on <date> by <name>" in one text: the date and the words that
    introduce it stand before the lead."""
    story = "<p>The ferry between Portsmouth and the island was suspended on Tuesday.</p>"
    page = (
        f"<html><body><article><h1>Ferry suspended</h1><p>{line}</p>{story}</article></body></html>"
    )
    names = [a.name for group in values(found(page), Field.AUTHORS) for a in group]
    assert names[:1] == ([name] if name else [])


def test_a_byline_whose_accessible_name_is_an_author_label_is_a_byline() -> None:
    """VitePress's Teek theme marks the writer only by ``aria-label="作者"``."""
    byline = (
        "<div><span class='tk-article-info__item' role='group' aria-label='作者'>"
        "<a title='作者' aria-label='Maria Lindqvist'>Maria Lindqvist</a></span></div>"
    )
    story = "<p>The ferry between Portsmouth and the island was suspended on Tuesday.</p>"
    page = f"<html><body><article><h1>Ferry suspended</h1>{byline}{story}</article></body></html>"
    groups = values(found(page), Field.AUTHORS)
    assert [a.name for a in groups[0]] == ["Maria Lindqvist"]
    unlabelled = page.replace("aria-label='作者'", "").replace("title='作者' ", "")
    assert values(found(unlabelled), Field.AUTHORS) == []


def test_text_hidden_from_sight_inside_a_byline_is_no_part_of_the_name() -> None:
    """A screen reader's extra words ("<span class=sr-only>Reiterrevue International</span>")
    end the name the page shows."""
    byline = (
        "<p class='entry-meta'>Veröffentlicht am 03.02.2022 von Sarah Beispiel "
        "<span class='sr-only'>Pferdemagazin International</span></p>"
    )
    story = "<p>Gutes Heu ist das Grundnahrungsmittel der Pferde, doch Heulage hat Vorteile.</p>"
    page = f"<html><body><article><h1>Heulage</h1>{byline}{story}</article></body></html>"
    groups = values(found(page), Field.AUTHORS)
    assert [a.name for a in groups[0]] == ["Sarah Beispiel"]


def test_a_box_named_a_title_that_shows_the_pages_title_heads_a_page_without_an_h1() -> None:
    """Hexo's Keep theme sets the headline in a "div.post-title", and an h2 opens the text."""
    head = "<title>Ferry service suspended after storm | Harbour Gazette</title>"
    body = (
        "<div class='site-title'>Harbour Gazette</div>"
        "<div class='post-title'>Ferry service suspended after storm</div>"
        "<h2>What passengers should do</h2><p>Passengers can claim a full refund.</p>"
    )
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    assert values(found(html), Field.HEADLINE)[:2] == [
        "Ferry service suspended after storm",
        "What passengers should do",
    ]
    # beside an h1 that links home (the site's name), it is a headline too (chronicle's
    # "div.title"); beside an h1 that shows other words, it is not
    site = "<div class='site-title'>Harbour Gazette</div>"
    home = html.replace(site, "<h1><a href='https://news.example.com/'>Harbour Gazette</a></h1>")
    assert values(found(home), Field.HEADLINE)[:2] == [
        "Harbour Gazette",
        "Ferry service suspended after storm",
    ]
    other = html.replace(site, "<h1>Ferries</h1>")
    assert values(found(other), Field.HEADLINE)[:2] == ["Ferries", "What passengers should do"]
    # a box that shows the site's name alone is no headline
    no_title = html.replace("Ferry service suspended after storm</div>", "</div>")
    assert values(found(no_title), Field.HEADLINE)[0] == "What passengers should do"


def test_a_date_line_set_in_the_headline_is_no_part_of_it() -> None:
    """PHPCMS prints the article's date line inside its h1, after a line break; a heading of
    two lines is otherwise one headline."""
    dated = "<h1>渡轮服务暂停<br><span>2024-03-05 09:14:00 来源：港湾日报</span></h1>"
    assert values(found(f"<html><body>{dated}</body></html>"), Field.HEADLINE)[0] == "渡轮服务暂停"
    two_lines = "<h1>Ferry suspended<br>after the storm</h1>"
    assert values(found(f"<html><body>{two_lines}</body></html>"), Field.HEADLINE)[0] == (
        "Ferry suspended after the storm"
    )


def test_a_headlines_permalink_is_no_word_of_it() -> None:
    html = (
        b"<html><body><h1 id='f'>Ferry suspended<a class='headerlink' href='#f'>\xc2\xb6</a></h1>"
    )
    assert values(found(html + b"</body></html>"), Field.HEADLINE)[0] == "Ferry suspended"


def test_a_headline_inside_a_box_named_like_a_kicker_is_the_headline() -> None:
    """Drupal sets every title in a field whose label is hidden ("field--label-hidden"): a
    "kicker" holding all the heading's text is the headline's own box, not a topic line."""
    field = "field field--name-title field--type-string field--label-hidden"
    html = (
        f"<html><head><title>Harbour votes | Gazette</title></head><body>"
        f"<nav><h2 class='visually-hidden'>Main navigation</h2><a href='/'>Home</a></nav>"
        f"<h1 class='page-title'>\n<span class='{field}'>Harbour votes</span>\n</h1>"
        f"<p>{'The council voted on the harbour. ' * 6}</p></body></html>"
    ).encode()
    assert values(found(html), Field.HEADLINE)[0] == "Harbour votes"
    assert byline.extract(html, url="https://gazette.example/node/1").title == "Harbour votes"


UNMARKED_BYLINE = """<html><body><div id="page"><article>
<h1>Interning of small integers</h1>
<p><span>Posted by <a href="/about">Konstantin</a> 21.10.2019</span></p>
<p>Python interns small integers, as shown by the id function. Said by Guido van Rossum.</p>
<p>CC BY-NC-ND 4.0</p>
</article>
<section class="comments"><p>Posted by Troll Meister</p></section>
</div></body></html>"""


def test_unmarked_byline_text_in_the_article() -> None:
    groups = values(found(UNMARKED_BYLINE), Field.AUTHORS)
    assert [[a.name for a in group] for group in groups] == [["Konstantin"]]


def test_a_bare_by_inside_a_sentence_is_no_byline() -> None:
    html = UNMARKED_BYLINE.replace("Posted by", "Shared")
    assert values(found(html), Field.AUTHORS) == []


def test_the_byline_nearest_below_the_headline_wins() -> None:
    filler = "\n".join("<p>Absatz.</p>" for _ in range(80))
    html = f"""<html><body><article><h1>Der Titel</h1>
<div class="author">Anna Muster</div>
{filler}
<div class="author">Max Beispiel</div></article></body></html>"""
    groups = values(found(html), Field.AUTHORS)
    assert [a.name for a in groups[0]] == ["Anna Muster"]


# --- dates (byline.sources.dom_dates) ---------------------------------------------------


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Seite</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<h1>Ein Titel hier</h1><p>Veröffentlicht am 16.08.2019</p>", "2019-08-16"),
        ("<h1>Ein Titel</h1><ul><li><span>Datum:</span>26. Januar 2022</li></ul>", "2022-01-26"),
        ("<h1>Un titre</h1><p>Mise en ligne 23 mai 2019</p>", "2019-05-23"),
        ("<h1>Ein Titel</h1><span class='blue'>01.02.2022</span>", "2022-02-01"),
        ("<h1>Ein Titel</h1><div class='meta'><span>31.10.23</span></div>", "2023-10-31"),
        (
            "<h1>T</h1><h4><time class='date updated published' "
            "datetime='2020-02-23T10:07:02+01:00'>23. Februar 2020</time></h4>",
            "2020-02-23T10:07:02+01:00",
        ),
    ],
)
def test_visible_publication_dates(body: str, expected: str) -> None:
    assert values(found(_page(body)), Field.PUBLISHED)[0] == expected


def test_a_labelled_date_beats_an_unlabelled_one_and_comments_lose() -> None:
    html = _page(
        "<article><h1>Titel</h1><p>Ausgabe 12.03.2019</p><p>Erstellt am: 01.11.2023</p>"
        "<div class='comments'><p>15.11.2023</p></div></article>"
    )
    assert values(found(html), Field.PUBLISHED)[0] == "2023-11-01"


def test_an_update_marker_makes_a_modified_date_that_also_stands_in_for_published() -> None:
    html = _page(
        "<div><h1>BeginnersGuide</h1><p>text</p></div>"
        "<p class='info'>BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by X)</p>"
    )
    result = found(html)
    assert values(result, Field.MODIFIED)[0] == "2019-11-10T13:28:18"
    assert values(result, Field.PUBLISHED)[0] == "2019-11-10T13:28:18"


def test_the_label_a_reader_sees_decides_over_the_time_elements_class() -> None:
    """A theme's footer reads "Updated: <time class="dt-published">" (Jekyll's Minimal
    Mistakes): the visible label makes it the update, and "Published:" a publication
    whatever the class says."""
    updated = "<p><strong>Updated:</strong> <time class='dt-published' datetime='2024-03-06'>"
    published = "<p>Published: <time class='updated' datetime='2024-03-05'>March 5</time></p>"
    result = found(_page(f"<h1>Ferry</h1>{published}<p>text</p>{updated}March 6</time></p>"))
    assert values(result, Field.MODIFIED)[0] == "2024-03-06"
    assert values(result, Field.PUBLISHED)[0] == "2024-03-05"


def test_date_in_title_and_meta_properties_are_fallbacks() -> None:
    head = "<meta name='publication_date' content='2022-02-08T14:00:00'>"
    assert values(found(_page("<p>Kein Datum</p>", head)), Field.PUBLISHED) == [
        "2022-02-08T14:00:00"
    ]
    html = "<html><head><title>23.01.2022 - Sieg in Antholz</title></head><body></body></html>"
    assert values(found(html), Field.PUBLISHED) == ["2022-01-23"]


def test_dates_of_a_huge_page_are_found_in_bounded_time() -> None:
    comment = "<div class='comment'><p>Kommentar vom 01.02.2020 12:00</p></div>"
    html = _page("<h1>Titel</h1><p>Veröffentlicht am 16.08.2019</p>" + comment * 20_000)
    doc = parse(html, PAGE_URL)
    start = time.perf_counter()
    result = dom_dates.date_candidates(doc, None, None, page_of(doc))
    assert time.perf_counter() - start < 2.0
    assert next(c.value.text for c in result if holds_date(c)) == "2019-08-16"


@pytest.mark.parametrize(
    "inside",
    [
        "<script>alert('h1')</script>",
        "<style>h1 { color: red }</style>",
        "<template><b>Hidden</b></template>",
        "<!-- a comment -->",
    ],
)
def test_the_headline_is_its_visible_text_only(inside: str) -> None:
    plain = "<html><body><article><h1>Harbour {0}Votes</h1><p>Text.</p></article></body></html>"
    headlines = values(found(plain.format(inside)), Field.HEADLINE)
    assert headlines[0] == "Harbour Votes"
    kicker = plain.replace("Harbour {0}", "<span class='kicker'>Local</span> Harbour {0}")
    assert values(found(kicker.format(inside)), Field.HEADLINE)[0] == "Harbour Votes"


def test_the_first_text_of_an_element_is_its_place_among_the_walked_texts() -> None:
    """``first_text_of`` counts the texts (and tails) before an element, blank ones too: the
    ordinals the walk gives its text pieces."""
    doc = parse(
        "<html><head><title>T</title></head><body>\n<div id='a'>one <b>two</b> three</div>"
        "\n<p id='b'>Posted by Anna Muster</p></body></html>"
    )
    page = page_of(doc)
    (piece,) = [p for p in page.byline_texts if p.text.startswith("Posted by")]
    paragraph = doc.root.find(".//p")
    assert page.first_text_of(paragraph) == piece.ordinal
    assert page.first_text_of(doc.root) == 0
    assert page.first_text_of(doc.root.find(".//b")) == 3  # "T", "\n", "one "


def test_the_walk_numbers_texts_and_tails_in_document_order() -> None:
    """Every text piece the walk files carries its place among the page's text nodes as
    XPath lists them (texts and tails, blank ones too), and the text after ``<body>`` is
    not the body's."""
    pages = [
        "<html><head><title>T</title></head><body><div><p>By <a>Jane Roe</a> on 3 May 2023</p>"
        "Von Max Muster: 2022<ul><li>a<b>b<i>2021 c</i>By d</b>By e 2020</li></ul>f</div>"
        "By g 2019</body>By h 2018</html>"
    ]
    corpus = SHARED / "corpus" / "dev" / "html"
    pages += [path.read_bytes() for path in sorted(corpus.glob("*.html"))[:40]]
    for html in pages:
        doc = parse(html)
        place = {
            (text.getparent(), text.is_tail): ordinal
            for ordinal, text in enumerate(doc.root.xpath("//text()"))
        }
        page = page_of(doc)
        pieces = page.byline_texts + page.year_texts
        assert pieces
        for piece in pieces:
            assert piece.ordinal == place[piece.owner, piece.is_tail]
        assert [p.ordinal for p in page.year_texts] == sorted(p.ordinal for p in page.year_texts)
    page = page_of(parse(pages[0]))
    in_body = [piece.text for piece in page.year_texts]
    assert "By g 2019" in in_body and "By h 2018" not in in_body


def test_an_element_after_the_bound_of_the_walk_has_no_first_text() -> None:
    filler = "<span>x</span>" * (MAX_SCANNED_ELEMENTS + 10)
    doc = parse(f"<html><body><p>early</p>{filler}<p>late</p></body></html>")
    page = page_of(doc)
    early, late = doc.root.findall(".//p")
    assert not page.complete
    assert page.first_text_of(early) == 0
    assert page.first_text_of(late) is None


def test_byline_text_keeps_document_order_around_inline_elements() -> None:
    # a forum post header: the date sits between the lead and the handle
    html = """<html><body><div class="post"><h3>Re: Regeln</h3>
    <p class="author">Beitrag von <span class="date"><b>21.01.2009</b>, 05:42</span> &raquo;
    <!-- profile --><a href="/u/lupa">lupa</a><script>track()</script></p>
    <div class="content">Bitte lest die Regeln, bevor ihr hier etwas schreibt. Danke.</div>
    </div></body></html>"""
    byline = parse(html.encode()).root.xpath("//p")[0]
    assert spaced_text(byline) == "Beitrag von 21.01.2009 , 05:42 » lupa"


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        # a letter styled apart from its word is no word of its own...
        ("<a>Will Knigh<span class='last-letter'>t</span></a>", "Will Knight"),
        ("<span class='dropcap'>T</span>he ferry", "The ferry"),
        # ... but the texts of different elements do not run together
        ("Veröffentlicht von<a>Chris Jung</a>", "Veröffentlicht von Chris Jung"),
        ("<span>Anna Muster</span><span>vor 5 Stunden</span>", "Anna Muster vor 5 Stunden"),
        ("von <b>Sarah</b> <i>x</i>", "von Sarah x"),
        # nor what the page hides from sight (a screen reader's extra words)
        ("Jane Doe<span class='sr-only'>Staff</span>", "Jane Doe"),
    ],
)
def test_spaced_text_reads_what_a_reader_sees(fragment: str, text: str) -> None:
    element = parse(f"<html><body><p>{fragment}</p></body></html>".encode()).root.xpath("//p")[0]
    assert spaced_text(element) == text
