"""The language a text is written in, read from its script and its most common words.

Pages declare their language (``<html lang>``, ``og:locale``, JSON-LD ``inLanguage``), but
many do not, and many a template declares its default whatever the page's language;
reconciliation asks ``language_of`` about the article's body. In turn:

- a script that one language writes (Hangul, kana, Greek, Thai...) names it;
- letters that only one language of a script writes name it (``ї`` Ukrainian, ``ђ``
  Serbian, ``پ`` Persian), within a text of that script;
- text in the Latin, Cyrillic or Devanagari script is scored by the most common words of
  each language (``lexicon.FUNCTION_WORDS``): a word counts for each language that has it,
  split between them, so that the words only one language has decide between neighbours.

A text too short or too mixed to tell, or in a language the table does not hold well
enough to name, gives None: no language is better than a wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Final

from byline.document import ASCII_LETTERS, split_ascii
from byline.lexicon import FUNCTION_WORDS

SAMPLE_CHARS: Final = 2000
"""The language is read from the text's first characters: more only costs time."""
MIN_LETTERS: Final = 40
"""Fewer letters than this (a label, a caption) tell no language."""
MIN_SCRIPT_SHARE: Final = 0.5
"""A script must write at least this share of the letters to name the text's language."""
MIN_WORD_SCORE: Final = 6.0
"""The least score (common words found, shared ones split) that names a language."""
MIN_MARGIN: Final = 2.0
MARGIN_SHARE: Final = 0.1
"""How far the best language's score must lead the runner-up's: by this many points and this
share of its own score (neighbours share most of their common words: the words only one of
them has must decide)."""
MIN_COMMON_SHARE: Final = 0.12
"""The least share of the sample's words that must be the best language's common words: a
text in a language the table lacks finds few of any."""

UNNAMED: Final = frozenset({"sh"})
"""Entries of ``FUNCTION_WORDS`` that hold several languages (Croatian, Serbian and Bosnian
in the Latin script): a text that scores best on one is not given to a neighbour, and gets
no language."""

# Scripts that one language writes (the first letter's Unicode name says the script).
SCRIPT_LANGUAGES: Final[dict[str, str]] = {
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "GREEK": "el", "HEBREW": "he",
    "THAI": "th", "LAO": "lo", "KHMER": "km", "MYANMAR": "my", "GEORGIAN": "ka",
    "ARMENIAN": "hy", "BENGALI": "bn", "TAMIL": "ta", "TELUGU": "te", "GUJARATI": "gu",
    "KANNADA": "kn", "MALAYALAM": "ml", "GURMUKHI": "pa", "SINHALA": "si", "ETHIOPIC": "am",
    "ARABIC": "ar", "CJK": "zh",
}  # fmt: skip
"""(Kana among Chinese characters is Japanese: ``language_of`` reads kana first.)"""
WORD_SCRIPTS: Final = frozenset({"LATIN", "CYRILLIC", "DEVANAGARI"})
"""Scripts many languages write: their texts are read by their words."""

# Letters that only some of a script's languages write, in the order they are tried; None
# for letters of languages the detector does not name (Kazakh, Kyrgyz, Mongolian...: the
# Cyrillic of Central Asia).
LETTER_LANGUAGES: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "CYRILLIC": (
        ("ђћ", "sr"),
        ("ѓќѕ", "mk"),
        ("јљњџ", "sr"),
        ("ў", "be"),
        ("әғқңөұүһ", None),
        ("їєґі", "uk"),
        ("ыэ", "ru"),
    ),
    "ARABIC": (("ٹڈڑںے", "ur"), ("پچژگی", "fa")),
}
MIN_LETTER_SHARE: Final = 0.002
"""Such letters must be at least this share of the letters: one stray ``ї`` in a Russian text
(a quoted Ukrainian name) is no Ukrainian."""

LATIN_LETTERS_FROM, LATIN_LETTERS_TO = "\u00c0", "\u024f"
"""The Latin letters with accents (Latin-1 Supplement and Latin Extended-A and -B)."""
_WORDS: Final = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff])+(?:['’][^\W\d_]+)?")
"""A word: letters, with the combining marks that word characters leave out (the vowel signs of the
Indian scripts, "के"; decomposed accents), and an apostrophe's second part ("aujourd'hui")."""


def _word_shares() -> dict[str, dict[str, float]]:
    """Each common word's share of a point for each language that has it."""
    holders: dict[str, set[str]] = {}
    for language, words in FUNCTION_WORDS.items():
        for word in words:
            holders.setdefault(word, set()).add(language)
    return {word: {language: 1 / len(held) for language in held} for word, held in holders.items()}


WORD_SHARES: Final = _word_shares()


def language_of(text: str) -> str | None:
    """The BCP 47 language of ``text`` (``"de"``, ``"zh"``), or None when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    scripts = _scripts(sample)
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return None
    script, count = scripts.most_common(1)[0]
    if count < MIN_SCRIPT_SHARE * letters:
        return None
    if script in ("CJK", "HIRAGANA", "KATAKANA") and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "ja"
    decided, by_letter = _by_letters(sample, script, count)
    if decided:
        return by_letter
    if script in WORD_SCRIPTS:
        return _by_words(sample)
    return SCRIPT_LANGUAGES.get(script)


def _scripts(sample: str) -> Counter[str]:
    """How many letters of each script ``sample`` holds (a script by the first word of its
    letters' Unicode names: LATIN, CYRILLIC, CJK...). ASCII letters are counted in C."""
    ascii_bytes, others = split_ascii(sample)
    scripts: Counter[str] = Counter()
    scripts["LATIN"] = len(ascii_bytes) - len(ascii_bytes.translate(None, ASCII_LETTERS))
    for character in others:
        if LATIN_LETTERS_FROM <= character <= LATIN_LETTERS_TO:
            scripts["LATIN"] += character.isalpha()  # (no name to look up: "ä", "ł")
        elif character.isalpha():
            scripts[unicodedata.name(character, "").split(" ", 1)[0]] += 1
    return scripts


def _by_letters(sample: str, script: str, letters: int) -> tuple[bool, str | None]:
    """Whether letters of one language of ``script`` decide, and which language they name
    (``letters``: how many letters of the script the sample holds)."""
    for marks, language in LETTER_LANGUAGES.get(script, ()):
        if sum(map(sample.count, marks)) >= max(1, MIN_LETTER_SHARE * letters):
            return True, language
    return False, None


def _by_words(sample: str) -> str | None:
    words = _WORDS.findall(sample.lower())
    scores: dict[str, float] = {}
    common = 0
    for word, count in Counter(words).items():  # (each distinct word looked up once)
        shares = WORD_SHARES.get(word)
        if shares:
            common += count
            for language, share in shares.items():
                scores[language] = scores.get(language, 0.0) + share * count
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not ranked:
        return None
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if (
        score < MIN_WORD_SCORE
        or score - runner_up < max(MIN_MARGIN, MARGIN_SHARE * score)
        or common < MIN_COMMON_SHARE * len(words)
        or best in UNNAMED
    ):
        return None
    return best
