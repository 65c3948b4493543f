"""English time expressions of wire copy: the words, as patterns; the meaning is shared.

"March 29-30", "February 28 - March 2", "on Monday", "last week", "three days ago", "earlier
this month": each is a regex over capitalised month and weekday names (so "may" and "march"
as words are not dates) with a handler; the handlers of dates, ranges and months are made by
:mod:`onrecord.resolve.time_rules` from this module's month table, and relative times
resolve by the calendar arithmetic of :mod:`onrecord.resolve.time_calendar`. :data:`RULES`
are tried by :func:`onrecord.resolve.time.find_times`, longest match first.
"""

from __future__ import annotations

import re

from onrecord.ingest.meta import MONTHS
from onrecord.resolve import time_rules as handlers
from onrecord.resolve.time_calendar import (
    Base,
    Resolved,
    When,
    counted,
    iso,
    period,
    valid,
    weekday,
)
from onrecord.resolve.time_rules import Rule, rules, tense_reader

#: English month names and abbreviations, capitalised ("May" the month, "may" a verb).
_MONTHS = {name.capitalize(): number for name, number in MONTHS.items()}
_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_REL_DAYS = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "tomorrow": 1,
}
_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
_DIRECTION = {"last": -1, "next": 1}

#: What a rule needs to see in a text before it is worth running (see ``find_times``).
NEEDS = {
    "month": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "digit": re.compile(r"\d"),
    "word": re.compile(
        r"(?i)day|night|morning|afternoon|evening|week|month|year|tomorrow|tonight|ago"
    ),
}

# --------------------------------------------------------------------------- patterns

_M = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_Y = r"(?P<{0}>(?:1[89]|20)\d\d)(?![\d:])"
_WD = "|".join(_WEEKDAYS)
_PREP = r"(?:(?P<prep>on|in|between|from|since|until|till|by|during|of)\s+)?"
_DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_WEEKDAY_PREFIX = rf"(?:(?:{_WD}),?\s+)?"


def _m(name: str) -> str:
    return _M.format(name)


def _d(name: str) -> str:
    return _D.format(name)


def _y(name: str) -> str:
    return _Y.format(name)


def _month(name: str) -> int:
    return _MONTHS[name]


# --------------------------------------------------------------------------- handlers


def _iso_date(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    year_, month, day = int(m["y1"]), int(m["m1"]), int(m["d1"])
    return ("date", When(iso(year_, month, day))) if valid(year_, month, day) else None


def _relative_month_name(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    """ "last March", "next May": the month before or after the base's (or this year's)."""
    month = _month(m["m1"])
    if base is None or base.month is None:
        return None
    if base.year is None:
        return "month", When(iso(None, month))
    year_ = base.year
    if m["mod"] == "last":
        year_ = base.year if month < base.month else base.year - 1
    elif m["mod"] == "next":
        year_ = base.year if month > base.month else base.year + 1
    return "month", When(iso(year_, month))


def _relative_count(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    sign = 1 if m["dir"].lower() in ("in", "within") else -1
    return counted(base, sign * n, m["unit"].lower())


def _relative_period(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    mod, unit = m["mod"].lower(), m["unit"].lower()
    return period(base, _SHIFT[mod], unit, (m["side"] or "").lower(), trailing=mod == "past")


def _weekday(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    direction = _DIRECTION.get((m["mod"] or "").lower(), 0)
    return weekday(base, _WEEKDAYS[m["wd"]], direction, future)


_FUTURE_RE = re.compile(
    r"(?i)\b(?:will|shall|won't|\w+'ll|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|going|planned)"
    r"|scheduled\s+for|plans?\s+to|intends?\s+to|upcoming|next)\b"
)
_PAST_RE = re.compile(
    r"(?i)\b(?:said|told|was|were|had|did|met|held|took|spoke|gave|made|began|went|came|\w{3,}ed)\b"
)

#: Every English rule, in the order that breaks ties between matches of equal extent.
RULES: tuple[Rule, ...] = (
    *rules(
        handlers.cross_month_range(_month),
        (
            rf"\b{_PREP}{_d('d1')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y1')})?{_DASH}"
            rf"{_d('d2')}\s+(?:of\s+)?{_m('m2')}(?:,?\s+{_y('y2')})?",
            rf"\b{_PREP}{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?{_DASH}"
            rf"{_m('m2')}\s+{_d('d2')}(?:,?\s+{_y('y2')})?",
        ),
        "month",
    ),
    *rules(
        handlers.same_month_range(_month),
        (
            rf"\b{_PREP}{_d('d1')}{_DASH}{_d('d2')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y1')})?",
            rf"\b{_PREP}{_m('m1')}\s+{_d('d1')}{_DASH}{_d('d2')}(?:,?\s+{_y('y1')})?",
        ),
        "month",
    ),
    *rules(
        handlers.single_date(_month),
        (
            rf"\b{_PREP}{_WEEKDAY_PREFIX}(?:the\s+)?{_d('d1')}\s+(?:of\s+)?{_m('m1')}"
            rf"(?:,?\s+{_y('y1')})?",
            rf"\b{_PREP}{_WEEKDAY_PREFIX}{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?",
        ),
        "month",
    ),
    *rules(
        _iso_date,
        (r"\b(?P<prep>on\s+)?(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\b",),
        "digit",
    ),
    *rules(
        handlers.month_name(_month),
        (
            rf"\b{_PREP}(?:(?P<part>early|mid-|mid|late|the\s+end\s+of|the\s+beginning\s+of)\s*)?"
            rf"{_m('m1')}(?:,?\s+{_y('y1')}|(?=\s*[^\s\d]|\s*$))",
        ),
        "month",
    ),
    *rules(
        _relative_month_name, (r"\b(?P<mod>last|next|this)\s+" + _m("m1") + r"(?!\s*\d)",), "month"
    ),
    *rules(
        handlers.year,
        (
            r"\b(?P<prep>in|since|until|by|during|of|from|early|late|mid-|mid)\s*"
            + _y("y1")
            + r"(?!\s*[-/]\s*\d)",
        ),
        "digit",
    ),
    *rules(
        handlers.relative_day(_REL_DAYS),
        (
            r"(?i)\b(?P<rel>"
            + "|".join(sorted((k.replace(" ", r"\s+") for k in _REL_DAYS), key=len, reverse=True))
            + r")\b",
        ),
        "word",
    ),
    *rules(
        _relative_count,
        (
            r"(?i)\b(?P<dir>in|within)\s+(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven"
            r"|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\b(?!\s+ago)",
            r"(?i)\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            r"|twelve)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before)\b",
        ),
        "word",
    ),
    *rules(
        _relative_period,
        (
            r"(?i)\b(?:(?P<side>earlier|later)\s+(?:on\s+)?)?(?P<mod>last|this|next|past|previous"
            r"|coming)\s+(?P<unit>week|month|year)\b",
        ),
        "word",
    ),
    *rules(
        _weekday,
        (
            r"\b(?:(?P<mod>(?i:last|next|this|on|earlier\s+on|late\s+on|early\s+on|from|until"
            r"|by|since))\s+)?"
            rf"(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?\b"
            rf"(?!\s*,?\s*(?:[0-3]?\d\b|{'|'.join(_MONTHS)}))",
        ),
        "weekday",
        tense_reader(_FUTURE_RE, _PAST_RE),
    ),
)
