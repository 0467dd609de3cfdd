"""The vocabulary of extraction: the metadata sources, the fields they propose values for, and
the kinds of markup they find them in.

All are string enums: a member is its name as written in ``Article.provenance`` and in a
record's JSON (``Source.JSON_LD == "json-ld"``), so records read the same as before.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


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
    TEXT = "text"
    """The article's own words: the language its body is written in (``byline.textlanguage``),
    where the page declares none or another. Read by reconciliation; no source proposes
    candidates from it."""


CANDIDATE_SOURCES: Final = tuple(source for source in Source if source is not Source.TEXT)
"""The sources that propose candidates: the ones trust ranks and the learned choices weigh."""


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


class Markup(StrEnum):
    """How a source found a value: the kind of markup that states it (``Evidence.how``).

    The source says which syntax was read (JSON-LD or microdata, OpenGraph or Dublin Core);
    this says what in it held the value, and ``Evidence.key`` the name the markup gives the
    value where it names one: ``(ARTICLE_OBJECT, "dateCreated")``, ``(META_TAG,
    "og:updated_time")``, ``(TIME_ELEMENT, None)``. A chooser reads the three together.
    """

    # schema.org data (json-ld, microdata): the object whose property it is (key: the property)
    ARTICLE_OBJECT = "article object"
    """A property of the page's article object (``NewsArticle``, ``BlogPosting``...); key
    ``publisher`` for a site name that is the publisher's."""
    STRAY_PROPERTY = "stray property"
    """An article-only microdata property outside any item (``<time itemprop=
    "datePublished">`` on a page without an article item)."""
    PAGE_OBJECT = "page object"
    """A property of a ``WebPage`` object, on a page without an article object."""
    MAIN_OBJECT = "main object"
    """A date of the page's top-level object of another kind (``Recipe``, ``RadioEpisode``,
    ``MedicalWebPage``), on a page with no article or page object that states one."""
    SITE_OBJECT = "site object"
    """The name of the ``WebSite`` object."""
    BREADCRUMB = "breadcrumb"
    """The item before the article's own in a ``BreadcrumbList`` (key ``itemListElement``)."""

    # meta tags (opengraph, twitter, meta, dublin-core; the dates of dom's <meta> elements)
    META_TAG = "meta tag"
    """A ``<meta>`` tag's content; key: its ``name``, ``property``, ``http-equiv`` or
    ``itemprop``, lower case."""
    META_JSON = "meta json"
    """A field of JSON a ``<meta>`` tag holds (Parse.ly's ``parsely-page``); key: the field."""

    # the visible page (dom)
    TITLE_ELEMENT = "title element"
    """``<title>``."""
    HEADING = "heading"
    """An ``<h1>``/``<h2>`` heading; key: its tag."""
    HOME_LINK = "home link"
    """An ``<h1>`` that is all a link to the site's home page: the site's name (a logo)."""
    HTML_LANG = "html lang"
    """The ``lang`` of ``<html>``."""
    REL_LINK = "rel link"
    """A ``<link>``/``<a>`` by its ``rel``; key: the rel (``canonical``, ``license``, ``tag``)."""
    TAG_LIST = "tag list"
    """The links of a container of tags (``<ul class="tags">``)."""
    BYLINE_ELEMENT = "byline element"
    """An element marked as a byline (class, id, itemprop, ``<address>``) or an author link
    (``rel=author``, a link to an author page)."""
    BYLINE_TEXT = "byline text"
    """An unmarked text after a byline lead ("Posted by", "von", "Autor:")."""
    DATED_NAME = "dated name"
    """A full name after a date next to the headline ("11.12.2019 - Anna Muster"), or before
    its ``<time>`` ("Anna Muster, <time>")."""
    SIGNATURE = "signature"
    """A full name signing the article's last paragraph."""
    SPEAKER = "speaker"
    """The speaker a speech's headline names ("Rede von Bundespräsident Johannes Rau ...")."""
    AVATAR = "avatar"
    """A writer's picture by the headline, its alt text the full name printed beside it."""
    PERSON_ICON = "person icon"
    """The name beside a person's icon (``<i class="fa fa-user"></i> Jane Doe``)."""
    MAILBOX = "mail link"
    """A full name by the headline beside a ``mailto:`` link whose address spells it."""
    OWNER_LINK = "owner link"
    """A full name by the headline linking to the folder the page lives in (``/jane`` on
    ``/jane/story``: a writer's space on a platform, as Medium's and Forem's)."""
    AUTHOR_REPLY = "author reply"
    """The name on the post author's reply to a comment (WordPress ``bypostauthor``)."""
    LICENCE_CREDIT = "licence credit"
    """The name a Creative Commons notice credits (``rel="cc:attributionURL"``)."""
    TIME_ELEMENT = "time element"
    """A ``<time>`` element: its ``datetime``, else its text."""
    DATE_PROPERTY = "date property"
    """An element that is no ``<meta>`` with a date property (``<span itemprop=
    "dateModified" content=...>``); key: its ``name``, ``property`` or ``itemprop``."""
    DATE_MARKED_TEXT = "date-marked text"
    """Text in an element whose class or id says date (``<div class="post-date">``)."""
    SPLIT_DATE = "split date"
    """A date whose parts sit in elements of their own inside a short one ("Posted on
    <b>March 4</b>, 2016", a calendar badge)."""
    DATELINE = "dateline"
    """A date opening a longer text: "(21. November 2022) Energy consumers ..."."""
    TEXT = "text"
    """Any other short visible text."""
    TITLE_ATTRIBUTE = "title attribute"
    """A date in an element's ``title`` (the tooltip of a widget that shows it as "3 years
    ago")."""
    LINK_ADDRESS = "link address"
    """A date in the address of a link that shows it as time ago (a blog's day archive:
    ``<a href="/archive/2024/03/05">2 days ago</a>``)."""
    DATA_ATTRIBUTE = "data attribute"
    """A date in a ``data-*`` attribute whose name says date (``<div data-date=
    "18. März 2020">``, ``<abbr data-utime="1584532800">``), or in the ``datetime`` of an
    element that is no ``<time>``: machine data on a visible element; key: the attribute's
    name."""
    SCRIPT_CALL = "script call"
    """A date an inline script writes in a date-marked element (``<span class="date"><script>
    document.write(timeSince('2020-03-18'))</script></span>``)."""
    IMAGE_URL = "image url"
    """The day in the path of the page's share image or of its article's first picture
    (``/2020/03/18/photo.jpg``); key: the ``<meta>`` key of a share image."""
    SCRIPT_DATA = "script data"
    """A date in the data of a script (not JSON-LD); key: its key (``published_at``)."""
    HTML_COMMENT = "html comment"
    """A date after a publication word in an HTML comment (``<!-- published 2021-03-04 -->``)."""

    # the address (url)
    PAGE_URL = "page url"
    """The path of the page's URL."""
    CANONICAL_URL = "canonical url"
    """The path of the page's canonical link (or of the address it gives for sharing)."""
    ALTERNATE_URL = "alternate url"
    """The path of a link to the page in another form (``rel="amphtml"``, ``rel="alternate"``)."""
