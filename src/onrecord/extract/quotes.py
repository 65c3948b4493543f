"""Finding quotations by their marks, on plain text (no parse needed).

News uses many marks: straight ``"..."`` and curly double quotes, single quotes (mostly
nested, sometimes top level in headlines), «guillemets» and „low-high“ marks. A quote may run
over several paragraphs: each continuing paragraph opens with a mark but the previous one is
not closed. Marks are often unbalanced in real copy, so the scanner works paragraph by
paragraph and an unmatched mark only affects its own paragraph, never the rest of the
document (textacy's matcher drops a whole document on an odd count).

:func:`find_quotes` returns :class:`Quote` objects: the content inside the marks as one
piece per paragraph; marks nested inside are left as content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark -> the closing marks that may end it.
PAIRS: dict[str, str] = {
    "“": '”“"',  # English curly; some copy closes with the opening glyph or a straight mark
    "„": "“”",  # German/Russian low-high
    "«": "»",
    "»": "«",  # Danish/Swedish reversed guillemets
    '"': '"”',
    "‘": "’",
    "'": "'’",
    "‹": "›",
}
DOUBLE_OPEN = '“„«"»'
SINGLE_OPEN = "‘'‹"
ALL_MARKS = "\"'“”‘’«»„‹›"

_PARA_RE = re.compile(r"[^\n]+")
_JOINER = "\u2060"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its content pieces (inside the marks) and where the marks are."""

    pieces: tuple[tuple[int, int], ...]
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote was never closed

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def outer_end(self) -> int:
        """End including the closing mark (or the content end when unclosed)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def _is_open(text: str, i: int) -> bool:
    """Can the mark at ``i`` open a quote? Apostrophes (``don't``, ``Russia’s``) cannot."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if ch in "'‘‹":
        return not prev.isalnum() and (nxt.isalnum() or nxt in '"“')
    if ch == "»":
        return False  # reversed guillemets are rare; treat » as closing only
    return not prev.isalnum() or ch in "“„«"


def _is_close(text: str, i: int, opener: str) -> bool:
    """Can the mark at ``i`` close a quote opened by ``opener``?"""
    ch = text[i]
    if ch not in PAIRS.get(opener, ""):
        return False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace() and ch not in "»" and not (i >= 2 and text[i - 2] in "'’"):
        return False  # (but '... center,' "' closes after a nested quote and a space)
    # an apostrophe inside a word ("don’t") cannot close a single quote
    return not (opener in "'‘" and nxt.isalnum())


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int | None, str]]:
    """Top-level quotes in one paragraph: ``(open_at, close_at | None, opener)``."""
    found: list[tuple[int, int | None, str]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and _is_open(text, i):
            close = _find_close(text, i + 1, end, ch)
            found.append((i, close, ch))
            if close is None:
                break  # unclosed: runs to the paragraph end (maybe continued below)
            i = close + 1
            continue
        i += 1
    return found


def _find_close(text: str, i: int, end: int, opener: str) -> int | None:
    """Offset of the mark closing ``opener``, skipping nested quotes of the other kind."""
    nested: str | None = None
    while i < end:
        ch = text[i]
        if nested is not None:
            if _is_close(text, i, nested):
                nested = None
            elif ch in PAIRS.get(opener, "") and _is_close(text, i, opener) and opener not in "'‘":
                return i  # the inner quote was never closed: the outer close wins
        elif _is_close(text, i, opener):
            return i
        elif ch in PAIRS and ch != opener and _is_open(text, i):
            nested = ch
        i += 1
    return None


def _may_continue(text: str, open_at: int) -> bool:
    """Can a quote left open at ``open_at`` run on into the next paragraph?

    Only a quote that opened a paragraph or followed a colon/comma ("Kovac said: "...") is
    continued; a stray mark after a word ('called "Ports and people') ends with its paragraph.
    """
    before = text[max(0, open_at - 3) : open_at].rstrip(" \t")
    return not before or before[-1] in "\n:,—–-("


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] == _JOINER):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == _JOINER):
        b -= 1
    return a, b


def find_quotes(text: str, *, min_chars: int = 1) -> list[Quote]:
    """All top-level quotations in ``text``, in order, multi-paragraph ones joined."""
    # Two apostrophes ('') stand for a double quote in some wire copy: scan a same-length
    # copy where they are a straight double quote plus an invisible joiner.
    text = text.replace("''", '"' + _JOINER)
    paragraphs = [(m.start(), m.end()) for m in _PARA_RE.finditer(text)]
    quotes: list[Quote] = []
    carried: list[tuple[int, int]] | None = None  # pieces of a quote left open
    carried_open = 0
    for p_start, p_end in paragraphs:
        scanned = _scan_paragraph(text, p_start, p_end)
        lead = p_start
        while lead < p_end and text[lead].isspace():
            lead += 1
        if carried is not None:
            if (
                scanned
                and scanned[0][0] == lead
                and text[lead] in DOUBLE_OPEN + SINGLE_OPEN
                and _may_continue(text, carried_open)
            ):
                opener_at, close, _ = scanned.pop(0)
                piece_end = close if close is not None else p_end
                carried.append(_trim(text, opener_at + 1, piece_end))
                if close is None:
                    continue
                quotes.append(Quote(tuple(carried), carried_open, close))
                carried = None
            else:
                # The quote never closed and this paragraph does not continue it:
                # keep what we have as a quote that ended with its paragraph.
                quotes.append(Quote(tuple(carried), carried_open, None))
                carried = None
        for open_at, close, _ in scanned:
            if close is None:
                carried = [_trim(text, open_at + 1, p_end)]
                carried_open = open_at
            else:
                quotes.append(Quote((_trim(text, open_at + 1, close),), open_at, close))
    if carried is not None:
        quotes.append(Quote(tuple(carried), carried_open, None))
    return [q for q in quotes if q.end - q.start >= min_chars and q.end > q.start]


def inside_any(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote whose marks enclose ``[start, end)``, if any."""
    for q in quotes:
        if q.open_at <= start and end <= q.outer_end:
            return q
    return None
