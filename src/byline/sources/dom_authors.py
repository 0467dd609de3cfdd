"""The ``authors`` part of the ``dom`` source: bylines as readers see them.

Two kinds of places give names:

- elements marked as bylines (class/id/itemprop with "author", "byline"..., ``<address>``,
  ``rel=author`` links and links to author pages), found by ``dom``'s one scan of the page;
- unmarked short texts that read as a byline ("Posted by Konstantin", "von Klaus Stanjek",
  "Autor: Hans Meier", a label "Autor" before the names), searched inside the article that
  holds the headline (explicit leads, and leads before a user name, also in the rest of
  the page when it has none);
- a full name after a date next to the headline ("11.12.2019 - Anna Muster"), one
  signing the article in bold or italics as its last paragraph, and the speaker a
  speech's headline names ("Rede von Bundespräsident Johannes Rau beim ...").

A byline hidden from readers by its class counts less than the visible ones.

Each distinct group of names becomes one ``authors`` candidate, the most article-like
first: near the headline and inside its article is good, sidebars and footers are bad,
comments are never the article's author.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Final
from urllib.parse import unquote

from lxml import etree

from byline import lexicon
from byline.authors import (
    CJK_AUTHOR_LABELS,
    CJK_FULL_NAME,
    CJK_NAME_LETTERS,
    CONTACT_SEPARATOR,
    INTERFACE_LABELS,
    NAME_JOINERS,
    credit,
    is_user_handle,
    split_names,
    ungendered,
)
from byline.boilerplate import name_words
from byline.dates import find_dates, is_date_line
from byline.document import (
    HEADING_TAGS,
    Document,
    host_of,
    is_inside,
    split_address,
    text_content,
)
from byline.fields import Field, Markup, Source
from byline.lexicon import alternation, lexicon_words, trie_alternation
from byline.sources._page import BYLINE_MARKERS, SKIP_TAGS, TextPiece, labels_author
from byline.sources._places import (
    ANCESTOR_DEPTH,
    NEAR_HEADLINE_LINES,
    PAGE_TAGS,
    Context,
    headline_nearness,
    hidden_by_class,
    in_article,
    in_bad_place,
    in_other_story,
    is_unread,
    markers,
    place_score,
    spaced_lines,
    spaced_text,
    texts_inside,
    visible_text,
    visible_texts,
)
from byline.sources.candidate import AnyCandidate, AuthorCandidate, Candidate, Evidence

SOURCE: Final = Source.DOM

NAME_WORD: Final = "name"
"""A class word of the part of a byline's box that holds the name."""
BADGE_WORD: Final = "badge"
"""A class word of a label set beside a writer's name: a rank, a role, "Verified"."""

Group = tuple[float, int, list[AuthorCandidate], Markup, etree._Element]
"""A byline found: its score, its order in the page, its names, how and in which element it
was found."""
Named = tuple[etree._Element, str, Markup]
"""A name found without a lead: the element that shows it, the name, how it was found."""

MAX_BYLINE_TEXT: Final = 200
"""Byline elements with more text than this are author boxes or whole articles."""
MAX_ICON_NAME_CHARS: Final = 60
"""The text beside a person's icon is a name or two, not a sentence."""
MIN_SITE_WORD_CHARS: Final = 4
"""A word of a name that an address holds names the site when it is this long ("Handball"
in handball.ch; not "Li" in "linkedin")."""
MAX_AUTHOR_GROUPS: Final = 3
MAX_TEXT_NODES: Final = 400
"""At most this many texts of the article are read for an unmarked byline..."""
MAX_PAGE_TEXT_NODES: Final = 1500
"""... and of the page when no article holds the headline (menus come first)."""
MAX_TEXT_BYLINE: Final = 120
"""An unmarked byline is a short text: longer ones are sentences that mention a name."""
LEAD_WITHIN: Final = 40
"""A bare lead ("von") comes first, or after a date of at most this length..."""
MAX_DATE_LEAD_WORDS: Final = 3
"""... or right after a date that at most this many words introduce ("Posted on Wednesday,
March 18, 2020 by", "Veröffentlicht am 03.02.2022 von", "Publié le 3 mars 2022 par")."""
MIN_UNMARKED_NAME_WORDS: Final = 2
"""After a bare "von"/"by", one capitalised word is as often a noun as a name."""
NEAR_HEADLINE_BONUS: Final = 1.5
"""Extra score of the byline nearest below the headline, falling off with distance."""
NEAR_HEADLINE_FALLOFF: Final = 60
"""Source lines over which the nearness bonus falls to nothing."""
FOLLOWING_TEXT_LEVELS: Final = 3
"""A label's names are looked for after it, its parent and its grandparent, no further."""
WIDGET_DEPTH: Final = 3
"""How far up a label is looked at for a sidebar widget holding it."""
MAX_DATED_NAME_CHARS: Final = 80
"""A date and a name next to the headline make a short text."""
MAX_DATED_NAME_WORDS: Final = 3
POST_AUTHOR_CLASS: Final = "bypostauthor"
"""WordPress's class of a comment written by the post's author (the reply under a post)."""
FALLBACK_SCORE: Final = -10.0
"""A byline says who wrote a post better than the name on the author's reply to a comment
or the name a licence asks to credit: those are taken only when the page shows no byline."""
ATTRIBUTION_REL: Final = "cc:attributionurl"
"""Creative Commons markup of the link to the person a page's licence asks to credit
("Ein Hundetagebuch von <a rel="cc:attributionURL">Donald Townsend</a> ... CC BY")."""
NAME_CLASSES: Final = ("fn", "author", "comment-author-name", "comment-author")
"""Classes of the element that holds a commenter's name, the vCard "fn" first."""
SIGN_OFF_WORDS: Final = frozenset(lexicon_words(lexicon.SIGN_OFF_WORDS))
"""Words of the greeting that ends a letter, on the line where a signature may stand."""
EMPHASIS_TAGS: Final = frozenset({"b", "strong", "i", "em"})
MIN_LINKED_NAMES: Final = 2
"""Links in a byline whose texts, run together, may read as one long name."""
AVATAR_DEPTH: Final = 3
"""Levels above a writer's picture within which the name is printed beside it."""
MAILBOX_DEPTH: Final = 2
"""Levels above a link that mails the writer within which their name is printed beside it."""
MAIL_LINK: Final = "mailto:"
_ADDRESS_PARTS: Final = re.compile(r"[._+-]")
"""What separates the words of an address's local part ("tapio.nurminen", "j_doe")."""
TEASER_DEPTH: Final = 4
"""How far up from a byline the box of a teaser is looked for (``_in_teaser``)..."""
MAX_TEASER_CHARS: Final = 400
"""... and how much text that box holds at most: a headline, a byline, a line of summary."""
MIN_TEASER_TITLE_WORDS: Final = 5
"""A link of this many words (of letters: not a date) in such a box is a story's title, as a
linked heading is."""
OFFICE_WORDS: Final = frozenset(lexicon_words(lexicon.OFFICE_WORDS))
"""Offices and titles printed between "Speech by" and the speaker's name."""
OFFICE_ENDINGS: Final = lexicon_words(lexicon.OFFICE_ENDINGS)
"""Endings of compound offices: "Bundespräsident", "Oberbürgermeisterin"."""
UNMARKED_PENALTY: Final = 1.0
"""An unmarked text byline counts less than an element the page marks as one."""
CREDIT_HOLDER_TAGS: Final = frozenset({"figure", "figcaption", "blockquote", "q"})
"""Elements that hold a picture or a quotation: a name in them credits the photographer, the
quoted person or the tweet's author, not the article's writer (unless the element is itself
marked as the author's: an author box drawn as a ``<figure>``)."""
CREDITED_WORKS: Final = ("photo", "image", "img", "foto", "bild", "picture", "caption", "figure")
"""What a class names before a byline marker when its byline is a picture's ("photo-byline",
"img-author", "foto-autor") or, with "quote", a quotation's ("quote-author"). (The head of a
compound comes last: "author-photo" is the author's own picture.)"""
CREDIT_MARKER_DEPTH: Final = 3
"""How far up a picture's credit class is looked for ("photo-credit" around a name)."""
INLINE_TAGS: Final = frozenset(
    "a span em strong b i u small mark cite abbr sup sub font time q".split()
)
"""Tags inside a line of text: the block a name is mentioned in lies above them."""
PARAGRAPH_TAGS: Final = frozenset({"p", "li", "dd", "td", "blockquote"})
"""Blocks of running text, where a name among other words is mentioned, not a byline."""
OTHER_ITEM_TYPES: Final = ("review", "comment", "answer", "question", "rating")
"""schema.org item types whose author is not the article's (a review's, a reader's)."""
HIDDEN_PENALTY: Final = 4.0
"""A byline hidden by its class (``_places.hidden_by_class``) is written for search engines
(often the CMS account that posted the article); the one readers see names the writer.
More than the marks of a byline can add (rel/itemprop +2, class +1) and an unmarked text
loses (``UNMARKED_PENALTY``): any visible byline in the same place beats a hidden one."""

