"""Direct quotations in the body and, where the sentence says so, who said them.

A quotation is text between paired quotation marks, long enough to be speech
rather than a quoted term or title. Its speaker is named by a speech verb next
to it: ``"...," the ministry said.``, ``"..." said John Smith.``,
``Smith said: "..."``, ``"...", sagte Schmidt.``, ``a déclaré Dupont``.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from byline.document import words_in_any_script
from byline.record import Quote

MIN_QUOTE_WORDS: Final = 4
"""Shorter quoted spans (in any script: “数字” is a scare quote) are names, titles or scare
quotes, not speech."""

MAX_SPEAKER_WORDS: Final = 6

# Opening and closing marks used in news text, per typographic convention; Japanese (and
# Traditional Chinese) corner brackets quote speech as “” do elsewhere.
_PAIRS: Final = (
    ('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("»", "«"), ("‘", "’"), ("„", "”"),
    ("「", "」"), ("『", "』"),
)  # fmt: skip

SPEECH_VERBS: Final = (
    "said|says|added|adds|told|tells|stated|states|noted|notes|explained|explains|wrote|writes|"
    "argued|argues|warned|warns|insisted|insists|claimed|claims|asked|asks|replied|announced|"
    "declared|continued|recalled|concluded|acknowledged|emphasized|emphasised|stressed|"
    "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|schreibt|schrieb|fügte|"
    "a déclaré|a dit|a affirmé|a expliqué|déclare|explique|affirme|"
    "dijo|afirmó|explicó|declaró|señaló|ha detto|ha dichiarato|ha spiegato|"
    "powiedział|powiedziała|сказал|сказала|заявил|заявила"
)
_SPEAKER: Final = (
    r"(?P<speaker>(?:the |der |die |das |le |la |el |il )?[\w'’.\-]+(?: [\w'’.\-]+){0,5}?)"
)
# "..." the ministry said
_AFTER_SPEAKER_VERB: Final = re.compile(
    rf"^[,.]?\s*{_SPEAKER}\s+(?:{SPEECH_VERBS})\b", re.IGNORECASE
)
# "..." said the ministry / "..." so Schmidt / "..." according to the ministry
_AFTER_VERB_SPEAKER: Final = re.compile(
    rf"^[,.]?\s*(?:{SPEECH_VERBS}|so|according to)\s+{_SPEAKER}(?:[,.;]|$)", re.IGNORECASE
)
# Smith said: "..."
_BEFORE: Final = re.compile(rf"{_SPEAKER}\s+(?:{SPEECH_VERBS})\s*[:,]?\s*$", re.IGNORECASE)
# What ``_BEFORE`` needs at the end of the text, tested first: searched alone, ``_BEFORE``
# tries its speaker's words at every position of the text (most of the time of quotes).
_ENDS_WITH_VERB: Final = re.compile(rf"\s(?:{SPEECH_VERBS})\s*[:,]?\s*$", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[.!?]\s+")
CIRCUMSTANCE_WORDS: Final = frozenset(
    "at in on during after before while when bei beim am im auf nach vor während "
    "lors dans pendant après avant durante tras en".split()
)
"""Prepositions of time and place that, after a name, begin the circumstances of the speech,
not more of the speaker: "sagte Wendt bei der Jungfernfahrt", "said Smith at the meeting".
(Not "of", "von", "de": "the head of the ministry", "Ursula von der Leyen".)"""
_PRONOUNS: Final = {"he", "she", "they", "it", "we", "i", "er", "sie", "il", "elle", "ella", "él"}


def find_quotes(body: str | None) -> list[Quote]:
    """Quotations in reading order, quotation marks removed."""
    if not body:
        return []
    quotes = []
    for paragraph in body.split("\n\n"):
        quotes.extend(_paragraph_quotes(paragraph))
    return quotes


def _paragraph_quotes(paragraph: str) -> list[Quote]:
    found: list[tuple[int, Quote]] = []
    taken: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        start = 0
        while (begin := paragraph.find(opening, start)) != -1:
            end = paragraph.find(closing, begin + 1)
            if end == -1:
                break
            start = end + 1
            if any(b <= begin < e for b, e in taken):
                continue
            text = paragraph[begin + 1 : end].strip().rstrip(",")
            if words_in_any_script(text) < MIN_QUOTE_WORDS:
                continue
            taken.append((begin, end + 1))
            speaker = _speaker(paragraph[:begin], paragraph[end + 1 :])
            found.append((begin, Quote(text=text, speaker=speaker)))
    quotes = [quote for _, quote in sorted(found, key=lambda item: item[0])]
    # News style gives a paragraph one speaker: a quote continuing one already
    # attributed in the same paragraph is theirs.
    for previous, quote in itertools.pairwise(quotes):
        quote.speaker = quote.speaker or previous.speaker
    return quotes


def _speaker(before: str, after: str) -> str | None:
    after = _SENTENCE_END.split(after[:120], maxsplit=1)[0]
    match = (
        _AFTER_SPEAKER_VERB.match(after)
        or _AFTER_VERB_SPEAKER.match(after)
        or _speaker_before(_SENTENCE_END.split(before[-120:])[-1])
    )
    if not match:
        return None
    words = _without_circumstances(match.group("speaker").strip(" ,.;").split())
    speaker = " ".join(words)
    if not words or len(words) > MAX_SPEAKER_WORDS or speaker.casefold() in _PRONOUNS:
        return None
    return speaker


def _speaker_before(sentence: str) -> re.Match[str] | None:
    """``_BEFORE``'s match in ``sentence`` (the text before a quote), if it ends with a verb."""
    if _ENDS_WITH_VERB.search(sentence) is None:
        return None
    return _BEFORE.search(sentence)


def _without_circumstances(words: list[str]) -> list[str]:
    """The speaker's words up to a preposition that follows a name (``CIRCUMSTANCE_WORDS``)."""
    for index, (word, following) in enumerate(itertools.pairwise(words), start=1):
        if word[:1].isupper() and following in CIRCUMSTANCE_WORDS:
            return words[:index]
    return words
