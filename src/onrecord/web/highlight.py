"""Cutting an article's text into segments so a template can mark statements and speakers.

The store keeps offsets into ``Article.text``; the article page shows the text with each
statement's content highlighted and each speaker mention linked. Doing the cutting here, in
plain Python, keeps the template free of offset arithmetic and lets Jinja's autoescaping
handle every piece of text (no HTML is ever built from article text by hand).

Search results get the same treatment: :func:`snippet` cuts a statement's words to a window
around the search's matches (``store/matches.py`` finds them), as parts a script turns into
text nodes and ``<mark>`` elements; the one HTML form (:func:`snippet_json`, for API
clients) escapes every part with :func:`html.escape` before adding the ``<mark>`` tags.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of text to mark: a statement piece (``mention=False``) or a speaker mention."""

    start: int
    end: int
    statement: int
    mention: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text with at most one statement and one mention covering all of it."""

    text: str
    statement: int | None = None
    mention: int | None = None


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The text cut at every mark boundary, each piece tagged with what covers it.

    Overlapping statements (a quote inside reported speech) tag a piece with the innermost
    one, the mark that started last; marks outside the text or empty are ignored, so a stale
    offset can never raise or show text twice.
    """
    usable = [
        Mark(max(0, m.start), min(len(text), m.end), m.statement, m.mention)
        for m in marks
        if m.end > m.start and m.start < len(text) and m.end > 0
    ]
    cuts = sorted({0, len(text)} | {m.start for m in usable} | {m.end for m in usable})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = [m for m in usable if m.start <= a and m.end >= b]
        stmt = max((m for m in covering if not m.mention), key=_innermost, default=None)
        ment = max((m for m in covering if m.mention), key=_innermost, default=None)
        seg = Segment(
            text[a:b],
            stmt.statement if stmt else None,
            ment.statement if ment else None,
        )
        prev = out[-1] if out else None
        if prev and (prev.statement, prev.mention) == (seg.statement, seg.mention):
            out[-1] = Segment(prev.text + seg.text, seg.statement, seg.mention)
        else:
            out.append(seg)
    return out


def _innermost(mark: Mark) -> tuple[int, int]:
    return (mark.start, -mark.end)


# --------------------------------------------------------------------------- search results

#: A statement longer than this is shown in search results as a window of about this many
#: characters around its first match (a long transcript paragraph would fill the screen).
SNIPPET_CHARS = 280
#: Characters of context kept before the first match when the window does not start at 0.
SNIPPET_BEFORE = 60
ELLIPSIS = "…"


def snippet(words: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``words`` cut to a window around the first match, as (text, is_match) parts; a cut
    end is marked with "…". Windows end on whole words, and matches keep their full
    length inside the window (a match cut by the window's end is cut there)."""
    marks = sorted((max(0, a), min(len(words), b)) for a, b in spans if b > a)
    lo, hi = 0, len(words)
    if len(words) > SNIPPET_CHARS:
        first = marks[0][0] if marks else 0
        lo = max(0, first - SNIPPET_BEFORE)
        if lo > 0:  # start at a word
            space = words.find(" ", lo, first)
            lo = space + 1 if space >= 0 else lo
        hi = min(len(words), lo + SNIPPET_CHARS)
        if hi < len(words):  # end after a word
            space = words.rfind(" ", max(lo, marks[0][1] if marks else lo), hi)
            hi = space if space > lo else hi
    parts: list[tuple[str, bool]] = []
    if lo > 0:
        parts.append((ELLIPSIS, False))
    at = lo
    for a, b in marks:
        a, b = max(a, at), min(b, hi)
        if a >= b:
            continue
        if a > at:
            parts.append((words[at:a], False))
        parts.append((words[a:b], True))
        at = b
    if at < hi:
        parts.append((words[at:hi], False))
    if hi < len(words):
        parts.append((ELLIPSIS, False))
    merged: list[tuple[str, bool]] = []
    for text, hit in parts:
        if merged and merged[-1][1] == hit:
            merged[-1] = (merged[-1][0] + text, hit)
        else:
            merged.append((text, hit))
    return merged


def snippet_json(words: str, spans: Iterable[tuple[int, int]]) -> dict[str, object]:
    """A search result's ``highlight``: the snippet as parts (``segments``: text and whether
    it matched, for scripts that build the page with text nodes) and as HTML (``html``:
    every part escaped, matches in ``<mark>``, for API clients that show HTML)."""
    parts = snippet(words, spans)
    return {
        "segments": [{"text": text, "match": hit} for text, hit in parts],
        "html": "".join(
            f"<mark>{html.escape(text)}</mark>" if hit else html.escape(text) for text, hit in parts
        ),
    }
