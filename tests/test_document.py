"""Parsing: one tree per page, the same whether libxml2 reads the page's bytes or its text."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from conftest import SHARED, fixture_bytes
from lxml import etree

from byline.document import Document, decode, parse, text_content
from byline.maintext import extract_main_text
from byline.sources._page import page_of

CORPUS = SHARED / "corpus" / "dev"
CORPUS_PAGES = 120
"""Corpus pages whose trees are compared (a second or so)."""

STORY = (
    "<h1>Bäckerei am Markt öffnet wieder</h1>\n"
    "<p>Die Bäckerei – seit 1923 in der Altstadt – öffnet am Montag, sagt Zoë Müller.</p>\r\n"
    "<p>Brot &amp; Brötchen,&nbsp;dazu Kaffee: „wie früher“. 東京 and ﬁne ligatures.</p>"
)


def tree_of(doc: Document) -> tuple[str, list[int | None]]:
    """The tree as markup, and the source line of every element (scoring reads lines)."""
    return etree.tostring(doc.root, encoding="unicode"), [el.sourceline for el in doc.root.iter()]


def assert_bytes_parse_like_text(data: bytes) -> None:
    text, _ = decode(data)
    assert tree_of(parse(data)) == tree_of(parse(text))


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="utf-8">',
        "",
        # A declaration the bytes cannot be (not 7-bit): decoded as UTF-8, which the
        # declaration must not override when libxml2 reads the bytes.
        '<meta charset="iso-2022-jp">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP">',
    ],
)
def test_utf8_bytes_parse_to_the_tree_of_their_text(head: str) -> None:
    data = f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body>{STORY}</body></html>"
    assert_bytes_parse_like_text(data.encode("utf-8"))


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + f"<html><body>{STORY}</body></html>".encode(),  # BOM
        f'<?xml version="1.0" encoding="utf-8"?><html><body>{STORY}</body></html>'.encode(),
        f"<html><body>{STORY}</body></html>".encode("cp1252", "replace"),
        f"<html><body>{STORY}</body></html>".encode() + b"\xff\xfe cut",  # bad bytes, tolerated
    ],
)
def test_other_pages_parse_to_the_tree_of_their_text(data: bytes) -> None:
    assert_bytes_parse_like_text(data)


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_corpus_pages_parse_to_the_tree_of_their_text() -> None:
    annotations = json.loads((CORPUS / "annotations.json").read_text(encoding="utf-8"))
    for annotation in list(annotations.values())[:CORPUS_PAGES]:
        assert_bytes_parse_like_text((CORPUS / "html" / annotation["file"]).read_bytes())


@pytest.mark.parametrize("base", ["https://example.org/a/b.html", "http://example.org/"])
def test_links_resolve_as_urljoin_resolves_them(base: str) -> None:
    """``Document.absolute`` returns plain absolute addresses as they are, without
    ``urljoin``: only where ``urljoin`` would return them unchanged too."""
    hrefs = [
        "https://cdn.example.com/img/a.jpg?w=640&h=480#top",
        "http://example.org",
        "https://example.org?x=1",
        "https://example.org//double",
        "HTTPS://example.org/upper-scheme",
        "https://example.org/empty-query?",
        "https://example.org/empty-fragment#",
        "https://example.org/empty-query?#fragment",
        "https://example.org/params;jsessionid=1?x=1",
        "https://example.org/params;",
        "https:///no-host",
        "https://[::1/broken-ipv6",
        "https://example.org/tab\there",
        "https://example.org/control\x01",
        "https://bäckerei.de/öffnungszeiten",
        "//cdn.example.com/protocol-relative.jpg",
        "/root-relative",
        "relative/path",
        "../up",
        "?only-query",
        "#only-fragment",
        "mailto:desk@example.org",
    ]
    doc = Document(root=etree.Element("html"), url=base)
    for href in hrefs:
        try:
            expected = urljoin(base, href)
        except ValueError:
            expected = href
        assert doc.absolute(href) == expected, href


def test_text_content_is_the_string_value_of_the_element() -> None:
    """What lxml.html's ``text_content()`` gave: XPath's string value, comments left out."""
    doc = parse(fixture_bytes("xss_page.html"))  # (a page with comments and scripts)
    string_value = etree.XPath("string()")
    elements = list(doc.root.iter())
    assert len(elements) > 50
    assert all(text_content(el) == string_value(el) for el in elements)


def test_the_tree_is_walked_once_and_main_text_leaves_it_whole() -> None:
    doc = parse(fixture_bytes("sputnik_seed.html"))
    page = page_of(doc)
    assert page_of(doc) is page
    in_body = [s for s in page.scripts if "body" in [a.tag for a in s.iterancestors()]]
    assert in_body, "the fixture has scripts in its body"
    markup = etree.tostring(doc.root)
    assert extract_main_text(doc) is not None  # (removes scripts and boilerplate as it works)
    assert etree.tostring(doc.root) == markup
    assert page_of(doc) is page
