"""The Spark job's reading, on the executors: input records to articles or error rows.

Every record goes through the CLI's own readers (:func:`onrecord.ingest.jsonl.parse_line` for
a documents-JSONL line, :func:`onrecord.ingest.read_bytes` for a whole file), so the job reads
exactly what ``onrecord ingest`` reads. A record that cannot be read becomes a row of the
``errors`` table (:data:`ERRORS_SCHEMA`) instead of failing its task: the job never dies on
one document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from onrecord.errors import InputError, OnrecordError
from onrecord.model import Article
from onrecord.store.parquet_import import ERRORS_TABLE, input_order

#: One row per input record that could not be read or extracted.
ERRORS_SCHEMA = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),  # the input, as the error names it
        pa.field("file", pa.string(), nullable=False),  # the file it came from
        pa.field("line", pa.int64()),  # JSONL line number (1-based); null for whole files
        pa.field("stage", pa.string(), nullable=False),  # "read" or "extract"
        pa.field("reason", pa.string(), nullable=False),  # one line: what is wrong
    ]
)

#: What reading yields: ``("article", Article)`` or ``("errors", row)``.
Tagged = tuple[str, Article | dict[str, Any]]


def error_row(
    exc: BaseException, file: str, line: int | None, stage: str, source: str | None = None
) -> dict[str, Any]:
    """An errors-table row; the reason is one line, without the source prefix errors carry."""
    where = getattr(exc, "source", None) or source or (f"{file}:{line}" if line else file)
    reason = (str(exc).splitlines() or [""])[0]
    if reason.startswith(f"{where}: "):
        reason = reason[len(where) + 2 :]
    if not isinstance(exc, OnrecordError):
        reason = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return {"source": where, "file": file, "line": line, "stage": stage, "reason": reason}


def file_of(source: str) -> str:
    """The file of a reader's source ("docs.jsonl:7", "crawl.warc.gz: record 3")."""
    return re.sub(r"(?::\d+|:\s*record \d+)$", "", source)


def read_line(file: str, line_no: int, raw: bytes, hints: Any) -> Iterator[Tagged]:
    """One documents-JSONL line (bytes, as ``textFile`` gives them undecoded) as
    ``("article", Article)`` or ``("errors", row)``, through the CLI's JSONL reader
    (:func:`onrecord.ingest.jsonl.parse_line`, what ``onrecord ingest`` calls per line)."""
    from onrecord.ingest.jsonl import parse_line

    if line_no == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
    if not raw.strip():
        return
    source = f"{file}:{line_no}"
    try:
        yield "article", parse_line(raw, source, hints)
    except Exception as exc:  # one bad line must not kill the job; its reason is kept
        yield ERRORS_TABLE, error_row(exc, file, line_no, "read")


def read_file(file: str, data: bytes, hints: Any) -> Iterator[Tagged]:
    """A whole file (text, HTML, WARC, ...) through the CLI's reader: articles or error rows."""
    from onrecord.ingest import read_bytes

    try:
        for item in read_bytes(data, file, hints):
            if isinstance(item, InputError):
                yield ERRORS_TABLE, error_row(item, file, None, "read")
            else:
                yield "article", item
    except Exception as exc:  # a reader failure loses this file only, reported with its reason
        yield ERRORS_TABLE, error_row(exc, file, None, "read")


def shuffle_key(item: Tagged) -> tuple[Any, ...]:
    """Articles keyed by content id (so duplicates meet), error rows by their whole content."""
    value = item[1]
    if isinstance(value, Article):
        return (0, value.content_id)
    return (1, value["source"], value["line"], value["stage"], value["reason"])


def first_read(a: Any, b: Any) -> Any:
    """Of two copies of one article (same content), keep the first in input order, as
    ``onrecord ingest`` does (it stores the first and reports the second as a duplicate)."""
    if isinstance(a, Article) and isinstance(b, Article):
        return a if (input_order(a.source), a.id) <= (input_order(b.source), b.id) else b
    return a
