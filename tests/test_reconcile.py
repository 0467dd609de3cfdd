from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from byline.fields import CANDIDATE_SOURCES, Field, Markup, Source
from byline.language import language_tag
from byline.reconcile import choose_title, reconcile, strip_site_name
from byline.reconcile.choice import name_key
from byline.reconcile.trust import DATE_VOTE_WEIGHT, DEFAULT_PRIORITY, PRIORITY
from byline.record import Article, BodyQuality, Image, Publisher
from byline.sources.candidate import (
    AnyCandidate,
    AuthorCandidate,
    Candidate,
    DateValue,
    Evidence,
)


@dataclass
class MainText:
    """A page's main text as ``reconcile`` reads it (``byline.maintext.MainText``)."""

    body: str = "One paragraph of the article."
    body_html: str = "<p>One paragraph of the article.</p>"
    images: list[Image] = field(default_factory=list)
    quality: BodyQuality = BodyQuality.FULL


def record(candidates: list[AnyCandidate], main: MainText | None = None) -> Article:
    """The record of a page with these candidates, its title chosen first as extraction does."""
    return reconcile(candidates, main or MainText(), choose_title(candidates))


def moment(text: str) -> DateValue:
    """A date as a source gives it: parsed, with the text it was read from."""
    value = DateValue.parse(text)
    assert value is not None, text
    return value


def test_every_trust_ranking_orders_every_source_once():
    for name in Field:
        ranking = PRIORITY.get(name, DEFAULT_PRIORITY)
        assert sorted(ranking) == sorted(CANDIDATE_SOURCES), name
    assert set(DATE_VOTE_WEIGHT) == set(CANDIDATE_SOURCES)


def test_the_record_holds_the_main_text_and_what_it_opens_with():
    main = MainText(
        body='WASHINGTON (AP) — "We will act on this by spring," the senator said.\n\nMore.',
        images=[Image("https://x.test/body.jpg", caption="In the text")],
    )
    article = record([Candidate(Field.TITLE, "Senate acts", Source.JSON_LD)], main)
    assert article.body == main.body
    assert article.body_html == main.body_html
    assert article.word_count == 14
    chinese = MainText(body="市议会星期二投票决定扩建有轨电车网络。\n\n工程明年开工。")
    # A word per two Chinese characters, and one for the full stop ending each run.
    assert record([Candidate(Field.TITLE, "电车", Source.JSON_LD)], chinese).word_count == 14
    assert article.dateline is not None and article.dateline.place == "WASHINGTON"
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("We will act on this by spring", "the senator")
    ]
    # the main text's images, credited to the visible page when no metadata gives any
    assert article.main_image == "https://x.test/body.jpg"
    assert article.provenance["images"].source == Source.DOM


def test_main_text_images_complete_the_metadata_images_and_come_last():
    lead = Image("https://x.test/lead.jpg")
    main = MainText(
        images=[
            Image("https://x.test/body.jpg"),
            Image("https://x.test/lead.jpg", caption="The lead", width=800),
        ]
    )
    article = record([Candidate(Field.IMAGES, [lead], Source.OPENGRAPH)], main)
    assert [i.url for i in article.images] == ["https://x.test/lead.jpg", "https://x.test/body.jpg"]
    assert (article.images[0].caption, article.images[0].width) == ("The lead", 800)
    assert article.main_image == "https://x.test/lead.jpg"
    assert article.provenance["images"].source == Source.OPENGRAPH


def test_a_date_is_read_once_by_its_source_and_kept_with_its_text():
    value = moment("Sat, 19 Oct 2019 00:04:00 +0200")
    assert value.moment == datetime(2019, 10, 19, 0, 4, tzinfo=timezone(timedelta(hours=2)))
    assert value.text == "Sat, 19 Oct 2019 00:04:00 +0200"
    assert DateValue.parse("no date here") is None
    assert DateValue.parse(None) is None


def test_visible_headline_confirmed_by_metadata_beats_suffixed_title():
    article = record(
        [
            Candidate(Field.TITLE, "Storm hits coast | The Harbour Gazette", Source.DOM),
            Candidate(Field.TITLE, "Storm hits coast", Source.OPENGRAPH),
            Candidate(Field.HEADLINE, "Storm hits coast", Source.DOM),
            Candidate(Field.SITE_NAME, "The Harbour Gazette", Source.OPENGRAPH),
        ]
    )
    assert article.title == "Storm hits coast"
    assert article.provenance["title"].source == "dom"


