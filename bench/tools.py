"""Adapters: each tool turns (html bytes, url) into the fields the corpus scores."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict


class Output(TypedDict, total=False):
    body: str | None
    title: str | None
    author: str | None
    date: str | None
    description: str | None


Tool = Callable[[bytes, str], Output]


def byline_tool(html: bytes, url: str) -> Output:
    import byline

    try:
        article = byline.extract(html, url=url)
    except byline.ExtractionError:
        return {}
    published = article.published
    return {
        "body": article.body,
        "title": article.title,
        "author": "; ".join(person.name for person in article.authors) or None,
        "date": published.isoformat()[:10] if published else None,
        "description": article.description,
    }


def trafilatura_tool(html: bytes, url: str) -> Output:
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return {
        "body": data.get("text"),
        "title": data.get("title"),
        "author": data.get("author"),
        "date": data.get("date"),
        "description": data.get("description"),
    }


TOOLS: dict[str, Tool] = {"byline": byline_tool, "trafilatura": trafilatura_tool}
