"""The page index: one walk over the tree that files what every source reads.

The ``dom`` source and its parts (``dom_authors``, ``dom_dates``) read the headings, rel links,
byline and tag-list elements, ``<time>`` elements, date properties and the short texts that
may hold a year or a byline lead; the structured sources read the scripts, meta tags and
microdata items. ``page_of`` walks a page once, on the first call, and every source shares
what it found. The cheap prefilters that decide which texts and elements are filed
(``may_hold_year``, ``BYLINE_LEAD_HINT``, the marker patterns) live here with the walk, so
that what a source may find and what the walk keeps for it are stated in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from lxml import etree

from byline import lexicon
from byline.document import Document
from byline.lexicon import (
    OTHER_DIGITS,
    OTHER_SCRIPT_DATE_SIGN,
    covering,
    holds_other_calendar_year,
    lexicon_words,
    trie_alternation,
)

BYLINE_MARKERS: Final = (
    "author", "byline", "autor", "verfasser", "auteur", "firma", "writer", "writtenby",
    "written-by", "reporter",
)  # fmt: skip
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

PERSON_ICON_WORDS: Final = ("user", "person", "account", "author")
ICON_TAGS: Final = frozenset({"i", "span", "svg", "em"})
"""An icon of a person before a name marks a byline in many themes that name the box nothing
else: Font Awesome's ``<i class="fa fa-user">``, Bootstrap's ``bi-person``, a theme's own
``reco-account``. The icon is an element of these tags whose class holds one of the words
after an icon set's prefix ("fa-user-o", not "users" or "user-menu")."""
HEADLINE_MARKERS: Final = ("headline", "title", "titel", "heading")
"""class/id fragments of elements that hold a title."""

TAG_MARKERS: Final = ("tags", "tag-list", "taglist", "schlagw", "keyword", "stichw", "etiquet")
"""class/id fragments of containers listing the article's tags."""

MAX_ELEMENTS: Final = 80
"""At most this many matches of one query are ranked (listing pages have hundreds)."""
MAX_HEADINGS: Final = 12
MAX_SCANNED_ELEMENTS: Final = 20_000
"""Elements read by the walk (with their texts): bounds the work on huge pages (a 50 MB
comment thread); the article's metadata sits well before this."""
MAX_TEXTS: Final = 3_000
"""Text pieces with a year read per page: the article's date comes well before this."""
MAX_DATES: Final = 200
"""Dates collected per page before ranking (listing pages show hundreds)."""
MAX_PIECE_CHARS: Final = 160
"""Longer text pieces are prose, whose dates are about the story, not the page."""
MAX_RAW_PIECE_CHARS: Final = 4 * MAX_PIECE_CHARS
"""Texts longer than this (before stripping) are read only for an opening date."""
OPENING_DATE_CHARS: Final = 60
"""The start of a long text that is read for a dateline."""

SCRIPT_TAGS: Final = frozenset({"script", "style", "noscript"})
"""Elements whose text is code, never a date or a name a reader sees."""
SKIP_TAGS: Final = SCRIPT_TAGS | {"meta", "link", "head", "html", "body"}
"""Elements that are never a byline or a tag list themselves."""

DATA_DATE_WORDS: Final = (
    "date", "time", "datetime", "timestamp", "ts", "utime", "unixtime", "epoch", "livestamp",
    "timeago", "pubdate", "published", "posted", "created", "modified", "updated", "lastmod",
)  # fmt: skip
"""Words of a ``data-*`` attribute's name that say it holds a date (``data-date``,
``data-utime``, ``data-livestamp``, ``data-publish-date``)."""
DATA_DATE_QUALIFIERS: Final = (
    "publish", "publication", "pub", "post", "create", "update", "last", "article", "iso",
    "gmt", "utc", "unix", "at",
)  # fmt: skip
"""The other words such a name may hold: what it dates (publication, update, the
article) and how (ISO, UTC, Unix). A name with any other word dates something else
(``data-event-date``, ``data-min-date``, ``data-start-time``; ``data-updated-on``, which
site builders put on every layout block, the navigation's too) or is no date at all
(``data-date-format``, ``data-timezone``). The words may be run together, as the lower-cased
names of camel-case attributes are (``data-publishedat``)."""
_DATA_DATE_NAME: Final = re.compile(
    "data-(?:(?:{q})[-_]?)*(?:{d})(?:[-_]?(?:{q}|{d}))*".format(
        q="|".join(sorted(DATA_DATE_QUALIFIERS, key=len, reverse=True)),
        d="|".join(sorted(DATA_DATE_WORDS, key=len, reverse=True)),
    )
)

