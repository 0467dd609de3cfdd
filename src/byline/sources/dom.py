"""The ``dom`` source: what the visible page says about itself.

It reads what the page index (``_page.page_of``: one walk over the tree, shared with the
structured sources) found:

- ``<title>`` and the headline ``<h1>`` -> two ``title`` candidates (``<title>`` first);
- ``<html lang>`` -> language; ``rel=canonical`` -> canonical_url; ``rel=license`` -> license;
- ``rel=author`` links and byline elements -> authors, best group first;
- ``<time>`` elements and visible dates near the headline -> published / modified, best
  first, parsed (``DateValue``), each with its score, rank, line and kind of markup;
- ``rel=tag`` links and tag-list containers -> tags.

Elements are ranked by where they sit (``_places``): inside the article that holds the
headline is good; inside comments, sidebars, navigation or footers is bad.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from byline.boilerplate import is_permalink
from byline.dates import find_dates
from byline.document import Document, split_address, visible
from byline.fields import Field, Markup, Source
from byline.sources._page import HEADLINE_MARKERS, Page, declared_language, page_of
from byline.sources._places import (
    Context,
    article_of,
    in_bad_place,
    is_unread,
    markers,
    place_score,
    spaced_lines,
    texts_inside,
    visible_text,
)
from byline.sources.candidate import AnyCandidate, Candidate, Evidence
from byline.sources.dom_authors import author_candidates
from byline.sources.dom_dates import date_candidates

SOURCE: Final = Source.DOM
TITLE_ELEMENT: Final = Evidence(Markup.TITLE_ELEMENT)
HTML_LANG: Final = Evidence(Markup.HTML_LANG)
HOME_LINK: Final = Evidence(Markup.HOME_LINK)

SITE_NAME_MARKERS: Final = ("logo", "site", "brand")
"""class/id fragments of an h1 that holds the site's name, not the article's headline."""
MAX_HEADLINE_CHARS: Final = 300
_BLOCK_TAGS: Final = ("p", "ul", "ol", "table", "section", "article")
"""Blocks that a box holding a title alone never holds."""
MIN_SHOWN_TITLE_WORDS: Final = 3
"""A box named a title that shows the page's ``<title>`` (or its first or last part, the
part of the most words) is a headline when it has at least this many words: fewer may be
the site's name."""
# Class words of a topic line set inside a headline, and of text hidden from sight.
KICKER_MARKERS: Final = frozenset(
    "kicker dachzeile roofline overline topline eyebrow subheadline spitzmarke label "
    "visuallyhidden hidden sr".split()
)
MAX_TAG_CHARS: Final = 50
MIN_TAGS, MAX_TAGS = 2, 40

_MARKER_TOKENS: Final = re.compile(r"[\s_-]+")
_INNER_HEADLINE: Final = etree.XPath(
    './/*[@itemprop="headline"'
    ' or contains(concat(" ", normalize-space(@class), " "), " headline ")]'
)


def candidates(doc: Document) -> list[AnyCandidate]:
    """Every dom candidate of the page (see the module docstring)."""
    root = doc.root
    if root is None or not isinstance(root.tag, str):
        return []
    page = page_of(doc)
    found: list[AnyCandidate] = []
    title = _page_title(root)
    if title:
        found.append(Candidate(Field.TITLE, title, SOURCE, TITLE_ELEMENT))
    headline = _best_headline(page.h1s, title)
    context = Context(
        headline,
        article_of(headline),
        rel=page.rel,
        bylines=page.bylines + page.author_links,
        tag_lists=page.tag_lists,
        page=page,
        title=" ".join((title or "").split()).casefold(),
    )
    found.extend(
        Candidate(Field.SITE_NAME, name, SOURCE, HOME_LINK)
        for name in dict.fromkeys(filter(None, (_home_link_name(h1, doc) for h1 in page.h1s)))
    )
    # A box that shows the title is a headline: of a page without an h1, and beside an h1
    # that names the site or that shows it with more or fewer words ("1. Februar 2022
    # Headline"). (It heads the headlines, not the places of bylines and dates: on the
    # corpus those moved to it lost as many dates as they won.)
    shows_title = headline is not None and _shows_title(visible_text(headline), title)
    shown = None if shows_title else _shown_title(page.title_boxes, title)
    main = headline if headline is not None else shown
    headings = _other_headings(page, main)
    if shown is not None and main is not None and _beside(shown, main, doc):
        headings.insert(0, (shown, _headline_text(shown)))
    if main is not None:
        headings.insert(0, (main, _headline_text(main)))
    found.extend(
        Candidate(Field.HEADLINE, text, SOURCE, _heading_evidence(heading, rank))
        for rank, (heading, text) in enumerate(headings)
    )
    language = declared_language(root)
    if language:
        found.append(Candidate(Field.LANGUAGE, language, SOURCE, HTML_LANG))
    found.extend(_rel_candidates(doc, context))
    found.extend(author_candidates(doc, context))
    found.extend(date_candidates(doc, context.headline, context.article, page))
    tags, how = _tag_list(context)
    if tags:
        found.append(Candidate(Field.TAGS, tags, SOURCE, how))
    return found


