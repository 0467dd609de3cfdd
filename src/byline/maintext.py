"""Main-text extraction: find the article's text among the page's furniture.

The algorithm, in the spirit of readability.js but our own:

1. **Clean.** Drop elements that never hold article text (scripts, forms
   controls, embeds) or show it only at times (a dialog, an object's fallback
   content: the last resort reads them), then page furniture (nav, aside, footer...), hidden
   elements and elements whose class or id names a box of boilerplate (share,
   related, comments, ads...), unless such an element holds most of the page's
   prose: then it is the article's wrapper, whatever its name says.
2. **With a hint** (the JSON-LD ``articleBody``), find the smallest container
   whose paragraphs cover most of the hint and render the page's own version
   of it, which is often more complete (datelines, quotes).
3. **Without one, score.** Every paragraph-like block scores by its length and
   commas, discounted by its link density, and hands its score to its parent,
   grandparent and further ancestors (less each level up). Containers start
   from evidence in their tag and class/id names, and end discounted by their
   own link density. The best container, plus siblings that score well or read
   like paragraphs, is the article; a standfirst before it (named so, or the
   first sentence of prose after the headline) opens it.
4. **Render** the chosen nodes (``byline.render``), dropping residual
   boilerplate inside them: link lists, the repeated headline, byline lines.
5. If that gives very little text, try again without the class-based removal.
6. Lose no article. When the page shows too little (under ``MIN_BODY_CHARS``), the
   structured data's ``articleBody`` is the text if it states more; when no container reads
   as an article at all, the page's best text is (``_best_result``'s last resort: the body's
   blocks once furniture and boilerplate are gone, paragraphs the model doubts included).
   Only a page with no such text (a bare title, a menu, an empty page) has no main text.
   ``MainText.quality`` says which of these the text is (``byline.record.BodyQuality``).

Every step that drops text notes why (``byline.blocks``): ``MainText.blocks`` lists the
page block by block, kept and dropped, with the rule that dropped each. What main text
removes from the tree while it works is put back before it returns: the document stays
the sources' too, whatever the order of the steps.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from html import escape
from itertools import chain, repeat
from typing import Final, Protocol

from lxml import etree

from byline.blockmodel import MODEL, BlockContext, block_features, words_of
from byline.blocks import Block, Reason, Rule, Verdict
from byline.boilerplate import (
    FALLBACK_CONTENT_TAGS,
    FURNITURE_TAGS,
    HIDING_ATTRIBUTES,
    NEVER_CONTENT_TAGS,
    class_weight,
    is_hidden,
    links_to_a_heading_beside,
    links_to_its_heading,
    names_boilerplate,
    names_expander,
    names_overlay,
    names_standfirst,
)
from byline.detach import Removed, remove, strip
from byline.document import (
    BLOCK_TAGS,
    HEADING_KINDS,
    HEADING_TAGS,
    SENTENCE_ENDS,
    Document,
    is_inside,
    squeezed,
    text_content,
    visible,
    words_in_any_script,
)
from byline.pageblocks import Trace, page_blocks
from byline.record import BodyQuality, Image
from byline.render import Renderer

# --- cleaning ---------------------------------------------------------------
WRAPPER_TEXT_SHARE: Final = 0.5
"""An element holding over this share of the page's paragraph text, or of the page's text
(counting only its own text outside links), is the article's wrapper: never removed (menus and
footers can outweigh a short article's text), unless it is a pop-up."""

FURNITURE: Final = tuple(sorted(FURNITURE_TAGS))
"""The furniture tags, for ``strip``."""
CODE_TAGS: Final = frozenset({"pre", "code"})
"""Code, whose class names mark its syntax ("comment", "meta", "tag"), never boxes."""
NAVIGATION_TAGS: Final = frozenset({"nav", "menu"})
"""Furniture that never wraps the article, however much text its teasers hold."""

# --- scoring ----------------------------------------------------------------
MIN_PARAGRAPH_CHARS: Final = 25
"""Blocks shorter than this are not scored (captions, labels, buttons)."""
CHARS_PER_POINT: Final = 100
"""A paragraph earns one point per this many characters..."""
MAX_LENGTH_POINTS: Final = 3
"""...up to this many points."""
ANCESTOR_LEVELS: Final = 5
"""How far up a paragraph hands its score (parent full, grandparent half, then less)."""
CLASS_WEIGHT: Final = 25
"""Points per class/id name that says article (+) or boilerplate (-)."""
MAX_CLASS_NAMES: Final = 2
"""Class evidence counts at most this many names either way."""
TAG_WEIGHTS: dict[str, int] = {
    "article": 10,
    "main": 5,
    "div": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
}
TAG_WEIGHTS |= dict.fromkeys(("ol", "ul", "li", "dl", "dd", "dt", "address", "form"), -3)
TAG_WEIGHTS |= dict.fromkeys(("th", "h1", "h2", "h3", "h4", "h5", "h6"), -5)
"""Evidence from the tag itself: an <article> is likely the story, a list item less so."""
PARAGRAPH_TAGS: Final = frozenset({"p", "pre", "td", "li", "dd", "blockquote", "caption"})
"""Blocks scored by their whole text."""
DIV_LIKE_TAGS: Final = frozenset({"div", "section", "article", "main", "span", "font", "center"})
"""Blocks scored by their own inline text only (a div holding text directly)."""
COMMAS: Final = (",", "，", "、", "،")

# --- choosing the container ---------------------------------------------------
PARENT_CLIMB_RATIO: Final = 1 / 3
"""Climbing from the best node stops at an ancestor scoring below this share of it."""
SIBLING_SCORE_RATIO: Final = 0.2
"""Siblings scoring this share of the best node join the article..."""
MIN_SIBLING_SCORE: Final = 10
"""...when they score at least this much."""
SIBLING_PARAGRAPH_CHARS: Final = 80
"""A sibling <p> this long with few links joins too."""
SIBLING_LINK_DENSITY: Final = 0.25
SIGNATURE_PROSE_SHARE: Final = 0.5
"""A box's paragraphs are of one signature (their kind and their parent's) when it carries
this share of their prose; a sibling whose paragraphs share the chosen node's continues the
article (split around an ad or a figure), however little it scores, when it holds..."""
MIN_SIGNED_PROSE: Final = 200
"""...this much prose: a few sentences, not a promotion's line in the article's template."""
WIDEN_PROSE_GAIN: Final = 1.5
"""An ancestor with this many times the prose of the chosen node holds more of the article..."""
WIDEN_LINK_DENSITY: Final = 0.3
"""...unless this much of its text is links (a page of teasers)."""

HEADLINE_ARTICLE_PROSE: Final = 1000
HEADLINE_ARTICLE_PARAGRAPHS: Final = 3
HEADLINE_SCORE_RATIO: Final = 0.05
"""The container of the prose under the headline is the article, though another one scores
better, when it holds this much prose in this many paragraphs (an article, not a promotion's
paragraph) and scores this share of the best (see ``_under_headline``): a long thread of
comments may outscore a short story twenty times over (0.25 let those of the dev pages whose
boxes' names were withheld lose their story to the thread)."""
HEADLINE_PROSE_RATIO: Final = 2.0
"""...or, shorter, when it holds this many times the prose of the nodes chosen by score: a
story of one long paragraph outweighs a box of short lines (a form's messages, a teaser
card's) that readability's points per paragraph make score higher."""