def test_unconfirmed_heading_loses_to_metadata_title():
    article = record(
        [
            Candidate(Field.HEADLINE, "The Harbour Gazette", Source.DOM),
            Candidate(Field.TITLE, "Storm hits coast - The Harbour Gazette", Source.DOM),
        ]
    )
    assert article.title == "Storm hits coast"


def test_site_name_is_stripped_from_either_end():
    sites = {"the harbour gazette"}
    assert strip_site_name("The Harbour Gazette | Storm hits coast", sites) == "Storm hits coast"
    assert strip_site_name("Storm hits coast :: The Harbour Gazette", sites) == "Storm hits coast"
    assert strip_site_name("Storm hits coast « The Harbour Gazette", sites) == "Storm hits coast"
    assert strip_site_name("Rock - Paper - Scissors", set()) == "Rock - Paper - Scissors"


def test_the_pages_section_is_stripped_from_a_metadata_title_with_the_site_name():
    sites, sections = {"the harbour gazette"}, {"local news"}
    title = "Storm hits coast | Local News | The Harbour Gazette"
    assert strip_site_name(title, sites, sections) == "Storm hits coast"
    assert strip_site_name(f"Local News - {title}", sites, sections) == "Storm hits coast"
    # only the section the metadata names, and only as a whole segment
    assert strip_site_name(title, sites, {"news"}) == "Storm hits coast | Local News"
    assert strip_site_name("Local News: Storm hits coast", set(), sections) == (
        "Local News: Storm hits coast"
    )


def test_a_folder_of_the_address_is_a_section_after_the_headline():
    """ "Headline | Economia | G1" at ``/economia/noticia/...``: the folder names the section
    the title carries. Before the headline a folder may be the post's name ("Briefe - Blog"
    at ``/blog/briefe/``), and a section's own page keeps its name."""

    def title(text: str, url: str) -> str | None:
        found = [
            Candidate(Field.TITLE, text, Source.DOM),
            Candidate(Field.SITE_NAME, "G1", Source.OPENGRAPH),
        ]
        choice = choose_title(found, url)
        return choice.value if choice else None

    assert title(
        "Governo anuncia plano | Economia | G1", "https://g1.example/economia/noticia/2024/x"
    ) == ("Governo anuncia plano")
    assert title(
        "Wirtschaft und Finanzen - Plan | G1", "https://g1.example/wirtschaft-und-finanzen/plan"
    ) == ("Wirtschaft und Finanzen - Plan")
    assert title("Economia | G1", "https://g1.example/economia/") == "Economia"
    assert title("Economia | G1", "https://g1.example/economia/index.html") == "Economia"


def test_a_site_name_after_an_underscore_leaves_no_separator():
    assert strip_site_name("国务院部署推进经济工作_新浪新闻", set()) == "国务院部署推进经济工作"


def test_language_tags_are_bcp47():
    assert language_tag("en_EN") == "en"
    assert language_tag("de-DE") == "de-DE"
    assert language_tag("pt_br") == "pt-BR"
    assert language_tag("zh-Hant") == "zh-Hant"
    assert language_tag("") is None


def test_future_or_ancient_dates_are_rejected_and_an_earlier_modification_is_dropped():
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    article = record(
        [
            Candidate(Field.PUBLISHED, moment(future), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("1970-01-01T00:00:00+00:00"), Source.META),
            Candidate(Field.PUBLISHED, moment("2023-06-23T09:33:00+00:00"), Source.OPENGRAPH),
            # a modification "before" the publication is a CMS artefact, not a reason to
            # doubt the publication date (scheduled posts are saved before they go out)
            Candidate(Field.MODIFIED, moment("2023-06-20T08:00:00+00:00"), Source.JSON_LD),
            Candidate(Field.MODIFIED, moment("2023-06-24T08:00:00+00:00"), Source.OPENGRAPH),
        ]
    )
    assert article.published == datetime(2023, 6, 23, 9, 33, tzinfo=UTC)
    assert article.modified == datetime(2023, 6, 24, 8, 0, tzinfo=UTC)


def test_sources_vote_on_the_publication_day():
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2022-01-04T07:29:00Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2022-01-06T08:29:34+01:00"), Source.OPENGRAPH),
            Candidate(Field.PUBLISHED, moment("2022-01-06"), Source.META),
            Candidate(Field.PUBLISHED, moment("2022-01-06"), Source.DOM),
        ]
    )
    assert article.published == datetime(2022, 1, 6, 8, 29, 34, tzinfo=timezone(timedelta(hours=1)))


