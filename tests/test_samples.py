"""The bundled sample pages (``samples/``): the key facts of each record.

The pages are ours (see ``samples/README.md``); each entry below says what a
reader of the page sees, and so what the record must hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from conftest import SAMPLES

import byline


@dataclass(frozen=True)
class Expected:
    title: str
    published: datetime | date
    authors: list[str]
    language: str
    body_starts: str | None  # None where what opens the body is debatable (a standfirst)
    in_body: list[str]
    not_in_body: list[str] = field(default_factory=list)


EXPECTED = {
    "harbour-gazette-wire.html": Expected(
        title="Port Authority Approves Tidal Barrier After Decade of Delays",
        published=datetime(2024, 3, 14, 11, 2, tzinfo=UTC),
        authors=["Daniel Okafor"],
        language="en-GB",
        body_starts="The barrier, designed to protect 12,000 homes from storm surges, will cost an "
        "estimated £1.4 billion and take six years to build.\n\nLONDON (Harbour Wire) - The "
        "Thames Estuary Port Authority on Thursday",
        in_body=[
            '"This is the most important decision this authority has taken in a generation,"',
            "Finally somebody is doing something that lasts.",
        ],
        not_in_body=[
            "use cookies to personalise content",
            "Subscribe from £1 a week",
            "Storm floods quayside businesses",
            "Share this article",
            "Most read",
            "Lifeboat crew rescue",
            "All rights reserved",
        ],
    ),
    "rheinblick-de.html": Expected(
        title="Neue Fähre verbindet Altstadt und Hafeninsel",
        published=date(2012, 5, 31),
        authors=["Anna Schmidt"],
        language="de",
        body_starts=None,
        in_body=[
            "Pünktlich um sieben Uhr legte die „Rheinperle“",
            "„Wir haben lange auf diesen Tag gewartet“, sagte Wendt",
            "die Regel nach den ersten drei Monaten zu überprüfen.",
        ],
        not_in_body=[
            "Diese Website verwendet Cookies",
            "Lesen Sie auch",
            "Sanierung der Autobahnbrücke dauert länger",
            "Drucken",
            "Endlich! Ich bin heute schon zweimal gefahren.",
            "Meistgelesen",
            "Impressum",
        ],
    ),
    "le-courrier-des-quais-fr.html": Expected(
        title="La médiathèque du port rouvre après deux ans de travaux",
        published=datetime(2021, 3, 3, 7, 15, tzinfo=timezone(timedelta(hours=1))),
        authors=["Camille Durand"],
        language="fr-FR",
        body_starts=None,
        in_body=[
            "Il y avait foule, mercredi matin",
            "« Nous voulions un lieu où l'on vienne aussi pour travailler",
            "renouveler leur carte à l'accueil.",
        ],
        not_in_body=[
            "nous et nos partenaires utilisons des cookies",
            "À lire aussi",
            "Le festival des voiles reporté",
            "Les plus lus",
            "Recevez chaque matin",
            "Tous droits réservés",
        ],
    ),
    "lantern-notes-blog.html": Expected(
        title="Restoring a 1950s rowing boat, part 3: the transom",
        published=date(2022, 9, 18),
        authors=["Tom Penhale"],
        language="en",
        body_starts="The transom turned out to be worse than I thought.",
        in_body=[
            "The wood tells you when to stop.",
            "Next time: the knee, the new screws, and the first coat of epoxy.",
        ],
        not_in_body=[
            "Small boats, slow projects",
            "Part 2: stripping the hull",
            "thoughts on this post",
            "Lovely work",
            "Leave a reply",
            "Sharpening plane irons",
            "Powered by a very old laptop",
        ],
    ),
    "valley-courier-no-jsonld.html": Expected(
        title="School board votes to keep four-day week for another year",
        published=datetime(2023, 5, 9, 21, 48, tzinfo=timezone(timedelta(hours=-6))),
        authors=["Rosa Delgado", "Ben Whitaker"],
        language="en-US",
        body_starts="The Pine Valley school board voted 4-1 on Tuesday night",
        in_body=[
            '"Our attendance went up and our teacher vacancies went down,"',
            "before deciding whether to make the schedule permanent.",
        ],
        not_in_body=[
            "E-Edition",
            "Obituaries",
            "Advertisement",
            "Filed under",
            "You may also like",
            "Highway 14 closure",
            "Sunny, high of 72",
            "All rights reserved",
        ],
    ),
}


@pytest.fixture(scope="module")
def records() -> dict[str, byline.Article]:
    return {name: byline.extract((SAMPLES / name).read_bytes()) for name in EXPECTED}


def test_every_sample_page_has_expectations() -> None:
    assert sorted(path.name for path in SAMPLES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_boilerplate_strings_are_on_the_page(name: str) -> None:
    # a boilerplate check is only worth something if the string is there to leak
    page = (SAMPLES / name).read_text(encoding="utf-8")
    assert [text for text in EXPECTED[name].not_in_body if text not in page] == []


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_title(records: dict[str, byline.Article], name: str) -> None:
    assert records[name].title == EXPECTED[name].title


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_published(records: dict[str, byline.Article], name: str) -> None:
    published = records[name].published
    expected = EXPECTED[name].published
    if isinstance(expected, datetime):
        assert isinstance(published, datetime)
        assert published.utcoffset() is not None
        assert published == expected
    else:
        # only the day is machine-certain; a time, if given, must be on that day and,
        # as the record contract says, timezone-aware (else the record holds the date)
        assert published is not None
        if isinstance(published, datetime):
            assert published.utcoffset() is not None, f"naive datetime {published}"
            assert published.date() == expected
        else:
            assert published == expected


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_authors(records: dict[str, byline.Article], name: str) -> None:
    assert [person.name for person in records[name].authors] == EXPECTED[name].authors


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_language(records: dict[str, byline.Article], name: str) -> None:
    assert records[name].language == EXPECTED[name].language


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_body_text(records: dict[str, byline.Article], name: str) -> None:
    body = records[name].body or ""
    if EXPECTED[name].body_starts is not None:
        assert body.startswith(EXPECTED[name].body_starts)
    for text in EXPECTED[name].in_body:
        assert text in body


@pytest.mark.parametrize("name", EXPECTED)
def test_sample_body_has_no_boilerplate(records: dict[str, byline.Article], name: str) -> None:
    body = records[name].body or ""
    assert [text for text in EXPECTED[name].not_in_body if text in body] == []


def test_wire_sample_dateline(records: dict[str, byline.Article]) -> None:
    dateline = records["harbour-gazette-wire.html"].dateline
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("LONDON", "Harbour Wire")


def test_microdata_blog_facts_come_from_microdata(records: dict[str, byline.Article]) -> None:
    article = records["lantern-notes-blog.html"]
    assert article.modified == date(2022, 9, 20)
    assert article.provenance["published"].source == "microdata"
    assert article.provenance["authors"].source in {"microdata", "dom"}
