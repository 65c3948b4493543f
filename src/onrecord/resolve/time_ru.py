"""Russian time expressions, resolved by the same rules and conventions as English.

``в понедельник``, ``в минувшую пятницу``, ``28 марта``, ``29-30 марта``, ``с 28 февраля по 2
марта``, ``в марте 2022 года``, ``вчера``, ``на прошлой неделе``, ``три дня назад``: each is a
regex with a handler, registered in :mod:`onrecord.resolve.time` next to the English rules,
so :func:`~onrecord.resolve.time.find_times` and
:func:`~onrecord.resolve.time.statement_when` treat Russian copy as they treat English: the
same base date (possibly without a year), ranges kept as ranges, a year never invented, and a
weekday read as past or future by the verb nearest to it. The rules need Cyrillic letters
to run at all, so English text costs one character scan and resolves as before.

Russian tense is regular enough for that last test without a parser: the past ends in
-л/-ла/-ло/-ли (-ся/-сь), and the future is announced by будет/состоится/планирует/намерен
and their kin (a perfective present such as "встретятся" is also future: it is recognised by
the words around it, "предстоит", "следующ-", or not at all).
"""

from __future__ import annotations

import re
from datetime import timedelta

from onrecord.resolve.time import (
    _NEEDS,
    _NO_YEAR,
    _TENSED,
    Base,
    MatchKind,
    When,
    _closest_year,
    _day_iso,
    _iso,
    _part_of,
    _range,
    _ref_year,
    _rule,
    _valid,
)

_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_PREPOSITIONAL = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]
_MONTH_OF = {name: n for names in (_GENITIVE, _PREPOSITIONAL) for n, name in enumerate(names, 1)}
#: Weekdays in the accusative, as "в понедельник" writes them, and their number (Monday 0).
_WEEKDAY_OF = {
    name: n
    for n, name in enumerate(
        ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
    )
}
_GEN = "(?P<{0}>" + "|".join(_GENITIVE) + r")(?![а-яё])"
_PREP_M = "(?P<m1>" + "|".join(_PREPOSITIONAL) + r")(?![а-яё])"
_D = r"(?P<{0}>[0-3]?\d)(?![\d:])"
_Y = r"(?:\s+(?P<{0}>(?:1[89]|20)\d\d)(?:\s*(?:года|году|г\.))?)?"
_TO = r"\s*(?:-|–|—|по|до)\s*"
_RU = "ru"
_NEEDS[_RU] = re.compile(r"[а-яё]", re.IGNORECASE)


def _g(pattern: str, *names: str) -> str:
    return pattern.format(*names)


def _month(m: re.Match[str], group: str) -> int:
    return _MONTH_OF[m.group(group).lower()]


