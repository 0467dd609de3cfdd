"""Dates and times as pages write them, in the languages news pages use.

Table-driven: month names per language (``lexicon.MONTH_NAMES``), time-zone abbreviations
and a handful of regular expressions compiled once at import. Three entry points:

- ``parse_date``: the one date a string holds (a meta tag value, a ``datetime`` attribute);
- ``find_dates``: every date in a longer text with its span, plus ``marks_update`` to tell a
  "Updated: ..." date from the publication date next to it;
- ``date_in_url``: the publication day a URL path carries.

A time with an offset or a zone gives an aware ``datetime``; a time without one gives a
naive ``datetime`` (the reconciler decides what it means, nothing here invents UTC); a day
without a time gives a ``date``, never midnight.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final

from byline import calendars, lexicon
from byline.lexicon import (
    OTHER_SCRIPT_DATE_SIGN,
    alternation,
    holds_other_calendar_year,
    lexicon_words,
    trie_alternation,
)

EARLIEST_YEAR: Final = 1900
"""Years before this are not publication dates (ages, history) and are rejected."""

LATEST_YEAR: Final = 2100

MONTHS_IN_YEAR: Final = 12

MONTH_FIRST_SEPARATORS: Final = ("/", "-")
"""Separators of a numeric date that US pages write month first ("06/12/2020"); dotted
dates are day first everywhere ("06.12.2020")."""
MONTH_FIRST_REGIONS: Final = ("-US", "-PH", "-FM", "-MH", "-PW")
"""Language tags of the regions that write numeric dates month first."""
COUNTRY_CODE_LETTERS: Final = 2
"""A top-level domain of two letters names a country."""

URL_EARLIEST_YEAR: Final = 1995
"""No news site put dates in URLs before the web was a medium; older 'years' are IDs."""

UPDATE_WINDOW: Final = 40
"""How far before a date ``marks_update`` looks for a word like "Updated"."""

TIME_ATTACH_GAP: Final = 24
"""How far before a date a time may sit and still belong to it ("09:33 GMT 23.06.2023")."""


_WESTERN_DIGITS: Final = str.maketrans(
    lexicon.OTHER_DIGITS, "0123456789" * (len(lexicon.OTHER_DIGITS) // 10)
)
"""Other scripts' digits as the patterns read them (one character for one, so that spans
found in the translated text are the original's), in a text that holds a sign of a date in
another script (``lexicon.OTHER_SCRIPT_DATE_SIGN``); any other text is read as it is."""


FOLDED_NAME_CHARS: Final = 5
"""Names this long are also read without their accents; a shorter abbreviation without them
is a word or a name ("paź" -> "paz", "márc" -> "marc")."""

_LATIN_OR_GREEK_END: Final = 0x0400
"""Code points below this are Latin or Greek letters (Cyrillic begins here)."""


def _folded(name: str) -> str:
    """``name`` without accents, as pages in capitals or typed without them write it: Greek
    capitals drop their accents ("4 ΜΑΡΤΙΟΥ 2016"), Turkish capitals lose the dot of
    "ı" and "i" when lowered ("KASIM", "NİSAN"). Latin and Greek letters only: the marks of
    other scripts are letters' parts, not accents."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    bare = bare.replace("ı", "i")
    return bare if all(ord(c) < _LATIN_OR_GREEK_END for c in bare) else name


_INDIC: Final = range(0x0900, 0x0E00)
"""The code points of the Indic scripts, Devanagari to Malayalam."""
_COMPOSED_INDIC: Final = {
    unicodedata.normalize("NFD", letter): letter
    for letter in map(chr, _INDIC)
    if unicodedata.normalize("NFD", letter) != letter
}
"""Indic letters written as one code point or as a letter and its sign ("য়", "फ़", "ো"):
Unicode's composed form leaves some of them apart, and pages type both."""


def _spellings(name: str) -> set[str]:
    """``name`` as pages may type it: an Indic name with its letters apart and composed."""
    if not any(ord(char) in _INDIC for char in name):
        return {name}
    apart = composed = unicodedata.normalize("NFD", name)
    for parts, letter in _COMPOSED_INDIC.items():
        composed = composed.replace(parts, letter)
    return {name, apart, composed}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in lexicon.MONTH_NAMES.values():
        for position, name in enumerate(names):
            month = lexicon.MONTH_OVERRIDES.get(name, position % 12 + 1)
            for spelling in sorted(_spellings(name)):
                table.setdefault(spelling, month)
    for name, month in list(table.items()):
        if len(name) >= FOLDED_NAME_CHARS:
            table.setdefault(_folded(name), month)
    return table


