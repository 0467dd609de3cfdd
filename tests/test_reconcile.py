from datetime import UTC, date, datetime, timedelta, timezone

from byline.language import language_tag
from byline.reconcile import reconcile, strip_site_name
from byline.record import Image, Publisher
from byline.sources import AuthorCandidate, Candidate


def test_visible_headline_confirmed_by_metadata_beats_suffixed_title():
    article = reconcile(
        [
            Candidate("title", "Storm hits coast | The Harbour Gazette", "dom"),
            Candidate("title", "Storm hits coast", "opengraph"),
            Candidate("headline", "Storm hits coast", "dom"),
            Candidate("site_name", "The Harbour Gazette", "opengraph"),
        ]
    )
    assert article.title == "Storm hits coast"
    assert article.provenance["title"].source == "dom"


def test_unconfirmed_heading_loses_to_metadata_title():
    article = reconcile(
        [
            Candidate("headline", "The Harbour Gazette", "dom"),
            Candidate("title", "Storm hits coast - The Harbour Gazette", "dom"),
        ]
    )
    assert article.title == "Storm hits coast"


def test_site_name_is_stripped_from_either_end():
    sites = {"the harbour gazette"}
    assert strip_site_name("The Harbour Gazette | Storm hits coast", sites) == "Storm hits coast"
    assert strip_site_name("Storm hits coast :: The Harbour Gazette", sites) == "Storm hits coast"
    assert strip_site_name("Rock - Paper - Scissors", set()) == "Rock - Paper - Scissors"


def test_language_tags_are_bcp47():
    assert language_tag("en_EN") == "en"
    assert language_tag("de-DE") == "de-DE"
    assert language_tag("pt_br") == "pt-BR"
    assert language_tag("zh-Hant") == "zh-Hant"
    assert language_tag("") is None


def test_future_or_ancient_dates_are_rejected_and_an_earlier_modification_is_dropped():
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    article = reconcile(
        [
            Candidate("published", future, "json-ld"),
            Candidate("published", "1970-01-01T00:00:00+00:00", "meta"),
            Candidate("published", "2023-06-23T09:33:00+00:00", "opengraph"),
            # a modification "before" the publication is a CMS artefact, not a reason to
            # doubt the publication date (scheduled posts are saved before they go out)
            Candidate("modified", "2023-06-20T08:00:00+00:00", "json-ld"),
            Candidate("modified", "2023-06-24T08:00:00+00:00", "opengraph"),
        ]
    )
    assert article.published == datetime(2023, 6, 23, 9, 33, tzinfo=UTC)
    assert article.modified == datetime(2023, 6, 24, 8, 0, tzinfo=UTC)


def test_sources_vote_on_the_publication_day():
    article = reconcile(
        [
            Candidate("published", "2022-01-04T07:29:00Z", "json-ld"),
            Candidate("published", "2022-01-06T08:29:34+01:00", "opengraph"),
            Candidate("published", "2022-01-06", "meta"),
            Candidate("published", "2022-01-06", "dom"),
        ]
    )
    assert article.published == datetime(2022, 1, 6, 8, 29, 34, tzinfo=timezone(timedelta(hours=1)))


def test_a_sources_second_value_does_not_vote():
    article = reconcile(
        [
            Candidate("published", "2022-01-04", "json-ld"),
            Candidate("published", "2022-01-02", "json-ld"),  # not its best: no vote
            Candidate("published", "2022-01-06", "opengraph"),
            Candidate("published", "2022-01-06", "dom"),
        ]
    )
    assert article.published == date(2022, 1, 6)


def test_plain_meta_tags_repeating_one_instant_vote_once():
    # <meta name="date"> and DCTERMS.date print one CMS field: the visible date outweighs it
    article = reconcile(
        [
            Candidate("published", "2021-12-20T11:02:44+01:00", "meta"),
            Candidate("published", "2021-12-20T11:02:44+01:00", "dublin-core"),
            Candidate("published", "2022-01-27", "dom"),
        ]
    )
    assert article.published == date(2022, 1, 27)
    # two plain tags with different instants of a day are two statements
    article = reconcile(
        [
            Candidate("published", "2021-12-20T11:02:44+01:00", "meta"),
            Candidate("published", "2021-12-20T09:00:00+01:00", "dublin-core"),
            Candidate("published", "2022-01-27", "dom"),
        ]
    )
    assert article.published.date() == date(2021, 12, 20)


