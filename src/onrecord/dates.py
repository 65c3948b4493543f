"""Reduced-precision ISO 8601 dates: how onrecord reads them and writes them for machines.

News gives dates of every precision, and a wrong year is worse than none, so a date is kept
as the ISO 8601 string of the precision the article gave: ``2022-03-21T12:47:00+03:00``
(date-time, zone when known), ``2022-03-21`` (day), ``2022-03`` (month), ``2022`` (year),
``--03-28`` (month and day, year unknown: ISO 8601's form for a date without year) or
``--03`` (month, year unknown). A statement's date may be a range, ``start/end``.

Every layer reads and writes these through this module, so the rules live once: the store's
sortable ``pub_date`` column and the Parquet ``date`` partition (:func:`sortable_date`,
:func:`partition_date`), the date column of tables and CSV (:func:`display_date`: the one
written form of a year-less date everywhere is ``--03-28``, as in JSON and the interchange
spec), ``since``/``until`` bounds (:func:`check_bound`), chronological order with year-less
dates placed in the most common year (:func:`sort_key`, :func:`common_year`), and the day
arithmetic of cross-outlet linking (:func:`day_number`). The web pages' wording ("28 Mar,
year unknown") is ``onrecord.web.dates``, built on :func:`parse`; the timeline's SQL
renders the same reading in ``onrecord.store.date_sql`` (a test checks the two agree).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from onrecord.errors import UsageError

Precision = Literal["datetime", "day", "month", "year", "day-no-year", "month-no-year"]

#: How a year-less date begins (``--03-28``).
NO_YEAR = "--"
#: The Parquet ``date`` partition of an article whose year is not known.
UNKNOWN_DATE = "unknown"

_ISO_RE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<t>T.+)?)?)?"
    r"|--(?P<nm>\d{2})(?:-(?P<nd>\d{2}))?)$"
)
_CLOCK_RE = re.compile(
    r"^T(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)
# Read as far as it goes (``parts``): a week or a time of day counts by its year or day.
_PREFIX_RE = re.compile(r"^(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?")
_YEAR_RE = re.compile(r"^(\d{4})")
_BOUND_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_BOUND_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


@dataclass(frozen=True, slots=True)
class IsoDate:
    """The parts of a well-formed reduced-precision date; ``time`` is the rest after the day
    (``T12:47:00+03:00``), unread (see :meth:`clock`)."""

    year: int | None
    month: int | None
    day: int | None
    time: str | None = None

    @property
    def precision(self) -> Precision:
        if self.year is None:
            return "day-no-year" if self.day is not None else "month-no-year"
        if self.time:
            return "datetime"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def clock(self) -> tuple[int, int, str | None] | None:
        """(hour, minute, zone or None) of the time, None when there is none or it cannot be
        read (``T12`` alone)."""
        m = _CLOCK_RE.match(self.time or "")
        if not m:
            return None
        return int(m.group("hh")), int(m.group("mm")), m.group("tz")


def parse(value: str | None) -> IsoDate | None:
    """The parts of one reduced-precision ISO date (not a range); None when it is not one."""
    m = _ISO_RE.match(value or "")
    if not m:
        return None
    if m.group("nm"):
        nd = m.group("nd")
        return IsoDate(None, int(m.group("nm")), int(nd) if nd else None)

    def num(key: str) -> int | None:
        return int(m.group(key)) if m.group(key) else None

    return IsoDate(num("y"), num("m"), num("d"), m.group("t"))


def date_precision(value: str | None) -> Precision | None:
    """Name the precision of a reduced-precision ISO date string (None if unparseable)."""
    parsed = parse(value)
    return parsed.precision if parsed else None


def has_year(value: str | None) -> bool:
    """Whether ``value`` is a date whose year is known."""
    precision = date_precision(value)
    return precision is not None and not precision.endswith("no-year")


def is_day(value: str | None) -> bool:
    """Whether ``value`` is one day without a time: ``2022-03-21`` or ``--03-21``."""
    return date_precision(value) in ("day", "day-no-year")


def split_range(when: str | None) -> tuple[str | None, str | None]:
    """A date or ``start/end`` range as (start, end); end None for a single date."""
    if not when:
        return None, None
    start, _, end = when.partition("/")
    return start, end or None


def parts(iso: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date read as far as it goes (month-only: day 0;
    year-only: month and day 0); None when not even a year can be read."""
    if not iso:
        return None
    m = _PREFIX_RE.match(iso)
    if m:
        return (int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3) or 0))
    m = _YEAR_RE.match(iso)
    return (int(m.group(1)), 0, 0) if m else None


# --------------------------------------------------------------------------- machine forms


def display_date(value: str | None) -> str:
    """The date column of tables and CSV: the date part (``2022-03-21``, ``2022-03``),
    ``--03-28`` when the year is unknown (ISO 8601, as in JSON), ``""`` when absent."""
    if not value:
        return ""
    if value.startswith(NO_YEAR):
        return value[:7]
    return value[:10]


def display_range(start: str | None, end: str | None = None) -> str:
    """A date or range for tables: ``2022-03-29 – 2022-03-30``, ``--02-28``."""
    if not start:
        return ""
    shown = display_date(start)
    return f"{shown} – {display_date(end)}" if end else shown


def sortable_date(value: str | None) -> str | None:
    """The store's ``pub_date`` column: ``YYYY[-MM[-DD]]`` when the year is known, else None
    (so date ranges and date order never place a year-less article)."""
    if value is None or not has_year(value):
        return None
    return value[:10]


def partition_date(value: str | None) -> str:
    """The Parquet ``date`` partition: the date part when the year is known, else
    :data:`UNKNOWN_DATE`."""
    return sortable_date(value) or UNKNOWN_DATE


def check_bound(value: str, name: str) -> str:
    """A ``since``/``until`` bound, stripped: a real ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
    else a UsageError naming the parameter ``name`` (the CLI puts its option in its place)."""
    value = value.strip()
    try:
        if not _BOUND_RE.match(value):
            raise ValueError(value)
        datetime.strptime(value, _BOUND_FORMATS[len(value)])
    except ValueError:
        raise UsageError(
            f"{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", param=name
        ) from None
    return value


# --------------------------------------------------------------------------- order


def common_year(values: Iterable[str | None]) -> int:
    """The most common year among ``values`` (the earlier on a tie; 0 when none has one):
    the year in which dates without one are placed in chronological order."""
    years = Counter(p[0] for v in values if (p := parts(v)) and p[0] is not None)
    return max(years.items(), key=lambda kv: (kv[1], -kv[0]))[0] if years else 0


def sort_key(iso: str | None, ref_year: int) -> tuple[int, int, int]:
    """Chronological key; a date without year sorts as if in ``ref_year``, none last."""
    p = parts(iso)
    if p is None:
        return (9999, 99, 99)
    return (p[0] if p[0] is not None else ref_year, p[1], p[2])


@lru_cache(maxsize=4096)
def day_number(iso: str | None) -> tuple[int | None, int] | None:
    """(year, day of year) of a reduced-precision ISO day; year None when unknown; None
    without a month. A month-precision value counts as the 15th, so that it falls in a
    window around mid-month."""
    p = parts(iso)
    if p is None or not p[1]:
        return None
    year = p[0]
    try:
        d = date(year or 2001, p[1], p[2] or 15)
    except ValueError:
        return None
    return year, d.toordinal() - date(d.year, 1, 1).toordinal()
