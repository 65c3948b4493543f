"""Metadata shared by every reader: user hints, dates, language, and the final Article.

Each reader finds what its format says (a dateline, a feed's ``pubDate``, an HTML meta tag)
and hands it to :func:`finish`, so the rules that must be the same everywhere live once:
the user's hints win over what was inferred (``--outlet``/``--published`` are the user
saying what the article is), ``--year`` only completes a date whose year the source left
out (the TASS dateline "March 28" gives ``--03-28``), and a date is never given more
precision than its source had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from onrecord.dates import date_precision
from onrecord.errors import UsageError
from onrecord.model import Article, content_id


@dataclass(frozen=True, slots=True)
class Hints:
    """What the user told us about the inputs (CLI ``--outlet``, ``--published``, ``--year``)."""

    outlet: str | None = None
    published: str | None = None  # ISO date or date-time
    year: int | None = None

    def __post_init__(self) -> None:
        # Checked here so a bad flag fails once, before any input is read.
        if self.published is not None and iso_date(self.published) is None:
            raise UsageError(
                f"published {self.published!r} is not an ISO date or date-time", param="published"
            )
        if self.year is not None and not 1 <= self.year <= 9999:
            raise UsageError(f"year {self.year} is out of range", param="year")


#: The default: no hints (a shared instance, so defaults are not rebuilt per call).
NO_HINTS = Hints()

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
#: A regex alternation of the month names above, longest first so "March" beats "Mar".
MONTH_RE = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
#: Russian month names as datelines and timestamps write them: the genitive ("14 апреля"),
#: the nominative, and the agencies' abbreviations ("28 мар"). Kept apart from MONTHS so the
#: English patterns built from MONTH_RE stay as they are.
RU_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("января", "январь", "янв"),
            ("февраля", "февраль", "фев", "февр"),
            ("марта", "март", "мар"),
            ("апреля", "апрель", "апр"),
            ("мая", "май"),
            ("июня", "июнь", "июн"),
            ("июля", "июль", "июл"),
            ("августа", "август", "авг"),
            ("сентября", "сентябрь", "сен", "сент"),
            ("октября", "октябрь", "окт"),
            ("ноября", "ноябрь", "ноя", "нояб"),
            ("декабря", "декабрь", "дек"),
        ],
        start=1,
    )
    for name in names
}
RU_MONTH_RE = "|".join(sorted(RU_MONTHS, key=len, reverse=True))

#: Zone abbreviations wire services print after a time; only unambiguous ones.
ZONES: dict[str, str] = {
    "UTC": "Z",
    "GMT": "Z",
    "Z": "Z",
    "MSK": "+03:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "EST": "-05:00",
    "EDT": "-04:00",
}

_ISO_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def iso_date(value: str | None) -> str | None:
    """Normalise a date as sources write it to a reduced-precision ISO string, or None.

    Accepts ISO dates of any precision (``2022``, ``2022-03``, ``2022-03-28``, ``--03-28``),
    ISO date-times with or without zone (seconds kept only when non-zero), and RFC 822
    dates as RSS uses them. The zone is kept as written: the record shows local time.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    m = _ISO_DATETIME.match(value)
    if m:
        y, mo, d, hh, mi, ss, zone = m.groups()
        try:
            datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
        except ValueError:
            return None
        out = f"{y}-{mo}-{d}T{hh}:{mi}" + (f":{ss}" if ss and ss != "00" else "")
        if zone:
            out += "Z" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
        return out
    if date_precision(value) is not None:
        return value if _valid_calendar(value) else None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return format_datetime(parsed)


def format_datetime(value: datetime) -> str:
    """A datetime as ``YYYY-MM-DDTHH:MM[:SS][zone]`` (the form :func:`iso_date` produces)."""
    out = value.strftime("%Y-%m-%dT%H:%M") + (f":{value.second:02d}" if value.second else "")
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        if minutes == 0:
            out += "Z"
        else:
            sign = "+" if minutes > 0 else "-"
            out += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return out


def _valid_calendar(value: str) -> bool:
    """Reject month 13 or February 30 in a reduced-precision date (the regex can't)."""
    parts = value.lstrip("-").split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return False
    if value.startswith("--"):
        month, day = numbers[0], numbers[1] if len(numbers) > 1 else 1
        year = 2000  # a leap year, so --02-29 stays valid
    else:
        year, month, day = (*numbers, 1, 1)[:3]
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def month_day(month: str, day: str, year: str | int | None = None) -> str | None:
    """``("March", "28")`` -> ``--03-28`` (or ``2022-03-28`` with a year); None if invalid."""
    key = month.lower().rstrip(".")
    number = MONTHS.get(key) or RU_MONTHS.get(key)
    if number is None:
        return None
    value = (
        f"{int(year):04d}-{number:02d}-{int(day):02d}" if year else f"--{number:02d}-{int(day):02d}"
    )
    return value if _valid_calendar(value) else None


