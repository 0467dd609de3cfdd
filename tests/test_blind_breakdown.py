"""``scripts/blind_breakdown.py``: the causes it gives a miss, on pages written here."""

from __future__ import annotations

import runpy
from datetime import date
from pathlib import Path
from typing import Any

import byline
from byline.extract import candidates

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "blind_breakdown.py"
BREAKDOWN: dict[str, Any] = runpy.run_path(str(SCRIPT), run_name="breakdown")

PROSE = "The council met on the bridge and decided, after a long debate, to fund its repairs. "
PAGE = (
    "<html><head><title>Bridge repairs funded</title>"
    '<meta name="DC.creator" content="Jane Doe">'
    '<meta property="article:published_time" content="2021-03-05T10:00:00+01:00">'
    '<meta property="article:modified_time" content="2021-03-06T10:00:00+01:00">'
    "</head><body><article><h1>Bridge repairs funded</h1>"
    f"<p>{PROSE * 3}</p><p>{PROSE * 3}</p>"
    '<div class="related"><p>Ferry timetables change in the spring season again.</p></div>'
    "</article></body></html>"
)


def _tokens(text: str) -> list[str]:
    return text.casefold().replace(".", " ").replace(",", " ").split()


def _names(text: str) -> list[str]:
    return sorted(part.strip() for part in text.casefold().split(",") if part.strip())


def test_reference_text_in_a_dropped_box_is_charged_to_its_rule() -> None:
    inspection = byline.inspect(PAGE)
    reference = inspection.article.body + " Ferry timetables change in the spring season again."
    lost, extra = BREAKDOWN["body_causes"](inspection.blocks, reference, _tokens)
    (key, count), *_ = lost
    assert key == ("dropped", "named like boilerplate", "p")
    assert count == len(_tokens("Ferry timetables change in the spring season again."))
    assert extra == []


def test_kept_text_the_reference_lacks_is_counted_by_kind() -> None:
    inspection = byline.inspect(PAGE)
    _, extra = BREAKDOWN["body_causes"](inspection.blocks, "Something else entirely.", _tokens)
    assert [key for key, _ in extra] == [("p",), ("p",)]


def test_an_author_among_the_candidates_is_a_choice_miss() -> None:
    article, found = byline.extract(PAGE), candidates(PAGE)
    cause = BREAKDOWN["author_cause"]
    assert cause(article, found, "Jane Doe", _names, str.strip) == ("right", "from dublin-core")
    missed = cause(article, found, "Jane Doe, Staff Writer", _names, str.strip)
    assert missed[:3] == ("missed", "not among them", "from dublin-core")
    assert missed[3] == "byline's names all in the reference's text"


def test_a_date_miss_says_how_far_and_whether_the_day_was_a_candidate() -> None:
    article, found = byline.extract(PAGE), candidates(PAGE)
    assert article.published is not None and article.published.date() == date(2021, 3, 5)
    cause = BREAKDOWN["date_cause"]
    assert cause(article, found, "2021-03-05")[0] == "right"
    assert cause(article, found, "2021-03-06")[:3] == (
        "missed",
        "a day apart",
        "reference's day among the candidates",
    )
    assert cause(article, found, "2020-01-01")[:3] == ("missed", "later", "not among them")


def _ws(text: str) -> str:
    return " ".join(text.split())


def test_a_missed_opening_is_charged_to_the_block_that_holds_it() -> None:
    inspection = byline.inspect(PAGE)
    body, blocks, cause = inspection.article.body, inspection.blocks, BREAKDOWN["opening_cause"]
    assert cause(blocks, body, PROSE.strip(), _ws) == ("found",)
    related = "Ferry timetables change in the spring season again."
    missed = cause(blocks, body, related, _ws)
    assert missed[:2] == ("missed", "dropped") and missed[-1] == ""
    running_on = cause(blocks, body, related + " And more after it.", _ws)
    assert running_on[-1] == "runs on past the block"
    assert cause(blocks, body, "Nothing of the page.", _ws) == ("missed", "in no block")
