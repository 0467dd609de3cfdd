"""Bad input: byline answers with a record or a clear ``ExtractionError``, quickly.

Never another exception, never a hang. Pages that are read but hold no article
raise ``NoArticleError`` (a subclass of ``ExtractionError``).
"""

from __future__ import annotations

import codecs
import gzip
import random
import struct
import zlib
from datetime import UTC, datetime

import pytest
from conftest import SEED_URL, fixture_bytes, fixture_text, run_bounded

import byline
from byline.document import decode

QUICK_SECONDS = 5.0
"""Bad input that can be refused cheaply must be refused within this time."""

HUGE_PAGE_SECONDS = 60.0
"""A 50 MB page has to be parsed before anything can be said: a generous, but real, bound."""

HUGE_PAGE_BYTES = 50 * 2**20
DEEP_NESTING = 100_000
RECURSION_TRAP_DEPTH = 1_500
"""Deeper than Python's default recursion limit, shallower than the parser's nesting cap."""


def extract_quickly(html: bytes | str, url: str | None = None) -> byline.Article:
    return run_bounded(lambda: byline.extract(html, url=url), QUICK_SECONDS)


def refusal(html: bytes | str, seconds: float = QUICK_SECONDS) -> byline.ExtractionError:
    """The ExtractionError ``html`` is refused with (fails on a record or another exception)."""
    try:
        article = run_bounded(lambda: byline.extract(html), seconds)
    except byline.ExtractionError as error:
        assert_clear_message(error)
        return error
    pytest.fail(f"expected ExtractionError, got a record titled {article.title!r}")


def assert_clear_message(error: Exception) -> None:
    message = str(error)
    assert len(message.split()) >= 2, f"unclear message: {message!r}"
    assert "Traceback" not in message


# --- small, well-formed pages the tests below break ------------------------------------

TITLE = "Harbour Lights Festival Draws Record Crowds"
PARAGRAPHS = [
    "More than forty thousand people walked the old quays on Saturday night as the Harbour "
    "Lights festival returned for its twelfth year, organisers said on Sunday.",
    "Boats decorated with lanterns sailed past the lighthouse at dusk, while bands played "
    "on three floating stages moored along the eastern breakwater.",
    "The town council said it would extend the festival to a full week next summer after "
    "local restaurants and guesthouses reported their busiest weekend since records began.",
]


def news_page(jsonld: str | None = None, *, body_jsonld: str | None = None) -> str:
    """A plain news page; ``jsonld`` goes in the head, ``body_jsonld`` after the article."""
    head_script = f'<script type="application/ld+json">{jsonld}</script>' if jsonld else ""
    body_script = (
        f'<script type="application/ld+json">{body_jsonld}</script>' if body_jsonld else ""
    )
    paragraphs = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{TITLE} | The Harbour Gazette</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="description" content="Forty thousand visitors came to the quays.">
<meta property="article:published_time" content="2024-08-11T07:30:00+01:00">
{head_script}
</head><body>
<nav><a href="/">Home</a> <a href="/local/">Local</a> <a href="/sport/">Sport</a></nav>
<article>
<h1>{TITLE}</h1>
<p class="byline">By Morwenna Tregear</p>
{paragraphs}
</article>
{body_script}
<footer><p>© 2024 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


def assert_is_the_news_page(article: byline.Article) -> None:
    assert article.title == TITLE
    body = article.body or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in body


# --- empty and binary input ------------------------------------------------------------


@pytest.mark.parametrize("html", [b"", ""], ids=["bytes", "str"])
def test_empty_input(html: bytes | str) -> None:
    assert "empty" in str(refusal(html)).lower()


@pytest.mark.parametrize(
    "html",
    [b"   \n\t\r\n  ", "  \n\n\t ", b"\xef\xbb\xbf  \n", "\u00a0\u3000\n"],
    ids=["bytes", "str", "utf8-bom-then-spaces", "unicode-spaces"],
)
def test_whitespace_only(html: bytes | str) -> None:
    assert "empty" in str(refusal(html)).lower()


