"""What a finder hands on: a statement's words and its attribution, before speakers are known.

The finders (direct.py, reported.py, headline.py) only say where something was said and which
words name the speaker; speakers.py turns those words into a canonical name once every
finder has run, because a pronoun or a role ("добавил он", "отметила дипломат") needs the
statements before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.extract.ru.clauses import Attribution
from onrecord.extract.ru.quotes import QUOTE_MARKS

Piece = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Found:
    """One statement found: content pieces, attribution, where the cue words are, and which
    finder found it (``quote``, ``dash``, ``reported``, ``about`` ("Об этом заявил X"),
    ``according``, ``headline``, ``continuation``: a quotation with no attribution of its
    own)."""

    kind: str
    pieces: tuple[Piece, ...]
    attribution: Attribution | None
    cue_span: Piece | None
    source: str

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def trim(text: str, start: int, end: int, chars: str = " \t,;:—–-") -> Piece:
    """``[start, end)`` without the given characters at either end (spaces, commas, dashes)."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def reported_kind(text: str, pieces: tuple[Piece, ...]) -> str:
    """``mixed`` when reported words quote some of the speaker's own, else ``indirect``."""
    return "mixed" if any(c in QUOTE_MARKS for a, b in pieces for c in text[a:b]) else "indirect"
