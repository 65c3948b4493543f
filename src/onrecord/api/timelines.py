"""The timeline: dated events and statements in date order, one line per remark.

What ``onrecord timeline``, ``/api/timeline`` and the timeline page call. The database
orders and pages the lines (:mod:`onrecord.store.timeline`); this module builds only the
page's lines: an event as its article reports it, a statement as said, a linked one as its
group's first report with every outlet that carried it.

>>> from onrecord.api import timeline
>>> for entry in timeline(db="record.db", speaker="Peskov", limit=5):   # doctest: +SKIP
...     print(entry.row())
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from onrecord.api.access import DB, Using
from onrecord.api.groups import ReportGroup
from onrecord.dates import check_bound, display_range, split_range
from onrecord.errors import UsageError
from onrecord.resolve import updates
from onrecord.store.registry import EventRow, LinkItem, RecordStore
from onrecord.store.timeline import TimelineQuery, TimelineRef, timeline_refs

TimelineKind = Literal["all", "events", "statements"]


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
            "date": display_range(self.start, self.end),
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
    since = None if since is None else check_bound(since, "since")
    until = None if until is None else check_bound(until, "until")
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
        found = members.get(ref.group_id) if ref.group_id is not None else None
        # a linked statement's line is its group's first report (the SQL chose it)
        group = (
            ReportGroup(ref.group_id, found, ref.id) if found and ref.group_id is not None else None
        )
        out.append(_statement_entry(item, speaker, group))
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


def _statement_entry(
    item: LinkItem, speaker: str | None, group: ReportGroup | None
) -> TimelineEntry:
    """A statement's line: as said in its article, or (linked) as first reported, with every
    outlet of its group. ``item`` is the statement (a linked one's first report)."""
    start, end = split_range(item.when or item.published)
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
