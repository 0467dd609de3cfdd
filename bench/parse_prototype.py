"""What a lexbor parse (selectolax) or compact node arrays would give byline:
``python -m bench.parse_prototype``.

A measurement, not a feature: selectolax is not a dependency of byline (install it
beside the benchmark's peers to run this). On every page of the corpus, in one
process, the measures below run interleaved (their order rotates from page to page),
in several passes over the corpus; a page's figure is its minimum over the passes
(the least disturbed by the other processes on the machine).

- byline's stages, timed around the functions ``byline.extract`` calls: parse (decode
  and lxml), sources, the title, main text, the record (reconcile, dateline, quotes, images).
- The parse alone, on the input byline hands lxml (the page's bytes when they are
  exact UTF-8, else the decoded text): lxml with byline's parser options, and lexbor.
- What a switch would rebuild: one walk over every node reading what byline's walks
  read (tag, attribute names, text, the text after an element), on lxml's tree and on
  lexbor's; an lxml tree rebuilt from lexbor's in Python (the cost of keeping lxml
  for the parts that need a tree); compact node arrays built in one pass over lxml's
  tree, and the same walk over them.

``--extract-every N`` instead only runs ``byline.extract`` on the first page and then on
every Nth page (0: the first page alone): a workload to count under callgrind, which
sees the time spent inside lxml's methods (cProfile does not: they are Cython functions).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeVar

from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode

import byline
from bench.corpus import DEFAULT_CORPUS, Page, pages
from bench.sizes import size_table
from byline import sources
from byline.document import decode, parse
from byline.fields import Field
from byline.maintext import extract_main_text
from byline.reconcile import choose_title, reconcile
from byline.sources.candidate import holds_text

PASSES: Final = 3
"""Passes over the corpus; each page keeps its fastest."""
STAGES: Final = (
    "byline: parse (decode + lxml)",
    "byline: sources",
    "byline: title",
    "byline: main text",
    "byline: record (reconcile, dateline, quotes, images)",
)
"""byline's stages, in the order ``byline.extract`` runs them."""
_T = TypeVar("_T")
UTF8_BOM: Final = b"\xef\xbb\xbf"
XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
"""Dropped before parsing, as ``byline.document.parse`` does (lxml refuses it in text)."""
CONTROL_CHARACTERS: Final = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""Characters lxml's setters refuse (tab, line feed and carriage return are allowed)."""
TEXT_TAG: Final = "-text"
"""lexbor's tag of a text node."""


@dataclass(slots=True)
class Timings:
    """Milliseconds per measure, per page (in corpus order), fastest pass kept."""

    by_measure: dict[str, list[float]] = field(default_factory=dict)

    def keep(self, measure: str, index: int, spent: float) -> None:
        found = self.by_measure.setdefault(measure, [])
        if index == len(found):
            found.append(spent)
        else:
            found[index] = min(found[index], spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--passes", type=int, default=PASSES)
    parser.add_argument(
        "--extract-every", type=int, metavar="N", help="only extract every Nth page (callgrind)"
    )
    args = parser.parse_args()
    corpus = list(pages(args.corpus))[: args.limit]
    if args.extract_every is not None:
        _extract_only(corpus[:1] + (corpus[:: args.extract_every] if args.extract_every else []))
        return
    _warm_up(corpus[0])
    timings = Timings()
    for _ in range(args.passes):
        for index, page in enumerate(corpus):
            _measure_page(page, index, timings)
    sizes = [page.path.stat().st_size for page in corpus]
    print(_report(timings, sizes, args.passes))


def _warm_up(page: Page) -> None:
    """One untimed round: first calls import modules and build tables."""
    _measure_page(page, 0, Timings())


def _measure_page(page: Page, index: int, timings: Timings) -> None:
    """Every measure on one page, with the collector paused (as ``byline.extract`` does)."""
    html = page.read()
    groups: list[Callable[[], list[tuple[str, float]]]] = [
        lambda: _byline_stages(html, page.url),
        lambda: _parse_measures(html, index),
    ]
    gc.disable()
    try:
        for group in _rotated(groups, index):
            for measure, spent in group():
                timings.keep(measure, index, spent)
    finally:
        gc.enable()


def _byline_stages(html: bytes, url: str) -> list[tuple[str, float]]:
    """The stages of ``byline.extract`` (as of this prototype), each timed."""
    clock = _Clock()
    parse_stage, sources_stage, title_stage, main_stage, record_stage = STAGES
    doc = parse(html, url)
    clock.lap(parse_stage)
    candidates = sources.collect(doc)
    clock.lap(sources_stage)
    title = choose_title(candidates, url)
    clock.lap(title_stage)
    hint = next(
        (c.value for c in candidates if c.field is Field.ARTICLE_BODY and holds_text(c)), None
    )
    main = extract_main_text(doc, hint=hint, title=title.value if title else None)
    clock.lap(main_stage)
    if main is not None:
        reconcile(candidates, main, title, url=url)
    clock.lap(record_stage)
    return clock.laps


class _Clock:
    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, 1000 * (now - self.last)))
        self.last = now


