"""The results of ``byline search`` as a table that fits the terminal.

Columns give way on a narrow terminal (authors first, then the snippet); page text
wraps between words, and a value too long for its column ends with an ellipsis,
so no word is ever split across lines. Page text is shown as written, never read
as markup, without terminal control codes; hosts show in Unicode.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from byline.store import SearchResult

MARK_STYLE = "bold black on yellow"
_MARK = re.compile(r"(</?mark>)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@dataclass(frozen=True, slots=True)
class _Column:
    """A column of the search table and how it gives way on a narrow terminal."""

    name: str
    min_width: int
    """Narrowest useful width; a value cut to it ends with an ellipsis."""
    share: int
    """Its part of the room left once every column has its minimum (0: none)."""
    wraps: bool
    """Text wrapped at spaces (a word too long for the column is cut, never split)."""


TABLE_COLUMNS = (
    _Column("#", 1, 0, wraps=False),
    _Column("date", len("YYYY-MM-DD"), 0, wraps=False),
    _Column("site", 12, 0, wraps=False),  # one word: as wide as the longest, room allowing
    _Column("title", 16, 3, wraps=True),
    _Column("authors", 10, 1, wraps=True),
    _Column("snippet", 24, 4, wraps=True),
)
DROPPED_FIRST = ("authors", "snippet", "site", "date")
"""The columns a terminal too narrow for every column's minimum goes without, in order."""


def table_widths(cells: dict[str, list[Text]], width: int) -> dict[str, int]:
    """The columns shown in a table ``width`` cells wide, and their widths: no column under
    its minimum, wider than its longest value (or heading) or past the terminal's edge."""
    longest = {
        name: max([len(name), *(cell.cell_len for cell in column)])
        for name, column in cells.items()
    }
    columns = list(TABLE_COLUMNS)
    for name in DROPPED_FIRST:
        if _table_width(columns, {c.name: _floor(c, longest) for c in columns}) <= width:
            break
        columns = [c for c in columns if c.name != name]
    widths = {c.name: _floor(c, longest) for c in columns}
    _share_room(columns, widths, longest, width - _table_width(columns, widths))
    return widths


def _share_room(
    columns: list[_Column], widths: dict[str, int], longest: dict[str, int], room: int
) -> None:
    """Widen the columns into ``room`` cells: the one-line ones first (a cut site name
    reads worst), then the wrapping ones by their shares; none past its longest value."""
    for column in columns:
        if not column.share:
            grown = min(longest[column.name], widths[column.name] + max(room, 0))
            room -= grown - widths[column.name]
            widths[column.name] = grown
    growing = [c for c in columns if c.share]
    while room > 0 and (growing := [c for c in growing if widths[c.name] < longest[c.name]]):
        budget, shares = room, sum(c.share for c in growing)
        for column in growing:
            grown = min(max(budget * column.share // shares, 1), room)
            grown = min(grown, longest[column.name] - widths[column.name])
            widths[column.name] += grown
            room -= grown


def _floor(column: _Column, longest: dict[str, int]) -> int:
    """A column's narrowest width: its minimum, or less when its longest value is shorter."""
    return min(max(column.min_width, len(column.name)), longest[column.name])


def _table_width(columns: list[_Column], widths: dict[str, int]) -> int:
    """Cells a boxed table takes: the columns, a space either side of each, the rules."""
    return sum(widths[c.name] + 3 for c in columns) + 1


def write_table(result: SearchResult) -> None:
    """The results as a table as wide as the terminal (``COLUMNS`` if set), on stdout."""
    width = shutil.get_terminal_size().columns
    console = _Console(width=width)
    if not result.hits:
        console.print("No results.")
        return
    heading = f"{result.total} result{'' if result.total == 1 else 's'}"
    heading += f" for {result.query!r}" if result.query else ""
    cells: dict[str, list[Text]] = {
        "#": [Text(str(rank)) for rank in range(1, len(result.hits) + 1)],
        "date": [Text((hit.published or "")[: len("YYYY-MM-DD")]) for hit in result.hits],
        "site": [_plain(site_label(hit.site)) for hit in result.hits],
        "title": [_plain(hit.title) for hit in result.hits],
        "authors": [_plain(", ".join(hit.authors)) for hit in result.hits],
        "snippet": [snippet_text(hit.snippet) for hit in result.hits],
    }
    widths = table_widths(cells, width)
    table = Table(title=Text(heading, overflow="ellipsis"), show_lines=True)
    for column in TABLE_COLUMNS:
        if column.name in widths:
            table.add_column(
                column.name,
                width=widths[column.name],
                no_wrap=not column.wraps,
                overflow="ellipsis",
            )
    for row in zip(*(cells[name] for name in widths), strict=True):
        table.add_row(*row)
    if result.total > len(result.hits):
        table.caption = Text(
            f"the first {len(result.hits)}: --limit shows more", overflow="ellipsis"
        )
    console.print(table)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A closed pipe (``| head``) is ``byline.cli.main``'s to end, with its exit code
        (rich would exit 1)."""
        self.quiet = True
        raise BrokenPipeError


def site_label(site: str | None) -> str:
    """A site as people write it: its IDNA (punycode) labels decoded; as stored when they
    do not decode (not IDNA, or not ASCII to begin with)."""
    if not site:
        return ""
    try:
        return site.encode("ascii").decode("idna")
    except UnicodeError:
        return site


def snippet_text(snippet: str) -> Text:
    """A store snippet (escaped HTML with ``<mark>``) as terminal text, matches highlighted."""
    text, marked = Text(), False
    for part in _MARK.split(snippet):
        if part in ("<mark>", "</mark>"):
            marked = part == "<mark>"
        else:
            text.append(_CONTROL.sub(" ", html.unescape(part)), style=MARK_STYLE if marked else "")
    return text


def _plain(value: str | None) -> Text:
    """Page text as a table cell: never read as rich markup, no terminal control codes."""
    return Text(_CONTROL.sub(" ", value or ""))
