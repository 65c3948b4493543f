"""When things were said and happened: time expressions of wire copy, resolved against a base.

The base is the article's publication date as a reduced-precision ISO string (see
:mod:`onrecord.dates`): ``2022-03-21``, ``2022-03-21T12:47:00+03:00`` (the date as written, in
the article's own zone), or ``--03-28`` when only a dateline gave it and the year is unknown.
Results keep the precision the words give and never invent a year: "on February 24" against
``--03-28`` is ``--02-24``.

Why our own rules rather than dateparser/timefhuman: wire copy needs ranges kept as ranges
("March 29-30", "February 28 - March 2"), capitalised month names only (so "may" and "march"
as words are not dates), no false dates from pronouns ("We"), and a year-unknown base. Each
rule is a regex with one handler, tried longest-first, and tested against a table of
wire-style sentences (tests/resolve/test_time_table.py).

Where things are: this module finds and chooses (:func:`find_times`, :func:`statement_when`);
the words are per language (time_en.py, time_ru.py: English and Russian rules run side by
side, the Russian ones only on text with Cyrillic letters); the shape of a rule and the
handlers all languages share are time_rules.py; base dates, values and the calendar
arithmetic behind the conventions below are time_calendar.py.

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

import re
from typing import TYPE_CHECKING

from onrecord.dates import date_precision
from onrecord.resolve import time_en, time_ru
from onrecord.resolve.textspan import overlaps, quoted_spans, sentence_at
from onrecord.resolve.time_calendar import Base, TimeMatch, When, iso
from onrecord.resolve.time_rules import Rule

if TYPE_CHECKING:
    from onrecord.model import Article, Statement

__all__ = ["Base", "TimeMatch", "When", "find_times", "resolve_time", "statement_when"]

#: Every language's rules, English first (the order breaks ties between equal matches).
_RULES: tuple[Rule, ...] = (*time_en.RULES, *time_ru.RULES)
#: The cheap scans that say which rules are worth running on a text.
_NEEDS = {**time_en.NEEDS, **time_ru.NEEDS}


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
    found: list[tuple[re.Match[str], Rule]] = []
    for rule in _RULES:
        if rule.needs in present:  # most sentences name no time: a few cheap scans skip rules
            found.extend((m, rule) for m in rule.pattern.finditer(text, start, stop))
    found.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    out: list[TimeMatch] = []
    taken: list[tuple[int, int]] = []
    for m, rule in found:
        span = (m.start(), m.end())
        if overlaps(span, taken):
            continue
        tense = rule.tense
        future = tense is not None and tense(text, *span, sentence_at(text, span[0]))
        resolved = rule.handler(m, base, future)
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
        published = iso(base.year, base.month, base.day)
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
