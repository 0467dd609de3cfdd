"""Where the blind check's misses come from, in aggregate: which of main text's rules cost
body F1, and whether a missed author or date was among byline's candidates at all.

    python scripts/blind_breakdown.py        # byline installed, ../shared beside it

``../shared/blind/score.py`` prints one figure per field. This reads the same sealed pages
through the check's own functions and splits each figure's misses by cause, so that work
goes where the misses are without anyone reading a page:

- body: reference tokens that a dropped block held, by the rule that dropped it and the
  block's kind; tokens kept that the reference lacks, by kind;
- author: whether the reference's names were among the candidates (then the choice
  missed them), whether byline's own names all appear in the reference's text (a
  reference that adds a role, "Jane Doe, Staff Writer"), and which source was chosen;
  where none was, why the names offered made no author (the site's or publisher's name,
  or no person's name to the name rules);
- date: whether the reference's day was among the candidates, and how far off byline's is;
- opening (goose3's pages): for an opening missing from the body, the verdict, rule and
  kind of the block that holds its start, and whether the opening runs on past that block.

Beside the body's causes: its F1 as the check computes it, and as it would be were figure
captions text (a convention: the check's references keep them, the dev annotations do not).
Every other line is a count over pages (with how many pages make it); no page, name, text or
address is printed.
"""

from __future__ import annotations

import base64
import runpy
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # (bench only: byline is the installed one, as the check scores)

import byline  # noqa: E402
from bench.corpus import DEFAULT_CORPUS  # noqa: E402
from byline.authors import is_person_name  # noqa: E402
from byline.blocks import Block, Rule, Verdict  # noqa: E402
from byline.extract import candidates  # noqa: E402
from byline.fields import Field  # noqa: E402
from byline.reconcile.choice import PageCandidates  # noqa: E402
from byline.reconcile.people import choose_publisher, organisation_names  # noqa: E402
from byline.sources.candidate import AnyCandidate  # noqa: E402

SCORE = DEFAULT_CORPUS.parents[1] / "blind" / "score.py"
RENDERED_KINDS = frozenset({"p", "li", "tr", "pre", "figcaption", "h2", "h3", "h4", "h5", "h6"})
"""Kinds of rendered blocks; other kinds are elements dropped whole, counted as "element"."""
BODY_ROWS = 15
"""The body's causes are many and most are small: the largest this many are printed."""
FOREIGN_SHARE = 0.5
"""A kept block is counted as not the reference's when fewer than this share of its tokens
are in the reference."""


class Tally:
    """Counts by key, with the pages behind each."""

    def __init__(self) -> None:
        self.counts: Counter[Hashable] = Counter()
        self.pages: defaultdict[Hashable, set[int]] = defaultdict(set)

    def add(self, key: Hashable, page: int, count: int = 1) -> None:
        self.counts[key] += count
        self.pages[key].add(page)

    def print(self, title: str, unit: str = "pages", rows: int | None = None) -> None:
        """The counts, largest first; counts of anything but pages with their pages."""
        print(f"{title} ({unit}{', pages' if unit != 'pages' else ''})")
        shown = self.counts.most_common(rows)
        for key, count in shown:
            pages = f" {len(self.pages[key]):3d}" if unit != "pages" else ""
            print(f"  {count:6d}{pages}  {' · '.join(filter(None, map(str, key)))}")
        if len(shown) < len(self.counts):
            rest = sum(self.counts.values()) - sum(count for _, count in shown)
            print(f"  {rest:6d}      in {len(self.counts) - len(shown)} more rows")


def body_causes(
    blocks: list[Block], want: str, tokens: Callable[[str], list[str]]
) -> tuple[list[tuple[Hashable, int]], list[tuple[Hashable, int]]]:
    """The reference tokens each dropped block took, and the foreign tokens each kept one
    brought, keyed by verdict, rule and kind."""
    reference = Counter(tokens(want))
    kept = Counter(tokens(" ".join(b.text for b in blocks if b.verdict is Verdict.KEPT)))
    missing, foreign = reference - kept, kept - reference
    lost, extra = [], []
    for block in blocks:
        own = Counter(tokens(block.text))
        kind = block.kind if block.kind in RENDERED_KINDS else "element"
        if block.verdict is Verdict.KEPT:
            share = sum((own & reference).values()) / max(1, sum(own.values()))
            brought = own & foreign
            if share < FOREIGN_SHARE and brought:
                extra.append(((kind,), sum(brought.values())))
                foreign -= brought
            continue
        taken = own & missing
        if taken:
            rule = block.reason.rule.value if block.reason else "none"
            lost.append(((block.verdict.value, rule, kind), sum(taken.values())))
            missing -= taken
    return lost, extra


