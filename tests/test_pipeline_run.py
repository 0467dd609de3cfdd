"""byline run end to end: formats, errors file, summary, resume after SIGKILL, Dask = local."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bench.synthetic import article_page, corpus, syndicated_copy, write_warc
from byline.cli import main
from byline.pipeline import run
from byline.pipeline.crawl import CrawlSettings
from byline.pipeline.journal import JournalMismatch
from tests.conftest import QuietHandler

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A directory as a crawl leaves it: pages, a gzipped page, a WARC, and junk."""
    root = tmp_path / "crawl"
    (root / "a").mkdir(parents=True)
    for n in range(6):
        (root / "a" / f"story-{n}.html").write_text(article_page(100 + n), encoding="utf-8")
    # after story-2.html in the walk's name order, so the copy is the later record
    (root / "a" / "wire-copy.html").write_text(
        syndicated_copy(102, "wire.example.com"), encoding="utf-8"
    )
    (root / "zipped.html.gz").write_bytes(gzip.compress(article_page(40).encode()))
    (root / "empty.html").write_bytes(b"")
    (root / "garbage.html").write_bytes(bytes(range(256)) * 40)
    (root / "menu.html").write_text("<html><body><nav><a href=/>Home</a></nav></body></html>")
    write_warc(root / "crawl.warc.gz", corpus(12))
    return root


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_directory_becomes_one_record_per_article(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run([str(crawl)], out, workers=2)
    rows = records(out)
    errors = records(tmp_path / "out.jsonl.errors.jsonl")
    # 6 pages + 1 copy + 1 gz + 12 from the WARC; empty, garbage and menu are errors
    assert summary.records == len(rows) == 20
    assert summary.errors + summary.no_article == len(errors) == 3
    assert {e["status"] for e in errors} == {"error", "no-article"}
    assert all(e["reason"] and e["source"] for e in errors)
    assert summary.inputs == 23 + sum(summary.skipped.values())
    assert len({r["id"] for r in rows}) == len(rows)
    warc_rows = [r for r in rows if r["source"]["kind"] == "warc"]
    assert len(warc_rows) == 12
    assert all(
        r["url"].startswith("https://site") and r["source"]["offset"] >= 0 for r in warc_rows
    )
    assert all(r["title"] and r["body"] and r["published"] for r in rows)
    saved = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert saved["records"] == 20 and saved["pages_per_second"] > 0


def test_syndicated_copies_point_at_the_first_record(crawl: Path, tmp_path: Path) -> None:
    rows = records_of_run(crawl, tmp_path / "out.jsonl")
    by_path = {Path(r["source"]["path"] or "").name: r for r in rows}
    assert by_path["wire-copy.html"]["duplicate_of"] == by_path["story-2.html"]["id"]
    originals = [r for r in rows if r["duplicate_of"] is None]
    assert len(originals) == len(rows) - 2  # the copy, and the WARC's copy of its story 0

    summary = run([str(crawl)], tmp_path / "dropped.jsonl", drop_duplicates=True)
    assert summary.duplicates_dropped == 2
    assert len(records(tmp_path / "dropped.jsonl")) == len(rows) - 2


def records_of_run(inputs: Path, out: Path, **options) -> list[dict]:
    run([str(inputs)], out, **options)
    return records(out)


def test_parquet_holds_the_record_schema(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    summary = run([str(crawl)], out, workers=1)
    table = pq.read_table(out)
    assert table.num_rows == summary.records == 20
    assert table.schema.field("authors").type.value_type.names == ["name", "url"]
    assert table.schema.field("publisher").type.names[0] == "name"
    assert table.schema.field("source").type.get_field_index("offset") >= 0
    assert table.schema.field("body_quality").type == pa.string()
    row = table.slice(0, 1).to_pylist()[0]
    assert row["title"] and row["body"] and isinstance(row["word_count"], int)
    assert row["body_quality"] == "full"


def test_csv_is_flat(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    run([str(crawl)], out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 20
    assert {"publisher.name", "source.kind", "authors", "tags", "body_quality"} <= set(rows[0])
    assert all(r["title"] and r["source.kind"] in ("file", "warc") for r in rows)


def test_a_finished_run_run_again_writes_nothing_more(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = run([str(crawl)], out)
    again = run([str(crawl)], out)
    assert again.resumed and again.records == first.records
    assert len(records(out)) == first.records


def test_an_existing_output_is_never_clobbered(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    with pytest.raises(FileExistsError):
        run([str(crawl)], out)
    assert out.read_text() == "precious\n"
    assert run([str(crawl)], out, overwrite=True).records == 20


def test_resuming_with_other_options_is_refused(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run([str(crawl)], out)
    with pytest.raises(JournalMismatch):
        run([str(crawl)], out, drop_duplicates=True)


def test_a_page_over_the_time_limit_goes_to_the_errors_file(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_bytes((FIXTURES / "sputnik_seed.html").read_bytes())
    summary = run([str(page)], tmp_path / "out.jsonl", page_time_limit=1e-4)
    assert summary.errors == 1 and summary.records == 0
    (error,) = records(tmp_path / "out.jsonl.errors.jsonl")
    assert "took over" in error["reason"]


RUN_SCRIPT = """
import sys
from byline.pipeline import run
run([sys.argv[1]], sys.argv[2], workers=2, commit_every=25)
"""


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_killed_runs_resume_with_every_input_exactly_once(tmp_path: Path, suffix: str) -> None:
    warc = tmp_path / "big.warc.gz"
    write_warc(warc, corpus(400))
    reference = tmp_path / f"reference{suffix}"
    run([str(warc)], reference, workers=2)
    expected = _rows(reference)

    out = tmp_path / f"out{suffix}"
    command = [sys.executable, "-c", RUN_SCRIPT, str(warc), str(out)]
    kills = 0
    for attempt in range(8):  # kill it at different points, then let it finish
        process = subprocess.Popen(command, start_new_session=True)
        if attempt % 2:  # early: while starting, or before its first commit
            time.sleep(0.1 * attempt)
            alive = process.poll() is None
        else:  # mid-run: once it has written more than before
            alive = _wait_for_progress(out, process)
        if alive:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            kills += 1
        else:
            break
    subprocess.run(command, check=True)
    assert kills >= 2
    assert _rows(out) == expected  # same records, same order, none lost, none twice


def _rows(out: Path) -> list[dict]:
    return pq.read_table(out).to_pylist() if out.suffix == ".parquet" else records(out)


def _wait_for_progress(out: Path, process: subprocess.Popen) -> bool:
    """Wait until the run has committed more than before; False once it ended."""
    journal = out.with_name(out.name + ".journal")
    start = journal.stat().st_size if journal.exists() else 0
    while process.poll() is None:
        if journal.exists() and journal.stat().st_size > start + 2_000:
            return True
        time.sleep(0.05)
    return False


def test_dask_gives_the_same_records_as_the_local_engine(crawl: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    local = records_of_run(crawl, tmp_path / "local.jsonl", workers=2)
    dask = records_of_run(crawl, tmp_path / "dask.jsonl", engine="dask", workers=2)
    assert dask == local
    assert len(dask) == 20


def test_the_command_line_runs_and_summarises(crawl: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "cli.jsonl"
    assert main(["run", str(crawl), "--out", str(out), "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert "records written    20" in err and "errors file" in err
    assert len(records(out)) == 20
    assert main(["run", "--out", str(out)]) == 2


class _Site(QuietHandler):
    """Three articles, a sitemap listing two of them, a robots.txt closing /private/."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        host = f"http://{self.headers['Host']}"
        if self.path == "/robots.txt":
            self._send(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{host}/news/{n}</loc></url>" for n in (2, 3))
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            self._send(body.encode(), "application/xml")
        elif self.path.startswith("/news/"):
            self._send(article_page(int(self.path.rsplit("/", 1)[1])).encode(), "text/html")
        else:
            self.send_error(404)


@pytest.fixture
def site():
    _Site.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_lists_and_sitemaps_are_fetched_politely(site: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's list\n{site}/news/1\n{site}/private/secret\n{site}/missing\n")
    out = tmp_path / "out.jsonl"
    settings = CrawlSettings(per_host_delay=0, retries=0)
    options = {
        "urls": [str(listing)],
        "sitemaps": [f"{site}/sitemap.xml"],
        "crawl_settings": settings,
    }
    summary = run([], out, **options)
    rows = records(out)
    assert [r["source"]["url"] for r in rows] == [f"{site}/news/{n}" for n in (1, 2, 3)]
    assert all(r["source"]["status"] == 200 and r["source"]["fetched_at"] for r in rows)
    assert summary.skipped == {"robots-disallowed": 1, "http-404": 1}
    assert "/private/secret" not in _Site.requests

    fetched = len(_Site.requests)
    again = run([], out, **options)  # resumed: nothing is fetched twice
    assert again.records == 3
    assert [p for p in _Site.requests[fetched:] if p.startswith("/news/")] == []
