"""Placeholder: date parsing lands with the dates helper."""

from __future__ import annotations

from datetime import date, datetime


def parse_date(text: str) -> datetime | date | None:
    """A date or datetime from free text in any supported language, else None."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def date_in_url(url: str) -> date | None:
    """The publication date a URL path carries (``/2023/06/23/``, ``/20230623/``)."""
    return None
