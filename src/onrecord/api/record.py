"""The Python API of the cross-article record: timeline, speaker profiles, outlet comparison,
and the user's corrections to the speaker registry.

What the CLI (``onrecord timeline | speaker | compare | speakers merge/split/rename``), the
HTTP API and notebooks call. Every function takes ``db`` (a path, an open Store, or None for
``--db``/``$ONRECORD_DB``/``./onrecord.db``) and returns records with ``row()`` (flat columns
for tables and CSV) and ``to_json()``.

>>> from onrecord.api.record import speaker, timeline, compare     # doctest: +SKIP
>>> profile = speaker("Peskov", db="record.db")                      # doctest: +SKIP
>>> [r.role for r in profile.roles]                                   # doctest: +SKIP
['Russian presidential press secretary', 'Russian presidential spokesman']
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from onrecord.api.core import _Using
from onrecord.errors import UsageError
from onrecord.resolve import record as resolve_record
from onrecord.resolve.links import DiffOp, changed_words, render_diff, tokens, word_diff
from onrecord.store.db import StatementFilter, Store, StoredStatement, display_date
from onrecord.store.record import LinkItem, PersonRow, RecordStore

DB = str | os.PathLike[str] | Store | None
TimelineKind = Literal["all", "events", "statements"]
_DATE_RE = re.compile(r"^(\d{4}|-)(?:-(\d{2})(?:-(\d{2}))?)?$")


# --------------------------------------------------------------------------- dates


def _parts(iso: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a reduced-precision ISO date (month-only: day 0)."""
    if not iso:
        return None
    m = re.match(r"^(?:(\d{4})|-)-(\d{2})(?:-(\d{2}))?", iso)
    if m:
        return (int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3) or 0))
    m = re.match(r"^(\d{4})", iso)
    return (int(m.group(1)), 0, 0) if m else None


def _split(when: str | None) -> tuple[str | None, str | None]:
    if not when:
        return None, None
    start, _, end = when.partition("/")
    return start, end or None


def _show(start: str | None, end: str | None = None) -> str:
    """A date or range for tables: ``2022-03-29 – 2022-03-30``, ``????-02-28``."""
    if not start:
        return ""
    shown = display_date(start)
    return f"{shown} – {display_date(end)}" if end else shown


def _check_bound(value: str | None, flag: str) -> tuple[int | None, int, int] | None:
    if value is None:
        return None
    value = value.strip()
    if not re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", value):
        raise UsageError(f"--{flag} {value!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD")
    return _parts(value)


def _in_range(
    start: str | None,
    end: str | None,
    since: tuple[int | None, int, int] | None,
    until: tuple[int | None, int, int] | None,
) -> bool:
    """Whether an entry may fall within [since, until] (inclusive, at the bounds' precision).

    An entry without a year is compared by month and day when the bounds name one year (or
    only one bound is given); otherwise it cannot be placed and is kept.
    """
    lo, hi = _parts(start), _parts(end or start)
    if lo is None or hi is None:
        return since is None and until is None
    bounds_year = {b[0] for b in (since, until) if b is not None}
    if lo[0] is None or hi[0] is None:
        if len(bounds_year) != 1 or not any(b and b[1] for b in (since, until)):
            return True
        year = bounds_year.pop()
        lo, hi = (year, *lo[1:]), (year, *hi[1:])
    if since is not None and _cut(hi, since) < since:
        return False
    return not (until is not None and _cut(lo, until) > until)


def _cut(
    value: tuple[int | None, int, int], bound: tuple[int | None, int, int]
) -> tuple[int | None, int, int]:
    """``value`` at the precision of ``bound`` (so "2022-03" covers all of March)."""
    return (value[0], value[1] if bound[1] else 0, value[2] if bound[2] else 0)


def _sort_key(iso: str | None, ref_year: int) -> tuple[int, int, int]:
    """Chronological key; a date without year sorts as if in ``ref_year``, none last."""
    p = _parts(iso)
    if p is None:
        return (9999, 99, 99)
    return (p[0] if p[0] is not None else ref_year, p[1], p[2])


def _ref_year(values: list[str | None]) -> int:
    years = [p[0] for v in values if (p := _parts(v)) and p[0] is not None]
    return Counter(years).most_common(1)[0][0] if years else 0


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline: an event an article reports, or a statement as said (one
    per link group, with every outlet that carried it)."""

    kind: Literal["event", "statement"]
    start: str | None
    end: str | None
    precision: str | None
    text: str
    speaker: str | None
    place: str | None
    outlets: tuple[str, ...]
    reports: int
    article_id: str
    doc_id: str
    headline: str | None
    first_outlet: str | None
    first_published: str | None
    when_text: str | None = None

    def row(self) -> dict[str, Any]:
        return {
            "date": _show(self.start, self.end),
            "kind": self.kind,
            "speaker": self.speaker or "",
            "place": self.place or "",
            "outlets": ", ".join(self.outlets),
            "source": self.headline or self.doc_id,
            "text": self.text,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "when": f"{self.start}/{self.end}" if self.end else self.start,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "text": self.text,
            "speaker": self.speaker,
            "place": self.place,
            "outlets": list(self.outlets),
            "reports": self.reports,
            "article_id": self.article_id,
            "doc_id": self.doc_id,
            "headline": self.headline,
            "first_outlet": self.first_outlet,
            "first_published": self.first_published,
            "when_text": self.when_text,
        }


def timeline(
    db: DB = None,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    kind: TimelineKind = "all",
    limit: int | None = None,
) -> list[TimelineEntry]:
    """Events and statements in date order.

    ``speaker`` keeps that registry entity's statements (events have no speaker, so they
    are left out); ``search`` matches event descriptions and places, and statement text
    (full-text search); ``since``/``until`` (YYYY[-MM[-DD]]) bound the dates.
    """
    if kind not in ("all", "events", "statements"):
        raise UsageError(f"--kind {kind!r}: expected all, events or statements")
    lo, hi = _check_bound(since, "since"), _check_bound(until, "until")
    entries: list[TimelineEntry] = []
    with _Using(db) as store:
        rs = RecordStore(store)
        person = resolve_record.find_person(rs, speaker) if speaker else None
        if kind in ("all", "events") and person is None:
            entries.extend(_event_entries(rs, search))
        if kind in ("all", "statements"):
            entries.extend(_statement_entries(store, rs, person, search))
    entries = [e for e in entries if _in_range(e.start, e.end, lo, hi)]
    ref = _ref_year([e.start for e in entries])
    entries.sort(key=lambda e: (_sort_key(e.start, ref), e.kind, e.doc_id))
    return entries[:limit] if limit is not None else entries


def _event_entries(rs: RecordStore, search: str | None) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            kind="event",
            start=e.start,
            end=e.end,
            precision=e.precision,
            text=e.description,
            speaker=None,
            place=e.place,
            outlets=(e.outlet,) if e.outlet else (),
            reports=1,
            article_id=e.article_id,
            doc_id=e.doc_id,
            headline=e.headline,
            first_outlet=e.outlet,
            first_published=e.published,
            when_text=e.when_text,
        )
        for e in rs.events(search)
    ]


@dataclass(frozen=True, slots=True)
class _Group:
    """The members of one link group in report order."""

    id: int
    members: list[LinkItem]

    @property
    def first(self) -> LinkItem:
        ref = _ref_year([m.published for m in self.members])
        return min(
            self.members,
            key=lambda m: (_sort_key(m.published, ref), m.published or "", m.seq, m.position),
        )

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet or "?" for m in self.members))


def _groups(rs: RecordStore, statement_ids: list[int]) -> dict[int, _Group]:
    """statement id -> its link group (with every member), for linked statements."""
    of = rs.groups_of(statement_ids)
    members: dict[int, list[LinkItem]] = defaultdict(list)
    for item in rs.group_members(of.values()):
        if item.group_id is not None:
            members[item.group_id].append(item)
    return {sid: _Group(gid, members[gid]) for sid, gid in of.items() if members.get(gid)}


def _statement_entries(
    store: Store, rs: RecordStore, person: PersonRow | None, search: str | None
) -> list[TimelineEntry]:
    found = store.statements(
        StatementFilter(person_id=person.id if person else None, search=search)
    )
    groups = _groups(rs, [s.id for s in found])
    names: dict[str | None, str | None] = {}
    seen: set[int] = set()
    out: list[TimelineEntry] = []
    for s in found:
        group = groups.get(s.id)
        if group is not None and group.id in seen:
            continue
        if s.person_id not in names:
            p = rs.person(s.person_id) if s.person_id else None
            names[s.person_id] = p.name if p else None
        speaker = names[s.person_id] or s.speaker_name
        if group is None:
            start, end = _split(s.statement.when or s.published)
            precision = s.statement.when_precision or s.published_precision
            text, article_id, doc_id, headline = (
                s.statement.content.text,
                s.article_id,
                s.doc_id,
                s.headline,
            )
            outlets, reports, first_outlet, first_published = (
                (s.outlet,) if s.outlet else (),
                1,
                s.outlet,
                s.published,
            )
        else:
            seen.add(group.id)
            first = group.first
            start, end = _split(first.when or first.published)
            precision = first.when_precision
            text, article_id, doc_id, headline = (
                first.content,
                first.article_id,
                first.doc_id,
                first.headline,
            )
            outlets, reports, first_outlet, first_published = (
                group.outlets,
                len(group.members),
                first.outlet,
                first.published,
            )
        out.append(
            TimelineEntry(
                kind="statement",
                start=start,
                end=end,
                precision=precision,
                text=text,
                speaker=speaker,
                place=None,
                outlets=outlets,
                reports=reports,
                article_id=article_id,
                doc_id=doc_id,
                headline=headline,
                first_outlet=first_outlet,
                first_published=first_published,
            )
        )
    return out


# --------------------------------------------------------------------------- speaker profile


@dataclass(frozen=True, slots=True)
class RoleReport:
    """A role or title as reported: by which outlet, first and last date, how often."""

    role: str
    outlet: str | None
    first: str | None
    last: str | None
    statements: int

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "outlet": self.outlet,
            "first": self.first,
            "last": self.last,
            "statements": self.statements,
        }


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """One registry entity with what the record says about it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[RoleReport, ...]
    affiliations: tuple[str, ...]
    outlets: tuple[tuple[str, int], ...]
    per_day: tuple[tuple[str, str, int], ...]  # (day, outlet, statements)
    statements: int
    latest: tuple[StoredStatement, ...] = field(default=())

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """The profile as tables: who, roles, statements per day, latest statements."""
        return {
            "speaker": [
                {
                    "id": self.id,
                    "name": self.name,
                    "type": self.type,
                    "statements": self.statements,
                    "outlets": ", ".join(f"{o} ({n})" for o, n in self.outlets),
                    "affiliation": "; ".join(self.affiliations),
                    "aliases": "; ".join(self.aliases),
                }
            ],
            "roles": [
                {
                    "role": r.role,
                    "outlet": r.outlet or "",
                    "first": display_date(r.first),
                    "last": display_date(r.last),
                    "statements": r.statements,
                }
                for r in self.roles
            ],
            "per day": [
                {"day": display_date(d), "outlet": o, "statements": n} for d, o, n in self.per_day
            ],
            "latest": [
                {
                    "date": display_date(s.statement.when or s.published),
                    "outlet": s.outlet or "",
                    "kind": s.statement.kind,
                    "text": s.statement.content.text,
                }
                for s in self.latest
            ],
        }

    def row(self) -> dict[str, Any]:
        """The one-line summary (the ``speaker`` section)."""
        return self.sections()["speaker"][0]

    def rows(self) -> list[dict[str, Any]]:
        """Every section's rows in one long table (``section`` first), for CSV."""
        out = []
        for section, rows in self.sections().items():
            for r in rows:
                date = r.get("date") or r.get("day") or r.get("first") or ""
                value = r.get("name") or r.get("role") or r.get("text") or ""
                out.append(
                    {
                        "section": section,
                        "date": date,
                        "outlet": r.get("outlet", ""),
                        "value": value,
                        "statements": r.get("statements", ""),
                    }
                )
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_json() for r in self.roles],
            "affiliations": list(self.affiliations),
            "outlets": [{"outlet": o, "statements": n} for o, n in self.outlets],
            "per_day": [{"day": d, "outlet": o, "statements": n} for d, o, n in self.per_day],
            "statements": self.statements,
            "latest": [s.to_json() for s in self.latest],
        }


