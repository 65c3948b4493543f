"""SQL of the timeline: which events and statements it lists, in which order, one page.

Why in SQL: a timeline of a large record (100,000 statements) has tens of thousands of lines,
and building each one in Python only to show a page of a hundred took seconds. Here the
database works out every line's date and order from a few columns, and only the page's ids
come back; :mod:`onrecord.api.timelines` then builds those lines in full.

The dates follow ``onrecord.dates`` (its SQL form: ``store/date_sql.py``): an ISO date is
read as year, month, day (``2022-03-28``, ``2022-03``, ``2022``; a week or a time of day
counts by its year or day); a date without a year (``--03-28``) sorts as if in the
timeline's most common year (the earlier one on a tie), one that cannot be read sorts last;
lines of one day follow kind (events first), document id, ingest order and position. A
statement linked across outlets is one line, that of its group's first report
(:mod:`onrecord.store.first_report`, the rule every view of a group follows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from onrecord.store.date_sql import common_year, day_key, placed
from onrecord.store.db import Store
from onrecord.store.first_report import FIRST_REPORT_CTES
from onrecord.store.fts import fts_query


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """What a timeline lists. ``since``/``until`` are validated ``YYYY[-MM[-DD]]`` bounds
    (inclusive, at their own precision); ``person_id`` keeps that entity's statements."""

    events: bool = True
    statements: bool = True
    person_id: str | None = None
    search: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineRef:
    """One timeline line in order: an event, or a statement (for a linked statement, its
    group's first report, with the group's id)."""

    kind: Literal["event", "statement"]
    id: int
    group_id: int | None


@dataclass(frozen=True, slots=True)
class TimelineRefs:
    """A page of timeline lines and how many lines the whole timeline has."""

    refs: list[TimelineRef]
    total: int


def _range(q: TimelineQuery) -> str:
    """SQL over ``klo``/``khi`` (day keys of a line's start and end): may the line fall within
    the bounds? A line without a year is compared by month and day when the bounds name one
    year and a month; otherwise it cannot be placed and is kept."""
    if q.since is None and q.until is None:
        return "1"

    def within(lo: str, hi: str) -> str:
        checks = []
        if q.since is not None:
            checks.append(f"substr({hi}, 1, {len(q.since)}) >= :since")
        if q.until is not None:
            checks.append(f"substr({lo}, 1, {len(q.until)}) <= :until")
        return " AND ".join(checks)

    bounds = [b for b in (q.since, q.until) if b is not None]
    years = {b[:4] for b in bounds}
    if len(years) == 1 and any(len(b) >= 7 and b[5:7] != "00" for b in bounds):

        def in_year(k: str) -> str:
            return f"(:year || CASE WHEN {k} GLOB '-*' THEN {k} ELSE substr({k}, 5) END)"

        yearless = within(in_year("klo"), in_year("khi"))
    else:
        yearless = "1"
    return (
        "klo IS NOT NULL AND khi IS NOT NULL AND (CASE WHEN klo GLOB '-*' OR khi GLOB '-*'"
        f" THEN {yearless} ELSE {within('klo', 'khi')} END)"
    )


def _parameters(q: TimelineQuery, store: Store) -> dict[str, Any]:
    """The named parameters of the query (statements are searched in the full-text index,
    its prefixes widened by its stems as in statement searches; events by LIKE on their
    words, as before the timeline was paged)."""
    params: dict[str, Any] = {"person": q.person_id, "since": q.since, "until": q.until}
    bounds = [b for b in (q.since, q.until) if b is not None]
    params["year"] = bounds[0][:4] if bounds else None
    search = q.search.strip() if q.search else ""
    params["match"] = fts_query(search, store.search_stems()) if search and q.statements else None
    like = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params["like"] = f"%{like}%"
    return params


#: A statement's line columns: what ordering needs; ``said`` is its date (maybe a range).
_STATEMENT_COLS = (
    "s.id AS sid, a.doc_id, a.seq, s.position AS pos,"
    " coalesce(nullif(s.\"when\", ''), a.published) AS said"
)


