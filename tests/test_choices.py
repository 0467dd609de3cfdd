"""The learned choice of authors: shipped weights that match their features and that the
training script reproduces, and the choice they make on a small page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import byline
from byline.reconcile.people import AUTHOR_FEATURES, AUTHOR_SCORER
from byline.reconcile.ranking import LinearScorer, nearness
from tests.conftest import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("scorer", "module", "features"),
    [(AUTHOR_SCORER, "_authorweights", AUTHOR_FEATURES)],
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


@needs_shared(CORPUS)
def test_training_reproduces_the_shipped_weights() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_choices.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("reproduced") == 2