MAX_BYLINE_PIECE_CHARS: Final = 240
"""Longer texts are not read for an unmarked byline (``dom_authors``)."""
BYLINE_LEAD_HINT: Final = re.compile(
    trie_alternation(
        covering(
            lexicon.BARE_LEADS
            + lexicon_words(lexicon.AUTHOR_LABELS)
            + lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS)
            + lexicon.ROLES_AFTER_NAME
            + tuple(
                label + space + slash
                for label in lexicon.CJK_TEXT_LABELS
                for space in ("", " ")
                for slash in lexicon.CREDIT_SLASHES
            )
            + (":", "：")
        )
    )
)
"""Every byline lead ``dom_authors`` reads ("Posted by", "von", "Autor", "Text:") holds one
of these, in lower case: a bare lead, an author label, an explicit lead (most end in a bare
lead, "geschrieben von"; "skriven av" does not), a role printed after the name ("홍길동
기자"), a colon, or a text label and its slash ("文/张伟"). (Searched in the lowered text:
``re.IGNORECASE`` makes it ten times slower; see ``_marker_pattern`` for the tree.)"""


WIRE_CREDIT_CHARS: Final = 40
"""A wire story's first paragraph may open with its place, agency and writer: "(서울=연합뉴스)
홍길동 기자 = ...", "新华社北京3月5日电（记者张伟）...". That much of a long text is read for it."""
WIRE_CREDIT_SIGN: Final = re.compile("[=电]")
"""The sign of such a credit: Korean agencies join the writer to the text with "=", Chinese
ones end the dateline with "电" (sent)."""


def _marker_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words``, as a tree of their letters (``trie_alternation``): the regex engine
    tries one branch per letter where a word may begin, not every word that begins with it
    (most class names hold an "a", a "t" or a "w" where a marker may begin)."""
    return re.compile(trie_alternation(words))


_BYLINE_RE: Final = _marker_pattern(BYLINE_MARKERS)
_TAG_RE: Final = _marker_pattern(TAG_MARKERS)
_TITLE_RE: Final = _marker_pattern(HEADLINE_MARKERS)
_ANY_RE: Final = _marker_pattern(BYLINE_MARKERS + TAG_MARKERS + HEADLINE_MARKERS)
_PERSON_ICON_RE: Final = re.compile(
    r"(?<![\w-])[a-z\d]+-(?:" + "|".join(PERSON_ICON_WORDS) + r")(?:-(?:o|alt|circle|fill|line|"
    r"outline|solid|edit|pen|tie|round|filled))*(?![\w-])"
)
_AUTHOR_HREF: Final = _marker_pattern(AUTHOR_HREF_PARTS)
_YEAR_IN_PATH: Final = re.compile(r"/(?:19|20)\d\d/")


MAX_TITLE_DATE_CHARS: Final = 60
"""A ``title`` attribute this short may be a date's tooltip ("Thursday, 4 March 2021 at
10:00"); a longer one is a link's or a picture's description."""


def may_hold_year(text: str) -> bool:
    """Whether a text of the page is worth reading for dates: a short text anywhere, a long
    one at its start. A year shows four digits of this or the last century, or two digits
    after a dot ("31.10.23"), or begins as such a year in the digits of another script
    ("۲۰۲۰", "٢٠٢٠", "२०२०"), or is a year of another calendar ("2569", "۱۴۰۵", "令和":
    ``holds_other_calendar_year``). Run on every text of the page: plain substring tests,
    which are cheaper than any regex, and the other scripts' and calendars' only on a text
    with a character outside ASCII."""
    if len(text) > MAX_RAW_PIECE_CHARS:
        text = text[: 2 * OPENING_DATE_CHARS]  # room for the spaces before it
    return (
        "20" in text
        or "19" in text
        or ".0" in text
        or ".1" in text
        or ".2" in text
        or (
            not text.isascii()
            and OTHER_SCRIPT_DATE_SIGN.search(text) is not None
            and (_OTHER_YEAR.search(text) is not None or holds_other_calendar_year(text))
        )
    )


