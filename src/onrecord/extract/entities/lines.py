"""Lines of an article whose names are unreliable: headlines in title case, credits, bylines.

In a title-case headline every word looks like a name, and a photo credit or byline names
people who are not in the story; the entity builder prefers the body's names to theirs.
"""

from __future__ import annotations

import re

from onrecord.ingest.text import parse_byline


def title_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case (headlines, subheadings): most of their longer words capitalised,
    and no sentence end.

    Names are unreliable there (every word looks like one), so entities prefer the body's.
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        if line.endswith((".", "!", "?", '"', "”", ":")):
            continue  # a sentence, whatever its names ("Donald Trump met Bernie Sanders.")
        if mostly_capitalised(line):
            out.append((m.start(), m.end()))
    return out


def mostly_capitalised(line: str) -> bool:
    """Three or more longer words, three in four of them capitalised: headline style."""
    longer = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.75 * len(longer)


_FURNITURE_LINE = re.compile(
    r"^\s*(?:(?:photo|image|picture|credit|video|illustration|file|graphic)s?\b\s*[:/(]"
    r"|.*\S\s+/\s+\S|.*\|)",
    re.IGNORECASE,
)


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Short lines that credit rather than report: "Photo: Jo Ray / Reuters", "By Jo Ray",
    "Jo Ray | Staff". The people they name are not the story's speakers or antecedents."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if len(m.group().split()) <= 12
        and (_FURNITURE_LINE.match(m.group()) or parse_byline(m.group().strip()))
    ]


def inside_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


def outside_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the given ranges blanked out (offsets kept)."""
    chars = list(text)
    for a, b in ranges:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