def _heading_evidence(heading: etree._Element, rank: int) -> Evidence:
    return Evidence(Markup.HEADING, str(heading.tag), rank, line=heading.sourceline)


# --- title, headline, language ---------------------------------------------------------


def _page_title(root: etree._Element) -> str | None:
    element = root.find("head/title")
    if element is None:
        element = root.find(".//title")
    text = visible_text(element) if element is not None else ""
    return text or None


def _other_headings(page: Page, best: etree._Element | None) -> list[tuple[etree._Element, str]]:
    """The page's first h1/h2 headings besides the best one with their texts, in document
    order, each text once.

    The article's headline is sometimes an h2 under a site-name h1; the reconciler
    recognises it by its agreement with the page's title.
    """
    texts: list[str] = []
    headings = []
    for heading in page.headings:
        if heading is best:
            continue
        text = _headline_text(heading)
        if 2 < len(text) <= MAX_HEADLINE_CHARS and text not in texts:
            texts.append(text)
            headings.append((heading, text))
    return headings


def _headline_text(heading: etree._Element) -> str:
    """The headline proper: without a kicker ("Dachzeile", roofline) or hidden label inside it.

    Many sites put a short topic line in the same h1 as the headline; readers
    and the page's own metadata treat it as a separate line.
    """
    inner = _INNER_HEADLINE(heading)
    if inner:
        return visible_text(inner[0])
    lines = spaced_lines(heading) if heading.find(".//br") is not None else []
    if before := _lines_before_a_date(lines):
        return before
    if not any(map(_is_aside, heading.iterdescendants())):
        return _lines_text(lines) if lines else visible_text(heading)
    texts = texts_inside(heading, lambda e: is_unread(e) or _is_aside(e))
    # a "kicker" that holds all the text is the headline's own box ("field--label-hidden")
    return " ".join(visible("".join(texts)).split()) or visible_text(heading)


def _lines_before_a_date(lines: list[str]) -> str | None:
    """The ``lines`` of a heading broken by ``<br>`` before one that opens with a date, when
    one does: the article's date line set in its headline ("Headline<br>2024-03-05 09:14
    来源：...", PHPCMS's default template)."""
    for index, line in enumerate(lines[1:], start=1):
        found = find_dates(line)
        if found and found[0][1] == 0:
            return _lines_text(lines[:index])
    return None


def _lines_text(lines: list[str]) -> str:
    """Lines of a heading as one text: a line break parts words ("Ferry suspended<br>after
    the storm")."""
    return " ".join(visible(" ".join(lines)).split())


def _is_aside(element: etree._Element) -> bool:
    """A part of a heading that is no part of its headline: a kicker, a hidden label, the
    heading's permalink."""
    return _is_kicker(element) or is_permalink(element)