def random_bytes(size: int) -> bytes:
    return random.Random(20230623).randbytes(size)


def png_file() -> bytes:
    """A real (tiny) PNG: signature, IHDR, one IDAT of noise, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    pixels = zlib.compress(random_bytes(64 * (1 + 64 * 3)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def gzipped_page() -> bytes:
    """A gzip-compressed HTML page, as a server that ignored Accept-Encoding sends it."""
    return gzip.compress(news_page().encode("utf-8"), mtime=0)


@pytest.mark.parametrize(
    "html",
    [
        random_bytes(64 * 1024),
        random_bytes(300),
        png_file(),
        gzipped_page(),
        random_bytes(4096).decode("latin-1"),
    ],
    ids=["random-64k", "random-300", "png", "gzip", "random-as-str"],
)
def test_binary_garbage(html: bytes | str) -> None:
    message = str(refusal(html)).lower()
    assert "binary" in message or "html" in message


@pytest.mark.parametrize(
    "html",
    [
        news_page().replace("<article>", "<article>\x00").encode("utf-8"),
        news_page().replace("<article>", "<article>\x00").encode("cp1252"),
        news_page().replace("<nav>", "<nav>\x00\x00").replace("utf-8", "windows-1252"),
    ],
    ids=["utf-8", "cp1252", "str"],
)
def test_a_stray_nul_does_not_make_a_page_binary(html: bytes | str) -> None:
    """A NUL or two (a page cut and joined, a byte of a broken script) is no binary file:
    browsers show the page, and byline reads it."""
    assert_is_the_news_page(run_bounded(lambda: byline.extract(html), QUICK_SECONDS))


def test_a_page_whose_words_a_wrong_charset_mangled_is_read() -> None:
    """A page saved after it was read in the wrong charset has replacement characters for
    most letters of its text, and its markup whole: it is a page, not a binary file, and
    byline returns what it can of it, as readers do."""
    chinese = "市议会周二投票批准了一项新预算，增加公园和图书馆的支出。" * 30
    mangled = chinese.encode("gbk").decode("utf-8", errors="replace")
    html = news_page().replace("<article>", f"<article><p>{mangled}</p>")
    assert mangled.count("\ufffd") > 0.1 * len(html[:8192])  # as much as binary data holds
    assert_is_the_news_page(byline.extract(html.encode("utf-8")))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_page_in_utf16_without_a_byte_order_mark_is_read(codec: str) -> None:
    html = news_page().replace('<meta charset="utf-8">', '<meta charset="utf-16">')
    assert_is_the_news_page(byline.extract(html.encode(codec)))


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32", "utf-32-be"])
def test_a_page_with_a_byte_order_mark_is_read_in_its_encoding(codec: str) -> None:
    """Python's "utf-16" and "utf-32" write a little-endian mark; "utf-32-be" none, so the
    big-endian mark is written by hand. (UTF-32's little-endian mark begins like UTF-16's.)"""
    mark = codecs.BOM_UTF32_BE if codec == "utf-32-be" else b""
    html = news_page().replace('<meta charset="utf-8">', "")
    assert_is_the_news_page(byline.extract(mark + html.encode(codec)))


def test_a_declared_utf16_on_a_page_that_is_not_is_read_as_utf8() -> None:
    """The HTML standard's rule: a ``<meta>`` (or a server) naming UTF-16 on a page whose
    markup reads as ASCII is wrong, and the page is UTF-8."""
    html = news_page().replace('<meta charset="utf-8">', '<meta charset="utf-16">').encode()
    assert_is_the_news_page(byline.extract(html))
    assert_is_the_news_page(byline.extract(news_page().encode(), charset="utf-16"))


@pytest.mark.parametrize("html", [b"<", b"<html", b"<!DOCTYPE html>", b"<!-- -->"])
def test_almost_nothing(html: bytes) -> None:
    refusal(html)


# --- pages without an article ----------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        b"<html></html>",
        b"<html><head></head><body></body></html>",
        b"<html><head><title>Nothing here</title></head><body>\n  \n</body></html>",
        b"<html><body><!-- a comment --><script>var a = 1;</script><style>p{}</style></body>"
        b"</html>",
        b"<html><head><title>Nothing here</title></head><body><h1>Nothing here</h1></body></html>",
        b"<html><head><title>App</title></head><body><div id=root>Loading...</div></body></html>",
    ],
    ids=["html-only", "empty-body", "title-only", "scripts-and-comments", "headline-only", "app"],
)
def test_page_without_article_raises_no_article_error(html: bytes) -> None:
    with pytest.raises(byline.NoArticleError) as caught:
        run_bounded(lambda: byline.extract(html), QUICK_SECONDS)
    assert_clear_message(caught.value)


def test_navigation_only_page_is_not_an_article() -> None:
    menu = "".join(
        f'<li><a href="/{name.lower()}/">{name}</a></li>'
        for name in ("Home", "News", "Sport", "Weather", "Culture", "Contact us", "Archive")
    )
    html = (
        "<html><head><title>The Harbour Gazette</title></head><body>"
        f"<header><nav><ul>{menu}</ul></nav></header>"
        "<footer><a href='/privacy/'>Privacy</a> <a href='/terms/'>Terms</a> "
        "© 2024 The Harbour Gazette</footer></body></html>"
    )
    with pytest.raises(byline.NoArticleError):
        run_bounded(lambda: byline.extract(html.encode()), QUICK_SECONDS)


# --- size and depth --------------------------------------------------------------------


def huge_page() -> bytes:
    """A real article followed by ~50 MB of reader comments."""
    head = news_page().split("<footer>")[0].encode("utf-8")
    comment = (
        b'<div class="comment"><span class="comment__author">reader</span>'
        b"<p>Lovely evening, the lanterns on the water were the best part of the whole "
        b"weekend and the bands were great too.</p></div>\n"
    )
    count = (HUGE_PAGE_BYTES - len(head)) // len(comment)
    return head + b'<section class="comments">' + comment * count + b"</section></body></html>"


def test_fifty_megabyte_page_is_handled_in_bounded_time() -> None:
    page = huge_page()
    assert len(page) >= HUGE_PAGE_BYTES * 0.99
    try:
        article = run_bounded(lambda: byline.extract(page), HUGE_PAGE_SECONDS)
    except byline.ExtractionError as error:
        assert_clear_message(error)
        return
    assert article.title == TITLE


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
def test_hundred_thousand_nested_divs_are_read_as_line_breaks(closed: bool) -> None:
    """Past libxml2's depth limit, below which it drops the page, even without styling tags:
    the layout boxes are read as line breaks and the text is whole."""
    html = "<html><body>" + "<div>" * DEEP_NESTING + "<p>deep text of the page</p>"
    if closed:
        html += "</div>" * DEEP_NESTING + "</body></html>"
    article = extract_quickly(html.encode())
    assert article.body == "deep text of the page"


def test_a_story_in_unclosed_boxes_past_the_depth_limit_keeps_its_paragraphs() -> None:
    story = "".join(
        f"<div class='c'><p>Paragraph {i} of the harbour story, which goes on for a while.</p>"
        for i in range(DEEP_NESTING // 40)
    )
    html = f"<html><body><article><h1>The harbour</h1>{story}</article></body></html>"
    paragraphs = extract_quickly(html.encode()).body.split("\n\n")
    assert len(paragraphs) == DEEP_NESTING // 40
    assert paragraphs[-1].startswith(f"Paragraph {DEEP_NESTING // 40 - 1} of the harbour")


@pytest.mark.parametrize("tag", ["font size=2", "b", "span class=x"])
def test_tag_soup_nested_past_the_limit_is_read_without_its_styling_tags(tag: str) -> None:
    """Unclosed styling tags by the thousand (browsers close them as they go) nest past
    libxml2's limit, below which it drops the page: read without them, the page is whole."""
    soup = f"<{tag}>Posted in harbour news " * (DEEP_NESTING // 20)
    assert_is_the_news_page(byline.extract(news_page().replace("<article>", soup + "<article>")))


def test_nesting_deeper_than_the_python_recursion_limit_gives_a_record() -> None:
    # pages nested this deep exist (page builders, broken templates); a recursive walk
    # of the tree would die with RecursionError here
    html = news_page().replace(
        "<article>", '<div class="wrap">' * RECURSION_TRAP_DEPTH + "<article>"
    )
    html = html.replace("</article>", "</article>" + "</div>" * RECURSION_TRAP_DEPTH)
    assert_is_the_news_page(extract_quickly(html.encode()))


def test_a_heading_and_a_byline_nested_past_the_recursion_limit_around_a_script() -> None:
    """Their texts are read without the script's code (found by fuzzing: the walk that
    leaves the code out recursed once per level)."""
    deep = "<span>" * RECURSION_TRAP_DEPTH + "Harbour<script>var x = 1;</script> news"
    deep += "</span>" * RECURSION_TRAP_DEPTH
    box = f"<p class='byline'>By <b>{deep}</b></p><h2>{deep}</h2>"
    html = news_page().replace("</article>", box + "</article>")
    assert_is_the_news_page(extract_quickly(html.encode()))


@pytest.mark.parametrize("character", ["\x01", "\x0c", "\x1b"], ids=["soh", "form-feed", "esc"])
def test_control_characters_in_the_text_are_read_as_nothing(character: str) -> None:
    """libxml2 keeps a stray control character in a text; lxml refuses to set such a text,
    which main text does when it takes out a box (its tail joins the text before it)."""
    box = f"<div class='share'>Share</div>{character}tail "
    html = news_page().replace("<article>", f"<article>{box}")
    for page in (html.encode(), html):
        assert_is_the_news_page(extract_quickly(page))


def test_an_address_that_is_no_url_gives_the_record_of_a_page_without_one() -> None:
    """A page whose byline stands before its ``<time>`` asks the address for the site's
    name; "http://[bad" names none (``urlsplit`` refuses it), and the page reads as
    without an address."""
    prose = "<p>" + "The council met on the bridge and decided to fund its repairs. " * 5 + "</p>"
    page = (
        "<html><head><title>Bridge repairs funded</title></head><body><article>"
        "<h1>Bridge repairs funded</h1>"
        '<div>Maria Lindqvist, <time datetime="2021-03-05">5 March 2021</time></div>'
        f"{prose}{prose}</article></body></html>"
    )
    article = extract_quickly(page, url="http://[bad")
    assert [person.name for person in article.authors] == ["Maria Lindqvist"]
    without = extract_quickly(page).to_dict()
    assert article.url == "http://[bad"
    assert {**article.to_dict(), "url": None} == without


# --- truncated pages -------------------------------------------------------------------


def test_truncated_mid_tag_gives_a_record() -> None:
    page = fixture_text("sputnik_seed.html")
    cut = page.index('<div class="story__text">Earlier in June') + len('<div class="sto')
    article = extract_quickly(page[:cut].encode("utf-8"), url=SEED_URL)
    assert article.title == "Japan, France Agree to Strengthen Defense Cooperation"
    body = article.body or ""
    assert body.startswith("MOSCOW (Sputnik) - Japanese Foreign Minister")
    assert "a NATO office in Tokyo, according to the ministry's statement." in body


def test_truncated_mid_json_ld_gives_a_record() -> None:
    jsonld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"headline": "{TITLE}", "datePublished": "2024-08-11T07:30:00+01:00", '
        '"author": {"@type": "Person", "name": "Morwenna Tre'
    )
    page = news_page(body_jsonld=jsonld)
    cut = page.index(jsonld) + len(jsonld)
    assert_is_the_news_page(extract_quickly(page[:cut].encode("utf-8")))