STORY_TAG: Final = "article"
"""The element of a composition complete in itself (HTML's ``<article>``)."""
MIN_STORY_PROSE: Final = 400
"""A box beside the headline's with an h1 and this much prose is a story of its own."""
STORY_HEADLINE_TAG: Final = "h1"
"""The heading of a story that a page shows whole: the next story's is an h1 as the first's
(an article's sections, a video box's or a teaser's title are lower headings)."""

# --- standfirst ------------------------------------------------------------------
STANDFIRST_LEVELS: Final = 4
"""A standfirst is looked for under this many ancestors of the chosen nodes."""
MIN_STANDFIRST_CHARS: Final = 40
MAX_STANDFIRST_CHARS: Final = 1000
"""A standfirst is a sentence or a short paragraph..."""
STANDFIRST_LINK_DENSITY: Final = 0.3
"""...of prose, not links."""
MAX_STANDFIRSTS: Final = 2
LEAD_TAGS: Final = frozenset({"p", "div", "h2", "h3", "section", "header", "strong", "b"})
"""Unnamed elements that may hold the lead between the headline and the article's body."""
DECK_TAGS: Final = frozenset({"p", "h2"})
MIN_DECK_WORDS: Final = 8
DECK_BREAKERS: Final = ("|", ":", "©")
"""A lead without a full stop is a deck (subtitle) in a paragraph or the subheading under
the headline, of this many words (in any script), without the marks of a line of fields or
a credit."""
PICTURE_TAGS: Final = frozenset({"figure", "figcaption", "picture"})
HEADLINE_TAGS: Final = frozenset({"h1", "h2", "h3"})
"""Headings that may be the headline (an old blog's template has the site's name as its h1,
the day as an h2, and the story's title as an h3)."""
HEADLINE_TITLE_SHARE: Final = 0.5
"""A heading showing this much of the page's title is the headline (titles add the site's
name; a heading showing less is a section name or a logo)."""
LONE_LINK_SHARE: Final = 0.1
"""A lead named like a teaser box is kept from removal when this little of it is links."""

# --- hint matching -------------------------------------------------------------
HINT_BLOCK_OVERLAP: Final = 0.7
"""A block matches the hint when this share of its words occur in the hint."""
HINT_MIN_BLOCK_WORDS: Final = 4
HINT_COVERAGE: Final = 0.5
"""The matched blocks must cover this share of the hint's words, else the hint is ignored."""
HINT_CONTAINER_SHARE: Final = 0.8
"""The container is the smallest element holding this share of the matched text."""
TEASER_HINT_WORDS: Final = 60
HINT_OUTWEIGHED: Final = 10
"""A hint of fewer distinct words may be a teaser's summary: its container gives way to
scored nodes holding this many times its prose (the article the teaser sits beside)."""

# --- the paragraph model ------------------------------------------------------------
MIN_JUDGED_WORDS: Final = 3
"""Shorter lines (labels, signatures, a closing word) are left to the rules: the model,
which reads length as evidence, cannot tell them apart. Counted in any script
(``long_enough_to_judge``): a Chinese or Thai paragraph is one word to ``str.split``."""

KEPT_KINDS: Final = frozenset({"pre"})
"""Paragraphs the model reads (they are context for the others) but never drops:
preformatted text (code, commands) is never furniture, though short lines without
sentences look to the model like labels."""

# --- result -----------------------------------------------------------------
MIN_BODY_CHARS: Final = 200
"""A result shorter than this triggers the relaxed pass, is ``BodyQuality.SHORT``, and gives
way to a hint of real text stating over twice as much (a one-line teaser, a brief)."""
MIN_HINT_FALLBACK_CHARS: Final = 500
HINT_FALLBACK_RATIO: Final = 0.5
"""A hint this long, over twice what the page shows, is the text itself (paywalls)."""
MIN_FALLBACK_WORDS: Final = 3
"""A fallback's text (a hint replacing a short result, the last resort's) must have this
many words, in any script (``words_in_any_script``): fewer is a label ("Loading...", "Home",
"Read more", "加载中"), no article."""


class BoxCheck(Enum):
    """What judges a box inside the article as boilerplate before it is rendered."""

    NAMES_AND_CONTENTS = "names and contents"
    """Its class and id names and its contents (link density, length): the usual check."""
    CONTENTS = "contents"
    """Its contents alone: the last resort, on a site that names its story's box oddly."""
    LINKS_ONLY = "links only"
    """Only a box of links and next to nothing else: the very last resort, for prose so rich
    in links that every box of it reads as a link list (readability.js's last try keeps such
    boxes too). A list of headlines is still no text of the page's own."""


LAST_RESORT_TRIES: Final = (
    (BoxCheck.CONTENTS, False),
    (BoxCheck.CONTENTS, True),  # a gallery: its text is its pictures' captions
    (BoxCheck.LINKS_ONLY, False),  # prose so rich in links that its boxes read as link lists
)
"""How the last resort reads the body's boxes, and whether captions are text, in turn."""


@dataclass(frozen=True, slots=True)
class _Stated:
    """What the page states of its article besides its text: the record's title (the
    headline to look for) and its description, its spaces squeezed and its case folded (a
    standfirst to look for)."""

    title: str | None
    summary: str | None


ELLIPSES: Final = ("...", "…")
"""What ends a description cut short ("The council voted on Tuesday to ...")."""


@dataclass(slots=True)
class MainText:
    body: str
    body_html: str
    images: list[Image]
    trace: Trace
    """What the extraction did, noted as it went (``blocks`` reads it)."""
    quality: BodyQuality
    """How sure main text is that ``body`` is the article's text, and why."""

    @property
    def blocks(self) -> list[Block]:
        """Every block of the page in reading order, kept and dropped, each dropped one with
        its reason; the kept blocks' texts, joined by blank lines, are ``body``. (Built on
        each call, from the page as main text found and left it.)"""
        return page_blocks(self.trace)


class BlockJudge(Protocol):
    """Judges the rendered paragraphs of one article (``byline.blockmodel``)."""

    @property
    def threshold(self) -> float:
        """Paragraphs less likely than this to be article text are dropped."""
        ...

    def judge(self, texts: Sequence[str], rows: Iterable[Sequence[float]]) -> list[float]:
        """Each paragraph's probability of being article text, given its text and features
        (read once, in order)."""
        ...


