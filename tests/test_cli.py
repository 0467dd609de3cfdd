"""The command line, run in-process and as a real subprocess, against a local HTTP server."""

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from byline.cli import EXIT_BAD_INPUT, EXIT_NO_ARTICLE, EXIT_OK, main

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens after repairs | The Harbour Gazette</title>
<meta property="og:title" content="Bridge reopens after repairs">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old harbour bridge reopened to traffic on Monday after eight months of repairs,
the city council said, ending long detours for thousands of commuters every day.</p>
<p>Engineers replaced the corroded steel cables and resurfaced the whole deck, which had
been closed since a routine inspection found cracks in two of the main supports.</p>
<p>"We are proud to give the bridge back to the people of this city," the mayor said at a
short ceremony attended by the workers who carried out the repairs.</p>
</article><footer>Copyright The Harbour Gazette</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/article":
            self._send(200, PAGE)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, PAGE)
        else:
            self._send(404, b"not found")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the timeout test hangs up on purpose


@pytest.fixture(scope="module")
def server():
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def page_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    return path


def test_extract_file_to_json(page_file, capsys):
    assert main(["extract", str(page_file), "--url", "https://gazette.test/bridge"]) == EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Bridge reopens after repairs"
    assert record["url"] == "https://gazette.test/bridge"
    assert "eight months of repairs" in record["body"]


def test_several_inputs_give_json_lines(page_file, tmp_path):
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(page_file), str(page_file), "--output", str(out)]) == EXIT_OK
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["title"] == "Bridge reopens after repairs" for line in lines)


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_text_formats(page_file, capsys, fmt):
    assert main(["extract", str(page_file), "--format", fmt]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Bridge reopens after repairs" in out
    assert "eight months of repairs" in out
    assert "<script" not in out


def test_markdown_quotes_the_description_once(tmp_path, capsys):
    """The description is quoted under the headline, unless the body opens with it (the
    article's standfirst, which the reader would otherwise see twice)."""
    lead = "The old harbour bridge reopened to traffic on Monday after eight months of repairs,"
    for description, quoted in ((lead.rstrip(","), 0), ("Commuters are relieved.", 1)):
        meta = f'<meta name="description" content="{description}">'
        page = tmp_path / "page.html"
        page.write_bytes(PAGE.replace(b"</head>", meta.encode() + b"</head>"))
        assert main(["extract", str(page), "--format", "md"]) == EXIT_OK
        out = capsys.readouterr().out
        assert out.count(f"> {description}") == quoted and description in out


def test_url_input_follows_redirects(server, capsys):
    assert main(["extract", f"{server}/moved"]) == EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert record["url"] == f"{server}/article"
    assert record["title"] == "Bridge reopens after repairs"


def test_http_error_is_a_clear_message(server, capsys):
    assert main(["extract", f"{server}/missing"]) == EXIT_BAD_INPUT
    assert "HTTP 404" in capsys.readouterr().err


def test_timeout_is_a_clear_message(server, capsys):
    assert main(["extract", f"{server}/slow", "--timeout", "0.5"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "slow" in err and "Traceback" not in err


def test_missing_file_and_empty_stdin_are_bad_input(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.html")]) == EXIT_BAD_INPUT
    assert "nope.html" in capsys.readouterr().err


def test_page_without_article_exits_1(tmp_path, capsys):
    path = tmp_path / "empty.html"
    path.write_bytes(b"<html><body></body></html>")
    assert main(["extract", str(path)]) == EXIT_NO_ARTICLE
    assert "no article" in capsys.readouterr().err


def test_subprocess_version_help_and_stdin():
    run = [sys.executable, "-m", "byline"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("byline ")
    help_text = subprocess.run([*run, "extract", "--help"], capture_output=True, text=True)
    assert "examples:" in help_text.stdout and "exit codes:" in help_text.stdout
    result = subprocess.run(
        [*run, "extract", "-", "--format", "txt"], input=PAGE, capture_output=True
    )
    assert result.returncode == EXIT_OK
    assert b"eight months of repairs" in result.stdout
    empty = subprocess.run([*run, "extract", "-"], input=b"", capture_output=True)
    assert empty.returncode == EXIT_BAD_INPUT
    assert b"input is empty" in empty.stderr and b"Traceback" not in empty.stderr
