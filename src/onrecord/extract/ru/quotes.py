"""Quotations by their marks: «ёлочки», „лапки“, “English” and "straight" marks, nested.

Russian typography nests „лапки“ inside «ёлочки» («Мы называем это „дорожной картой“»);
agencies whose feeds are ASCII use straight marks throughout. A quotation never spans a line
break here: wire copy closes every paragraph's quotation (a long quote over several
paragraphs reopens it on each). Only top-level quotations can be statements; the nested ones
are words the speaker quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS_BEFORE = set(" \t([{«„“—–-:/")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the opening mark at ``open``, the closing mark at ``close``."""

    open: int
    close: int
    depth: int

    @property
    def start(self) -> int:
        """First character inside the marks."""
        return self.open + 1

    @property
    def end(self) -> int:
        """End (exclusive) of the words inside the marks."""
        return self.close

    @property
    def outer_end(self) -> int:
        return self.close + 1


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order of their opening marks."""
    out: list[Quote] = []
    for m in re.finditer(r"[^\n]+", text):
        out.extend(_line_quotes(text, m.start(), m.end()))
    out.sort(key=lambda q: q.open)
    return out


def _line_quotes(text: str, start: int, end: int) -> list[Quote]:
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []

    def close(opener: str, at: int) -> bool:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == opener:
                found.append(Quote(stack[k][1], at, k))
                del stack[k:]
                return True
        return False

    for i in range(start, end):
        c = text[i]
        if c in "«„":
            stack.append((c, i))
        elif c == "»":
            close("«", i)
        elif c == "“":
            if not (stack and stack[-1][0] == "„" and close("„", i)):
                stack.append((c, i))
        elif c == "”":
            close("“", i) or close("„", i)
        elif c == '"':
            if any(s[0] == '"' for s in stack):
                close('"', i)
            elif i == start or text[i - 1] in _OPENERS_BEFORE:
                stack.append((c, i))
    return found


def top_level(quotes: list[Quote]) -> list[Quote]:
    """The quotations not inside another."""
    return [q for q in quotes if q.depth == 0]


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The top-level quotation whose words contain ``offset``."""
    for q in quotes:
        if q.depth == 0 and q.start <= offset < q.end:
            return q
    return None


QUOTE_MARKS = '«»„“”"'
