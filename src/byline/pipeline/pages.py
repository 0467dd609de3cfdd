"""What pipeline readers yield: a page to extract, or an input set aside with its reason.

Every input a reader sees comes out as exactly one of these three, so nothing
is ever dropped silently. ``key`` names the input stably across runs (a
resumed run skips the keys it has already written); ``source`` says where the
input came from and is carried into the output record unchanged.

Keys by kind of input:
- a file: ``file:<absolute path>``
- a WARC/ARC record: ``warc:<path or URL of the archive>@<record offset>``
- a fetched URL: ``url:<the URL as listed or discovered>``
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page to extract."""

    key: str
    content: bytes
    url: str | None = None
    charset: str | None = None  # declared by the transport (HTTP Content-Type), if any
    source: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that is deliberately not extracted: not HTML, HTTP 404, robots.txt..."""

    key: str
    reason: str  # short and countable: "not-html", "http-404", "robots-disallowed"
    source: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failed:
    """An input that could not be read: the reason goes to the errors file."""

    key: str
    reason: str  # a sentence a user can act on
    source: dict[str, Any] = field(default_factory=dict)


Item = Page | Skipped | Failed
