"""Search planning: which query shape lists, counts and pages the statements a filter selects.

Why shapes: a listing of a large record must cost about a page, whatever the filter. Without
a search the date indexes of migration 0003 are walked; with one, the full-text index drives
and the filters are checked either match by match (few matches) or against the set of
statement ids the filters select (many matches); a relevance order ranks the matches
(bm25) before joining the page; a date order over many matches walks the date index and
keeps the matches. The thresholds below choose; ``tests/store/test_store_search_shapes.py``
checks that every shape gives the same answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from onrecord.schema import STATEMENTS
from onrecord.store.filters import StatementFilter, Where, statement_where
from onrecord.store.rows import StoredStatement, read_values, select_list

if TYPE_CHECKING:
    from onrecord.store.connection import Connection

#: Statement orders: chronological, newest first (unknown years last either way), best match.
Order = Literal["date", "-date", "rank"]
# Statement orders; migration 0003 indexes the article part of both (articles_chrono,
# articles_newest), so a page of a listing walks that index instead of sorting every row.
ORDER_CHRONO = "a.pub_date IS NULL, a.pub_date, a.published, a.seq"
ORDER_NEWEST = "a.pub_date IS NULL, a.pub_date DESC, a.published DESC, a.seq DESC"
STATEMENT_ORDER = {
    "date": f"{ORDER_CHRONO}, s.position",
    "-date": f"{ORDER_NEWEST}, s.position DESC",
}
#: A search with at least this many matches lists by date by walking the date index and
#: keeping the matches (a page needs few rows); fewer matches are fetched and sorted.
WALK_MIN_MATCHES = 1000
#: A filtered search with fewer matches than this checks the filters match by match (about
#: 1.2 us each: two row lookups); more matches check them against the filter's statement ids,
#: collected once per query (about 0.3 us per statement the filter selects).
PER_MATCH_MAX = 1000
_COLUMNS = select_list(STATEMENTS)
_JOIN = "JOIN articles a ON a.id = s.article_id"


def plan(store: Connection, flt: StatementFilter) -> Where:
    """The conditions of ``flt`` and how a search combines with them (``per_match``)."""
    w = statement_where(store, flt)
    per_match = (
        w.match is not None
        and not w.only_latest
        and w.sql != "1"
        and raw_matches(store, w.match, PER_MATCH_MAX) < PER_MATCH_MAX
    )
    return replace(w, per_match=per_match)


def raw_matches(store: Connection, match: str, cap: int) -> int:
    """Full-text matches of ``match`` in all statements, at most ``cap`` (no filters)."""
    sql = "SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?"
    return int(store.query(f"SELECT count(*) FROM ({sql})", [match, cap])[0][0])


def has_superseded(store: Connection) -> bool:
    """Whether any article has a newer revision (one index probe; usually none do)."""
    return bool(store.query("SELECT EXISTS (SELECT 1 FROM articles WHERE latest = 0)", [])[0][0])


def fts_source(store: Connection, w: Where) -> tuple[str, list[Any]]:
    """``statements_fts ... WHERE <match and filters>`` and its parameters, for queries
    the full-text index drives (select ``statements_fts.rowid`` and ``bm25`` from it).

    Two shapes, chosen by ``w.per_match``. Few matches: each match is joined to its
    statement and article and the filters are checked there (a row lookup per match).
    Many matches: joining each would cost too much (about 90 ms for a word in 67,000
    statements), so the statement ids the filters select come from an index once per
    query and each match is checked against that set. Without user filters the set is the
    statements of superseded revisions, usually empty. The ``+`` keeps SQLite from
    turning the set into one full-text query per id (which would repeat bm25's corpus
    statistics each time).
    """
    assert w.match is not None
    head = "statements_fts"
    where = "WHERE statements_fts MATCH ?"
    if w.per_match:
        return (
            f"{head} CROSS JOIN statements s ON s.id = statements_fts.rowid"
            f" CROSS JOIN articles a ON a.id = s.article_id {where} AND {w.sql}",
            [w.match, *w.params],
        )
    if w.only_latest and has_superseded(store):
        return (
            f"{head} {where} AND +statements_fts.rowid NOT IN (SELECT s.id FROM articles a"
            " JOIN statements s ON s.article_id = a.id WHERE a.latest = 0)",
            [w.match],
        )
    if w.sql == "1" or w.only_latest:  # no filter, or only latest with none superseded
        return f"{head} {where}", [w.match]
    return (
        f"{head} {where} AND +statements_fts.rowid IN (SELECT s.id FROM statements s"
        f" {_JOIN} WHERE {w.sql})",
        [w.match, *w.params],
    )


def count(store: Connection, w: Where, *, cap: int | None = None) -> int:
    """Statements matching ``w`` (at most ``cap``): on the full-text index for a search."""
    if w.match is not None:
        source, args = fts_source(store, w)
        sql = f"SELECT 1 FROM {source}"
    elif w.only_latest:  # every statement less those of superseded revisions
        sql = (
            "SELECT (SELECT count(*) FROM statements) - (SELECT count(*) FROM articles a"
            " JOIN statements s ON s.article_id = a.id WHERE a.latest = 0)"
        )
        return int(store.query(sql, [])[0][0])
    else:
        sql = f"SELECT 1 FROM statements s {_JOIN} WHERE {w.sql}"
        args = list(w.params)
    if cap is not None:
        sql += " LIMIT ?"
        args.append(cap)
    return int(store.query(f"SELECT count(*) FROM ({sql})", args)[0][0])


def walks(store: Connection, w: Where, order: Order, total: int | None = None) -> bool:
    """Whether a date-ordered search page walks the date index (many matches); ``total``:
    the matches when already counted."""
    if w.match is None or order == "rank":
        return False
    if total is None:
        total = count(store, w, cap=WALK_MIN_MATCHES)
    return total >= WALK_MIN_MATCHES


def select(
    store: Connection,
    w: Where,
    limit: int | None,
    offset: int,
    order: Order,
    rank_window: int | None,
    *,
    walk: bool,
) -> Iterator[StoredStatement]:
    """Stream one statements query; its shape depends on the search and the order.

    - no search: the join, ordered by the date indexes of migration 0003;
    - rank: bm25 over the matches (the newest ``rank_window`` of them when set), computed
      while the full-text index drives (materialized first), then joined for the page;
    - date order, ``walk``: the date index is walked and each statement kept if it is in
      the set of matches; cheap when matches are many (a page needs few rows);
    - date order otherwise: the (few) matches are fetched, joined and sorted.
    """
    head = f"SELECT {_COLUMNS} FROM"
    if w.match is None:
        sql = f"{head} statements s {_JOIN} WHERE {w.sql}"
        order_by = STATEMENT_ORDER["date" if order == "rank" else order]
        args = list(w.params)
    elif order == "rank":
        source, args = fts_source(store, w)
        window = "" if rank_window is None else " ORDER BY statements_fts.rowid DESC LIMIT ?"
        sql = (
            "WITH m AS MATERIALIZED (SELECT statements_fts.rowid AS rid,"
            f" bm25(statements_fts) AS score FROM {source}{window})"
            f" {head} m CROSS JOIN statements s ON s.id = m.rid {_JOIN}"
        )
        order_by = "m.score, a.seq, s.position"
        args += [] if rank_window is None else [rank_window]
    elif walk:
        sql = (
            f"{head} statements s {_JOIN} WHERE {w.sql} AND +s.id IN"
            " (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
        )
        order_by = STATEMENT_ORDER[order]
        args = [*w.params, w.match]
    else:
        source, args = fts_source(store, w)
        sql = (
            f"WITH m AS MATERIALIZED (SELECT statements_fts.rowid AS rid FROM {source})"
            f" {head} m CROSS JOIN statements s ON s.id = m.rid {_JOIN}"
        )
        order_by = STATEMENT_ORDER[order]
    sql += f" ORDER BY {order_by} LIMIT ? OFFSET ?"
    cursor = store.cursor(sql, [*args, -1 if limit is None else limit, offset])
    try:
        while batch := store.fetch(cursor, 500):
            for r in batch:
                yield StoredStatement(read_values(STATEMENTS, r))
    finally:
        # A generator left unfinished (its reader gone: `statements | head`) is closed
        # when collected, which may be after its store was closed with the cursor.
        with suppress(sqlite3.ProgrammingError):
            cursor.close()


def matching_ids(store: Connection, flt: StatementFilter, *, limit: int) -> tuple[str, list[Any]]:
    """SQL (and its parameters) selecting ``id``: the statements ``flt`` matches, at most
    ``limit``, the most recently stored first; for summaries of a listing such as its
    facet counts (``store/facets.py``), which then cost at most ``limit`` rows."""
    w = plan(store, flt)
    if w.match is None:
        return (
            f"SELECT s.id AS id FROM statements s {_JOIN}"
            f" WHERE {w.sql} ORDER BY s.id DESC LIMIT ?",
            [*w.params, limit],
        )
    source, args = fts_source(store, w)
    return (
        f"SELECT statements_fts.rowid AS id FROM {source}"
        " ORDER BY statements_fts.rowid DESC LIMIT ?",
        [*args, limit],
    )


def filter_sql(store: Connection, flt: StatementFilter) -> tuple[str, list[Any]]:
    """One SQL condition over ``statements s`` joined with ``articles a`` for everything
    ``flt`` selects, its search included: for aggregates over the statements a listing
    shows (the speakers of an export)."""
    w = statement_where(store, flt)
    if w.match is None:
        return w.sql, list(w.params)
    return (
        f"{w.sql} AND s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)",
        [*w.params, w.match],
    )
