from datetime import UTC, date, datetime, timedelta

from byline.reconcile import language_tag, reconcile, strip_site_name
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


def test_published_after_modified_or_in_future_or_ancient_is_rejected():
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    article = reconcile(
        [
            Candidate("published", future, "json-ld"),
            Candidate("published", "1970-01-01T00:00:00+00:00", "meta"),
            Candidate("published", "2023-07-01T10:00:00+00:00", "opengraph"),
            Candidate("published", "2023-06-23T09:33:00+00:00", "dom"),
            Candidate("modified", "2023-06-24T08:00:00+00:00", "json-ld"),
        ]
    )
    assert article.published == datetime(2023, 6, 23, 9, 33, tzinfo=UTC)
    assert article.modified == datetime(2023, 6, 24, 8, 0, tzinfo=UTC)


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