MONTHS: Final[dict[str, int]] = _month_table()
"""Lower-case month name or abbreviation (also without its accents) -> month number."""


def _month_number(name: str) -> int | None:
    """The month a name matched ignoring case stands for ("KASIM", "ΜΑΡΤΙΟΥ")."""
    lowered = name.lower()
    return MONTHS.get(lowered) or MONTHS.get(_folded(lowered))


# Zone abbreviations news pages print, as offsets in hours. Ambiguous ones (IST, CST as
# China time) take their most common news meaning.
ZONE_OFFSETS: Final[dict[str, float]] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2,
    "mez": 1, "mesz": 2, "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "hkt": 8, "sgt": 8,
    "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "hst": -10, "wib": 7, "wita": 8,
    "wit": 9, "ict": 7, "pkt": 5, "myt": 8, "pht": 8, "awst": 8, "acst": 9.5, "acdt": 10.5,
    "nzst": 12, "nzdt": 13, "sast": 2, "wat": 1, "cat": 2, "eat": 3,
}  # fmt: skip

UPDATE_WORDS: Final = lexicon_words(lexicon.UPDATE_WORDS)
PUBLISH_WORDS: Final = lexicon_words(lexicon.PUBLISH_WORDS)
OTHER_WORDS: Final = lexicon_words(lexicon.SIGN_UP_WORDS)
"""The marker words before a date (``marker_before``), from ``lexicon``."""


# The lookahead changes no match: a month name begins with a letter, and testing that first
# spares trying the ~150 names at every digit and space (the costliest part of find_dates).
_MONTH: Final = rf"(?=[^\W\d_])(?P<month>{trie_alternation(MONTHS)})\.?"
_ZONE: Final = (  # case-sensitive: "ist" and "est" are words in German and Spanish
    r"(?P<zone>(?-i:(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z\b|\b(?:"
    + alternation([z.upper() for z in ZONE_OFFSETS if z != "z"])
    + r")\b))"
)
_TIME: Final = (
    r"(?P<hour>[01]?\d|2[0-3])[:h.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:[.,]\d+)?)?"
    r"(?:\s?(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?(?:\s?(?:Uhr|h)\b)?(?:\s?" + _ZONE + ")?"
)
_DAY: Final = r"(?P<day>[0-3]?\d)"
_YEAR: Final = r"(?P<year>(?:19|20)\d{2})"

# Month name, day, year: June 5, 2023, Jun 5th, 2023
_MONTH_DAY_YEAR: Final = re.compile(
    r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR + r"(?!\d)",
    re.IGNORECASE,
)
_DAY_BEFORE_YEAR: Final = re.compile(r"\d\w{0,2},?\s+(?:19|20)\d{2}")
"""What every match of ``_MONTH_DAY_YEAR`` holds, found five times faster: that pattern tries
~150 month names, ignoring case, at every word; a text without this is not tried with it."""

_DAY_DASHED_MONTH_YEAR: Final = re.compile(
    r"(?<![\d\w])" + _DAY + r"\s?(?P<sep>[-/])\s?" + _MONTH + r"\s?(?P=sep)\s?" + _YEAR + r"(?!\d)",
    re.IGNORECASE,
)
_YEAR_DASHED_MONTH_DAY: Final = re.compile(
    r"(?<![\d\w])" + _YEAR + r"\s?(?P<sep>[-/])\s?" + _MONTH + r"\s?(?P=sep)\s?" + _DAY
    + r"(?![\d\w])",
    re.IGNORECASE,
)  # fmt: skip
# ...and with a two-digit year, dashes only (Oracle's and many a CMS's default): 05-Jun-23
_DAY_DASHED_MONTH_SHORT_YEAR: Final = re.compile(
    r"(?<![\d\w])" + _DAY + r"-" + _MONTH + r"-(?P<year2>\d{2})(?![\d\w])", re.IGNORECASE
)
_DASHED_MONTH: Final = re.compile(r"\d\s?[-/]\s?[^\W\d_]")
"""What every match of the three patterns above holds: a number, a dash or slash (spaced or
not: "29 / Dezember / 2022"), a month name."""
_YEAR_DOT_MONTH_DAY: Final = re.compile(
    r"(?<![\d\w.])" + _YEAR + r"(?:\.|\s?m\.)\s*" + _MONTH + r"\s*" + _DAY + r"\.?(?![\d:])",
    re.IGNORECASE,
)
_DOTTED_MONTH: Final = re.compile(r"\d(?:\.|\s?m\.)\s*[^\W\d_]", re.IGNORECASE)
"""What every match of the pattern above holds: a year, its dot (or Lithuanian "m."), a month
name."""
# Latvian, year first: 2016. gada 4. marts
_LATVIAN: Final = re.compile(
    r"(?<![\d\w.])" + _YEAR + r"\.\s?gada\s+" + _DAY + r"\.\s*" + _MONTH, re.IGNORECASE
)
# Vietnamese, the month as a number after its word: ngày 4 tháng 3 năm 2016
_VIETNAMESE: Final = re.compile(
    r"(?<![\d\w])" + _DAY + r"\s+tháng\s+(?P<month>[01]?\d)(?:\s+năm\s+|,\s*|/)" + _YEAR,
    re.IGNORECASE,
)