_OTHER_YEAR: Final = re.compile(
    "|".join(
        OTHER_DIGITS[zero + 1] + OTHER_DIGITS[zero + 9]
        + "|" + OTHER_DIGITS[zero + 2] + OTHER_DIGITS[zero]
        for zero in range(0, len(OTHER_DIGITS), 10)
    )
)  # fmt: skip
"""The first two digits of a year of this or the last century in the other scripts'
digits (``lexicon.OTHER_DIGITS``)."""


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
class Page:
    """Everything the ``dom`` source reads, found by one walk over the tree (``walk``);
    each list in document order and bounded. The walk also files the elements the
    structured sources read (``scripts``, ``metas``, ``itemscopes``, ``itemprops``: those
    lists hold every one of the page, however long it is), so that none walks it again."""

    complete: bool = True
    """Whether the walk read every element (not stopped at ``MAX_SCANNED_ELEMENTS``)."""
    h1s: list[etree._Element] = field(default_factory=list)
    headings: list[etree._Element] = field(default_factory=list)
    """The h1s and h2s, and any other element the page's microdata marks as a headline (a
    news module's ``<h3 itemprop="headline">``), in document order."""
    rel: list[etree._Element] = field(default_factory=list)
    bylines: list[etree._Element] = field(default_factory=list)  # marked ones and <address>
    author_links: list[etree._Element] = field(default_factory=list)
    tag_lists: list[etree._Element] = field(default_factory=list)
    title_boxes: list[etree._Element] = field(default_factory=list)  # marked as a title
    person_icons: list[etree._Element] = field(default_factory=list)  # see ``PERSON_ICON_WORDS``
    times: list[etree._Element] = field(default_factory=list)
    date_properties: list[etree._Element] = field(default_factory=list)
    titled: list[etree._Element] = field(default_factory=list)  # a title that may hold a year
    dated_links: list[etree._Element] = field(default_factory=list)
    """Links to an address with a year in its path ("/archive/2024/03/05")."""
    data_dates: list[tuple[etree._Element, str]] = field(default_factory=list)
    """Elements with a ``data-*`` attribute whose name says date, or a ``datetime`` though
    they are no ``<time>`` (``<abbr datetime>``), with that attribute's name."""
    year_texts: list[TextPiece] = field(default_factory=list)  # body texts that may hold a year
    byline_texts: list[TextPiece] = field(default_factory=list)  # short texts with a lead hint
    scripts: list[etree._Element] = field(default_factory=list)
    metas: list[etree._Element] = field(default_factory=list)
    itemscopes: list[etree._Element] = field(default_factory=list)  # elements with itemscope
    itemprops: list[etree._Element] = field(default_factory=list)  # elements with itemprop
    flags_by_marker: dict[str, int] = field(default_factory=dict)
    dated_names: dict[str, bool] = field(default_factory=dict)
    """Whether each attribute name seen says it holds a date (``names_date``)."""
    elements: list[etree._Element] = field(default_factory=list, repr=False)
    """Every element walked, in document order: held so that lxml's Python object of each
    lives as long as the page's index does (the extraction). Every later pass over the tree
    (main text's cleaning, scoring, rendering) then finds the objects instead of making them
    anew, with the tag names they have read."""

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
        """``_BYLINE``, ``_TAG_LIST``, ``_TITLE_BOX`` and ``_PERSON_ICON`` flags of one class, id
        or itemprop value.

        Pages repeat the same class on many elements: each value is searched once. (The
        words searched hold no space, so testing the values one by one finds what testing
        their joined ``_markers`` would.)
        """
        flags = self.flags_by_marker.get(value)
        if flags is None:
            lowered = value.lower()
            flags = 0
            if _ANY_RE.search(lowered):  # most values: one search and out
                flags = (
                    (_BYLINE if _BYLINE_RE.search(lowered) else 0)
                    | (_TAG_LIST if _TAG_RE.search(lowered) else 0)
                    | (_TITLE_BOX if _TITLE_RE.search(lowered) else 0)
                )
            if any(map(lowered.__contains__, PERSON_ICON_WORDS)) and _PERSON_ICON_RE.search(
                lowered
            ):  # (the substring tests first: the pattern tried at every position is slow)
                flags |= _PERSON_ICON
            self.flags_by_marker[value] = flags
        return flags


def page_of(doc: Document) -> Page:
    """What the walk over the page's tree (``walk``) found: walked once per page, on the
    first call, and shared by every source."""
    page = doc.memo.get(_MEMO_KEY)
    if page is None:
        page = doc.memo[_MEMO_KEY] = walk(doc.root)
    return page


