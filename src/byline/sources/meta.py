"""Plain ``<meta name=...>`` tags: description, keywords, author, dates, Parse.ly,
Sailthru and Highwire (``citation_*``) tags, language. Names are case-insensitive.

For each field the first name in its list that the page has wins; names that may
repeat (``citation_author``, ``parsely-author``) give every value.
"""

from __future__ import annotations

from typing import Any, Final

from byline.document import Document
from byline.fields import Field, Source
from byline.sources._common import (
    MetaTags,
    clean_text,
    emit,
    lenient_json,
    make_author,
    meta_tags,
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
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "displaydate",
)
MODIFIED_NAMES: Final = ("article.updated", "article:modified", "last-modified")
AUTHOR_NAMES: Final = (
    "parsely-author",
    "citation_author",
    "author",
    "sailthru.author",
    "shareaholic:article_author_name",  # a widespread WordPress sharing plugin
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
            Field.PUBLISHED: DateValue.parse(
                tags.first(*PUBLISHED_NAMES) or _text(parsely, "pub_date")
            ),
            Field.MODIFIED: DateValue.parse(tags.first(*MODIFIED_NAMES)),
            Field.SECTION: tags.first(*SECTION_NAMES) or _text(parsely, "section"),
            Field.TAGS: _first_list(tags, TAG_NAMES) or _texts(parsely, "tags"),
            Field.KEYWORDS: tags.all(*KEYWORD_NAMES),
            Field.AUTHORS: _authors(tags, doc) or _parsely_authors(parsely, doc),
            Field.LANGUAGE: tags.first(*LANGUAGE_NAMES),
        },
    )


def _first_list(tags: MetaTags, names: tuple[str, ...]) -> list[str]:
    """Every value of the first of ``names`` the page has."""
    for name in names:
        values = tags.all(name)
        if values:
            return values
    return []


def _authors(tags: MetaTags, doc: Document) -> list[AuthorCandidate]:
    return unique(make_author(doc, name) for name in _first_list(tags, AUTHOR_NAMES))


def _parsely_page(tags: MetaTags) -> dict[str, Any]:
    """The ``parsely-page`` JSON object, or {}."""
    for value in tags.by_key.get(PARSELY_PAGE, ()):
        for decoded in lenient_json(value):
            if isinstance(decoded, dict):
                return decoded
    return {}


def _text(data: dict[str, Any], key: str) -> str | None:
    return clean_text(data.get(key))


def _texts(data: dict[str, Any], key: str) -> list[str]:
    values = data.get(key)
    return unique(clean_text(v) for v in (values if isinstance(values, list) else [values]))


def _parsely_authors(data: dict[str, Any], doc: Document) -> list[AuthorCandidate]:
    names = _texts(data, "authors") or _texts(data, "author")
    return unique(make_author(doc, name) for name in names)
