"""Bytes to document: decoding (BOM, declarations, detection) and parsing with lxml.

Everything after this module works on a ``Document``: a parsed lxml tree plus the
page URL. Pages are parsed once.

The tree is a plain ``lxml.etree`` one, not ``lxml.html``: lxml.html makes every
element's Python object through a Python class lookup, which costs more than the rest
of parsing on a large page. Its one method byline needs is ``text_content()``; use
``text_content(element)`` here instead.
"""

from __future__ import annotations

import codecs
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import SplitResult, urljoin, urlsplit

import charset_normalizer
from lxml import etree

from byline.errors import ExtractionError
from byline.markup import bounded
from byline.memo import remembered

MAX_INPUT_BYTES: Final = 64 * 1024 * 1024
"""Larger inputs are refused rather than risking memory on a worker."""

DECLARATION_WINDOW: Final = 4096
"""Charset declarations must appear this early (the HTML spec says 1024; pages are sloppy)."""

MAX_NESTING: Final = 2048
"""libxml2 stops descending past this depth (with huge_tree); deeper content is lost."""

SHADOW_ROOT_MARK: Final = "shadowroot"
SHADOW_ROOT_ATTRIBUTES: Final = frozenset({"shadowrootmode", "shadowroot"})
"""A ``<template>`` with one of these attributes (the standard's and Chrome's first name) is a
declarative shadow root, which browsers show; pages without the mark skip the search."""
SHADOW_ROOT_TAG: Final = "byline-shadow-root"
"""The name an opened shadow root's template takes before its tag is stripped."""

UTF8_BYTES_PER_STRAY: Final = 4
"""A page is UTF-8 with stray bytes of another encoding when its valid multi-byte UTF-8
characters hold at least this many bytes for each stray byte: a cp1251 or Latin-1 page
makes a valid UTF-8 sequence of two of its letters now and then, among many strays."""
MAX_TOLERATED_BAD_BYTES: Final = 3
"""Undecodable bytes accepted in a declared encoding (a page cut mid-character)."""

# By how common they are on the web: breaks ties between equally good detections
# (Latin-1 text reads as well in cp1250, but is far more often cp1252).
WEB_ENCODINGS: Final = (
    "utf-8",
    "cp1252",
    "cp1251",
    "gb18030",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp1250",
    "iso8859-2",
    "big5",
    "cp1256",
    "cp1253",
    "cp1254",
    "koi8-r",
)
CODEC_FAMILIES: Final = {
    "cp949": "euc_kr",
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "cp932": "shift_jis",
    "shift_jis_2004": "shift_jis",
    "shift_jisx0213": "shift_jis",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "cp950": "big5",
    "big5hkscs": "big5",
}
"""Supersets a detector may name, by the encoding of the web they extend: a tie between
``cp949`` and ``euc_jis_2004`` is one between Korean and Japanese, ranked as those."""

PIECE_CHARS: Final = 1 << 20
"""Texts longer than this are split into words piece by piece: a list of the words of a
60 MB paragraph would take ten times its size."""

BINARY_CONTROL_RATIO: Final = 0.10
"""A 'page' whose decoded text is this much control characters (NUL included) is not HTML; a
stray NUL or two (a page cut and joined, a byte of a broken script) does not make one binary."""

