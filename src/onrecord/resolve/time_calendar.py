"""The calendar under every language's time rules: base dates, resolved values, arithmetic.

A time expression is resolved against a *base*, the article's publication date as a
reduced-precision ISO string (``2022-03-21``, ``2022-03-21T12:47:00+03:00``, ``--03-28`` when
the year is unknown). The words differ by language (time_en.py, time_ru.py); what they mean
does not: "three days ago" and "три дня назад" are the same step back from the base, "last
week" and "на прошлой неделе" the same Monday-Sunday range. That arithmetic is written once,
here, with the conventions of :mod:`onrecord.resolve.time`: the precision the words give is
kept and a year is never invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from onrecord.dates import Precision, date_precision

MatchKind = Literal["date", "range", "month", "year", "relative", "weekday"]
#: A computed result: what kind of expression it was, and when it means.
Resolved = tuple[MatchKind, "When"]

#: A reference leap/non-leap year for day arithmetic when the base has no year.
NO_YEAR = 2001


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: one reduced-precision ISO date, or a range ``start/end``."""

    start: str
    end: str | None = None

    @property
    def precision(self) -> Precision:
        return date_precision(self.start) or "day"

    @property
    def value(self) -> str:
        """The ISO form: ``2022-03-29`` or the interval ``2022-03-29/2022-03-30``."""
        return f"{self.start}/{self.end}" if self.end else self.start


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time expression found in a text: its offsets, words, kind and resolved value."""

    start: int
    end: int
    text: str
    kind: MatchKind
    when: When


@dataclass(frozen=True, slots=True)
class Base:
    """What "today" is: the publication date, possibly without year (or day)."""

    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, published: str | None) -> Base | None:
        """The base of a reduced-precision ISO date; None when absent or unreadable."""
        if not published:
            return None
        m = re.match(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?)", published)
        if not m or date_precision(published) is None:
            return None
        year, month, day, nmonth, nday = m.groups()
        if nmonth:
            return cls(None, int(nmonth), int(nday) if nday else None)
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @property
    def day_date(self) -> date | None:
        """The base as a date (in a reference year when the year is unknown)."""
        if self.month is None or self.day is None:
            return None
        year = self.year if self.year is not None else ref_year(self.month, self.day)
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def ref_year(month: int, day: int) -> int:
    """The year day arithmetic uses when the base has none (a leap year only for 29 Feb)."""
    return 2000 if (month, day) == (2, 29) else NO_YEAR


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """A reduced-precision ISO date: ``2022``, ``2022-03``, ``2022-03-28``, ``--03-28``."""
    if year is None:
        if month is None:
            raise ValueError("a date needs a year or a month")
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def day_iso(d: date, base: Base) -> str:
    """A computed day, without its year when the base has none."""
    return iso(d.year if base.year is not None else None, d.month, d.day)


def closest_year(month: int, day: int | None, base: Base | None) -> int | None:
    """The year that puts month/day closest to the base (None when the base has no year)."""
    if base is None or base.year is None or base.month is None:
        return None
    anchor = date(base.year, base.month, base.day or 15)
    best: tuple[int, int] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        distance = abs((candidate - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def valid(year: int | None, month: int, day: int | None) -> bool:
    """Is this a real month, or a real day of it (any leap year when the year is unknown)?"""
    if day is None:
        return 1 <= month <= 12
    try:
        date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


def day_range(
    y1: int | None, m1: int, d1: int, y2: int | None, m2: int, d2: int, base: Base | None
) -> When | None:
    """A day range; missing years come from the other end or from the base."""
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is None:
        y1 = closest_year(m1, d1, base)
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    if not (valid(y1, m1, d1) and valid(y2, m2, d2)):
        return None
    return When(iso(y1, m1, d1), iso(y2, m2, d2))


# --------------------------------------------------------------------------- relative times


def days_from(base: Base | None, offset: int) -> Resolved | None:
    """ "yesterday", "tomorrow", "накануне": the base day moved by ``offset`` days."""
    today = base.day_date if base else None
    if today is None or base is None:
        return None
    return "relative", When(day_iso(today + timedelta(days=offset), base))


def counted(base: Base | None, amount: int, unit: str) -> Resolved | None:
    """ "three days ago" (``amount`` -3), "in two weeks" (2), "через год": a step of ``unit``
    ("day", "week", "month" or "year") from the base."""
    if base is None:
        return None
    if unit == "year":
        return ("relative", When(iso(base.year + amount))) if base.year is not None else None
    if unit == "month":
        if base.month is None:
            return None
        return "relative", When(_month_from(base, base.month, amount))
    today = base.day_date
    if today is None:
        return None
    days = amount * (7 if unit == "week" else 1)
    return "relative", When(day_iso(today + timedelta(days=days), base))


def _month_from(base: Base, month: int, shift: int) -> str:
    """The month ``shift`` months from the base's ``month`` (its year kept unknown if so)."""
    index = (base.year or NO_YEAR) * 12 + month - 1 + shift
    return iso(index // 12 if base.year is not None else None, index % 12 + 1)


def period(
    base: Base | None, shift: int, unit: str, side: str | None, trailing: bool = False
) -> Resolved | None:
    """ "last week" (``shift`` -1), "this month" (0), "next year" (1), as a range or a month
    or year; with ``side`` "earlier"/"later" and ``shift`` 0, the part of the period before
    or after the base ("earlier this month"); ``trailing``: the seven days up to the base
    ("the past week")."""
    if base is None:
        return None
    if unit == "year":
        if base.year is None:
            return None
        if side and shift == 0:
            return part_of(base, date(base.year, 1, 1), date(base.year, 12, 31), side)
        return "relative", When(iso(base.year + shift))
    if unit == "month":
        if base.month is None:
            return None
        if side and shift == 0:
            year = base.year if base.year is not None else ref_year(base.month, base.day or 1)
            last = calendar.monthrange(year, base.month)[1]
            return part_of(base, date(year, base.month, 1), date(year, base.month, last), side)
        return "relative", When(_month_from(base, base.month, shift))
    today = base.day_date
    if today is None or base.year is None:
        return None  # weeks need the weekday, which needs the year
    monday = today - timedelta(days=today.weekday())
    if side and shift == 0:
        return part_of(base, monday, monday + timedelta(days=6), side)
    if trailing:
        return "relative", When(day_iso(today - timedelta(days=7), base), day_iso(today, base))
    start = monday + timedelta(days=7 * shift)
    return "relative", When(day_iso(start, base), day_iso(start + timedelta(days=6), base))


def part_of(base: Base, first: date, last: date, side: str) -> Resolved | None:
    """ "earlier this month" = first .. the day before the base; "later" = the day after .. last."""
    today = base.day_date
    if today is None:
        return None
    if side == "earlier":
        lo, hi = first, max(first, today - timedelta(days=1))
    else:
        lo, hi = min(last, today + timedelta(days=1)), last
    return "relative", When(day_iso(lo, base), day_iso(hi, base))


def weekday(base: Base | None, target: int, direction: int, future: bool) -> Resolved | None:
    """The day a weekday names (``target``: Monday 0): ``direction`` -1 "last Monday"
    (strictly before the base), 1 "next Monday" (strictly after), 0 "on Monday": on or
    before the base in past-tense reporting, on or after it when ``future``."""
    today = base.day_date if base else None
    if today is None or base is None or base.year is None:
        return None
    back = (today.weekday() - target) % 7
    ahead = (target - today.weekday()) % 7
    if direction < 0:
        day = today - timedelta(days=back or 7)
    elif direction > 0:
        day = today + timedelta(days=ahead or 7)
    elif future:
        day = today + timedelta(days=ahead)
    else:
        day = today - timedelta(days=back)
    return "weekday", When(day_iso(day, base))
