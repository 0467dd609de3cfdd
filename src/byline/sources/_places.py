"""Where an element sits on the page, and what a reader sees of it.

The ``dom`` source and its parts rank what they find by its place: inside the article that
holds the headline and just below the headline is good; inside comments, sidebars,
navigation, footers and lists of other articles is bad. This module holds that vocabulary
once (the markers of bad places, how far up the tree and how far below the headline to
look) and the helpers that read an element's visible text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from byline.document import RUBY_ANNOTATION_TAGS, is_inside, text_content, visible
from byline.sources._page import SCRIPT_TAGS, Page

ARTICLE_MARKERS: Final = ("article", "post", "entry", "story", "content", "beitrag", "artikel")
"""class/id fragments of a block that holds an article."""
ARTICLE_TAGS: Final = ("article", "main")
PAGE_TAGS: Final = ("body", "html")
"""Where the search up the tree ends: an element this high holds everything."""

BAD_PLACE_MARKERS: Final = (
    "comment", "komment", "sidebar", "widget", "related", "teaser", "footer", "nav", "menu",
    "popular", "recommend", "newsletter", "share", "social", "breadcrumb", "reply", "similar",
    "more-", "weitere", "trending", "most-read", "mostread", "outbrain", "taboola", "recirc",
)  # fmt: skip
"""Ancestor class/id fragments of places where a date or a name is another article's or a
reader's: comments, sidebars, navigation, lists of related and further articles."""
COMMENT_MARKERS: Final = ("comment", "komment", "disqus", "discussion", "responses")
"""Fragments of the bad places that are bad even inside the article: its comments."""
_COMMENTARY: Final = re.compile(r"commentar(?:y|ies)|commentators?")
"""Words that hold a comment fragment but name an opinion piece ("commentary article"), the
story itself, not its readers' comments."""
BAD_PLACE_TAGS: Final = frozenset({"aside", "nav", "footer", "form"})
LAYOUT_PREFIXES: Final = ("has-", "with-", "no-", "without-")
"""Class prefixes that describe a container's layout ("main-content has-sidebar"): such a
class names what sits beside the element, not the element."""
TAXONOMY_PREFIXES: Final = ("category-", "tag-")
"""Class prefixes naming the categories and tags a post is filed under (WordPress's
``post_class``: "post hentry category-der-kommentar"): what the post is about, not what
the element is."""

ANCESTOR_DEPTH: Final = 13
"""How many ancestors of an element are checked for its surroundings."""
NEAR_HEADLINE_LINES: Final = 40
"""Source lines after the headline within which a byline or date counts as its own (and a
quarter of it before the headline)."""

UNREAD_TAGS: Final = frozenset({"script", "style", "template", *RUBY_ANNOTATION_TAGS})
"""Elements whose text is code, markup or glosses of other words, never read as text: a
script inside an ``<h1>`` is not part of its headline, nor the readings of its kanji."""

HIDDEN_CLASSES: Final = frozenset(
    "hidden rich-snippet-hidden sr-only screen-reader-text screen-reader-only visually-hidden "
    "visuallyhidden d-none u-sronly element-invisible assistive-text show-for-sr".split()
)
"""Classes that hide an element from sight. Unlike the ``hidden`` attribute and inline styles
(``boilerplate.is_hidden``) a class only says so by its name: a sign, not a certainty."""
HIDDEN_CLASS_DEPTH: Final = 3
"""How far up an element is looked at for a class that hides it."""

IN_ARTICLE_SCORE: Final = 3.0
AFTER_HEADLINE_SCORE: Final = 2.0
BEFORE_HEADLINE_SCORE: Final = 1.0
BAD_PLACE_SCORE: Final = -4.0

_BAD_PLACE_RE: Final = re.compile("|".join(re.escape(m) for m in BAD_PLACE_MARKERS))


@dataclass(slots=True)
class Context:
    """Where the article is (the chosen headline and the element that holds it), and the
    elements that may hold a byline or tags, each list in document order."""

    headline: etree._Element | None
    article: etree._Element | None
    rel: list[etree._Element] = field(default_factory=list)
    bylines: list[etree._Element] = field(default_factory=list)
    tag_lists: list[etree._Element] = field(default_factory=list)
    page: Page = field(default_factory=Page)
    title: str = ""
    """The page's ``<title>``, whitespace collapsed and case folded."""


def markers(element: etree._Element) -> str:
    """The class, id and itemprop of an element, lower case, space separated."""
    if not isinstance(element.tag, str):
        return ""
    parts = (element.get("class"), element.get("id"), element.get("itemprop"))
    return " ".join(p for p in parts if p).lower()