UTF16_NUL_SHARE: Final = 0.5
"""Markup in UTF-16 without a byte-order mark has a NUL in every other byte (its ASCII
characters': tags, attributes, white space); over this share of them says which byte order."""
WIDE_CODECS: Final = ("utf-16", "utf-32")
"""Codecs a declaration names that only such bytes can be in: on a page whose markup reads as
ASCII, the declaration is wrong, and read as UTF-8 (the HTML standard's rule for browsers)."""

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_SPACE: Final = re.compile(r"\s")  # str.isspace() exactly
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PLAIN_WEB_URL: Final = re.compile(
    r"https?://[^\s\x00-\x1f/?#;][^\s\x00-\x1f?#;]*(?:\?[^\s\x00-\x1f#]+)?(?:#[^\s\x00-\x1f]+)?\Z"
)
"""An absolute web address that ``urljoin`` would return unchanged: with a host, and no
empty query or fragment, parameters, white space or control characters for its parsing
to drop."""
_PAGE_TAG: Final = re.compile(
    r"<(?:!doctype|html|head|body|meta|title|div|span|table)[\s>/]", re.IGNORECASE
)
"""The opening of a tag of a page: five bytes and more, which no binary file holds by chance."""
_ASCII_BYTES: Final = bytes(range(0x80))
_STRAY_BYTES_AS_CP1252: Final = "byline-stray-bytes-as-cp1252"
"""The name of the decoding error handler ``_as_utf8`` reads stray bytes with."""
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
"""Control characters that text does not hold (tab, line feeds and form feed excepted)."""
_BOMS: Final = (  # UTF-32's little-endian mark before UTF-16's, which it begins with
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels pages use for encodings Python names differently (WHATWG encoding labels).
_ENCODING_ALIASES: Final = {
    "iso-8859-1": "cp1252",  # browsers read latin-1 declarations as windows-1252
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf8": "utf-8",
    "unicode": "utf-16",
}


_FORMATTING_TAG: Final = re.compile(
    r"</?(?:font|b|i|u|s|em|strong|span|small|big|tt|strike|center)(?=[\s/>])[^>]*+>",
    re.IGNORECASE,
)
"""Start and end tags that only style text: a page that nests too deep is read without them
(tag soup leaves them unclosed by the thousand)."""
_LAYOUT_TAG: Final = re.compile(r"</?(?:div|section)(?=[\s/>])[^>]*+>", re.IGNORECASE)
"""Start and end tags of layout boxes: a page that nests too deep even without its styling
tags (a template's loop that never closes its ``<div>``) is read with them as line breaks,
its text whole and its boxes gone."""

_END_OF_PAGE: Final = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_SHOWS_NOTHING: Final = frozenset({"html", "head", "body", "script", "style", "noscript", "link"})
"""What may follow a page's end without holding any of it (a tracker's tags after ``</html>``:
libxml2 puts them in a tree of their own, ``html`` and ``body`` included)..."""
_RAW_TEXT_TAGS: Final = frozenset({"script", "style"})
"""...whose text is code."""

_COMMENT_START: Final = "<!--"
_COMMENT_END: Final = "-->"


@dataclass(slots=True)
class Document:
    """A parsed page."""

    root: etree._Element
    url: str | None
    encoding: str | None = None
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What the sources read from the tree, found once per page and shared (by name). The
    tree does not change once parsed (``byline.maintext`` puts back what it removes while
    it works)."""
    source: str | bytes = field(default="", repr=False, compare=False)
    """The page as it was parsed: UTF-8 bytes or text (see ``comments``)."""

    def comments(self, max_chars: int) -> list[str]:
        """The texts of the page's HTML comments up to ``max_chars`` long, in page order.

        The tree holds no comments (the parse drops them: nothing else reads them), so
        they are read from the source, on the rare page that asks."""
        raw = self.source
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        found: list[str] = []
        start = text.find(_COMMENT_START)
        while start >= 0:
            end = text.find(_COMMENT_END, start + len(_COMMENT_START))
            if end < 0:
                break
            if end - start - len(_COMMENT_START) <= max_chars:
                found.append(text[start + len(_COMMENT_START) : end])
            start = text.find(_COMMENT_START, end + len(_COMMENT_END))
        return found

    def absolute(self, href: str | None) -> str | None:
        """``href`` resolved against the page URL (or returned as is without one)."""
        if not href:
            return None
        href = href.strip()
        if not href or href.startswith(("javascript:", "data:")):
            return None
        if not self.url or _PLAIN_WEB_URL.match(href):
            return href
        return _joined(self.url, href)


@remembered  # pages repeat their links (an image in three tags, an author on every teaser)
def _joined(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decoded text and the encoding used: BOM, then valid UTF-8, then declarations, then
    detection.

    A declaration is trusted only if the bytes decode cleanly with it, so a page
    that says utf-8 but is cp1251 is detected rather than turned into mojibake.
    """
    text, encoding, _ = _decode(data, declared)
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str, bool]:
    """``decode``, and whether the text is exactly ``data`` read as UTF-8 (no BOM, no byte
    replaced or read in another encoding): libxml2 may then read the bytes themselves."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding, False
    if (wide := _utf16_byte_order(data)) is not None:
        return data.decode(wide, errors="replace"), wide, False
    if not data.isascii() and (utf8 := _as_utf8(data)) is not None:
        return utf8[0], "utf-8", utf8[1]
    for label in (declared, _declared_charset(data), "utf-8"):
        codec = _python_codec(label)
        if codec and codec.startswith(WIDE_CODECS):
            codec = "utf-8"
        clean = _decoded_if_clean(data, codec) if codec else None
        if codec and clean is not None:
            return clean, codec, codec == "utf-8" and "\ufffd" not in clean
    encoding = _detected_encoding(data)
    return data.decode(encoding, errors="replace"), encoding, False


def _as_utf8(data: bytes) -> tuple[str, bool] | None:
    """``data`` read as UTF-8 when it is UTF-8, whatever the page declares, and whether it
    is all valid UTF-8; else None.

    Text in a legacy encoding is next to never valid UTF-8 (its accented letters would have
    to fall in UTF-8's byte patterns, one after another), while pages saved as UTF-8 under an
    old "iso-8859-1" declaration are common, and so are UTF-8 pages holding a few bytes of a
    single-byte encoding (a price's euro sign pasted from elsewhere). Those stray bytes are
    read as cp1252, which they most likely are, where a browser shows a replacement mark.
    """
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    strays = text.count("\ufffd")
    multibyte = len(data.translate(None, _ASCII_BYTES)) - strays
    if multibyte < UTF8_BYTES_PER_STRAY * strays:
        return None
    return data.decode("utf-8", errors=_STRAY_BYTES_AS_CP1252), False


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return stray.decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_BYTES_AS_CP1252, _stray_bytes_as_cp1252)


def parse(html: bytes | str, url: str | None = None, charset: str | None = None) -> Document:
    """Parse a page into a ``Document``; raise ``ExtractionError`` if it is not HTML."""
    if isinstance(html, bytes):
        if len(html) > MAX_INPUT_BYTES:
            raise ExtractionError(
                f"input is {len(html) / 2**20:.0f} MB; the limit is {MAX_INPUT_BYTES // 2**20} MB"
            )
        text, encoding, exact = _decode(html, charset)
    else:
        text, encoding, exact = html, None, False
    if len(text) > MAX_INPUT_BYTES:
        raise ExtractionError(f"input is over {MAX_INPUT_BYTES // 2**20} MB of text")
    if not text or text.isspace():  # (``strip()`` would copy the page)
        raise ExtractionError("input is empty")
    if _looks_binary(text):
        raise ExtractionError("input is binary data, not an HTML page")
    declaration = _XML_DECLARATION.match(text)
    markup = bounded(text[declaration.end() :] if declaration else text)
    # libxml2 reads UTF-8: bytes that are exactly the text's UTF-8 (most pages) are given
    # as they are, which spares lxml converting the text back (a tenth of the parse).
    as_bytes = markup is text and exact
    root = _tree(html if as_bytes else markup, as_bytes)
    if root is not None and _goes_on_after_its_end(root):
        root = _tree(_END_OF_PAGE.sub("", markup), False)
    if root is None:
        # Unclosed font, b, span... tags nest without end (browsers close them as they go):
        # they only style text, and the page read without them keeps all of it.
        unstyled = _FORMATTING_TAG.sub("", markup)
        root = _tree(unstyled, False)
        if root is None:
            root = _tree(_LAYOUT_TAG.sub("<br>", unstyled), False)
    if root is None:
        raise ExtractionError(
            f"the page nests elements deeper than {MAX_NESTING} levels; "
            "a parse would silently lose everything below that depth"
        )
    if root.find("body") is None:
        _read_noframes(root)
    if SHADOW_ROOT_MARK in text:
        _open_shadow_roots(root)
    return Document(root=root, url=url, encoding=encoding, source=html if as_bytes else text)


def _open_shadow_roots(root: etree._Element) -> None:
    """A declarative shadow root (``<template shadowrootmode="open">``) is shown in its
    host, where other templates show nothing: its contents are read as the host's."""
    opened = [
        template
        for template in root.iter("template")
        if not SHADOW_ROOT_ATTRIBUTES.isdisjoint(template.keys())
    ]
    for template in opened:
        template.tag = SHADOW_ROOT_TAG
    if opened:
        etree.strip_tags(root, SHADOW_ROOT_TAG)


def _read_noframes(root: etree._Element) -> None:
    """A frameset page's ``<noframes>`` markup (libxml2 keeps it as raw text) read as its
    body: the page's own text, which readers that load no frames show."""
    noframes = root.find(".//noframes")
    if noframes is None or not noframes.text or noframes.text.isspace():
        return
    try:
        page = _tree(noframes.text, False)
    except ExtractionError:  # (markup of nothing but a comment: no text to read)
        return
    body = page.find("body") if page is not None else None
    if body is not None:
        root.append(body)


def _goes_on_after_its_end(root: etree._Element) -> bool:
    """True for a page whose markup goes on after its ``</body>`` or ``</html>`` (a template
    that closes the page early, a second page pasted after the first): libxml2 leaves what
    follows outside the body, or in a tree of its own after the page's (which lxml drops),
    where browsers read it into the body. (A script after the end is left: it shows nothing.)"""
    after = list(root.itersiblings())
    body = root.find("body")
    if body is not None:
        after.extend(body.itersiblings())
    return any(map(_shows_something, after))


def _shows_something(element: etree._Element) -> bool:
    """True for an element holding an element or a text that a page shows."""
    for el in element.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag not in _SHOWS_NOTHING or (el.tail and not el.tail.isspace()):
            return True
        if tag not in _RAW_TEXT_TAGS and el.text and not el.text.isspace():
            return True
    return False


def _tree(markup: str | bytes, as_bytes: bool) -> etree._Element | None:
    """The parsed tree of ``markup`` (UTF-8 bytes if ``as_bytes``), or None when it nests
    deeper than libxml2 reads (which then silently drops everything below that depth)."""
    parser = etree.HTMLParser(
        encoding="utf-8" if as_bytes else None,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,  # an index of id attributes, which nothing here looks up
    )
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(f"cannot parse the page as HTML: {error}") from None
    if root is None:
        raise ExtractionError("cannot parse the page as HTML: no document element")
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        return None
    return root


def split_address(href: str | None, base: str = "") -> SplitResult | None:
    """``href`` (against ``base``) in its parts, or None: an address that is no URL
    ("http://[bad") has none."""
    if not href:
        return None
    try:
        return urlsplit(urljoin(base, href.strip()) if base else href.strip())
    except ValueError:
        return None


def host_of(url: str | None) -> str | None:
    """The host of ``url`` (lower case), or None without one: an address that is no URL
    ("http://[bad") names no host."""
    parts = split_address(url)
    return parts.hostname if parts else None


def site_of(url: str | None) -> str | None:
    """The host of ``url``, lower-cased, without ``www.``: the site it belongs to."""
    host = host_of(url.strip()) if url else None
    return host.removeprefix("www.") if host else None


def same_page(first: str | None, second: str | None) -> bool:
    """Whether two URLs name the same page (trailing slash and fragment aside)."""
    if not first or not second:
        return False
    return first.rstrip("/").split("#")[0] == second.rstrip("/").split("#")[0]


# Removed: zero-width space, BOM (zero-width no-break space), word joiner, soft hyphen;
# nbsp is a space. (Not the zero-width (non-)joiners: they shape Persian and Indic words.)
INVISIBLE: Final = {0x200B: None, 0xFEFF: None, 0x2060: None, 0x00AD: None, 0x00A0: " "}
# ``visible`` applies the table with a regex: ``str.translate`` looks every character
# of non-ASCII text up in the dict, which is over ten times slower.
_REMOVED: Final = re.compile(
    "[" + "".join(chr(c) for c, to in INVISIBLE.items() if to is None) + "]"
)
_REPLACED: Final = [(chr(c), to) for c, to in INVISIBLE.items() if to is not None]
RUBY_ANNOTATION_TAGS: Final = ("rt", "rp")
"""Ruby annotations (furigana): a reading aid printed above the words they gloss, never
words of the text."""

HEADING_TAGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
HEADING_KINDS: Final = frozenset(HEADING_TAGS[1:])
"""The kinds of the text's headings as rendered: an h1 in the text is shown as an h2 (the
page's headline is the record's title)."""

SENTENCE_ENDS: Final = ".!?…。！？"
"""The marks that end a sentence, in the scripts byline reads."""

BLOCK_TAGS: Final = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote",
        "pre", "figure", "figcaption", "address", "hr", "center", "details", "summary",
        "fieldset", "form", "body", "html",
    }
)  # fmt: skip
"""Elements a browser lays out as blocks: their bounds end a line of text."""


