"""Hostile pages: any page under the size cap is read in bounded time and memory.

Each case runs in a child process (a runaway parse fails its own test, never the run), on
pages built here: shapes that made the parse quadratic or the memory many times the page.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_bounded

import byline
from byline.document import parse
from byline.markup import MAX_ATTRIBUTES, bounded

TESTS = Path(__file__).resolve().parent

FLOOD_SECONDS = 20.0
"""A page whose one element has 200,000 attributes: over 60 s before the cap, 0.1 s after."""

FLOOD_ATTRIBUTES = 200_000

TITLE = "Harbour Board Approves the Winter Timetable"
PARAGRAPHS = [
    "The harbour board approved the winter ferry timetable on Monday after a long debate "
    "about the early morning crossings that commuters rely on.",
    "Members agreed to keep the six o'clock sailing and to add a late return on Fridays "
    "during the school holidays, the board's chair said after the vote.",
]


def news_page(inside: str = "") -> str:
    """A plain news page, ``inside`` placed between its headline and its paragraphs."""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{TITLE}</title>"
        f"</head><body><article><h1>{TITLE}</h1>{inside}{paragraphs}</article></body></html>"
    )


def attributes(count: int, value: str = "x") -> str:
    """``count`` distinct attributes (libxml2 is quadratic in distinct names only)."""
    return " ".join(f"data-a{index}={value}" for index in range(count))


def record_or_refusal(read: Callable[[], byline.Article], seconds: float) -> byline.Article | None:
    """What ``read`` gives within ``seconds`` in a child: a record, or None for a clear refusal."""
    try:
        return run_bounded(read, seconds)
    except byline.ExtractionError as error:
        assert len(str(error).split()) >= 2
        return None


# --- many attributes on one element ------------------------------------------------------

FLOODS = {
    "bare-values": attributes(FLOOD_ATTRIBUTES),
    # a quoted '>' does not end a tag: a scan that looked for the next '>' would miss these
    "quoted-greater-than": attributes(FLOOD_ATTRIBUTES, '">"'),
    "names-only": attributes(FLOOD_ATTRIBUTES, "").replace("=", ""),
}


@pytest.mark.parametrize("flood", FLOODS.values(), ids=FLOODS.keys())
@pytest.mark.parametrize("read", [byline.extract, byline.inspect], ids=["extract", "inspect"])
def test_an_element_with_200000_attributes_is_read_in_bounded_time(
    flood: str, read: Callable[[bytes], byline.Article | byline.Inspection]
) -> None:
    page = news_page(f"<div {flood}>Photo: harbour board</div>").encode("utf-8")

    def article() -> byline.Article:
        outcome = read(page)
        return outcome.article if isinstance(outcome, byline.Inspection) else outcome

    found = record_or_refusal(article, FLOOD_SECONDS)
    assert found is not None
    assert found.title == TITLE
    assert all(paragraph in (found.body or "") for paragraph in PARAGRAPHS)


def test_a_flooded_element_keeps_its_first_attributes_and_the_rest_of_the_page() -> None:
    page = news_page(f'<div id="photo" {attributes(1_000)} class="last">caption</div>')

    def kept() -> tuple[list[str], str]:
        root = parse(page).root
        photo = root.xpath("//div[@id='photo']")[0]
        return list(photo.attrib), "".join(root.xpath("//p//text()"))

    names, text = run_bounded(kept, FLOOD_SECONDS)
    assert names == ["id"] + [f"data-a{index}" for index in range(MAX_ATTRIBUTES - 1)]
    assert text == "".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "markup",
    [
        news_page(),
        news_page(f"<script>if (a<b {attributes(1_000)}) {{}}</script>"),  # no tag in a script
        news_page(f"<!-- <div {attributes(1_000)}> -->"),  # nor in a comment
        news_page(f"<textarea><div {attributes(1_000)}></textarea>"),
    ],
    ids=["plain", "script", "comment", "textarea"],
)
def test_markup_without_a_flooded_tag_is_left_as_it_is(markup: str) -> None:
    assert bounded(markup) is markup


def test_every_flooded_tag_is_cut_and_only_those() -> None:
    markup = f"<p {attributes(300)}>one</p><p class=a>two</p><b {attributes(300)}>three</b>"
    cut = bounded(markup)
    assert cut == (
        f"<p {attributes(MAX_ATTRIBUTES)}>one</p><p class=a>two</p>"
        f"<b {attributes(MAX_ATTRIBUTES)}>three</b>"
    )


# --- memory ------------------------------------------------------------------------------

MEMORY_SECONDS = 120.0
MAX_PEAK_BYTES = 2**30
"""No page under the size cap may take a worker past 1 GB..."""
MAX_PEAK_PER_PAGE_BYTE = 8
"""...nor more than 8 times its own size."""

_MEASURED_CHILD = """
import sys
import byline
from test_hostile_pages import MEMORY_PAGES

