"""Reading the documents JSONL that ``onrecord extract`` and ``onrecord eval`` take.

One JSON object a line with at least ``id`` and ``text`` (``shared/spec/statements.md``);
gold files are valid input, their extra keys are ignored. A bad line becomes an
:class:`~onrecord.errors.InputError` naming the file and line, so callers can report it and
go on with the other lines instead of losing the whole file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.errors import InputError
from onrecord.model import Article, date_precision


def parse_document(line: str, source: str) -> tuple[Article, dict[str, Any]]:
    """One JSONL line as an :class:`Article` plus the raw object (gold keys live there)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at column {exc.colno})", source=source
        ) from None
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", source=source)
    doc_id, text = data.get("id"), data.get("text")
    if doc_id is None or isinstance(doc_id, (dict, list)):
        raise InputError("missing 'id'", source=source)
    if not isinstance(text, str):
        raise InputError("missing or non-string 'text'", source=source)
    published = data.get("published")
    published = published if isinstance(published, str) and published else None
    article = Article(
        id=str(doc_id),
        text=text,
        outlet=_opt_str(data.get("outlet")),
        published=published,
        published_precision=date_precision(published),
        headline=_opt_str(data.get("headline")),
        url=_opt_str(data.get("url")),
        source=source,
    )
    return article, data


def read_documents(
    lines: Iterable[str], name: str
) -> Iterator[tuple[int, tuple[Article, dict[str, Any]] | InputError]]:
    """Number and parse each non-blank line: ``(line_no, (article, raw))`` or an error."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_document(line, f"{name}:{number}")
        except InputError as exc:
            yield number, exc


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
