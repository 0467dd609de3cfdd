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
    return _ARTICLE_PAGE.format(
        site=site,
        title=title,
        writer=writer,
        url=url,
        paragraphs=paragraphs,
        related=related,
        published=published.isoformat(),
        day=f"{published:%d %B %Y}",
        description=body[0][:150],
        chrome=_site_chrome(site),
        teasers=_teasers(rng),
        comments=_comments(rng),
    )


def _site_chrome(site: str) -> dict[str, str]:
    """What every page of a site repeats: styles, scripts, a mega menu, a fat footer.

    Real news pages carry 100-300 KB of this around a 5 KB story; extraction
    speed depends on it.
    """
    rng = random.Random(site)
    sections = [_name(rng) for _ in range(60)]
    menu = "\n".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in sections)
    footer = "\n".join(f'<a href="/about/{s.lower()}">{s} {_name(rng)}</a>' for s in sections)
    script = "".join(
        f"window.cfg{n}={{slot:'{_name(rng)}',size:[{n},{n * 2}],lazy:true}};" for n in range(400)
    )
    style = "".join(f".c{n}{{margin:{n}px;color:#{n:06x}}}" for n in range(300))
    return {"menu": menu, "footer": footer, "script": script, "style": style}


def _teasers(rng: random.Random) -> str:
    return "\n".join(
        f'<div class="teaser"><a href="/news/{rng.randint(1, 9999)}"><img src="/img/{n}.jpg" '
        f'alt=""><h3>{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}</h3></a>'
        f"<span>{rng.randint(1, 59)} minutes ago</span></div>"
        for n in range(20)
    )


def _comments(rng: random.Random) -> str:
    return "\n".join(
        f'<li class="comment"><b>{_name(rng)}</b> <p>{_sentence(rng)}</p>'
        f'<a href="#reply">Reply</a></li>'
        for _ in range(8)
    )


_ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="description" content="{description}">
<style>{chrome[style]}</style>
<script>{chrome[script]}</script>
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{published}",
"author": {{"@type": "Person", "name": "{writer}"}},
"publisher": {{"@type": "Organization", "name": "{site}"}}}}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header><nav><ul class="menu">{chrome[menu]}</ul></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {writer}, <time datetime="{published}">{day}</time></p>
{paragraphs}
</article>
<section class="comments"><h2>Comments</h2><ul>{comments}</ul></section>
<aside><h2>Related stories</h2><ul>{related}</ul><div class="most-read">{teasers}</div></aside>
</main>
<footer><p>&copy; 2024 {site}. All rights reserved.</p><nav>{chrome[footer]}</nav></footer>
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
