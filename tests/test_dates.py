"""byline.dates: parsing one date, finding dates in text, dates in URLs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

import byline
from byline.dates import (
    _HELD,
    date_in_url,
    dates_with_roles,
    find_dates,
    marker_before,
    marks_update,
    parse_date,
    parse_stated_date,
    writes_month_first,
)
from byline.document import parse
from byline.fields import Field, Markup
from byline.sources import dom
from byline.sources.candidate import holds_date


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-23T09:33+0000", datetime(2023, 6, 23, 9, 33, tzinfo=UTC)),
        ("2023-06-23T09:33:00.000Z", datetime(2023, 6, 23, 9, 33, tzinfo=UTC)),
        ("2023-06-23T11:33:00+02:00", datetime(2023, 6, 23, 11, 33, tzinfo=_tz(2))),
        ("2023-06-23 09:33:00", datetime(2023, 6, 23, 9, 33)),
        ("20230623", date(2023, 6, 23)),
        ("202306230933", datetime(2023, 6, 23, 9, 33)),
        ("20230623093300", datetime(2023, 6, 23, 9, 33)),
        ("2023-06-23", date(2023, 6, 23)),
        ("Fri, 23 Jun 2023 09:33:00 GMT", datetime(2023, 6, 23, 9, 33, tzinfo=UTC)),
        ("Mon, 05 Jun 2023 09:33:00 +0200", datetime(2023, 6, 5, 9, 33, tzinfo=_tz(2))),
        ("23.06.2023", date(2023, 6, 23)),
        ("23/06/2023", date(2023, 6, 23)),
        ("23-06-2023", date(2023, 6, 23)),
        ("06/23/2023", date(2023, 6, 23)),
        ("2023/06/23", date(2023, 6, 23)),
        ("June 5, 2023", date(2023, 6, 5)),
        ("5 June 2023", date(2023, 6, 5)),
        ("31. Mai 2012", date(2012, 5, 31)),
        ("31. März 2012", date(2012, 3, 31)),
        ("le 3 mars 2021", date(2021, 3, 3)),
        ("1er mars 2021 à 14h30", datetime(2021, 3, 1, 14, 30)),
        ("3 de marzo de 2021", date(2021, 3, 3)),
        ("3 marzo 2021", date(2021, 3, 3)),
        ("3 marca 2021", date(2021, 3, 3)),
        ("3 марта 2021 года", date(2021, 3, 3)),
        ("3 de março de 2021", date(2021, 3, 3)),
        ("3 maart 2021", date(2021, 3, 3)),
        ("09:33 GMT 23.06.2023", datetime(2023, 6, 23, 9, 33, tzinfo=UTC)),
        ("23.06.2023, 09:33 Uhr", datetime(2023, 6, 23, 9, 33)),
        ("Jun 5th, 2023 at 9:33 pm", datetime(2023, 6, 5, 21, 33)),
        ("Sept. 3, 2021 10:00 a.m. EDT", datetime(2021, 9, 3, 10, 0, tzinfo=_tz(-4))),
        ("23 June 2023 09:33 CEST", datetime(2023, 6, 23, 9, 33, tzinfo=_tz(2))),
        ("Jumat, 23 Juni 2023 09:33 WIB", datetime(2023, 6, 23, 9, 33, tzinfo=_tz(7))),
        ("23 June 2023 09:33 PKT", datetime(2023, 6, 23, 9, 33, tzinfo=_tz(5))),
        ("23 June 2023 09:33 ACST", datetime(2023, 6, 23, 9, 33, tzinfo=_tz(9.5))),
        ("23.06.23", date(2023, 6, 23)),
        ("Kultur, 2.11.22", date(2022, 11, 2)),
        ("26 | 01 | 2022", date(2022, 1, 26)),
        ("( Pescasseroli, 14 Gennaio 20 )", date(2020, 1, 14)),
        ("14 Jan 20", date(2020, 1, 14)),
        ("Posted 05-Mar-19 by Jane", date(2019, 3, 5)),
        ("31-dic-99", date(1999, 12, 31)),
        ("Fashion 29 / Dezember / 2022", date(2022, 12, 29)),
        ("2023 / Jun / 05", date(2023, 6, 5)),
        ("2023年6月23日", date(2023, 6, 23)),
        # Arabic: month names of the east and the west, Arabic-Indic digits, a weekday
        ("الخميس 4 مارس 2021", date(2021, 3, 4)),
        ("الخميس، ٤ مارس ٢٠٢١", date(2021, 3, 4)),
        ("١٥ أكتوبر ٢٠٢٠ ١٠:٣٠", datetime(2020, 10, 15, 10, 30)),
        ("4 كانون الثاني 2021", date(2021, 1, 4)),
        ("12 أيلول 2019", date(2019, 9, 12)),
        ("1 تشرين الأول 2020", date(2020, 10, 1)),
    ],
)
def test_parse_date_formats(text: str, expected: date) -> None:
    value = parse_date(text)
    assert value == expected
    assert type(value) is type(expected)  # a date alone stays a date, never midnight
    if isinstance(expected, datetime):
        assert (value.tzinfo is None) == (expected.tzinfo is None)  # never invent a zone


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "12",
        "31.02.2023",
        "2023-13-45",
        "32/13/2023",
        "06.23.2023",
        "0",
        "on 14 January 20 people",  # a two-digit year only where the date line ends
        "A4-Mar-19",  # part of a code
        "5-Mar-195",
        "202313231000",  # digits of no day and time
        "20230623256100",
        "1457085600123",  # neither 12 nor 14 digits
    ],
)
def test_parse_date_rejects_impossible_or_missing_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("value", [None, 42, b"2023-06-23", ["2023-06-23"]])
def test_parse_date_never_crashes_on_garbage(value: object) -> None:
    assert parse_date(value) is None  # type: ignore[arg-type]


def test_a_german_word_is_not_a_time_zone() -> None:
    # "ist" is German for "is", not India Standard Time.
    assert parse_date("23.06.2023 um 9:33 ist") == datetime(2023, 6, 23, 9, 33)


def test_find_dates_gives_every_date_with_its_span_and_update_role() -> None:
    text = "09:33 GMT 23.06.2023 (Updated: 09:46 GMT 23.06.2023)"
    found = find_dates(text)
    assert [value for value, _, _ in found] == [
        datetime(2023, 6, 23, 9, 33, tzinfo=UTC),
        datetime(2023, 6, 23, 9, 46, tzinfo=UTC),
    ]
    (_, start1, end1), (_, start2, _) = found
    assert text[start1:end1] == "09:33 GMT 23.06.2023"
    assert not marks_update(text, start1)
    assert marks_update(text, start2, end1)
    assert [role for _, role in dates_with_roles(text)] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "Aktualisiert am 24.06.2023",
        "Mis à jour le 24 juin 2023",
        "Actualizado 24/06/2023",
        "Aggiornato il 24 giugno 2023",
        "Zaktualizowano 24 czerwca 2023",
        "Обновлено 24 июня 2023",
        "last modified June 24, 2023",
    ],
)
def test_update_markers_in_several_languages(text: str) -> None:
    [(value, is_update)] = dates_with_roles(text)
    assert value == date(2023, 6, 24)
    assert is_update


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04 Mart 2016", date(2016, 3, 4)),  # Turkish
        ("4 Maret 2016", date(2016, 3, 4)),  # Indonesian
        ("4. března 2016", date(2016, 3, 4)),  # Czech
        ("4. marca 2016", date(2016, 3, 4)),  # Slovak (and Polish)
        ("4. maaliskuuta 2016", date(2016, 3, 4)),  # Finnish
        ("4. marts 2016", date(2016, 3, 4)),  # Danish
        ("4 augusti 2016", date(2016, 8, 4)),  # Swedish
        ("4 desember 2016", date(2016, 12, 4)),  # Norwegian
        ("4 martie 2016", date(2016, 3, 4)),  # Romanian
        ("4 Μαρτίου 2016", date(2016, 3, 4)),  # Greek
        ("4 березня 2016", date(2016, 3, 4)),  # Ukrainian
        ("2016. március 4.", date(2016, 3, 4)),  # Hungarian, year first
        ("2016. március 4. 10:30", datetime(2016, 3, 4, 10, 30)),
        ("4. marta 2016.", date(2016, 3, 4)),  # Serbian, Bosnian
        ("4. март 2016.", date(2016, 3, 4)),  # Serbian in Cyrillic letters
        ("4. ožujka 2016.", date(2016, 3, 4)),  # Croatian
        ("4. studenoga 2016.", date(2016, 11, 4)),
        ("4. marec 2016", date(2016, 3, 4)),  # Slovenian
        ("4 март 2016", date(2016, 3, 4)),  # Bulgarian
        ("4. märts 2016", date(2016, 3, 4)),  # Estonian
        ("2016 m. kovo 4 d.", date(2016, 3, 4)),  # Lithuanian, year first
        ("2016. gada 4. marts", date(2016, 3, 4)),  # Latvian, year first
        ("ngày 4 tháng 3 năm 2016", date(2016, 3, 4)),  # Vietnamese
        ("4 d'abril de 2016", date(2016, 4, 4)),  # Catalan
        ("4 Mac 2016", date(2016, 3, 4)),  # Malay
        ("4 במרץ 2016", date(2016, 3, 4)),  # Hebrew, with the preposition
        ("१२ मार्च २०१६", date(2016, 3, 12)),  # Hindi, Devanagari digits
        ("4 Μαρ 2016", date(2016, 3, 4)),  # Greek abbreviation
        ("Μάρτιος 4, 2016", date(2016, 3, 4)),  # Greek nominative
        ("4 ΜΑΡΤΙΟΥ 2016", date(2016, 3, 4)),  # Greek capitals, without accents
        ("4 ΜΑΪΟΥ 2016", date(2016, 5, 4)),
        ("4 NİSAN 2016", date(2016, 4, 4)),  # Turkish capitals
        ("4 KASIM 2016", date(2016, 11, 4)),
        ("04 Şub 2016", date(2016, 2, 4)),  # Turkish abbreviation
        ("4 Ara 2016", date(2016, 12, 4)),
        ("4 sty 2016", date(2016, 1, 4)),  # Polish abbreviation
        ("2016. márc. 4.", date(2016, 3, 4)),  # Hungarian abbreviation
        ("4 Agustos 2016", date(2016, 8, 4)),  # typed without the accent
        ("2016. 3. 4.", date(2016, 3, 4)),  # Korean and Hungarian numbers, year first
        ("2016. 03. 04. 오후 3:00", date(2016, 3, 4)),
        ("Senin, 04 Nop 2016", date(2016, 11, 4)),  # Indonesian abbreviations
        ("04 Agu 2016", date(2016, 8, 4)),
        ("4 Des 2016", date(2016, 12, 4)),
        ("4 Machi 2016", date(2016, 3, 4)),  # Swahili
        ("৪ মার্চ ২০১৬", date(2016, 3, 4)),  # Bengali, Bengali digits
        ("৪ জানুয়ারি ২০১৬", date(2016, 1, 4)),  # য় as a letter and its dot...
        ("৪ জানু\u09dfারি ২০১৬", date(2016, 1, 4)),  # ...and as one code point
        ("4 \u095eरवरी 2016", date(2016, 2, 4)),  # Hindi फ़ as one code point
        ("4 मार्च 2016", date(2016, 3, 4)),  # Hindi, Marathi
        ("4 नोव्हेंबर 2016", date(2016, 11, 4)),  # Marathi
        ("4 நவம்பர் 2016", date(2016, 11, 4)),  # Tamil
        ("4 నవంబర్ 2016", date(2016, 11, 4)),  # Telugu
        ("4 ನವೆಂಬರ್ 2016", date(2016, 11, 4)),  # Kannada
        ("4 നവംബർ 2016", date(2016, 11, 4)),  # Malayalam
        ("૪ નવેમ્બર ૨૦૧૬", date(2016, 11, 4)),  # Gujarati, Gujarati digits
        ("੪ ਨਵੰਬਰ ੨੦੧੬", date(2016, 11, 4)),  # Punjabi, Gurmukhi digits
        ("4 نومبر 2016", date(2016, 11, 4)),  # Urdu
        ("4 مارس، 2016", date(2016, 3, 4)),  # an Arabic comma before the year
    ],
)
def test_month_names_of_more_languages(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["the 4th of March 2016", "4th of March, 2016", "04-Mar-2016", "4/March/2016", "2016-Mar-04"],
)
def test_a_month_name_after_of_or_between_dashes(text: str) -> None:
    assert parse_date(text) == date(2016, 3, 4)


@pytest.mark.parametrize("text", ["04-Mar/2016", "2016-Mar-04x", "404-Mar-2016", "04-Mar-20161"])
def test_dashes_around_a_month_name_must_match_and_end(text: str) -> None:
    assert find_dates(text) == []


def test_a_year_with_a_dot_before_a_month_name_needs_its_day() -> None:
    assert find_dates("Stand 2016. március") == []
    assert find_dates("v1.2016. május 4") == []


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("Yayınlanma: 04 Mart 2016", False),
        ("Güncelleme: 05 Mart 2016", True),
        ("Publicerad 4 mars 2016", False),
        ("Uppdaterad 5 mars 2016", True),
        ("Julkaistu 4.3.2016", False),
        ("Päivitetty 5.3.2016", True),
        ("Publikováno 4. března 2016", False),
        ("Aktualizováno 5. března 2016", True),
        ("Közzétéve: 2016. március 4.", False),
        ("Frissítve: 2016. március 5.", True),
        ("Δημοσιεύθηκε 4 Μαρτίου 2016", False),
        ("Ενημερώθηκε 5 Μαρτίου 2016", True),
        # scripts without spaces name the label in full, and may write the date right after
        ("发布时间：2016-03-04 10:00", False),
        ("更新时间：2016-03-05 10:00", True),
        ("发布于2016-03-04", False),
        ("公開日：2016年3月4日", False),
        ("最終更新 2016年3月5日", True),
        ("입력 2016.03.04 10:00", False),
        ("수정 2016.03.05 10:00", True),
        ("نشر في 4 مارس 2016", False),
        ("آخر تحديث 5 مارس 2016", True),
        ("פורסם 04.03.2016", False),
        ("עודכן 05.03.2016", True),
        ("เผยแพร่ 4 มี.ค. 2559", False),
        ("อัปเดต 5 มี.ค. 2559", True),
        ("تاریخ انتشار ۱۴ اسفند ۱۳۹۴", False),
        ("به‌روزرسانی ۱۵ اسفند ۱۳۹۴", True),
        ("Cập nhật 05/03/2016", True),
    ],
)
def test_publication_and_update_labels_of_more_languages(text: str, update: bool) -> None:
    [(_, start, _)] = find_dates(text)
    assert marker_before(text, start) == ("update" if update else "publish")


def test_the_nearest_marker_wins() -> None:
    roles = dates_with_roles("Updated 5 June 2023 | Published 4 June 2023")
    assert roles == [(date(2023, 6, 5), True), (date(2023, 6, 4), False)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2023/06/23/slug", date(2023, 6, 23)),
        ("https://example.com/news/2023-06-23-slug", date(2023, 6, 23)),
        ("https://sputnikglobe.com/20230623/japan-france-1111417043.html", date(2023, 6, 23)),
        ("https://example.com/blog/2020-02/19/c_1125597921.htm", date(2020, 2, 19)),
        ("https://example.com/n1/2016/0304/c1001-28171939.html", date(2016, 3, 4)),
        ("https://example.com/world/2016/mar/04/slug", date(2016, 3, 4)),
        ("https://example.com/xwfb/t20160304_1234.html", date(2016, 3, 4)),
        ("https://example.com/n1/201603/04/c1001-28171939.html", date(2016, 3, 4)),
        ("https://example.com/article.php?date=2016-03-04&id=7", date(2016, 3, 4)),
        ("https://example.com/article.php?id=2016-03-04", date(2016, 3, 4)),
        ("https://example.com/n1/201613/04/c1001.html", None),  # no month 13
        ("https://example.com/2016/1399/slug", None),  # an ID after the year
        ("https://example.com/2016/news/04/slug", None),  # a section, not a month
        ("https://web.archive.org/web/20160304101010/http://example.com/a", None),  # a crawl
        ("https://example.com/2023/06/slug", None),  # month only: no invented day
        ("https://example.com/article/12345678/", None),  # an ID, not a date
        ("https://example.com/a/1111417043.html", None),
        ("https://example.com/2023/06/1234567-slug", None),
        ("https://example.com/19850623/old", None),  # before dated URLs existed
        ("https://example.com/x20230623y", None),  # not delimited
        ("https://2023-06-23.example.com/", None),  # the host is not the path
        ("", None),
        # day and month before the year: only where the order is certain
        ("https://example.com/news/14-03-2021/slug", date(2021, 3, 14)),
        ("https://example.com/news/14/03/2021/slug", date(2021, 3, 14)),
        ("https://example.com/news/03-14-2021/slug", date(2021, 3, 14)),  # month first
        ("https://example.com/news/04-04-2021/slug", date(2021, 4, 4)),
        ("https://example.com/news/04-03-2021/slug", None),  # 4 March or April 3
        ("https://example.com/covid-19-25-2021", None),  # neither can be a month
    ],
)
def test_date_in_url(url: str, expected: date | None) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Veröffentlicht am 16.08.2019", "publish"),
        ("Mise en ligne 23 mai 2019", "publish"),
        ("Datum: 26. Januar 2022", "publish"),
        ("Stand: 28.04.2020 18:00 Uhr", "update"),
        ("zuletzt überarbeitet am 29. Mai 2019", "update"),
        ("Letzte Änderung: 14.01.2022 um 09:25", "update"),
        ("Registriert: 18.09.2008, 05:56", "other"),  # a forum user's sign-up
        ("Joined: Sep 18, 2008", "other"),
        ("(last edited 2019-11-10 13:28:18 by X)", "update"),
        ("Standard 28.04.2020", None),  # whole words only
        ("Im Zustand 28.04.2020", None),
        ("Preis 28.04.2020", None),
    ],
)
def test_marker_before_tells_publication_labels_from_update_labels(
    text: str, expected: str | None
) -> None:
    start = find_dates(text)[0][1]
    assert marker_before(text, start) == expected


# --- how the visible page's dates are read (byline.sources.dom_dates) ----------------------


def _published(html: str) -> list[str]:
    candidates = dom.candidates(parse(html, "https://example.org/page"))
    return [c.value.text for c in candidates if c.field is Field.PUBLISHED and holds_date(c)]


@pytest.mark.parametrize(
    "box",
    [
        "<div class='submitted'>Jane Doe, Fri, 04/03/2016 - 10:00</div>",
        "<p class='article-subline'>Jane Doe | 4 March 2016</p>",
        "<span class='parution'>4 mars 2016</span>",
        "<div class='publication-info'>4 March 2016</div>",
    ],
)
def test_the_boxes_cms_themes_date_pages_with_are_date_marked(box: str) -> None:
    html = f"<html><body><article><h1>Title</h1>{box}<p>Text.</p></article></body></html>"
    candidates = dom.candidates(parse(html, "https://example.org/page"))
    [first] = [c for c in candidates if c.field is Field.PUBLISHED and c.evidence.rank == 0]
    assert first.value.text.startswith("2016-03-04")
    assert first.evidence.how is Markup.DATE_MARKED_TEXT


_PROSE = "Der Gemeinderat hat am Dienstag den Ausbau des Netzes beschlossen. " * 4


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Published on Friday, 4 March 2016 by Jane Doe. ", ["2016-03-04"]),
        ("Veröffentlicht am 04.03.2016 von Anna Muster. ", ["2016-03-04"]),
        ("The report published on 4 March 2016 found that ", []),  # a sentence about it
        ("Der Bericht vom 04.03.2016 sagt, ", []),
    ],
)
def test_a_long_text_that_opens_with_a_label_gives_its_date(
    opening: str, expected: list[str]
) -> None:
    html = f"<html><body><article><h1>Netz</h1><p>{opening}{_PROSE}</p></article></body></html>"
    assert _published(html) == expected


def test_a_forum_users_sign_up_date_is_not_the_posts_date() -> None:
    html = (
        "<html><body><h1>Thema</h1><div class='post'>"
        "<dl class='postprofile'><dd><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>"
        "<p class='author'>von <a>r23</a> &raquo; 21.01.2009, 05:42</p>"
        "<div class='content'>Frage</div></div></body></html>"
    )
    assert _published(html) == ["2009-01-21T05:42:00"]


def test_a_date_split_into_a_calendar_badge_is_read_whole() -> None:
    html = (
        "<html><body><article><h1>Ein Beitrag</h1>"
        "<div class='date'><span class='month'>Apr</span> <span class='day'>04</span>"
        "<span class='year'>2013</span></div><p>Text des Beitrags.</p></article></body></html>"
    )
    assert _published(html)[0] == "2013-04-04"


@pytest.mark.parametrize(
    "line",
    [
        "<p>Posted on <strong>March 4</strong>, 2016 by Jane Doe</p>",
        "<div><span>04</span>/<span>03</span>/<span>2016</span></div>",
        "<p><em>Veröffentlicht am</em> <span>4. März</span> <span>2016</span></p>",
    ],
)
def test_a_date_split_over_the_elements_of_a_short_line_is_read_whole(line: str) -> None:
    html = f"<html><body><article><h1>Ein Beitrag</h1>{line}<p>{_PROSE}</p></article></body></html>"
    assert _published(html) == ["2016-03-04"]


def test_a_sentence_split_over_elements_is_not_read_as_a_date_line() -> None:
    html = (
        "<html><body><article><h1>Ein Beitrag</h1><p>Die Versammlung findet am <b>4. März</b>"
        " 2016 im Rathaus statt</p></article></body></html>"
    )
    assert _published(html) == []


def test_a_date_after_a_link_in_a_sentence_is_what_the_sentence_cites() -> None:
    """The text after a link goes on with the sentence before it: a court ruling's date
    cited there is no date line, though its own text only says "vom" before it."""
    cited = (
        "<p>Das Bundesgericht kassiert ein Urteil des Kantonsgerichts (<a href='/urteil'>BGer "
        "6B_1224/2019</a> vom 24.01.2020, Fünferbesetzung), das den Beamten verurteilt hatte.</p>"
    )
    html = f"<html><body><article><h1>Ein Beitrag</h1>{cited}</article></body></html>"
    assert _published(html) == []
    # a link with few words before the date is a date line's name: "Jane Doe 24.01.2020"
    line = "<p><a href='/autor'>Jane Doe</a> 24.01.2020, 10:00</p>"
    html = f"<html><body><article><h1>Ein Beitrag</h1>{line}<p>{_PROSE}</p></article></body></html>"
    assert _published(html) == ["2020-01-24T10:00:00"]


LONG_TEXT = " Energieverbraucher erhalten eine Preiserhöhung nach der nächsten." * 5


def test_a_dateline_opening_the_first_paragraph_beats_dates_of_a_menu() -> None:
    html = (
        "<html><body><ul class='mega-menu'><li><a>Anderes</a> <span>29.11.2022</span></li></ul>"
        "<div class='main-content has-double-sidebar'><h6>Entlastungen</h6>"
        f"<p>(21. November 2022){LONG_TEXT}</p></div></body></html>"
    )
    assert _published(html)[0] == "2022-11-21"


@pytest.mark.parametrize(
    "opening",
    [
        "Berlin, 21. November 2022 – ",
        "Montag, 21. November 2022 – ",
        "Berlin (dpa) 21. November 2022 – ",
        "BERLIN, 21. November 2022 (dpa) - ",
        "NEW YORK, Nov. 21, 2022 /PRNewswire/ -- ",
    ],
)
def test_a_dateline_after_a_place_a_weekday_or_before_an_agency_is_read(opening: str) -> None:
    html = f"<html><body><h1>Titel</h1><p>{opening}{LONG_TEXT}</p></body></html>"
    assert _published(html) == ["2022-11-21"]


@pytest.mark.parametrize(
    "opening",
    [
        "Am 6. Mai 2023 findet die Tagung statt.",
        "Sa., 22.01.2022, 9:00 – 17:00 Uhr:",
        "Seit dem 6. Mai 2023 – so die Polizei – ",
        "seit gestern, 6. Mai 2023 – ",
    ],
)
def test_a_sentence_or_event_that_begins_with_a_date_is_no_dateline(opening: str) -> None:
    html = f"<html><body><h1>Titel</h1><p>{opening}{LONG_TEXT}</p></body></html>"
    assert _published(html) == []


def test_script_data_dates_a_page_that_shows_no_date() -> None:
    data = '{"title": "Kaffee", "published_at": "2019-03-02T06:22:28+01:00"}'
    html = f"<html><head><script>var product = {data};</script></head><body><h1>Kaffee</h1>"
    assert _published(html) == ["2019-03-02T06:22:28+01:00"]
    # a date the page shows is read instead: the script's data also dates other items
    shown = html.replace("<h1>Kaffee</h1>", "<h1>Kaffee</h1><p>Veröffentlicht am 5. März 2019</p>")
    assert _published(shown) == ["2019-03-05"]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "window.dataLayer.push({pageType: 'article', datePublished: '2019-03-02T06:22:28Z'});",
            "2019-03-02T06:22:28+00:00",
        ),
        ('var meta = {"pubDate": "2019-03-02T06:22:28Z"};', "2019-03-02T06:22:28+00:00"),
        ("var publish_date = '2019-03-02T06:22:28Z';", "2019-03-02T06:22:28+00:00"),
        # the shapes sites name their date keys in
        ("var pubTime = '2019-03-02 06:22:28';", "2019-03-02T06:22:28"),
        ('window.data = {"firstPublishedAt": "2019-03-02T06:22:28"};', "2019-03-02T06:22:28"),
        ('dataLayer = [{"page_publication_date": "2019-03-02T06:22:28"}];', "2019-03-02T06:22:28"),
        ('var post = {"post_date_gmt": "2019-03-02 06:22:28"};', "2019-03-02T06:22:28"),
        (
            'var x = {"publication": "Die Zeit", "publishedOn": "2019-03-02T06:22:28"};',
            "2019-03-02T06:22:28",
        ),
    ],
)
def test_a_scripts_own_object_dates_a_page_that_shows_no_date(script: str, expected: str) -> None:
    html = f"<html><head><script>{script}</script></head><body><h1>Kaffee</h1><p>Text</p>"
    assert _published(html) == [expected]


@pytest.mark.parametrize(
    "widget",
    [
        '<span class="ago" title="2021-03-04 10:00">3 years ago</span>',
        '<abbr title="Thursday, March 4, 2021">vor 3 Jahren</abbr>',
        '<abbr class="published" title="2021-03-04T10:00:00+01:00">10:00</abbr>',
        # or from the day archive it links to
        'Posted <a href="/news/archive/2021/03/04">3 years ago</a>',
    ],
)
def test_a_date_shown_as_time_ago_is_read_from_its_tooltip(widget: str) -> None:
    html = f"<html><body><article><h1>Titel</h1><p>{widget}</p><p>Text.</p></article></body>"
    assert _published(html)[0].startswith("2021-03-04")


@pytest.mark.parametrize(
    "element",
    [
        '<img src="a.jpg" title="Screenshot 2020-09-13">',  # a picture's description
        '<a href="/web/20070502/" title="02 May 2007"><b>May</b></a>',  # an archive's calendar
        '<a href="/x" title="Bericht vom 02.05.2007 über die Sitzung des Rates">Mehr</a>',
    ],
)
def test_a_title_that_is_no_dates_tooltip_is_not_read(element: str) -> None:
    html = f"<html><body><article><h1>Titel</h1><p>{element}</p><p>Text.</p></article></body>"
    assert _published(html) == []


def test_a_publication_date_in_an_html_comment_dates_a_page_that_shows_none() -> None:
    html = "<html><body><h1>Titel</h1><p>Text.</p><!-- published: 2021-03-04 --></body></html>"
    assert _published(html) == ["2021-03-04"]
    cache = html.replace("published:", "Cached page generated by WP-Super-Cache on")
    assert _published(cache) == []  # a cache's date, not the article's
    shown = html.replace("<p>Text.</p>", "<p>Veröffentlicht am 5. März 2019</p>")
    assert _published(shown) == ["2019-03-05"]


_COMMENT_SECTION = (
    "<div id='comments' class='comments-area'><ol class='comment-list'><li class='comment'>"
    "<b class='fn'>Peter Miller</b> <time datetime='2021-03-06T09:00:00+00:00'>March 6, 2021"
    "</time><p>Finally some good news for the buses.</p></li></ol></div>"
)


def test_a_readers_comment_does_not_date_the_article() -> None:
    noted = (
        "<html><body><article><h1>Titel</h1><p>Text.</p></article><!-- published: 2021-03-04 -->"
        f"{_COMMENT_SECTION}</body></html>"
    )
    # the page's note is read although a comment shows a date, and ranks above it
    assert _published(noted) == ["2021-03-04", "2021-03-06T09:00:00+00:00"]
    shown = noted.replace("<p>Text.</p>", "<p class='date'>5. März 2021</p><p>Text.</p>")
    assert _published(shown) == ["2021-03-05", "2021-03-06T09:00:00+00:00"]


def test_the_first_post_dates_a_thread_whose_posts_are_named_as_comments() -> None:
    posts = "".join(
        f"<div class='forum-comment'><span class='comment-time'>{day}.09.19 10:00</span>"
        f"<p>{text}</p></div>"
        for day, text in (("28", "Seit dem Update geht es nicht mehr."), ("29", "Bei mir auch."))
    )
    html = f"<html><body><h1>Kein App Store über Mobilfunk</h1>{posts}</body></html>"
    assert _published(html)[0].startswith("2019-09-28")


def test_a_post_filed_under_a_category_named_comment_is_no_comment_section() -> None:
    html = (
        "<html><body><div class='post hentry category-der-kommentar'><h1>Titel</h1>"
        "<div class='meta'><div class='date'>2. August 2012</div></div><p>Text.</p>"
        "</div></body></html>"
    )
    assert _published(html) == ["2012-08-02"]
    # the same date in a section of readers' comments ranks below the page's note
    noted = html.replace("</h1>", "</h1><!-- published: 2012-08-01 -->")
    assert _published(noted) == ["2012-08-02"]
    in_comments = noted.replace("<div class='meta'>", "<div class='meta comments'>")
    assert _published(in_comments) == ["2012-08-01", "2012-08-02"]


def test_a_hidden_date_ranks_below_the_date_readers_see() -> None:
    html = (
        "<html><body><h1>Klimakonferenz</h1>"
        "<div style='display: none'><time itemprop='datePublished'"
        " datetime='2021-10-27T20:35:36+01:00'>2021-10-27T20:35:36+01:00</time></div>"
        "<p class='article-meta'>Berlin, 28.10.2021</p><p>Text.</p></body></html>"
    )
    assert _published(html)[0] == "2021-10-28"
    # a page that shows no date still has the hidden one
    assert _published(html.replace("<p class='article-meta'>Berlin, 28.10.2021</p>", "")) == [
        "2021-10-27T20:35:36+01:00"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Café statt.",
        "Abbildung: Satellitenbild bei St. Moritz vom 5.2.2020 (links) und die Schneekarte",
    ],
)
def test_a_date_inside_a_sentence_is_not_the_pages(sentence: str) -> None:
    html = f"<html><body><h1>Stammtisch</h1><p>{sentence}</p></body></html>"
    assert _published(html) == []


@pytest.mark.parametrize(
    "line",
    [
        "Hofheim am Taunus | Wiesbaden, 11. November 2021",  # a place, ending at the date
        "By Giovanni Gaggero | 11/11/2021 | Climate",  # a name before the date
        "Veröffentlicht von Max Mustermann am 11. November 2021 in Allgemein",  # a marker
        "Dieser Beitrag wurde am 11. November 2021 in der Kategorie News veröffentlicht.",
    ],
)
def test_a_date_line_with_a_place_or_a_name_is_read(line: str) -> None:
    html = f"<html><body><h1>Preis</h1><p>{line}</p><p>Text.</p></body></html>"
    assert _published(html) == ["2021-11-11"]


def test_a_sentence_in_a_date_box_is_a_date_line() -> None:
    line = "Written by John Smith on November 11, 2021 in Politics and World News"
    html = f"<html><body><h1>Preis</h1><div class='post-meta'>{line}</div><p>Text.</p>"
    assert _published(html) == ["2021-11-11"]
    assert _published(html.replace("class='post-meta'", "class='lead'")) == []


def test_dates_of_a_listing_are_not_the_pages() -> None:
    events = "".join(
        f"<li><span class='datum'>{day}.03.2020 18:00 Uhr</span> <a>Weinprobe {day}</a></li>"
        for day in (7, 14, 21)
    )
    html = f"<html><body><h1>Rioja</h1><p>Text.</p><ul class='list-group'>{events}</ul>"
    assert _published(html) == []
    # two dated items are not yet a listing (a post and its update, a pair of links)
    two = html.replace("<li><span class='datum'>21.03.2020", "<li><span>")
    assert _published(two)[0] == "2020-03-07T18:00:00"
    # a labelled date says what it dates, in a list or not
    labelled = html.replace("<li><span class='datum'>7.03", "<li>Veröffentlicht: <span>7.03")
    assert _published(labelled)[0] == "2020-03-07T18:00:00"


def test_the_posts_of_a_thread_are_no_listing() -> None:
    post = " Ich habe das gleiche Problem mit dem Update und finde keine Lösung dafür." * 5
    posts = "".join(
        f"<li class='message'><span class='DateTime'>{day}.03.2020</span><p>{post}</p></li>"
        for day in (7, 14, 21)
    )
    html = f"<html><body><h1>Update-Problem</h1><ol class='messageList'>{posts}</ol>"
    assert _published(html)[0] == "2020-03-07"


def test_a_dateline_with_a_two_digit_year_and_a_month_name_is_read() -> None:
    html = (
        "<html><body><h1>Orso marsicano</h1><div><em>( Pescasseroli, 14 Gennaio 20 )</em>"
        "<p>Sono almeno 9 le femmine di orso che si sono riprodotte nel 2019.</p></div>"
    )
    assert _published(html) == ["2020-01-14"]


def test_a_date_in_a_quotation_is_the_quoted_texts() -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p>I love it!</p>&mdash; Javier"
        " <a href='https://twitter.com/x/status/1'>16 May 2018</a></blockquote>"
    )
    html = f"<html><body><h1>Desktop</h1><p>Run Windows on a Mac.</p>{tweet}</body></html>"
    assert _published(html) == []
    shown = html.replace("<p>Run", "<p class='date'>3 February 2020</p><p>Run")
    assert _published(shown) == ["2020-02-03"]


def test_the_month_first_pattern_is_skipped_only_where_it_cannot_match() -> None:
    """``_DAY_BEFORE_YEAR`` is a shortcut, not a filter: wherever the month-first pattern
    finds a date, the shortcut finds its day and year."""
    from byline.dates import _DAY_BEFORE_YEAR, _MONTH_DAY_YEAR, MONTHS

    forms = ("{} 5, 2023", "{} 5th 2023", "{}. 31ST, 1999", "Updated {} 1\u00a0 2020 at 9:00")
    # (in capitals where they are a name's: "μαΐου" has none of one character each)
    texts = [form.format(name.upper() if i % 2 and name.upper().lower() == name else name)
             for i, name in enumerate(MONTHS) for form in forms]  # fmt: skip
    texts += ["June 2023", "5 June 2023", "June 5, 20233", "Juneteenth 5, 2023"]
    matched = [text for text in texts if _MONTH_DAY_YEAR.search(text)]
    assert len(matched) >= len(MONTHS) * len(forms)
    assert all(_DAY_BEFORE_YEAR.search(text) for text in matched)
    assert find_dates("Posted June 5th, 2023 by Jane")[0][0] == date(2023, 6, 5)


def _upper(name: str) -> str:
    return name.upper() if name.upper().lower() == name else name


def test_the_month_name_patterns_with_marks_are_skipped_only_where_they_cannot_match() -> None:
    """``_DASHED_MONTH`` and ``_DOTTED_MONTH`` are shortcuts, not filters: wherever a pattern
    of a month name between dashes or slashes, or after a year's dot, finds a date, its
    shortcut finds the number and the month name's first letter."""
    from byline.dates import (
        _DASHED_MONTH,
        _DAY_DASHED_MONTH_SHORT_YEAR,
        _DAY_DASHED_MONTH_YEAR,
        _DOTTED_MONTH,
        _YEAR_DASHED_MONTH_DAY,
        _YEAR_DOT_MONTH_DAY,
        MONTHS,
    )

    cases = {
        _DAY_DASHED_MONTH_YEAR: (_DASHED_MONTH, ("04-{}-2016", "4/{}./2016", "(31-{}-1999)")),
        _DAY_DASHED_MONTH_SHORT_YEAR: (_DASHED_MONTH, ("04-{}-16", "4-{}.-16", "(31-{}-99)")),
        _YEAR_DASHED_MONTH_DAY: (_DASHED_MONTH, ("2016-{}-04", "2016/{}/4", "at 2016-{}.-31")),
        _YEAR_DOT_MONTH_DAY: (_DOTTED_MONTH, ("2016. {} 4.", "2016.{}4", "on 1999.  {} 31")),
    }
    for pattern, (shortcut, forms) in cases.items():
        # capitals where they spell the same name back ("μαΐου" gains a combining accent)
        texts = [form.format(_upper(name) if i % 2 else name) for i, name in enumerate(MONTHS)
                 for form in forms]  # fmt: skip
        matched = [text for text in texts if pattern.search(text)]
        assert len(matched) >= len(MONTHS) * len(forms)
        assert all(shortcut.search(text) for text in matched)
    assert find_dates("Posted 04-Mar-2016 by Jane")[0][0] == date(2016, 3, 4)
    assert find_dates("Frissítve: 2016. március 4.")[0][0] == date(2016, 3, 4)


