"""What boilerplate looks like: tags, class/id vocabularies and text patterns.

Main-text extraction (``byline.maintext``) removes whole elements that are never
article text (scripts, navigation, hidden elements) and elements whose class or id
names a box of boilerplate (share buttons, related links, comments...). Class and
id names are split into words (``related-posts`` -> related, posts;
``socialShare`` -> social, share) and matched word by word, so ``shared`` or
``adventure`` never match ``share`` or ``ad``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Final
from urllib.parse import unquote

from lxml import etree

from byline.document import HEADING_TAGS, RUBY_ANNOTATION_TAGS, visible
from byline.memo import remembered

# Elements that never hold article text, wherever they are.
NEVER_CONTENT_TAGS: Final = (
    "script",
    "style",
    "template",
    "svg",
    "canvas",
    "iframe",
    "embed",
    "video",
    "audio",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "link",
    "meta",
    *RUBY_ANNOTATION_TAGS,
)

# Elements whose contents a reader sees only at times: an object's fallback content (shown
# when the plugin is missing, as Flash now always is), a dialog (shown when opened, a consent
# or sign-in box). No part of an article; the text of a page that has no other.
FALLBACK_CONTENT_TAGS: Final = ("object", "dialog")

# Page furniture: removed unless it holds the article (some sites wrap the whole
# page in a <form> or a <noscript>, or put the story in an <aside>).
FURNITURE_TAGS: Final = frozenset({"nav", "aside", "footer", "form", "menu", "noscript"})

# Words that, as part of a class, id or anchor name, mark the comment section.
COMMENT_WORDS: Final = frozenset(
    {"comment", "comments", "commentlist", "disqus", "respond", "reply", "kommentar", "kommentare"}
)

# Words that, as part of a class or id name, mark a box of boilerplate.
BOILERPLATE_WORDS: Final = frozenset(
    {
        # sharing and social
        "share", "sharing", "sharebar", "shares", "social", "socials", "sociallinks", "follow",
        "shariff", "addthis", "teilen",
        # related and recommended content, teasers
        "related", "relatedposts", "recommend", "recommended", "recommendations", "recirculation",
        "more", "readmore", "outbrain", "taboola", "plista", "teaser", "teasers", "trending",
        "popular", "mostread", "empfehlung", "empfehlungen", "weiterlesen", "verwandte",
        # newsletters and subscriptions
        "newsletter", "subscribe", "subscription", "signup", "abo", "paywall",
        # comments
        *COMMENT_WORDS,
        # consent
        "cookie", "cookies", "consent", "gdpr", "privacy",
        # advertising
        "ad", "ads", "adslot", "adunit", "advert", "advertisement", "advertising", "sponsor",
        "sponsored", "promo", "promotion", "banner", "anzeige", "werbung", "commercial",
        "affiliate",
        # the site's notices about the post: disclosures, disclaimers
        "disclosure", "disclaimer", "notice",
        # navigation and page furniture
        "sidebar", "breadcrumb", "breadcrumbs", "pagination", "pager", "navigation", "navbar",
        "menu", "footer", "masthead", "toolbar", "widget", "widgets", "skiplink", "jump",
        # article furniture: tags, the byline and author profile, the post's metadata and
        # "utility" line ("posted in ... by ..."), a table of contents
        "tags", "tagcloud", "taglist", "keywords", "byline", "author", "authors", "bio",
        "authorbio", "profile", "meta", "postmeta", "entrymeta", "metadata", "postmetadata",
        "utility", "toc", "print", "rating", "related-links",
        "hidden", "modal", "popup", "overlay", "login",
    }
)  # fmt: skip

# Words that mark a name as the article's own box even when it also holds a
# boilerplate word, if they come first ("content-ads-wrap" wraps the content and its ads;
# "author-box--content" is the author box's content).
CONTENT_WORDS: Final = frozenset({"content", "body", "text", "main", "maincontent", "articlebody"})
QUOTATION_WORDS: Final = frozenset({"blockquote", "quote", "pullquote"})
"""Words naming a quotation: a footer named with one is the quotation's attribution (Bootstrap's
``blockquote-footer``), no page footer."""

# Words naming a box that is never the article, whatever else the name says
# ("widget_text", "comment-body", "sidebar-content"); wrappers named so are kept
# by the text share rule in ``byline.maintext``.
BOX_WORDS: Final = frozenset({"widget", "widgets", "sidebar", "comment", "comments", "commentlist"})

# Words naming a box shown over the page on demand (pop-ups, dialogs): it may hold more
# text than a short article, but never the article itself.
OVERLAY_WORDS: Final = frozenset({"modal", "popup", "overlay", "lightbox", "popmake"})

# Words naming the standfirst (lead, deck, intro) that opens an article, often
# in its header, outside the box of body paragraphs.
STANDFIRST_WORDS: Final = frozenset(
    {"standfirst", "lead", "lede", "leadin", "intro", "teaser", "summary", "dek", "deck",
     "subtitle", "subheadline", "subline", "excerpt", "abstract", "sapo", "chapo", "chapeau",
     "vorspann", "perex", "preface", "epigraph", "description", "entradilla", "bajada",
     "sottotitolo", "occhiello", "lid", "wstep"}
)  # fmt: skip

# Words naming the part of a long text folded behind a "read more" toggle ("js-readmore",
# "read-more-text"): named like the toggle, but prose.
EXPANDER_WORDS: Final = frozenset({"readmore"})

# Words that, before a content word, name the rest of the text behind a "more" toggle
# ("more-text", "readmore-content", "moreInformationText"), not a box of boilerplate.
FOLDED_TEXT_WORDS: Final = frozenset({"more", "readmore"})

# A word that makes a name a state of the element ("has-sidebar",
# "post-with-comments", "no-ads") or a style ("overflow-hidden" clips what sticks out of
# the box, it hides no box), not the name of a box.
STATE_WORDS: Final = frozenset(
    {"has", "with", "no", "is", "show", "enable", "enabled", "allow", "overflow"}
)

# Screen sizes: "hidden-xs" hides a box on phones only and shows it everywhere else.
SCREEN_WORDS: Final = frozenset(
    {"xs", "sm", "md", "lg", "xl", "mobile", "phone", "tablet", "desktop"}
)

# Evidence for scoring containers: words that say "article text" or "not article".
POSITIVE_WORDS: Final = frozenset(
    {
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "post",
        "story", "text", "blog", "artikel", "inhalt", "beitrag", "fliesstext", "copy",
        "richtext", "prose", "contenido", "noticia", "cuerpo", "contenu", "texte", "tresc",
        "news", "page",
    }
)  # fmt: skip
NEGATIVE_WORDS: Final = BOILERPLATE_WORDS | frozenset(
    {"comment", "contact", "foot", "footnote", "header", "nav", "media", "caption", "credit",
     "date", "time", "info", "links", "list", "tool", "tools", "box", "card", "cards",
     "teaser", "sidebar", "aside", "top", "logo", "head", "references", "bibliography"}
)  # fmt: skip

_NAME_WORDS: Final = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+[a-z]*")
"""Words of a name; letters straight after digits stay with them: the rest of a code
("300x250"), no word."""
_NAME_PARTS: Final = re.compile(r"[A-Za-z0-9]+")
_SIZE: Final = re.compile(r"[0-9]+x[0-9]+")
_HASH: Final = re.compile(r"[A-Za-z][0-9]+[A-Za-z]")
"""Letters on both sides of digits, sizes aside: a part of a name that is a hash
("orgd7109ad", the "css-ad399a" of a styled-components build), whose letters make no words
("ad"); "ad728x90" and "h2" are words and a code."""

_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@remembered
def name_words(name: str) -> tuple[str, ...]:
    """The lower-case words of one class or id name: ``socialShare-bar`` -> social, share, bar."""
    return tuple(
        word.lower()
        for part in _NAME_PARTS.findall(name)
        if not _HASH.search(_SIZE.sub("0", part))
        for word in _NAME_WORDS.findall(part)
    )


MODULE_HASH: Final = re.compile(r"(?=[\w-]*[0-9A-Z])[\w-]{5}")
"""The hash a CSS-modules build appends to a class name after "__" (five characters of
base64, at least one a digit or a capital: "Comments_wrapper__3xYz1", "Tags_Tag__1LGOJ",
the ``[name]_[local]__[hash:base64:5]`` of Next.js and create-react-app), which no BEM
element name ("story__comments") looks like."""


def described_part(name: str) -> str:
    """The part of a class or id name that says what the box is: in BEM names
    ("story__comments-teaser") the element after the last "__"; in CSS-modules names
    ("Comments_wrapper__3xYz1") what comes before their hash."""
    head, separator, tail = name.rpartition("__")
    if not separator:
        return name
    return head if MODULE_HASH.fullmatch(tail) else tail


def class_names(element: etree._Element) -> list[str]:
    """The element's class names and id, as written."""
    return attribute_names(element.get("class"), element.get("id"))


