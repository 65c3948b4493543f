"""Which reader a file needs: from its first bytes, then its name.

Content wins over the name where the bytes are unambiguous (a gzip or WARC header, a feed's
root element), because users save feeds as ``.html`` and pipe anything into ``-``; the
name decides the rest, and plain text is the fallback since wire copy has no signature.
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["text", "html", "feed", "jsonl", "warc"]
FORMATS: tuple[Format, ...] = ("text", "html", "feed", "jsonl", "warc")

#: Bytes to read before deciding (enough for a doctype, a BOM and an XML prolog).
SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"

_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
#: Suffixes a directory walk picks up; other files there (READMEs, scripts) are not articles.
ARTICLE_SUFFIXES: frozenset[str] = frozenset([*_BY_SUFFIX, ".gz"])

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|p|div)[\s>]", re.I
)


def suffix_format(name: str) -> Format | None:
    """The format a file name suggests (``.warc.gz`` -> warc, ``story.txt.gz`` -> text)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return _BY_SUFFIX.get(lower[dot:]) if dot >= 0 else None


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def is_binary(head: bytes) -> bool:
    """NUL bytes mean binary, unless a UTF-16/32 byte-order mark explains them."""
    return b"\x00" in head and not head.startswith(_BOMS[1:])


def sniff(head: bytes, name: str = "") -> Format:
    """Decide the format from the (decompressed) first bytes and the file name."""
    if head.startswith(b"WARC/"):
        return "warc"
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith((b"<rss", b"<feed", b"<rdf:RDF")) or (
        body.startswith(b"<?xml") and _FEED_ROOT.search(body[:SNIFF_BYTES])
    ):
        return "feed"
    by_name = suffix_format(name)
    if by_name is not None:
        return by_name
    if body.startswith(b"{"):
        return "jsonl"
    if _FEED_ROOT.search(body[:SNIFF_BYTES]):
        return "feed"
    if _HTML_START.match(body) or (body.startswith(b"<?xml") and b"<html" in body.lower()):
        return "html"
    return "text"
