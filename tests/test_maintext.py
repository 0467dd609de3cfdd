"""Main-text extraction: small pages for each behaviour, and corpus pages read in place."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLES, needs_shared
from lxml import etree

import byline
from byline.blockmodel import FEATURES, MODEL, BlockContext, block_features, words_of
from byline.blocks import Reason, Rule, Verdict
from byline.document import parse
from byline.maintext import MainText, extract_main_text
from byline.record import BodyQuality

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the tram network, a decision that "
    "followed years of debate, several studies and a public consultation.",
    "Supporters said the new lines, which will reach three suburbs, would cut car traffic, "
    "while critics warned about the cost, the noise and the years of construction.",
    "Work is due to start next spring, and the first trams should run in four years, "
    "according to the city's transport department.",
]


def page(article: str, around: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>T</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"{around}<article>{article}</article>"
        "<footer><p>Copyright 2024 The Daily Example, all rights reserved, "
        "reproduction prohibited.</p></footer></body></html>"
    )


def paragraphs(items: list[str] = PARAGRAPHS) -> str:
    return "".join(f"<p>{text}</p>" for text in items)


def extract(html: str, **kwargs) -> MainText:
    result = extract_main_text(parse(html, url="https://example.com/news/a.html"), **kwargs)
    assert result is not None
    return result


def test_article_paragraphs_separated_by_blank_line() -> None:
    result = extract(page(paragraphs()))
    assert result.body == "\n\n".join(PARAGRAPHS)


def test_a_quotations_footer_is_its_attribution_not_the_pages_footer() -> None:
    """Bootstrap's ``blockquote-footer`` (and a BEM ``quote__footer``) says who is quoted;
    a box named "footer" alone is still furniture."""
    quote = (
        "<blockquote class='blockquote'><p>We have never seen damage like this in thirty years "
        "of service.</p><footer class='{}'>Tom Harris, the operator's chief executive</footer>"
        "</blockquote>"
    )
    for name in ("blockquote-footer", "quote__footer"):
        body = extract(page(paragraphs() + quote.format(name))).body
        assert "Tom Harris, the operator's chief executive" in body
    plain = page(paragraphs() + "<div class='footer'>Tom Harris, the operator's chief</div>")
    assert "Tom Harris" not in extract(plain).body


@pytest.mark.parametrize(
    "notice",
    [
        "This post contains affiliate links. If you buy through them, we may earn a commission.",
        "* Links mit Sternchen sind sogenannte Affiliate-Links.",
        "Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
        "Les articles publiés n'engagent que leurs auteurs.",
        "This article was last updated 3 years ago. The information may have changed.",
        "本文最后更新于 1032 天前，文中所描述的信息可能已发生改变。",
    ],
)
def test_a_notice_about_the_article_is_not_its_text(notice: str) -> None:
    """A disclosure of affiliate links, a disclaimer that the views are the author's, a
    theme's notice of the post's age: in a box whose name says nothing, still no paragraph
    of the story."""
    body = extract(page(paragraphs() + f"<p>{notice}</p>")).body
    assert body == "\n\n".join(PARAGRAPHS)


def test_a_paragraph_about_affiliate_links_is_text() -> None:
    """A story's own paragraph may speak of them: a notice is a sentence or two."""
    story = (
        "Consumer groups say that many blogs now earn most of their income from affiliate "
        "links, and that readers rarely notice them. Under the new rules, a page that contains "
        "affiliate links will have to say so at the top, in plain words, before any link; "
        "regulators will check a sample of sites every quarter, and fines will rise with each "
        "repeated breach. Publishers' associations welcomed the clarity but warned about the "
        "cost for small sites, many of which are run by a single person in their spare time."
    )
    assert story in extract(page(paragraphs() + f"<p>{story}</p>")).body


def test_boilerplate_boxes_are_dropped() -> None:
    article = (
        "<h1>Tram network to grow</h1>"
        "<div class='share-buttons'><a href='#'>Share on Facebook</a> Tweet this</div>"
        + paragraphs()
        + "<div class='related-posts'><h3>Related</h3><ul>"
        "<li><a href='/x'>Bus fares rise again, the third time this year</a></li>"
        "<li><a href='/y'>Bike lanes open on the ring road after delays</a></li></ul></div>"
        "<div id='comments'><p>Great news, finally, I have waited for years for this!</p></div>"
        "<p>Read also: <a href='/z'>Bridge closed for repairs</a></p>"
    )
    cookie = "<div class='cookie-consent'><p>We use cookies, to improve your experience.</p></div>"
    result = extract(page(article, around=cookie), title="Tram network to grow")
    for gone in ("Share on Facebook", "Bus fares", "waited for years", "cookies", "Read also"):
        assert gone not in result.body
    assert "Copyright" not in result.body and "Home" not in result.body
    assert "Tram network to grow" not in result.body  # the headline is not body text
    assert result.body.startswith(PARAGRAPHS[0])


def test_state_class_names_do_not_remove_the_article() -> None:
    wrapper = "<div class='post has-sidebar with-comments'>"
    html = f"<html><body>{wrapper}{paragraphs()}</div></body></html>"
    assert extract(html).body == "\n\n".join(PARAGRAPHS)


def test_a_heading_named_like_boilerplate_that_heads_prose_is_a_section() -> None:
    """A heading's class names its style ("anchorTargetStickyNavbar": Docusaurus's headings
    leave room for a sticky navbar): when a paragraph follows it, it heads a section of
    the text. One that labels a box of links or a form stays out."""
    section = "<h2 class='anchor anchorTargetStickyNavbar_Vzrq'>What happens next</h2>"
    related = (
        "<h3 class='related-title'>Related</h3><ul>"
        "<li><a href='/x'>Bus fares rise again, the third time this year</a></li>"
        "<li><a href='/y'>Bike lanes open on the ring road after delays</a></li></ul>"
    )
    article = paragraphs(PARAGRAPHS[:2]) + section + paragraphs(PARAGRAPHS[2:]) + related
    result = extract(page(article))
    assert result.body == "\n\n".join([*PARAGRAPHS[:2], "What happens next", PARAGRAPHS[2]])


def test_the_short_lines_of_a_byline_box_are_its_metadata() -> None:
    """Joomla's article info box: beside the byline and the date, "Details", the category and
    the hit count are the article's metadata, not its text. A box whose lines include a
    sentence is text."""
    info = (
        "<dl><dt>Details</dt><dd>Written by: Jane Doe</dd>"
        "<dd>Category: <a href='/news'>News</a></dd>"
        "<dd><time datetime='2024-03-05'>Published: 05 March 2024</time></dd>"
        "<dd>Hits: 147</dd></dl>"
    )
    headline = "<h1>Tram network to grow</h1>"
    result = extract(page(headline + info + paragraphs()), title="Tram network to grow")
    assert result.body == "\n\n".join(PARAGRAPHS)
    reasons = {block.text: block.reason for block in result.blocks}
    assert reasons["Hits: 147"] == Reason(Rule.METADATA)
    note = "<div><p>By Jane Doe</p><p>Our reporter spent a week on the trams.</p></div>"
    result = extract(page(headline + note + paragraphs()), title="Tram network to grow")
    assert result.body.startswith("Our reporter spent a week on the trams.")


def test_a_headings_permalink_is_no_word_of_it() -> None:
    """Python-Markdown, Sphinx and MkDocs end each heading with a link to itself, "¶";
    Docusaurus with one of a zero-width space. A link to another place is a word."""
    article = (
        paragraphs(PARAGRAPHS[:1])
        + "<h2 id='next'>What happens next<a class='headerlink' href='#next'>&para;</a></h2>"
        + paragraphs(PARAGRAPHS[1:2])
        + "<h3 id='cost'>The cost<a class='hash-link' href='#cost'>\u200b</a></h3>"
        + paragraphs(PARAGRAPHS[2:])
        + "<h3>See <a href='#faq'>FAQ</a></h3><p>Questions and answers follow below.</p>"
    )
    body = extract(page(article)).body.split("\n\n")
    assert body[1::2][:2] == ["What happens next", "The cost"]
    assert "See FAQ" in body


def test_a_breadcrumb_trail_ending_in_the_headline_is_no_text() -> None:
    """SPIP's default article page opens with "Accueil > Actualités > Headline" in a ``<p>``
    named "arbo": the headline again, in a trail. Steps longer than a section's name are
    text."""
    trail = "<p class='arbo'><a href='/'>Accueil</a> &gt; <a href='/r1'>Actualités</a> &gt; "
    trail += "<strong>Tram network to grow</strong></p>"
    result = extract(page(trail + paragraphs()), title="Tram network to grow")
    assert result.body == "\n\n".join(PARAGRAPHS)
    compared = "<p>What everyone agreed on after the debate &gt; Tram network to grow</p>"
    result = extract(page(paragraphs() + compared), title="Tram network to grow")
    assert result.body.endswith("What everyone agreed on after the debate > Tram network to grow")


def test_a_link_counting_the_pages_comments_is_no_word_of_its_line() -> None:
    """PluXml's byline line ends with "2 commentaires", a link to the page's own comments: the
    line is the byline, dropped. A link to another page's comments is a word of its text."""
    meta = (
        "<header><h2>Tram network to grow</h2><small><span>Rédigé par Jane Doe</span> "
        "<time datetime='2024-03-05'>05 mars 2024</time> <a href='"
        "https://example.com/news/a.html#comments'>2 commentaires</a></small></header>"
    )
    result = extract(page(meta + paragraphs()), title="Tram network to grow")
    assert result.body == "\n\n".join(PARAGRAPHS)
    source = (
        "<p>The plan was first debated on <a href='https://other.example/story#comments'>a "
        "forum thread of 12 comments</a> last winter, long before the vote.</p>"
    )
    result = extract(page(paragraphs() + source), title="Tram network to grow")
    assert "a forum thread of 12 comments last winter" in result.body


def test_a_heading_whose_words_link_to_itself_is_a_heading() -> None:
    """VuePress (markdown-it-anchor) wraps each heading's words in a link to its own id: no
    link label, and no link text that makes the heading look like a menu."""
    heading = (
        "<h2 id='乘客应该怎么做'><a class='header-anchor' href='#乘客应该怎么做'>"
        "<span>乘客应该怎么做</span></a></h2>"
    )
    article = paragraphs(PARAGRAPHS[:2]) + heading + paragraphs(PARAGRAPHS[2:])
    assert "乘客应该怎么做" in extract(page(article)).body.split("\n\n")
    elsewhere = "<h2 id='faq'><a href='#prices'>Prices</a></h2>"
    article = paragraphs(PARAGRAPHS[:2]) + elsewhere + paragraphs(PARAGRAPHS[2:])
    assert "Prices" not in extract(page(article)).body