def extract_main_text(
    doc: Document,
    hint: object = None,
    title: object = None,
    judge: BlockJudge = MODEL,
    summary: object = None,
) -> MainText | None:
    """The article's main text, or None when the page holds none.

    ``hint`` is the page's own statement of its text (JSON-LD ``articleBody``), ``title`` the
    record's title and ``summary`` its description, when they are text; ``judge`` judges each
    rendered paragraph (training passes its own). Leaves ``doc.root`` as it found it: what it
    removes while it works (scripts, furniture, boilerplate) is put back before it returns.
    """
    hint_text = hint if isinstance(hint, str) else None
    title_text = title.strip() or None if isinstance(title, str) else None
    summary_text = summary if isinstance(summary, str) else None
    page = _Stated(title_text, squeezed(summary_text).casefold() if summary_text else None)
    body = doc.root.find("body")
    if body is None:
        body = doc.root
    stripped = strip(body, NEVER_CONTENT_TAGS)
    at_times = strip(body, FALLBACK_CONTENT_TAGS)
    boxes, boxes_out, left = _remove_boilerplate(body)
    hint_words = frozenset(words_of(hint_text.lower())) if hint_text else None
    result = _best_result(doc, left, page, (judge, hint_words))
    boxes_out.put_back()
    if result is None or len(result.body) < MIN_BODY_CHARS:
        relaxed = _best_result(doc, list(body.iter(etree.Element)), page, (judge, hint_words))
        if relaxed is not None and (result is None or len(relaxed.body) > len(result.body)):
            result, boxes = relaxed, []
    if result is None:
        boxes, boxes_out, left = _remove_boilerplate(body, keep_wrappers=False)
        result = _best_result(doc, left, page, (judge, hint_words), last_resort=True)
        boxes_out.put_back()
    shown = len(result.body) if result else 0
    short = hint_text is not None and shown < HINT_FALLBACK_RATIO * len(hint_text)
    stated = _hint_paragraphs(hint_text) if hint_text and short else []
    words = sum(map(words_in_any_script, stated))
    never_content = stripped.elements + at_times.elements
    at_times.put_back()
    if result is None and words < MIN_FALLBACK_WORDS:
        never_content = stripped.elements
        boxes, result = _shown_anyway(doc, body, page, (judge, hint_words), summary_text)
        shown = len(result.body) if result else 0
    stripped.put_back()
    if result is not None:
        result.trace.never_content, result.trace.removed = never_content, boxes
    if (
        hint_text
        and stated
        and shown < HINT_FALLBACK_RATIO * len(hint_text)
        and (
            len(hint_text) >= MIN_HINT_FALLBACK_CHARS
            or (shown < MIN_BODY_CHARS and words >= MIN_FALLBACK_WORDS)
        )
    ):
        # the page hides the story (paywall, app shell) or shows a line of it
        return _stated_as_text(stated, result, doc.root, BodyQuality.STRUCTURED_DATA)
    return result


def _shown_anyway(
    doc: Document,
    body: etree._Element,
    page: _Stated,
    judge: tuple[BlockJudge, frozenset[str] | None],
    summary: str | None,
) -> tuple[list[tuple[etree._Element, Rule]], MainText | None]:
    """The last resorts of a page where nothing reads as an article and no ``articleBody``
    states one, with the furniture they remove: the body's text whatever its boxes are named
    and whether a script has yet to show them (a site that names its story's box "comments",
    a story "hidden" until a script runs or in a dialog, an object's fallback content;
    readability.js reads a page so on its last try),
    only link lists and furniture left out; failing any other text, captions (a gallery),
    then prose whose every box is rich in links (``LAST_RESORT_TRIES``); else the page's
    description (an app shell). (A page without a body, a frameset, shows no text of its
    own.)"""
    result, removed = None, []
    if body.tag == "body":
        furniture = strip(body, FURNITURE)
        stats = _score(list(body.iter(etree.Element)))
        scored = (body, stats)
        for boxes, captions in LAST_RESORT_TRIES:
            result = _rendered(doc, [body], scored, page, judge, True, boxes, captions)
            if result is not None:
                break
        furniture.put_back()
        removed = [(el, Rule.FURNITURE) for el in furniture.elements]
    if result is None and summary:
        paragraphs = _hint_paragraphs(summary)
        if sum(map(words_in_any_script, paragraphs)) >= MIN_FALLBACK_WORDS:
            result = _stated_as_text(paragraphs, None, doc.root, BodyQuality.DESCRIPTION)
    return removed, result


def _hint_paragraphs(hint: str) -> list[str]:
    """The hint's lines as the reader sees them (some pages put markup in it)."""
    paragraphs = [" ".join(visible(line).split()) for line in hint.splitlines()]
    return [p for p in paragraphs if p]


def _stated_as_text(
    paragraphs: list[str], found: MainText | None, page: etree._Element, quality: BodyQuality
) -> MainText:
    """The page's own statement of its text (``articleBody``, a description) as its body."""
    html = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    trace = found.trace if found is not None else Trace(page)
    for entry in trace.entries:
        if isinstance(entry, Block) and entry.verdict is not Verdict.DROPPED:
            entry.drop(Reason(Rule.HINT_REPLACES))
    trace.leading = [Block("p", p, escape(p, quote=False), None) for p in paragraphs]
    images = found.images if found else []
    return MainText("\n\n".join(paragraphs), html, images, trace, quality)


def _best_result(
    doc: Document,
    elements: list[etree._Element],
    page: _Stated,
    judge: tuple[BlockJudge, frozenset[str] | None],
    last_resort: bool = False,
) -> MainText | None:
    """The main text found among ``elements``: the body, then every element in it, in
    document order.

    As a ``last_resort`` (no container read as the article; ``elements`` without any
    boilerplate), the page's best text: the body is a container too, tried first when it
    outscores the best one (text in blocks of its own), else when that one gives no text
    (formulas and lines too short to score); paragraphs the model doubts are kept when it
    doubts them all.
    """
    body = elements[0]
    stats = _score(elements)
    nodes = _nodes_by_score(body, stats, page.title)
    hint_words = judge[1]
    if hint_words is not None:
        nodes = _prefer_hint(_container_for_hint(stats, hint_words), nodes, stats, hint_words)
    tries = [nodes] if nodes else []
    if last_resort and body.tag == "body":
        tries = [[body]] if _outscores(body, nodes, stats) else [*tries, [body]]
    for tried in tries:
        result = _rendered(doc, tried, (body, stats), page, judge, last_resort)
        if result is not None:
            return result
    return None


def _rendered(
    doc: Document,
    nodes: list[etree._Element],
    scored: tuple[etree._Element, _Stats],
    page: _Stated,
    judge: tuple[BlockJudge, frozenset[str] | None],
    last_resort: bool,
    boxes: BoxCheck = BoxCheck.NAMES_AND_CONTENTS,
    captions: bool = False,
) -> MainText | None:
    """The main text of ``nodes`` (in the body scored so), opened by their standfirst, the
    boxes in them that hold boilerplate left out as ``boxes`` says (``_box_rule``), and
    captions too unless they are text (``Renderer.captions``)."""
    body, stats = scored
    model, hint_words = judge
    nodes = _standfirst(nodes, body, stats, page) + nodes
    renderer = Renderer(
        doc, title=page.title, judge_box=lambda el: _box_rule(el, stats, boxes), captions=captions
    )
    for node in nodes:
        renderer.render(node)
    context = BlockContext(frozenset(nodes), stats.link_density, hint_words)
    renderer.blocks = _judged_blocks(renderer.blocks, context, model, last_resort)
    text, html, images = renderer.result()
    if not text or (last_resort and words_in_any_script(text) < MIN_FALLBACK_WORDS):
        return None
    trace = Trace(doc.root, nodes=renderer.nodes, entries=renderer.entries)
    if last_resort:
        quality = BodyQuality.BEST_BLOCK
    else:
        quality = BodyQuality.FULL if len(text) >= MIN_BODY_CHARS else BodyQuality.SHORT
    return MainText(body=text, body_html=html, images=images, trace=trace, quality=quality)


def _outscores(body: etree._Element, nodes: list[etree._Element], stats: _Stats) -> bool:
    """True when the body is a better container than ``nodes``: none was found, or the
    body's own paragraphs outscore them."""
    if not nodes:
        return True
    scores = stats.scores
    return scores.get(body, 0.0) > max(scores.get(node, 0.0) for node in nodes)


