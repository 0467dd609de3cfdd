"""The ``dom`` source: what the visible page says about itself.

One walk over the tree collects every element and text this source reads (``_walk``), and
the elements the structured sources read (scripts, meta tags, microdata), once per page
(``page_of``):

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

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from lxml import etree

from byline.document import Document, text_content
from byline.fields import Field, Source
from byline.sources import dom_authors
from byline.sources.candidate import AnyCandidate, Candidate, Evidence
from byline.sources.dom_dates import (
    MAX_DATES,
    MAX_TEXTS,
    SCRIPT_TAGS,
    date_candidates,
    may_hold_year,
)

SOURCE: Final = Source.DOM

BYLINE_MARKERS: Final = ("author", "byline", "autor", "verfasser", "auteur", "firma", "writer")
"""class/id/itemprop fragments of elements that hold the author's name."""

AUTHOR_HREF_PARTS: Final = (
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/auteur/",
    "/journalist/",
)
"""Link targets that are author profile pages."""

TAG_MARKERS: Final = ("tags", "tag-list", "taglist", "schlagw", "keyword", "stichw", "etiquet")
"""class/id fragments of containers listing the article's tags."""

ARTICLE_MARKERS: Final = ("article", "post", "entry", "story", "content", "beitrag", "artikel")
HEADLINE_MARKERS: Final = ("headline", "title", "titel", "heading")
BAD_PLACE_MARKERS: Final = (
    "comment", "sidebar", "widget", "related", "teaser", "footer", "nav", "menu", "popular",
    "recommend", "komment", "breadcrumb", "newsletter", "share", "social",
)  # fmt: skip
"""Ancestor class/id fragments of places where a date or name is not the article's."""

BAD_PLACE_TAGS: Final = frozenset({"aside", "nav", "footer", "form"})

MAX_HEADLINE_CHARS: Final = 300
MAX_HEADINGS: Final = 12
# Class words of a topic line set inside a headline, and of text hidden from sight.
KICKER_MARKERS: Final = frozenset(
    "kicker dachzeile roofline overline topline eyebrow subheadline spitzmarke label "
    "visuallyhidden hidden sr".split()
)
MAX_ELEMENTS: Final = 80
"""At most this many matches of one query are ranked (listing pages have hundreds)."""
MAX_TAG_CHARS: Final = 50
MIN_TAGS, MAX_TAGS = 2, 40
MAX_SCANNED_ELEMENTS: Final = 20_000
"""Elements read by the walk (with their texts): bounds the work on huge pages (a 50 MB
comment thread); the article's metadata sits well before this."""
NEAR_HEADLINE_LINES: Final = 40
"""Source lines after the headline within which a byline or date counts as its own."""
ANCESTOR_DEPTH: Final = 12
"""How far up the tree an element's surroundings are checked."""

_MARKER_TOKENS: Final = re.compile(r"[\s_-]+")
_INNER_HEADLINE: Final = etree.XPath(
    './/*[@itemprop="headline"'
    ' or contains(concat(" ", normalize-space(@class), " "), " headline ")]'
)


def _marker_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_BYLINE_RE: Final = _marker_pattern(BYLINE_MARKERS)
_TAG_RE: Final = _marker_pattern(TAG_MARKERS)
_ANY_RE: Final = _marker_pattern(BYLINE_MARKERS + TAG_MARKERS)
_AUTHOR_HREF: Final = _marker_pattern(AUTHOR_HREF_PARTS)
_SKIP_TAGS: Final = frozenset(
    {"script", "style", "noscript", "meta", "link", "head", "html", "body"}
)
HIDDEN_TEXT_TAGS: Final = ("script", "style", "template")
"""Elements whose text is code or markup, never shown: a script inside an ``<h1>`` is not
part of its headline."""

MAX_BYLINE_PIECE_CHARS: Final = 240
"""Longer texts are not read for an unmarked byline (``dom_authors``)."""
BYLINE_LEAD_HINT: Final = re.compile(r"by|von|par|door|por|autor|auteur|author|:|：")
"""Every byline lead ``dom_authors`` reads ("Posted by", "von", "Autor") holds one of these,
in lower case. (Searched in the lowered text: ``re.IGNORECASE`` makes it ten times slower.)"""


