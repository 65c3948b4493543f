"""Dates as a person reads them on the web pages: "26 Apr 2022, 20:30 UTC", "Mar 2022",
"28 Mar, year unknown". JSON keeps the ISO forms; only pages show these. The dates are read
by ``onrecord.dates`` (one reading for every layer); this module only words them.

Why UTC for times: articles give their times in their own zones (``+03:00`` for Moscow,
``-05:00`` for New York), and two reports of one remark read side by side must be put on
one clock to say which came first. A time without a zone is shown as given, without "UTC".
Wire copy often gives no year ("March 28" in a dateline: ``--03-28``), which is said in
words rather than shown as a year of question marks.

``static/app.js`` (``onrecord.humanDate``) writes the same for the pages its scripts draw;
the browser tests check the two against one table.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from onrecord.dates import IsoDate, parse

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(n: int | None) -> str | None:
    return MONTHS[n - 1] if n is not None and 1 <= n <= 12 else None


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
    d = parse(value.strip())
    return (_words(d) if d else None) or value


def _words(d: IsoDate) -> str | None:
    """A parsed date in words; None when a part is out of range (month 13, 30 February)."""
    if d.year is None:
        month = _month(d.month)
        if month is None:
            return None
        return f"{d.day} {month}, year unknown" if d.day is not None else f"{month}, year unknown"
    if d.month is None:
        return f"{d.year:04d}"
    month = _month(d.month)
    if month is None:
        return None
    if d.day is None:
        return f"{month} {d.year:04d}"
    try:
        day = datetime(d.year, d.month, d.day)
    except ValueError:
        return None
    if not d.time:
        return f"{day.day} {month} {d.year:04d}"
    clock = d.clock()
    if clock is None:
        return None
    try:
        moment = day.replace(hour=clock[0], minute=clock[1])
    except ValueError:
        return None
    if clock[2] is None:
        return f"{day.day} {month} {d.year:04d}, {moment:%H:%M}"
    utc = (moment - _offset(clock[2])).replace(tzinfo=UTC)
    return f"{utc.day} {MONTHS[utc.month - 1]} {utc.year}, {utc:%H:%M} UTC"


def _day(value: str) -> tuple[str | None, str, int] | None:
    """(year or None, month name, day) of a day-precision date without a time, else None."""
    d = parse(value)
    if d is None or d.day is None or d.time or human_date(value) == value:
        return None
    month = _month(d.month)
    if month is None:
        return None
    return (None if d.year is None else f"{d.year:04d}", month, d.day)


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
