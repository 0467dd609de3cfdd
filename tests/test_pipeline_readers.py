"""The readers of ``byline run``: files, directories, globs, gzip, WARC and ARC into items.

Archives are written in ``tmp_path`` with warcio's ``WARCWriter`` (ARC by hand:
warcio reads ARC but does not write it), so every test reads a real archive.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterable
from pathlib import Path

import fsspec
import pytest
from conftest import SEED_URL, fixture_bytes, fixture_text
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import byline
from bench.synthetic import article_page
from byline.pipeline import readers, warc
from byline.pipeline.pages import Failed, Item, Page, Skipped
from byline.pipeline.readers import input_files, read_file, read_inputs
from byline.pipeline.warc import read_archive

SEED = fixture_bytes("sputnik_seed.html")
SEED_TITLE = "Japan, France Agree to Strengthen Defense Cooperation"
RUSSIAN_TITLE = "Япония и Франция договорились укреплять оборонное сотрудничество"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

RecordSpec = tuple[str, str, bytes, list[tuple[str, str]], str]
"""A record to write: (WARC type, target URI, payload, HTTP headers, HTTP status line)."""


# --- building archives ---------------------------------------------------------------------


def response(
    url: str,
    body: bytes,
    content_type: str | None = "text/html; charset=utf-8",
    status: str = "200 OK",
    extra: Iterable[tuple[str, str]] = (),
) -> RecordSpec:
    headers = [("Content-Type", content_type)] if content_type else []
    return ("response", url, body, [*headers, *extra], status)


def request(url: str) -> RecordSpec:
    return ("request", url, b"", [("Host", "example.com")], "GET / HTTP/1.1")


def metadata(url: str) -> RecordSpec:
    return ("metadata", url, b"outlink: https://example.com/next\r\n", [], "")


def write_warc(path: Path, records: list[RecordSpec], gzipped: bool = True) -> Path:
    """A WARC at ``path``: a warcinfo record, then ``records``."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "byline-tests"}))
        for kind, url, body, headers, status in records:
            http = None
            if kind == "request":
                http = StatusAndHeaders(status, headers, is_http_request=True)
            elif kind == "response":
                http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                kind,
                payload=io.BytesIO(body),
                http_headers=http,
                warc_content_type="application/warc-fields" if http is None else None,
            )
            writer.write_record(record)
    return path


def arc_bytes(records: list[tuple[str, bytes]], gzipped: bool) -> bytes:
    """An ARC v1 file: the ``filedesc://`` header, then one record per (url, HTTP response)."""
    spec = b"1 0 byline-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    blocks = [("filedesc://test.arc", "text/plain", spec)]
    blocks += [(url, "text/html", http) for url, http in records]
    members = [
        f"{url} 127.0.0.1 20230623120000 {kind} {len(block)}\n".encode() + block + b"\n"
        for url, kind, block in blocks
    ]
    return b"".join(gzip.compress(m) for m in members) if gzipped else b"".join(members)


