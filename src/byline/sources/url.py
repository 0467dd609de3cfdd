"""Placeholder until the url source lands."""

from byline.document import Document
from byline.sources import Candidate


def candidates(doc: Document) -> list[Candidate]:
    return []
