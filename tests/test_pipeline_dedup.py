"""De-duplication for ``byline run``: exact and near duplicates, signatures, the index."""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys

import pytest

from byline.pipeline.dedup import (
    BAND_COUNT,
    MIN_NEAR_WORDS,
    SKETCH_BINS,
    Deduplicator,
    Signature,
    normalise_url,
    signature,
)
from tests.conftest import fixture_text

STORY = fixture_text("pipeline/wire_story.txt")
SAME_TOPIC = fixture_text("pipeline/same_topic_story.txt")  # another port dispute, another story
PARAGRAPHS = STORY.split("\n\n")

WITH_SITE_INTRO = (
    "ROTTERDAM, Netherlands (AP) — Europe's largest port was brought to a standstill on"
    " Tuesday.\n\n" + STORY + "\n\nCopyright 2024 The Associated Press. All rights reserved."
)
WITHOUT_A_PARAGRAPH = "\n\n".join(PARAGRAPHS[:4] + PARAGRAPHS[5:])
WITH_CHANGED_WORDS = (
    STORY.replace("Tuesday", "Wednesday")
    .replace("busiest", "largest")
    .replace("about 3,500", "nearly 4,000")
    .replace("regretted", "deplored")
    .replace("tens of millions", "hundreds of millions")
)
COPIES = [WITH_SITE_INTRO, WITHOUT_A_PARAGRAPH, WITH_CHANGED_WORDS]

SHORT = "Road closed: the A12 between Utrecht and Arnhem is closed until Monday after a crash."


def first_answers(records: list[tuple[str, Signature]]) -> list[str | None]:
    """What a new ``Deduplicator`` answers for each record, fed in order."""
    index = Deduplicator()
    return [index.first_of(record_id, sig) for record_id, sig in records]


def test_the_fixture_story_is_a_real_wire_story() -> None:
    assert 300 <= len(STORY.split()) <= 500
    assert all(copy != STORY for copy in COPIES)


@pytest.mark.parametrize("copy", COPIES, ids=["site-intro", "dropped-paragraph", "changed-words"])
def test_a_syndicated_copy_is_a_near_duplicate_of_the_first(copy: str) -> None:
    original, edited = signature(None, STORY), signature(None, copy)
    assert edited.body_key != original.body_key  # so found as a near, not an exact, duplicate
    assert first_answers([("ap", original), ("copy", edited)]) == [None, "ap"]


def test_all_the_edits_at_once_are_still_a_near_duplicate() -> None:
    edited = WITH_CHANGED_WORDS.replace(PARAGRAPHS[4], "").replace(STORY[:40], "Dockers")
    copy = "BREAKING — Rotterdam port at a standstill.\n\n" + edited + "\n\nShare this article."
    records = [("ap", signature(None, STORY)), ("copy", signature(None, copy))]
    assert first_answers(records) == [None, "ap"]


def test_an_unrelated_story_on_the_same_topic_is_new() -> None:
    records = [("rotterdam", signature(None, STORY)), ("antwerp", signature(None, SAME_TOPIC))]
    assert first_answers(records) == [None, None]


def test_every_later_copy_points_at_the_first_record_not_at_a_copy() -> None:
    records = [
        ("first", signature(None, STORY)),
        ("second", signature(None, WITH_SITE_INTRO)),
        ("third", signature(None, WITH_SITE_INTRO)),  # an exact copy of the second
        ("fourth", signature(None, WITHOUT_A_PARAGRAPH)),
    ]
    assert first_answers(records) == [None, "first", "first", "first"]


def test_the_same_canonical_url_with_tracking_parameters_is_an_exact_duplicate() -> None:
    records = [
        ("a", signature("https://example.com/news/story?id=5", STORY)),
        (
            "b",
            signature(
                "HTTPS://Example.COM:443/news/story/?utm_source=tw&id=5&fbclid=XyZ#comments",
                SAME_TOPIC,  # a different body: the URL alone decides
            ),
        ),
        ("c", signature("https://example.com/news/story?id=6", SAME_TOPIC)),
    ]
    assert first_answers(records) == [None, "a", None]