class TextPiece(NamedTuple):
    """One text of the page, with where it sits."""

    text: str
    owner: etree._Element
    """The element whose ``text`` (or, with ``is_tail``, whose ``tail``) it is."""
    is_tail: bool
    ordinal: int
    """Its place among the texts of the page, in document order."""

    def parent(self) -> etree._Element | None:
        """The element the text sits in."""
        return self.owner.getparent() if self.is_tail else self.owner


@dataclass(slots=True)
class _Page:
    """Everything the ``dom`` source reads, found by one walk over the tree (``_walk``);
    each list in document order and bounded. The walk also files the elements the
    structured sources read (``scripts``, ``metas``, ``itemscopes``, ``itemprops``: those
    lists hold every one of the page, however long it is), so that none walks it again."""

    complete: bool = True
    """Whether the walk read every element (not stopped at ``MAX_SCANNED_ELEMENTS``)."""
    h1s: list[etree._Element] = field(default_factory=list)
    headings: list[etree._Element] = field(default_factory=list)  # h1 and h2
    rel: list[etree._Element] = field(default_factory=list)
    bylines: list[etree._Element] = field(default_factory=list)  # marked ones and <address>
    author_links: list[etree._Element] = field(default_factory=list)
    tag_lists: list[etree._Element] = field(default_factory=list)
    times: list[etree._Element] = field(default_factory=list)
    date_properties: list[etree._Element] = field(default_factory=list)
    year_texts: list[TextPiece] = field(default_factory=list)  # body texts that may hold a year
    byline_texts: list[TextPiece] = field(default_factory=list)  # short texts with a lead hint
    scripts: list[etree._Element] = field(default_factory=list)
    metas: list[etree._Element] = field(default_factory=list)
    itemscopes: list[etree._Element] = field(default_factory=list)  # elements with itemscope
    itemprops: list[etree._Element] = field(default_factory=list)  # elements with itemprop
    flags_by_marker: dict[str, int] = field(default_factory=dict)

    def first_text_of(self, element: etree._Element) -> int | None:
        """The ordinal of the first text inside ``element``; None when it was not walked.

        Counted when asked (once or twice per page) rather than noted for every element
        during the walk: the texts before an element are libxml2's text nodes preceding it,
        one per ``text`` or ``tail`` the walk counts.
        """
        if not self.complete and _ELEMENTS_BEFORE(element) >= MAX_SCANNED_ELEMENTS:
            return None
        return int(_TEXTS_BEFORE(element))

    def marker_flags(self, value: str) -> int:
        """``_BYLINE`` and ``_TAG_LIST`` flags of one class, id or itemprop value.

        Pages repeat the same class on many elements: each value is searched once. (The
        words searched hold no space, so testing the values one by one finds what testing
        their joined ``_markers`` would.)
        """
        flags = self.flags_by_marker.get(value)
        if flags is None:
            lowered = value.lower()
            flags = 0
            if _ANY_RE.search(lowered):  # most values: one search and out
                flags = (_BYLINE if _BYLINE_RE.search(lowered) else 0) | (
                    _TAG_LIST if _TAG_RE.search(lowered) else 0
                )
            self.flags_by_marker[value] = flags
        return flags


@dataclass(slots=True)
class _Context:
    """Where the article is (the chosen headline and the element that holds it), and the
    elements that may hold a byline or tags, each list in document order."""

    headline: etree._Element | None
    article: etree._Element | None
    rel: list[etree._Element] = field(default_factory=list)
    bylines: list[etree._Element] = field(default_factory=list)
    tag_lists: list[etree._Element] = field(default_factory=list)
    page: _Page = field(default_factory=lambda: _Page())


def page_of(doc: Document) -> _Page:
    """What the walk over the page's tree (``_walk``) found: walked once per page, on the
    first call, and shared by every source."""
    page = doc.memo.get(_MEMO_KEY)
    if page is None:
        page = doc.memo[_MEMO_KEY] = _walk(doc.root)
    return page