def _num(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value else None


@_rule(
    rf"(?i)(?<![а-яё])(?:с\s+)?{_g(_D, 'd1')}\s+{_g(_GEN, 'm1')}{_g(_Y, 'y1')}{_TO}"
    rf"{_g(_D, 'd2')}\s+{_g(_GEN, 'm2')}{_g(_Y, 'y2')}",
    _RU,
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


@_rule(
    rf"(?i)(?<![а-яё])(?:с\s+)?{_g(_D, 'd1')}{_TO}{_g(_D, 'd2')}\s+{_g(_GEN, 'm1')}"
    rf"{_g(_Y, 'y1')}",
    _RU,
)
def _same_month_range(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    month, d1, d2, year = _month(m, "m1"), int(m["d1"]), int(m["d2"]), _num(m, "y1")
    if d2 <= d1:
        return None
    when = _range(year, month, d1, year, month, d2, base)
    return ("range", when) if when else None


@_rule(rf"(?i)(?<![\d\-–—])\b{_g(_D, 'd1')}\s+{_g(_GEN, 'm1')}{_g(_Y, 'y1')}", _RU)
def _single_date(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    month, day, year = _month(m, "m1"), int(m["d1"]), _num(m, "y1")
    if year is None:
        year = _closest_year(month, day, base)
    if not _valid(year, month, day):
        return None
    return "date", When(_iso(year, month, day))


@_rule(rf"(?i)(?<![а-яё])(?:в|во)\s+{_PREP_M}{_g(_Y, 'y1')}", _RU)
def _month_name(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    month, year = _month(m, "m1"), _num(m, "y1")
    if year is None:
        year = _closest_year(month, None, base)
    return "month", When(_iso(year, month))


@_rule(r"(?i)(?<![а-яё])в\s+(?P<y1>(?:1[89]|20)\d\d)\s*(?:году|г\.)", _RU)
def _year(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    return "year", When(_iso(int(m["y1"])))


_REL_DAYS = {
    "позавчера": -2,
    "вчера": -1,
    "накануне": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
}


@_rule(r"(?i)(?<![а-яё])(?P<rel>" + "|".join(_REL_DAYS) + r")(?![а-яё])", _RU)
def _relative_day(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    today = base.day_date if base else None
    if today is None or base is None:
        return None
    offset = _REL_DAYS[m["rel"].lower()]
    return "relative", When(_day_iso(today + timedelta(days=offset), base))


_COUNTS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
}  # fmt: skip
_UNIT = r"(?P<unit>дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)"
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(_COUNTS) + ")"


@_rule(rf"(?i)(?<![а-яё])(?:{_COUNT}\s+)?{_UNIT}\s+назад(?![а-яё])", _RU)
@_rule(rf"(?i)(?<![а-яё])(?P<dir>через)\s+(?:{_COUNT}\s+)?{_UNIT}(?![а-яё])", _RU)
def _relative_count(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    if base is None:
        return None
    raw = (m["n"] or "1").lower()
    n = int(raw) if raw.isdigit() else _COUNTS[raw]
    sign = 1 if "dir" in m.groupdict() and m["dir"] else -1
    unit = m["unit"].lower()
    if unit.startswith(("год", "лет")):
        return ("relative", When(_iso(base.year + sign * n))) if base.year is not None else None
    if unit.startswith("месяц"):
        if base.month is None:
            return None
        index = (base.year or _NO_YEAR) * 12 + base.month - 1 + sign * n
        return "relative", When(
            _iso(index // 12 if base.year is not None else None, index % 12 + 1)
        )
    today = base.day_date
    if today is None:
        return None
    days = n * (7 if unit.startswith("недел") else 1)
    return "relative", When(_day_iso(today + timedelta(days=sign * days), base))


_SHIFT = {
    "прошл": -1, "минувш": -1, "предыдущ": -1, "эт": 0, "текущ": 0, "нынешн": 0, "следующ": 1,
    "будущ": 1,
}  # fmt: skip
_MOD = r"(?P<mod>прошл|минувш|предыдущ|эт|текущ|нынешн|следующ|будущ)[а-яё]*"


@_rule(rf"(?i)(?<![а-яё])на\s+{_MOD}\s+(?P<unit>неделе)(?![а-яё])", _RU)
@_rule(rf"(?i)(?<![а-яё])в\s+{_MOD}\s+(?P<unit>месяце|году)(?![а-яё])", _RU)
@_rule(
    rf"(?i)(?<![а-яё])(?P<side>ранее|позднее)\s+в\s+{_MOD}\s+(?P<unit>месяце|году)(?![а-яё])", _RU
)
def _relative_period(
    m: re.Match[str], base: Base | None, future: bool
) -> tuple[MatchKind, When] | None:
    if base is None:
        return None
    shift = _SHIFT[m["mod"].lower()]
    unit = m["unit"].lower()
    side = {"ранее": "earlier", "позднее": "later"}.get((m.groupdict().get("side") or "").lower())
    if unit == "году":
        if base.year is None:
            return None
        if side and shift == 0:
            from datetime import date

            return _part_of(base, date(base.year, 1, 1), date(base.year, 12, 31), side)
        return "relative", When(_iso(base.year + shift))
    if unit == "месяце":
        if base.month is None:
            return None
        if side and shift == 0:
            import calendar
            from datetime import date

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
    start = monday + timedelta(days=7 * shift)
    return "relative", When(_day_iso(start, base), _day_iso(start + timedelta(days=6), base))


_LAST = ("прошл", "минувш", "последн", "предыдущ")
_NEXT = ("следующ", "ближайш", "будущ", "грядущ")


@_rule(
    r"(?i)(?<![а-яё])(?:в|во)\s+(?:(?P<mod>прошл|минувш|последн|предыдущ|следующ|ближайш|будущ"
    r"|грядущ|эт|нынешн)[а-яё]*\s+)?(?P<wd>" + "|".join(_WEEKDAY_OF) + r")(?![а-яё])",
    _RU,
)
def _weekday(m: re.Match[str], base: Base | None, future: bool) -> tuple[MatchKind, When] | None:
    today = base.day_date if base else None
    if today is None or base is None or base.year is None:
        return None
    target = _WEEKDAY_OF[m["wd"].lower()]
    mod = (m["mod"] or "").lower()
    back = (today.weekday() - target) % 7
    ahead = (target - today.weekday()) % 7
    if mod.startswith(_LAST):
        day = today - timedelta(days=back or 7)
    elif mod.startswith(_NEXT):
        day = today + timedelta(days=ahead or 7)
    elif future:
        day = today + timedelta(days=ahead)
    else:
        day = today - timedelta(days=back)
    return "weekday", When(_day_iso(day, base))


_FUTURE_RE = re.compile(
    r"(?i)(?<![а-яё])(?:будет|будут|буду|будем|состоится|состоятся|пройдет|пройдут|планиру\w+"
    r"|намерен\w*|собирает\w+|предстоит|ожидает\w+|запланирован\w*|следующ\w+)(?![а-яё])"
)
_PAST_RE = re.compile(r"(?i)(?<![а-яё])[а-яё]{2,}(?:л|ла|ло|ли)(?:ся|сь)?(?![а-яё])")


def is_future(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the verb nearest to ``text[start:end]`` in its sentence is in the future."""
    lo, hi = sentence
    future = [(m.start(), m.end()) for m in _FUTURE_RE.finditer(text, lo, hi)]
    past = [(m.start(), m.end()) for m in _PAST_RE.finditer(text, lo, hi)]

    def distance(span: tuple[int, int]) -> int:
        return start - span[1] if span[1] <= start else max(0, span[0] - end)

    nearest_future = min(map(distance, future), default=None)
    nearest_past = min(map(distance, past), default=None)
    if nearest_future is None:
        return False
    return nearest_past is None or nearest_future < nearest_past


_TENSED[_weekday] = is_future
__all__ = ["is_future"]
