"""Taking elements out of a parsed page and putting them back as they stood.

Main text works on the page's own tree (a copy would cost more than the work): it takes out
what never holds article text and the boxes named like boilerplate, reads what is left, and
puts every element back before it returns, so that the document stays whole for every other
reader of it. Two ways out, each with its way back:

- ``strip``: the outermost elements with given tags, unlinked in C by
  ``etree.strip_elements`` (scripts, styles, buttons: dozens per page);
- ``remove``: chosen elements, one by one (the boxes main text judges boilerplate).

Either way an element's tail (the text after it) stays in the page, joined to the text
before it: the words after an ad inside a paragraph belong to the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from byline.document import is_inside

_REFUSED_BY_LXML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters libxml2 may leave in a parsed page's text (a stray form feed or escape) that
lxml refuses to set as a text: they show nothing, and are set as nothing."""


def _set_text(node: etree._Element, into_text: bool, value: str | None) -> None:
    """Set ``node``'s text (or else its tail) to ``value``, less any character lxml
    refuses (looked for only when it refuses one: a whole-page search costs every page)."""
    try:
        _assign(node, into_text, value)
    except ValueError:
        _assign(node, into_text, _REFUSED_BY_LXML.sub("", value or "") or None)


def _assign(node: etree._Element, into_text: bool, value: str | None) -> None:
    if into_text:
        node.text = value
    else:
        node.tail = value


@dataclass(slots=True)
class Stripped:
    """Elements ``strip`` took out, and how to put them back.

    ``strip_elements`` unlinks them and leaves their tails in place, joined to the text
    before them; the Python objects held here keep the elements alive. Each is put back, in
    document order, after the element that was before it (a parent's first child: at the
    start), with the texts split again as they were.
    """

    elements: list[etree._Element]
    """The elements taken out, outermost ones only, in document order."""
    places: list[tuple[etree._Element, etree._Element | None, etree._Element, str | None]]
    """(parent, the element before or None, the element, its tail), in document order."""
    texts: list[tuple[etree._Element, bool, str | None]]
    """(node, whether its text or else its tail took tails, that text before)."""

    def __init__(self, elements: list[etree._Element]) -> None:
        self.elements, self.places, self.texts = elements, [], []
        last: etree._Element | None = None
        for el in elements:
            parent, before = el.getparent(), el.getprevious()
            assert parent is not None  # (the root is never taken out)
            self.places.append((parent, before, el, el.tail))
            if before is None:
                self.texts.append((parent, True, parent.text))
            elif before is not last:  # (one removed just before: its tail comes back with it)
                self.texts.append((before, False, before.tail))
            last = el

    def put_back(self) -> None:
        _put_back_texts(self.texts)
        for parent, before, el, tail in self.places:
            _set_text(el, False, tail)
            if before is None:
                parent.insert(0, el)
            else:
                before.addnext(el)


def strip(body: etree._Element, tags: tuple[str, ...]) -> Stripped:
    """Take every element with one of ``tags`` out of ``body``'s tree, its tail left."""
    stripped = Stripped(_outermost(body, tags))
    etree.strip_elements(body, *tags, with_tail=False)  # (``stripped`` keeps them)
    return stripped


def _outermost(body: etree._Element, tags: tuple[str, ...]) -> list[etree._Element]:
    """The elements with one of ``tags``, outermost ones only, in document order.

    (``iter`` finds them in C, making Python objects for them alone; only after one with
    children, a button holding an icon, need the next one be checked for being inside it.)
    """
    found = []
    holder: etree._Element | None = None  # the last one found, if others may be in it
    for el in body.iter(tags):
        if holder is not None and is_inside(el, holder):
            continue
        found.append(el)
        holder = el if len(el) else None
    return found


@dataclass(slots=True)
class Removed:
    """How to put back what ``remove`` took out: where each element was, and the texts
    their tails were appended to (lxml keeps a removed element's tail on it, so reinserting
    it restores the tail)."""

    places: list[tuple[etree._Element, etree._Element | None, etree._Element]] = field(
        default_factory=list
    )
    """(parent, the element before it or None, the removed element)."""
    anchors: list[tuple[etree._Element, bool, str | None]] = field(default_factory=list)
    """(node, whether its text or else its tail took tails, that text before)."""

    def put_back(self) -> None:
        _put_back_texts(self.anchors)
        for parent, before, el in reversed(self.places):
            if before is None:
                parent.insert(0, el)
            else:
                before.addnext(el)  # (after the tail of ``before``, as it stood)


def remove(elements: Iterable[etree._Element]) -> Removed:
    """Take ``elements`` (in document order, none inside another) out of the tree, their
    tails left in place."""
    removed = Removed()
    places = removed.places
    tails: dict[tuple[etree._Element, bool], list[str]] = {}
    for el in elements:  # in document order, so that putting back in reverse restores the page
        parent = el.getparent()
        assert parent is not None  # (the root is never removed)
        before = el.getprevious()  # (removed elements before it are gone already)
        places.append((parent, before, el))
        if tail := el.tail:
            anchor = (before, False) if before is not None else (parent, True)
            tails.setdefault(anchor, []).append(tail)
        parent.remove(el)
    # Each node's text is set once: appending tail by tail is quadratic on pages with
    # thousands of removed boxes in a row.
    for (node, into_text), texts in tails.items():
        before_text = node.text if into_text else node.tail
        removed.anchors.append((node, into_text, before_text))
        _set_text(node, into_text, (before_text or "") + "".join(texts))
    return removed


def _put_back_texts(texts: list[tuple[etree._Element, bool, str | None]]) -> None:
    """Each (node, whether its text or else its tail, the text it had) set as it was."""
    for node, into_text, text in texts:
        _set_text(node, into_text, text)
