"""The learned choices of authors and of the publication day: shipped weights that match
their features and that the training script reproduces, and the choices they make on small
pages and hand-written candidate sets."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import byline
from byline.fields import Field, Markup, Source
from byline.reconcile.choice import PageCandidates
from byline.reconcile.dates import DATE_FEATURES, DATE_SCORER, choose_dates, publication_options
from byline.reconcile.people import AUTHOR_FEATURES, AUTHOR_SCORER
from byline.reconcile.ranking import LinearScorer, nearness
from byline.record import Moment
from byline.sources.candidate import Candidate, DateValue, Evidence
from tests.conftest import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("scorer", "module", "features"),
    [
        (AUTHOR_SCORER, "_authorweights", AUTHOR_FEATURES),
        (DATE_SCORER, "_dateweights", DATE_FEATURES),
    ],
)
def test_shipped_weights_match_their_features(
    scorer: LinearScorer, module: str, features: tuple[str, ...]
) -> None:
    assert scorer.fits()
    # the source, not the module: the compiled build imports a shared library
    source = (ROOT / "src" / "byline" / "reconcile" / f"{module}.py").read_text(encoding="utf-8")
    assert re.findall(r"^#\s+\d+ (.+)$", source, re.M) == list(features)


def test_scorer_prefers_the_highest_score_and_the_first_of_equals() -> None:
    scorer = LinearScorer(("a", "b"), (0.0, 0.0), (1.0, 2.0), (1.0, -2.0))
    assert scorer.best([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]) == 1
    assert scorer.best([[1.0, 0.0], [1.0, 0.0]]) == 0
    with pytest.raises(ValueError, match="features"):
        scorer.score([1.0])


def test_nearness_halves_at_the_reach() -> None:
    assert nearness(0) == 1.0
    assert nearness(10) == nearness(-10) == 0.5
    assert nearness(None) == 0.0


PAGE = """<!doctype html><html lang="en"><head><title>Harbour plan passes</title>
<meta property="article:published_time" content="2021-03-14T09:00:00+01:00">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour plan passes",
"datePublished": "2021-03-14T09:00:00+01:00", "author": {"@type": "Person",
"name": "Jane Marlow"}}</script></head><body>
<aside><h3>Most read</h3><p>Ferry fares rise <time datetime="2021-04-02">2 April 2021</time></p>
</aside>
<article><h1>Harbour plan passes</h1><p class="byline">By Jane Marlow</p>
<p>The council met on Tuesday evening to settle the harbour plan, and after a long debate the
members voted to widen the old quay before the winter storms arrive, so that the ferries can
berth side by side when the sea runs high.</p>
<p>Work starts in May and is to be finished before the autumn, the harbour master said after
the vote, adding that the quay would stay open to fishing boats throughout.</p>
<p class="comment">Comment by Peter Quill on <time datetime="2021-03-20">20 March 2021</time>:
about time too.</p>
</article></body></html>"""


def test_the_articles_byline_beats_a_commenter() -> None:
    article = byline.extract(PAGE, "https://news.example.com/harbour")
    assert [p.name for p in article.authors] == ["Jane Marlow"]


def dated(field: Field, text: str, source: Source, evidence: Evidence | None = None) -> Candidate:
    value = DateValue.parse(text)
    assert value is not None, text
    return Candidate(field, value, source, evidence or Evidence())


def published(*candidates: Candidate[DateValue], scorer: LinearScorer | None = None) -> Moment:
    chosen = choose_dates(PageCandidates(list(candidates)), scorer)[0]
    assert chosen is not None
    return chosen.value


def test_the_day_options_are_the_local_days_the_sources_give() -> None:
    # a UTC time and the same instant with the page's offset: one day, the local one
    options = publication_options(
        PageCandidates(
            [
                dated(Field.PUBLISHED, "2021-03-14T23:30:00Z", Source.JSON_LD),
                dated(Field.PUBLISHED, "2021-03-15T00:30:00+01:00", Source.OPENGRAPH),
                dated(Field.PUBLISHED, "2021-03-20", Source.DOM),
            ]
        )
    )[2]
    assert [option.day for option in options] == [date(2021, 3, 15), date(2021, 3, 20)]
    sources = DATE_FEATURES.index("sources")
    assert [option.features[sources] for option in options] == [2.0, 1.0]
    assert all(len(option.features) == len(DATE_FEATURES) for option in options)


def test_the_day_most_sources_state_beats_a_lone_visible_date() -> None:
    day = published(
        dated(Field.PUBLISHED, "2021-03-14T09:00:00+01:00", Source.JSON_LD),
        dated(Field.PUBLISHED, "2021-03-14T09:00:00+01:00", Source.OPENGRAPH),
        dated(Field.PUBLISHED, "2021-03-20", Source.DOM),
    )
    assert day == datetime.fromisoformat("2021-03-14T09:00:00+01:00")


def test_a_date_shown_as_anothers_does_not_vote() -> None:
    sidebar = Evidence.placed(Markup.TIME_ELEMENT, 0, -3.0, 40, 10, in_article=False)
    in_article = Evidence.placed(Markup.TIME_ELEMENT, 0, 3.0, 12, 10, in_article=True)
    stated = dated(Field.PUBLISHED, "2021-03-14", Source.OPENGRAPH)
    meta = dated(Field.PUBLISHED, "2021-04-02", Source.META)
    # shown in the article, the visible date and the <meta> outvote OpenGraph...
    assert published(
        stated, meta, dated(Field.PUBLISHED, "2021-04-02", Source.DOM, in_article)
    ) == (date(2021, 4, 2))
    # ... shown in a sidebar below nothing, it is another item's date: OpenGraph's day wins
    assert published(stated, meta, dated(Field.PUBLISHED, "2021-04-02", Source.DOM, sidebar)) == (
        date(2021, 3, 14)
    )


def test_the_address_day_beats_a_restamp_months_later() -> None:
    restamped = [
        dated(Field.PUBLISHED, "2019-06-17T18:28:00+02:00", Source.JSON_LD),
        dated(Field.PUBLISHED, "2019-06-17T18:28:00+02:00", Source.OPENGRAPH),
    ]
    assert published(*restamped, dated(Field.PUBLISHED, "2017-07-12", Source.URL)) == (
        date(2017, 7, 12)
    )
    # within the lag, the metadata's day stands
    assert published(*restamped, dated(Field.PUBLISHED, "2019-06-10", Source.URL)) == (
        datetime.fromisoformat("2019-06-17T18:28:00+02:00")
    )


def test_a_shown_update_day_takes_the_modifications_time() -> None:
    modified = datetime(2020, 1, 6, 9, 22, 36, tzinfo=UTC)
    day = published(
        dated(Field.PUBLISHED, "2020-01-03T09:48:24Z", Source.JSON_LD),
        dated(Field.MODIFIED, "2020-01-06T09:22:36Z", Source.JSON_LD),
        dated(Field.PUBLISHED, "2020-01-06", Source.DOM),
    )
    assert day == modified


def test_the_day_is_ranked_by_the_scorer_given() -> None:
    weights = [1.0 if name == "earliest day" else 0.0 for name in DATE_FEATURES]
    earliest = LinearScorer(DATE_FEATURES, [0.0] * len(weights), [1.0] * len(weights), weights)
    candidates = [
        dated(Field.PUBLISHED, "2021-03-14", Source.JSON_LD),
        dated(Field.PUBLISHED, "2021-03-14", Source.OPENGRAPH),
        dated(Field.PUBLISHED, "2021-03-02", Source.DOM),
    ]
    assert published(*candidates) == date(2021, 3, 14)
    assert published(*candidates, scorer=earliest) == date(2021, 3, 2)


@needs_shared(CORPUS)
def test_training_reproduces_the_shipped_weights() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_choices.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("reproduced") == 2  # the dates' and the authors' weights
