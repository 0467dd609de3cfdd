"""The ``dom`` source: what the visible page says about itself.

A handful of XPath queries, no whole-tree walks in Python:

- ``<title>`` and the headline ``<h1>`` -> two ``title`` candidates (``<title>`` first);
- ``<html lang>`` -> language; ``rel=canonical`` -> canonical_url; ``rel=license`` -> license;
- ``rel=author`` links and byline elements -> authors, best group first;
- ``<time>`` elements and visible dates near the headline -> published / modified, best
  first, as ISO strings (``value.isoformat()``) so every candidate parses the same way;
- ``rel=tag`` links and tag-list containers -> tags.

Elements are ranked by where they sit: inside the article that holds the headline is
good; inside comments, sidebars, navigation or footers is bad.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from byline.document import Document
from byline.sources import Candidate, dom_authors
from byline.sources.dom_dates import date_candidates

SOURCE = "dom"

BYLINE_MARKERS = ("author", "byline", "autor", "verfasser", "auteur", "firma", "writer")
"""class/id/itemprop fragments of elements that hold the author's name."""

AUTHOR_HREF_PARTS = ("/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/journalist/")
"""Link targets that are author profile pages."""

TAG_MARKERS = ("tags", "tag-list", "taglist", "schlagw", "keyword", "stichw", "etiquet")
"""class/id fragments of containers listing the article's tags."""

ARTICLE_MARKERS = ("article", "post", "entry", "story", "content", "beitrag", "artikel")
HEADLINE_MARKERS = ("headline", "title", "titel", "heading")
BAD_PLACE_MARKERS = (
    "comment", "sidebar", "widget", "related", "teaser", "footer", "nav", "menu", "popular",
    "recommend", "komment", "breadcrumb", "newsletter", "share", "social",
)  # fmt: skip
"""Ancestor class/id fragments of places where a date or name is not the article's."""

BAD_PLACE_TAGS = frozenset({"aside", "nav", "footer", "form"})

MAX_HEADLINE_CHARS = 300
MAX_HEADINGS = 12
# Class words of a topic line set inside a headline, and of text hidden from sight.
KICKER_MARKERS = frozenset(
    "kicker dachzeile roofline overline topline eyebrow subheadline spitzmarke label "
    "visuallyhidden hidden sr".split()
)
MAX_ELEMENTS = 80
"""At most this many matches of one query are ranked (listing pages have hundreds)."""
MAX_TAG_CHARS = 50
MIN_TAGS, MAX_TAGS = 2, 40
MAX_SCANNED_ELEMENTS = 20_000
"""Elements read by the scan: bounds the work on huge pages (a 50 MB comment thread)."""
NEAR_HEADLINE_LINES = 40
"""Source lines after the headline within which a byline or date counts as its own."""
ANCESTOR_DEPTH = 12
"""How far up the tree an element's surroundings are checked."""

_H1 = etree.XPath("//h1")
_HEADINGS = etree.XPath("//h1 | //h2")
_INNER_HEADLINE = etree.XPath(
    './/*[@itemprop="headline"'
    ' or contains(concat(" ", normalize-space(@class), " "), " headline ")]'
)
_MARKER_TOKENS = re.compile(r"[\s_-]+")
_REL = etree.XPath("//*[@rel]")
_AUTHOR_LINKS = etree.XPath(
    "//a[" + " or ".join(f"contains(@href, '{p}')" for p in AUTHOR_HREF_PARTS) + "]"
)


def _marker_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_BYLINE_RE = _marker_pattern(BYLINE_MARKERS)
_TAG_RE = _marker_pattern(TAG_MARKERS)
_ANY_RE = _marker_pattern(BYLINE_MARKERS + TAG_MARKERS)
_SPACES = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "meta", "link", "head", "html", "body"})


@dataclass(slots=True)
class _Context:
    """Where the article is (the chosen headline and the element that holds it), and the
    elements that may hold a byline or tags, each list in document order."""

    headline: etree._Element | None
    article: etree._Element | None
    rel: list[etree._Element] = field(default_factory=list)
    bylines: list[etree._Element] = field(default_factory=list)
    tag_lists: list[etree._Element] = field(default_factory=list)


def _scan(root: etree._Element, headline: etree._Element | None) -> _Context:
    context = _Context(headline, _article_of(headline), rel=_REL(root)[: MAX_ELEMENTS * 4])
    for element in _marked_elements(root):
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        if tag == "address":
            context.bylines.append(element)
            continue
        markers = _markers(element)
        if not _ANY_RE.search(markers):
            continue  # most elements: one search and out
        if _BYLINE_RE.search(markers):
            context.bylines.append(element)
        if _TAG_RE.search(markers):
            context.tag_lists.append(element)
    context.bylines = context.bylines[:MAX_ELEMENTS] + _AUTHOR_LINKS(root)[:MAX_ELEMENTS]
    context.tag_lists = context.tag_lists[:MAX_ELEMENTS]
    return context