def _judged_blocks(
    blocks: list[Block], context: BlockContext, model: BlockJudge, last_resort: bool = False
) -> list[Block]:
    """The rendered blocks less the text paragraphs the model says are not the story.

    As a ``last_resort``, when the model doubts every paragraph it weighs (labels too short to
    weigh do not count: a "Home" left over would be all that remains), they are the page's best
    text: all are kept, saying so.
    """
    judged = [block for block in blocks if block.text and block.kind != "figcaption"]
    if not judged:
        return blocks
    texts = [block.text for block in judged]
    kinds = [block.kind for block in judged]
    rows = block_features(texts, kinds, [block.element for block in judged], context)
    threshold = model.threshold
    doubted: list[tuple[Block, float]] = []
    for block, probability in zip(judged, model.judge(texts, rows), strict=True):
        if probability < threshold and _weighed(block):
            doubted.append((block, probability))
    if not doubted:
        return blocks
    if last_resort and len(doubted) == sum(map(_weighed, judged)):
        for block, probability in doubted:
            block.keep(Reason(Rule.DOUBTED, probability=probability))
        return blocks
    for block, probability in doubted:
        block.drop(Reason(Rule.MODEL, probability=probability))
    return [block for block in blocks if block.verdict is Verdict.KEPT]


def _weighed(block: Block) -> bool:
    """True for a paragraph the model's verdict decides: long enough, not preformatted."""
    return long_enough_to_judge(block.text) and block.kind not in KEPT_KINDS


def long_enough_to_judge(text: str) -> bool:
    """True for a paragraph of ``MIN_JUDGED_WORDS``, in any script (a Chinese, Japanese or
    Thai paragraph is one "word" to ``str.split``)."""
    return words_in_any_script(text) >= MIN_JUDGED_WORDS


# --- cleaning ---------------------------------------------------------------


def _remove_boilerplate(
    body: etree._Element, keep_wrappers: bool = True
) -> tuple[list[tuple[etree._Element, Rule]], Removed, list[etree._Element]]:
    """Remove furniture, hidden and boilerplate-named elements (but, if ``keep_wrappers``,
    those that hold the page's text: ``_is_kept_anyway``).

    Returns the elements removed with why, how to put them back and the elements left (``body``
    first, in document order). A removed box takes its contents along unexamined: most
    boxes named like boilerplate sit inside another one, and most of a page's elements are
    in such boxes. Its tail
    (the text after it, which lxml removes with it) stays: the words after an ad in a
    paragraph belong to the paragraph.
    """
    left: list[etree._Element] = []
    doomed: list[tuple[etree._Element, Rule]] = []
    page: _PageText | None = None
    walker = etree.iterwalk(body, events=("start",), tag=etree.Element)  # can skip a subtree
    for _, el in walker:
        if el is not body and (rule := _boilerplate_rule(el)) is not None:
            if keep_wrappers and page is None:  # measured once, before anything is removed
                page = _PageText(body)
            if page is None or not _is_kept_anyway(el, page):
                doomed.append((el, rule))
                walker.skip_subtree()
                continue
        left.append(el)
        if el.tag in CODE_TAGS:
            # Class names in code are its highlighting ("hljs-comment"), no boxes.
            left.extend(el.iterdescendants(etree.Element))
            walker.skip_subtree()
    return doomed, remove(el for el, _ in doomed), left


def _boilerplate_rule(el: etree._Element) -> Rule | None:
    """Furniture by its tag, hidden, or named like a box of boilerplate (or None)."""
    if el.tag in FURNITURE_TAGS and not _attributes_quotation(el):
        return Rule.FURNITURE
    names = el.keys()  # (one call instead of up to five attribute reads)
    if not names:
        return None
    if not HIDING_ATTRIBUTES.isdisjoint(names) and is_hidden(el):
        return Rule.HIDDEN
    if "class" not in names and "id" not in names:
        return None  # (a quarter of the elements asked about: links, images)
    if not names_boilerplate(el.get("class"), el.get("id")):
        return None
    if el.tag in HEADING_KINDS and _heads_prose(el):
        return None  # a section's heading, whatever its style is named ("anchorTargetStickyNavbar")
    return Rule.BOILERPLATE_NAME


def _attributes_quotation(el: etree._Element) -> bool:
    """True for the ``<footer>`` of a ``<blockquote>``: who is quoted (Bootstrap's markup),
    no page furniture."""
    parent = el.getparent()
    return el.tag == "footer" and parent is not None and parent.tag == "blockquote"


def _heads_prose(heading: etree._Element) -> bool:
    """True for a heading a paragraph follows: a section of the text, not a box's label (a
    list of links, a form or a card follows those)."""
    following = heading.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()  # (comments, processing instructions)
    return following is not None and following.tag == "p"


class _PageText:
    """Characters of text on the whole page, and in each of its <p>.

    Read while the page is whole: the whole page's count is taken on first use (few
    pages need it, and it reads all of the page's text).
    """

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.paragraphs: dict[etree._Element, float] = {
            p: chars for p in body.iter("p") if (chars := _text_chars(p))
        }
        self.paragraph_chars = sum(self.paragraphs.values())
        self._chars: float | None = None

    @property
    def chars(self) -> float:
        chars = self._chars
        if chars is None:
            chars = self._chars = float(_text_chars(self.body))  # (XPath counts in floats)
        return chars

    def paragraph_chars_in(self, el: etree._Element) -> float:
        """Characters of <p> text the element holds: menus and link lists hold none."""
        return sum(map(self.paragraphs.get, el.iterdescendants("p"), repeat(0)))


def _is_kept_anyway(el: etree._Element, page: _PageText) -> bool:
    """True for a box named like boilerplate that is the article's wrapper or its lead."""
    if names_overlay(el.get("class"), el.get("id")) or el.tag in NAVIGATION_TAGS:
        return False  # a pop-up or a menu of teasers may outweigh a short article
    if _is_wrapper(el, page):
        return True  # the article's own wrapper, whatever its name says
    # A lead paragraph named "teaser", or the text folded behind a "read more" toggle:
    # prose, not a card among teaser cards or the toggle's link.
    return (names_standfirst(el) or names_expander(el)) and _is_lone_prose(el)


def _is_wrapper(el: etree._Element, page: _PageText) -> bool:
    """True for an element holding most of the page's paragraph text, or of its text
    outside links (a long menu or archive list is all links)."""
    chars: float = _text_chars(el)
    if chars <= WRAPPER_TEXT_SHARE * page.paragraph_chars:
        return False  # (most boxes: too short to hold half the paragraphs, let alone the page)
    if page.paragraph_chars_in(el) > WRAPPER_TEXT_SHARE * page.paragraph_chars:
        return True
    share = WRAPPER_TEXT_SHARE * page.chars
    return chars > share and chars - sum(map(_text_chars, el.iter("a"))) > share


def _is_lone_prose(el: etree._Element) -> bool:
    """Text with (almost) no links and no sibling of the same class (cards come in rows)."""
    if el.tag == "li":
        return False
    chars = _text_chars(el)
    if chars < MIN_STANDFIRST_CHARS:
        return False
    if sum(len(text_content(link).strip()) for link in el.iter("a")) > LONE_LINK_SHARE * chars:
        return False
    name = el.get("class")
    return not any(sibling.get("class") == name for sibling in el.itersiblings())


