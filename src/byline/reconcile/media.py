"""Images: those of every source and of the main text, lead image first, one per URL."""

from __future__ import annotations

from byline.fields import Field, Source
from byline.reconcile.choice import Choice
from byline.reconcile.trust import by_trust
from byline.record import Image
from byline.sources.candidate import Candidate


def choose_images(
    candidates: list[Candidate[list[Image]]], body_images: list[Image]
) -> Choice[list[Image]] | None:
    """Images of every source, then those of the main text (new ones last), one per URL,
    captions and sizes merged; credited to the most trusted source that gives any."""
    images: dict[str, Image] = {}
    first_source = None
    for candidate in by_trust(Field.IMAGES, candidates):
        if _merge_images(images, candidate.value):
            first_source = first_source or candidate.source
    if _merge_images(images, body_images):
        first_source = first_source or Source.DOM  # the main text is the visible page's
    return Choice(list(images.values()), first_source) if first_source is not None else None


def _merge_images(images: dict[str, Image], new: list[Image]) -> bool:
    """Add ``new`` images to ``images`` (by URL), filling missing captions and sizes."""
    added = False
    for image in new:
        if not image.url:
            continue
        added = True
        known = images.setdefault(image.url, Image(url=image.url))
        known.caption = known.caption or image.caption
        known.width = known.width or image.width
        known.height = known.height or image.height
    return added
