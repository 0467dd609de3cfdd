"""Train the paragraph model of ``byline.blockmodel`` on the development corpus.

    python scripts/train_blocks.py            # in-sample and site-grouped, nested CV scores
    python scripts/train_blocks.py --no-cv    # in-sample only (what --write needs)
    python scripts/train_blocks.py --write    # ...and write src/byline/_blockweights.py
    python scripts/train_blocks.py --check --choice L2 W   # is the shipped file reproduced?

Standard library only, and deterministic: the same corpus gives the same weights file, byte
for byte. Steps:

1. Run main-text extraction on every page with a recorder in place of the model: it keeps
   every paragraph and records its text and features. The page's hint (JSON-LD or microdata
   ``articleBody``) and title come from byline's own sources, as in ``byline.extract``.
2. Label paragraphs. Gold: one holding an annotated ``with`` snippet is article text (1),
   one holding a ``without`` snippet boilerplate (0). Distant: on every page with an
   ``articleBody`` (the dev pages and the ``--distant-pages`` directories, ``samples/`` by
   default), a paragraph the annotation does not label is article text when nearly all its
   word trigrams are in the ``articleBody``, boilerplate when nearly none of its trigrams
   and few of its words are (and the ``articleBody`` is long enough not to be a teaser),
   else unlabelled (``distant_label``). Distant rows come from a second rendering of the
   page *without* its ``articleBody`` (``--distant-rows masked``, the default): the hint
   features are then 0 and the container is chosen as on a page without structured data,
   so the labels teach the model to recognise article text without the hint instead of
   teaching it to trust the hint (``hinted`` takes them from the rendering with the hint,
   for comparison). They weigh ``distant_weight`` each, the gold rows 1.
3. Fit an L2-regularised logistic regression by Newton's method and choose the drop
   threshold that maximises snippet F1 on the training pages. The L2 penalty and the
   distant-label weight are chosen by site-grouped cross-validation inside the training
   pages (``choose``: each training fold held out in turn, snippet F1 estimated from the
   held paragraphs' labels).
4. Score the full extraction: in-sample (everything chosen and fitted on all pages) and
   site-grouped cross-validated (``bench.folds``: for each fold, everything chosen and
   fitted on the other folds, the held fold extracted with that model), beside the hand
   rules alone.

Measured (790 dev pages, snippet P/R/F1): hand rules alone 0.926/0.965/0.945; the shipped
model (L2 0.3, distant weight 0.25, the script's own choice) in-sample 0.946/0.962/0.954,
site-grouped nested CV 0.944/0.960/0.952 (the folds choose L2 1 twice, 3 twice and 0.3 once,
distant weight 0.25 every time). The whole-corpus choice moves between L2 0.3 and 3 when a
few rows change (the title fixes of 2026-12-06 changed the rows of three pages, the section
headings kept on 2026-12-07 those of five); the CV figure does not move with it. Distant labels
help little on the dev pages (only 102 pages have an articleBody; most of their labels are
article text, paragraphs the hand rules keep anyway). Before the container choice learnt to
prefer the prose under the headline and read class names by their last word (weights of
that time: L2 0.3, distant weight 0): hand rules 0.941, in-sample 0.952, CV 0.949, the folds
choosing distant weight 0 four times. Earlier still, at L2 1, with the two parent
features below in the model: CV F1 0.948 without them, 0.947 / 0.944 at weight 0.25 / 1 with
masked rows, 0.948 / 0.944 with hinted rows; with the paragraph-share feature alone, 0.949
without them, 0.948 / 0.946 with the boilerplate labels alone. Features tried and left out,
none raising the CV F1. Six text features (share of short words, of stop words; inside the
first-to-last run of long sentences; separator marks | • · »; ending in a colon; mean word
length): at L2 1, 0.947 with all six, 0.947 to 0.948 with any one left out, 0.948 with none.
The parent element's link density and share of ``<p>`` children: 0.948 with both; the share
alone, 0.949 at L2 1, gave 0.947 in the nested CV against 0.949 without.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import mul
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.corpus import DEFAULT_CORPUS, Score, html_pages, normalise  # noqa: E402
from bench.corpus import pages as corpus_pages  # noqa: E402
from bench.folds import FOLDS, fold_of, folds_of  # noqa: E402
from byline import sources  # noqa: E402
from byline.blockmodel import FEATURES, BlockModel, words_of  # noqa: E402
from byline.document import parse  # noqa: E402
from byline.fields import Field  # noqa: E402
from byline.maintext import BlockJudge, extract_main_text, long_enough_to_judge  # noqa: E402
from byline.reconcile import choose_description, choose_title  # noqa: E402

L2_CHOICES = (0.3, 1.0, 3.0)
"""Ridge penalties on the standardised weights (the bias is free) tried by ``choose``."""
DISTANT_WEIGHT_CHOICES = (0.0, 0.25, 1.0)
"""Weights of one distant-labelled paragraph (a gold one weighs 1) tried by ``choose``."""
NEWTON_STEPS = 12
NEWTON_TOLERANCE = 1e-6
DISTANT_INSIDE = 0.9
"""A paragraph with at least this share of its word trigrams in the articleBody is article text."""
DISTANT_OUTSIDE = 0.1
DISTANT_OUTSIDE_WORDS = 0.5
"""A paragraph with at most these shares of its word trigrams and of its words in the
articleBody is boilerplate. (Words alone cannot tell: the articleBody holds every common
word. Trigrams alone mislabel paragraphs the articleBody holds in another wording.)"""
MIN_COMPLETE_HINT_CHARS = 500
"""A shorter articleBody is often a teaser, not the story: it labels no paragraph boilerplate.
(On the annotated paragraphs of the dev pages, these rules agree with the annotation on 236
of 252 article-text labels and 7 of 10 boilerplate labels; with the hint's length unchecked,
on 8 of 30.)"""
MIN_DISTANT_WORDS = 4
GRAM = 3
MIN_CONTAINED_CHARS = 20
"""A paragraph this long that lies inside a snippet is labelled by it too."""
THRESHOLDS = [i / 100 for i in range(0, 80)]
WEIGHTS_FILE = ROOT / "src" / "byline" / "_blockweights.py"
SAMPLES = ROOT / "samples"

Row = tuple[list[float], int]
"""A paragraph's features and its label (1 article text, 0 boilerplate)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """What ``choose`` picks by cross-validation."""

    l2: float
    distant_weight: float