def declared_language(root: etree._Element) -> str | None:
    """The language the page's root element declares (``lang``, ``xml:lang``), as written."""
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    value = value or root.get("xml:lang")
    value = (value or "").strip()
    return value or None


_MEMO_KEY: Final = "dom walk"
# (Two counts, not a count of a union: XPath unions sort their node sets.)
_TEXTS_BEFORE: Final = etree.XPath("count(preceding::text())")
_ELEMENTS_BEFORE: Final = etree.XPath("count(preceding::*) + count(ancestor::*)")


def walk(root: etree._Element) -> Page:
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
    page = Page()
    known_flags = page.flags_by_marker.get
    body = None
    in_body = False
    walked = texts = 0  # elements and texts seen so far
    open_elements: list[etree._Element] = []  # the current element and its ancestors
    walked_elements = page.elements
    elements = root.iter()
    for node in elements:
        walked_elements.append(node)
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
                value = node.get(names[0], "")
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
    page: Page,
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
    {"time", "h1", "h2", "a", "address", "meta", "script"} | SKIP_TAGS
)
"""Tags ``_collect`` reads whatever their attributes."""
# ``data-testid`` and its kin: the class names of script-built pages are hashes ("QHbl
# nkdH"); their test and component ids still say what an element is ("prism-byline", the
# Washington Post's ``data-qa="author-name"``, the BBC's ``data-component="byline-block"``).
TEST_ID_ATTRIBUTES: Final = (
    "data-testid", "data-test-id", "data-test", "data-qa", "data-cy", "data-component",
)  # fmt: skip
_MARKER_ATTRIBUTES: Final = frozenset({"class", "id", "itemprop", *TEST_ID_ATTRIBUTES})
_CLASS_OR_ID: Final = frozenset({"class", "id"})
_BYLINE, _TAG_LIST, _TITLE_BOX, _PERSON_ICON = 1, 2, 4, 8
"""Flags of what a class, id or itemprop value marks (see ``Page.marker_flags``)."""


def _file_structured(page: Page, element: etree._Element, tag: str, names: list[str]) -> None:
    """File an element the structured sources read: script, meta, microdata item or property."""
    if tag == "script":
        page.scripts.append(element)
    elif tag == "meta":
        page.metas.append(element)
    if "itemscope" in names:
        page.itemscopes.append(element)
    if "itemprop" in names:
        page.itemprops.append(element)


def _marks_headline(element: etree._Element) -> bool:
    """True for an element the page's microdata names its item's headline."""
    return "headline" in str(element.get("itemprop")).split()


def _collect(page: Page, element: etree._Element, tag: str, names: list[str]) -> None:
    """File one element, with attributes ``names``, under the lists it belongs to."""
    _file_structured(page, element, tag, names)
    if tag == "time" and len(page.times) < MAX_DATES:
        page.times.append(element)
    elif tag == "h1" or tag == "h2" or ("itemprop" in names and _marks_headline(element)):
        if tag == "h1" and len(page.h1s) < MAX_ELEMENTS:
            page.h1s.append(element)
        if len(page.headings) < MAX_HEADINGS:
            page.headings.append(element)
    elif tag == "a" and "href" in names:
        href = element.get("href", "")
        if len(page.author_links) < MAX_ELEMENTS and _AUTHOR_HREF.search(href):
            page.author_links.append(element)
        elif len(page.dated_links) < MAX_DATES and _YEAR_IN_PATH.search(href):
            page.dated_links.append(element)
    if "rel" in names and len(page.rel) < MAX_ELEMENTS * 4:
        page.rel.append(element)
    if (
        ("itemprop" in names or "property" in names or tag == "meta")
        and ("content" in names or "datetime" in names)
        and len(page.date_properties) < MAX_DATES
    ):
        page.date_properties.append(element)
    if (
        "title" in names
        and len(page.titled) < MAX_DATES
        and len(title := element.get("title", "")) <= MAX_TITLE_DATE_CHARS
        and may_hold_year(title)
    ):
        page.titled.append(element)
    if tag in SKIP_TAGS:
        return
    if tag == "address":
        if len(page.bylines) < MAX_ELEMENTS:
            page.bylines.append(element)
        return
    flags = 0
    for name in names:
        if name in _MARKER_ATTRIBUTES:
            flags |= page.marker_flags(element.get(name, ""))
        elif (
            name[0] == "d"
            and len(page.data_dates) < MAX_DATES
            and _holds_date(page, name, tag, names)
        ):
            page.data_dates.append((element, name))
    if ("aria-label" in names or "title" in names) and labels_author(element):
        flags |= _BYLINE
    if flags:
        _file_marked(page, element, flags)


