"""Candidates to record: one value per field, chosen by rules, with provenance.

Sources disagree all the time: a ``<title>`` carries " | Site Name", OpenGraph
has a shortened headline, a CMS writes the modification time as the
publication time, an "author" is the newsroom. Each field has a rule that
says which value wins and why; the values that lost are kept in the provenance.

One module per concern: ``trust`` (how far each source is trusted, per field),
``choice`` (what the choosers share), ``title``, ``dates`` (and time zones),
``people`` (authors, credit, publisher), ``terms`` (tags, keywords) and ``media``
(images). The title is chosen first, on its own (``choose_title``): main text
extraction looks for it; ``reconcile`` then makes the record of everything.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from byline.dateline import find_dateline
from byline.document import words_in_any_script
from byline.fields import Field, Source
from byline.language import language_tag, same_language
from byline.quotes import find_quotes
from byline.reconcile.choice import (
    Choice,
    PageCandidates,
    clean_text,
    clean_url,
    most_trusted,
    non_empty_texts,
)
from byline.reconcile.dates import choose_dates
from byline.reconcile.media import choose_images
from byline.reconcile.people import (
    choose_authors,
    choose_credit,
    choose_publisher,
    organisation_names,
)
from byline.reconcile.terms import merged_terms
from byline.reconcile.title import choose_title, strip_site_name
from byline.record import Alternative, Article, BodyQuality, Image, Provenance
from byline.sources.candidate import AnyCandidate
from byline.textlanguage import language_of

__all__ = ["Body", "Choice", "choose_description", "choose_title", "reconcile", "strip_site_name"]

T = TypeVar("T")


class Body(Protocol):
    """What the record takes from main text extraction (``byline.maintext.MainText``)."""

    @property
    def body(self) -> str: ...

    @property
    def body_html(self) -> str: ...

    @property
    def images(self) -> list[Image]: ...

    @property
    def quality(self) -> BodyQuality: ...


def choose_description(candidates: list[AnyCandidate]) -> Choice[str] | None:
    """The description of a page's candidates (main text falls back on it)."""
    return _description(PageCandidates(candidates))


def _description(found: PageCandidates) -> Choice[str] | None:
    return most_trusted(Field.DESCRIPTION, found.texts(Field.DESCRIPTION), clean_text)


def reconcile(
    candidates: list[AnyCandidate], main: Body, title: Choice[str] | None, url: str | None = None
) -> Article:
    """The article record of a page: its candidates' values chosen field by field, ``title``
    (``choose_title`` of the same candidates), and its main text."""
    found = PageCandidates(candidates)
    published, modified = choose_dates(found)
    publisher = choose_publisher(found)
    organisations = organisation_names(found, _value(publisher))
    authors = choose_authors(found.authors(), organisations)
    credit = choose_credit(found.authors()) if authors is None else None
    description = _description(found)
    section = most_trusted(Field.SECTION, found.texts(Field.SECTION), clean_text)
    canonical = most_trusted(Field.CANONICAL_URL, found.texts(Field.CANONICAL_URL), clean_url)
    language = _language_choice(found, main.body)
    licence = most_trusted(Field.LICENSE, found.texts(Field.LICENSE), clean_text)
    speakable = most_trusted(Field.SPEAKABLE, found.lists(Field.SPEAKABLE), non_empty_texts)
    tags = merged_terms(Field.TAGS, found.lists(Field.TAGS), exclude=frozenset({Source.DOM}))
    keywords = merged_terms(Field.KEYWORDS, found.lists(Field.KEYWORDS))
    images = choose_images(found.images(), main.images)
    chosen: dict[str, Choice[object] | None] = {
        "title": title,
        "description": description,
        "section": section,
        "canonical_url": canonical,
        "language": language,
        "license": licence,
        "speakable": speakable,
        "published": published,
        "modified": modified,
        "tags": tags,
        "keywords": keywords,
        "publisher": publisher,
        "authors": authors,
        "credit": credit,
        "images": images,
    }
    image_list = images.value if images else []
    return Article(
        url=url,
        canonical_url=_value(canonical),
        title=_value(title),
        description=_value(description),
        published=_value(published),
        modified=_value(modified),
        section=_value(section),
        tags=tags.value if tags else [],
        keywords=keywords.value if keywords else [],
        authors=authors.value if authors else [],
        credit=_value(credit),
        publisher=_value(publisher),
        language=_value(language),
        images=image_list,
        main_image=image_list[0].url if image_list else None,
        body=main.body,
        body_html=main.body_html,
        body_quality=main.quality,
        dateline=find_dateline(main.body),
        quotes=find_quotes(main.body),
        word_count=words_in_any_script(main.body),
        license=_value(licence),
        speakable=speakable.value if speakable else [],
        provenance={
            name: Provenance(source=choice.source.value, alternatives=choice.alternatives)
            for name, choice in chosen.items()
            if choice is not None
        },
    )


def _value(choice: Choice[T] | None) -> T | None:
    return choice.value if choice is not None else None


def _language(value: str) -> str | None:
    return language_tag(clean_text(value))


def _language_choice(found: PageCandidates, body: str) -> Choice[str] | None:
    """The language the page declares, unless its body is written in another: a site's
    template often declares its default ("en-US" on German pages), and many pages none.
    Then a less trusted declaration of the body's language is the choice ("de-DE" in the
    JSON-LD under an ``<html lang="en-US">``), failing one the body's language itself
    (``textlanguage.language_of``; source ``text``), the other declarations its
    alternatives. A body the detector cannot read leaves the declaration as it is, as does
    one in the declared language (the declared region kept: "pt-BR")."""
    declared = most_trusted(Field.LANGUAGE, found.texts(Field.LANGUAGE), _language)
    written = language_of(body)
    if written is None or (declared is not None and same_language(declared.value, written)):
        return declared
    if declared is None:
        return Choice(written, Source.TEXT)
    stated = [Alternative(declared.source.value, declared.value), *declared.alternatives]
    agreeing = next((a for a in stated if same_language(str(a.value), written)), None)
    if agreeing is not None:
        others = [a for a in stated if a is not agreeing]
        return Choice(str(agreeing.value), Source(agreeing.source), others)
    return Choice(written, Source.TEXT, stated)