@dataclass(slots=True)
class Page:
    url: str
    html: bytes
    hint: str | None
    title: str | None
    summary: str | None
    """The record's description, which main text reads a standfirst by."""
    annotation: dict
    fold: int
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)
    """The hand rules' snippet counts (tp, fn, fp, tn)."""
    gold: list[Row] = field(default_factory=list)
    distant: list[Row] = field(default_factory=list)


class KeepAll:
    """Keeps every paragraph: the hand rules alone."""

    threshold = 0.5

    def judge(self, texts, rows) -> list[float]:
        return [1.0] * len(texts)


class Recorder(KeepAll):
    """Keeps every paragraph, recording texts and features (step 1)."""

    def __init__(self) -> None:
        self.renderings: list[tuple[list[str], list[list[float]]]] = []

    def judge(self, texts, rows) -> list[float]:
        self.renderings.append((list(texts), [list(row) for row in rows]))
        return super().judge(texts, rows)

    def paragraphs(self) -> Iterable[tuple[str, list[float]]]:
        for texts, rows in self.renderings:
            yield from zip(texts, rows, strict=True)


def load_pages(corpus: Path, distant_dirs: Sequence[Path]) -> list[Page]:
    """The annotated corpus pages, then the pages of ``distant_dirs`` (no annotation: they
    give distant labels only; a page is named by its directory and file for its fold)."""
    named = [(page.url, page.path, page.annotation) for page in corpus_pages(corpus)]
    for directory in distant_dirs:
        for page in html_pages(directory):
            named.append((f"{directory.name}::{page.path.name}", page.path, {}))
    return [page_of(url, path.read_bytes(), annotation) for url, path, annotation in named]


def page_of(url: str, html: bytes, annotation: dict) -> Page:
    candidates = sources.collect(parse(html, url))
    chosen = choose_title(candidates, url)
    described = choose_description(candidates)
    hint = next((c.value for c in candidates if c.field is Field.ARTICLE_BODY), None)
    title = chosen.value if chosen else None
    summary = described.value if described else None
    hint_text = hint if isinstance(hint, str) else None
    return Page(url, html, hint_text, title, summary, annotation, fold_of(url))


def body_text(page: Page, model: BlockJudge, hint: str | None) -> str | None:
    result = extract_main_text(
        parse(page.html, page.url), hint, page.title, judge=model, summary=page.summary
    )
    return result.body if result else None


