"""WARC and WARC.gz crawls: each HTML response record goes through the HTML reader.

warcio reads the records as a stream, so a crawl of many gigabytes never sits in memory.
warcio is lenient: it ends quietly at a truncated gzip member or a record cut short. We
check what it does not: a record whose payload ends early, bytes left after the last
record it could parse, and headers that are not WARC at all. Each becomes an InputError
naming the file and record, after the good records before it have been yielded.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from onrecord.errors import InputError
from onrecord.ingest.html import read_html
from onrecord.ingest.meta import Hints, iso_date
from onrecord.ingest.streams import READ_ERRORS, Counting, read_at_most, read_failure
from onrecord.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: What warcio raises on damaged headers: its own error, or a bare one from its parsing.
_PARSE_FAILURES = (ArchiveLoadFailed, ValueError, TypeError, AttributeError, IndexError, KeyError)


def read_warc(
    stream: BinaryIO, source: str, hints: Hints, *, max_bytes: int
) -> Iterator[Article | InputError]:
    """The HTML pages in a WARC stream as Articles; other records are skipped."""
    counted = Counting(stream)
    records = ArchiveIterator(counted)
    number = 0
    while True:
        number += 1
        where = f"{source}:record {number}"
        try:
            record = _next_record(records, source, number)
            if record is None:
                break
            page = _html_payload(record, max_bytes, where)
            if page is None:
                _drain(record, where)
                continue
        except _Unreadable as exc:
            yield exc
            return
        except InputError as exc:
            yield exc
            continue
        except READ_ERRORS as exc:
            yield InputError(read_failure(exc), source=where)
            return
        except _PARSE_FAILURES as exc:
            yield InputError(_describe(exc), source=where)
            return
        payload, url, charset = page
        date = iso_date(record.rec_headers.get_header("WARC-Date"))
        try:
            yield read_html(payload, where, hints, url=url, published=date, declared=charset)
        except InputError as exc:
            yield exc
    if records.offset < counted.total:
        yield InputError("truncated or corrupt data after the last complete record", source=where)


class _Unreadable(InputError):
    """The stream cannot be read past this record: report it and stop."""


def _next_record(records: ArchiveIterator, source: str, number: int) -> Any | None:
    """The next record, or None at the end; raises _Unreadable on framing damage.

    warcio prints a warning and carries on when a record's length is wrong (the next
    "record" then starts mid-text); we turn that into an error and keep stderr clean.
    """
    errors_before = records.err_count
    failure: Exception | None = None
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            record = next(records, None)
        except _PARSE_FAILURES as exc:
            failure = exc
    if records.err_count > errors_before:
        raise _Unreadable(
            "corrupt record (its declared length does not match its content)",
            source=f"{source}:record {number - 1}",
        )
    if failure is not None:
        raise _Unreadable(_describe(failure), source=f"{source}:record {number}")
    if record is not None and record.rec_type is None:
        raise _Unreadable(
            "not a WARC record (corrupt or not a WARC file)", source=f"{source}:record {number}"
        )
    return record


def _html_payload(
    record: Any, max_bytes: int, where: str
) -> tuple[bytes, str | None, str | None] | None:
    """The record's HTML bytes, url and charset; None for non-HTML records."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    if mime.strip().lower() not in _HTML_TYPES:
        return None
    payload = read_at_most(record.content_stream(), max_bytes)
    if len(payload) > max_bytes:
        raise InputError(
            f"HTML record larger than the {max_bytes / 1e6:g} MB limit, skipped", source=where
        )
    _drain(record, where)
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return payload, record.rec_headers.get_header("WARC-Target-URI"), charset


def _drain(record: Any, where: str) -> None:
    """Read the rest of a record; raise if it ends before its declared length."""
    while record.raw_stream.read(1 << 16):
        pass
    if record.raw_stream.limit:
        raise _Unreadable("truncated record (it ends before its declared length)", source=where)


def _describe(exc: Exception) -> str:
    """warcio's complaint on one short line (its messages quote raw, multi-line bytes)."""
    detail = " ".join(str(exc).split())
    detail = detail if len(detail) <= 120 else detail[:117] + "..."
    return f"corrupt WARC record ({type(exc).__name__}: {detail})"
