"""``docs/benchmarks.md`` is written by several benchmark commands, one section each.

Each command replaces only its own section (between HTML comment markers), so
running one benchmark never erases another's figures.
"""

from __future__ import annotations

import re
from pathlib import Path

HEADER = "# Benchmarks\n"


def write_section(path: Path, name: str, text: str) -> None:
    """Put ``text`` as section ``name`` of the Markdown file at ``path``."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{text.strip()}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated, encoding="utf-8")
