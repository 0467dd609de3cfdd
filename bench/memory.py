"""Peak memory of one tool: ``python -m bench.memory TOOL`` prints ``{"peak_mb": ...}``.

Run in a fresh process per tool so that one tool's allocations never count
against another. The figure is the growth of the peak resident set from the
moment the tool is imported and warmed up on one page to the end of the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
from pathlib import Path

from bench.corpus import DEFAULT_CORPUS, pages
from bench.tools import TOOLS, quiet


def _peak_rss_mb() -> float:
    # VmHWM belongs to this process image; ru_maxrss would inherit the parent's peak.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    quiet()
    corpus = list(pages(args.corpus))[: args.limit]
    tool = TOOLS[args.tool]
    tool(corpus[0].read(), corpus[0].url, None)
    baseline = _peak_rss_mb()
    for page in corpus:
        with contextlib.suppress(Exception):  # crashes are counted by the benchmark itself
            tool(page.read(), page.url, None)
    peak = _peak_rss_mb()
    print(json.dumps({"peak_mb": peak, "growth_mb": peak - baseline}))


if __name__ == "__main__":
    main()
