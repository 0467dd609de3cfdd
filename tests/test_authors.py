"""byline.authors: names from byline strings, people versus organisations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import byline
from byline.authors import credit, handle_as_name, is_person_name, is_user_handle, split_names
from byline.document import parse
from byline.sources import dom
from byline.sources.candidate import holds_authors


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
        # each name after the initials of its round badge
        ("LP Luana Patriolino RF Raphael Felice", ["Luana Patriolino", "Raphael Felice"]),
        ("JAD Jane A. Doe", ["Jane A. Doe"]),
        # handles with digits are people's user names
        ("von r23", ["r23"]),
        ("freeman1984", ["freeman1984"]),
        ("By", []),
        ("", []),
        # combined credit labels; an author box's heading
        ("Text & Fotos: Ivan Muster", ["Ivan Muster"]),
        ("Words: Jane Doe · Photos: John Smith", ["Jane Doe"]),
        ("About the Author - Jane Doe", ["Jane Doe"]),
        # a picture credit names no author; a placeholder is no name
        ("Photograph by Ed Marsh, Island Project", []),
        ("Foto: Jane Doe", []),
        ("No Author", []),
        # what ends the names: links, categories after a lead, publication notes
        ("Jane Doe Follow Reporter for politics and economy", ["Jane Doe"]),
        ("Jane Doe : Blogger", ["Jane Doe"]),  # a role after a colon, with French spacing
        ("Jane Doe Fotos: John Smith", ["Jane Doe"]),
        ("Posted by Jane Doe in Politics", ["Jane Doe"]),
        ("Posted by Nessel under", ["Nessel"]),
        ("Iberische Weine in Berlin", []),
        ("Von Max Muster Publiziert 02/02/2022", ["Max Muster"]),
        # "Redaktion" introduces a name only with a colon; forms of address are dropped
        ("Redaktion: Eva Fuchs (Pressesprecherin)", ["Eva Fuchs"]),
        ("Redaktion Gelbe Seiten", []),
        ("Redação: Maria Silva", ["Maria Silva"]),
        ("By Harbour Gazette", []),  # a paper's name
        ("Rechtsanwalt Max Muster", ["Max Muster"]),
        ("Pressemitteilung von Katja Muster", ["Katja Muster"]),
        ("Eine Analyse von Anna Muster", ["Anna Muster"]),
        ("Ein Text von Klaus Beispiel", ["Klaus Beispiel"]),
        ("von wordpressadmin", []),
        # a "show my profile" link, an address, a credit of the website: no names
        # one word before a role is the role's adjective
        ("Rasender Reporter", []),
        ("Jan Fleischhauer, deutscher Journalist", ["Jan Fleischhauer"]),
        ("Afficher mon profil complet", []),
        ("Van-der-Smissen-Straße 9", []),
        ("Hecho en Bolivia con Drupal por Smartica", []),
        ("Jane Doe | Theme by Foo Bar", ["Jane Doe"]),
        ("/ Cory Doctorow / 10:08 am Fri Jul 19, 2013", ["Cory Doctorow"]),  # slashes between
        # an organisation's address or the rest of its name, the place the author writes from
        ("Olympia-Verlag GmbH, Nürnberg, Germany", []),
        ("Bundesministerium für Wirtschaft und Klimaschutz", []),
        ("Von Markus Balser, Berlin", ["Markus Balser"]),
        ("Redaktion, Anna Muster", ["Anna Muster"]),
        ("Endlich mehr Beschleunigung wagen!", []),  # a headline marked as a byline
        ("Kristen Falc'hon Kristen Falc'hon", ["Kristen Falc'hon"]),  # picture text and link
        ("Kathrin Beispiel Pressesprecherin", ["Kathrin Beispiel"]),
        ("Von Markus Balser, Julian Beispiel", ["Markus Balser", "Julian Beispiel"]),
        ("last edited 2019-11-10 13:28:18 by MatsWichmann)", ["MatsWichmann"]),
        # lead-ins and credits glued to the name
        ("Eingestellt von Anna Muster", ["Anna Muster"]),
        ("Rezept von Anna Muster", ["Anna Muster"]),
        ("Ein Rezept von Anna Muster", ["Anna Muster"]),
        ("Recipe by Jane Doe", ["Jane Doe"]),
        ("© Anna Muster", ["Anna Muster"]),
        ("©2021 Anna Muster", ["Anna Muster"]),
        ("(c) Anna Muster", ["Anna Muster"]),
        ("Copyright Jane Doe", ["Jane Doe"]),
        # a job title before the name: role words, compound roles
        ("Finanz-Experte Max Beispiel", ["Max Beispiel"]),
        ("Gesundheitsexpertin Anna Muster", ["Anna Muster"]),
        ("Senior Editor Jane Doe", ["Jane Doe"]),
        ("By Chief Political Correspondent John Smith", ["John Smith"]),
        ("Reporter Jane Doe und Max Muster", ["Jane Doe", "Max Muster"]),
        ("Jane Doe, Senior Editor", ["Jane Doe"]),
        # a job title after the name: its words go with the role word
        ("Jane Doe Contributing Writer", ["Jane Doe"]),
        ("By Jane Doe, Chief Political Correspondent", ["Jane Doe"]),
        (
            "By Jane Doe, Chief Political Correspondent, and John Smith, Business Editor",
            ["Jane Doe", "John Smith"],
        ),
        ("Chris Doe, CNN Editor-at-large", ["Chris Doe"]),
        # the jobs of a company's or a university's writers, in the languages of the trade
        ("Posted by Jane Doe, Marketing Manager, Acme Corp", ["Jane Doe"]),
        ("Jane Doe, Senior Research Scientist", ["Jane Doe"]),
        ("Von Anna Muster, Geschäftsführerin", ["Anna Muster"]),
        ("Anna Muster, Projektleiterin", ["Anna Muster"]),
        ("Par Jean Dupont, journaliste", ["Jean Dupont"]),
        ("Por Juan Pérez, periodista", ["Juan Pérez"]),
        ("Brian Leiter", ["Brian Leiter"]),  # a surname, no role
        # the paper a guest writes for, a full stop before another credit
        ("By Jane Doe Special to The Post", ["Jane Doe"]),
        ("By Jane Doe. Photos by John Roe", ["Jane Doe"]),
        ("By Jane Q. Public Jr.", ["Jane Q. Public Jr."]),
        # a title in sentence case: its role in lower case, its first word capitalised
        ("Richard Roe Education editor", ["Richard Roe"]),
        ("Jane Mary Doe Senior writer", ["Jane Mary Doe"]),
        ("Anna Maria Muster freie Journalistin", ["Anna Maria Muster"]),
        # German labels and roles in their gender-inclusive forms
        ("AUTOR/IN Julius Beispiel", ["Julius Beispiel"]),
        ("Autor*in: Julia Beispiel", ["Julia Beispiel"]),
        ("Autor:innen: Julia Beispiel und Max Muster", ["Julia Beispiel", "Max Muster"]),
        ("Redakteur/-in: Julia Beispiel", ["Julia Beispiel"]),
        ("Redakteurin: Julia Beispiel", ["Julia Beispiel"]),
        ("Jane Doe, Editor-in-Chief", ["Jane Doe"]),
        ("Anna Autor-Muster", ["Anna Autor-Muster"]),  # a double name, no role phrase
        # the serial comma before the last name's joiner
        ("By Jane Doe, John Smith, and Ann Lee", ["Jane Doe", "John Smith", "Ann Lee"]),
        ("Por Ana García, Luis Pérez, y Eva Ruiz", ["Ana García", "Luis Pérez", "Eva Ruiz"]),
        # the place the authors write from, before the last name or at the end
        (
            "Von Anna Muster und Max Beispiel, Berlin, und Eva Schulz",
            ["Anna Muster", "Max Beispiel", "Eva Schulz"],
        ),
        # a handle or an address after each name separates the names
        ("By April Doe @aprildoe Daniel Smith", ["April Doe", "Daniel Smith"]),
        ("Jane Doe jane@news.example John Smith", ["Jane Doe", "John Smith"]),
        # leads and labels of other languages
        ("بقلم محمد علي", ["محمد علي"]),
        ("מאת ישראל כהן", ["ישראל כהן"]),
        ("Af Jens Hansen", ["Jens Hansen"]),
        ("Autore: Mario Rossi", ["Mario Rossi"]),
        ("Yazar: Ayşe Yılmaz", ["Ayşe Yılmaz"]),
        ("Rasender Reporter", []),  # a role and its adjective, no name after it
        # a wire story's closing credits: the editor is no author
        ("Reporting by Jane Doe; Editing by John Smith", ["Jane Doe"]),
        ("(Reporting by Jane Doe; Editing by John Smith)", ["Jane Doe"]),
        ("Reporter: Budi Santoso | Editor: Siti Aminah", ["Budi Santoso"]),
        # the place of several words they report from
        ("By Jane Doe, New York", ["Jane Doe"]),
        ("By JANE DOE, NEW YORK", ["Jane Doe"]),
        ("By Jane Doe, Rio de Janeiro", ["Jane Doe"]),  # not "Rio de" (janeiro is a month)
        ("By Jane Doe, New York, and John Smith, Los Angeles", ["Jane Doe", "John Smith"]),
        ("राहुल शर्मा, नई दिल्ली", ["राहुल शर्मा"]),
        # labels and roles of more languages
        ("記者：山田太郎", ["山田太郎"]),
        ("山田太郎 記者", ["山田太郎"]),  # Japanese and Korean print the role after the name
        ("홍길동 기자", ["홍길동"]),
        ("홍길동 기자 hong@news.example", ["홍길동"]),
        ("كتب: محمد علي", ["محمد علي"]),
        ("लेखक: राहुल शर्मा", ["राहुल शर्मा"]),
        ("Yazan: Ayşe Yılmaz", ["Ayşe Yılmaz"]),
        ("Penulis: Budi Santoso", ["Budi Santoso"]),
        ("Oleh Budi Santoso", ["Budi Santoso"]),
        ("نویسنده: علی رضایی", ["علی رضایی"]),
        ("Tác giả: Nguyễn Văn An", ["Nguyễn Văn An"]),
        ("By Globe Staff", []),  # the paper's desk, no name
        ("By Times Staff Writer", []),
        ("By Jane Doe, Globe Staff", ["Jane Doe"]),
        # another field's label ends the names (DedeCMS, Discuz!, GnuBoard's meta lines)
        ("作者:林玛丽 点击:", ["林玛丽"]),
        ("原作者: 林玛丽", ["林玛丽"]),
        ("작성자 김민지", ["김민지"]),
        ("Jane Doe Category：News", ["Jane Doe"]),
        ("Jane Doe // Blogger", ["Jane Doe"]),  # a doubled separator ends the names too
        # a wire agency printed after the name
        ("Jane Doe Reuters", ["Jane Doe"]),
        ("By Jane Doe The Associated Press", ["Jane Doe"]),
        ("Mary Ap", ["Mary Ap"]),  # (a two-word name keeps its last word)
        # the site's interface where a byline stands
        ("Sign In", []),
        ("Follow Author", []),
        ("Authoring", []),
        ("Popularidad", []),
        ("By Log In", []),
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
        "Da Redação",  # Portuguese: from the newsroom
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
        "Die Tagespresse",
        "El Colombiano",
        "Finanzmagazin Online",
        "Verein Historische Wehranlage",
        "Agencies",
        "Collectif",
        "red",
        "Pressestelle",
        "zvg",
        "Blog",
        "Pixabay",  # an image library credited under a photo
        "publisher",
        "Herausgeber",
        "Sekretariat",
        "Noticias de El Salvador",
        "Cortesía",  # "courtesy of", a photo credit
        "stunnel_rsync.html",  # a page's file name
        "Bundesverband WindEnergie",
        "Super User",  # Joomla's first account
        "Sign In",  # labels of the site's interface, in several languages
        "Sign Up",
        "Subscribe",
        "Newsletter",
        "Popularity",
        "Beliebtheit",
        "Popularité",
        "Mi cuenta",
        "الشعبية",
        "Share This",  # a label in bold as an article's last line, no signature
        "Related Posts",
        "Creative Commons PO Box",  # the contact address an <address> element prints
        "Postfach",
        "",
    ],
)
def test_not_person_names(name: str) -> None:
    assert not is_person_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "John Smith",
        "Ursula von der Leyen",
        "Gabriel García Márquez",
        "Иван Петров",
        "孔德明",
        "山田太郎",
        "สมชาย ใจดี",
    ],
)
def test_person_names(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize(
    "text", ["亲子视频让留守儿童与父母面对面", "子どもへの体罰を禁止する法律ができる"]
)
def test_a_sentence_in_a_script_without_spaces_is_no_name(text: str) -> None:
    """A headline in Chinese or Japanese is one word to ``str.split``: counted in any script
    it is too long for a name or a credit."""
    assert not is_person_name(text)
    assert credit(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("delta201", True), ("r23", True), ("Marianne1", True), ("Anfang", False),
     ("R2D2", False), ("2023", False), ("Jane Doe1", False)],
)  # fmt: skip
def test_user_handles(name: str, expected: bool) -> None:
    assert is_user_handle(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("jane.doe", "Jane Doe"), ("max_muster", "Max Muster"), ("kath.net", "kath.net"),
     ("gabor-munier", "gabor-munier"), ("Jane.Doe", "Jane.Doe"), ("delta201", "delta201"),
     ("j.doe", "j.doe"), ("John Smith", "John Smith")],
)  # fmt: skip
def test_a_handle_of_two_name_parts_reads_as_the_name(name: str, expected: str) -> None:
    assert handle_as_name(name) == expected


# --- visible bylines (``byline.sources.dom_authors``) ----------------------------------------


def _page(byline_html: str, extra: str = "") -> str:
    return (
        "<html><body><main><article><h1>Die Schlagzeile</h1>"
        f"{byline_html}<p>Der erste Absatz des Artikels.</p></article>{extra}</main></body></html>"
    )


def _dom_authors(html: str) -> list[list[str]]:
    candidates = dom.candidates(parse(html, "https://news.example.com/a/1"))
    return [[a.name for a in c.value] for c in candidates if holds_authors(c)]


@pytest.mark.parametrize(
    "byline_html",
    [
        '<p class="meta">von <em>Klaus Beispiel</em></p>',  # a bare lead alone in its text
        '<span class="meta">| By </span><span>Klaus Beispiel</span>',
        "<p><b>Von:</b><br><br>Klaus Beispiel</p>",  # the names after line breaks
        '<div><p class="label"><strong>By</strong></p></div><div><p>Klaus Beispiel</p></div>',
        "<h4>Autor</h4><p><a href='/profil/kb'>Klaus Beispiel</a></p>",  # a label element
        "<p>Autoren Klaus Beispiel und Eva Muster</p>",
        "<p>Text von Klaus Beispiel</p>",
        "<p>Blog Beitrag von Klaus Beispiel</p>",
        "<div>05.02.2020 <span>- Redaktion: Klaus Beispiel (Pressesprecher)</span></div>",
        "<div data-testid='prism-byline'><span>By</span> <a>Klaus Beispiel</a></div>",
        "<span data-qa='author-name'>Klaus Beispiel</span>",  # other test and component ids
        "<div data-component='byline-block'><span>Klaus Beispiel</span></div>",
        '<div class="metaInfo">Ein Artikel von <strong>Klaus Beispiel</strong> | 27.01.2022</div>',
        "<p>Eine Reportage von Klaus Beispiel</p>",
        "<div class='meta'><span>Auteur</span> <a href='/auteur/kb'>Klaus Beispiel</a></div>",
        # the names go on past a joiner between elements
        "<p><span>By </span><span><a href='/p/kb'>Klaus Beispiel</a></span> and <b>Eva X</b></p>",
        # the marks readability reads too: "writtenby", rel=author on any element
        "<div id='writtenby'>Klaus Beispiel</div>",
        "<span rel='author'>Klaus Beispiel</span>",
    ],
)
def test_visible_byline_forms(byline_html: str) -> None:
    groups = _dom_authors(_page(byline_html))
    assert groups, "no byline found"
    assert groups[0][0] == "Klaus Beispiel"


@pytest.mark.parametrize(
    "byline_html",
    [
        "<p>Ein Text über die Redaktion</p><p>Archiv</p>",  # a lead word ending a sentence
        "<p>Marie Arana, <span>author</span></p><p>Margaret Beispiel</p>",  # a role, no label
        "<ul><li><a href='/autoren'>Autoren</a></li><li><a>Chemie-Lexikon</a></li></ul>",
    ],
)
def test_lead_words_that_are_no_byline(byline_html: str) -> None:
    assert _dom_authors(_page(byline_html)) == []


@pytest.mark.parametrize(
    ("byline_html", "expected"),
    [
        ('<p class="muted">11.12.2019 - Klaus Beispiel</p>', [["Klaus Beispiel"]]),
        ("<small>04.02.2022 | 13:10 Uhr | Klaus Beispiel</small>", [["Klaus Beispiel"]]),
        # the site's name before the date, a year alone, a topic: no byline
        ("<p>Handball Schweiz • 02.02.2022</p>", []),
        ("<p>2018 - Cosplay Area</p>", []),
        ("<p>12.05.2020 - Neue Regeln für alle</p>", []),
    ],
)
def test_a_full_name_after_a_date_near_the_headline(
    byline_html: str, expected: list[list[str]]
) -> None:
    assert _dom_authors(_page(byline_html)) == expected


@pytest.mark.parametrize(
    ("last_paragraph", "expected"),
    [
        ("<p><b><i>Klaus Beispiel</i></b></p>", [["Klaus Beispiel"]]),
        ("<p> <strong>Klaus Beispiel</strong> </p>", [["Klaus Beispiel"]]),
        ("<p>Klaus Beispiel</p>", []),  # a plain line: as often a caption or a topic
        ("<p><b>Klaus Beispiel</b> sagt danke.</p>", []),
        # a name and the day of writing on the next line, as letters end
        ("<p>Klaus<br>10. September 2017</p>", [["Klaus"]]),
        ("<p>Viele Grüße<br>10.09.2017</p>", []),
        ("<p>Klaus Beispiel<br>Berlin</p>", []),
    ],
)
def test_a_name_signing_the_article(last_paragraph: str, expected: list[list[str]]) -> None:
    assert (
        _dom_authors(_page("", extra="").replace("</article>", last_paragraph + "</article>"))
        == expected
    )


def test_a_posted_by_line_outside_the_element_taken_for_the_article() -> None:
    html = (
        "<html><body><div class='content'><h1>Mein Blog</h1></div>"
        "<div class='post'><h2>Ein Beitrag</h2><p><span>Posted by Konstantin</span></p>"
        "<p>Der erste Absatz.</p></div></body></html>"
    )
    assert _dom_authors(html) == [["Konstantin"]]


def test_a_user_name_after_a_lead_outside_the_element_taken_for_the_article() -> None:
    html = (
        "<html><body><div class='content-h1'><h1>Tomaten richtig schneiden</h1></div>"
        "<div class='userbox'><span>von <a href='/user/Marianne1.html'>Marianne1</a><br>"
        "am 20.09.2020</span></div><p>Der erste Absatz.</p>"
        "<p>Ein Rezept von Hand gemacht.</p></body></html>"
    )
    assert _dom_authors(html) == [["Marianne1"]]
    # a bare lead before a word, outside the article, is no byline
    assert _dom_authors(html.replace("Marianne1</a>", "Mamas Küche</a>")) == []


def test_the_line_after_a_byline_is_no_name() -> None:
    byline = (
        "<p>Von <strong><a href='/rb'>Roland Beispiel</a></strong> und <strong>"
        "<a href='/sd'>Sebastian Muster</a></strong><br><span></span><br>Kakuma /Kenia</p>"
    )
    assert _dom_authors(_page(byline)) == [["Roland Beispiel", "Sebastian Muster"]]


def test_a_wiki_page_names_its_last_editor() -> None:
    info = (
        '<p id="pageinfo" class="info">BeginnersGuide/Download (last edited 2019-11-10 '
        '13:28:18 by <span title="MatsWichmann @ host"><a href="/moin/MatsWichmann">'
        "MatsWichmann</a></span>)</p>"
    )
    html = f"<html><body><div id='page'><h1>Page</h1><p>Text.</p>{info}</div></body></html>"
    assert _dom_authors(html) == [["MatsWichmann"]]


def test_a_visible_byline_beats_one_hidden_for_search_engines() -> None:
    hidden = (
        '<div class="meta"><span class="vcard rich-snippet-hidden"><span class="fn">'
        '<a href="/author/isabell/" rel="author">Isabell Angele</a></span></span></div>'
        "<p><strong>Von Matthias Lauerer</strong></p>"
    )
    assert _dom_authors(_page(hidden))[0] == ["Matthias Lauerer"]
    shown = hidden.replace(" rich-snippet-hidden", "")
    assert _dom_authors(_page(shown))[0] == ["Isabell Angele"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Rede von Bundespräsident Johannes Rau beim Konvent", [["Johannes Rau"]]),
        ("Speech by Prime Minister Jane Doe at the United Nations", [["Jane Doe"]]),
        ("Rede von der Zukunft der Städte", []),  # a speech about something, no speaker
        ("Die Rede von Johannes Rau", []),  # a report on a speech, by someone else
    ],
)
def test_a_speech_is_by_the_speaker_its_headline_names(
    headline: str, expected: list[list[str]]
) -> None:
    html = f"<html><body><main><h1>{headline}</h1><p>Meine Damen und Herren.</p></main></body>"
    assert _dom_authors(html) == expected


def test_a_byline_lead_with_a_full_width_colon() -> None:
    assert _dom_authors(_page("<p>作者：张伟</p>")) == [["张伟"]]


def test_a_chinese_editor_line_names_a_person_without_capitals() -> None:
    assert _dom_authors(_page("<p>责任编辑: 焦鹏 【纠错】</p>")) == [["焦鹏"]]


def test_a_credit_line_inside_a_paragraph_is_no_byline() -> None:
    book = (
        "<p><b>Das Buch zum Thema</b><br>Bewegungstraining für Reiter<br>"
        "von Josef Kastner, Marieke Hübner und Imke Schlömer<br>192 Seiten</p>"
    )
    assert _dom_authors(_page(book)) == []
    # after a date, the line is the byline
    assert _dom_authors(_page("<p>03.05.2021<br>von Klaus Beispiel</p>")) == [["Klaus Beispiel"]]
    # under a kicker, ending its paragraph, the line is the byline
    kicker = "<p>Meinung<br>von Klaus Beispiel</p>"
    assert _dom_authors(_page(kicker)) == [["Klaus Beispiel"]]


@pytest.mark.parametrize(
    ("byline_html", "expected"),
    [
        ("<span>06.11.2023 13:30 von Olga</span>", [["Olga"]]),
        ("<span>von Olga</span>", []),  # a bare lead and one word: as often a noun
        # a user name is no word of a sentence
        ("<span> by </span><h3><a href='/profile/142450'>delta201</a></h3>", [["delta201"]]),
        ("<span>by design</span>", []),
    ],
)
def test_a_one_word_name_after_a_date_and_a_lead(
    byline_html: str, expected: list[list[str]]
) -> None:
    assert _dom_authors(_page(byline_html)) == expected


POST_AUTHOR_REPLY = (
    '<ol class="comment-list">'
    '<li class="comment byuser comment-author-karo odd"><div class="comment-author vcard">'
    '<b class="fn">Erika Leserin</b> <span class="says">sagt:</span></div><p>Toll!</p>'
    '<ol class="children"><li class="comment byuser comment-author-karo bypostauthor even">'
    '<div class="comment-author vcard"><b class="fn">Karoline Herr</b> '
    '<span class="says">sagt:</span></div><p>Danke!</p></li></ol></li></ol>'
)


def test_the_post_authors_reply_names_the_author_of_a_page_without_byline() -> None:
    assert _dom_authors(_page("", extra=POST_AUTHOR_REPLY)) == [["Karoline Herr"]]
    # a byline says it better
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>", extra=POST_AUTHOR_REPLY)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]
    # a reader's answer nested in the reply does not name the author
    nested = (
        '<ol><li class="comment bypostauthor"><cite class="fn">admin</cite><p>Ja.</p>'
        '<ol class="children"><li class="comment"><cite class="fn">Erika Leserin</cite>'
        "</li></ol></li></ol>"
    )
    assert _dom_authors(_page("", extra=nested)) == []


def test_the_person_a_licence_credits_names_the_author_of_a_page_without_byline() -> None:
    notice = (
        "<footer><span>Ein Hundetagebuch</span> von <a href='https://hund.example.org/' "
        "rel='cc:attributionURL'>Donald Townsend</a> steht unter einer "
        "<a rel='license' href='https://creativecommons.org/licenses/by/3.0/'>CC-Lizenz</a>."
        "</footer>"
    )
    assert _dom_authors(_page("", extra=notice)) == [["Donald Townsend"]]
    assert _dom_authors(_page("", extra=notice.replace("Donald Townsend", "Blog"))) == []
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>", extra=notice)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]


def test_a_sidebar_author_widget_is_not_the_byline() -> None:
    widget = '<ul><li class="widget"><h2>Autor</h2><ul><li><a>Über-Ich</a></li></ul></li></ul>'
    assert _dom_authors(_page("", extra=widget)) == []


def test_the_author_of_a_related_storys_card_is_not_the_byline() -> None:
    card = "<article><h3>Eine andere Geschichte</h3><p class='byline'>Von Peter Paul</p></article>"
    for box in (f"<div class='related-posts'>{card}</div>", f"<aside>{card}</aside>"):
        assert _dom_authors(_page("", extra=box)) == []
        with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>", extra=box)
        assert _dom_authors(with_byline) == [["Klaus Beispiel"]]


def test_the_byline_in_a_link_to_another_story_is_not_the_byline() -> None:
    card = (
        "<a href='/andere-geschichte'><h3>Eine andere Geschichte</h3>"
        "<span class='author'>Peter Paul</span></a>"
    )
    assert _dom_authors(_page("", extra=card)) == []
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>", extra=card)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]
    # a link to the author's page is a byline, not a card
    profile = "<a href='/autor/kb'><span class='author'>Klaus Beispiel</span></a>"
    assert _dom_authors(_page(profile)) == [["Klaus Beispiel"]]


@pytest.mark.parametrize(
    "credit_html",
    [
        # a photographer's credit in a caption, marked as a byline or not
        "<figure><img src='a.jpg'><figcaption>Der Saal. <span class='author'>Peter Paul</span>"
        "</figcaption></figure>",
        "<figure><img src='a.jpg'><figcaption><span class='photo-byline'>Peter Paul</span>"
        "</figcaption></figure>",
        "<div class='teaser-image'><span class='img-author'>Peter Paul</span></div>",
        "<p class='photo-credit'><span class='author'>Peter Paul</span></p>",
        # the person a pull quote quotes, and the author of an embedded post
        "<blockquote class='pullquote'><p>Wir haben es geschafft.</p>"
        "<cite class='quote-author'>Peter Paul</cite></blockquote>",
        "<blockquote class='fb-post'><p>Ein Beitrag.</p><p>Posted by <a href='https://"
        "facebook.com/pp'>Peter Paul</a> on Sunday, February 6, 2022</p></blockquote>",
    ],
)
def test_a_picture_or_a_quotation_credits_no_author_of_the_article(credit_html: str) -> None:
    assert _dom_authors(_page(credit_html)) == []
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>" + credit_html)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]


def test_a_box_named_reporter_holds_the_byline() -> None:
    """Korean news sites name the byline's box after the reporter, who stands before the
    role: "홍길동 기자 hong@news.example"."""
    box = "<div class='article-reporter'>홍길동 기자 hong@news.example</div>"
    assert _dom_authors(_page(box)) == [["홍길동"]]


def test_an_author_box_drawn_as_a_figure_is_the_byline() -> None:
    box = (
        "<figure class='author-box'><img src='kb.jpg'>"
        "<figcaption><span class='name'>Klaus Beispiel</span></figcaption></figure>"
    )
    assert _dom_authors(_page(box)) == [["Klaus Beispiel"]]
    # a picture on top of the headline, its byline below it
    hero = (
        "<html><body><figure class='hero'><img src='a.jpg'><figcaption><h1>Die Schlagzeile"
        "</h1><p class='byline'>Von Klaus Beispiel</p></figcaption></figure>"
        "<p>Der erste Absatz des Artikels.</p></body></html>"
    )
    assert _dom_authors(hero) == [["Klaus Beispiel"]]


def test_a_colleague_named_in_running_text_is_no_byline() -> None:
    mention = (
        "<p>As our colleague <a href='/author/peter-paul'>Peter Paul</a> reported last week in "
        "his long piece on the matter, the council was deeply split on how to pay for the "
        "new budget.</p>"
    )
    assert _dom_authors(_page(mention)) == []
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>" + mention)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]
    # a byline paragraph with a lead and a short tail is a byline
    short = "<p>Ein Bericht von <a href='/author/kb'>Klaus Beispiel</a>, Berlin</p>"
    assert _dom_authors(_page(short)) == [["Klaus Beispiel"]]


def test_a_rel_author_link_in_a_writers_bio_is_her_byline() -> None:
    """``rel=author`` marks the writer whatever the box around it: WordPress's "View all
    posts by" link closes her bio, a paragraph of running text whose box no name marks."""
    bio = (
        "<div><p>Jane Doe sews and embroiders gifts with a heart for nearly every occasion, "
        "for small, tall and four-legged individualists alike, from her workshop in Cologne. "
        "<a href='/author/jane/' rel='author'>View all posts by Jane Doe</a></p></div>"
    )
    assert _dom_authors(_page(bio)) == [["Jane Doe"]]


