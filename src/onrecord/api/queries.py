"""The read side of the Python API: statements, speakers and articles as stored.

What ``onrecord statements | speakers | articles | show`` and the HTTP API's listings call;
the cross-article record (timeline, speaker profiles, comparisons) is in the modules beside
this one. Each function takes ``db`` as :mod:`onrecord.api.access` describes and speaks no
SQL itself.

>>> from onrecord.api import statements
>>> for s in statements(db="record.db", speaker="Peskov"):    # doctest: +SKIP
...     print(s.display_date, s.outlet, s.statement.content.text)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any, Unpack

from onrecord.api.access import DB, Using
from onrecord.errors import UsageError
from onrecord.store.db import ArticleRow, SpeakerRow, StatementFilter, StoreCounts, StoredStatement
from onrecord.store.filters import ArticleOptions


def statements(
    db: DB = None, *, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[StoredStatement]:
    """Statements matching the filters, chronological. The filters are the fields of
    :class:`~onrecord.store.filters.StatementFilter` (speaker, outlet, kind, act, since, until,
    search, language, byline, ...), taken from there so that a field added to the filter is a
    keyword here too; an unknown keyword is a UsageError naming it."""
    with Using(db) as store:
        return store.statements(statement_filter(**filters), limit=limit, offset=offset)


def statement_filter(**filters: Any) -> StatementFilter:
    """A :class:`StatementFilter` from keywords, refusing names it does not have."""
    known = {f.name for f in fields(StatementFilter)}
    unknown = sorted(set(filters) - known)
    if unknown:
        raise UsageError(
            f"unknown statement filter {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    return StatementFilter(**filters)


def stream_statements(
    filters: StatementFilter | None = None, db: DB = None, *, limit: int | None = None
) -> Iterator[StoredStatement]:
    """Statements matching ``filters``, chronological, one at a time: a listing or export of
    the whole store never holds it in memory. The store (one opened here) stays open until
    the stream is exhausted or closed (``contextlib.closing``)."""
    with Using(db) as store:
        yield from store.iter_statements(filters or StatementFilter(), limit=limit)


def require_speaker(name: str, db: DB = None) -> None:
    """Refuse a speaker nobody in the store answers to, as ``onrecord speaker`` does: an
    empty listing would read as "said nothing that matches the other filters"."""
    name = " ".join(name.split())
    flt = StatementFilter(speaker=name, all_revisions=True)
    with Using(db) as store:
        if name and not store.statements(flt, limit=1):
            raise UsageError(f"speaker {name!r}: not in the registry (see `onrecord speakers`)")


def speakers(
    db: DB = None,
    *,
    outlet: str | None = None,
    name: str | None = None,
    limit: int | None = None,
) -> list[SpeakerRow]:
    """Speakers with statement counts, roles and outlets, most statements first."""
    with Using(db) as store:
        return store.speakers(outlet=outlet, name=name, limit=limit)


def articles(
    db: DB = None, *, limit: int | None = None, **filters: Unpack[ArticleOptions]
) -> list[ArticleRow]:
    """Articles (latest revisions unless ``all_revisions``), in publication order, filtered
    by outlet, dates, headline words (``search``) and ``language`` ("ru", "en")."""
    with Using(db) as store:
        return store.articles(limit=limit, **filters)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article with its text, its statements, and its other revisions."""

    article: ArticleRow
    statements: list[StoredStatement]
    revisions: list[ArticleRow]

    def to_json(self) -> dict[str, Any]:
        out = self.article.to_json()
        out["statements"] = [s.to_json() for s in self.statements]
        out["revisions"] = [r.id for r in self.revisions]
        return out


def article(ref: str, db: DB = None) -> ArticleView:
    """One article by id, doc id or unique id prefix; UsageError when none or several match."""
    with Using(db) as store:
        row = store.article(ref)
        if row is None:
            raise UsageError(f"article {ref!r}: no such article in {store.path}")
        return ArticleView(row, store.article_statements(row.id), store.revisions(row.id))


def counts(db: DB = None) -> StoreCounts:
    """How much the database holds."""
    with Using(db) as store:
        return store.counts()