_text_chars: Final = etree.XPath("string-length(normalize-space())")


# --- scoring ----------------------------------------------------------------


@dataclass(slots=True)
class _Stats:
    """Per-element text measures and container scores of one pass."""

    chars: dict[etree._Element, int] = field(default_factory=dict)
    link_chars: dict[etree._Element, int] = field(default_factory=dict)
    commas: dict[etree._Element, int] = field(default_factory=dict)
    scores: dict[etree._Element, float] = field(default_factory=dict)
    prose: dict[etree._Element, float] = field(default_factory=dict)
    """Characters of paragraph text (outside links) each element holds."""
    paragraphs: list[etree._Element] = field(default_factory=list)

    def link_density(self, el: etree._Element) -> float:
        chars = self.chars.get(el, 0)
        return self.link_chars.get(el, 0) / chars if chars else 0.0


def _score(elements: list[etree._Element]) -> _Stats:
    """Measure ``elements`` (a subtree, in document order) bottom-up and score containers
    from their paragraphs."""
    stats = _Stats()
    # Local names for the dicts: this loop runs once per element of the page.
    chars, link_chars, commas, prose_of = stats.chars, stats.link_chars, stats.commas, stats.prose
    block_chars: dict[etree._Element, int] = {}
    # Reversed document order visits every element after all its descendants.
    for el in reversed(elements):
        tag = el.tag
        text = el.text
        own = len(text.strip()) if text else 0
        total = own + chars.get(el, 0)
        comma_count = commas.get(el, 0) + (_count_commas(text) if text and own else 0)
        if tag == "a" and links_to_a_heading_beside(el):
            total = comma_count = 0  # a heading's permalink: none of the page's text
        links = total if tag == "a" and not links_to_its_heading(el) else link_chars.get(el, 0)
        chars[el], link_chars[el], commas[el] = total, links, comma_count
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        tail_chars = len(tail.strip()) if tail else 0
        chars[parent] = chars.get(parent, 0) + total + tail_chars
        tail_commas = _count_commas(tail) if tail and tail_chars else 0  # (blank tails common)
        commas[parent] = commas.get(parent, 0) + comma_count + tail_commas
        if links:
            link_chars[parent] = link_chars.get(parent, 0) + links
        if tag in BLOCK_TAGS:
            block_chars[parent] = block_chars.get(parent, 0) + total
        prose = prose_of.get(el, 0.0)
        if tag in PARAGRAPH_TAGS:
            length = total
        elif tag in DIV_LIKE_TAGS:
            length = total - block_chars.get(el, 0)
        else:
            length = 0
        if length >= MIN_PARAGRAPH_CHARS:
            stats.paragraphs.append(el)
            _hand_score_up(stats, el, parent, _paragraph_score(el, length, stats))
            prose = max(prose, length * (1 - stats.link_density(el)))
        if prose:
            prose_of[el] = prose
            prose_of[parent] = prose_of.get(parent, 0.0) + prose
    for el, score in stats.scores.items():
        stats.scores[el] = (score + _evidence(el)) * (1 - stats.link_density(el))
    return stats


def _count_commas(text: str) -> int:
    if text.isascii():
        return text.count(",")
    return sum(map(text.count, COMMAS))


