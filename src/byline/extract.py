"""The pipeline for one page: bytes -> document -> candidates -> record."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from byline import sources
from byline.blocks import Block
from byline.dateline import find_dateline
from byline.document import parse
from byline.errors import NoArticleError
from byline.maintext import MainText, extract_main_text
from byline.quotes import find_quotes
from byline.reconcile import add_body_images, reconcile
from byline.record import Article


def extract(html: bytes | str, url: str | None = None, charset: str | None = None) -> Article:
    """One article record from one page.

    ``html`` may be bytes (decoded by byline: BOM, declarations, detection) or
    text. ``charset`` is the transport's declaration (HTTP ``Content-Type``),
    tried before the page's own, as browsers do. Raises ``byline.ExtractionError``
    when the input is not a readable page, and its subclass
    ``byline.NoArticleError`` when the page holds no main text (a bare title or
    a menu is not an article).
    """
    with _collector_paused():
        return _extract(html, url, charset).article


@dataclass(frozen=True, slots=True)
class Inspection:
    """A page's record, with the main text it took the body from."""

    article: Article
    main_text: MainText

    @property
    def blocks(self) -> list[Block]:
        """The page block by block, kept and dropped, with main text's reasons (built on
        each call: extraction never pays for it)."""
        return self.main_text.blocks


def inspect(html: bytes | str, url: str | None = None, charset: str | None = None) -> Inspection:
    """``extract``, with what main text kept and dropped and why (the web inspector's view)."""
    with _collector_paused():
        return _extract(html, url, charset)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration of one extraction.

    One extraction allocates thousands of short-lived container objects (element proxies,
    tuples, lists), each counted towards the collector's next pass; the passes it triggers
    find next to nothing to free (the objects die by reference counting; about 20 cyclic
    ones in 300 pages) but walk every young object, and now and then the whole heap. The
    collector is left as the caller had it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _extract(html: bytes | str, url: str | None, charset: str | None) -> Inspection:
    doc = parse(html, url, charset)
    candidates = sources.collect(doc)
    article = reconcile(candidates, url=url)
    hint = next((c.value for c in candidates if c.field == "article_body"), None)
    main = extract_main_text(doc, hint=hint, title=article.title)
    if main is None:
        raise NoArticleError("no article found: the page has no main text")
    article.body = main.body
    article.body_html = main.body_html
    article.word_count = len(main.body.split())
    article.dateline = find_dateline(main.body)
    article.quotes = find_quotes(main.body)
    add_body_images(article, main.images)
    return Inspection(article, main)