_MEMO_KEY: Final = "dom walk"
# (Two counts, not a count of a union: XPath unions sort their node sets.)
_TEXTS_BEFORE: Final = etree.XPath("count(preceding::text())")
_ELEMENTS_BEFORE: Final = etree.XPath("count(preceding::*) + count(ancestor::*)")


def _walk(root: etree._Element) -> _Page:
    """One walk over the tree collecting what every part of this source reads.

    One pass in Python instead of one XPath query per kind of element: libxml2 evaluates
    ``contains()`` and attribute tests slower than Python reads them, and a union of such
    queries is quadratic (17 s on a 5 MB page of comments); every pass over a tree, even
    in C, costs a tenth of a millisecond per page. Texts are read in document order: an
    element's text when the walk reaches it, the text after it (``tail``) once its
    subtree is done, which is when the walk reaches an element that is not inside it.
    (``iter()`` and a stack of the open elements cost a third of what ``iterwalk``'s
    start and end events cost.) After ``MAX_SCANNED_ELEMENTS`` elements, only what the
    structured sources read is filed. (The loop runs for every element and text of the
    page: what it calls per element is bound to local names, and most texts and elements
    are dismissed before any call.)
    """
    page = _Page()
    known_flags = page.flags_by_marker.get
    body = None
    in_body = False
    walked = texts = 0  # elements and texts seen so far
    open_elements: list[etree._Element] = []  # the current element and its ancestors
    elements = root.iter()
    for node in elements:
        parent = node.getparent()
        if open_elements and open_elements[-1] is not parent:
            texts, in_body = _close(page, open_elements, parent, body, texts, in_body)
        open_elements.append(node)
        walked += 1
        tag = node.tag
        if walked > MAX_SCANNED_ELEMENTS:
            page.complete = False
            if isinstance(tag, str):
                _file_structured(page, node, tag, node.keys())
            break
        if not isinstance(tag, str):
            continue
        if tag == "body":
            body, in_body = node, True
        text = node.text
        if text:
            if not text.isspace():  # most texts are the spaces between tags
                _read_text(page, text, node, False, texts, in_body)
            texts += 1
        names = node.keys()  # attribute names only: most are read no further
        if tag in _COLLECTED_TAGS:
            _collect(page, node, tag, names)
        elif names:
            if len(names) > 1 or names[0] not in _CLASS_OR_ID:
                _collect(page, node, tag, names)
            else:  # one class or id and nothing else: the most common element by far
                value = node.get(names[0])
                flags = known_flags(value)
                if flags is None:
                    flags = page.marker_flags(value)
                if flags:
                    _file_marked(page, node, flags)
    else:  # the whole page walked: the texts after the last elements (</body>, </html>)
        _close(page, open_elements, None, body, texts, in_body)
    for node in elements:  # the rest of a huge page
        if isinstance(node.tag, str):
            _file_structured(page, node, node.tag, node.keys())
    return page


def _close(
    page: _Page,
    open_elements: list[etree._Element],
    until: etree._Element | None,
    body: etree._Element | None,
    texts: int,
    in_body: bool,
) -> tuple[int, bool]:
    """Close the open elements down to ``until`` (all of them for None), reading the text
    after each; the count of texts and whether the walk is still in the body, updated."""
    while open_elements and open_elements[-1] is not until:
        done = open_elements.pop()
        if done is body:  # (an identity test: reading ``tag`` builds a string)
            in_body = False  # the text after <body> is not the body's
        tail = done.tail
        if tail:
            if not tail.isspace():
                _read_text(page, tail, done, True, texts, in_body)
            texts += 1
    return texts, in_body


_COLLECTED_TAGS: Final = frozenset(
    {"time", "h1", "h2", "a", "address", "meta", "script"} | _SKIP_TAGS
)
"""Tags ``_collect`` reads whatever their attributes."""
# ``data-testid``: the class names of script-built pages are hashes ("QHbl nkdH"); their
# test ids still say what an element is ("prism-byline").
_MARKER_ATTRIBUTES: Final = frozenset({"class", "id", "itemprop", "data-testid"})
_CLASS_OR_ID: Final = frozenset({"class", "id"})
_BYLINE, _TAG_LIST = 1, 2
"""Flags of what a class, id or itemprop value marks (see ``_Page.marker_flags``)."""


