"""The record's typed loader: ``Article.from_dict`` and ``Record.from_dict`` invert ``to_dict``.

Round trips run over the records of real pages (the samples and every
``CORPUS_STEP``-th page of the development corpus), through JSON text as the
store and JSON Lines hold them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import byline
from byline.record import Article, BodyQuality, Record, RecordError, Source
from tests.conftest import SAMPLES, SHARED

CORPUS_PAGES = SHARED / "corpus" / "dev" / "html"
CORPUS_STEP = 20
"""Every 20th of the ~800 corpus pages: a few dozen records of every kind of site."""


def real_pages() -> list[Path]:
    corpus = sorted(CORPUS_PAGES.glob("*.html"))[::CORPUS_STEP]
    return sorted(SAMPLES.glob("*.html")) + corpus


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("path", real_pages(), ids=lambda path: path.name)
def test_from_dict_inverts_to_dict_on_real_pages(path: Path) -> None:
    article = byline.extract(path.read_bytes(), url=f"https://{path.stem}.example/story")
    data = through_json(article.to_dict())
    loaded = Article.from_dict(data)
    assert loaded == article
    assert loaded.to_dict() == data
    record = Record("0f3a", Source("file", path=str(path)), None, article)
    assert Record.from_dict(through_json(record.to_dict())) == record


def test_the_round_trips_cover_the_corpus_and_dates_in_alternatives() -> None:
    pages = real_pages()
    assert len(pages) > 30 if CORPUS_PAGES.is_dir() else len(pages) >= 5
    harbour = byline.extract((SAMPLES / "harbour-gazette-wire.html").read_bytes())
    loaded = Article.from_dict(through_json(harbour.to_dict()))
    assert isinstance(loaded.published, datetime)
    moments = [
        alternative.value
        for name in ("published", "modified")
        if name in loaded.provenance
        for alternative in loaded.provenance[name].alternatives
    ]
    assert all(isinstance(moment, date) for moment in moments)


@pytest.mark.parametrize("quality", list(BodyQuality))
def test_body_quality_is_written_as_its_value_and_read_back_as_the_member(
    quality: BodyQuality,
) -> None:
    data = through_json(Article(body="Text.", body_quality=quality).to_dict())
    assert data["body_quality"] == quality.value
    assert Article.from_dict(data).body_quality is quality


def test_an_older_record_without_newer_fields_loads_with_their_defaults() -> None:
    row = {
        "id": "old",
        "source": {"kind": "url", "url": "https://a.example/1"},
        "title": "An older record",
        "published": "2021-06-01",
        "authors": [{"name": "Ada Lovelace"}],
        "tags": None,
    }
    record = Record.from_dict(row)
    assert record.article.published == date(2021, 6, 1)
    assert record.article.authors[0].url is None
    assert (record.article.credit, record.article.quotes, record.article.tags) == (None, [], [])
    assert record.article.body_quality is None  # (written before byline said)
    assert record.duplicate_of is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "record: expected an object, got list"),
        ({"title": 3}, "record.title: expected str, got int"),
        ({"word_count": True}, "record.word_count: expected int, got bool"),
        ({"tags": "politics"}, "record.tags: expected list, got str"),
        ({"authors": [{"url": "https://a.example"}]}, "record.authors[0].name: missing"),
        ({"images": [{"url": "u", "width": "800"}]}, "record.images[0].width: expected int"),
        ({"published": "yesterday"}, "record.published: 'yesterday' is not an ISO 8601"),
        ({"body_quality": "great"}, "record.body_quality: 'great' is not one of 'full', 'short'"),
        ({"body_quality": 1}, "record.body_quality: expected str, got int"),
        ({"provenance": {"title": []}}, "record.provenance.title: expected an object"),
        (
            {"provenance": {"modified": {"source": "meta", "alternatives": [{"source": "x"}]}}},
            "record.provenance.modified.alternatives[0].value: missing",
        ),
    ],
)
def test_wrong_types_raise_a_record_error_naming_the_field(data: Any, message: str) -> None:
    with pytest.raises(RecordError) as error:
        Article.from_dict(data)
    assert str(error.value).startswith(message)
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "no id"}, "id: missing"),
        ({"id": "x", "title": "no source"}, "source: missing"),
        ({"id": "x", "source": {"kind": "warc", "offset": "9"}}, "source.offset: expected int"),
        ({"id": 7, "source": {"kind": "file"}}, "id: expected str, got int"),
    ],
)
def test_a_record_needs_its_id_and_source(data: Any, message: str) -> None:
    with pytest.raises(RecordError, match="^" + message.replace("[", r"\[")):
        Record.from_dict(data)


def test_titles_and_descriptions_are_read_as_shown() -> None:
    # Soft hyphens, zero-width spaces and BOMs (hints for breaking lines) and the readings
    # of ruby text print nothing a reader reads as a word: no field holds them, as the
    # body holds none.
    html = (
        '<html lang="ja"><head><title>x</title>'
        '<meta property="og:description" content="\ufeffDie Er\u00adin\u00adne\u00adrung'
        ' an\u200bdie Opfer, und mehr davon hier.">'
        "</head><body><article><h1><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
        "<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>"
        "<p>子どもへの体罰をなくすための法律ができて、親が子どもを教育するために、"
        "たたくことを禁止します。この法律は来年の四月から始まります。</p>"
        "<p>Er\u00adin\u00adne\u00adrung an die Opfer der NS-Ver\u00adbre\u00adchen, "
        "begangen am Donnerstag in Berlin mit einer Gedenkstunde.</p></article></body></html>"
    )
    article = byline.extract(html.encode(), url="https://example.jp/news/k100.html")
    assert article.title == "子どもへの体罰を禁止する法律ができる"
    assert article.description == "Die Erinnerung andie Opfer, und mehr davon hier."
