"""byline.lexicon: one table per kind of word, and the patterns and prefilters built from it."""

from __future__ import annotations

import itertools
import re

import pytest

from byline import lexicon
from byline.authors import split_names
from byline.dates import marker_before
from byline.document import parse
from byline.lexicon import covering, lexicon_words
from byline.sources import dom
from byline.sources._page import BYLINE_LEAD_HINT, page_of
from byline.sources.dom_authors import _TEXT_LEAD, AUTHOR_LABELS, BARE_LEADS, COLON_LEADS

TABLES = [
    value
    for name, value in vars(lexicon).items()
    if name.isupper()
    and isinstance(value, dict)
    and name not in ("BARE_LEADS", "MONTH_OVERRIDES", "JAPANESE_ERAS")
]
"""The word tables (``MONTH_OVERRIDES`` gives the numbers of some months' words,
``JAPANESE_ERAS`` the years of eras)."""


def _leads_dom_authors_reads() -> list[str]:
    """One text per lead the unmarked-byline pattern knows, as a page prints it."""
    explicit = lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS)
    texts = [f"{lead.title()} Anna Muster" for lead in explicit + BARE_LEADS]
    texts += [f"{label.title()}: Anna Muster" for label in AUTHOR_LABELS]
    texts += [f"{label.title()} Anna Muster" for label in AUTHOR_LABELS]
    texts += [f"{lead}: Anna Muster" for lead in COLON_LEADS]
    texts += ["Last edited 2019-11-10 by Anna"]
    return texts


def test_every_table_is_lower_case_and_keyed_by_language() -> None:
    assert len(TABLES) > 15
    for table in TABLES:
        for language, words in table.items():
            assert language == "" or (len(language) == 2 and language.islower())
            assert words and all(word == word.lower() == word.strip() for word in words)


@pytest.mark.parametrize("text", _leads_dom_authors_reads())
def test_the_byline_prefilter_lets_every_lead_through(text: str) -> None:
    """``_page.BYLINE_LEAD_HINT`` decides which texts of a page ``dom_authors`` reads: a
    lead it missed would never be read. Every lead the pattern knows is a lead, and the
    walk keeps the text that holds it."""
    assert _TEXT_LEAD.search(text) is not None
    assert BYLINE_LEAD_HINT.search(text.lower()) is not None
    page = page_of(parse(f"<html><body><article><p>{text}</p></article></body></html>"))
    assert [piece.text for piece in page.byline_texts] == [text]


def test_a_text_without_any_lead_is_left_out_by_the_prefilter() -> None:
    assert BYLINE_LEAD_HINT.search("heute im stadtrat beschlossen") is None


def test_covering_keeps_the_shortest_words_every_word_holds() -> None:
    assert covering(["autorin", "autor", "author", "authors", "by"]) == ("by", "autor", "author")


def test_every_byline_lead_is_stripped_from_the_names() -> None:
    leads = (
        lexicon_words(lexicon.BYLINE_PREPOSITIONS, without=("di",))
        + lexicon_words(lexicon.AUTHOR_LABELS)
        + lexicon_words(lexicon.BYLINE_LEADS)
    )
    for lead in leads:
        assert split_names(f"{lead} Anna Muster") == ["Anna Muster"], lead


@pytest.mark.parametrize(
    ("table", "expected"),
    [(lexicon.UPDATE_WORDS, "update"), (lexicon.PUBLISH_WORDS, "publish")],
)
def test_every_date_marker_word_is_read_before_a_date(table: lexicon.Table, expected: str) -> None:
    for word in lexicon_words(table):
        text = f"{word} 5. Juni 2023"
        assert marker_before(text, len(word) + 1) == expected, word


def test_a_lead_of_another_language_reads_as_a_byline_on_a_page() -> None:
    html = (
        "<html><body><article><h1>Titre de l'article</h1><p>Auteurs : Jeanne Dupont</p>"
        "<p>Le texte.</p></article></body></html>"
    )
    authors = [c.value for c in dom.candidates(parse(html)) if c.field == "authors"]
    assert [[a.name for a in group] for group in authors] == [["Jeanne Dupont"]]


def test_a_tree_alternation_matches_what_the_plain_one_matches() -> None:
    words = ("sep", "sept", "september", "mar", "march", "mars", "mai", "m.", "a|b")
    tree = re.compile(lexicon.trie_alternation(words))
    plain = re.compile(lexicon.alternation(words))
    for text in (*words, "sept.", "marchx", "ma", "s", "september 4", "mart", "a|bc"):
        found, expected = tree.match(text), plain.match(text)
        assert (found and found.group()) == (expected and expected.group())


def test_a_tree_alternation_backtracks_as_the_plain_one_does() -> None:
    """Inside a longer pattern the tree tries the words that fit, longest first, as the plain
    alternation does: the longest that lets the rest match is the one taken."""
    words = ("von", "vonder", "vo", "by", "bye", "par", "pa")
    context = r"(?:^|(?<=[\s(]))(?P<word>{})(?:\w*\s+X|(?:\s+|$)(?=\S|$))"
    tree = re.compile(context.format(lexicon.trie_alternation(words)), re.IGNORECASE)
    plain = re.compile(context.format(lexicon.alternation(words)), re.IGNORECASE)
    texts = ("Vonder X", "von Y", "Von", "vo y", "(bye Y", "by", "Par X", "pa", "paris", "byes X")
    for text in texts:
        found, expected = tree.search(text), plain.search(text)
        assert (found and (found.span(), found["word"])) == (
            expected and (expected.span(), expected["word"])
        ), text
    assert tree.search("Vonder X")["word"] == "Vonder"  # (not "Vo", which would also match)


def _letters_case_equates(words: tuple[str, ...]) -> list[tuple[str, str]]:
    """Pairs of words that part at two letters ``re.IGNORECASE`` takes for one ("σ" and "ς"):
    a tree of them, searched ignoring case, could try the shorter before the longer."""
    parted = []
    for first, second in itertools.combinations(sorted(set(words)), 2):
        at = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
        if at is not None and re.fullmatch(re.escape(first[at]), second[at], re.IGNORECASE):
            parted.append((first, second))
    return parted


@pytest.mark.parametrize(
    "words",
    [
        lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS),
        AUTHOR_LABELS,
        COLON_LEADS,
        BARE_LEADS,
    ],
)
def test_the_lead_words_searched_ignoring_case_part_at_distinct_letters(
    words: tuple[str, ...],
) -> None:
    """``dom_authors._TEXT_LEAD`` holds these words as trees and ignores case: it matches what
    their plain alternations matched only while no two part at letters that case equates."""
    assert _letters_case_equates(words) == []


def test_letters_that_case_equates_are_found() -> None:
    assert _letters_case_equates(("σας", "ςας", "von")) == [("ςας", "σας")]


@pytest.mark.parametrize("before", ["", " ", "\t", "\n", "|", "·", "•", ",", "-", "–", "("])
def test_a_lead_is_read_at_the_start_or_after_a_separator(before: str) -> None:
    found = _TEXT_LEAD.search(f"{before}von Anna Muster")
    assert found is not None and found.start() == len(before)


@pytest.mark.parametrize("before", ["x", "9", "_", ".", ":", "é"])
def test_a_lead_is_not_read_inside_a_word_or_after_other_marks(before: str) -> None:
    assert _TEXT_LEAD.search(f"{before}von Anna Muster") is None