def names_bad_place(element_markers: str) -> bool:
    """Whether class/id/itemprop markers name a place of other articles or readers."""
    if _BAD_PLACE_RE.search(element_markers) is None:
        return False
    return any(
        _BAD_PLACE_RE.search(token) and not token.startswith(LAYOUT_PREFIXES)
        for token in element_markers.split()
    )


def article_of(element: etree._Element | None) -> etree._Element | None:
    """The nearest ``<article>``/``<main>`` around ``element``, else an article-like block."""
    if element is None:
        return None
    marked = None
    for depth, ancestor in enumerate(element.iterancestors()):
        if ancestor.tag in ARTICLE_TAGS:
            return ancestor
        if ancestor.tag in PAGE_TAGS or depth >= ANCESTOR_DEPTH:
            break
        if marked is None and ancestor.tag != "header":
            found = markers(ancestor)
            if any(m in found for m in ARTICLE_MARKERS) and "head" not in found:
                marked = ancestor
    return marked


def place_score(element: etree._Element, context: Context) -> float:
    """Inside the headline's article and just after the headline is good; asides are bad."""
    score = 0.0
    if context.article is not None and is_inside(element, context.article):
        score += IN_ARTICLE_SCORE
    if context.headline is not None:
        score += headline_nearness(element.sourceline, context.headline.sourceline)
    if in_bad_place(element):
        score += BAD_PLACE_SCORE
    return score


def headline_nearness(line: int | None, headline_line: int | None) -> float:
    """The score of a source line for being just after (or just before) the headline's."""
    if line is None or headline_line is None:
        return 0.0
    distance = line - headline_line
    if 0 <= distance <= NEAR_HEADLINE_LINES:
        return AFTER_HEADLINE_SCORE
    if -NEAR_HEADLINE_LINES // 4 <= distance < 0:
        return BEFORE_HEADLINE_SCORE
    return 0.0


def in_article(element: etree._Element | None, article: etree._Element | None) -> bool | None:
    """Whether ``element`` is ``article`` or lies inside it; None when either is unknown."""
    if element is None or article is None:
        return None
    return element is article or is_inside(element, article)


def in_bad_place(element: etree._Element, comments_only: bool = False) -> bool:
    """Whether ``element`` sits in a bad place (see ``BAD_PLACE_MARKERS``) outside the
    article; in comments wherever they are. ``comments_only``: in comments only.

    A fragment anywhere in the markers counts, layout classes too ("has-sidebar"), unlike
    ``names_bad_place`` (dates): reading them as dates do changes one dev page's authors.
    """
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= ANCESTOR_DEPTH or ancestor.tag in PAGE_TAGS:
            break
        found = markers(ancestor)
        if _names_comments(found):
            return True
        if ancestor.tag in ARTICLE_TAGS:
            return False  # the article's own footer or aside is still the article
        if comments_only:
            continue
        if ancestor.tag in BAD_PLACE_TAGS or any(m in found for m in BAD_PLACE_MARKERS):
            return True
    return False


def _names_comments(found: str) -> bool:
    """Whether markers name a comment section (``COMMENT_MARKERS``), an opinion piece's name
    ("commentary") and a post's category ("category-kommentar") aside; the fragments are
    tested first, as most markers hold none."""
    if not any(m in found for m in COMMENT_MARKERS):
        return False
    return any(
        m in _COMMENTARY.sub("", token)
        for token in found.split()
        if not token.startswith(TAXONOMY_PREFIXES)
        for m in COMMENT_MARKERS
    )


CARD_TAG: Final = "article"
"""The element of one story; inside a list of other stories, a teaser card."""
CARD_HOLDER_TAGS: Final = frozenset({"aside", "nav", "footer"})
"""Furniture that holds cards of other stories (not ``form``: whole pages sit in forms)."""


def in_other_story(element: etree._Element, context: Context) -> bool:
    """Whether ``element`` lies in the card of another story: an ``<article>`` that does not
    hold the headline, inside a place of related or further stories (``names_bad_place``)
    or in the page's furniture that does not hold the headline either (a layout box named
    "right-sidebar" may wrap the page's story). What such a card names (its byline, its
    date) is that story's, whatever the card's own markers say."""
    card = next(element.iterancestors(CARD_TAG), None)
    if card is None or card is context.article:
        return False
    headline = context.headline
    if headline is not None and (headline is card or is_inside(headline, card)):
        return False
    for depth, ancestor in enumerate(card.iterancestors()):
        if depth >= ANCESTOR_DEPTH or ancestor.tag in PAGE_TAGS:
            break
        if headline is not None and is_inside(headline, ancestor):
            return False  # a box that holds the headline holds the page's own story
        if ancestor.tag in CARD_HOLDER_TAGS or names_bad_place(markers(ancestor)):
            return True
    return False


