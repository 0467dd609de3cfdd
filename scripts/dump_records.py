"""Dump byline's record of every dev corpus page as sorted-key JSON Lines.

    python scripts/dump_records.py OUT.jsonl [--corpus DIR]

Used to show that a structural change leaves every record byte-identical: dump before
and after, then ``cmp`` the two files. A page with no article is written as its error.
byline is the one installed in the running Python (compiled or not), so both builds can be
compared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.corpus; byline itself is the installed one

import byline  # noqa: E402
from bench.corpus import DEFAULT_CORPUS, pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8") as out:
        for page in sorted(pages(args.corpus), key=lambda page: page.path.name):
            try:
                row = byline.extract(page.read(), url=page.url).to_dict()
            except byline.ExtractionError as error:
                row = {"error": f"{type(error).__name__}: {error}"}
            row["_file"] = page.path.name
            out.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