def _file_structured(page: _Page, element: etree._Element, tag: str, names: list[str]) -> None:
    """File an element the structured sources read: script, meta, microdata item or property."""
    if tag == "script":
        page.scripts.append(element)
    elif tag == "meta":
        page.metas.append(element)
    if "itemscope" in names:
        page.itemscopes.append(element)
    if "itemprop" in names:
        page.itemprops.append(element)


def _collect(page: _Page, element: etree._Element, tag: str, names: list[str]) -> None:
    """File one element, with attributes ``names``, under the lists it belongs to."""
    _file_structured(page, element, tag, names)
    if tag == "time" and len(page.times) < MAX_DATES:
        page.times.append(element)
    elif tag == "h1" or tag == "h2":
        if tag == "h1" and len(page.h1s) < MAX_ELEMENTS:
            page.h1s.append(element)
        if len(page.headings) < MAX_HEADINGS:
            page.headings.append(element)
    elif (
        tag == "a"
        and "href" in names
        and len(page.author_links) < MAX_ELEMENTS
        and _AUTHOR_HREF.search(element.get("href"))
    ):
        page.author_links.append(element)
    if "rel" in names and len(page.rel) < MAX_ELEMENTS * 4:
        page.rel.append(element)
    if (
        ("itemprop" in names or "property" in names or tag == "meta")
        and ("content" in names or "datetime" in names)
        and len(page.date_properties) < MAX_DATES
    ):
        page.date_properties.append(element)
    if tag in _SKIP_TAGS:
        return
    if tag == "address":
        if len(page.bylines) < MAX_ELEMENTS:
            page.bylines.append(element)
        return
    flags = 0
    for name in names:
        if name in _MARKER_ATTRIBUTES:
            flags |= page.marker_flags(element.get(name))
    if flags:
        _file_marked(page, element, flags)


def _file_marked(page: _Page, element: etree._Element, flags: int) -> None:
    """File an element whose class, id or itemprop marks a byline or a tag list."""
    if flags & _BYLINE and len(page.bylines) < MAX_ELEMENTS:
        page.bylines.append(element)
    if flags & _TAG_LIST and len(page.tag_lists) < MAX_ELEMENTS:
        page.tag_lists.append(element)


def _read_text(
    page: _Page, text: str, owner: etree._Element, is_tail: bool, ordinal: int, in_body: bool
) -> None:
    """File a text (see ``TextPiece``) under the lists it belongs to, if any."""
    piece = None
    if in_body and len(page.year_texts) < MAX_TEXTS and may_hold_year(text):
        piece = TextPiece(text, owner, is_tail, ordinal)
        parent = piece.parent()
        if parent is not None and parent.tag not in SCRIPT_TAGS:
            page.year_texts.append(piece)
    if len(text) <= MAX_BYLINE_PIECE_CHARS and BYLINE_LEAD_HINT.search(text.lower()):
        page.byline_texts.append(piece or TextPiece(text, owner, is_tail, ordinal))


def candidates(doc: Document) -> list[AnyCandidate]:
    """Every dom candidate of the page (see the module docstring)."""
    root = doc.root
    if root is None or not isinstance(root.tag, str):
        return []
    page = page_of(doc)
    found: list[AnyCandidate] = []
    title = _page_title(root)
    if title:
        found.append(Candidate(Field.TITLE, title, SOURCE, Evidence(how="title")))
    headline = _best_headline(page.h1s, title)
    context = _Context(
        headline,
        _article_of(headline),
        rel=page.rel,
        bylines=page.bylines + page.author_links,
        tag_lists=page.tag_lists,
        page=page,
    )
    if headline is not None:
        main = Evidence(how=str(headline.tag), rank=0, line=headline.sourceline)
        found.append(Candidate(Field.HEADLINE, _headline_text(headline), SOURCE, main))
    others = _other_headings(page, headline)
    found.extend(
        Candidate(Field.HEADLINE, text, SOURCE, Evidence(rank=rank))
        for rank, text in enumerate(others, start=int(headline is not None))
    )
    language = _language(root)
    if language:
        found.append(Candidate(Field.LANGUAGE, language, SOURCE, Evidence(how="html lang")))
    found.extend(_rel_candidates(doc, context))
    found.extend(dom_authors.author_candidates(doc, context))
    found.extend(date_candidates(root, context.headline, context.article, page))
    tags = _tag_list(context)
    if tags:
        found.append(Candidate(Field.TAGS, tags, SOURCE))
    return found


