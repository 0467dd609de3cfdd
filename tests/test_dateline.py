import pytest

from byline.dateline import find_dateline


@pytest.mark.parametrize(
    ("opening", "place", "agency", "day"),
    [
        ("MOSCOW (Sputnik) - Japanese Foreign Minister", "MOSCOW", "Sputnik", None),
        ("LONDON (Reuters) - Britain's economy", "LONDON", "Reuters", None),
        ("WASHINGTON, June 5 (AP) — The Senate", "WASHINGTON", "AP", "June 5"),
        ("SAN JUAN, Puerto Rico (AP) — A storm", "SAN JUAN, Puerto Rico", "AP", None),
        ("Berlin (dpa) - Die Bundesregierung", "Berlin", "dpa", None),
        ("Frankfurt/Main (dpa) - Die Börse", "Frankfurt/Main", "dpa", None),
        ("Paris, 3 mars (AFP) - Le gouvernement", "Paris", "AFP", "3 mars"),
        ("Rio de Janeiro (Reuters) - Brazil", "Rio de Janeiro", "Reuters", None),
        ("NEW YORK — The city council", "NEW YORK", None, None),
        ("(서울=연합뉴스) 홍길동 기자 = 정부는", "서울", "연합뉴스", None),  # Korean agencies
        ("[세종=뉴시스]홍길동 기자 = 정부는", "세종", "뉴시스", None),
        ("新华社北京3月5日电（记者张伟）国务院", "北京", "新华社", "3月5日"),  # Chinese agencies
        ("中新网上海3月5日电 (记者 张伟) 上海市", "上海", "中新网", "3月5日"),
    ],
)
def test_datelines_are_parsed(opening, place, agency, day):
    dateline = find_dateline(opening)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.date) == (place, agency, day)
    assert opening.startswith(dateline.text)


@pytest.mark.parametrize(
    "opening",
    [
        "The cat - is not a dateline",
        "Über den Wolken (und so) - muss die Freiheit",
        "Yesterday - as expected - nothing happened",
        "",
        "In 2023 (as before) - prices rose",
        "(서울에서) 홍길동 기자는",  # brackets without an agency
        "今天北京市发布了新的电力政策",
    ],
)
def test_ordinary_openings_are_not_datelines(opening):
    assert find_dateline(opening) is None


def test_a_dateline_after_the_lead_is_found():
    body = "The city will pay twice the price, auditors found.\n\nLONDON (Reuters) - The tram"
    dateline = find_dateline(body)
    assert dateline is not None and (dateline.place, dateline.agency) == ("LONDON", "Reuters")


def test_a_dateline_deep_in_the_article_is_none():
    lead = "The city will pay twice the price, auditors found."
    assert find_dateline("\n\n".join([lead] * 3 + ["LONDON (Reuters) - The tram"])) is None