def test_the_author_of_a_review_or_an_answer_is_no_author_of_the_article() -> None:
    review = (
        "<div itemscope itemtype='http://schema.org/Review'><span itemprop='author' itemscope "
        "itemtype='http://schema.org/Person'><span itemprop='name'>Peter Paul</span></span>"
        "<p itemprop='reviewBody'>Sehr gut.</p></div>"
    )
    assert _dom_authors(_page(review)) == []
    article = review.replace("schema.org/Review", "schema.org/NewsArticle")
    assert _dom_authors(_page(article)) == [["Peter Paul"]]


def test_a_postal_address_is_no_byline() -> None:
    contact = "<footer><address>Wörlitzer Platz 1<br>06844 Dessau<br>Fax: +49-340-2104</address>"
    assert _dom_authors(_page("", extra=contact + "</footer>")) == []
    # an <address> that names the author is a byline, a year in it no postcode
    assert _dom_authors(_page("<address>By Klaus Beispiel, 3 March 2021</address>")) == [
        ["Klaus Beispiel"]
    ]


@pytest.mark.parametrize(
    "comments",
    [
        "<section id='disqus_thread'><div class='post'><span class='author'>Peter Paul</span>"
        "<p>Toll!</p></div></section>",
        "<div class='responsesStream'><a class='author' href='/@pp'>Peter Paul</a></div>",
        "<ol class='discussion'><li><span class='author'>Peter Paul</span></li></ol>",
    ],
)
def test_commenters_inside_the_article_are_not_its_authors(comments: str) -> None:
    assert _dom_authors(_page("", extra=comments)) == []
    inside = _page("<p class='byline'>Von Klaus Beispiel</p>" + comments)
    assert _dom_authors(inside) == [["Klaus Beispiel"]]


