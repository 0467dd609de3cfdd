"""Publication and modification dates: the publication day a learned scorer picks among the
days the page's sources give (read in the page's own time zone; ``DATE_SCORER``), and the
modification only when it is not before the publication."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Final, TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from byline.fields import CANDIDATE_SOURCES, Field, Markup, Source
from byline.language import language_tag
from byline.reconcile import _dateweights
from byline.reconcile.choice import Choice, PageCandidates, alternatives
from byline.reconcile.ranking import LinearScorer, nearness
from byline.reconcile.trust import DATE_VOTE_WEIGHT, PLAIN_META_SOURCES, by_trust
from byline.record import Moment
from byline.sources.candidate import Candidate, DateValue

EARLIEST_PLAUSIBLE: Final = date(1995, 1, 1)
"""News on the web starts here; earlier 'publication dates' are parsing accidents."""

FUTURE_TOLERANCE: Final = timedelta(days=1)
"""A date up to a day ahead is a time-zone artefact, not the future."""

Dated = tuple[Source, Moment]
"""A date and the source that gives it."""

DateCandidate: TypeAlias = "Candidate[DateValue]"  # a string: see ``AnyCandidate``

URL_RESTAMP_LAG: Final = timedelta(days=31)
"""How much later than the day in its address a page's chosen publication date may be and
still be its own: an address is given once, at publication, while a page re-dated for an
update or a correction stays within days of it. A date months or years later is a re-stamp
(a site's relaunch or move that dated every page anew): the address keeps the first day."""

ZONE_OF_LANGUAGE: Final[dict[str, str]] = {
    "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh": "Asia/Shanghai", "zh-TW": "Asia/Taipei",
    "th": "Asia/Bangkok", "vi": "Asia/Ho_Chi_Minh", "id": "Asia/Jakarta",
    "ms": "Asia/Kuala_Lumpur", "hi": "Asia/Kolkata", "bn": "Asia/Dhaka", "fa": "Asia/Tehran",
    "he": "Asia/Jerusalem", "tr": "Europe/Istanbul", "ru": "Europe/Moscow", "uk": "Europe/Kiev",
    "el": "Europe/Athens", "bg": "Europe/Sofia", "ro": "Europe/Bucharest", "fi": "Europe/Helsinki",
    "et": "Europe/Tallinn", "lv": "Europe/Riga", "lt": "Europe/Vilnius", "de": "Europe/Berlin",
    "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "sl": "Europe/Ljubljana", "hr": "Europe/Zagreb", "sr": "Europe/Belgrade",
    "bs": "Europe/Sarajevo", "mk": "Europe/Skopje", "sq": "Europe/Tirane",
    "da": "Europe/Copenhagen", "sv": "Europe/Stockholm", "no": "Europe/Oslo", "nb": "Europe/Oslo",
    "nn": "Europe/Oslo", "ca": "Europe/Madrid", "gl": "Europe/Madrid", "eu": "Europe/Madrid",
    "es-ES": "Europe/Madrid", "es-MX": "America/Mexico_City",
    "es-AR": "America/Argentina/Buenos_Aires", "es-CO": "America/Bogota",
    "es-CL": "America/Santiago", "es-PE": "America/Lima", "es-UY": "America/Montevideo",
    "pt-BR": "America/Sao_Paulo", "pt-PT": "Europe/Lisbon", "fr-CA": "America/Toronto",
    "ar-EG": "Africa/Cairo", "ar-SA": "Asia/Riyadh", "ar-AE": "Asia/Dubai",
}  # fmt: skip
"""Where the pages of a language (or of a language in a country) are written: the zone whose
day their readers see. Languages read across many zones (English, Spanish, Portuguese and
Arabic without a country) have none: their pages keep the day of a UTC time."""

MAX_ZONE_OFFSET: Final = timedelta(hours=14)
ZONE_STEP: Final = timedelta(minutes=15)
"""Time zones are whole quarter-hours within 14 hours of UTC."""


def choose_dates(
    found: PageCandidates, scorer: LinearScorer | None = None
) -> tuple[Choice[Moment] | None, Choice[Moment] | None]:
    """The publication and the modification date of the page, either None when not found.

    ``scorer`` is the shipped ``DATE_SCORER`` unless a training script scores another."""
    published, modified, options = publication_options(found)
    modified_dated = _dated(modified)
    first = None
    if options:
        chosen = options[(scorer or DATE_SCORER).best([option.features for option in options])]
        source, value = _value_of(chosen)
        first = Choice(value, source, alternatives(value, _dated(published or modified)))
    later = [(s, v) for s, v in modified_dated if first is None or not _after(first.value, v)]
    if not later:
        return first, None
    source, value = _most_precise(later)
    return first, Choice(value, source, alternatives(value, later))


def publication_options(
    found: PageCandidates,
) -> tuple[list[DateCandidate], list[DateCandidate], list[DayOption]]:
    """A page's plausible publication and modification dates, and the days it may have been
    published on, each with its features (what ``DATE_SCORER`` chooses among;
    ``scripts/train_choices.py`` fits it)."""
    now = datetime.now(UTC)
    modified = _plausible_dates(Field.MODIFIED, found, now)
    published = _plausible_dates(Field.PUBLISHED, found, now)
    # Wikis and some blogs show only "last edited ...": the one date the page gives.
    stated = published or modified
    return published, modified, _day_options(stated, modified, found) if stated else []


def _plausible_dates(field: Field, found: PageCandidates, now: datetime) -> list[DateCandidate]:
    """Plausible dates for ``field``, most trusted source first."""
    return [
        candidate
        for candidate in by_trust(field, found.dates(field))
        if _plausible(candidate.value.moment, now)
    ]


def _dated(candidates: list[DateCandidate]) -> list[Dated]:
    return [(candidate.source, candidate.value.moment) for candidate in candidates]


@dataclass(slots=True)
class DayOption:
    """One day a page's sources give as its publication: the dates read on it (local
    readings, most trusted first), the candidates stating them, and the features
    ``DATE_SCORER`` ranks it by (``DATE_FEATURES``)."""

    day: date
    readings: list[Dated]
    candidates: list[DateCandidate]
    features: list[float]
    update: Dated | None = None
    """The modification the metadata states on this day, when the page shows this day as
    its date (``_shown_modification``): the day's value if chosen."""


DATE_FEATURES: Final = (
    *(f"first from {source.value}" for source in CANDIDATE_SOURCES),
    "sources",
    "votes",
    "most votes",
    "shown modification",
    "declared publication",
    "key says modified",
    "a modification elsewhere",
    "first on the visible page",
    "visible score",
    "near the headline",
    "in the article",
    "outside the article",
    "shown as another's",
    "only the page as shown",
    "address day",
    "re-stamp after the address",
    "days from the address",
    "earliest day",
    "latest day",
    "with a time of day",
)  # fmt: skip
"""What ``DATE_SCORER`` reads of each publication day a page gives (``DayOption``): which
sources state it (each source's best value, as the vote counts them), the vote and the
rules that once chose alone (``_votes``, ``_shown_modification``, ``_shown_as_anothers``, a
re-stamp after the address day: ``URL_RESTAMP_LAG``), the keys that state it, where the
visible page shows it, and how it sits among the page's other days."""

DATE_SCORER: Final = LinearScorer(
    DATE_FEATURES, _dateweights.MEANS, _dateweights.SCALES, _dateweights.WEIGHTS
)

PUBLICATION_KEYS: Final = frozenset({"datepublished", "article:published_time"})
"""The keys by which the page's metadata declares its publication (schema.org, OpenGraph),
lower case."""

MODIFICATION_KEY: Final = re.compile(r"modif|updat|revis|edit")
"""A key naming the last change, lower case (``datemodified``, ``og:updated_time``,
``last-modified``)."""

VISIBLE_SCORE_RANGE: Final = 10.0
"""The visible page's date scores are clipped to plus or minus this (a few are extreme)."""

ADDRESS_DISTANCE_SCALE: Final = 30.0
"""Days from the address's day at which a day counts half as far as it can
(``days from the address`` grows as distance / (distance + scale))."""


def _day_options(
    published: list[DateCandidate], modified: list[DateCandidate], found: PageCandidates
) -> list[DayOption]:
    """The days ``published`` dates fall on, read in the page's own time zone, most trusted
    first, each with its features."""
    dated, changes = _dated(published), _dated(modified)
    zone = _page_zone(dated + changes) or _language_zone(found)
    silent = _shown_as_anothers(found)
    local = [(source, _local_reading(value, dated, zone)) for source, value in dated]
    by_day: dict[date, DayOption] = {}
    for candidate, reading in zip(published, local, strict=True):
        day = _day(reading[1])
        option = by_day.get(day)
        if option is None:
            option = by_day[day] = DayOption(day, [], [], [])
        option.readings.append(reading)
        option.candidates.append(candidate)
    options = list(by_day.values())
    page = _page_dates(dated, changes, local, silent, [option.day for option in options])
    for option in options:
        if page.shown_modification and _day(page.shown_modification[1]) == option.day:
            option.update = page.shown_modification
        option.features = _date_features(option, page, silent)
    return options


def _value_of(option: DayOption) -> Dated:
    """The most precise statement of the chosen day (its update's, when it has one)."""
    if option.update is not None:
        return option.update
    source, value = _most_precise(option.readings)
    return source, _without_naive_time(value)


@dataclass(frozen=True, slots=True)
class _PageDates:
    """What a day's features compare it with: the page's other dates and days."""

    first_days: dict[Source, date]
    """Each source's best (first) day, the dates shown as another's left out."""
    votes: dict[date, float]
    winner: date
    """The day with the most votes, the most trusted first among equals."""
    shown_modification: Dated | None
    modified_days: set[date]
    """The days sources other than the page as shown give as the modification."""
    relabelled: list[Dated]
    address_day: date | None
    earliest: date
    latest: date


def _page_dates(
    dated: list[Dated],
    modified: list[Dated],
    local: list[Dated],
    silent: tuple[Dated, ...],
    days: list[date],
) -> _PageDates:
    """``dated`` (read as ``local``), its page's ``modified`` dates and ``days`` compared."""
    voters = [(s, v) for (s, v), stated in zip(local, dated, strict=True) if stated not in silent]
    first_days: dict[Source, date] = {}
    for source, value in voters or local:
        first_days.setdefault(source, _day(value))
    votes = _votes(voters or local)
    best = max(votes.values())
    relabelled = _modifications_called_published(dated, modified)
    return _PageDates(
        first_days,
        votes,
        next(_day(v) for _, v in local if votes.get(_day(v)) == best),
        _shown_modification(dated, modified, relabelled, silent),
        {_day(v) for s, v in modified if s not in _SHOWN},
        relabelled,
        next((_day(v) for s, v in dated if s is Source.URL), None),
        min(days),
        max(days),
    )


def _date_features(option: DayOption, page: _PageDates, silent: tuple[Dated, ...]) -> list[float]:
    """``option``'s row of ``DATE_FEATURES``."""
    day = option.day
    visible = [
        c for c in option.candidates if c.source is Source.DOM and c.evidence.how is not META_TAG
    ]
    scores = [c.evidence.score for c in visible if c.evidence.score is not None]
    placed = [c.evidence.after_headline for c in visible]
    keys = [(c.source, (c.evidence.key or "").lower()) for c in option.candidates]
    address = page.address_day
    return [
        *(float(page.first_days.get(source) == day) for source in CANDIDATE_SOURCES),
        float(len({source for source, _ in option.readings})),
        page.votes.get(day, 0.0),
        float(day == page.winner),
        float(option.update is not None),
        float(any(s not in _SHOWN and key in PUBLICATION_KEYS for s, key in keys)),
        float(any(MODIFICATION_KEY.search(key) for _, key in keys)),
        float(
            day in page.modified_days
            or any(stated in page.relabelled for stated in _dated(option.candidates))
        ),
        float(any(c.evidence.rank == 0 for c in visible)),
        max((_clipped(s) for s in scores), default=0.0),
        max((nearness(a) for a in placed), default=0.0),
        float(any(c.evidence.in_article is True for c in visible)),
        float(any(c.evidence.in_article is False for c in visible)),
        float(bool(visible) and all(d in silent for d in _dated(visible))),
        float(all(source in _SHOWN for source, _ in option.readings)),
        float(day == address),
        float(address is not None and day - address > URL_RESTAMP_LAG),
        _address_distance(day, address),
        float(day == page.earliest),
        float(day == page.latest),
        float(any(isinstance(v, datetime) and _aware(v) for _, v in option.readings)),
    ]


def _clipped(score: float) -> float:
    return max(-VISIBLE_SCORE_RANGE, min(VISIBLE_SCORE_RANGE, score))


def _address_distance(day: date, address: date | None) -> float:
    """0 on the address's day (or without one), towards 1 the further from it."""
    if address is None:
        return 0.0
    distance = abs((day - address).days)
    return distance / (distance + ADDRESS_DISTANCE_SCALE)


def _shown_as_anothers(found: PageCandidates) -> tuple[Dated, ...]:
    """The publication dates the visible page shows outside the article, in a place the dom
    source itself scores below nothing (a sidebar, a list of related stories, a hidden
    element, a script's data): other items' dates, when the metadata states the page's
    (every other tool reads that one). They do not vote (``_votes``)."""
    candidates = found.dates(Field.PUBLISHED)
    if all(c.source in _SHOWN for c in candidates):
        return ()
    shown = [c for c in candidates if c.source is Source.DOM]
    # an instant the article shows too (a <meta> the page also prints) is the page's own
    placed = {(c.source, c.value.moment) for c in shown if not _shown_elsewhere(c)}
    return tuple(
        dated
        for c in shown
        if _shown_elsewhere(c) and (dated := (c.source, c.value.moment)) not in placed
    )


def _shown_elsewhere(candidate: DateCandidate) -> bool:
    """Whether the dom source places a date outside the article, below nothing."""
    evidence = candidate.evidence
    return evidence.in_article is not True and evidence.score is not None and evidence.score < 0


_SHOWN: Final = frozenset({Source.DOM, Source.URL})
"""Sources that read the page as shown (its text, its address), not a date it states."""

META_TAG: Final = Markup.META_TAG
"""How the visible page's source reads a ``<meta>`` date: not shown to readers."""


def _votes(dated: list[Dated]) -> dict[date, float]:
    """Each day's votes: each source's best value once, plain ``<meta>`` copies once."""
    votes: dict[date, float] = {}
    voted: set[Source] = set()
    plain_meta_times: set[datetime] = set()
    for source, value in dated:
        if source in voted:
            continue
        voted.add(source)
        if source in PLAIN_META_SOURCES and isinstance(value, datetime):
            if value in plain_meta_times:
                continue  # another plain <meta> tag's copy
            plain_meta_times.add(value)
        votes[_day(value)] = votes.get(_day(value), 0.0) + DATE_VOTE_WEIGHT[source]
    return votes


def _shown_modification(
    published: list[Dated],
    modified: list[Dated],
    relabelled: list[Dated],
    silent: tuple[Dated, ...] = (),
) -> Dated | None:
    """The modification date, when that is the date the page shows instead of its first one.

    Pages that display "Updated March 14, 2021" as their date (and not the day the
    metadata calls published) present that day to readers as the article's date. A
    published value that is another source's modification time (``relabelled``: see
    ``_modifications_called_published``) does not count as the day the metadata calls
    published.
    """
    visible = next((v for s, v in published if s == Source.DOM and (s, v) not in silent), None)
    if visible is None:
        return None
    day = _day(visible)
    declared = {
        _day(v)
        for s, v in published
        if s != Source.DOM and s != Source.URL and (s, v) not in relabelled
    }
    if not declared or day in declared:
        return None
    shown: list[Dated] = [(s, v) for s, v in modified if s != Source.DOM and _day(v) == day]
    if not shown:
        return None
    source, value = _most_precise(shown)
    return source, _without_naive_time(value)


def _modifications_called_published(published: list[Dated], modified: list[Dated]) -> list[Dated]:
    """The published values that another source gives, to the second, as its modification
    time and not as its publication time.

    A generic ``<meta name="date">`` or ``dcterms.date`` often holds the last change: when
    a source that dates the publication otherwise calls that same instant its
    modification, the value is a modification whatever its label says.
    """
    dating = {s for s, _ in published if s != Source.DOM}  # the visible page mixes both
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


def _local_reading(value: Moment, dated: list[Dated], zone: tzinfo | None = None) -> Moment:
    """``value`` as the page's local time when it is a UTC time and the page says where.

    News sites store UTC, while the page (and its reader) shows the local day. Evidence,
    strongest first: the same instant with a zone offset from another source; a time
    without zone that is the same minute a whole number of quarter-hours away (the local
    clock); a CMS's local midnight (in ``zone``, the page's own, when known); a bare day
    from the URL or page that only a zone within 14 hours explains; else the page's own
    ``zone`` (not for a time of exactly midnight, a bare day as a CMS stores it, nor for a
    time the page shows as it is, without a zone: its readers see that day).
    """
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return value
    naive = value.replace(tzinfo=None)
    days: set[date] = set()
    seen: set[Source] = set()
    shown_as_is = False  # the page shows this clock time as its own
    for source, other in dated:
        if isinstance(other, datetime) and _aware(other):
            if other == value and other.utcoffset() != timedelta(0):
                return other
        elif isinstance(other, datetime):
            offset = other.replace(second=0, microsecond=0) - naive.replace(second=0, microsecond=0)
            if _is_zone_offset(offset) and other.second in (0, naive.second):
                return value.astimezone(timezone(offset))
            shown_as_is = shown_as_is or not offset
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
    if zone is not None and naive.time() != time() and not shown_as_is:
        local = value.astimezone(zone)
        return local.astimezone(timezone(local.utcoffset() or timedelta(0)))
    return value


def _is_local_midnight(value: datetime, zone: tzinfo | None) -> bool:
    """Whether the UTC time ``value`` is the midnight that begins the next local day: how a
    CMS stores a bare day. Only in a zone the page gives (its other dates' or its
    language's): 23:00 UTC is midnight in Paris, but evening in New York."""
    if zone is None or value.minute or value.second or value.microsecond:
        return False
    local = value.astimezone(zone)
    return local.hour == 0 and local.date() > value.date()


def _page_zone(dated: list[Dated]) -> timezone | None:
    """The zone the page writes its own times in: the one offset other than UTC that its
    dates carry (a CMS often stores UTC in one field and local time in another)."""
    offsets = {
        offset
        for _, value in dated
        if isinstance(value, datetime) and (offset := value.utcoffset())
    }
    return timezone(offsets.pop()) if len(offsets) == 1 else None


def _language_zone(found: PageCandidates) -> tzinfo | None:
    """The zone of the page's language (``ZONE_OF_LANGUAGE``), the most trusted statement of
    it first; None when it names none, or the system has no time-zone data."""
    for candidate in by_trust(Field.LANGUAGE, found.texts(Field.LANGUAGE)):
        tag = language_tag(candidate.value)
        if tag is None:
            continue
        name = ZONE_OF_LANGUAGE.get(tag) or ZONE_OF_LANGUAGE.get(tag.split("-")[0])
        if name is None:
            return None
        try:
            return ZoneInfo(name)
        except ZoneInfoNotFoundError:
            return None
    return None


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


def _most_precise(dated: list[Dated]) -> Dated:
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