def visible(text: str) -> str:
    """``text`` as a reader sees it: without the ``INVISIBLE`` characters, nbsp a space."""
    if text.isascii():
        return text  # every invisible character is outside ASCII
    for char, replacement in _REPLACED:
        text = text.replace(char, replacement)
    return _REMOVED.sub("", text)


def text_content(element: etree._Element) -> str:
    """All the text inside ``element``, as lxml.html's ``text_content()`` gives it."""
    return "".join(element.itertext())


def squeezed(text: str) -> str:
    """``text`` with its white space collapsed to single spaces and stripped: ``" ".join(
    text.split())``, without ever holding a list of all the words of a huge text."""
    if len(text) <= PIECE_CHARS:
        return " ".join(text.split())
    return " ".join(line for piece in pieces(text, _SPACE) if (line := " ".join(piece.split())))


def word_count(text: str) -> int:
    """``len(text.split())``, without ever holding a list of all the words of a huge text."""
    if len(text) <= PIECE_CHARS:
        return len(text.split())
    return sum(len(piece.split()) for piece in pieces(text, _SPACE))


HAN_CHARS_PER_WORD: Final = 2
"""Chinese and Japanese words average under two characters (kana included)..."""
SOUTHEAST_ASIAN_CHARS_PER_WORD: Final = 4
"""...Thai, Lao, Khmer and Burmese ones about four (vowel signs and tone marks count)."""
_HAN_KANA_CHARS: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SOUTHEAST_ASIAN_CHARS: Final = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_HAN_KANA: Final = re.compile(f"[{_HAN_KANA_CHARS}]")
_SOUTHEAST_ASIAN: Final = re.compile(f"[{_SOUTHEAST_ASIAN_CHARS}]")
_UNSPACED: Final = re.compile(f"[{_HAN_KANA_CHARS}{_SOUTHEAST_ASIAN_CHARS}]")