# ISO 8601 with an optional time: 2023-06-23, 2023-06-23T09:33:00.000Z, 2023-06-23 09:33
_ISO: Final = re.compile(
    r"(?<![\d.])" + _YEAR + r"-(?P<month>[01]?\d)-" + _DAY + r"(?!\d)"
    r"(?:[T\s]+(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)"
    r"(?:[.,]\d+)?)?\s?(?P<zone>Z\b|[+-]\d{2}(?::?\d{2})?(?!\d)|UTC\b|GMT\b)?)?"
)
# Year first with slashes or dots: 2023/06/23, 2023.06.23, and with spaces after the dots
# as Korean and Hungarian write it: 2023. 6. 23.
_YEAR_FIRST: Final = re.compile(
    r"(?<![\d.])" + _YEAR + r"([/.])\s?(?P<month>[01]?\d)\2\s?" + _DAY + r"(?![\d])"
)
# Day first, numeric: 23.06.2023, 23/06/2023, 23-06-2023, 23. 06. 2023, 23 | 06 | 2023
_DAY_FIRST: Final = re.compile(
    r"(?<![\d.])"
    + _DAY
    + r"(?P<sep>[./-]|\s\|\s)\s?(?P<month>[0-3]?\d)(?P=sep)\s?"
    + _YEAR
    + r"(?!\d)"
)
# Two-digit year only in the unambiguous German/European shape: 23.06.23, 2.11.22
_TWO_DIGIT_YEAR: Final = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]\d)\.(?P<year2>\d{2})(?![\d.]\d)"
)
# Chinese / Japanese / Korean: 2023年6月23日, 2023년 6월 23일
_CJK: Final = re.compile(
    _YEAR + r"\s?[年년]\s?(?P<month>[01]?\d)\s?[月월]\s?" + _DAY + r"\s?[日일]?"
)