def test_a_sources_second_value_does_not_vote():
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2022-01-04"), Source.JSON_LD),
            # not the source's best: no vote
            Candidate(Field.PUBLISHED, moment("2022-01-02"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2022-01-06"), Source.OPENGRAPH),
            Candidate(Field.PUBLISHED, moment("2022-01-06"), Source.DOM),
        ]
    )
    assert article.published == date(2022, 1, 6)


def test_plain_meta_tags_repeating_one_instant_vote_once():
    # <meta name="date"> and DCTERMS.date print one CMS field: the visible date outweighs it
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2021-12-20T11:02:44+01:00"), Source.META),
            Candidate(Field.PUBLISHED, moment("2021-12-20T11:02:44+01:00"), Source.DUBLIN_CORE),
            Candidate(Field.PUBLISHED, moment("2022-01-27"), Source.DOM),
        ]
    )
    assert article.published == date(2022, 1, 27)
    # two plain tags with different instants of a day are two statements
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2021-12-20T11:02:44+01:00"), Source.META),
            Candidate(Field.PUBLISHED, moment("2021-12-20T09:00:00+01:00"), Source.DUBLIN_CORE),
            Candidate(Field.PUBLISHED, moment("2022-01-27"), Source.DOM),
        ]
    )
    assert article.published.date() == date(2021, 12, 20)


def test_a_utc_time_is_read_on_the_local_day_the_page_shows():
    # 02:25 UTC is the evening before in New York; the URL and the visible page say so
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2020-02-25T02:25:54Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2020-02-24"), Source.URL),
        ]
    )
    assert article.published == date(2020, 2, 24)
    # the same instant with its offset, from another source, is the better record
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2019-10-18T22:04:00Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("Sat, 19 Oct 2019 00:04:00 +0200"), Source.META),
        ]
    )
    assert article.published == datetime(2019, 10, 19, 0, 4, tzinfo=timezone(timedelta(hours=2)))
    # a visible local clock time of the same minute gives the zone
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2022-05-04T00:44:52Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2022-05-03T21:44:00"), Source.DOM),
        ]
    )
    assert article.published.utcoffset() == timedelta(hours=-3)
    assert article.published.date() == date(2022, 5, 3)
    # a bare day stored at midnight in the zone of the page's language
    french = Candidate(Field.LANGUAGE, "fr", Source.DOM)
    stored = Candidate(Field.PUBLISHED, moment("2021-11-04T23:00:00Z"), Source.OPENGRAPH)
    assert record([stored, french]).published == date(2021, 11, 5)
    # ... but where no zone is known, 23:00 UTC may be any evening: the day stays as written
    assert record([stored]).published == datetime(2021, 11, 4, 23, tzinfo=UTC)
    # ... or at midnight in the zone the page's other dates are written in
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2021-11-04T15:00:00Z"), Source.OPENGRAPH),
            Candidate(Field.MODIFIED, moment("2021-11-05T10:12:00+09:00"), Source.JSON_LD),
        ]
    )
    assert article.published == date(2021, 11, 5)
    # where that zone puts 23:00 UTC on the same day, the day stays
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2021-11-04T23:00:00Z"), Source.OPENGRAPH),
            Candidate(Field.MODIFIED, moment("2021-11-04T19:12:00-05:00"), Source.JSON_LD),
        ]
    )
    assert article.published == datetime(2021, 11, 4, 23, tzinfo=UTC)


def test_a_utc_time_that_a_url_confirms_is_left_alone():
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2023-10-30T13:01:18+00:00"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2023-10-31"), Source.DOM),
            Candidate(Field.PUBLISHED, moment("2023-10-30"), Source.URL),
        ]
    )
    assert article.published == datetime(2023, 10, 30, 13, 1, 18, tzinfo=UTC)


def test_a_time_without_zone_keeps_only_its_day():
    article = record([Candidate(Field.PUBLISHED, moment("2023-06-23T09:33:00"), Source.DOM)])
    assert article.published == date(2023, 6, 23)
    assert article.to_dict()["published"] == "2023-06-23"


def test_the_only_date_of_a_page_is_its_modification_date():
    article = record([Candidate(Field.MODIFIED, moment("2019-11-10T13:28:18+00:00"), Source.DOM)])
    assert article.published == datetime(2019, 11, 10, 13, 28, 18, tzinfo=UTC)


