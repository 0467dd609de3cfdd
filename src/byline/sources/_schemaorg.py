"""Reading schema.org objects, as JSON-LD gives them or as microdata is turned into.

Both sources hand this module plain dicts shaped like JSON-LD (``@type``, ``@id``,
properties holding strings, dicts or lists of them). It picks the article object,
resolves ``@id`` references, and maps schema.org properties to record fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, TypeAlias

from byline.document import Document, same_page
from byline.fields import Field, Markup, Source
from byline.record import Image, Publisher
from byline.sources._common import (
    Stated,
    absolute_url,
    clean_body,
    clean_text,
    emit,
    looks_like_url,
    make_author,
    mapped,
    stated,
    to_int,
    unique,
)
from byline.sources.candidate import AnyCandidate, AuthorCandidate, CandidateValue, DateValue

ARTICLE_TYPES: Final = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SocialMediaPosting",
        "DiscussionForumPosting",
    }
)
# Pages about one thing; read only for title/description/dates when no article object exists.
PAGE_TYPES: Final = frozenset(
    {"WebPage", "ItemPage", "AboutPage", "ProfilePage", "QAPage", "CollectionPage", "MediaPage"}
)
GENERIC_WORK: Final = "CreativeWork"
"""The type of every work, articles and others."""
PERSON_TYPES: Final = frozenset({"Person"})
ORGANIZATION_TYPES: Final = frozenset({"Organization", "Corporation", "NGO", "Consortium", "Brand"})
SITE_TYPES: Final = frozenset({"WebSite"})
BREADCRUMB_TYPES: Final = frozenset({"BreadcrumbList"})

# Where a nested article is a page's own article rather than a teaser of another one.
MAIN_ENTITY_KEYS: Final = frozenset({"@graph", "mainEntity", "mainEntityOfPage"})
# Article ranking: an article with its body or the page's URL is the page's article.
SCORE_BODY: Final = 4
SCORE_SAME_URL: Final = 4
SCORE_HEADLINE: Final = 1
SCORE_TOP_LEVEL: Final = 2
MIN_BREADCRUMB_ITEMS: Final = 3  # with fewer, the item before the article is the home page
MAX_DEPTH: Final = 12  # deeper nesting is never an article's metadata (and guards recursion)
MAX_TEXT_NESTING: Final = 4  # a name nested deeper than {"name": [{"@value": ...}]} is not one


def node_types(node: dict[str, Any]) -> set[str]:
    """The ``@type`` names of a node, without ``schema:`` or ``https://schema.org/`` prefixes."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    types = set()
    for name in names:
        if isinstance(name, str):
            short = name.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip()
            if short:
                types.add(short)
    return types


def kind_of(node: dict[str, Any]) -> str | None:
    """ "person", "organization" or None, from the node's ``@type``."""
    types = node_types(node)
    if types & PERSON_TYPES:
        return "person"
    if types & ORGANIZATION_TYPES or any(t.endswith("Organization") for t in types):
        return "organization"
    return None


def walk(value: Any, key: str = "", depth: int = 0) -> Iterator[tuple[dict[str, Any], str, int]]:
    """Every dict in ``value`` with the property it sits under and its depth."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from walk(item, key, depth)
    elif isinstance(value, dict):
        yield value, key, depth
        for child_key, child in value.items():
            if isinstance(child, dict | list):
                yield from walk(child, child_key, depth + 1)


class Graph:
    """All nodes of a page's schema.org data, with ``@id`` lookup."""

    def __init__(self, roots: list[Any]) -> None:
        self.nodes = list(walk(roots))
        self.by_id: dict[str, dict[str, Any]] = {}
        for node, _, _ in self.nodes:
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > len(self.by_id.get(node_id, ())):
                self.by_id[node_id] = node  # the fullest node with this id is its definition

    def resolve(self, value: Any) -> Any:
        """The node an ``{"@id": ...}`` reference points to (or ``value`` itself)."""
        if isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str):
                return self.by_id.get(node_id, value)
        return value

    def items(self, value: Any) -> list[Any]:
        """``value`` as a list of resolved items."""
        values = value if isinstance(value, list) else [value]
        return [self.resolve(v) for v in values if v is not None]

    def of_types(self, types: frozenset[str]) -> list[tuple[dict[str, Any], str, int]]:
        return [entry for entry in self.nodes if node_types(entry[0]) & types]


def text_of(value: Any, depth: int = 0) -> str | None:
    """The first text in a string, ``{"@value"|"name": ...}`` or a list of them."""
    if depth > MAX_TEXT_NESTING:
        return None
    if isinstance(value, list):
        for item in value:
            text = text_of(item, depth + 1)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return text_of(value.get("@value", value.get("name")), depth + 1)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return clean_text(value)


