"""The ``url`` source: the publication day many sites put in the URL path.

``https://example.com/2023/06/23/slug`` proposes ``published = "2023-06-23"``. The page
URL is read first; without a date there, the canonical link (which often keeps the dated
path when the page was fetched through a short or tracking URL).
"""

from __future__ import annotations

from typing import Final

from byline.dates import date_in_url
from byline.document import Document
from byline.sources import Candidate

SOURCE: Final = "url"


def candidates(doc: Document) -> list[Candidate]:
    """At most one ``published`` candidate, an ISO date string."""
    for url in (doc.url, _canonical_href(doc)):
        if isinstance(url, str):
            day = date_in_url(url)
            if day is not None:
                return [Candidate("published", day.isoformat(), SOURCE)]
    return []


def _canonical_href(doc: Document) -> str | None:
    for link in doc.root.iterfind(".//head/link[@rel][@href]"):
        if "canonical" in str(link.get("rel", "")).lower().split():
            return str(link.get("href"))
    return None