def test_the_page_showing_its_modification_date_gives_that_day():
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2019-10-15T16:59:59.000Z"), Source.JSON_LD),
            Candidate(Field.MODIFIED, moment("2020-03-12T14:42:17.000Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2020-03-12"), Source.DOM),
        ]
    )
    assert article.published == datetime(2020, 3, 12, 14, 42, 17, tzinfo=UTC)
    # a page that shows its publication day too keeps the declared publication date
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2019-10-15T16:59:59.000Z"), Source.JSON_LD),
            Candidate(Field.MODIFIED, moment("2020-03-12T14:42:17.000Z"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2019-10-15"), Source.DOM),
        ]
    )
    assert article.published == datetime(2019, 10, 15, 16, 59, 59, tzinfo=UTC)


def test_a_generic_date_meta_holding_the_modification_does_not_hide_the_shown_day():
    # <meta name="date"> repeats, to the second, what JSON-LD calls the modification
    dated = [
        Candidate(Field.PUBLISHED, moment("2020-01-03T09:48:24Z"), Source.JSON_LD),
        Candidate(Field.MODIFIED, moment("2020-01-06T09:22:36Z"), Source.JSON_LD),
        Candidate(Field.PUBLISHED, moment("2020-01-03T09:48:24Z"), Source.OPENGRAPH),
        Candidate(Field.PUBLISHED, moment("2020-01-06T09:22:36Z"), Source.META),
    ]
    shown = record([*dated, Candidate(Field.PUBLISHED, moment("2020-01-06"), Source.DOM)])
    assert shown.published == datetime(2020, 1, 6, 9, 22, 36, tzinfo=UTC)
    # the page that shows the first day keeps it
    first = record([*dated, Candidate(Field.PUBLISHED, moment("2020-01-03"), Source.DOM)])
    assert first.published == datetime(2020, 1, 3, 9, 48, 24, tzinfo=UTC)


def test_a_shown_date_is_the_pages_though_its_instant_is_also_read_from_a_meta_tag():
    """Hexo NexT shows "发表于 <time datetime=09:14+01:00>" and "更新于 <time ...>" below the
    headline; the dom source also reads the head's article:published_time (08:14Z, the same
    instant) below nothing. That reading must not silence the shown date, which would leave
    the update as the first date the page shows."""
    at = Evidence.placed(Markup.TIME_ELEMENT, 0, 10.0, 40, 38, True)
    update = Evidence.placed(Markup.TIME_ELEMENT, 1, 4.0, 41, 38, True)
    head = Evidence.placed(Markup.META_TAG, 2, -2.0, 5, 38, None)
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2024-03-05T09:14:00+01:00"), Source.MICRODATA),
            Candidate(Field.MODIFIED, moment("2024-03-06T11:02:00+01:00"), Source.MICRODATA),
            Candidate(Field.PUBLISHED, moment("2024-03-05T08:14:00Z"), Source.OPENGRAPH),
            Candidate(Field.MODIFIED, moment("2024-03-06T10:02:00Z"), Source.OPENGRAPH),
            Candidate(Field.PUBLISHED, moment("2024-03-05T09:14:00+01:00"), Source.DOM, at),
            Candidate(Field.PUBLISHED, moment("2024-03-06T11:02:00+01:00"), Source.DOM, update),
            Candidate(Field.PUBLISHED, moment("2024-03-05T08:14:00Z"), Source.DOM, head),
            Candidate(Field.PUBLISHED, moment("2024-03-05"), Source.URL),
        ]
    )
    assert article.published is not None and article.published.date() == date(2024, 3, 5)


def test_a_date_only_value_stays_a_date():
    article = record([Candidate(Field.PUBLISHED, moment("2023-06-23"), Source.URL)])
    assert article.published == date(2023, 6, 23)
    assert article.to_dict()["published"] == "2023-06-23"


def test_same_day_time_upgrades_a_date():
    article = record(
        [
            Candidate(Field.PUBLISHED, moment("2023-06-23"), Source.JSON_LD),
            Candidate(Field.PUBLISHED, moment("2023-06-23T09:33:00+02:00"), Source.OPENGRAPH),
        ]
    )
    assert article.to_dict()["published"] == "2023-06-23T09:33:00+02:00"


