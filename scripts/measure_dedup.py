"""Measure ``byline.pipeline.dedup`` on the development corpus: the figures in its docstring.

    python scripts/measure_dedup.py                        # everything, memory at 1 M records
    python scripts/measure_dedup.py --memory-records 0     # skip the (minutes-long) memory run

Standard library and byline only. Steps:

1. Extract the body of every corpus page with ``byline.extract`` (pages that
   raise ``ExtractionError`` are skipped and counted).
2. False positives: feed every article to one ``Deduplicator`` in corpus order
   and list each one flagged as a duplicate, to be inspected by eye (the
   corpus holds a few genuine duplicates). Also the highest estimated
   similarity between any two articles not flagged: the margin to the threshold.
3. Recall: for each body long enough for near-duplicate checks, make edited
   copies (seeded by the body's position, so runs repeat): a dropped paragraph,
   a new first paragraph with a dateline, ~5 % of words replaced, a 40-word
   footer appended, and all four at once. The copies of one kind (without a
   URL) are fed after the originals into one index; each must point at its
   original's first record. A copy pointing at another story counts as a
   false positive. The combined edit is also broken down by body length.
4. Speed: ``signature`` of the first 700 words of each body that has them.
5. Memory: a ``Deduplicator`` fed N random (so all new) signatures, measured
   with ``tracemalloc``, per record, with and without the id strings.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

import byline  # noqa: E402
from byline.pipeline import dedup  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SPEED_WORDS = 700
CHANGED_WORD_SHARE = 0.05
INTRO_WORDS = 25
MIN_PARAGRAPHS_TO_DROP = 3  # dropping one of two paragraphs would leave half a story
LONG = 10**9
LENGTH_BUCKETS = ((0, 100), (100, 300), (300, LONG))  # body words (CJK text: fewer)
DATELINES = ("BERLIN (AP) —", "NEW YORK (Reuters) -", "PARIS, 12 mars (AFP) -", "WARSAW (dpa) –")
FOOTERS = (  # 40 words each
    "Copyright 2024 The Daily Courier. All rights reserved. This material may not be published,"
    " broadcast, rewritten or redistributed without permission. Follow us on Facebook and"
    " Twitter for the latest news and sign up for our free daily morning newsletter today.",
    "Subscribe to our newsletter for breaking news, analysis and opinion from our reporters"
    " around the world. Have a story tip? Contact our newsroom by email or phone. Comments are"
    " moderated and may take some time to appear on this site.",
    "Diese Meldung wurde automatisch aus dem Agenturfeed übernommen und von der Redaktion nicht"
    " bearbeitet. Alle Rechte vorbehalten. Folgen Sie uns auch auf Facebook, Instagram und X,"
    " um keine Nachrichten mehr zu verpassen, und abonnieren Sie noch heute unseren kostenlosen"
    " Newsletter.",
)
WORD = re.compile(r"\w+")

Edit = Callable[[str, random.Random, list[str]], "str | None"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--memory-records", type=int, default=1_000_000)
    args = parser.parse_args()

    records, skipped = corpus_records(args.corpus)
    print(f"corpus: {len(records)} bodies extracted, {skipped} pages skipped (ExtractionError)")
    signatures = [dedup.signature(url, body) for url, body in records]
    clusters = report_corpus_duplicates(records, signatures)
    report_recall(records, signatures, clusters)
    report_speed([body for _, body in records])
    if args.memory_records:
        report_memory(args.memory_records)


def corpus_records(corpus: Path) -> tuple[list[tuple[str | None, str]], int]:
    """(canonical URL, body) of every corpus page byline extracts, and the number skipped."""
    annotations = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    records, skipped = [], 0
    for url, annotation in annotations.items():
        html = (corpus / "html" / annotation["file"]).read_bytes()
        try:
            article = byline.extract(html, url=url)
        except byline.ExtractionError:
            skipped += 1
            continue
        records.append((article.canonical_url, article.body or ""))
    return records, skipped


def report_corpus_duplicates(
    records: list[tuple[str | None, str]], signatures: list[dedup.Signature]
) -> list[int]:
    """Print the corpus articles flagged as duplicates; each record's first record."""
    index = dedup.Deduplicator()
    clusters = []
    print("\nfalse positives: corpus articles flagged as duplicates (inspect them)")
    for number, sig in enumerate(signatures):
        first = index.first_of(str(number), sig)
        clusters.append(number if first is None else int(first))
        if first is not None:
            print(f"  {number} -> {first}: {records[number][0]}  |  {records[int(first)][0]}")
    print(f"  {sum(c != n for n, c in enumerate(clusters))} flagged")
    distinct = [
        dedup.estimated_jaccard(a.sketch, b.sketch)
        for (i, a), (j, b) in itertools.combinations(enumerate(signatures), 2)
        if a.sketch and b.sketch and clusters[i] != clusters[j]
    ]
    print(f"  highest estimated similarity of two distinct articles: {max(distinct):.3f}")
    return clusters


