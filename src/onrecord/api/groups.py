"""Link groups: the reports of one remark across outlets, and which one came first.

The record links the reports of one remark (same speaker, a few days apart, like words:
:mod:`onrecord.resolve.links`) into a group. Every view that names a group's first report
asks this module: the timeline's line of a linked statement, the day view of compare
(``onrecord compare``, ``/api/groups``) and the compare page of one statement
(``/compare/ARTICLE:POSITION``), so they cannot name different ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.api.access import DB, Using
from onrecord.store.db import Store
from onrecord.store.first_report import first_reports
from onrecord.store.registry import LinkItem, RecordStore


@dataclass(frozen=True, slots=True)
class ReportGroup:
    """The members of one link group in the order they were stored, and which of them is
    the first report (``first_id``, by :func:`onrecord.store.first_report.first_reports`)."""

    id: int
    members: list[LinkItem]
    first_id: int

    @property
    def first(self) -> LinkItem:
        return next((m for m in self.members if m.id == self.first_id), self.members[0])

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet or "?" for m in self.members))

    def in_report_order(self) -> list[LinkItem]:
        """The first report, then the others in the order they were stored."""
        first = self.first
        return [first, *(m for m in self.members if m.id != first.id)]


def report_groups(store: Store, members: dict[int, list[LinkItem]]) -> dict[int, ReportGroup]:
    """Each group of ``members`` (link group id -> its members; a statement that is not
    linked under any other key, negative by custom, as its own group) with its first
    report."""
    firsts = first_reports(store, (gid for gid in members if gid > 0))
    return {
        gid: ReportGroup(gid, found, firsts.get(gid, found[0].id))
        for gid, found in members.items()
        if found
    }


def reports_of(statement_id: int, db: DB = None) -> list[LinkItem]:
    """The reports of the remark a statement belongs to, first report first (the statement
    alone when it is not linked; none when there is no such statement)."""
    with Using(db) as store:
        rs = RecordStore(store)
        group = rs.groups_of([statement_id]).get(statement_id)
        if group is None:
            return list(rs.statement_items([statement_id]).values())
        return report_groups(store, {group: rs.group_members([group])})[group].in_report_order()
