"""The article record: the one contract every output format is built from.

Every field is documented where it is declared. ``Article.to_dict()`` gives
JSON-ready data (datetimes as ISO 8601 with their offset, dates as
``YYYY-MM-DD``) and is what the CLI, JSON Lines and every other format use.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any


@dataclass(slots=True)
class Person:
    """An author: a person, never an organisation or a placeholder like "Staff"."""

    name: str
    url: str | None = None


@dataclass(slots=True)
class Publisher:
    """The organisation that published the page."""

    name: str | None = None
    url: str | None = None
    logo: str | None = None
    email: str | None = None
    telephone: str | None = None
    parent: str | None = None  # name of the parent organisation, e.g. a media group


@dataclass(slots=True)
class Image:
    """An image of the article, with an absolute URL."""

    url: str
    caption: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass(slots=True)
class Dateline:
    """The opening of a wire story, e.g. ``WASHINGTON, June 5 (AP) —``."""

    place: str
    agency: str | None = None
    date: str | None = None  # the date as written in the dateline, if any
    text: str = ""  # the dateline exactly as it opens the body


@dataclass(slots=True)
class Quote:
    """A direct quotation in the body and, where the sentence says so, who said it."""

    text: str
    speaker: str | None = None


@dataclass(slots=True)
class Alternative:
    """A value a source gave for a field that lost reconciliation."""

    source: str  # a ``byline.fields.Source`` value, as plain text
    value: Any


@dataclass(slots=True)
class Provenance:
    """Where a field's value came from, and the other values seen for it."""

    source: str  # a ``byline.fields.Source`` value, as plain text
    alternatives: list[Alternative] = field(default_factory=list)


Moment = datetime | date


@dataclass(slots=True)
class Article:
    """One news article, each fact once.

    Fields not on the page are ``None`` or empty: byline never guesses.
    """

    url: str | None = None
    """The URL the page was fetched from (as given by the caller)."""
    canonical_url: str | None = None
    """``<link rel=canonical>``, ``og:url`` or the JSON-LD ``url``, absolute."""
    title: str | None = None
    """The headline, without a " | Site Name" suffix."""
    description: str | None = None
    """The summary the page gives of itself (standfirst or meta description)."""
    published: Moment | None = None
    """First publication: a timezone-aware datetime, or a date when only the day is known."""
    modified: Moment | None = None
    """Last modification, same rules as ``published``; never before it."""
    section: str | None = None
    """The section or category the article is filed under."""
    tags: list[str] = field(default_factory=list)
    """Tags (``article:tag``, JSON-LD ``about``/``keywords`` arrays, tag links), de-duplicated."""
    keywords: list[str] = field(default_factory=list)
    """``<meta name=keywords>`` and JSON-LD ``keywords``, split and de-duplicated."""
    authors: list[Person] = field(default_factory=list)
    """The people who wrote the article."""
    credit: str | None = None
    """Who the page credits for the article when it names no person, as written: a desk,
    an agency or the organisation itself ("Redaktion", "AFP/The Local"). None when
    ``authors`` names anyone, or the page credits no one."""
    publisher: Publisher | None = None
    """The publishing organisation."""
    language: str | None = None
    """BCP 47 language tag, e.g. ``en`` or ``pt-BR``."""
    images: list[Image] = field(default_factory=list)
    """Images of the article (lead image first), de-duplicated by URL."""
    main_image: str | None = None
    """URL of the lead image."""
    body: str | None = None
    """The main text only; paragraphs separated by a blank line."""
    body_html: str | None = None
    """The main text as minimal safe HTML (no scripts, styles or event handlers)."""
    dateline: Dateline | None = None
    """The dateline that opens the body, when there is one; it stays in ``body`` too."""
    quotes: list[Quote] = field(default_factory=list)
    """Direct quotations in the body."""
    word_count: int = 0
    """Number of words in ``body``."""
    license: str | None = None
    """The licence the page declares (``rel=license``, JSON-LD ``license``)."""
    speakable: list[str] = field(default_factory=list)
    """schema.org ``speakable`` selectors (XPath or CSS) as the page gives them."""
    provenance: dict[str, Provenance] = field(default_factory=dict)
    """For each field found: the source that gave it and the other values seen."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: every field, datetimes as ISO 8601 with their offset."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(slots=True)
class Source:
    """Where a record of a batch run (``byline run``) came from."""

    kind: str
    """``file``, ``warc`` or ``url``."""
    path: str | None = None
    """The file read (``file``)."""
    warc: str | None = None
    """The WARC/ARC file, local path or fsspec URL (``warc``)."""
    offset: int | None = None
    """Byte offset of the record in the archive (``warc``)."""
    record_id: str | None = None
    """``WARC-Record-ID`` (``warc``; none for ARC)."""
    url: str | None = None
    """The URL as listed or discovered (``url``)."""
    final_url: str | None = None
    """The URL after redirects (``url``)."""
    redirects: list[str] = field(default_factory=list)
    """The URLs redirected through, in order (``url``)."""
    status: int | None = None
    """HTTP status of the response (``warc``, ``url``)."""
    date: str | None = None
    """``WARC-Date``, ISO 8601 (``warc``)."""
    fetched_at: str | None = None
    """When the page was fetched, ISO 8601 UTC (``url``)."""


@dataclass(slots=True)
class Record:
    """One row of a batch run's output: an article, its id and where it came from.

    ``to_dict()`` puts the article's fields at the top level beside ``id``,
    ``source`` and ``duplicate_of``; JSON Lines, Parquet and CSV all hold it.
    """

    id: str
    """Stable id of the input (a hash of its file path, WARC offset or URL)."""
    source: Source
    """Where the page came from."""
    duplicate_of: str | None
    """Id of the first record of the same story (exact or near duplicate), if any."""
    article: Article
    """The extracted article."""

    def to_dict(self) -> dict[str, Any]:
        return record_row(
            self.id, _jsonable(self.source), self.duplicate_of, self.article.to_dict()
        )


def record_row(
    id: str, source: dict[str, Any], duplicate_of: str | None, article: dict[str, Any]
) -> dict[str, Any]:
    """``Record.to_dict()`` from its parts already JSON-ready (as workers ship them)."""
    return {"id": id, **article, "source": source, "duplicate_of": duplicate_of}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    return value
