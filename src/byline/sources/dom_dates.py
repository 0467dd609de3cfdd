"""Publication and modification dates the visible page shows (part of the ``dom`` source).

Three kinds of evidence, as a reader (or an annotator) would weigh them:

1. markup made for dates: ``<time datetime>``, ``itemprop``/``<meta>`` date properties,
   elements whose class or id says "date";
2. a date after a marker word: "Veröffentlicht am 16.08.2019", "Datum: 26. Januar 2022",
   "Mise en ligne 23 mai 2019", "last edited 2019-11-10" (the last one is a modification;
   a date after "Registriert:" or "Joined" is a forum user's sign-up and is dropped);
3. any other date in a short text: the most plausible one is the first near the headline,
   inside the article, outside comments, sidebars and teasers. A date a sentence leads up
   to ("findet am 5. Februar 2020 ab 19 Uhr statt") is about something else, the dates of
   a listing (a list with several dated items) date its items, a date in a quotation
   (``<blockquote>``: a quoted post, an embedded tweet) is the quoted text's, and a hidden
   date ranks below every date the page shows.

The elements and texts come from ``dom``'s one walk over the tree: ``<time>`` elements,
date properties and the body texts that may hold a year, at most ``_page.MAX_TEXTS`` of them.
Pieces up to ``MAX_PIECE_CHARS`` long are read whole (a date line is short); of a longer
one only a dateline or a label that opens it, as a date inside a paragraph is about
something else. A date split over elements ("Apr" "04" "2013" in a calendar badge) is read
from the date-marked element that holds its parts; a page that shows no date at all is
dated by its scripts' data, else a publication note in an HTML comment (a date in the
readers' comments shows none of the article's). Candidates are parsed dates, best first,
with their score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final, NamedTuple

from lxml import etree

from byline import lexicon
from byline.boilerplate import is_hidden
from byline.dates import (
    LABEL_END,
    OTHER,
    PUBLISH,
    UPDATE,
    date_in_url,
    find_dates,
    has_marker,
    marker_before,
    parse_date,
    parse_stated_date,
    writes_month_first,
)
from byline.document import Document, host_of
from byline.fields import Field, Markup, Source
from byline.language import language_tag
from byline.lexicon import alternation, holds_other_calendar_year, lexicon_words, trie_alternation
from byline.sources._page import (
    MAX_DATES,
    MAX_PIECE_CHARS,
    MAX_RAW_PIECE_CHARS,
    OPENING_DATE_CHARS,
    Page,
    TextPiece,
    declared_language,
    page_of,
)
from byline.sources._places import (
    ANCESTOR_DEPTH,
    BAD_PLACE_TAGS,
    PAGE_TAGS,
    headline_nearness,
    in_article,
    in_bad_place,
    markers,
    names_bad_place,
)
from byline.sources.candidate import AnyCandidate, Candidate, DateValue, Evidence

SOURCE: Final = Source.DOM

MAX_PER_FIELD: Final = 3
"""Candidates proposed per field; the reconciler drops implausible ones and takes the next."""

SENTENCE_WORDS_BEFORE: Final = 4
SENTENCE_WORDS_AFTER: Final = 2
"""Words before and after a date (and no marker word) that make its text a sentence about
something dated, not a date line: see ``_in_sentence``."""

SHORT_PIECE_CHARS: Final = 40
"""A text piece this short holding a date is a date line, not a sentence."""

SPLIT_DATE_DEPTH: Final = 2
"""How far above the element of a lone year the element holding its whole date may be
(``div.date > span > span.year``)."""
JOINED_DATE_CHARS: Final = 80
"""The longest text of an element read whole for a date split over its children."""

DATE_MARKERS: Final = (
    "date", "time", "datum", "zeit", "fecha", "publish", "publication", "parution", "posted",
    "submitted", "pubdate", "dateline", "byline", "subline", "meta", "info", "stand", "created",
)  # fmt: skip
"""class/id/itemprop fragments of elements that show a date."""

PUBLISH_MARKERS: Final = ("publish", "posted", "created", "pubdate", "entry-date", "erstellt")
UPDATE_MARKERS: Final = ("update", "modif", "aktualis", "edited", "changed", "lastmod")
INVISIBLE_TAGS: Final = frozenset({"script", "style", "noscript", "template", "svg", "head"})
META_DATE_WORDS: Final = ("date", "time", "published", "created", "modified", "updated")
"""Fragments of ``<meta>`` names, properties and itemprops that hold a date."""

# Scores: what kind of markup holds the date, then bonuses and penalties for its place.
KIND_TIME: Final = 3.0
KIND_PROPERTY: Final = 3.0
KIND_HEAD_META: Final = -2.0
"""A ``<meta>`` date is not what readers see: below visible dates, above nothing."""
KIND_MARKED: Final = 2.0
KIND_TITLE: Final = 1.0
KIND_TEXT: Final = 0.0
KIND_DATA_ATTRIBUTE: Final = -1.0
"""A date in a ``data-*`` attribute: where the page shows its item, but not shown itself
(scripts render it as "3 days ago", or not at all): below a text that shows a date."""
KIND_SCRIPT_DATA: Final = -4.0
"""A date in a script's data: read only when the page shows none."""
MARKER_WORD_BONUS: Final = 3.0
SHORT_PIECE_BONUS: Final = 1.0
IN_ARTICLE_BONUS: Final = 2.0
BAD_PLACE_PENALTY: Final = 4.0
UPDATE_AS_PUBLISHED_PENALTY: Final = 3.0
LIST_ITEM_PENALTY: Final = 1.0
"""``<li>``: lists of other articles; a weaker sign than a sidebar."""
LISTING_ITEMS: Final = 3
"""Items of one list showing a date that make it a listing of other things: see
``_outside_listings``."""
LISTING_ENTRY_CHARS: Final = 300
"""An item of a listing up to this long is an entry (a headline or an event and its date,
maybe a teaser line); a longer one is content, as the posts of a forum thread are."""
HIDDEN_PENALTY: Final = 8.0
"""A date inside a hidden element (``boilerplate.is_hidden``: ``display:none``, ``hidden``)
is machine data that no reader sees, like a ``<meta>``: it ranks below every visible date
and is kept for pages that show none."""
COMMENT_PENALTY: Final = 8.0
"""A date in the comment section (``_places.in_bad_place``, comments only) is a reader's,
later than the article: it ranks below every other date the page shows and, unlike the
others, does not keep its scripts' data and notes from being read. It is kept for a forum
thread, whose posts are named as comments and whose first post dates the page."""
LAST_TEXT_DEPTH: Final = 14
"""How deep into an element the end of its text is looked for (``_text_end``)."""