def texts_of(value: Any) -> list[str]:
    """Every text in a string or a list of strings/named objects."""
    values = value if isinstance(value, list) else [value]
    return unique(text_of(item) for item in values)


def best_article(graph: Graph, doc: Document) -> dict[str, Any] | None:
    """The page's own article object: the one with its body, its URL, at the top; else first."""
    best, best_score = None, -1
    for node, key, depth in graph.of_types(ARTICLE_TYPES):
        score = 0
        if clean_text(node.get("articleBody")):
            score += SCORE_BODY
        if same_page(canonical_url(node, graph, doc), doc.url):
            score += SCORE_SAME_URL
        if clean_text(node.get("headline")):
            score += SCORE_HEADLINE
        if depth <= 1 or key in MAIN_ENTITY_KEYS:
            score += SCORE_TOP_LEVEL
        if score > best_score:
            best, best_score = node, score
    return best


Values: TypeAlias = "dict[Field, Stated[CandidateValue] | None]"  # (see ``AnyCandidate``)


def article_candidates(
    roots: list[Any], doc: Document, source: Source, article: Markup = Markup.ARTICLE_OBJECT
) -> list[AnyCandidate]:
    """Candidates from schema.org data: the article object, else the page object.

    ``article``: how the article object is stated (microdata may make one of stray
    properties). Each candidate's key is the property that gave its value.
    """
    graph = Graph(roots)
    node = best_article(graph, doc)
    site_name = _site_name(graph, node)
    if node is None:
        page_name = site_name.value if site_name is not None else None
        values = _page_fields(graph, page_name)
        if values.get(Field.PUBLISHED) is None:
            values.update(_main_object_dates(graph))
        return emit(source, {**values, Field.SITE_NAME: site_name})
    values = _article_fields(node, graph, doc, article)
    publisher = values.get(Field.PUBLISHER)
    publisher_name = (
        publisher.value.name
        if publisher is not None and isinstance(publisher.value, Publisher)
        else None
    )
    values[Field.SITE_NAME] = site_name or stated(publisher_name, article, "publisher")
    values[Field.SECTION] = values[Field.SECTION] or _breadcrumb_section(graph, node, doc)
    return emit(source, values)


def _article_fields(node: dict[str, Any], graph: Graph, doc: Document, how: Markup) -> Values:
    authors = stated(_authors(node.get("author"), graph, doc), how, "author") or stated(
        _authors(node.get("creator"), graph, doc), how, "creator"
    )
    return {
        Field.TITLE: _first_text(node, how, "headline", "name"),
        Field.DESCRIPTION: _first_text(node, how, "description"),
        Field.PUBLISHED: mapped(
            _first_text(node, how, "datePublished", "dateCreated"), DateValue.parse
        ),
        Field.MODIFIED: mapped(_first_text(node, how, "dateModified"), DateValue.parse),
        Field.SECTION: _first_text(node, how, "articleSection"),
        Field.KEYWORDS: stated(texts_of(node.get("keywords")), how, "keywords"),
        Field.TAGS: _tags(node, graph, how),
        Field.AUTHORS: authors,
        Field.PUBLISHER: stated(_publisher(node.get("publisher"), graph, doc), how, "publisher"),
        Field.LANGUAGE: stated(_language(node.get("inLanguage")), how, "inLanguage"),
        Field.LICENSE: stated(_license(node.get("license"), graph, doc), how, "license"),
        Field.CANONICAL_URL: _canonical(node, doc, how),
        Field.IMAGES: _images(node, graph, doc, how),
        Field.SPEAKABLE: stated(_speakable(node.get("speakable"), graph), how, "speakable"),
        Field.ARTICLE_BODY: stated(clean_body(node.get("articleBody")), how, "articleBody"),
    }


def _first_text(node: dict[str, Any], how: Markup, *keys: str) -> Stated[str] | None:
    """The text of the first of ``keys`` that holds one, stated under that key."""
    for key in keys:
        text = text_of(node.get(key))
        if text:
            return Stated(text, how, key)
    return None


def _page_fields(graph: Graph, site_name: str | None) -> Values:
    """Title, description and dates of the first page object that states any of them (a
    title naming the site is none)."""
    how = Markup.PAGE_OBJECT
    for node, _, _ in graph.of_types(PAGE_TYPES):
        title = _first_text(node, how, "headline", "name")
        if title and site_name and title.value.casefold() == site_name.casefold():
            title = None
        description = _first_text(node, how, "description")
        published = _first_text(node, how, "datePublished", "dateCreated")
        modified = _first_text(node, how, "dateModified")
        if title or description or published or modified:
            return {
                Field.TITLE: title,
                Field.DESCRIPTION: description,
                Field.PUBLISHED: mapped(published, DateValue.parse),
                Field.MODIFIED: mapped(modified, DateValue.parse),
            }
    return {}