# --- the page's stated date against the dates of other items (byline.reconcile.dates) -------

_STORY = "\n".join(
    f"<p>Der Gemeinderat hat am Dienstag den Ausbau des Netzes beschlossen, Absatz {i}.</p>"
    for i in range(12)
)
_SIDEBAR = "\n".join(
    ["<aside class='sidebar'><h3>Mehr Nachrichten</h3><ul>"]
    + [f"<li><a href='/x{i}'>Eine andere Meldung Nummer {i}</a></li>" for i in range(30)]
    + ["<li><a href='/y'>Die letzte</a> <span class='date'>01.02.2020</span></li></ul></aside>"]
)


def _record_published(head: str, around: str = _SIDEBAR) -> str | None:
    html = (
        f"<html><head><title>Netzausbau</title>{head}</head><body>\n<article>"
        f"<h1>Netzausbau</h1>\n{_STORY}\n</article>\n{around}\n</body></html>"
    )
    published = byline.extract(html, url="https://example.org/news/netz").published
    return published.isoformat() if published is not None else None


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="datePublished" content="2021-03-04">',
        '<meta name="publication_date" content="2021-03-04">',
        '<meta name="date" content="2021-03-04">',
        '<meta name="DC.date.issued" content="2021-03-04">',
        '<meta property="article:published_time" content="2021-03-04">',
    ],
)
def test_a_stated_publication_date_beats_a_date_shown_in_a_sidebar(meta: str) -> None:
    assert _record_published(meta) == "2021-03-04"


