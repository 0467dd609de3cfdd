"""Main text's blocks: the pieces of a page's text, what main text did with each, and why.

``byline.maintext`` renders the article's container into blocks (paragraphs, headings,
list items, table rows...) and drops the ones that are not the story; elements it removes
whole (scripts, menus, boxes named like boilerplate) and the text outside the article are
blocks too. Every dropped block says why (a ``Reason``): the inspector shows these and
nothing else, so "why is this paragraph in or out?" has main text's own answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from lxml import etree

Group = tuple[str, int]
"""A run of blocks shown together: ("ul", id of the list element), ("table", ...)."""


class Verdict(Enum):
    KEPT = "kept"
    """In the body (and its HTML)."""
    CAPTION = "caption"
    """A picture's caption: in the HTML as its ``<figcaption>`` and in ``Image.caption``,
    not in the body's text."""
    DROPPED = "dropped"


class Rule(Enum):
    """Why main text dropped a block, or kept one it doubts (the value is the inspector's
    label)."""

    # Elements removed whole before the article is looked for (``byline.boilerplate``).
    NEVER_CONTENT = "never article text"
    """A script, an embed, a form control... (detail: the tag)."""
    FURNITURE = "page furniture"
    """Navigation, an aside, a footer... (detail: the tag)."""
    HIDDEN = "hidden"
    """Hidden from readers (detail: the attribute that hides it)."""
    BOILERPLATE_NAME = "named like boilerplate"
    """A class or id name says share, related, comments, ads... (detail: that name)."""
    OUTSIDE = "outside the article"
    """Not in the containers chosen as the article."""
    # Boxes inside the article, judged by their contents.
    NAMED_LINK_BOX = "links in a box named so"
    """A box of links whose class/id name says it is not the story."""
    LINK_LIST = "link list"
    """A box that is mostly links."""
    NAMED_LABEL = "label named so"
    """A short box, named so, that is not a sentence."""
    LINK_BOX = "linky box"
    """A box with too many links and no name saying article."""
    HEADING_OF_DROPPED_BOX = "heading of a dropped box"
    # Leftover lines (``byline.render``).
    LINK_LABEL = "link label"
    """Nothing but a short link: a section label, "Sign in", "Next"."""
    HEADLINE = "headline again"
    READ_ALSO = "read also"
    AD_LABEL = "ad label"
    """ "Advertisement", "Anzeige": where an ad shows (``lexicon.AD_LABELS``)."""
    COMMENTS = "comment section"
    """A comment form's line, or the comment section a heading opens ("Leave a Reply")."""
    CREDIT = "credit line"
    DISCLOSURE = "disclosure"
    """A notice about the article: its affiliate links, its views the author's alone
    (``lexicon.DISCLOSURES``), its age (``lexicon.AGE_NOTICES``)."""
    DATE_LINE = "date line"
    STATUS_LINE = "status line"
    """ "Updated ...", "Published ..." """
    BYLINE = "byline line"
    METADATA = "metadata beside a byline"
    """A short line in the box of a byline: "Category: News", "Hits: 147"."""
    TRAILING_HEADING = "heading with nothing under it"
    CAPTION = "caption"
    """Captions describe a picture, not the story (see ``Verdict.CAPTION``)."""
    # Judgements on the rendered paragraphs.
    MODEL = "paragraph model"
    """``byline.blockmodel`` gives it too low a probability of being the story."""
    HINT_REPLACES = "replaced by articleBody"
    """The page shows too little of the story: the JSON-LD ``articleBody`` is the body."""
    # Kept, doubted.
    DOUBTED = "kept as the page's best text"
    """The paragraph model doubts every paragraph of a page where nothing reads better: kept,
    so no article is lost (``BodyQuality.BEST_BLOCK``)."""


@dataclass(frozen=True, slots=True)
class Reason:
    rule: Rule
    detail: str | None = None
    """What matched, where the rule alone does not say: the tag, the class/id name..."""
    probability: float | None = None
    """The paragraph model's probability that the block is article text."""

    def __str__(self) -> str:
        if self.probability is not None:
            return f"{self.rule.value}: {self.probability:.0%} article text"
        if self.detail:
            return f"{self.rule.value}: {self.detail}"
        return self.rule.value


@dataclass(slots=True)
class Block:
    """One paragraph-like piece of the page's text and what main text did with it."""

    kind: str
    """p, h2-h6, li, tr, pre or figcaption for rendered blocks; the tag of the block element
    for text main text never rendered (dropped whole or outside the article)."""
    text: str
    html: str
    """The block's safe HTML ("" for text main text never rendered)."""
    element: etree._Element | None
    """The block element it came from (None for the paragraphs of ``articleBody``)."""
    group: Group | None = None
    """The list, quote, table or figure it is shown in."""
    verdict: Verdict = Verdict.KEPT
    reason: Reason | None = None
    """Why it is not (only) body text; for a kept block None, or why main text kept it
    though it doubts it."""

    def drop(self, reason: Reason, verdict: Verdict = Verdict.DROPPED) -> None:
        self.verdict, self.reason = verdict, reason

    def keep(self, reason: Reason) -> None:
        """Keep the block, saying why though it is doubted."""
        self.verdict, self.reason = Verdict.KEPT, reason


@dataclass(slots=True)
class DroppedElement:
    """An element dropped whole with all of its text: its blocks are cut from it on demand."""

    element: etree._Element
    rule: Rule
