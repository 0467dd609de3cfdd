"""De-duplication for ``byline run``: which earlier record, if any, a page repeats.

A wire story reaches many sites with small edits (another intro line, a
dropped paragraph, a different dateline, a few words changed, site
boilerplate appended). The runner marks each copy with the id of the FIRST
record of its story. The work is split in two:

- ``signature(canonical_url, body)`` runs in the worker processes. A
  ``Signature`` is small and JSON-ready (``to_json``/``from_json``), so a
  resumed run rebuilds the index from the signatures it already wrote.
- ``Deduplicator.first_of(record_id, sig)``, in the main process, fed in input
  order: the id of the earlier record this one repeats, or ``None`` (and then
  the record is registered as the first of a new story).

Exact duplicates share the normalised canonical URL (``normalise_url``) or the
hash of the normalised body (case-folded words, no punctuation, single spaces).
Near duplicates: MinHash over word 3-shingles (CJK characters count as words),
computed by one-permutation hashing (one blake2b hash per shingle, the minimum
kept per bin; empty bins densified by rotation) so a 700-word body takes about
0.55 ms. The index finds candidates through LSH bands (16 bands of 2 bins, each
hashed to a 32-bit key) and accepts one when the sketches estimate a Jaccard
similarity of at least 0.4. Bodies under 50 words are checked for exact
duplicates only: too few shingles, and boilerplate-only pages would collide.
All hashes are blake2b, never ``hash()``: signatures must not depend on the
process or the machine.

Choices measured with ``scripts/measure_dedup.py`` on the 789 bodies of the
development corpus and edited copies of each (see that script):

- SimHash (64 bits over the same shingles, tried once on the same copies,
  not kept in the script) was rejected: all the edits at once move a copy a
  median 14 bits from its original, while distinct articles can be 13 apart.
- MinHash with these parameters finds 99.5 % of copies with a dropped
  paragraph, 100 % with a new first paragraph, 5 % of words changed or a
  40-word footer, 93 % with all of them at once (99.7 % for bodies of 300+
  words, where the added text is a smaller share), and flags no distinct
  corpus articles (it does flag two genuine duplicates: one page stored twice,
  one press release on two sites); distinct articles estimate at most 0.07.
- The threshold sits above the estimated similarity of distinct short
  articles that share a 40-word footer (at most 0.29), which 3-word shingles
  cannot tell apart from heavily edited copies of short articles.

Memory, measured at one million registered records: 486 bytes a record (the
128-byte sketch, 18 entries in flat hash tables), plus the record id strings;
up to 300 bytes more while the largest table doubles.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import re
import struct
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

SIGNATURE_VERSION = 1
"""Stored in every serialised signature; bump it when any parameter below changes."""

SHINGLE_WORDS = 3
MIN_NEAR_WORDS = 50
"""Shorter bodies are only checked for exact duplicates."""
SKETCH_BINS = 128
"""MinHash bins; the sketch keeps the low byte of each bin's minimum."""
BAND_COUNT = 16
BAND_ROWS = 2
"""Bins per LSH band: two records become candidates when a whole band agrees."""
NEAR_THRESHOLD = 0.4
"""Estimated Jaccard similarity of 3-shingles from which a record is a near duplicate."""
BUCKET_CAPACITY = 4
"""Records kept under one band key: bounds a lookup's work, and one chance
collision with an unrelated record does not stop a new story from registering."""

_CHANCE_MATCH = 1 / 256  # two different minima share their low byte this often
_MASK64 = (1 << 64) - 1
_ROTATION_OFFSET = 0x9E3779B97F4A7C15  # odd, well mixed: borrowed bins differ by distance
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
"""A word: one CJK character (those scripts do not space words) or a run of letters/digits."""

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = frozenset(
    "fbclid gclid dclid gbraid wbraid msclkid yclid igshid mc_cid mc_eid _ga _gl".split()
)
TRACKING_PREFIXES = ("utm_",)


