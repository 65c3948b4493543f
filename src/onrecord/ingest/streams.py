"""Byte streams for the readers: peek without losing bytes, count, and name read failures.

Standard input cannot seek, yet we must look at its first bytes to choose a reader and
then hand the reader every byte; :class:`Rejoined` puts the peeked head back in front.
Streaming readers (JSONL, WARC) see truncated gzip or a vanishing file only as exceptions
from ``read``; :data:`READ_ERRORS` and :func:`read_failure` turn those into one wording.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

#: What reading a damaged or vanished stream raises (gzip.BadGzipFile is an OSError).
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)


def read_failure(exc: BaseException) -> str:
    """A one-line reason for a read error, saying 'truncated' when that is what happened."""
    if isinstance(exc, EOFError):
        return f"truncated gzip data ({exc})"
    if isinstance(exc, zlib.error):
        return f"corrupt compressed data ({exc})"
    return f"read failed ({exc.strerror or exc})" if isinstance(exc, OSError) else str(exc)


class Rejoined(io.RawIOBase):
    """``head`` followed by the rest of ``stream``: a peek that gives the bytes back."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class Counting(io.RawIOBase):
    """Counts the bytes read through it; ``tell`` answers even when the source can't."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.total = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.total

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        self.total += len(data)
        return len(data)


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """Read up to ``size`` bytes and return them with a stream that still starts at them."""
    head = stream.read(size)
    if stream.seekable():
        stream.seek(-len(head), io.SEEK_CUR)
        return head, stream
    return head, io.BufferedReader(Rejoined(head, stream))


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Read the whole stream unless it holds more than ``limit`` bytes (then limit + 1)."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
