"""The contract between sources and reconcile: one value a source found for one field, with
the evidence of how and where it was found.

A source never decides: it reports what the page says, and ``byline.reconcile`` picks one
value per record field. The evidence is what a chooser reads besides the source's name;
it is the input a learned ranker of authors and dates reads, so it holds only what the
sources measured, and nothing a source does not know is guessed.

Value types per field (``Candidate[V]``):

===============  ==============================================================
field            value
===============  ==============================================================
title            str (as written; reconcile strips " | Site" suffixes)
headline         str, a heading shown on the page (reconcile trusts it when a title agrees)
description      str
published        DateValue, parsed, with the text it was read from
modified         DateValue
section          str
tags             list[str] (items may still hold comma-separated lists)
keywords         list[str] (items may still hold comma-separated lists)
authors          list[AuthorCandidate]
publisher        Publisher
site_name        str, the site's own name (helps strip title suffixes)
language         str, as written (``en_EN``, ``de-DE``...)
canonical_url    str, absolute
images           list[Image] with absolute URLs
license          str
speakable        list[str]
article_body     str, the text of JSON-LD/microdata ``articleBody``
===============  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Generic, TypeAlias, TypeGuard, TypeVar

from mypy_extensions import mypyc_attr

from byline.dates import parse_stated_date
from byline.fields import Field, Markup, Source
from byline.record import Image, Moment, Publisher


@dataclass(slots=True, frozen=True)
class AuthorCandidate:
    """An author as a source gives it; ``kind`` is what the markup says it is."""

    name: str
    url: str | None = None
    kind: str | None = None  # "person", "organization" or None when the markup does not say


@dataclass(slots=True, frozen=True)
class DateValue:
    """A date a source found, parsed once (reconcile does not read text again), with the text
    it was read from."""

    moment: Moment
    text: str
    """The date as the source read it: the markup's own text, or (for dates the visible page
    and the URL show in words) the ISO form of what was read."""

    @staticmethod
    def parse(text: str | None) -> DateValue | None:
        """The date ``text`` states (a value under a date key), or None when it states none."""
        if not text:
            return None
        moment = parse_stated_date(text)
        return DateValue(moment, text) if moment is not None else None


@dataclass(slots=True, frozen=True)
class Evidence:
    """How and where a source found a value, as far as the source measured it.

    ``None`` is "not measured by this source", never a guess. Every source says ``how``;
    the visible page (``dom``) also places its bylines and dates: rank, score, line,
    distance to the headline and whether the article holds them.
    """

    how: Markup | None = None
    """The kind of markup that states the value (see ``Markup``)."""
    key: str | None = None
    """The name the markup gives the value: the schema.org property (``dateCreated``), the
    meta tag's key (``og:updated_time``), the heading's tag... (see ``Markup``)."""
    rank: int | None = None
    """Its place among the values the source proposes for the field, best first (0)."""
    score: float | None = None
    """The source's own score for the value (the visible page ranks bylines and dates)."""
    line: int | None = None
    """The source line of the element that holds it."""
    after_headline: int | None = None
    """Lines from the headline to it (negative: above the headline)."""
    in_article: bool | None = None
    """Whether the element that holds it lies in the article element around the headline
    (``_places.article_of``); None when the page has no such element."""

    @staticmethod
    def stated(how: Markup, key: str | None) -> Evidence:
        """The evidence of a value the markup states under ``key``, unplaced and unranked (the
        structured sources'): one shared object per pair, as most pages state the same few.

        ``key`` is a name the source looks for (``og:title``), never text read from the page:
        the pairs are few, and the table of them stays small.
        """
        pair = (how, key)
        evidence = _STATED.get(pair)
        if evidence is None:
            evidence = _STATED[pair] = Evidence(how, key)
        return evidence

    @staticmethod
    def placed(
        how: Markup,
        rank: int,
        score: float,
        line: int | None,
        headline_line: int | None,
        in_article: bool | None,
        key: str | None = None,
    ) -> Evidence:
        """The evidence of a value the visible page shows on ``line``, below the headline on
        ``headline_line`` (either may be unknown)."""
        after = line - headline_line if line is not None and headline_line is not None else None
        return Evidence(how, key, rank, score, line, after, in_article)


NO_EVIDENCE: Final = Evidence()
_STATED: Final[dict[tuple[Markup, str | None], Evidence]] = {}
"""``Evidence.stated``'s objects (building a frozen one costs six times a look-up)."""

V = TypeVar("V", covariant=True)


# A Python class, not a mypyc native one: mypyc 1.19 builds a generic native dataclass that
# fails at import ("attribute '__dict__' of 'type' objects is not writable").
@mypyc_attr(native_class=False)
@dataclass(slots=True, frozen=True)
class Candidate(Generic[V]):
    """One value a source found for one field."""

    field: Field
    value: V
    source: Source
    evidence: Evidence = NO_EVIDENCE


CandidateValue = str | list[str] | DateValue | list[AuthorCandidate] | Publisher | list[Image]
"""Every type a candidate's value has (see the table above)."""

# A string: under mypyc, ``Candidate`` (a Python class made by the compiled module) cannot be
# subscripted at run time; the alias is for the type checker alone.
AnyCandidate: TypeAlias = "Candidate[CandidateValue]"


def holds_text(candidate: AnyCandidate) -> TypeGuard[Candidate[str]]:
    return isinstance(candidate.value, str)


def holds_date(candidate: AnyCandidate) -> TypeGuard[Candidate[DateValue]]:
    return isinstance(candidate.value, DateValue)


def holds_publisher(candidate: AnyCandidate) -> TypeGuard[Candidate[Publisher]]:
    return isinstance(candidate.value, Publisher)


def holds_authors(candidate: AnyCandidate) -> TypeGuard[Candidate[list[AuthorCandidate]]]:
    value = candidate.value
    return isinstance(value, list) and all(isinstance(v, AuthorCandidate) for v in value)


def holds_images(candidate: AnyCandidate) -> TypeGuard[Candidate[list[Image]]]:
    value = candidate.value
    return isinstance(value, list) and all(isinstance(v, Image) for v in value)


def holds_texts(candidate: AnyCandidate) -> TypeGuard[Candidate[list[str]]]:
    value = candidate.value
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
