"""Russian time expressions, resolved by the same rules and conventions as English.

``в понедельник``, ``в минувшую пятницу``, ``28 марта``, ``29-30 марта``, ``с 28 февраля по 2
марта``, ``в марте 2022 года``, ``вчера``, ``на прошлой неделе``, ``три дня назад``: each is a
regex in the shape every language's rules share (:mod:`onrecord.resolve.time_rules`), so
:func:`~onrecord.resolve.time.find_times` and :func:`~onrecord.resolve.time.statement_when`
treat Russian copy as they treat English: the same base date (possibly without a year),
ranges kept as ranges, a year never invented, and a weekday read as past or future by the
verb nearest to it. This module only says how Russian writes them: month names in the
genitive and prepositional, weekdays in the accusative, counts and modifiers by their stems.
The rules need Cyrillic letters to run at all, so English text costs one character scan and
resolves as before.

Russian tense is regular enough for that last test without a parser: the past ends in
-л/-ла/-ло/-ли (-ся/-сь), and the future is announced by будет/состоится/планирует/намерен
and their kin (a perfective present such as "встретятся" is also future: it is recognised by
the words around it, "предстоит", "следующ-", or not at all).
"""

from __future__ import annotations

import re

from onrecord.resolve import time_rules as handlers
from onrecord.resolve.time_calendar import Base, Resolved, counted, period, weekday
from onrecord.resolve.time_rules import Rule, rules, tense_reader

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
_REL_DAYS = {
    "позавчера": -2,
    "вчера": -1,
    "накануне": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
}
_COUNTS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
}  # fmt: skip
#: Stems of the modifiers of a period ("на прошлой неделе") and the shift each means.
_SHIFT = {
    "прошл": -1, "минувш": -1, "предыдущ": -1, "эт": 0, "текущ": 0, "нынешн": 0, "следующ": 1,
    "будущ": 1,
}  # fmt: skip
#: A period's noun in the prepositional, and its unit.
_PERIOD_UNIT = {"неделе": "week", "месяце": "month", "году": "year"}
_SIDE = {"ранее": "earlier", "позднее": "later"}
#: Stems of a weekday's modifiers: "в прошлый понедельник" (before), "в следующий" (after).
_LAST = ("прошл", "минувш", "последн", "предыдущ")
_NEXT = ("следующ", "ближайш", "будущ", "грядущ")

_RU = "ru"
#: What a Russian rule needs to see in a text before it is worth running: Cyrillic letters.
NEEDS = {_RU: re.compile(r"[а-яё]", re.IGNORECASE)}

_GEN = "(?P<{0}>" + "|".join(_GENITIVE) + r")(?![а-яё])"
_PREP_M = "(?P<m1>" + "|".join(_PREPOSITIONAL) + r")(?![а-яё])"
_D = r"(?P<{0}>[0-3]?\d)(?![\d:])"
_Y = r"(?:\s+(?P<{0}>(?:1[89]|20)\d\d)(?:\s*(?:года|году|г\.))?)?"
_TO = r"\s*(?:-|–|—|по|до)\s*"
_UNIT = r"(?P<unit>дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)"
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(_COUNTS) + ")"
_MOD = r"(?P<mod>прошл|минувш|предыдущ|эт|текущ|нынешн|следующ|будущ)[а-яё]*"


def _g(pattern: str, *names: str) -> str:
    return pattern.format(*names)


def _month(name: str) -> int:
    return _MONTH_OF[name.lower()]


def _unit(word: str) -> str:
    """The unit a counted noun names: "дня"/"дней" days, "недели" weeks, "лет" years."""
    if word.startswith(("год", "лет")):
        return "year"
    if word.startswith("месяц"):
        return "month"
    return "week" if word.startswith("недел") else "day"


