"""The embedded store: articles, their revisions and statements in SQLite (WAL, FTS5).

The store is the only package that speaks SQL; its modules, by concern:

- ``connection.py``: opening and migrating a database, transactions, queries, adding
  articles (:class:`~onrecord.store.connection.Connection`, which :class:`Store` extends);
- ``rows.py``: the rows readers get (articles, statements, speakers), read by column name
  from the fields ``onrecord.schema`` declares; ``records.py``: those fields to and from
  the model;
- ``filters.py``: :class:`StatementFilter` and its SQL conditions; ``search.py``: which
  query shape lists, counts and pages a filter's statements;
- ``speakers.py``: the speaker listing's aggregation (also the Spark job's);
- this module: :class:`Store`, the queries readers call (articles, statements, speakers).

The names callers import from here (``Store``, ``StatementFilter``, the row types) stay
importable from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Unpack

from onrecord.errors import UsageError
from onrecord.schema import ARTICLES
from onrecord.store import search
from onrecord.store.connection import BUSY_TIMEOUT_S, Connection
from onrecord.store.corrections import outlet_sql
from onrecord.store.filters import ArticleOptions, StatementFilter, article_where, like_escape
from onrecord.store.rows import (
    AddOutcome,
    AddStatus,
    ArticleRow,
    SpeakerRow,
    StatementPage,
    StoreCounts,
    StoredStatement,
    read_values,
    select_list,
)
from onrecord.store.search import ORDER_CHRONO, Order
from onrecord.store.speakers import speaker_rows

__all__ = [
    "BUSY_TIMEOUT_S",
    "AddOutcome",
    "AddStatus",
    "ArticleRow",
    "Order",
    "SpeakerRow",
    "StatementFilter",
    "StatementPage",
    "Store",
    "StoreCounts",
    "StoredStatement",
]

_ARTICLE_COUNT = ARTICLES["statement_count"]


def _article_select(*, with_text: bool) -> str:
    """The SELECT list of article rows; the text (long) only when asked for."""
    return select_list(ARTICLES, skip=() if with_text else ("text",))


class Store(Connection):
    """One onrecord database: open (creating and migrating it as needed), add, query.

    >>> with Store(":memory:", create=True) as store:
    ...     store.counts().articles
    0
    """

    # -- reading articles

    def articles(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        with_text: bool = False,
        **filters: Unpack[ArticleOptions],
    ) -> list[ArticleRow]:
        """Articles in publication order (unknown years last); ``search`` looks in headlines.

        ``with_text`` loads each article's text too (exports); listings leave it out.
        """
        where, params = article_where(self, filters)
        sql = (
            f"SELECT {_article_select(with_text=with_text)} FROM articles a WHERE {where}"
            f" ORDER BY {ORDER_CHRONO} LIMIT ? OFFSET ?"
        )
        rows = self.query(sql, [*params, -1 if limit is None else limit, offset])
        return [ArticleRow(read_values(ARTICLES, r)) for r in rows]

    def count_articles(self, **filters: Unpack[ArticleOptions]) -> int:
        """How many articles :meth:`articles` would list without a limit."""
        where, params = article_where(self, filters)
        return int(self.query(f"SELECT count(*) FROM articles a WHERE {where}", params)[0][0])

    def article(self, ref: str) -> ArticleRow | None:
        """One article with its text, by content id, caller's doc id, or unique id prefix.

        None when nothing matches; a UsageError when a prefix is ambiguous. A doc id shared
        by several revisions gives the latest one.
        """
        ref = ref.strip()
        if not ref:
            raise UsageError("article id is empty")
        sql = (
            f"SELECT {_article_select(with_text=True)}"
            " FROM articles a WHERE {} ORDER BY a.latest DESC, a.seq DESC"
        )
        rows = self.query(sql.format("a.id = ?"), [ref])
        if not rows:
            rows = self.query(sql.format("a.doc_id = ?"), [ref])[:1]
        if not rows:
            rows = self.query(
                sql.format("a.id LIKE ? ESCAPE '\\'") + " LIMIT 11", [like_escape(ref) + "%"]
            )
            if len(rows) > 1:
                shown = ", ".join(r[0] for r in rows[:10])
                raise UsageError(f"article {ref!r} is ambiguous: matches {shown}")
        return ArticleRow(read_values(ARTICLES, rows[0])) if rows else None

    def revisions(self, article_id: str) -> list[ArticleRow]:
        """Every revision of the article's group, first to latest (without text)."""
        rows = self.query(
            f"SELECT {_article_select(with_text=False)}"
            " FROM articles a WHERE coalesce(a.revision_of, a.id) ="
            " (SELECT coalesce(revision_of, id) FROM articles WHERE id = ?) ORDER BY a.revision",
            [article_id],
        )
        return [ArticleRow(read_values(ARTICLES, r)) for r in rows]

    def languages(self) -> list[tuple[str, int]]:
        """(language code, latest-article count) pairs, most articles first (migration 0005)."""
        rows = self.query(
            "SELECT a.language, count(*) FROM articles a WHERE a.latest = 1"
            " AND a.language IS NOT NULL GROUP BY a.language ORDER BY count(*) DESC, a.language",
            [],
        )
        return [(r[0], int(r[1])) for r in rows]

    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, latest-article count) pairs, most articles first; outlets as readers see
        them (renamed ones under their new name, see store/corrections.py)."""
        rows = self.query(
            f"SELECT {outlet_sql('a.outlet')} AS shown, count(*) FROM articles a"
            " WHERE a.latest = 1 AND a.outlet IS NOT NULL"
            " GROUP BY shown ORDER BY count(*) DESC, shown",
            [],
        )
        return [(r[0], int(r[1])) for r in rows]

    # -- reading statements

    def statements(
        self,
        filters: StatementFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
        **kwargs: Any,
    ) -> list[StoredStatement]:
        """Statements matching ``filters`` (or the same fields as keyword arguments).

        ``order="date"``: chronological by the article's publication date, then position;
        ``"-date"``: the exact reverse, except that year-unknown and undated articles still
        come last; ``"rank"``: best full-text match first (only with ``search``; else
        ``"date"``). ``rank_window=N`` ranks only the N most recently stored matches (by
        statement id), which bounds the cost of ranking a common word; None ranks them all.
        """
        flt = filters or StatementFilter(**kwargs)
        rows = self.iter_statements(
            flt, limit=limit, offset=offset, order=order, rank_window=rank_window
        )
        return list(rows)

    def iter_statements(
        self,
        filters: StatementFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
    ) -> Iterator[StoredStatement]:
        """Like :meth:`statements`, streaming (for exports of the whole store)."""
        w = search.plan(self, filters or StatementFilter())
        walk = limit is not None and search.walks(self, w, order)
        yield from search.select(self, w, limit, offset, order, rank_window, walk=walk)

    def statement_page(
        self,
        filters: StatementFilter,
        *,
        limit: int,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
        count_cap: int | None = None,
    ) -> StatementPage:
        """One page of :meth:`statements` and the number of matches, for listings.

        The count is exact for the unfiltered listing (two index counts); otherwise, with
        ``count_cap``, counting stops past the cap and the answer says so
        (``total_is_lower_bound``, shown as "10,000+"): a common word or a broad filter then
        costs what its first ``count_cap`` matches cost. ``rank_window`` as in
        :meth:`statements`.
        """
        w = search.plan(self, filters)
        exact = count_cap is None or (w.match is None and w.only_latest)
        cap = None if exact or count_cap is None else count_cap + 1
        found = search.count(self, w, cap=cap)
        total, lower = (found, False) if cap is None or found < cap else (cap - 1, True)
        walk = search.walks(self, w, order, total)
        rows = list(search.select(self, w, limit, offset, order, rank_window, walk=walk))
        ranked = order == "rank" and w.match is not None
        window = rank_window if ranked and rank_window is not None and total > rank_window else None
        return StatementPage(rows, total, lower, window)

    def count_statements(self, filters: StatementFilter | None = None, **kwargs: Any) -> int:
        """How many statements :meth:`statements` would return without a limit."""
        return search.count(self, search.plan(self, filters or StatementFilter(**kwargs)))

    def article_statements(self, article_id: str) -> list[StoredStatement]:
        """The statements of one article (any revision), in text order."""
        return self.statements(StatementFilter(article_id=article_id, all_revisions=True))

    def matching_ids(self, flt: StatementFilter, *, limit: int) -> tuple[str, list[Any]]:
        """SQL selecting the ids of the statements ``flt`` matches (see
        :func:`onrecord.store.search.matching_ids`)."""
        return search.matching_ids(self, flt, limit=limit)

    # -- reading speakers

    def speakers(
        self,
        filters: StatementFilter | None = None,
        *,
        outlet: str | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SpeakerRow]:
        """Speakers with statement counts, roles and outlets, most statements first.

        A speaker is a registry entity shown by its name (a user's merge or rename included:
        store/corrections.py), or, for article-local speakers and names not in the registry,
        a name grouped case-insensitively (``str.casefold``). Statements without a speaker
        name are left out. ``name`` filters like the statements ``speaker`` filter;
        ``filters``, when given, select the statements summarised instead (a Parquet export's
        speakers follow the filters of its statements). Roles and
        registry ids are listed in the order they were first reported (the statements'
        chronological order).

        The rows are summed by :mod:`onrecord.store.speakers`, as the Spark job's are.
        """
        flt = filters or StatementFilter(outlet=outlet, speaker=name)
        out = speaker_rows(self, flt)
        end = None if limit is None else offset + limit
        return out[offset:end]
