"""When things were said and happened: time expressions of wire copy, resolved against a base.

The base is the article's publication date as a reduced-precision ISO string (see
``onrecord.model``): ``2022-03-21``, ``2022-03-21T12:47:00+03:00`` (the date as written, in
the article's own zone), or ``--03-28`` when only a dateline gave it and the year is unknown.
Results keep the precision the words give and never invent a year: "on February 24" against
``--03-28`` is ``--02-24``.

Why our own rules rather than dateparser/timefhuman: wire copy needs ranges kept as ranges
("March 29-30", "February 28 - March 2"), capitalised month names only (so "may" and "march"
as words are not dates), no false dates from pronouns ("We"), and a year-unknown base. Each
rule here is a regex with one handler, tried longest-first, and tested against a table of
wire-style sentences (tests/resolve/test_time_table.py).

Conventions (documented because news is ambiguous):

- A weekday ("on Monday") in past-tense reporting is the most recent such day on or before the
  base; when the words around it are in the future tense ("will", "is due to", "is expected
  to", "scheduled"), it is the next such day on or after the base. "last Monday" is strictly
  before the base, "next Monday" strictly after.
- A month and day without a year take the year that puts them closest to the base (so a
  January article's "on December 28" is the previous December).
- Weeks run Monday to Sunday. "last week" is the previous Monday-Sunday range, "earlier this
  month" the range from the first of the month to the day before the base.
- Year-unknown bases resolve day arithmetic in a non-leap year; weekday expressions, which
  need the year, stay unresolved there.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from onrecord.model import Precision, date_precision
from onrecord.resolve.textspan import overlaps, quoted_spans, sentence_at

if TYPE_CHECKING:
    from onrecord.model import Article, Statement

MatchKind = Literal["date", "range", "month", "year", "relative", "weekday"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
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
#: A reference leap/non-leap year for day arithmetic when the base has no year.
_NO_YEAR = 2001


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
        year = self.year if self.year is not None else _ref_year(self.month, self.day)
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def _ref_year(month: int, day: int) -> int:
    return 2000 if (month, day) == (2, 29) else _NO_YEAR


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
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


def _day_iso(d: date, base: Base) -> str:
    """A computed day, without its year when the base has none."""
    return _iso(d.year if base.year is not None else None, d.month, d.day)


def _closest_year(month: int, day: int | None, base: Base | None) -> int | None:
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


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return 1 <= month <= 12
    try:
        date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


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


Handler = Callable[[re.Match[str], "Base | None", bool], tuple[MatchKind, When] | None]
_RULES: list[tuple[re.Pattern[str], Handler, str]] = []
#: What a rule needs to see in a text before it is worth running (see :func:`find_times`).
_NEEDS = {
    "month": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "weekday": re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
    "digit": re.compile(r"\d"),
    "word": re.compile(
        r"(?i)day|night|morning|afternoon|evening|week|month|year|tomorrow|tonight|ago"
    ),
}


def _rule(pattern: str, needs: str | None = None) -> Callable[[Handler], Handler]:
    """Register a rule; ``needs`` names the _NEEDS class it requires (guessed when None:
    a month name, else a year's digits, else a relative time word)."""
    if needs is None:
        needs = "month" if "January" in pattern else "digit" if "\\d\\d" in pattern else "word"

    def wrap(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), handler, needs))
        return handler

    return wrap


def _month(m: re.Match[str], group: str) -> int:
    return _MONTHS[m.group(group)]