def test_a_utc_time_is_read_on_the_local_day_the_page_shows():
    # 02:25 UTC is the evening before in New York; the URL and the visible page say so
    article = reconcile(
        [
            Candidate("published", "2020-02-25T02:25:54Z", "json-ld"),
            Candidate("published", "2020-02-24", "url"),
        ]
    )
    assert article.published == date(2020, 2, 24)
    # the same instant with its offset, from another source, is the better record
    article = reconcile(
        [
            Candidate("published", "2019-10-18T22:04:00Z", "json-ld"),
            Candidate("published", "Sat, 19 Oct 2019 00:04:00 +0200", "meta"),
        ]
    )
    assert article.published == datetime(2019, 10, 19, 0, 4, tzinfo=timezone(timedelta(hours=2)))
    # a visible local clock time of the same minute gives the zone
    article = reconcile(
        [
            Candidate("published", "2022-05-04T00:44:52Z", "json-ld"),
            Candidate("published", "2022-05-03T21:44:00", "dom"),
        ]
    )
    assert article.published.utcoffset() == timedelta(hours=-3)
    assert article.published.date() == date(2022, 5, 3)
    # a bare day stored at central European midnight
    article = reconcile([Candidate("published", "2021-11-04T23:00:00Z", "opengraph")])
    assert article.published == date(2021, 11, 5)
    # ... or at midnight in the zone the page's other dates are written in
    article = reconcile(
        [
            Candidate("published", "2021-11-04T15:00:00Z", "opengraph"),
            Candidate("modified", "2021-11-05T10:12:00+09:00", "json-ld"),
        ]
    )
    assert article.published == date(2021, 11, 5)
    # where that zone puts 23:00 UTC on the same day, the day stays
    article = reconcile(
        [
            Candidate("published", "2021-11-04T23:00:00Z", "opengraph"),
            Candidate("modified", "2021-11-04T19:12:00-05:00", "json-ld"),
        ]
    )
    assert article.published == datetime(2021, 11, 4, 23, tzinfo=UTC)


def test_a_utc_time_that_a_url_confirms_is_left_alone():
    article = reconcile(
        [
            Candidate("published", "2023-10-30T13:01:18+00:00", "json-ld"),
            Candidate("published", "2023-10-31", "dom"),
            Candidate("published", "2023-10-30", "url"),
        ]
    )
    assert article.published == datetime(2023, 10, 30, 13, 1, 18, tzinfo=UTC)


def test_a_time_without_zone_keeps_only_its_day():
    article = reconcile([Candidate("published", "2023-06-23T09:33:00", "dom")])
    assert article.published == date(2023, 6, 23)
    assert article.to_dict()["published"] == "2023-06-23"


def test_the_only_date_of_a_page_is_its_modification_date():
    article = reconcile([Candidate("modified", "2019-11-10T13:28:18+00:00", "dom")])
    assert article.published == datetime(2019, 11, 10, 13, 28, 18, tzinfo=UTC)


def test_the_page_showing_its_modification_date_gives_that_day():
    article = reconcile(
        [
            Candidate("published", "2019-10-15T16:59:59.000Z", "json-ld"),
            Candidate("modified", "2020-03-12T14:42:17.000Z", "json-ld"),
            Candidate("published", "2020-03-12", "dom"),
        ]
    )
    assert article.published == datetime(2020, 3, 12, 14, 42, 17, tzinfo=UTC)
    # a page that shows its publication day too keeps the declared publication date
    article = reconcile(
        [
            Candidate("published", "2019-10-15T16:59:59.000Z", "json-ld"),
            Candidate("modified", "2020-03-12T14:42:17.000Z", "json-ld"),
            Candidate("published", "2019-10-15", "dom"),
        ]
    )
    assert article.published == datetime(2019, 10, 15, 16, 59, 59, tzinfo=UTC)


def test_a_generic_date_meta_holding_the_modification_does_not_hide_the_shown_day():
    # <meta name="date"> repeats, to the second, what JSON-LD calls the modification
    dated = [
        Candidate("published", "2020-01-03T09:48:24Z", "json-ld"),
        Candidate("modified", "2020-01-06T09:22:36Z", "json-ld"),
        Candidate("published", "2020-01-03T09:48:24Z", "opengraph"),
        Candidate("published", "2020-01-06T09:22:36Z", "meta"),
    ]
    shown = reconcile([*dated, Candidate("published", "2020-01-06", "dom")])
    assert shown.published == datetime(2020, 1, 6, 9, 22, 36, tzinfo=UTC)
    # the page that shows the first day keeps it
    first = reconcile([*dated, Candidate("published", "2020-01-03", "dom")])
    assert first.published == datetime(2020, 1, 3, 9, 48, 24, tzinfo=UTC)