def gold_label(text: str, annotation: dict) -> int | None:
    norm = normalise(text)
    found = set()
    for key, value in (("with", 1), ("without", 0)):
        for snippet in annotation.get(key, []):
            snippet = normalise(snippet)
            if snippet and (
                snippet in norm or (len(norm) >= MIN_CONTAINED_CHARS and norm in snippet)
            ):
                found.add(value)
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Hint:
    """The words and word trigrams of a page's articleBody."""

    words: frozenset[str]
    grams: frozenset[tuple[str, ...]]
    complete: bool

    @classmethod
    def of(cls, text: str) -> Hint:
        words = words_of(text.lower())
        complete = len(text) >= MIN_COMPLETE_HINT_CHARS
        return cls(frozenset(words), frozenset(grams(words)), complete)


def grams(words: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + GRAM]) for i in range(len(words) - GRAM + 1)]


def distant_label(text: str, hint: Hint) -> int | None:
    """1 when the paragraph is in the articleBody, 0 when clearly not, None when unsure."""
    words = words_of(text.lower())
    if len(words) < MIN_DISTANT_WORDS:
        return None
    paragraph_grams = grams(words)
    inside = sum(map(hint.grams.__contains__, paragraph_grams)) / len(paragraph_grams)
    if inside >= DISTANT_INSIDE:
        return 1
    word_share = sum(map(hint.words.__contains__, words)) / len(words)
    if hint.complete and inside <= DISTANT_OUTSIDE and word_share <= DISTANT_OUTSIDE_WORDS:
        return 0
    return None


def judged(text: str) -> bool:
    return long_enough_to_judge(normalise(text))  # the model never judges shorter


def examples(pages: list[Page], masked: bool) -> None:
    """Record every page's labelled paragraphs and the hand rules' snippet counts."""
    for page in pages:
        recorder = Recorder()
        body = body_text(page, recorder, page.hint)
        if page.annotation:
            page.counts = Score().add_text(page.annotation, body)
        hint = Hint.of(page.hint) if page.hint else None
        for text, row in recorder.paragraphs():
            if not judged(text):
                continue
            gold = gold_label(text, page.annotation)
            if gold is not None:
                page.gold.append((row, gold))
            elif hint is not None and not masked:
                distant = distant_label(text, hint)
                if distant is not None:
                    page.distant.append((row, distant))
        if hint is None or not masked:
            continue
        recorder = Recorder()
        body_text(page, recorder, None)  # as if the page had no articleBody
        for text, row in recorder.paragraphs():
            if judged(text) and gold_label(text, page.annotation) is None:
                distant = distant_label(text, hint)
                if distant is not None:
                    page.distant.append((row, distant))


# --- logistic regression, column-wise for speed in pure Python ---------------


