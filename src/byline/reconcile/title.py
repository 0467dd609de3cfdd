"""The title: the headline readers see, confirmed by the page's metadata, without the site's
name that metadata titles carry."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote

from byline.dates import is_date_line
from byline.document import site_of, split_address, words_in_any_script
from byline.fields import Field, Source
from byline.reconcile.choice import Choice, PageCandidates, alternatives, clean_text, folded
from byline.reconcile.trust import by_trust
from byline.sources.candidate import AnyCandidate

# " | Site", " - Site", " – Site", " — Site", " :: Site", " » Site", " « Site" (WordPress's
# old default), " · Site", " > Site"
_TITLE_SEPARATORS: Final = re.compile(
    r"\s+[|\-–—:»«›‹·•/>]{1,2}\s+"
    r"|(?<=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])[|｜\-_–—]"
    r"(?=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])"
)
"""Also unspaced between Chinese, Japanese or Korean characters, as those sites write it
("武汉的声音：...！-新华网", "标题_百度百科", "見出し｜サイト")."""
TITLE_SEPARATOR_CHARS: Final = " |-–—:»«›‹·•/>｜_"
"""The characters of the separators, stripped from what a site's name leaves of a title."""
_SEPARATOR_AT_END: Final = re.compile(f"(?:{_TITLE_SEPARATORS.pattern})$")
_FOLDER_WORD_BREAKS: Final = re.compile(r"[-_+.]")
TITLE_SUFFIX_MAX_WORDS: Final = 6
"""A trailing title segment this short, after a longer one, is taken for the site name."""
Titled = tuple[Source, str]
"""A title and the source that gives it."""


def site_names(found: PageCandidates) -> set[str]:
    """The names the site gives itself (its name, its publishers' names, the host of its
    canonical address), folded."""
    names = {clean_text(c.value) for c in found.texts(Field.SITE_NAME)}
    names |= {clean_text(c.value.name) for c in found.publishers()}
    names |= {_host(c.value) for c in found.texts(Field.CANONICAL_URL)}  # "example.de"
    return {name.casefold() for name in names if name}


def _host(url: str | None) -> str | None:
    """The site an address names ("mediaarchitecture.de"); none for a host without a domain
    ("localhost")."""
    site = site_of(url)
    return site if site and "." in site else None


def choose_title(candidates: list[AnyCandidate], url: str | None = None) -> Choice[str] | None:
    """The title of a page's candidates (see ``title_of``); the host of the page's ``url``
    names the site too (a logo heading "mediaarchitecture.de"), and the folders of its path
    the sections a title may name ("Headline | Economia | G1" at ``/economia/noticia/...``)."""
    found = PageCandidates(candidates)
    names = site_names(found)
    host = _host(url)
    return title_of(found, names | {host} if host else names, _folders(url))


def _folders(url: str | None) -> set[str]:
    """The folders of ``url``'s path, as words ("/wirtschaft-und-finanzen/" -> "wirtschaft und
    finanzen"), folded; not the page's own name (the last, with or without a slash after it),
    nor numbers (a date's)."""
    parts = split_address(url)
    if parts is None:
        return set()
    *folders, _ = parts.path.rstrip("/").split("/")
    words = (" ".join(_FOLDER_WORD_BREAKS.sub(" ", unquote(f)).split()) for f in folders)
    return {folded(name) for name in words if name and not name.replace(" ", "").isdigit()}


def title_of(
    found: PageCandidates, site_names: set[str], folders: Collection[str] = ()
) -> Choice[str] | None:
    """The headline readers see, confirmed by the page's own metadata.

    A visible heading (``headline`` candidates: the page's h1s) wins when some
    title source agrees with it, because metadata titles carry site names and
    social-media rewrites. Otherwise the most trusted metadata title, with a
    site-name suffix removed. Every other title as written is an alternative.
    """
    written = [
        (c.source, text)
        for c in by_trust(Field.TITLE, found.texts(Field.TITLE))
        if (text := clean_text(c.value))
    ]
    headings = [
        (c.source, text) for c in found.texts(Field.HEADLINE) if (text := clean_text(c.value))
    ]
    confirmed = _confirmed_heading(written, headings, site_names)
    sections = {folded(name) for c in found.texts(Field.SECTION) if (name := clean_text(c.value))}
    chosen = (confirmed and _shown_alone(confirmed, headings)) or _unconfirmed_title(
        written, headings, site_names, sections, folders
    )
    if chosen is None:
        return None
    source, title = chosen
    # The page's main heading is a title candidate; its other headings are not.
    others = [(s, v) for s, v in written + headings[:1] if (s, v) != chosen]
    return Choice(title, source, alternatives(title, others))