_ASCII_RUNS: Final = re.compile(r"[\x00-\x7f]+")
ASCII_LETTERS: Final = string.ascii_letters.encode()


def split_ascii(text: str) -> tuple[bytes, str]:
    """``text``'s ASCII characters as bytes, and its other characters: counting characters
    of a kind in the bytes runs in C (``len(ascii.translate(None, ASCII_LETTERS))``), so
    only the rest, little of most texts on the web, is read one character at a time."""
    ascii_bytes = text.encode("ascii", "ignore")
    rest = _ASCII_RUNS.sub("", text) if len(ascii_bytes) < len(text) else ""
    return ascii_bytes, rest


def words_in_any_script(text: str) -> int:
    """The words of ``text`` in scripts written without spaces between words too: white space
    parts the others, and a run of Chinese, Japanese, Thai... characters (one "word" to
    ``str.split``) counts a word per so many characters of its script (``token_words``). For
    thresholds that tell a label from a text ("Loading...", "加载中" and "กำลังโหลด" alike are
    no article) or a paragraph from a line."""
    if not has_unspaced_script(text):
        return word_count(text)  # the usual case, in C
    if len(text) <= PIECE_CHARS:
        return sum(map(token_words, text.split()))
    return sum(sum(map(token_words, piece.split())) for piece in pieces(text, _SPACE))