@pytest.mark.parametrize(
    "teasers",
    [
        # a linked heading and the byline in one small box
        "<div class='rail'><div class='card'><h3><a href='/andere'>Eine andere Geschichte"
        "</a></h3><span class='author'>Peter Paul</span></div></div>",
        "<ul class='list'><li><a href='/andere'><h4>Eine andere Geschichte</h4></a>"
        "<span class='author'>Peter Paul</span></li></ul>",
        # a link of a whole title without a heading
        "<ul class='list'><li><a href='/andere'>Die Stadt baut eine neue Brücke am Fluss</a>"
        " <span class='author-name'>Peter Paul</span></li></ul>",
        # a linked heading that holds the name: a column's title, another story still
        "<div class='rail'><div class='card'><h3><a href='/andere'>Peter Paul: Die Stadt baut"
        "</a></h3><span class='author'>Peter Paul</span></div></div>",
    ],
)
def test_the_author_of_a_teaser_box_is_not_the_byline(teasers: str) -> None:
    assert _dom_authors(_page("", extra=teasers)) == []
    with_byline = _page("<p class='byline'>Von Klaus Beispiel</p>", extra=teasers)
    assert _dom_authors(with_byline) == [["Klaus Beispiel"]]


@pytest.mark.parametrize("box", ["trending-now", "most-read", "outbrain", "recirc"])
def test_a_list_of_trending_stories_loses_to_the_article_byline(box: str) -> None:
    html = (
        "<html><body><div class='wrap'><h1>Die Schlagzeile</h1><p>By Klaus Beispiel</p>"
        "<p>Der erste Absatz des Artikels.</p></div>"
        f"<div class='{box}'><div class='item'><a href='/x'>Story</a>"
        "<span class='author'>Peter Paul</span></div></div></body></html>"
    )
    assert _dom_authors(html)[0] == ["Klaus Beispiel"]


