"""The inspector's view of a page: main text's own blocks, each with its verdict and reason.

``byline.inspect`` gives the record together with main text's blocks: every block of the
page in reading order, kept, a picture's caption, or dropped with the rule that dropped it.
This module only shapes them for the template; it reads no page of its own. The blocks
are plain strings: the inspector shows their text, never the page's own markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from byline import Inspection
from byline.blocks import Verdict

MAX_DROPPED_BLOCKS = 3000
"""Dropped blocks shown at most (a huge page would make a page nobody reads); kept blocks
and captions are always shown."""
HINT_KIND = "articleBody"
"""What a block of the JSON-LD ``articleBody`` (no element of the page) is shown as."""


@dataclass(slots=True)
class PageBlock:
    kind: str
    text: str
    verdict: Verdict
    reason: str | None
    """Why it is dropped or only a caption, in main text's words (None for kept blocks)."""


@dataclass(slots=True)
class PageBlocks:
    blocks: list[PageBlock]
    hidden: int
    """Dropped blocks left out past ``MAX_DROPPED_BLOCKS``."""
    holds_body: bool
    """False when no block of the page holds body text (the body is the JSON-LD
    ``articleBody``)."""

    def count(self, verdict: Verdict) -> int:
        return sum(block.verdict is verdict for block in self.blocks)


def page_blocks(inspection: Inspection) -> PageBlocks:
    """The blocks of the inspected page that hold text, as main text judged them."""
    shown: list[PageBlock] = []
    dropped = hidden = 0
    holds_body = False
    for block in inspection.blocks:
        if not block.text:
            continue  # (a picture without a caption: in the record's images)
        if block.verdict is Verdict.DROPPED:
            dropped += 1
            if dropped > MAX_DROPPED_BLOCKS:
                hidden += 1
                continue
        elif block.verdict is Verdict.KEPT and block.element is not None:
            holds_body = True
        kind = block.kind if block.element is not None else HINT_KIND
        reason = str(block.reason) if block.reason is not None else None
        shown.append(PageBlock(kind, block.text, block.verdict, reason))
    return PageBlocks(shown, hidden, holds_body)
