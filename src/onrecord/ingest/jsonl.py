"""Documents JSONL (``shared/spec/statements.md``): one article per line, read as a stream.

Only ``id`` and ``text`` are required and ``text`` is kept exactly as given, because the
caller's offsets (gold files, other tools) index it. Wire-copy structure (headline,
dateline, timestamp) is still read from the text for the fields the record does not give.
A bad line is one InputError naming file and line; the other lines are still read. Lines
are read with a length cap so one runaway line cannot exhaust memory.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from onrecord.errors import InputError
from onrecord.ingest.meta import NO_HINTS, Hints, finish, iso_date, language_code
from onrecord.ingest.streams import READ_ERRORS, read_failure
from onrecord.ingest.text import parse_wire
from onrecord.model import Article

#: Record keys that map to Article fields (first name wins); all others go to ``meta``.
_FIELDS: dict[str, tuple[str, ...]] = {
    "outlet": ("outlet",),
    "url": ("url",),
    "headline": ("headline", "title"),
    "subheadline": ("subheadline",),
    "byline": ("byline", "author"),
    "dateline": ("dateline",),
}
_CONSUMED = frozenset(
    ["id", "text", "published", "lang", "language", *(k for ks in _FIELDS.values() for k in ks)]
)
#: A UTF-16 surrogate on its own: JSON may spell one (``"\ud800"``) but it is no character,
#: and UTF-8 (the database, every output) cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(obj: Any) -> tuple[str, str, int] | None:
    """The first lone surrogate in a decoded JSON value: ``(key, escape, index)``, or None.

    ``key`` is the top-level key holding it (the whole value's path would not help a user
    more), ``escape`` the surrogate as JSON writes it, ``index`` its character offset in that
    string. The walk is iterative: a value nested as deep as ``json.loads`` allows must not
    overflow the stack here either.
    """
    todo: list[tuple[str, Any]] = [("", obj)]
    while todo:
        key, value = todo.pop()
        if isinstance(value, str):
            m = _SURROGATE.search(value)
            if m:
                return key, f"\\u{ord(m.group()):04x}", m.start()
        elif isinstance(value, dict):
            for k, v in reversed(value.items()):
                todo.append((key or str(k), v))
                todo.append((key or str(k), k))
        elif isinstance(value, list):
            todo.extend((key, v) for v in reversed(value))
    return None


def surrogate_error(obj: Any, source: str) -> InputError | None:
    """The InputError for a value holding a lone surrogate (see :func:`lone_surrogate`)."""
    bad = lone_surrogate(obj)
    if bad is None:
        return None
    key, escape, index = bad
    return InputError(
        f"{key!r} has a lone surrogate {escape} at character {index} (not valid Unicode)",
        source=source,
    )


def parse_document(
    obj: dict[str, Any], source: str, hints: Hints = NO_HINTS, *, empty_text: bool = False
) -> Article:
    """One documents-JSONL object -> Article; raises InputError naming ``source``.

    A value holding a lone surrogate is refused here, before anything else: UTF-8 cannot
    encode it, so it would otherwise fail only when the article is stored or written, taking
    its batch (or the whole ``extract`` run) with it.

    ``empty_text``: a blank ``text`` is read (``onrecord extract`` answers every document,
    with no statements for this one) instead of refused (ingest has nothing to store).
    """
    bad = surrogate_error(obj, source)
    if bad is not None:
        raise bad
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
        raise InputError("missing or invalid 'id' (a string is required)", source=source)
    if not isinstance(text, str):
        raise InputError("missing or non-string 'text'", source=source)
    if not text.strip() and not empty_text:
        raise InputError("empty 'text'", source=source)
    published = obj.get("published")
    if published is not None:
        published = iso_date(published) if isinstance(published, str) else None
        if published is None:
            raise InputError(
                f"'published' is not an ISO date or date-time: {obj['published']!r}", source=source
            )
    given: dict[str, str | None] = {}
    for field, keys in _FIELDS.items():
        value = next((obj[k] for k in keys if isinstance(obj.get(k), str) and obj[k].strip()), None)
        given[field] = value
    wire = parse_wire(text)
    meta = {k: v for k, v in obj.items() if k not in _CONSUMED and k != "meta"}
    if isinstance(obj.get("meta"), dict):
        meta = {**obj["meta"], **meta}
    return finish(
        text,
        source,
        hints,
        id=str(doc_id),
        outlet=given["outlet"] or (wire.dateline.outlet if wire.dateline else None),
        published=published or wire.published,
        dateline=given["dateline"] or (wire.dateline.place if wire.dateline else None),
        dateline_end=wire.dateline.end if wire.dateline else None,
        headline=given["headline"] or wire.headline,
        subheadline=given["subheadline"] or wire.subheadline,
        byline=given["byline"] or wire.byline,
        url=given["url"],
        language=language_code(obj.get("language") or obj.get("lang")),
        body_start=wire.body_start,
        meta=meta,
    )


def read_jsonl(
    stream: BinaryIO, source: str, hints: Hints, *, max_line: int
) -> Iterator[Article | InputError]:
    """Each line of a documents JSONL stream as an Article, or an InputError for that line."""
    seen = False
    for _, item in read_documents(stream, source, hints, max_line=max_line):
        seen = True
        yield item if isinstance(item, InputError) else item[0]
    if not seen:
        yield InputError("empty file (no JSON lines)", source=source)


def read_documents(
    stream: BinaryIO,
    source: str,
    hints: Hints = NO_HINTS,
    *,
    max_line: int,
    empty_text: bool = False,
) -> Iterator[tuple[str, tuple[Article, dict[str, Any]] | InputError]]:
    """Each non-blank line as ``(where, (article, raw object))`` or ``(where, error)``;
    ``where`` names file and line, the raw object keeps keys the Article has no field for
    (gold annotations).

    ``onrecord extract`` and ``eval`` read their documents through this too (with
    ``empty_text``, see :func:`parse_document`), so a line means the same there as in
    ``onrecord ingest``.
    """
    number = 0
    try:
        for number, raw in _lines(stream, max_line):
            where = f"{source}:{number}"
            if raw is None:
                yield (
                    where,
                    InputError(f"line longer than {max_line:,} bytes, skipped", source=where),
                )
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                obj = load_object(raw, where)
                yield where, (parse_document(obj, where, hints, empty_text=empty_text), obj)
            except InputError as exc:
                yield where, exc
    except READ_ERRORS as exc:
        where = f"{source}:{number + 1}"
        yield where, InputError(read_failure(exc), source=where)


def parse_line(raw: bytes, source: str, hints: Hints = NO_HINTS) -> Article:
    """One JSONL line (undecoded bytes) -> Article; raises InputError naming ``source``.

    The Spark job reads lines itself (``textFile``) and calls this, so a line means the
    same there as in ``onrecord ingest``.
    """
    return parse_document(load_object(raw, source), source, hints)


def load_object(raw: bytes, where: str) -> dict[str, Any]:
    """A line's bytes as a JSON object, or an InputError saying what is wrong with it."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 ({exc.reason} at byte {exc.start})", source=where
        ) from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", source=where) from None
    except RecursionError:
        # The decoder recurses once per level of nesting; a hostile line nests thousands deep.
        raise InputError(
            f"JSON nested too deeply (over about {sys.getrecursionlimit()} levels)", source=where
        ) from None
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", source=where)
    return obj


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; a line over ``limit`` bytes is skipped and reported as None."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw
