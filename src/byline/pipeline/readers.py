"""The inputs of ``byline run``: files, directories and glob patterns, read into items.

``input_files`` turns the paths a user gave into the files to read, in a
deterministic order; ``read_file`` turns one file into its items (an HTML file
is one ``Page``, a WARC/ARC archive one item per record); ``read_inputs`` does
both, streaming, one file or archive record in memory at a time.

What is read:
- a file named on the command line is read whatever its extension;
- a directory is walked recursively in name order. Hidden entries (``.git``,
  ``.DS_Store``) are not inputs, as with ``ls``. A file there is read if its
  name says HTML (``.html .htm .xhtml .shtml``, or those plus ``.gz``) or
  archive (``.warc .warc.gz .arc .arc.gz``); a file with no extension at all
  (what site mirrors save ``/news/123`` as) is read if it starts like HTML or
  an archive; any other file is counted as ``Skipped("not-html-file")``;
- a FIFO, socket or device, named or found, is never opened (it could block the
  run forever): it is counted as ``Skipped("not-regular-file")``;
- a glob pattern (``*``, ``?``, ``[...]``, recursive ``**``) gives its matches in
  name order, as if each had been named (a matched directory is walked);
- a path with an fsspec protocol (``s3://``, ``https://``, ``memory://``) is read
  through fsspec as a single file; remote directories and patterns are not expanded.
A file reached twice (overlapping inputs) is read once.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import zlib
from collections.abc import Iterable, Iterator

from byline.pipeline.pages import Failed, Item, Page, Skipped
from byline.pipeline.warc import (
    GZIP_MAGIC,
    GZIP_WBITS,
    MAX_PAGE_BYTES,
    SNIFF_BYTES,
    is_special_file,
    is_url,
    location_of,
    looks_like_html,
    open_binary,
    read_archive,
    too_big_reason,
    unreadable_reason,
)

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
WALKED_SUFFIXES = PAGE_SUFFIXES + tuple(s + ".gz" for s in PAGE_SUFFIXES) + ARCHIVE_SUFFIXES
ARCHIVE_SIGNATURES = (b"WARC/", b"filedesc://")  # a WARC record's first line, an ARC's header
NOT_REGULAR_FILE = "not-regular-file"  # a FIFO, socket or device: skipped, never opened
_PATTERN = re.compile(r"[*?\[]")


def read_inputs(inputs: Iterable[str]) -> Iterator[Item]:
    """Every item of every input, in order, streaming."""
    for entry in input_files(inputs):
        if isinstance(entry, str):
            yield from read_file(entry)
        else:
            yield entry


def input_files(inputs: Iterable[str]) -> Iterator[str | Skipped | Failed]:
    """The files to read (absolute paths or URLs), with a ``Skipped`` or ``Failed`` for the rest.

    A path that does not exist, or a pattern that matches nothing, is a ``Failed``.
    """
    seen: set[str] = set()
    walked: set[str] = set()
    for path in inputs:
        for entry in _expanded(path, walked):
            key = _file_key(entry) if isinstance(entry, str) else entry.key
            if key not in seen:
                seen.add(key)
                yield entry


def read_file(path: str) -> Iterator[Item]:
    """The items of one file: one ``Page`` (or ``Failed``) for HTML, one per record for archives.

    An archive is known by its name or, under any other name, by its first bytes.
    A gzipped page (by name or by content) is decompressed.
    """
    location = location_of(path)
    if location.lower().endswith(ARCHIVE_SUFFIXES):
        yield from read_archive(location)
        return
    page = _read_page(location)
    if page is None:
        yield from read_archive(location)
    else:
        yield page


def _read_page(location: str) -> Page | Failed | None:
    """The file as a page, or why it cannot be read; None if it turns out to be an archive."""
    key, source = _file_key(location), _file_source(location)
    try:
        size = None if is_url(location) else os.path.getsize(location)
        if size is not None and size > MAX_PAGE_BYTES:  # known before reading: nothing is loaded
            return Failed(key, too_big_reason(size), source)
        with open_binary(location) as stream:
            head = stream.read(SNIFF_BYTES)
            if _looks_like_archive(head):
                return None
            raw = head + stream.read(MAX_PAGE_BYTES + 1 - len(head))
        if len(raw) > MAX_PAGE_BYTES:
            return Failed(key, too_big_reason(None), source)
        gzipped = raw.startswith(GZIP_MAGIC) or location.lower().endswith(".gz")
        content = _gunzipped(raw) if gzipped else raw
    # what gzip raises on a corrupt or cut file; fsspec: unknown protocol, no backend
    except (OSError, EOFError, zlib.error, ValueError, ImportError) as error:
        return Failed(key, unreadable_reason(error), source)
    if len(content) > MAX_PAGE_BYTES:
        return Failed(key, too_big_reason(None), source)
    return Page(key, content, source=source)


def _gunzipped(raw: bytes) -> bytes:
    """At most ``MAX_PAGE_BYTES + 1`` decompressed bytes: a gzip bomb is not expanded."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        return stream.read(MAX_PAGE_BYTES + 1)


