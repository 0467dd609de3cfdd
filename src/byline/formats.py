"""Output formats for one record: JSON, Markdown, plain text and a standalone HTML page.

All of them are built from ``Article.to_dict()``, the one contract.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from byline.record import Article


def to_json(article: Article, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


def to_text(article: Article) -> str:
    """Title, a blank line, the body."""
    data = article.to_dict()
    parts = [data["title"], data["body"]]
    return "\n\n".join(part for part in parts if part) + "\n"


def to_markdown(article: Article) -> str:
    """A Markdown document: headline, a metadata line, the body paragraphs."""
    data = article.to_dict()
    lines = []
    if data["title"]:
        lines.append(f"# {data['title']}")
    byline = _byline(data)
    if byline:
        lines.append(f"*{byline}*")
    if data["description"] and not (data["body"] or "").startswith(data["description"]):
        lines.append(f"> {data['description']}")  # (unless the body opens with it, a standfirst)
    if data["body"]:
        lines.append(data["body"])
    if data["url"] or data["canonical_url"]:
        lines.append(f"Source: <{data['canonical_url'] or data['url']}>")
    return "\n\n".join(lines) + "\n"


def to_html(article: Article) -> str:
    """A standalone, script-free HTML page: escaped metadata around the safe ``body_html``."""
    data = article.to_dict()
    esc = html.escape
    head = f"<h1>{esc(data['title'] or '')}</h1>"
    byline = _byline(data)
    if byline:
        head += f'\n<p class="byline">{esc(byline)}</p>'
    body = data["body_html"] or "".join(
        f"<p>{esc(paragraph)}</p>\n" for paragraph in (data["body"] or "").split("\n\n")
    )
    lang = f' lang="{esc(data["language"])}"' if data["language"] else ""
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(data['title'] or '')}</title>\n</head>\n<body>\n<article>\n"
        f"{head}\n{body}</article>\n</body>\n</html>\n"
    )


def _byline(data: dict[str, Any]) -> str:
    names = ", ".join(author["name"] for author in data["authors"]) or data["credit"]
    publisher = (data["publisher"] or {}).get("name")
    parts = [names, publisher, data["published"]]
    return " · ".join(part for part in parts if part)


FORMATS: dict[str, Callable[[Article], str]] = {
    "json": to_json,
    "md": to_markdown,
    "txt": to_text,
    "html": to_html,
}