FOLD_ID: Final = re.compile(r"more(?:-\d+)?", re.IGNORECASE)
"""The id of a blog post's "more" fold (``<span id="more-42">``, ``<p id="more">``): where the
post goes on after its excerpt, no box of more stories."""


@remembered
def names_boilerplate(class_attribute: str | None, ident: str | None) -> bool:
    """True when some class/id name says the element is a box of boilerplate.

    A name that also says "content" ("content-sidebar-wrap") protects the element; the id of
    the post's fold (``FOLD_ID``) says nothing. Cached: pages repeat the same few class strings
    on many elements.
    """
    if ident and FOLD_ID.fullmatch(ident):
        ident = None
    found = False
    for name in attribute_names(class_attribute, ident):
        verdict = _name_verdict(name)
        if verdict is _CONTENT:
            return False
        found = found or verdict is _BOILERPLATE
    return found


def boilerplate_name(class_attribute: str | None, ident: str | None) -> str | None:
    """The class/id name that makes ``names_boilerplate`` true, or None when it is false."""
    if not names_boilerplate(class_attribute, ident):
        return None
    names = attribute_names(class_attribute, ident)
    return next(name for name in names if _name_verdict(name) is _BOILERPLATE)


def attribute_names(class_attribute: str | None, ident: str | None) -> list[str]:
    """The names in a class attribute and an id attribute, as written."""
    names = (class_attribute or "").split()
    if ident:
        names.append(ident)
    return names