# --- title, headline, language ---------------------------------------------------------


def _page_title(root: etree._Element) -> str | None:
    element = root.find("head/title")
    if element is None:
        element = root.find(".//title")
    text = _text(element) if element is not None else ""
    return text or None


def _other_headings(page: _Page, best: etree._Element | None) -> list[str]:
    """Texts of the page's first h1/h2 headings besides the best one, in document order.

    The article's headline is sometimes an h2 under a site-name h1; the reconciler
    recognises it by its agreement with the page's title.
    """
    texts = []
    for heading in page.headings:
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
    if not any(_is_kicker(child) for child in heading.iterdescendants()):
        return _text(heading)
    texts = _texts_inside(heading, lambda e: _is_hidden(e) or _is_kicker(e))
    return " ".join("".join(texts).split())


def _is_kicker(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag == "small":
        return True
    tokens = _MARKER_TOKENS.split(_markers(element))
    return any(token in KICKER_MARKERS for token in tokens)


def _best_headline(h1s: list[etree._Element], title: str | None) -> etree._Element | None:
    best, best_score = None, None
    title_folded = (title or "").casefold()
    for h1 in h1s:
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


def _rel_candidates(doc: Document, context: _Context) -> list[AnyCandidate]:
    found: list[AnyCandidate] = []
    seen: set[str] = set()
    for element in context.rel:
        rels = str(element.get("rel") or "").lower().split()
        if "canonical" in rels and element.tag == "link" and "canonical_url" not in seen:
            href = doc.absolute(element.get("href"))
            if href:
                seen.add("canonical_url")
                evidence = Evidence(how="rel=canonical", line=element.sourceline)
                found.append(Candidate(Field.CANONICAL_URL, href, SOURCE, evidence))
        if "license" in rels and "license" not in seen:
            value = doc.absolute(element.get("href")) or _text(element)
            if value:
                seen.add("license")
                evidence = Evidence(how="rel=license", line=element.sourceline)
                found.append(Candidate(Field.LICENSE, value, SOURCE, evidence))
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
    """The text pieces of ``element`` in document order, without scripts and styles."""
    # a child's tail comes after the child's own text: "von <time>..</time> » <a>r23</a>"
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event == "start":
            piece = node.text if node.tag not in ("script", "style", "noscript") else None
        else:  # "end" of an element, or a comment or processing instruction
            piece = node.tail if node is not element else None
        if piece and not piece.isspace():  # (each read of text or tail builds a new string)
            yield piece.strip()
    tail = element.tail if with_tail else None
    if tail and not tail.isspace():
        yield tail.strip()


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
    return " ".join(" ".join(_visible_texts(element, with_tail=False)).split())


def _text(element: etree._Element | None) -> str:
    """The visible text of ``element``, whitespace collapsed."""
    if element is None:
        return ""
    if next(element.iterdescendants(*HIDDEN_TEXT_TAGS), None) is None:
        text = text_content(element)  # the common case: one call in C
    else:
        text = "".join(_texts_inside(element, _is_hidden))
    return " ".join(text.split())


def _is_hidden(element: etree._Element) -> bool:
    return element.tag in HIDDEN_TEXT_TAGS


def _texts_inside(element: etree._Element, skip: Callable[[etree._Element], bool]) -> Iterator[str]:
    """The texts inside ``element`` in document order, without those of the descendants
    ``skip`` picks (their tails stay: the text after them is visible) or of comments."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and not skip(child):
            yield from _texts_inside(child, skip)
        yield child.tail or ""
