"""Train the learned choices of ``byline.reconcile`` (publication day, authors) on the dev
corpus.

    python scripts/train_choices.py            # report in-sample and site-grouped CV scores
    python scripts/train_choices.py --write    # ...and write reconcile/_dateweights.py and
                                               # reconcile/_authorweights.py
    python scripts/train_choices.py --check    # refit with the shipped settings: reproduced?

Steps:

1. Collect every page's candidates (``byline.extract.candidates``) and turn them into the
   options a chooser ranks, with their features (``byline.reconcile.dates.publication_options``,
   ``byline.reconcile.people.author_options``).
2. Label: on annotated pages, the option of the annotated day (the annotated names).
   Distant supervision: on every page whose JSON-LD or microdata states a ``datePublished``
   (names an author), hide those two sources and label the option of that day (those
   names), so the choice among the other sources (the visible page, meta tags, the address)
   learns to recover what the structured data says. And every annotated page once more
   with only what it shows (its text and its address: ``SHOWN``), labelled with the
   annotation: the choice on a page without metadata, as many pages nobody annotated are.
   Those pages weigh ``distant weight`` each.
3. Fit a conditional logit (a softmax over each page's options) with an L2 penalty, by
   Newton's method.
4. Score with site-grouped folds (``bench.folds``): the penalty and the distant weight are
   chosen by an inner cross-validation on the training folds alone (the records right on
   the annotated pages, whole and as shown), the model is fitted on them and scored on the
   held-out fold, whole and as shown. ``--write`` fits on every page with the setting the
   whole corpus's cross-validation prefers.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import product
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.corpus import DEFAULT_CORPUS, metadata_matches, pages  # noqa: E402
from bench.folds import FOLDS, fold_of  # noqa: E402
from byline.errors import ExtractionError  # noqa: E402
from byline.extract import candidates  # noqa: E402
from byline.fields import Source  # noqa: E402
from byline.reconcile.choice import PageCandidates  # noqa: E402
from byline.reconcile.dates import DATE_FEATURES, choose_dates, publication_options  # noqa: E402
from byline.reconcile.people import (  # noqa: E402
    AUTHOR_FEATURES,
    AuthorOption,
    author_options,
    choose_authors,
    choose_credit,
    choose_publisher,
    organisation_names,
)
from byline.reconcile.ranking import LinearScorer  # noqa: E402
from byline.sources.candidate import AnyCandidate  # noqa: E402

WEIGHTS_DIR = ROOT / "src" / "byline" / "reconcile"
STRUCTURED: frozenset[Source] = frozenset({Source.JSON_LD, Source.MICRODATA})
SHOWN: frozenset[Source] = frozenset({Source.DOM, Source.URL})
"""The sources that read the page as shown: an annotated page with only these is a page
without metadata."""
PENALTIES = (0.3, 1.0, 3.0, 10.0)
"""L2 penalties tried on the standardised weights (the authors')."""
DATE_PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
"""L2 penalties tried for the publication day, pulling its weights towards ``DATE_PRIOR``."""
DATE_PRIOR: dict[str, float] = {
    "most votes": 1.0,
    "address day": 0.5,
    "shown modification": 2.0,
    "re-stamp after the address": -4.0,
}
"""The rules the learned day replaced, as weights on its features: the day most sources
vote for, unless the page shows its update day, unless that day is a re-stamp after the
address's (then the address's day). The penalty pulls the fitted weights towards these
instead of towards nothing: where the corpus is silent or even (a lone visible date against
the address or the microdata) the rules decide, where it speaks the data do."""
DISTANT_WEIGHTS = (0.0, 0.3, 1.0)
"""Weights tried for a distantly labelled page (an annotated page weighs 1)."""
NEWTON_STEPS = 25


@dataclass(slots=True)
class Example:
    """One page's options for one choice: feature rows and the index of the right one."""

    url: str
    rows: list[list[float]]
    label: int | None
    """None: the right answer is not among the options (scored as a miss)."""
    distant: bool
    record_right: Callable[[LinearScorer], bool] | None = None
    """Whether the record's field is right when chosen with a scorer (annotated pages):
    the options' choice followed by what the chooser does after it."""
    shown_only: bool = False
    """An annotated page with only its ``SHOWN`` sources."""


@dataclass(slots=True)
class Task:
    """One learned choice: its features, its weights module and its pages' examples."""

    name: str
    features: tuple[str, ...]
    weights_module: str
    examples: list[Example]
    penalties: tuple[float, ...] = PENALTIES
    prior: dict[str, float] = field(default_factory=dict)
    """Weights (per unit of a feature) the penalty pulls towards; the others towards 0."""

    def prior_weights(self) -> np.ndarray:
        return np.array([self.prior.get(name, 0.0) for name in self.features])


def tasks(corpus: Path) -> list[Task]:
    dates = Task("date", DATE_FEATURES, "_dateweights", [], DATE_PENALTIES, DATE_PRIOR)
    authors = Task("author", AUTHOR_FEATURES, "_authorweights", [])
    for page in pages(corpus):
        try:
            page_candidates = candidates(page.read(), page.url)
        except ExtractionError:
            page_candidates = []
        shown = [c for c in page_candidates if c.source in SHOWN]
        day = page.annotation.get("date")
        if day:
            dates.examples.append(_date_example(page.url, page_candidates, day))
            dates.examples.append(_date_example(page.url, shown, day, shown_only=True))
        names = page.annotation.get("author")
        if names:
            authors.examples.append(_author_example(page.url, page_candidates, names))
            authors.examples.append(_author_example(page.url, shown, names, shown_only=True))
        for task, distant in (
            (dates, _distant_date(page.url, page_candidates)),
            (authors, _distant_authors(page.url, page_candidates)),
        ):
            if distant is not None:
                task.examples.append(distant)
    return [dates, authors]


def _date_example(
    url: str, page_candidates: list[AnyCandidate], day: str, shown_only: bool = False
) -> Example:
    found = PageCandidates(page_candidates)
    options = publication_options(found)[2]
    days = [option.day.isoformat() for option in options]
    label = next((i for i, d in enumerate(days) if metadata_matches("date", day, d)), None)

    def record_right(scorer: LinearScorer) -> bool:
        """As the benchmark reads a record: the day of its publication date."""
        published = choose_dates(found, scorer)[0]
        return metadata_matches("date", day, _day(published.value) if published else None)

    rows = [option.features for option in options]
    return Example(url, rows, label, shown_only, record_right, shown_only)


def _day(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _distant_date(url: str, page_candidates: list[AnyCandidate]) -> Example | None:
    """The page without its JSON-LD and microdata, labelled with the day they state as its
    ``datePublished`` (read in the page's zone, as the whole page's options read it)."""
    options = publication_options(PageCandidates(page_candidates))[2]
    stated = [
        option.day
        for option in options
        for c in option.candidates
        if c.source in STRUCTURED and (c.evidence.key or "").lower() == "datepublished"
    ]
    if not stated:
        return None
    hidden = [c for c in page_candidates if c.source not in STRUCTURED]
    hidden_options = publication_options(PageCandidates(hidden))[2]
    days = [option.day for option in hidden_options]
    label = days.index(stated[0]) if stated[0] in days else None
    return _usable(Example(url, [option.features for option in hidden_options], label, True))


def _organisations(found: PageCandidates) -> set[str]:
    publisher = choose_publisher(found)
    return organisation_names(found, publisher.value if publisher else None)


def _author_options(page_candidates: list[AnyCandidate]) -> list[AuthorOption]:
    found = PageCandidates(page_candidates)
    return author_options(found.authors(), _organisations(found))


def _author_example(
    url: str, page_candidates: list[AnyCandidate], names: str | list[str], shown_only: bool = False
) -> Example:
    found = PageCandidates(page_candidates)
    organisations = _organisations(found)
    options = author_options(found.authors(), organisations)
    named = ["; ".join(p.name for p in option.people) for option in options]
    label = next((i for i, n in enumerate(named) if metadata_matches("author", names, n)), None)

    def record_right(scorer: LinearScorer) -> bool:
        """As the benchmark reads a record: its people, else its credit."""
        people = choose_authors(found.authors(), organisations, scorer)
        credit = choose_credit(found.authors()) if people is None else None
        text = "; ".join(p.name for p in people.value) if people else None
        return metadata_matches("author", names, text or (credit.value if credit else None))

    rows = [option.features for option in options]
    return Example(url, rows, label, shown_only, record_right, shown_only)


def _distant_authors(url: str, page_candidates: list[AnyCandidate]) -> Example | None:
    """The page without its JSON-LD and microdata, labelled with the people they name."""
    stated = [o for o in _author_options(page_candidates) if o.source in STRUCTURED]
    if not stated:
        return None
    hidden = [c for c in page_candidates if c.source not in STRUCTURED]
    options = _author_options(hidden)
    wanted = {p.name.casefold() for p in stated[0].people}
    found = [{p.name.casefold() for p in option.people} for option in options]
    label = next((i for i, f in enumerate(found) if f == wanted), None)
    return _usable(Example(url, [option.features for option in options], label, True))


def _usable(example: Example) -> Example | None:
    """A distant example teaches only when its answer is one of several options."""
    return example if example.label is not None and len(example.rows) > 1 else None


@dataclass(slots=True)
class Model:
    means: np.ndarray
    scales: np.ndarray
    weights: np.ndarray

    def scorer(self) -> LinearScorer:
        rounded = [
            tuple(float(f"{v:.6g}") for v in a) for a in (self.means, self.scales, self.weights)
        ]
        # the weights as the module is written with them; names are not needed to score
        return LinearScorer((), *rounded)


def fit(
    train: list[Example], penalty: float, distant_weight: float, prior: np.ndarray | None = None
) -> Model:
    """The conditional logit's weights on ``train``, the penalty pulling them towards
    ``prior`` (per unit of each feature; none: towards 0)."""
    usable = [e for e in train if e.label is not None and len(e.rows) > 1]
    weights = [distant_weight if e.distant else 1.0 for e in usable]
    usable = [e for e, w in zip(usable, weights, strict=True) if w > 0]
    weights = [w for w in weights if w > 0]
    stacked = np.array([row for e in usable for row in e.rows])
    means = stacked.mean(axis=0)
    scales = stacked.std(axis=0)
    scales[scales == 0] = 1.0
    pages = [
        ((np.array(e.rows) - means) / scales, e.label, w)
        for e, w in zip(usable, weights, strict=True)
    ]
    centre = np.zeros(stacked.shape[1]) if prior is None else prior * scales
    beta = centre.copy()
    for _ in range(NEWTON_STEPS):
        gradient = penalty * (beta - centre)
        hessian = penalty * np.eye(len(beta))
        for x, label, w in pages:
            z = x @ beta
            p = np.exp(z - z.max())
            p /= p.sum()
            mean = p @ x
            gradient += w * (mean - x[label])
            hessian += w * ((x.T * p) @ x - np.outer(mean, mean))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(means, scales, beta)


def accuracy(model: Model, held: list[Example], shown_only: bool = False) -> tuple[int, int]:
    """Annotated pages (with only what they show) whose record field is right, chosen with
    ``model``, and their number."""
    scorer = model.scorer()
    checks = [e.record_right for e in held if e.record_right and e.shown_only == shown_only]
    return sum(1 for right in checks if right(scorer)), len(checks)


Tally = tuple[int, int]


def cross_validated(task: Task) -> tuple[list[Tally], list[Tally], list[tuple[float, float]]]:
    """Site-grouped CV accuracy per fold (right, pages) on the annotated pages whole and as
    shown, the setting chosen by an inner CV on the training folds."""
    found = task.examples
    whole, shown, chosen = [], [], []
    for fold in range(FOLDS):
        train = [e for e in found if fold_of(e.url) != fold]
        held = [e for e in found if fold_of(e.url) == fold]
        setting = best_setting(task, train, skip=fold)
        chosen.append(setting)
        model = fit(train, *setting, task.prior_weights())
        whole.append(accuracy(model, held))
        shown.append(accuracy(model, held, shown_only=True))
    return whole, shown, chosen


def best_setting(task: Task, found: list[Example], skip: int | None = None) -> tuple[float, float]:
    """The penalty and distant weight with the best CV accuracy on ``found``'s folds.

    For a task with a prior, the setting nearest it (the strongest penalty, then the least
    distant weight) among those within one standard error of the best (binomial, over the
    pages scored): a departure from the rules must earn more than the noise of a few pages.
    """
    folds = [f for f in range(FOLDS) if f != skip]
    scored: list[tuple[tuple[float, float], int]] = []
    pages_scored = 0
    for setting in product(task.penalties, DISTANT_WEIGHTS):
        right = pages_scored = 0
        for fold in folds:
            train = [e for e in found if fold_of(e.url) not in (fold, skip)]
            held = [e for e in found if fold_of(e.url) == fold]
            model = fit(train, *setting, task.prior_weights())
            for shown_only in (False, True):
                r, n = accuracy(model, held, shown_only)
                right, pages_scored = right + r, pages_scored + n
        scored.append((setting, right))
    best_right = max(right for _, right in scored)
    if not task.prior:
        return next(setting for setting, right in scored if right == best_right)
    share = best_right / pages_scored
    margin = math.sqrt(share * (1 - share) * pages_scored)
    near = [setting for setting, right in scored if right >= best_right - margin]
    return max(near, key=lambda setting: (setting[0], -setting[1]))


def weights_path(task: Task) -> Path:
    return WEIGHTS_DIR / f"{task.weights_module}.py"


def weights_module(task: Task, model: Model, setting: tuple[float, float]) -> str:
    """The text of the generated weights module."""

    def numbers(values: np.ndarray) -> str:
        return "(\n" + "".join(f"    {float(v):.6g},\n" for v in values) + ")"

    # (a page as shown is a page already counted)
    labelled = sum(1 for e in task.examples if e.label is not None and not e.shown_only)
    names = "\n".join(f"#   {i:2d} {name}" for i, name in enumerate(task.features))
    return (
        f'"""Generated by scripts/train_choices.py: do not edit. Weights of the {task.name}\n'
        f"scorer of byline.reconcile, fitted on {labelled} labelled pages of the development\n"
        f"corpus (L2 penalty {setting[0]:g}, distant weight {setting[1]:g})"
        + (f", towards {task.name.upper()}_PRIOR there" if task.prior else "")
        + '."""\n\n'
        f"# Feature order:\n{names}\n\n"
        f"MEANS = {numbers(model.means)}\nSCALES = {numbers(model.scales)}\n"
        f"WEIGHTS = {numbers(model.weights)}\n"
    )


SETTING = re.compile(r"L2 penalty (?P<penalty>[\d.]+), distant weight (?P<distant>[\d.]+)")


def check(found: list[Task]) -> int:
    """0 when refitting with each shipped module's settings writes it again byte for byte."""
    status = 0
    for task in found:
        path = weights_path(task)
        shipped = path.read_text(encoding="utf-8")
        stated = SETTING.search(shipped)
        if stated is None:
            print(f"{path.name}: no settings stated")
            return 1
        setting = (float(stated["penalty"]), float(stated["distant"]))
        model = fit(task.examples, *setting, task.prior_weights())
        if weights_module(task, model, setting) != shipped:
            print(f"{path.name}: the refit differs from the shipped weights")
            status = 1
        else:
            print(f"{path.name}: reproduced")
    return status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    parser.add_argument(
        "--check",
        action="store_true",
        help="only refit with the shipped settings and check the shipped weights are reproduced",
    )
    args = parser.parse_args()
    if args.check:
        sys.exit(check(tasks(args.corpus)))
    for task in tasks(args.corpus):
        found = task.examples
        annotated = [e for e in found if not e.distant]
        as_shown = [e for e in found if e.shown_only]
        reachable = sum(1 for e in annotated if e.label is not None)
        print(
            f"{task.name}: {len(annotated)} annotated pages ({reachable} with the answer among "
            f"the options), {len(found) - len(annotated) - len(as_shown)} distant, "
            f"{len(as_shown)} as shown"
        )
        whole, shown, chosen = cross_validated(task)
        for label, scores in (("", whole), (" as shown", shown)):
            right, total = sum(r for r, _ in scores), sum(t for _, t in scores)
            print(
                f"{task.name}{label}: site-grouped {FOLDS}-fold CV (setting chosen inside the "
                f"training folds) {right}/{total} = {right / total:.3f}; per fold "
                f"{' '.join(f'{r}/{t}' for r, t in scores)}"
            )
        print(f"{task.name}: settings chosen {chosen}")
        setting = best_setting(task, found)
        model = fit(found, *setting, task.prior_weights())
        for label, shown_only in (("", False), (" as shown", True)):
            right, total = accuracy(model, found, shown_only)
            print(
                f"{task.name}{label}: in-sample, setting {setting}: {right}/{total} = "
                f"{right / total:.3f}"
            )
        if args.write:
            path = weights_path(task)
            path.write_text(weights_module(task, model, setting), encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