def test_truncated_mid_utf8_character_is_still_utf8() -> None:
    data = fixture_bytes("russian_story.html")
    end = data.index("Ранее французская сторона".encode())
    cut = data[: end + 3]  # "Р" is two bytes: this ends inside "а"
    with pytest.raises(UnicodeDecodeError):
        cut.decode("utf-8")
    article = extract_quickly(cut)
    assert article.title == "Япония и Франция договорились укреплять оборонное сотрудничество"
    assert "Министры иностранных дел Японии" in (article.body or "")


# --- encodings -------------------------------------------------------------------------

UTF8_DECLARATIONS = [
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
]


@pytest.mark.parametrize("declaration", UTF8_DECLARATIONS, ids=["meta-charset", "http-equiv"])
def test_utf8_declared_but_cp1251_bytes(declaration: str) -> None:
    page = fixture_text("russian_story.html").replace('<meta charset="utf-8">', declaration)
    assert declaration in page
    article = extract_quickly(page.encode("cp1251"))
    assert article.title == "Япония и Франция договорились укреплять оборонное сотрудничество"
    body = article.body or ""
    assert "сообщило в пятницу японское внешнеполитическое ведомство" in body
    assert "\ufffd" not in body


LATIN1_PAGE = """<html><head>
<title>Großer Andrang beim Straßenfest in Überlingen</title>
<meta property="og:title" content="Großer Andrang beim Straßenfest in Überlingen">
</head><body>
<nav><a href="/">Startseite</a> <a href="/region/">Region</a></nav>
<article>
<h1>Großer Andrang beim Straßenfest in Überlingen</h1>
<p>Mehr als zwölftausend Besucher kamen am Wochenende zum Straßenfest an der Uferpromenade.
Die Veranstalter zeigten sich überwältigt: „So viele Gäste hatten wir noch nie", sagte
Jürgen Häußler vom Festkomitee.</p>
<p>Auch die französische Partnerstadt war vertreten: Bürgermeisterin Hélène Lefèvre
überreichte dem Gemeinderat ein Geschenk, und die Musikschule spielte bis spät in die Nacht.</p>
<p>Für das kommende Jahr plant die Stadt eine größere Bühne und zusätzliche Fähren über den See.</p>
</article>
<footer>© 2024 Seeblick Anzeiger</footer>
</body></html>
"""


