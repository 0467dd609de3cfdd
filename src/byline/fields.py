"""The vocabulary of extraction: the metadata sources and the fields they propose values for.

Both are string enums: a member is its name as written in ``Article.provenance`` and in a
record's JSON (``Source.JSON_LD == "json-ld"``), so records read the same as before.
"""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """A kind of markup a metadata source reads, as ``Article.provenance`` names it.

    (Not ``byline.record.Source``: that one says where a batch run's input came from.)
    """

    JSON_LD = "json-ld"
    MICRODATA = "microdata"
    OPENGRAPH = "opengraph"
    TWITTER = "twitter"
    META = "meta"
    DUBLIN_CORE = "dublin-core"
    DOM = "dom"
    """The visible page: what readers see (headings, bylines, dates, links)."""
    URL = "url"
    """The page's address: a publication day in its path."""


class Field(StrEnum):
    """A field sources propose values for: a record field, or evidence for one
    (``headline``, ``site_name``, ``article_body``)."""

    TITLE = "title"
    HEADLINE = "headline"
    DESCRIPTION = "description"
    PUBLISHED = "published"
    MODIFIED = "modified"
    SECTION = "section"
    TAGS = "tags"
    KEYWORDS = "keywords"
    AUTHORS = "authors"
    PUBLISHER = "publisher"
    SITE_NAME = "site_name"
    LANGUAGE = "language"
    CANONICAL_URL = "canonical_url"
    IMAGES = "images"
    LICENSE = "license"
    SPEAKABLE = "speakable"
    ARTICLE_BODY = "article_body"