@pytest.mark.parametrize(
    "byline_html",
    [
        # a blog post's title links to its permalink: the page's own story
        "<div class='post'><h2><a href='/2021/03/die-schlagzeile'>Die Schlagzeile eines "
        "Blogs</a></h2><span class='author'>Klaus Beispiel</span></div>",
        # a date linked to the permalink, a link to the author's other posts
        "<div class='entry-meta'><a href='/2021/03/03/'>6. November 2023</a> <span class="
        "'author'><a href='/author/kb'>Klaus Beispiel</a></span></div>",
        "<div class='author-box'><span class='author'>Klaus Beispiel</span> <a href='/author/"
        "kb'>Alle Beiträge von Klaus Beispiel anzeigen</a></div>",
    ],
)
def test_links_beside_the_byline_that_make_no_teaser(byline_html: str) -> None:
    html = (
        "<html><head><title>Die Schlagzeile eines Blogs | Mein Blog</title></head><body>"
        f"{byline_html}<p>Der erste Absatz des Artikels.</p></body></html>"
    )
    assert _dom_authors(html)[0] == ["Klaus Beispiel"]


def test_the_names_of_a_byline_go_on_past_a_joiner_between_elements() -> None:
    byline_html = (
        "<p><span>By </span><span><a href='/p/kb'>Klaus Beispiel</a></span>, "
        "<span>Eva Muster</span> and <span>Max Mustermann</span></p>"
    )
    assert _dom_authors(_page(byline_html)) == [["Klaus Beispiel", "Eva Muster", "Max Mustermann"]]


