"""byline.authors: names from byline strings, people versus organisations."""

from __future__ import annotations

import pytest

from byline.authors import is_person_name, split_names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By John Smith", ["John Smith"]),
        ("Von Anna Muster und Max Beispiel | 23.06.2023", ["Anna Muster", "Max Beispiel"]),
        ("Par Jean-Luc Picard et Marie Curie", ["Jean-Luc Picard", "Marie Curie"]),
        ("Por Gabriel García Márquez y Rocío Latorre", ["Gabriel García Márquez", "Rocío Latorre"]),
        ("Di Mario Rossi", ["Mario Rossi"]),
        ("Door Jan de Vries", ["Jan de Vries"]),
        ("Autor: Hans Meier", ["Hans Meier"]),
        ("Autorin: Anna Muster", ["Anna Muster"]),
        ("Text: Eva Maria Schulz", ["Eva Maria Schulz"]),
        ("Written by Jane Doe, Reuters", ["Jane Doe"]),
        ("Posted by admin", []),
        ("Ein Beitrag von Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("John Smith | Reporter", ["John Smith"]),
        ("John Smith - 23.06.2023", ["John Smith"]),
        ("John Smith updated 5 min ago", ["John Smith"]),
        ("John Smith john.smith@example.com", ["John Smith"]),
        ("Jane Doe @janedoe", ["Jane Doe"]),
        ("A Anders, B Bertram & C Cäsar", ["A Anders", "B Bertram", "C Cäsar"]),
        ("A Anders; B Bertram", ["A Anders", "B Bertram"]),
        ("Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("JOHN SMITH", ["John Smith"]),
        ("JEAN-LUC VON DER LEYEN", ["Jean-Luc von der Leyen"]),
        ("By John Smith, June 5, 2023", ["John Smith"]),
        ("von Max Muster am 23.06.2023 um 10:00", ["Max Muster"]),
        ("Veröffentlicht von Chris Jung", ["Chris Jung"]),
        ("Heinz Steiner Weitere Beiträge", ["Heinz Steiner"]),
        ("Adrian Padeanu Übersetzt von: Roland Hildebrandt", ["Adrian Padeanu"]),
        ("Perry Bacon Jr.", ["Perry Bacon Jr."]),
        ("By Staff", []),
        # lower-case "von" before a handle; bullets and arrows around names
        ("von gizzmo", ["gizzmo"]),
        ("Von Kathrin", ["Von Kathrin"]),
        ("· eseppelt", ["eseppelt"]),
        ("mywakenews →", ["mywakenews"]),
        # a byline that starts after other words
        ("Disko Von Ernst Lohoff", ["Ernst Lohoff"]),
        ("Martin Junker Alles von Martin Junker Kontakt | +49 30 123", ["Martin Junker"]),
        ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
        ("Eine Kolumne von Nils Pickert", ["Nils Pickert"]),
        ("Maria Anna von Berg", ["Maria Anna von Berg"]),
        # credits, labels, degrees, agency codes and invisible characters
        ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("Autor: Klausmartin Friedrich Tags: 1907, Büssing", ["Klausmartin Friedrich"]),
        ("Sara Zinnecker Stand: 12.03.2023", ["Sara Zinnecker"]),
        ("Grant Tinsley, PhD", ["Grant Tinsley"]),
        ("Autor: Peter Maahn/SP-X", ["Peter Maahn"]),
        ("Mat\u00adthi\u00adas Lauerer", ["Matthias Lauerer"]),
        ("Glen Owen and Brendan Carlin for The Mail on Sunday", ["Glen Owen", "Brendan Carlin"]),
        ("Isabel Caro y José Miguel Wilson Hace 13 horas", ["Isabel Caro", "José Miguel Wilson"]),
        # handles with digits are people's user names
        ("von r23", ["r23"]),
        ("freeman1984", ["freeman1984"]),
        ("By", []),
        ("", []),
    ],
)
def test_split_names(raw: str, expected: list[str]) -> None:
    assert split_names(raw) == expected


@pytest.mark.parametrize("value", [None, 3, ["John Smith"], "x" * 5000])
def test_split_names_never_crashes(value: object) -> None:
    assert split_names(value) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        "Staff",
        "Redaktion",
        "Editorial Board",
        "AFP",
        "dpa",
        "Reuters",
        "Associated Press",
        "Admin",
        "Unknown",
        "Guest",
        "News Desk",
        "Spiegel.de",
        "https://example.com/jane",
        "jane@example.com",
        "one two three four five six seven",
        "R2D2",
        "Tricks für zu Hause",
        "und",
        "SP-X",
        "Search",
        "",
    ],
)
def test_not_person_names(name: str) -> None:
    assert not is_person_name(name)


@pytest.mark.parametrize(
    "name", ["John Smith", "Ursula von der Leyen", "Gabriel García Márquez", "Иван Петров"]
)
def test_person_names(name: str) -> None:
    assert is_person_name(name)
