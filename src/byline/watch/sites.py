"""The listings ``byline watch`` reads each round: feeds and sitemaps, from its options and
from a sites file.

A sites file is plain text, one listing a line: ``feed URL`` or ``sitemap URL``,
or a bare URL, read as a sitemap when its path names one (``sitemap`` in it, or
``.xml.gz``) or is a site's root or robots.txt (whose ``Sitemap:`` lines are
read), else as a feed (RSS or Atom). Options for the listing may follow the URL:
``revisit=SCHEDULE`` (its stories' revisit schedule, instead of ``--revisit``)
and ``delay=S`` (seconds between requests to its host, instead of ``--delay``).
A ``#`` starts a comment, to the end of the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from byline.pipeline.discover import SITE_ENTRY_PATHS
from byline.watch.schedule import Schedule

Kind = Literal["feed", "sitemap"]
KINDS: tuple[Kind, ...] = ("feed", "sitemap")
OPTIONS = ("revisit", "delay")


class SitesError(ValueError):
    """A sites file byline cannot read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Listing:
    kind: Kind
    url: str
    revisit: Schedule | None = None
    """Its stories' revisit schedule; None: the watch's."""
    delay: float | None = None
    """Seconds between requests to its host; None: the watch's."""

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


def listings(feeds: Iterable[str], sitemaps: Iterable[str], files: Iterable[Path]) -> list[Listing]:
    """The listings of ``--feed``, ``--sitemap`` and ``--sites`` options, each once, in order."""
    found = [Listing("feed", url) for url in feeds]
    found += [Listing("sitemap", url) for url in sitemaps]
    for path in files:
        found += read_sites(path)
    return list(dict.fromkeys(found))


def read_sites(path: Path) -> list[Listing]:
    """The listings of a sites file (see the module)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SitesError(f"cannot read {path}: {error}") from None
    listed = []
    for number, line in enumerate(text.splitlines(), 1):
        words = list(takewhile(lambda word: not word.startswith("#"), line.split()))
        if not words:
            continue
        try:
            listed.append(_listing(words))
        except ValueError as error:
            raise SitesError(f"{path}, line {number}: {error}") from None
    return listed


def _listing(words: list[str]) -> Listing:
    """The listing of a line's words: [KIND] URL [OPTION=VALUE]..."""
    if words[0].lower() in KINDS:
        kind: Kind = "feed" if words[0].lower() == "feed" else "sitemap"
        words = words[1:]
        if not words:
            raise ValueError(f"write '{kind} URL'")
    else:
        kind = guessed_kind(words[0])
    url, options = words[0], dict(_option(word) for word in words[1:])
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{url!r} is not an http(s) URL")
    revisit = Schedule.parse(options["revisit"]) if "revisit" in options else None
    delay = _seconds(options["delay"]) if "delay" in options else None
    return Listing(kind, url, revisit, delay)


def _option(word: str) -> tuple[str, str]:
    name, equals, value = word.partition("=")
    if not equals or name not in OPTIONS:
        raise ValueError(f"{word!r} is not an option ({', '.join(f'{o}=' for o in OPTIONS)})")
    return name, value


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise ValueError(f"delay={value}: give seconds, 0 or more")
    return seconds


def guessed_kind(url: str) -> Kind:
    """Whether a bare URL is a sitemap or a feed, by its path (see the module)."""
    path = urlsplit(url).path.lower()
    if "sitemap" in path or path.endswith(".xml.gz") or path in SITE_ENTRY_PATHS:
        return "sitemap"
    return "feed"