def test_a_date_only_value_stays_a_date():
    article = reconcile([Candidate("published", "2023-06-23", "url")])
    assert article.published == date(2023, 6, 23)
    assert article.to_dict()["published"] == "2023-06-23"


def test_same_day_time_upgrades_a_date():
    article = reconcile(
        [
            Candidate("published", "2023-06-23", "json-ld"),
            Candidate("published", "2023-06-23T09:33:00+02:00", "opengraph"),
        ]
    )
    assert article.to_dict()["published"] == "2023-06-23T09:33:00+02:00"


def test_person_beats_organisation_and_publisher_is_no_author():
    article = reconcile(
        [
            Candidate(
                "authors",
                [AuthorCandidate("Sputnik International", kind="organization")],
                "json-ld",
            ),
            Candidate("publisher", Publisher(name="The Harbour Gazette"), "json-ld"),
            Candidate("authors", [AuthorCandidate("The Harbour Gazette")], "meta"),
            Candidate("authors", [AuthorCandidate("Jane Doe", url="https://x.test/jane")], "dom"),
        ]
    )
    assert [(p.name, p.url) for p in article.authors] == [("Jane Doe", "https://x.test/jane")]
    assert article.provenance["authors"].source == "dom"


def test_a_publisher_with_a_persons_name_is_no_organisation():
    # a personal site published by its author; a site name stays an organisation
    candidates = [
        Candidate("publisher", Publisher(name="Ernst Lohoff"), "dublin-core"),
        Candidate("authors", [AuthorCandidate("Ernst Lohoff")], "meta"),
    ]
    assert [p.name for p in reconcile(candidates).authors] == ["Ernst Lohoff"]
    named_site = [*candidates, Candidate("site_name", "Ernst Lohoff", "opengraph")]
    assert reconcile(named_site).authors == []


def test_a_user_handle_names_a_person_even_when_the_site_is_named_after_it():
    # a one-person blog "happyface313" whose posts are by the account "happyface313"
    candidates = [
        Candidate("site_name", "happyface313", "opengraph"),
        Candidate("authors", [AuthorCandidate("happyface313")], "dom"),
    ]
    assert [p.name for p in reconcile(candidates).authors] == ["happyface313"]
    # a site name without digits is still no author
    named_site = [
        Candidate("site_name", "Harbour Gazette", "opengraph"),
        Candidate("authors", [AuthorCandidate("Harbour Gazette")], "dom"),
    ]
    assert reconcile(named_site).authors == []


def test_a_declared_person_may_write_the_surname_in_lower_case():
    person = Candidate("authors", [AuthorCandidate("Mobasir hassan", kind="person")], "json-ld")
    assert [p.name for p in reconcile([person]).authors] == ["Mobasir hassan"]
    # without the markup's word it reads as a phrase; a phrase stays one even so
    plain = Candidate("authors", [AuthorCandidate("Mobasir hassan")], "meta")
    assert reconcile([plain]).authors == []
    phrase = Candidate(
        "authors", [AuthorCandidate("selbst ist der Mann", kind="person")], "json-ld"
    )
    assert reconcile([phrase]).authors == []