def main() -> None:
    if not SCORE.is_file():
        sys.exit(f"no blind check at {SCORE}")
    check: dict[str, Any] = runpy.run_path(str(SCORE), run_name="blind")
    tokens, names, ws = check["tokens"], check["names"], check["ws"]
    lost, extra, authors, dates, openings = Tally(), Tally(), Tally(), Tally(), Tally()
    languages = Tally()
    rejected = Counter[str]()
    as_shipped: list[float] = []
    captions_too: list[float] = []  # (rejected pages score 0 in both, as in the check)
    for number, page in enumerate(check["unseal"](check["SEALED"].read_bytes())):
        html, url = base64.b64decode(page["html"]), page.get("url")
        try:
            inspection = byline.inspect(html, url=url)
            found = candidates(html, url)
        except byline.ExtractionError:
            rejected[_reference_size(page.get("text"), tokens)] += 1
            if page.get("text"):
                as_shipped.append(0.0)
                captions_too.append(0.0)
            continue
        article = inspection.article
        languages.add(language_cause(article), number)
        if page.get("text"):
            as_shipped.append(check["token_f1"](article.body, page["text"]))
            with_captions = " ".join(b.text for b in inspection.blocks if _shown_or_caption(b))
            captions_too.append(check["token_f1"](with_captions, page["text"]))
            dropped, kept = body_causes(inspection.blocks, page["text"], tokens)
            for key, count in dropped:
                lost.add(key, number, count)
            for key, count in kept:
                extra.add(key, number, count)
        if ws(page.get("author")):
            authors.add(author_cause(article, found, page["author"], names, ws), number)
        if page.get("date"):
            dates.add(date_cause(article, found, page["date"]), number)
        if page.get("opening"):
            openings.add(
                opening_cause(inspection.blocks, article.body, page["opening"], ws), number
            )
    print(f"rejected: {rejected.total()}", *(f"({n} {size})" for size, n in rejected.items()))
    shipped, captioned = _mean(as_shipped), _mean(captions_too)
    print(f"body F1 (the check's mean): {shipped:.5f}; with captions as text: {captioned:.5f}")
    lost.print("body: reference tokens dropped, by verdict · rule · kind", "tokens", BODY_ROWS)
    extra.print("body: kept tokens not in the reference, by kind", "tokens")
    authors.print("author: by outcome")
    dates.print("date (day): by outcome")
    openings.print("opening (goose3): by outcome")
    languages.print("language: where the record's came from")


MIN_REFERENCE_TOKENS = 5
"""A reference text shorter than this is a line, no article (what the check scores a rejected
page on is told apart so)."""


def _reference_size(text: str | None, tokens: Callable[[str], list[str]]) -> str:
    if not text:
        return "no reference text"
    short = len(tokens(text)) < MIN_REFERENCE_TOKENS
    return f"reference under {MIN_REFERENCE_TOKENS} tokens" if short else "reference of an article"


def _shown_or_caption(block: Block) -> bool:
    """Kept, or a figure's caption (readability's references keep captions; the dev corpus's
    annotations count them as no article text)."""
    return block.verdict is not Verdict.DROPPED or (
        block.reason is not None and block.reason.rule is Rule.CAPTION
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def author_cause(
    article: byline.Article,
    found: list[AnyCandidate],
    reference: str,
    names: Callable[[str], list[str]],
    ws: Callable[[str], str],
) -> tuple[str, ...]:
    want = names(reference)
    got = names(", ".join(person.name for person in article.authors))
    chosen = article.provenance["authors"].source if "authors" in article.provenance else "-"
    if got == want:
        return ("right", f"from {chosen}")
    offered = {
        name
        for candidate in found
        if candidate.field is Field.AUTHORS and isinstance(candidate.value, list)
        for author in candidate.value
        for name in names(author.name)
    }
    text = ws(reference).casefold()
    among = set(want) <= offered
    return (
        "missed",
        "reference's names among the candidates" if among else "not among them",
        "none chosen" if not got else f"from {chosen}",
        "byline's names all in the reference's text" if got and all(n in text for n in got) else "",
        _why_none(found, want) if among and not got else "",
    )


def _why_none(found: list[AnyCandidate], want: list[str]) -> str:
    """Why the reference's names, offered, made no author: the page calls them an
    organisation (its site or publisher), or the name rules read no person in them."""
    page = PageCandidates(found)
    publisher = choose_publisher(page)
    organisations = organisation_names(page, publisher.value if publisher else None)
    if any(name in organisations for name in want):
        return "named as the site or publisher"
    if not all(is_person_name(name) for name in want):
        return "no person's name to the name rules"
    return "dropped otherwise"


def date_cause(
    article: byline.Article, found: list[AnyCandidate], reference: str
) -> tuple[str, ...]:
    published = article.published.isoformat()[:10] if article.published else None
    source = article.provenance["published"].source if "published" in article.provenance else "-"
    if published == reference:
        return ("right", f"from {source}")
    days = {
        moment.isoformat()[:10]
        for candidate in found
        if candidate.field in (Field.PUBLISHED, Field.MODIFIED)
        and isinstance(moment := getattr(candidate.value, "moment", None), date | datetime)
    }
    if published is None:
        offset = "none chosen"
    else:
        apart = (date.fromisoformat(published) - date.fromisoformat(reference)).days
        offset = "a day apart" if abs(apart) == 1 else ("later" if apart > 0 else "earlier")
    among = "reference's day among the candidates" if reference in days else "not among them"
    return ("missed", offset, among, f"from {source}")


def language_cause(article: byline.Article) -> tuple[str, ...]:
    """Where the record's language came from: a declaration, or the body's words (over
    another declaration or none), or nowhere."""
    if article.language is None:
        return ("none",)
    provenance = article.provenance["language"]
    if provenance.source != "text":
        return ("declared", f"from {provenance.source}")
    declared = "over another declared" if provenance.alternatives else "none declared"
    return ("read from the body", declared)


OPENING_START_CHARS = 40
"""The opening's first characters, by which the block that holds its start is found."""


def opening_cause(
    blocks: list[Block], body: str, opening: str, ws: Callable[[str], str]
) -> tuple[str, ...]:
    """Whether the body holds the ``opening`` (goose3's first characters of the article), and
    if not, what became of the block that holds its start."""
    if opening in ws(body):
        return ("found",)
    start = opening[:OPENING_START_CHARS]
    for block in blocks:
        text = ws(block.text)
        if start in text:
            rule = block.reason.rule.value if block.reason else ""
            runs_on = "runs on past the block" if opening not in text else ""
            return ("missed", block.verdict.value, rule, block.kind, runs_on)
    return ("missed", "in no block")


if __name__ == "__main__":
    main()
