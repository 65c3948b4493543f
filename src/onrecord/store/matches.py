"""Where a search matched inside each statement of a result page, so a reader sees why it
was found: the matched words (stemmed, so "ceasefires" for a search of "ceasefire") as
offsets into the words the statement shows.

FTS5's ``highlight()`` marks the matches in the indexed column, the statement's content
span. The page shows the statement's *words* (a split quote without the attribution inside
it: ``"A," he said, "B."`` shows as ``A, … B.``), so the marks are moved onto those words
here; a mark inside the left-out attribution (a search for the speaker's name) has no place
in them and is dropped. The marks come back as offsets, never as markup: whoever shows
them escapes the text (``web/highlight.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from onrecord.store.db import Store, StoredStatement
from onrecord.store.fts import fts_query

# Private-use characters around each match: they cannot be typed in a search, and a
# statement that contains them itself is detected (its marks would not add up) and left
# without marks rather than marked wrongly.
_OPEN, _CLOSE = "\ue000", "\ue001"

Spans = list[tuple[int, int]]


def content_matches(store: Store, search: str, ids: Iterable[int]) -> dict[int, Spans]:
    """For each statement id the search matches, the matched stretches of its content.

    One query for the whole page (``rowid IN (...)``): it costs about what finding the
    matches once costs, less than a lookup per id when a prefix matches many words.
    """
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    match = fts_query(search, store.search_stems())
    marks = ", ".join("?" * len(wanted))
    rows = store.query(
        "SELECT rowid, content, highlight(statements_fts, 0, ?, ?) FROM statements_fts"
        f" WHERE statements_fts MATCH ? AND rowid IN ({marks})",
        [_OPEN, _CLOSE, match, *wanted],
    )
    out: dict[int, Spans] = {}
    for sid, content, marked in rows:
        if content is not None and marked is not None:
            spans = _spans(str(marked), str(content))
            if spans:
                out[int(sid)] = spans
    return out


def _spans(marked: str, content: str) -> Spans:
    """The (start, end) offsets in ``content`` of the stretches ``marked`` encloses."""
    if _OPEN in content or _CLOSE in content:
        return []
    spans: Spans = []
    plain: list[str] = []
    pos = 0
    start: int | None = None
    for ch in marked:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return spans if "".join(plain) == content else []


def word_matches(statement: StoredStatement, spans: Sequence[tuple[int, int]]) -> Spans:
    """``spans`` (offsets into the statement's content) as offsets into its words
    (:meth:`~onrecord.model.Statement.words`); parts outside the words are dropped."""
    s = statement.statement
    base = s.content.start
    if not s.fragments:
        return sorted(spans)
    out: Spans = []
    at = 0  # where the piece starts in the words
    for a, b in s.fragments:
        raw = s.content.text[a - base : b - base]
        lead = len(raw) - len(raw.lstrip())
        piece = raw.strip()
        lo = a - base + lead  # the piece's start in the content
        hi = lo + len(piece)
        for ms, me in spans:
            cs, ce = max(ms, lo), min(me, hi)
            if cs < ce:
                out.append((at + cs - lo, at + ce - lo))
        at += len(piece) + len(" … ")
    return sorted(out)
