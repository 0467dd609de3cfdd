"""Every version of every article: what changed, when, and each version's record.

An article (keyed as ``articles.key``: canonical URL, else URL) has a row in
``stories`` (how many versions, first and last seen, when it was found removed)
and one row per version in ``versions`` (when it was fetched, which of
``VERSION_FIELDS`` changed from the version before). A record that differs from
the stored one in any of ``VERSION_FIELDS`` is a new version; one that differs
only in the rest (fetch time, provenance, images...) only moves "last seen".

The latest version's record is the stored record itself (``records`` and
``texts``: search finds it). Each older version keeps a reverse delta, zlib
compressed: what turns the next version's record into its own (the fields that
differ; long texts as line edits), so a version whose new paragraph is all that
changed costs about that paragraph's bytes, not a copy of the article.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

VERSION_FIELDS = ("title", "description", "body", "authors", "published", "modified")
"""The fields that make a record a different version of its article: what a reader sees
changed. The rest is furniture (fetch time, provenance, images, word count, which
follows the body) and never makes a version."""
LINE_EDITED = frozenset({"body", "body_html"})
"""Fields a delta holds as line edits (``_edits``) rather than whole: the long texts."""
COMPRESSION_LEVEL = 9
"""zlib level of deltas: written once per version, read rarely."""
_PIECE = re.compile(r"[^\n]*\n|.+?(?:>(?=<)|$)", re.DOTALL)
"""A text cut into lines, and markup between tags (``</p><p>``), for line edits: the
pieces joined are the text."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of an article."""

    number: int
    """1 for the first version seen, then 2, 3..."""
    fetched_at: str | None
    """When the page was fetched (ISO 8601, UTC), as its record's source says."""
    changed: list[str]
    """The ``VERSION_FIELDS`` that differ from the version before (none for the first)."""
    record: dict[str, Any]
    """The version's record, as ``Record.to_dict()`` gives it."""


@dataclass(frozen=True, slots=True)
class Story:
    """An article's life in the corpus."""

    versions: int
    first_seen: str | None
    last_seen: str | None
    removed_at: str | None
    """When a visit found the page gone (HTTP 404 or 410); None while it is there."""


TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
"""How the store writes times: ISO 8601 in UTC, to the second (as fetch times are)."""


def now() -> str:
    """The time now as the store writes times."""
    return datetime.now(UTC).strftime(TIME_FORMAT)


def seen_at(record: dict[str, Any]) -> str:
    """When ``record``'s page was fetched: its source's fetch time, else its archive's
    date, else now (a file has neither)."""
    source = record.get("source") or {}
    return str(source.get("fetched_at") or source.get("date") or now())


def is_older(conn: sqlite3.Connection, key: str, record: dict[str, Any]) -> bool:
    """Whether ``record`` was fetched (or archived) before the article ``key`` was last
    seen: an old crawl loaded after a newer one, which must not pass for a new version."""
    source = record.get("source") or {}
    fetched = source.get("fetched_at") or source.get("date")
    found = conn.execute("SELECT last_seen FROM stories WHERE key = ?", (key,)).fetchone()
    return bool(fetched and found and found[0] and str(fetched) < found[0])


def changed_fields(older: dict[str, Any], newer: dict[str, Any]) -> list[str]:
    """The ``VERSION_FIELDS`` whose values differ between two records."""
    return [name for name in VERSION_FIELDS if older.get(name) != newer.get(name)]


def note(
    conn: sqlite3.Connection,
    key: str,
    previous: tuple[str, dict[str, Any]] | None,
    current: dict[str, Any],
) -> bool:
    """Note ``current``, just stored under ``key``, as a version of its article (in the
    caller's transaction): a new version if it differs from ``previous`` (the key and
    record it replaced) in ``VERSION_FIELDS``, else a sighting. Whether it made a version."""
    seen = seen_at(current)
    if previous is not None and previous[0] != key:
        _rename(conn, previous[0], key)
    found = conn.execute("SELECT versions FROM stories WHERE key = ?", (key,)).fetchone()
    if found is None:
        conn.execute(
            "INSERT INTO stories (key, versions, first_seen, last_seen) VALUES (?, 1, ?, ?)",
            (key, seen, seen),
        )
        conn.execute(
            "INSERT INTO versions (key, number, fetched_at, changed) VALUES (?, 1, ?, '[]')",
            (key, seen),
        )
        return True
    count: int = found[0]
    older = previous[1] if previous is not None else {}
    changed = changed_fields(older, current)
    if not changed:
        if count > 1 and older != current:
            _rebase(conn, key, count - 1, older, current)
        _seen(conn, key, seen)
        return False
    conn.execute(
        "UPDATE versions SET delta = ? WHERE key = ? AND number = ?",
        (_packed(_delta(current, older)), key, count),
    )
    conn.execute(
        "INSERT INTO versions (key, number, fetched_at, changed) VALUES (?, ?, ?, ?)",
        (key, count + 1, seen, json.dumps(changed)),
    )
    conn.execute("UPDATE stories SET versions = ? WHERE key = ?", (count + 1, key))
    _seen(conn, key, seen)
    return True


