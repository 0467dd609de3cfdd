"""Time per page by page size: where a tool's speed figure comes from.

A mean over a page set is dominated by its large pages, and a ratio between two
tools can hold on small pages and not on large ones (or the reverse). The pages
are split into quartiles of their raw size in bytes, over the page set; each
tool's milliseconds per page and its speed relative to the reference tool are
given per quartile beside the whole set's.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

QUARTILES: Final = 4
REFERENCE: Final = "trafilatura"
"""Speed is given relative to this tool, as in the benchmark's overall table."""
KILOBYTE: Final = 1024


def quartile_bounds(sizes: Sequence[int]) -> list[float]:
    """The three sizes (bytes) that split the page set into quartiles."""
    if len(sizes) < 2:  # statistics.quantiles needs two points
        return [float(sizes[0]) if sizes else 0.0] * (QUARTILES - 1)
    return statistics.quantiles(sizes, n=QUARTILES, method="inclusive")


def quartiles(sizes: Sequence[int]) -> list[int]:
    """Each page's quartile (0 for the smallest pages); a page the size of a bound goes
    below it."""
    bounds = quartile_bounds(sizes)
    return [bisect_left(bounds, size) for size in sizes]


def mean_by_quartile(sizes: Sequence[int], milliseconds: Sequence[float]) -> list[float | None]:
    """Mean milliseconds per page in each quartile (None for an empty one)."""
    groups: list[list[float]] = [[] for _ in range(QUARTILES)]
    for quartile, spent in zip(quartiles(sizes), milliseconds, strict=True):
        groups[quartile].append(spent)
    return [statistics.fmean(group) if group else None for group in groups]


def size_table(
    sizes: Sequence[int],
    milliseconds: dict[str, list[float]],
    label: str = "tool",
    decimals: int = 1,
) -> list[str]:
    """Markdown rows: per tool (or other ``label``), ms/page (to ``decimals``) and speed vs
    the reference, overall and by quartile."""
    names = sorted(milliseconds, key=lambda name: statistics.fmean(milliseconds[name] or [0.0]))
    columns = {name: _columns(sizes, milliseconds[name]) for name in names}
    reference = columns.get(REFERENCE)
    lines = [
        f"| {label} | all pages | " + " | ".join(_quartile_labels(sizes)) + " |",
        "| --- |" + " --- |" * (QUARTILES + 1),
    ]
    for name in names:
        cells = [
            _cell(spent, reference[i] if reference else None, decimals)
            for i, spent in enumerate(columns[name])
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _columns(sizes: Sequence[int], milliseconds: Sequence[float]) -> list[float | None]:
    overall = statistics.fmean(milliseconds) if milliseconds else None
    return [overall, *mean_by_quartile(sizes, milliseconds)]


def _quartile_labels(sizes: Sequence[int]) -> list[str]:
    """Column heads: each quartile's range of page sizes."""
    edges = [min(sizes, default=0), *quartile_bounds(sizes), max(sizes, default=0)]
    kb = [edge / KILOBYTE for edge in edges]
    return [f"Q{i + 1}: {kb[i]:.0f}–{kb[i + 1]:.0f} KB" for i in range(QUARTILES)]


def _cell(spent: float | None, reference: float | None, decimals: int) -> str:
    """``ms (ratio)``: the ratio is the reference's ms/page over this tool's."""
    if spent is None:
        return "-"
    if reference is None or not spent:
        return f"{spent:.{decimals}f}"
    return f"{spent:.{decimals}f} ({reference / spent:.2f}x)"
