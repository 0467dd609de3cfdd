"""Candidates to record: one value per field, chosen by rules, with provenance.

Sources disagree all the time: a ``<title>`` carries " | Site Name", OpenGraph
has a shortened headline, a CMS writes the modification time as the
publication time, an "author" is the newsroom. Each field has a rule here that
says which value wins and why; the values that lost are kept in the provenance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, Final

from byline import authors as author_names
from byline.dates import parse_date
from byline.language import language_tag
from byline.record import Alternative, Article, Image, Moment, Person, Provenance, Publisher
from byline.sources import AuthorCandidate, Candidate

# Which source to believe first, per field, when there is no stronger rule.
# JSON-LD and microdata are written for machines by the CMS; OpenGraph is written
# for social previews (often shortened); the visible page ("dom") is what readers see.
DEFAULT_PRIORITY: Final = (
    "json-ld",
    "microdata",
    "opengraph",
    "twitter",
    "meta",
    "dublin-core",
    "dom",
)
PRIORITY: Final[dict[str, tuple[str, ...]]] = {
    "title": ("json-ld", "opengraph", "microdata", "twitter", "meta", "dublin-core", "dom"),
    "description": ("json-ld", "opengraph", "meta", "twitter", "microdata", "dublin-core", "dom"),
    "published": (*DEFAULT_PRIORITY, "url"),
    "modified": DEFAULT_PRIORITY,
    "section": ("json-ld", "opengraph", "meta", "microdata", "dublin-core", "dom"),
    "language": ("dom", "json-ld", "microdata", "meta", "dublin-core", "opengraph"),
    "canonical_url": ("dom", "opengraph", "json-ld", "microdata", "twitter", "meta"),
    "license": ("json-ld", "microdata", "dom", "dublin-core", "meta"),
    # Measured on the development corpus (pages where two sources name different people):
    # JSON-LD beat the visible byline 10 to 4, the visible byline beat <meta name=author>
    # 10 to 3 (that tag often names the site or its owner), microdata and OpenGraph were
    # about even with it on a handful of pages.
    "authors": ("json-ld", "opengraph", "dom", "microdata", "dublin-core", "meta"),
    "images": ("json-ld", "opengraph", "twitter", "microdata", "meta", "dom"),
}

EARLIEST_PLAUSIBLE: Final = date(1995, 1, 1)
"""News on the web starts here; earlier 'publication dates' are parsing accidents."""

FUTURE_TOLERANCE: Final = timedelta(days=1)
"""A date up to a day ahead is a time-zone artefact, not the future."""

# " | Site", " - Site", " – Site", " — Site", " :: Site", " » Site", " · Site"
_TITLE_SEPARATORS: Final = re.compile(r"\s+[|\-–—:»·/]{1,2}\s+")
TITLE_SUFFIX_MAX_WORDS: Final = 6
"""A trailing title segment this short, after a longer one, is taken for the site name."""


def reconcile(candidates: list[Candidate], url: str | None = None) -> Article:
    """The metadata of an article record (body fields are filled by the caller)."""
    by_field: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_field.setdefault(candidate.field, []).append(candidate)
    article = Article(url=url)
    chooser = _Chooser(article)

    site_names = _site_names(by_field)
    chooser.set("title", *_choose_title(by_field, site_names))
    chooser.pick("description", by_field.get("description", []), _clean_text)
    chooser.pick("section", by_field.get("section", []), _clean_text)
    chooser.pick("canonical_url", by_field.get("canonical_url", []), _clean_url)
    chooser.pick("language", by_field.get("language", []), _language)
    chooser.pick("license", by_field.get("license", []), _clean_text)
    chooser.pick("speakable", by_field.get("speakable", []), _non_empty_list)
    _set_dates(chooser, by_field)
    chooser.set("tags", *_merged_terms(by_field.get("tags", []), exclude=("dom",)))
    chooser.set("keywords", *_merged_terms(by_field.get("keywords", [])))
    chooser.set("publisher", *_choose_publisher(by_field, site_names))
    organisations = _organisation_names(by_field, article.publisher)
    chooser.set("authors", *_choose_authors(by_field.get("authors", []), organisations))
    if not article.authors:
        chooser.set("credit", *_choose_credit(by_field.get("authors", [])))
    images, image_source = _merged_images(by_field.get("images", []))
    chooser.set("images", images, image_source)
    article.main_image = images[0].url if images else None
    return article


class _Chooser:
    """Sets record fields and records where each value came from."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def set(
        self, name: str, value: Any, source: str | None, alternatives: Iterable[Alternative] = ()
    ) -> None:
        if value is None or value == [] or source is None:
            return
        setattr(self.article, name, value)
        self.article.provenance[name] = Provenance(source=source, alternatives=list(alternatives))

    def pick(self, name: str, candidates: list[Candidate], clean: Callable[[Any], Any]) -> None:
        """The cleaned value of the most trusted source; other distinct values as alternatives."""
        valued = [(c.source, clean(c.value)) for c in _by_priority(name, candidates)]
        valued = [(source, value) for source, value in valued if value not in (None, [], "")]
        if not valued:
            return
        source, value = valued[0]
        self.set(name, value, source, _alternatives(value, valued[1:]))


