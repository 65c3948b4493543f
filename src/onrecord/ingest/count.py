"""About how many articles some inputs hold, counted without parsing them: for a progress
bar's total and time left.

Reading an article costs far less than extracting it, but it is not free (HTML goes through
trafilatura, feeds through feedparser), so the count does not run the readers: it looks at
the bytes instead. A plain text or HTML file is one article; a JSON Lines file has one per
non-blank line; a feed one per ``<item``/``<entry`` tag; a WARC one per response or resource
record (records that turn out not to be HTML are counted too). An input that cannot be read
counts one, as the readers yield one error for it. So the total is an estimate, exact for
text, HTML and JSONL, and callers treat it as one (a bar whose count runs past it grows).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from onrecord.errors import InputError
from onrecord.ingest import DEFAULT_MAX_BYTES, _walk
from onrecord.ingest.detect import SNIFF_BYTES, is_gzip, sniff
from onrecord.ingest.streams import READ_ERRORS, peek

#: Bytes read at a time when scanning a stream.
_CHUNK = 1 << 20
_FEED_ITEM = re.compile(rb"<(?:item|entry)[\s>/]", re.IGNORECASE)
_WARC_RECORD = re.compile(rb"WARC-Type:[ \t]*(?:response|resource)\b")


def count_articles(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> int | None:
    """About how many articles (and failed inputs) ``read_paths(paths)`` will yield; None
    when one of them is standard input, which can be read only once."""
    if any(str(p) == "-" for p in paths):
        return None
    total = 0
    for given in paths:
        path = Path(given)
        files: Iterator[Path | InputError] = _walk(path) if path.is_dir() else iter([path])
        for file in files:
            total += _count_file(file, max_bytes) if isinstance(file, Path) else 1
    return total


def _count_file(path: Path, max_bytes: int) -> int:
    try:
        with path.open("rb") as handle:
            return _count_stream(handle, path.name, max_bytes)
    except READ_ERRORS:
        return 1  # the reader will report it: one error


def _count_stream(stream: BinaryIO, name: str, max_bytes: int) -> int:
    head, stream = peek(stream, SNIFF_BYTES)
    if not head:
        return 1
    if is_gzip(head):
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head, stream = peek(stream, SNIFF_BYTES)
        name = name.removesuffix(".gz")
    fmt = sniff(head, name)
    if fmt == "jsonl":
        return max(1, sum(1 for line in stream if line.strip()))
    if fmt == "warc":
        return max(1, _count_matches(stream, _WARC_RECORD, None))
    if fmt == "feed":
        return max(1, _count_matches(stream, _FEED_ITEM, max_bytes))
    return 1


def _count_matches(stream: BinaryIO, pattern: re.Pattern[bytes], limit: int | None) -> int:
    """Matches of ``pattern`` in the stream, read in chunks (a match may span two: each
    chunk is searched with the tail of the one before, which no match can lie wholly in)."""
    found = 0
    tail = b""
    read = 0
    while chunk := stream.read(_CHUNK):
        read += len(chunk)
        data = tail + chunk
        keep = 64  # longer than any match
        found += sum(1 for m in pattern.finditer(data) if m.end() > len(tail))
        tail = data[-keep:]
        if limit is not None and read > limit:
            break
    return found