def _num(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value else None


def _range(
    y1: int | None, m1: int, d1: int, y2: int | None, m2: int, d2: int, base: Base | None
) -> When | None:
    """A day range; missing years come from the other end or from the base."""
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is None:
        y1 = _closest_year(m1, d1, base)
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    return When(_iso(y1, m1, d1), _iso(y2, m2, d2))


@_rule(
    rf"\b{_PREP}{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?{_DASH}"
    rf"{_m('m2')}\s+{_d('d2')}(?:,?\s+{_y('y2')})?"
)
@_rule(
    rf"\b{_PREP}{_d('d1')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y1')})?{_DASH}"
    rf"{_d('d2')}\s+(?:of\s+)?{_m('m2')}(?:,?\s+{_y('y2')})?"
)
def _cross_month_range(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    when = _range(
        _num(m, "y1"),
        _month(m, "m1"),
        int(m["d1"]),
        _num(m, "y2"),
        _month(m, "m2"),
        int(m["d2"]),
        base,
    )
    return ("range", when) if when else None


@_rule(rf"\b{_PREP}{_m('m1')}\s+{_d('d1')}{_DASH}{_d('d2')}(?:,?\s+{_y('y1')})?")
@_rule(rf"\b{_PREP}{_d('d1')}{_DASH}{_d('d2')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y1')})?")
def _same_month_range(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    month, d1, d2, year = _month(m, "m1"), int(m["d1"]), int(m["d2"]), _num(m, "y1")
    if d2 <= d1:
        return None
    when = _range(year, month, d1, year, month, d2, base)
    return ("range", when) if when else None


@_rule(rf"\b{_PREP}{_WEEKDAY_PREFIX}{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?")
@_rule(
    rf"\b{_PREP}{_WEEKDAY_PREFIX}(?:the\s+)?{_d('d1')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y1')})?"
)
def _single_date(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    month, day, year = _month(m, "m1"), int(m["d1"]), _num(m, "y1")
    if year is None:
        year = _closest_year(month, day, base)
    if not _valid(year, month, day):
        return None
    return "date", When(_iso(year, month, day))


@_rule(r"\b(?P<prep>on\s+)?(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\b")
def _iso_date(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    year, month, day = int(m["y1"]), int(m["m1"]), int(m["d1"])
    return ("date", When(_iso(year, month, day))) if _valid(year, month, day) else None


@_rule(
    rf"\b{_PREP}(?:(?P<part>early|mid-|mid|late|the\s+end\s+of|the\s+beginning\s+of)\s*)?"
    rf"{_m('m1')}(?:,?\s+{_y('y1')}|(?=\s*[^\s\d]|\s*$))"
)
def _month_name(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    month, year = _month(m, "m1"), _num(m, "y1")
    if year is None and not (m["prep"] or m["part"]):
        return None  # a bare "March" or "May" is too often a word or a name
    if year is None:
        year = _closest_year(month, None, base)
    return "month", When(_iso(year, month))


@_rule(r"\b(?P<mod>last|next|this)\s+" + _m("m1") + r"(?!\s*\d)")
def _relative_month_name(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    month = _month(m, "m1")
    if base is None or base.month is None:
        return None
    if base.year is None:
        return "month", When(_iso(None, month))
    year = base.year
    if m["mod"] == "last":
        year = base.year if month < base.month else base.year - 1
    elif m["mod"] == "next":
        year = base.year if month > base.month else base.year + 1
    return "month", When(_iso(year, month))


@_rule(
    r"\b(?P<prep>in|since|until|by|during|of|from|early|late|mid-|mid)\s*"
    + _y("y1")
    + r"(?!\s*[-/]\s*\d)"
)
def _year(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    return "year", When(_iso(int(m["y1"])))


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


@_rule(
    r"(?i)\b(?P<rel>"
    + "|".join(sorted((k.replace(" ", r"\s+") for k in _REL_DAYS), key=len, reverse=True))
    + r")\b"
)
def _relative_day(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    today = base.day_date if base else None
    if today is None or base is None:
        return None
    offset = _REL_DAYS[" ".join(m["rel"].lower().split())]
    return "relative", When(_day_iso(today + timedelta(days=offset), base))


@_rule(
    r"(?i)\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before)\b"
)
@_rule(
    r"(?i)\b(?P<dir>in|within)\s+(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\b(?!\s+ago)"
)
def _relative_count(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    if base is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    sign = 1 if m["dir"].lower() in ("in", "within") else -1
    unit = m["unit"].lower()
    if unit == "year":
        return ("relative", When(_iso(base.year + sign * n))) if base.year is not None else None
    if unit == "month":
        if base.month is None:
            return None
        index = (base.year or _NO_YEAR) * 12 + base.month - 1 + sign * n
        year = index // 12 if base.year is not None else None
        return "relative", When(_iso(year, index % 12 + 1))
    today = base.day_date
    if today is None:
        return None
    days = n * (7 if unit == "week" else 1)
    return "relative", When(_day_iso(today + timedelta(days=sign * days), base))


@_rule(
    r"(?i)\b(?:(?P<side>earlier|later)\s+(?:on\s+)?)?(?P<mod>last|this|next|past|previous|coming)\s+"
    r"(?P<unit>week|month|year)\b"
)
def _relative_period(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    if base is None:
        return None
    mod, unit = m["mod"].lower(), m["unit"].lower()
    side = (m["side"] or "").lower()
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[mod]
    if unit == "year":
        if base.year is None:
            return None
        if side and mod == "this":
            return _part_of(base, date(base.year, 1, 1), date(base.year, 12, 31), side)
        return "relative", When(_iso(base.year + shift))
    if unit == "month":
        if base.month is None:
            return None
        if side and mod == "this":
            year = base.year if base.year is not None else _ref_year(base.month, base.day or 1)
            last = calendar.monthrange(year, base.month)[1]
            return _part_of(base, date(year, base.month, 1), date(year, base.month, last), side)
        index = (base.year or _NO_YEAR) * 12 + base.month - 1 + shift
        return "relative", When(
            _iso(index // 12 if base.year is not None else None, index % 12 + 1)
        )
    today = base.day_date
    if today is None or base.year is None:
        return None  # weeks need the weekday, which needs the year
    monday = today - timedelta(days=today.weekday())
    if side and mod == "this":
        return _part_of(base, monday, monday + timedelta(days=6), side)
    if mod == "past":
        return "relative", When(_day_iso(today - timedelta(days=7), base), _day_iso(today, base))
    start = monday + timedelta(days=7 * shift)
    return "relative", When(_day_iso(start, base), _day_iso(start + timedelta(days=6), base))


def _part_of(base: Base, first: date, last: date, side: str) -> tuple[MatchKind, When] | None:
    """ "earlier this month" = first .. the day before the base; "later" = the day after .. last."""
    today = base.day_date
    if today is None:
        return None
    if side == "earlier":
        lo, hi = first, max(first, today - timedelta(days=1))
    else:
        lo, hi = min(last, today + timedelta(days=1)), last
    return "relative", When(_day_iso(lo, base), _day_iso(hi, base))


@_rule(
    r"\b(?:(?P<mod>(?i:last|next|this|on|earlier\s+on|late\s+on|early\s+on|from|until|by|since))\s+)?"
    rf"(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?\b(?!\s*,?\s*(?:[0-3]?\d\b|{'|'.join(_MONTHS)}))",
    needs="weekday",
)
def _weekday(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    today = base.day_date if base else None
    if today is None or base is None or base.year is None:
        return None
    target = _WEEKDAYS[m["wd"]]
    mod = (m["mod"] or "").lower()
    back = (today.weekday() - target) % 7
    ahead = (target - today.weekday()) % 7
    if mod == "last":
        day = today - timedelta(days=back or 7)
    elif mod == "next":
        day = today + timedelta(days=ahead or 7)
    elif future:
        day = today + timedelta(days=ahead)
    else:
        day = today - timedelta(days=back)
    return "weekday", When(_day_iso(day, base))


# --------------------------------------------------------------------------- tense

_FUTURE_RE = re.compile(
    r"(?i)\b(?:will|shall|won't|\w+'ll|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|going|planned)"
    r"|scheduled\s+for|plans?\s+to|intends?\s+to|upcoming|next)\b"
)
_PAST_RE = re.compile(
    r"(?i)\b(?:said|told|was|were|had|did|met|held|took|spoke|gave|made|began|went|came|\w{3,}ed)\b"
)


def _is_future(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the verb nearest to ``text[start:end]`` in its sentence is in the future tense."""
    lo, hi = sentence
    future = [(m.start(), m.end()) for m in _FUTURE_RE.finditer(text, lo, hi)]
    past = [
        (m.start(), m.end())
        for m in _PAST_RE.finditer(text, lo, hi)
        if not overlaps((m.start(), m.end()), future)
    ]

    def distance(span: tuple[int, int]) -> int:
        return start - span[1] if span[1] <= start else max(0, span[0] - end)

    nearest_future = min(map(distance, future), default=None)
    nearest_past = min(map(distance, past), default=None)
    if nearest_future is None:
        return False
    return nearest_past is None or nearest_future < nearest_past


#: Handlers whose result depends on the tense around them, with the function that reads it
#: (weekdays; time_ru.py adds the Russian ones).
_TENSED: dict[Handler, Callable[[str, int, int, tuple[int, int]], bool]] = {_weekday: _is_future}


# --------------------------------------------------------------------------- API


def find_times(
    text: str, published: str | Base | None, start: int = 0, end: int | None = None
) -> list[TimeMatch]:
    """Every time expression in ``text[start:end]``, resolved against ``published``.

    Longer expressions win over the shorter ones inside them ("March 29-30" over "March 29");
    expressions that cannot be resolved against this base (a weekday without a year) are left
    out rather than guessed.
    """
    base = published if isinstance(published, Base) or published is None else Base.parse(published)
    stop = len(text) if end is None else end
    present = {name for name, trigger in _NEEDS.items() if trigger.search(text, start, stop)}
    found: list[tuple[re.Match[str], Handler]] = []
    for pattern, handler, needs in _RULES:
        if needs in present:  # most sentences name no time: a few cheap scans skip the rules
            found.extend((m, handler) for m in pattern.finditer(text, start, stop))
    found.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    out: list[TimeMatch] = []
    taken: list[tuple[int, int]] = []
    for m, handler in found:
        span = (m.start(), m.end())
        if overlaps(span, taken):
            continue
        tense = _TENSED.get(handler)
        future = tense is not None and tense(text, *span, sentence_at(text, span[0]))
        resolved = handler(m, base, future)
        if resolved is None:
            continue
        kind, when = resolved
        taken.append(span)
        out.append(TimeMatch(span[0], span[1], m.group(), kind, when))
    out.sort(key=lambda t: t.start)
    return out


def resolve_time(text: str, published: str | None) -> When | None:
    """The first time expression in ``text`` resolved against ``published`` (None if none)."""
    found = find_times(text, published)
    return found[0].when if found else None


_THAT_RE = re.compile(r"\b(?:that|что)\b")  # "что": the Russian reported clause


def _publication_when(published: str | None) -> tuple[str | None, str | None]:
    """The publication date as a statement time: a date-time is reduced to its day, because
    the statement was made that day, not at the minute the story was filed."""
    precision = date_precision(published)
    if not published or precision is None:
        return None, None
    if precision == "datetime":
        return published[:10], "day"
    return published, precision


def _not_after(when: When, base: Base | None) -> bool:
    """Whether ``when`` can be a time something was said: not after the publication day.

    Without years on both sides month and day are compared, a date up to half a year later
    counting as later (further ahead it is more likely last year's)."""
    if base is None or base.month is None:
        return True
    if base.year is not None and not when.start.startswith("--"):
        published = _iso(base.year, base.month, base.day)
        return when.start[: len(published)] <= published
    m = re.match(r"^(?:\d{4}|-)-(\d{2})(?:-(\d{2}))?", when.start)
    if not m:
        return True
    ahead = (int(m.group(1)) - base.month) * 31 + (int(m.group(2) or 1) - (base.day or 1))
    return not 0 < ahead % (12 * 31) < 6 * 31


def statement_when(
    article: Article, statement: Statement, text: str | None = None
) -> tuple[str | None, str | None]:
    """When the statement was made: ``(iso, precision)``.

    Only the attribution counts: the sentence around the cue (or the speaker mention), minus
    the reported content and anything in quotation marks, because "today" inside a quote is
    what the speaker talks about, not when they spoke. A time later than the publication day
    is an occasion talked about, not the time of speaking, and is skipped. Without one, the
    publication date with its precision.
    """
    text = article.text if text is None else text
    base = Base.parse(article.published)
    anchor = statement.cue or statement.mention
    if anchor is None:
        return _publication_when(article.published)
    lo, hi = sentence_at(text, anchor.start)
    excluded = list(statement.pieces()) + quoted_spans(text, lo, hi)
    reported = _THAT_RE.search(text, anchor.end, hi)
    if reported:  # "said on Monday that ... on March 29": the clause after "that" is reported
        excluded.append((reported.start(), hi))
    candidates = [
        t
        for t in find_times(text, base, lo, hi)
        if not overlaps((t.start, t.end), excluded)
        and t.kind in ("date", "range", "relative", "weekday")
        and _not_after(t.when, base)
    ]
    if not candidates:
        return _publication_when(article.published)
    best = min(candidates, key=lambda t: min(abs(t.start - anchor.end), abs(anchor.start - t.end)))
    return best.when.value, best.when.precision


# Russian time expressions ("в понедельник", "28 марта", "29-30 марта") register their rules
# here; they only run on text with Cyrillic letters, so English results are unchanged.
from onrecord.resolve import time_ru as _time_ru  # noqa: E402

__all__ = ["Base", "TimeMatch", "When", "_time_ru", "find_times", "resolve_time", "statement_when"]
