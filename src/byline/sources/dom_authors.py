"""The ``authors`` part of the ``dom`` source: bylines as readers see them.

Two kinds of places give names:

- elements marked as bylines (class/id/itemprop with "author", "byline"..., ``<address>``,
  ``rel=author`` links and links to author pages), found by ``dom``'s one scan of the page;
- unmarked short texts that read as a byline ("Posted by Konstantin", "von Klaus Stanjek",
  "Autor: Hans Meier"), searched only inside the article that holds the headline.

Each distinct group of names becomes one ``authors`` candidate, the most article-like
first: near the headline and inside its article is good, sidebars and footers are bad,
comments are never the article's author.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from byline.authors import split_names
from byline.document import Document
from byline.sources import AuthorCandidate, Candidate
from byline.sources import dom as page

if TYPE_CHECKING:
    from byline.sources.dom import _Context

SOURCE = "dom"

MAX_BYLINE_TEXT = 200
"""Byline elements with more text than this are author boxes or whole articles."""
MAX_AUTHOR_GROUPS = 3
MAX_TEXT_NODES = 400
"""At most this many short texts of the article are read for an unmarked byline."""
MAX_TEXT_BYLINE = 120
"""An unmarked byline is a short text: longer ones are sentences that mention a name."""
LEAD_WITHIN = 40
"""A bare lead ("von") comes first, or after a date of at most this length."""
MIN_UNMARKED_NAME_WORDS = 2
"""After a bare "von"/"by", one capitalised word is as often a noun as a name."""
NEAR_HEADLINE_BONUS = 1.5
"""Extra score of the byline nearest below the headline, falling off with distance."""
NEAR_HEADLINE_FALLOFF = 60
"""Source lines over which the nearness bonus falls to nothing."""
UNMARKED_PENALTY = 1.0
"""An unmarked text byline counts less than an element the page marks as one."""

# Lead words of an unmarked byline; the names follow them. Explicit leads ("Posted by",
# "Autor:") vouch for a one-word name and may follow other labels ("Datum: 3.11. Autor: X");
# a bare "by"/"von" may only follow a date, and needs a full name.
_EXPLICIT_LEAD = (
    r"(?:posted by|written by|words by|story by|geschrieben von|verfasst von|erstellt von|"
    r"ein beitrag von|eine kolumne von|ein kommentar von|ein gastbeitrag von)(?:\s*:\s*|\s+|$)"
    r"|(?:autor(?:in)?|author|auteur|autora|text|texte)\s*:\s*"
)
_TEXT_LEAD = re.compile(
    r"(?:^|(?<=[\s|·•,]))"
    r"(?:(?P<explicit>" + _EXPLICIT_LEAD + r")|(?:by|von|par|door|por)\s+)(?=\S|$)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]")


def author_candidates(doc: Document, context: _Context) -> list[Candidate]:
    """One ``authors`` candidate per distinct byline, the most article-like first."""
    groups: list[tuple[float, int, list[AuthorCandidate]]] = []
    seen: set[tuple[str, ...]] = set()
    elements = context.bylines + [e for e in context.rel if _is_rel_author(e)]
    for order, element in enumerate(elements):
        if not isinstance(element.tag, str) or element.tag in page._SKIP_TAGS:
            continue
        text = page._spaced_text(element)
        if not text or len(text) > MAX_BYLINE_TEXT:
            continue
        _add_group(groups, seen, doc, element, split_names(text), order, context, 0.0)
    text_bylines = _text_bylines(doc.root, context)
    for order, (element, text, explicit) in enumerate(text_bylines, start=len(elements)):
        names = [n for n in split_names(text) if n[:1].isupper()]
        if not explicit and any(len(n.split()) < MIN_UNMARKED_NAME_WORDS for n in names):
            continue
        _add_group(groups, seen, doc, element, names, order, context, -UNMARKED_PENALTY)
    groups.sort(key=lambda g: (-g[0], g[1]))
    return [Candidate("authors", people, SOURCE) for _, _, people in groups[:MAX_AUTHOR_GROUPS]]


def _add_group(
    groups: list[tuple[float, int, list[AuthorCandidate]]],
    seen: set[tuple[str, ...]],
    doc: Document,
    element: etree._Element,
    names: list[str],
    order: int,
    context: _Context,
    bonus: float,
) -> None:
    if not names:
        return
    key = tuple(n.casefold() for n in names)
    if key in seen:
        return
    score = _author_score(element, context)
    if score is None:
        return
    seen.add(key)
    url = _author_url(doc, element)
    people = [AuthorCandidate(n, url if len(names) == 1 else None, "person") for n in names]
    groups.append((score + bonus, order, people))


def _text_bylines(
    root: etree._Element, context: _Context
) -> list[tuple[etree._Element, str, bool]]:
    """Short unmarked texts of the article (or, without one, the page) that begin with a
    byline lead ("Posted by").

    Each as (element holding it, the byline from its lead on, whether the lead is explicit).
    Only a date may stand before the lead: "... by" inside a sentence is no byline.
    """
    scope = context.article if context.article is not None else _body(root)
    start = context.page.first_text_of(scope) if scope is not None else None
    if start is None:
        return []
    found: list[tuple[etree._Element, str, bool]] = []
    # The short texts with a lead hint that dom's walk kept, in document order; those of
    # the scope are the ones from its first text on, up to the first one outside it.
    for piece in context.page.byline_texts:
        if piece.ordinal < start:
            continue
        if piece.ordinal >= start + MAX_TEXT_NODES or not _is_in(piece, scope):
            break
        text = " ".join(piece.text.split())
        if not text or len(text) > MAX_TEXT_BYLINE:
            continue
        lead = _TEXT_LEAD.search(text)
        if lead is None:
            continue
        explicit = bool(lead.group("explicit"))
        if not explicit and (lead.start() > LEAD_WITHIN or _LETTERS.search(text, 0, lead.start())):
            continue
        holder = piece.parent()
        if holder is None or not isinstance(holder.tag, str) or holder.tag in page._SKIP_TAGS:
            continue
        found.append((holder, _byline_text(holder, text, lead), explicit))
    return found


def _is_in(piece: page.TextPiece, scope: etree._Element) -> bool:
    """Whether the text ``piece`` is inside ``scope`` (the tail of ``scope`` is not)."""
    parent = piece.parent()
    return parent is scope or (parent is not None and page._is_inside(parent, scope))


def _body(root: etree._Element) -> etree._Element | None:
    """The page body, searched when no article element holds the headline."""
    body = root.find("body")
    return body if body is not None else root


def _byline_text(holder: etree._Element, text: str, lead: re.Match[str]) -> str:
    """The byline from its lead on; the names may sit in the next element ("By <a>X</a>")
    or after a label element ("<h5>Autor:</h5> Peter Maahn")."""
    whole = page._spaced_text(holder)
    if len(whole) <= MAX_TEXT_BYLINE:
        again = _TEXT_LEAD.search(whole)
        if again is not None:
            text, lead = whole, again
    byline = text[lead.start() :]
    if _LETTERS.search(byline, lead.end() - lead.start()):
        return byline
    following = [holder.tail or ""]
    sibling = holder.getnext()
    if sibling is not None and isinstance(sibling.tag, str):
        following.append(page._spaced_text(sibling))
    return " ".join([byline, *following])[: MAX_TEXT_BYLINE * 2]


def _is_rel_author(element: etree._Element) -> bool:
    return element.tag == "a" and "author" in str(element.get("rel") or "").lower().split()


def _author_score(element: etree._Element, context: _Context) -> float | None:
    """How much a byline element looks like the article's own; None to ignore it."""
    if page._in_bad_place(element, comments_only=True):
        return None
    score = 0.0
    markers = page._markers(element)
    if "author" in str(element.get("rel") or "").lower() or "author" in (
        element.get("itemprop") or ""
    ):
        score += 2
    if "byline" in markers or "author" in markers:
        score += 1
    if element.tag == "a" and not any(m in markers for m in page.BYLINE_MARKERS):
        score -= 1  # a bare profile link: weaker than a marked byline
    score += page._place_score(element, context)
    return score + _nearness(element, context)


def _nearness(element: etree._Element, context: _Context) -> float:
    """A bonus for bylines just below the headline, where articles print their own."""
    if context.headline is None:
        return 0.0
    line, headline_line = element.sourceline, context.headline.sourceline
    if line is None or headline_line is None or line < headline_line:
        return 0.0
    distance = line - headline_line
    return max(0.0, NEAR_HEADLINE_BONUS * (1 - distance / NEAR_HEADLINE_FALLOFF))


def _author_url(doc: Document, element: etree._Element) -> str | None:
    link = element if element.tag == "a" else element.find(".//a[@href]")
    if link is None:
        return None
    href = doc.absolute(link.get("href"))
    return href if href and href.startswith("http") else None
