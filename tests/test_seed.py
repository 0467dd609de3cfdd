"""The seed page, field by field: what the finished ``byline.extract`` must return.

``tests/fixtures/sputnik_seed.html`` is our own markup for the page whose flattened
text is ``shared/seed/000_5708c330b5549860.txt``: a wire-style story with full
metadata (meta, Open Graph, Twitter, a sloppy JSON-LD block) and the boilerplate
real news pages carry around the body.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import lxml.html
import pytest
from conftest import SEED_URL, SHARED, fixture_text

import byline

TITLE = "Japan, France Agree to Strengthen Defense Cooperation"
TITLE_TAG = f"{TITLE} - 23.06.2023, Sputnik International"
DESCRIPTION = (
    "Japanese Foreign Minister Yoshimasa Hayashi and his French counterpart, Catherine "
    "Colonna, have agreed to strengthen defense ties, the Japanese Foreign Ministry said "
    "on Friday."
)
TAGS = [
    "yoshimasa hayashi",
    "emmanuel macron",
    "japan",
    "france",
    "nato",
    "japanese foreign ministry",
]
KEYWORDS = ["japanese foreign ministry", "yoshimasa hayashi", "catherine colonna"]
SPEAKABLE = [
    "/html/head/meta[@name='og:title']/@content",
    "/html/head/meta[@name='og:description']/@content",
]
IMAGE_BASE = "https://cdn1.img.sputnikglobe.com/img/07e7/06/17/1111416138_"
CROP_WIDE = IMAGE_BASE + "0:160:3072:1888_1920x0_80_0_0_18ea49c387213f0ccbe027abe653931c.jpg"
CROP_43 = IMAGE_BASE + "171:0:2902:2048_1920x0_80_0_0_97777860a23c17bc799e2629cbe8c44d.jpg"
THUMBNAIL_MARK = "_300x0_"
"""Teaser, related-story and sidebar thumbnails carry this size; none is an article image."""

QUOTE_START = "The Ministers concurred"
QUOTED_PARAGRAPH = (
    '"The Ministers concurred to set up a working group on economic security in the '
    "diplomatic sphere. They also concurred that they continue to promote concrete "
    "cooperation, such as the port call of the French frigate 'Lorraine' to the Port of "
    'Tokyo and joint training with the Maritime and Air Self-Defense Forces," the ministry '
    "said."
)
PARAGRAPHS = [
    "MOSCOW (Sputnik) - " + DESCRIPTION,
    "Hayashi and Colonna met on Thursday on the sidelines of the Summit for a New Global "
    "Financing Pact in Paris.",
    QUOTED_PARAGRAPH,
    "In addition to security and defense, Japan's top diplomat welcomed the progress of "
    "bilateral relations in such areas as the economy, science and technology, global "
    "engagement, and cultural and people-to-people exchanges, the ministry said.",
    "The two ministers also discussed Russia sanctions and support for Ukraine, but not the "
    "potential opening of a NATO office in Tokyo, according to the ministry's statement.",
    "Earlier in June, the Financial Times reported that French President Emmanuel Macron "
    "voiced opposition to the idea of opening NATO’s first representative office in Asia, "
    "as such a move would antagonize China.",
]

BOILERPLATE = [
    # cookie banner
    "stores small files called cookies",
    "Read our cookie policy",
    "Accept and close",
    # header and menu
    "Listen live",
    "Science & Tech",
    "Multimedia",
    "Analysis",
    # header of the story, outside the body
    "09:33 GMT",
    "Updated:",
    "speaks to reporters in Tokyo",
    "AP Photo",
    # share bar and follow box
    "Share this story",
    "Copy link",
    "Telegram",
    "Facebook",
    "Rumble",
    # the "Read also" teaser between two paragraphs, and the ad slot's script
    "Read also",
    "Paris Pushes Back Against Plans for Alliance Liaison Office in Asia",
    "7 June, 14:12 GMT",
    "adQueue",
    # tag list (lower-case as listed; the body names these people capitalised)
    "Topics in this story",
    "emmanuel macron",
    "japanese foreign ministry",
    # comments teaser
    "Discussion",
    "join the conversation",
    # related stories
    "More on this topic",
    "Tokyo Hosts Regional Talks on Maritime Security",
    "French Navy Vessel Heads East",
    "Defense Spending Debate Heats Up",
    # latest-news sidebar
    "Latest news",
    "Grain Shipments Stall Again",
    "Heatwave Grips Southern Europe",
    "Central Bank Holds Key Rate Steady",
    "All news",
    # newsletter
    "Morning Briefing",
    "five most important stories",
    "Subscribe",
    # footer
    "Terms of use",
    "Privacy policy",
    "All rights reserved",
    "Reproduction of materials",
]


# --- fixture sanity: the page really is the seed ------------------------------------


def test_fixture_body_matches_the_seed_text() -> None:
    seed_file = SHARED / "seed" / "000_5708c330b5549860.txt"
    if not seed_file.exists():
        pytest.skip("shared seed not available")
    lines = seed_file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == SEED_URL
    visible = "\n".join(lines[-7:]).replace("NATO\noffice", "NATO office").split("\n")
    assert visible == PARAGRAPHS


def test_every_boilerplate_string_is_on_the_page(seed_html: bytes) -> None:
    # a boilerplate check is only worth something if the string is there to leak
    page_text = " ".join(lxml.html.fromstring(seed_html).text_content().split())
    assert [text for text in BOILERPLATE if text not in page_text] == []


# --- head metadata ---------------------------------------------------------------------


def test_title_has_no_site_suffix(seed_article: byline.Article) -> None:
    assert seed_article.title == TITLE


def test_description(seed_article: byline.Article) -> None:
    assert seed_article.description == DESCRIPTION


def test_published_and_modified_are_aware_datetimes(seed_article: byline.Article) -> None:
    assert seed_article.published == datetime(2023, 6, 23, 9, 33, tzinfo=UTC)
    assert seed_article.modified == datetime(2023, 6, 23, 9, 46, tzinfo=UTC)
    assert isinstance(seed_article.published, datetime)
    assert seed_article.published.utcoffset() is not None
    assert isinstance(seed_article.modified, datetime)
    assert seed_article.modified.utcoffset() is not None


def test_to_dict_is_json_ready_with_iso_dates(seed_article: byline.Article) -> None:
    data = seed_article.to_dict()
    assert data["published"] == "2023-06-23T09:33:00+00:00"
    assert data["modified"] == "2023-06-23T09:46:00+00:00"
    assert json.loads(json.dumps(data, ensure_ascii=False))["title"] == TITLE


def test_section_tags_keywords(seed_article: byline.Article) -> None:
    assert seed_article.section == "military"
    assert seed_article.tags == TAGS
    assert seed_article.keywords == KEYWORDS


def test_language_from_locale_and_lang(seed_article: byline.Article) -> None:
    assert seed_article.language == "en"


def test_canonical_url(seed_article: byline.Article) -> None:
    assert seed_article.url == SEED_URL
    assert seed_article.canonical_url == SEED_URL


def test_speakable_selectors(seed_article: byline.Article) -> None:
    assert seed_article.speakable == SPEAKABLE


# --- images ----------------------------------------------------------------------------


def test_main_image_is_the_first_crop(seed_article: byline.Article) -> None:
    assert seed_article.main_image == CROP_WIDE


def test_images_hold_both_crops_once_with_absolute_urls(seed_article: byline.Article) -> None:
    urls = [image.url for image in seed_article.images]
    assert urls[0] == CROP_WIDE
    assert CROP_43 in urls
    # the lead figure's protocol-relative src is the first crop again: one entry, absolute
    assert len(urls) == len(set(urls))
    assert all(url.startswith("https://") for url in urls)
    assert not [url for url in urls if THUMBNAIL_MARK in url]


def test_image_sizes_are_integers(seed_article: byline.Article) -> None:
    by_url = {image.url: image for image in seed_article.images}
    assert (by_url[CROP_WIDE].width, by_url[CROP_WIDE].height) == (1920, 1080)
    # the JSON-LD gives this crop's size as strings: the record holds ints
    assert (by_url[CROP_43].width, by_url[CROP_43].height) == (1920, 1440)


# --- who published it ------------------------------------------------------------------


def test_publisher(seed_article: byline.Article) -> None:
    publisher = seed_article.publisher
    assert publisher is not None
    assert publisher.name == "Sputnik International"
    assert publisher.email == "feedback@sputniknews.com"
    assert publisher.telephone == "+74956456601"
    assert publisher.parent == "MIA „Rosiya Segodnya“"
    assert publisher.logo == "https://sputnikglobe.com/i/logo/logo-social.png"


def test_agency_byline_gives_no_person_author(seed_article: byline.Article) -> None:
    # JSON-LD author is the Organization "Sputnik International": nobody is named
    assert seed_article.authors == []


# --- the body --------------------------------------------------------------------------


def test_body_is_exactly_the_six_paragraphs(seed_article: byline.Article) -> None:
    assert seed_article.body is not None
    assert seed_article.body.split("\n\n") == PARAGRAPHS


def test_body_opens_with_dateline_and_ends_with_last_sentence(
    seed_article: byline.Article,
) -> None:
    body = seed_article.body or ""
    assert body.startswith("MOSCOW (Sputnik) - Japanese Foreign Minister")
    assert body.endswith("antagonize China.")
    assert QUOTED_PARAGRAPH in body


def test_body_joins_the_stray_line_break(seed_article: byline.Article) -> None:
    body = seed_article.body or ""
    assert "a NATO office in Tokyo" in body
    assert "NATO\noffice" not in body


@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_body_has_no_boilerplate(seed_article: byline.Article, boilerplate: str) -> None:
    assert boilerplate not in (seed_article.body or "")


def test_body_html_is_safe_and_holds_the_same_text(seed_article: byline.Article) -> None:
    html = seed_article.body_html
    assert html
    lowered = html.lower()
    assert "<script" not in lowered
    assert "adqueue" not in lowered
    assert "onclick" not in lowered
    # the same characters in the same order (block tags need not leave spaces behind);
    # figure captions are in the HTML's figures but not in the text
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for caption in fragment.findall(".//figcaption"):
        caption.drop_tree()
    text = fragment.text_content()
    assert "".join(text.split()) == "".join((seed_article.body or "").split())


def test_word_count(seed_article: byline.Article) -> None:
    assert seed_article.word_count == len((seed_article.body or "").split())
    assert seed_article.word_count == len(" ".join(PARAGRAPHS).split())


# --- what the body says ----------------------------------------------------------------


def test_dateline(seed_article: byline.Article) -> None:
    dateline = seed_article.dateline
    assert dateline is not None
    assert dateline.place == "MOSCOW"
    assert dateline.agency == "Sputnik"
    assert dateline.date is None
    assert dateline.text.startswith("MOSCOW (Sputnik)")
    assert (seed_article.body or "").startswith(dateline.text)


def test_quote_without_its_quotation_marks_and_with_speaker(
    seed_article: byline.Article,
) -> None:
    matches = [q for q in seed_article.quotes if q.text.startswith(QUOTE_START)]
    assert len(matches) == 1, seed_article.quotes
    quote = matches[0]
    assert "Maritime and Air Self-Defense Forces" in quote.text
    assert "'Lorraine'" in quote.text  # inner quotation marks belong to the quote
    assert not quote.text.endswith(('"', "”")), quote.text
    assert "the ministry said" not in quote.text
    assert quote.speaker == "the ministry"


def test_a_name_in_single_quotes_is_not_a_quotation(seed_article: byline.Article) -> None:
    assert "Lorraine" not in [q.text for q in seed_article.quotes]


# --- provenance ------------------------------------------------------------------------


def test_title_comes_from_a_source_that_carries_it_exactly(
    seed_article: byline.Article,
) -> None:
    # json-ld headline, og:title, twitter:title and the <h1> all say TITLE exactly;
    # the <title> element carries a suffix and must not be the source
    assert seed_article.provenance["title"].source in {"json-ld", "opengraph", "twitter", "dom"}


def test_title_alternatives_record_the_suffixed_title_tag(seed_article: byline.Article) -> None:
    alternatives = seed_article.provenance["title"].alternatives
    assert any(" ".join(str(alt.value).split()) == TITLE_TAG for alt in alternatives), alternatives


def test_published_comes_from_json_ld(seed_article: byline.Article) -> None:
    assert seed_article.provenance["published"].source == "json-ld"


def test_section_and_tags_come_from_sources_that_carry_them(
    seed_article: byline.Article,
) -> None:
    # section: JSON-LD articleSection and article:section; tags: article:tag and rel=tag links
    assert seed_article.provenance["section"].source in {"json-ld", "opengraph", "meta"}
    assert seed_article.provenance["tags"].source in {"opengraph", "meta", "dom"}


# --- decoding --------------------------------------------------------------------------


def test_text_input_gives_the_same_title(seed_html: bytes) -> None:
    article = byline.extract(seed_html.decode("utf-8"), url=SEED_URL)
    assert article.title == TITLE


RUSSIAN_TITLE = "Япония и Франция договорились укреплять оборонное сотрудничество"


def test_cp1251_bytes_behind_a_utf8_declaration_are_decoded() -> None:
    page = fixture_text("russian_story.html")
    assert '<meta charset="utf-8">' in page  # the declaration the bytes will contradict
    article = byline.extract(page.encode("cp1251"), url="https://vestnik.example.org/world/1")
    assert article.title == RUSSIAN_TITLE
    body = article.body or ""
    assert "Министры иностранных дел Японии и Франции" in body
    assert "\ufffd" not in body
