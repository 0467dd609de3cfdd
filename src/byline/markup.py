"""The markup's shapes that would make parsing superlinear, bounded before lxml sees a page.

libxml2 (2.14) adds each attribute of an element by walking the element's attributes so
far: parsing one element with k distinct attributes costs k² steps (20,000 attributes
0.8 s, 200,000 over a minute), whatever the time limit of the caller. ``bounded`` cuts
every start tag to its first ``MAX_ATTRIBUTES`` attributes, which bounds the parse of any
page to its size times a constant (no real page comes near: the dev corpus's most is 38).
It also reads a page only up to its ``MAX_TAGS``-th tag, which bounds its memory.

The cut needs to know where tags are, so the page is read once with one regular
expression, as libxml2's HTML5 tokenizer reads it: text, comments, the raw text of
``script``, ``style`` and the like (where ``<a b c`` is no tag), and tags whose quoted
values may hold ``>``. All its quantifiers are possessive: a single pass, each character
read once, however hostile the page.
"""

from __future__ import annotations

import re
from typing import Final

MAX_ATTRIBUTES: Final = 256
"""Attributes kept per start tag; past this, a tag's further attributes are dropped."""

MAX_TAGS: Final = 500_000
"""Markup read per page: a page is cut before its 500,001st ``<``. Each element costs up to
a kilobyte on its way through byline (libxml2's node, main text's tokens and blocks): this
keeps any page under the size cap under a gigabyte (the dev corpus's most is 19,600 ``<``)."""

_SPACE: Final = "\t\n\f\r "
"""HTML's white space (not Python's ``\\s``, which holds more)."""

_ATTRIBUTE: Final = (
    # a name: its first character may be anything but a separator (even '=' or a quote)
    rf"[^{_SPACE}/>][^{_SPACE}/>=]*+"
    # a value: quoted (may hold '>', runs to the end of the page if never closed) or bare
    rf"""(?:[{_SPACE}]*+=[{_SPACE}]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^{_SPACE}>]*+))?+"""
)
_ATTRIBUTES: Final = rf"(?:[{_SPACE}/]*+{_ATTRIBUTE})"
_KEPT: Final = rf"{_ATTRIBUTES}{{0,{MAX_ATTRIBUTES}}}+[{_SPACE}/]*+"
_TAG_NAME: Final = rf"[a-zA-Z][^{_SPACE}/>]*+"
_RAW_TEXT: Final = "script|style|textarea|title|xmp|iframe|noembed|noframes"
"""Elements whose content is text up to their end tag (libxml2's raw text and RCDATA)."""

_TOKENS_WITHIN_BOUNDS: Final = re.compile(
    rf"""(?:[^<]++|<(?:"""
    # an end tag: its attributes are read and dropped, in linear time
    rf"""/(?:{_TAG_NAME}{_ATTRIBUTES}*+[{_SPACE}/]*+>?|[^>]*+>?)"""
    # a raw text element's start tag, then its text up to its end tag
    rf"""|(?=(?:{_RAW_TEXT})[{_SPACE}/>])(?P<raw>[a-z]++){_KEPT}>"""
    rf"""(?:[^<]++|<(?!/(?P=raw)(?:[{_SPACE}/>]|\Z)))*+"""
    # any other start tag with no more attributes than kept
    rf"""|{_TAG_NAME}{_KEPT}(?:>|\Z)"""
    # comments, doctypes, processing instructions, a '<' that opens nothing
    rf"""|!--(?:-?>|.*?--!?>|.*\Z)|[!?][^>]*+>?|(?![a-zA-Z])))*+""",
    re.IGNORECASE | re.DOTALL,
)
"""The page's tokens from a position on, up to the first start tag with too many attributes."""

_FLOODED_TAG: Final = re.compile(rf"<{_TAG_NAME}{_ATTRIBUTES}{{{MAX_ATTRIBUTES + 1}}}", re.DOTALL)
"""A place that reads as a start tag with too many attributes, wherever it is: every tag the
tokens stop at is one, and so are a few runs of words after a '<' in scripts (22 of the 790
dev pages). Only pages that have one are read token by token: the guard then costs 0.30 ms
per dev page instead of 0.49 (process time, best of seven passes over the 790 pages)."""

_FIRST_TAGS: Final = re.compile(rf"(?:[^<]*+<){{{MAX_TAGS}}}[^<]*+")
"""A page up to its ``MAX_TAGS``-th ``<`` and the text after it."""

_KEPT_PART: Final = re.compile(rf"<{_TAG_NAME}{_ATTRIBUTES}{{{MAX_ATTRIBUTES}}}+")
_DROPPED_PART: Final = re.compile(rf"{_ATTRIBUTES}*+")


def bounded(text: str) -> str:
    """``text`` up to its ``MAX_TAGS``-th tag, every start tag cut to its first
    ``MAX_ATTRIBUTES`` attributes.

    A page within both bounds is returned as it is (the same object).
    """
    if len(text) > MAX_TAGS and text.count("<") > MAX_TAGS:
        first = _FIRST_TAGS.match(text)
        text = text[: first.end()] if first else text
    if not _FLOODED_TAG.search(text):
        return text
    end = _end_of_bounded_tokens(text, 0)
    if end == len(text):
        return text
    pieces: list[str] = []
    start = 0
    while end < len(text):
        kept = _KEPT_PART.match(text, end)
        dropped = _DROPPED_PART.match(text, kept.end()) if kept else None
        if kept is None or dropped is None:  # cannot happen: the tokens stopped at such a tag
            break
        pieces.append(text[start : kept.end()])
        start = dropped.end()
        end = _end_of_bounded_tokens(text, start)
    pieces.append(text[start:])
    return "".join(pieces)


def _end_of_bounded_tokens(text: str, start: int) -> int:
    match = _TOKENS_WITHIN_BOUNDS.match(text, start)
    return match.end() if match else start