def test_a_record_matching_two_earlier_ones_exactly_points_at_the_earliest() -> None:
    records = [
        ("a", signature("https://a.example/1", STORY)),
        ("b", signature("https://b.example/2", SAME_TOPIC)),
        ("c", signature("https://b.example/2", STORY)),  # b's URL, a's body
    ]
    assert first_answers(records) == [None, None, "a"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://Example.COM:443/news/story/?utm_source=tw&utm_medium=x&id=5&gclid=1#top",
            "https://example.com/news/story?id=5",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a//", "http://example.com:8080/a"),
        ("https://user:secret@example.com/a?b=1&mc_cid=2&c", "https://example.com/a?b=1&c"),
        ("https://[2001:DB8::1]/a/", "https://[2001:db8::1]/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [None, "", "not a url", "/news/story", "ftp://example.com/a", "http://[::1", "http://a:99999/"],
)
def test_a_missing_or_unusable_url_gives_no_url_key(url: str | None) -> None:
    assert normalise_url(url) is None
    assert signature(url, STORY).url_key is None


def test_the_same_body_with_other_whitespace_case_and_punctuation_is_an_exact_duplicate() -> None:
    reformatted = "  " + STORY.upper().replace("\n\n", "\n").replace(" ", "  \t").replace(",", " ;")
    first, second = signature(None, STORY), signature(None, reformatted)
    assert second.body_key == first.body_key
    assert first_answers([("a", first), ("b", second)]) == [None, "a"]


def test_short_bodies_are_only_checked_for_exact_duplicates() -> None:
    assert len(SHORT.split()) < MIN_NEAR_WORDS
    edited = SHORT.replace("Monday", "Tuesday")
    records = [
        ("a", signature(None, SHORT)),
        ("b", signature(None, edited)),
        ("c", signature(None, SHORT.upper())),
    ]
    assert records[0][1].sketch == b"" and records[0][1].bands == ()
    assert first_answers(records) == [None, None, "a"]


def test_empty_bodies_are_not_duplicates_of_each_other() -> None:
    records = [
        (name, signature(None, body)) for name, body in [("a", ""), ("b", " \n"), ("c", "…!")]
    ]
    assert first_answers(records) == [None, None, None]


def test_chinese_text_is_compared_character_by_character() -> None:
    story = (
        "新华社北京电记者从交通运输部获悉今年前三季度全国港口完成货物吞吐量比去年同期增长百分之"
        "五其中外贸货物吞吐量增长百分之四集装箱吞吐量增长百分之六沿海港口运行总体平稳有序"
    )
    copy = "本报讯" + story.replace("增长百分之六", "增长百分之七")
    assert len(story) >= MIN_NEAR_WORDS
    records = [("xinhua", signature(None, story)), ("copy", signature(None, copy))]
    assert len(records[0][1].sketch) == SKETCH_BINS
    assert first_answers(records) == [None, "xinhua"]


def test_a_shared_band_alone_does_not_make_a_duplicate() -> None:
    rng = random.Random(1)
    bands = tuple(rng.getrandbits(32) for _ in range(BAND_COUNT))
    records = [
        (str(n), Signature(bands=bands, sketch=rng.randbytes(SKETCH_BINS))) for n in range(6)
    ]
    assert first_answers(records) == [None] * 6


def test_the_index_keeps_every_record_as_it_grows() -> None:
    rng = random.Random(2)
    signatures = [
        Signature(
            url_key=rng.getrandbits(64),
            body_key=rng.getrandbits(64),
            bands=tuple(rng.getrandbits(32) for _ in range(BAND_COUNT)),
            sketch=rng.randbytes(SKETCH_BINS),
        )
        for _ in range(3000)  # many times the tables' initial size
    ]
    index = Deduplicator()
    assert [index.first_of(str(n), sig) for n, sig in enumerate(signatures)] == [None] * 3000
    assert len(index) == 3000
    for n in range(0, 3000, 7):
        sig = signatures[n]
        assert index.first_of("by url", Signature(url_key=sig.url_key)) == str(n)
        assert index.first_of("by body", Signature(body_key=sig.body_key)) == str(n)
        assert index.first_of("near", Signature(bands=sig.bands, sketch=sig.sketch)) == str(n)


def test_signatures_are_the_same_in_another_process() -> None:
    code = (
        "import json, sys\n"
        "from byline.pipeline.dedup import signature\n"
        "print(json.dumps(signature(sys.argv[1], sys.stdin.read()).to_json()))\n"
    )
    url = "https://example.com/news/rotterdam-strike"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # a str hash() differs from this process's
    done = subprocess.run(
        [sys.executable, "-c", code, url], input=STORY, capture_output=True, text=True,
        env=env, timeout=60, check=True,
    )  # fmt: skip
    assert json.loads(done.stdout) == signature(url, STORY).to_json()


@pytest.mark.parametrize("body", [STORY, SHORT, ""], ids=["long", "short", "empty"])
def test_a_signature_survives_a_json_round_trip(body: str) -> None:
    sig = signature("https://example.com/a", body)
    assert Signature.from_json(json.loads(json.dumps(sig.to_json()))) == sig


def test_a_signature_survives_pickling_to_and_from_a_worker() -> None:
    sig = signature("https://example.com/a", STORY)
    assert pickle.loads(pickle.dumps(sig)) == sig


@pytest.mark.parametrize(
    "change",
    [
        {"version": 0},
        {"sketch": "00ff"},
        {"sketch": "not hex"},
        {"bands": [1, 2, 3]},
        {"bands": [-1] * BAND_COUNT},
        {"url": 12},
        {"body": "xyz"},
        {"body": "1" * 20},  # more than 64 bits
    ],
)
def test_a_malformed_signature_is_a_clear_error(change: dict) -> None:
    data = {**signature("https://example.com/a", STORY).to_json(), **change}
    with pytest.raises(ValueError, match="signature"):
        Signature.from_json(data)


def test_a_signature_that_is_not_a_mapping_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="signature"):
        Signature.from_json(["not", "a", "signature"])  # type: ignore[arg-type]


def test_a_body_that_is_not_text_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="body must be a str"):
        signature(None, None)  # type: ignore[arg-type]


def test_an_index_rebuilt_from_saved_signatures_gives_the_same_answers() -> None:
    records = [
        ("story", signature("https://a.example/story", STORY)),
        ("antwerp", signature("https://b.example/antwerp", SAME_TOPIC)),
        ("copy", signature("https://c.example/copy", WITH_SITE_INTRO)),
        ("short", signature(None, SHORT)),
        ("moved", signature("https://a.example/story?utm_campaign=x", SHORT)),
    ]
    saved = [(record_id, json.dumps(sig.to_json())) for record_id, sig in records]
    rebuilt = [(record_id, Signature.from_json(json.loads(text))) for record_id, text in saved]
    assert first_answers(rebuilt) == first_answers(records) == [None, None, "story", None, "story"]

    later = signature(None, WITHOUT_A_PARAGRAPH)  # what a resumed run sees next
    original, resumed = Deduplicator(), Deduplicator()
    for (record_id, sig), (_, rebuilt_sig) in zip(records, rebuilt, strict=True):
        original.first_of(record_id, sig)
        resumed.first_of(record_id, rebuilt_sig)
    assert resumed.first_of("later", later) == original.first_of("later", later) == "story"