def test_person_beats_organisation_and_publisher_is_no_author():
    article = record(
        [
            Candidate(
                Field.AUTHORS,
                [AuthorCandidate("Sputnik International", kind="organization")],
                Source.JSON_LD,
            ),
            Candidate(Field.PUBLISHER, Publisher(name="The Harbour Gazette"), Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("The Harbour Gazette")], Source.META),
            Candidate(
                Field.AUTHORS, [AuthorCandidate("Jane Doe", url="https://x.test/jane")], Source.DOM
            ),
        ]
    )
    assert [(p.name, p.url) for p in article.authors] == [("Jane Doe", "https://x.test/jane")]
    assert article.provenance["authors"].source == "dom"


def test_a_publisher_with_a_persons_name_is_no_organisation():
    # a personal site published by its author; a site name stays an organisation
    candidates = [
        Candidate(Field.PUBLISHER, Publisher(name="Ernst Lohoff"), Source.DUBLIN_CORE),
        Candidate(Field.AUTHORS, [AuthorCandidate("Ernst Lohoff")], Source.META),
    ]
    assert [p.name for p in record(candidates).authors] == ["Ernst Lohoff"]
    named_site = [*candidates, Candidate(Field.SITE_NAME, "Ernst Lohoff", Source.OPENGRAPH)]
    assert record(named_site).authors == []


def test_a_person_the_markup_declares_is_the_author_of_the_blog_named_after_them():
    # Hexo's Stellar theme names the blog's owner as its author (a Person) and publisher
    for name in ("Maria Lindqvist", "林玛丽"):
        candidates = [
            Candidate(Field.PUBLISHER, Publisher(name=name), Source.JSON_LD),
            Candidate(Field.SITE_NAME, name, Source.OPENGRAPH),
            Candidate(Field.AUTHORS, [AuthorCandidate(name, kind="person")], Source.JSON_LD),
        ]
        assert [p.name for p in record(candidates).authors] == [name]


def test_a_user_handle_names_a_person_even_when_the_site_is_named_after_it():
    # a one-person blog "happyface313" whose posts are by the account "happyface313"
    candidates = [
        Candidate(Field.SITE_NAME, "happyface313", Source.OPENGRAPH),
        Candidate(Field.AUTHORS, [AuthorCandidate("happyface313")], Source.DOM),
    ]
    assert [p.name for p in record(candidates).authors] == ["happyface313"]
    # a site name without digits is still no author
    named_site = [
        Candidate(Field.SITE_NAME, "Harbour Gazette", Source.OPENGRAPH),
        Candidate(Field.AUTHORS, [AuthorCandidate("Harbour Gazette")], Source.DOM),
    ]
    assert record(named_site).authors == []


def test_a_declared_person_may_write_the_surname_in_lower_case():
    person = Candidate(
        Field.AUTHORS, [AuthorCandidate("Mobasir hassan", kind="person")], Source.JSON_LD
    )
    assert [p.name for p in record([person]).authors] == ["Mobasir hassan"]
    # without the markup's word it reads as a phrase; a phrase stays one even so
    plain = Candidate(Field.AUTHORS, [AuthorCandidate("Mobasir hassan")], Source.META)
    assert record([plain]).authors == []
    phrase = Candidate(
        Field.AUTHORS, [AuthorCandidate("selbst ist der Mann", kind="person")], Source.JSON_LD
    )
    assert record([phrase]).authors == []