# Other calendars (``byline.calendars``). Thai, the year of the Buddhist Era, in full or its
# last two digits, perhaps after its abbreviation: 7 ธ.ค. 2569, 7 ธันวาคม พ.ศ. 2569, 7 ธ.ค. 69
# (a Gregorian year after a Thai month is the day-month-year pattern's)
_BUDDHIST_ERA: Final = re.compile(
    r"(?<![\d\w])" + _DAY + r"\s*(?P<month>" + trie_alternation(lexicon.MONTH_NAMES["th"])
    + r")\s*(?:พ\.\s?ศ\.\s*)?(?P<be_year>2[45]\d{2}|\d{2})(?![\d:.])"
)  # fmt: skip
_THAI_LETTER: Final = re.compile(f"[{lexicon.THAI_LETTERS}]")
# The Solar Hijri names as Iranian pages write them, and with the Arabic letters that some
# keyboards type for the Persian ye and kaf
_SOLAR_HIJRI_NUMBERS: Final = {
    spelling: number
    for number, name in enumerate(lexicon.SOLAR_HIJRI_MONTHS, 1)
    for spelling in (name, name.replace("ی", "ي").replace("ک", "ك"))
}
# Persian, Solar Hijri: ۱۶ آذر ۱۴۰۵, ۱۶ آذر ماه ۱۴۰۵ (digits read as Western ones by then)
_SOLAR_HIJRI: Final = re.compile(
    r"(?<![\d\w])" + _DAY + r"\s+(?P<sh_month>" + alternation(_SOLAR_HIJRI_NUMBERS)
    + r")(?!\w)\s*(?:ماه\s+)?(?P<sh_year>1[34]\d{2})(?!\d)"
)  # fmt: skip
# Persian, Solar Hijri in numbers, year first: ۱۴۰۵/۰۹/۱۶ (only in Persian digits: Arabic pages
# write the lunar Hijri year so, whose 14xx years the Solar Hijri ones also count)
_SOLAR_HIJRI_NUMERIC: Final = re.compile(
    r"(?<![\d/.-])(?P<sh_year>1[34]\d{2})(?P<sep>[/.-])(?P<sh_month>0?[1-9]|1[0-2])(?P=sep)"
    + _DAY
    + r"(?![\d/])"
)
_PERSIAN_DIGIT: Final = re.compile("[\u06f0-\u06f9]")
# Japanese era: 令和8年12月7日, 令和元年5月1日
_JAPANESE_ERA: Final = re.compile(
    r"(?P<era>" + alternation(lexicon.JAPANESE_ERAS) + r")\s?(?P<era_year>\d{1,2}|"
    + calendars.FIRST_ERA_YEAR + r")\s?年\s?(?P<month>[01]?\d)\s?月\s?" + _DAY + r"\s?日"
)  # fmt: skip
_OTHER_CALENDARS: Final = (_BUDDHIST_ERA, _SOLAR_HIJRI, _JAPANESE_ERA)
"""Patterns of dates without a Gregorian year (each names its groups: ``be_year``,
``sh_year`` and ``sh_month``, ``era`` and ``era_year``): tried, before the others, on the texts
``lexicon.holds_other_calendar_year`` lets through, whether or not they hold a Gregorian year
("7 ธ.ค. 69" is of the Buddhist Era, not 1969)."""

# Each pattern names its groups year/month/day (month may be a name); the order of the list
# is the order of preference when two patterns match at the same place.
_DATE_PATTERNS: Final = [
    _ISO,
    # Compact ISO: 20230623, 20230623T093300Z
    re.compile(
        r"(?<![\d.])" + _YEAR + r"(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)"
        r"(?:T(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?P<second>[0-5]\d)?"
        r"(?P<zone>Z\b|[+-]\d{2}:?\d{2})?)?"
    ),
    _YEAR_FIRST,
    _DAY_FIRST,
    _TWO_DIGIT_YEAR,
    # Day, month name, year: 5 June 2023, 31. März 2012, 3 de marzo de 2021, 1er mars 2021,
    # the 5th of June 2023, 4 d'abril de 2016
    re.compile(
        r"(?<![\d\w])"
        + _DAY
        + r"(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+|d['’])?"
        + _MONTH
        + r"[,،]?\s*(?:de\s+|del\s+)?"
        + _YEAR
        + r"(?!\d)",
        re.IGNORECASE,
    ),
    # Day, month name and year joined by dashes or slashes, or year first: 05-Jun-2023,
    # 05/Jun/2023 (server logs, Indian and US news sites), 2023-Jun-05, 29 / Dezember / 2022
    _DAY_DASHED_MONTH_YEAR,
    _YEAR_DASHED_MONTH_DAY,
    _DAY_DASHED_MONTH_SHORT_YEAR,
    # Day, month name, two-digit year that ends its text or bracket: (Rom, 14 Gennaio 20)
    re.compile(
        r"(?<![\d\w])" + _DAY + r"\.?\s+" + _MONTH + r"\s+(?P<year2>\d{2})(?=\s*(?:$|[)\]]))",
        re.IGNORECASE,
    ),
    _MONTH_DAY_YEAR,
    # Year with its dot, month name, day: 2016. március 4. (Hungarian order), and with its
    # abbreviation, "m.", in Lithuanian: 2016 m. kovo 4 d.
    _YEAR_DOT_MONTH_DAY,
    _LATVIAN,
    _VIETNAMESE,
    _CJK,
]

# Every pattern but the two-digit-year one needs a four-digit year: a text without one (a
# price, "Seite 1.2", a time) is tried with that one pattern only.
_FOUR_DIGIT_YEAR: Final = re.compile(_YEAR)


