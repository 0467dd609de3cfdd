"""Pages from web archives: WARC and ARC files, plain or gzipped, read as a stream.

``read_archive`` turns every record of an archive into one ``Item``: an HTML
response with HTTP status 200 becomes a ``Page`` holding the de-chunked,
de-compressed HTTP payload; every other record is a counted ``Skipped``. The
archive is never held in memory, only the current record's payload (at most
``MAX_PAGE_BYTES``). A corrupt record is one ``Failed`` naming its offset; in a
gzipped archive (one member per record) reading goes on at the next member that
holds a WARC record, so one damaged member costs one record; else it ends the file.

warcio reads both formats (fastwarc is faster but has no ARC, and reading is
already far cheaper than extraction). This module also holds what
``readers.py`` shares with it: how an input is named, opened and sniffed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zlib
from collections.abc import Generator, Iterator
from typing import IO, Any

import fsspec
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import timestamp_to_iso_date

from byline.document import MAX_INPUT_BYTES
from byline.fetch import HTML_MEDIA_TYPES
from byline.pipeline.pages import Failed, Item, Page, Skipped

MAX_PAGE_BYTES = MAX_INPUT_BYTES  # what byline.extract accepts: a bigger page could never be read
SNIFF_BYTES = 4096  # the start of a body searched for an HTML signature
HTML_SIGNATURES = (b"<html", b"<!doctype html")
NO_CONTENT_ENCODING = frozenset({"", "identity"})
SUPPORTED_ENCODINGS = frozenset(BufferedReader.get_supported_decompressors())
DRAIN_CHUNK_BYTES = 1 << 16
SINGLE_GZIP_STREAM = "non-chunked gzip"  # in warcio's error for a whole-file gzipped archive
NOT_REGULAR_REASON = "not a regular file (a FIFO, socket or device)"
GZIP_MAGIC = b"\x1f\x8b"
GZIP_MEMBER = GZIP_MAGIC + b"\x08"  # a gzip member's start: the magic, then its method (deflate)
GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib's setting for the gzip container
RESYNC_WINDOW_BYTES = 1 << 20  # read at a time while searching a damaged archive for a member
WARC_VERSION = re.compile(rb"WARC/1\.\d\r?\n")  # a WARC record's first line
MAX_REASON_CHARS = 200
# warcio's own slips on a header it cannot parse ("'NoneType' object has no attribute
# 'startswith'" for a record cut inside its header): a reason in the reader's words
_PARSER_SLIPS = (AttributeError, TypeError, KeyError, IndexError)
_HEADER_DAMAGE = "the record's header is damaged or cut short"
# bytes a parser quotes from a damaged record: b'...' with escapes, or runs of \xNN escapes
_QUOTED_BYTES = re.compile(r"""b'[^']*\\x[^']*'|b"[^"]*\\x[^"]*"|(?:\\x[0-9a-fA-F]{2})+""")
_NOT_PLAIN_TEXT = re.compile(r"[^\x20-\x7e]")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")


def is_url(path: str) -> bool:
    """Whether ``path`` names a file through an fsspec protocol (``s3://``, ``https://``...)."""
    return bool(_URL.match(path))


def location_of(path: str) -> str:
    """The name an input goes by in keys: a URL as given, a local path made absolute."""
    return path if is_url(path) else os.path.abspath(path)


def open_binary(location: str) -> IO[bytes]:
    """The file, opened for reading bytes (fsspec for URLs, plain ``open`` is faster locally).

    A local file that is not a regular file raises ``OSError`` at once: opening a FIFO
    would wait for a writer, reading a device might never end.
    """
    if is_url(location):
        return fsspec.open(location, "rb").open()
    descriptor = os.open(location, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        raise OSError(errno.EINVAL, NOT_REGULAR_REASON)
    return os.fdopen(descriptor, "rb")


def is_special_file(location: str) -> bool:
    """Whether a local path names something other than a regular file or a directory
    (a FIFO, a socket, a device): an input never read, for it could block forever."""
    try:
        mode = os.stat(location).st_mode
    except OSError:  # missing, a broken link, no permission: reading it says what is wrong
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def looks_like_html(data: bytes) -> bool:
    """Whether the start of ``data`` carries an ``<html`` tag or an HTML doctype."""
    head = data[:SNIFF_BYTES].lower()
    return any(signature in head for signature in HTML_SIGNATURES)


def too_big_reason(size: int | None) -> str:
    """The reason a page over ``MAX_PAGE_BYTES`` is not read; ``size`` if it is known."""
    limit = f"the limit is {MAX_PAGE_BYTES // 2**20} MB"
    if size is None:
        return f"page is over {MAX_PAGE_BYTES // 2**20} MB; {limit}"
    return f"page is {size / 2**20:.0f} MB; {limit}"


def unreadable_reason(error: BaseException) -> str:
    """A one-line reason for a read that failed with ``error``."""
    return f"cannot read the file: {getattr(error, 'strerror', None) or _one_line(error)}"


def read_archive(path: str) -> Iterator[Item]:
    """One item per record of the WARC or ARC file at ``path`` (local path or fsspec URL)."""
    location = location_of(path)
    try:
        stream = open_binary(location)
    except (OSError, ValueError, ImportError) as error:  # fsspec: unknown protocol, no backend
        source = {"kind": "warc", "warc": location}
        yield Failed(f"file:{location}", unreadable_reason(error), source)
        return
    with stream:
        yield from _archive_items(stream, location)


def _archive_items(stream: IO[bytes], location: str) -> Iterator[Item]:
    """The items of every record; past a damaged gzip member, from the next intact one."""
    resume: int | None = yield from _records_from(stream, location)
    while resume is not None:
        stream.seek(resume)
        resume = yield from _records_from(stream, location)


def _records_from(stream: IO[bytes], location: str) -> Generator[Item, None, int | None]:
    """The items of the records from the stream's position on, up to the end or a damaged
    record; then the offset of the next intact gzip member to read on from, if any."""
    records = ArchiveIterator(stream)
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            # the iterator's offset is where the current record starts, in the file's bytes
            # (compressed bytes for a gzipped archive): stable across runs
            offset = records.offset
            item = _record_item(record, location, offset)
            complete = _read_to_end(record)
        # warcio reports a corrupt record with exceptions of many unrelated types
        # (ArchiveLoadFailed, header parser errors, ValueError, EOFError...)
        except Exception as error:
            resume = _next_member(stream, records.offset)
            yield _corrupt(records, location, error, resume)
            return resume
        if not complete:  # warcio ends a member that stops decompressing as if it were cut
            resume = _next_member(stream, offset)
            if resume is None:
                reason = (
                    f"the record at offset {offset} is cut short: "
                    "the archive ends early or is damaged"
                )
            else:
                reason = f"the record at offset {offset} is damaged{_read_on(resume)}"
            yield Failed(item.key, reason, item.source)
            return resume
        yield item
    yield from _end_of_archive(records, location)
    return None


def _next_member(stream: IO[bytes], damaged: int) -> int | None:
    """The offset of the first gzip member after the one at ``damaged`` that starts a WARC
    record; None when there is none, or the archive is not gzipped or cannot be searched."""
    try:
        if not stream.seekable() or damaged < 0:  # warcio's offsets in a one-stream archive
            return None
        stream.seek(0)
        if stream.read(len(GZIP_MEMBER)) != GZIP_MEMBER:  # not gzipped: no member to look for
            return None
        return _search_member(stream, damaged + 1)
    except OSError:  # a remote file that will not seek after all
        return None


def _search_member(stream: IO[bytes], start: int) -> int | None:
    while True:
        stream.seek(start)
        window = stream.read(RESYNC_WINDOW_BYTES)
        found = window.find(GZIP_MEMBER)
        if found < 0:
            if len(window) < RESYNC_WINDOW_BYTES:
                return None
            start += len(window) - len(GZIP_MEMBER) + 1
            continue
        candidate = start + found
        if _starts_a_warc_record(stream, candidate):
            return candidate
        start = candidate + 1


def _starts_a_warc_record(stream: IO[bytes], offset: int) -> bool:
    stream.seek(offset)
    try:
        head = zlib.decompressobj(GZIP_WBITS).decompress(stream.read(SNIFF_BYTES))
    except zlib.error:
        return False
    return WARC_VERSION.match(head) is not None


def _read_on(resume: int | None) -> str:
    return "" if resume is None else f"; reading went on at the next intact record, offset {resume}"


def _corrupt(
    records: ArchiveIterator, location: str, error: Exception, resume: int | None
) -> Failed:
    if SINGLE_GZIP_STREAM in str(error):  # offsets mean nothing inside one gzip stream
        reason = (
            "the archive is gzipped as one stream, not one gzip member per record as WARC and "
            "ARC files must be; `warcio recompress IN OUT` rewrites it"
        )
        return Failed(f"file:{location}", reason, {"kind": "warc", "warc": location})
    detail = _HEADER_DAMAGE if isinstance(error, _PARSER_SLIPS) else _one_line(error)
    if records.offset == 0 and resume is None:
        reason = f"not a readable WARC or ARC archive: {detail}"
    else:
        reason = f"the archive is corrupt at offset {records.offset}: {detail}"
    return _failed_at(location, records.offset, reason + _read_on(resume))


def _end_of_archive(records: ArchiveIterator, location: str) -> Iterator[Item]:
    """A ``Failed`` for bytes after the last record, a ``Skipped`` for an archive with none."""
    # warcio ends quietly on a last gzip member cut too short to hold a record header
    end = records.fh.tell()
    if records.offset < end:
        reason = (
            f"the {end - records.offset} bytes at offset {records.offset} are not a whole "
            "record: the archive ends early or is corrupt"
        )
        yield _failed_at(location, records.offset, reason)
    elif end == 0:
        yield Skipped(f"file:{location}", "empty-archive", {"kind": "warc", "warc": location})


def _record_item(record: ArcWarcRecord, location: str, offset: int) -> Item:
    """The record as a page or a skip; reads at most ``MAX_PAGE_BYTES`` of its payload."""
    key = _record_key(location, offset)
    source = _base_source(location, offset)
    _check_length(record)
    if record.rec_type != "response":
        reason = "arc-header" if record.rec_type == "arc_header" else f"warc-{record.rec_type}"
        return Skipped(key, reason, source)
    http = record.http_headers
    if http is None:  # a response without HTTP: dns:, ftp:, whois:
        return Skipped(key, "not-html", source)
    status = http.get_statuscode()
    source |= _response_source(record, status)
    if status != "200":
        return Skipped(key, f"http-{status}", source)
    media_type, charset = _media_type_and_charset(http.get_header("Content-Type") or "")
    if media_type and media_type not in HTML_MEDIA_TYPES:
        return Skipped(key, "not-html", source)
    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    if encoding not in NO_CONTENT_ENCODING and encoding not in SUPPORTED_ENCODINGS:
        reason = f"the page is compressed with {encoding!r}, which byline cannot decompress"
        return Failed(key, reason, source)
    declared = record.payload_length if record.payload_length >= 0 else record.length
    if declared > MAX_PAGE_BYTES:  # known before reading: the payload is not loaded
        return Failed(key, too_big_reason(declared), source)
    stream = record.content_stream()
    content = stream.read(MAX_PAGE_BYTES + 1)
    if len(content) > MAX_PAGE_BYTES:
        return Failed(key, too_big_reason(None), source)
    if not media_type and not looks_like_html(content):
        return Skipped(key, "not-html", source)
    if _cut_short(record, stream, content):
        source["truncated"] = True
    return Page(key, content, url=_target_uri(record), charset=charset, source=source)


def _cut_short(record: ArcWarcRecord, stream: IO[bytes], content: bytes) -> bool:
    """Whether the payload read is only the start of the page: the crawler says so
    (``WARC-Truncated``), its compression stops before the end of the compressed stream,
    or it holds fewer bytes than its ``Content-Length``."""
    if record.rec_headers.get_header("WARC-Truncated"):
        return True
    decompressor = getattr(stream, "decompressor", None)  # warcio's, for Content-Encoding
    if decompressor is not None:
        return not _decompressed_to_the_end(decompressor)
    declared = (record.http_headers.get_header("Content-Length") or "").strip()
    unencoded = stream is record.raw_stream  # neither compressed nor chunked
    return unencoded and declared.isdigit() and len(content) < int(declared)


def _decompressed_to_the_end(decompressor: Any) -> bool:
    """Whether a zlib (gzip, deflate) or brotli decompressor has seen its stream's end."""
    eof = getattr(decompressor, "eof", None)
    if isinstance(eof, bool):
        return eof
    is_finished = getattr(decompressor, "is_finished", None)
    return bool(is_finished()) if callable(is_finished) else True


def _check_length(record: ArcWarcRecord) -> None:
    """Raise ``ValueError`` unless the record declares its length as a number."""
    # warcio reads a missing or garbled length (a header cut short) as 0 or "to the end"
    name = "length" if record.format == "arc" else "Content-Length"
    declared = record.rec_headers.get_header(name)
    if declared is None:
        raise ValueError(f"the record's header has no {name}")
    if not declared.strip().isdigit():
        raise ValueError(f"the record's length is {declared!r}, not a number")


def _read_to_end(record: ArcWarcRecord) -> bool:
    """Whether the record holds every byte its header declares; reads the rest, keeps none."""
    stream = record.raw_stream  # limited to the record's length: tell() counts what was read
    while stream.read(DRAIN_CHUNK_BYTES):
        pass
    return stream.tell() >= record.length


def _record_key(location: str, offset: int) -> str:
    return f"warc:{location}@{offset}"


def _failed_at(location: str, offset: int, reason: str) -> Failed:
    return Failed(_record_key(location, offset), reason, _base_source(location, offset))


def _base_source(location: str, offset: int) -> dict[str, Any]:
    return {"kind": "warc", "warc": location, "offset": offset}


def _response_source(record: ArcWarcRecord, status: str) -> dict[str, Any]:
    headers = record.rec_headers
    if record.format == "arc":  # ARC records have no id; their date is YYYYMMDDhhmmss
        timestamp = headers.get_header("archive-date") or ""
        record_id, date = None, timestamp_to_iso_date(timestamp) if timestamp.isdigit() else None
    else:
        record_id, date = headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Date")
    return {
        "record_id": record_id,
        "status": int(status) if status.isdigit() else None,
        "date": date,
    }


def _target_uri(record: ArcWarcRecord) -> str | None:
    name = "uri" if record.format == "arc" else "WARC-Target-URI"
    return record.rec_headers.get_header(name)


def _media_type_and_charset(content_type: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from ``text/html; charset="UTF-8"``; "" when there is none."""
    media_type, _, parameters = content_type.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _one_line(error: BaseException) -> str:
    """The error's message on one line (warcio's can span a paragraph), without the bytes
    it may quote from a damaged record, and short enough to read."""
    text = " ".join(_QUOTED_BYTES.sub("...", str(error)).split())
    if garbage := _NOT_PLAIN_TEXT.search(text):  # a damaged record's bytes, decoded as text
        text = text[: garbage.start()] + "..."
    if len(text) > MAX_REASON_CHARS:
        text = text[: MAX_REASON_CHARS - 3] + "..."
    return text or type(error).__name__