def test_visible_byline_beats_meta_author():
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("Peter Amende")], Source.META),
            Candidate(Field.AUTHORS, [AuthorCandidate("Harald Bauer")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Harald Bauer"]


def test_other_sources_complete_the_chosen_authors():
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("arianschlichenmayer")], Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("Stefanus")], Source.OPENGRAPH),
            Candidate(Field.AUTHORS, [AuthorCandidate("Arian Schlichenmayer")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Arian Schlichenmayer"]
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("Stefanus")], Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("Stefanus Stahl")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Stefanus Stahl"]


def test_a_link_to_the_authors_page_that_is_no_name_takes_the_name_another_link_gives():
    page = "https://example.com/author/ian-mohr/"

    def chosen(label: str, name: str, name_url: str | None) -> list[str]:
        article = record(
            [
                Candidate(Field.AUTHORS, [AuthorCandidate(label, url=page)], Source.JSON_LD),
                Candidate(Field.AUTHORS, [AuthorCandidate(name, url=name_url)], Source.DOM),
            ]
        )
        return [p.name for p in article.authors]

    assert chosen("archive", "Ian Mohr", page.rstrip("/")) == ["Ian Mohr"]
    # another page's name, or a short form of the name ("Ela" for Michaela), is not the label's
    assert chosen("archive", "Ian Mohr", "https://example.com/author/jane-doe/") == ["archive"]
    assert chosen("Ela", "Michaela Vais", page) == ["Ela"]


def test_the_same_person_spelled_differently_is_printed_as_one_clean_name():
    # the middle initial another source adds, whatever the case of the visible byline
    for visible in ("Jane Doe", "JANE DOE"):
        article = record(
            [
                Candidate(Field.AUTHORS, [AuthorCandidate(visible)], Source.DOM),
                Candidate(Field.AUTHORS, [AuthorCandidate("Jane A. Doe")], Source.META),
            ]
        )
        assert [p.name for p in article.authors] == ["Jane A. Doe"]
    # a name written last name first, whichever source is chosen
    for chosen in (Source.JSON_LD, Source.DOM):
        article = record(
            [
                Candidate(Field.AUTHORS, [AuthorCandidate("Doe, Jane")], chosen),
                Candidate(Field.AUTHORS, [AuthorCandidate("Jane Doe")], Source.META),
            ]
        )
        assert [p.name for p in article.authors] == ["Jane Doe"]
    # another Jane is another person
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("Jane Doe")], Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("Jane Ann Roe")], Source.META),
        ]
    )
    assert [p.name for p in article.authors] == ["Jane Doe"]


