"""The weights that decide between sources and places, pinned by behaviour.

Each test is a small hand-written page on which a tuning constant decides the answer:
zeroing that constant (or reordering a trust table) changes what ``byline.extract``
returns, and the test fails. Only the public API is used, so the tests hold however the
extraction core is arranged inside.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import byline

URL = "https://news.example.com/2021/03/14/council-votes-to-widen-the-quay.html"
"""A dated article URL: its path says the story was published on 14 March 2021."""

HEADLINE = "Council votes to widen the quay"
PARAGRAPH = (
    "<p>The council met on Tuesday evening to settle the harbour plan, and after a long "
    "debate the members voted to widen the old quay before the winter storms arrive, so "
    "that the ferries can berth side by side when the sea runs high.</p>"
)

TIME_20_MARCH = '<time datetime="2021-03-20T09:00:00+01:00">20 March 2021</time>'
AT_9_ON_20_MARCH = datetime(2021, 3, 20, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def page(*, head: str = "", byline_line: str = "", after: str = "") -> str:
    """A news page: headline, a byline line under it, three paragraphs, then ``after``."""
    return f"""<!doctype html>
<html lang="en"><head><title>{HEADLINE}</title>{head}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<p>{byline_line}</p>
{PARAGRAPH * 3}
{after}
</article></main>
<footer><p>Contact the newsroom</p></footer>
</body></html>"""


def published(html: str, url: str | None = None) -> date | datetime | None:
    return byline.extract(html, url=url).published


# --- dates: the URL against the page ------------------------------------------------------


def test_a_url_date_outweighs_a_time_element_alone():
    # The URL path is the steadiest statement of the publication day (DATE_VOTE_WEIGHT
    # "url" 1.2 against the visible page's 0.9): a lone <time> naming another day loses.
    html = page(byline_line=f"By Ann Example, {TIME_20_MARCH}")
    assert published(html) == AT_9_ON_20_MARCH  # the <time> is what the page alone says
    assert published(html, URL) == date(2021, 3, 14)


def test_a_time_element_that_metadata_confirms_outweighs_the_url():
    # The <time> near the headline is the page's date (KIND_TIME beats a bare date in the
    # text), and with the OpenGraph date agreeing, its day outvotes the URL's.
    opengraph = '<meta property="article:published_time" content="2021-03-20T09:00:00+01:00">'
    html = page(
        head=opengraph,
        byline_line=f"By Ann Example, {TIME_20_MARCH}",
        after="<p>5 May 2021</p>",
    )
    assert published(html, URL) == AT_9_ON_20_MARCH


def test_a_microdata_date_outweighs_a_time_element_alone():
    # Microdata is written for machines by the CMS (DATE_VOTE_WEIGHT 1.0 against the
    # visible page's 0.9).
    html = page(byline_line='By Ann Example, <time datetime="2021-03-21">21 March 2021</time>')
    html = html.replace(
        "<article>",
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<meta itemprop="datePublished" content="2021-03-20T09:00:00+01:00">',
    )
    assert published(html) == AT_9_ON_20_MARCH


def test_when_the_url_and_the_metadata_agree_on_the_day_the_metadata_is_credited():
    # Within the winning day the more trusted source (PRIORITY "published": the URL last)
    # gives the value and is named as its source.
    html = page(head='<meta property="article:published_time" content="2021-03-14">')
    article = byline.extract(html, url=URL)
    assert article.published == date(2021, 3, 14)
    assert article.provenance["published"].source == "opengraph"


# --- dates: places on the page ------------------------------------------------------------


def test_a_date_property_beats_a_bare_date_in_the_text():
    # An element that declares its date (KIND_PROPERTY, here RDFa) is the page's date,
    # before a date that merely stands in the text further down.
    stamp = '<span property="dc:date" content="2021-03-20T09:00:00+01:00">Saturday</span>'
    html = page(byline_line=f"By Ann Example, {stamp}", after="<p>5 May 2021</p>")
    assert published(html) == AT_9_ON_20_MARCH


def test_the_date_under_the_headline_beats_the_date_of_the_site_header():
    # Sites print today's date in their header, far above the story: the date just under
    # the headline, inside the article, is the story's (AFTER_HEADLINE_BONUS and
    # IN_ARTICLE_BONUS outweigh the <time> element's own weight; the header's date comes
    # first in the page and would win a tie).
    today = '<div class="topbar"><time datetime="2021-03-21">Sunday, 21 March 2021</time></div>'
    html = page(byline_line="20 March 2021").replace("<header>", "<header>" + today + "\n" * 12)
    assert published(html) == date(2021, 3, 20)


# --- titles -------------------------------------------------------------------------------


def test_a_short_trailing_title_segment_is_taken_for_the_site_name():
    # Without a heading or any other title, "Headline - Site" loses its last segment
    # (TITLE_SUFFIX_MAX_WORDS words at most, after a segment twice as long).
    html = page().replace(f"<h1>{HEADLINE}</h1>", "")
    html = html.replace(
        f"<title>{HEADLINE}</title>", f"<title>{HEADLINE} - Harbour Gazette</title>"
    )
    assert byline.extract(html).title == HEADLINE


def test_a_heading_that_only_contains_the_metadata_title_is_kept_whole():
    # The metadata title is most of the heading's words, not the other way round
    # (HEADING_IN_TITLE): the heading is no copy of it, and readers see the heading.
    heading = f"{HEADLINE}: what it means for the ferries and the fishing fleet"
    html = page(head=f'<meta property="og:title" content="{HEADLINE}">')
    html = html.replace(f"<h1>{HEADLINE}</h1>", f"<h1>{heading}</h1>")
    assert byline.extract(html).title == heading


# --- authors ------------------------------------------------------------------------------


def test_the_byline_under_the_headline_beats_an_author_element_far_below():
    # Articles print their own byline just below the headline (NEAR_HEADLINE_BONUS,
    # falling off over NEAR_HEADLINE_FALLOFF source lines); an element marked "author"
    # at the end of a long story is another matter (an author box, a comment).
    story = "\n".join([PARAGRAPH] * 70)
    html = page(byline_line="By Bob Other", after=f'{story}<p class="author">Ann Example</p>')
    assert [person.name for person in byline.extract(html).authors] == ["Bob Other"]


# --- main text ----------------------------------------------------------------------------


def test_a_list_of_links_inside_the_article_is_left_out():
    # A list whose text is mostly link text (LIST_LINK_DENSITY) is navigation, not story.
    links = (
        '<ul><li><a href="/plan">The harbour plan</a></li>'
        '<li><a href="/ferries">Ferry timetables</a></li>'
        '<li><a href="/map">A map of the quay</a></li></ul>'
    )
    body = byline.extract(page(after=links + PARAGRAPH)).body
    assert "widen the old quay" in body
    assert "Ferry timetables" not in body
