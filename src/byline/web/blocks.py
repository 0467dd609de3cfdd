"""The inspector's view of a page: its text blocks, each marked kept or dropped.

``byline.maintext`` does not report which elements it kept, so the verdicts
are found after the fact: the page's text is cut into blocks the way byline's
renderer cuts it (every block element's own inline text is one block), and
each block is matched against the extracted body's paragraphs. The blocks are
plain strings: the inspector shows an escaped reconstruction of the page,
never the page's own markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from lxml import etree

from byline.document import parse
from byline.record import Article
from byline.render import BLOCK_TAGS, visible

SKIPPED_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
)
"""Elements whose text a reader never sees as text."""
MIN_MATCH_CHARS = 30
"""Blocks (and paragraphs) shorter than this match only as a whole paragraph: short
labels ("Share", "Advertisement") occur inside many sentences."""
MAX_BLOCKS = 3000
"""Blocks shown at most (a huge page would make a page nobody reads)."""


class Verdict(StrEnum):
    KEPT = "kept"
    """The block is (part of) a body paragraph."""
    PARTLY_KEPT = "partly kept"
    """A body paragraph is part of the block; the rest was dropped (a byline line...)."""
    METADATA = "metadata"
    """Not in the body, but the record's title, description or an image caption."""
    DROPPED = "dropped"


@dataclass(slots=True)
class PageBlock:
    tag: str
    text: str
    verdict: Verdict


@dataclass(slots=True)
class PageBlocks:
    blocks: list[PageBlock]
    total: int
    """Blocks on the page (``blocks`` holds at most ``MAX_BLOCKS`` of them)."""

    def count(self, verdict: Verdict) -> int:
        return sum(block.verdict is verdict for block in self.blocks)

    @property
    def holds_body(self) -> bool:
        """False when no block holds body text (the body came from JSON-LD ``articleBody``)."""
        return any(block.verdict in (Verdict.KEPT, Verdict.PARTLY_KEPT) for block in self.blocks)


def page_blocks(
    html: bytes | str, article: Article, url: str | None = None, charset: str | None = None
) -> PageBlocks:
    """The text blocks of the page ``article`` was extracted from, with their verdicts."""
    doc = parse(html, url, charset)
    body = doc.root.find("body")
    texts = list(block_texts(doc.root if body is None else body))
    judge = _Matcher(article)
    blocks = [PageBlock(tag, text, judge.verdict(text)) for tag, text in texts[:MAX_BLOCKS]]
    return PageBlocks(blocks, len(texts))


def block_texts(root: etree._Element) -> Iterator[tuple[str, str]]:
    """``(tag, text)`` of every block's own inline text, in reading order.

    A block's text runs until a nested block starts; the text after that block
    (its tail) is a further piece of the outer block. The walk keeps its own
    stack: pages nest deeper than Python's recursion limit.
    """
    open_blocks: list[tuple[str, list[str]]] = [(_tag(root), [root.text or ""])]
    todo = [(child, False) for child in reversed(root)]  # (element, its end reached)
    while todo:
        el, ended = todo.pop()
        tag = _tag(el)
        if ended:
            if tag in BLOCK_TAGS:
                yield from _flush(open_blocks.pop())
            open_blocks[-1][1].append(el.tail or "")
        elif tag and tag not in SKIPPED_TAGS:
            if tag in BLOCK_TAGS:
                yield from _flush(open_blocks[-1])
                open_blocks.append((tag, []))
            elif tag == "br":
                open_blocks[-1][1].append(" ")
            open_blocks[-1][1].append(el.text or "")
            todo.append((el, True))
            todo.extend((child, False) for child in reversed(el))
        else:  # a comment or an element never read as text: only its tail is
            open_blocks[-1][1].append(el.tail or "")
    yield from _flush(open_blocks[0])


def _tag(el: etree._Element) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _flush(block: tuple[str, list[str]]) -> Iterator[tuple[str, str]]:
    tag, pieces = block
    text = " ".join(visible("".join(pieces)).split())
    pieces.clear()
    if text:
        yield tag, text


class _Matcher:
    """Judges blocks against one record's body paragraphs and metadata."""

    def __init__(self, article: Article) -> None:
        paragraphs = [" ".join(p.split()) for p in (article.body or "").split("\n\n")]
        self.paragraphs = frozenset(p for p in paragraphs if p)
        self.long_paragraphs = [p for p in self.paragraphs if len(p) >= MIN_MATCH_CHARS]
        self.body = " ".join(paragraphs)
        captions = [image.caption for image in article.images]
        self.metadata = frozenset(
            " ".join(text.split())
            for text in (article.title, article.description, *captions)
            if text
        )
        self.long_metadata = [item for item in self.metadata if len(item) >= MIN_MATCH_CHARS]

    def verdict(self, text: str) -> Verdict:
        if text in self.paragraphs or (len(text) >= MIN_MATCH_CHARS and text in self.body):
            return Verdict.KEPT
        if any(paragraph in text for paragraph in self.long_paragraphs):
            return Verdict.PARTLY_KEPT
        if text in self.metadata or any(item in text for item in self.long_metadata):
            return Verdict.METADATA
        return Verdict.DROPPED
