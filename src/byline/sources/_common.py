"""Helpers shared by the structured metadata sources (JSON-LD, microdata, meta tags).

- text cleaning: HTML entities (also double-escaped ones), tags and whitespace runs;
- URLs made absolute, integers read from "1200px"-like values;
- one cached index of every ``<meta>`` of a page, read by four sources;
- a lenient JSON reader for the broken JSON-LD real pages ship;
- ``Stated``: a value with how the markup states it, and ``emit``, turning a
  ``{field: Stated}`` dict into candidates, empty values dropped.

An ``AuthorCandidate`` made here has a non-empty ``name`` or, when the page gives
only a profile link (``article:author`` as a URL), ``name == ""`` and a ``url``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final, Generic, TypeVar

from mypy_extensions import mypyc_attr

from byline.authors import inverted_name
from byline.document import Document, split_address, visible
from byline.fields import Field, Markup, Source
from byline.memo import remembered
from byline.sources._page import page_of
from byline.sources.candidate import (
    AnyCandidate,
    AuthorCandidate,
    Candidate,
    CandidateValue,
    Evidence,
)

# Only entities closed by ";": html.unescape would also turn "&para" in "Fish&parasites" into ¶.
_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_TAG: Final = re.compile(r"</?[a-zA-Z!][^<>]*>")
# Elements whose content is code, never text ("<script>alert(1)</script>Jane Doe" is a name).
_CODE_ELEMENT: Final = re.compile(r"<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
_LEADING_INT: Final = re.compile(r"\s*(\d{1,6})(?:\.\d*)?\s*(?:px)?\s*$", re.IGNORECASE)
MAX_UNESCAPE_ROUNDS: Final = 3
"""Meta content is sometimes escaped twice (``&amp;quot;``); three rounds undo any real case."""

_BARE_DOMAIN_PATH: Final = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*$")  # facebook.com/x
_HANDLE: Final = re.compile(r"^@\w+$")  # "@janost": a social media handle, not a name
_QUOTES: Final = "\"'“”„«»"
URL_SCHEMES: Final = ("http", "https")
PLACEHOLDER_NAMES: Final = frozenset({"null", "none", "undefined", "nan", "n/a", "-"})


def _unescape_entity(match: re.Match[str]) -> str:
    return _decoded_entity(match.group(0))


@remembered  # a text repeats the same few entities (an escaped articleBody, thousands)
def _decoded_entity(entity: str) -> str:
    return html.unescape(entity)


def unescape(text: str) -> str:
    """``text`` with HTML entities decoded, repeatedly for double-escaped values."""
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if "&" not in text:
            break
        decoded = _ENTITY.sub(_unescape_entity, text)
        if decoded == text:
            break
        text = decoded
    return text


def clean_text(value: Any) -> str | None:
    """One line of text as a reader sees it: entities decoded, tags dropped (scripts and
    styles with their code), invisible characters dropped (``document.visible``), whitespace
    collapsed; None if empty."""
    if not isinstance(value, str):
        return None
    text = " ".join(visible(_without_markup(unescape(value))).split())
    return text or None


def _without_markup(text: str) -> str:
    """``text`` without HTML tags, and without the code inside script and style elements."""
    if "<" not in text:
        return text
    return _TAG.sub(" ", _CODE_ELEMENT.sub(" ", text))


def clean_body(value: Any) -> str | None:
    """Article text keeping its paragraphs: runs of spaces collapsed, blank lines kept single."""
    if not isinstance(value, str):
        return None
    text = unescape(value).replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _TAG.sub(" ", text)
    # Line by line rather than with patterns over the whole text: a pattern for "a blank
    # line among spaces" backtracks over every run of indentation, quadratic in its length.
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        words = line.split()
        if words:
            lines.append(" ".join(words))
        elif lines:
            paragraphs.append("\n".join(lines))
            lines = []
    if lines:
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) or None


def looks_like_url(text: str) -> bool:
    """Whether ``text`` is a web address (or a site path) rather than a name."""
    lowered = text.strip().lower()
    return lowered.startswith(("http://", "https://", "/", "www.")) or bool(
        _BARE_DOMAIN_PATH.match(lowered)
    )


def _with_scheme(text: str) -> str:
    """``www.x.com/a`` or ``x.com/a`` as ``https://...``; other text unchanged."""
    lowered = text.lower()
    if lowered.startswith("www.") or _BARE_DOMAIN_PATH.match(lowered):
        return "https://" + text
    return text


def absolute_url(doc: Document, value: Any) -> str | None:
    """``value`` as an absolute http(s) URL, or None when it is not one."""
    if not isinstance(value, str):
        return None
    href = unescape(value).strip()
    if not href or any(c.isspace() for c in href):
        return None
    if href.startswith("//") and not doc.url:
        href = "https:" + href
    url = doc.absolute(href)
    if not url:
        return None
    parts = split_address(url)
    if parts is None or parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
        return None
    return url


