"""FastAPI dependencies shared by the API and the pages: the request's store, filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from onrecord.store.db import StatementFilter, Store


def get_store(request: Request) -> Store:
    """This worker thread's store (see :class:`onrecord.serve.web.stores.StorePool`)."""
    return request.app.state.pool.get()


StoreDep = Annotated[Store, Depends(get_store)]


def statement_filter(
    search: Annotated[
        str | None,
        Query(description='full-text search: words, "a phrase", prefix*, -exclude, a OR b'),
    ] = None,
    speaker: Annotated[
        str | None, Query(description="speaker name, any of its words, mention or alias")
    ] = None,
    person: Annotated[str | None, Query(description="speaker registry id")] = None,
    outlet: Annotated[str | None, Query(description="outlet name (case-insensitive)")] = None,
    kind: Annotated[
        str | None, Query(description="direct, indirect or mixed (comma-separated for several)")
    ] = None,
    act: Annotated[
        str | None,
        Query(description="speech (said or written) or stance (a view attributed to the source)"),
    ] = None,
    since: Annotated[
        str | None, Query(description="published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    until: Annotated[
        str | None, Query(description="published on or before: YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
) -> StatementFilter:
    """The statement filters from query parameters; empty strings count as absent."""

    def clean(value: str | None) -> str | None:
        return value.strip() if value and value.strip() else None

    return StatementFilter(
        search=clean(search),
        speaker=clean(speaker),
        person_id=clean(person),
        outlet=clean(outlet),
        kind=clean(kind),
        act=clean(act),
        since=clean(since),
        until=clean(until),
        article_id=clean(article),
    )


FilterDep = Annotated[StatementFilter, Depends(statement_filter)]