def _precondition(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A cheap pattern that every match of ``pattern`` holds: a text without it is not
    tried with ``pattern`` (month names cost most to try, at every digit or word)."""
    if pattern is _MONTH_DAY_YEAR:
        return _DAY_BEFORE_YEAR
    if pattern in (_DAY_DASHED_MONTH_YEAR, _YEAR_DASHED_MONTH_DAY, _DAY_DASHED_MONTH_SHORT_YEAR):
        return _DASHED_MONTH
    if pattern is _YEAR_DOT_MONTH_DAY:
        return _DOTTED_MONTH
    if pattern is _BUDDHIST_ERA:
        return _THAI_LETTER
    return None


_HELD: Final[dict[re.Pattern[str], tuple[str, ...]]] = {
    _ISO: ("-",),
    _YEAR_FIRST: ("/", "."),
    _DAY_FIRST: (".", "/", "-", "|"),
    _TWO_DIGIT_YEAR: (".",),
    _LATVIAN: ("gada",),
    _VIETNAMESE: ("háng",),
    _CJK: ("年", "년"),
    _SOLAR_HIJRI: tuple(_SOLAR_HIJRI_NUMBERS),
    _JAPANESE_ERA: tuple(lexicon.JAPANESE_ERAS),
}
"""What every match of a pattern holds, one of: its separators, or its sign for the year
(Latvian and Vietnamese: their words for the year and the month, in lower case as pages write
them). A text with none is not tried with the pattern: substring tests, far cheaper than the
pattern's search, which tries every place of the text (most dated texts hold one shape)."""


_Gated = tuple[re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]]
"""A date pattern, a cheap pattern every match holds, and strings one of which it holds."""


def _gated(patterns: Iterable[re.Pattern[str]]) -> list[_Gated]:
    """Each of ``patterns`` with the cheap tests a text must pass first (``find_dates``)."""
    return [(pattern, _precondition(pattern), _HELD.get(pattern, ())) for pattern in patterns]


_PATTERNS: Final = _gated(_DATE_PATTERNS)
_TWO_DIGIT_YEAR_PATTERNS: Final = [entry for entry in _PATTERNS if "year2" in entry[0].groupindex]
_CALENDAR_PATTERNS: Final = _gated(_OTHER_CALENDARS)
_PERSIAN_PATTERNS: Final = _gated((_SOLAR_HIJRI_NUMERIC,)) + _CALENDAR_PATTERNS
_TIME_AFTER: Final = re.compile(
    r"[\s,|–—-]*(?:at|um|à|a las|alle|ore|o|в|om|às|kl\.|,)?\s*" + _TIME, re.IGNORECASE
)
_TIME_BEFORE: Final = re.compile(_TIME + r"[\s,|–—-]*(?:on|am|le|el|il)?\s*$", re.IGNORECASE)
LABEL_END: Final = r"(?![^\W\d_])"
"""Where a label word ends: before no letter. A digit may follow, as scripts without spaces
write it ("发布于2026-12-07")."""
_MARKER_WORDS: Final = re.compile(  # whole words: "stand" is not "Standard", "date" not "update"
    r"(?<!\w)(?:(?P<update>"
    + trie_alternation(UPDATE_WORDS)
    + r")|(?P<publish>"
    + trie_alternation(PUBLISH_WORDS)
    + r")|"
    + trie_alternation(OTHER_WORDS)
    + ")"
    + LABEL_END,
    re.IGNORECASE,
)

_URL_DATE: Final = re.compile(
    r"(?:^|[/_.=-])(?P<year>\d{4})[/_.-](?P<month>\d{1,2})[/_.-](?P<day>\d{1,2})"
    r"(?=$|[/_.?#&-])"
)
"""The day as year, month and day apart (``/2023/06/23/``, ``-2023-06-23``, a query's
``?date=2023-06-23``)."""
_URL_DAY_FIRST: Final = re.compile(
    r"(?:^|[/_.-])(?P<first>\d{1,2})[/_.-](?P<second>\d{1,2})[/_.-](?P<year>\d{4})"
    r"(?=$|[/_.?#-])"
)
"""A day and a month before the year (``/14-03-2021/``, ``/04/03/2021/``): read only when
unambiguous (see ``_day_first_in_url``)."""
_URL_COMPACT: Final = re.compile(
    r"(?:[/_.-]|/[a-z]{1,3})(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?=$|[/_.?#-])"
)
"""The day as eight digits, alone or after a short prefix: ``/20230623/``, ``/t20230623_1.html``."""
_URL_MORE_SHAPES: Final = re.compile(
    r"/(?P<year>\d{4})(?:/(?P<month>[01]\d)(?P<day>[0-3]\d)|/(?P<name>[^\W\d_]{3,9})/"
    r"(?P<nday>[0-3]?\d)|(?P<month6>[01]\d)/(?P<day6>[0-3]\d))(?=$|[/_.?#-])"
)
"""The month and day as four digits after the year (``/2023/0623/``), the month by its name
(``/2023/jun/23/``), or the year and month as six digits before the day (``/202306/23/``)."""