def _paragraph_score(el: etree._Element, length: int, stats: _Stats) -> float:
    points = 1 + stats.commas[el] + min(length // CHARS_PER_POINT, MAX_LENGTH_POINTS)
    return points * (1 - stats.link_density(el))


def _hand_score_up(stats: _Stats, el: etree._Element, parent: etree._Element, score: float) -> None:
    scores = stats.scores
    ancestor: etree._Element | None = parent
    for level in range(ANCESTOR_LEVELS):
        if ancestor is None or not isinstance(ancestor.tag, str):
            break
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        scores[ancestor] = scores.get(ancestor, 0.0) + score / divider
        ancestor = ancestor.getparent()


def _evidence(el: etree._Element) -> float:
    """Points from the tag and the class/id names: positive says article, negative not."""
    weight = max(-MAX_CLASS_NAMES, min(MAX_CLASS_NAMES, class_weight(el)))
    return TAG_WEIGHTS.get(str(el.tag), 0) + CLASS_WEIGHT * weight


# --- choosing the nodes ---------------------------------------------------------


def _nodes_by_score(body: etree._Element, stats: _Stats, title: str | None) -> list[etree._Element]:
    scores = stats.scores
    candidates = [el for el in scores if el is not body and el.tag not in ("html", "body")]
    if not candidates:
        return []  # not one paragraph-like block: no main text (a gallery, an index page)
    # points per paragraph often tie where no class name counts: the more prose wins
    best = max(candidates, key=lambda el: (scores[el], stats.prose.get(el, 0.0)))
    nodes = _around(_widen(_climb(best, body, stats), body, stats), best, body, stats)
    headline = _headline(body, title)
    if headline is not None and headline.tag == STORY_HEADLINE_TAG:
        nodes = [_headline_story(node, headline, stats) for node in nodes]
    anchored = _under_headline(nodes, body, stats, headline)
    if anchored is None:
        return nodes
    top = _widest_alike(anchored, body, stats)
    if _holds_any(top, nodes):
        top = anchored
    return [node for node in _around(top, anchored, body, stats) if not _holds_any(node, nodes)]


def _around(
    top: etree._Element, best: etree._Element, body: etree._Element, stats: _Stats
) -> list[etree._Element]:
    """``top`` (climbed from the ``best`` container) and the boxes that continue it."""
    parent = top.getparent()
    if parent is None:
        return [top]
    scores = stats.scores
    nodes = _with_siblings(top, parent, stats, max(scores.get(top, 0.0), scores[best]))
    wide = _widest_alike(top, body, stats)
    return nodes if wide is top else _with_signed_siblings(wide, nodes, stats)


def _holds_any(el: etree._Element, nodes: list[etree._Element]) -> bool:
    """True when ``el`` is one of ``nodes`` or holds one."""
    return any(node is el or el in node.iterancestors() for node in nodes)


def _under_headline(
    nodes: list[etree._Element],
    body: etree._Element,
    stats: _Stats,
    headline: etree._Element | None,
) -> etree._Element | None:
    """The container of the prose under the headline, when the nodes chosen by score leave
    it out (they are comments, a gallery, the next story below) and it holds an article of
    its own: ``HEADLINE_PROSE_RATIO`` times their prose, or ``HEADLINE_ARTICLE_PROSE`` of
    prose scoring ``HEADLINE_SCORE_RATIO`` of the best node. The best-scoring of its
    ancestors that holds none of the nodes."""
    if headline is None:
        return None
    first = _first_prose_after(headline, body, stats)
    if first is None:
        return None
    lineage = {first, *first.iterancestors()}
    if any(node in lineage for node in nodes):
        return None  # the nodes hold it: they are the article under the headline
    scores = stats.scores
    best: etree._Element | None = None
    for ancestor in first.iterancestors():
        if ancestor is body or _holds_any(ancestor, nodes):
            break
        if ancestor in scores and (best is None or scores[ancestor] > scores[best]):
            best = ancestor
    if best is None:
        return None
    if _in_other_story(nodes, first):
        return best  # the headline's <article>, not the next story's, however short
    prose = stats.prose.get(best, 0.0)
    if prose >= HEADLINE_PROSE_RATIO * sum(stats.prose.get(node, 0.0) for node in nodes):
        return best
    top_score = max(scores.get(node, 0.0) for node in nodes)
    if prose < HEADLINE_ARTICLE_PROSE or scores[best] < HEADLINE_SCORE_RATIO * top_score:
        return None
    return best if _count_paragraphs(best, stats) >= HEADLINE_ARTICLE_PARAGRAPHS else None


def _headline_story(
    node: etree._Element, headline: etree._Element, stats: _Stats
) -> etree._Element:
    """The box of ``node`` that holds the ``headline``'s story, when ``node`` holds stories
    side by side: boxes each with an h1 and ``MIN_STORY_PROSE`` of prose (the next story, that
    a page loads below the first as its reader scrolls, in boxes that are no ``<article>``)."""
    while True:
        stories = [
            child
            for child in node.iterchildren(etree.Element)
            if stats.prose.get(child, 0.0) >= MIN_STORY_PROSE
            and any(True for _ in child.iter(STORY_HEADLINE_TAG))
        ]
        own = next((story for story in stories if is_inside(headline, story)), None)
        if len(stories) < 2 or own is None:
            return node
        node = own


def _in_other_story(nodes: list[etree._Element], first: etree._Element) -> bool:
    """Whether the ``nodes`` lie in an ``<article>`` with a headline of its own apart from the
    one that holds ``first``, the prose under the headline: the next story of the page
    (``_holds_other_story``)."""
    story = next(first.iterancestors(STORY_TAG), None)
    if story is None:
        return False
    for node in nodes:
        other = _story_of(node)
        if other is None or other is story or is_inside(other, story) or is_inside(story, other):
            return False
        if not _holds_other_story(other):
            return False  # an article without a headline: a box of the page's story
    return True


def _story_of(el: etree._Element) -> etree._Element | None:
    """The ``<article>`` that is ``el`` or holds it, else the first one inside it."""
    around = (a for a in chain((el,), el.iterancestors()) if a.tag == STORY_TAG)
    return next(chain(around, el.iterdescendants(STORY_TAG)), None)


def _count_paragraphs(el: etree._Element, stats: _Stats) -> int:
    """The paragraphs of prose in ``el``, each counted once (not again for the boxes inside
    it that hold the same text)."""
    paragraphs = frozenset(stats.paragraphs)
    count = 0
    walker = etree.iterwalk(el, events=("start",), tag=etree.Element)
    for _, inner in walker:
        if inner in paragraphs and stats.chars.get(inner, 0) > SIBLING_PARAGRAPH_CHARS:
            count += 1
            walker.skip_subtree()
    return count


def _headline(body: etree._Element, title: str | None) -> etree._Element | None:
    """The first heading that shows the page's title."""
    if not title:
        return None
    return next(
        (el for el in body.iter(*HEADLINE_TAGS) if _shows_title(el, title)),
        None,
    )


def _first_prose_after(
    headline: etree._Element, body: etree._Element, stats: _Stats
) -> etree._Element | None:
    """The first paragraph of prose after the ``headline``."""
    paragraphs = frozenset(stats.paragraphs)
    after = False
    for el in body.iter(etree.Element):
        if not after:
            after = el is headline
        elif (
            el in paragraphs
            and headline not in el.iterancestors()
            and _reads_like_paragraph(el, stats)
            and stats.chars.get(el, 0) > SIBLING_PARAGRAPH_CHARS
        ):
            return el
    return None


def _climb(top: etree._Element, body: etree._Element, stats: _Stats) -> etree._Element:
    """Move up to an ancestor that scores better (the article split into several boxes)."""
    scores = stats.scores
    last = scores[top]
    threshold = last * PARENT_CLIMB_RATIO
    parent = top.getparent()
    while parent is not None and parent is not body:
        score = scores.get(parent)
        if score is not None:
            if score < threshold:
                break
            if score > last:
                top = parent
                break
            last = score
        parent = parent.getparent()
    return _widest_alike(top, body, stats)


def _widest_alike(top: etree._Element, body: etree._Element, stats: _Stats) -> etree._Element:
    """The widest box holding nothing but ``top`` (a box that says nothing it does not),
    where its siblings are the article's other parts."""
    while (
        (parent := top.getparent()) is not None
        and parent is not body
        and (len(parent) == 1 or stats.chars.get(parent, 0) == stats.chars.get(top, 0))
    ):
        top = parent
    return top


def _widen(top: etree._Element, body: etree._Element, stats: _Stats) -> etree._Element:
    """Move up while an ancestor holds much more prose (an article split into boxes)."""
    prose = stats.prose.get(top, 0.0)
    parent = top.getparent()
    while parent is not None and parent is not body:
        parent_prose = stats.prose.get(parent, 0.0)
        if parent_prose >= WIDEN_PROSE_GAIN * prose:
            if stats.link_density(parent) > WIDEN_LINK_DENSITY:
                break
            top, prose = parent, parent_prose
        parent = parent.getparent()
    return top


def _with_siblings(
    top: etree._Element, parent: etree._Element, stats: _Stats, top_score: float
) -> list[etree._Element]:
    """``top`` and the siblings that continue the article: siblings that score well (more
    easily when they share its class), paragraphs, and boxes of prose of its kind."""
    scores = stats.scores
    threshold = max(MIN_SIBLING_SCORE, top_score * SIBLING_SCORE_RATIO)
    top_class = top.get("class")
    kind = _kind(top)
    template = _Template(top, stats)
    nodes = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            nodes.append(sibling)
            continue
        if _holds_other_story(sibling):
            continue  # another story: the next one, loaded below as the reader scrolls
        same_class = sibling.get("class") == top_class and (top_class or sibling.tag == top.tag)
        bonus = top_score * SIBLING_SCORE_RATIO if same_class else 0
        if (
            (sibling in scores and scores[sibling] + bonus >= threshold)
            or (sibling.tag == "p" and _reads_like_paragraph(sibling, stats))
            or ((same_class or _kind(sibling) == kind) and _holds_prose(sibling, stats))
            or template.continued_by(sibling)
        ):
            nodes.append(sibling)
    return nodes


_Signature = tuple[tuple[str, str | None], tuple[str, str | None]]
ANY_HOLDER: Final = ("", None)
"""The holder in the signature of a paragraph with a class of its own: whatever box it is."""
ANY_TAG: Final = ""
"""The tag in the signature of a paragraph with a class of its own: whatever element it is."""


class _Template:
    """The paragraph signature of the chosen node, and whether a box continues it; read only
    when a box of enough prose asks (most pages never do)."""

    def __init__(self, node: etree._Element, stats: _Stats) -> None:
        self.node = node
        self.stats = stats
        self.paragraphs: frozenset[etree._Element] | None = None
        self.signature: _Signature | None = None
        self.signed = False

    def continued_by(self, el: etree._Element) -> bool:
        """True for a box of prose whose paragraphs have the chosen node's signature: the
        article's template, continued."""
        stats = self.stats
        if stats.prose.get(el, 0.0) < MIN_SIGNED_PROSE or not _holds_prose(el, stats):
            return False
        if not self.signed:
            self.signature, self.signed = self.signature_of(self.node), True
        return self.signature is not None and self.signature_of(el) == self.signature

    def signature_of(self, el: etree._Element) -> _Signature | None:
        """The signature of the paragraphs in ``el``: the paragraph's class (a
        ".article-text" is the site's article template wherever it sits, on a "p" or a "div")
        or, for a paragraph
        without a class, it and the kind of box holding it ("p" in a "div.body-text"); the
        one that carries most of the paragraph prose, when it carries
        ``SIGNATURE_PROSE_SHARE`` of it and names a class (an unnamed "div/p" says nothing)."""
        if self.paragraphs is None:
            self.paragraphs = frozenset(self.stats.paragraphs)
        paragraphs, prose = self.paragraphs, self.stats.prose
        by_signature: dict[_Signature, float] = {}
        for paragraph in el.iter(etree.Element):
            holder = paragraph.getparent()
            if paragraph not in paragraphs or holder is None:
                continue
            signature = _paragraph_signature(paragraph, holder)
            by_signature[signature] = by_signature.get(signature, 0.0) + prose.get(paragraph, 0.0)
        if not by_signature:
            return None
        signature, most = max(by_signature.items(), key=lambda item: item[1])
        named = signature[0][1] is not None or signature[1][1] is not None
        if named and most > 0 and most >= SIGNATURE_PROSE_SHARE * sum(by_signature.values()):
            return signature
        return None


def _paragraph_signature(paragraph: etree._Element, holder: etree._Element) -> _Signature:
    """A paragraph's class, whatever its tag (a site's article paragraphs are "p.para" and
    "div.para" alike), or, for one without a class, its tag and the kind of its holder."""
    kind = _kind(paragraph)
    if kind[1] is not None:
        return (ANY_TAG, kind[1]), ANY_HOLDER
    return kind, _kind(holder)


def _with_signed_siblings(
    wide: etree._Element, nodes: list[etree._Element], stats: _Stats
) -> list[etree._Element]:
    """``nodes`` (all inside ``wide``, a box holding nothing but the chosen node), and the
    siblings of ``wide`` whose paragraphs are signed alike: the article's other parts, one
    level up (an intro in a box of its own before the body's box)."""
    parent = wide.getparent()
    if parent is None:
        return nodes
    template = _Template(wide, stats)
    before: list[etree._Element] = []
    after: list[etree._Element] = []
    side = before
    for sibling in parent.iterchildren(etree.Element):
        if sibling is wide:
            side = after
        elif template.continued_by(sibling) and not _holds_other_story(sibling):
            side.append(sibling)
    return before + nodes + after


def _holds_other_story(sibling: etree._Element) -> bool:
    """Whether a sibling of the chosen text is, or wraps, an ``<article>`` with a headline of
    its own: another story (the next one, that a page loads below the first as its reader
    scrolls), not more of the chosen one, whose parts are sections. (When the chosen text is
    such a next story, ``_under_headline`` goes back to the headline's.)"""
    stories = chain((sibling,), sibling.iterdescendants(STORY_TAG))
    return any(
        story.tag == STORY_TAG and any(True for _ in story.iter(STORY_HEADLINE_TAG))
        for story in stories
    )


def _kind(el: etree._Element) -> tuple[str, str | None]:
    """The tag and the first class name: what kind of box it is ("row row--story" and
    "row row--story wide" are both rows; the later names say how it looks)."""
    names = (el.get("class") or "").split()
    return str(el.tag), names[0] if names else None


def _holds_prose(el: etree._Element, stats: _Stats) -> bool:
    """True for a box with paragraphs of prose, however deep they are."""
    return (
        stats.prose.get(el, 0.0) >= SIBLING_PARAGRAPH_CHARS
        and stats.link_density(el) < SIBLING_LINK_DENSITY
    )


def _standfirst(
    nodes: list[etree._Element], body: etree._Element, stats: _Stats, page: _Stated
) -> list[etree._Element]:
    """The standfirst that opens the article, when it sits before the chosen nodes.

    Pages often put the lead paragraph in the article's header, next to the
    headline, a few levels away from the box of body paragraphs. It is found
    among what precedes the first chosen node under its near ancestors: by its
    name, as the first paragraph of prose after the headline, or as the text the
    page's description states; failing those, the description's text anywhere before
    the article (a deck set apart in a hero box).
    """
    if sum(stats.prose.get(node, 0.0) for node in nodes) < MIN_BODY_CHARS:
        return []  # too little found to trust: the relaxed pass may find the article
    first = nodes[0]
    ancestors = []
    for ancestor in first.iterancestors():
        ancestors.append(ancestor)
        if ancestor is body or len(ancestors) == STANDFIRST_LEVELS:
            break
    lineage = set(ancestors)
    for scope in ancestors:
        found: list[etree._Element] = []
        headline = lead = None
        for el in scope.iter(etree.Element):
            if el is first:
                break
            if headline is None and el.tag in HEADLINE_TAGS and _shows_title(el, page.title):
                headline = el
                continue
            if not _reads_like_standfirst(el, stats) or el in lineage:
                continue  # (most elements: ruled out by a lookup, before the costlier tests)
            if any(el in held.iterdescendants() for held in found):
                continue
            if headline is not None and lead is None and not found and _may_be_lead(el, headline):
                lead = el  # the first prose after the headline: a lead if it is a sentence
                if _reads_like_lead(el, text_content(el)):
                    found.append(el)
                    continue
            if names_standfirst(el) or _states_summary(el, page.summary):
                found.append(el)
        if found:
            return found[:MAX_STANDFIRSTS]
    if page.summary is None:
        return []
    for el in body.iter(etree.Element):
        if el is first:
            break
        stated = el not in lineage and _reads_like_standfirst(el, stats)
        if stated and _states_summary(el, page.summary):
            return [el]
    return []


def _states_summary(el: etree._Element, summary: str | None) -> bool:
    """True for a block whose text is the page's description (as ``_Stated`` holds it; a description
    cut short with an ellipsis: its start), that holds no heading: the deck the page's
    metadata repeats. (An h1 the description restates is the headline, a box of a heading
    and more the article's header.)"""
    if summary is None or el.tag == "h1":
        return False
    text = squeezed(text_content(el)).casefold()
    if text != summary:
        stem = summary.rstrip(".… ")
        cut = summary.endswith(ELLIPSES) and len(stem) >= MIN_STANDFIRST_CHARS
        if not (cut and text.startswith(stem)):
            return False
    return not _holds_heading(el)


def _holds_heading(el: etree._Element) -> bool:
    return any(True for _ in el.iterdescendants(*HEADING_TAGS))


def _may_be_lead(el: etree._Element, headline: etree._Element) -> bool:
    """True for one paragraph, not part of the headline or of a picture's caption."""
    return (
        el.tag in LEAD_TAGS
        and _is_one_paragraph(el)
        and not any(
            ancestor is headline or ancestor.tag in PICTURE_TAGS for ancestor in el.iterancestors()
        )
    )


def _reads_like_lead(el: etree._Element, text: str) -> bool:
    """True for a sentence, or for a deck: a paragraph or subheading of several words that
    decks print without the full stop ("Penalties are to be increased for repeat offenders"),
    not a line of fields ("12 June | 3 min read") or a labelled one ("Foto: dpa")."""
    if _ends_sentence(text):
        return True
    return (
        el.tag in DECK_TAGS
        and words_in_any_script(text) >= MIN_DECK_WORDS
        and not any(mark in text for mark in DECK_BREAKERS)
    )


def _is_one_paragraph(el: etree._Element) -> bool:
    """True for an element holding no block of its own (a lead, not a box of several)."""
    return all(child.tag not in BLOCK_TAGS for child in el.iterdescendants(etree.Element))


def _shows_title(heading: etree._Element, title: str | None) -> bool:
    """True for a heading that shows the page's title (not a logo or a section name)."""
    if not title:
        return False
    text = " ".join(text_content(heading).split()).casefold()
    title = title.casefold()
    return bool(text) and (
        title in text or (text in title and len(text) >= HEADLINE_TITLE_SHARE * len(title))
    )


def _reads_like_standfirst(el: etree._Element, stats: _Stats) -> bool:
    chars = stats.chars.get(el, 0)
    return (
        MIN_STANDFIRST_CHARS <= chars <= MAX_STANDFIRST_CHARS
        and stats.link_density(el) < STANDFIRST_LINK_DENSITY
    )


def _reads_like_paragraph(el: etree._Element, stats: _Stats) -> bool:
    chars = stats.chars.get(el, 0)
    density = stats.link_density(el)
    if chars > SIBLING_PARAGRAPH_CHARS:
        return density < SIBLING_LINK_DENSITY
    return chars > 0 and density == 0 and _ends_sentence(text_content(el))


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in SENTENCE_ENDS


def _container_for_hint(stats: _Stats, hint_words: frozenset[str]) -> etree._Element | None:
    """The smallest container whose paragraphs cover the hint, or None if none does."""
    if not _has_hint_words(hint_words):
        return None
    matched: dict[etree._Element, int] = {}
    covered: set[str] = set()
    for el in stats.paragraphs:
        words = words_of(text_content(el).lower())
        if not _has_hint_words(words):
            continue
        inside = sum(map(hint_words.__contains__, words))
        if inside >= HINT_BLOCK_OVERLAP * len(words):
            matched[el] = len(words)
            covered.update(words)
    if len(covered & hint_words) < HINT_COVERAGE * len(hint_words):
        return None
    # Every matched block hands its weight to all its ancestors; the container is
    # the deepest element holding enough of the total.
    total = sum(matched.values())
    held: dict[etree._Element, int] = {}
    for el, weight in matched.items():
        for ancestor in el.iterancestors():
            held[ancestor] = held.get(ancestor, 0) + weight
    best, best_depth = None, -1
    for el, weight in held.items():
        if weight >= HINT_CONTAINER_SHARE * total:
            depth = sum(1 for _ in el.iterancestors())
            if depth > best_depth:
                best, best_depth = el, depth
    return best


def _has_hint_words(words: Collection[str]) -> bool:
    """True for ``HINT_MIN_BLOCK_WORDS`` words or more, in any script: ``words_of`` gives a
    Chinese or Thai clause as one word."""
    return (
        len(words) >= HINT_MIN_BLOCK_WORDS
        or words_in_any_script(" ".join(words)) >= HINT_MIN_BLOCK_WORDS
    )


def _prefer_hint(
    container: etree._Element | None,
    scored: list[etree._Element],
    stats: _Stats,
    hint_words: frozenset[str],
) -> list[etree._Element]:
    """The hint's container, unless the scored nodes already hold it, or the hint is a
    teaser's length and the scored nodes an article many times longer.

    Scored nodes around the hint's container found the same article and more of
    it (a standfirst outside the articleBody box, a truncated or partial hint);
    scored nodes elsewhere or inside it missed the article the hint points to, unless
    a short hint points to a teaser on the page (some sites state another story's
    summary as ``articleBody``).
    """
    if container is None:
        return scored
    if any(node is container or node in container.iterancestors() for node in scored):
        return scored
    if len(hint_words) < TEASER_HINT_WORDS:
        scored_prose = sum(stats.prose.get(node, 0.0) for node in scored)
        if scored_prose >= HINT_OUTWEIGHED * max(stats.prose.get(container, 0.0), 1.0):
            return scored
    return [container]


# --- residual boilerplate inside the container --------------------------------

CONDITIONAL_TAGS: Final = frozenset(
    {"div", "section", "ul", "ol", "table", "header", "figure", "dl"}
)
"""Boxes judged by their contents before rendering (readability's 'clean conditionally')."""
MAX_COMMAS_FOR_CHECK: Final = 10
"""Boxes with this many commas are prose: always kept."""
LIST_LINK_DENSITY: Final = 0.5
"""A box whose text is more than this share of link text is a link list..."""
BOX_LINK_DENSITY: Final = 0.3
"""...and a non-list box with this share, without article evidence, too..."""
MIN_PROSE_BOX_CHARS: Final = 300
"""...unless this many characters of its text are outside links (prose rich in links)."""
NAMED_BOX_LINK_DENSITY: Final = 0.2
SHORT_SENTENCE_ENDS: Final = frozenset(".!?:。！？")
"""How a short sentence ends (an ellipsis ends placeholders: "Loading...", "Read on…")."""
SHORT_BOX_CHARS: Final = 100
"""...and a box named like boilerplate (info, list, meta...) that is linky or this short."""
LINKS_ONLY_DENSITY: Final = 0.8
"""A box whose text is more than this share of link text is a link list even to the very
last resort (``BoxCheck.LINKS_ONLY``): headlines, menus, tags."""


def _box_rule(el: etree._Element, stats: _Stats, boxes: BoxCheck) -> Rule | None:
    """Why a box inside the article holds boilerplate, judged as ``boxes`` says; None for a
    box to render. (A hidden box is dropped here too when names are judged: the relaxed
    pass, which keeps boxes named like boilerplate, never shows what readers do not see.)"""
    names = boxes is BoxCheck.NAMES_AND_CONTENTS
    if names and not HIDING_ATTRIBUTES.isdisjoint(el.keys()) and is_hidden(el):
        return Rule.HIDDEN
    tag = el.tag
    if tag not in CONDITIONAL_TAGS:
        return None
    if stats.commas.get(el, 0) >= MAX_COMMAS_FOR_CHECK:
        return None
    chars = stats.chars.get(el, 0)
    if chars == 0:
        return None  # images and empty boxes: the renderer decides
    density = stats.link_density(el)
    if boxes is BoxCheck.LINKS_ONLY:
        return Rule.LINK_LIST if density > LINKS_ONLY_DENSITY else None
    weight = class_weight(el) if names else 0
    if weight < 0 and density > NAMED_BOX_LINK_DENSITY:
        return Rule.NAMED_LINK_BOX  # a linky box whose name says it is not the story
    if chars * (1 - density) >= MIN_PROSE_BOX_CHARS:
        return None  # several sentences of text between the links: prose that cites
    if density > LIST_LINK_DENSITY:
        return Rule.LINK_LIST
    if weight < 0 and chars < SHORT_BOX_CHARS:
        # a short box named so: a label, unless it is a sentence (a question, a remark)
        if density == 0 and _is_short_sentence(text_content(el)):
            return None
        return Rule.NAMED_LABEL
    if tag not in ("ul", "ol") and weight <= 0 and density > BOX_LINK_DENSITY:
        return Rule.LINK_BOX
    return None


def _is_short_sentence(text: str) -> bool:
    text = text.rstrip()
    return text[-1:] in SHORT_SENTENCE_ENDS and not text.endswith("..")