def test_author_links_run_together_are_several_names() -> None:
    byline_html = (
        "<div class='byline'><a href='/autor/kb'>Klaus Beispiel</a>"
        "<a href='/autor/em'>Eva Muster</a></div>"
    )
    assert _dom_authors(_page(byline_html))[0] == ["Klaus Beispiel", "Eva Muster"]
    # one name in two links stays one name
    split_name = "<div class='byline'><a href='/autor/kb'>Klaus</a> <a href='/k'>Beispiel</a></div>"
    assert _dom_authors(_page(split_name))[0] == ["Klaus Beispiel"]


def test_a_story_in_a_layout_box_named_after_its_sidebar_keeps_its_byline() -> None:
    html = (
        "<html><body><div class='content right-sidebar'><div class='post'>"
        "<h1>Die Schlagzeile</h1><div class='post-body'><article>"
        "<p class='byline'>Von Klaus Beispiel</p><p>Der erste Absatz des Artikels.</p>"
        "</article></div></div></div></body></html>"
    )
    assert _dom_authors(html) == [["Klaus Beispiel"]]


# --- choosing among sources (``byline.reconcile``) ----------------------------------------


def _record(head: str, body: str = "") -> byline.Article:
    html = (
        f"<html><head>{head}</head><body><article><h1>Die Schlagzeile</h1>{body}"
        f"<p>{'Ein Satz des Artikels, lang genug für einen Haupttext. ' * 12}</p>"
        "</article></body></html>"
    )
    return byline.extract(html, url="https://news.example.com/a/1")