def with_year(published: str | None, year: int | None) -> str | None:
    """Complete a year-less date (``--03-28``) with a hinted year; other dates unchanged."""
    if year is None:
        return published
    if published is None:
        return f"{year:04d}"
    if published.startswith("--"):
        completed = f"{year:04d}-{published[2:]}"
        return completed if _valid_calendar(completed) else published
    return published


_WORD = re.compile(r"\w+")
_EN_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "that",
        "is",
        "was",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "he",
        "she",
        "they",
        "said",
        "has",
        "have",
        "had",
        "be",
        "been",
        "are",
        "were",
        "not",
        "but",
        "an",
        "this",
        "which",
        "will",
        "would",
        "its",
        "his",
        "her",
        "their",
        "who",
        "we",
        "our",
    ]
)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
#: Letters Ukrainian writes and Russian does not; letters of the other Cyrillic languages
#: (Belarusian ў, Serbian and Macedonian ј љ њ ћ ђ џ ѓ ќ ѕ, Kazakh ә ғ қ ң ө ұ ү һ).
_UK_ONLY = frozenset("іїєґ")
_OTHER_CYRILLIC = frozenset("ўјљњћђџѓќѕәғқңөұүһ")


def guess_language(text: str) -> str | None:
    """``"en"``, ``"ru"`` or ``"uk"`` when the text reads as one of them, else None (we claim
    nothing we can't tell).

    Cyrillic first: when most letters are Cyrillic, the letters that only some Cyrillic
    languages write decide: Ukrainian і ї є ґ (without ы э), the other languages' own
    letters (unknown), Bulgarian's frequent ъ without ы or э (unknown); otherwise Russian.
    Then a stopword share is enough to tell English wire copy. Both cost microseconds and
    need no model; anything else stays unknown.
    """
    head = text[:4000]
    letters = len(_LETTER.findall(head))
    cyrillic = len(_CYRILLIC.findall(head))
    if letters >= 20 and cyrillic / letters >= 0.5:
        low = head.lower()
        seen = set(low)
        if seen & _OTHER_CYRILLIC:
            return None
        russian = "ы" in seen or "э" in seen
        if seen & _UK_ONLY:
            return "uk" if not russian else None
        if not russian and low.count("ъ") * 200 > cyrillic:
            return None  # Bulgarian writes ъ as a vowel, Russian hardly ever
        return "ru"
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 5:
        return None
    share = sum(w in _EN_STOPWORDS for w in words) / len(words)
    return "en" if share >= 0.18 else None


def language_code(value: Any) -> str | None:
    """``"en-US"`` / ``"en_GB"`` / ``"EN"`` -> ``"en"``; None for empty or odd values."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def finish(text: str, source: str, hints: Hints, **fields: Any) -> Article:
    """Build the Article: apply hints, complete the year, fill precision, language and id.

    ``fields`` are the Article fields the reader found (``outlet``, ``published``, ...);
    ``id`` defaults to the content id. What a hint replaced is kept in ``meta`` so the
    record can still show what the source itself said. ``dateline_end`` (where the prose
    starts after ``MOSCOW, March 28. /TASS/.``) goes to ``meta["dateline_end"]``, so
    extractors can keep the dateline out of a first-sentence statement.
    """
    meta: dict[str, Any] = dict(fields.pop("meta", None) or {})
    dateline_end = fields.pop("dateline_end", None)
    if dateline_end is not None:
        meta["dateline_end"] = dateline_end
    outlet = fields.pop("outlet", None) or None
    published = fields.pop("published", None) or None
    if hints.outlet:
        if outlet and outlet != hints.outlet:
            meta["source_outlet"] = outlet
        outlet = hints.outlet
    if hints.published:
        if published and published != hints.published:
            meta["source_published"] = published
        published = iso_date(hints.published)
    published = with_year(published, hints.year)
    language = fields.pop("language", None) or guess_language(text[fields.get("body_start", 0) :])
    return Article(
        id=fields.pop("id", None) or content_id(text, outlet),
        text=text,
        outlet=outlet,
        published=published,
        published_precision=date_precision(published),
        language=language,
        source=source,
        meta=meta,
        **fields,
    )