def has_unspaced_script(text: str) -> bool:
    """True when ``text`` holds a character of a script written without spaces between
    words (checked in C: most texts hold none, and count as ``str.split`` counts)."""
    return not text.isascii() and _UNSPACED.search(text) is not None


def token_words(token: str) -> int:
    """The words one token without white space holds: one, or a word per
    ``HAN_CHARS_PER_WORD`` Chinese and Japanese characters and per
    ``SOUTHEAST_ASIAN_CHARS_PER_WORD`` Thai, Lao, Khmer and Burmese ones, plus one for any
    other characters (the Latin word or number among them)."""
    if token.isascii():
        return 1
    han = len(_HAN_KANA.findall(token))
    southeast = len(_SOUTHEAST_ASIAN.findall(token))
    spaced = 1 if len(token) > han + southeast else 0
    unspaced = han // HAN_CHARS_PER_WORD + southeast // SOUTHEAST_ASIAN_CHARS_PER_WORD
    return max(1, spaced + unspaced)


def pieces(text: str, boundary: re.Pattern[str]) -> Iterator[str]:
    """``text`` in consecutive pieces of about ``PIECE_CHARS``, each cut just before a
    character ``boundary`` matches (so no word runs across two pieces)."""
    start, end = 0, len(text)
    while start < end:
        cut = boundary.search(text, min(start + PIECE_CHARS, end))
        stop = cut.start() if cut else end
        yield text[start:stop]
        start = stop