def _json_ld(value: dict) -> str:
    # "<\/": a raw "</script>" in the JSON would end the block, as pages know
    text = json.dumps(value).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def test_a_handle_gives_way_to_the_same_name_with_accents() -> None:
    record = _record(
        '<meta property="article:author" content="gabor_munier">',
        '<p class="byline">Autor: Gàbor Muniér</p>',
    )
    assert [p.name for p in record.authors] == ["Gàbor Muniér"]


def test_a_handle_no_source_spells_out_is_printed_as_a_name() -> None:
    record = _record('<meta name="author" content="jane.doe">')
    assert [p.name for p in record.authors] == ["Jane Doe"]


def test_a_personal_site_named_after_its_author() -> None:
    site = {"@type": "WebSite", "name": "Wolfgang Beispiel"}
    article = {"@type": "Article", "headline": "Die Schlagzeile",
               "author": {"@type": "Person", "name": "Wolfgang Beispiel"}}  # fmt: skip
    record = _record(_json_ld({"@context": "https://schema.org", "@graph": [site, article]}))
    assert [p.name for p in record.authors] == ["Wolfgang Beispiel"]


def test_the_site_name_spelled_as_a_domain_is_no_author() -> None:
    publisher = {"@type": "Organization", "name": "ElDiario.com"}
    article = {"@type": "NewsArticle", "headline": "Die Schlagzeile", "publisher": publisher,
               "author": {"@type": "Person", "name": "Eldiario"}}  # fmt: skip
    record = _record(
        _json_ld({"@context": "https://schema.org", **article}),
        '<p class="author">Por Juana Beispiel</p>',
    )
    assert [p.name for p in record.authors] == ["Juana Beispiel"]


