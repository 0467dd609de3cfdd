"""Quick scoring on the annotated corpus: ``python -m bench.evaluate [--tool NAME ...]``.

Prints main-text precision/recall/F1 and metadata accuracy per tool. With
``--details FILE`` it writes one JSON line per page and tool (counts, wrong
fields, missed and leaked snippets) for error analysis. The full benchmark,
with timings, memory, languages and the report, is ``python -m bench``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.corpus import DEFAULT_CORPUS, METADATA_FIELDS, Score, normalise, pages
from bench.tools import TOOLS, quiet


def evaluate(tool_names: list[str], corpus: Path, details: Path | None, limit: int | None):
    scores = {name: Score() for name in tool_names}
    seconds = dict.fromkeys(tool_names, 0.0)
    out = details.open("w", encoding="utf-8") if details else None
    count = 0
    for page in pages(corpus):
        if limit is not None and count >= limit:
            break
        count += 1
        html = page.read()
        for name in tool_names:
            start = time.perf_counter()
            try:
                result = TOOLS[name](html, page.url, None)
            except Exception as error:  # a crashing peer scores the page as empty
                result = {"error": repr(error)}  # type: ignore[typeddict-unknown-key]
            seconds[name] += time.perf_counter() - start
            counts = scores[name].add_text(page.annotation, result.get("body"))
            wrong = {}
            for field in METADATA_FIELDS:
                expected = page.annotation.get(field)
                if scores[name].add_field(field, expected, result.get(field)) is False:
                    wrong[field] = {"want": expected, "got": result.get(field)}
            if out:
                body = normalise(result.get("body"))
                record = {
                    "url": page.url,
                    "file": page.annotation["file"],
                    "tool": name,
                    "tp_fn_fp_tn": counts,
                    "wrong": wrong,
                    "missed": [s for s in page.annotation["with"] if normalise(s) not in body],
                    "leaked": [s for s in page.annotation["without"] if normalise(s) in body],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return scores, seconds, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tool", action="append", choices=sorted(TOOLS), help="default: byline")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--details", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    quiet()
    names = args.tool or ["byline"]
    scores, seconds, count = evaluate(names, args.corpus, args.details, args.limit)
    header = " ".join(f"{f:>11}" for f in METADATA_FIELDS)
    print(f"{'tool':12} {'P':>6} {'R':>6} {'F1':>6} {header}   ms/page")
    for name in names:
        s = scores[name]
        print(
            f"{name:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            + " ".join(f"{s.accuracy(f):11.3f}" for f in METADATA_FIELDS)
            + f"   {1000 * seconds[name] / max(count, 1):7.1f}"
        )


if __name__ == "__main__":
    main()