def parse_date(text: object, month_first: bool = False) -> datetime | date | None:
    """A date or datetime from free text in any supported language, else None
    (``month_first`` as for ``find_dates``)."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > 500:
        return None
    quick = _parse_iso(text)
    if quick is not None:
        return quick
    found = find_dates(text, month_first)
    return found[0][0] if found else None


EPOCH_DIGITS: Final = {10: 1, 13: 1000}
"""A Unix time as pages store it, by its digits: seconds (``1584532800``, 2001 to 2286) or
milliseconds (``1584532800000``); the divisor that gives seconds."""


def parse_stated_date(text: object, month_first: bool = False) -> datetime | date | None:
    """The date of a value its markup states as one (a date key, a date attribute): what
    ``parse_date`` reads, or a Unix time in seconds or milliseconds, an aware UTC time.

    Only where the markup says date: elsewhere ten or thirteen digits are an ID."""
    if isinstance(text, str) and (digits := text.strip()).isdigit() and digits.isascii():
        divisor = EPOCH_DIGITS.get(len(digits))
        if divisor is not None:
            value = datetime.fromtimestamp(int(digits) // divisor, UTC)
            return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None
    return parse_date(text, month_first)


def find_dates(text: str, month_first: bool = False) -> list[tuple[datetime | date, int, int]]:
    """Every date in ``text`` with the span it covers (a time next to it included), in order.

    Numbers split by slashes or dashes are read day first ("06/12/2020" is 6 December), as
    most of the world writes them, unless ``month_first`` (the page writes them as the US
    does: ``writes_month_first``) or the second number cannot be a month."""
    if not isinstance(text, str) or not text:
        return []
    calendars: list[_Gated] = []
    if not text.isascii() and OTHER_SCRIPT_DATE_SIGN.search(text):
        if holds_other_calendar_year(text):
            persian = _PERSIAN_DIGIT.search(text) is not None
            calendars = _PERSIAN_PATTERNS if persian else _CALENDAR_PATTERNS
        text = text.translate(_WESTERN_DIGITS)
    matches: list[tuple[int, int, re.Match[str]]] = []
    patterns = _PATTERNS if _FOUR_DIGIT_YEAR.search(text) else _TWO_DIGIT_YEAR_PATTERNS
    if calendars:
        patterns = calendars + patterns
    for pattern, needed, held in patterns:
        if held and not any(map(text.__contains__, held)):
            continue
        if needed is not None and needed.search(text) is None:
            continue
        for match in pattern.finditer(text):
            matches.append((match.start(), -(match.end() - match.start()), match))
    matches.sort(key=lambda item: (item[0], item[1]))
    found: list[tuple[datetime | date, int, int]] = []
    last_end = 0
    for start, _, match in matches:
        if start < last_end:
            continue  # overlaps a longer or earlier date
        result = _moment_from_match(text, match, last_end, month_first)
        if result is not None:
            found.append(result)
            last_end = result[2]
    return found


def marks_update(text: str, start: int, after: int = 0) -> bool:
    """Whether the words just before ``text[start]`` (not before ``after``) mark an update.

    The nearest marker wins, so in "Published 4 June, updated 5 June" only the second
    date is an update. Pass the end of the previous date as ``after``.
    """
    return marker_before(text, start, after) == UPDATE


DATE_LINE_WORDS: Final = 2
"""Words a date line holds beside its date: a weekday, a label, the hour's word ("Samstag,
5. Oktober 2013", "06.11.2023, 11.41 Uhr", "Posted on March 5, 2024")."""
_WORD: Final = re.compile(r"\w+")


def is_date_line(text: str, words: int = DATE_LINE_WORDS) -> bool:
    """Whether ``text`` is a date (with its time, and at most ``words`` words beside it) and
    nothing more."""
    found = find_dates(text)
    if not found:
        return False
    rest = text
    for _, start, end in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    return len(_WORD.findall(rest)) <= words