@dataclass(frozen=True, slots=True)
class Signature:
    """What the index needs of one record.

    ``url_key`` and ``body_key`` are 64-bit hashes of the normalised canonical
    URL and body (``None`` when absent or empty). ``bands`` (32-bit LSH keys)
    and ``sketch`` (``SKETCH_BINS`` bytes) are empty for bodies too short for
    near-duplicate checks.
    """

    url_key: int | None = None
    body_key: int | None = None
    bands: tuple[int, ...] = ()
    sketch: bytes = b""

    def to_json(self) -> dict[str, Any]:
        """This signature as a JSON-ready dict (hashes as hex strings)."""
        return {
            "version": SIGNATURE_VERSION,
            "url": _hex_or_none(self.url_key),
            "body": _hex_or_none(self.body_key),
            "bands": list(self.bands),
            "sketch": self.sketch.hex(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Signature:
        """The signature ``to_json`` gave; ``ValueError`` if ``data`` is not one of this version."""
        if not isinstance(data, Mapping) or data.get("version") != SIGNATURE_VERSION:
            raise ValueError(f"not a version {SIGNATURE_VERSION} de-duplication signature")
        try:
            signature = cls(
                url_key=_int_or_none(data["url"]),
                body_key=_int_or_none(data["body"]),
                bands=tuple(int(band) for band in data["bands"]),
                sketch=bytes.fromhex(data["sketch"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"malformed de-duplication signature: {error!r}") from None
        if not _is_well_formed(signature):
            raise ValueError("malformed de-duplication signature: a hash out of range or size")
        return signature


def signature(canonical_url: str | None, body: str) -> Signature:
    """The signature of a record with this canonical URL and body text."""
    if not isinstance(body, str):
        raise TypeError(f"body must be a str, not {type(body).__name__}")
    words = _WORD.findall(body.casefold())
    url = normalise_url(canonical_url)
    url_key = _hash64(url) if url else None
    body_key = _hash64(" ".join(words)) if words else None
    if len(words) < MIN_NEAR_WORDS:
        return Signature(url_key, body_key)
    minima = _densified(_bin_minima(_shingle_hashes(words)))
    bands = tuple(_band_key(band, minima) for band in range(BAND_COUNT))
    return Signature(url_key, body_key, bands, bytes(value & 0xFF for value in minima))


def normalise_url(url: str | None) -> str | None:
    """``url`` in the form two links to the same page share; ``None`` if not an http(s) URL.

    Scheme and host lowercased, default port, credentials, fragment and
    tracking parameters (``utm_*``, ``fbclid``, ``gclid``...) dropped,
    trailing slashes removed from the path.
    """
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # unbalanced IPv6 brackets, a port out of range
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in DEFAULT_PORTS or not host:
        return None
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "")


class Deduplicator:
    """The records seen so far, indexed to tell which earlier one a new record repeats.

    Fed in input order, so the answers do not depend on which worker finished
    first. Only new records are registered: every copy of a story points at
    its first record, never at another copy.
    """

    def __init__(self) -> None:
        self._ids: list[str] = []  # record number -> id
        self._sketches = bytearray()  # SKETCH_BINS bytes per record number (zeros if none)
        self._by_url = _Buckets("Q")
        self._by_body = _Buckets("Q")
        self._by_band = _Buckets("I")  # a chance hit only costs a sketch comparison

    def __len__(self) -> int:
        """The number of records registered as the first of their story."""
        return len(self._ids)

    def first_of(self, record_id: str, sig: Signature) -> str | None:
        """The id of the earlier record ``sig`` repeats, else ``None`` after registering it."""
        first = self._first_match(sig)
        if first is not None:
            return self._ids[first]
        self._register(record_id, sig)
        return None

    def _first_match(self, sig: Signature) -> int | None:
        exact = [
            record
            for table, key in ((self._by_url, sig.url_key), (self._by_body, sig.body_key))
            if key is not None
            for record in table.get(key)
        ]
        if exact or not sig.sketch:
            return min(exact, default=None)
            return None
        candidates = {record for band in sig.bands for record in self._by_band.get(band)}
        near = [
            record
            for record in candidates
            if estimated_jaccard(sig.sketch, self._sketch(record)) >= NEAR_THRESHOLD
        ]
        return min(near, default=None)

    def _register(self, record_id: str, sig: Signature) -> None:
        record = len(self._ids)
        self._ids.append(record_id)
        self._sketches += sig.sketch or bytes(SKETCH_BINS)
        for table, key in ((self._by_url, sig.url_key), (self._by_body, sig.body_key)):
            if key is not None:
                table.add(key, record)
        for band in sig.bands:
            self._by_band.add(band, record)

    def _sketch(self, record: int) -> bytearray:
        return self._sketches[record * SKETCH_BINS : (record + 1) * SKETCH_BINS]


def estimated_jaccard(sketch: bytes | bytearray, other: bytes | bytearray) -> float:
    """The Jaccard similarity of two bodies' 3-shingle sets, estimated from their sketches."""
    if len(sketch) != len(other):
        raise ValueError("sketches of different sizes")
    agreeing = sum(map(operator.eq, sketch, other)) / len(sketch)
    return max(0.0, (agreeing - _CHANCE_MATCH) / (1 - _CHANCE_MATCH))


class _Buckets:
    """Hash key -> up to ``BUCKET_CAPACITY`` record numbers.

    A dict costs about 100 bytes an entry (each int key is an object of its
    own); these two flat arrays cost 8 or 12 bytes a slot, kept between a
    third and two thirds full. Open addressing with linear probing: a key's
    entries lie in the run of occupied slots that starts at its home slot.
    """

    _INITIAL_SLOTS = 1 << 10
    _MAX_LOAD = 2 / 3

    def __init__(self, key_typecode: str) -> None:
        self._key_typecode = key_typecode  # "I": 32-bit keys, "Q": 64-bit keys
        self._key_bits = array(key_typecode).itemsize * 8
        self._used = 0
        self._allocate(self._INITIAL_SLOTS)

    def get(self, key: int) -> list[int]:
        """The record numbers stored under ``key``."""
        return self._scan(key)[0]

    def add(self, key: int, record: int) -> None:
        """Store ``record`` under ``key``, unless the key holds ``BUCKET_CAPACITY`` already."""
        stored, free_slot = self._scan(key)
        if len(stored) >= BUCKET_CAPACITY:
            return
        self._keys[free_slot] = key
        self._records[free_slot] = record + 1
        self._used += 1
        if self._used > self._MAX_LOAD * len(self._keys):
            self._grow()

    def _scan(self, key: int) -> tuple[list[int], int]:
        """The records under ``key`` and the free slot that ends the run from its home slot."""
        records = []
        slot = key >> self._shift  # keys are hashes: their top bits are as good as any
        while stored_record := self._records[slot]:
            if self._keys[slot] == key:
                records.append(stored_record - 1)
            slot = (slot + 1) & self._mask
        return records, slot

    def _allocate(self, slots: int) -> None:
        key_size = array(self._key_typecode).itemsize
        self._keys = array(self._key_typecode, bytes(key_size * slots))
        self._records = array("I", bytes(4 * slots))  # record number + 1; 0 marks a free slot
        self._mask = slots - 1
        self._shift = self._key_bits - (slots.bit_length() - 1)

    def _grow(self) -> None:
        old_keys, old_records = self._keys, self._records
        self._allocate(2 * len(old_keys))
        for key, stored_record in zip(old_keys, old_records, strict=True):
            if stored_record:
                free_slot = self._scan(key)[1]
                self._keys[free_slot] = key
                self._records[free_slot] = stored_record


def _shingle_hashes(words: list[str]) -> tuple[int, ...]:
    grams = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)
    shingles = {" ".join(gram).encode() for gram in grams}
    digests = b"".join([hashlib.blake2b(shingle, digest_size=8).digest() for shingle in shingles])
    return struct.unpack(f"<{len(shingles)}Q", digests)  # faster than an int.from_bytes each


def _bin_minima(hashes: tuple[int, ...]) -> list[int | None]:
    """One-permutation hashing: a hash's low bits choose its bin, the rest is its value."""
    minima: list[int | None] = [None] * SKETCH_BINS
    for hashed in hashes:
        value, bin_ = divmod(hashed, SKETCH_BINS)
        current = minima[bin_]
        if current is None or value < current:
            minima[bin_] = value
    return minima


def _densified(minima: list[int | None]) -> list[int]:
    """Each empty bin takes the minimum of the next filled bin (wrapping round), offset by
    the distance, so two sketches agree there only when their sources agree (Shrivastava
    and Li, "Densifying one permutation hashing via rotation", 2014)."""
    filled = {i: value for i, value in enumerate(minima) if value is not None}
    positions = list(filled)
    dense = []
    for i, value in enumerate(minima):
        if value is None:
            source = positions[bisect.bisect(positions, i) % len(positions)]
            distance = (source - i) % SKETCH_BINS
            value = (filled[source] + distance * _ROTATION_OFFSET) & _MASK64
        dense.append(value)
    return dense


def _band_key(band: int, minima: list[int]) -> int:
    rows = minima[band * BAND_ROWS : (band + 1) * BAND_ROWS]
    packed = struct.pack(f"<B{BAND_ROWS}Q", band, *rows)
    return int.from_bytes(hashlib.blake2b(packed, digest_size=4).digest(), "little")


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def _is_tracking(parameter: str) -> bool:
    name = parameter.split("=", 1)[0].lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _is_well_formed(sig: Signature) -> bool:
    keys = [key for key in (sig.url_key, sig.body_key) if key is not None]
    if not all(0 <= key <= _MASK64 for key in keys):
        return False
    if not sig.sketch:
        return not sig.bands
    return (
        len(sig.sketch) == SKETCH_BINS
        and len(sig.bands) == BAND_COUNT
        and all(0 <= band <= 0xFFFF_FFFF for band in sig.bands)
    )


def _hex_or_none(key: int | None) -> str | None:
    return None if key is None else f"{key:016x}"


def _int_or_none(text: str | None) -> int | None:
    return None if text is None else int(text, 16)