def _main_object_dates(graph: Graph) -> Values:
    """The dates of the page's first top-level object of another kind that states its
    publication (a ``Recipe``, a ``RadioEpisode``, a ``MedicalWebPage``, an untyped object),
    on a page with no article or page object that does: the page presents that object.
    Never a review's or a comment's, nor an object nested in another (its image, its video)."""
    how = Markup.MAIN_OBJECT
    for node, key, depth in graph.nodes:
        if depth > MAIN_OBJECT_DEPTH or key in _ITS_REACTIONS or node_types(node) & _REACTIONS:
            continue
        published = _first_text(node, how, "datePublished", "dateCreated")
        if published:
            return {
                Field.PUBLISHED: mapped(published, DateValue.parse),
                Field.MODIFIED: mapped(_first_text(node, how, "dateModified"), DateValue.parse),
            }
    return {}


MAIN_OBJECT_DEPTH: Final = 1
"""A top-level object, or one of a ``@graph``'s."""
_ITS_REACTIONS: Final = frozenset({"review", "reviews", "comment", "comments", "suggestedAnswer"})
_REACTIONS: Final = frozenset({"Review", "Comment", "Answer", "Rating", "AggregateRating"})
"""What readers add to an object, with dates of their own."""


def _site_name(graph: Graph, article: dict[str, Any] | None) -> Stated[str] | None:
    """The name of the WebSite the article is part of, or of the page's only WebSite."""
    how = Markup.SITE_OBJECT
    if article is not None:
        for part in graph.items(article.get("isPartOf")):
            if isinstance(part, dict) and node_types(part) & SITE_TYPES:
                return stated(text_of(part.get("name")), how, "name")
    sites = unique(text_of(node.get("name")) for node, _, _ in graph.of_types(SITE_TYPES))
    return Stated(sites[0], how, "name") if len(sites) == 1 else None


def canonical_url(node: dict[str, Any], graph: Graph, doc: Document) -> str | None:
    """The article's ``url``, else its ``mainEntityOfPage`` (a URL or a page object)."""
    found = _canonical(node, doc, Markup.ARTICLE_OBJECT)
    return found.value if found is not None else None


def _canonical(node: dict[str, Any], doc: Document, how: Markup) -> Stated[str] | None:
    """``canonical_url``, stated under the property that gave it."""
    url = absolute_url(doc, text_of(node.get("url")))
    if url:
        return Stated(url, how, "url")
    page = node.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("url") or page.get("@id")
    return stated(absolute_url(doc, text_of(page)), how, "mainEntityOfPage")


def _authors(value: Any, graph: Graph, doc: Document) -> list[AuthorCandidate]:
    found = []
    for item in graph.items(value):
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            if not name:
                given, family = text_of(item.get("givenName")), text_of(item.get("familyName"))
                name = " ".join(part for part in (given, family) if part) or None
            author = make_author(doc, name, text_of(item.get("url")), kind_of(item))
        else:
            author = make_author(doc, text_of(item))
        if author and author not in found:
            found.append(author)
    return found


def _publisher(value: Any, graph: Graph, doc: Document) -> Publisher | None:
    items = graph.items(value)
    item = items[0] if items else None
    if isinstance(item, str):
        name = clean_text(item)
        return Publisher(name=name) if name else None
    if not isinstance(item, dict):
        return None
    parent = graph.items(item.get("parentOrganization"))
    contact = graph.items(item.get("contactPoint"))
    contact_point = contact[0] if contact and isinstance(contact[0], dict) else {}
    publisher = Publisher(
        name=text_of(item.get("name")) or text_of(item.get("legalName")),
        url=absolute_url(doc, text_of(item.get("url"))),
        logo=_logo(item.get("logo"), graph, doc),
        email=text_of(item.get("email")) or text_of(contact_point.get("email")),
        telephone=text_of(item.get("telephone")) or text_of(contact_point.get("telephone")),
        parent=text_of(parent[0]) if parent else None,
    )
    return publisher if any((publisher.name, publisher.url, publisher.logo)) else None


def _logo(value: Any, graph: Graph, doc: Document) -> str | None:
    for item in graph.items(value):
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl")
        url = absolute_url(doc, text_of(item))
        if url:
            return url
    return None


