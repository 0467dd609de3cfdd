"""The article record: the one contract every output format is built from.

Every field is documented where it is declared. ``Article.to_dict()`` gives
JSON-ready data (datetimes as ISO 8601 with their offset, dates as
``YYYY-MM-DD``) and is what the CLI, JSON Lines and every other format use.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from datetime import date, datetime
from enum import Enum, StrEnum
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


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


class BodyQuality(StrEnum):
    """How sure byline is that ``Article.body`` is the article's whole text, and why.

    Only ``FULL`` is the page's article as main text extraction expects one; the others
    are records byline would once have refused, kept so that nothing is lost: filter on
    them to trade recall for certainty.
    """

    FULL = "full"
    """The text of the container main text chose as the article, of a full article's
    length (``byline.maintext.MIN_BODY_CHARS`` characters and more)."""
    SHORT = "short"
    """The text of the chosen container, shorter than that: a news brief, a notice, a
    caption page, or part of an article the rest of which the page does not show."""
    STRUCTURED_DATA = "fallback-structured-data"
    """The page's structured data (JSON-LD or microdata ``articleBody``): the page shows
    too little of the text it states (a paywall, an app shell, a one-line teaser)."""
    BEST_BLOCK = "fallback-best-block"
    """No container read as an article: the page's best text, the blocks that remain of
    its body once furniture and boilerplate are gone (text in one block, a page of
    formulas, paragraphs the paragraph model doubts), or failing that the body's text
    whatever its boxes are named, whether a script has yet to show them or how many links
    they hold."""
    DESCRIPTION = "fallback-description"
    """The page shows no text and states no ``articleBody``: its description (JSON-LD,
    OpenGraph or ``<meta>``) is all there is of the article (an app shell that a script
    fills)."""


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
    body_quality: BodyQuality | None = None
    """How sure byline is of ``body`` (``BodyQuality``); None only in records written
    before byline said."""
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

    @classmethod
    def from_dict(cls, data: object) -> Article:
        """The article of ``to_dict()`` data: its exact inverse.

        A missing (or null) key leaves its field at the default, so older records load;
        keys that are not fields (a ``Record``'s ``id``...) are passed over. Raises
        ``RecordError``, naming the field, for a value of the wrong type.
        """
        article: Article = _loaded(cls, data, "record")
        for name, provenance in article.provenance.items():
            if name in _MOMENT_FIELDS:  # the one type JSON does not keep: parse it back
                for i, alternative in enumerate(provenance.alternatives):
                    try:
                        alternative.value = _moment(alternative.value)
                    except RecordError as error:
                        where = f"record.provenance.{name}.alternatives[{i}]"
                        raise error.at("value").at(where) from None
        return article


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
    truncated: bool = False
    """The payload was cut short (``warc``: the record says so, its compressed payload
    stops before its end, or it is shorter than its ``Content-Length``): the record
    holds what the start of the page gave."""


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

    @classmethod
    def from_dict(cls, data: object) -> Record:
        """The record of ``to_dict()`` data (a ``byline run`` output row): its exact inverse.

        ``id`` and ``source`` are required, the article's fields as ``Article.from_dict``
        reads them. Raises ``RecordError`` for data that is not a record.
        """
        mapping = _loaded(dict, data, "record")
        return cls(
            id=_loaded(str, mapping.get("id"), "id"),
            source=_loaded(Source, mapping.get("source"), "source"),
            duplicate_of=_loaded(str | None, mapping.get("duplicate_of"), "duplicate_of"),
            article=Article.from_dict(mapping),
        )


def record_row(
    id: str, source: dict[str, Any], duplicate_of: str | None, article: dict[str, Any]
) -> dict[str, Any]:
    """``Record.to_dict()`` from its parts already JSON-ready (as workers ship them)."""
    return {"id": id, **article, "source": source, "duplicate_of": duplicate_of}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


class RecordError(ValueError):
    """Data that is not a record: a value of the wrong type, or a required field missing.

    The message names the field and says what was wrong; it is safe to show to a user.
    """

    def __init__(self, problem: str, *where: str) -> None:
        super().__init__(problem)
        self.problem, self.where = problem, where

    def __str__(self) -> str:
        path = ".".join(self.where).replace(".[", "[")
        return f"{path}: {self.problem}" if path else self.problem

    def at(self, name: str) -> RecordError:
        """This error, one level further out (in the field or item ``name``)."""
        return RecordError(self.problem, name, *self.where)


_Loader = Callable[[object], Any]


def _loaded(hint: Any, data: object, where: str) -> Any:
    """A value of type ``hint`` from its ``_jsonable`` form, at ``where`` in the record."""
    try:
        return _loader(hint)(data)
    except RecordError as error:
        raise error.at(where) from None


@cache
def _loader(hint: Any) -> _Loader:
    """A function giving a value of type ``hint`` from its JSON-ready form, or raising
    ``RecordError``. Built once per type: a record is loaded in microseconds."""
    optional, hint = _is_optional(hint), without_none(hint)
    load = _bare_loader(hint)
    if optional:
        return lambda value: None if value is None else load(value)
    return load


def _bare_loader(hint: Any) -> _Loader:
    if hint is Any:
        return lambda value: value
    if is_moment(hint):
        return _moment
    if is_dataclass(hint):
        return _dataclass_loader(hint)  # type: ignore[arg-type]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return partial(_member, hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return partial(_list, _loader(args[0]))
    if origin is dict:
        return partial(_dict, _loader(args[1]))
    return partial(_checked, hint)


def _dataclass_loader(cls: type[DataclassInstance]) -> _Loader:
    """A missing or null key takes the field's default (a required field has none)."""
    hints = typing.get_type_hints(cls)
    required = tuple(f.name for f in fields(cls) if not _has_default(f))
    loaders = tuple((f.name, _loader(hints[f.name])) for f in fields(cls))

    def load(data: object) -> Any:
        mapping = _checked(dict, data)
        values = {}
        for name, load_field in loaders:
            value = mapping.get(name)
            if value is None and name not in required:
                continue
            try:
                values[name] = load_field(value)
            except RecordError as error:
                raise error.at(name) from None
        return cls(**values)

    return load


def _list(load_item: _Loader, value: object) -> list[Any]:
    items = []
    for i, item in enumerate(_checked(list, value)):
        try:
            items.append(load_item(item))
        except RecordError as error:
            raise error.at(f"[{i}]") from None
    return items


def _dict(load_item: _Loader, value: object) -> dict[str, Any]:
    mapping = {}
    for key, item in _checked(dict, value).items():
        try:
            mapping[_checked(str, key)] = load_item(item)
        except RecordError as error:
            raise error.at(str(key)) from None
    return mapping


_Checked = TypeVar("_Checked")


def _checked(kind: type[_Checked], value: object) -> _Checked:
    # bool is an int to isinstance, never to a record
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        expected = "an object" if kind is dict else kind.__name__
        raise RecordError(
            "missing" if value is None else f"expected {expected}, got {_kind(value)}"
        )
    return value


def _member(kind: type[Enum], value: object) -> Enum:
    """The member of ``kind`` whose value is ``value``."""
    text = _checked(str, value)
    try:
        return kind(text)
    except ValueError:
        names = ", ".join(repr(member.value) for member in kind)
        raise RecordError(f"{value!r} is not one of {names}") from None


def _moment(value: object) -> Moment:
    """A ``Moment`` from its ISO 8601 text: a date as ``YYYY-MM-DD``, else a datetime."""
    text = _checked(str, value)
    try:
        if len(text) <= len("YYYY-MM-DD"):
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise RecordError(f"{text!r} is not an ISO 8601 date or time") from None


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _has_default(f: Field[Any]) -> bool:
    return f.default is not MISSING or f.default_factory is not MISSING


# Reading the record's type hints: the loader here, and the output schema
# (``byline.pipeline.schema``), which reads the same hints.


def without_none(hint: Any) -> Any:
    """``X`` of ``X | None``; other hints as they are."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return args[0] if _is_union(hint) and len(args) == 1 else hint


def _is_optional(hint: Any) -> bool:
    return _is_union(hint) and type(None) in typing.get_args(hint)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def is_moment(hint: Any) -> bool:
    """True for ``Moment`` (``datetime | date``), optional or not."""
    return _is_union(hint) and set(typing.get_args(hint)) - {type(None)} == {datetime, date}


_MOMENT_FIELDS: Final = frozenset(
    name for name, hint in typing.get_type_hints(Article).items() if is_moment(hint)
)
"""The article's date fields, whose alternatives' values are dates too."""