def report_recall(
    records: list[tuple[str | None, str]], signatures: list[dedup.Signature], clusters: list[int]
) -> None:
    vocabulary = sorted({w for _, body in records for w in WORD.findall(body) if w.isalpha()})
    print(f"\nrecall on edited copies (threshold {dedup.NEAR_THRESHOLD})")
    for name, edit in EDITS.items():
        index = dedup.Deduplicator()
        for number, sig in enumerate(signatures):
            index.first_of(str(number), sig)
        found, wrong, by_length = 0, 0, {bucket: [0, 0] for bucket in LENGTH_BUCKETS}
        copies = []
        for number, (_, body) in enumerate(records):
            if not signatures[number].sketch:
                continue
            copy = edit(body, random.Random(number), vocabulary)
            if copy is None:
                continue
            copy_sig = dedup.signature(None, copy)
            copies.append((clusters[number], copy_sig))
            first = index.first_of(f"copy {number}", copy_sig)
            hit = first == str(clusters[number])
            found += hit
            wrong += first is not None and not hit
            bucket = next(b for b in LENGTH_BUCKETS if b[0] <= len(WORD.findall(body)) < b[1])
            by_length[bucket][0] += hit
            by_length[bucket][1] += 1
        print(
            f"  {name:<8} {found}/{len(copies)} = {found / len(copies):.1%} found,"
            f" {wrong} false positives, highest similarity between copies of distinct"
            f" stories {highest_distinct_similarity(copies):.3f}"
        )
        if name == "combined":
            for (low, high), (hits, total) in by_length.items():
                words = f"{low}+" if high == LONG else f"{low}-{high - 1}"
                print(f"           bodies of {words} words: {hits}/{total}")


def highest_distinct_similarity(copies: list[tuple[int, dedup.Signature]]) -> float:
    return max(
        dedup.estimated_jaccard(a.sketch, b.sketch)
        for (ca, a), (cb, b) in itertools.combinations(copies, 2)
        if ca != cb and a.sketch and b.sketch  # a copy may fall under MIN_NEAR_WORDS
    )


def drop_paragraph(body: str, rng: random.Random, _: list[str]) -> str | None:
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) < MIN_PARAGRAPHS_TO_DROP:
        return None
    del paragraphs[rng.randrange(len(paragraphs))]
    return "\n\n".join(paragraphs)


def add_intro(body: str, rng: random.Random, vocabulary: list[str]) -> str:
    intro = " ".join(rng.choice(vocabulary) for _ in range(INTRO_WORDS))
    return f"{rng.choice(DATELINES)} {intro}.\n\n{body}"


def change_words(body: str, rng: random.Random, vocabulary: list[str]) -> str:
    spans = [match.span() for match in WORD.finditer(body)]
    chosen = sorted(rng.sample(range(len(spans)), max(1, round(CHANGED_WORD_SHARE * len(spans)))))
    pieces, end = [], 0
    for start, stop in (spans[i] for i in chosen):
        pieces += [body[end:start], rng.choice(vocabulary)]
        end = stop
    return "".join([*pieces, body[end:]])


def append_footer(body: str, rng: random.Random, _: list[str]) -> str:
    return f"{body}\n\n{rng.choice(FOOTERS)}"


def all_edits(body: str, rng: random.Random, vocabulary: list[str]) -> str | None:
    shorter = drop_paragraph(body, rng, vocabulary)
    if shorter is None:
        return None
    edited = change_words(add_intro(shorter, rng, vocabulary), rng, vocabulary)
    return append_footer(edited, rng, vocabulary)


EDITS: dict[str, Edit] = {
    "drop": drop_paragraph,
    "intro": add_intro,
    "words": change_words,
    "footer": append_footer,
    "combined": all_edits,
}


def report_speed(bodies: list[str]) -> None:
    samples = [" ".join(words[:SPEED_WORDS]) for b in bodies if len(words := b.split()) >= 700]
    timings = []
    for body in samples:  # the best of a few runs: the least disturbed by other processes
        runs = timeit.repeat(partial(dedup.signature, "https://example.com/a", body), number=1)
        timings.append(min(runs))
    print(
        f"\nspeed: signature of a {SPEED_WORDS}-word body, {len(samples)} bodies:"
        f" median {statistics.median(timings) * 1e3:.3f} ms, max {max(timings) * 1e3:.3f} ms"
    )


def report_memory(count: int) -> None:
    rng = random.Random(0)
    tracemalloc.start()
    index = dedup.Deduplicator()
    id_bytes = 0
    start = time.perf_counter()
    for number in range(count):
        record_id = f"warc:s3://crawl/segment-{number // 1000:05d}.warc.gz@{number * 7919}"
        id_bytes += sys.getsizeof(record_id)
        index.first_of(record_id, random_signature(rng))
    seconds = time.perf_counter() - start
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\nmemory: {count:,} new records indexed in {seconds:.0f} s (under tracemalloc):"
        f" {current / count:.0f} bytes a record with ids, {(current - id_bytes) / count:.0f}"
        f" without; peak while a table grows {peak / count:.0f}"
    )


def random_signature(rng: random.Random) -> dedup.Signature:
    return dedup.Signature(
        url_key=rng.getrandbits(64),
        body_key=rng.getrandbits(64),
        bands=tuple(rng.getrandbits(32) for _ in range(dedup.BAND_COUNT)),
        sketch=rng.randbytes(dedup.SKETCH_BINS),
    )


if __name__ == "__main__":
    main()
