"""Word-level differences between two texts: how one version of an article became the next.

``word_diff`` cuts both texts into words, each with the white space after it, and
lines them up with ``difflib``: the pieces joined give back either text (the old
one without the insertions, the new one without the deletions). ``byline history
--format diff`` prints them, the article page of ``byline serve`` shows them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["=", "-", "+"]
CONTEXT_WORDS = 8
"""Unchanged words shown on each side of a change in a condensed diff."""
_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    op: Op
    """``=`` in both texts, ``-`` only in the old one, ``+`` only in the new one."""
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``, word by word, in order."""
    before, after = _WORD.findall(old), _WORD.findall(new)
    # compare words without their trailing space, so that a reflowed line is no change
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in before], [w.strip() for w in after], autojunk=False
    )
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for old_word, new_word in zip(before[i1:i2], after[j1:j2], strict=True):
                _add_same_word(pieces, old_word, new_word)
            continue
        _add(pieces, "-", "".join(before[i1:i2]))
        _add(pieces, "+", "".join(after[j1:j2]))
    return pieces


def condensed(pieces: list[Piece], context: int = CONTEXT_WORDS) -> list[Piece]:
    """``pieces`` with long unchanged stretches cut to ``context`` words either side of a
    change (the cut marked by "… ")."""
    if all(piece.op == "=" for piece in pieces):
        return pieces
    out: list[Piece] = []
    for n, piece in enumerate(pieces):
        if piece.op != "=":
            out.append(piece)
            continue
        words = _WORD.findall(piece.text)
        head = words[:context] if n > 0 else []
        tail = words[-context:] if n < len(pieces) - 1 else []
        if len(head) + len(tail) >= len(words):
            out.append(piece)
            continue
        out.append(Piece("=", "".join(head) + "… " + "".join(tail)))
    return out


def wdiff(pieces: list[Piece]) -> str:
    """The pieces as text, ``wdiff`` style: ``[-deleted-]{+inserted+}``."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(marks[p.op][0] + p.text + marks[p.op][1] for p in pieces)


def _add_same_word(pieces: list[Piece], old: str, new: str) -> None:
    """A word in both texts, the space after it changed or not."""
    word = new.rstrip()
    _add(pieces, "=", word)
    if old[len(word) :] == new[len(word) :]:
        _add(pieces, "=", new[len(word) :])
    else:
        _add(pieces, "-", old[len(word) :])
        _add(pieces, "+", new[len(word) :])


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op == op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))