def to_int(value: Any) -> int | None:
    """A positive pixel size from ``1200``, ``"1200"``, ``"1200px"`` or ``1200.0``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value > 0 else None
    if isinstance(value, str):
        match = _LEADING_INT.match(value)
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
    return None


def make_author(
    doc: Document, name: Any, url: Any = None, kind: str | None = None
) -> AuthorCandidate | None:
    """An author from a raw name and link; a name that is a URL only counts as the link."""
    text = clean_text(name)
    link = absolute_url(doc, url)
    if text and looks_like_url(text):
        link = link or absolute_url(doc, _with_scheme(text))
        text = None
    if text and len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()  # "'Jan Ost'": quotes left over from a template
    if text and (
        text.lower() in PLACEHOLDER_NAMES
        or _HANDLE.match(text)
        or not any(c.isalpha() for c in text)  # "|", "1"
    ):
        text = None
    if not text and not link:
        return None
    return AuthorCandidate(name=text or "", url=link, kind=kind)


T = TypeVar("T")
U = TypeVar("U")
V = TypeVar("V", covariant=True)


@mypyc_attr(native_class=False)  # (mypyc 1.19 cannot build a generic native dataclass)
@dataclass(slots=True)
class Stated(Generic[V]):
    """A value, and how the markup states it: the kind of markup and the name it gives the
    value (``Evidence.how`` and ``Evidence.key``).

    Read, never changed (not frozen: built for every field a page states, and a frozen
    dataclass is four times slower to build).
    """

    value: V
    how: Markup
    key: str | None


def stated(value: T | None, how: Markup, key: str | None) -> Stated[T] | None:
    """``value`` as ``how`` states it under ``key``; None when it is None or empty (so that
    ``stated(a, ...) or stated(b, ...)`` falls back as ``a or b`` does)."""
    if value is None or value == [] or value == "":
        return None
    return Stated(value, how, key)


def mapped(found: Stated[T] | None, convert: Callable[[T], U | None]) -> Stated[U] | None:
    """The value ``convert`` makes of a stated one, stated the same way; None when empty."""
    return stated(convert(found.value), found.how, found.key) if found is not None else None


def authors(doc: Document, names: list[str]) -> list[AuthorCandidate]:
    """The authors a list of names gives (see ``make_author``), without repeats."""
    return unique(make_author(doc, name) for name in names)


def surname_first_authors(doc: Document, names: list[str]) -> list[AuthorCandidate]:
    """``authors`` of names that catalogues and citations write surname first ("Harm,
    Robert"), each in reading order (``byline.authors.inverted_name``)."""
    return authors(doc, [inverted_name(name) for name in names])


def emit(source: Source, values: dict[Field, Stated[CandidateValue] | None]) -> list[AnyCandidate]:
    """Candidates for every field with a value, with how the markup states it."""
    return [
        Candidate(name, found.value, source, Evidence.stated(found.how, found.key))
        for name, found in values.items()
        if found is not None
    ]


def unique(items: Iterable[Any]) -> list[Any]:
    """``items`` without None/empty values and without repeats, order kept."""
    seen: set[Any] = set()
    out = []
    for item in items:
        if item is None or item == "" or item in seen:
            continue
        seen.add(item)
        out.append(item)
    return out


# --- the page's <meta> tags, indexed once --------------------------------------------------


@dataclass(slots=True)
class MetaTags:
    """Every ``<meta>`` with content: ``(key, content)`` in page order, and content by key.

    Keys are the lower-cased ``name``, ``property`` and ``http-equiv`` attributes
    (a tag with two of them is listed under both). Contents are raw strings.
    """

    pairs: list[tuple[str, str]] = field(default_factory=list)
    by_key: dict[str, list[str]] = field(default_factory=dict)

    def all(self, *keys: str) -> Stated[list[str]] | None:
        """Cleaned, de-duplicated contents of every tag with one of ``keys``, by key order,
        stated under the first key that has one; None when none has."""
        texts: list[str] = []
        seen: set[str] = set()
        first = None
        for key in keys:
            for value in self.by_key.get(key, ()):
                text = clean_text(value)
                if text and text not in seen:
                    seen.add(text)
                    texts.append(text)
                    first = first or key
        return Stated(texts, Markup.META_TAG, first) if texts else None

    def first(self, *keys: str) -> Stated[str] | None:
        """The first cleaned, non-empty content among ``keys``, tried in order, with its key."""
        for key in keys:
            for value in self.by_key.get(key, ()):
                text = clean_text(value)
                if text:
                    return Stated(text, Markup.META_TAG, key)
        return None


_META_MEMO_KEY: Final = "meta tags"
_META_KEY_ATTRIBUTES: Final = ("name", "property", "http-equiv")


def meta_tags(doc: Document) -> MetaTags:
    """The page's meta tags, computed once per parsed page (kept in ``doc.memo``)."""
    cached: MetaTags | None = doc.memo.get(_META_MEMO_KEY)
    if cached is not None:
        return cached
    tags = doc.memo[_META_MEMO_KEY] = MetaTags()
    for element in page_of(doc).metas:
        content = element.get("content")
        if content is None:
            continue
        keys: list[str] = []
        for attribute in _META_KEY_ATTRIBUTES:
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in keys:
                keys.append(key)
                tags.pairs.append((key, content))
                tags.by_key.setdefault(key, []).append(content)
    return tags


# --- lenient JSON ----------------------------------------------------------------------------

MAX_JSON_CHARS: Final = 2_000_000
"""Longer JSON (a JSON-LD block, a meta tag's value) is not read: no article's metadata is
this long (the dev corpus's longest block is 18,000 characters), and reading it would cost
memory many times its size (the repair pass copies it character by character)."""

_WRAPPER_START: Final = re.compile(r"^\s*(?:(?://|/\*)\s*)?(?:<!\[CDATA\[|<!--)\s*(?:\*/)?")
_WRAPPER_END: Final = re.compile(r"(?:(?://|/\*)\s*)?(?:\]\]>|-->)\s*(?:\*/)?\s*$")
_DECODER: Final = json.JSONDecoder(strict=False)  # strict=False: raw control characters in strings
_BETWEEN_VALUES: Final = " \t\r\n,;"
_STRING_END_FOLLOWERS: Final = ",:}]"
_BARE_WORD_END: Final = ",:}]\n"
_JSON_LITERALS: Final = {"true", "false", "null", "NaN", "Infinity"}
_VALID_ESCAPES: Final = set('"\\/bfnrtu')


def lenient_json(text: Any) -> list[Any]:
    """Every JSON value in ``text``, tolerating what real pages get wrong; [] if hopeless
    or longer than ``MAX_JSON_CHARS``.

    Handles CDATA/comment wrappers, a trailing ``;``, several values one after the
    other, raw newlines in strings, and (after a repair pass) trailing commas,
    single-quoted strings, unquoted words, unescaped quotes and HTML-escaped JSON.
    """
    if not isinstance(text, str) or len(text) > MAX_JSON_CHARS:
        return []
    text = _WRAPPER_START.sub("", text)
    # A wrapper's end ("]]>", "-->", "*/") closes the text. Its regex tries every position
    # of the text (slower than decoding the JSON): it runs only on texts that end so.
    if text.rstrip().endswith((">", "/")):
        text = _WRAPPER_END.sub("", text)
    text = text.strip()
    if not text:
        return []
    values, complete = _decode_all(text)
    if complete:
        return values
    if "&quot;" in text or "&#34;" in text:
        text = unescape(text)
    repaired, complete = _decode_all(_repair_json(text))
    return repaired if len(repaired) >= len(values) else values


def _decode_all(text: str) -> tuple[list[Any], bool]:
    """The values decoded one after the other, and whether the whole text was read."""
    values: list[Any] = []
    position, end = 0, len(text)
    while True:
        while position < end and text[position] in _BETWEEN_VALUES:
            position += 1
        if position >= end:
            return values, True
        try:
            value, position = _DECODER.raw_decode(text, position)
        except (ValueError, RecursionError):
            return values, False
        values.append(value)


def _repair_json(text: str) -> str:
    """``text`` rewritten into valid JSON where the breakage is a common one."""
    out: list[str] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char in "\"'":
            i = _copy_string(text, i, out)
            continue
        if char == ",":
            following = _next_visible(text, i + 1)
            if following is not None and text[following] in "}]":
                i += 1  # trailing comma
                continue
        elif char.isalpha() or char == "_" or char == "@":
            i = _copy_bare_word(text, i, out)
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _next_visible(text: str, start: int) -> int | None:
    for index in range(start, len(text)):
        if not text[index].isspace():
            return index
    return None


def _copy_string(text: str, start: int, out: list[str]) -> int:
    """Copy the string opening at ``start`` as a valid JSON string; return the index after it.

    A quote closes the string only when what follows can follow a string
    (``,`` ``:`` ``}`` ``]`` or the end); other quotes are taken as part of the text.
    """
    quote = text[start]
    out.append('"')
    i, end = start + 1, len(text)
    while i < end:
        char = text[i]
        if char == "\\" and i + 1 < end:
            following = text[i + 1]
            if following in _VALID_ESCAPES:
                out.append(char + following)
            elif following == "'":
                out.append("'")
            else:
                out.append("\\\\" + following)
            i += 2
            continue
        if char == quote:
            after = _next_visible(text, i + 1)
            if after is None or text[after] in _STRING_END_FOLLOWERS:
                out.append('"')
                return i + 1
        out.append('\\"' if char == '"' else char)
        i += 1
    out.append('"')
    return end


def _copy_bare_word(text: str, start: int, out: list[str]) -> int:
    """Copy an unquoted key or value, quoting it unless it is a JSON literal."""
    i = start
    while i < len(text) and text[i] not in _BARE_WORD_END:
        i += 1
    word = text[start:i].strip()
    out.append(word if word in _JSON_LITERALS else json.dumps(word, ensure_ascii=False))
    trailing = text[start:i][len(text[start:i].rstrip()) :]
    out.append(trailing)
    return i