def test_a_date_shown_in_the_article_still_outvotes_a_plain_meta_date() -> None:
    shown = "<p class='date'>Veröffentlicht am 05.03.2021</p>"
    html_head = '<meta name="date" content="2021-03-04">'
    assert _record_published(html_head, around="") == "2021-03-04"
    html = (
        f"<html><head><title>Netzausbau</title>{html_head}</head><body>\n<article>"
        f"<h1>Netzausbau</h1>\n{shown}\n{_STORY}\n</article>\n</body></html>"
    )
    published = byline.extract(html, url="https://example.org/news/netz").published
    assert published is not None and published.isoformat() == "2021-03-05"


def test_a_sidebar_date_still_dates_a_page_that_states_none() -> None:
    assert _record_published("") == "2020-02-01"


def _published_at(url: str, head: str) -> str | None:
    html = (
        f"<html><head><title>Netzausbau</title>{head}</head><body>\n<article>"
        f"<h1>Netzausbau</h1>\n{_STORY}\n</article>\n</body></html>"
    )
    published = byline.extract(html, url=url).published
    return published.isoformat() if published is not None else None


_RESTAMPED = (
    '<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Netzausbau",'
    ' "datePublished": "2019-06-17T18:28:00+02:00"}</script>'
)


def test_the_day_in_the_address_beats_a_restamp_months_later() -> None:
    url = "https://example.org/home/2017/7/12/netzausbau"
    assert _published_at(url, _RESTAMPED) == "2017-07-12"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/news/2019/06/10/netzausbau",  # updated within days: the metadata's
        "https://example.org/news/2019/08/10/netzausbau",  # the address later: the metadata's
        "https://example.org/news/netzausbau",  # no day in the address
    ],
)
def test_a_stated_date_near_or_before_the_addresss_day_stays(url: str) -> None:
    assert _published_at(url, _RESTAMPED) == "2019-06-17T18:28:00+02:00"