def _marked_elements(root: etree._Element) -> Iterable[etree._Element]:
    """Elements with a class, id or itemprop, and every ``<address>``, in document order.

    One bounded pass in Python: the XPath union of these queries is quadratic in libxml2
    (17 s on a 5 MB page of comments).
    """
    for count, element in enumerate(root.iter()):
        if count >= MAX_SCANNED_ELEMENTS:
            return
        if not isinstance(element.tag, str):
            continue
        marked = element.get("class") or element.get("id") or element.get("itemprop")
        if marked or element.tag == "address":
            yield element


def candidates(doc: Document) -> list[Candidate]:
    """Every dom candidate of the page (see the module docstring)."""
    root = doc.root
    if root is None or not isinstance(root.tag, str):
        return []
    found: list[Candidate] = []
    title = _page_title(root)
    if title:
        found.append(Candidate("title", title, SOURCE))
    headline = _best_headline(root, title)
    context = _scan(root, headline)
    if headline is not None:
        found.append(Candidate("headline", _headline_text(headline), SOURCE))
    found.extend(Candidate("headline", text, SOURCE) for text in _other_headings(root, headline))
    language = _language(root)
    if language:
        found.append(Candidate("language", language, SOURCE))
    found.extend(_rel_candidates(doc, context))
    found.extend(dom_authors.author_candidates(doc, context))
    found.extend(date_candidates(root, context.headline, context.article))
    tags = _tag_list(context)
    if tags:
        found.append(Candidate("tags", tags, SOURCE))
    return found


# --- title, headline, language ---------------------------------------------------------


def _page_title(root: etree._Element) -> str | None:
    element = root.find("head/title")
    if element is None:
        element = root.find(".//title")
    text = _text(element) if element is not None else ""
    return text or None


def _other_headings(root: etree._Element, best: etree._Element | None) -> list[str]:
    """Texts of the page's first h1/h2 headings besides the best one, in document order.

    The article's headline is sometimes an h2 under a site-name h1; the reconciler
    recognises it by its agreement with the page's title.
    """
    texts = []
    for heading in _HEADINGS(root)[:MAX_HEADINGS]:
        if heading is best:
            continue
        text = _headline_text(heading)
        if 2 < len(text) <= MAX_HEADLINE_CHARS and text not in texts:
            texts.append(text)
    return texts


def _headline_text(heading: etree._Element) -> str:
    """The headline proper: without a kicker ("Dachzeile", roofline) or hidden label inside it.

    Many sites put a short topic line in the same h1 as the headline; readers
    and the page's own metadata treat it as a separate line.
    """
    inner = _INNER_HEADLINE(heading)
    if inner:
        return _text(inner[0])
    kickers = [child for child in heading.iterdescendants() if _is_kicker(child)]
    if not kickers:
        return _text(heading)
    trimmed = copy.deepcopy(heading)
    for child in [c for c in trimmed.iterdescendants() if _is_kicker(c)]:
        if child.getparent() is not None:
            child.drop_tree()
    return _text(trimmed)