def fit(pages: Sequence[Page], choice: Choice) -> BlockModel:
    rows = [(x, y, 1.0) for page in pages for x, y in page.gold]
    if choice.distant_weight > 0:
        rows += [(x, y, choice.distant_weight) for page in pages for x, y in page.distant]
    n, d = len(rows), len(FEATURES)
    columns = [[row[0][j] for row in rows] for j in range(d)]
    means = [math.fsum(c) / n for c in columns]
    scales = [
        math.sqrt(math.fsum((v - m) ** 2 for v in c) / n) or 1.0
        for c, m in zip(columns, means, strict=True)
    ]
    x = [[(v - m) / s for v in c] for c, m, s in zip(columns, means, scales, strict=True)]
    x.append([1.0] * n)  # bias column
    y = [row[1] for row in rows]
    w = [row[2] for row in rows]
    beta = [0.0] * (d + 1)
    for _ in range(NEWTON_STEPS):
        z = [0.0] * n
        for j, column in enumerate(x):
            if beta[j]:
                b = beta[j]
                z = [zi + b * v for zi, v in zip(z, column, strict=True)]
        p = [1 / (1 + math.exp(-max(-30.0, min(30.0, zi)))) for zi in z]
        residual = [wi * (pi - yi) for wi, pi, yi in zip(w, p, y, strict=True)]
        curvature = [wi * pi * (1 - pi) for wi, pi in zip(w, p, strict=True)]
        gradient = [sum(map(mul, residual, column)) for column in x]
        hessian = [[0.0] * (d + 1) for _ in range(d + 1)]
        for j in range(d + 1):
            weighted = [c * v for c, v in zip(curvature, x[j], strict=True)]
            for k in range(j, d + 1):
                hessian[j][k] = hessian[k][j] = sum(map(mul, weighted, x[k]))
        for j in range(d):
            gradient[j] += choice.l2 * beta[j]
            hessian[j][j] += choice.l2
        step = solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < NEWTON_TOLERANCE:
            break
    model = BlockModel(means, scales, beta[:d], beta[d], 0.0)
    return BlockModel(means, scales, beta[:d], beta[d], best_threshold(model, pages))


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small)."""
    size = len(vector)
    a = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            if factor:
                a[r] = [vr - factor * vc for vr, vc in zip(a[r], a[col], strict=True)]
    out = [0.0] * size
    for r in range(size - 1, -1, -1):
        out[r] = (a[r][size] - sum(a[r][k] * out[k] for k in range(r + 1, size))) / a[r][r]
    return out


def estimated_counts(
    model: BlockModel, pages: Sequence[Page], thresholds: Sequence[float]
) -> list[tuple[int, int, int]]:
    """Snippet counts (tp, fn, fp) of the model on ``pages`` at each threshold, estimated
    without extracting the pages again: the hand rules' counts, less the gold paragraphs the
    model drops."""
    tp = sum(page.counts[0] for page in pages)
    fn = sum(page.counts[1] for page in pages)
    fp = sum(page.counts[2] for page in pages)
    scored = [(model.probability(row), y) for page in pages for row, y in page.gold]
    counts = []
    for threshold in thresholds:
        lost = sum(1 for p, y in scored if y == 1 and p < threshold)
        cut = sum(1 for p, y in scored if y == 0 and p < threshold)
        counts.append((tp - lost, fn + lost, fp - cut))
    return counts


def f1_of(tp: int, fn: int, fp: int) -> float:
    return 2 * tp / max(2 * tp + fn + fp, 1)


def best_threshold(model: BlockModel, pages: Sequence[Page]) -> float:
    """The threshold with the best estimated snippet F1 on these pages."""
    best, best_f1 = 0.0, -1.0
    for threshold, counts in zip(
        THRESHOLDS, estimated_counts(model, pages, THRESHOLDS), strict=True
    ):
        f1 = f1_of(*counts)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


class Trainer:
    """Fits models on sets of folds, each (folds, choice) once: the nested cross-validation
    fits the same training sets many times over."""

    def __init__(self, pages: Sequence[Page]) -> None:
        self.by_fold: dict[int, list[Page]] = {}
        for page in pages:
            self.by_fold.setdefault(page.fold, []).append(page)
        self.fitted: dict[tuple[frozenset[int], Choice], BlockModel] = {}

    def pages(self, folds: Iterable[int]) -> list[Page]:
        return [page for fold in sorted(folds) for page in self.by_fold.get(fold, [])]

    def fit(self, folds: frozenset[int], choice: Choice) -> BlockModel:
        key = (folds, choice)
        if key not in self.fitted:
            self.fitted[key] = fit(self.pages(folds), choice)
        return self.fitted[key]

    def choose(self, folds: frozenset[int]) -> Choice:
        """The choice with the best estimated snippet F1 over ``folds``, each held out in turn
        (the first best in grid order)."""
        best, best_f1 = None, -1.0
        held_out = [fold for fold in sorted(folds) if self.by_fold.get(fold)]
        for l2 in L2_CHOICES:
            for distant_weight in DISTANT_WEIGHT_CHOICES:
                choice = Choice(l2, distant_weight)
                pooled = [0, 0, 0]  # snippet counts over the held folds
                for fold in held_out:
                    model = self.fit(folds - {fold}, choice)
                    [counts] = estimated_counts(model, self.by_fold[fold], [model.threshold])
                    pooled = [a + b for a, b in zip(pooled, counts, strict=True)]
                f1 = f1_of(*pooled)
                if f1 > best_f1 + 1e-9:
                    best, best_f1 = choice, f1
        assert best is not None
        return best


def score(pages: Sequence[Page], model: BlockJudge) -> Score:
    total = Score()
    for page in pages:
        if page.annotation:
            total.add_text(page.annotation, body_text(page, model, page.hint))
    return total


def line(name: str, s: Score) -> str:
    return f"{name:28} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"


def weights_text(model: BlockModel, choice: Choice, n_pages: int) -> str:
    """The source of ``_blockweights.py`` for ``model``."""

    def numbers(values) -> str:
        return "(\n" + "".join(f"    {v:.6g},\n" for v in values) + ")"

    names = "".join(f"#   {i:2} {name}\n" for i, name in enumerate(FEATURES))
    return (
        '"""Generated by scripts/train_blocks.py: do not edit. Logistic regression weights of\n'
        f"byline.blockmodel, fitted on {n_pages} development pages (L2 penalty {choice.l2:g},\n"
        f"distant-label weight {choice.distant_weight:g}: chosen by site-grouped "
        'cross-validation)."""\n\n'
        f"# Feature order:\n{names}\n"
        f"MEANS = {numbers(model.means)}\n"
        f"SCALES = {numbers(model.scales)}\n"
        f"WEIGHTS = {numbers(model.weights)}\n"
        f"BIAS = {model.bias:.6g}\n"
        f"THRESHOLD = {model.threshold:.6g}\n"
    )