UPDATE, PUBLISH, OTHER = "update", "publish", "other"


def marker_before(text: str, start: int, after: int = 0) -> str | None:
    """``UPDATE``, ``PUBLISH`` or ``OTHER`` for the nearest marker word just before
    ``text[start]`` (not before ``after``), None when no marker word is there."""
    if not isinstance(text, str):
        return None
    window = text[max(after, start - UPDATE_WINDOW) : start]
    last = None
    for last in _MARKER_WORDS.finditer(window):  # noqa: B007 - we want the last one
        pass
    if last is None:
        return None
    return UPDATE if last.group("update") else PUBLISH if last.group("publish") else OTHER


def has_marker(text: str) -> bool:
    """Whether ``text`` names a publication, update or sign-up anywhere: "Dieser Beitrag
    wurde am 5. Juni 2023 in der Kategorie News veröffentlicht" dates the page."""
    return isinstance(text, str) and _MARKER_WORDS.search(text) is not None


def dates_with_roles(text: str) -> list[tuple[datetime | date, bool]]:
    """The dates in ``text`` in order, each with whether it is an update (see ``marks_update``)."""
    result = []
    previous_end = 0
    for value, start, end in find_dates(text):
        result.append((value, marks_update(text, start, previous_end)))
        previous_end = end
    return result


def date_in_url(url: str, month_first: bool | None = None) -> date | None:
    """The publication date a URL path carries (``/2023/06/23/``, ``/20230623/``,
    ``/2023/0623/``, ``/2023/jun/23/``, and ``/23-06-2023/`` where the order of day and month
    is certain, or ``month_first`` says it: the order the page writes dates in, when known).

    A year and month alone (``/2023/06/``) give None: the day would be invented.
    """
    if not isinstance(url, str) or not url:
        return None
    path = url.split("://", 1)[-1]
    slash = path.find("/")
    if slash < 0:
        return None
    path = path[slash:]
    latest = date.today().year + 1
    for pattern in (_URL_DATE, _URL_COMPACT):
        for match in pattern.finditer(path):
            year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
            if URL_EARLIEST_YEAR <= year <= latest:
                value = _valid_date(year, month, day)
                if value is not None:
                    return value
    for match in _URL_MORE_SHAPES.finditer(path):
        year = int(match.group("year"))
        name = match.group("name")
        named = _month_number(name) if name else int(match.group("month") or match.group("month6"))
        day = int(match.group("nday") or match.group("day") or match.group("day6"))
        if URL_EARLIEST_YEAR <= year <= latest and named is not None:
            value = _valid_date(year, named, day)
            if value is not None:
                return value
    for match in _URL_DAY_FIRST.finditer(path):
        year = int(match.group("year"))
        if URL_EARLIEST_YEAR <= year <= latest:
            first, second = int(match.group("first")), int(match.group("second"))
            value = _day_first_in_url(year, first, second, month_first)
            if value is not None:
                return value
    return None


def _day_first_in_url(
    year: int, first: int, second: int, month_first: bool | None = None
) -> date | None:
    """The day of a path's ``first-second-year``: day first when the first number cannot
    be a month (``14-03-2021``), month first when the second cannot (``03-14-2021``, the US
    order), and a day whose two numbers are equal (``04-04-2021``). When either order would
    do (``04-03-2021``), the page's order (``month_first``), else None: a guess without it is
    wrong as often as not."""
    if first == second or second <= MONTHS_IN_YEAR < first:
        return _valid_date(year, second, first)
    if first <= MONTHS_IN_YEAR < second:
        return _valid_date(year, first, second)
    if month_first is None:
        return None
    return _valid_date(year, first, second) if month_first else _valid_date(year, second, first)


def writes_month_first(texts: Iterable[str], language: str | None, host: str | None) -> bool:
    """Whether a page writes numeric dates month first, as the US does ("06/12/2020" for
    June 12): by its own dates that only one order reads (a "06/25/2020" or a "25/06/2020";
    the more numerous order wins), else by its language: US English, or English without a
    region on a host that names no country (``.com``, ``.org``; a ``.co.uk`` or ``.in`` site
    writes day first)."""
    day_first = month_first = 0
    for text in texts:
        for match in _DAY_FIRST.finditer(text):
            if match.group("sep") not in MONTH_FIRST_SEPARATORS:
                continue
            first, second = int(match.group("day")), int(match.group("month"))
            if second <= MONTHS_IN_YEAR < first:
                day_first += 1
            elif first <= MONTHS_IN_YEAR < second:
                month_first += 1
    if day_first != month_first:
        return month_first > day_first
    if language is None:
        return False
    if language.upper().endswith(MONTH_FIRST_REGIONS):
        return True
    if language != "en":
        return False
    country = (host or "").rsplit(".", 1)[-1].lower()
    return len(country) != COUNTRY_CODE_LETTERS or country == "us"