def _is_kicker(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag == "small":
        return True
    tokens = _MARKER_TOKENS.split(_markers(element))
    return any(token in KICKER_MARKERS for token in tokens)


def _best_headline(root: etree._Element, title: str | None) -> etree._Element | None:
    best, best_score = None, None
    title_folded = (title or "").casefold()
    for h1 in _H1(root)[:MAX_ELEMENTS]:
        text = _text(h1)
        if not 2 < len(text) <= MAX_HEADLINE_CHARS:
            continue
        score = _headline_score(h1, text, title_folded)
        if best_score is None or score > best_score:
            best, best_score = h1, score
    return best


def _headline_score(h1: etree._Element, text: str, title_folded: str) -> int:
    score = 0
    own = _markers(h1)
    if any(m in own for m in HEADLINE_MARKERS):
        score += 2
    if any(m in own for m in ("logo", "site", "brand")):
        score -= 4
    if text.casefold() in title_folded:
        score += 3
    if _article_of(h1) is not None:
        score += 3
    if _in_bad_place(h1):
        score -= 3
    return score


def _article_of(element: etree._Element | None) -> etree._Element | None:
    """The nearest ``<article>``/``<main>`` around ``element``, else an article-like block."""
    if element is None:
        return None
    marked = None
    for depth, ancestor in enumerate(element.iterancestors()):
        if ancestor.tag in ("article", "main"):
            return ancestor
        if ancestor.tag in ("body", "html") or depth > ANCESTOR_DEPTH:
            break
        if marked is None and ancestor.tag != "header":
            markers = _markers(ancestor)
            if any(m in markers for m in ARTICLE_MARKERS) and "head" not in markers:
                marked = ancestor
    return marked


def _language(root: etree._Element) -> str | None:
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    value = value or root.get("xml:lang")
    value = (value or "").strip()
    return value or None


# --- rel links: canonical, license, author ------------------------------------------------


def _rel_candidates(doc: Document, context: _Context) -> list[Candidate]:
    found: list[Candidate] = []
    seen: set[str] = set()
    for element in context.rel:
        rels = str(element.get("rel") or "").lower().split()
        if "canonical" in rels and element.tag == "link" and "canonical_url" not in seen:
            href = doc.absolute(element.get("href"))
            if href:
                seen.add("canonical_url")
                found.append(Candidate("canonical_url", href, SOURCE))
        if "license" in rels and "license" not in seen:
            value = doc.absolute(element.get("href")) or _text(element)
            if value:
                seen.add("license")
                found.append(Candidate("license", value, SOURCE))
    return found


# --- tags -------------------------------------------------------------------------------------


def _tag_list(context: _Context) -> list[str]:
    tags = [_text(e) for e in context.rel if _is_rel_tag(e)]
    tags = [t for t in tags if 0 < len(t) <= MAX_TAG_CHARS]
    if not tags:
        tags = _tags_from_container(context)
    unique: list[str] = []
    for tag in tags:
        if tag.casefold() not in (u.casefold() for u in unique):
            unique.append(tag)
    return unique[:MAX_TAGS]


def _is_rel_tag(element: etree._Element) -> bool:
    return element.tag == "a" and "tag" in str(element.get("rel") or "").lower().split()


def _tags_from_container(context: _Context) -> list[str]:
    best: list[str] = []
    best_score = None
    for container in context.tag_lists:
        if "cloud" in _markers(container) or _in_bad_place(container):
            continue
        links = [_text(a) for a in container.iterfind(".//a")]
        links = [t.lstrip("#") for t in links if 0 < len(t) <= MAX_TAG_CHARS]
        if not MIN_TAGS <= len(links) <= MAX_TAGS:
            continue
        score = _place_score(container, context)
        if best_score is None or score > best_score:
            best, best_score = links, score
    return best


# --- shared helpers ---------------------------------------------------------------------------


def _visible_texts(element: etree._Element, with_tail: bool = True) -> Iterable[str]:
    """The text pieces of ``element`` in order, without scripts and styles."""
    for node in element.iter():
        visible = isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript")
        if visible and node.text and not node.text.isspace():
            yield node.text.strip()
        if node is not element and node.tail and not node.tail.isspace():
            yield node.tail.strip()
    if with_tail and element.tail and not element.tail.isspace():
        yield element.tail.strip()


def _place_score(element: etree._Element, context: _Context) -> float:
    """Inside the headline's article and just after the headline is good; asides are bad."""
    score = 0.0
    if context.article is not None and _is_inside(element, context.article):
        score += 3
    if context.headline is not None:
        line, headline_line = element.sourceline, context.headline.sourceline
        if line is not None and headline_line is not None:
            if 0 <= line - headline_line <= NEAR_HEADLINE_LINES:
                score += 2
            elif -NEAR_HEADLINE_LINES // 4 <= line - headline_line < 0:
                score += 1
    if _in_bad_place(element):
        score -= 4
    return score


def _is_inside(element: etree._Element, container: etree._Element) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def _in_bad_place(element: etree._Element, comments_only: bool = False) -> bool:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth > ANCESTOR_DEPTH or ancestor.tag in ("body", "html"):
            break
        markers = _markers(ancestor)
        if "comment" in markers or "komment" in markers:
            return True
        if ancestor.tag in ("article", "main"):
            return False  # the article's own footer or aside is still the article
        if comments_only:
            continue
        if ancestor.tag in BAD_PLACE_TAGS or any(m in markers for m in BAD_PLACE_MARKERS):
            return True
    return False


def _markers(element: etree._Element) -> str:
    """The class, id and itemprop of an element, lower case, space separated."""
    parts = (element.get("class"), element.get("id"), element.get("itemprop"))
    return " ".join(p for p in parts if p).lower()


def _spaced_text(element: etree._Element) -> str:
    """The text of ``element`` with a space between the pieces of different elements.

    Bylines are built from several inline elements ("Veröffentlicht von<a>Chris Jung</a>")
    whose text must not run together.
    """
    return _SPACES.sub(" ", " ".join(_visible_texts(element, with_tail=False))).strip()


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    try:
        text = element.text_content()
    except (AttributeError, ValueError):
        text = "".join(element.itertext())
    return _SPACES.sub(" ", text).strip()
