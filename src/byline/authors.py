"""Placeholder: author-name cleaning lands with the authors helper."""

from __future__ import annotations


def split_names(raw: str) -> list[str]:
    """Author names in a byline string, without "By", roles or dates."""
    return [raw.strip()] if raw.strip() else []


def is_person_name(name: str) -> bool:
    """Whether ``name`` looks like a person rather than an organisation or placeholder."""
    return bool(name)
