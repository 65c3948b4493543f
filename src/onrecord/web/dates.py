"""Dates as a person reads them on the web pages: "26 Apr 2022, 20:30 UTC", "Mar 2022",
"28 Mar, year unknown". JSON keeps the ISO forms (``onrecord.model``); only pages show these.

Why UTC for times: articles give their times in their own zones (``+03:00`` for Moscow,
``-05:00`` for New York), and two reports of one remark read side by side must be put on
one clock to say which came first. A time without a zone is shown as given, without "UTC".
Wire copy often gives no year ("March 28" in a dateline: ``--03-28``), which is said in
words rather than shown as a year of question marks.

``static/app.js`` (``onrecord.humanDate``) writes the same for the pages its scripts draw;
the browser tests check the two against one table.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_DATE_RE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"|--(?P<nm>\d{2})(?:-(?P<nd>\d{2}))?)$"
)


def _month(m: str) -> str | None:
    n = int(m)
    return MONTHS[n - 1] if 1 <= n <= 12 else None


def _offset(tz: str) -> timedelta:
    if tz == "Z":
        return timedelta(0)
    digits = tz[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return -delta if tz[0] == "-" else delta


def human_date(value: str | None) -> str:
    """One reduced-precision ISO date (or ``start/end`` range) in words; what cannot be read
    is shown as given, and nothing as ""."""
    if not value:
        return ""
    if "/" in value:
        start, _, end = value.partition("/")
        return human_range(start, end or None)
    m = _DATE_RE.match(value.strip())
    if not m:
        return value
    if m.group("nm"):
        month = _month(m.group("nm"))
        if month is None:
            return value
        day = m.group("nd")
        return f"{int(day)} {month}, year unknown" if day else f"{month}, year unknown"
    year = m.group("y")
    if not m.group("m"):
        return year
    month = _month(m.group("m"))
    if month is None:
        return value
    if not m.group("d"):
        return f"{month} {year}"
    try:
        day = datetime(int(year), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return value
    if not m.group("hh"):
        return f"{day.day} {month} {year}"
    try:
        moment = day.replace(hour=int(m.group("hh")), minute=int(m.group("mm")))
    except ValueError:
        return value
    tz = m.group("tz")
    if tz is None:
        return f"{day.day} {month} {year}, {moment:%H:%M}"
    utc = (moment - _offset(tz)).replace(tzinfo=UTC)
    return f"{utc.day} {MONTHS[utc.month - 1]} {utc.year}, {utc:%H:%M} UTC"


def _day(value: str) -> tuple[str | None, str, int] | None:
    """(year or None, month name, day) of a day-precision date without a time, else None."""
    m = _DATE_RE.match(value)
    if m is None or human_date(value) == value:
        return None
    if m.group("nd"):
        month = _month(m.group("nm"))
        return (None, month, int(m.group("nd"))) if month else None
    if not m.group("d") or m.group("hh"):
        return None
    month = _month(m.group("m"))
    return (m.group("y"), month, int(m.group("d"))) if month else None


def human_range(start: str | None, end: str | None) -> str:
    """A date range in words, a shared month and year said once: "29–30 Mar 2022",
    "29 Mar – 2 Apr 2022", "29–30 Mar, year unknown"; other ranges (times, months, years
    apart) as "start – end"."""
    if not start:
        return human_date(end)
    if not end or end == start:
        return human_date(start)
    a, b = _day(start), _day(end)
    if a is None or b is None or a[0] != b[0]:
        return f"{human_date(start)} – {human_date(end)}"
    year = f" {a[0]}" if a[0] else ", year unknown"
    if a[1] == b[1]:
        return f"{a[2]}–{b[2]} {a[1]}{year}"
    return f"{a[2]} {a[1]} – {b[2]} {b[1]}{year}"