def _is_kicker(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag == "small":
        return True
    tokens = _MARKER_TOKENS.split(markers(element))
    return any(token in KICKER_MARKERS for token in tokens)


def _home_link_name(h1: etree._Element, doc: Document) -> str | None:
    """The text of an ``<h1>`` that is all one link to the site's home page: the site's name,
    set as a heading (Blogger's blog title above each post)."""
    links = h1.findall(".//a")
    if len(links) != 1 or not doc.url or not _is_home(doc.absolute(links[0].get("href")), doc.url):
        return None
    text = visible_text(h1)
    return text if text and text == visible_text(links[0]) else None


def _is_home(href: str | None, page_url: str) -> bool:
    """Whether ``href`` is the home page of the site ``page_url`` is on."""
    link, page = split_address(href), split_address(page_url)
    if link is None or page is None:
        return False  # ("http://[bad": no address)
    return bool(link.netloc) and link.netloc == page.netloc and not link.path.strip("/")


def _best_headline(h1s: list[etree._Element], title: str | None) -> etree._Element | None:
    best, best_score = None, None
    title_folded = (title or "").casefold()
    for h1 in h1s:
        text = visible_text(h1)
        if not 2 < len(text) <= MAX_HEADLINE_CHARS:
            continue
        score = _headline_score(h1, text, title_folded)
        if best_score is None or score > best_score:
            best, best_score = h1, score
    return best


def _shown_title(boxes: list[etree._Element], title: str | None) -> etree._Element | None:
    """The box named a title that shows the page's title, the headline of a page without an
    h1 (Hexo Keep's "div.post-title", ikiwiki's "span.title"): its text is the ``<title>``,
    or the part of it before or after the site's name, and covers most of its words."""
    for box in boxes:
        if box.tag == "a" or next(box.iterdescendants(*_BLOCK_TAGS), None) is not None:
            continue  # a link to a story; a box of blocks holds more than a title
        if _shows_title(visible_text(box), title):
            return box
    return None


def _shows_title(text: str, title: str | None) -> bool:
    """Whether ``text`` is the page's ``title``, or the part of it before or after the
    site's name, with most of its words (``MIN_SHOWN_TITLE_WORDS`` at least)."""
    shown = text.casefold()
    whole = " ".join((title or "").split()).casefold()
    words = len(shown.split())
    return (
        words >= MIN_SHOWN_TITLE_WORDS
        and 2 * words > len(whole.split())
        and len(shown) <= MAX_HEADLINE_CHARS
        and (whole.startswith(shown) or whole.endswith(shown))
    )


def _beside(shown: etree._Element, h1: etree._Element, doc: Document) -> bool:
    """Whether a box that shows the title is a headline beside ``h1``: the h1 links home
    (the site's name), or one of the two holds the other's words."""
    if shown is h1:
        return False
    if _home_link_name(h1, doc) is not None:
        return True
    box, heading = visible_text(shown).casefold(), visible_text(h1).casefold()
    return box in heading or heading in box


def _headline_score(h1: etree._Element, text: str, title_folded: str) -> int:
    score = 0
    own = markers(h1)
    if any(m in own for m in HEADLINE_MARKERS):
        score += 2
    if any(m in own for m in SITE_NAME_MARKERS):
        score -= 4
    if text.casefold() in title_folded:
        score += 3
    if article_of(h1) is not None:
        score += 3
    if in_bad_place(h1):
        score -= 3
    return score


# --- rel links: canonical, license, author ------------------------------------------------


def _rel_candidates(doc: Document, context: Context) -> list[AnyCandidate]:
    found: list[AnyCandidate] = []
    seen: set[str] = set()
    for element in context.rel:
        rels = str(element.get("rel") or "").lower().split()
        if "canonical" in rels and element.tag == "link" and "canonical_url" not in seen:
            href = doc.absolute(element.get("href"))
            if href:
                seen.add("canonical_url")
                evidence = _rel_evidence(element, "canonical")
                found.append(Candidate(Field.CANONICAL_URL, href, SOURCE, evidence))
        if "license" in rels and "license" not in seen:
            value = doc.absolute(element.get("href")) or visible_text(element)
            if value:
                seen.add("license")
                evidence = _rel_evidence(element, "license")
                found.append(Candidate(Field.LICENSE, value, SOURCE, evidence))
    return found


def _rel_evidence(element: etree._Element, rel: str) -> Evidence:
    return Evidence(Markup.REL_LINK, rel, line=element.sourceline)


# --- tags -------------------------------------------------------------------------------------

REL_TAGS: Final = Evidence(Markup.REL_LINK, "tag")
TAG_LIST: Final = Evidence(Markup.TAG_LIST)


def _tag_list(context: Context) -> tuple[list[str], Evidence]:
    """The page's tags, and how they were found."""
    tags = [visible_text(e) for e in context.rel if _is_rel_tag(e)]
    tags = [t for t in tags if 0 < len(t) <= MAX_TAG_CHARS]
    evidence = REL_TAGS
    if not tags:
        tags, evidence = _tags_from_container(context), TAG_LIST
    unique: list[str] = []
    for tag in tags:
        if tag.casefold() not in (u.casefold() for u in unique):
            unique.append(tag)
    return unique[:MAX_TAGS], evidence


def _is_rel_tag(element: etree._Element) -> bool:
    return element.tag == "a" and "tag" in str(element.get("rel") or "").lower().split()


def _tags_from_container(context: Context) -> list[str]:
    best: list[str] = []
    best_score = None
    for container in context.tag_lists:
        if "cloud" in markers(container) or in_bad_place(container):
            continue
        links = [visible_text(a) for a in container.iterfind(".//a")]
        links = [t.lstrip("#") for t in links if 0 < len(t) <= MAX_TAG_CHARS]
        if not MIN_TAGS <= len(links) <= MAX_TAGS:
            continue
        score = place_score(container, context)
        if best_score is None or score > best_score:
            best, best_score = links, score
    return best
