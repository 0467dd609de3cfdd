"""How far the blind check's main-text figure moves when the paragraph model is refitted on
slightly other training data: the band a refit's blind figure is read against.

    python scripts/blind_refit_noise.py                 # 12 refits, 8 dev pages left out each
    python scripts/blind_refit_noise.py --runs 20 --drop 4 --seed 3

A change to what main text renders changes the paragraph model's training rows, so it is
refitted, and the refit alone moves the blind figure. Each run here leaves ``--drop`` annotated
dev pages out at random (the same pages' paragraphs, give or take), refits with the shipped
settings (the choice the weights file names, ``train_blocks.shipped_choice``) and prints the
blind body F1, the check's mean (a rejected page scores 0), beside the shipped model's.
Aggregates only, as the check prints them: no page is named or shown.
"""

from __future__ import annotations

import argparse
import base64
import random
import runpy
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "src"), str(ROOT)]

import train_blocks  # noqa: E402

from byline.blockmodel import MODEL  # noqa: E402
from byline.errors import ExtractionError  # noqa: E402
from byline.maintext import BlockJudge  # noqa: E402

SCORE = train_blocks.DEFAULT_CORPUS.parents[1] / "blind" / "score.py"


def blind_f1(
    pages: list[tuple[train_blocks.Page, str]],
    model: BlockJudge,
    token_f1: Callable[[str, str], float],
) -> float:
    """The check's mean body F1 with ``model`` judging the paragraphs."""
    total = 0.0
    for page, reference in pages:
        try:
            body = train_blocks.body_text(page, model, page.hint)
        except ExtractionError:
            body = None
        total += token_f1(body or "", reference)
    return total / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--drop", type=int, default=8, help="annotated dev pages left out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not SCORE.is_file():
        sys.exit(f"no blind check at {SCORE}")
    check: dict[str, Any] = runpy.run_path(str(SCORE), run_name="blind")
    blind = [
        (train_blocks.page_of(p.get("url") or "", base64.b64decode(p["html"]), {}), p["text"])
        for p in check["unseal"](check["SEALED"].read_bytes())
        if p.get("text")
    ]
    dev = train_blocks.load_pages(train_blocks.DEFAULT_CORPUS, [train_blocks.SAMPLES])
    train_blocks.examples(dev, masked=True)
    annotated = [page for page in dev if page.annotation]
    print(f"shipped model: blind body F1 {blind_f1(blind, MODEL, check['token_f1']):.5f}")
    shipped = train_blocks.shipped_choice()
    rng = random.Random(args.seed)
    figures = []
    for run in range(args.runs):
        left_out = {id(page) for page in rng.sample(annotated, args.drop)}
        model = train_blocks.fit([page for page in dev if id(page) not in left_out], shipped)
        figures.append(blind_f1(blind, model, check["token_f1"]))
        print(f"refit {run + 1}, {args.drop} pages left out: {figures[-1]:.5f}", flush=True)
    spread = statistics.pstdev(figures)
    print(
        f"{args.runs} refits: mean {statistics.fmean(figures):.5f}, standard deviation "
        f"{spread:.5f}, from {min(figures):.5f} to {max(figures):.5f}"
    )


if __name__ == "__main__":
    main()
