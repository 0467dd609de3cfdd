"""What the templates show, computed in Python: links, snippets, the histogram, record rows.

Templates stay logic-light and every value that came from a page reaches them
as plain text (Jinja escapes it); the one exception is the search snippet,
rebuilt here so that ``<mark>`` is the only markup it can hold.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup, escape

from byline.store import Version, period
from byline.store.versions import changed_fields
from byline.worddiff import Piece, word_diff

FACETS = ("site", "section", "language", "author", "tag")
"""Filters with facet counts, in the order the sidebar shows them."""
DATE_FILTERS = ("since", "until")
VERSION_FILTERS = ("changed", "removed")
"""Filters on an article's versions: several of them; found gone from its site."""
FILTERS = FACETS + DATE_FILTERS + VERSION_FILTERS
PAGE_SIZE = 20
LINKED_SCHEMES = ("http", "https")

CHART_WIDTH = 600
CHART_HEIGHT = 80
MAX_BAR_WIDTH = 40
"""A few bars stay narrow instead of filling the chart."""
BAR_SHARE = 0.85
"""Of each period's share of the chart's width, the bar (the rest is the gap)."""
MAX_MONTH_BARS = 120
"""Over ten years of months, the histogram counts years instead."""
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MARK = re.compile(r"(</?mark>)")


def snippet_markup(snippet: str) -> Markup:
    """The store's snippet as safe HTML: its text re-escaped, balanced ``<mark>`` kept."""
    parts, marked = [], False
    for piece in _MARK.split(snippet):
        if piece in ("<mark>", "</mark>"):
            if (piece == "<mark>") != marked:
                parts.append(piece)
                marked = not marked
        else:
            parts.append(str(escape(html.unescape(piece))))
    if marked:
        parts.append("</mark>")
    return Markup("".join(parts))


def safe_href(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL (safe to link to), else None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in LINKED_SCHEMES and parts.netloc else None


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


@dataclass(slots=True)
class SearchState:
    """The search page's query, filters and page number, and links that change them."""

    q: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    page: int = 1

    def link(self, *, page: int = 1, **filters: str | None) -> str:
        """This search with ``filters`` changed (None removes one), at ``page``."""
        return self._changed(filters, page)

    def cleared(self) -> str:
        """This query without any filter."""
        return "/?" + urlencode({"q": self.q}) if self.q else "/"

    def without(self, name: str) -> str:
        return self._changed({name: None})

    def adding(self, name: str, value: str) -> str:
        return self._changed({name: value})

    def _changed(self, filters: dict[str, str | None], page: int = 1) -> str:
        params = {"q": self.q, **self.filters, **filters, "page": page if page > 1 else None}
        return "/?" + urlencode({k: v for k, v in params.items() if v})


@dataclass(slots=True)
class Comparison:
    """Two versions of an article side by side: what changed from ``older`` to ``newer``."""

    older: Version
    newer: Version
    changed: list[str]
    """The version fields that differ between the two."""
    title: list[Piece]
    body: list[Piece]
    """Word-level differences (each piece shown as plain, deleted or inserted text)."""


def comparison(versions: list[Version], older: int | None, newer: int | None) -> Comparison | None:
    """Versions ``older`` and ``newer`` (numbers; by default the last two) compared; None
    when there is only one version."""
    if len(versions) < 2:
        return None
    by_number = {v.number: v for v in versions}
    after = by_number.get(newer or 0, versions[-1])
    before = by_number.get(older or 0, versions[-2] if after is versions[-1] else versions[0])
    return Comparison(
        before,
        after,
        changed_fields(before.record, after.record),
        word_diff(_text(before.record.get("title")), _text(after.record.get("title"))),
        word_diff(_text(before.record.get("body")), _text(after.record.get("body"))),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(slots=True)
class Bar:
    """One bar of the histogram, in SVG user units."""

    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    since: str
    until: str


def histogram_bars(counts: list[tuple[str, int]]) -> list[Bar]:
    """Bars for ``(YYYY-MM, count)`` pairs: every month between the first and last
    (empty ones too), or every year over a long span."""
    periods = _months_filled(counts)
    if len(periods) > MAX_MONTH_BARS:
        periods = _by_year(periods)
    if not periods:
        return []
    peak = max(count for _, count in periods) or 1
    step = CHART_WIDTH / len(periods)
    width = min(step * BAR_SHARE, MAX_BAR_WIDTH)
    bars = []
    for i, (label, count) in enumerate(periods):
        x = i * step + (step - width) / 2  # centred in its share of the chart
        height = CHART_HEIGHT * count / peak
        since, until = _period_days(label)
        bars.append(Bar(label, count, x, CHART_HEIGHT - height, width, height, since, until))
    return bars


def _months_filled(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    by_month = {}
    for label, count in counts:
        match = _MONTH.match(label or "")
        if match and 1 <= int(match[2]) <= 12:
            by_month[(int(match[1]), int(match[2]))] = count
    if not by_month:
        return []
    (year, month), last = min(by_month), max(by_month)
    months = []
    while (year, month) <= last:
        months.append((f"{year:04d}-{month:02d}", by_month.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _by_year(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    years: dict[str, int] = {}
    for label, count in months:
        years[label[:4]] = years.get(label[:4], 0) + count
    return list(years.items())


def _period_days(label: str) -> tuple[str, str]:
    """First and last day of a ``YYYY-MM`` month or a ``YYYY`` year."""
    first, last = period(label)
    return first.isoformat(), last.isoformat()


@dataclass(slots=True)
class FieldRow:
    """One field of a record, with where its value came from."""

    name: str
    value: Any
    source: str | None = None
    alternatives: list[dict[str, Any]] = field(default_factory=list)


def record_rows(record: dict[str, Any]) -> list[FieldRow]:
    """Every field of ``record`` (in record order), each with its provenance."""
    provenance = record.get("provenance") or {}
    rows = []
    for name, value in record.items():
        if name == "provenance":
            continue
        origin = provenance.get(name) if isinstance(provenance, dict) else None
        origin = origin if isinstance(origin, dict) else {}
        alternatives = origin.get("alternatives")
        rows.append(
            FieldRow(
                name,
                value,
                origin.get("source"),
                [a for a in alternatives if isinstance(a, dict)]
                if isinstance(alternatives, list)
                else [],
            )
        )
    return rows


def paragraphs(body: Any) -> list[str]:
    """The body's paragraphs (separated by blank lines in the record)."""
    if not isinstance(body, str):
        return []
    return [p.strip() for p in body.split("\n\n") if p.strip()]