def test_mediawikis_thumbnail_caption_and_jump_links_are_no_text() -> None:
    """MediaWiki: a picture's "thumbcaption" is its caption, and "Jump to navigation" links
    (``mw-jump-link``) are skip links."""
    jump = (
        "<a class='mw-jump-link' href='#mw-head'>Jump to navigation</a> "
        "<a class='mw-jump-link' href='#searchInput'>Jump to search</a>"
    )
    thumb = (
        "<div class='thumb tright'><div class='thumbinner'><img src='/images/a.jpg'>"
        "<div class='thumbcaption'>The damaged landing stage on Wednesday morning.</div>"
        "</div></div>"
    )
    article = jump + paragraphs(PARAGRAPHS[:1]) + thumb + paragraphs(PARAGRAPHS[1:])
    result = extract(page(article))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert result.images[0].caption == "The damaged landing stage on Wednesday morning."


def test_headings_lists_tables_and_quotes_are_kept() -> None:
    article = (
        paragraphs(PARAGRAPHS[:2]) + "<h2>What changes</h2><ul><li>Line 4 reaches the airport</li>"
        "<li>Line 7 runs every five minutes</li></ul>"
        "<table><tr><th>Line</th><th>Opening</th></tr><tr><td>4</td><td>2027</td></tr></table>"
        "<blockquote><p>It is a historic day for the city.</p></blockquote>"
        "<h1>An inner headline</h1>" + paragraphs(PARAGRAPHS[2:])
    )
    result = extract(page(article))
    blocks = result.body.split("\n\n")
    for block in (
        "What changes",
        "Line 4 reaches the airport",
        "Line 7 runs every five minutes",
        "Line | Opening",
        "4 | 2027",
        "It is a historic day for the city.",
        "An inner headline",
    ):
        assert block in blocks
    html = result.body_html
    assert "<h2>What changes</h2>" in html
    assert "<ul>\n<li>Line 4 reaches the airport</li>" in html
    assert "<tr><th>Line</th><th>Opening</th></tr>" in html
    assert "<blockquote>\n<p>It is a historic day for the city.</p>\n</blockquote>" in html
    assert "<h2>An inner headline</h2>" in html and "<h1>" not in html


def test_a_headings_permalink_beside_it_is_no_text() -> None:
    """Starlight sets each heading's permalink after it, in one box, its words for screen
    readers: as long as the heading, they made the box read as a list of links."""
    heading = (
        "<div class='sl-heading-wrapper'><h2 id='next'>What happens next</h2>"
        "<a href='#next'><span class='sr-only'>Section titled “What happens next”</span></a>"
        "</div>"
    )
    blocks = extract(page(paragraphs(PARAGRAPHS[:2]) + heading + paragraphs(PARAGRAPHS[2:])))
    body = blocks.body.split("\n\n")
    assert "What happens next" in body
    assert not any("Section titled" in block for block in body)


def test_a_table_that_lays_out_a_page_is_read_as_its_paragraphs() -> None:
    """An old page sets its text in a table's cell, paragraphs between line breaks: a cell
    of prose is no cell of data, whose row would be one line of text."""
    story = "<br><br>".join(PARAGRAPHS)
    html = f"<table><tr><td><b>Trams for the suburbs</b><br><br>{story}</td></tr></table>"
    blocks = extract(page(html)).body.split("\n\n")
    assert all(text in blocks for text in PARAGRAPHS)


def test_br_inside_a_sentence_is_a_space_and_after_a_sentence_a_break() -> None:
    text = (
        "<p>Japan and France agreed to open a NATO<br>office in Tokyo, the ministry said in "
        "a statement on Friday after the talks.<br>Both sides also agreed to hold joint "
        "exercises next year in the Pacific, officials added.</p>"
    )
    result = extract(page(text + paragraphs()))
    assert "a NATO office in Tokyo" in result.body
    assert "after the talks.\n\nBoth sides also agreed" in result.body


def test_br_between_short_lines_keeps_the_lines() -> None:
    address = "<p>City Transport Department<br>Main Street 1<br>12345 Example City</p>"
    result = extract(page(paragraphs() + address))
    assert "City Transport Department\n\nMain Street 1\n\n12345 Example City" in result.body


def test_whitespace_nbsp_and_zero_width_characters_are_normalised() -> None:
    text = (
        "<p>The\u200b council&nbsp;voted\n   on   Tuesday, after a long debate, to expand it.</p>"
    )
    result = extract(page(text + paragraphs()))
    assert "The council voted on Tuesday, after a long debate, to expand it." in result.body


def test_hint_takes_the_page_version_with_what_the_hint_lacks() -> None:
    dateline = "MOSCOW (Sputnik) - The talks lasted three hours, the ministry said."
    quote = "“We agreed to deepen our cooperation,” the ministry said in a statement."
    article = f"<div class='txt'><p>{dateline}</p>{paragraphs()}<p>{quote}</p></div>"
    # A busier decoy with more text elsewhere on the page, which scoring alone could prefer.
    other = (
        "Readers wrote in about the weather, the festival, the football results, the price "
        "of bread and, once again, the state of the roads in the old town this winter."
    )
    decoy = "<div class='main-content'>" + paragraphs([other] * 8) + "</div>"
    html = f"<html><body>{decoy}<section>{article}</section></body></html>"
    hint = " ".join(PARAGRAPHS)
    result = extract(html, hint=hint)
    assert dateline in result.body and quote in result.body
    assert PARAGRAPHS[1] in result.body
    assert other not in result.body


def test_hint_that_matches_nothing_falls_back_to_scoring() -> None:
    result = extract(page(paragraphs()), hint="A short description of something else entirely.")
    assert result.body == "\n\n".join(PARAGRAPHS)


def test_a_teaser_length_hint_pointing_at_a_teaser_gives_way_to_the_article() -> None:
    """Some sites state the summary of another story, teased on the page, as ``articleBody``:
    a short hint whose box holds a tenth of the article's prose does not replace it, while
    a short hint that is the page's only story (a brief) still finds it."""
    teaser = (
        "Two hosts discuss how the culture of coding has evolved over the decades and where "
        "they hope it is headed next."
    )
    story = paragraphs(PARAGRAPHS * 5)
    html = page(story, around=f"<div class='card'><p>{teaser}</p></div>")
    result = extract(html, hint=teaser)
    assert result.body == "\n\n".join(PARAGRAPHS * 5)
    brief = page(paragraphs(PARAGRAPHS[:1]), around=f"<div class='card'><p>{teaser}</p></div>")
    assert extract(brief, hint=PARAGRAPHS[0]).body == PARAGRAPHS[0]


def test_a_hint_of_blank_lines_never_replaces_the_page() -> None:
    result = extract(page(paragraphs(PARAGRAPHS[:1])), hint="\u00a0\u200b\n" * 300)
    assert result.body == PARAGRAPHS[0]
    assert result.quality is BodyQuality.SHORT


def test_body_html_is_safe() -> None:
    article = (
        "<p onclick='steal()' style='color:red' class='x'>The council <b>voted</b> "
        "<a href='javascript:alert(1)'>today</a>, see <a href='/report.pdf' onclick='x()'>the "
        "report</a> &lt;script&gt; and more, with details.</p>"
        "<script>alert('x')</script><p>Second <img src='x' onerror='alert(1)'> part.</p>"
        + paragraphs()
    )
    html = extract(page(article)).body_html
    assert "script" not in html.replace("&lt;script&gt;", "")
    assert "onclick" not in html and "onerror" not in html and "style" not in html
    assert "javascript:" not in html and "class=" not in html
    assert '<a href="https://example.com/report.pdf">the report</a>' in html
    assert "<b>voted</b> today," in html
    assert "&lt;script&gt;" in html


def test_images_lazy_sources_captions_and_pixels() -> None:
    article = (
        "<figure><img src='data:image/gif;base64,R0l' data-src='/img/tram.jpg' "
        "width='800' height='450' alt='A tram'><figcaption>The new tram. Photo: City"
        "</figcaption></figure>"
        "<img src='/pixel.gif' width='1' height='1'>"
        "<img srcset='/img/map-400.jpg 400w, /img/map-1200.jpg 1200w' alt='Map'>" + paragraphs()
    )
    result = extract(page(article))
    urls = [image.url for image in result.images]
    assert urls == ["https://example.com/img/tram.jpg", "https://example.com/img/map-1200.jpg"]
    assert result.images[0].caption == "The new tram. Photo: City"
    assert (result.images[0].width, result.images[0].height) == (800, 450)
    assert "The new tram" not in result.body  # captions describe a picture, not the story
    # ...but the HTML keeps the article's figure whole
    assert (
        '<figure>\n<img src="https://example.com/img/tram.jpg" alt="A tram">\n'
        "<figcaption>The new tram. Photo: City</figcaption>\n</figure>"
    ) in result.body_html


def test_caption_without_a_pictured_figure_stays_out_of_the_html() -> None:
    article = (
        "<figure><img src='/pixel.gif' width='1' height='1'>"
        "<figcaption>An icon nobody sees</figcaption></figure>"
        "<div class='caption'>A caption floating outside any figure</div>" + paragraphs()
    )
    result = extract(page(article))
    assert "An icon nobody sees" not in result.body_html
    assert "floating outside" not in result.body_html
    assert "floating outside" not in result.body


def test_soft_hyphens_and_ruby_readings_are_not_text() -> None:
    article = (
        "<p>Schon im Mit\u00adtel\u00adal\u00adter war der Wein das "
        "Aus\u00adhän\u00adge\u00adschild der Region, weithin gelobt, oft besungen "
        "und viel getrunken.</p>"
        "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>"
        "をなくすための法律ができて、親が子どもを教育するために、たたくことを禁止します。</p>"
        + paragraphs()
    )
    body = extract(page(article)).body
    assert "Schon im Mittelalter war der Wein das Aushängeschild" in body
    assert "子どもへの虐待をなくすための法律ができて" in body


def test_nesting_deeper_than_the_recursion_limit_is_rendered() -> None:
    depth = 900  # twice 900 levels: past Python's limit, within what the parser accepts
    article = "<div>" * depth + paragraphs() + "<b>" * depth + "deep end" + "</b>" * depth
    article += "</div>" * depth
    body = extract(page(article)).body
    assert body.startswith(PARAGRAPHS[0])
    assert body.endswith("deep end")


def test_page_without_text_gives_none() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
    assert extract_main_text(parse(html)) is None


@pytest.mark.parametrize("hint", [None, "", 42, ["x"]])
def test_garbage_hint_and_title_do_not_crash(hint: object) -> None:
    result = extract_main_text(parse(page(paragraphs())), hint=hint, title=7)  # type: ignore[arg-type]
    assert result is not None and PARAGRAPHS[0] in result.body


CORPUS_PAGES = ["blog.python.org.html", "dw.com.colonial.html", "zeit.de.zugverkehr.html"]


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
@pytest.mark.parametrize("name", CORPUS_PAGES)
def test_corpus_page_snippets(name: str) -> None:
    annotations = json.loads((CORPUS / "annotations.json").read_text(encoding="utf-8"))
    url, annotation = next((u, a) for u, a in annotations.items() if a["file"] == name)
    doc = parse((CORPUS / "html" / name).read_bytes(), url=url)
    result = extract_main_text(doc)
    assert result is not None
    body = " ".join(result.body.split())
    for snippet in annotation["with"]:
        assert " ".join(snippet.split()) in body
    for snippet in annotation["without"]:
        assert " ".join(snippet.split()) not in body


