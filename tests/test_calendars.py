"""byline.calendars and the dates of other calendars: Thai Buddhist Era, Solar Hijri, Japanese era.

The Solar Hijri days below were checked against jdatetime (which follows the same astronomical
table) for every day of the years 1200 to 1599; they are kept here as plain facts.
"""

from __future__ import annotations

from datetime import date

import pytest

import byline
from byline.calendars import buddhist_era_year, japanese_era_year, solar_hijri_date
from byline.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("solar_hijri", "gregorian"),
    [
        ((1395, 1, 1), date(2016, 3, 20)),  # Nowruz, on the 20th or 21st of March
        ((1396, 1, 1), date(2017, 3, 21)),
        ((1399, 1, 1), date(2020, 3, 20)),
        ((1403, 1, 1), date(2024, 3, 20)),
        ((1404, 1, 1), date(2025, 3, 21)),
        ((1405, 1, 1), date(2026, 3, 21)),
        ((1405, 9, 16), date(2026, 12, 7)),  # 16 Azar
        ((1403, 12, 30), date(2025, 3, 20)),  # the 30th of Esfand of a leap year
        ((1357, 11, 22), date(1979, 2, 11)),
        ((1300, 6, 31), date(1921, 9, 22)),  # the last day of a 31-day month
    ],
)
def test_solar_hijri_days_are_the_gregorian_ones(
    solar_hijri: tuple[int, int, int], gregorian: date
) -> None:
    assert solar_hijri_date(*solar_hijri) == gregorian


@pytest.mark.parametrize(
    "solar_hijri",
    [(1402, 12, 30), (1405, 7, 31), (1405, 13, 1), (1405, 0, 1), (1405, 1, 0), (3200, 1, 1)],
)
def test_days_the_solar_hijri_calendar_does_not_have_are_none(
    solar_hijri: tuple[int, int, int],
) -> None:
    assert solar_hijri_date(*solar_hijri) is None


def test_era_years() -> None:
    assert buddhist_era_year(2569) == 2026
    assert buddhist_era_year(69) == 2026  # two digits: the 2500s
    assert japanese_era_year("令和", "8") == 2026
    assert japanese_era_year("令和", "元") == 2019
    assert japanese_era_year("平成", "31") == 2019
    assert japanese_era_year("大正", "1") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 ธันวาคม 2569", date(2026, 12, 7)),  # Thai, Buddhist Era
        ("7 ธ.ค. 2569", date(2026, 12, 7)),  # abbreviated month
        ("7 ธันวาคม พ.ศ. 2569", date(2026, 12, 7)),  # with the era's abbreviation
        ("๗ ธันวาคม ๒๕๖๙", date(2026, 12, 7)),  # Thai digits
        ("7 ธ.ค. 69", date(2026, 12, 7)),  # two-digit BE year, not 1969
        ("7 ธันวาคม 2026", date(2026, 12, 7)),  # a Thai month, a Gregorian year
        ("۱۶ آذر ۱۴۰۵", date(2026, 12, 7)),  # Persian, Solar Hijri
        ("16 آذر 1405", date(2026, 12, 7)),
        ("یکشنبه ۱۶ آذر ماه ۱۴۰۵", date(2026, 12, 7)),  # weekday, and "month" after the name
        ("۱۰ دي ۱۴۰۰", date(2021, 12, 31)),  # Arabic ye for the Persian one
        ("۷ دسامبر ۲۰۲۶", date(2026, 12, 7)),  # Persian name of a Gregorian month
        ("۱۴۰۵/۰۹/۱۶", date(2026, 12, 7)),  # Solar Hijri in Persian digits, year first
        ("تاریخ انتشار: ۱۴۰۵-۰۹-۱۶", date(2026, 12, 7)),
        ("۲۰۲۶/۱۲/۰۷", date(2026, 12, 7)),  # a Gregorian year in Persian digits
        ("令和8年12月7日", date(2026, 12, 7)),  # Japanese era
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和８年１２月７日", date(2026, 12, 7)),  # full-width digits
        ("２０２６年１２月７日", date(2026, 12, 7)),
    ],
)
def test_dates_of_other_calendars_and_digits(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ราคา 7 ธ.ค. 10:30", "۳۰ اسفند ۱۴۰۲", "۱۶ آذر ۹۹۹", "大正5年3月1日", "7 Dec 2569",
        "١٤٤٨/٠٦/١٦", "1405/09/16", "۱۴۰۵/۱۳/۱۶",
    ],
)  # fmt: skip
def test_what_is_no_date_of_another_calendar(text: str) -> None:
    """A time is no two-digit year; no 30 Esfand in a common year; a year out of range; an
    era not in the table; a Buddhist year after an English month; a year-first date in Arabic
    digits (the lunar Hijri year of Arabic pages) or Western ones; no thirteenth month."""
    assert find_dates(text) == []


THAI_STORY = "รัฐบาลอนุมัติงบประมาณใหม่สำหรับสวนสาธารณะและห้องสมุดหลังจากการอภิปรายเป็นเวลาหลายเดือน "
PERSIAN_STORY = "شورای شهر روز سه‌شنبه بودجه جدیدی را تصویب کرد که هزینه پارک‌ها را افزایش می‌دهد. "
JAPANESE_STORY = "市議会は火曜日、公園と図書館への支出を増やす新しい予算を承認した。"


@pytest.mark.parametrize(
    ("language", "shown", "story"),
    [
        ("th", "7 ธ.ค. 69", THAI_STORY),
        ("fa", "یکشنبه ۱۶ آذر ۱۴۰۵ - ۱۴:۳۰", PERSIAN_STORY),
        ("fa", "تاریخ انتشار: ۱۴۰۵/۰۹/۱۶ - ۱۴:۳۰", PERSIAN_STORY),
        ("ja", "令和８年１２月７日", JAPANESE_STORY),
    ],
)
def test_a_page_dated_only_in_another_calendar_is_dated(
    language: str, shown: str, story: str
) -> None:
    """The page's walk reads texts with such years for dates (``may_hold_year``), and the
    date sources try them (``_DATEISH``): the shown date is the publication date."""
    html = (
        f"<html lang='{language}'><head><title>T</title></head><body><h1>H</h1>"
        f"<div class='date'>{shown}</div><article><p>{story * 5}</p></article></body></html>"
    )
    article = byline.extract(html.encode(), url="https://example.com/news/story")
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2026-12-07"
