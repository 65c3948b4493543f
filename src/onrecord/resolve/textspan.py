"""Sentence and quotation bounds in wire copy, by rules, for the resolve stage.

Why rules and not spaCy: time resolution and event finding run on every stored article after
each ingest batch, and they only need to know "which sentence is this in" and "is this inside
quotation marks". A regex pass is thousands of times cheaper than a parse and good enough for
wire copy, whose sentences end in a full stop and a capital or a newline. Abbreviations that
end in a full stop inside a sentence ("Mr.", "Mar. 21", "U.S.") are not boundaries.
"""

from __future__ import annotations

import re
from functools import lru_cache


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (word lists stay readable)."""
    return frozenset(words.split())


#: Words that end in a full stop without ending the sentence (lower-cased, without the dot).
_ABBREVIATIONS = wordset(
    "mr mrs ms dr prof gen col lt sgt capt sen rep gov st jr sr no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e inc corp co ltd"
)
_BOUNDARY_RE = re.compile(r"[.!?][\"”’»)\]]*(?=\s+[\"“‘«„(\[]?[A-Z0-9А-ЯЁ])|\n+")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)\.$")
_QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|„[^“\n]*“")


@lru_cache(maxsize=64)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every sentence in ``text``, in order, without outer whitespace."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if m.group().startswith("."):
            word = _WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        _append_trimmed(text, start, end, out)
        start = m.end()
    _append_trimmed(text, start, len(text), out)
    return tuple(out)


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence containing offset ``pos`` (the nearest one before it if
    ``pos`` falls between sentences)."""
    best = (0, len(text))
    for start, end in sentence_bounds(text):
        if start > pos:
            break
        best = (start, end)
    return best


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Stretches inside quotation marks (marks included) within ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text, start, stop)]


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether the span ``a`` overlaps any span of ``spans``."""
    return any(a[0] < e and s < a[1] for s, e in spans)