@pytest.mark.parametrize("attribute", ["property", "name"])
def test_the_shared_address_dates_a_page_whose_own_address_has_no_day(attribute: str) -> None:
    head = f'<meta {attribute}="og:url" content="https://example.org/2016/03/04/netzausbau">'
    assert _published_at("https://example.org/?p=123", head) == "2016-03-04"
    assert _published_at("https://example.org/2016/03/05/netzausbau", head) == "2016-03-05"


def _published_in(lang: str, stated: str, shown: str = "") -> str | None:
    html = (
        f"<html lang='{lang}'><head><title>Netzausbau</title>"
        f"<meta property='article:published_time' content='{stated}'></head><body>\n<article>"
        f"<h1>Netzausbau</h1>{shown}\n{_STORY}\n</article>\n</body></html>"
    )
    published = byline.extract(html, url="https://example.org/news/netz").published
    return published.isoformat() if published is not None else None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "2016-03-04T01:30:00+09:00"),  # the day Japanese readers saw
        ("zh-CN", "2016-03-04T00:30:00+08:00"),
        ("de-DE", "2016-03-03T17:30:00+01:00"),  # the same day: only the clock changes
        ("es", "2016-03-03T16:30:00+00:00"),  # Spanish is read in many zones: UTC's day
        ("en-US", "2016-03-03T16:30:00+00:00"),
        ("es-CO", "2016-03-03T11:30:00-05:00"),
    ],
)
def test_a_utc_time_is_read_in_the_zone_of_the_pages_language(lang: str, expected: str) -> None:
    assert _published_in(lang, "2016-03-03T16:30:00Z") == expected


