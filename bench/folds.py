"""Site-grouped folds of the development corpus, for honest cross-validation.

Anything fitted on the dev corpus (model weights, thresholds) is fitted on some
folds and scored on the others. Pages of one site share a fold, so a held-out
score never rewards learning a site's template. The fold of a page depends on
its site's name only (a stable hash), so every script that fits anything uses
the same split, and adding pages never moves the others.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

FOLDS = 5

ARCHIVE_PREFIX = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?P<url>.+)$", re.I)
"""An archived copy belongs to the site it archives."""

NAMED_PAGE = re.compile(r"^[a-z]+::(?P<name>.+)$", re.I)
"""Some corpus pages have a name instead of a URL: ``hard::site.tld-slug.html``."""

NAME_HOST = re.compile(r"^((?:[a-z0-9-]+\.)+?[a-z]{2,3}(?:\.[a-z]{2})?)(?=[.-]|$)", re.I)
"""The host a page name starts with: labels up to the first top-level-looking one."""

SECOND_LEVEL_LABELS = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})
"""Labels under a country domain that belong to the registry (``gleaner.com.jm``)."""

T = TypeVar("T")


def site_of(url: str) -> str:
    """The registered domain a page belongs to (an approximation without a suffix list)."""
    archived = ARCHIVE_PREFIX.match(url)
    if archived:
        url = archived["url"]
    named = NAMED_PAGE.match(url)
    if named:
        name = named["name"].removesuffix(".html")
        host_match = NAME_HOST.match(name)
        host = host_match[1] if host_match else name
    else:
        host = urlsplit(url).hostname or url
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) > 2 and _under_country_registry(labels) else 2
    return ".".join(labels[-keep:])


def _under_country_registry(labels: Sequence[str]) -> bool:
    return len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS


def fold_of(url: str, folds: int = FOLDS) -> int:
    digest = hashlib.sha1(site_of(url).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


def folds_of(
    items: Sequence[T], urls: Sequence[str], folds: int = FOLDS
) -> Iterator[tuple[int, list[T], list[T]]]:
    """Each fold in turn: (fold, training items, held-out items), grouped by site."""
    assigned = [fold_of(url, folds) for url in urls]
    for fold in range(folds):
        training = [item for item, f in zip(items, assigned, strict=True) if f != fold]
        held = [item for item, f in zip(items, assigned, strict=True) if f == fold]
        yield fold, training, held