# Lead words of an unmarked byline; the names follow them, in the same text or in the next
# one ("<b>Von:</b> Götz Warnke", "<h4>Autor</h4><p>Nikolai Huke</p>"). Explicit leads
# ("Posted by", "Autor:", a label standing alone, a wiki's "last edited 2019-11-10 by") vouch
# for a one-word name and may follow other labels ("Datum: 3.11. Autor: X"); a bare
# "by"/"von" may only follow a date, and needs a full name (or a user name, "by delta201")
# unless that date stands in the same text ("06.11.2023 13:30 von Olga").
BARE_LEADS: Final = lexicon.BARE_LEADS
AUTHOR_LABELS: Final = lexicon_words(lexicon.AUTHOR_LABELS)
FUNCTION_WORDS: Final = frozenset(lexicon_words(lexicon.FUNCTION_WORDS))
COLON_LEADS: Final = (
    lexicon_words(lexicon.TEXT_LABELS)
    + lexicon_words(lexicon.DESK_LABELS)
    + BARE_LEADS
    + lexicon.BYLINE_LEADS["zh"]
)
"""Leads that need a colon: "Text: X", "Redaktion: X", "von: X", "作者：X"."""
_NAME_THEN_ROLE: Final = re.compile(
    rf"(?<![{CJK_NAME_LETTERS}]){CJK_FULL_NAME.pattern}\s?(?:"
    + trie_alternation(lexicon.ROLES_AFTER_NAME)
    + rf")(?![{CJK_NAME_LETTERS}\u3040-\u30ff])"
)
"""A name and the role Korean and Japanese print after it, "홍길동 기자", anywhere in a line: "입력
2024.03.05 09:14 · 홍길동 기자", "[서울=뉴시스] 홍길동 기자 =" (no particle after the role:
"홍길동 기자는" is the reporter named in a sentence)."""
_WIRE_CREDIT: Final = re.compile(
    rf"[(\[][^()\[\]]{{1,30}}[)\]]\s*(?P<korean>{CJK_FULL_NAME.pattern}\s?(?:"
    + trie_alternation(lexicon.ROLES_AFTER_NAME)
    + r"))\s?=|[^\s（(]{2,20}电\s?[（(](?P<chinese>(?:"
    + trie_alternation(lexicon.AUTHOR_LABELS["zh"])
    + r")\s?[^（()）]{2,20})[）)]"
)
"""The writer's credit that opens a wire story's first paragraph: "(서울=연합뉴스) 홍길동 기자 =",
"新华社北京3月5日电（记者张伟）" (``byline.dateline`` reads its place and agency)."""
_BRACKETED_CJK_NAME: Final = re.compile(rf"\s*[（(](?P<name>[{CJK_NAME_LETTERS}]{{3,5}})[）)]\s*")
"""A name in Chinese characters or Hangul in brackets, alone: the signature Japanese papers
close an article with, "（山田太郎）". (Not of two: "（共同）", "（時事）" credit the agency.)"""
_EXPLICIT_LEAD: Final = (
    r"(?:"
    + trie_alternation(lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS))
    + r"|last (?:edited|modified|changed)(?: [\d:./-]+)* by)(?:\s*:\s*|\s+|$)"
    + r"|(?:"
    + trie_alternation(AUTHOR_LABELS)
    + r")\s*(?:[:：]\s*|,?$)|(?:"
    + trie_alternation(COLON_LEADS)
    + r")\s*[:：]\s*|^(?:"
    + trie_alternation(AUTHOR_LABELS)
    + r"),?\s+(?=(?-i:[A-ZÀ-ÖØ-Þ]))"  # "Author Jane Doe", "Author, Jane Doe" (the BBC's)
    + r"|(?:"
    + trie_alternation(CJK_AUTHOR_LABELS)
    # "记者 张伟" anywhere in a line ("来源：X　记者 张伟"), "（记者张伟）"
    + rf")(?:\s+(?=[{CJK_NAME_LETTERS}])|(?={CJK_FULL_NAME.pattern}[）)]))"
    + r"|(?:"
    + trie_alternation(lexicon.CJK_TEXT_LABELS)
    + rf")\s?[{lexicon.CREDIT_SLASHES}]\s*(?=[{CJK_NAME_LETTERS}])"  # "文/张伟", "文｜张伟"
)
_TEXT_LEAD: Final = re.compile(
    # at the start or after a separator: "not after anything else" (twice as fast as
    # ``(?:^|(?<=[...]))``, which tries two branches at every place)
    r"(?<![^\s|·•,\-–(（])"
    r"(?:(?P<explicit>" + _EXPLICIT_LEAD + r")|(?:" + trie_alternation(BARE_LEADS) + r")(?:\s+|$))"
    r"(?=\S|$)",
    re.IGNORECASE,
)
_LETTERS: Final = re.compile(r"[^\W\d_]")
_ENDS_WITH_JOINER: Final = re.compile(
    r"(?:,|(?<!\S)(?:" + alternation(NAME_JOINERS) + r"))\s*$", re.IGNORECASE
)
"""A byline text that goes on after it: "By Jane Doe and", "Von Anna Muster,"."""
# A headline announcing a speech, its speaker after the lead.
_SPEECH_LEAD: Final = re.compile(
    r"^(?:rede|ansprache|grußwort|festrede|speech|remarks|address|discours|discurso)"
    r"\s+(?:von|by|de|del|of)\s+(.+)",
    re.IGNORECASE,
)
_CREDIT_MARKER: Final = re.compile(
    "(?:"
    + alternation((*CREDITED_WORKS, "quote"))
    + ")[-_]*(?:"
    + alternation((*BYLINE_MARKERS, "credit"))
    + ")"
)
_COLON_LABEL: Final = re.compile(r"[^\W\d_]+\s*[:：]")
"""A label word with its colon ("Autor:"), that announces the text after it wherever it stands."""
_POSTCODE_OR_PHONE: Final = re.compile(r"\d{5}|\+\s?\d")
"""Five digits in a row (a postcode, a phone number) or a number with its country code."""
_NUMERIC_DATE: Final = re.compile(r"^\s*(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}-\d{2}-\d{2})")
_DATE_NAME_SEPARATOR: Final = re.compile(r"\s+[-–—|·•]\s+|\s*\|\s*")


