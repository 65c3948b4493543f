"""The Python API of the cross-article record: timeline, speaker profiles, outlet comparison,
and the user's corrections to the speaker registry.

What the CLI (``onrecord timeline | speaker | compare | speakers merge/split/rename``), the
HTTP API and notebooks call. Every function takes ``db`` (a path, an open Store, or None for
``--db``/``$ONRECORD_DB``/``./onrecord.db``) and returns records with ``row()`` (flat columns
for tables and CSV) and ``to_json()``.

>>> from onrecord.api.views import speaker, timeline, compare     # doctest: +SKIP
>>> profile = speaker("Peskov", db="record.db")                      # doctest: +SKIP
>>> [r.role for r in profile.roles]                                   # doctest: +SKIP
['Russian presidential press secretary', 'Russian presidential spokesman']
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from onrecord.api.core import Using
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
from onrecord.store import corrections as store_corrections
from onrecord.store.corrections import OutletRename, OutletRow
from onrecord.store.db import StatementFilter, Store, StoredStatement, display_date
from onrecord.store.registry import EventRow, LinkItem, RecordStore
from onrecord.store.timeline import TimelineQuery, TimelineRef, timeline_refs

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


def _check_bound(value: str | None, flag: str) -> str | None:
    """A ``since``/``until`` value, stripped; UsageError unless YYYY[-MM[-DD]]."""
    if value is None:
        return None
    value = value.strip()
    if not re.fullmatch(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", value):
        raise UsageError(
            f"{flag} {value!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD", param=flag
        )
    return value


def _sort_key(iso: str | None, ref_year: int) -> tuple[int, int, int]:
    """Chronological key; a date without year sorts as if in ``ref_year``, none last."""
    p = _parts(iso)
    if p is None:
        return (9999, 99, 99)
    return (p[0] if p[0] is not None else ref_year, p[1], p[2])


def _ref_year(values: list[str | None]) -> int:
    """The most common year among ``values`` (the earlier on a tie; 0 when none has one):
    where dates without a year are placed. The timeline's SQL (store/timeline.py) agrees."""
    years = Counter(p[0] for v in values if (p := _parts(v)) and p[0] is not None)
    return max(years.items(), key=lambda kv: (kv[1], -kv[0]))[0] if years else 0


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
    # A statement's place in its article (the first report's, for a linked one) and its
    # speaker's registry id: what the web UI links to (the statement on the article page,
    # its comparison across outlets, the speaker's page and day).
    position: int | None = None
    person_id: str | None = None

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
            "position": self.position,
            "person_id": self.person_id,
        }


class TimelinePage(list[TimelineEntry]):
    """A page of the timeline: the list of its entries, which also knows how many entries
    the whole timeline has (``total``) and where the page starts (``offset``)."""

    def __init__(self, entries: list[TimelineEntry], *, total: int, offset: int) -> None:
        super().__init__(entries)
        self.total = total
        self.offset = offset

    @property
    def more(self) -> bool:
        """Whether entries follow this page."""
        return self.offset + len(self) < self.total


def timeline(
    db: DB = None,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    kind: TimelineKind = "all",
    limit: int | None = None,
    offset: int = 0,
) -> TimelinePage:
    """Events and statements in date order: all of them, or ``limit`` from ``offset``.

    ``speaker`` keeps that registry entity's statements (events have no speaker, so they
    are left out); ``search`` matches event descriptions and places, and statement text
    (full-text search); ``since``/``until`` (YYYY[-MM[-DD]]) bound the dates.

    The database orders and pages the timeline (store/timeline.py) and only the page's
    entries are built, so a page of a large record costs about one query over it.
    """
    if kind not in ("all", "events", "statements"):
        raise UsageError(f"kind {kind!r}: expected all, events or statements", param="kind")
    if limit is not None and limit < 0:
        raise UsageError(f"limit {limit}: must be 0 or more", param="limit")
    if offset < 0:
        raise UsageError(f"offset {offset}: must be 0 or more", param="offset")
    since, until = _check_bound(since, "since"), _check_bound(until, "until")
    with Using(db) as store:
        rs = RecordStore(store)
        person = updates.find_person(rs, speaker) if speaker else None
        query = TimelineQuery(
            events=kind in ("all", "events"),
            statements=kind in ("all", "statements"),
            person_id=person.id if person else None,
            search=search,
            since=since,
            until=until,
        )
        page = timeline_refs(store, query, limit=limit, offset=offset)
        entries = _entries_of(rs, page.refs)
    return TimelinePage(entries, total=page.total, offset=offset)