def _parse_measures(html: bytes, index: int) -> list[tuple[str, float]]:
    """The parse alone with each library, then what a switch would rebuild, on one page."""
    spent, source = _timed(lambda: _parser_input(html))
    found: list[tuple[str, float]] = [("decode (byline's, before either parse)", spent)]
    lxml_first = index % 2 == 0  # the two parses take turns at running first
    if lxml_first:
        lxml_spent, lxml_root = _timed(lambda: _lxml_parse(source))
    lexbor_spent, lexbor_tree = _timed(lambda: LexborHTMLParser(source))
    if not lxml_first:
        lxml_spent, lxml_root = _timed(lambda: _lxml_parse(source))
    found += [("lxml parse", lxml_spent), ("lexbor parse", lexbor_spent)]
    lexbor_root = lexbor_tree.root
    assert lexbor_root is not None  # lexbor always makes <html>
    arrays = _arrays_of(lxml_root)
    rebuilds: list[tuple[str, Callable[[], object]]] = [
        ("walk, lxml tree", lambda: _walk_lxml(lxml_root)),
        ("walk, lexbor tree", lambda: _walk_lexbor(lexbor_root)),
        ("lexbor tree to lxml", lambda: _to_lxml(lexbor_root)),
        ("arrays from lxml tree", lambda: _arrays_of(lxml_root)),
        ("walk, arrays", lambda: _walk_arrays(arrays)),
    ]
    for name, run in _rotated(rebuilds, index):
        found.append((name, _timed(run)[0]))
    return found


def _parser_input(html: bytes) -> bytes | str:
    """What ``byline.document.parse`` hands lxml: bytes that are exact UTF-8, else text."""
    text, encoding = decode(html)
    declaration = XML_DECLARATION.match(text)
    if declaration:
        return text[declaration.end() :]
    exact = encoding == "utf-8" and not html.startswith(UTF8_BOM) and "\ufffd" not in text
    return html if exact else text