def is_inside(element: etree._Element, ancestor: etree._Element) -> bool:
    """True when ``ancestor`` is one of ``element``'s ancestors."""
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _decoded_if_clean(data: bytes, encoding: str) -> str | None:
    """The text if ``data`` is (almost) valid in ``encoding``, else None.

    A handful of bad bytes (a page cut mid-character, one pasted Latin-1 quote)
    does not make a declaration a lie; a page full of them does.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    return text if bad <= max(MAX_TOLERATED_BAD_BYTES, len(data) // 10_000) else None


def _detected_encoding(data: bytes) -> str:
    """charset-normalizer's guess; among equally good guesses, the one most used on the web."""
    matches = list(charset_normalizer.from_bytes(data[:200_000]))
    if not matches:
        return "cp1252"
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    codecs_found = [codec for m in tied if (codec := _python_codec(m.encoding))]
    if not codecs_found:
        return "cp1252"
    return min(codecs_found, key=_web_rank)


def _web_rank(codec: str) -> int:
    """Where ``codec`` (or the web encoding it extends) stands in ``WEB_ENCODINGS``."""
    family = CODEC_FAMILIES.get(codec, codec)
    return WEB_ENCODINGS.index(family) if family in WEB_ENCODINGS else len(WEB_ENCODINGS)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:DECLARATION_WINDOW])
    return match.group(1).decode("ascii", "ignore") if match else None


def _python_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ENCODING_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_byte_order(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for a page in UTF-16 without a byte-order mark (the NULs
    of its ASCII characters fall on odd or even bytes), else None."""
    sample = data[:DECLARATION_WINDOW]
    pairs = len(sample) // 2
    if not pairs or sample.count(0) < UTF16_NUL_SHARE * pairs:
        return None  # (any other page: a NUL or none)
    if sample[1::2].count(0) >= UTF16_NUL_SHARE * pairs:
        return "utf-16-le"
    if sample[0::2].count(0) >= UTF16_NUL_SHARE * pairs:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    # Counted in the UTF-8 bytes, four times faster than a pattern: there, bytes below 0x80
    # are the ASCII characters themselves.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    replaced = sample.count("\ufffd")
    limit = BINARY_CONTROL_RATIO * max(len(sample), 1)
    if controls + replaced <= limit:
        return False
    # Replacement characters in the text itself (a page saved after reading it in the wrong
    # charset: its words mangled, its markup whole) leave an HTML page HTML; in data with no
    # tag of a page they are the bytes of a binary file.
    return controls > limit or _PAGE_TAG.search(sample) is None