@pytest.mark.parametrize(
    "name",
    [
        "<b>Jane</b> Doe",
        "<script>alert('x')</script>Jane Doe",
        "&lt;script&gt;alert(1)&lt;/script&gt;Jane Doe",
        "Jane <style>p { color: red }</style>Doe",
    ],
)
def test_json_ld_author_names_with_markup_are_cleaned(name: str) -> None:
    article = {"@type": "NewsArticle", "headline": "Die Schlagzeile",
               "author": {"@type": "Person", "name": name}}  # fmt: skip
    record = _record(_json_ld({"@context": "https://schema.org", **article}))
    assert [p.name for p in record.authors] == ["Jane Doe"]


def test_the_hostile_fixture_page_keeps_its_names_and_title() -> None:
    """``xss_page.html`` hides scripts in the headline and in its JSON-LD author names."""
    html = (Path(__file__).parent / "fixtures" / "xss_page.html").read_bytes()
    record = byline.extract(html, url="https://xss-daily.example/2024/05/02/sea-wall")
    assert record.title == "Harbour Council Votes on Sea Wall"
    assert [p.name for p in record.authors] == ["Mara Quill", "Tom Reed"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Redaktion", "Redaktion"),
        ("von: Rasender Reporter", "Rasender Reporter"),
        ("By AFP/The Local", "AFP/The Local"),
        ("  Staff and news service reports ", "Staff and news service reports"),
        ("Unknown", None),  # placeholders credit no one
        ("No Author", None),
        ("wp_admin", None),
        ("imago images", None),  # a picture credit
        ("redaktion@example.org", None),
        ("https://example.org/team", None),
        ("– –", None),
        ("This article was produced by the newsroom of a large media house today", None),
    ],
)
def test_credits(raw: str, expected: str | None) -> None:
    assert credit(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a blog platform's "Posted by" line, in the page's language, in a box named nothing
        # a byline is named: the lead alone makes it one
        ("Eingestellt von Max Beispiel am 3. Mai 2020", [["Max Beispiel"]]),
        ("Publié par Jeanne Exemple le 3 mai 2020", [["Jeanne Exemple"]]),
        ("Publicado por Juan Ejemplo el 3 de mayo de 2020", [["Juan Ejemplo"]]),
        ("Geplaatst door Jan Voorbeeld op 3 mei 2020", [["Jan Voorbeeld"]]),
        ("Escrito por Ana Exemplo em 3 de maio de 2020", [["Ana Exemplo"]]),
        # a sentence of the same words is no byline
        ("Eingestellt von der Stadt wurde der Betrieb im Mai.", []),
    ],
)
def test_a_posted_by_line_in_other_languages(line: str, expected: list[list[str]]) -> None:
    html = (
        "<html><body><div class='post'><h2>Ein Beitrag</h2>"
        f"<div class='info'>{line}</div><p>Der erste Absatz.</p></div></body></html>"
    )
    assert _dom_authors(html) == expected