_AUTHOR_LABEL_WORDS: Final = frozenset(lexicon_words(lexicon.AUTHOR_LABELS))
_WRITER_LEAD_WORDS: Final = frozenset(lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS))
_LONGEST_AUTHOR_LABEL: Final = max(map(len, _AUTHOR_LABEL_WORDS)) + 2  # and a colon, a space


def is_author_label(text: str, leads: bool = False) -> bool:
    """Whether ``text`` is an author label alone ("Author", "作者："), or, with ``leads``, a
    lead that names the writer ("Written by", "Verfasst von")."""
    label = text.strip(" :：").casefold()
    return label in _AUTHOR_LABEL_WORDS or (leads and label in _WRITER_LEAD_WORDS)


def labels_author(element: etree._Element) -> bool:
    """Whether the element's ``aria-label`` or ``title`` is an author label alone ("Author",
    "作者"): the accessible name of a byline whose class says nothing."""
    for name in ("aria-label", "title"):
        value = element.get(name)
        if value is not None and len(value) <= _LONGEST_AUTHOR_LABEL and is_author_label(value):
            return True
    return False


def _holds_date(page: Page, name: str, tag: str, names: list[str]) -> bool:
    """Whether an element's attribute ``name`` holds a date not read otherwise: a ``data-*``
    one that says so, or a ``datetime`` (a ``<time>``'s is read with it, a date property's
    as one). Pages repeat the same few names: each is looked at once."""
    if name == "datetime":
        return tag != "time" and "itemprop" not in names and "property" not in names
    dated = page.dated_names.get(name)
    if dated is None:
        dated = page.dated_names[name] = name.startswith("data-") and names_date(name)
    return dated


def names_date(attribute: str) -> bool:
    """Whether a ``data-*`` attribute's name says it holds the date of the element's item,
    or of its publication or update (see ``DATA_DATE_WORDS``)."""
    return _DATA_DATE_NAME.fullmatch(attribute.lower()) is not None


def _file_marked(page: Page, element: etree._Element, flags: int) -> None:
    """File an element whose class, id or itemprop marks a byline, a tag list or a title."""
    if flags & _BYLINE and len(page.bylines) < MAX_ELEMENTS:
        page.bylines.append(element)
    if flags & _TAG_LIST and len(page.tag_lists) < MAX_ELEMENTS:
        page.tag_lists.append(element)
    if flags & _TITLE_BOX and len(page.title_boxes) < MAX_ELEMENTS:
        page.title_boxes.append(element)
    if flags & _PERSON_ICON and element.tag in ICON_TAGS and len(page.person_icons) < MAX_ELEMENTS:
        page.person_icons.append(element)


def _read_text(
    page: Page, text: str, owner: etree._Element, is_tail: bool, ordinal: int, in_body: bool
) -> None:
    """File a text (see ``TextPiece``) under the lists it belongs to, if any."""
    piece = None
    if in_body and len(page.year_texts) < MAX_TEXTS and may_hold_year(text):
        piece = TextPiece(text, owner, is_tail, ordinal)
        parent = piece.parent()
        if parent is not None and parent.tag not in SCRIPT_TAGS:
            page.year_texts.append(piece)
    if len(text) <= MAX_BYLINE_PIECE_CHARS:
        if BYLINE_LEAD_HINT.search(text.lower()):
            page.byline_texts.append(piece or TextPiece(text, owner, is_tail, ordinal))
    elif _may_open_with_wire_credit(text):
        page.byline_texts.append(piece or TextPiece(text, owner, is_tail, ordinal))


def _may_open_with_wire_credit(text: str) -> bool:
    """Whether a long text may open with a wire story's credit (``WIRE_CREDIT_CHARS``)."""
    opening = text[:WIRE_CREDIT_CHARS]
    if opening.isascii():
        return False  # (the writer's name is in Hangul or Chinese characters)
    return WIRE_CREDIT_SIGN.search(opening) is not None and (
        BYLINE_LEAD_HINT.search(opening) is not None
    )