def _relative_count(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    raw = (m["n"] or "1").lower()
    n = int(raw) if raw.isdigit() else _COUNTS[raw]
    sign = 1 if m.groupdict().get("dir") else -1
    return counted(base, sign * n, _unit(m["unit"].lower()))


def _relative_period(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    side = _SIDE.get((m.groupdict().get("side") or "").lower())
    return period(base, _SHIFT[m["mod"].lower()], _PERIOD_UNIT[m["unit"].lower()], side)


def _weekday(m: re.Match[str], base: Base | None, future: bool) -> Resolved | None:
    mod = (m["mod"] or "").lower()
    direction = -1 if mod.startswith(_LAST) else 1 if mod.startswith(_NEXT) else 0
    return weekday(base, _WEEKDAY_OF[m["wd"].lower()], direction, future)


_FUTURE_RE = re.compile(
    r"(?i)(?<![а-яё])(?:будет|будут|буду|будем|состоится|состоятся|пройдет|пройдут|планиру\w+"
    r"|намерен\w*|собирает\w+|предстоит|ожидает\w+|запланирован\w*|следующ\w+)(?![а-яё])"
)
_PAST_RE = re.compile(r"(?i)(?<![а-яё])[а-яё]{2,}(?:л|ла|ло|ли)(?:ся|сь)?(?![а-яё])")
#: Whether the verb nearest to an expression is in the future tense (Russian forms).
is_future = tense_reader(_FUTURE_RE, _PAST_RE)

#: Every Russian rule, in the order that breaks ties between matches of equal extent.
RULES: tuple[Rule, ...] = (
    *rules(
        handlers.cross_month_range(_month),
        (
            rf"(?i)(?<![а-яё])(?:с\s+)?{_g(_D, 'd1')}\s+{_g(_GEN, 'm1')}{_g(_Y, 'y1')}{_TO}"
            rf"{_g(_D, 'd2')}\s+{_g(_GEN, 'm2')}{_g(_Y, 'y2')}",
        ),
        _RU,
    ),
    *rules(
        handlers.same_month_range(_month),
        (
            rf"(?i)(?<![а-яё])(?:с\s+)?{_g(_D, 'd1')}{_TO}{_g(_D, 'd2')}\s+{_g(_GEN, 'm1')}"
            rf"{_g(_Y, 'y1')}",
        ),
        _RU,
    ),
    *rules(
        handlers.single_date(_month),
        (rf"(?i)(?<![\d\-–—])\b{_g(_D, 'd1')}\s+{_g(_GEN, 'm1')}{_g(_Y, 'y1')}",),
        _RU,
    ),
    *rules(
        handlers.month_name(_month),
        (rf"(?i)(?<![а-яё])(?P<prep>в|во)\s+{_PREP_M}{_g(_Y, 'y1')}",),
        _RU,
    ),
    *rules(
        handlers.year,
        (r"(?i)(?<![а-яё])в\s+(?P<y1>(?:1[89]|20)\d\d)\s*(?:году|г\.)",),
        _RU,
    ),
    *rules(
        handlers.relative_day(_REL_DAYS),
        (r"(?i)(?<![а-яё])(?P<rel>" + "|".join(_REL_DAYS) + r")(?![а-яё])",),
        _RU,
    ),
    *rules(
        _relative_count,
        (
            rf"(?i)(?<![а-яё])(?P<dir>через)\s+(?:{_COUNT}\s+)?{_UNIT}(?![а-яё])",
            rf"(?i)(?<![а-яё])(?:{_COUNT}\s+)?{_UNIT}\s+назад(?![а-яё])",
        ),
        _RU,
    ),
    *rules(
        _relative_period,
        (
            rf"(?i)(?<![а-яё])(?P<side>ранее|позднее)\s+в\s+{_MOD}\s+(?P<unit>месяце|году)"
            r"(?![а-яё])",
            rf"(?i)(?<![а-яё])в\s+{_MOD}\s+(?P<unit>месяце|году)(?![а-яё])",
            rf"(?i)(?<![а-яё])на\s+{_MOD}\s+(?P<unit>неделе)(?![а-яё])",
        ),
        _RU,
    ),
    *rules(
        _weekday,
        (
            r"(?i)(?<![а-яё])(?:в|во)\s+(?:(?P<mod>прошл|минувш|последн|предыдущ|следующ|ближайш"
            r"|будущ|грядущ|эт|нынешн)[а-яё]*\s+)?(?P<wd>" + "|".join(_WEEKDAY_OF) + r")(?![а-яё])",
        ),
        _RU,
        is_future,
    ),
)