def test_standfirst_in_the_article_header_opens_the_body() -> None:
    lead = "The tram network will grow by three lines, the council decided after a long debate."
    html = (
        "<html><body><main><article><header><h1>Trams</h1>"
        f"<p class='article-teaser'>{lead}</p><p class='meta'>By Ann Lee</p></header>"
        f"<div class='article-body'>{paragraphs()}</div></article>"
        "<ul class='teasers'><li class='teaser'><a href='/a'>Buses</a> Bus fares rise, again, "
        "for the third time this year, the operator said.</li>"
        "<li class='teaser'><a href='/b'>Bikes</a> Bike lanes open on the ring road, "
        "after long delays and much debate.</li></ul></main></body></html>"
    )
    body = extract(html).body
    assert body.startswith(lead)
    assert "Bus fares" not in body


def test_a_deck_the_description_states_opens_the_body_wherever_it_stands() -> None:
    """A deck set apart in a hero box, far from the box of paragraphs, is the standfirst
    when its text is the page's description (or a description cut short with "..."
    begins it); the page's other statement of it, an h1, is its headline."""
    deck = "The tram network will grow by three lines, the council decided after a long debate."
    html = (
        f"<html><body><div class='hero'><div><h1>{deck}</h1><p>{deck}</p></div></div>"
        f"<main><div><div><div><div class='story'>{paragraphs()}</div></div></div></div></main>"
        "</body></html>"
    )
    for summary in (deck, deck[:50] + "...", deck[:50] + " …"):
        assert extract(html, summary=summary).body == "\n\n".join([deck, *PARAGRAPHS])
    assert extract(html).body == "\n\n".join(PARAGRAPHS)
    assert extract(html, summary=deck[:50]).body == "\n\n".join(PARAGRAPHS)


def test_lead_before_a_dateline_is_kept() -> None:
    # A lead above the paragraph that opens with the dateline is the story's first
    # paragraph to the reader (on the dev pages, 5 of the 7 such paragraphs were leads).
    lead = "The tram network will cost twice what was planned, the city's auditors found."
    article = f"<p>{lead}</p><p>LONDON (Harbour Wire) - {PARAGRAPHS[0]}</p>" + paragraphs(
        PARAGRAPHS[1:]
    )
    assert extract(page(article)).body.startswith(lead + "\n\nLONDON (Harbour Wire) - ")


# --- the paragraph model (byline.blockmodel) -----------------------------------


def test_shipped_block_model_matches_the_features() -> None:
    from byline.blockmodel import FEATURES, MODEL

    for values in (MODEL.means, MODEL.scales, MODEL.weights):
        assert len(values) == len(FEATURES)
    assert 0 < MODEL.threshold < 1


WEIGHTS_SOURCE = Path(__file__).resolve().parents[1] / "src" / "byline" / "_blockweights.py"
TRAIN_BLOCKS = Path(__file__).resolve().parents[1] / "scripts" / "train_blocks.py"


def test_shipped_weights_file_lists_the_features_in_order() -> None:
    """``_blockweights.py`` was generated for today's ``FEATURES``: a feature added, dropped
    or moved without retraining would be weighed with another's weight."""
    import re

    from byline.blockmodel import FEATURES

    listed = re.findall(r"^#\s+(\d+) (\w+)$", WEIGHTS_SOURCE.read_text(encoding="utf-8"), re.M)
    assert [name for _, name in listed] == list(FEATURES)
    assert [int(i) for i, _ in listed] == list(range(len(FEATURES)))


