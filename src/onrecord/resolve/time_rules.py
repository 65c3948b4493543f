"""The shape every language's time rules share: a pattern, a handler, a trigger, a tense test.

A language (time_en.py, time_ru.py) writes its patterns and word tables; the handlers that
turn a match of a date, a range, a month or a year into a :class:`~.time_calendar.When` are
the same for all of them once the language says how to read its month names, so they are
made here from that one function. So is the tense test that decides whether "on Monday" is
last Monday or next: the verb nearest to the weekday, by the language's own patterns of
future and past.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from onrecord.resolve.textspan import overlaps
from onrecord.resolve.time_calendar import (
    Base,
    Resolved,
    When,
    closest_year,
    day_range,
    days_from,
    iso,
    valid,
)

#: Turns a match into a result against a base (None: the words cannot be resolved there);
#: the flag says whether the verb nearest to the match is in the future tense.
Handler = Callable[[re.Match[str], Base | None, bool], Resolved | None]
#: Whether the verb nearest to ``text[start:end]`` in ``sentence`` is in the future tense.
TenseReader = Callable[[str, int, int, tuple[int, int]], bool]
#: A language's month name, as matched, to its number (January 1).
MonthOf = Callable[[str], int]


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern and its handler; ``needs`` names the cheap trigger a text must match
    before the pattern is worth running; ``tense`` is given where the result depends on it."""

    pattern: re.Pattern[str]
    handler: Handler
    needs: str
    tense: TenseReader | None = None


def rules(
    handler: Handler, patterns: Sequence[str], needs: str, tense: TenseReader | None = None
) -> list[Rule]:
    """One :class:`Rule` per pattern, in the order given (earlier wins a tie)."""
    return [Rule(re.compile(p), handler, needs, tense) for p in patterns]


def _num(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value else None


def cross_month_range(month_of: MonthOf) -> Handler:
    """ "February 28 - March 2", "с 28 февраля по 2 марта": groups d1 m1 (y1) and d2 m2 (y2)."""

    def handle(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
        when = day_range(
            _num(m, "y1"),
            month_of(m["m1"]),
            int(m["d1"]),
            _num(m, "y2"),
            month_of(m["m2"]),
            int(m["d2"]),
            base,
        )
        return ("range", when) if when else None

    return handle


def same_month_range(month_of: MonthOf) -> Handler:
    """ "March 29-30", "29-30 марта": groups d1, d2, m1 (y1)."""

    def handle(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
        month, d1, d2, year = month_of(m["m1"]), int(m["d1"]), int(m["d2"]), _num(m, "y1")
        if d2 <= d1:
            return None
        when = day_range(year, month, d1, year, month, d2, base)
        return ("range", when) if when else None

    return handle


def single_date(month_of: MonthOf) -> Handler:
    """ "on March 28", "28 марта 2022 года": groups d1, m1 (y1); no year: the closest one."""

    def handle(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
        month, day, year = month_of(m["m1"]), int(m["d1"]), _num(m, "y1")
        if year is None:
            year = closest_year(month, day, base)
        if not valid(year, month, day):
            return None
        return "date", When(iso(year, month, day))

    return handle


def month_name(month_of: MonthOf) -> Handler:
    """ "in March 2022", "в марте": group m1 (y1). Without a year the month needs a word
    before it (group ``prep`` or ``part``): a bare "March" or "May" is too often a word or a
    name."""

    def handle(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
        month, year = month_of(m["m1"]), _num(m, "y1")
        found = m.groupdict()
        if year is None and not (found.get("prep") or found.get("part")):
            return None
        if year is None:
            year = closest_year(month, None, base)
        return "month", When(iso(year, month))

    return handle


def year(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    """ "in 2021", "в 2021 году": group y1."""
    return "year", When(iso(int(m["y1"])))


def relative_day(offsets: dict[str, int]) -> Handler:
    """ "yesterday", "накануне": group ``rel``, looked up (lower case, single spaces)."""

    def handle(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
        return days_from(base, offsets[" ".join(m["rel"].lower().split())])

    return handle


def tense_reader(future_re: re.Pattern[str], past_re: re.Pattern[str]) -> TenseReader:
    """Future when a future form (``future_re``) is nearer to the expression than any past
    form (``past_re``, not counting one inside a future form), in its sentence."""

    def is_future(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
        lo, hi = sentence
        future = [(m.start(), m.end()) for m in future_re.finditer(text, lo, hi)]
        past = [
            (m.start(), m.end())
            for m in past_re.finditer(text, lo, hi)
            if not overlaps((m.start(), m.end()), future)
        ]

        def distance(span: tuple[int, int]) -> int:
            return start - span[1] if span[1] <= start else max(0, span[0] - end)

        nearest_future = min(map(distance, future), default=None)
        nearest_past = min(map(distance, past), default=None)
        if nearest_future is None:
            return False
        return nearest_past is None or nearest_future < nearest_past

    return is_future
