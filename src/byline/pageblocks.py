"""The page block by block, with main text's verdicts: built on demand from its trace.

While it works, ``byline.maintext`` only notes what it did, cheaply (the elements it
removed and why, the nodes it rendered, the blocks it kept and dropped). ``page_blocks``
turns that trace into every block of the page in reading order: the rendered blocks as
main text judged them, and the text main text never rendered (removed whole, or outside
the article) cut the way the renderer cuts a page: each block element's own inline text is
one block. Only the inspector asks for it; extraction never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from byline.blocks import Block, DroppedElement, Reason, Rule, Verdict
from byline.boilerplate import boilerplate_name
from byline.document import BLOCK_TAGS, visible

UNSHOWN_TAGS: Final = frozenset({"head", "script", "style", "template"})
"""Elements whose text is never shown on the page (code, inert markup, the head): no block."""


@dataclass(slots=True)
class Trace:
    """What one extraction of main text did, noted as it went."""

    root: etree._Element
    """The page (main text leaves it as it found it)."""
    never_content: list[etree._Element] = field(default_factory=list)
    """Elements removed first, as never article text (``Rule.NEVER_CONTENT``)."""
    removed: list[tuple[etree._Element, Rule]] = field(default_factory=list)
    """Elements removed whole then, before the article was looked for, with why."""
    nodes: list[tuple[etree._Element, int]] = field(default_factory=list)
    """The nodes rendered as the article, each with where its ``entries`` start."""
    entries: list[Block | DroppedElement] = field(default_factory=list)
    """What rendering the nodes gave, kept and dropped, in order."""
    leading: list[Block] = field(default_factory=list)
    """Blocks that are no part of the page (the paragraphs of ``articleBody``)."""


def page_blocks(trace: Trace) -> list[Block]:
    """Every block of the page, in reading order, with its verdict and reason."""
    removed = dict.fromkeys(trace.never_content, Rule.NEVER_CONTENT)
    removed.update(trace.removed)
    chosen = {node: i for i, (node, _) in enumerate(trace.nodes)}
    ends = [start for _, start in trace.nodes[1:]] + [len(trace.entries)]
    out = list(trace.leading)
    for item in _cut(trace.root, Reason(Rule.OUTSIDE), removed, chosen):
        if isinstance(item, Block):
            out.append(item)
        else:
            i = chosen[item]
            out.extend(_node_blocks(item, trace.entries[trace.nodes[i][1] : ends[i]], removed))
    return out


def _node_blocks(
    node: etree._Element,
    entries: list[Block | DroppedElement],
    removed: dict[etree._Element, Rule],
) -> list[Block]:
    """A rendered node's blocks, with the boxes removed from it before rendering put in
    where they stood."""
    whole = {entry.element for entry in entries if isinstance(entry, DroppedElement)}
    inside: list[etree._Element] = []  # in document order
    position: dict[etree._Element, int] = {}
    walker = etree.iterwalk(node, events=("start",))
    for _, el in walker:
        position[el] = len(position)
        if el in whole:
            walker.skip_subtree()  # (its blocks are cut with it)
        elif el in removed:
            inside.append(el)
            walker.skip_subtree()
    out: list[Block] = []
    done = 0
    for entry in entries:
        at = position.get(entry.element, -1) if entry.element is not None else -1
        while done < len(inside) and position[inside[done]] < at:
            out.extend(_removed_blocks(inside[done], removed))
            done += 1
        if isinstance(entry, Block):
            out.append(entry)
        else:
            out.extend(_blocks(entry.element, _reason(entry.element, entry.rule), removed))
    for el in inside[done:]:
        out.extend(_removed_blocks(el, removed))
    return out


def _removed_blocks(el: etree._Element, removed: dict[etree._Element, Rule]) -> Iterator[Block]:
    return _blocks(el, _reason(el, removed[el]), removed)


def _blocks(
    el: etree._Element, reason: Reason, removed: dict[etree._Element, Rule]
) -> Iterator[Block]:
    """The blocks of an element dropped whole (``reason``, or a removed descendant's)."""
    for item in _cut(el, reason, removed, {}):
        if isinstance(item, Block):
            yield item


@dataclass(slots=True)
class _Open:
    """A block being read: its element, why it is dropped, and its text so far."""

    element: etree._Element
    reason: Reason
    pieces: list[str]


def _cut(
    root: etree._Element,
    reason: Reason,
    removed: dict[etree._Element, Rule],
    chosen: dict[etree._Element, int],
) -> Iterator[Block | etree._Element]:
    """The dropped blocks under ``root`` in reading order, and the ``chosen`` nodes where
    they stand (their blocks are the renderer's).

    A block's text runs until a nested block starts; the text after that block (its tail)
    is a further piece of the outer block. A removed element starts a block of its own,
    with its own reason. The walk keeps its own stack: pages nest deeper than Python's
    recursion limit.
    """
    if root in chosen:  # (a page whose whole body is the article)
        yield root
        return
    if root.tag in UNSHOWN_TAGS:
        return
    reason = _reason(root, removed[root]) if root in removed else reason
    open_blocks = [_Open(root, reason, [root.text or ""])]
    todo: list[tuple[etree._Element, bool]] = [(child, False) for child in reversed(root)]
    while todo:
        el, ended = todo.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if ended:
            if tag in BLOCK_TAGS or el in removed:
                yield from _flush(open_blocks.pop())
            open_blocks[-1].pieces.append(el.tail or "")
            continue
        if el in chosen:
            yield from _flush(open_blocks[-1])
            yield el
        elif tag and tag not in UNSHOWN_TAGS:
            rule = removed.get(el)
            if tag in BLOCK_TAGS or rule is not None:
                yield from _flush(open_blocks[-1])
                inner = open_blocks[-1].reason if rule is None else _reason(el, rule)
                open_blocks.append(_Open(el, inner, []))
            elif tag == "br":
                open_blocks[-1].pieces.append(" ")
            open_blocks[-1].pieces.append(el.text or "")
            todo.append((el, True))
            todo.extend((child, False) for child in reversed(el))
            continue
        open_blocks[-1].pieces.append(el.tail or "")  # (only the tail of what is not read)
    yield from _flush(open_blocks[0])


def _flush(block: _Open) -> Iterator[Block]:
    text = " ".join(visible("".join(block.pieces)).split())
    block.pieces.clear()
    if text:
        element = block.element
        yield Block(str(element.tag), text, "", element, None, Verdict.DROPPED, block.reason)


def _reason(el: etree._Element, rule: Rule) -> Reason:
    """``rule`` with what it matched in ``el``."""
    if rule in (Rule.NEVER_CONTENT, Rule.FURNITURE):
        return Reason(rule, f"<{el.tag!s}>")
    if rule is Rule.BOILERPLATE_NAME:
        return Reason(rule, boilerplate_name(el.get("class"), el.get("id")))
    return Reason(rule)
