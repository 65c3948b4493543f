"""Cutting an article's text into segments so a template can mark statements and speakers.

The store keeps offsets into ``Article.text``; the article page shows the text with each
statement's content highlighted and each speaker mention linked. Doing the cutting here, in
plain Python, keeps the template free of offset arithmetic and lets Jinja's autoescaping
handle every piece of text (no HTML is ever built from article text by hand).
"""

from __future__ import annotations

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
