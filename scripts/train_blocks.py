"""Train the paragraph model of ``byline.blockmodel`` on the development corpus.

    python scripts/train_blocks.py            # report in-sample and 5-fold CV scores
    python scripts/train_blocks.py --write    # ...and write src/byline/_blockweights.py

Standard library only. Steps:

1. Run main-text extraction on every page with a recorder in place of the model:
   it keeps every paragraph and records its text and features. The page's
   hint (JSON-LD ``articleBody``) and title come from byline's own sources, as
   in ``byline.extract``.
2. Label paragraphs: one holding an annotated ``with`` snippet is article text
   (1), one holding a ``without`` snippet boilerplate (0). On pages with an
   ``articleBody``, paragraphs whose words are (nearly) all in it, or (nearly)
   none, are labelled too, with weight ``HINT_LABEL_WEIGHT``.
3. Fit an L2-regularised logistic regression by Newton's method; choose the
   drop threshold that maximises snippet F1 on the training pages.
4. Score: in-sample (fit on all pages) and 5-fold cross-validated (folds by
   page: fit on four fifths, run the full extraction with that model on the
   held fifth and score its snippets), beside the hand rules alone.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from operator import mul
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.corpus import DEFAULT_CORPUS, Score, normalise  # noqa: E402
from byline import sources  # noqa: E402
from byline.blockmodel import FEATURES, BlockModel, words_of  # noqa: E402
from byline.document import parse  # noqa: E402
from byline.fields import Field  # noqa: E402
from byline.maintext import MIN_JUDGED_WORDS, BlockJudge, extract_main_text  # noqa: E402
from byline.reconcile import choose_title  # noqa: E402

FOLDS = 5
L2 = 1.0
"""Ridge penalty on the standardised weights (the bias is free)."""
NEWTON_STEPS = 12
HINT_LABEL_WEIGHT = 0.0
HINT_INSIDE = 0.9
HINT_OUTSIDE = 0.2
"""A paragraph with this share of its words in the articleBody is inside it / outside it."""
MIN_HINT_LABEL_WORDS = 4
MIN_CONTAINED_CHARS = 20
"""A paragraph this long that lies inside a snippet is labelled by it too."""
THRESHOLDS = [i / 100 for i in range(0, 80)]
WEIGHTS_FILE = ROOT / "src" / "byline" / "_blockweights.py"


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


def load_pages(corpus: Path) -> list[dict]:
    annotations = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    pages = []
    for url, annotation in annotations.items():
        html = (corpus / "html" / annotation["file"]).read_bytes()
        doc = parse(html, url)
        candidates = sources.collect(doc)
        chosen = choose_title(candidates)
        title = chosen.value if chosen else None
        hint = next((c.value for c in candidates if c.field is Field.ARTICLE_BODY), None)
        pages.append(
            {"url": url, "html": html, "hint": hint, "title": title, "annotation": annotation}
        )
    return pages


def body_text(page: dict, model: BlockJudge) -> str | None:
    doc = parse(page["html"], page["url"])
    result = extract_main_text(doc, page["hint"], page["title"], judge=model)
    return result.body if result else None


def label(text: str, page: dict) -> tuple[int, float] | None:
    """(label, weight) of one paragraph, or None when nothing tells."""
    norm = normalise(text)
    if len(norm.split()) < MIN_JUDGED_WORDS:
        return None  # the model never judges such short lines
    found = set()
    for key, value in (("with", 1), ("without", 0)):
        for snippet in page["annotation"].get(key, []):
            snippet = normalise(snippet)
            if snippet and (
                snippet in norm or (len(norm) >= MIN_CONTAINED_CHARS and norm in snippet)
            ):
                found.add(value)
    if len(found) == 1:
        return found.pop(), 1.0
    if found or not page["hint"] or HINT_LABEL_WEIGHT <= 0:
        return None
    words = words_of(norm.lower())
    if len(words) < MIN_HINT_LABEL_WORDS:
        return None
    hint_words = page.setdefault("hint_words", set(words_of(page["hint"].lower())))
    share = sum(word in hint_words for word in words) / len(words)
    if share >= HINT_INSIDE:
        return 1, HINT_LABEL_WEIGHT
    if share <= HINT_OUTSIDE:
        return 0, HINT_LABEL_WEIGHT
    return None


def examples(pages: list[dict]) -> None:
    """Record every page's paragraphs, labels and the hand rules' snippet counts."""
    for page in pages:
        recorder = Recorder()
        body = body_text(page, recorder)
        score = Score()
        page["counts"] = score.add_text(page["annotation"], body)
        page["rows"] = []
        for texts, rows in recorder.renderings:
            for text, row in zip(texts, rows, strict=True):
                labelled = label(text, page)
                if labelled is not None:
                    page["rows"].append((row, *labelled))


# --- logistic regression, column-wise for speed in pure Python ---------------


def fit(pages: list[dict]) -> BlockModel:
    rows = [r for page in pages for r in page["rows"]]
    n, d = len(rows), len(FEATURES)
    columns = [[row[0][j] for row in rows] for j in range(d)]
    means = [sum(c) / n for c in columns]
    scales = [
        math.sqrt(sum((v - m) ** 2 for v in c) / n) or 1.0
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
            gradient[j] += L2 * beta[j]
            hessian[j][j] += L2
        step = solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
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


def best_threshold(model: BlockModel, pages: list[dict]) -> float:
    """The threshold with the best snippet F1 on these pages, from the labelled paragraphs."""
    tp = sum(page["counts"][0] for page in pages)
    fn = sum(page["counts"][1] for page in pages)
    fp = sum(page["counts"][2] for page in pages)
    scored = [
        (model.probability(row), y)
        for page in pages
        for row, y, weight in page["rows"]
        if weight == 1
    ]
    best, best_f1 = 0.0, -1.0
    for threshold in THRESHOLDS:
        lost = sum(1 for p, y in scored if y == 1 and p < threshold)
        cut = sum(1 for p, y in scored if y == 0 and p < threshold)
        f1 = 2 * (tp - lost) / (2 * (tp - lost) + (fn + lost) + (fp - cut))
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


def score(pages: list[dict], model) -> Score:
    total = Score()
    for page in pages:
        total.add_text(page["annotation"], body_text(page, model))
    return total


def line(name: str, s: Score) -> str:
    return f"{name:24} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"


def write_weights(model: BlockModel, n_pages: int) -> None:
    def numbers(values) -> str:
        return "(\n" + "".join(f"    {v:.6g},\n" for v in values) + ")"

    names = "".join(f"#   {i:2} {name}\n" for i, name in enumerate(FEATURES))
    WEIGHTS_FILE.write_text(
        '"""Generated by scripts/train_blocks.py: do not edit. Logistic regression weights of\n'
        f'byline.blockmodel, fitted on {n_pages} development pages."""\n\n'
        f"# Feature order:\n{names}\n"
        f"MEANS = {numbers(model.means)}\n"
        f"SCALES = {numbers(model.scales)}\n"
        f"WEIGHTS = {numbers(model.weights)}\n"
        f"BIAS = {model.bias:.6g}\n"
        f"THRESHOLD = {model.threshold:.6g}\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help="write _blockweights.py")
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    pages = load_pages(args.corpus)
    examples(pages)
    labelled = sum(len(page["rows"]) for page in pages)
    elapsed = time.perf_counter() - start
    print(f"{len(pages)} pages, {labelled} labelled paragraphs ({elapsed:.0f}s)")
    print(line("hand rules only", score(pages, KeepAll())))
    model = fit(pages)
    print(line("model, in-sample", score(pages, model)), f" threshold {model.threshold:.2f}")
    if not args.no_cv:
        total = Score()
        for fold in range(FOLDS):
            held = pages[fold::FOLDS]
            trained = fit([page for i, page in enumerate(pages) if i % FOLDS != fold])
            fold_score = score(held, trained)
            for name in ("tp", "fn", "fp", "tn"):
                setattr(total, name, getattr(total, name) + getattr(fold_score, name))
        print(line(f"model, {FOLDS}-fold CV", total))
    if args.write:
        write_weights(model, len(pages))
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")
    for name, weight in sorted(zip(FEATURES, model.weights, strict=True), key=lambda t: t[1]):
        print(f"  {name:30} {weight:+.3f}")
    print(f"{time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