def _statements(q: TimelineQuery) -> str:
    """SQL (CTEs) ``single`` (the statements listed that are not linked) and ``mem`` (every
    member, latest revisions, of the link groups of the statements listed).

    Without a filter both come from one scan of the latest articles' statements; with one
    (person, search) the filter's statements come first and their groups' members are
    looked up by group."""
    if not q.statements:
        return (
            "single AS (SELECT NULL AS sid, NULL AS doc_id, NULL AS seq, NULL AS pos,"
            " NULL AS said WHERE 0),"
            " mem AS (SELECT NULL AS gid, NULL AS sid, NULL AS doc_id, NULL AS seq,"
            " NULL AS pos, NULL AS said, NULL AS published WHERE 0)"
        )
    cols = f"m.group_id AS gid, {_STATEMENT_COLS}, a.published"
    # articles first, then their statements by index: cheaper than a lookup per statement
    scan = (
        "articles a CROSS JOIN statements s ON s.article_id = a.id"
        " LEFT JOIN link_members m ON m.statement_id = s.id"
    )
    where = ["a.latest = 1"]
    if q.person_id is not None:
        scan = "statements s JOIN articles a ON a.id = s.article_id"
        scan += " LEFT JOIN link_members m ON m.statement_id = s.id"
        where = ["+a.latest = 1", "s.person_id = :person"]  # the person index, not latest
    if q.search and q.search.strip():
        where.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH :match)")
    listed = f"""
        listed AS MATERIALIZED (SELECT {cols} FROM {scan} WHERE {" AND ".join(where)}),
        single AS (SELECT sid, doc_id, seq, pos, said FROM listed WHERE gid IS NULL)"""
    if len(where) == 1:  # no filter: the groups' members are all listed already
        return listed + ", mem AS NOT MATERIALIZED (SELECT * FROM listed WHERE gid IS NOT NULL)"
    return (
        listed
        + f""",
        mem AS MATERIALIZED (
            SELECT {cols} FROM (SELECT DISTINCT gid FROM listed WHERE gid IS NOT NULL) g
            CROSS JOIN link_members m ON m.group_id = g.gid
            CROSS JOIN statements s ON s.id = m.statement_id
            CROSS JOIN articles a ON a.id = s.article_id
            WHERE a.latest = 1
        )"""
    )


def _lines(q: TimelineQuery) -> str:
    """SQL (CTEs) ending in ``kept``: every line the query lists, with its day keys and
    tie-breakers, before ordering."""
    branches = [
        "SELECT 'statement' AS kind, sid AS id, NULL AS gid, doc_id, seq, pos, said FROM single",
        "SELECT 'statement', sid, gid, doc_id, seq, pos, said FROM heads",
    ]
    if q.events and q.person_id is None:  # events have no speaker
        event_where = "a.latest = 1"
        if q.search and q.search.strip():
            sentence = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
            event_where += (
                " AND (e.description LIKE :like ESCAPE '\\' OR e.place LIKE :like ESCAPE '\\'"
                f" OR {sentence} LIKE :like ESCAPE '\\')"
            )
        branches.append(
            "SELECT 'event', e.id, NULL, a.doc_id, a.seq, e.sentence_start,"
            " e.start || coalesce('/' || nullif(e.\"end\", ''), '')"
            f" FROM events e JOIN articles a ON a.id = e.article_id WHERE {event_where}"
        )
    if not q.statements:
        branches = branches[2:]
    if not branches:  # a speaker's events: there are none
        branches = ["SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0"]
    return f"""
    WITH {_statements(q)},{FIRST_REPORT_CTES},
    entries (kind, id, gid, doc_id, seq, pos, said) AS ({" UNION ALL ".join(branches)}),
    split AS MATERIALIZED (
        SELECT kind, id, gid, doc_id, seq, pos,
            (CASE WHEN instr(said, '/') > 0 THEN substr(said, 1, instr(said, '/') - 1)
             ELSE said END) AS st,
            (CASE WHEN instr(said, '/') > 0
             THEN nullif(substr(said, instr(said, '/') + 1), '') END) AS en
        FROM entries
    ),
    keyed AS (
        SELECT kind, id, gid, doc_id, seq, pos, {day_key("st")} AS klo,
               {day_key("coalesce(en, st)")} AS khi
        FROM split
    ),
    kept AS MATERIALIZED (
        SELECT kind, id, gid, doc_id, seq, pos, klo FROM keyed WHERE {_range(q)}
    )"""


def timeline_refs(
    store: Store, q: TimelineQuery, *, limit: int | None = None, offset: int = 0
) -> TimelineRefs:
    """The lines of the timeline ``q`` from ``offset`` (at most ``limit``), and the total."""
    params = _parameters(q, store)
    ref = common_year("kept", "klo")
    sql = (
        _lines(q) + " SELECT kind, id, gid, (SELECT count(*) FROM kept) FROM kept"
        f" ORDER BY {placed('klo', ref)}, kind, doc_id, seq, pos, id LIMIT :limit OFFSET :offset"
    )
    params.update(limit=-1 if limit is None else limit, offset=offset)
    rows = store.query(sql, params)
    if rows:
        total = int(rows[0][3])
    else:
        total = int(store.query(_lines(q) + " SELECT count(*) FROM kept", params)[0][0])
    return TimelineRefs([TimelineRef(r[0], int(r[1]), r[2]) for r in rows], total)