def test_visible_byline_beats_meta_author():
    article = reconcile(
        [
            Candidate("authors", [AuthorCandidate("Peter Amende")], "meta"),
            Candidate("authors", [AuthorCandidate("Harald Bauer")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Harald Bauer"]


def test_other_sources_complete_the_chosen_authors():
    article = reconcile(
        [
            Candidate("authors", [AuthorCandidate("arianschlichenmayer")], "json-ld"),
            Candidate("authors", [AuthorCandidate("Stefanus")], "opengraph"),
            Candidate("authors", [AuthorCandidate("Arian Schlichenmayer")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Arian Schlichenmayer"]
    article = reconcile(
        [
            Candidate("authors", [AuthorCandidate("Stefanus")], "json-ld"),
            Candidate("authors", [AuthorCandidate("Stefanus Stahl")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Stefanus Stahl"]


def test_co_authors_from_another_source_but_not_dom_link_words():
    article = reconcile(
        [
            Candidate("authors", [AuthorCandidate("Rudolf Fischer")], "json-ld"),
            Candidate("authors", [AuthorCandidate("Rudolf Fischer, Simon Kohler")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Rudolf Fischer", "Simon Kohler"]
    article = reconcile(
        [
            Candidate("authors", [AuthorCandidate("Alex Durán")], "json-ld"),
            Candidate("authors", [AuthorCandidate("Alex Durán, Google")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Alex Durán"]


def test_site_name_after_a_byline_name_is_dropped():
    article = reconcile(
        [
            Candidate("site_name", "PhillyVoice", "opengraph"),
            Candidate("authors", [AuthorCandidate("Adam Aaronson PhillyVoice")], "dom"),
        ]
    )
    assert [p.name for p in article.authors] == ["Adam Aaronson"]


def test_agency_only_byline_gives_no_author():
    article = reconcile(
        [
            Candidate(
                "authors",
                [AuthorCandidate("Sputnik International", kind="organization")],
                "json-ld",
            )
        ]
    )
    assert article.authors == []


def test_keywords_are_split_and_deduplicated_case_insensitively():
    article = reconcile(
        [
            Candidate("keywords", ["Japan, France,NATO"], "meta"),
            Candidate("keywords", ["japan", "Tokyo"], "json-ld"),
        ]
    )
    assert article.keywords == ["japan", "Tokyo", "France", "NATO"]


def test_disagreeing_sources_are_kept_as_alternatives():
    article = reconcile(
        [
            Candidate("description", "Short summary.", "json-ld"),
            Candidate("description", "A longer social summary.", "opengraph"),
            Candidate("description", "short   summary.", "meta"),
        ]
    )
    provenance = article.provenance["description"]
    assert article.description == "Short summary."
    assert [(a.source, a.value) for a in provenance.alternatives] == [
        ("opengraph", "A longer social summary.")
    ]


def test_images_are_merged_by_url_with_lead_first():
    article = reconcile(
        [
            Candidate("images", [Image("https://x.test/b.jpg", caption="B")], "opengraph"),
            Candidate(
                "images",
                [
                    Image("https://x.test/a.jpg", width=800),
                    Image("https://x.test/b.jpg", width=640),
                ],
                "json-ld",
            ),
        ]
    )
    assert [i.url for i in article.images] == ["https://x.test/a.jpg", "https://x.test/b.jpg"]
    assert article.images[1].caption == "B" and article.images[1].width == 640
    assert article.main_image == "https://x.test/a.jpg"


def test_main_heading_beats_a_rewritten_metadata_title():
    article = reconcile(
        [
            Candidate("title", "Best lemon cake recipe ever | Bake It", "dom"),
            Candidate("title", "Best lemon cake recipe ever", "opengraph"),
            Candidate("headline", "Juicy lemon sheet cake: simply delicious", "dom"),
        ]
    )
    assert article.title == "Juicy lemon sheet cake: simply delicious"


def test_logo_heading_is_not_the_headline():
    article = reconcile(
        [
            Candidate("title", "Bake It - Best lemon cake recipe ever", "dom"),
            Candidate("headline", "Bake It", "dom"),
        ]
    )
    assert article.title == "Best lemon cake recipe ever"


def test_headline_as_longest_title_segment():
    article = reconcile(
        [
            Candidate("title", "Four Years » Blog Archive » Interning of small integers", "dom"),
            Candidate("headline", "Four Years", "dom"),
            Candidate("headline", "Interning of small integers", "dom"),
        ]
    )
    assert article.title == "Interning of small integers"


def test_section_label_around_the_headline_is_dropped():
    article = reconcile(
        [
            Candidate("title", "Brothel busted in Boston", "opengraph"),
            Candidate("headline", "Local News | Brothel busted in Boston", "dom"),
        ]
    )
    assert article.title == "Brothel busted in Boston"


def test_a_page_that_names_no_person_is_credited_to_its_desk_or_agency():
    agency = [
        Candidate("authors", [AuthorCandidate("Unknown", kind="person")], "microdata"),
        Candidate("authors", [AuthorCandidate("AFP/The Local")], "opengraph"),
    ]
    article = reconcile(agency)
    assert article.authors == []
    assert article.credit == "AFP/The Local"
    assert article.provenance["credit"].source == "opengraph"
    # a named person is the author, and the page's other credits are then no credit
    person = Candidate("authors", [AuthorCandidate("Jane Doe")], "dom")
    article = reconcile([*agency, person])
    assert [p.name for p in article.authors] == ["Jane Doe"]
    assert article.credit is None
    # placeholders alone credit no one
    assert reconcile(agency[:1]).credit is None