def test_latin1_bytes_without_any_declaration() -> None:
    data = LATIN1_PAGE.replace("„", '"').encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = extract_quickly(data)
    assert article.title == "Großer Andrang beim Straßenfest in Überlingen"
    body = article.body or ""
    assert "Jürgen Häußler" in body
    assert "Hélène Lefèvre" in body
    assert "Fähren" in body
    assert "\ufffd" not in body
    assert "Ã" not in body


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "us-ascii"])
def test_utf8_bytes_under_an_old_single_byte_declaration(declared: str) -> None:
    """A page saved as UTF-8 that still declares an older charset: its text is UTF-8 (no
    Latin-1 text is valid UTF-8 by chance), not the mojibake a Latin-1 reading makes."""
    page = LATIN1_PAGE.replace("<head>", f'<head><meta charset="{declared}">')
    article = extract_quickly(page.encode("utf-8"))
    assert article.title == "Großer Andrang beim Straßenfest in Überlingen"
    assert "Jürgen Häußler" in (article.body or "")


def test_a_utf8_page_with_a_few_stray_latin1_bytes_stays_utf8() -> None:
    """A UTF-8 page holding a few bytes of another encoding (a price pasted from a Latin-1
    source) is read as UTF-8, its strays as cp1252: not the whole page turned to mojibake
    because its bytes are not all valid UTF-8."""
    stray = b"<aside><p>Preis: 5 \x80, Caf\xe9 am See</p></aside>"
    data = LATIN1_PAGE.encode("utf-8").replace(b"</article>", b"</article>" + stray)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert "Jürgen Häußler" in text
    assert "Preis: 5 €, Café am See" in text