def test_a_utc_midnight_or_a_utc_clock_the_page_shows_keeps_its_day() -> None:
    assert _published_in("es-CO", "2016-03-04T00:00:00Z") == "2016-03-04T00:00:00+00:00"
    shown = "<p class='date'>04.03.2016 02:00</p>"  # the page prints the UTC clock as its own
    assert _published_in("es-CO", "2016-03-04T02:00:00Z", shown)[:10] == "2016-03-04"


# --- dates the page holds as machine data: data attributes, Unix times, other addresses -----


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        ("<div class='timeline__arrow' data-date='18. März 2020'></div>", "2020-03-18"),
        ("<span class='ts' data-timestamp='1584532800'></span>", "2020-03-18T12:00:00+00:00"),
        ("<span data-time='1584532800000'>vor 3 Jahren</span>", "2020-03-18T12:00:00+00:00"),
        (
            "<abbr class='timestamp' data-utime='1584532800'>Mittwoch</abbr>",
            "2020-03-18T12:00:00+00:00",
        ),
        ("<div data-publish-date='2020-03-18T10:00:00Z'></div>", "2020-03-18T10:00:00+00:00"),
        ("<time data-date='2020-03-18'>Mittwoch</time>", "2020-03-18"),
        ("<span data-livestamp='1584532800'></span>", "2020-03-18T12:00:00+00:00"),
        (
            "<span data-publishedAt='2020-03-18T10:00:00Z'>vor 3 Jahren</span>",
            "2020-03-18T10:00:00+00:00",
        ),
        (
            "<abbr class='ago' datetime='2020-03-18T10:00:00Z'>vor 3 Jahren</abbr>",
            "2020-03-18T10:00:00+00:00",
        ),
    ],
)
def test_a_date_in_a_data_attribute_that_names_one_is_read(element: str, expected: str) -> None:
    html = f"<html><body><article><h1>Titel</h1>{element}<p>Text.</p></article></body></html>"
    candidates = dom.candidates(parse(html, "https://example.org/page"))
    [first] = [c for c in candidates if c.field is Field.PUBLISHED and c.evidence.rank == 0]
    assert first.value.text == expected
    assert first.evidence.how is Markup.DATA_ATTRIBUTE


