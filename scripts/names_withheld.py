"""How much main text leans on the page's class and id names: the dev corpus scored as is,
with every class and id name replaced by an opaque token, as sites built with styled
components name their boxes ("css-1x2y3z"), and with every name rewritten as a CSS-modules
build writes it, the name kept between a module's name and a hash ("styles_comments__3xYz1",
Next.js's and create-react-app's ``[name]_[local]__[hash:base64:5]``).

    python scripts/names_withheld.py                          # byline
    python scripts/names_withheld.py --tool byline --tool trafilatura

The word lists that read box names (``byline.boilerplate``) were grown from the dev
corpus's own sites, so the drop from the first line to the second is one measure of what
they are worth on sites whose names say nothing, or say it in words no list holds: a
proxy for unseen pages that anyone may read. The same token stands for the same name
throughout a page, so boxes of one kind still share their name.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.corpus import DEFAULT_CORPUS, Score, pages  # noqa: E402
from bench.tools import TOOLS, available  # noqa: E402

VALUE = rb"""(?:"[^"]*"|'[^']*'|[^\s>]+)"""
START_TAG = re.compile(rb"<[a-zA-Z][^\s>/]*(?:\s+[^\s=>/]+(?:\s*=\s*" + VALUE + rb")?)*\s*/?>")
"""A start tag, its attributes' quoted values read whole: markup quoted inside a value
(``data-footer="<p class='caption'>"``) is no attribute of the page's."""
ATTRIBUTE = re.compile(rb"(\s)([^\s=>/]+)(?:(\s*=\s*)(" + VALUE + rb"))?")
NAME_ATTRIBUTES = (b"class", b"id")
TOKEN_DIGITS = 6
"""Hex digits of a name's token: enough that two names of one page never share one."""


MODULE_HASH_CHARS = 5
"""Characters of base64 a CSS-modules build appends to a name."""


def opaque(name: bytes) -> bytes:
    """A token for the name that says nothing of it."""
    return b"css-" + hashlib.md5(name).hexdigest()[:TOKEN_DIGITS].encode()


def as_module(name: bytes) -> bytes:
    """The name as a CSS-modules build writes it: a module's name, the name, a hash."""
    digest = base64.urlsafe_b64encode(hashlib.md5(name).digest())[:MODULE_HASH_CHARS]
    return b"styles_" + name + b"__" + digest


def renamed(html: bytes, rename: Callable[[bytes], bytes]) -> bytes:
    """``html`` with each class and id name of its start tags renamed."""

    def attribute(match: re.Match[bytes]) -> bytes:
        if match.group(2).lower() not in NAME_ATTRIBUTES or match.group(4) is None:
            return match.group(0)
        names = match.group(4).strip(b"\"'").split()
        return match.group(1) + match.group(2) + b'="' + b" ".join(map(rename, names)) + b'"'

    return START_TAG.sub(lambda tag: ATTRIBUTE.sub(attribute, tag.group(0)), html)


def names_withheld(html: bytes) -> bytes:
    """``html`` with each class and id name of its start tags replaced by a token for it."""
    return renamed(html, opaque)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", action="append", choices=sorted(TOOLS))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    names = args.tool or ["byline"]
    missing = [name for name in names if not available(name)]
    if missing:  # (each page would score as empty: the guard below takes crashes so)
        sys.exit(f"not installed: {', '.join(missing)} (the peers: pip install '.[bench]')")
    for name in names:
        scores = {"as is": Score(), "names withheld": Score(), "CSS modules": Score()}
        for page in pages(args.corpus):
            html = page.read()
            versions = (html, names_withheld(html), renamed(html, as_module))
            for kind, markup in zip(scores, versions, strict=True):
                try:
                    body = TOOLS[name](markup, page.url, None).get("body")
                except Exception:  # a crashing peer scores the page as empty
                    body = None
                scores[kind].add_text(page.annotation, body)
        for kind, s in scores.items():
            print(f"{name:12} {kind:15} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")


if __name__ == "__main__":
    main()
