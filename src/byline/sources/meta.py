"""Plain ``<meta name=...>`` tags: description, keywords, author, dates, Parse.ly,
Sailthru and Highwire (``citation_*``) tags, language. Names are case-insensitive.

For each field the first name in its list that the page has wins; names that may
repeat (``citation_author``, ``parsely-author``) give every value.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Final

from byline.document import Document
from byline.fields import Field, Markup, Source
from byline.sources._common import (
    MetaTags,
    Stated,
    authors,
    clean_text,
    emit,
    lenient_json,
    mapped,
    meta_tags,
    stated,
    surname_first_authors,
    unique,
)
from byline.sources.candidate import AnyCandidate, AuthorCandidate, DateValue

SOURCE: Final = Source.META

TITLE_NAMES: Final = ("parsely-title", "sailthru.title", "citation_title", "title")
DESCRIPTION_NAMES: Final = ("description", "sailthru.description")
PUBLISHED_NAMES: Final = (
    "parsely-pub-date",
    "article.published",
    "article:published",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    # the names other tools read for the publication date (schema.org's and OpenGraph's
    # properties written as plain names, and the names of common plugins)
    "datepublished",
    "date_published",
    "published_time",
    "publication_date",
    "published-date",
    "pub_date",
    "originalpublicationdate",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "displaydate",
    # the names of content and analytics platforms (Cxense, PRISM, bepress, Weibo and
    # newspaper systems) and OpenGraph's properties written otherwise
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "prism.publicationdate",
    "publicationdate",
    "publication-date",
    "og:published_time",
    "og:pubdate",
    "pdate",
    "article_date_original",
    "article.created",
    "bt:pubdate",
    "dateposted",
    "weibo:article:create_at",
    "vr:published_time",
    "mediator_published_time",
    "citation_online_date",
)
MODIFIED_NAMES: Final = ("article.updated", "article:modified", "last-modified")
GENERATOR: Final = "generator"
CITATION_AUTHOR: Final = "citation_author"
"""Scholarly pages' author, written surname first ("Anderson, Michael L.")."""
AUTHOR_NAMES: Final = (
    "parsely-author",
    CITATION_AUTHOR,
    "author",
    "sailthru.author",
    "shareaholic:article_author_name",  # a widespread WordPress sharing plugin
    "cxenseparse:author",  # the Cxense analytics tag many European news sites carry
    "byl",  # the printed byline, "By Jane Doe and John Smith" (The New York Times and others)
)
SECTION_NAMES: Final = ("parsely-section",)
TAG_NAMES: Final = ("parsely-tags", "sailthru.tags")
KEYWORD_NAMES: Final = ("keywords", "news_keywords")
LANGUAGE_NAMES: Final = ("content-language", "language")
PARSELY_PAGE: Final = "parsely-page"


def candidates(doc: Document) -> list[AnyCandidate]:
    tags = meta_tags(doc)
    if not tags.pairs:
        return []
    parsely = _parsely_page(tags)
    return emit(
        SOURCE,
        {
            Field.TITLE: tags.first(*TITLE_NAMES) or _text(parsely, "title"),
            Field.DESCRIPTION: tags.first(*DESCRIPTION_NAMES),
            Field.PUBLISHED: mapped(
                tags.first(*PUBLISHED_NAMES) or _text(parsely, "pub_date"), DateValue.parse
            ),
            Field.MODIFIED: mapped(tags.first(*MODIFIED_NAMES), DateValue.parse),
            Field.SECTION: tags.first(*SECTION_NAMES) or _text(parsely, "section"),
            Field.TAGS: _first_list(tags, TAG_NAMES) or _texts(parsely, "tags"),
            Field.KEYWORDS: tags.all(*KEYWORD_NAMES),
            Field.AUTHORS: _authors(tags, doc) or _parsely_authors(parsely, doc),
            Field.LANGUAGE: tags.first(*LANGUAGE_NAMES),
        },
    )


def _first_list(tags: MetaTags, names: tuple[str, ...]) -> Stated[list[str]] | None:
    """Every value of the first of ``names`` the page has."""
    for name in names:
        values = tags.all(name)
        if values:
            return values
    return None


def _authors(tags: MetaTags, doc: Document) -> Stated[list[AuthorCandidate]] | None:
    found = _first_list(tags, AUTHOR_NAMES)
    if found is not None and found.key == CITATION_AUTHOR:
        return mapped(found, partial(surname_first_authors, doc))  # "Anderson, Michael L."
    software = _generator_name(tags)
    return mapped(found, lambda names: authors(doc, [n for n in names if n.casefold() != software]))


def _generator_name(tags: MetaTags) -> str | None:
    """The name of the software that made the page (``<meta name="generator">`` without its
    version: "WordPress 6.4" is WordPress), folded. A theme that fills the author tag with
    it ("OctoberCMS" in both) names no writer."""
    generator = tags.first(GENERATOR)
    words = generator.value.split() if generator else []
    while words and any(c.isdigit() for c in words[-1]):
        words.pop()
    return " ".join(words).casefold() or None


def _parsely_page(tags: MetaTags) -> dict[str, Any]:
    """The ``parsely-page`` JSON object, or {}."""
    for value in tags.by_key.get(PARSELY_PAGE, ()):
        for decoded in lenient_json(value):
            if isinstance(decoded, dict):
                return decoded
    return {}


def _text(data: dict[str, Any], key: str) -> Stated[str] | None:
    return stated(clean_text(data.get(key)), Markup.META_JSON, key)


def _texts(data: dict[str, Any], key: str) -> Stated[list[str]] | None:
    values = data.get(key)
    texts = unique(clean_text(v) for v in (values if isinstance(values, list) else [values]))
    return stated(texts, Markup.META_JSON, key)


def _parsely_authors(data: dict[str, Any], doc: Document) -> Stated[list[AuthorCandidate]] | None:
    return mapped(_texts(data, "authors") or _texts(data, "author"), partial(authors, doc))
