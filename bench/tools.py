"""Adapters: each tool turns (html bytes, url, language) into the fields the corpus scores.

byline needs none of the peers; they are the optional ``bench`` extra. No peer
touches the network: pages are passed as bytes or text, image fetching is off.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TypedDict


class Output(TypedDict, total=False):
    body: str | None
    title: str | None
    author: str | None
    date: str | None
    description: str | None


Tool = Callable[[bytes, str, str | None], Output]


def byline_tool(html: bytes, url: str, language: str | None = None) -> Output:
    import byline

    try:
        article = byline.extract(html, url=url)
    except byline.ExtractionError:
        return {}
    return {
        "body": article.body,
        "title": article.title,
        # the corpus annotates the byline's credit: people, or else the desk or agency
        "author": "; ".join(person.name for person in article.authors) or article.credit,
        "date": _day(article.published),
        "description": article.description,
    }


def trafilatura_tool(html: bytes, url: str, language: str | None = None) -> Output:
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return {}
    data = document.as_dict()
    return {
        "body": data.get("text"),
        "title": data.get("title"),
        "author": data.get("author"),
        "date": data.get("date"),
        "description": data.get("description"),
    }


def readability_tool(html: bytes, url: str, language: str | None = None) -> Output:
    import lxml.html
    from readability import Document

    document = Document(html, url=url)
    summary = document.summary(html_partial=True)
    return {
        "body": _html_text(lxml.html.fragment_fromstring(summary, create_parent="div")),
        "title": document.short_title(),
    }


def newspaper_tool(html: bytes, url: str, language: str | None = None) -> Output:
    import newspaper

    article = newspaper.Article(
        url if url.startswith("http") else "http://example.invalid/", fetch_images=False
    )
    article.download(input_html=_text(html))
    article.parse()
    return {
        "body": article.text,
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "date": _day(article.publish_date),
        "description": article.meta_description or None,
    }


def goose_tool(html: bytes, url: str, language: str | None = None) -> Output:
    article = _goose().extract(raw_html=_text(html))
    return {
        "body": article.cleaned_text,
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "date": _day(article.publish_date),
        "description": article.meta_description or None,
    }


def resiliparse_tool(html: bytes, url: str, language: str | None = None) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    text = bytes_to_str(html, detect_encoding(html))
    return {"body": extract_plain_text(text, main_content=True)}


JUSTEXT_STOPLISTS = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "nl": "Dutch",
}


def justext_tool(html: bytes, url: str, language: str | None = None) -> Output:
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_STOPLISTS.get(language or "", "English"))
    paragraphs = justext.justext(html, stoplist)
    return {"body": "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)}


@cache
def _goose() -> Any:
    from goose3 import Goose

    return Goose({"enable_image_fetching": False, "http_timeout": 0.01})


def _text(html: bytes) -> str:
    from byline.document import decode

    return decode(html)[0]


def _html_text(element: Any) -> str:
    blocks = element.xpath(".//p | .//li | .//h1 | .//h2 | .//h3 | .//h4 | .//pre | .//td")
    texts = [" ".join(block.text_content().split()) for block in blocks]
    return "\n\n".join(t for t in texts if t) or element.text_content()


def _day(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, str) and value:
        from byline.dates import parse_date

        parsed = parse_date(value)
        return parsed.isoformat()[:10] if parsed else None
    return None


TOOLS: dict[str, Tool] = {
    "byline": byline_tool,
    "trafilatura": trafilatura_tool,
    "readability": readability_tool,
    "newspaper4k": newspaper_tool,
    "goose3": goose_tool,
    "resiliparse": resiliparse_tool,
    "justext": justext_tool,
}

PACKAGES = {
    "byline": "byline",
    "trafilatura": "trafilatura",
    "readability": "readability-lxml",
    "newspaper4k": "newspaper4k",
    "goose3": "goose3",
    "resiliparse": "resiliparse",
    "justext": "justext",
}


def available(name: str) -> str | None:
    """The installed version of a tool's package, or None when it is not installed."""
    try:
        found = version(PACKAGES[name])
    except PackageNotFoundError:
        return None
    return f"{found} ({_byline_build()})" if name == "byline" else found


def _byline_build() -> str:
    """Whether the installed byline runs its extraction modules compiled (see setup.py)."""
    import byline.maintext

    return "pure Python" if byline.maintext.__file__.endswith(".py") else "mypyc"


def quiet() -> None:
    """Silence the peers' import-time warnings (missing optional NLP packages...)."""
    warnings.filterwarnings("ignore")