JSON_LD_TYPE: Final = "application/ld+json"
SCRIPT_DATE_KEY: Final = (
    r"(?i:(?:article|page|post|content|original|first)?_?"
    r"(?:publish(?:ed|ing)?|publication|pub|posted|created|creation)_?"
    r"(?:date|time|datetime|timestamp|at|on)?|date_?(?:published|posted|created)|post_?date)"
    r"(?:_?(?:gmt|utc|iso))?"
)
"""The key of a publication date in the data a script holds, as sites name it: a word of
publication or creation, maybe after what it dates and before what it is (``datePublished``,
``published_at``, ``pubTime``, ``articlePublishDate``, ``first_publish_date``,
``publishedOn``, ``createdAt``, ``post_date_gmt``), in any case."""
SCRIPT_DATE_KEY_STARTS: Final = "acdfopACDFOP"
"""The letters ``SCRIPT_DATE_KEY`` can begin with (article, content, created, date, first,
original, page, post, publish...): a new first word of the key adds its letter here."""
_SCRIPT_DATE: Final = re.compile(
    # the lookahead changes no match: it spares trying the key at every character of a script
    rf"""(?=["'{SCRIPT_DATE_KEY_STARTS}])"""
    rf"""(?<![\w$])(["']?)({SCRIPT_DATE_KEY})\1\s*[:=]\s*"""
    r"""(?:(["'])([^"']{8,40})\3|(\d{10}(?:\d{3})?)(?!\d))"""
)
"""A publication-date key and its value in the data a script holds: JSON
(``"published_at": "..."``) or a script's own object (``{datePublished: '...'}``,
``pubDate = "..."``); the value a string, or a Unix time in seconds or milliseconds
(``"publishedAt": 1584532800000``)."""
SCRIPT_CALL_CHARS: Final = 200
"""An inline script this short may write the date where it stands; a longer one is a
program, whose dates are anything's."""
_SCRIPT_LITERAL: Final = re.compile(
    r"""(["'])([^"'\n]{6,40})\1|(?<![\w.])(\d{10}(?:\d{3})?)(?![\d.])"""
)
"""A string, or a Unix time in seconds or milliseconds, passed in a script's code."""
MAX_TIME_AGO_CHARS: Final = 40
"""A link that shows a date as time ago says little more ("2 days ago", "vor 3 Stunden")."""
_RELATIVE_TIME: Final = re.compile(
    r"(?<!\w)(?:" + alternation(lexicon_words(lexicon.RELATIVE_TIME_WORDS)) + r")(?!\w)",
    re.IGNORECASE,
)
"""A date shown as time ago ("3 years ago", "vor 2 Tagen")."""
MEDIA_TAGS: Final = frozenset({"img", "picture", "source", "iframe", "video", "audio", "embed"})
"""Elements whose ``title`` describes what they show, never a date's tooltip."""
TOOLTIP_WORDS: Final = 2
"""Words besides the date in a date's tooltip: a weekday, "at", a label ("Published")."""
SHARE_IMAGE_KEYS: Final = frozenset(
    {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"}
)
"""``<meta>`` keys of the picture a page is shared with."""
COMMENT_DATE_CHARS: Final = 200
"""An HTML comment this short may be a note of the publication date; longer ones are
markup left out (conditional comments, templates)."""

_YEAR: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A year of a date's: the part a date split over elements is found by."""
_DATEISH: Final = re.compile(r"\d{4}|\d[./-]\d|\d\.?\s[^\W\d_]{3,}\.?\s\d\d\s*(?:$|[)\]])")


def _dateish(text: str) -> bool:
    """Cheap test a text must pass before the date patterns run on it."""
    return _DATEISH.search(text) is not None or (
        not text.isascii() and holds_other_calendar_year(text)
    )


def _fragments_pattern(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """Finds any of ``fragments`` inside a text: one search instead of a test per fragment."""
    return re.compile("|".join(re.escape(f) for f in fragments))


_DATE_MARKER_RE: Final = _fragments_pattern(DATE_MARKERS)
_UPDATE_MARKER_RE: Final = _fragments_pattern(UPDATE_MARKERS)
_DATELINE_LEAD: Final = re.compile(r"[(\[]?(?:[^\W\d_][\w.'’-]*,?\s+|\([^()\d]{1,30}\)\s*){0,4}\d")
"""How a dateline begins: a digit, or a few words (a month, a weekday, a place, an agency in
brackets) and a digit."""
_LABEL_LEAD: Final = re.compile(
    r"\W*(?:"
    + trie_alternation(lexicon_words(lexicon.PUBLISH_WORDS) + lexicon_words(lexicon.UPDATE_WORDS))
    + ")"
    + LABEL_END,
    re.IGNORECASE,
)
"""A long text that opens with a publication or update label ("Published on 4 March 2016 by
Jane Doe. The council ...", "Aktualisiert am 04.03.2016 ..."): its first date is the
label's, however long the text goes on."""
_ENTRY_LEAD: Final = re.compile(
    r"\W*(?:" + alternation(lexicon_words(lexicon.ENTRY_WORDS)) + r")(?!\w)", re.IGNORECASE
)
"""A long text that opens by naming the page and says it was published ("This entry was
posted on ...", "Dieser Eintrag wurde am ... veröffentlicht"): a blog's closing note, whose
first date is the page's publication, whatever words come between ("This article covers the
vote of 18 March 2020" says no such thing)."""
ENTRY_NOTE_CHARS: Final = 2 * OPENING_DATE_CHARS
"""The start of such a note that is read for its date ("Esta entrada fue publicada el
miércoles, 18 de marzo de 2020" takes sixty characters)."""
_DATELINE_START: Final = re.compile(r"[(\[]?$")
_DATELINE_PLACE: Final = re.compile(
    r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.'’-]*(?:\s+[\w.'’-]+){0,2}\s*(?:,|\([^()\d]{1,30}\),?)\s*$"
)
"""A place or a weekday, capitalised, before a dateline's date, closed by a comma or an
agency in brackets: "Berlin, ", "NEW YORK, ", "Freitag, ", "Berlin (dpa) "."""
_DATELINE_END: Final = re.compile(
    r"\s*(?:\([^()\d]{1,30}\)\s*|/[^/\d]{1,30}/\s*)?(?:[)\]]|[-–—:|]+(?=\s+[^\d\s]))"
)
"""A dateline: the date comes first, maybe in brackets or after a place, closed by a
bracket or a dash, maybe after an agency: "(21. November 2022) ...", "21.11.2022 – ...",
"Berlin, 4. März 2016 (dpa) – ...", "NEW YORK, March 4, 2016 /PRNewswire/ -- ...". A
sentence that begins with a date ("Am 6. Mai 2023 findet ... statt") is about an event, not
the page, and a dash before a time closes a span of hours ("22.01.2022, 9:00 – 17:00")."""