def test_japanese_in_euc_jp_without_any_declaration() -> None:
    """Kana alone read as well in Korean's cp949 as in Japanese's EUC-JP (the detector ties
    them): a tie is broken by the web encodings the two extend, not by the detector's order,
    which had read this story as Hangul jamo."""
    story = "むかしむかし、あるところに、おじいさんとおばあさんがすんでいました。" * 4
    html = (
        f"<html><head><title>t</title></head><body><article><p>{story}</p></article></body></html>"
    )
    article = extract_quickly(html.encode("euc_jp"))
    assert "おじいさんとおばあさん" in (article.body or "")


# --- broken JSON-LD --------------------------------------------------------------------

BROKEN_JSONLD = {
    "unclosed-braces": (
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"headline": "{TITLE}", "publisher": {{"@type": "Organization", "name": "The Harb'
    ),
    "garbage": "}{ this is <b>not</b> json at all ]][[ ",
    "unfinished-array": "[1, 2,",
    "null": "null",
    "number": "42",
    "string": '"just a string"',
    "empty-object": "{}",
    "empty-array": "[]",
    "wrong-types": (
        '{"@type": "NewsArticle", "headline": 42, "author": null, '
        '"datePublished": {"x": 1}, "dateModified": [], "image": true, '
        '"publisher": "ACME", "keywords": 7, "articleSection": {"a": []}, '
        '"inLanguage": false, "speakable": "x", "articleBody": null}'
    ),
    "impossible-dates": (
        '{"@type": "NewsArticle", "datePublished": "0000-00-00", '
        '"dateModified": "2024-13-45T99:99:99+25:00"}'
    ),
    "graph-of-junk": '{"@graph": [null, 1, "x", [], {"@type": null}, {"@type": ["Thing", 5]}]}',
    "graph-not-a-list": '{"@graph": 5}',
    "deep-array": "[" * 100_000 + "]" * 100_000,
    "deep-unclosed-object": '{"a": ' * 50_000,
    "huge-number": '{"@type": "NewsArticle", "wordCount": 1e999999, "headline": 1e400}',
}


@pytest.mark.parametrize("jsonld", BROKEN_JSONLD.values(), ids=BROKEN_JSONLD.keys())
def test_broken_json_ld_still_gives_a_record_from_other_sources(jsonld: str) -> None:
    article = extract_quickly(news_page(jsonld).encode("utf-8"))
    assert_is_the_news_page(article)
    # from article:published_time, whatever the JSON-LD says or fails to say
    assert article.published == datetime(2024, 8, 11, 6, 30, tzinfo=UTC)


# --- the garbage collector ---------------------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_extraction_pauses_the_garbage_collector_and_leaves_it_as_it_was(enabled: bool) -> None:
    import gc

    from byline.sources import jsonld

    seen_during: list[bool] = []
    read_scripts = jsonld.candidates

    def spy(doc):  # a source, called in the middle of the extraction
        seen_during.append(gc.isenabled())
        return read_scripts(doc)

    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        jsonld.candidates = spy
        assert_is_the_news_page(byline.extract(news_page()))
        assert gc.isenabled() is enabled
        with pytest.raises(byline.ExtractionError):
            byline.extract(b"\x00\x01\x02" * 100)  # refused: the collector is back all the same
        assert gc.isenabled() is enabled
    finally:
        jsonld.candidates = read_scripts
        (gc.enable if was_enabled else gc.disable)()
    assert seen_during == [False]
