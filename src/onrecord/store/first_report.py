"""Which report of a remark came first: the one rule, in SQL, for every view that names it.

The record links the reports of one remark across outlets into a group
(:mod:`onrecord.resolve.links`). A group's first report is the one with the earliest
publication date and time, a year-unknown one (``--03-28``) taken in the group's most common
year (the earlier one on a tie) and one without a date last; then ingest order, then the
statement's position in its article. Only latest revisions count.

The timeline (:mod:`onrecord.store.timeline`) lists a linked statement at its first report
with :data:`FIRST_REPORT_CTES`; :func:`first_reports` answers the same question for given
groups (the day view of compare, the compare page of one statement), so the views cannot
name different first reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from onrecord.store.date_sql import YEAR_GLOB

if TYPE_CHECKING:
    from onrecord.store.connection import Connection

_GROUP_YEAR = "coalesce((SELECT y FROM yearless WHERE yearless.gid = mem.gid), '0000')"
#: SQL: a member's place in its group's report order (the least comes first).
_REPORT_KEY = (
    "(CASE WHEN coalesce(published, '') = '' THEN '9999'"
    f" WHEN published GLOB '--*' THEN {_GROUP_YEAR} || substr(published, 2)"
    " ELSE published END) || char(1) || printf('%012d%012d', seq, pos)"
)
#: SQL CTEs over a CTE ``mem`` (gid, sid, doc_id, seq, pos, said, published: one row per
#: member of each group, latest revisions): ``heads`` holds each group's first report
#: (gid, sid, doc_id, seq, pos, said); ``undated`` and ``yearless`` find the year in which
#: a group's year-unknown dates are placed.
FIRST_REPORT_CTES = f"""
    undated AS MATERIALIZED (SELECT DISTINCT gid FROM mem WHERE published GLOB '--*'),
    yearless AS MATERIALIZED (
        SELECT gid, y FROM (
            SELECT gid, substr(published, 1, 4) AS y, row_number() OVER (PARTITION BY gid
                ORDER BY count(*) DESC, substr(published, 1, 4)) AS r
            FROM mem WHERE EXISTS (SELECT 1 FROM undated) AND gid IN (SELECT gid FROM undated)
            AND published GLOB '{YEAR_GLOB}*' GROUP BY gid, substr(published, 1, 4))
        WHERE r = 1
    ),
    heads AS (
        SELECT gid, sid, doc_id, seq, pos, said, min({_REPORT_KEY}) FROM mem GROUP BY gid
    )"""


def first_reports(store: Connection, group_ids: Iterable[int]) -> dict[int, int]:
    """Link group id -> the statement id of its first report, for each of ``group_ids``
    that has a member in a latest revision."""
    ids = sorted(set(group_ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.query(
        "WITH mem AS MATERIALIZED (SELECT m.group_id AS gid, s.id AS sid, a.doc_id, a.seq,"
        " s.position AS pos, NULL AS said, a.published FROM link_members m"
        " CROSS JOIN statements s ON s.id = m.statement_id"
        " CROSS JOIN articles a ON a.id = s.article_id"
        f" WHERE a.latest = 1 AND m.group_id IN ({marks})),"
        f" {FIRST_REPORT_CTES} SELECT gid, sid FROM heads",
        ids,
    )
    return {int(gid): int(sid) for gid, sid in rows}