def _tooltip_date(title: str, month_first: bool) -> date | None:
    """The date a ``title`` attribute states, when it is little more than that date (a
    weekday, "at", a label): "2021-03-04 10:00", "Thursday, March 4, 2021 at 10:00 AM";
    not "Screenshot_2020-09-13 Gigafactory Berlin", a description that holds a date."""
    dates = find_dates(title, month_first)
    if len(dates) != 1 or "_" in title:
        return None
    value, start, end = dates[0]
    if _count_words(title[:start] + " " + title[end:]) > TOOLTIP_WORDS:
        return None
    return value


def _in_sentence(text: str, start: int, end: int, after: int, lead_words: int = 0) -> bool:
    """Whether the date at ``text[start:end]`` sits inside a sentence: words lead up to it
    (since ``after``; or, ``lead_words`` of them, in the block before the text) and go on
    after it, and none says it dates the page. "Der nächste Stammtisch findet am 5. Februar
    2020 ab 19 Uhr statt" is about an event; a date line ends at its date or puts at most a
    name or a place before it ("Hofheim am Taunus | Wiesbaden, 11. November 2021"); "Dieser
    Beitrag wurde am 5. Juni 2023 in der Kategorie News veröffentlicht" says what it dates."""
    return (
        lead_words + _count_words(text[max(after, 0) : start]) >= SENTENCE_WORDS_BEFORE
        and _count_words(text[end:]) >= SENTENCE_WORDS_AFTER
        and not has_marker(text)
    )