def http_response(status: str, content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.0 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def chunked(data: bytes, size: int = 1000) -> bytes:
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def russian_page_without_meta_charset() -> str:
    return fixture_text("russian_story.html").replace('<meta charset="utf-8">', "")


def summary(items: Iterable[Item]) -> list[tuple[str, str | None]]:
    """(kind, reason) of each item: what a run's summary would count."""
    return [(type(i).__name__, None if isinstance(i, Page) else i.reason) for i in items]


MIXED = [
    response(SEED_URL, SEED),
    request(SEED_URL),
    metadata(SEED_URL),
    response("https://example.com/logo.png", PNG, "image/png"),
    response("https://example.com/gone", b"<html>gone</html>", "text/html", "404 Not Found"),
]
MIXED_SUMMARY = [
    ("Skipped", "warc-warcinfo"),
    ("Page", None),
    ("Skipped", "warc-request"),
    ("Skipped", "warc-metadata"),
    ("Skipped", "not-html"),
    ("Skipped", "http-404"),
]


# --- WARC ----------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_each_record_is_one_page_or_one_counted_skip(tmp_path: Path, gzipped: bool) -> None:
    path = write_warc(tmp_path / "mixed.warc", MIXED, gzipped)
    items = list(read_archive(str(path)))
    assert summary(items) == MIXED_SUMMARY
    page = items[1]
    assert isinstance(page, Page)
    assert page.content == SEED
    assert (page.url, page.charset) == (SEED_URL, "utf-8")
    assert page.key == f"warc:{path}@{page.source['offset']}"
    assert set(page.source) == {"kind", "warc", "offset", "record_id", "status", "date"}
    assert page.source["kind"] == "warc" and page.source["warc"] == str(path)
    assert page.source["status"] == 200
    assert page.source["record_id"].startswith("<urn:uuid:")
    assert page.source["date"].startswith("20")
    assert items[-1].source["status"] == 404
    article = byline.extract(page.content, url=page.url, charset=page.charset)
    assert article.title == SEED_TITLE


def test_keys_are_record_offsets_and_stable_across_reads(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "mixed.warc.gz", MIXED)
    first, second = list(read_archive(str(path))), list(read_archive(str(path)))
    assert first == second
    keys = [item.key for item in first]
    assert len(set(keys)) == len(keys)
    for item in first:  # a resumed run could seek straight to each record
        with open(path, "rb") as stream:
            stream.seek(item.source["offset"])
            record = next(iter(ArchiveIterator(stream)))
        assert record.rec_headers.get_header("WARC-Record-ID") is not None
        if isinstance(item, Page):
            assert record.rec_headers.get_header("WARC-Target-URI") == item.url


def test_a_relative_path_is_keyed_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_warc(tmp_path / "a.warc.gz", [response(SEED_URL, SEED)])
    monkeypatch.chdir(tmp_path)
    page = next(i for i in read_archive("a.warc.gz") if isinstance(i, Page))
    assert page.key.startswith(f"warc:{tmp_path / 'a.warc.gz'}@")


def test_http_charset_that_lies_does_not_garble_the_page(tmp_path: Path) -> None:
    body = russian_page_without_meta_charset().encode("cp1251")
    path = write_warc(tmp_path / "lie.warc.gz", [response("https://v.example.org/1", body)])
    page = next(i for i in read_archive(str(path)) if isinstance(i, Page))
    assert page.charset == "utf-8"
    article = byline.extract(page.content, url=page.url, charset=page.charset)
    assert article.title == RUSSIAN_TITLE
    assert "Министры иностранных дел" in article.body


def test_http_charset_decodes_a_page_that_declares_none(tmp_path: Path) -> None:
    body = russian_page_without_meta_charset().encode("windows-1251")
    record = response("https://v.example.org/2", body, "text/html; charset=windows-1251")
    path = write_warc(tmp_path / "cp1251.warc", [record], gzipped=False)
    page = next(i for i in read_archive(str(path)) if isinstance(i, Page))
    assert page.charset == "windows-1251"
    article = byline.extract(page.content, url=page.url, charset=page.charset)
    assert article.title == RUSSIAN_TITLE


def test_chunked_gzip_encoded_payload_is_decoded(tmp_path: Path) -> None:
    encoding = [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]
    record = response(SEED_URL, chunked(gzip.compress(SEED)), extra=encoding)
    path = write_warc(tmp_path / "chunked.warc.gz", [record])
    page = next(i for i in read_archive(str(path)) if isinstance(i, Page))
    assert page.content == SEED


GZIPPED = gzip.compress(SEED)
DEFLATED = zlib.compress(SEED)


@pytest.mark.parametrize(
    ("body", "headers", "truncated"),
    [
        (GZIPPED, [("Content-Encoding", "gzip")], False),
        (GZIPPED[: len(GZIPPED) // 2], [("Content-Encoding", "gzip")], True),
        (DEFLATED[: len(DEFLATED) // 2], [("Content-Encoding", "deflate")], True),
        (
            chunked(GZIPPED[: len(GZIPPED) // 2]),
            [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
            True,
        ),
        (SEED, [("Content-Length", str(len(SEED)))], False),
        (SEED[:5000], [("Content-Length", str(len(SEED)))], True),
    ],
    ids=["gzip", "gzip-cut", "deflate-cut", "chunked-gzip-cut", "plain", "plain-cut"],
)
def test_a_payload_cut_short_is_marked_truncated(
    tmp_path: Path, body: bytes, headers: list[tuple[str, str]], truncated: bool
) -> None:
    path = write_warc(tmp_path / "cut.warc.gz", [response(SEED_URL, body, extra=headers)])
    page = next(i for i in read_archive(str(path)) if isinstance(i, Page))
    assert SEED.startswith(page.content[:1000])
    assert page.source.get("truncated", False) is truncated


def test_unsupported_content_encoding_is_a_failure_not_garbage(tmp_path: Path) -> None:
    record = response(SEED_URL, b"\x28\xb5\x2f\xfd binary", extra=[("Content-Encoding", "zstd")])
    path = write_warc(tmp_path / "zstd.warc.gz", [record, response(SEED_URL, SEED)])
    items = list(read_archive(str(path)))
    assert [type(i) for i in items[1:]] == [Failed, Page]
    assert "'zstd'" in items[1].reason


def test_missing_content_type_is_decided_by_the_body(tmp_path: Path) -> None:
    records = [response(SEED_URL, SEED, None), response("https://example.com/x", PNG, None)]
    path = write_warc(tmp_path / "untyped.warc.gz", records)
    assert summary(read_archive(str(path)))[1:] == [("Page", None), ("Skipped", "not-html")]


def test_xhtml_is_a_page(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "x.warc.gz", [response(SEED_URL, SEED, "application/xhtml+xml")])
    assert summary(read_archive(str(path)))[1:] == [("Page", None)]


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_truncated_final_record_gives_earlier_records_then_one_failure(
    tmp_path: Path, gzipped: bool
) -> None:
    path = write_warc(tmp_path / "cut.warc", MIXED[:1] * 3, gzipped)
    data = path.read_bytes()
    whole = list(read_archive(str(path)))
    last_offset = whole[-1].source["offset"]
    path.write_bytes(data[:-100])
    items = list(read_archive(str(path)))
    assert items[:-1] == whole[:-1]
    assert isinstance(items[-1], Failed)
    assert items[-1].key == whole[-1].key
    assert f"offset {last_offset}" in items[-1].reason


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_every_cut_of_the_last_record_is_reported(tmp_path: Path, gzipped: bool) -> None:
    path = write_warc(tmp_path / "cut.warc", MIXED[:1] * 2, gzipped)
    data = path.read_bytes()
    whole = list(read_archive(str(path)))
    last_size = len(data) - whole[-1].source["offset"]
    for cut in range(1, last_size, 13):
        path.write_bytes(data[:-cut])
        items = list(read_archive(str(path)))
        assert items[:-1] == whole[:-1], cut
        # a cut that takes only the record's trailing newlines (or gzip trailer) loses nothing
        assert isinstance(items[-1], Failed) or items[-1] == whole[-1], cut


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_cut_anywhere_in_the_last_record_is_told_in_plain_words(
    tmp_path: Path, gzipped: bool
) -> None:
    """warcio slips on some cut headers with Python's own errors ("'NoneType' object has no
    attribute 'startswith'"): the reason says what is wrong with the archive instead."""
    path = write_warc(tmp_path / "cut.warc", MIXED[:1] * 2, gzipped)
    data = path.read_bytes()
    last = list(read_archive(str(path)))[-1].source["offset"]
    reasons = set()
    for end in range(last + 1, len(data), 3):
        path.write_bytes(data[:end])
        reasons |= {item.reason for item in read_archive(str(path)) if isinstance(item, Failed)}
    assert reasons
    for reason in reasons:
        assert "object" not in reason and "None" not in reason, reason


def test_record_header_cut_inside_its_length_is_reported(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc", MIXED[:1] * 2, gzipped=False)
    whole = list(read_archive(str(path)))
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"Content-Length: ") + len(b"Content-Length: ")])
    items = list(read_archive(str(path)))
    assert items[:-1] == whole[:-1]
    assert isinstance(items[-1], Failed) and "length" in items[-1].reason


def test_corrupt_gzip_member_costs_its_record_only(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "bad.warc.gz", MIXED[:1] * 3)
    whole = list(read_archive(str(path)))
    data = bytearray(path.read_bytes())
    middle = (whole[2].source["offset"] + whole[3].source["offset"]) // 2
    data[middle : middle + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    items = list(read_archive(str(path)))
    assert items[:2] == whole[:2] and items[3:] == whole[3:]
    assert isinstance(items[2], Failed) and items[2].key == whole[2].key
    assert f"offset {whole[2].source['offset']}" in items[2].reason


def twenty_pages_with_record_10_damaged(tmp_path: Path, at: int) -> tuple[list[Item], Path]:
    """A 20-page .warc.gz read whole, then damaged: 64 bytes of record 10 flipped, ``at``
    bytes into its gzip member (-1: in the middle)."""
    pages = [response(f"https://example.com/news/{n}", article_page(n).encode()) for n in range(20)]
    path = write_warc(tmp_path / "crawl.warc.gz", pages)
    whole = list(read_archive(str(path)))
    start, end = whole[10].source["offset"], whole[11].source["offset"]
    flip = (start + end) // 2 if at < 0 else start + at
    data = bytearray(path.read_bytes())
    data[flip : flip + 64] = bytes(byte ^ 0xFF for byte in data[flip : flip + 64])
    path.write_bytes(bytes(data))
    return whole, path


# over the gzip magic, in the gzip header, at the start of the compressed WARC header,
# in the middle of the payload
@pytest.mark.parametrize("at", [0, 4, 20, -1])
def test_a_damaged_member_is_one_error_and_every_other_record_is_read(
    tmp_path: Path, at: int
) -> None:
    whole, damaged = twenty_pages_with_record_10_damaged(tmp_path, at)
    items = list(read_archive(str(damaged)))
    assert items == whole[:10] + items[10:11] + whole[11:]
    error = items[10]
    assert isinstance(error, Failed) and error.source["offset"] == whole[10].source["offset"]
    assert f"at offset {whole[10].source['offset']}" in error.reason
    assert f"next intact record, offset {whole[11].source['offset']}" in error.reason
    assert error.reason.isascii() and error.reason.isprintable() and len(error.reason) < 400


def test_broken_record_headers_are_one_failure(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "ok.warc", MIXED[:1], gzipped=False)
    path.write_bytes(path.read_bytes() + b"this is not a WARC record\r\n\r\n")
    items = list(read_archive(str(path)))
    assert summary(items)[:2] == MIXED_SUMMARY[:2]
    assert len(items) == 3 and isinstance(items[2], Failed)
    assert "corrupt" in items[2].reason


def test_not_an_archive_at_all_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"hello, I am a text file\n" * 10)
    [item] = read_archive(str(path))
    assert isinstance(item, Failed) and item.key == f"warc:{path}@0"
    assert item.reason.startswith("not a readable WARC or ARC archive: ")


def test_whole_file_gzip_says_how_to_fix_it(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "plain.warc", MIXED[:1] * 2, gzipped=False)
    whole_gz = tmp_path / "whole.warc.gz"
    whole_gz.write_bytes(gzip.compress(path.read_bytes()))
    items = list(read_archive(str(whole_gz)))
    assert summary(items[:1]) == MIXED_SUMMARY[:1]
    assert len(items) == 2 and isinstance(items[1], Failed)
    assert "warcio recompress" in items[1].reason


def test_empty_archive_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    assert summary(read_archive(str(path))) == [("Skipped", "empty-archive")]


def test_record_over_the_size_limit_fails_without_stopping_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = b"<html><body><p>small</p></body></html>"
    encoded = [("Content-Encoding", "gzip")]
    records = [
        response(SEED_URL, SEED),
        response(SEED_URL, gzip.compress(SEED), extra=encoded),  # small until decompressed
        response("https://example.com/s", small),
    ]
    path = write_warc(tmp_path / "big.warc.gz", records)
    monkeypatch.setattr(warc, "MAX_PAGE_BYTES", len(SEED) // 2)
    items = list(read_archive(str(path)))
    assert [type(i) for i in items[1:]] == [Failed, Failed, Page]
    assert "the limit is" in items[1].reason and "the limit is" in items[2].reason
    assert items[3].content == small


def test_missing_archive_is_one_failure(tmp_path: Path) -> None:
    items = list(read_archive(str(tmp_path / "nowhere.warc.gz")))
    assert summary(items) == [("Failed", "cannot read the file: No such file or directory")]


# --- ARC -----------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [True, False], ids=["arc.gz", "arc"])
def test_arc_records(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("old.arc.gz" if gzipped else "old.arc")
    records = [
        (SEED_URL, http_response("200 OK", "text/html; charset=utf-8", SEED)),
        ("http://example.com/a.png", http_response("200 OK", "image/png", PNG)),
        ("http://example.com/gone", http_response("404 Not Found", "text/html", b"gone")),
    ]
    path.write_bytes(arc_bytes(records, gzipped))
    items = list(read_file(str(path)))
    expected = [("Skipped", "arc-header"), ("Page", None), ("Skipped", "not-html")]
    assert summary(items) == [*expected, ("Skipped", "http-404")]
    page = items[1]
    assert (page.url, page.content, page.charset) == (SEED_URL, SEED, "utf-8")
    assert page.source["record_id"] is None
    assert page.source["date"] == "2023-06-23T12:00:00Z"
    assert byline.extract(page.content, url=page.url).title == SEED_TITLE


def test_truncated_arc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cut.arc"
    path.write_bytes(arc_bytes([(SEED_URL, http_response("200 OK", "text/html", SEED))], False))
    path.write_bytes(path.read_bytes()[:-500])
    items = list(read_file(str(path)))
    assert summary(items[:1]) == [("Skipped", "arc-header")]
    assert len(items) == 2 and isinstance(items[1], Failed)
    assert f"offset {items[1].source['offset']} is cut short" in items[1].reason


# --- files ---------------------------------------------------------------------------------


def test_html_file_is_one_page(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(SEED)
    [page] = read_file(str(path))
    assert page == Page(f"file:{path}", SEED, source={"kind": "file", "path": str(path)})
    assert byline.extract(page.content).title == SEED_TITLE


def test_gzipped_html_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(SEED))
    [page] = read_file(str(path))
    assert page.content == SEED and page.key == f"file:{path}"


def test_named_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(SEED)
    assert [i.content for i in read_file(str(path))] == [SEED]


def test_archive_under_another_name_is_read_as_an_archive(tmp_path: Path) -> None:
    for name, gzipped in (("crawl.html", False), ("crawl.bin", True)):
        path = write_warc(tmp_path / name, MIXED, gzipped)
        assert summary(read_file(str(path))) == MIXED_SUMMARY


def test_empty_file_is_an_empty_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert [(type(i), i.content) for i in read_file(str(path))] == [(Page, b"")]


@pytest.mark.parametrize(
    "data",
    [gzip.compress(SEED)[:-200], b"\x1f\x8b" + b"\x00" * 50, b"<html>not gzip</html>"],
    ids=["cut", "garbage", "not-gzip"],
)
def test_corrupt_gzip_file_is_one_failure(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(data)
    [item] = read_file(str(path))
    assert isinstance(item, Failed) and item.key == f"file:{path}"
    assert item.reason.startswith("cannot read the file: ")


def test_directory_given_as_a_file_is_one_failure(tmp_path: Path) -> None:
    [item] = read_file(str(tmp_path))
    assert isinstance(item, Failed) and "directory" in item.reason.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(SEED)
    path.chmod(0)
    assert summary(read_file(str(path))) == [("Failed", "cannot read the file: Permission denied")]


def test_file_over_the_size_limit_fails_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with open(path, "wb") as out:  # sparse: no data written
        out.truncate(65 * 2**20)
    [item] = read_file(str(path))
    assert isinstance(item, Failed) and item.reason == "page is 65 MB; the limit is 64 MB"


def test_gzip_bomb_is_not_expanded_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b" " * 100_000))
    monkeypatch.setattr(readers, "MAX_PAGE_BYTES", 10_000)
    [item] = read_file(str(path))
    assert isinstance(item, Failed) and "limit" in item.reason


def test_fsspec_paths_are_read_through_fsspec(tmp_path: Path) -> None:
    with fsspec.open("memory://byline-tests/story.html.gz", "wb") as out:
        out.write(gzip.compress(SEED))
    with fsspec.open("memory://byline-tests/crawl.warc.gz", "wb") as out:
        out.write(write_warc(tmp_path / "c.warc.gz", MIXED).read_bytes())
    inputs = ["memory://byline-tests/story.html.gz", "memory://byline-tests/crawl.warc.gz"]
    assert list(input_files(inputs)) == inputs
    items = list(read_inputs(inputs))
    assert items[0] == Page(
        "file:memory://byline-tests/story.html.gz",
        SEED,
        source={"kind": "file", "path": "memory://byline-tests/story.html.gz"},
    )
    assert summary(items[1:]) == MIXED_SUMMARY
    assert items[2].key.startswith("warc:memory://byline-tests/crawl.warc.gz@")
    [missing] = read_file("memory://byline-tests/nothing.html")
    assert isinstance(missing, Failed) and "cannot read the file" in missing.reason


# --- expanding inputs ----------------------------------------------------------------------


def make_tree(root: Path) -> None:
    """A crawl directory: pages, archives, an image, hidden entries, extension-less files."""
    (root / "b" / "c").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.html").write_bytes(SEED)
    (root / "b" / "story.HTM.gz").write_bytes(gzip.compress(SEED))
    write_warc(root / "b" / "c" / "crawl.warc.gz", MIXED)
    (root / "b" / "logo.png").write_bytes(PNG)
    (root / ".hidden.html").write_bytes(SEED)
    (root / ".git" / "index.html").write_bytes(SEED)
    (root / "12345").write_bytes(SEED)  # what a mirror saves /news/12345 as
    (root / "README").write_bytes(b"Notes about this crawl.\n")


def test_directory_is_walked_in_name_order(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    make_tree(root)
    entries = list(input_files([str(root)]))
    assert entries == [
        str(root / "12345"),
        Skipped(
            f"file:{root / 'README'}",
            "not-html-file",
            {"kind": "file", "path": str(root / "README")},
        ),
        str(root / "a.html"),
        str(root / "b" / "c" / "crawl.warc.gz"),
        Skipped(
            f"file:{root / 'b' / 'logo.png'}",
            "not-html-file",
            {"kind": "file", "path": str(root / "b" / "logo.png")},
        ),
        str(root / "b" / "story.HTM.gz"),
    ]
    items = list(read_inputs([str(root)]))
    not_html = ("Skipped", "not-html-file")
    page = ("Page", None)
    assert summary(items) == [page, not_html, page, *MIXED_SUMMARY, not_html, page]
    assert [i.content for i in items if isinstance(i, Page)] == [SEED] * 4


def test_overlapping_inputs_are_read_once(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    make_tree(root)
    once = list(input_files([str(root)]))
    assert list(input_files([str(root), str(root / "a.html"), str(root / "b")])) == once


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    root.mkdir()
    (root / "a.html").write_bytes(SEED)
    (root / "loop").symlink_to(root)
    assert list(input_files([str(root)])) == [str(root / "a.html")]


def test_glob_patterns_are_expanded_in_name_order(tmp_path: Path) -> None:
    root = tmp_path / "crawl"
    make_tree(root)
    assert list(input_files([f"{root}/**/*.gz"])) == [
        str(root / "b" / "c" / "crawl.warc.gz"),
        str(root / "b" / "story.HTM.gz"),
    ]
    # a matched file counts as named (any extension); a matched directory is walked
    assert list(input_files([f"{root}/b/*"])) == [
        str(root / "b" / "c" / "crawl.warc.gz"),
        str(root / "b" / "logo.png"),
        str(root / "b" / "story.HTM.gz"),
    ]


def test_relative_inputs_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "crawl"
    make_tree(root)
    monkeypatch.chdir(tmp_path)
    assert list(input_files(["crawl/a.html", "crawl/*.html"])) == [str(root / "a.html")]


def test_missing_path_and_empty_glob_are_failures(tmp_path: Path) -> None:
    missing, nothing = str(tmp_path / "nope.html"), str(tmp_path / "*.warc.gz")
    entries = list(input_files([missing, nothing]))
    assert entries == [
        Failed(f"file:{missing}", "no such file or directory", {"kind": "file", "path": missing}),
        Failed(f"file:{nothing}", f"no file matches {nothing}", {"kind": "file", "path": nothing}),
    ]
    assert list(read_inputs([missing, nothing])) == entries


def test_read_inputs_keeps_input_order(tmp_path: Path) -> None:
    html = tmp_path / "z.html"
    html.write_bytes(SEED)
    archive = write_warc(tmp_path / "a.warc.gz", MIXED)
    items = list(read_inputs([str(html), str(archive)]))
    assert items[0].key == f"file:{html}"
    assert summary(items[1:]) == MIXED_SUMMARY
