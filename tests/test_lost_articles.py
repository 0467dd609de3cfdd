"""No lost articles: a page holding text gives a record, and the record says how sure it is.

Small hand-written pages in the shapes that main text once refused (a news brief, text in
one block, a one-line teaser over an ``articleBody``, a page of formulas): each gives its
text, with the ``BodyQuality`` that says how it was found. Pages with no text to return
still raise ``NoArticleError`` (``tests/test_bad_input.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import pytest

import byline
from byline.blocks import Rule, Verdict
from byline.document import parse
from byline.maintext import (
    MIN_BODY_CHARS,
    MIN_FALLBACK_WORDS,
    MIN_HINT_FALLBACK_CHARS,
    extract_main_text,
)
from byline.record import BodyQuality

URL = "https://harbour.example/news/ferry"
MENU = "".join(
    f"<li><a href='/{name.lower()}/'>{name}</a></li>"
    for name in ("Home", "News", "Sport", "Weather", "Culture")
)
MOST_READ = "".join(
    f"<li><a href='/story/{i}'>Another story about the harbour, number {i}</a></li>"
    for i in range(6)
)
BRIEF = [
    "The ferry between Portsmouth and the island was suspended on Tuesday after high winds "
    "damaged the landing stage.",
    "The operator said services would resume on Thursday.",
]


def page(content: str, head: str = "", title: str = "Ferry service suspended") -> bytes:
    """A news site's page: a menu, ``content``, a box of most-read links and a footer."""
    return (
        f"<html><head><title>{title}</title>{head}</head><body>"
        f"<header><nav><ul>{MENU}</ul></nav></header>{content}"
        f"<div class='most-read'><h3>Most read</h3><ul>{MOST_READ}</ul></div>"
        "<footer><p>© 2024 The Harbour Gazette. All rights reserved.</p>"
        "<a href='/privacy/'>Privacy</a></footer></body></html>"
    ).encode()


