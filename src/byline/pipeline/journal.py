"""The run's journal: which inputs are done, so a killed run resumes exactly where it stood.

``<out>.journal`` is a JSON Lines file next to the output. Its first line
holds the options the output depends on; every later line is one commit:
the inputs it covers (by record id, with their outcome and de-duplication
signature) and the sink positions after writing them. A commit line is
written and fsynced only after the output it describes, so a line that is
there describes output that is there; a torn last line (the run was killed
mid-write) is ignored, and the output past the last commit is cut off and
redone.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JOURNAL_VERSION = 1


class JournalMismatch(Exception):
    """The output was started with other options; resuming would mix two runs."""


@dataclass(slots=True)
class Entry:
    """One input's line in a commit."""

    id: str
    status: str  # record, duplicate-dropped, no-article, error, skipped
    reason: str | None = None  # the skip reason, or a record's note, counted in the summary
    signature: dict[str, Any] | None = None  # records only: to rebuild de-duplication
    duplicate_of: str | None = None

    def to_json(self) -> list[Any]:
        return [self.id, self.status, self.reason, self.signature, self.duplicate_of]


@dataclass(slots=True)
class JournalState:
    """What earlier runs of the same command did."""

    done: set[str] = field(default_factory=set)
    entries: list[Entry] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0  # seconds spent by earlier runs

    def counts(self) -> Counter[str]:
        return Counter(e.status for e in self.entries)


class Journal:
    def __init__(self, path: Path, options: dict[str, Any]) -> None:
        self.path = path
        self.options = options

    def load(self) -> JournalState:
        """The state earlier runs left; an empty state for a new run."""
        state = JournalState()
        if not self.path.exists():
            return state
        with self.path.open("rb") as lines:
            header = _parsed(next(lines, b""))
            if header is None:
                return state
            if header.get("options") != self.options:
                raise JournalMismatch(
                    f"{self.path} records a run with other options ({header.get('options')}); "
                    "run with the same options to resume it, or pass --overwrite to start again"
                )
            for line in lines:
                commit = _parsed(line)
                if commit is None:  # torn by a kill mid-write: that commit never happened
                    break
                state.positions = commit["positions"]
                state.elapsed = commit["elapsed"]
                for values in commit["entries"]:
                    entry = Entry(*values)
                    state.entries.append(entry)
                    state.done.add(entry.id)
        return state

    def start(self, state: JournalState) -> None:
        """Open for appending, rewriting the file if it has no valid header or a torn tail."""
        lines = [{"byline_journal": JOURNAL_VERSION, "options": self.options}]
        if state.entries or state.positions:
            lines.append(
                {
                    "positions": state.positions,
                    "elapsed": state.elapsed,
                    "entries": [e.to_json() for e in state.entries],
                }
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as file:
            for line in lines:
                file.write(json.dumps(line, ensure_ascii=False) + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)
        self.file = self.path.open("a", encoding="utf-8")

    def commit(self, entries: list[Entry], positions: dict[str, int], elapsed: float) -> None:
        line = {
            "positions": positions,
            "elapsed": round(elapsed, 3),
            "entries": [e.to_json() for e in entries],
        }
        self.file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def close(self) -> None:
        self.file.close()


def _parsed(line: bytes) -> dict[str, Any] | None:
    if not line.endswith(b"\n"):
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
