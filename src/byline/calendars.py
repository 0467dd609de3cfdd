"""Days of the other calendars news pages date their stories in, as Gregorian dates.

- The Thai solar calendar counts its years in the Buddhist Era (BE 2569 is 2026): Thai pages
  write "7 ธ.ค. 2569" or "7 ธ.ค. 69".
- The Solar Hijri calendar of Iran and Afghanistan (1405 began on 21 March 2026): Persian pages
  write "۱۶ آذر ۱۴۰۵".
- Japanese era years (令和8年 is 2026): official and some news pages write "令和8年12月7日".

Pure arithmetic; ``byline.dates`` finds the dates and calls these.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from byline.lexicon import JAPANESE_ERAS

BUDDHIST_ERA_OFFSET: Final = 543
"""BE year - this = Gregorian year (the Thai year has begun on 1 January since 1941)."""
BUDDHIST_CENTURY: Final = 2500
"""A two-digit BE year ("69") is in the 2500s: 1957 to 2056."""

FIRST_ERA_YEAR: Final = "元"

# The years of the Solar Hijri calendar whose leap cycles break the 33-year rule, as the
# astronomical calendar has them (Borkowski, "The Persian calendar for 3000 years", 1996;
# the table jalaali-js uses).
_BREAKS: Final = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
)  # fmt: skip
SOLAR_HIJRI_EPOCH_OFFSET: Final = 621
"""Solar Hijri year + this = the Gregorian year in which it begins (in March)."""
LONG_MONTHS: Final = 6
"""The first six Solar Hijri months have 31 days, the next five 30, the last 29 or 30."""


def buddhist_era_year(year: int) -> int:
    """The Gregorian year of a BE year, written in full (2569) or by its last two digits."""
    if year < 100:
        year += BUDDHIST_CENTURY
    return year - BUDDHIST_ERA_OFFSET


def japanese_era_year(era: str, year: str) -> int | None:
    """The Gregorian year of ``year`` (digits, or 元 for the first) of ``era``; None for an
    era not in ``lexicon.JAPANESE_ERAS``."""
    first = JAPANESE_ERAS.get(era)
    if first is None:
        return None
    return first if year == FIRST_ERA_YEAR else first + int(year) - 1


def _nowruz_day(year: int) -> int:
    """The day of March (Gregorian) on which Solar Hijri ``year`` begins."""
    leap_years = -14
    start = _BREAKS[0]
    jump = 0
    for end in _BREAKS[1:]:
        jump = end - start
        if year < end:
            break
        leap_years += jump // 33 * 8 + jump % 33 // 4
        start = end
    into = year - start
    leap_years += into // 33 * 8 + (into % 33 + 3) // 4
    if jump % 33 == 4 and jump - into == 4:
        leap_years += 1
    gregorian = year + SOLAR_HIJRI_EPOCH_OFFSET
    gregorian_leap_years = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return 20 + leap_years - gregorian_leap_years


def solar_hijri_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Solar Hijri day, None for a day the calendar does not have
    (the table holds years up to 3177)."""
    if not (_BREAKS[0] < year < _BREAKS[-1] and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day == 31 and month > LONG_MONTHS:
        return None
    days_before = (month - 1) * 31 if month <= LONG_MONTHS else 186 + (month - 7) * 30
    first_day = date(year + SOLAR_HIJRI_EPOCH_OFFSET, 3, 1) + timedelta(_nowruz_day(year) - 1)
    found = first_day + timedelta(days_before + day - 1)
    if month == 12 and day == 30 and solar_hijri_date(year + 1, 1, 1) == found:
        return None  # the 30th of Esfand exists in leap years only
    return found