def speaker(name: str, db: DB = None, *, latest: int = 10) -> SpeakerProfile:
    """The registry entity ``name`` means (full name, surname, alias or id), with roles as
    each outlet reported them, outlets, statements per day and the latest statements."""
    with _Using(db) as store:
        rs = RecordStore(store)
        person = resolve_record.find_person(rs, name)
        per_day_raw = rs.per_day(person.id)
        ref = _ref_year([d for d, _, _ in per_day_raw])
        per_day = sorted(
            ((d or "", o or "?", n) for d, o, n in per_day_raw),
            key=lambda r: (_sort_key(r[0], ref), r[1]),
        )
        outlets: Counter[str] = Counter()
        for _, outlet, n in per_day:
            outlets[outlet] += n
        said = store.statements(StatementFilter(person_id=person.id))
        said.sort(
            key=lambda s: (_sort_key(s.statement.when or s.published, ref), s.id), reverse=True
        )
        roles = [RoleReport(*r) for r in rs.roles_of(person.id)]
        return SpeakerProfile(
            id=person.id,
            name=person.name,
            type=person.type,
            aliases=tuple(a.alias for a in rs.aliases_of(person.id)),
            roles=tuple(roles),
            affiliations=tuple(a for a, _ in rs.affiliations_of(person.id)),
            outlets=tuple(outlets.most_common()),
            per_day=tuple(per_day),
            statements=sum(outlets.values()),
            latest=tuple(said[:latest]),
        )


