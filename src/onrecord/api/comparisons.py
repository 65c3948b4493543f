"""Who reported what a speaker said on one day: each statement once, its first report,
every outlet that carried it, and each version's word differences from the first.

What ``onrecord compare``, ``/api/groups`` and the day view of the web UI call. Which report
came first is decided by :mod:`onrecord.api.groups`, as for the timeline and the compare page
of one statement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from onrecord.api.access import DB, Using
from onrecord.api.groups import ReportGroup, report_groups
from onrecord.dates import display_date, is_day, parts, split_range
from onrecord.errors import UsageError
from onrecord.resolve import updates
from onrecord.resolve.links import (
    DiffOp,
    changed_words,
    render_diff,
    same_occasion,
    shingles,
    tokens,
    word_diff,
)
from onrecord.store.registry import LinkItem, RecordStore


@dataclass(frozen=True, slots=True)
class Report:
    """One outlet's report of a statement, with its word diff against the first report."""

    group_id: int
    statement_id: int
    outlet: str | None
    published: str | None
    when: str | None
    text: str
    first: bool
    diff: tuple[DiffOp, ...]

    @property
    def changed(self) -> list[tuple[str, str]]:
        """Words changed inside the quote (trims at either end are not changes)."""
        return changed_words(list(self.diff))

    def row(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "first": "*" if self.first else "",
            "outlet": self.outlet or "",
            "date": display_date(self.when or self.published),
            "diff": render_diff(list(self.diff)) if self.diff else "",
            "text": self.text,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "statement": self.statement_id,
            "outlet": self.outlet,
            "published": self.published,
            "when": self.when,
            "first": self.first,
            "text": self.text,
            "diff": [d.to_json() for d in self.diff],
            "changed": [list(c) for c in self.changed],
        }


@dataclass(frozen=True, slots=True)
class ComparedGroup:
    """One statement as the outlets reported it: first report, every outlet, the versions."""

    group_id: int
    first_outlet: str | None
    first_published: str | None
    outlets: tuple[str, ...]
    reports: tuple[Report, ...]
    # "ru" for a Russian report, else "en"; ``occasion``: the group of the other language's
    # reports of the same occasion (same speaker and day), never diffed against this one
    language: str = "en"
    occasion: int | None = None

    def row(self) -> dict[str, Any]:
        changed = [f"{a} -> {b}" for r in self.reports for a, b in r.changed]
        return {
            "group": self.group_id,
            "first": f"{self.first_outlet or '?'} {display_date(self.first_published)}",
            "outlets": ", ".join(self.outlets),
            "reports": len(self.reports),
            "changed": "; ".join(changed),
            "text": self.reports[0].text if self.reports else "",
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "first_outlet": self.first_outlet,
            "first_published": self.first_published,
            "outlets": list(self.outlets),
            "reports": [r.to_json() for r in self.reports],
            "language": self.language,
            "occasion": self.occasion,
        }


def _on_day(value: str | None, day: tuple[int | None, int, int]) -> bool:
    """Whether a statement's date (day, range, year-unknown day) covers ``day``."""
    start, end = split_range(value)
    lo, hi = parts(start), parts(end or start)
    if lo is None or hi is None or not lo[2]:
        return False
    if lo[0] is None or hi[0] is None or day[0] is None:
        return lo[1:] <= day[1:] <= hi[1:]
    return lo <= day <= hi


def compare(speaker_name: str, date: str, db: DB = None) -> list[ComparedGroup]:
    """Who reported what ``speaker_name`` said on ``date`` (YYYY-MM-DD): one entry per
    statement, its first report, every outlet, and each version's word diff to the first."""
    if not is_day(date.strip()):
        raise UsageError(f"date {date!r}: expected a day YYYY-MM-DD", param="date")
    day = parts(date.strip())
    assert day is not None
    with Using(db) as store:
        rs = RecordStore(store)
        person = updates.find_person(rs, speaker_name)
        items = [i for i in rs.person_statements(person.id) if _on_day(i.when or i.published, day)]
        by_group: dict[int, list[LinkItem]] = defaultdict(list)
        for item in rs.group_members(i.group_id for i in items if i.group_id is not None):
            if item.group_id is not None:
                by_group[item.group_id].append(item)
        for item in items:
            if item.group_id is None:
                by_group[-item.id].append(item)
        groups = report_groups(store, by_group)
    ordered = sorted(groups.values(), key=_order)
    return _same_occasion([_compared(group) for group in ordered])


def _same_occasion(groups: list[ComparedGroup]) -> list[ComparedGroup]:
    """Mark the groups of one speaker's day that are in another language as one occasion
    (:func:`onrecord.resolve.links.same_occasion`): each names the first group of the other
    language, so the Russian original and its English version are shown side by side and
    never word-diffed."""
    first: dict[str, ComparedGroup] = {}
    for g in groups:
        first.setdefault(g.language, g)
    out = []
    for g in groups:
        others = [
            o
            for lang, o in first.items()
            if lang != g.language
            and same_occasion(
                g.reports[0].text,
                o.reports[0].text,
                g.reports[0].when or g.reports[0].published,
                o.reports[0].when or o.reports[0].published,
            )
        ]
        out.append(replace(g, occasion=others[0].group_id) if others else g)
    return out


def _order(group: ReportGroup) -> tuple[int, int]:
    """Groups in the order their reports were stored."""
    return (min(m.seq for m in group.members), min(m.position for m in group.members))


def _compared(group: ReportGroup) -> ComparedGroup:
    group_id = group.id
    ordered = group.in_report_order()
    first = ordered[0]
    reports = []
    for m in ordered:
        same = m.id == first.id or tokens(m.content) == tokens(first.content)
        reports.append(
            Report(
                group_id=abs(group_id),
                statement_id=m.id,
                outlet=m.outlet,
                published=m.published,
                when=m.when,
                text=m.content,
                first=m.id == first.id,
                diff=() if same else tuple(word_diff(first.content, m.content)),
            )
        )
    return ComparedGroup(
        group_id=abs(group_id),
        first_outlet=first.outlet,
        first_published=first.published,
        outlets=group.outlets,
        reports=tuple(reports),
        language="ru" if shingles(first.content).script == "cyrl" else "en",
    )
