"""The annotated development corpus (``../shared/corpus/dev``) and its scoring rules.

Scoring follows ``../shared/README.md``: whitespace-normalised snippets are looked
up in the whitespace-normalised main text; a ``with`` snippet found is a true
positive, a ``without`` snippet found a false positive; counts are summed over
pages. Metadata fields are exact matches after whitespace normalisation,
case-insensitive, over the pages that annotate the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
METADATA_FIELDS = ("title", "author", "date", "description")
SEALED = DEFAULT_CORPUS.parent.parent / "blind"
"""The sealed blind set: never opened, by the benchmark or anything else (its own script
times byline on it)."""


@dataclass(slots=True)
class Page:
    url: str
    path: Path
    annotation: dict[str, Any]

    def read(self) -> bytes:
        return self.path.read_bytes()


def pages(corpus: Path = DEFAULT_CORPUS) -> Iterator[Page]:
    annotations = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    for url, annotation in annotations.items():
        yield Page(url=url, path=corpus / "html" / annotation["file"], annotation=annotation)


def html_pages(directory: Path) -> Iterator[Page]:
    """The ``.html`` files of a directory, without annotations (timed only), by name.

    Their address is the file's own (``file://``): the page's links resolve against it."""
    for path in sorted(directory.glob("*.html")):
        yield Page(url=path.resolve().as_uri(), path=path, annotation={})


def normalise(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass(slots=True)
class Score:
    """Running counts for one tool on a set of pages."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [hits, total]

    def add_text(self, annotation: dict[str, Any], body: str | None) -> tuple[int, int, int, int]:
        text = normalise(body)
        counts = [0, 0, 0, 0]
        for snippet in annotation.get("with", []):
            counts[0 if normalise(snippet) in text else 1] += 1
        for snippet in annotation.get("without", []):
            counts[2 if normalise(snippet) in text else 3] += 1
        self.tp += counts[0]
        self.fn += counts[1]
        self.fp += counts[2]
        self.tn += counts[3]
        return counts[0], counts[1], counts[2], counts[3]

    def add_field(self, name: str, expected: Any, found: str | None) -> bool | None:
        """Score one metadata field; None when the page does not annotate it."""
        if not normalise(expected if isinstance(expected, str) else "; ".join(expected or [])):
            return None
        hit = metadata_matches(name, expected, found)
        tally = self.fields.setdefault(name, [0, 0])
        tally[0] += hit
        tally[1] += 1
        return hit

    @property
    def precision(self) -> float:
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        hits, total = self.fields.get(name, [0, 0])
        return hits / total if total else 0.0


def metadata_matches(name: str, expected: Any, found: str | None) -> bool:
    """Exact match after whitespace normalisation, case-insensitive.

    Pages whose annotation is empty do not count (this reproduces the figures
    published for trafilatura on this corpus). For authors the comparison is
    of the list of names: "A, B", "A; B", "A und B" and ["A", "B"] are the same
    answer, whatever separator a tool or annotator used.
    """
    if isinstance(expected, list):
        expected = "; ".join(expected)
    want, got = normalise(expected).casefold(), normalise(found).casefold()
    if name == "author":
        return _names(want) == _names(got)
    return want == got


_NAME_SEPARATORS = re.compile(r"\s*(?:[;,&]|\s(?:and|und|et|y|e|i)\s)\s*")


def _names(text: str) -> list[str]:
    return sorted(part for part in _NAME_SEPARATORS.split(text) if part)
