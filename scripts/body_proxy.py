"""A proxy for the blind check's body F1, on the dev pages that state their text.

    python scripts/body_proxy.py              # mean token F1 over the pages, and the worst
    python scripts/body_proxy.py --worst 30   # ...listing the 30 worst pages
    python scripts/body_proxy.py --dump out.tsv   # every page's F1, precision and recall

The blind check scores byline's ``body`` against the text a good reader-mode extractor keeps,
by token F1 (tokens: casefolded runs of letters and digits, each Chinese, Japanese, Korean or
Thai character a token of its own), averaged over pages. Here the reference is the page's own
statement of its text (the JSON-LD or microdata ``articleBody``), withheld from main text, so
that the container is chosen as on a page without structured data; pages whose articleBody is
shorter than ``MIN_REFERENCE_CHARS`` (teasers) are left out. A page byline rejects scores 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.corpus import DEFAULT_CORPUS, pages  # noqa: E402
from byline import sources  # noqa: E402
from byline.document import parse, visible  # noqa: E402
from byline.fields import Field  # noqa: E402
from byline.maintext import extract_main_text  # noqa: E402
from byline.reconcile import choose_description, choose_title  # noqa: E402

MIN_REFERENCE_CHARS = 500
"""A shorter articleBody is often a teaser, not the page's text."""
UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(rf"[{UNSPACED}]|[^\W_{UNSPACED}]+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.casefold()))


def token_f1(found: str, reference: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the found text's tokens against the reference's."""
    got, want = tokens(found), tokens(reference)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def score_page(html: bytes, url: str) -> tuple[str, str] | None:
    """The articleBody and byline's body without it, or None when the page states no text."""
    doc = parse(html, url)
    candidates = sources.collect(doc)
    hint = next((c.value for c in candidates if c.field is Field.ARTICLE_BODY), None)
    if not isinstance(hint, str):
        return None
    reference = " ".join(visible(hint).split())
    if len(reference) < MIN_REFERENCE_CHARS:
        return None
    title = choose_title(candidates, url)
    description = choose_description(candidates)
    main = extract_main_text(
        doc,  # as ``byline.extract`` does: the sources leave the tree as they found it
        hint=None,
        title=title.value if title else None,
        summary=description.value if description else None,
    )
    return reference, main.body if main else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    rows = []
    for page in pages(DEFAULT_CORPUS):
        scored = score_page(page.read(), page.url)
        if scored is not None:
            rows.append((page.annotation["file"], *token_f1(scored[1], scored[0])))
    mean = sum(row[3] for row in rows) / len(rows)
    print(f"pages {len(rows)} · mean token F1 {mean:.4f}")
    for name, precision, recall, f1 in sorted(rows, key=lambda row: row[3])[: args.worst]:
        print(f"{f1:.3f}  P {precision:.3f}  R {recall:.3f}  {name}")
    if args.dump:
        lines = [f"{n}\t{f:.4f}\t{p:.4f}\t{r:.4f}" for n, p, r, f in rows]
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
