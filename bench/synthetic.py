"""Synthetic news pages and WARC archives, for pipeline tests and benchmarks.

Each page is a complete article page (head metadata, JSON-LD, navigation,
the article, related links, footer) with its own seeded text, so pages
differ as real ones do; ``syndicated_copy`` makes the same story as another
site would run it. Written with warcio, as a crawler would.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

PLACES = ["LONDON", "PARIS", "BERLIN", "NAIROBI", "LIMA", "OSAKA", "OTTAWA", "CAIRO", "OSLO"]
SUBJECTS = [
    "The city council",
    "Regional officials",
    "A group of researchers",
    "The minister",
    "Local farmers",
    "The central bank",
    "Union leaders",
    "Emergency services",
    "The opposition party",
    "Shipping companies",
    "Hospital staff",
    "The court",
]
VERBS = [
    "announced",
    "rejected",
    "delayed",
    "questioned",
    "approved",
    "described",
    "welcomed",
    "criticised",
    "expanded",
    "reviewed",
    "suspended",
    "defended",
]
OBJECTS = [
    "a new plan for the harbour district",
    "the budget for next year",
    "changes to the rail timetable",
    "a report on water quality",
    "the proposal to extend school hours",
    "an agreement with neighbouring towns",
    "the price of public transport",
    "repairs to the old bridge",
    "a study of air pollution near schools",
    "the rules for short-term rentals",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "ta",
    "vo",
    "shi",
    "dar",
    "el",
    "nu",
    "po",
    "qua",
    "ris",
    "sen",
    "tor",
    "ul",
    "ba",
    "cor",
    "fen",
    "gil",
    "ho",
    "jas",
    "mor",
    "zan",
]
WRITERS = [
    "Maria Lopez",
    "John Okafor",
    "Anna Schmidt",
    "Kenji Sato",
    "Claire Dubois",
    "Ravi Menon",
    "Sara Lind",
    "Tom Walsh",
]
TAILS = [
    "after weeks of debate",
    "on Tuesday evening",
    "despite strong objections",
    "according to documents seen by reporters",
    "in a statement to the press",
    "for the second time this year",
    "at a crowded public meeting",
    "without a vote",
]


def article_text(seed: int, paragraphs: int = 8) -> list[str]:
    """Paragraphs of a seeded news story: varied sentences, one direct quotation.

    Names and figures are drawn per story, so two stories share about as few
    three-word phrases as two real articles do.
    """
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    body = []
    for _ in range(paragraphs):
        sentences = [_sentence(rng) for _ in range(rng.randint(2, 4))]
        body.append(" ".join(sentences))
    body[0] = f"{place} (Wire) - {body[0]}"
    body[2] = f'"We will not accept {rng.choice(OBJECTS)} in {_name(rng)}," said {_name(rng)}.'
    return body


def _sentence(rng: random.Random) -> str:
    subject = rng.choice(
        [rng.choice(SUBJECTS), f"{_name(rng)} {_name(rng)}", f"The {_name(rng)} committee"]
    )
    detail = rng.choice(
        [
            f"in {_name(rng)}",
            f"worth {rng.randint(2, 900)} million",
            f"near {_name(rng)} station",
            f"by {rng.randint(2025, 2040)}",
        ]
    )
    return f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {detail} {rng.choice(TAILS)}."


def _name(rng: random.Random) -> str:
    """A made-up proper name: two or three syllables."""
    syllables = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))]
    return "".join(syllables).capitalize()


def article_page(seed: int, site: str = "news.example.org", body: list[str] | None = None) -> str:
    """A whole article page of ``site`` around the story ``seed``."""
    rng = random.Random(seed * 7 + 1)
    writer = WRITERS[seed % len(WRITERS)]
    body = body if body is not None else article_text(seed)
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({seed})"
    published = datetime(2024, 1, 1, 8, tzinfo=UTC) + timedelta(hours=seed * 5)
    url = f"https://{site}/news/{published:%Y/%m/%d}/story-{seed}"
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    related = "\n".join(
        f'<li><a href="/news/story-{seed + k}">Story {seed + k}: more from the city</a></li>'
        for k in range(1, 6)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="description" content="{body[0][:150]}">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published.isoformat()}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{published.isoformat()}",
"author": {{"@type": "Person", "name": "{writer}"}},
"publisher": {{"@type": "Organization", "name": "{site}"}}}}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/culture">Culture</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {writer}, <time datetime="{published.isoformat()}">
{published:%d %B %Y}</time></p>
{paragraphs}
</article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def syndicated_copy(seed: int, site: str) -> str:
    """The story ``seed`` as another site runs it: its own intro line, one paragraph cut."""
    body = article_text(seed)
    edited = [f"This story was first published by our partners at {site}.", *body[:-2], body[-1]]
    return article_page(seed, site=site, body=edited)


def write_warc(path: Path, pages: Iterable[tuple[str, bytes]], gzip: bool = True) -> None:
    """A WARC of HTTP 200 ``text/html`` responses for (url, html) pairs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=gzip)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), http_headers=headers
            )
            writer.write_record(record)


def corpus(count: int, sites: int = 5) -> Iterator[tuple[str, bytes]]:
    """``count`` (url, html) pages over a few sites; every tenth is a syndicated copy."""
    for n in range(count):
        site = f"site{n % sites}.example.org"
        html = syndicated_copy(n - 9, site) if n % 10 == 9 else article_page(n, site)
        yield f"https://{site}/news/story-{n}", html.encode("utf-8")