def _confirmed_heading(
    written: list[Titled], headings: list[Titled], site_names: set[str]
) -> Titled | None:
    """The heading that best agrees with a title of the page's metadata, if any does.

    Agreement is by words, so dashes, quotes and a " | Site" part do not matter.
    A heading agrees fully when most of its words are in the title and it covers
    most of the title once the site name is removed; it agrees in part when it
    is the longest segment of a "Site » Section » Headline" title. The closest
    agreement wins. Only when no whole heading agrees is a part of one tried
    ("Local News | Headline"); a heading that holds the whole title gives the title.
    """
    parts = [
        (source, heading[slice(*span)])
        for source, heading in headings
        if len(spans := _segment_spans(heading)) > 1
        for span in spans
    ]
    titles = [_TitleWords.of(title, site_names) for _, title in written]
    return _best_agreeing(headings, titles) or _best_agreeing(parts, titles)


def _shown_alone(chosen: Titled, headings: list[Titled]) -> Titled:
    """The heading that shows alone the first segment of the ``chosen`` one, when the rest
    is short: GnuBoard's h1 "Subject > Board" (as its title reads) above an h2 "Subject"."""
    text = chosen[1]
    spans = _segment_spans(text)
    rest = [text[slice(*span)] for span in spans[1:]]
    if not rest or any(_word_count(part) > TITLE_SUFFIX_MAX_WORDS for part in rest):
        return chosen
    key = folded(text[slice(*spans[0])])
    return next(((s, heading) for s, heading in headings if folded(heading) == key), chosen)


@dataclass(frozen=True, slots=True)
class _TitleWords:
    """A metadata title as headings are compared with it: its words, the words of its core
    (the title less its site name) and of each of its segments. Measured once per title:
    every heading and every part of one is compared with every title."""

    core: str
    words: frozenset[str]
    core_words: frozenset[str]
    segments: list[frozenset[str]]

    @staticmethod
    def of(title: str, site_names: set[str]) -> _TitleWords:
        core = strip_site_name(title, site_names) or title
        return _TitleWords(
            core,
            frozenset(_words(title)),
            frozenset(_words(core)),
            [frozenset(_words(title[slice(*span)])) for span in _segment_spans(title)],
        )


def _best_agreeing(headings: list[Titled], titles: list[_TitleWords]) -> Titled | None:
    best, best_score = None, 0.0
    for source, heading in headings:
        words = set(_words(heading))
        if not words:
            continue
        for title in titles:
            score = _agreement(words, title)
            if score > best_score:
                best, best_score = (source, _title_inside(heading, title.core)), score
    return best


def _agreement(words: set[str], title: _TitleWords) -> float:
    """0 when a heading's ``words`` do not agree with ``title``; higher the closer they are."""
    core = title.core_words
    in_title = len(words & title.words) / len(words)
    recall = len(words & core) / max(len(core), 1)
    if in_title >= HEADING_IN_TITLE and recall >= HEADING_COVERS_TITLE:
        return 2 + recall + len(words & core) / len(words)
    segments = title.segments
    longest = max(segments, key=len)
    if (
        len(segments) > 1
        and words == longest
        and sum(len(s) == len(longest) for s in segments) == 1
    ):
        return 1 + len(words) / max(len(title.words), 1)
    return 0.0


def _title_inside(heading: str, title: str) -> str:
    """``title`` as written in ``heading`` when the heading holds it whole, else the heading."""
    start = heading.lower().find(title.lower())
    if start == -1 or len(title) == len(heading):
        return heading
    return heading[start : start + len(title)]


def _unconfirmed_title(
    written: list[Titled],
    headings: list[Titled],
    site_names: set[str],
    sections: set[str],
    folders: Collection[str] = (),
) -> Titled | None:
    """The title when no heading agrees with the metadata: the page's main heading, if any.

    Metadata titles are often rewritten for search engines and social media, while the
    main heading is what readers see (on the corpus, the main heading is right twice as
    often as the metadata title when the two disagree). A main heading that is the
    site's name (a logo h1: the site name, or a segment at one end of the title) is not
    a headline; the metadata title without its site name is used then.
    """
    main_heading = headings[0] if headings else None
    names = site_names | {folded(heading) for _, heading in headings}
    title = next(
        (
            (source, stripped)
            for source, value in written
            if (stripped := strip_site_name(value, names, sections, folders))
        ),
        None,
    )
    if main_heading and not _is_site_name(main_heading[1], written, site_names):
        return main_heading
    return title