def _looks_like_archive(head: bytes) -> bool:
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(GZIP_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.startswith(ARCHIVE_SIGNATURES)


def _expanded(path: str, walked: set[str]) -> Iterator[str | Skipped | Failed]:
    """One input's files: itself, its directory's files, or its pattern's matches."""
    if is_url(path):
        yield path
        return
    location = os.path.abspath(path)
    if os.path.isdir(location):
        yield from _directory_files(location, walked)
    elif is_special_file(location):
        yield Skipped(_file_key(location), NOT_REGULAR_FILE, _file_source(location))
    elif os.path.lexists(location):  # a broken link too: reading it says what is wrong
        yield location
    elif _PATTERN.search(path):
        yield from _pattern_matches(path, walked)
    else:
        yield Failed(_file_key(location), "no such file or directory", _file_source(location))


def _pattern_matches(pattern: str, walked: set[str]) -> Iterator[str | Skipped | Failed]:
    matches = sorted(os.path.abspath(match) for match in glob.glob(pattern, recursive=True))
    if not matches:
        location = os.path.abspath(pattern)
        yield Failed(_file_key(location), f"no file matches {pattern}", _file_source(location))
    for match in matches:
        if os.path.isdir(match):
            yield from _directory_files(match, walked)
        else:
            yield match


def _directory_files(directory: str, walked: set[str]) -> Iterator[str | Skipped | Failed]:
    """The directory's files, recursively in name order, unless it is in ``walked`` already."""
    # a symlink may lead back to a directory already walked (or to an ancestor: a loop)
    real = os.path.realpath(directory)
    if real in walked:
        return
    walked.add(real)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        reason = f"cannot list the directory: {error.strerror or error}"
        yield Failed(_file_key(directory), reason, _file_source(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _directory_files(entry.path, walked)
        elif is_special_file(entry.path):
            yield Skipped(_file_key(entry.path), NOT_REGULAR_FILE, _file_source(entry.path))
        elif _is_walked_file(entry.name, entry.path):
            yield entry.path
        else:
            yield Skipped(_file_key(entry.path), "not-html-file", _file_source(entry.path))


def _is_walked_file(name: str, path: str) -> bool:
    """Whether a file found in a directory is read: by name, or by its start if it has no suffix."""
    if name.lower().endswith(WALKED_SUFFIXES):
        return True
    if "." in name:
        return False
    try:
        with open_binary(path) as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True  # reading it will report what is wrong
    return looks_like_html(head) or _looks_like_archive(head)


def _file_key(location: str) -> str:
    return f"file:{location}"


def _file_source(location: str) -> dict[str, str]:
    return {"kind": "file", "path": location}