def author_candidates(doc: Document, context: Context) -> list[AnyCandidate]:
    """One ``authors`` candidate per distinct byline, the most article-like first."""
    groups: list[Group] = []
    credits: list[Group] = []
    seen: set[tuple[str, ...]] = set()
    elements = context.bylines + [e for e in context.rel if _is_rel_author(e)]
    for order, element in enumerate(elements):
        if not isinstance(element.tag, str) or element.tag in SKIP_TAGS:
            continue
        named = _item_name(element)
        text = spaced_text(named)
        if not text or len(text) > MAX_BYLINE_TEXT or _is_postal_address(element, text):
            continue
        names = _names_of_links(named, _names_by_line(named, text))
        if names and _in_running_text(element):
            continue  # a colleague or an expert the article names
        if not names:  # "By Staff Writer", "Redaktion"
            _add_credit(credits, element, text, order, context, 0.0, Markup.BYLINE_ELEMENT)
        _add_group(groups, seen, doc, element, names, order, context, 0.0, Markup.BYLINE_ELEMENT)
    text_bylines = _text_bylines(doc.root, context)
    for order, (element, text, explicit) in enumerate(text_bylines, start=len(elements)):
        # "焦鹏" has no case; a user name ("delta201") is no word of a sentence, nor one word
        # an explicit lead vouches for ("Submitted by janedoe", "Posted by jane.doe")
        names = [
            n
            for n in split_names(text)
            if not n[:1].islower() or is_user_handle(n) or (explicit and _may_be_a_handle(n))
        ]
        if not explicit and any(_may_be_a_word(n) for n in names):
            continue
        how = Markup.BYLINE_TEXT
        if not names and explicit and (text in spaced_text(element) or _COLON_LABEL.match(text)):
            # (in the lead's own element, or after a label with a colon, "<div>Autor:</div>
            # <div>Redaktion</div>": a word alone before the next text, "Authors" over a
            # menu's "About", credits nobody)
            _add_credit(credits, element, text, order, context, -UNMARKED_PENALTY, how)
        _add_group(groups, seen, doc, element, names, order, context, -UNMARKED_PENALTY, how)
    icons = _icon_bylines(context)
    for order, (element, names) in enumerate(icons, start=len(elements) + len(text_bylines)):
        _add_group(groups, seen, doc, element, names, order, context, 0.0, Markup.PERSON_ICON)
    unled = (
        _dated_names(context)
        + _names_before_dates(context, doc.url)
        + [
            found
            for found in (
                _signature(context),
                _speaker(context),
                _avatar(context),
                _mailbox(context),
                _owner_link(context, doc.url),
            )
            if found
        ]
    )
    start = len(elements) + len(text_bylines) + len(icons)
    for order, (element, name, how) in enumerate(unled, start=start):
        _add_group(groups, seen, doc, element, [name], order, context, -UNMARKED_PENALTY, how)
    if not groups:
        fallback = _post_author_reply(context) or _licence_attribution(context)
        if fallback is not None:
            element, name, how = fallback
            groups.append((FALLBACK_SCORE, len(elements), [AuthorCandidate(name)], how, element))
    groups.sort(key=lambda g: (-g[0], g[1]))
    credits.sort(key=lambda g: (-g[0], g[1]))
    # the best byline that credits no person, after those that name people (whose ranks the
    # author scorer reads)
    kept = groups[:MAX_AUTHOR_GROUPS] + credits[:1]
    return [_candidate(group, rank, context) for rank, group in enumerate(kept)]


def _add_credit(
    credits: list[Group],
    element: etree._Element,
    text: str,
    order: int,
    context: Context,
    bonus: float,
    how: Markup,
) -> None:
    """Add the credit of a byline that names no person ("By Staff Writer", "von Newsdesk",
    "by IWB") as an organisation's: reconcile's ``choose_credit`` falls back on it when no
    source names a person."""
    credited = credit(text)
    if credited is None or not _reads_as_credit(credited):
        return
    score = _author_score(element, context)
    if score is not None:
        credited_by = [AuthorCandidate(credited, kind="organization")]
        credits.append((score + bonus, order, credited_by, how, element))


MIN_CREDIT_LETTERS: Final = 2
"""Letters of the shortest credit a page prints ("LD", "AP"); one is an initial cut off."""


def _reads_as_credit(text: str) -> bool:
    """Whether a byline's ``text`` that names no person reads as a credit: words that begin
    with a capital or a caseless letter, no digits ("Staff Writer", "HLNF Staff Report",
    "新华社"). Digits are a date or a time glued to it ("Donnerstag, 4. November 2021", "6
    years ago"); a word in lower case makes a phrase ("Afficher mon profil complet", "Фото из
    Инстаграма"), and one that begins with a sign a fragment ("& Herausgeber")."""
    return (
        len(_LETTERS.findall(text)) >= MIN_CREDIT_LETTERS
        and not any(character.isdigit() for character in text)
        and all(word[0].isalpha() and not word[0].islower() for word in text.split())
    )


def _candidate(group: Group, rank: int, context: Context) -> AnyCandidate:
    """The candidate of a byline found, with where and how it was found."""
    score, _, people, how, element = group
    headline = context.headline.sourceline if context.headline is not None else None
    inside = in_article(element, context.article)
    evidence = Evidence.placed(how, rank, score, element.sourceline, headline, inside)
    return Candidate(Field.AUTHORS, people, SOURCE, evidence)