def vm(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith(field))

before = vm("VmRSS:")
page = MEMORY_PAGES[sys.argv[1]]()
try:
    outcome = repr(byline.extract(page).title)
except byline.ExtractionError as error:
    outcome = "refused: " + str(error)
print(len(page), before, vm("VmHWM:"), outcome)
"""


def json_ld_page(megabytes: int, *, broken: bool) -> bytes:
    """The news page with a JSON-LD block of ``megabytes``: an article with a huge body,
    cut before its end when ``broken`` (the lenient reader then repairs it)."""
    words = "harbour board timetable " * (megabytes * 2**20 // 24)
    block = f'{{"@type": "NewsArticle", "headline": "{TITLE}", "articleBody": "{words}'
    block += "" if broken else '"}'
    return news_page(f'<script type="application/ld+json">{block}</script>').encode()


def one_paragraph_page(megabytes: int) -> bytes:
    """The news page with one more paragraph of ``megabytes``, a single text node."""
    sentence = "The ferry left the harbour on time. "
    return news_page(f"<p>{sentence * (megabytes * 2**20 // len(sentence))}</p>").encode()


MEMORY_PAGES: dict[str, Callable[[], bytes]] = {
    "broken-json-ld-28mb": lambda: json_ld_page(28, broken=True),
    "valid-json-ld-30mb": lambda: json_ld_page(30, broken=False),
    "one-paragraph-30mb": lambda: one_paragraph_page(30),
    # after the article: the page is read up to byline.markup.MAX_TAGS, the article whole
    "two-million-elements": lambda: (
        news_page().replace("</article>", "</article>" + "<b>x</b>" * 2_000_000).encode()
    ),
}
"""Pages built in the measured child (no big file stored, nothing big copied to it)."""

DENSE_PAGES = {"two-million-elements"}
"""Pages of tiny elements: libxml2's tree alone takes about 40 times ``<b>x</b>``, so only
the gigabyte bound holds for them (``byline.markup.MAX_TAGS`` keeps it)."""


def peak_memory(name: str) -> tuple[int, int, int]:
    """The page's size, and the growth and peak of a child's memory extracting it."""
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURED_CHILD, name],
        capture_output=True,
        text=True,
        timeout=MEMORY_SECONDS,
        cwd=TESTS,
        check=True,
    )
    size, before, peak, outcome = measured.stdout.split(maxsplit=3)
    assert outcome.strip() == repr(TITLE)
    return int(size), int(peak) - int(before), int(peak)


@pytest.mark.parametrize("name", sorted(set(MEMORY_PAGES) - DENSE_PAGES))
def test_peak_memory_stays_within_eight_times_the_page_and_a_gigabyte(name: str) -> None:
    size, growth, peak = peak_memory(name)
    assert peak < MAX_PEAK_BYTES
    assert growth < MAX_PEAK_PER_PAGE_BYTE * size


@pytest.mark.parametrize("name", sorted(DENSE_PAGES))
def test_a_page_of_millions_of_elements_stays_within_a_gigabyte(name: str) -> None:
    _, _, peak = peak_memory(name)
    assert peak < MAX_PEAK_BYTES