@pytest.mark.parametrize(
    "element",
    [
        "<div data-event-date='2020-03-18'>Konzert</div>",  # another thing's date
        "<input data-min-date='2020-03-18'>",  # a date picker's bound
        "<div class='sqs-layout' data-updated-on='1584532800000'></div>",  # a layout block's
        "<input data-date-format='2020-03-18'>",  # no date at all, whatever it holds
        "<div data-timeout='1584532800'>x</div>",  # "time" inside another word
        "<span data-id='1584532800'>x</span>",  # digits under a name that says no date
    ],
)
def test_a_data_attribute_whose_name_dates_something_else_is_not_read(element: str) -> None:
    html = f"<html><body><article><h1>Titel</h1>{element}<p>Text.</p></article></body></html>"
    assert _published(html) == []


def test_a_data_attribute_ranks_below_the_date_the_page_shows() -> None:
    html = (
        "<html><body><article><h1>Titel</h1><div data-date='2020-03-10'></div>"
        "<p class='date'>18.03.2020</p><p>Text.</p></article></body></html>"
    )
    assert _published(html) == ["2020-03-18", "2020-03-10"]


@pytest.mark.parametrize(
    "script",
    [
        'var meta = {"datePublished": 1584532800};',
        'window.__DATA__ = {"published_at": 1584532800000, "id": 42};',
    ],
)
def test_a_unix_time_under_a_scripts_date_key_dates_a_page_that_shows_none(script: str) -> None:
    html = f"<html><head><script>{script}</script></head><body><h1>Kaffee</h1><p>Text</p>"
    assert _published(html) == ["2020-03-18T12:00:00+00:00"]