@pytest.mark.parametrize(
    ("byline_html", "names"),
    [
        (
            "<div class='author'><strong>Jane Doe</strong><br>Transport correspondent</div>",
            ["Jane Doe"],
        ),
        ("<div class='author'>Jane Doe<br>Washington</div>", ["Jane Doe"]),
        ("<div class='byline'>By Jane Doe<br>Transport Editor</div>", ["Jane Doe"]),
        ("<div class='author'>Author:<br>Jane Doe</div>", ["Jane Doe"]),
        (
            "<div class='blog-author'><a href='/bio/jd'>Jane Doe</a>, Staff Attorney<br>"
            "&amp; <a href='/bio/jr'>John Roe</a>, Director</div>",
            ["Jane Doe", "John Roe"],
        ),
    ],
)
def test_a_line_break_in_a_byline_ends_a_name(byline_html: str, names: list[str]) -> None:
    """A name ends its line: the line after it holds the writer's role or place, or another
    writer's full name ("Jane Doe<br>Transport correspondent" is no "Jane Doe Transport")."""
    assert _dom_authors(_page(byline_html))[0] == names


def test_a_writers_picture_beside_the_printed_name_is_the_byline() -> None:
    """Next.js's blog starter shows the writer as a picture and a name, with no class or label
    saying so: the picture's alt text is the name printed beside it. A photo whose caption
    says more than a name is no byline."""
    avatar = (
        "<div class='flex'><img src='/authors/jd.jpg' alt='Jane Doe'>"
        "<div class='text-xl font-bold'>Jane Doe</div></div>"
    )
    assert _dom_authors(_page(avatar)) == [["Jane Doe"]]
    photo = (
        "<figure><img src='/p.jpg' alt='Olaf Scholz'>"
        "<figcaption>Olaf Scholz im Bundestag am Dienstag</figcaption></figure>"
    )
    assert _dom_authors(_page(photo)) == []


@pytest.mark.parametrize(
    ("byline_html", "credited"),
    [
        ("<p class='byline'>By Staff Writer</p>", "Staff Writer"),
        ("<span class='author'>Redaktion</span>", "Redaktion"),
        ("<p>Autor: Redaktion Gelbe Liste</p>", "Redaktion Gelbe Liste"),
        ("<p>Posted on 15. April 2016 by LD</p>", "LD"),  # a bare lead after a date
        # a label with its colon, the credit in the next box
        (
            "<div>Autor:</div><div><a href='/redaktion'>Redaktion Gelbe Liste</a></div>",
            "Redaktion Gelbe Liste",
        ),
    ],
)
def test_a_visible_byline_that_names_no_person_is_the_credit(
    byline_html: str, credited: str
) -> None:
    record = _record("", byline_html)
    assert record.authors == []
    assert record.credit == credited
    assert record.provenance["credit"].source == "dom"


@pytest.mark.parametrize(
    "byline_html",
    [
        "<p class='byline'>Donnerstag, 4. November 2021</p>",  # a date in the byline's box
        "<p class='byline'>6 years ago</p>",
        "<div class='author'>Afficher mon profil complet</div>",  # a link's label
        "<nav><a>Authors</a> <a>About</a></nav>",  # a label over the next text
    ],
)
def test_a_byline_box_that_holds_no_credit_credits_nobody(byline_html: str) -> None:
    assert _record("", byline_html).credit is None


def test_a_credit_the_markup_declares_goes_before_the_visible_pages() -> None:
    record = _record('<meta name="author" content="Redaktion">', "<p class='byline'>By D.E.</p>")
    assert record.credit == "Redaktion"
    # and a person the page names anywhere is the author, with no credit
    named = _record("", "<p class='byline'>By Staff Writer</p><p>Von Klaus Beispiel</p>")
    assert [p.name for p in named.authors] == ["Klaus Beispiel"]
    assert named.credit is None


@pytest.mark.parametrize(
    "visible_byline", ["By Jane Doe Hamburg Reporter", "Jane Doe Photography", "Dr. Jane Doe"]
)
def test_words_glued_to_a_visible_name_go_when_the_page_states_the_name_alone(
    visible_byline: str,
) -> None:
    def authors(head: str) -> list[str]:
        html = (
            f"<html><head><title>Council votes</title>{head}</head><body><article>"
            f"<h1>Council votes</h1><div class='byline'>{visible_byline}</div>"
            f"<p>{'The council voted on Tuesday to build a new bridge over the river. ' * 6}</p>"
            "</article></body></html>"
        )
        return [p.name for p in byline.extract(html, url="https://example.com/news/1").authors]

    assert authors("") != ["Jane Doe"]  # the name rules alone keep the glued words
    assert authors("<meta name='author' content='Jane Doe'>") == ["Jane Doe"]
    # another name is no part of the visible one: it trims nothing
    assert authors("<meta name='author' content='Jane Roe'>") != ["Jane Roe"]