def _lxml_parse(source: bytes | str) -> etree._Element:
    """lxml's parse with ``byline.document.parse``'s options (a parser per page, as there)."""
    parser = etree.HTMLParser(
        encoding="utf-8" if isinstance(source, bytes) else None,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    return etree.fromstring(source, parser)


def _rotated(items: list[_T], index: int) -> list[_T]:
    shift = index % len(items)
    return items[shift:] + items[:shift]


def _timed(run: Callable[[], _T]) -> tuple[float, _T]:
    start = time.perf_counter()
    result = run()
    return 1000 * (time.perf_counter() - start), result


def _walk_lxml(root: etree._Element) -> int:
    """Every element's tag, attribute names, text and tail: what byline's walks read."""
    seen = 0
    for node in root.iter():
        if isinstance(node.tag, str):
            seen += len(node.keys())
        if node.text:
            seen += 1
        if node.tail:
            seen += 1
    return seen


def _walk_lexbor(root: LexborNode) -> int:
    """The same on lexbor's tree, where texts are nodes of their own."""
    seen = 0
    for node in root.traverse(include_text=True):
        if node.tag == TEXT_TAG:
            if node.text_content:
                seen += 1
        elif node.is_element_node:
            seen += len(node.attributes)
    return seen


def _to_lxml(root: LexborNode) -> etree._Element:
    """An lxml tree with lexbor's elements, attributes and texts (comments dropped, as byline
    parses), built in Python: what keeping lxml's API on a lexbor parse would cost."""
    top = etree.Element("html")
    stack: list[tuple[LexborNode, etree._Element]] = [(root, top)]
    while stack:
        node, element = stack.pop()
        last: etree._Element | None = None
        for child in node.iter(include_text=True):
            if child.tag == TEXT_TAG:
                _add_text(element, last, child.text_content or "")
            elif child.is_element_node:
                last = _sub_element(element, child)
                stack.append((child, last))
    return top


def _add_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    """``text`` after ``last`` in ``parent`` (or first in it); lxml's setters refuse the
    control characters its parser lets through, so those are dropped when they occur."""
    try:
        _append_text(parent, last, text)
    except ValueError:
        _append_text(parent, last, text.translate(CONTROL_CHARACTERS))


def _append_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _sub_element(parent: etree._Element, node: LexborNode) -> etree._Element:
    try:
        element = etree.SubElement(parent, node.tag or "div")
    except ValueError:  # a name lxml refuses ("foo:bar", a quote): byline never reads it
        element = etree.SubElement(parent, "span")
    for name, value in node.attributes.items():
        try:
            element.set(name, value or "")
        except ValueError:  # a name lxml refuses, or control characters in the value
            continue
    return element


@dataclass(slots=True)
class Arrays:
    """A tree as parallel lists, in document order: one entry per element."""

    tags: list[str] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)
    attributes: list[list[str]] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    tails: list[str | None] = field(default_factory=list)


def _arrays_of(root: etree._Element) -> Arrays:
    """Compact node arrays built in one pass (a stack of the open elements gives parents)."""
    arrays = Arrays()
    open_elements: list[tuple[etree._Element, int]] = []
    for node in root.iter(etree.Element):
        parent = node.getparent()
        while open_elements and open_elements[-1][0] is not parent:
            open_elements.pop()
        arrays.parents.append(open_elements[-1][1] if open_elements else -1)
        open_elements.append((node, len(arrays.tags)))
        arrays.tags.append(node.tag)
        arrays.attributes.append(node.keys())
        arrays.texts.append(node.text)
        arrays.tails.append(node.tail)
    return arrays


def _walk_arrays(arrays: Arrays) -> int:
    seen = 0
    for names, text, tail in zip(arrays.attributes, arrays.texts, arrays.tails, strict=True):
        seen += len(names)
        if text:
            seen += 1
        if tail:
            seen += 1
    return seen


def _report(timings: Timings, sizes: list[int], passes: int) -> str:
    measures = timings.by_measure
    total = [sum(spent) for spent in zip(*(measures[s] for s in STAGES), strict=True)]
    whole = statistics.fmean(total)
    lines = [
        f"{len(sizes)} pages, {passes} passes, per-page minimum; byline "
        f"{'compiled' if not byline.maintext.__file__.endswith('.py') else 'pure Python'}.",
        "",
        "| measure | ms/page | % of byline's time |",
        "| --- | --- | --- |",
        f"| byline, all stages | {whole:.2f} | 100 % |",
    ]
    for name, spent in measures.items():
        mean = statistics.fmean(spent)
        lines.append(f"| {name} | {mean:.2f} | {100 * mean / whole:.1f} % |")
    lines += ["", "By page size (ms/page):", ""]
    lines += size_table(
        sizes, {"byline, all stages": total, **measures}, label="measure", decimals=2
    )
    return "\n".join(lines)


def _extract_only(chosen: list[Page]) -> None:
    for page in chosen:
        with contextlib.suppress(byline.ExtractionError):
            byline.extract(page.read(), url=page.url)
    print(f"{len(chosen)} pages extracted")


if __name__ == "__main__":
    main()
