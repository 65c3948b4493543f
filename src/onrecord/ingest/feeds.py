"""RSS and Atom feeds: every entry becomes an Article (feedparser does the XML).

The feed is decoded by :mod:`onrecord.ingest.encoding` like every other document, so a
wrong ``encoding=`` in the XML prolog is handled the same way everywhere, and handed to
feedparser as UTF-8. Entry times are taken from the raw ``pubDate``/``published`` string,
not feedparser's UTC tuple, to keep the zone the outlet published in. A feed whose XML is
broken gives the entries read before the break, then an InputError saying so.
"""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from onrecord.errors import InputError
from onrecord.ingest.encoding import decode
from onrecord.ingest.html import fragment_text
from onrecord.ingest.meta import Hints, finish, format_datetime, iso_date, language_code
from onrecord.ingest.names import clean_byline, split_tagline
from onrecord.ingest.text import encoding_meta, find_dateline
from onrecord.model import Article

_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")
_AS_UTF8 = {"content-type": "application/xml; charset=utf-8"}
#: A numeric character reference, decimal or hexadecimal.
_CHARREF = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _valid_charref(m: re.Match[str]) -> str:
    """A character reference, or ``&#xFFFD;`` when it names no Unicode character.

    feedparser turns ``&#xD800;`` (a lone surrogate), ``&#x110000;`` (past Unicode) and
    ``&#99999999999;`` into exceptions that escape it and once ended the whole ingest run;
    U+FFFD is what an HTML parser makes of them (lxml does so for pages), so a feed reads
    like a page would.
    """
    ref = m.group(1)
    hexadecimal = ref[0] in "xX"
    digits = (ref[1:] if hexadecimal else ref).lstrip("0") or "0"
    if len(digits) > 8:  # past U+10FFFF either way; int() of a huge one would refuse too
        return "&#xFFFD;"
    code = int(digits, 16) if hexadecimal else int(digits)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "&#xFFFD;"
    return m.group()


def read_feed(data: bytes, source: str, hints: Hints) -> Iterator[Article | InputError]:
    """Each entry of an RSS/Atom document, or an InputError per bad entry / broken feed."""
    try:
        m = _XML_ENCODING.match(data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200])
        decoded = decode(data, source, m.group(1).decode("ascii") if m else None)
    except InputError as exc:
        yield exc
        return
    markup = _CHARREF.sub(_valid_charref, decoded.text)
    try:
        parsed = feedparser.parse(io.BytesIO(markup.encode("utf-8")), response_headers=_AS_UTF8)
    except (ValueError, OverflowError, RecursionError) as exc:  # UnicodeError is a ValueError
        # feedparser's own failures on hostile markup, not the feed's well-formedness errors
        # (those come back in ``bozo_exception``); the feed fails, the other inputs go on.
        yield InputError(f"feed could not be parsed ({type(exc).__name__}: {exc})", source=source)
        return
    broken = _xml_error(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not parsed.entries:
        reason = f"malformed feed XML ({broken})" if broken else "no feed entries found"
        if broken or not parsed.version:
            yield InputError(reason, source=source)
        return
    feed = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}:entry {number}"
        try:
            yield _entry_article(
                entry, feed, entry_source, hints, encoding_meta(decoded.encoding, decoded.note)
            )
        except InputError as exc:
            yield exc
    if broken:
        yield InputError(
            f"malformed feed XML after entry {len(parsed.entries)} ({broken})", source=source
        )


def _xml_error(exc: object) -> str | None:
    """feedparser's XML complaint as ``line 4, column 15: not well-formed``; None if not XML."""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    if isinstance(exc, xml.sax.SAXException):
        return " ".join(str(exc).split())
    return None


def _entry_article(
    entry: Any, feed: Any, source: str, hints: Hints, meta: dict[str, Any]
) -> Article:
    title = _plain(entry, "title") or None
    body = fragment_text(_entry_markup(entry))
    if not body and not title:
        raise InputError("feed entry has neither title nor text", source=source)
    text, body_start = (
        (f"{title}\n{body}", len(title) + 1) if title and body else (title or body, 0)
    )
    dateline = find_dateline(text, body_start)
    if entry.get("id"):
        meta = {**meta, "guid": entry.get("id")}
    language = language_code(_content_language(entry)) or language_code(feed.get("language"))
    # a feed's title names its outlet, often with a tagline: "Havik Evening Post | Latest"
    outlet = split_tagline(_plain(feed, "title")) or (dateline.outlet if dateline else None)
    return finish(
        text,
        source,
        hints,
        outlet=outlet,
        published=_entry_time(entry) or (dateline.published if dateline else None),
        dateline=dateline.place if dateline else None,
        dateline_end=dateline.end if dateline else None,
        headline=title,
        byline=clean_byline(entry.get("author") or None, [outlet]),
        url=entry.get("link") or None,
        language=language,
        body_start=dateline.start if dateline else body_start,
        meta=meta,
    )


def _plain(node: Any, key: str) -> str:
    """A title as text: HTML titles are converted, plain ones only tidied (``a < b`` stays)."""
    value = node.get(key) or ""
    if "html" in ((node.get(f"{key}_detail") or {}).get("type") or ""):
        return fragment_text(value)
    return " ".join(value.split())


def _entry_markup(entry: Any) -> str:
    """The fullest text an entry has: its longest ``content``, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or ()]
    best = max(contents, key=len, default="")
    return best if len(best) >= len(entry.get("summary", "")) else entry.get("summary", "")


def _content_language(entry: Any) -> str | None:
    for detail in (*(entry.get("content") or ()), entry.get("summary_detail") or {}):
        if detail.get("language"):
            return detail["language"]
    return None


def _entry_time(entry: Any) -> str | None:
    """Publication time with the zone as written; feedparser's UTC tuple as a fallback."""
    for key in ("published", "updated", "created"):
        value = iso_date(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return format_datetime(datetime(*parsed[:6], tzinfo=UTC))
    return None
