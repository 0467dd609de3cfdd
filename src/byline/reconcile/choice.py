"""What every chooser shares: a page's candidates read by field with their value types, the
result of a choice (value, source and the values that lost), and plain-text cleaning."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final, Generic, TypeVar

from mypy_extensions import mypyc_attr

from byline.fields import Field, Source
from byline.reconcile.trust import by_trust
from byline.record import Alternative, Image, Publisher
from byline.sources.candidate import (
    AnyCandidate,
    AuthorCandidate,
    Candidate,
    DateValue,
    holds_authors,
    holds_date,
    holds_images,
    holds_publisher,
    holds_text,
    holds_texts,
)

T = TypeVar("T")
V = TypeVar("V")
T_co = TypeVar("T_co", covariant=True)


@mypyc_attr(native_class=False)  # (mypyc 1.19 cannot build a generic native dataclass)
@dataclass(slots=True, frozen=True)
class Choice(Generic[T_co]):
    """The value chosen for a record field, the source that gave it, and the other values."""

    value: T_co
    source: Source
    alternatives: list[Alternative] = field(default_factory=list)


class PageCandidates:
    """The candidates of one page by field, each read as the value type its field has (see
    ``byline.sources.candidate``), in the order the sources gave them."""

    def __init__(self, candidates: list[AnyCandidate]) -> None:
        self._by_field: dict[Field, list[AnyCandidate]] = {}
        for candidate in candidates:
            self._by_field.setdefault(candidate.field, []).append(candidate)

    def _of(self, name: Field) -> list[AnyCandidate]:
        return self._by_field.get(name, [])

    def texts(self, name: Field) -> list[Candidate[str]]:
        return [c for c in self._of(name) if holds_text(c)]

    def lists(self, name: Field) -> list[Candidate[list[str]]]:
        return [c for c in self._of(name) if holds_texts(c)]

    def dates(self, name: Field) -> list[Candidate[DateValue]]:
        return [c for c in self._of(name) if holds_date(c)]

    def authors(self) -> list[Candidate[list[AuthorCandidate]]]:
        return [c for c in self._of(Field.AUTHORS) if holds_authors(c)]

    def publishers(self) -> list[Candidate[Publisher]]:
        return [c for c in self._of(Field.PUBLISHER) if holds_publisher(c)]

    def images(self) -> list[Candidate[list[Image]]]:
        return [c for c in self._of(Field.IMAGES) if holds_images(c)]


def most_trusted(
    name: Field, candidates: list[Candidate[V]], clean: Callable[[V], T | None]
) -> Choice[T] | None:
    """The cleaned value of the most trusted source; other distinct values as alternatives."""
    found: list[tuple[Source, T]] = []
    for candidate in by_trust(name, candidates):
        value = clean(candidate.value)
        if value is not None and value != [] and value != "":
            found.append((candidate.source, value))
    if not found:
        return None
    source, value = found[0]
    return Choice(value, source, alternatives(value, found[1:]))


def alternatives(chosen: object, others: Iterable[tuple[Source, object]]) -> list[Alternative]:
    """The values of ``others`` that differ from ``chosen`` and from each other."""
    seen = {comparable(chosen)}
    result = []
    for source, value in others:
        key = comparable(value)
        if key not in seen:
            seen.add(key)
            result.append(Alternative(source=source.value, value=value))
    return result


def comparable(value: object) -> object:
    """``value`` as compared for sameness: text ``folded``."""
    if isinstance(value, str):
        return folded(value)
    if isinstance(value, list):
        return tuple(comparable(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return repr(value)


SECOND_LEVEL_LABELS: Final = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne"})
"""Labels under a country's domain that name no site: "bbc" of "bbc.co.uk"."""


def letters(text: str) -> str:
    """The letters of ``text`` without accents: "Gàbor Muniér" and "gabor_munier" agree."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalpha())


def name_key(name: str) -> str:
    """A site's or an organisation's name as written in any form, by its letters:
    "ElColombiano.com", "El Colombiano" and "www.elcolombiano.com" -> "elcolombiano"."""
    name = name.strip().casefold().removeprefix("www.")
    if "." in name and " " not in name:  # a host: its name is the label before the domain
        labels = name.split(".")[:-1]
        while len(labels) > 1 and labels[-1] in SECOND_LEVEL_LABELS:
            labels.pop()
        name = labels[-1]
    return letters(name)


def folded(text: str) -> str:
    """``text`` as compared for sameness: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def clean_text(value: str | None) -> str | None:
    """``value`` on one line, runs of whitespace collapsed; None when empty."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def clean_url(value: str) -> str | None:
    text = clean_text(value)
    return text if text and text.startswith(("http://", "https://")) else None


def non_empty_texts(value: list[str]) -> list[str]:
    return [v.strip() for v in value if v.strip()]
