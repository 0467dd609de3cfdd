"""The dateline that opens a wire story: ``MOSCOW (Sputnik) -``, ``WASHINGTON, June 5 (AP) —``.

A dateline is a place, optionally a date, optionally an agency in parentheses,
then a dash. Without an agency only an all-capitals place counts, because a
capitalised word followed by a dash is often just the first word of a sentence.
Korean agencies write the place and the agency in brackets, joined by "=" (``(서울=연합뉴스)``),
Chinese ones the agency, the place, the day and "电" (``新华社北京3月5日电``).
"""

from __future__ import annotations

import re
from typing import Final

from byline.record import Dateline

MAX_PLACE_WORDS: Final = 5
DATELINE_PARAGRAPHS: Final = 3
"""The dateline opens one of the body's first paragraphs: a lead or a deck may come first."""
MAX_AGENCY_LENGTH: Final = 40

_WORD: Final = r"[A-ZÀ-ÖØ-Þ][\w'’./\-]*"
_CONNECTOR: Final = r"(?:de|del|da|do|la|le|am|an|der|of|el|sur)"
_PLACE: Final = rf"(?P<place>{_WORD}(?:[ \-](?:{_CONNECTOR} )?{_WORD})*?)"
_REGION: Final = rf"(?:,\s*(?P<region>{_WORD}(?: {_WORD})?))?"
_DATE: Final = (
    r"(?:,\s*(?P<date>[A-Z][a-zé]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"|\d{1,2}\.?\s+[A-Za-zéû]{3,9}\.?(?:\s+\d{4})?))?"
)
# Agencies are written with a capital (Reuters, AP, AFP) except a few German-language ones.
_AGENCY: Final = (
    rf"\s*\((?P<agency>(?:[A-Z]|dpa|apa|sda|epd|kna|dts|ots)[^()]{{0,{MAX_AGENCY_LENGTH}}})\)"
)
_DASH: Final = r"\s*(?:[-–—]+|\.-|:)\s+"

_KOREAN: Final = re.compile(
    r"^[(\[](?P<place>[가-힣]{1,10})\s?=\s?(?P<agency>[^()\[\]=]{1,20})[)\]]"
)
_CHINESE: Final = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff]{1,6}?[社网])(?P<place>[\u4e00-\u9fff]{2,8}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)电"
)
_WITH_AGENCY: Final = re.compile(rf"^{_PLACE}{_REGION}{_DATE}{_AGENCY}{_DASH}")
_CAPITALS_ONLY: Final = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+)*)"
    rf"{_REGION}{_DATE}\s*[-–—]+\s+"
)


def find_dateline(body: str | None) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs of ``body`` (paragraphs are
    separated by blank lines), if it has one."""
    if not body:
        return None
    for paragraph in body.split("\n\n", DATELINE_PARAGRAPHS)[:DATELINE_PARAGRAPHS]:
        if (dateline := _opening_dateline(paragraph[:200])) is not None:
            return dateline
    return None


def _opening_dateline(opening: str) -> Dateline | None:
    match = _KOREAN.match(opening) or _CHINESE.match(opening)
    if match:
        date = match.groupdict().get("date")
        return Dateline(match["place"], match["agency"].strip(), date, match.group(0))
    match = _WITH_AGENCY.match(opening)
    if match and _is_place(match.group("place")):
        return Dateline(
            place=_with_region(match.group("place"), match.group("region")),
            agency=match.group("agency").strip(),
            date=match.group("date"),
            text=match.group(0).strip(),
        )
    match = _CAPITALS_ONLY.match(opening)
    if match and _is_place(match.group("place")):
        place = _with_region(match.group("place"), match.group("region"))
        return Dateline(place=place, date=match.group("date"), text=match.group(0).strip())
    return None


def _with_region(place: str, region: str | None) -> str:
    return f"{place}, {region}" if region else place


def _is_place(place: str) -> bool:
    return 0 < len(place.split()) <= MAX_PLACE_WORDS and any(ch.isalpha() for ch in place)