@needs_shared(CORPUS)
def test_training_reproduces_the_shipped_weights() -> None:
    """``scripts/train_blocks.py`` fits the shipped weights again, byte for byte, from the
    corpus and the choice (L2 penalty, distant-label weight) the file names. (The choice
    itself, made by cross-validation, takes minutes: ``--write`` redoes it.)"""
    import re
    import subprocess
    import sys

    source = WEIGHTS_SOURCE.read_text(encoding="utf-8")
    choice = re.search(r"L2 penalty (\S+),\s+distant-label weight (\S+):", source)
    assert choice is not None, "the weights file does not name its choice"
    command = [sys.executable, str(TRAIN_BLOCKS), "--check", "--choice", *choice.groups()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr


def test_block_features_give_one_row_per_paragraph() -> None:
    from byline.blockmodel import FEATURES, BlockContext, block_features

    texts = [*PARAGRAPHS, "Subscribe to our newsletter"]
    context = BlockContext(frozenset(), lambda el: 0.0)
    rows = list(block_features(texts, ["p"] * len(texts), [None] * len(texts), context))
    assert len(rows) == len(texts)
    assert all(len(row) == len(FEATURES) for row in rows)
    features = dict(zip(FEATURES, rows[-1], strict=True))
    assert features["call_to_action"] == 1.0 and features["closeness_to_end"] == 1.0


def test_a_paragraph_in_a_small_box_of_its_own_has_a_small_box_share() -> None:
    """The article's paragraphs stand side by side in one box (one wrapped alone in a
    template's div counts in that box too); an appeal for donations stands in a box of its
    own."""
    from byline.blockmodel import FEATURES, BlockContext, block_features

    appeal = "Every donation helps us keep this site free for all readers."
    root = etree.fromstring(
        "<div><div class='story'>"
        + "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2])
        + f"<div><p>{PARAGRAPHS[2]}</p></div></div>"
        + f"<div class='box'><p>{appeal}</p><p>Donate now</p></div></div>"
    )
    elements = list(root.iter("p"))
    texts = [element.text or "" for element in elements]
    context = BlockContext(frozenset(), lambda el: 0.0)
    rows = list(block_features(texts, ["p"] * len(texts), elements, context))
    features = [dict(zip(FEATURES, row, strict=True)) for row in rows]
    shares = [row["box_share"] for row in features]
    assert shares[:3] == [1.0, 1.0, 1.0]
    story = sum(map(len, PARAGRAPHS[:3]))
    assert shares[3:] == [(len(appeal) + len("Donate now")) / story] * 2
    assert shares[3] < 0.3
    # what comes next: the story's last paragraph is followed by the appeal's small box
    assert [row["next_box_share"] for row in features] == [1.0, 1.0, shares[3], shares[3], 0.0]


def test_a_story_set_in_a_row_of_blocks_of_one_kind_stands_in_one_box() -> None:
    """Wagtail's StreamField sets each run of paragraphs in a block of its own class."""
    from byline.blockmodel import FEATURES, BlockContext, block_features

    blocks = "".join(
        f"<div class='block-paragraph'><p>{first}</p><p>{second}</p></div>"
        for first, second in (STORY[:2], STORY[2:4])
    )
    root = etree.fromstring(f"<div>{blocks}<div class='tags'><p>Tags</p><p>Storms</p></div></div>")
    elements = list(root.iter("p"))
    texts = [element.text or "" for element in elements]
    rows = block_features(texts, ["p"] * 6, elements, BlockContext(frozenset(), lambda el: 0.0))
    shares = [dict(zip(FEATURES, row, strict=True))["box_share"] for row in rows]
    assert shares[:4] == [1.0] * 4 and shares[4] < 0.1


class Judge:
    """A paragraph judge that keeps what ``keeps`` says, and notes what it was asked."""

    threshold = 0.5

    def __init__(self, keeps: Callable[[str], bool]) -> None:
        self.keeps = keeps
        self.seen: list[str] = []

    def judge(self, texts: Sequence[str], rows: Sequence[Sequence[float]]) -> list[float]:
        self.seen.extend(texts)
        return [1.0 if self.keeps(text) else 0.0 for text in texts]


def test_model_drops_a_closing_prompt_the_rules_keep() -> None:
    html = page(paragraphs() + "<p>Follow us on Twitter: @dailyexample</p>")
    rules_only = extract(html, judge=Judge(lambda text: True))
    assert rules_only.body.endswith("@dailyexample")
    result = extract(html)
    assert result.body == "\n\n".join(PARAGRAPHS)
    (prompt,) = [block for block in result.blocks if "@dailyexample" in block.text]
    assert prompt.verdict is Verdict.DROPPED and prompt.reason is not None
    assert prompt.reason.rule is Rule.MODEL
    assert prompt.reason.probability is not None and prompt.reason.probability < MODEL.threshold


def test_a_page_the_model_doubts_throughout_keeps_its_best_text_saying_so() -> None:
    html = page(paragraphs())
    assert extract_main_text(parse(html), judge=Judge(lambda text: True)) is not None
    result = extract(html, judge=Judge(lambda text: False))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert result.quality is BodyQuality.BEST_BLOCK
    kept = [block for block in result.blocks if block.verdict is Verdict.KEPT]
    assert [block.text for block in kept] == PARAGRAPHS
    assert all(block.reason == Reason(Rule.DOUBTED, probability=0.0) for block in kept)
    assert str(kept[0].reason) == "kept as the page's best text: 0% article text"


def test_the_last_resort_leaves_out_what_boilerplate_holds() -> None:
    """The wrapper rule keeps a footer holding most of a page's text; the last resort
    does not: a copyright line the model doubts is no article."""
    html = page("", around="<p>a² + b² = c²</p><p>E = mc²</p>")
    result = extract(html)
    assert result.body == "a² + b² = c²\n\nE = mc²"
    assert result.quality is BodyQuality.BEST_BLOCK
    assert extract_main_text(parse(page(""))) is None
    assert extract_main_text(parse(page("")), judge=Judge(lambda text: False)) is None


def test_extraction_asks_the_model_about_every_paragraph() -> None:
    judge = Judge(lambda text: text != PARAGRAPHS[1])
    result = extract(page(paragraphs()), judge=judge)
    assert judge.seen == PARAGRAPHS
    assert result.body == "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[2]])


# --- speed rewrites that must not change a result -------------------------------


def test_case_folding_matches_ignorecase() -> None:
    """``blockmodel._fold_case`` + a lower-case pattern finds what IGNORECASE finds.

    Checked per character for every cased code point and every character the
    prompt and copyright patterns spell: folding must keep word characters word
    characters, and map a character to a pattern letter exactly when IGNORECASE
    matches that letter.
    """
    import re
    import sys

    from byline.blockmodel import _CALL_TO_ACTION, COPYRIGHT_PHRASES, _fold_case

    spelled = set(_CALL_TO_ACTION.pattern.replace("\\w", "").replace("\\W", "").replace("\\b", ""))
    spelled |= set("".join(COPYRIGHT_PHRASES) + "copyright")
    spelled -= set("\\|?:*()[]")
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in spelled and char.lower() == char and char.upper() == char:
            continue  # uncased and not in a pattern: IGNORECASE treats it as itself
        folded = _fold_case(char)
        assert len(folded) == 1, char
        assert bool(word.match(char)) == bool(word.match(folded)), char
        for letter in spelled:
            ignorecase = re.fullmatch(re.escape(letter), char, re.IGNORECASE) is not None
            assert ignorecase == (folded == letter), (char, letter)


def test_prompt_and_copyright_features_ignore_case() -> None:
    from byline.blockmodel import FEATURES, BlockContext, block_features

    texts = ["SUBSCRIBE to the Newsletter", "© 2024 Daily Example. ALL RIGHTS RESERVED", "Plain."]
    context = BlockContext(frozenset(), lambda el: 0)
    rows = list(block_features(texts, ["p"] * 3, [None] * 3, context))
    cta, copyright_ = FEATURES.index("call_to_action"), FEATURES.index("copyright")
    assert [row[cta] for row in rows] == [1.0, 0.0, 0.0]
    assert [row[copyright_] for row in rows] == [0.0, 1.0, 0.0]


def test_prompt_search_finds_what_the_words_alone_find() -> None:
    """``_calls_to_action``'s pattern, grouped by first letter and opening with a non-word
    character, finds what the words between word boundaries find."""
    import re

    from byline.blockmodel import CALL_TO_ACTION_WORDS, _calls_to_action

    words_alone = re.compile(r"\b(?:" + "|".join(CALL_TO_ACTION_WORDS) + r")\b")
    spellings = [
        word.replace("\\w*", "ing").replace(" ?", space)
        for word in CALL_TO_ACTION_WORDS
        for space in (" ", "")
    ]
    # As it stands, in a sentence, inside or before a longer word, after punctuation, a digit,
    # an underscore or a non-ASCII letter, and missing its first letter.
    forms = ("{}", "Please {} now.", "x{}", "{}s", "({})", "1{}", "_{}", "é{}")
    texts = [form.format(spelling) for spelling in spellings for form in forms]
    texts += [spelling[1:] for spelling in spellings]
    found = [_calls_to_action(text) for text in texts]
    assert found == [bool(words_alone.search(text)) for text in texts]
    assert 0 < sum(found) < len(texts)


def test_word_split_finds_what_the_word_pattern_finds() -> None:
    """``blockmodel.words_of`` splits single-byte text in C: the words must be ``\\w+``'s."""
    import re

    from byline.blockmodel import words_of

    word = re.compile(r"\w+")
    every_latin1 = "".join(map(chr, range(256)))
    every_cp1252 = bytes(range(256)).decode("cp1252", "ignore")
    texts = [
        every_latin1,
        every_latin1[::-1],
        " ".join(every_latin1),
        every_cp1252,
        " ".join(every_cp1252[::-1]),
        "Zoë’s café – “naïve” ½ ª² déjà-vu_x… Œuvre Šárka",  # Windows-1252
        "Zoë’s café – “naïve” ½ ª² Ωmega 東京",  # neither: the pattern's path
        "Straße\xa0für\x85Grüße\x1cund Maß",
        "",
    ]
    for text in texts:
        assert words_of(text) == word.findall(text), text


def test_paragraph_probability_is_the_weighted_sum_in_order() -> None:
    """``BlockModel.probability`` adds the terms as a plain loop does, to the last bit."""
    import math
    import random

    from byline.blockmodel import MODEL

    rng = random.Random(5)
    for _ in range(500):
        row = [rng.uniform(-5, 5) * rng.choice((1, 0.001, 1000)) for _ in MODEL.weights]
        z = MODEL.bias
        terms = zip(row, MODEL.means, MODEL.scales, MODEL.weights, strict=True)
        for value, mean, scale, weight in terms:
            z += weight * (value - mean) / scale
        assert MODEL.probability(row) == 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    with pytest.raises(ValueError):
        MODEL.probability(row[:-1])


def test_character_counts_match_the_str_methods() -> None:
    from byline.blockmodel import _char_counts

    for text in ("ABC def 123", "Ünïcödé ÄÖÜ ß ２３ ①", "Ⓐ Ⅻ ǅ", "", "日本語のテキスト 42"):
        letters = [c for c in text if c.isalpha()]
        assert _char_counts(text) == (
            len(letters),
            sum(c.isupper() for c in letters),
            sum(c.isdigit() for c in text),
        )


def test_address_feature_finds_mail_web_and_phone() -> None:
    from byline.blockmodel import _char_counts
    from byline.blockmodel import _has_address as has_address

    def _has_address(text: str) -> bool:
        return has_address(text, _char_counts(text)[2])

    assert _has_address("write to desk@example.com")
    assert _has_address("see www.example.com") and _has_address("at https://x.org")
    assert _has_address("call +49 (30) 123 456") and not _has_address("call 123 456")
    assert _has_address("call ٠١٢٣٤٥٦٧٨٩")  # (digits of other scripts are digits too)
    assert not _has_address("awww. nothing here")


def test_invisible_characters_are_removed_and_nbsp_is_a_space() -> None:
    from byline.document import INVISIBLE, visible

    text = "a\u00a0b\u200bc\u00add\ufeffe\u2060f plain ascii"
    assert visible(text) == text.translate(INVISIBLE) == "a bcdef plain ascii"


def test_boxes_nested_in_removed_boxes_do_not_change_the_result() -> None:
    """A share box inside a removed sidebar goes with it; undoing restores both."""
    sidebar = (
        "<aside class='sidebar'><div class='share'><a href='/s'>Share</a></div>"
        "<ul class='related'><li><a href='/r'>Another story, about trams</a></li></ul></aside>"
    )
    result = extract(page(paragraphs(), around=sidebar))
    assert result.body == "\n\n".join(PARAGRAPHS)


# --- the lead, boxes judged by their contents, wrappers ---------------------------------

LEAD = "The council has backed three new tram lines, to be built over the next four years."


def headed_page(header: str, title: str = "Trams for the suburbs") -> str:
    """An article whose header (headline, then ``header``) sits outside the body's box."""
    return (
        "<html><body><main><div class='a1'>"
        f"<div class='a2'><h1>{title}</h1>{header}</div>"
        f"<div class='a3'>{paragraphs()}</div></div></main></body></html>"
    )


def test_unnamed_lead_after_the_headline_opens_the_body() -> None:
    html = headed_page(f"<p class='x1'>{LEAD}</p>")
    body = extract(html, title="Trams for the suburbs | The Daily Example").body
    assert body.startswith(LEAD)


def test_lead_needs_the_headline_and_a_sentence_or_a_deck() -> None:
    html = headed_page(f"<p>{LEAD}</p>")
    assert LEAD not in extract(html, title="Something else entirely").body  # no headline
    label = "Twelve stations and a depot"  # no sentence, too short for a deck
    assert label not in extract(headed_page(f"<p>{label}</p>"), title="Trams").body
    fields = "Trams | Three new lines, twelve stations and a depot for the suburbs"
    assert fields not in extract(headed_page(f"<p>{fields}</p>"), title="Trams").body


def test_deck_without_a_full_stop_opens_the_body() -> None:
    deck = "Three new lines, twelve stations and a depot for the eastern suburbs"
    body = extract(headed_page(f"<p>{deck}</p>"), title="Trams for the suburbs").body
    assert body.startswith(deck)


def test_deck_in_chinese_without_a_full_stop_opens_the_body() -> None:
    """A Chinese deck is one word to ``str.split``: counted in any script it is long enough
    for a deck (a standfirst's ``MIN_STANDFIRST_CHARS`` too), while a short label
    ("十二个车站") still is not."""
    deck = "三条新线路、十二个车站和一个车辆段将在未来四年内陆续建成，服务东部郊区的二十多万居民"
    body = extract(headed_page(f"<p>{deck}</p>", title="郊区有轨电车"), title="郊区有轨电车").body
    assert body.startswith(deck)
    label = "十二个车站"
    assert label not in extract(headed_page(f"<p>{label}</p>", title="电车"), title="电车").body


def test_caption_after_the_headline_is_not_the_lead() -> None:
    caption = "A tram at the central station, where two of the new lines will stop."
    header = f"<figure><img src='/t.jpg' width='600' height='400'><p>{caption}</p></figure>"
    assert caption not in extract(headed_page(header), title="Trams for the suburbs").body


def test_prose_rich_in_links_is_kept_inside_the_article() -> None:
    linked = (
        "The plan follows the <a href='/a'>transport study</a> of last year, which compared "
        "<a href='/b'>tram, bus and metro options</a> for the suburbs and found trams cheaper "
        "to run. It also cites the <a href='/c'>regional climate plan</a> and the "
        "<a href='/d'>noise survey</a>, which residents had asked for, and the council's own "
        "<a href='/e'>budget forecast for the decade</a>. Opponents point to the "
        "<a href='/f'>bus network review</a>, which reached the opposite conclusion. Work on "
        "the <a href='/g'>first line</a> could start next <a href='/h'>spring</a>, the "
        "<a href='/i'>transport department</a> says, if the <a href='/j'>state grant</a> "
        "arrives in time and the <a href='/k'>court case</a> brought by residents is settled."
    )
    article = paragraphs() + f"<div class='x2'>{linked}</div>"
    body = extract(page(article)).body
    assert "which residents had asked for" in body


def test_linky_box_with_little_prose_is_dropped() -> None:
    links = "".join(f"<a href='/{i}'>Tram story number {i}</a> and " for i in range(4))
    article = paragraphs() + f"<div class='x3'>See {links} more.</div>"
    assert "Tram story number" not in extract(page(article)).body


def test_short_box_named_like_furniture_is_kept_when_it_is_a_sentence() -> None:
    article = (
        paragraphs(PARAGRAPHS[:2])
        + "<div class='card-header'>How much will the new lines cost?</div>"
        + paragraphs(PARAGRAPHS[2:])
        + "<div class='card-header'>Tram plans</div><div class='card-info'>Loading...</div>"
    )
    body = extract(page(article)).body
    assert "How much will the new lines cost?" in body
    assert "Tram plans" not in body and "Loading" not in body


def test_pop_up_with_more_text_than_the_article_is_no_wrapper() -> None:
    terms = " ".join(["Our terms of use, in full, with every clause, apply to all readers."] * 12)
    html = (
        f"<html><body><div class='popup-overlay'><p>{terms}</p></div>"
        f"<article>{paragraphs()}</article></body></html>"
    )
    body = extract(html).body
    assert "terms of use" not in body and body.startswith(PARAGRAPHS[0])


def test_sidebar_of_links_outweighing_the_article_is_no_wrapper() -> None:
    archive = "".join(
        f"<li><a href='/{i}'>Archive entry {i}: an older story about the city</a> "
        f"from May, 2019, in print, page {i}</li>"
        for i in range(30)
    )
    html = (
        f"<html><body><article>{paragraphs()}</article>"
        f"<aside><ul>{archive}</ul></aside></body></html>"
    )
    body = extract(html).body
    assert "Archive entry" not in body and body.startswith(PARAGRAPHS[0])


def test_article_split_into_rows_of_the_same_class_is_read_whole() -> None:
    def row(texts: list[str]) -> str:
        inner = f"<div class='col'><div class='text'>{paragraphs(texts)}</div></div>"
        return f"<section class='row'><div>{inner}<div class='col'></div></div></section>"

    extra = [text.replace("council", "city") for text in PARAGRAPHS]
    rows = row(PARAGRAPHS[:1]) + row(PARAGRAPHS[1:] + extra)
    html = f"<html><body><div class='page'>{rows}</div></body></html>"
    body = extract(html).body
    assert body.startswith(PARAGRAPHS[0]) and extra[-1] in body


def test_class_names_for_screen_sizes_and_disclosures() -> None:
    from byline.boilerplate import names_boilerplate

    assert not names_boilerplate("hidden-xs", None)  # hidden on phones only
    assert names_boilerplate("hidden", None)
    assert names_boilerplate("editorial-disclosure", None)


def test_post_metadata_author_profile_contents_notices_and_disclaimers_are_dropped() -> None:
    article = (
        paragraphs(PARAGRAPHS[:1])
        + "<div id='ez-toc-container'><p>Inhaltsverzeichnis</p></div>"
        + "<div class='img-metadata'><p>The tram depot in the north of the city, photo: "
        "the city's transport department.</p></div>"
        + paragraphs(PARAGRAPHS[1:])
        + "<p class='aawp-disclaimer'>Bei den Verlinkungen handelt es sich um Affiliate-Links, "
        "wir erhalten eine Provision.</p>"
        "<div class='entry-utility'>This entry was posted in News by the editor, and tagged "
        "trams.</div>"
        "<p class='postmetadata alt'>Der Beitrag wurde am Mittwoch, 5. Mai, veröffentlicht.</p>"
        "<div class='sect_profile-descr'><p>Schreibt seit 2008 für die Zeitung, vor allem "
        "über Verkehr, Städtebau und die Politik der Stadt.</p></div>"
        "<div class='column community-notice qa-blog-entry-notice-after-text'><p>Dieser "
        "Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.</p></div>"
        "<div class='affiliate-text'><p>Geld erhalten wir, wenn Sie diese Produkte über "
        "unsere Links kaufen, aber das ändert nichts an unserem Urteil.</p></div>"
    )
    body = extract(page(article)).body
    assert body == "\n\n".join(PARAGRAPHS)
    from byline.boilerplate import names_boilerplate

    assert names_boilerplate("ez-toc-v2_0_17 counter-hierarchy", "ez-toc-container")


def test_content_of_a_boilerplate_box_is_the_box() -> None:
    from byline.boilerplate import names_boilerplate

    assert names_boilerplate("author-box--content", None)  # the author box's content
    assert names_boilerplate("slice-container newsletter-inbodyContent", None)
    assert not names_boilerplate("content-ads-wrap", None)  # wraps the content and its ads
    assert not names_boilerplate("more-text", None)  # the text behind a "more" toggle
    author = (
        "<section class='content-box author-box'><div class='author-box--content'>"
        "<p>Hallo, ich bin Foodbloggerin, Backbuchautorin und Journalistin, und ich backe "
        "seit meiner Kindheit.</p></div></section>"
    )
    assert extract(page(paragraphs() + author)).body == "\n\n".join(PARAGRAPHS)


# --- text that must not get lost ---------------------------------------------------


def test_text_after_a_removed_box_stays_in_its_paragraph() -> None:
    """lxml removes an element's tail with it: the words after a removed box survive."""
    sentence = (
        "<p><noscript><img src='/a.jpg'></noscript>Chris Eubank Jr. returns to the ring this "
        "weekend <span class='ad-slot'>Advertisement</span>after a long break, his trainer "
        "said on Monday, and he expects a hard fight.</p>"
    )
    body = extract(page(sentence + paragraphs())).body
    assert body.startswith(
        "Chris Eubank Jr. returns to the ring this weekend after a long break, his trainer"
    )
    assert "Advertisement" not in body


def test_removing_and_restoring_boxes_gives_back_the_page() -> None:
    from lxml import etree

    from byline import maintext

    html = page(
        "<p><span class='ad'>ad</span> first, <span class='ad'>ad</span> after, "
        "<aside>aside</aside><span class='promo'>promo</span>tail.</p>"
        "<div class='share'>Share</div>text after the box" + paragraphs()
    )
    body = parse(html).root.find("body")
    original = etree.tostring(body)
    _, out, _ = maintext._remove_boilerplate(body)
    removed = etree.tostring(body)
    assert len(out.places) >= 6 and b"Share" not in removed and b"promo" not in removed
    assert b"<p> first,  after, tail.</p>" in removed and b"text after the box" in removed
    out.put_back()
    assert etree.tostring(body) == original


def test_preformatted_text_is_never_dropped_by_the_model() -> None:
    command = "netsh interface tcp set global autotuninglevel=normal"
    html = page(paragraphs(PARAGRAPHS[:2]) + f"<pre>{command}</pre>" + paragraphs(PARAGRAPHS[2:]))
    assert extract(html, judge=Judge(lambda text: False)).body == command


def test_date_lines_go_but_a_sentence_with_a_date_stays() -> None:
    sentence = "Ab 1. Januar 2024 auch für Tabakwaren."
    article = "<p>Aktualisiert am 17.01.2021.</p>" + paragraphs() + f"<p>{sentence}</p>"
    body = extract(page(article)).body
    assert "Aktualisiert" not in body and body.endswith(sentence)


def test_a_list_of_dated_entries_is_text_but_a_byline_list_still_goes() -> None:
    """A filmography or a timeline dates each item: the list is text, not date lines. A
    list of the byline and the date is the article's metadata, and goes as one."""
    works = ["The Garden · Derek Jarman (1990)", "Blue · Derek Jarman (1993)"]
    listed = "<ul>" + "".join(f"<li>{work}</li>" for work in works) + "</ul>"
    metadata = "<ul><li>By Jane Doe</li><li>5 June 2023</li></ul>"
    body = extract(page(metadata + paragraphs() + listed + paragraphs())).body.split("\n\n")
    assert all(work in body for work in works)
    assert "Jane Doe" not in " ".join(body) and "5 June 2023" not in body


def test_a_line_that_is_an_age_alone_goes_but_a_term_or_a_format_stays() -> None:
    """Teaser cards date themselves by age ("1d", "5w", "3 hours ago"); "3D" and "12 months"
    alone are a format and a term."""
    lines = ["1d", "5w", "3 hours ago", "4 min", "3D", "12 months"]
    article = paragraphs() + "".join(f"<div>{line}</div>" for line in lines) + paragraphs()
    body = extract(page(article)).body.split("\n\n")
    assert [line for line in lines if line in body] == ["3D", "12 months"]


@pytest.mark.parametrize(
    "sentence",
    ["Her appointment was announced in December 2019.", "Er ist gestorben am 26.2.2013."],
)
def test_a_short_sentence_ending_in_a_date_is_no_date_line(sentence: str) -> None:
    article = "<p>Veröffentlicht am 16.08.2019.</p>" + paragraphs() + f"<p>{sentence}</p>"
    body = extract(page(article)).body
    assert "Veröffentlicht" not in body and body.endswith(sentence)


def test_a_lone_link_spelling_out_an_address_is_text_not_a_label() -> None:
    address = "<p><a href='mailto:desk@example.org'>desk@example.org</a></p>"
    label = "<p><a href='/next'>Next story</a></p>"
    body = extract(page(paragraphs() + address + label)).body
    assert body.endswith("desk@example.org") and "Next story" not in body


def test_text_folded_behind_a_read_more_toggle_is_kept() -> None:
    folded = (
        "The old farmhouse was rebuilt in 2015, with three bedrooms, a large kitchen and a "
        "garden that looks over the valley, the river and the village church."
    )
    article = (
        paragraphs()
        + f"<div class='js_readmore'><p>{folded}</p></div>"
        + "<p class='read-more'><a href='/more'>Read more</a></p>"
    )
    body = extract(page(article)).body
    assert folded in body and "Read more" not in body


def test_style_class_names_are_no_boxes() -> None:
    from byline.boilerplate import names_boilerplate

    assert not names_boilerplate("relative overflow-hidden", None)  # clips, hides nothing
    wrapper = "<div class='hero overflow-hidden'>"
    html = f"<html><body>{wrapper}{paragraphs()}</div></body></html>"
    assert extract(html).body == "\n\n".join(PARAGRAPHS)


def test_reference_lists_are_evidence_against_a_container() -> None:
    from byline.boilerplate import names_weight

    assert names_weight("article__references", None) < 0  # BEM: the part after "__" says
    assert names_weight("bibliography", None) < 0


def test_css_modules_names_are_read_before_their_hash() -> None:
    """A CSS-modules build (Next.js, create-react-app) names a box ``[module]_[name]__[hash]``:
    the name says what the box is, the hash nothing; in a BEM name the part after "__" is
    the one that says."""
    from byline.boilerplate import described_part

    assert described_part("styles_comments__3xYz1") == "styles_comments"
    assert described_part("Tags_Tag__1LGOJ") == "Tags_Tag"
    assert described_part("story__comments-teaser") == "comments-teaser"
    assert described_part("a2a_s__default") == "default"
    thread = "".join(
        f"<div class='styles_comment__Kq9zT'><p>Reader {i} wrote that the council, the "
        "ministry and the board had known about the leaks for years, and that nobody, not "
        "one of them, had done anything about it, which was a scandal.</p></div>"
        for i in range(4)
    )
    html = (
        "<html><body><main class='styles_main__x1Yb2'>"
        f"<div class='styles_body__9fK2a'>{paragraphs()}</div>"
        f"<section class='styles_comments__3xYz1'>{thread}</section></main></body></html>"
    )
    body = extract(html).body
    assert body == "\n\n".join(PARAGRAPHS)


def test_slides_with_their_text_in_captions_are_the_article() -> None:
    slides = "".join(
        f"<section class='slide'><img src='/{i}.jpg' width='600' height='400'>"
        f"<caption>{text}</caption></section>"
        for i, text in enumerate(PARAGRAPHS)
    )
    promo = "<div class='promo'><p>Featured funds: growth, income and more</p></div>"
    html = f"<html><body>{promo}<main>{slides}</main></body></html>"
    body = extract(html).body
    assert all(text in body for text in PARAGRAPHS)


def test_siblings_of_the_same_kind_holding_prose_join_the_article() -> None:
    """A row of the same first class name ("row row--first" next to "row row--wide")
    continues the article even when its own score is low."""

    def deep(inner: str) -> str:  # paragraphs six boxes down, as page builders nest them
        return "<div><div><div><div><div>" + inner + "</div></div></div></div></div>"

    more = [text.replace("council", "city") for text in PARAGRAPHS]
    html = (
        "<html><body><main><div>"
        f"<section class='row row--first'>{deep(paragraphs(PARAGRAPHS[:1]))}</section>"
        f"<section class='row row--wide'>{deep(paragraphs(PARAGRAPHS[1:] + more))}</section>"
        "<section class='promo'><p>Subscribe to our newsletter for more.</p></section>"
        "</div></main></body></html>"
    )
    body = extract(html).body
    assert body.startswith(PARAGRAPHS[0]) and body.endswith(more[-1])
    assert "Subscribe" not in body


def test_unnamed_sibling_boxes_of_the_same_tag_are_read_whole() -> None:
    """Chapters in bare blockquotes (or divs) under their headings are one article."""
    more = [text.replace("council", "city") for text in PARAGRAPHS]
    html = (
        "<html><body><h1>Rsync over stunnel</h1>"
        f"<h2>Overview</h2><blockquote><p>{PARAGRAPHS[0]}</p></blockquote>"
        f"<h2>Building</h2><blockquote>{paragraphs(PARAGRAPHS[1:] + more)}</blockquote>"
        "</body></html>"
    )
    body = extract(html).body
    assert PARAGRAPHS[0] in body and body.endswith(more[-1])


def test_a_box_with_several_sentences_between_many_links_is_kept() -> None:
    items = "".join(
        f"<li><a href='/{i}'>Press funding: study doubts the value of state support "
        f"for newspapers (part {i})</a> via Horizont and read on the blog on {i} March</li>"
        for i in range(8)
    )
    article = paragraphs() + f"<ul class='linkroll'>{items}</ul>"
    body = extract(page(article)).body
    assert "via Horizont and read on the blog on 7 March" in body


def test_siblings_are_measured_against_the_best_box_not_its_bare_wrapper() -> None:
    """Climbing to a wrapper that scores nothing itself (its paragraphs are too deep to
    hand it points) keeps the bar for siblings where the best box set it."""
    deep = (
        "<div><div><div><div><div>" + paragraphs(PARAGRAPHS * 6) + "</div></div></div></div></div>"
    )
    weather = (
        "Elsewhere: rain, wind, snow, fog, hail, frost, sun, clouds, storms, floods, heat, "
        "and cold across the region this week"
    )
    html = (
        "<html><body><main>"
        f"<section class='story'>{deep}</section><section class='x'><p>{weather}</p></section>"
        "</main></body></html>"
    )
    assert "Elsewhere" not in extract(html).body


# --- blocks: what main text kept and dropped, and why ------------------------------


def kept_text(result: MainText) -> str:
    """The kept blocks' texts as the body joins them."""
    return "\n\n".join(b.text for b in result.blocks if b.verdict is Verdict.KEPT and b.text)


def reasons(result: MainText) -> dict[str, str]:
    """Each dropped block's text and its reason, as the inspector shows it."""
    return {b.text: str(b.reason) for b in result.blocks if b.verdict is Verdict.DROPPED}


REAL_PAGES = [
    *(FIXTURES / name for name in ("sputnik_seed.html", "russian_story.html", "xss_page.html")),
    *sorted(SAMPLES.glob("*.html")),
    *(CORPUS / "html" / name for name in CORPUS_PAGES),
]


@pytest.mark.parametrize("path", REAL_PAGES, ids=lambda path: path.name)
def test_the_kept_blocks_are_the_body_and_the_tree_is_left_whole(path: Path) -> None:
    if not path.exists():
        pytest.skip("development corpus not available")
    doc = parse(path.read_bytes(), url="https://example.com/news/a.html")
    markup = etree.tostring(doc.root)
    result = extract_main_text(doc)
    assert result is not None
    assert etree.tostring(doc.root) == markup
    blocks = result.blocks
    assert kept_text(result) == result.body
    assert all((b.reason is None) == (b.verdict is Verdict.KEPT) for b in blocks)
    assert any(b.verdict is Verdict.DROPPED for b in blocks)


def test_every_drop_says_which_rule_dropped_it() -> None:
    article = (
        "<h1>Tram network to grow</h1>"
        "<p>Updated 5 June 2023, 14:02</p>"
        "<div class='share-buttons'><p>Share this story with friends</p></div>"
        "<div hidden><p>Hidden teaser text for robots</p></div>"
        + paragraphs()
        + "<p>Read also: <a href='/z'>Bridge closed for repairs</a></p>"
        "<p>Foto: dpa</p><button>Load comments</button>"
        "<ul><li><a href='/x'>Bus fares rise again this year</a></li>"
        "<li><a href='/y'>Bike lanes open on the ring road</a></li></ul>"
    )
    html = page(article, around="<div><p>Weather: sunny, 24 degrees</p></div>")
    found = reasons(extract(html, title="Tram network to grow"))
    assert found["Home News"] == "page furniture: <nav>"
    assert found["Tram network to grow"] == "headline again"
    assert found["Updated 5 June 2023, 14:02"] == "date line"
    assert found["Share this story with friends"] == "named like boilerplate: share-buttons"
    assert found["Hidden teaser text for robots"] == "hidden"
    assert found["Read also: Bridge closed for repairs"] == "read also"
    assert found["Foto: dpa"] == "credit line"
    assert found["Load comments"] == "never article text: <button>"
    assert found["Bus fares rise again this year"] == "link list"
    assert found["Weather: sunny, 24 degrees"] == "outside the article"
    assert "T" not in found  # the <head>'s title is no block of the page


@pytest.mark.parametrize(
    "label", ["Advertisement", "ADVERTISEMENT", "- Anzeige -", "Werbung:", "Publicité", "Reklama"]
)
def test_an_ad_slots_label_alone_is_dropped_whatever_its_box_is_named(label: str) -> None:
    """An ad slot in a box named nothing telling ("a2") leaves its label between the
    paragraphs; a sentence that names advertising, and a heading, stay."""
    sentence = "The council will spend less on advertisement campaigns next year, it said."
    slot = f"<div class='a2'><span>{label}</span><iframe src='/ad'></iframe></div>"
    story = paragraphs(PARAGRAPHS[:2]) + slot + paragraphs([sentence, PARAGRAPHS[2]])
    result = extract(page(story + "<h2>Advertising</h2>" + paragraphs(PARAGRAPHS)))
    assert label not in result.body.split("\n\n")
    assert reasons(result)[label] == "ad label"
    assert sentence in result.body and "\n\nAdvertising\n\n" in result.body


def test_a_paragraph_the_model_drops_carries_its_probability() -> None:
    result = extract(page(paragraphs() + "<p>Follow us on Twitter: @dailyexample</p>"))
    assert reasons(result)["Follow us on Twitter: @dailyexample"].startswith("paragraph model: ")


def test_when_articlebody_replaces_the_page_its_paragraphs_are_the_kept_blocks() -> None:
    hint = "\n".join(PARAGRAPHS * 3)
    result = extract(page("<p>Subscribe to read the rest of this story today.</p>"), hint=hint)
    kept = [b for b in result.blocks if b.verdict is Verdict.KEPT]
    assert [b.text for b in kept] == PARAGRAPHS * 3 and kept_text(result) == result.body
    assert all(b.element is None for b in kept)
    assert reasons(result)["Subscribe to read the rest of this story today."] == (
        "replaced by articleBody"
    )


@pytest.mark.parametrize(
    "section",
    [
        # a WordPress comment form without a class that names it
        "<h3>Leave a Reply</h3><p>Your email address will not be published. Required fields"
        " are marked *</p><p>Comment *</p><p>Name *</p><p>Email *</p><p>Website</p>"
        "<p>Save my name, email, and website in this browser for the next time I comment.</p>",
        # a German comment list under its heading
        "<h2>3 Kommentare</h2><p>Anna sagt:</p><p>Ein sehr guter Artikel, vielen Dank dafür,"
        " ich habe ihn mit großem Interesse gelesen und weiterempfohlen.</p>",
        # a blog theme's count of the comments on the post, before its quoted title
        "<h2>2 thoughts on “Tram network to grow”</h2><p>Anna says:</p><p>A very good article,"
        " thank you, I read it with great interest and I have shared it with my friends.</p>",
        # or names the post itself (chronicle's "blocky" theme)
        "<h3>Comments On This Entry</h3><div>Anna</div><div>A very good article, thank you, I"
        " read it with great interest and I have shared it with my friends.</div>",
    ],
)
def test_a_comment_section_and_its_form_are_not_the_article(section: str) -> None:
    result = extract(page(paragraphs() + f"<div>{section}</div>"))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert "comment section" in reasons(result).values()


def test_a_comment_heading_the_model_leaves_out_still_opens_the_comment_section() -> None:
    section = (
        "<h3>Comments On This Entry</h3><div>Anna</div><div>A very good article, thank you, I"
        " read it with great interest and I have shared it with my friends.</div>"
    )
    html = page(paragraphs() + f"<div>{section}</div>")
    result = extract(html, judge=Judge(lambda text: not text.startswith("Comments")))
    assert result.body == "\n\n".join(PARAGRAPHS)
    assert reasons(result)["Anna"] == "comment section"


def test_a_copyright_notice_is_no_paragraph_of_the_article() -> None:
    law = (
        "Copyright law changed in 2019, when the European Union passed a directive that made "
        "platforms answer for what their users upload, after years of debate."
    )
    notice = "© 2024 The Daily Example. All rights reserved."
    result = extract(page(paragraphs([*PARAGRAPHS, law]) + f"<p>{notice}</p>"))
    assert result.body == "\n\n".join([*PARAGRAPHS, law])
    assert reasons(result)[notice] == "credit line"


def test_a_subheading_over_a_picture_heads_the_section_after_it() -> None:
    # the picture's credit box is dropped, not the section's heading; a heading over a box of
    # links is that box's, and goes with it
    picture = "<div class='media'><img src='/tram.jpg'><p>The new tram, on a test run</p></div>"
    links = (
        "<div class='box'><a href='/a'>Bus fares rise again this year</a> "
        "<a href='/b'>Bike lanes open on the ring road</a></div>"
    )
    article = (
        f"<p>{PARAGRAPHS[0]}</p><h2>The cost</h2>{picture}<p>{PARAGRAPHS[1]}</p>"
        f"<h2>More on transport</h2>{links}<p>{PARAGRAPHS[2]}</p>"
    )
    result = extract(page(article))
    assert result.body == "\n\n".join([PARAGRAPHS[0], "The cost", *PARAGRAPHS[1:]])
    assert reasons(result)["More on transport"] == "heading of a dropped box"


def test_a_standfirst_set_as_a_heading_over_a_box_of_links_is_prose() -> None:
    """A box's label is a few words; a heading of a sentence or more, set over the box of
    links that opens the story (its tags, sharing links), is its standfirst."""
    links = (
        "<div class='box'><a href='/t/transport'>Transport</a> "
        "<a href='/t/city'>City council</a> <a href='/t/budget'>Budget</a></div>"
    )
    for standfirst in (
        "The city's new tram line opens on Monday, two years late and well over its budget.",
        "After two years of delays the city's new tram line opens on Monday well over its "
        "budget and without the stop the council had promised",
    ):
        article = f"<h2>{standfirst}</h2>{links}{paragraphs()}"
        assert extract(page(article)).body == "\n\n".join([standfirst, *PARAGRAPHS])


def test_a_tables_caption_is_its_title() -> None:
    table = (
        "<table><caption>Tram lines and their length</caption><tr><th>Line</th><th>km</th></tr>"
        "<tr><td>Central</td><td>12</td></tr><tr><td>Harbour</td><td>9</td></tr></table>"
    )
    body = extract(page(paragraphs() + table)).body
    assert body.endswith("Tram lines and their length\n\nLine | km\n\nCentral | 12\n\nHarbour | 9")


def test_a_form_label_alone_is_dropped_but_a_tables_name_column_is_kept() -> None:
    table = "<table><tr><th>Name</th><th>Line</th></tr><tr><td>Central</td><td>4</td></tr></table>"
    result = extract(page(paragraphs() + "<p>Website</p>" + table))
    assert "Website" not in result.body
    assert "Name | Line" in result.body


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_hidden_boxes_stay_out_when_the_relaxed_pass_finds_the_article() -> None:
    # an AMP page whose article is found only without the class-based removal: its
    # hidden lightboxes (a gallery, the headline again) are no text of the page
    name = "independent.co.uk.penalty.html"
    annotations = json.loads((CORPUS / "annotations.json").read_text(encoding="utf-8"))
    url = next(u for u, a in annotations.items() if a["file"] == name)
    article = byline.extract((CORPUS / "html" / name).read_bytes(), url=url)
    assert article.body_quality is BodyQuality.FULL
    assert "1/50UK news in pictures" not in article.body  # a hidden gallery slide
    assert article.body.startswith("Pubs and bars face penalties")


INTRO = [
    "The regional assembly met on Monday to hear the first report on river pollution, "
    "which found nitrates, phosphates and plastics at every one of the forty sites tested.",
    "Its authors, a team of hydrologists, chemists and ecologists, asked for new limits on "
    "farm run-off, and for a second survey, paid for by the region, within two years.",
]


def template_page(intro: str, paragraph: str = "<p>") -> str:
    """An article in a site's template: the body's paragraphs in text boxes, each section in
    an item of a field, and ``intro`` in a block of its own before the body's block."""
    items = "".join(
        f"<div class='item'><div class='text'>{paragraph}{text}</p>{paragraph}{text}</p></div>"
        "</div>"
        for text in PARAGRAPHS
    )
    return page(
        "<div class='region'>"
        f"<div class='block'>{intro}</div>"
        f"<div class='block'><div class='field'>{items}</div></div>"
        "</div>"
    )


def test_a_box_with_the_articles_paragraph_signature_joins_it() -> None:
    intro = "<div class='text'>" + paragraphs(INTRO) + "</div>"
    body = extract(template_page(intro)).body
    assert body.startswith(INTRO[0])
    assert PARAGRAPHS[2] in body


def test_a_promotion_in_the_articles_template_stays_out() -> None:
    promotion = (
        "<div class='text'><p>Our seminars: water law, soil protection, climate adaptation, "
        "farm subsidies, river restoration and more, every month.</p></div>"
    )
    body = extract(template_page(promotion)).body
    assert body.startswith(PARAGRAPHS[0])


def test_paragraphs_of_the_articles_class_join_it_in_any_box() -> None:
    intro = "<div class='copy'>" + "".join(f"<p class='para'>{text}</p>" for text in INTRO)
    body = extract(template_page(intro + "</div>", paragraph="<p class='para'>")).body
    assert body.startswith(INTRO[0])


def test_paragraphs_of_the_articles_class_join_it_whatever_their_tag() -> None:
    # a long story of <div class='para'> paragraphs, opened by a <p class='para'> in a media
    # box of its own: one kind of paragraph by its class, whatever its tag
    lead = f"{INTRO[0]} {INTRO[1]}"
    story = "".join(f"<div class='para'>{text}</div>" for text in (PARAGRAPHS + STORY) * 4)
    html = (
        "<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<section class='zone'><div class='media'><p class='para'>{lead}</p></div>"
        f"<div class='ad'></div><div class='read-all'>{story}</div></section></body></html>"
    )
    assert extract(html).body.startswith(lead + "\n\n" + PARAGRAPHS[0])


def test_a_paragraph_marking_the_posts_fold_is_text() -> None:
    # a blog post's "more" fold: the rest of the post goes on after the excerpt
    article = f"<p>{PARAGRAPHS[0]}</p><p id='more'>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
    more = "<div class='more'><p>More stories: the tram, the bus and the ferry, all here.</p></div>"
    assert extract(page(article + more)).body == "\n\n".join(PARAGRAPHS)


# --- the article among other boxes of prose ------------------------------------------

STORY = [
    "The regional water board said on Monday that the reservoir, which supplies about "
    "40,000 homes, had fallen to its lowest level since records began, and asked residents "
    "to save water.",
    "Engineers, who have been monitoring the dam for several months, said there was no risk "
    "to its structure, but warned that the summer could be long and dry.",
    "Farmers in the valley, many of whom depend on irrigation, have already cut back on "
    "watering, and some have sold part of their herds, a local union said.",
    "The board will meet again next week to decide whether a hosepipe ban, the first in a "
    "decade, is needed, its chairwoman told reporters outside the offices.",
    "Rainfall over the past six months has been less than half the average, according to the "
    "national weather service, which expects the dry spell to continue.",
    "Residents interviewed in the town centre, however, were sceptical, saying that leaks in "
    "the network, not the weather, were to blame for the shortage.",
    "The board admitted that about a fifth of the water, a figure it called unacceptable, is "
    "lost through leaking pipes, and promised to speed up repairs.",
]
STORY_TITLE = "Reservoir falls to record low as the valley faces a drought"


def test_hash_fragments_in_class_and_id_names_are_no_words() -> None:
    """Exported documents number their sections with hashes: "orgd7109ad" ends in "ad", no
    advertisement."""
    from byline.boilerplate import name_words

    assert "ad" not in name_words("outline-container-orgd7109ad")
    assert name_words("ad-slot-2") == ("ad", "slot", "2")
    sections = "".join(
        f"<div id='outline-container-org{code}' class='outline-2'><h2>{i} Part</h2>"
        f"<div class='outline-text-2'><p>{text}</p></div></div>"
        for i, (code, text) in enumerate(
            zip(("ea1d19b", "d7109ad", "1a103d6"), PARAGRAPHS, strict=True)
        )
    )
    body = extract(page(sections)).body
    assert all(text in body for text in PARAGRAPHS)


READERS_REPLIES = "".join(
    f"<li><p>Reader {i} wrote that the board, the council and the ministry had known about "
    "the leaks for years, and that nobody had done anything about it.</p></li>"
    for i in range(12)
)


def test_a_hashed_class_name_reads_as_no_word() -> None:
    """A styled-components build names boxes by hash: "css-ad399a" holds no "ad", so the
    article whose class list carries it is no advertisement, not even when the readers'
    replies under it hold more text."""
    from byline.boilerplate import name_words

    assert name_words("css-ad399a") == ("css",)
    assert name_words("ad728x90") == ("ad", "728x", "90")
    html = (
        f"<html><head><title>{STORY_TITLE}</title></head><body>"
        "<div class='css-1b2c3d'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<article class='css-7f01e2 css-ad399a'><h1>{STORY_TITLE}</h1>"
        f"{paragraphs(STORY)}</article>"
        f"<div class='css-0c4e5a'><h2>Your views</h2><ul>{READERS_REPLIES}</ul></div>"
        "</body></html>"
    )
    assert extract(html, title=STORY_TITLE).body == "\n\n".join(STORY)


def test_the_teasers_under_a_related_heading_go_with_it() -> None:
    """A box of related stories inside the article shows each teaser's opening sentence, too
    much text to read as a list of links: under its "Read also" heading it goes, and the
    article's next paragraph stays."""
    teasers = "".join(
        f"<li><a href='/story-{i}'>Dam project delayed again</a> The council said on Friday "
        "that the works would take another two years, citing costs and a shortage of "
        "engineers across the region.</li>"
        for i in range(3)
    )
    html = (
        f"<html><head><title>{STORY_TITLE}</title></head><body><article>"
        f"<h1>{STORY_TITLE}</h1>{paragraphs(STORY[:2])}"
        f"<div><h3>Read also</h3></div><ul>{teasers}</ul>{paragraphs(STORY[2:])}"
        "</article></body></html>"
    )
    body = extract(html, title=STORY_TITLE).body
    assert body == "\n\n".join(STORY)


def test_comments_that_outscore_the_article_give_way_to_the_prose_under_the_headline() -> None:
    comments = "".join(
        f"<li><p>Reader {i} wrote, at some length, that the board, the council and the "
        "ministry had known about the leaks for years, and that nobody, not one of them, "
        "had done anything about it, which was, frankly, a scandal.</p></li>"
        for i in range(12)
    )
    html = (
        f"<html><head><title>{STORY_TITLE} | The Gazette</title></head><body>"
        f"<div class='page'><div class='story'><h1>{STORY_TITLE}</h1>"
        f"<div class='text'>{paragraphs(STORY)}</div></div>"
        f"<div class='talk'><h2>Your views</h2><ul class='thread'>{comments}</ul></div>"
        "</div></body></html>"
    )
    body = extract(html, title=STORY_TITLE).body
    assert body == "\n\n".join(STORY)


def test_a_long_thread_gives_way_to_the_article_under_an_h3_headline() -> None:
    """An old blog's template: the day as an h2, the story's title as an h3, and a thread of
    comments five times the article's length, in boxes whose names say nothing."""
    comments = "".join(
        f"<li><p>Reader {i} wrote, at some length, that the board, the council and the "
        "ministry had known about the leaks for years, and that nobody, not one of them, "
        "had done anything about it, which was, frankly, a scandal.</p></li>"
        for i in range(30)
    )
    html = (
        f"<html><head><title>The Gazette » {STORY_TITLE}</title></head><body>"
        "<div id='rap'><h1><a href='/'>The Gazette</a></h1><div id='c1'>"
        f"<h2>17.7.11</h2><div class='c2'><h3><a href='/story'>{STORY_TITLE}</a></h3>"
        f"<div class='c3'>{paragraphs(STORY)}</div></div>"
        f"<ol class='c4'>{comments}</ol></div></div></body></html>"
    )
    body = extract(html, title=STORY_TITLE).body
    assert body == "\n\n".join(STORY)


def test_a_one_paragraph_story_outweighs_a_box_of_short_lines() -> None:
    """Per paragraph, a box of five short lines (a sign-up form's messages) outscores a
    story told in one long paragraph of few commas; the prose under the headline, over
    twice the box's, is the article, whatever the boxes are named."""
    story = (
        "The national preparatory meeting for this year's intercultural week takes place on "
        "the 11th and 12th of February in the online forum of the association and brings "
        "together volunteers from fire brigades all over the country who want to learn how "
        "their brigades can welcome members from immigrant families and take part in the "
        "week's events in their own towns. The association will present its own programme "
        "for the week and asks every brigade that wants to join to register before the end "
        "of January."
    )
    messages = "".join(
        f"<p>{line}</p>"
        for line in (
            "Something went wrong. Please try again!",
            "This address has already been registered.",
            "Error: please enter a valid address.",
            "Thank you, your subscription is confirmed.",
            "Please confirm the link in the e-mail we sent you.",
        )
    )
    html = (
        f"<html><head><title>{STORY_TITLE}</title></head><body>"
        f"<div class='c0'><main><div class='c1a'><h1>{STORY_TITLE}</h1>"
        f"<div class='c2b'><p>{story}</p></div><p>Share this article:</p></div>"
        "</main></div><div class='c9'><div class='c3c'>"
        f"<h4>Stay up to date with our news</h4>{messages}</div></div>"
        "</body></html>"
    )
    assert extract(html, title=STORY_TITLE).body == story


def test_of_two_boxes_scoring_alike_the_one_of_more_prose_is_the_article() -> None:
    """A paragraph earns points for each hundred characters, up to three, and one for
    being there: one paragraph of 280 characters and three lines of 60 score alike. With
    no class name to tell them apart, the box of more prose is the story."""
    story = (
        "The museum reopens on Saturday after two years of building work that gave the old "
        "hall a new roof and a lift and the collection three more rooms in the west wing "
        "where the paintings of the town's own artists will hang for the first time since "
        "the war. Entry is free until the end of the month."
    )
    lines = "".join(
        f"<p>{line}</p>"
        for line in (
            "Opening hours: Tuesday to Sunday from ten until six",
            "Guided tours every hour on the hour in the main hall",
            "Tickets at the desk or online in the museum shop",
        )
    )
    html = (
        f"<html><body><div class='c1'><div class='c2'><p>{story}</p></div></div>"
        f"<div class='c3'><div class='c4'>{lines}</div></div></body></html>"
    )
    assert extract(html).body == story


def test_a_short_promotion_under_the_headline_does_not_displace_the_article() -> None:
    """The prose under the headline is the article only when it is one: several paragraphs,
    not a promotion's one paragraph (the article below it still wins)."""
    promotion = (
        "<div class='hero'><p>With our best-price guarantee you are always on the safe side: "
        "should you find a cheaper offer anywhere else, with any other provider, in any shop, "
        "we refund the difference, at once, in full, and without any questions asked, which "
        "is a promise no other provider makes, not one, and that we have kept for years, for "
        "thousands of customers, in every part of the country, every single time.</p></div>"
    )
    html = (
        f"<html><head><title>{STORY_TITLE}</title></head><body><main>"
        f"<div class='top'><h1>{STORY_TITLE}</h1>{promotion}</div>"
        f"<div class='rte'>{paragraphs(STORY)}</div></main></body></html>"
    )
    body = extract(html, title=STORY_TITLE).body
    assert STORY[0] in body and STORY[-1] in body


def test_a_menu_of_teasers_never_wraps_the_article() -> None:
    """A drop-down menu may hold more prose in its teasers than a short article does."""
    teasers = "".join(
        f"<li><div class='teaser'><p>Teaser {i}: the city's new cycling plan, its costs, its "
        "critics and its supporters, explained in a few sentences for busy readers.</p>"
        f"<a href='/t{i}'>more</a></div></li>"
        for i in range(8)
    )
    html = (
        f"<html><body><nav><ul>{teasers}</ul></nav>"
        f"<div class='content'><h1>Old town</h1>{paragraphs(PARAGRAPHS[:2])}</div>"
        "</body></html>"
    )
    body = extract(html).body
    assert body.endswith("\n\n".join(PARAGRAPHS[:2])) and "Teaser" not in body


def test_the_last_word_of_a_class_name_says_what_the_box_is() -> None:
    """ "article-references" are the article's references, "entry-meta" its metadata."""
    from byline.boilerplate import names_weight

    assert names_weight("c-article-references", None) < 0
    assert names_weight("entry-meta", None) < 0
    assert names_weight("news-body", None) > 0
    assert names_weight("article-list", None) < 0  # a list of articles: teasers


def test_code_keeps_its_highlighted_comments() -> None:
    """Highlighters name a code comment "hljs-comment" or "comment": no comment section."""
    code = (
        "<pre><code class='language-python'>p = Point(2, 3)\n"
        "<span class='hljs-comment'># we can access p.x and p.y</span>\n"
        "<span class='comment'># the tuple is immutable</span>\nprint(p.x)</code></pre>"
    )
    body = extract(page(paragraphs(PARAGRAPHS[:2]) + code + paragraphs(PARAGRAPHS[2:]))).body
    assert "# we can access p.x and p.y" in body and "# the tuple is immutable" in body


# --- scripts written without spaces between words ----------------------------------------

UNSPACED_ARTICLES = {
    "chinese": (
        [
            "市议会星期二投票决定扩建有轨电车网络，这一决定经过了多年的辩论和公众咨询。",
            "支持者说新线路将通往三个郊区并减少汽车交通，批评者则担心费用和施工噪音。",
            "工程预计明年春天开工，第一批电车将在四年后投入运营。",
        ],
        "关注我们的微信公众号获取更多新闻资讯",
    ),
    "japanese": (
        [
            "市議会は火曜日、路面電車の路線網を拡張することを決めました。長い議論の末の決定です。",
            "新しい路線は三つの郊外まで延び、車の交通を減らすと支持者は話しています。",
            "工事は来年の春に始まり、最初の電車は四年後に走る予定です。",
        ],
        "フォローして最新のニュースをチェックしよう",
    ),
    "thai": (
        [
            "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเครือข่ายรถรางหลังจากการถกเถียงกันมาหลายปี",
            "ผู้สนับสนุนกล่าวว่าเส้นทางใหม่จะไปถึงสามชานเมืองและช่วยลดการจราจรของรถยนต์",
            "การก่อสร้างจะเริ่มในฤดูใบไม้ผลิปีหน้าและรถรางขบวนแรกจะวิ่งในอีกสี่ปี",
        ],
        "ติดตามข่าวสารล่าสุดได้ที่เพจของเรา",
    ),
    "burmese": (
        [
            "မြို့တော်ကောင်စီသည်အင်္ဂါနေ့တွင်ဓာတ်ရထားကွန်ရက်ကိုတိုးချဲ့ရန်မဲခွဲဆုံးဖြတ်ခဲ့သည်။",
            "လမ်းကြောင်းအသစ်များသည်ဆင်ခြေဖုံးသုံးခုသို့ရောက်ရှိမည်ဖြစ်သည်။",
            "ဆောက်လုပ်ရေးလုပ်ငန်းသည်လာမည့်နွေဦးတွင်စတင်မည်ဖြစ်သည်။",
        ],
        "ကျွန်ုပ်တို့၏စာမျက်နှာကိုလိုက်ကြည့်ပါ",
    ),
}


@pytest.mark.parametrize("script", sorted(UNSPACED_ARTICLES))
def test_the_model_judges_paragraphs_in_scripts_without_spaces(script: str) -> None:
    """A Chinese, Japanese, Thai or Burmese paragraph is one word to ``str.split``: counted
    in any script it is long enough for the model, which drops a closing prompt the rules
    keep, while a label too short to weigh ("（完）") is still left to the rules."""
    texts, prompt = UNSPACED_ARTICLES[script]
    html = page(paragraphs([*texts, prompt, "（完）"]))
    judge = Judge(lambda text: text in texts)
    result = extract(html, judge=judge)
    assert result.body == "\n\n".join([*texts, "（完）"])
    (dropped,) = [block for block in result.blocks if block.text == prompt]
    assert dropped.verdict is Verdict.DROPPED and dropped.reason is not None
    assert dropped.reason.rule is Rule.MODEL


def test_hint_finds_its_container_in_chinese() -> None:
    """``words_of`` gives a Chinese clause as one word, so a paragraph of two clauses has
    two: counted in any script they are enough for the articleBody to find its container
    (as ``test_hint_takes_the_page_version_with_what_the_hint_lacks`` in English)."""
    texts, _ = UNSPACED_ARTICLES["chinese"]
    dateline = "新华社北京电 会谈持续了三个小时，外交部说。"
    quote = "“我们同意深化合作，”外交部在声明中说。"
    article = f"<div class='txt'><p>{dateline}</p>{paragraphs(texts)}<p>{quote}</p></div>"
    other = "读者来信谈到了天气、节日、足球比赛结果、面包价格，以及老城区今年冬天的道路状况。"
    decoy = "<div class='main-content'>" + paragraphs([other] * 8) + "</div>"
    html = f"<html><body>{decoy}<section>{article}</section></body></html>"
    # every paragraph kept: the container is what is tested, not the model's call on each
    result = extract(html, hint="".join(texts), judge=Judge(lambda text: True))
    assert dateline in result.body and quote in result.body
    assert texts[1] in result.body
    assert other not in result.body


def test_a_paragraph_in_chinese_counts_its_words_for_the_model() -> None:
    """The model reads a Chinese paragraph's length in words like an English one's, and the
    share of it the hint holds in the same words."""
    texts, _ = UNSPACED_ARTICLES["chinese"]
    context = BlockContext(frozenset(), lambda el: 0.0, frozenset(words_of(texts[0])))
    rows = list(block_features(texts, ["p"] * 3, [None] * 3, context))
    features = [dict(zip(FEATURES, row, strict=True)) for row in rows]
    # 35 Chinese characters, two clauses: about 17 words (two to ``str.split``).
    assert features[0]["log_words"] == pytest.approx(math.log1p(17))
    assert features[0]["hint_overlap"] == 1.0 and features[1]["hint_overlap"] == 0.0


def test_a_paragraph_that_is_a_linked_chinese_sentence_is_no_label() -> None:
    """A paragraph that is only a link of a few words is a button; one of a Chinese sentence
    (one word to ``str.split``) is text, as a linked English sentence is (the rules keep it;
    the model may still judge it)."""
    texts, _ = UNSPACED_ARTICLES["chinese"]
    linked = "<p><a href='/news/tram-map'>有轨电车新线路经过的三个郊区和各站位置的详细地图</a></p>"
    result = extract(page(paragraphs(texts) + linked), judge=Judge(lambda text: True))
    assert result.body.endswith("有轨电车新线路经过的三个郊区和各站位置的详细地图")


def _story(topic: str, count: int) -> list[str]:
    return [
        f"Paragraph {i} of the {topic} story goes on with what the officials said on Tuesday "
        "about the damage, the repairs and what happens to the passengers next week."
        for i in range(count)
    ]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


_STORY_BOXES = [
    ("<article>{}</article>", "<div class='next'><article>{}</article></div>"),
    ("<div class='story'>{}</div>", "<div class='story'>{}</div>"),
    ("<section class='post'>{}</section>", "<section class='post'>{}</section>"),
    ("<div>{}</div>", "<div>{}</div>"),
]


@pytest.mark.parametrize(("first_box", "next_box"), _STORY_BOXES)
@pytest.mark.parametrize(("first", "then"), [(8, 10), (3, 4)])
def test_the_next_story_a_page_loads_below_the_first_is_no_part_of_it(
    first_box: str, next_box: str, first: int, then: int
) -> None:
    """Infinite scroll: the next story, whole in the page below the headline's, in its own
    ``<article>`` or in a box like the first's with an h1 and prose of its own; longer or
    shorter than the first, it stays out."""
    story, following = _story("ferry", first), _story("council", then)
    page = (
        "<html><head><title>Ferry service suspended | Gazette</title></head><body><div>"
        + first_box.format(f"<h1>Ferry service suspended</h1>{_paragraphs(story)}")
        + next_box.format(f"<h1>Council approves budget</h1>{_paragraphs(following)}")
        + "</div></body></html>"
    )
    body = byline.extract(page).body or ""
    assert all(text in body for text in story)
    assert not any(text in body for text in following)


def test_the_sections_of_one_story_stay_together() -> None:
    parts = _story("ferry", 8)
    page = (
        "<html><head><title>Ferry service suspended | Gazette</title></head><body><main>"
        "<h1>Ferry service suspended</h1>"
        f"<article><h2>What happened</h2>{_paragraphs(parts[:4])}</article>"
        f"<article><h2>What next</h2>{_paragraphs(parts[4:])}</article></main></body></html>"
    )
    body = byline.extract(page).body or ""
    assert all(text in body for text in parts)
