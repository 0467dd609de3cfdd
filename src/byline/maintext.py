"""Placeholder: main-text extraction lands with the main-text helper."""

from __future__ import annotations

from dataclasses import dataclass, field

from byline.document import Document
from byline.record import Image


@dataclass(slots=True)
class MainText:
    body: str
    body_html: str
    images: list[Image] = field(default_factory=list)


def extract_main_text(
    doc: Document, hint: str | None = None, title: str | None = None
) -> MainText | None:
    """The article's main text, or None when the page holds none."""
    body = doc.root.find("body")
    if body is None:
        return None
    text = " ".join(body.text_content().split())
    return MainText(body=text, body_html="") if text else None