def test_a_unix_time_is_a_date_only_under_a_date_key() -> None:
    assert parse_stated_date("1584532800") == datetime(2020, 3, 18, 12, tzinfo=UTC)
    assert parse_stated_date("1584532800123") == datetime(2020, 3, 18, 12, tzinfo=UTC)
    assert parse_date("1584532800") is None  # free text: ten digits are an ID
    assert parse_stated_date("158453280") is None  # nine digits: no Unix time of the web


def test_a_unix_time_in_a_meta_date_tag_is_read() -> None:
    head = '<meta property="article:published_time" content="1584532800">'
    assert _published_at("https://example.org/netzausbau", head) == "2020-03-18T12:00:00+00:00"


@pytest.mark.parametrize(
    "link",
    [
        '<link rel="amphtml" href="https://example.org/2020/03/18/netzausbau/amp/">',
        '<link rel="alternate" media="print" href="https://example.org/print/2020/03/18/x">',
        '<link rel="alternate" type="application/json+oembed" href="https://example.org/'
        'oembed/1.0/embed?url=https%3A%2F%2Fexample.org%2F2020%2F03%2F18%2Fnetzausbau%2F">',
    ],
)
def test_the_address_of_the_pages_other_form_dates_a_page_whose_own_has_no_day(link: str) -> None:
    assert _published_at("https://example.org/?p=123", link) == "2020-03-18"
    assert _published_at("https://example.org/2020/03/19/netzausbau", link) == "2020-03-19"


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="og:image" content="https://cdn.example.org/img/2020/03/18/foto.jpg">',
        '<img src="https://cdn.example.org/img/2020/03/18/foto.jpg" alt="Foto">',
    ],
)
def test_the_folders_of_a_pages_picture_date_a_page_that_shows_no_date(markup: str) -> None:
    html = f"<html><head>{markup}</head><body><article><h1>Titel</h1>{markup}<p>Text.</p>"
    assert _published(html) == ["2020-03-18"]
    named = markup.replace("img/2020/03/18/foto.jpg", "uploads/2020/03/IMG_20200318_1030.jpg")
    assert _published(named.replace(markup, named)) == []  # a photo's own date, not the story's
    shown = html.replace("<p>Text.</p>", "<p>Veröffentlicht am 5. März 2020</p>")
    assert _published(shown) == ["2020-03-05"]


@pytest.mark.parametrize(
    "weak",
    [
        "<div data-date='2020-03-10'></div>",
        "<img src='https://cdn.example.org/img/2020/03/10/foto.jpg' alt='Foto'>",
    ],
)
def test_a_weak_date_does_not_override_the_stated_publication(weak: str) -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Netzausbau",'
        ' "datePublished": "2020-03-18T10:00:00+01:00"}</script>'
    )
    html = (
        f"<html><head><title>Netzausbau</title>{head}</head><body>\n<article>"
        f"<h1>Netzausbau</h1>{weak}\n{_STORY}\n</article>\n</body></html>"
    )
    published = byline.extract(html, url="https://example.org/netzausbau").published
    assert published is not None and published.isoformat() == "2020-03-18T10:00:00+01:00"


@pytest.mark.parametrize(
    "call",
    [
        "<span class='date'><script>document.write(timeSince('2020-03-18 10:00'))</script></span>",
        "<div class='meta'><script>document.write(moment(1584532800000).fromNow())</script></div>",
    ],
)
def test_a_date_an_inline_script_writes_in_a_date_marked_element_is_read(call: str) -> None:
    html = f"<html><body><article><h1>Titel</h1>{call}<p>Text.</p></article></body></html>"
    assert _published(html)[0].startswith("2020-03-18")