SHIPPED_CHOICE: Final = re.compile(r"L2 penalty (\S+),\s+distant-label weight (\S+):")
"""How ``weights_text`` names the choice the shipped weights were fitted with."""


def shipped_choice() -> Choice:
    """The choice the shipped weights file names (``weights_text`` writes it)."""
    named = SHIPPED_CHOICE.search(WEIGHTS_FILE.read_text(encoding="utf-8"))
    if named is None:
        raise ValueError(f"{WEIGHTS_FILE} does not name its choice")
    return Choice(float(named.group(1)), float(named.group(2)))


def cross_validated(trainer: Trainer, pages: list[Page]) -> Score:
    """Site-grouped CV: every fold extracted with what was chosen and fitted on the others."""
    total = Score()
    everything = frozenset(range(FOLDS))
    for fold, _, held in folds_of(pages, [page.url for page in pages]):
        training = everything - {fold}
        choice = trainer.choose(training)
        fold_score = score(held, trainer.fit(training, choice))
        print(
            f"  fold {fold}: {sum(1 for p in held if p.annotation)} pages, L2 {choice.l2:g}, "
            f"distant weight {choice.distant_weight:g}, F1 {fold_score.f1:.3f}"
        )
        for name in ("tp", "fn", "fp", "tn"):
            setattr(total, name, getattr(total, name) + getattr(fold_score, name))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--distant-pages",
        type=Path,
        action="append",
        help="a directory of pages whose articleBody labels paragraphs (default: samples/)",
    )
    parser.add_argument("--distant-rows", choices=("masked", "hinted"), default="masked")
    parser.add_argument("--write", action="store_true", help="write _blockweights.py")
    parser.add_argument(
        "--check", action="store_true", help="only say whether _blockweights.py is reproduced"
    )
    parser.add_argument(
        "--choice",
        type=float,
        nargs=2,
        metavar=("L2", "DISTANT_WEIGHT"),
        help="fit with these instead of choosing them (the weights file names its choice)",
    )
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    distant_dirs = [SAMPLES] if args.distant_pages is None else args.distant_pages
    pages = load_pages(args.corpus, distant_dirs)
    examples(pages, masked=args.distant_rows == "masked")
    annotated = [page for page in pages if page.annotation]
    gold = sum(len(page.gold) for page in pages)
    distant = sum(len(page.distant) for page in pages)
    hinted = sum(1 for page in pages if page.hint)
    print(
        f"{len(annotated)} annotated pages, {len(pages) - len(annotated)} others, {hinted} "
        f"with an articleBody; {gold} gold and {distant} distant ({args.distant_rows}) "
        f"labelled paragraphs ({time.perf_counter() - start:.0f}s)"
    )
    trainer = Trainer(pages)
    everything = frozenset(range(FOLDS))
    choice = Choice(*args.choice) if args.choice else trainer.choose(everything)
    model = trainer.fit(everything, choice)
    text = weights_text(model, choice, len(annotated))
    if args.check:
        same = WEIGHTS_FILE.read_text(encoding="utf-8") == text
        print(f"{WEIGHTS_FILE.relative_to(ROOT)} {'reproduced' if same else 'differs'}")
        sys.exit(0 if same else 1)
    print(line("hand rules only", score(pages, KeepAll())))
    print(
        line("model, in-sample", score(pages, model)),
        f" threshold {model.threshold:.2f}, L2 {choice.l2:g}, "
        f"distant weight {choice.distant_weight:g}",
    )
    if not args.no_cv:
        print(line(f"model, {FOLDS}-fold site CV", cross_validated(trainer, pages)))
    if args.write:
        WEIGHTS_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")
    for name, weight in sorted(zip(FEATURES, model.weights, strict=True), key=lambda t: t[1]):
        print(f"  {name:30} {weight:+.3f}")
    print(f"{time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