# --------------------------------------------------------------------------- compare


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
        }


def _on_day(value: str | None, day: tuple[int | None, int, int]) -> bool:
    """Whether a statement's date (day, range, year-unknown day) covers ``day``."""
    start, end = _split(value)
    lo, hi = _parts(start), _parts(end or start)
    if lo is None or hi is None or not lo[2]:
        return False
    if lo[0] is None or hi[0] is None or day[0] is None:
        return lo[1:] <= day[1:] <= hi[1:]
    return lo <= day <= hi


def compare(speaker_name: str, date: str, db: DB = None) -> list[ComparedGroup]:
    """Who reported what ``speaker_name`` said on ``date`` (YYYY-MM-DD): one entry per
    statement, its first report, every outlet, and each version's word diff to the first."""
    m = _DATE_RE.match(date.strip())
    if not m or not m.group(3):
        raise UsageError(f"--date {date!r}: expected a day YYYY-MM-DD")
    day = _parts(date.strip())
    assert day is not None
    with _Using(db) as store:
        rs = RecordStore(store)
        person = resolve_record.find_person(rs, speaker_name)
        items = [i for i in rs.person_statements(person.id) if _on_day(i.when or i.published, day)]
        by_group: dict[int, list[LinkItem]] = defaultdict(list)
        for item in rs.group_members(i.group_id for i in items if i.group_id is not None):
            if item.group_id is not None:
                by_group[item.group_id].append(item)
        for item in items:
            if item.group_id is None:
                by_group[-item.id].append(item)
    return [_compared(gid, members) for gid, members in sorted(by_group.items(), key=_order)]


def _order(item: tuple[int, list[LinkItem]]) -> tuple[int, int]:
    members = item[1]
    return (min(m.seq for m in members), min(m.position for m in members))


def _compared(group_id: int, members: list[LinkItem]) -> ComparedGroup:
    group = _Group(group_id, members)
    first = group.first
    ordered = [first, *[m for m in members if m.id != first.id]]
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
    )


# --------------------------------------------------------------------------- corrections


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """A registry entity in listings and after a correction."""

    id: str
    name: str
    type: str
    statements: int
    outlets: int
    aliases: str

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "statements": self.statements,
            "outlets": self.outlets,
            "aliases": self.aliases,
        }

    def to_json(self) -> dict[str, Any]:
        return self.row()


def registry(db: DB = None) -> list[RegistryEntry]:
    """Every entity shared across articles, most statements first."""
    with _Using(db) as store:
        return [RegistryEntry(*r) for r in RecordStore(store).registry()]


def _entries(store: Store, ids: list[str]) -> list[RegistryEntry]:
    wanted = set(ids)
    return [RegistryEntry(*r) for r in RecordStore(store).registry() if r[0] in wanted]


def merge_speakers(keep: str, *others: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers merge A B``: B (and more) become part of A; stored as a rule."""
    with _Using(db) as store:
        person = resolve_record.merge(store, keep, *others)
        return _entries(store, [person.id])


def split_speaker(name: str, *aliases: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers split NAME [ALIAS ...]``: those names leave the entity."""
    with _Using(db) as store:
        person = resolve_record.find_person(RecordStore(store), name)
        created = resolve_record.split(store, name, *aliases)
        return _entries(store, [person.id, *created])


def rename_speaker(name: str, new_name: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers rename A NEW``: the entity's display name; stored as a rule."""
    with _Using(db) as store:
        person = resolve_record.rename(store, name, new_name)
        return _entries(store, [person.id])


def rebuild(db: DB = None) -> list[str]:
    """Recompute the record and replay the corrections; messages for rules that lapsed."""
    with _Using(db) as store:
        return resolve_record.rebuild(store)
