"""The benchmark's time by page size, its rotation of tools and its sealed-set guard."""

from __future__ import annotations

from pathlib import Path

from bench.__main__ import _is_within, _rotation
from bench.corpus import SEALED, html_pages
from bench.sizes import mean_by_quartile, quartile_bounds, quartiles, size_table

SIZES = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]


def test_quartiles_hold_a_quarter_of_the_pages_each() -> None:
    assert quartiles(SIZES) == [0, 0, 1, 1, 2, 2, 3, 3]
    assert quartiles(list(reversed(SIZES))) == [3, 3, 2, 2, 1, 1, 0, 0]


def test_a_page_the_size_of_a_bound_goes_below_it() -> None:
    sizes = [10, 20, 30, 40, 50]
    assert quartile_bounds(sizes) == [20.0, 30.0, 40.0]
    assert quartiles(sizes) == [0, 0, 1, 2, 3]


def test_mean_by_quartile_follows_page_size_not_page_order() -> None:
    milliseconds = [1.0, 3.0, 10.0, 20.0, 100.0, 200.0, 1000.0, 3000.0]
    assert mean_by_quartile(SIZES, milliseconds) == [2.0, 15.0, 150.0, 2000.0]


def test_size_table_gives_each_quartiles_ratio_to_the_reference() -> None:
    table = size_table(
        SIZES,
        {
            "trafilatura": [4.0, 4.0, 8.0, 8.0, 12.0, 12.0, 40.0, 40.0],
            "byline": [1.0, 1.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0],
        },
    )
    assert table[0] == ("| tool | all pages | Q1: 1–3 KB | Q2: 3–4 KB | Q3: 4–6 KB | Q4: 6–8 KB |")
    assert table[2] == (
        "| byline | 3.2 (4.92x) | 1.0 (4.00x) | 4.0 (2.00x) | 4.0 (3.00x) | 4.0 (10.00x) |"
    )
    assert table[3].startswith("| trafilatura | 16.0 (1.00x) | 4.0 (1.00x) |")


def test_size_table_without_the_reference_gives_times_alone() -> None:
    table = size_table(SIZES, {"byline": [1.0] * len(SIZES)})
    assert table[2] == "| byline | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 |"


def test_every_tool_leads_in_turn() -> None:
    names = ["a", "b", "c"]
    assert [_rotation(names, i)[0] for i in range(4)] == ["a", "b", "c", "a"]
    assert _rotation(names, 1) == ["b", "c", "a"]


def test_the_sealed_set_is_refused_by_its_path_alone() -> None:
    assert _is_within(SEALED, SEALED)
    assert _is_within(SEALED / "html", SEALED)
    assert _is_within(SEALED.parent / "corpus" / ".." / "blind", SEALED)
    assert not _is_within(SEALED.parent / "blind-copy", SEALED)
    assert not _is_within(SEALED.parent / "corpus", SEALED)


def test_html_pages_are_the_html_files_by_name(tmp_path: Path) -> None:
    for name in ("b.html", "a.html", "notes.txt"):
        (tmp_path / name).write_text("<p>x</p>")
    found = list(html_pages(tmp_path))
    assert [page.path.name for page in found] == ["a.html", "b.html"]
    assert found[0].url == (tmp_path / "a.html").as_uri()
    assert found[0].annotation == {}
