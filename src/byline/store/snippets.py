"""Search snippets: the matches of a query in a record's text, as escaped HTML.

FTS5's ``snippet()`` wraps matches in two control characters; they are removed
from indexed text at ingest (``without_markers``), so a page cannot forge a
highlight, and become ``<mark>`` only after the text around them is escaped.
"""

from __future__ import annotations

import html
import re
import sqlite3

SNIPPET_TOKENS = 24
PLAIN_SNIPPET_CHARS = 200
"""Length of the snippet shown without a query: the start of the description or body."""
ELLIPSIS = "…"
SNIPPET_BATCH = 500
"""Docs per snippet statement: far below SQLite's limit on a statement's parameters."""

_OPEN, _CLOSE = "\x02", "\x03"
_MARKERS = str.maketrans("", "", _OPEN + _CLOSE)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_markers(text: str) -> str:
    """``text`` without the characters snippets mark matches with."""
    return text.translate(_MARKERS)


def matches_snippets(conn: sqlite3.Connection, docs: list[int], match: str) -> dict[int, str]:
    """The matches of the FTS5 query ``match`` in the body, else in the description, of each
    of ``docs`` that has one, as HTML (see ``Hit.snippet``).

    One statement for all of them: the index reads each term of ``match`` once, over the
    range of ``docs`` ("+" keeps the list a test on each match, not a lookup per doc, which
    would read every term again for each).
    """
    snippets: dict[int, str] = {}
    for start in range(0, len(docs), SNIPPET_BATCH):
        snippets.update(_batch_snippets(conn, docs[start : start + SNIPPET_BATCH], match))
    return snippets


def _batch_snippets(conn: sqlite3.Connection, docs: list[int], match: str) -> dict[int, str]:
    listed = ", ".join("?" * len(docs))
    found = conn.execute(
        f"SELECT rowid, snippet(articles_fts, 2, ?, ?, ?, {SNIPPET_TOKENS}),"
        f" snippet(articles_fts, 1, ?, ?, ?, {SNIPPET_TOKENS}) FROM articles_fts"
        f" WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({listed})",
        (_OPEN, _CLOSE, ELLIPSIS, _OPEN, _CLOSE, ELLIPSIS, match, min(docs), max(docs), *docs),
    )
    snippets: dict[int, str] = {}
    for doc, body, description in found:
        text = next((text for text in (body, description) if text and _OPEN in text), None)
        if text:
            snippets[doc] = _snippet_html(text)
    return snippets


def plain_snippet(text: str) -> str:
    """The start of ``text`` (a description or body) as escaped HTML: the snippet of a
    record found without a query."""
    text = _flat(text).strip()
    if len(text) > PLAIN_SNIPPET_CHARS:
        text = text[:PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + " " + ELLIPSIS
    return html.escape(text)


def _snippet_html(text: str) -> str:
    """An FTS5 snippet (matches between the marker characters) as escaped HTML with <mark>."""
    parts = re.split(f"([{_OPEN}{_CLOSE}])", text)
    return "".join(
        "<mark>" if part == _OPEN else "</mark>" if part == _CLOSE else html.escape(_flat(part))
        for part in parts
    )


def _flat(text: str) -> str:
    """``text`` on one line, without control characters (a snippet spans paragraphs)."""
    return re.sub(r"\s+", " ", CONTROL_CHARACTERS.sub("", text))