def test_co_authors_from_another_source_but_not_dom_link_words():
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("Rudolf Fischer")], Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("Rudolf Fischer, Simon Kohler")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Rudolf Fischer", "Simon Kohler"]
    article = record(
        [
            Candidate(Field.AUTHORS, [AuthorCandidate("Alex Durán")], Source.JSON_LD),
            Candidate(Field.AUTHORS, [AuthorCandidate("Alex Durán, Google")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Alex Durán"]


def test_site_name_after_a_byline_name_is_dropped():
    article = record(
        [
            Candidate(Field.SITE_NAME, "PhillyVoice", Source.OPENGRAPH),
            Candidate(Field.AUTHORS, [AuthorCandidate("Adam Aaronson PhillyVoice")], Source.DOM),
        ]
    )
    assert [p.name for p in article.authors] == ["Adam Aaronson"]


def test_agency_only_byline_gives_no_author():
    article = record(
        [
            Candidate(
                Field.AUTHORS,
                [AuthorCandidate("Sputnik International", kind="organization")],
                Source.JSON_LD,
            )
        ]
    )
    assert article.authors == []


def test_keywords_are_split_and_deduplicated_case_insensitively():
    article = record(
        [
            Candidate(Field.KEYWORDS, ["Japan, France,NATO"], Source.META),
            Candidate(Field.KEYWORDS, ["japan", "Tokyo"], Source.JSON_LD),
        ]
    )
    assert article.keywords == ["japan", "Tokyo", "France", "NATO"]


def test_disagreeing_sources_are_kept_as_alternatives():
    article = record(
        [
            Candidate(Field.DESCRIPTION, "Short summary.", Source.JSON_LD),
            Candidate(Field.DESCRIPTION, "A longer social summary.", Source.OPENGRAPH),
            Candidate(Field.DESCRIPTION, "short   summary.", Source.META),
        ]
    )
    provenance = article.provenance["description"]
    assert article.description == "Short summary."
    assert [(a.source, a.value) for a in provenance.alternatives] == [
        ("opengraph", "A longer social summary.")
    ]


def test_images_are_merged_by_url_with_lead_first():
    article = record(
        [
            Candidate(Field.IMAGES, [Image("https://x.test/b.jpg", caption="B")], Source.OPENGRAPH),
            Candidate(
                Field.IMAGES,
                [
                    Image("https://x.test/a.jpg", width=800),
                    Image("https://x.test/b.jpg", width=640),
                ],
                Source.JSON_LD,
            ),
        ]
    )
    assert [i.url for i in article.images] == ["https://x.test/a.jpg", "https://x.test/b.jpg"]
    assert article.images[1].caption == "B" and article.images[1].width == 640
    assert article.main_image == "https://x.test/a.jpg"


def test_main_heading_beats_a_rewritten_metadata_title():
    article = record(
        [
            Candidate(Field.TITLE, "Best lemon cake recipe ever | Bake It", Source.DOM),
            Candidate(Field.TITLE, "Best lemon cake recipe ever", Source.OPENGRAPH),
            Candidate(Field.HEADLINE, "Juicy lemon sheet cake: simply delicious", Source.DOM),
        ]
    )
    assert article.title == "Juicy lemon sheet cake: simply delicious"


def test_a_heading_showing_alone_the_first_segment_of_the_agreeing_one_is_the_headline():
    """GnuBoard prints "Subject > Board" as its h1 and title, and the subject alone in an h2;
    a heading whose other segments are long is a headline of its own."""
    board = [
        Candidate(Field.TITLE, "Ferry service suspended > News | Harbour Gazette", Source.DOM),
        Candidate(Field.HEADLINE, "Ferry service suspended > News", Source.DOM),
        Candidate(Field.HEADLINE, "Ferry service suspended", Source.DOM),
    ]
    assert record(board).title == "Ferry service suspended"
    subtitled = [
        Candidate(Field.TITLE, "Ferry suspended: what passengers should do now", Source.DOM),
        Candidate(Field.HEADLINE, "Ferry suspended: what passengers should do now", Source.DOM),
        Candidate(Field.HEADLINE, "Ferry suspended", Source.DOM),
    ]
    assert record(subtitled).title == "Ferry suspended: what passengers should do now"


def test_logo_heading_is_not_the_headline():
    article = record(
        [
            Candidate(Field.TITLE, "Bake It - Best lemon cake recipe ever", Source.DOM),
            Candidate(Field.HEADLINE, "Bake It", Source.DOM),
        ]
    )
    assert article.title == "Best lemon cake recipe ever"


def test_a_logo_heading_spelling_the_sites_host_is_not_the_headline():
    """A logo h1 that writes the site's address ("harbour-notes.de") names the site: the
    page's address, or its canonical one, says so when no metadata names the site."""
    found = [
        Candidate(Field.TITLE, "Ferry service suspended after storm", Source.TWITTER),
        Candidate(Field.HEADLINE, "harbour-notes.de", Source.DOM),
    ]
    url = "https://www.harbour-notes.de/2024/ferry"
    assert choose_title(found).value == "harbour-notes.de"  # (nothing says it is the site)
    assert choose_title(found, url).value == "Ferry service suspended after storm"
    canonical = Candidate(Field.CANONICAL_URL, url, Source.DOM)
    assert choose_title([*found, canonical]).value == "Ferry service suspended after storm"


def test_a_date_in_the_title_is_no_part_of_the_headline():
    """ "Headline : 06.11.2023, 11.41 Uhr": the heading that equals the title's first
    segment is the headline, not a logo; the date is dropped like a site name."""
    article = record(
        [
            Candidate(Field.TITLE, "Ferry service suspended : 06.11.2023, 11.41 Uhr", Source.DOM),
            Candidate(Field.HEADLINE, "Ferry service suspended", Source.DOM),
        ]
    )
    assert article.title == "Ferry service suspended"
    assert strip_site_name("Samstag, 5. Oktober 2013 | Ferry service suspended", set()) == (
        "Ferry service suspended"
    )


def test_a_heading_at_one_end_of_a_title_naming_the_site_elsewhere_is_the_headline():
    """A site that calls itself by several segments ("Harbour Watch - News of the Coast")
    after the headline: its name is stripped whole, and the heading that opens the title is
    no logo."""
    site = "Harbour Watch - News of the Coast"
    article = record(
        [
            Candidate(Field.SITE_NAME, site, Source.OPENGRAPH),
            Candidate(Field.TITLE, f"Ferry service suspended » {site}", Source.JSON_LD),
            Candidate(Field.HEADLINE, "Ferry service suspended", Source.DOM),
        ]
    )
    assert article.title == "Ferry service suspended"
    assert strip_site_name(f"{site} | Ferry service suspended", {site.casefold()}) == (
        "Ferry service suspended"
    )


def test_chinese_and_japanese_titles_split_at_unspaced_separators():
    assert strip_site_name("武汉的声音：有英勇的你，才有英雄的城！-新华网", {"新华网"}) == (
        "武汉的声音：有英勇的你，才有英雄的城！"
    )
    assert (
        strip_site_name("東京で桜が満開に｜ニュースサイト", {"ニュースサイト"})
        == "東京で桜が満開に"
    )
    assert strip_site_name("Jean-Luc Picard - Star Trek", set()) == "Jean-Luc Picard - Star Trek"


def test_a_heading_opening_a_title_of_two_is_the_headline_unless_it_is_shorter():
    """ "Headline | Site" is the common order: a lone heading equal to the first of two
    segments is the headline, however short the site's name after it ("蔡健雅_百度百科");
    one shorter than what follows it is a site before its headline ("Bake It - ...")."""
    article = record(
        [
            Candidate(Field.TITLE, "蔡健雅_百度百科", Source.DOM),
            Candidate(Field.HEADLINE, "蔡健雅", Source.DOM),
        ]
    )
    assert article.title == "蔡健雅"


def test_a_heading_opening_a_longer_title_is_the_headline_unless_it_is_shorter():
    """The same for a title of more segments: "Headline - Section - Site - Powered by X" is
    opened by its headline, in any script ("暴风雨损坏码头 渡轮服务暂停" is 13 words' worth of
    Chinese characters, more than "Powered by Discuz!")."""
    title = "暴风雨损坏码头 渡轮服务暂停 - 本地新闻 - 港湾日报 - Powered by Discuz!"
    article = record(
        [
            Candidate(Field.TITLE, title, Source.DOM),
            Candidate(Field.HEADLINE, title[:14], Source.DOM),
        ]
    )
    assert article.title == "暴风雨损坏码头 渡轮服务暂停"
    logo = "Bake It - Lemon cakes - Best lemon cake recipe ever"
    article = record(
        [Candidate(Field.TITLE, logo, Source.DOM), Candidate(Field.HEADLINE, "Bake It", Source.DOM)]
    )
    assert article.title != "Bake It"


def test_a_heading_that_the_title_holds_before_the_headline_stated_elsewhere_is_the_site():
    """Blogger's "Blog name: Post title", its h1 the blog's name, the post's title in its
    OpenGraph tag: the heading is the site's name."""
    article = record(
        [
            Candidate(Field.TITLE, "Harbour Gazette: Ferry service suspended", Source.DOM),
            Candidate(Field.TITLE, "Ferry service suspended", Source.OPENGRAPH),
            Candidate(Field.HEADLINE, "Harbour Gazette", Source.DOM),
        ]
    )
    assert article.title == "Ferry service suspended"


def test_titles_split_at_breadcrumb_separators():
    for separator in (">", "›", "•"):
        title = f"Ferry service suspended {separator} Harbour Gazette"
        assert strip_site_name(title, {"harbour gazette"}) == "Ferry service suspended"


def test_headline_as_longest_title_segment():
    article = record(
        [
            Candidate(
                Field.TITLE, "Four Years » Blog Archive » Interning of small integers", Source.DOM
            ),
            Candidate(Field.HEADLINE, "Four Years", Source.DOM),
            Candidate(Field.HEADLINE, "Interning of small integers", Source.DOM),
        ]
    )
    assert article.title == "Interning of small integers"


def test_section_label_around_the_headline_is_dropped():
    article = record(
        [
            Candidate(Field.TITLE, "Brothel busted in Boston", Source.OPENGRAPH),
            Candidate(Field.HEADLINE, "Local News | Brothel busted in Boston", Source.DOM),
        ]
    )
    assert article.title == "Brothel busted in Boston"


def test_a_page_that_names_no_person_is_credited_to_its_desk_or_agency():
    agency = [
        Candidate(Field.AUTHORS, [AuthorCandidate("unknown", kind="person")], Source.MICRODATA),
        Candidate(Field.AUTHORS, [AuthorCandidate("AFP/The Local")], Source.OPENGRAPH),
    ]
    article = record(agency)
    assert article.authors == []
    assert article.credit == "AFP/The Local"
    assert article.provenance["credit"].source == "opengraph"
    # a named person is the author, and the page's other credits are then no credit
    person = Candidate(Field.AUTHORS, [AuthorCandidate("Jane Doe")], Source.DOM)
    article = record([*agency, person])
    assert [p.name for p in article.authors] == ["Jane Doe"]
    assert article.credit is None
    # placeholders alone credit no one
    assert record(agency[:1]).credit is None


def test_a_sites_name_is_keyed_by_its_letters_in_any_form() -> None:
    """The organisation an author's name may be: the site, however it writes itself."""
    assert {name_key(n) for n in ("ElColombiano.com", "El Colombiano", "www.elcolombiano.com")} == {
        "elcolombiano"
    }
    assert name_key("bbc.co.uk") == "bbc"
    assert name_key("harbourgazette.example") == name_key("Harbour Gazette")
    assert name_key("Gàbor Muniér") == "gabormunier"
