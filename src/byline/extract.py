"""The pipeline for one page: bytes -> document -> candidates -> record."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from byline import sources
from byline.blocks import Block
from byline.document import parse
from byline.errors import NoArticleError
from byline.fields import Field
from byline.maintext import MainText, extract_main_text
from byline.reconcile import choose_description, choose_title, reconcile
from byline.record import Article
from byline.sources.candidate import AnyCandidate, holds_text


def extract(html: bytes | str, url: str | None = None, charset: str | None = None) -> Article:
    """One article record from one page.

    ``html`` may be bytes (decoded by byline: BOM, declarations, detection) or
    text. ``charset`` is the transport's declaration (HTTP ``Content-Type``),
    tried before the page's own, as browsers do. Raises ``byline.ExtractionError``
    when the input is not a readable page, and its subclass
    ``byline.NoArticleError`` when the page holds no text to return (a bare title or
    a menu is not an article); a page with text gives a record whose ``body_quality``
    says how sure byline is of its body.
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


def candidates(
    html: bytes | str, url: str | None = None, charset: str | None = None
) -> list[AnyCandidate]:
    """Every value the metadata sources find on one page, with its evidence, unchosen.

    What ``extract`` reconciles into a record, for a script that trains or tests a
    chooser: each ``Candidate`` says its field, typed value and source, and its
    ``Evidence`` how the markup states it and, for the visible page's bylines and dates,
    their rank, score and place. Arguments as for ``extract``.
    """
    return sources.collect(parse(html, url, charset))


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
    """Sources first, then the title (main text looks for it), main text, and the record."""
    doc = parse(html, url, charset)
    candidates = sources.collect(doc)
    title = choose_title(candidates, url)
    body = next(
        (c.value for c in candidates if c.field is Field.ARTICLE_BODY and holds_text(c)), None
    )
    description = choose_description(candidates)
    main = extract_main_text(
        doc,
        hint=body,
        title=title.value if title else None,
        summary=description.value if description else None,
    )
    if main is None:
        raise NoArticleError("no article found: the page has no main text")
    return Inspection(reconcile(candidates, main, title, url=url), main)