def _images(
    node: dict[str, Any], graph: Graph, doc: Document, how: Markup
) -> Stated[list[Image]] | None:
    """The article's images, stated under the first property that gave one."""
    images: dict[str, Image] = {}
    first = None
    media = [
        item
        for item in graph.items(node.get("associatedMedia"))
        if isinstance(item, dict) and "ImageObject" in node_types(item)
    ]
    for key, items in (
        ("image", graph.items(node.get("image"))),
        ("associatedMedia", media),
        ("thumbnailUrl", graph.items(node.get("thumbnailUrl"))),
    ):
        for item in items:
            image = _image(item, doc)
            if image and image.url not in images:
                images[image.url] = image
                first = first or key
    return stated(list(images.values()), how, first)


def _image(item: Any, doc: Document) -> Image | None:
    if not isinstance(item, dict):
        url = absolute_url(doc, text_of(item))
        return Image(url=url) if url else None
    url = absolute_url(doc, text_of(item.get("url"))) or absolute_url(
        doc, text_of(item.get("contentUrl"))
    )
    if not url:
        return None
    return Image(
        url=url,
        caption=text_of(item.get("caption")),
        width=to_int(_quantity(item.get("width"))),
        height=to_int(_quantity(item.get("height"))),
    )


def _quantity(value: Any) -> Any:
    """The number of a ``QuantitativeValue`` (``{"value": 1200}``), or ``value`` itself."""
    return value.get("value") if isinstance(value, dict) else value


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        return text_of(value.get("alternateName")) or text_of(value.get("name"))
    return text_of(value)


def _license(value: Any, graph: Graph, doc: Document) -> str | None:
    item = graph.resolve(value[0] if isinstance(value, list) and value else value)
    if isinstance(item, dict):
        return absolute_url(doc, text_of(item.get("url"))) or text_of(item.get("name"))
    return text_of(item)


def _tags(node: dict[str, Any], graph: Graph, how: Markup) -> Stated[list[str]] | None:
    """The names of the things the article is ``about`` and ``mentions``, stated under the
    first of the two that gave one."""
    about = graph.items(node.get("about"))
    names = _plain_names(about + graph.items(node.get("mentions")))
    if not names:
        return None
    return Stated(names, how, "about" if _plain_names(about) else "mentions")


def _plain_names(items: list[Any]) -> list[str]:
    """Names of ``about``/``mentions`` things; URLs and bare references are not names."""
    names = []
    for item in items:
        name = text_of(item.get("name")) if isinstance(item, dict) else text_of(item)
        if name and not looks_like_url(name):
            names.append(name)
    return unique(names)


def _speakable(value: Any, graph: Graph) -> list[str]:
    selectors: list[str] = []
    for item in graph.items(value):
        if isinstance(item, dict):
            selectors += texts_of(item.get("cssSelector")) + texts_of(item.get("xpath"))
    return unique(selectors)


def _breadcrumb_section(graph: Graph, article: dict[str, Any], doc: Document) -> Stated[str] | None:
    """The item before the last of a breadcrumb trail whose last item is this article.

    Only trusted when the last item names the article (its headline or URL): many
    trails end at the section itself, and then the item before it is a parent.
    Trails through date archives (a crumb that is a number) give no section.
    """
    headline = text_of(article.get("headline")) or text_of(article.get("name"))
    article_url = canonical_url(article, graph, doc) or doc.url
    for node, _, _ in graph.of_types(BREADCRUMB_TYPES):
        entries = [e for e in graph.items(node.get("itemListElement")) if isinstance(e, dict)]
        if len(entries) < MIN_BREADCRUMB_ITEMS:
            continue
        entries.sort(key=lambda e: to_int(e.get("position")) or 0)
        last_name, last_url = _crumb(entries[-1], graph, doc)
        names_article = bool(headline and last_name and last_name.casefold() == headline.casefold())
        if not (names_article or same_page(last_url, article_url)):
            continue
        names = [_crumb(entry, graph, doc)[0] or "" for entry in entries]
        if any(name.isdigit() for name in names):
            continue  # a date archive trail (Home > 2020 > April > story): no section
        return stated(names[-2], Markup.BREADCRUMB, "itemListElement")
    return None


def _crumb(entry: dict[str, Any], graph: Graph, doc: Document) -> tuple[str | None, str | None]:
    item = graph.resolve(entry.get("item"))
    name = text_of(entry.get("name"))
    url = None
    if isinstance(item, dict):
        name = name or text_of(item.get("name"))
        url = item.get("@id") or item.get("url")
    elif isinstance(item, str):
        url = item
    return name, absolute_url(doc, text_of(url))
