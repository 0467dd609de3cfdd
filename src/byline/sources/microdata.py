"""Microdata: ``itemscope``/``itemtype``/``itemprop`` items of the article types.

Each item is turned into a JSON-LD-shaped dict (``@type`` plus its properties,
nested items as nested dicts) and read by ``byline.sources._schemaorg`` like
JSON-LD. Property values follow the HTML spec (``content``, ``datetime``,
``href``, ``src``... else the text).

Pages often put ``<time itemprop="datePublished">`` or ``<h1 itemprop="headline">``
outside any item; when the page has no article item, such stray article-only
properties make an implicit one.
"""

from __future__ import annotations

from typing import Any, Final

from lxml import etree

from byline.document import BLOCK_TAGS, Document
from byline.fields import Markup, Source
from byline.sources._common import clean_body
from byline.sources._page import page_of
from byline.sources._schemaorg import (
    ARTICLE_TYPES,
    GENERIC_WORK,
    PAGE_TYPES,
    article_candidates,
)
from byline.sources.candidate import AnyCandidate

SOURCE: Final = Source.MICRODATA

# The attribute holding an element's property value, by tag (HTML spec, "itemprop" values).
_URL_ATTRIBUTES: Final = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "embed": "src",
    "iframe": "src",
    "source": "src",
    "track": "src",
    "video": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
    "time": "datetime",
}
# Text of these elements is never part of a property's value.
_SKIPPED_TAGS: Final = frozenset({"script", "style", "noscript", "template"})
# Block elements and line breaks: their boundaries separate paragraphs in an ``articleBody``.
_PARAGRAPH_BOUNDS: Final = BLOCK_TAGS | {"br"}
# Properties that only an article has, trusted even outside an item.
STRAY_ARTICLE_PROPERTIES: Final = (
    "headline",
    "datePublished",
    "dateModified",
    "dateCreated",
    "author",
)
# A link given as one of these is a profile: its text is the name, its href the url.
PERSON_PROPERTIES: Final = frozenset({"author", "creator"})
MAX_ITEM_DEPTH: Final = 8  # nested items deeper than this are not article metadata


def candidates(doc: Document) -> list[AnyCandidate]:
    # The elements with these attributes, as the one walk over the page found them.
    page = page_of(doc)
    scopes, properties = page.itemscopes, page.itemprops
    if not scopes and not properties:
        return []
    articles = [el for el in scopes if _item_types(el) & ARTICLE_TYPES]
    items = [_item(el) for el in articles]
    article = Markup.ARTICLE_OBJECT
    if not articles:
        items = [_item(el) for el in scopes if _item_types(el) & PAGE_TYPES or _is_main_work(el)]
        stray = _stray_article(properties)
        if stray:
            items.insert(0, stray)
            article = Markup.STRAY_PROPERTY  # the one article object: made of stray properties
    return article_candidates(items, doc, SOURCE, article) if items else []


def _is_main_work(element: etree._Element) -> bool:
    """True for an item of schema.org's most general type, ``CreativeWork``, that holds the
    page's headline (an ``<h1>``): the page's own work, as themes that name no article type
    mark it (Jekyll's Minimal Mistakes), read as a page's main object (its dates); the works
    listed beside it hold no ``<h1>``."""
    return GENERIC_WORK in _item_types(element) and element.find(".//h1") is not None


def _item_types(element: etree._Element) -> set[str]:
    """Short type names of an item (``itemtype`` may hold several URLs)."""
    itemtype = element.get("itemtype") or ""
    return {url.rstrip("/").rsplit("/", 1)[-1] for url in itemtype.split()}


def _item(element: etree._Element, depth: int = 0) -> dict[str, Any]:
    """The item ``element`` scopes, as a JSON-LD-shaped dict."""
    item: dict[str, Any] = {"@type": sorted(_item_types(element))}
    stack = list(reversed(element))
    while stack:
        child = stack.pop()
        if not isinstance(child.tag, str) or child.tag in _SKIPPED_TAGS:
            continue
        names = (child.get("itemprop") or "").split()
        nested = child.get("itemscope") is not None
        if names:
            if nested:
                value: Any = _item(child, depth + 1) if depth < MAX_ITEM_DEPTH else None
            elif child.tag == "a" and set(names) & PERSON_PROPERTIES:
                value = {"name": _block_text(child), "url": child.get("href")}
            elif "articleBody" in names and child.get("content") is None:
                value = _block_text(child)  # (as paragraphs; a ``content`` value is the text)
            else:
                value = _property_value(child)
            for name in names:
                _add(item, name, value)
        if not nested:  # a nested item's properties are its own
            stack.extend(reversed(child))
    return item


def _add(item: dict[str, Any], name: str, value: Any) -> None:
    if value is None or value == "":
        return
    if name not in item:
        item[name] = value
    elif isinstance(item[name], list):
        item[name].append(value)
    else:
        item[name] = [item[name], value]


def _property_value(element: etree._Element) -> str | None:
    """A property's value: ``content`` (pages use it on any tag), the spec's attribute, or text."""
    content = element.get("content")
    if content is not None:
        return content
    attribute = _URL_ATTRIBUTES.get(str(element.tag))
    if attribute and element.get(attribute) is not None:
        return element.get(attribute)
    if element.tag == "meta":
        return None
    return _block_text(element)


def _block_text(element: etree._Element) -> str | None:
    """The text of ``element``, a blank line at block boundaries, scripts left out."""
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            continue
        if node.tag in _SKIPPED_TAGS:
            if event == "start":
                walker.skip_subtree()
            elif node is not element and node.tail:
                parts.append(node.tail)
            continue
        if node.tag in _PARAGRAPH_BOUNDS:
            parts.append("\n\n")
        if event == "start" and node.text:
            parts.append(node.text)
        elif event == "end" and node is not element and node.tail:
            parts.append(node.tail)
    return clean_body("".join(parts))


def _stray_article(properties: list[etree._Element]) -> dict[str, Any] | None:
    """An implicit article made of article-only properties found outside any item."""
    item: dict[str, Any] = {"@type": ["Article"]}
    for element in properties:
        names = [
            name
            for name in (element.get("itemprop") or "").split()
            if name in STRAY_ARTICLE_PROPERTIES and name not in item
        ]
        if names and not _in_item(element):
            for name in names:
                item[name] = _property_value(element)
    return item if len(item) > 1 else None


def _in_item(element: etree._Element) -> bool:
    if element.get("itemscope") is not None:
        return True
    return any(a.get("itemscope") is not None for a in element.iterancestors())
