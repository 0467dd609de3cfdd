"""People and organisations: the authors, the credit when no person is named, the publisher."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from byline import authors as author_names
from byline.document import same_page
from byline.fields import CANDIDATE_SOURCES, Field, Markup, Source
from byline.reconcile import _authorweights
from byline.reconcile.choice import (
    Choice,
    PageCandidates,
    alternatives,
    clean_text,
    comparable,
    letters,
    name_key,
)
from byline.reconcile.ranking import LinearScorer, nearness
from byline.reconcile.trust import by_trust
from byline.record import Person, Publisher
from byline.sources.candidate import AuthorCandidate, Candidate, Evidence


def choose_publisher(found: PageCandidates) -> Choice[Publisher] | None:
    """The most trusted publisher, completed by others of the same name, else the site name."""
    publishers = by_trust(Field.PUBLISHER, found.publishers())
    if publishers:
        chosen = publishers[0]
        merged = Publisher(**{k: getattr(chosen.value, k) for k in Publisher.__slots__})
        for other in publishers[1:]:
            if comparable(other.value.name) in (comparable(merged.name), "''", "None"):
                for key in Publisher.__slots__:
                    if getattr(merged, key) is None:
                        setattr(merged, key, getattr(other.value, key))
        return Choice(merged, chosen.source)
    site = by_trust(Field.SITE_NAME, found.texts(Field.SITE_NAME))
    if site and (name := clean_text(site[0].value)):
        return Choice(Publisher(name=name), site[0].source)
    return None


def organisation_names(found: PageCandidates, publisher: Publisher | None) -> set[str]:
    """The names that are organisations on this page: the site's, its publishers' (but for
    a publisher with a person's name: a personal site is published by its author), and
    the authors the markup calls organisations; folded."""
    names = {clean_text(c.value) for c in found.texts(Field.SITE_NAME)}
    publishers = [c.value for c in found.publishers()]
    for named in [*publishers, publisher]:
        if named is not None and named.name and not _full_personal_name(named.name):
            names.add(named.name)
        if named is not None and named.parent:
            names.add(named.parent)
    for candidate in found.authors():
        for author in candidate.value:
            if author.kind == "organization":
                names.add(author.name)
    return {name.casefold() for name in names if name}


FIRST_AND_LAST: Final = 2
"""The words of a name of a first and a last name."""
CO_AUTHOR_MIN_WORDS: Final = 2
CO_AUTHOR_MAX_WORDS: Final = 3
"""Words of a name that the visible page adds to a structured source's author list."""


def choose_authors(
    candidates: list[Candidate[list[AuthorCandidate]]],
    organisations: set[str],
    scorer: LinearScorer | None = None,
) -> Choice[list[Person]] | None:
    """The people of the source the learned scorer ranks first, completed by the others.

    Organisations (by markup, or by being the publisher or site) and placeholders
    like "Staff" are never authors, so a news agency byline yields no author. Other
    sources may complete the choice: a fuller spelling of the same person ("Stefanus"
    -> "Stefanus Stahl", "edilson.la.rosa" -> "Edilson La Rosa") and co-authors of a
    list that holds every chosen name ("Rudolf Fischer" -> "Rudolf Fischer, Simon Kohler").
    ``scorer`` is the shipped ``AUTHOR_SCORER`` unless a training script scores another.
    """
    options = author_options(candidates, organisations)
    if not options:
        return None
    best = (scorer or AUTHOR_SCORER).best([option.features for option in options])
    chosen = options[best]
    source, people = chosen.source, chosen.people
    others = [(o.source, o.people) for i, o in enumerate(options) if i != best]
    if source != Source.DOM:  # the dom source's own groups are alternatives, not co-authors
        people = _with_co_authors(people, others)
    else:
        people = _with_co_authors(people, [o for o in others if o[0] != Source.DOM])
    spelled = [found for _, found in others]
    people = [_fullest_spelling(person, spelled) for person in _rejoined(people, spelled)]
    if source == Source.DOM:
        people = [_as_stated_alone(person, spelled) for person in people]
    # a handle no source spells out ("jane.doe") is printed as the name it stands for
    people = [Person(author_names.handle_as_name(p.name), p.url) for p in people]
    lost = [(s, [p.name for p in found]) for s, found in others]
    return Choice(people, source, alternatives([p.name for p in people], lost))


@dataclass(slots=True)
class AuthorOption:
    """The people one source names (one candidate, cleaned), with the features the learned
    scorer ranks it by (``AUTHOR_FEATURES``)."""

    source: Source
    people: list[Person]
    evidence: Evidence
    kinds: set[str | None]
    features: list[float] = field(default_factory=list)


AUTHOR_MARKUPS: Final = (
    Markup.ARTICLE_OBJECT, Markup.STRAY_PROPERTY, Markup.META_TAG, Markup.BYLINE_ELEMENT,
    Markup.BYLINE_TEXT,
)  # fmt: skip
"""The kinds of markup that state authors often enough to weigh each on its own."""

AUTHOR_FEATURES: Final = (
    *(f"from {source.value}" for source in CANDIDATE_SOURCES),
    *(f"as {how.value}" for how in AUTHOR_MARKUPS),
    "first in trust order",
    "first on the visible page",
    "visible score",
    "near the headline",
    "in the article",
    "outside the article",
    "people",
    "full personal names",
    "declared persons",
    "named by other sources",
)
"""What ``AUTHOR_SCORER`` reads of each source's people (``AuthorOption``)."""

AUTHOR_SCORER: Final = LinearScorer(
    AUTHOR_FEATURES, _authorweights.MEANS, _authorweights.SCALES, _authorweights.WEIGHTS
)


def author_options(
    candidates: list[Candidate[list[AuthorCandidate]]], organisations: set[str]
) -> list[AuthorOption]:
    """Each source's candidate that names people, most trusted first, with its features
    (what ``AUTHOR_SCORER`` chooses among; ``scripts/train_choices.py`` fits it)."""
    options = []
    for candidate in by_trust(Field.AUTHORS, candidates):
        people = _people(candidate.value, organisations)
        if people:
            kinds = {author.kind for author in candidate.value}
            options.append(AuthorOption(candidate.source, people, candidate.evidence, kinds))
    names = [{letters(p.name) for p in option.people} for option in options]
    for index, option in enumerate(options):
        others = [n for i, n in enumerate(names) if i != index]
        option.features = _author_features(option, index, names[index], others)
    return options


def _author_features(
    option: AuthorOption, index: int, names: set[str], others: list[set[str]]
) -> list[float]:
    evidence = option.evidence
    visible = option.source == Source.DOM
    people = option.people
    return [
        *(float(option.source == source) for source in CANDIDATE_SOURCES),
        *(float(evidence.how == how) for how in AUTHOR_MARKUPS),
        float(index == 0),
        float(visible and evidence.rank == 0),
        (evidence.score or 0.0) if visible else 0.0,
        nearness(evidence.after_headline),
        float(evidence.in_article is True),
        float(evidence.in_article is False),
        math.log1p(len(people)),
        sum(1 for p in people if _full_personal_name(p.name)) / len(people),
        float("person" in option.kinds),
        sum(1 for other in others if names & other) / max(1, len(others)),
    ]


def choose_credit(candidates: list[Candidate[list[AuthorCandidate]]]) -> Choice[str] | None:
    """What the most trusted source credits when no source names a person: a desk, an
    agency or the organisation ("Redaktion", "AFP/The Local").

    A credit the markup declares goes before the visible page's: the page's byline may
    credit the desk by its initials ("D.E.") where a meta tag spells the site out."""
    trusted = by_trust(Field.AUTHORS, candidates)
    declared = [c for c in trusted if c.source != Source.DOM]
    credits = [
        (candidate.source, found)
        for candidate in declared + [c for c in trusted if c.source == Source.DOM]
        for author in candidate.value
        if (found := author_names.credit(author.name))
    ]
    if not credits:
        return None
    source, chosen = credits[0]
    return Choice(chosen, source, alternatives(chosen, credits[1:]))


def _people(authors: list[AuthorCandidate], organisations: set[str]) -> list[Person]:
    people: list[Person] = []
    seen: set[str] = set()
    organisation_keys = {name_key(name) for name in organisations}
    for author in authors:
        if author.kind == "organization":
            continue
        for name in author_names.split_names(author.name) or _declared_name(author):
            name = _without_organisation_suffix(name, organisations)
            key = name.casefold()
            if key in seen or not author_names.is_person_name(name, author.kind == "person"):
                continue
            is_organisation = key in organisations or name_key(name) in organisation_keys
            # a handle such as "happyface313" names its owner even when the site is named after it
            is_handle = author_names.is_user_handle(name)
            if is_organisation and not _declared_person(author, name) and not is_handle:
                continue
            seen.add(key)
            people.append(Person(name=name, url=author.url))
    return people


def _declared_name(author: AuthorCandidate) -> list[str]:
    """The name of an author the markup calls a person, as written, when the byline rules
    find none in it: "Mobasir hassan" is a name, not a phrase, in a schema.org Person."""
    name = " ".join(author.name.split())
    return [name] if author.kind == "person" and author_names.is_person_name(name, True) else []


def _declared_person(author: AuthorCandidate, name: str) -> bool:
    """Whether the markup calls ``name`` a person and it reads as a full name: a personal
    site carries its owner's name ("Wolfgang Schmale"), and is then no organisation."""
    return author.kind == "person" and _full_personal_name(name)


def _without_organisation_suffix(name: str, organisations: set[str]) -> str:
    """ "Adam Aaronson PhillyVoice" -> "Adam Aaronson": bylines often end with the site."""
    folded = name.casefold()
    for organisation in organisations:
        if folded.endswith(" " + organisation) and len(folded) > len(organisation) + 1:
            return name[: len(name) - len(organisation)].rstrip(" ,-–|")
    return name


def _fullest_spelling(person: Person, others: list[list[Person]]) -> Person:
    """The fuller name another source gives for the same person, else ``person``.

    Same person: a handle spelling the name without spaces ("arianschlichenmayer"), a
    first name alone that another source completes ("Nils" -> "Nils Pickert"), a first
    and last name that another source gives with the middle names or initials between them
    ("Jane Doe" -> "Jane A. Doe"), or a link to the author's page whose text is no name
    ("archive", "More") where another link to that page names her.
    """
    words = person.name.split()
    handle = len(words) == 1 and person.name == person.name.lower()
    folded = [word.casefold() for word in words]
    page = person.url if not _full_personal_name(person.name) else None
    for found in others:
        for other in found:
            other_words = other.name.split()
            if len(other_words) <= len(words):
                continue
            same_handle = handle and letters(other.name) == letters(person.name)
            completes = other_words[: len(words)] == words
            ends = [other_words[0].casefold(), other_words[-1].casefold()]
            middle = len(words) == FIRST_AND_LAST and ends == folded
            if (
                same_page(other.url, page)
                and _full_personal_name(other.name)
                # (not a short form of the name: "Ela" links to Michaela Vais's page as her byline)
                and letters(person.name) not in letters(other.name)
            ):
                return Person(name=other.name, url=person.url)
            if same_handle or (completes and len(words) == 1) or middle:
                return Person(name=other.name, url=person.url or other.url)
    return person


def _as_stated_alone(person: Person, others: list[list[Person]]) -> Person:
    """The full name another candidate states alone, when the visible page's name holds it
    with words glued on ("Senior Editor Jane Doe", "Jane Doe // Redaktion" -> "Jane Doe"),
    else ``person``.

    A byline prints roles, labels and desks beside the name, which the name rules cannot
    always tell from names; a name the page also gives on its own is the person's.
    """
    words = person.name.casefold().split()
    for found in others:
        for other in found:
            inner = other.name.casefold().split()
            if len(inner) < len(words) and _full_personal_name(other.name) and _holds(words, inner):
                return Person(name=other.name, url=person.url or other.url)
    return person


def _holds(words: list[str], run: list[str]) -> bool:
    """True when ``run`` is a run of consecutive ``words``."""
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


def _rejoined(people: list[Person], others: list[list[Person]]) -> list[Person]:
    """``people`` read from one name written last name first ("Doe, Jane", split at its
    comma into "Doe" and "Jane") as that name, when another source names the person so
    ("Jane Doe"); else ``people``."""
    if len(people) != FIRST_AND_LAST or any(" " in person.name for person in people):
        return people
    parts = sorted(person.name.casefold() for person in people)
    for found in others:
        for other in found:
            words = other.name.split()
            if len(words) == FIRST_AND_LAST and sorted(w.casefold() for w in words) == parts:
                return [Person(name=other.name, url=people[0].url or other.url)]
    return people


def _with_co_authors(
    people: list[Person], others: list[tuple[Source, list[Person]]]
) -> list[Person]:
    """``people`` extended by another source's list that holds all of them and more.

    The visible page's bylines sit next to links and labels, so a "dom" list counts only
    when its extra names look like full personal names.
    """
    chosen = {p.name.casefold() for p in people}
    for source, found in others:
        names = {p.name.casefold() for p in found}
        if len(names) <= len(chosen) or not chosen <= names:
            continue
        extra = [p.name for p in found if p.name.casefold() not in chosen]
        if source != Source.DOM or all(_full_personal_name(name) for name in extra):
            return found
    return people


def _full_personal_name(name: str) -> bool:
    """ "Simon Kohler", "林玛丽" yes; "Google", "ACLU Racial Justice Program" no."""
    if author_names.CJK_FULL_NAME.fullmatch(name):
        return True
    words = name.split()
    return (
        CO_AUTHOR_MIN_WORDS <= len(words) <= CO_AUTHOR_MAX_WORDS
        and all(w[:1].isupper() for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
    )