def _is_site_name(heading: str, written: list[Titled], site_names: set[str]) -> bool:
    """Whether the main heading is the site's name: it names the site, or it is a segment at
    one end of a metadata title whose other segments do not name the site (in "Headline »
    Site - Tagline", the heading at the start is the headline), unless it opens a title of
    two no shorter than what follows it ("Headline | Site" is the common order; a site
    before its headline is shorter: "Bake It - Best lemon cake recipe ever")."""
    if _names_site(heading, site_names):
        return True
    key = folded(heading)
    if _prefixes_a_title(key, written):
        return True
    for _, title in written:
        segments = [title[slice(*span)] for span in _segment_spans(title)]
        if len(segments) < 2 or key not in {folded(segments[0]), folded(segments[-1])}:
            continue
        first, *rest = segments
        if key == folded(first) and _no_shorter(first, rest):
            continue  # a headline opens the title: "Headline - Section - Site - Powered by X"
        others = [part for part in segments if folded(part) != key]
        if not any(_names_site(part, site_names) for part in others):
            return True
    return False


def _no_shorter(first: str, rest: list[str]) -> bool:
    """Whether ``first`` has no fewer words than any of ``rest``, by spaces or, in scripts
    written without them, by characters ("蔡健雅_百度百科" is a tie of one word each)."""
    return any(
        count(first) >= max(map(count, rest)) for count in (_word_count, words_in_any_script)
    )


def _word_count(text: str) -> int:
    return len(_words(text))


def _prefixes_a_title(key: str, written: list[Titled]) -> bool:
    """Whether the heading ``key`` (folded) opens or ends a metadata title whose rest is
    another metadata title: Blogger's "Blog name: Post title" beside the post's own title."""
    others = {folded(title) for _, title in written}
    for _, title in written:
        whole = folded(title)
        if whole == key or key not in (whole[: len(key)], whole[-len(key) :]):
            continue
        rest = whole[len(key) :] if whole.startswith(key) else whole[: -len(key)]
        if rest.strip(TITLE_SEPARATOR_CHARS) in others:
            return True
    return False


HEADING_IN_TITLE: Final = 0.8
"""Share of a heading's words that must appear in a metadata title for them to agree."""

HEADING_COVERS_TITLE: Final = 0.6
"""Share of the title's words (site name removed) the heading must cover: a short
heading inside a long title is the site's name, not the headline."""

_WORDS: Final = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def strip_site_name(
    title: str | None,
    site_names: set[str],
    sections: Collection[str] = (),
    folders: Collection[str] = (),
) -> str | None:
    """``title`` without " | Site Name" parts at its start or end, nor the page's
    ``sections`` (folded: "Headline | News | Site"), as written otherwise. The ``folders`` of the
    page's address name sections too, after the headline only ("Briefe - Blog - Site" at
    ``/blog/briefe/...`` is the post "Briefe")."""
    if not title:
        return None
    title = _without_whole_site_name(title, site_names)
    spans = _segment_spans(title)
    if len(spans) < 2:
        return title
    first, last = 0, len(spans) - 1
    while first <= last and _is_decoration(title[slice(*spans[first])], site_names, sections):
        first += 1
    trailing = {*sections, *folders}
    while last >= first and _is_decoration(title[slice(*spans[last])], site_names, trailing):
        last -= 1
    if first > last:  # every part decorates: a section's page ("Yoghurts | Site")
        return strip_site_name(title, site_names) if trailing else title
    if (first, last) != (0, len(spans) - 1):
        return title[spans[first][0] : spans[last][1]]
    head, tail = title[: spans[-1][0]], title[slice(*spans[-1])]
    head = head.rstrip(TITLE_SEPARATOR_CHARS)
    if len(tail.split()) <= TITLE_SUFFIX_MAX_WORDS and len(head) > 2 * len(tail):
        return head
    return title


def _segment_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of each part of ``title`` between separators."""
    spans, start = [], 0
    for separator in _TITLE_SEPARATORS.finditer(title):
        spans.append((start, separator.start()))
        start = separator.end()
    spans.append((start, len(title)))
    return spans


def _without_whole_site_name(title: str, site_names: set[str]) -> str:
    """``title`` less a site name of several segments that ends or opens it whole ("Headline
    » Site - Tagline", the site calling itself "Site - Tagline"), which no one segment names."""
    key = title.casefold()
    if len(key) != len(title):
        return title  # (casefolding changed its length, "ß" -> "ss": no index maps back)
    for name in site_names:
        if len(_segment_spans(name)) < 2 or len(name) >= len(key):
            continue
        if key.endswith(name) and (cut := _SEPARATOR_AT_END.search(title, 0, len(key) - len(name))):
            return title[: cut.start()]
        if key.startswith(name) and (cut := _TITLE_SEPARATORS.match(title, len(name))):
            return title[cut.end() :]
    return title


def _is_decoration(part: str, site_names: set[str], sections: Collection[str] = ()) -> bool:
    """A title segment that is no part of the headline: the site's name, the page's section,
    or a date and time alone ("Headline : 06.11.2023, 11.41 Uhr")."""
    return _names_site(part, site_names) or folded(part) in sections or is_date_line(part)


def _names_site(part: str, site_names: set[str]) -> bool:
    key = part.casefold().strip()
    return any(name == key or (len(name) > 3 and name in key) for name in site_names)
