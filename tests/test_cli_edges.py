"""The rough edges a new user hits on the command line (issue 17, items 9-12, 15, 16).

Exit codes and tracebacks are checked on ``byline`` run as a real subprocess; URLs are
served by a local HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from byline.cli import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    WORKING_SUFFIX,
    build_parser,
    main,
)
from byline.fetch import DEFAULT_CONCURRENCY, DEFAULT_HOST_DELAY
from byline.pipeline import run
from byline.record import Record
from byline.store import Store
from tests.conftest import SAMPLES, QuietHandler

BYLINE = [sys.executable, "-m", "byline"]
HARBOUR = SAMPLES / "harbour-gazette-wire.html"
SAMPLE_PAGES = sorted(SAMPLES.glob("*.html"))
MARKDOWN = b"# Bridge reopens\n\nThe old harbour bridge reopened to traffic on Monday.\n" * 20


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path.endswith(".html") and (SAMPLES / self.path.lstrip("/")).is_file():
            self._send((SAMPLES / self.path.lstrip("/")).read_bytes(), "text/html; charset=utf-8")
        elif self.path == "/notes.md":
            self._send(MARKDOWN, "text/markdown; charset=utf-8")
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``byline run`` output for the sample pages."""
    out = tmp_path_factory.mktemp("records") / "records.jsonl"
    run([str(page) for page in SAMPLE_PAGES], out, workers=1)
    return out


def byline(*argv: str, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*BYLINE, *argv], capture_output=True, timeout=120, **kwargs)


# --- 9: byline run --into without --out -------------------------------------------------


def test_run_into_without_out_puts_the_records_in_the_corpus_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    argv = ["run", *map(str, SAMPLE_PAGES), "--into", str(db), "--workers", "1"]
    assert main([*argv, "--no-progress"]) == EXIT_OK
    assert f"{len(SAMPLE_PAGES)} inserted, 0 updated" in capsys.readouterr().err
    with Store(db, readonly=True) as corpus:
        assert corpus.count() == len(SAMPLE_PAGES)
    leftovers = {p.name for p in tmp_path.iterdir()} - {
        "corpus.db",
        "corpus.db-wal",
        "corpus.db-shm",
    }
    assert leftovers == {"corpus.db.errors.jsonl"}  # no records file, no working directory
    assert main(argv) == EXIT_OK  # again: extracted again, the corpus updated, not doubled
    assert f"0 inserted, {len(SAMPLE_PAGES)} updated" in capsys.readouterr().err
    with Store(db, readonly=True) as corpus:
        assert corpus.count() == len(SAMPLE_PAGES)


def test_run_into_without_out_resumes_an_interrupted_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "corpus.db"
    working = db.with_name(db.name + WORKING_SUFFIX)
    # what a run killed after its first page leaves: its working output and journal
    run([str(SAMPLE_PAGES[0])], working / "records.jsonl", workers=1)
    argv = ["run", *map(str, SAMPLE_PAGES), "--into", str(db), "--workers", "1"]
    assert main(argv) == EXIT_OK
    err = capsys.readouterr().err
    assert "(resumed)" in err
    assert f"{len(SAMPLE_PAGES)} inserted" in err  # the earlier page's record too
    assert not working.exists()


def test_run_needs_out_or_into_and_no_stdout(tmp_path: Path) -> None:
    nothing = byline("run", str(HARBOUR), cwd=tmp_path)
    assert nothing.returncode == EXIT_BAD_INPUT
    assert b"--out FILE, --into DB" in nothing.stderr and b"Traceback" not in nothing.stderr
    stdout = byline("run", str(HARBOUR), "--out", "-", cwd=tmp_path)
    assert stdout.returncode == EXIT_BAD_INPUT and b"--out needs a file" in stdout.stderr
    assert list(tmp_path.iterdir()) == []


# --- 10: no traceback for a user error or a closed pipe ---------------------------------