def _words_before_tail(element: etree._Element) -> int:
    """Words with a letter in the text of ``element``'s parent up to ``element``'s tail: the
    sentence that a date in that tail goes on with ("Ein Urteil (<a>BGer 6B_1224/2019</a> vom
    24.01.2020, ...)")."""
    parent = element.getparent()
    if parent is None:
        return 0
    words = _count_words(parent.text or "")
    for child in parent:
        if isinstance(child.tag, str) and child.tag not in INVISIBLE_TAGS:
            words += _count_words(" ".join(child.itertext()))
        if child is element:
            break
        words += _count_words(child.tail or "")
    return words


def _count_words(text: str) -> int:
    """Words with a letter in ``text``: "|", "-" and numbers do not count."""
    return sum(1 for word in text.split() if any(c.isalpha() for c in word))


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` opens ``text`` as a dateline."""
    lead = text[:start]
    return (
        _DATELINE_START.match(lead) is not None or _DATELINE_PLACE.match(lead) is not None
    ) and _DATELINE_END.match(text, end) is not None


MARKER_CONTEXT_CHARS: Final = 40
"""Text before a date searched for a marker word ("Veröffentlicht am", "Stand:")."""


@dataclass(slots=True)
class _Found:
    score: float
    order: int
    value: DateValue
    update: bool
    where: etree._Element  # the element that shows the date
    how: Markup
    key: str | None  # the date property's name
    item: etree._Element | None  # the list item holding the date, if any


def date_candidates(
    doc: Document,
    headline: etree._Element | None,
    article: etree._Element | None,
    page: Page,
) -> list[AnyCandidate]:
    """``published`` and ``modified`` candidates of the page, best first.

    ``page`` is what the walk over the tree found (``_page.page_of``).
    """
    root = doc.root
    if root is None or not isinstance(root.tag, str):
        return []
    scan = _Scan(headline, article, month_first(doc))
    scan.read_title(root)
    scan.read(page)
    if not scan.found:
        scan.read_script_data(root)
    if not scan.found:
        scan.read_comments(doc)
    if not scan.found:
        scan.read_image_paths(page, article)
    return scan.candidates()


def month_first(doc: Document) -> bool:
    """Whether the page writes numeric dates month first (``dates.writes_month_first``): by
    the dates of its texts, its declared language and its host; decided once per page, so
    that every source reads "06/12/2020" the same way."""
    known = doc.memo.get(_ORDER_KEY)
    if known is None:
        texts = (piece.text for piece in page_of(doc).year_texts)
        language = language_tag(declared_language(doc.root))
        known = doc.memo[_ORDER_KEY] = writes_month_first(texts, language, host_of(doc.url))
    return bool(known)


_ORDER_KEY: Final = "numeric date order"


class _Scan:
    """One pass over the page collecting dates with their score."""

    def __init__(
        self, headline: etree._Element | None, article: etree._Element | None, month_first: bool
    ) -> None:
        self.headline_line = headline.sourceline if headline is not None else None
        self.article = article
        self.month_first = month_first
        """Whether the page writes numeric dates month first ("06/12/2020" is June 12)."""
        self.found: list[_Found] = []
        self.in_comments: list[_Found] = []
        """Dates in the comment section (``COMMENT_PENALTY``), apart from the page's own: a
        long thread of comments fills no room the article's dates need."""
        self.marks_by_element: dict[etree._Element, _Marks] = {}
        self.split_read: set[etree._Element] = set()

    def candidates(self) -> list[AnyCandidate]:
        """The best distinct values per field.

        An update date also competes, with a penalty, for ``published``: a page that
        shows "Stand: 12.11.2021" or "last edited ..." and no publication date still tells
        readers its date, better than an unlabelled date in a list.
        """
        own = _outside_listings(self.found) + [
            replace(found, score=found.score - COMMENT_PENALTY)
            for found in _outside_listings(self.in_comments)
        ]
        penalty = UPDATE_AS_PUBLISHED_PENALTY
        as_published = [
            _Found(f.score - penalty, f.order, f.value, False, f.where, f.how, f.key, None)
            for f in own
            if f.update
        ]
        result: list[AnyCandidate] = []
        for name, update in ((Field.PUBLISHED, False), (Field.MODIFIED, True)):
            pool = own + as_published if not update else own
            ranked = sorted(
                (f for f in pool if f.update is update), key=lambda f: (-f.score, f.order)
            )
            best: list[_Found] = []  # the best-scored of each distinct value
            for found in ranked:
                if all(found.value.text != other.value.text for other in best):
                    best.append(found)
                if len(best) == MAX_PER_FIELD:
                    break
            result.extend(
                Candidate(name, found.value, SOURCE, self._evidence(found, rank))
                for rank, found in enumerate(best)
            )
        return result

    def _evidence(self, found: _Found, rank: int) -> Evidence:
        inside = in_article(found.where, self.article)
        line, headline_line = found.where.sourceline, self.headline_line
        return Evidence.placed(found.how, rank, found.score, line, headline_line, inside, found.key)

    def add(
        self,
        value: object,
        score: float,
        update: bool,
        where: etree._Element,
        how: Markup,
        item: etree._Element | None = None,
        key: str | None = None,
    ) -> None:
        """Keep a date ``where`` shows as ``how`` says (``item``: the list item it is in,
        ``key``: its property's name); among equal scores the one earliest in the page wins."""
        if not isinstance(value, date):
            return
        kept = self.in_comments if in_bad_place(where, comments_only=True) else self.found
        if len(kept) < MAX_DATES:
            order = (where.sourceline or 0) * MAX_DATES + len(kept)  # page order
            found = DateValue(value, value.isoformat())
            kept.append(_Found(score, order, found, update, where, how, key, item))

    # --- the page title ---------------------------------------------------------------

    def read_title(self, root: etree._Element) -> None:
        """A date in ``<title>`` ("23.01.2022 - Headline", "Headline - 11/05/2022 - Site")."""
        title = root.find("head/title")
        if title is None:
            return
        text = title.text or ""
        if len(text) <= 2 * MAX_PIECE_CHARS and _dateish(text):
            for value, _, _ in find_dates(text, self.month_first)[:1]:
                self.add(value, KIND_TITLE, False, title, Markup.TITLE_ELEMENT)

    def read_script_data(self, root: etree._Element) -> None:
        """The first publication date in the data of the page's scripts.

        Pages that scripts render (Next.js, shop and review widgets) show no date in their
        HTML; the data the script renders from names it (``"published_at": "..."``). Read
        only when the page shows no date: the data also dates other items of the page.
        """
        for script in root.iter("script"):
            if (script.get("type") or "").lower() == JSON_LD_TYPE:
                continue  # the json-ld source reads these
            for match in _SCRIPT_DATE.finditer(script.text or ""):
                value = parse_stated_date(match.group(4) or match.group(5), self.month_first)
                if value is not None:
                    key = match.group(2)
                    self.add(value, KIND_SCRIPT_DATA, False, script, Markup.SCRIPT_DATA, key=key)
                    return

    def read_comments(self, doc: Document) -> None:
        """The first date after a publication word in a short HTML comment
        (``<!-- published: 2021-03-04 -->``), on a page that shows no date and whose scripts
        hold none. Other dates in comments are a cache's or a build's ("generated on ...")."""
        for text in doc.comments(COMMENT_DATE_CHARS):
            if not _dateish(text):
                continue
            for value, start, _ in find_dates(text, self.month_first)[:1]:
                if marker_before(text, start) == PUBLISH:
                    self.add(value, KIND_SCRIPT_DATA, False, doc.root, Markup.HTML_COMMENT)
                    return

    def read_image_paths(self, page: Page, article: etree._Element | None) -> None:
        """The day in the path of the page's share image (``og:image``, ``twitter:image``),
        else of the first image of its article that has one (``/2020/03/18/photo.jpg``):
        many sites file a story's pictures under the day they were uploaded for it. Read
        only when the page shows no date and its scripts and comments give none: a picture
        may be older than the story."""
        for meta in page.metas:
            key = (meta.get("property") or meta.get("name") or "").lower()
            if key in SHARE_IMAGE_KEYS and self._add_image_day(meta, meta.get("content"), key):
                return
        if article is not None:
            for image in article.iter("img"):
                if self._add_image_day(image, image.get("src"), None):
                    return

    def _add_image_day(self, where: etree._Element, url: str | None, key: str | None) -> bool:
        """Add the day of an image's folders (not of its file's name: "IMG_20210620_1837.jpg",
        "Screenshot-2016-01-21.png" date a photo or a screenshot, not a story)."""
        value = date_in_url(url[: url.rfind("/") + 1]) if url else None
        if value is not None:
            self.add(value, KIND_SCRIPT_DATA, False, where, Markup.IMAGE_URL, key=key)
        return value is not None

    # --- the body ---------------------------------------------------------------------

    def read(self, page: Page) -> None:
        """Dates of ``<time>`` elements, date properties and short texts holding a year,
        as ``dom``'s walk over the tree collected them."""
        for element in page.times:
            self._read_time(element)
        for element in page.date_properties:
            self._read_property(element)
        for element in page.titled:
            self._read_title_attribute(element)
        for element in page.dated_links:
            self._read_link_address(element)
        for element, name in page.data_dates:
            self._read_data_attribute(element, name)
        for script in page.scripts:
            self._read_script_call(script)
        for piece in page.year_texts:
            if len(self.found) >= MAX_DATES:
                break
            self._read_piece(piece)

    def _read_piece(self, piece: TextPiece) -> None:
        """Score the dates of one text piece, with the text before it for marker words.

        Of a long text (prose) only a date that opens it as a dateline counts:
        "(21. November 2022) Energy consumers ...", "21.11.2022 - Energy consumers ...", or
        the first date of a text that opens with a publication or update label, or of a
        blog's closing note that names the page ("This entry was posted on ...").
        """
        raw = piece.text
        text = raw[:MAX_RAW_PIECE_CHARS].strip()  # not the whole of a long paragraph
        opening = len(text) > MAX_PIECE_CHARS or len(raw) > MAX_RAW_PIECE_CHARS
        labelled = entry_note = False
        if opening:
            entry_note = _ENTRY_LEAD.match(text) is not None
            text = text[: ENTRY_NOTE_CHARS if entry_note else OPENING_DATE_CHARS]
            labelled = _LABEL_LEAD.match(text) is not None
            if not labelled and not entry_note and not _DATELINE_LEAD.match(text):
                return  # prose: the cheap test spares most paragraphs the date patterns
        if not _dateish(text):
            return
        element = piece.owner
        if piece.is_tail:
            holder, previous = element.getparent(), _text_end(element)
        else:
            holder, previous = element, _text_before(element)
        if holder is None or holder.tag == "time":
            return  # a <time> is read with its datetime attribute
        dates = find_dates(text, self.month_first)
        if opening:
            dates = [
                d
                for d in dates[:1]
                if _is_dateline(text, d[1], d[2])
                or (labelled and marker_before(text, d[1]) in (PUBLISH, UPDATE))
                or (entry_note and has_marker(text) and marker_before(text, d[1]) != OTHER)
            ]
        elif not dates and len(text) <= SHORT_PIECE_CHARS and _YEAR.search(text):
            self._read_split_date(holder)  # a lone year, or a date line's last part
        if not dates:
            return
        context = f"{previous} {text}"
        offset = len(context) - len(text)
        place = self._place(holder)
        if place.quoted:
            return
        # how it is found: opening a long text, in a date-marked element, or in another text
        how = (
            Markup.DATELINE if opening else Markup.DATE_MARKED_TEXT if place.marked else Markup.TEXT
        )
        # a text after a link or an emphasis goes on with the sentence before them
        lead_words = _words_before_tail(element) if piece.is_tail else 0
        previous_end = 0
        for value, start, end in dates:
            marker = marker_before(context, offset + start, previous_end)
            if entry_note and marker is None:
                marker = PUBLISH  # the note says what the day is, in words of its own
            in_sentence = (
                marker is None
                and not place.marked  # a date or byline box holds date lines, whatever their words
                and _in_sentence(text, start, end, previous_end - offset, lead_words)
            )
            previous_end, lead_words = offset + end, 0
            if marker == OTHER or in_sentence:
                continue  # a user's sign-up date, or a date the text is about
            self._add_line_date(value, marker, place, text, holder, how)

    def _read_split_date(self, holder: etree._Element) -> None:
        """A date whose parts sit in elements of their own, read from the shortest element
        around them that holds it whole: a calendar badge (``<div class="date"><span>Apr
        </span><span>04</span><span>2013``), a date line with its day in bold ("Posted on
        <b>March 4</b>, 2016"). Scored as a date line of its text would be."""
        node: etree._Element | None = holder
        for _ in range(SPLIT_DATE_DEPTH + 1):
            if node is None or node.tag in PAGE_TAGS or node in self.split_read:
                return
            self.split_read.add(node)
            parts = list(node.itertext())
            if len(parts) > 1:  # (an element of one text holds the piece already read)
                text = " ".join("".join(parts).split())
                if len(text) > JOINED_DATE_CHARS:
                    return  # a longer text around the parts is prose, not a date line
                # the parts as the page writes them ("March 4" ", 2016"), else spaced (a
                # badge's "Apr" "04" "2013")
                spaced = " ".join(" ".join(parts).split())
                for joined in (text, spaced) if spaced != text else (text,):
                    dates = find_dates(joined, self.month_first)
                    if dates:
                        self._read_joined_date(node, joined, dates[0])
                        return
            node = node.getparent()

    def _read_joined_date(
        self, node: etree._Element, text: str, found: tuple[date, int, int]
    ) -> None:
        value, start, end = found
        marker = marker_before(text, start)
        place = self._place(node)
        if marker == OTHER or place.quoted:
            return
        if marker is None and not place.marked and _in_sentence(text, start, end, 0):
            return
        self._add_line_date(value, marker, place, text, node, Markup.SPLIT_DATE)

    def _add_line_date(
        self,
        value: date,
        marker: str | None,
        place: _Place,
        text: str,
        where: etree._Element,
        how: Markup,
    ) -> None:
        """A date read in a line of ``text``, scored by where it sits, the word that labels
        it and the line's length."""
        kind = KIND_MARKED if place.marked else KIND_TEXT
        bonus = MARKER_WORD_BONUS if marker is not None else 0.0
        short = SHORT_PIECE_BONUS if len(text) <= SHORT_PIECE_CHARS else 0.0
        update = marker == UPDATE or (marker is None and place.marked_update)
        item = place.item if marker is None else None  # a labelled date says what it dates
        self.add(value, kind + bonus + short + place.score, update, where, how, item)

    def _read_time(self, element: etree._Element) -> None:
        text = " ".join("".join(element.itertext()).split())[:MAX_PIECE_CHARS]
        value = parse_stated_date(element.get("datetime") or "") or parse_date(
            text, self.month_first
        )
        if value is None:
            return
        place = self._place(element)
        if place.quoted:
            return
        previous = _text_before(element)
        marker = marker_before(f"{previous} ", len(previous) + 1)
        if marker == OTHER:
            return
        own = markers(element)
        # the label a reader sees before the date decides, then the element's own names
        # ("Updated: <time class="dt-published">" is the update a theme names otherwise)
        if marker is not None:
            update = marker == UPDATE
        elif any(m in own for m in PUBLISH_MARKERS) or element.get("pubdate") is not None:
            update = False
        elif any(m in own for m in UPDATE_MARKERS):
            update = True
        else:
            update = place.marked_update
        published = marker == PUBLISH or (marker is None and "publish" in own)
        bonus = MARKER_WORD_BONUS if published else 0.0
        item = place.item if marker is None else None
        self.add(value, KIND_TIME + bonus + place.score, update, element, Markup.TIME_ELEMENT, item)

    def _read_title_attribute(self, element: etree._Element) -> None:
        """The date in the ``title`` of an element that shows it as time ago, or whose class
        says date: the tooltip of a widget (``<span title="2021-03-04 10:00">3 years
        ago</span>``), ranked as a date-marked text in its place."""
        if element.tag in MEDIA_TAGS or (element.tag == "time" and element.get("datetime")):
            return  # a picture's title describes it; a <time> is read by its datetime
        value = _tooltip_date(element.get("title", ""), self.month_first)
        if value is None:
            return
        text = " ".join(" ".join(element.itertext()).split())[:MAX_PIECE_CHARS]
        if _RELATIVE_TIME.search(text) is None and not self._marks(element).date:
            return  # neither time ago nor a date's element: a link's or a menu's title
        place = self._place(element)
        if not place.quoted:
            update = place.marked_update
            score = KIND_MARKED + place.score
            self.add(value, score, update, element, Markup.TITLE_ATTRIBUTE, place.item)

    def _read_link_address(self, link: etree._Element) -> None:
        """The day in the address of a link that shows it as time ago: the day archive a
        blog links its "2 days ago" to, ranked as a date-marked text in its place."""
        text = " ".join(" ".join(link.itertext()).split())
        if len(text) > MAX_TIME_AGO_CHARS or _RELATIVE_TIME.search(text) is None:
            return
        value = date_in_url(link.get("href", ""), self.month_first)
        if value is None:
            return
        place = self._place(link)
        if not place.quoted:
            score = KIND_MARKED + place.score
            self.add(value, score, place.marked_update, link, Markup.LINK_ADDRESS, place.item)

    def _read_script_call(self, script: etree._Element) -> None:
        """The date an inline script writes in a date-marked element: ``<span class="date">
        <script>document.write(timeSince('2020-03-18 10:00'))</script></span>``, ranked as
        the text it writes would be. (Elsewhere a date in code counts down to an event or
        sets a cookie; and the code of other scripts, some of them megabytes of data, is not
        read at all.)"""
        if script.get("src") is not None:
            return
        holder = script.getparent()
        if holder is None or holder.tag in PAGE_TAGS or holder.tag == "head":
            return
        parent = holder.getparent()
        if not self._marks(holder).date and (parent is None or not self._marks(parent).date):
            return
        code = script.text
        if not code or len(code) > SCRIPT_CALL_CHARS:
            return
        for match in _SCRIPT_LITERAL.finditer(code):
            value = parse_stated_date(match.group(2) or match.group(3), self.month_first)
            if value is not None:
                place = self._place(holder)
                if not place.quoted:
                    score = KIND_MARKED + place.score
                    how = Markup.SCRIPT_CALL
                    self.add(value, score, place.marked_update, holder, how, place.item)
                return

    def _read_data_attribute(self, element: etree._Element, name: str) -> None:
        """The date in a ``data-*`` attribute whose name says date (``_page.names_date``):
        an ISO or Unix time, or a date in words (``data-date="18. März 2020"``), on an
        element that shows it as time ago, renders it by script, or shows nothing; ranked
        below the dates the page shows, in its place."""
        value = parse_stated_date(element.get(name, "")[:MAX_PIECE_CHARS], self.month_first)
        if value is None:
            return
        place = self._place(element)
        if not place.quoted:
            update = _UPDATE_MARKER_RE.search(name) is not None or place.marked_update
            score = KIND_DATA_ATTRIBUTE + place.score
            how = Markup.DATA_ATTRIBUTE
            self.add(value, score, update, element, how, place.item, name)

    def _read_property(self, element: etree._Element) -> None:
        """``<meta name="publication_date" content=...>``, ``<span itemprop="dateUpdate">``."""
        attributes = (element.get("name"), element.get("property"), element.get("itemprop"))
        name = " ".join(v for v in attributes if v).lower()
        if not any(word in name for word in META_DATE_WORDS):
            return
        raw = element.get("content") or element.get("datetime")
        value = parse_stated_date(raw, self.month_first) if raw else None
        if value is None or not hasattr(value, "year"):
            return
        update = any(m in name for m in UPDATE_MARKERS)
        key = next(v for v in attributes if v)
        if element.tag == "meta":
            self.add(value, KIND_HEAD_META, update, element, Markup.META_TAG, key=key.lower())
        else:
            place = self._place(element)
            if not place.quoted:
                score = KIND_PROPERTY + place.score
                how = Markup.DATE_PROPERTY
                self.add(value, score, update, element, how, place.item, key)

    def _marks(self, node: etree._Element) -> _Marks:
        """What the class, id, itemprop and tag of ``node`` say; once per element, as the
        dates of a page share most of their ancestors."""
        marks = self.marks_by_element.get(node)
        if marks is None:
            found = markers(node)
            marks = _Marks(
                date=_DATE_MARKER_RE.search(found) is not None,
                update=_UPDATE_MARKER_RE.search(found) is not None,
                bad_place=node.tag in BAD_PLACE_TAGS or names_bad_place(found),
                hidden=is_hidden(node),
            )
            self.marks_by_element[node] = marks
        return marks

    def _place(self, element: etree._Element) -> _Place:
        """How much the surroundings of ``element`` say the date is the article's own."""
        score = headline_nearness(element.sourceline, self.headline_line)
        marked = marked_update = False
        bad = in_list = in_article = hidden = quoted = False
        item = None
        node: etree._Element | None = element
        for depth in range(ANCESTOR_DEPTH + 1):  # the element and its ancestors
            if node is None or node.tag in PAGE_TAGS:
                break
            if node is self.article:
                in_article = True
            marks = self._marks(node)
            hidden = hidden or marks.hidden
            if item is None and node.tag == "li":
                item = node
            if depth < 2 and marks.date:
                marked = True
                marked_update = marked_update or marks.update
            if not in_article:
                bad = bad or marks.bad_place
                quoted = quoted or node.tag == "blockquote"
                in_list = in_list or node.tag == "li"
            node = node.getparent()
        if in_article:
            score += IN_ARTICLE_BONUS
        if bad:
            score -= BAD_PLACE_PENALTY
        elif in_list:
            score -= LIST_ITEM_PENALTY
        if hidden:
            score -= HIDDEN_PENALTY
        return _Place(score, marked, marked_update, item, quoted)


class _Marks(NamedTuple):
    date: bool  # a DATE_MARKERS fragment
    update: bool  # an UPDATE_MARKERS fragment
    bad_place: bool  # a BAD_PLACE_TAGS tag or a BAD_PLACE_MARKERS fragment
    hidden: bool  # hidden from readers by an attribute or its style


@dataclass(slots=True, frozen=True)
class _Place:
    score: float
    marked: bool
    marked_update: bool
    item: etree._Element | None  # the nearest list item around the element
    quoted: bool  # inside a quotation: a quoted post's date, an embedded tweet's


def _outside_listings(dates: list[_Found]) -> list[_Found]:
    """The dates that are not entries of a listing: a list in which ``LISTING_ITEMS`` or
    more items show a date lists other things (articles, events), each dated. Only its
    short items are entries: a long one is a post of a thread, whose first is the page's.
    """
    items_per_list: dict[etree._Element | None, set[etree._Element]] = {}
    for found in dates:
        if found.item is not None:
            items_per_list.setdefault(found.item.getparent(), set()).add(found.item)
    listed = {
        item
        for items in items_per_list.values()
        if len(items) >= LISTING_ITEMS
        for item in items
        if _is_short(item, LISTING_ENTRY_CHARS)
    }
    return [f for f in dates if f.item not in listed]


def _text_before(element: etree._Element) -> str:
    """The end of the text just before ``element``: its previous sibling's, or its parent's."""
    previous = element.getprevious()
    if previous is not None:
        return (previous.tail or "").strip() or _text_end(previous)
    parent = element.getparent()
    return (parent.text or "").strip()[-MARKER_CONTEXT_CHARS:] if parent is not None else ""


def _text_end(element: etree._Element) -> str:
    """The last characters of the text inside ``element`` ("Datum:" in ``<b>Datum:</b>``)."""
    node = element
    for _ in range(LAST_TEXT_DEPTH):
        if not isinstance(node.tag, str) or node.tag in INVISIBLE_TAGS:
            return ""
        if len(node) == 0:
            return (node.text or "").strip()[-MARKER_CONTEXT_CHARS:]
        node = node[-1]
        if node.tail and node.tail.strip():
            return node.tail.strip()[-MARKER_CONTEXT_CHARS:]
    return ""


def _is_short(element: etree._Element, limit: int) -> bool:
    """Whether the text inside ``element`` is at most ``limit`` characters long."""
    length = 0
    for text in element.itertext():
        length += len(text.strip())
        if length > limit:
            return False
    return True