@pytest.mark.parametrize(
    "script",
    [
        "<div class='countdown'><script>countdown('2020-03-18 10:00')</script></div>",
        "<p><script>setCookie('seen', '2020-03-18 10:00')</script></p>",
        "<p><script>document.write(formatDate('2020-03-18 10:00'))</script></p>",  # unmarked
    ],
)
def test_a_date_in_a_script_outside_a_date_marked_element_is_not_read(script: str) -> None:
    html = f"<html><body><article><h1>Titel</h1>{script}<p>Text.</p></article></body></html>"
    assert _published(html) == []


@pytest.mark.parametrize("shown", ["۱۸ مارس ۲۰۲۰", "١٨ مارس ٢٠٢٠", "१८ मार्च २०२०"])
def test_a_date_in_the_digits_of_another_script_is_read_on_the_page(shown: str) -> None:
    html = f"<html><body><article><h1>Titel</h1><span>{shown}</span><p>Text.</p></article>"
    assert _published(html) == ["2020-03-18"]


_FILED = (
    " and is filed under News. You can follow any responses to this entry through the feed." * 2
)


@pytest.mark.parametrize(
    "note",
    [
        "This entry was posted on Wednesday, March 18th, 2020 at 10:00 am",
        "Dieser Eintrag wurde am 18. März 2020 um 10:00 Uhr veröffentlicht",
        "Esta entrada fue publicada el miércoles, 18 de marzo de 2020 a las 10:00",
        "Cet article a été publié le mercredi 18 mars 2020 à 10:00",
    ],
)
def test_a_blogs_closing_note_that_names_the_page_gives_its_date(note: str) -> None:
    html = f"<html><body><article><h1>Titel</h1><p>Text.</p><p>{note}{_FILED}</p></article>"
    assert _published(html)[0].startswith("2020-03-18")


def test_a_paragraph_about_the_page_that_says_no_publication_gives_no_date() -> None:
    prose = "This article covers the vote of 18 March 2020 in the county, when the council met"
    html = f"<html><body><article><h1>Titel</h1><p>{prose}{_FILED}</p></article></body>"
    assert _published(html) == []


_SHAPES = (
    "2023-06-23",
    "2023-06-23T09:33:00Z",
    "20230623",
    "2023/06/23",
    "2023.06.23",
    "2023. 6. 23.",
    "23.06.2023",
    "23/06/2023",
    "23-06-2023",
    "23. 06. 2023",
    "23 | 06 | 2023",
    "23.06.23",
    "2016. gada 4. marts",
    "ngày 4 tháng 3 năm 2016",
    "2023年6月23日",
    "2023년 6월 23일",
)
"""A date in each numeric shape ``find_dates`` reads."""
_OTHER_MARKS = (" ", "", ",", ":", "_", "–", "/", ".", "-", "|", " | ", "年", "월", "x")


def _variants(shape: str) -> set[str]:
    """``shape`` with each of its non-digit marks replaced by every other mark in turn."""
    variants = {shape}
    for i, char in enumerate(shape):
        if not char.isdigit():
            variants |= {shape[:i] + other + shape[i + 1 :] for other in _OTHER_MARKS}
    return variants


@pytest.mark.parametrize("shape", _SHAPES)
def test_every_match_of_a_date_pattern_holds_what_its_gate_looks_for(shape: str) -> None:
    """``find_dates`` tries a pattern only on a text holding one of its ``_HELD`` marks: no
    match of the pattern may lack them, whatever marks stand between the numbers."""
    for text in _variants(shape):
        for pattern, held in _HELD.items():
            if pattern.search(text) is not None:
                assert any(mark in text for mark in held), (pattern.pattern, text)


@pytest.mark.parametrize("shape", [s for s in _SHAPES if s != "20230623"])
def test_a_numeric_date_is_found_through_its_gate(shape: str) -> None:
    found = find_dates(f"Published {shape}")
    assert found and found[0][0].year in (2016, 2023), shape


# --- numeric dates in the page's order: "06/12/2020" is 6 December, or June 12 in the US ------


def test_numbers_with_slashes_or_dashes_are_read_month_first_when_the_page_writes_so() -> None:
    assert find_dates("06/12/2020")[0][0] == date(2020, 12, 6)
    assert find_dates("06/12/2020", month_first=True)[0][0] == date(2020, 6, 12)
    assert find_dates("06-12-2020", month_first=True)[0][0] == date(2020, 6, 12)
    assert find_dates("06.12.2020", month_first=True)[0][0] == date(2020, 12, 6)  # dots: never
    assert find_dates("25/12/2020", month_first=True)[0][0] == date(2020, 12, 25)  # one reading


@pytest.mark.parametrize(
    ("texts", "language", "host", "expected"),
    [
        (["Posted 06/25/2020", "06/12/2020"], "de", None, True),  # its own dates decide...
        (["25/06/2020", "26/06/2020", "06/27/2020"], "en-US", None, False),  # ...the most of them
        ([], "en-US", None, True),
        ([], "en", "www.nytimes.com", True),
        ([], "en", "www.bbc.co.uk", False),
        ([], "en-GB", "example.com", False),
        ([], "de", "example.com", False),
        ([], None, "example.com", False),
    ],
)
def test_which_order_a_page_writes_numeric_dates_in(
    texts: list[str], language: str | None, host: str | None, expected: bool
) -> None:
    assert writes_month_first(texts, language, host) is expected


def test_an_address_of_either_order_is_read_in_the_pages_order() -> None:
    url = "https://example.com/news/06-12-2020/harbour"
    assert date_in_url(url) is None
    assert date_in_url(url, month_first=False) == date(2020, 12, 6)
    assert date_in_url(url, month_first=True) == date(2020, 6, 12)
    assert date_in_url("https://example.com/news/13-06-2020/x", month_first=True) == date(
        2020, 6, 13
    )


@pytest.mark.parametrize(
    ("lang", "url", "expected"),
    [
        ("en-US", "https://news.example.com/harbour", date(2020, 6, 12)),
        ("de", "https://news.example.com/harbour", date(2020, 12, 6)),
        ("en", "https://www.example.co.uk/harbour", date(2020, 12, 6)),
        ("en-US", "https://news.example.com/06-12-2020/harbour", date(2020, 6, 12)),
        ("fr", "https://news.example.com/06-12-2020/harbour", date(2020, 12, 6)),
    ],
)
def test_a_page_shows_and_addresses_its_day_in_its_own_order(
    lang: str, url: str, expected: date
) -> None:
    shown = "" if "06-12-2020" in url else "<p class='date'>Posted 06/12/2020</p>"
    text = "The harbour authority suspended the ferry service after strong winds, it said."
    html = (
        f"<html lang='{lang}'><head><title>Ferry service suspended</title></head><body>"
        f"<article><h1>Ferry service suspended</h1>{shown}{f'<p>{text}</p>' * 4}</article>"
        "</body></html>"
    )
    article = byline.extract(html.encode(), url=url)
    assert article.published is not None
    assert article.published.isoformat()[:10] == expected.isoformat()
