"""Where an article's headline lines end and its body begins, and the dateline to cut off.

The same reading of the top of a story as ingest does (:func:`onrecord.ingest.text.parse_wire`,
which knows Russian datelines and timestamps), redone here from the text alone because
``onrecord extract`` and ``onrecord eval`` hand extraction bare documents without the
metadata ingest found. Headline lines are where headline attributions live
(``... — Лесницкий``, ``Дрозд: ...``); the dateline ("ТИРЕННА, 14 апреля. /ТПА/.") is
never part of a statement or a speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.ingest.text import parse_stamp, parse_wire


@dataclass(frozen=True, slots=True)
class Layout:
    """``heads``: (start, end) of headline and subheadline lines; ``body``: where the body
    begins; ``skip``: line start -> where that line's prose begins (after the dateline)."""

    heads: tuple[tuple[int, int], ...]
    body: int
    skip: dict[int, int]


def read_layout(text: str) -> Layout:
    """The layout of ``text`` (see the module docstring)."""
    wire = parse_wire(text)
    heads: list[tuple[int, int]] = []
    search_from = 0
    for line in (wire.headline, wire.subheadline):
        if not line:
            continue
        at = text.find(line, search_from, max(wire.body_start, 1) + len(line))
        if at < 0 or parse_stamp(line):
            continue
        heads.append((at, at + len(line)))
        search_from = at + len(line)
    skip: dict[int, int] = {}
    if wire.dateline is not None:
        line_start = text.rfind("\n", 0, wire.dateline.start) + 1
        skip[line_start] = wire.dateline.end
    return Layout(tuple(heads), wire.body_start, skip)