def seen_unchanged(conn: sqlite3.Connection, key: str, when: str) -> None:
    """The article was there, unchanged, at ``when`` (an HTTP 304)."""
    _seen(conn, key, when)


def removed(conn: sqlite3.Connection, key: str, when: str) -> None:
    """The article's page was found gone at ``when`` (HTTP 404 or 410)."""
    conn.execute(
        "UPDATE stories SET removed_at = coalesce(removed_at, ?) WHERE key = ?", (when, key)
    )


def story(conn: sqlite3.Connection, key: str) -> Story | None:
    found = conn.execute(
        "SELECT versions, first_seen, last_seen, removed_at FROM stories WHERE key = ?", (key,)
    ).fetchone()
    return None if found is None else Story(*found)


def versions(conn: sqlite3.Connection, key: str, latest: dict[str, Any]) -> list[Version]:
    """Every version of the article ``key``, oldest first; ``latest`` is its stored record."""
    rows = conn.execute(
        "SELECT number, fetched_at, changed, delta FROM versions WHERE key = ?"
        " ORDER BY number DESC",
        (key,),
    ).fetchall()
    found, record = [], latest
    for number, fetched_at, changed, delta in rows:
        if delta is not None:
            record = _patched(record, _unpacked(delta))
        found.append(Version(number, fetched_at, json.loads(changed), record))
    return found[::-1]


def _seen(conn: sqlite3.Connection, key: str, when: str) -> None:
    """Seen at ``when``: there (not removed), and last seen then if that is later."""
    conn.execute(
        "UPDATE stories SET last_seen = max(coalesce(last_seen, ''), ?), removed_at = NULL"
        " WHERE key = ?",
        (when, key),
    )


def _rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    """The article's key changed (its canonical URL did): its versions follow it, unless
    the new key has versions of its own."""
    if conn.execute("SELECT 1 FROM stories WHERE key = ?", (new,)).fetchone() is None:
        conn.execute("UPDATE stories SET key = ? WHERE key = ?", (new, old))
        conn.execute("UPDATE versions SET key = ? WHERE key = ?", (new, old))


def _rebase(
    conn: sqlite3.Connection,
    key: str,
    number: int,
    replaced: dict[str, Any],
    latest: dict[str, Any],
) -> None:
    """Version ``number``'s delta against ``latest``, the record that replaced ``replaced``
    (the same version, other furniture): so that it still gives back version ``number``."""
    (delta,) = conn.execute(
        "SELECT delta FROM versions WHERE key = ? AND number = ?", (key, number)
    ).fetchone()
    older = _patched(replaced, _unpacked(delta))
    conn.execute(
        "UPDATE versions SET delta = ? WHERE key = ? AND number = ?",
        (_packed(_delta(latest, older)), key, number),
    )


def _delta(newer: dict[str, Any], older: dict[str, Any]) -> dict[str, Any]:
    """What turns ``newer`` into ``older``: fields to set (long texts as line edits) and
    fields to drop."""
    set_: dict[str, Any] = {}
    edit: dict[str, list[int | str]] = {}
    for name, value in older.items():
        if name in newer and newer[name] == value:
            continue
        if name in LINE_EDITED and isinstance(value, str) and isinstance(newer.get(name), str):
            edit[name] = _edits(newer[name], value)
        else:
            set_[name] = value
    return {"set": set_, "edit": edit, "drop": [name for name in newer if name not in older]}


def _patched(record: dict[str, Any], delta: dict[str, Any]) -> dict[str, Any]:
    """``record`` with ``delta`` applied: the version it was taken from."""
    patched = {name: value for name, value in record.items() if name not in delta["drop"]}
    patched |= delta["set"]
    for name, edits in delta["edit"].items():
        patched[name] = _edited(record[name], edits)
    return patched


def _edits(newer: str, older: str) -> list[int | str]:
    """Line edits turning ``newer`` into ``older``: n copies the next n pieces of
    ``newer``, -n skips n, a string is inserted."""
    source, target = _PIECE.findall(newer), _PIECE.findall(older)
    edits: list[int | str] = []
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            edits.append(i2 - i1)
            continue
        if i2 > i1:
            edits.append(i1 - i2)
        edits.extend(target[j1:j2])
    return edits


def _edited(newer: str, edits: list[int | str]) -> str:
    pieces, at, out = _PIECE.findall(newer), 0, []
    for edit in edits:
        if isinstance(edit, str):
            out.append(edit)
        elif edit > 0:
            out.extend(pieces[at : at + edit])
            at += edit
        else:
            at -= edit
    return "".join(out)


def _packed(delta: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(delta, ensure_ascii=False).encode(), COMPRESSION_LEVEL)


def _unpacked(blob: bytes) -> dict[str, Any]:
    delta: dict[str, Any] = json.loads(zlib.decompress(blob))
    return delta