def test_extract_to_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    result = byline("extract", str(HARBOUR), "-o", str(tmp_path / "no" / "such" / "x.json"))
    assert result.returncode == EXIT_BAD_INPUT
    assert b"cannot write" in result.stderr and b"No such file or directory" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "http://[::1"], b"Invalid IPv6 URL"),
        (["extract", str(HARBOUR), "--timeout", "0"], b"not a positive number of seconds"),
        (["run", str(HARBOUR), "--out", "o.jsonl", "--workers", "0"], b"not a positive whole"),
        (["run", str(HARBOUR), "--out", "o.jsonl", "--delay", "-1"], b"not a number of seconds"),
        # counts beyond any use: a search limit past SQLite's integers raised OverflowError
        (["run", str(HARBOUR), "--out", "o.jsonl", "--workers", "100000"], b"is over 512"),
        (["search", "harbour", "--limit", "9" * 20], b"is over 1000000"),
    ],
)
def test_user_errors_are_one_clear_line(argv: list[str], message: bytes, tmp_path: Path) -> None:
    result = byline(*argv, cwd=tmp_path)
    assert result.returncode == EXIT_BAD_INPUT
    assert message in result.stderr and b"Traceback" not in result.stderr


def _closed_pipe(
    argv: list[str], *, stderr_too: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """Run ``byline ARGV`` writing into a pipe nobody reads any more (``| head`` gone)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [*BYLINE, *argv],
            stdout=write_end,
            stderr=write_end if stderr_too else subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", str(HARBOUR), str(HARBOUR)],
        ["extract", str(HARBOUR), "--format", "md"],
        ["search", "", "--db", "{db}"],
        ["search", "harbour", "--db", "{db}", "--format", "jsonl"],
        ["ingest", "{records}", "--into", "{db}"],
        ["--help"],
        ["run", "--help"],
        ["--version"],
    ],
)
def test_a_closed_pipe_ends_every_command_quietly(
    argv: list[str], tmp_path: Path, records_file: Path
) -> None:
    db = tmp_path / "corpus.db"
    with Store(db) as corpus:
        corpus.ingest_jsonl(records_file)
    argv = [arg.format(db=db, records=records_file) for arg in argv]
    result = _closed_pipe(argv)
    assert result.stderr == b""
    assert result.returncode == EXIT_OK


def test_a_run_whose_summary_meets_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _closed_pipe(
        ["run", str(HARBOUR), "--out", str(out), "--workers", "1"], stderr_too=True
    )
    assert result.returncode == EXIT_OK
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # the run itself finished


# --- 11: error messages ------------------------------------------------------------------


def test_a_fetch_failure_names_the_url_once(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/missing.html"
    assert main(["extract", url]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count(url) == 1 and "HTTP 404" in err


def test_an_unsupported_scheme_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "ftp://x/y"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "ftp:// URLs are not supported" in err and "No such file" not in err


def test_a_url_that_is_not_html_says_not_html(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", f"{server}/notes.md"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "not HTML" in err and "text/markdown" in err and "no article" not in err


# --- 12: inputs that are not regular files, Parquet into the corpus -----------------------


def test_urls_from_a_process_substitution(server: str, tmp_path: Path) -> None:
    read_end, write_end = os.pipe()  # what bash's <(printf ...) hands over: /dev/fd/N
    os.write(
        write_end, f"{server}/harbour-gazette-wire.html\n{server}/rheinblick-de.html\n".encode()
    )
    os.close(write_end)
    out = tmp_path / "out.jsonl"
    argv = ["run", "--urls", f"/dev/fd/{read_end}", "--out", str(out), "--delay", "0"]
    result = byline(*argv, "--workers", "1", pass_fds=(read_end,))
    os.close(read_end)
    assert result.returncode == EXIT_OK, result.stderr
    titles = {json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert len(titles) == 2


def test_ingest_reads_the_parquet_directory_byline_run_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.parquet"
    run([str(page) for page in SAMPLE_PAGES], out, workers=1)
    assert out.is_dir()  # what run writes: a directory of part files
    db = tmp_path / "corpus.db"
    assert main(["ingest", str(out), "--into", str(db)]) == EXIT_OK
    assert f"{len(SAMPLE_PAGES)} inserted" in capsys.readouterr().out
    with Store(db, readonly=True) as corpus:
        assert corpus.count() == len(SAMPLE_PAGES)
    assert main(["ingest", str(tmp_path), "--into", str(db)]) == EXIT_BAD_INPUT
    assert "not JSON Lines or a Parquet output" in capsys.readouterr().err


# --- 15: the search table fits the terminal ----------------------------------------------

LONG_NAME = "Elizabeth Montgomery-Carrington"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"


@pytest.fixture
def search_db(tmp_path: Path, records_file: Path) -> Path:
    """The samples' records, one of them on an internationalised host with long words."""
    rows = [json.loads(line) for line in records_file.read_text(encoding="utf-8").splitlines()]
    special = {
        **rows[0],
        "id": "idn",
        "url": "https://www.xn--bcher-kva.example/news/1",
        "canonical_url": None,
        "title": f"Harbour {LONG_WORD} wins the regatta for Elizabeth",
        "authors": [{"name": LONG_NAME, "url": None}, {"name": "Ann Lee", "url": None}],
    }
    db = tmp_path / "corpus.db"
    with Store(db) as corpus:
        corpus.ingest([Record.from_dict(row) for row in [*rows, special]])
    return db


def _words(*texts: str) -> set[str]:
    return {word for text in texts for word in text.split()}


@pytest.mark.parametrize("columns", [80, 120])
def test_search_table_fits_the_terminal_and_never_splits_a_word(
    search_db: Path,
    columns: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["search", "", "--db", str(search_db), "--format", "json"]) == EXIT_OK
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert main(["search", "", "--db", str(search_db)]) == EXIT_OK
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    allowed = _words(
        f"# date site title authors snippet {len(hits)} results",
        "bücher.example",
        *(hit["site"] for hit in hits),
        *(str(rank) for rank in range(1, len(hits) + 1)),
        *((hit["published"] or "")[:10] for hit in hits),
        *(hit["title"] for hit in hits),
        *(", ".join(hit["authors"]) for hit in hits),
        *(html.unescape(re.sub(r"</?mark>", "", hit["snippet"])) for hit in hits),
    )
    tokens = re.split(r"[\s\u2500-\u257f]+", out)
    for token in filter(None, tokens):
        cut = token.endswith("…") and any(w.startswith(token[:-1]) for w in allowed)
        assert token in allowed or cut, f"{token!r} is not a word of the results"
    assert "bücher" in out and "xn--" not in out
    header = next(line for line in lines if line.startswith("┃"))
    assert ("authors" in header) == (columns == 120)  # at 80, it gives way first


# --- 16: every option explains itself ----------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.values()


def test_every_option_of_every_command_has_help_and_shows_its_default() -> None:
    commands = list(_subcommands(build_parser()))
    assert {command.prog.split()[-1] for command in commands} >= {"extract", "run", "search"}
    for command in commands:
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            name = f"{command.prog} {'/'.join(action.option_strings) or action.dest}"
            assert action.help, f"{name} has no help"
            if action.default not in (None, False, [], "", argparse.SUPPRESS):
                assert "%(default)s" in action.help or "default:" in action.help, (
                    f"{name} does not show its default {action.default!r}"
                )


def test_run_help_shows_the_crawl_defaults() -> None:
    result = byline("run", "--help", env={**os.environ, "COLUMNS": "200"})
    text = result.stdout.decode()
    assert f"(default: {DEFAULT_CONCURRENCY})" in text
    assert f"(default: {DEFAULT_HOST_DELAY})" in text
    assert re.search(r"--sitemap URL\s+a sitemap", text)


def test_readme_web_install_keeps_the_compiled_build() -> None:
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "```sh\npip install '.[web]'\nbyline serve corpus.db" in readme  # not -e: compiled
    assert "head -c" not in readme  # a record cut in the middle