def _by_priority(field: str, candidates: list[Candidate]) -> list[Candidate]:
    order = PRIORITY.get(field, DEFAULT_PRIORITY)
    rank = {source: index for index, source in enumerate(order)}
    return sorted(candidates, key=lambda c: rank.get(c.source, len(order)))


def _alternatives(chosen: Any, others: Iterable[tuple[str, Any]]) -> list[Alternative]:
    seen = {_comparable(chosen)}
    result = []
    for source, value in others:
        key = _comparable(value)
        if key not in seen:
            seen.add(key)
            result.append(Alternative(source=source, value=value))
    return result


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, list):
        return tuple(_comparable(v) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return repr(value)


# --- text fields ---------------------------------------------------------------------------


def _clean_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _language(value: Any) -> str | None:
    return language_tag(_clean_text(value))


def _clean_url(value: Any) -> str | None:
    text = _clean_text(value)
    return text if text and text.startswith(("http://", "https://")) else None


def _non_empty_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [v.strip() for v in value or [] if isinstance(v, str) and v.strip()]


# --- title ---------------------------------------------------------------------------------


def _site_names(by_field: dict[str, list[Candidate]]) -> set[str]:
    names = {_clean_text(c.value) for c in by_field.get("site_name", [])}
    names |= {
        _clean_text(c.value.name)
        for c in by_field.get("publisher", [])
        if isinstance(c.value, Publisher)
    }
    return {name.casefold() for name in names if name}


def _choose_title(
    by_field: dict[str, list[Candidate]], site_names: set[str]
) -> tuple[str | None, str | None, list[Alternative]]:
    """The headline readers see, confirmed by the page's own metadata.

    A visible heading (``headline`` candidates: the page's h1s) wins when some
    title source agrees with it, because metadata titles carry site names and
    social-media rewrites. Otherwise the most trusted metadata title, with a
    site-name suffix removed. Every other title as written is an alternative.
    """
    written = [
        (c.source, text)
        for c in _by_priority("title", by_field.get("title", []))
        if (text := _clean_text(c.value))
    ]
    headings = [
        (c.source, text) for c in by_field.get("headline", []) if (text := _clean_text(c.value))
    ]
    chosen = _confirmed_heading(written, headings, site_names) or _unconfirmed_title(
        written, headings, site_names
    )
    if chosen is None:
        return None, None, []
    source, title = chosen
    # The page's main heading is a title candidate; its other headings are not.
    others = [(s, v) for s, v in written + headings[:1] if (s, v) != chosen]
    return title, source, _alternatives(title, others)


def _confirmed_heading(
    written: list[tuple[str, str]], headings: list[tuple[str, str]], site_names: set[str]
) -> tuple[str, str] | None:
    """The heading that best agrees with a title of the page's metadata, if any does.

    Agreement is by words, so dashes, quotes and a " | Site" part do not matter.
    A heading agrees fully when most of its words are in the title and it covers
    most of the title once the site name is removed; it agrees in part when it
    is the longest segment of a "Site » Section » Headline" title. The closest
    agreement wins. Only when no whole heading agrees is a part of one tried
    ("Local News | Headline"); a heading that holds the whole title gives the title.
    """
    parts = [
        (source, heading[slice(*span)])
        for source, heading in headings
        if len(spans := _segment_spans(heading)) > 1
        for span in spans
    ]
    titles = [_TitleWords.of(title, site_names) for _, title in written]
    return _best_agreeing(headings, titles) or _best_agreeing(parts, titles)


@dataclass(frozen=True, slots=True)
class _TitleWords:
    """A metadata title as headings are compared with it: its words, the words of its core
    (the title less its site name) and of each of its segments. Measured once per title:
    every heading and every part of one is compared with every title."""

    core: str
    words: frozenset[str]
    core_words: frozenset[str]
    segments: list[frozenset[str]]

    @staticmethod
    def of(title: str, site_names: set[str]) -> _TitleWords:
        core = strip_site_name(title, site_names) or title
        return _TitleWords(
            core,
            frozenset(_words(title)),
            frozenset(_words(core)),
            [frozenset(_words(title[slice(*span)])) for span in _segment_spans(title)],
        )


def _best_agreeing(
    headings: list[tuple[str, str]], titles: list[_TitleWords]
) -> tuple[str, str] | None:
    best, best_score = None, 0.0
    for source, heading in headings:
        words = set(_words(heading))
        if not words:
            continue
        for title in titles:
            score = _agreement(words, title)
            if score > best_score:
                best, best_score = (source, _title_inside(heading, title.core)), score
    return best


def _agreement(words: set[str], title: _TitleWords) -> float:
    """0 when a heading's ``words`` do not agree with ``title``; higher the closer they are."""
    core = title.core_words
    in_title = len(words & title.words) / len(words)
    recall = len(words & core) / max(len(core), 1)
    if in_title >= HEADING_IN_TITLE and recall >= HEADING_COVERS_TITLE:
        return 2 + recall + len(words & core) / len(words)
    segments = title.segments
    longest = max(segments, key=len)
    if (
        len(segments) > 1
        and words == longest
        and sum(len(s) == len(longest) for s in segments) == 1
    ):
        return 1 + len(words) / max(len(title.words), 1)
    return 0.0


def _title_inside(heading: str, title: str) -> str:
    """``title`` as written in ``heading`` when the heading holds it whole, else the heading."""
    start = heading.lower().find(title.lower())
    if start == -1 or len(title) == len(heading):
        return heading
    return heading[start : start + len(title)]


def _unconfirmed_title(
    written: list[tuple[str, str]], headings: list[tuple[str, str]], site_names: set[str]
) -> tuple[str, str] | None:
    """The title when no heading agrees with the metadata: the page's main heading, if any.

    Metadata titles are often rewritten for search engines and social media, while the
    main heading is what readers see (on the corpus, the main heading is right twice as
    often as the metadata title when the two disagree). A main heading that is the
    site's name (a logo h1: the site name, or a segment at one end of the title) is not
    a headline; the metadata title without its site name is used then.
    """
    main_heading = headings[0] if headings else None
    names = site_names | {_comparable(heading) for _, heading in headings}
    title = next(
        (
            (source, stripped)
            for source, value in written
            if (stripped := strip_site_name(value, names))
        ),
        None,
    )
    if main_heading and not _is_site_name(main_heading[1], written, site_names):
        return main_heading
    return title


def _is_site_name(heading: str, written: list[tuple[str, str]], site_names: set[str]) -> bool:
    if _names_site(heading, site_names):
        return True
    key = _comparable(heading)
    for _, title in written:
        spans = _segment_spans(title)
        ends = {_comparable(title[slice(*spans[0])]), _comparable(title[slice(*spans[-1])])}
        if len(spans) > 1 and key in ends:
            return True
    return False


HEADING_IN_TITLE: Final = 0.8
"""Share of a heading's words that must appear in a metadata title for them to agree."""

HEADING_COVERS_TITLE: Final = 0.6
"""Share of the title's words (site name removed) the heading must cover: a short
heading inside a long title is the site's name, not the headline."""

_WORDS: Final = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def strip_site_name(title: str | None, site_names: set[str]) -> str | None:
    """``title`` without " | Site Name" parts at its start or end, as written otherwise."""
    if not title:
        return None
    spans = _segment_spans(title)
    if len(spans) < 2:
        return title
    first, last = 0, len(spans) - 1
    while first <= last and _names_site(title[slice(*spans[first])], site_names):
        first += 1
    while last >= first and _names_site(title[slice(*spans[last])], site_names):
        last -= 1
    if first > last:
        return title
    if (first, last) != (0, len(spans) - 1):
        return title[spans[first][0] : spans[last][1]]
    head, tail = title[: spans[-1][0]], title[slice(*spans[-1])]
    head = head.rstrip(" |-–—:»·/")
    if len(tail.split()) <= TITLE_SUFFIX_MAX_WORDS and len(head) > 2 * len(tail):
        return head
    return title


def _segment_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of each part of ``title`` between separators."""
    spans, start = [], 0
    for separator in _TITLE_SEPARATORS.finditer(title):
        spans.append((start, separator.start()))
        start = separator.end()
    spans.append((start, len(title)))
    return spans


def _names_site(part: str, site_names: set[str]) -> bool:
    key = part.casefold().strip()
    return any(name == key or (len(name) > 3 and name in key) for name in site_names)


# --- dates ---------------------------------------------------------------------------------

DATE_VOTE_WEIGHT: Final[dict[str, float]] = {
    "json-ld": 1.0, "microdata": 1.0, "opengraph": 1.0, "twitter": 0.8, "meta": 0.8,
    "dublin-core": 0.8, "dom": 0.9, "url": 1.2,
}  # fmt: skip
"""How much one source's day counts when sources disagree on the publication day.

Each source's best value votes for its day; the first source in ``PRIORITY`` breaks ties.
A URL path date is the steadiest statement of a publication day (it never changes when
the article is edited), and the visible page is what readers read as the date."""

PLAIN_META_SOURCES: Final = frozenset({"meta", "dublin-core"})
"""Sources read from plain ``<meta>`` tags. A CMS prints one stored date into several of
them (``name="date"``, ``DC.date``, ``DCTERMS.date``): the same instant from two of them is
one statement, and votes once."""

VISIBLE_SOURCE: Final = "dom"
"""The source that reports what readers see on the page."""

MIDNIGHT_UTC_HOURS: Final = frozenset({22, 23})
"""A UTC time of exactly 22:00:00 or 23:00:00 is how a CMS stores a bare day at local
midnight in central Europe (UTC+1/+2): the page means the next day. Used only when the
page's dates give no zone of their own (most pages of the corpus are central European)."""

MAX_ZONE_OFFSET: Final = timedelta(hours=14)
ZONE_STEP: Final = timedelta(minutes=15)
"""Time zones are whole quarter-hours within 14 hours of UTC."""


def _set_dates(chooser: _Chooser, by_field: dict[str, list[Candidate]]) -> None:
    now = datetime.now(UTC)
    modified = _parsed_dates("modified", by_field, now)
    published = _parsed_dates("published", by_field, now)
    if not published:
        # Wikis and some blogs show only "last edited ...": the one date the page gives.
        published = modified
    if published:
        source, value = _shown_modification(published, modified) or _choose_published(
            published, _page_zone(published + modified)
        )
        chooser.set("published", value, source, _alternatives(value, published))
    if modified:
        first = chooser.article.published
        modified = [(s, v) for s, v in modified if first is None or not _after(first, v)]
        if modified:
            source, value = _most_precise(modified)
            chooser.set("modified", value, source, _alternatives(value, modified))


def _parsed_dates(
    field: str, by_field: dict[str, list[Candidate]], now: datetime
) -> list[tuple[str, Moment]]:
    """Plausible parsed dates for ``field``, most trusted source first."""
    result = []
    for candidate in _by_priority(field, by_field.get(field, [])):
        value = parse_date(candidate.value) if isinstance(candidate.value, str) else None
        if value is not None and _plausible(value, now):
            result.append((candidate.source, value))
    return result


def _choose_published(
    dated: list[tuple[str, Moment]], zone: timezone | None = None
) -> tuple[str, Moment]:
    """The publication date most sources agree on, read as the page's local day.

    Sources are voted by day (each source's best value once, plain ``<meta>`` copies of one
    instant once: see ``PLAIN_META_SOURCES``) because a single CMS field is often wrong (the
    modification time, a crawl time); among the values of the winning day the most precise
    is kept. ``zone`` is the page's own (see ``_page_zone``).
    """
    local = [(source, _local_reading(value, dated, zone)) for source, value in dated]
    votes: dict[date, float] = {}
    voted: set[str] = set()
    plain_meta_times: set[datetime] = set()
    for source, value in local:
        if source in voted:
            continue
        voted.add(source)
        if source in PLAIN_META_SOURCES and isinstance(value, datetime):
            if value in plain_meta_times:
                continue  # another plain <meta> tag's copy
            plain_meta_times.add(value)
        votes[_day(value)] = votes.get(_day(value), 0.0) + DATE_VOTE_WEIGHT.get(source, 0.5)
    best = max(votes.values())
    winner = next(_day(v) for _, v in local if votes.get(_day(v)) == best)  # a voted day
    source, value = _most_precise([(s, v) for s, v in local if _day(v) == winner])
    return source, _without_naive_time(value)


def _shown_modification(
    published: list[tuple[str, Moment]], modified: list[tuple[str, Moment]]
) -> tuple[str, Moment] | None:
    """The modification date, when that is the date the page shows instead of its first one.

    Pages that display "Updated March 14, 2021" as their date (and not the day the
    metadata calls published) present that day to readers as the article's date. A
    published value that is another source's modification time does not count as the
    day the metadata calls published.
    """
    visible = next((v for s, v in published if s == VISIBLE_SOURCE), None)
    if visible is None:
        return None
    day = _day(visible)
    relabelled = _modifications_called_published(published, modified)
    declared = {
        _day(v)
        for s, v in published
        if s != VISIBLE_SOURCE and s != "url" and (s, v) not in relabelled
    }
    if not declared or day in declared:
        return None
    shown = [(s, v) for s, v in modified if s != VISIBLE_SOURCE and _day(v) == day]
    if not shown:
        return None
    source, value = _most_precise(shown)
    return source, _without_naive_time(value)


def _modifications_called_published(
    published: list[tuple[str, Moment]], modified: list[tuple[str, Moment]]
) -> list[tuple[str, Moment]]:
    """The published values that another source gives, to the second, as its modification
    time and not as its publication time.

    A generic ``<meta name="date">`` or ``dcterms.date`` often holds the last change: when
    a source that dates the publication otherwise calls that same instant its
    modification, the value is a modification whatever its label says.
    """
    dating = {s for s, _ in published if s != VISIBLE_SOURCE}  # the visible page mixes both
    changes = [
        (s, v)
        for s, v in modified
        if s in dating and isinstance(v, datetime) and (s, v) not in published
    ]
    return [
        (s, v)
        for s, v in published
        if isinstance(v, datetime) and any(s != cs and v == cv for cs, cv in changes)
    ]


def _day(value: Moment) -> date:
    return value.date() if isinstance(value, datetime) else value


def _local_reading(
    value: Moment, dated: list[tuple[str, Moment]], zone: timezone | None = None
) -> Moment:
    """``value`` as the page's local time when it is a UTC time and the page says where.

    News sites store UTC, while the page (and its reader) shows the local day. Evidence,
    strongest first: the same instant with a zone offset from another source; a time
    without zone that is the same minute a whole number of quarter-hours away (the local
    clock); a CMS's local midnight (in ``zone``, the page's own, when known); a bare day
    from the URL or page that only a zone within 14 hours explains.
    """
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return value
    naive = value.replace(tzinfo=None)
    days: set[date] = set()
    seen: set[str] = set()
    for source, other in dated:
        if isinstance(other, datetime) and _aware(other):
            if other == value and other.utcoffset() != timedelta(0):
                return other
        elif isinstance(other, datetime):
            offset = other.replace(second=0, microsecond=0) - naive.replace(second=0, microsecond=0)
            if _is_zone_offset(offset) and other.second in (0, naive.second):
                return value.astimezone(timezone(offset))
        elif source not in seen:
            days.add(other)  # a bare day: each source's best one only
        seen.add(source)
    if _is_local_midnight(value, zone):
        return naive.date() + timedelta(days=1)
    if naive.date() in days:
        return value
    for day in days:
        midnight = datetime.combine(day, time())
        if midnight - MAX_ZONE_OFFSET <= naive < midnight + timedelta(days=1) + MAX_ZONE_OFFSET:
            return day  # a zone within 14 hours puts this UTC time on that day
    return value


def _is_local_midnight(value: datetime, zone: timezone | None) -> bool:
    """Whether the UTC time ``value`` is the midnight that begins the next local day: how a
    CMS stores a bare day. In the page's own zone when its other dates give one, else in
    central Europe's (see ``MIDNIGHT_UTC_HOURS``)."""
    if value.minute or value.second or value.microsecond:
        return False
    if zone is None:
        return value.hour in MIDNIGHT_UTC_HOURS
    local = value.astimezone(zone)
    return local.hour == 0 and local.date() > value.date()


def _page_zone(dated: list[tuple[str, Moment]]) -> timezone | None:
    """The zone the page writes its own times in: the one offset other than UTC that its
    dates carry (a CMS often stores UTC in one field and local time in another)."""
    offsets = {
        offset
        for _, value in dated
        if isinstance(value, datetime) and (offset := value.utcoffset())
    }
    return timezone(offsets.pop()) if len(offsets) == 1 else None


def _is_zone_offset(offset: timedelta) -> bool:
    return offset != timedelta(0) and abs(offset) <= MAX_ZONE_OFFSET and not offset % ZONE_STEP


def _without_naive_time(value: Moment) -> Moment:
    """The record holds aware times or days: a time whose zone nobody gave keeps its day."""
    if isinstance(value, datetime) and not _aware(value):
        return value.date()
    return value


def _plausible(value: Moment, now: datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    if day < EARLIEST_PLAUSIBLE:
        return False
    return day <= (now + FUTURE_TOLERANCE).date()


def _after(a: Moment, b: Moment) -> bool:
    """Whether ``a`` is strictly later than ``b``, comparing days when either is a date."""
    if isinstance(a, datetime) and isinstance(b, datetime) and _aware(a) == _aware(b):
        return a > b
    day_a = a.date() if isinstance(a, datetime) else a
    day_b = b.date() if isinstance(b, datetime) else b
    return day_a > day_b


def _aware(value: datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() is not None


def _most_precise(dated: list[tuple[str, Moment]]) -> tuple[str, Moment]:
    """The most trusted date, upgraded to a time-zone-aware time of the same day if one is seen.

    A source giving only the day and another giving the time of that same day
    agree; the more precise statement is the better record.
    """
    source, value = dated[0]
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(value, datetime) and _aware(value):
        return source, value
    for other_source, other in dated[1:]:
        if not (isinstance(other, datetime) and _aware(other) and other.date() == day):
            continue
        if not isinstance(value, datetime) or value == other.replace(tzinfo=None):
            return other_source, other
    return source, value


# --- tags and keywords ---------------------------------------------------------------------

_TERM_SEPARATORS: Final = re.compile(r"\s*[,;|]\s*")


def _merged_terms(
    candidates: list[Candidate], exclude: tuple[str, ...] = ()
) -> tuple[list[str], str | None, list[Alternative]]:
    """Terms from every source, split on commas, de-duplicated case-insensitively.

    Sources in ``exclude`` contribute only when no other source has terms
    (visible tag links are noisier than declared tags).
    """
    ranked = _by_priority("tags", candidates)
    preferred = [c for c in ranked if c.source not in exclude] or ranked
    terms: list[str] = []
    seen: set[str] = set()
    first_source = None
    for candidate in preferred:
        for term in _split_terms(candidate.value):
            if term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
                first_source = first_source or candidate.source
    return terms, first_source, []


def _split_terms(value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    terms: list[str] = []
    for item in items:
        if isinstance(item, str):
            parts = (" ".join(part.split()) for part in _TERM_SEPARATORS.split(item))
            terms.extend(part for part in parts if part)
    return terms


# --- publisher and authors -----------------------------------------------------------------


def _choose_publisher(
    by_field: dict[str, list[Candidate]], site_names: set[str]
) -> tuple[Publisher | None, str | None, list[Alternative]]:
    """The most trusted publisher, completed by others of the same name, else the site name."""
    publishers = [
        c
        for c in _by_priority("publisher", by_field.get("publisher", []))
        if isinstance(c.value, Publisher)
    ]
    if publishers:
        chosen = publishers[0]
        merged = Publisher(**{k: getattr(chosen.value, k) for k in Publisher.__slots__})
        for other in publishers[1:]:
            if _comparable(other.value.name) in (_comparable(merged.name), "''", "None"):
                for key in Publisher.__slots__:
                    if getattr(merged, key) is None:
                        setattr(merged, key, getattr(other.value, key))
        return merged, chosen.source, []
    site = _by_priority("site_name", by_field.get("site_name", []))
    if site and (name := _clean_text(site[0].value)):
        return Publisher(name=name), site[0].source, []
    return None, None, []


def _organisation_names(
    by_field: dict[str, list[Candidate]], publisher: Publisher | None
) -> set[str]:
    """The names that are organisations on this page: the site's, its publishers' (but for
    a publisher with a person's name: a personal site is published by its author), and
    the authors the markup calls organisations; folded."""
    names = {_clean_text(c.value) for c in by_field.get("site_name", [])}
    publishers = [c.value for c in by_field.get("publisher", []) if isinstance(c.value, Publisher)]
    for found in [*publishers, publisher]:
        if found is not None and found.name and not _full_personal_name(found.name):
            names.add(found.name)
        if found is not None and found.parent:
            names.add(found.parent)
    for candidate in by_field.get("authors", []):
        for author in candidate.value or []:
            if isinstance(author, AuthorCandidate) and author.kind == "organization":
                names.add(author.name)
    return {name.casefold() for name in names if name}


CO_AUTHOR_MIN_WORDS, CO_AUTHOR_MAX_WORDS = 2, 3
"""Words of a name that the visible page adds to a structured source's author list."""


def _choose_authors(
    candidates: list[Candidate], organisations: set[str]
) -> tuple[list[Person], str | None, list[Alternative]]:
    """The people of the most trusted source that names any person, completed by the others.

    Organisations (by markup, or by being the publisher or site) and placeholders
    like "Staff" are never authors, so a news agency byline yields no author. Other
    sources may complete the choice: a fuller spelling of the same person ("Stefanus"
    -> "Stefanus Stahl", "edilson.la.rosa" -> "Edilson La Rosa") and co-authors of a
    list that holds every chosen name ("Rudolf Fischer" -> "Rudolf Fischer, Simon Kohler").
    """
    per_source = []
    for candidate in _by_priority("authors", candidates):
        people = _people(candidate.value, organisations)
        if people:
            per_source.append((candidate.source, people))
    if not per_source:
        return [], None, []
    source, people = per_source[0]
    others = per_source[1:]
    if source != "dom":  # the dom source's own groups are alternatives, not co-authors
        people = _with_co_authors(people, others)
    else:
        people = _with_co_authors(people, [o for o in others if o[0] != "dom"])
    people = [_fullest_spelling(person, [found for _, found in others]) for person in people]
    alternatives = [(s, [p.name for p in found]) for s, found in per_source[1:]]
    return people, source, _alternatives([p.name for p in people], alternatives)


def _choose_credit(candidates: list[Candidate]) -> tuple[str | None, str | None, list[Alternative]]:
    """What the most trusted source credits when no source names a person: a desk, an
    agency or the organisation ("Redaktion", "AFP/The Local")."""
    credits = [
        (candidate.source, found)
        for candidate in _by_priority("authors", candidates)
        for author in candidate.value or []
        if isinstance(author, AuthorCandidate) and (found := author_names.credit(author.name))
    ]
    if not credits:
        return None, None, []
    source, chosen = credits[0]
    return chosen, source, _alternatives(chosen, credits[1:])


def _people(value: Any, organisations: set[str]) -> list[Person]:
    people: list[Person] = []
    seen: set[str] = set()
    organisation_keys = {_organisation_key(name) for name in organisations}
    for author in value if isinstance(value, list) else []:
        if not isinstance(author, AuthorCandidate) or author.kind == "organization":
            continue
        for name in author_names.split_names(author.name) or _declared_name(author):
            name = _without_organisation_suffix(name, organisations)
            key = name.casefold()
            if key in seen or not author_names.is_person_name(name, author.kind == "person"):
                continue
            is_organisation = key in organisations or _organisation_key(name) in organisation_keys
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


_DOMAIN_ENDING: Final = re.compile(r"\.[a-z]{2,4}$")


def _organisation_key(name: str) -> str:
    """A site's name as written in any form: "ElColombiano.com", "El Colombiano" ->
    "elcolombiano"."""
    folded = name.casefold().removeprefix("www.")
    return _letters(_DOMAIN_ENDING.sub("", folded))


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


def _letters(name: str) -> str:
    """The letters of ``name`` without accents: "Gàbor Muniér" and "gabor_munier" agree."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalpha())


def _fullest_spelling(person: Person, others: list[list[Person]]) -> Person:
    """The fuller name another source gives for the same person, else ``person``.

    Same person: a handle spelling the name without spaces ("arianschlichenmayer"), or
    a first name alone that another source completes ("Nils" -> "Nils Pickert").
    """
    words = person.name.split()
    handle = len(words) == 1 and person.name == person.name.lower()
    for found in others:
        for other in found:
            other_words = other.name.split()
            if len(other_words) <= len(words):
                continue
            same_handle = handle and _letters(other.name) == _letters(person.name)
            completes = other_words[: len(words)] == words
            if same_handle or (completes and len(words) == 1):
                return Person(name=other.name, url=person.url or other.url)
    return person


def _with_co_authors(people: list[Person], others: list[tuple[str, list[Person]]]) -> list[Person]:
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
        if source != "dom" or all(_full_personal_name(name) for name in extra):
            return found
    return people


def _full_personal_name(name: str) -> bool:
    """ "Simon Kohler" yes; "Google", "ACLU Racial Justice Program" no."""
    words = name.split()
    return (
        CO_AUTHOR_MIN_WORDS <= len(words) <= CO_AUTHOR_MAX_WORDS
        and all(w[:1].isupper() for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
    )


# --- images --------------------------------------------------------------------------------


def _merged_images(candidates: list[Candidate]) -> tuple[list[Image], str | None]:
    """Images of every source, lead image first, one per URL, captions and sizes merged."""
    images: dict[str, Image] = {}
    first_source = None
    for candidate in _by_priority("images", candidates):
        if _merge_images(images, candidate.value):
            first_source = first_source or candidate.source
    return list(images.values()), first_source


def _merge_images(images: dict[str, Image], new: Any) -> bool:
    """Add ``new`` images to ``images`` (by URL), filling missing captions and sizes."""
    added = False
    for image in new if isinstance(new, list) else []:
        if not isinstance(image, Image) or not image.url:
            continue
        added = True
        known = images.setdefault(image.url, Image(url=image.url))
        known.caption = known.caption or image.caption
        known.width = known.width or image.width
        known.height = known.height or image.height
    return added


def add_body_images(article: Article, body_images: list[Image]) -> None:
    """Merge the images found in the main text: captions and sizes for known ones, new ones last."""
    images = {image.url: image for image in article.images}
    if not _merge_images(images, body_images):
        return
    article.images = list(images.values())
    article.main_image = article.main_image or article.images[0].url
    article.provenance.setdefault("images", Provenance(source="dom"))