def _add_group(
    groups: list[Group],
    seen: set[tuple[str, ...]],
    doc: Document,
    element: etree._Element,
    names: list[str],
    order: int,
    context: Context,
    bonus: float,
    how: Markup,
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
    # The visible page does not say whether a name is a person: no kind.
    people = [AuthorCandidate(n, url if len(names) == 1 else None) for n in names]
    groups.append((score + bonus, order, people, how, element))


def _icon_bylines(context: Context) -> list[tuple[etree._Element, list[str]]]:
    """The names beside a person's icon (``_page.PERSON_ICON_WORDS``): the icon's own text
    (``<i class="iconfont reco-account"><span>Jane Doe</span></i>``), else the text after it
    (``<i class="fa fa-user"></i> Jane Doe``, ``<i class="bi-person"></i><a>Jane Doe</a>``).
    The icon vouches for a one-word name, as a label does; a lower-case word is none. Only
    by the headline: a person's icon in a page's header is its account menu's ("Mein
    Benutzerkonto", "Sign in")."""
    headline = context.headline
    if headline is None:
        return []
    found = []
    for icon in context.page.person_icons:
        if not headline_nearness(icon.sourceline, headline.sourceline):
            continue
        text = _icon_text(icon)
        if not text or len(text) > MAX_ICON_NAME_CHARS:
            continue
        names = [n for n in split_names(text) if not n[:1].islower() or is_user_handle(n)]
        if names:
            found.append((icon, names))
    return found


def _icon_text(icon: etree._Element) -> str:
    """The text an icon shows or stands before: its own, else its tail, else its next
    sibling's that readers see (a screen reader's "Thread starter" is none)."""
    own = spaced_text(icon)
    if own:
        return own
    tail = " ".join((icon.tail or "").split())
    if tail:
        return tail
    following = icon.getnext()
    while following is not None and hidden_by_class(following):
        if " ".join((following.tail or "").split()):
            return ""  # text between: the icon stands before no element
        following = following.getnext()
    return spaced_text(following) if following is not None else ""


def _text_bylines(root: etree._Element, context: Context) -> list[tuple[etree._Element, str, bool]]:
    """Short unmarked texts of the article (or, without one, the page) that begin with a
    byline lead ("Posted by").

    Each as (element holding it, the byline from its lead on, whether the lead vouches for
    a one-word name: an explicit lead, or a bare one after a date in the same text).
    Only a date may stand before the lead: "... by" inside a sentence is no byline. When
    the article holds none, explicit leads of the whole page count, and leads before a user
    name: the element taken for the article may be a site header that leaves the post out.
    """
    body = _body(root)
    if context.article is None:
        return _text_bylines_in(body, context, MAX_PAGE_TEXT_NODES, whole_page=True)
    found = _text_bylines_in(context.article, context, MAX_TEXT_NODES)
    if not found and body is not None:
        found = _text_bylines_in(body, context, MAX_PAGE_TEXT_NODES, whole_page=True)
        copies = _headline_copies(context)
        found = [
            byline
            for byline in found
            if byline[2] or _names_a_user(byline[1]) or _under_a_copy(byline[0], copies)
        ]
    return found


def _headline_copies(context: Context) -> list[etree._Element]:
    """The page's other h1s that print the headline's text: a hero banner's copy of it, set
    above the article that repeats it (Bolt's base theme), with the byline under it."""
    headline = context.headline
    if headline is None:
        return []
    text = visible_text(headline)
    return [h1 for h1 in context.page.h1s if h1 is not headline and visible_text(h1) == text]


def _under_a_copy(element: etree._Element, copies: list[etree._Element]) -> bool:
    """Whether ``element`` stands next to one of the headline's ``copies``."""
    return any(headline_nearness(element.sourceline, copy.sourceline) for copy in copies)


def _text_bylines_in(
    scope: etree._Element | None, context: Context, max_texts: int, whole_page: bool = False
) -> list[tuple[etree._Element, str, bool]]:
    """The bylines that texts of ``scope`` begin, among its first ``max_texts`` texts."""
    start = context.page.first_text_of(scope) if scope is not None else None
    if scope is None or start is None:
        return []
    found: list[tuple[etree._Element, str, bool]] = []
    # The short texts with a lead hint that dom's walk kept, in document order; those of
    # the scope are the ones from its first text on, up to the first one outside it (the
    # whole page holds them all).
    for piece in context.page.byline_texts:
        if piece.ordinal < start:
            continue
        if piece.ordinal >= start + max_texts:
            break
        if not whole_page and not _is_in(piece, scope):
            break
        byline = _text_byline(piece)
        if byline is not None:
            found.append(byline)
    return found


def _text_byline(piece: TextPiece) -> tuple[etree._Element, str, bool] | None:
    """The byline that ``piece`` begins, if it reads as one (see ``_text_bylines``)."""
    text = ungendered(" ".join(piece.text.split()))
    if len(text) > MAX_TEXT_BYLINE:
        return _wire_credit(piece, text)
    if not text:
        return None
    lead = _TEXT_LEAD.search(text)
    if lead is None:
        return _name_then_role(piece, text)
    explicit = bool(lead.group("explicit"))
    words_before = _LETTERS.search(text, 0, lead.start()) is not None
    after_date = not explicit and words_before and _follows_a_date(text, lead.start())
    if not explicit and (lead.start() > LEAD_WITHIN or words_before) and not after_date:
        return None
    if not explicit and _continues_paragraph(piece):
        return None  # "Das Buch<br>von X, Y und Z<br>192 Seiten": a credit in a listing
    ending = lead.end() == len(text)
    if ending and not _awaits_names(lead) and (words_before or not _is_label(lead.group(0))):
        return None  # "Die Redaktion", "role: author": a lead word ending a text is no label
    holder = _holder(piece)
    if holder is None:
        return None
    if lead.end() == len(text) and (holder.tag == "a" or _in_widget(holder)):
        return None  # a link "Autoren" leads to the list of authors; a sidebar's "Autor"
        # widget names the blog's owner, not the article's author
    dated = after_date or (lead.start() > 0 and _NUMERIC_DATE.search(text) is not None)
    return holder, _byline_text(piece, text, lead), explicit or dated


def _holder(piece: TextPiece) -> etree._Element | None:
    """The element holding ``piece``, unless its text is never a byline's (``SKIP_TAGS``)."""
    holder = piece.parent()
    if holder is None or not isinstance(holder.tag, str) or holder.tag in SKIP_TAGS:
        return None
    return holder


def _wire_credit(piece: TextPiece, text: str) -> tuple[etree._Element, str, bool] | None:
    """The writer a wire story's first paragraph opens with (``_WIRE_CREDIT``)."""
    found = _WIRE_CREDIT.match(text)
    holder = _holder(piece) if found is not None else None
    if found is None or holder is None:
        return None
    return holder, found["korean"] or found["chinese"], True


def _name_then_role(piece: TextPiece, text: str) -> tuple[etree._Element, str, bool] | None:
    """The byline of a short text holding a name and the role printed after it (see
    ``_NAME_THEN_ROLE``): the role vouches for the name as an explicit lead does."""
    if text.isascii():
        return None  # (no Hangul or Chinese name: most texts, told apart at C speed)
    found = _NAME_THEN_ROLE.search(text)
    holder = _holder(piece) if found is not None else None
    if found is None or holder is None:
        return None
    return holder, found.group(0), True


def _follows_a_date(text: str, lead: int) -> bool:
    """Whether ``text[lead]`` comes right after a date that opens the text behind at most
    ``MAX_DATE_LEAD_WORDS`` words: a blog's "Posted on <date> by <name>" in one line."""
    dates = find_dates(text[:lead])
    if not dates:
        return False
    _, start, end = dates[-1]
    return (
        _LETTERS.search(text, end, lead) is None
        and len(text[:start].split()) <= MAX_DATE_LEAD_WORDS
    )


def _continues_paragraph(piece: TextPiece) -> bool:
    """Whether ``piece`` is a line inside a paragraph of several: the text after a ``<br>``
    with words before it (not only a date) and more lines after it ("Das Buch<br>von X<br>
    192 Seiten"). A byline under a kicker ("Kommentar<br>von X") ends its paragraph."""
    holder = piece.parent()
    if not piece.is_tail or piece.owner.tag != "br" or holder is None:
        return False
    before = [holder.text or ""]
    for child in holder:
        if child is piece.owner:
            break
        if isinstance(child.tag, str):
            before.append(spaced_text(child))
        before.append(child.tail or "")
    text = " ".join(before)
    if _LETTERS.search(text) is None or _NUMERIC_DATE.search(text):
        return False
    after = [
        spaced_text(sibling) + (sibling.tail or "")
        for sibling in piece.owner.itersiblings()
        if isinstance(sibling.tag, str)
    ]
    return _LETTERS.search(" ".join(after)) is not None


def _dated_names(context: Context) -> list[Named]:
    """Full names printed after a date next to the headline, without a lead:
    "11.12.2019 - Anna Muster", "04.02.2022 | 13:10 Uhr | Anna Muster", and a line of
    elements, "<span>March 5, 2024</span> · <span>Anna Muster</span>" (Hugo's PaperMod).

    Each as (element holding the text, the name, how). The text opens with a date, every part
    but the last holds digits (a date, a time, a reading time), the last is the name. (A name
    before the date is as often the site's: "Handball Schweiz • 02.02.2022".)
    """
    headline_line = context.headline.sourceline if context.headline is not None else None
    if headline_line is None:
        return []
    found = []
    for piece in context.page.year_texts:
        holder = piece.parent()
        line = holder.sourceline if holder is not None else None
        if line is not None and line - headline_line > NEAR_HEADLINE_LINES:
            break  # the texts come in document order: the rest are further down
        if holder is None or line is None or headline_line - line > NEAR_HEADLINE_LINES:
            continue
        text = piece.text.strip()
        if len(text) > MAX_DATED_NAME_CHARS:
            continue
        parts = _DATE_NAME_SEPARATOR.split(text)
        parent = holder.getparent()
        if len(parts) == 1 and parent is not None and is_date_line(text, words=0):
            holder, text = parent, spaced_text(parent)  # the line the date's element is part of
            parts = _DATE_NAME_SEPARATOR.split(text)
        *dates, name = parts
        if len(text) > MAX_DATED_NAME_CHARS or holder.tag == "a" or not dates:
            continue
        if not (_NUMERIC_DATE.search(dates[0]) or is_date_line(dates[0], words=0)):
            continue
        if all(any(c.isdigit() for c in part) for part in dates) and _is_full_name(name):
            found.append((holder, name.strip(), Markup.DATED_NAME))
    return found


def _names_before_dates(context: Context, url: str | None) -> list[Named]:
    """Full names printed before a date by the headline, without a lead: "Anna Muster |
    11.12.2019", "Anna Muster, <time>" (Nextra's blog). A site names itself there as often
    ("Handball Schweiz • 02.02.2022"): a name the page's title or address holds is the
    site's, none of the writer's.

    Each as (element holding the text, the name, how)."""
    headline = context.headline
    if headline is None:
        return []
    host = host_of(url) or ""
    found = []
    for time in context.page.times:
        if not headline_nearness(time.sourceline, headline.sourceline):
            continue
        parent = time.getparent()
        if parent is None:
            continue
        before = [parent.text or ""]
        for child in parent:
            if child is time:
                break
            if isinstance(child.tag, str):
                before.append(visible_text(child))
            before.append(child.tail or "")
        name = " ".join(" ".join(before).split()).rstrip(",·|•–—- ")
        if _is_full_name(name) and not _names_the_site(name, context.title, host):
            found.append((parent, name, Markup.DATED_NAME))
    return found


def _names_the_site(name: str, title: str, host: str) -> bool:
    """Whether ``name`` is the site's: the page's title (folded) holds it, or its address
    spells one of its words."""
    if name.casefold() in title:
        return True
    compact = "".join(ch for ch in _folded_letters(name) if ch.isalnum() or ch == " ")
    return any(len(word) >= MIN_SITE_WORD_CHARS and word in host for word in compact.split())


def _signature(context: Context) -> Named | None:
    """The author's name signing the article: its last paragraph holds nothing but a full
    name set in bold or italics ("<p><b><i>Anna Muster</i></b></p>"), as print articles end,
    or a name and, on the next line, the day of writing ("<p>Benni<br>10. September 2017</p>"),
    as letters end.

    As (the paragraph, the name, how). Japanese papers sign so in brackets: "（山田太郎）".
    """
    if context.article is None:
        return None
    paragraphs = context.article.findall(".//p")
    last = next((p for p in reversed(paragraphs) if _has_letters(p)), None)
    if last is not None and (bracketed := _BRACKETED_CJK_NAME.fullmatch(spaced_text(last))):
        return last, bracketed["name"], Markup.SIGNATURE
    if last is None or len(last) != 1:
        return None
    if last[0].tag == "br":
        return _dated_signature(last)
    if (last.text or "").strip():
        return None  # not one element alone in its paragraph
    emphasis = last[0]
    if emphasis.tag not in EMPHASIS_TAGS or (emphasis.tail or "").strip():
        return None
    name = spaced_text(last)
    return (last, name, Markup.SIGNATURE) if _is_full_name(name) else None


def _by_headline(context: Context, tag: str) -> Iterator[etree._Element]:
    """The elements of ``tag`` in the article (or the headline's box) that stand by the
    headline: where a writer's picture or mail link shows whose story it is."""
    headline = context.headline
    if headline is None:
        return
    scope = context.article if context.article is not None else headline.getparent()
    if scope is None:
        return
    for element in scope.iter(tag):
        if headline_nearness(element.sourceline, headline.sourceline):
            yield element


def _avatar(context: Context) -> Named | None:
    """The writer's picture by the headline and the name printed beside it: an image whose
    alt text is a full name that an element of the box around it holds alone ("<img
    alt="Jane Doe"><div>Jane Doe</div>", as Next.js's blog starter and Medium-like themes
    show the author with no class or label saying so). A photo of someone the story names
    has a caption that says more than the name.

    As (the box, the name, how)."""
    for image in _by_headline(context, "img"):
        name = " ".join((image.get("alt") or "").split())
        if not _is_full_name(name):
            continue
        for box in itertools.islice(image.iterancestors(), AVATAR_DEPTH):
            if any(visible_text(el) == name for el in box.iter() if el is not image):
                return box, name, Markup.AVATAR
    return None


def _mailbox(context: Context) -> Named | None:
    """The writer's name by the headline beside a link that mails them: a full name that the
    address spells, wholly or by its surname ("Tapio Nurminen" beside
    ``mailto:tapio.nurminen@...``, "Ingo Arzt" beside ``mailto:arzt@...``). A newsroom's
    address ("redaktion@") spells nobody's name.

    As (the box, the name, how)."""
    for link in _by_headline(context, "a"):
        href = link.get("href") or ""
        if href[: len(MAIL_LINK)].lower() != MAIL_LINK:
            continue
        words = _address_words(href)
        for box in itertools.islice(itertools.chain((link,), link.iterancestors()), MAILBOX_DEPTH):
            for el in box.iter():
                name = visible_text(el) if isinstance(el.tag, str) else ""
                if _is_full_name(name) and _spells(words, name):
                    return el, name, Markup.MAILBOX
    return None


def _owner_link(context: Context, url: str | None) -> Named | None:
    """The writer's name by the headline linking to the folder the page lives in: on a
    platform of writers' spaces the story's address is under its writer's ("<a href=
    /mlindqvist>Maria Lindqvist</a>" on ``/mlindqvist/ferry-service-3f2a``, Forem's; Medium's
    "/@jane.doe"), and the folder's name spells the name: a section ("/olympia-2024")
    names no person.

    As (the link, the name, how)."""
    page = split_address(url)
    if url is None or page is None:
        return None
    for link in _by_headline(context, "a"):
        folder = split_address(link.get("href"), url)
        if folder is None or folder.netloc != page.netloc:
            continue
        path = folder.path.rstrip("/")
        if not path or not page.path.startswith(path + "/"):
            continue
        name = visible_text(link)
        if _is_full_name(name) and _handle_spells(unquote(path.rsplit("/", 1)[-1]), name):
            return link, name, Markup.OWNER_LINK
    return None


def _handle_spells(handle: str, name: str) -> bool:
    """Whether a user name spells ``name`` whole or by initials and surname, its words run
    together or apart: "mlindqvist", "@maria.lindqvist", "maria-lindqvist" spell "Maria
    Lindqvist"."""
    letters = _folded_letters(handle).lstrip("@")
    words = [word for word in _ADDRESS_PARTS.split(letters) if word]
    if len(words) > 1:
        return _spells(words, name)
    parts = [_folded_letters(part) for part in name.split()]
    initials = "".join(part[:1] for part in parts[:-1])
    return letters in ("".join(parts), initials + parts[-1])


def _address_words(href: str) -> list[str]:
    """The words of the local part of a ``mailto:`` address ("Jane Doe <jane.doe@x>" too)."""
    address = unquote(href[len(MAIL_LINK) :]).split("?")[0]
    if "<" in address:
        address = address.split("<")[-1]
    local = address.split("@")[0]
    return [word for word in _ADDRESS_PARTS.split(_folded_letters(local)) if word]


def _spells(words: list[str], name: str) -> bool:
    """Whether an address's ``words`` spell ``name``: its surname, each other word a word of
    the name or its initial."""
    parts = [_folded_letters(part) for part in name.split()]
    if not words or words[-1] != parts[-1]:
        return False
    return all(any(part == word or part[:1] == word for part in parts) for word in words)


def _has_letters(element: etree._Element) -> bool:
    """Whether ``element``'s visible text holds a letter (piece by piece: a paragraph of
    megabytes is never copied into words for it)."""
    return any(_LETTERS.search(piece) for piece in visible_texts(element, with_tail=False))


def _speaker(context: Context) -> Named | None:
    """The speaker a speech's headline names, its author: "Rede von Bundespräsident Johannes
    Rau beim Föderalismuskonvent", "Speech by President Jane Doe at the UN".

    As (the headline, the name, how): the capitalised words after the lead and the offices,
    up to the first lower-case word.
    """
    if context.headline is None:
        return None
    lead = _SPEECH_LEAD.match(visible_text(context.headline))
    if lead is None:
        return None
    words = lead.group(1).split()
    while words and _is_office(words[0]):
        words.pop(0)
    name_words = list(itertools.takewhile(lambda word: word[:1].isupper(), words))
    name = " ".join(name_words).rstrip(",:;")
    return (context.headline, name, Markup.SPEAKER) if _is_full_name(name) else None


def _is_office(word: str) -> bool:
    """ "Bundespräsident", "Ministerin", "President", "Dr.": an office or title before a name."""
    folded = word.casefold()
    return folded in OFFICE_WORDS or folded.endswith(OFFICE_ENDINGS)


def _dated_signature(paragraph: etree._Element) -> Named | None:
    """A paragraph "name <br> date": (the paragraph, the name, how)."""
    name, dated = (paragraph.text or "").strip(), (paragraph[0].tail or "").strip()
    dates = find_dates(dated)
    if len(dates) != 1 or dates[0][1:] != (0, len(dated)):
        return None  # the second line is a date and nothing else
    words = name.split()
    if not 0 < len(words) <= MAX_DATED_NAME_WORDS or split_names(name) != [name]:
        return None
    if any(word.casefold().strip(",!") in SIGN_OFF_WORDS for word in words):
        return None  # "Viele Grüße<br>10.09.2017": the greeting before the name
    return (paragraph, name, Markup.SIGNATURE) if all(w[:1].isupper() for w in words) else None


def _post_author_reply(context: Context) -> Named | None:
    """The name on the post author's own comment ("bypostauthor"), which WordPress marks
    whatever the theme: on a blog that prints no byline, the author's one trace."""
    reply = next(
        (e for e in context.bylines if POST_AUTHOR_CLASS in (e.get("class") or "").split()),
        None,
    )
    if reply is None:
        return None
    for name_class in NAME_CLASSES:
        for element in reply.iter():
            classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
            if name_class in classes and not _in_nested_comment(element, reply):
                names = split_names(spaced_text(element))
                if names:
                    return element, names[0], Markup.AUTHOR_REPLY
    return None


def _licence_attribution(context: Context) -> Named | None:
    """The name a Creative Commons licence notice credits for the page's work, if any."""
    for element in context.rel:
        if ATTRIBUTION_REL in str(element.get("rel") or "").lower().split():
            names = split_names(spaced_text(element))
            return (element, names[0], Markup.LICENCE_CREDIT) if names else None
    return None


def _in_nested_comment(element: etree._Element, reply: etree._Element) -> bool:
    """Whether ``element`` belongs to another comment nested in ``reply`` (an answer to it)."""
    for ancestor in element.iterancestors():
        if ancestor is reply:
            return False
        classes = (ancestor.get("class") or "").split()
        if "children" in classes or "comment" in classes:
            return True
    return False


def _names_a_user(byline: str) -> bool:
    """Whether ``byline`` names one user by a handle ("von Marianne1 am 20.09.2020"): a
    lead before a user name vouches for a byline anywhere on the page, as explicit ones do."""
    names = split_names(byline)
    return len(names) == 1 and is_user_handle(names[0])


def _may_be_a_word(name: str) -> bool:
    """Whether ``name``, after a bare "by"/"von", may be a word of a sentence rather than a
    name: one word ("von Anfang"), unless a user name that no language has ("by delta201")."""
    return len(name.split()) < MIN_UNMARKED_NAME_WORDS and not is_user_handle(name)


def _may_be_a_handle(name: str) -> bool:
    """Whether a lower-case ``name`` may be a user name: one token, no common word of a
    language ("Publié par à 08:00" names nobody)."""
    return " " not in name and name not in FUNCTION_WORDS


def _folded_letters(text: str) -> str:
    """``text`` in lower case without accents ("Müller" -> "muller"), as addresses spell it."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_full_name(text: str) -> bool:
    """ "Anna Muster", "Jean-Luc Picard": two or three capitalised words that name a person."""
    words = text.split()
    return (
        MIN_UNMARKED_NAME_WORDS <= len(words) <= MAX_DATED_NAME_WORDS
        and all(word[:1].isupper() for word in words)
        and split_names(text) == [text.strip()]
    )


def _is_in(piece: TextPiece, scope: etree._Element) -> bool:
    """Whether the text ``piece`` is inside ``scope`` (the tail of ``scope`` is not)."""
    parent = piece.parent()
    return parent is scope or (parent is not None and is_inside(parent, scope))


def _body(root: etree._Element) -> etree._Element | None:
    """The page body, searched when no article element holds the headline."""
    body = root.find("body")
    return body if body is not None else root


def _in_widget(element: etree._Element) -> bool:
    """Whether ``element`` sits in a sidebar widget (a blog's "Autor" box, its "About")."""
    return any(
        ancestor.tag == "aside" or "widget" in markers(ancestor)
        for ancestor in itertools.islice(element.iterancestors(), WIDGET_DEPTH)
    )


def _awaits_names(lead: re.Match[str]) -> bool:
    """Whether an explicit lead ends with a preposition ("Posted by", "(last edited
    2019-11-10 by"), which no sentence ends with: the names follow in the next element."""
    words = lead.group(0).split()
    return bool(lead.group("explicit")) and len(words) > 1 and words[-1].lower() in BARE_LEADS


def _is_label(lead: str) -> bool:
    """Whether a lead standing alone reads as a label: "Autor", "By", "von:", "작성자" (in a
    script without case), not "author" (a role in a list of people)."""
    first = lead[:1]
    return (
        (first.isalpha() and not first.islower())
        or lead.rstrip().endswith(":")
        or lead.strip().lower() in BARE_LEADS
    )


def _byline_text(piece: TextPiece, text: str, lead: re.Match[str]) -> str:
    """The byline from its lead on; the names may sit in the next element ("By <a>X</a>"),
    or after a label element ("<h5>Autor:</h5> Peter Maahn")."""
    holder = piece.parent()
    whole = (_line_with_names(holder) or spaced_text(holder)) if holder is not None else text
    if len(whole) <= MAX_TEXT_BYLINE:
        again = _TEXT_LEAD.search(whole)
        # the holder's line, unless what follows the names in it hides them (then the
        # piece's own text is read)
        if again is not None and (
            split_names(whole[again.start() :]) or not _LETTERS.search(whole, again.end())
        ):
            text, lead = whole, again
    byline = text[lead.start() :]
    if _LETTERS.search(text, lead.end()):
        return byline
    with_tail = not piece.is_tail
    found = f"{byline} {_text_after(piece.owner, with_tail)}"
    if split_names(found):
        return found
    # "by <a>X</a> Less than a minute to read": the name is the element's alone
    return f"{byline} {_text_after(piece.owner, with_tail, tails=False)}"


def _line_with_names(holder: etree._Element) -> str | None:
    """The line of ``holder`` (its text up to a ``<br>``) that holds a lead and words after
    it, when ``holder`` has several: "Von <a>X</a> und <a>Y</a><br>Kakuma / Kenia" -> "Von X
    und Y" (the next line is a place, a date or the first sentence)."""
    if holder.find("br") is None:
        return None
    lines: list[list[str]] = [[]]
    for event, node in etree.iterwalk(holder, events=("start", "end")):
        if event == "start" and node.tag == "br":
            lines.append([])
        elif event == "start" and isinstance(node.tag, str) and node.tag not in SKIP_TAGS:
            lines[-1].append(node.text or "")
        elif event == "end" and node is not holder:
            lines[-1].append(node.tail or "")
    for words in lines:
        line = " ".join(" ".join(words).split())
        lead = _TEXT_LEAD.search(line)
        if lead is not None and _LETTERS.search(line, lead.end()):
            return line
    return None


def _text_after(element: etree._Element, with_tail: bool, tails: bool = True) -> str:
    """The first visible text after ``element`` in document order (its tail, its next
    siblings, then those of its ancestors), up to ``MAX_TEXT_BYLINE`` characters; past a
    joiner the names go on in the siblings after it ("By <a>A</a> and <a>B</a>"). Without
    ``tails``, the text after the element that holds the first words is left out."""
    node: etree._Element | None = element
    for _ in range(FOLLOWING_TEXT_LEVELS):
        if node is None or node.tag in PAGE_TAGS:
            break
        pieces = [node.tail or ""] if with_tail else []
        with_tail = True
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str) and sibling.tag not in SKIP_TAGS:
                pieces.append(_names_text(sibling))
            if tails or not _LETTERS.search(" ".join(pieces)):
                pieces.append(sibling.tail or "")
            joined = " ".join(pieces)
            if _LETTERS.search(joined) and not _ENDS_WITH_JOINER.search(joined):
                break
            if len(joined) > MAX_TEXT_BYLINE:
                break
        text = " ".join(" ".join(pieces).split())
        if _LETTERS.search(text):
            return text[:MAX_TEXT_BYLINE]
        node = node.getparent()
    return ""


def _marked_byline(found: str) -> bool:
    """Whether the class and id words ``found`` (``markers``) mark a byline."""
    return any(marker in found for marker in BYLINE_MARKERS)


def _is_postal_address(element: etree._Element, text: str) -> bool:
    """Whether ``element`` is an ``<address>`` that gives a postal or telephone contact (a
    postcode, a phone number) rather than the author: "Wörlitzer Platz 1 06844 Dessau"."""
    return (
        element.tag == "address"
        and not _marked_byline(markers(element))
        and _POSTCODE_OR_PHONE.search(text) is not None
    )


def _is_rel_author(element: etree._Element) -> bool:
    """Whether ``element`` is marked as the author by ``rel`` (a link, most often; a ``<span
    rel=author>`` too: ``<link rel=author>`` in the head shows no name)."""
    return "author" in str(element.get("rel") or "").lower().split()


def _author_score(element: etree._Element, context: Context) -> float | None:
    """How much a byline element looks like the article's own; None to ignore it."""
    if (
        in_bad_place(element, comments_only=True)
        or in_other_story(element, context)
        or _in_linked_card(element, context)
        or _in_teaser(element, context)
        or _credits_other_work(element, context)
        or _in_other_item(element)
        or _is_badge(element)
    ):
        return None  # a commenter, the author of a related story's teaser, a photographer
    score = 0.0
    own = markers(element)
    if "author" in str(element.get("rel") or "").lower() or "author" in (
        element.get("itemprop") or ""
    ):
        score += 2
    if "byline" in own or "author" in own or labels_author(element):
        score += 1
    if element.tag == "a" and not _marked_byline(own):
        score -= 1  # a bare profile link: weaker than a marked byline
    if hidden_by_class(element):
        score -= HIDDEN_PENALTY
    score += place_score(element, context)
    return score + _nearness(element, context)


def _is_badge(element: etree._Element) -> bool:
    """Whether ``element``'s class or id names a badge beside the author's name ("Lv1" in an
    ``author-badge``: a blog theme's rank of its writers), no name."""
    return BADGE_WORD in markers(element)


def _credits_other_work(element: etree._Element, context: Context) -> bool:
    """Whether ``element`` credits a picture or a quotation rather than the article: it sits
    in a figure, a caption or a quotation (``CREDIT_HOLDER_TAGS``) not marked as the author's
    and not holding the headline, or a class names it a picture's or a quotation's byline
    ("photo-byline", "quote-author", a "photo-credit" around it)."""
    ancestors = itertools.chain((element,), element.iterancestors())
    for depth, ancestor in enumerate(itertools.islice(ancestors, ANCESTOR_DEPTH)):
        if ancestor.tag in PAGE_TAGS:
            break
        found = markers(ancestor)
        if depth <= CREDIT_MARKER_DEPTH and _CREDIT_MARKER.search(found):
            return True
        if depth and ancestor.tag in CREDIT_HOLDER_TAGS:
            headline = context.headline
            holds_headline = headline is not None and is_inside(headline, ancestor)
            return not holds_headline and not _marked_byline(found)
    return False


def _in_running_text(element: etree._Element) -> bool:
    """Whether ``element`` is a name mentioned in a paragraph of running text ("as our
    colleague <a href=/author/jane>Jane Doe</a> reported last week, ..."): the block around
    it holds a sentence's worth of text besides it, and nothing up to that block is marked
    as a byline (a ``rel=author`` link is marked so itself: "View all posts by Jane Doe" in
    her bio)."""
    if _marked_byline(markers(element)) or _is_rel_author(element):
        return False
    for ancestor in itertools.islice(element.iterancestors(), ANCESTOR_DEPTH):
        if _marked_byline(markers(ancestor)):
            return False
        if ancestor.tag not in INLINE_TAGS:
            around = len(visible_text(ancestor)) - len(spaced_text(element))
            return ancestor.tag in PARAGRAPH_TAGS and around > MAX_TEXT_BYLINE
    return False


def _in_other_item(element: etree._Element) -> bool:
    """Whether ``element`` is a property of a microdata item that is no article: the author
    of a review, a comment or an answer (``itemprop="author"`` inside a ``Review``)."""
    if element.get("itemprop") is None:
        return False
    item = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    kind = (item.get("itemtype") or "").rsplit("/", 1)[-1].lower() if item is not None else ""
    return kind.endswith(OTHER_ITEM_TYPES)


def _names_text(element: etree._Element) -> str:
    """The text of an element that follows a byline's lead, with each link of the site's
    interface beside a name (GnuBoard's member menu: "쪽지보내기", "자기소개") read as the end
    of a name: style sheets hide or show them, and what follows one is no part of it."""
    if not any(map(_is_interface_link, element.iter("a"))):
        return spaced_text(element)
    texts = texts_inside(element, _is_interface_link_or_unread, CONTACT_SEPARATOR)
    return " ".join(" ".join(texts).split())


def _is_interface_link(element: etree._Element) -> bool:
    """Whether ``element``'s whole text is a label of the site's interface."""
    return " ".join(text_content(element).split()).casefold() in INTERFACE_LABELS


def _is_interface_link_or_unread(element: etree._Element) -> bool:
    return is_unread(element) or _is_interface_link(element)


def _item_name(element: etree._Element) -> etree._Element:
    """The element that holds the name of a byline that is a microdata item (a ``Person``
    card whose ``itemprop="name"`` stands beside its description or job title) or a box of
    parts, one of them named the name (Hexo themes' "<div class=author><span class=name>
    Jane Doe</span><span class=author-badge>Lv1</span>"), else the byline itself."""
    if element.get("itemscope") is None:
        named = [
            child
            for child in element.iterdescendants()
            if NAME_WORD in name_words(child.get("class") or "")
        ]
        return named[0] if len(named) == 1 else element
    for prop in element.iterdescendants():
        if "name" in str(prop.get("itemprop") or "").split():
            owner = next(a for a in prop.iterancestors() if a.get("itemscope") is not None)
            if owner is element:
                return prop
    return element


def _names_by_line(element: etree._Element, text: str) -> list[str]:
    """The names of a byline element (its ``text``), read line by line when ``<br>`` breaks
    it: a name ends its line. After the first name, a line holds the writer's role
    ("Transport correspondent"), place ("Washington") or another full name: only full
    names are read there."""
    if element.find(".//br") is None:
        return split_names(text)
    names: list[str] = []
    for line in spaced_lines(element):
        found = split_names(line)
        if names:
            found = [name for name in found if len(name.split()) >= MIN_UNMARKED_NAME_WORDS]
        names.extend(found)
    return names


def _names_of_links(element: etree._Element, names: list[str]) -> list[str]:
    """``names`` with each that the full names of several links run together split into
    theirs: "<a>Jane Doe</a><a>John Smith</a>" reads "Jane Doe John Smith", two names.
    (Only a name of the words of two such names may be split: the links are read for those.)"""
    if all(len(name.split()) < MIN_LINKED_NAMES * MIN_UNMARKED_NAME_WORDS for name in names):
        return names
    links = [" ".join(split_names(spaced_text(link))) for link in element.iter("a")]
    links = [name for name in links if len(name.split()) >= MIN_UNMARKED_NAME_WORDS]
    if len(links) < MIN_LINKED_NAMES:
        return names
    split: list[str] = []
    for name in names:
        found = [link for link in links if link in name]
        split.extend(found if len(found) > 1 and " ".join(found) == name else [name])
    return split


def _in_linked_card(element: etree._Element, context: Context) -> bool:
    """Whether ``element`` lies in a link that holds a heading other than the page's
    headline: the card of another story, whole a link to it ("<a href=/other><h3>..</h3>
    <span class=author>..</span></a>"), whose byline is that story's."""
    link = next(itertools.islice(element.iterancestors("a"), 1), None)
    if link is None or not link.get("href"):
        return False
    headline = context.headline
    return any(
        heading is not headline and not (headline is not None and is_inside(headline, heading))
        for heading in link.iter(*HEADING_TAGS)
    )


def _in_teaser(element: etree._Element, context: Context) -> bool:
    """Whether ``element`` lies in a teaser of another story: a small box (up to
    ``TEASER_DEPTH`` levels up, ``MAX_TEASER_CHARS`` of text) that does not hold the page's
    headline but holds a heading that links elsewhere ("<li><h4><a href=/other>..</a></h4>
    <span class=author>..</span></li>"), the story whose byline it is. A linked heading
    that the page's ``<title>`` repeats is the page's own (a blog post's title links to its
    permalink)."""
    headline = context.headline
    own = spaced_text(element).casefold()
    for ancestor in itertools.islice(element.iterancestors(), TEASER_DEPTH):
        if ancestor.tag in PAGE_TAGS or (headline is not None and is_inside(headline, ancestor)):
            return False
        if len(text_content(ancestor)) > MAX_TEASER_CHARS:
            return False  # a column or a page, not one story's box
        for title in ancestor.iterdescendants(*HEADING_TAGS, "a"):
            if is_inside(element, title) or is_inside(title, element) or title is element:
                continue
            if title.tag == "a" and _letter_words(visible_text(title)) < MIN_TEASER_TITLE_WORDS:
                continue
            if _links_away(title, context) and (
                title.tag in HEADING_TAGS or own not in visible_text(title).casefold()
            ):
                return True  # (not the link "All posts by Jane Doe" beside "Jane Doe")
    return False


def _letter_words(text: str) -> int:
    """The words of ``text`` made of letters: "6. November 2023" holds one."""
    return sum(1 for word in text.split() if word.isalpha())


def _links_away(title: etree._Element, context: Context) -> bool:
    """Whether ``title`` (a heading or a link) links to another page than this one: it is,
    holds or lies in a link, and the page's ``<title>`` does not hold its text."""
    linked = (
        bool(title.get("href"))
        or title.find(".//a[@href]") is not None
        or any(link.get("href") for link in itertools.islice(title.iterancestors("a"), 1))
    )
    if not linked:
        return False
    text = visible_text(title).casefold()
    return bool(text) and text not in context.title


def _nearness(element: etree._Element, context: Context) -> float:
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