def _entries_of(rs: RecordStore, refs: list[TimelineRef]) -> list[TimelineEntry]:
    """The timeline entries of ``refs``, in their order."""
    events = rs.events_by_id([r.id for r in refs if r.kind == "event"])
    items = rs.statement_items([r.id for r in refs if r.kind == "statement"])
    members: dict[int, list[LinkItem]] = defaultdict(list)
    for item in rs.group_members(r.group_id for r in refs if r.group_id is not None):
        if item.group_id is not None:
            members[item.group_id].append(item)
    names: dict[str, str | None] = {}
    out: list[TimelineEntry] = []
    for ref in refs:
        if ref.kind == "event":
            out.append(_event_entry(events[ref.id]))
            continue
        item = items[ref.id]
        if item.person_id and item.person_id not in names:
            p = rs.person(item.person_id)
            names[item.person_id] = p.name if p else None
        speaker = (names.get(item.person_id) if item.person_id else None) or item.speaker_name
        group = members.get(ref.group_id) if ref.group_id is not None else None
        out.append(_statement_entry(item, speaker, _Group(ref.group_id, group) if group else None))
    return out


def _event_entry(e: EventRow) -> TimelineEntry:
    return TimelineEntry(
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


def _statement_entry(item: LinkItem, speaker: str | None, group: _Group | None) -> TimelineEntry:
    """A statement's line: as said in its article, or (linked) as first reported, with every
    outlet of its group. ``item`` is the statement (a linked one's first report)."""
    start, end = _split(item.when or item.published)
    if group is None:
        precision = item.when_precision or item.published_precision
        outlets = (item.outlet,) if item.outlet else ()
        reports = 1
    else:
        precision, outlets, reports = item.when_precision, group.outlets, len(group.members)
    return TimelineEntry(
        kind="statement",
        start=start,
        end=end,
        precision=precision,
        text=item.content,
        speaker=speaker,
        place=None,
        outlets=outlets,
        reports=reports,
        article_id=item.article_id,
        doc_id=item.doc_id,
        headline=item.headline,
        first_outlet=item.outlet,
        first_published=item.published,
        position=item.position,
        person_id=item.person_id or None,
    )


@dataclass(frozen=True, slots=True)
class _Group:
    """The members of one link group in report order."""

    id: int
    members: list[LinkItem]

    @property
    def first(self) -> LinkItem:
        """The first report: the earliest publication date and time (a year-unknown one
        taken in the group's most common year, none last), then ingest order and position;
        the timeline's SQL (store/timeline.py) picks the same one."""
        ref = _ref_year([m.published for m in self.members])

        def published(m: LinkItem) -> str:
            if not m.published:
                return "9999"
            return f"{ref:04d}{m.published[1:]}" if m.published.startswith("--") else m.published

        return min(self.members, key=lambda m: (published(m), m.seq, m.position))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet or "?" for m in self.members))


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
                    "text": s.statement.words(),
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
    with Using(db) as store:
        rs = RecordStore(store)
        person = updates.find_person(rs, name)
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
            # a merged article-local name is an alias in each of its articles: once here
            aliases=tuple(dict.fromkeys(a.alias for a in rs.aliases_of(person.id))),
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
        raise UsageError(f"date {date!r}: expected a day YYYY-MM-DD", param="date")
    day = _parts(date.strip())
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
    groups = [_compared(gid, members) for gid, members in sorted(by_group.items(), key=_order)]
    return _same_occasion(groups)


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
        language="ru" if shingles(first.content).script == "cyrl" else "en",
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
    with Using(db) as store:
        return [RegistryEntry(*r) for r in RecordStore(store).registry()]


def _entries(store: Store, ids: list[str]) -> list[RegistryEntry]:
    wanted = set(ids)
    return [RegistryEntry(*r) for r in RecordStore(store).registry() if r[0] in wanted]


def merge_speakers(keep: str, *others: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers merge A B``: B (and more) become part of A; stored as a rule."""
    with Using(db) as store:
        person = updates.merge(store, keep, *others)
        return _entries(store, [person.id])


def split_speaker(name: str, *aliases: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers split NAME [ALIAS ...]``: those names leave the entity."""
    with Using(db) as store:
        person = updates.find_person(RecordStore(store), name)
        created = updates.split(store, name, *aliases)
        return _entries(store, [person.id, *created])


def rename_speaker(name: str, new_name: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers rename A NEW``: the entity's display name; stored as a rule."""
    with Using(db) as store:
        person = updates.rename(store, name, new_name)
        return _entries(store, [person.id])


def rebuild(db: DB = None) -> list[str]:
    """Recompute the record and replay the corrections; messages for rules that lapsed."""
    with Using(db) as store:
        return updates.rebuild(store)


# --------------------------------------------------------------------------- outlets


def outlets(db: DB = None) -> list[OutletRow]:
    """Every outlet as readers see it (the user's renames applied), with its articles,
    statements and the stored names shown as it; most articles first."""
    with Using(db) as store:
        return store_corrections.outlets(store)


def rename_outlet(old: str, new: str, db: DB = None) -> OutletRename:
    """``onrecord outlets rename OLD NEW``: show outlet OLD as NEW everywhere, also for
    articles ingested later; stored in the database's alias table."""
    with Using(db) as store:
        return store_corrections.rename_outlet(store, old, new)