def json_ld(body: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": body}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_full_article_is_full() -> None:
    text = " ".join(BRIEF) + " Passengers can claim a refund, the operator said."
    article = byline.extract(page(f"<article>{f'<p>{text}</p>' * 3}</article>"), url=URL)
    assert len(article.body or "") >= MIN_BODY_CHARS
    assert article.body_quality is BodyQuality.FULL


def test_a_two_paragraph_brief_is_short() -> None:
    content = (
        "<main><article><h1>Ferry service suspended</h1><time>12 March 2024</time>"
        + "".join(f"<p>{text}</p>" for text in BRIEF)
        + "</article></main>"
    )
    article = byline.extract(page(content), url=URL)
    assert article.body == "\n\n".join(BRIEF)
    assert article.body_quality is BodyQuality.SHORT
    assert article.to_dict()["body_quality"] == "short"


def test_text_in_one_block_of_lines_is_the_best_block() -> None:
    lines = [
        "The ferry between Portsmouth and the island was suspended on Tuesday.",
        "High winds damaged the landing stage, the operator said.",
        "Services should resume on Thursday, weather permitting.",
    ]
    article = byline.extract(page(f"<div>{'<br><br>'.join(lines)}</div>"), url=URL)
    assert article.body == "\n\n".join(lines)
    assert article.body_quality is BodyQuality.BEST_BLOCK


def test_a_page_of_formulas_is_the_best_block() -> None:
    formulas = ["a² + b² = c²", "E = mc²", "e^(iπ) + 1 = 0", "∫₀¹ x² dx = 1/3"]
    content = "<h1>Four identities</h1>" + "".join(f"<p>{line}</p>" for line in formulas)
    article = byline.extract(page(content, title="Four identities"), url=URL)
    assert article.body == "\n\n".join(formulas)
    assert article.body_quality is BodyQuality.BEST_BLOCK


def test_a_one_line_teaser_gives_way_to_the_article_body_it_states() -> None:
    body = " ".join(BRIEF) + " Passengers can claim a refund at the ticket office."
    content = "<article><h1>Ferry service suspended</h1><p>Subscribe to read.</p></article>"
    inspection = byline.inspect(page(content, head=json_ld(body)), url=URL)
    assert inspection.article.body == body
    assert inspection.article.body_quality is BodyQuality.STRUCTURED_DATA
    (teaser,) = [block for block in inspection.blocks if block.text == "Subscribe to read."]
    assert teaser.verdict is Verdict.DROPPED


def test_a_paywalled_page_says_its_text_is_the_structured_data() -> None:
    body = "\n".join([" ".join(BRIEF)] * 6)
    assert len(body) >= MIN_HINT_FALLBACK_CHARS
    content = f"<article><h1>Ferry service suspended</h1><p>{BRIEF[0]}</p></article>"
    inspection = byline.inspect(page(content, head=json_ld(body)), url=URL)
    assert inspection.article.body == body.replace("\n", "\n\n")
    assert inspection.article.body_quality is BodyQuality.STRUCTURED_DATA
    (shown,) = [
        block for block in inspection.blocks if block.text == BRIEF[0] and block.element is not None
    ]
    assert shown.reason is not None and shown.reason.rule is Rule.HINT_REPLACES


def test_a_brief_showing_most_of_its_article_body_keeps_the_page_version() -> None:
    content = "<article>" + "".join(f"<p>{text}</p>" for text in BRIEF) + "</article>"
    article = byline.extract(page(content, head=json_ld(" ".join(BRIEF) + " More.")), url=URL)
    assert article.body == "\n\n".join(BRIEF)
    assert article.body_quality is BodyQuality.SHORT


def test_an_article_body_of_a_label_is_no_article() -> None:
    """The page shows one link; its ``articleBody`` is two words: neither is an article."""
    content = "<article><a href='/login'>Sign in</a></article>"
    for stated in ("Read more", "Read more here"):
        html = page(content, head=json_ld(stated))
        if len(stated.split()) < MIN_FALLBACK_WORDS:
            with pytest.raises(byline.NoArticleError):
                byline.extract(html, url=URL)
        else:
            article = byline.extract(html, url=URL)
            assert article.body == stated
            assert article.body_quality is BodyQuality.STRUCTURED_DATA


# --- the last resorts: text in boxes named like boilerplate or hidden, a description ---------

STORY = [
    *BRIEF,
    "Engineers inspected the structure overnight and found that two of the steel supports had "
    "buckled, leaving the ramp unsafe for vehicles and foot passengers alike.",
]


def story(paragraph: str = "<p>") -> str:
    return "".join(f"{paragraph}{text}</p>" for text in STORY)


class Doubting:
    """A paragraph model that doubts every paragraph."""

    threshold = 0.5

    def judge(self, texts: Sequence[str], rows: Iterable[Sequence[float]]) -> list[float]:
        return [0.0 for _ in texts]


@pytest.mark.parametrize(
    "content",
    [
        f"<div class='comments'>{story()}</div>",
        f"<div class='modal'>{story()}</div>",
        f"<div class='widget'>{story()}</div>",
        f"<article>{story('<p hidden>')}</article>",
        "<article>" + story("<p style='display: none'>") + "</article>",
    ],
    ids=["named-comments", "named-modal", "named-widget", "hidden", "display-none"],
)
def test_a_story_in_boxes_named_like_boilerplate_or_hidden_is_the_best_block(content: str) -> None:
    """A site names its story's box like boilerplate, or a script is to show its paragraphs:
    when the page shows nothing else, that text is returned, saying it is the best there is."""
    article = byline.extract(page(content), url=URL)
    assert article.body == "\n\n".join(STORY)  # (the box of most-read links still left out)
    assert article.body_quality is BodyQuality.BEST_BLOCK


def linked(text: str, share: float) -> str:
    """``text`` with its first ``share`` of words one link, as prose that cites sources."""
    words = text.split()
    cut = round(len(words) * share)
    return f"<a href='/source'>{' '.join(words[:cut])}</a> {' '.join(words[cut:])}"


def test_prose_rich_in_links_in_every_box_is_the_best_block() -> None:
    """Each paragraph a box of its own (``<div>``), most of its words a link: every box reads
    as a link list, but the page's text is this prose, and it is returned as its best text.
    Boxes of nothing but links are still none (the most-read list, a story made all links)."""
    boxes = "".join(f"<div>{linked(text, 0.6)}</div>" for text in STORY)
    article = byline.extract(page(boxes), url=URL)
    assert article.body == "\n\n".join(STORY)  # (the box of most-read links still left out)
    assert article.body_quality is BodyQuality.BEST_BLOCK
    all_links = "".join(f"<div>{linked(text, 1.0)}</div>" for text in STORY)
    with pytest.raises(byline.NoArticleError):
        byline.extract(page(all_links), url=URL)


def test_an_app_shell_gives_its_description_and_a_bare_one_is_no_article() -> None:
    description = f"<meta property='og:description' content='{BRIEF[0]}'>"
    shell = "<div id='root'><noscript>Please enable JavaScript.</noscript></div>"
    article = byline.extract(page(shell, head=description), url=URL)
    assert article.body == BRIEF[0]
    assert article.body_quality is BodyQuality.DESCRIPTION
    with pytest.raises(byline.NoArticleError):
        byline.extract(page(shell), url=URL)
    with pytest.raises(byline.NoArticleError):  # a description of a label is none either
        byline.extract(page(shell, head="<meta name='description' content='Home'>"), url=URL)


def test_the_article_body_comes_before_the_boxes_and_the_description() -> None:
    stated = " ".join(BRIEF)
    head = json_ld(stated) + "<meta name='description' content='A ferry was suspended today.'>"
    notice = (
        "<div class='cookie-notice'>We use cookies to give you the best experience on our "
        "website. By continuing to browse you agree to our use of cookies.</div>"
    )
    article = byline.extract(page(notice, head=head), url=URL)
    assert article.body == stated
    assert article.body_quality is BodyQuality.STRUCTURED_DATA


THAI_LINES = ["บริการเรือข้ามฟากถูกระงับเมื่อวันอังคาร", "หลังจากลมแรงทำให้ท่าเรือเสียหาย"]
CHINESE = "渡轮服务因强风损坏登陆平台而于星期二暂停，运营商在声明中表示。"


def test_text_in_scripts_without_spaces_counts_its_words() -> None:
    """Two Thai lines are two "words" to ``str.split`` and a Chinese sentence one: their
    words are counted by characters, while a label in those scripts is still no article."""
    thai = byline.extract(page(f"<div>{'<br>'.join(THAI_LINES)}</div>", title="เรือ"), url=URL)
    assert thai.body == "\n\n".join(THAI_LINES)
    assert thai.body_quality is BodyQuality.BEST_BLOCK
    shell = "<article><p>加载中</p></article>"
    chinese = byline.extract(page(shell, head=json_ld(CHINESE), title="渡轮"), url=URL)
    assert chinese.body == CHINESE
    assert chinese.body_quality is BodyQuality.STRUCTURED_DATA
    for label in ("加载中", "阅读更多", "กำลังโหลด"):
        with pytest.raises(byline.NoArticleError):
            byline.extract(page(f"<div>{label}</div>", head=json_ld(label)), url=URL)


def test_the_last_resort_keeps_doubted_paragraphs_beside_a_label_too_short_to_weigh() -> None:
    """Labels of a word or two are left to the rules, not to the model: one left over beside
    paragraphs the model doubts does not make the model's doubts final."""
    html = page(f"<div class='comments'><p class='kicker'>Top stories</p>{story()}</div>")
    main = extract_main_text(parse(html, url=URL), judge=Doubting())
    assert main is not None
    assert main.body == "\n\n".join(["Top stories", *STORY])
    assert main.quality is BodyQuality.BEST_BLOCK


CAPTIONS = [
    "The harbour at dawn, before the ferries start their first crossing of the day.",
    "Fishermen unload the night's catch on the eastern quay, as they have done for a century.",
]


def test_a_gallery_whose_only_text_is_its_captions_gives_them() -> None:
    """Captions are no part of an article's text, but they are all a gallery's: when the
    page has no other text, they are its best text (credits alone are still none)."""
    figures = "".join(
        f"<figure><img src='/p{i}.jpg'><figcaption>{text}</figcaption></figure>"
        for i, text in enumerate(CAPTIONS)
    )
    article = byline.extract(page(f"<article>{figures}</article>"), url=URL)
    assert article.body == "\n\n".join(CAPTIONS)
    assert article.body_quality is BodyQuality.BEST_BLOCK
    assert [image.caption for image in article.images] == CAPTIONS
    credits = figures
    for text in CAPTIONS:
        credits = credits.replace(text, "Photo: Reuters")
    with pytest.raises(byline.NoArticleError):
        byline.extract(page(f"<article>{credits}</article>"), url=URL)


def test_a_caption_outside_any_figure_opening_a_gallery_gives_it() -> None:
    """A ``<figcaption>`` straight in a box (no ``<figure>``) that opens the page's only text:
    it is the body, and its HTML a caption of its own."""
    content = f"<div><figcaption>{CAPTIONS[0]}</figcaption><img src='/p.jpg'></div>"
    article = byline.extract(page(content), url=URL)
    assert article.body == CAPTIONS[0]
    assert article.body_html.startswith(f"<figcaption>{CAPTIONS[0]}</figcaption>")
    assert article.body_quality is BodyQuality.BEST_BLOCK


@pytest.mark.parametrize(
    "shape",
    [
        "<html><head><title>T</title></head><body><nav>{menu}</nav></body></html>{story}",
        "<html><head><title>T</title></head><body><nav>{menu}</nav></body>{story}</html>",
        "<html><head><title>T</title></head><body><nav>{menu}</nav></body><body>{story}</body>",
        "<html><head><title>T</title></head><body><nav>{menu}</nav></body></html>"
        "<html><head><title>T</title></head><body>{story}</body></html>",
    ],
    ids=["after-html", "after-body", "second-body", "second-page"],
)
def test_markup_after_the_end_of_the_page_is_read_into_its_body(shape: str) -> None:
    """A template that closes the page early, a page pasted after another: browsers read
    what follows ``</body>`` or ``</html>`` into the body, and so does byline."""
    html = shape.format(menu=MENU, story=f"<article>{story()}</article>")
    article = byline.extract(html.encode(), url=URL)
    assert article.body == "\n\n".join(STORY)


def test_a_page_of_nothing_but_headings_gives_them() -> None:
    """A heading with nothing under it introduced something removed, but on a page whose only
    text is headings (a checklist, a programme) they are the text."""
    steps = ["Bring a towel.", "Bring water and a map.", "Wear good shoes."]
    headings = "".join(f"<h3>{text}</h3>" for text in steps)
    html = f"<html><head><title>Packing list</title></head><body><h1>Packing list</h1>{headings}"
    article = byline.extract(html.encode(), url=URL)
    assert article.body == "\n\n".join(steps)
    assert article.body_quality is BodyQuality.BEST_BLOCK
    trailing = f"<article>{story()}<h3>Comments</h3></article>"
    assert byline.extract(page(trailing), url=URL).body == "\n\n".join(STORY)


@pytest.mark.parametrize(
    "shape",
    [
        "<body><object data='/story.swf'>{story}</object></body>",
        "<body><dialog open>{story}</dialog></body>",
        "<body><dialog>{story}</dialog></body>",
        "<frameset cols='20%,80%'><frame src='/menu.html'><noframes><body>{story}</body>"
        "</noframes></frameset>",
    ],
    ids=["object-fallback", "open-dialog", "closed-dialog", "noframes"],
)
def test_text_a_reader_sees_only_at_times_is_the_best_block(shape: str) -> None:
    """An object's fallback content (what a browser shows without the plugin), a dialog's
    text (shown when opened) and a frameset's ``<noframes>`` text are the text of a page that
    has no other."""
    html = f"<html><head><title>Ferry</title></head>{shape.format(story=story())}</html>"
    article = byline.extract(html.encode(), url=URL)
    assert article.body == "\n\n".join(STORY)
    assert article.body_quality is BodyQuality.BEST_BLOCK


def test_a_dialog_beside_the_article_stays_out() -> None:
    dialog = "<dialog open><p>We value your privacy and use cookies on this site.</p></dialog>"
    article = byline.extract(page(f"<article>{story()}</article>{dialog}"), url=URL)
    assert article.body == "\n\n".join(STORY)


def test_a_story_in_a_declarative_shadow_root_is_read() -> None:
    """A ``<template shadowrootmode>`` is shown in its host (web components rendered on
    the server); any other template shows nothing and stays out."""
    hidden = "<template><p>A template's text, which no reader ever sees on the page.</p></template>"
    for attribute in ("shadowrootmode='open'", "shadowroot='open'"):
        content = f"<news-story><template {attribute}><article>{story()}</article></template>"
        article = byline.extract(page(content + "</news-story>" + hidden), url=URL)
        assert article.body == "\n\n".join(STORY)
        assert article.body_quality is BodyQuality.FULL


@pytest.mark.parametrize(
    "shape",
    [
        "<img src='/nav.gif' usemap='#nav'><map name='nav'><area href='/' coords='0,0,9,9'>"
        "<article>{story}</article>",
        "<map name='nav'><area href='/' coords='0,0,9,9'><article>{story}</article></map>",
    ],
    ids=["unclosed", "wrapping"],
)
def test_a_story_inside_an_image_map_is_read(shape: str) -> None:
    """``<map>`` is transparent: a browser shows what it holds. An image map whose end tag is
    missing holds the rest of the page, story and all."""
    article = byline.extract(page(shape.format(story=story())), url=URL)
    assert article.body == "\n\n".join(STORY)
    assert article.body_quality is BodyQuality.FULL
