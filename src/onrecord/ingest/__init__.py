"""Reading articles from the formats users have: the ingest stage's public API.

Every reader yields :class:`~onrecord.model.Article` objects, and a bad input becomes an
:class:`~onrecord.errors.InputError` *yielded* in its place (naming the file, line or
record and the problem) so one broken file never stops a run over thousands. Formats are
sniffed from content and name (:mod:`.detect`); JSONL and WARC are streamed, whole
documents (text, HTML, feeds) are read only when under ``max_bytes``.

Hints (``--outlet``/``--published``/``--year``) are the user's word and override what the
reader inferred; see :func:`onrecord.ingest.meta.finish`.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from onrecord.errors import InputError, printable
from onrecord.ingest.detect import ARTICLE_SUFFIXES, FORMATS, SNIFF_BYTES, Format, is_gzip, sniff
from onrecord.ingest.jsonl import parse_document, read_jsonl
from onrecord.ingest.meta import NO_HINTS, Hints
from onrecord.ingest.streams import READ_ERRORS, peek, read_at_most, read_failure
from onrecord.ingest.text import read_text
from onrecord.model import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Hints",
    "parse_document",
    "read_bytes",
    "read_paths",
]

#: Largest single text/HTML/feed document read (JSONL and WARC stream past it).
DEFAULT_MAX_BYTES = 20_000_000

Item = Article | InputError


def read_paths(
    paths: Sequence[str | Path],
    hints: Hints = NO_HINTS,
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Articles from files, directories (recursive, sorted, hidden skipped) and ``-``."""
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, "<stdin>", hints, None, max_bytes, None)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from _read_file(file, hints, max_bytes)
        elif path.exists():
            yield from _read_file(path, hints, max_bytes)
        else:
            yield InputError("no such file or directory", source=str(path))


def read_bytes(
    data: bytes,
    source: str,
    hints: Hints = NO_HINTS,
    *,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Articles from one input held in memory (the Spark job's ``binaryFiles``)."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    yield from _read_stream(io.BytesIO(data), source, hints, fmt, max_bytes, len(data))  # type: ignore[arg-type]


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Article files under ``root`` in sorted order; hidden entries and other files skipped.

    Linked directories are not followed (a link cycle would never end).
    """
    try:
        entries = sorted(root.iterdir())
    except OSError as exc:
        yield InputError(f"cannot list directory ({exc.strerror or exc})", source=str(root))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.is_file() and _is_article_name(entry.name):
            yield entry


def _is_article_name(name: str) -> bool:
    lower = name.lower()
    return any(lower.endswith(suffix) for suffix in ARTICLE_SUFFIXES)


def _read_file(path: Path, hints: Hints, max_bytes: int) -> Iterator[Item]:
    # The name is the article's stored ``source`` and is printed in messages: a name that is
    # not UTF-8 could be neither (its bytes are lone surrogates here), and one with a newline
    # would forge output lines, so both use the escaped form; the file itself is opened by
    # its real ``path``.
    source = printable(str(path))
    try:
        handle = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(f"cannot open ({exc.strerror or exc})", source=source)
        return
    with handle:
        yield from _read_stream(handle, source, hints, None, max_bytes, size)


def _read_stream(
    stream: BinaryIO,
    source: str,
    hints: Hints,
    fmt: Format | str | None,
    max_bytes: int,
    size: int | None,
) -> Iterator[Item]:
    """Sniff, unwrap gzip if needed, and hand the stream to its reader."""
    try:
        head, stream = peek(stream, SNIFF_BYTES)
    except READ_ERRORS as exc:
        yield InputError(read_failure(exc), source=source)
        return
    if not head:
        yield InputError("empty file", source=source)
        return
    name = source
    if is_gzip(head):
        inner = _gunzip_head(head)
        fmt = fmt or sniff(inner, source)
        if fmt != "warc":  # warcio reads gzip members itself, record by record
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
            head, size, name = inner, None, source.removesuffix(".gz")
    fmt = fmt or sniff(head, name)
    if fmt == "jsonl":
        yield from read_jsonl(stream, source, hints, max_line=max_bytes)
        return
    if fmt == "warc":
        from onrecord.ingest.warc import read_warc  # warcio and trafilatura: load on first use

        yield from read_warc(stream, source, hints, max_bytes=max_bytes)
        return
    yield from _read_whole(stream, source, hints, fmt, max_bytes, size)


def _read_whole(
    stream: BinaryIO, source: str, hints: Hints, fmt: str, max_bytes: int, size: int | None
) -> Iterator[Item]:
    """A text, HTML or feed document, refused unread when it is over ``max_bytes``."""
    limit = f"the limit for one {fmt} document is {max_bytes / 1e6:g} MB"
    if size is not None and size > max_bytes:
        yield InputError(f"file too large ({size / 1e6:.1f} MB; {limit})", source=source)
        return
    try:
        data = read_at_most(stream, max_bytes)
    except READ_ERRORS as exc:
        yield InputError(read_failure(exc), source=source)
        return
    if len(data) > max_bytes:
        yield InputError(f"file too large (over {max_bytes / 1e6:g} MB; {limit})", source=source)
        return
    try:
        yield from _read_document(fmt, data, source, hints)
    except InputError as exc:
        yield exc


def _read_document(fmt: str, data: bytes, source: str, hints: Hints) -> Iterator[Item]:
    """Dispatch a whole document; the HTML and feed libraries load only when first needed
    (importing ``Hints`` for a CLI flag should not cost a second of trafilatura)."""
    if fmt == "html":
        from onrecord.ingest.html import read_html

        yield read_html(data, source, hints)
    elif fmt == "feed":
        from onrecord.ingest.feeds import read_feed

        yield from read_feed(data, source, hints)
    else:
        yield read_text(data, source, hints)


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (empty if even those are corrupt)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""