_COMPACT_TIMES: Final = {12: "%Y%m%d%H%M", 14: "%Y%m%d%H%M%S"}
"""A machine value of digits only with its time: ``201603041000``, ``20160304100000``."""


def _parse_iso(text: str) -> datetime | date | None:
    """The fast path for machine dates (``datetime`` attributes, JSON-LD, meta tags)."""
    if len(text) < 8 or not text[:4].isdigit():
        return None
    try:
        if len(text) == 10 and text[4] == "-":
            value: datetime | date = date.fromisoformat(text)
        elif len(text) == 8 and text.isdigit():
            value = date.fromisoformat(text)
        elif len(text) in _COMPACT_TIMES and text.isdigit():
            value = datetime.strptime(text, _COMPACT_TIMES[len(text)])
        else:
            value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None


def _moment_from_match(
    text: str, match: re.Match[str], not_before: int, month_first: bool = False
) -> tuple[datetime | date, int, int] | None:
    groups = match.groupdict()
    value = _day_of(groups, month_first)
    if value is None:
        return None
    start, end = match.span()
    if groups.get("hour") is not None:
        moment = _with_time(value, groups)
        return (moment, start, end) if moment is not None else None
    after = _TIME_AFTER.match(text, end)
    if after is not None:
        moment = _with_time(value, after.groupdict())
        if moment is not None:
            return moment, start, after.end()
    window_start = max(not_before, start - TIME_ATTACH_GAP)
    before = _TIME_BEFORE.search(text, window_start, start)
    if before is not None:
        moment = _with_time(value, before.groupdict())
        if moment is not None:
            return moment, before.start(), end
    return value, start, end


def _day_of(groups: dict[str, str | None], month_first: bool) -> date | None:
    """The day a date pattern's match names, in the Gregorian calendar."""
    day = int(groups["day"] or 0)
    if (hijri_year := groups.get("sh_year")) and (hijri_month := groups.get("sh_month")):
        month = int(hijri_month) if hijri_month.isdigit() else _SOLAR_HIJRI_NUMBERS[hijri_month]
        value = calendars.solar_hijri_date(int(hijri_year), month, day)
        return value if value is not None and EARLIEST_YEAR <= value.year <= LATEST_YEAR else None
    year = _year_of(groups)
    month_text = groups.get("month")
    if year is None or month_text is None:
        return None
    named = int(month_text) if month_text.isdigit() else _month_number(month_text)
    if named is None:
        return None
    us_order = groups.get("sep") in MONTH_FIRST_SEPARATORS
    value = _valid_date(year, day, named) if us_order and month_first else None
    if value is None:
        value = _valid_date(year, named, day)
    if value is None and us_order and day <= MONTHS_IN_YEAR < named:
        value = _valid_date(year, day, named)  # US month-first: day-first is impossible
    return value


def _year_of(groups: dict[str, str | None]) -> int | None:
    if year := groups.get("year"):
        return int(year)
    if buddhist := groups.get("be_year"):
        return calendars.buddhist_era_year(int(buddhist))
    if (era := groups.get("era")) and (era_year := groups.get("era_year")):
        return calendars.japanese_era_year(era, era_year)
    short = groups.get("year2")
    if short is None:
        return None
    full = 2000 + int(short)
    # A two-digit year in the future is last century's.
    return full if full <= date.today().year + 1 else full - 100


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_time(day: date, groups: dict[str, str | None]) -> datetime | None:
    hour = int(groups["hour"])  # type: ignore[arg-type]
    minute = int(groups["minute"])  # type: ignore[arg-type]
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    tz = _zone(groups.get("zone"))
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.strip()
    named = ZONE_OFFSETS.get(text.lower())
    if named is not None:
        return timezone(timedelta(hours=named))
    text = text.upper().removeprefix("UTC").removeprefix("GMT").strip()
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    if not digits.isdigit():
        return None
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 14 or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