_CONTENT, _BOILERPLATE = "content", "boilerplate"


@remembered
def _name_verdict(name: str) -> str | None:
    # (``not X.isdisjoint(words)`` reads "some word is in X", and runs in C.)
    words = name_words(described_part(name))
    if not words or _names_state(words):
        return None
    if "footer" in words and not QUOTATION_WORDS.isdisjoint(name_words(name)):
        return None  # a quotation's footer: who said it ("blockquote-footer", "quote__footer")
    if not BOX_WORDS.isdisjoint(words):
        return _BOILERPLATE  # the text of a widget, the body of a comment: still the box
    if not CONTENT_WORDS.isdisjoint(words):
        return _BOILERPLATE if _names_part_of_a_box(words) else _CONTENT
    if not BOILERPLATE_WORDS.isdisjoint(words):
        return _BOILERPLATE
    return None


def _names_part_of_a_box(words: tuple[str, ...]) -> bool:
    """True for a name whose content word comes after a boilerplate word: "author-box--content"
    and "newsletter-inbodyContent" are the content of the author box and of the newsletter
    box, where "content-ads-wrap" wraps the content. (Except "more-text": the text
    folded behind a "more" toggle is the article's.)"""
    for word in words:
        if word in CONTENT_WORDS:
            return False
        if word in BOILERPLATE_WORDS and word not in FOLDED_TEXT_WORDS:
            return True
    return False


def _names_state(words: tuple[str, ...]) -> bool:
    """True for the words of a name that says how the element is, not what box it is."""
    return not STATE_WORDS.isdisjoint(words) or (
        "hidden" in words and not SCREEN_WORDS.isdisjoint(words)
    )


@remembered
def names_overlay(class_attribute: str | None, ident: str | None) -> bool:
    """True when some class/id name says the element is a pop-up or a dialog."""
    return any(
        not OVERLAY_WORDS.isdisjoint(name_words(name))
        for name in attribute_names(class_attribute, ident)
    )


def names_standfirst(element: etree._Element) -> bool:
    """True when some class/id name says the element is an article's standfirst."""
    return _names_standfirst(element.get("class"), element.get("id"))


@remembered
def _names_standfirst(class_attribute: str | None, ident: str | None) -> bool:
    return any(
        not STANDFIRST_WORDS.isdisjoint(name_words(described_part(name)))
        for name in attribute_names(class_attribute, ident)
    )