def _hides(element: etree._Element) -> bool:
    """Whether ``element``'s own class hides it from readers."""
    classes = element.get("class")
    return classes is not None and not HIDDEN_CLASSES.isdisjoint(classes.lower().split())


def hidden_by_class(element: etree._Element) -> bool:
    """Whether ``element`` or one of its nearest ancestors is hidden from readers by class."""
    ancestors = itertools.islice(element.iterancestors(), HIDDEN_CLASS_DEPTH)
    return any(map(_hides, itertools.chain((element,), ancestors)))


# --- what a reader sees of an element -------------------------------------------------------


def visible_texts(element: etree._Element, with_tail: bool = True) -> Iterable[str]:
    """The text pieces of ``element`` in document order (see ``_pieces``), stripped."""
    for piece in _pieces(element, breaks=False):
        if piece and not piece.isspace():
            yield piece.strip()
    tail = element.tail if with_tail else None
    if tail and not tail.isspace():
        yield tail.strip()


def _pieces(element: etree._Element, breaks: bool) -> Iterator[str | None]:
    """The text pieces inside ``element`` in document order, as written, without scripts,
    styles and what a class hides from sight (``HIDDEN_CLASSES``: a screen reader's words),
    and None at each ``<br>`` when ``breaks``."""
    # a child's tail comes after the child's own text: "von <time>..</time> » <a>r23</a>"
    walk = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walk:
        if event == "start":
            if breaks and node.tag == "br":
                yield None
            if node is not element and _hides(node):
                walk.skip_subtree()  # "von Sarah Schnieder <span class=sr-only>Reiterrevue"
                continue
            piece = node.text if node.tag not in SCRIPT_TAGS else None
        else:  # "end" of an element, or a comment or processing instruction
            piece = node.tail if node is not element else None
        if piece:  # (each read of text or tail builds a new string)
            yield piece


def spaced_text(element: etree._Element) -> str:
    """The text of ``element`` with a space between the pieces of different elements.

    Bylines are built from several inline elements ("Veröffentlicht von<a>Chris Jung</a>")
    whose text must not run together.
    """
    return _spaced(piece for piece in _pieces(element, breaks=False) if piece)


def spaced_lines(element: etree._Element) -> list[str]:
    """``spaced_text`` line by line: a ``<br>`` ends a line ("Jane Doe<br>Transport
    correspondent")."""
    lines: list[list[str]] = [[]]
    for piece in _pieces(element, breaks=True):
        if piece is None:
            lines.append([])
        else:
            lines[-1].append(piece)
    return [joined for line in lines if (joined := _spaced(line))]


def _spaced(pieces: Iterable[str]) -> str:
    """``pieces`` joined by a space, but for a letter styled apart from its word, with no
    space between ("Will Knigh<span class=last-letter>t</span>", a drop cap's
    "<span>T</span>he"): it is no word of its own."""
    pieces = list(pieces)
    if all(len(piece) != 1 for piece in pieces):  # (no letter apart: the common case, in C)
        return " ".join(" ".join(pieces).split())
    words: list[str] = []
    previous = ""
    for piece in pieces:
        styled_letter = len(piece) == 1 or len(previous) == 1
        if styled_letter and words and previous[-1:].isalpha() and piece[:1].islower():
            words[-1] += piece
        else:
            words.append(piece)
        previous = piece
    return " ".join(" ".join(words).split())


def visible_text(element: etree._Element | None) -> str:
    """The visible text of ``element``, whitespace collapsed."""
    if element is None:
        return ""
    if next(element.iterdescendants(*UNREAD_TAGS), None) is None:
        text = text_content(element)  # the common case: one call in C
    else:
        text = "".join(texts_inside(element, is_unread))
    return " ".join(visible(text).split())


def is_unread(element: etree._Element) -> bool:
    return element.tag in UNREAD_TAGS


def texts_inside(
    element: etree._Element, skip: Callable[[etree._Element], bool], gap: str = ""
) -> Iterator[str]:
    """The texts inside ``element`` in document order, without those of the descendants
    ``skip`` picks (``gap`` stands for each; their tails stay: the text after them is
    visible) or of comments.

    Walked with a stack of its own, not by recursion: a page may nest 2048 levels deep
    (``document.MAX_NESTING``), twice as deep as Python recurses."""
    yield element.text or ""
    levels = [iter(element)]
    tails: list[str] = []  # the tail of each element being read, after its last child
    while levels:
        child = next(levels[-1], None)
        if child is None:
            levels.pop()
            if tails:
                yield tails.pop()
        elif isinstance(child.tag, str) and not skip(child):
            yield child.text or ""
            levels.append(iter(child))
            tails.append(child.tail or "")
        else:
            if isinstance(child.tag, str):
                yield gap
            yield child.tail or ""