def names_expander(element: etree._Element) -> bool:
    """True when some class/id name says the element is text behind a "read more" toggle."""
    return _names_expander(element.get("class"), element.get("id"))


@remembered
def _names_expander(class_attribute: str | None, ident: str | None) -> bool:
    for name in attribute_names(class_attribute, ident):
        words = name_words(name)
        if not EXPANDER_WORDS.isdisjoint(words) or _has_pair(words, "read", "more"):
            return True
    return False


def _has_pair(words: tuple[str, ...], first: str, second: str) -> bool:
    return any(a == first and b == second for a, b in pairwise(words))


def class_weight(element: etree._Element) -> int:
    """Evidence from class and id: +1 per name that says article, -1 per name that says not."""
    return names_weight(element.get("class"), element.get("id"))


@remembered
def names_weight(class_attribute: str | None, ident: str | None) -> int:
    """``class_weight`` of these class and id attributes (cached per distinct pair)."""
    weight = 0
    for name in attribute_names(class_attribute, ident):
        words = name_words(described_part(name))
        if not words or _names_state(words):
            continue
        if not BOX_WORDS.isdisjoint(words):
            weight -= 1
            continue
        # The last word that says either decides: "article-references" and "entry-meta" are
        # the references and the metadata of the article, "news-body" is its body.
        for word in reversed(words):
            if word in POSITIVE_WORDS:
                weight += 1
                break
            if word in NEGATIVE_WORDS:
                weight -= 1
                break
    return weight


PERMALINK_SIGN_CHARS: Final = 1
"""A heading's permalink shows a sign at most ("¶", "#", "§", "🔗") or an icon."""


def is_permalink(element: etree._Element) -> bool:
    """True for a heading's permalink: a link to an anchor on the page whose text is a sign
    or nothing. Python-Markdown, Sphinx, MkDocs and Docusaurus put one in every heading
    ("What happens next¶"); it is no word of the heading."""
    if element.tag != "a" or not (element.get("href") or "").startswith("#"):
        return False
    sign = visible("".join(element.itertext())).strip()  # (Docusaurus: a zero-width space)
    return len(sign) <= PERMALINK_SIGN_CHARS and not sign.isalnum()


def links_to_its_heading(element: etree._Element) -> bool:
    """True for a link that points at the heading it stands in: VuePress and
    markdown-it-anchor wrap each heading's words in ``<a href="#its-id">``. Its words are the
    heading's, neither a link label nor link text."""
    anchor = _anchor(element)
    return anchor is not None and _names_heading(element.iterancestors(*HEADING_TAGS), anchor)


def links_to_a_heading_beside(element: etree._Element) -> bool:
    """True for a link that points at a heading beside it, in the same box: Starlight sets
    each heading's permalink after the heading, its words for screen readers alone
    ("Section titled ..."). It is no text of the article."""
    anchor = _anchor(element)
    parent = element.getparent()
    return (
        anchor is not None
        and parent is not None
        and _names_heading(parent.iterchildren(*HEADING_TAGS), anchor)
    )


def _anchor(link: etree._Element) -> str | None:
    """The anchor on the page itself that ``link`` points at (``href="#its-id"``), if any."""
    href = link.get("href")
    if link.tag != "a" or not href or href[0] != "#" or len(href) < 2:
        return None
    return unquote(href[1:])


def _names_heading(headings: Iterable[etree._Element], anchor: str) -> bool:
    return any(heading.get("id") == anchor for heading in headings)


def links_to_comments(element: etree._Element) -> bool:
    """True for a link to a comment section ("2 comments" under a headline, to
    ``#comments`` or ``/post#respond``)."""
    _, mark, anchor = (element.get("href") or "").partition("#")
    return bool(mark) and not COMMENT_WORDS.isdisjoint(name_words(anchor))


HIDING_ATTRIBUTES: Final = frozenset({"hidden", "aria-hidden", "style"})
"""The attributes ``is_hidden`` reads: an element with none of them is not hidden."""


def is_hidden(element: etree._Element) -> bool:
    """True for elements a reader never sees (``hidden``, ``aria-hidden``, ``display:none``).

    The one test of hidden markup: main text drops such elements, the dom source ranks their
    dates last (``sources.dom_dates``).
    """
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
