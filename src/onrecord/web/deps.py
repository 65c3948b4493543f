"""FastAPI dependencies shared by the API and the pages: the request's store, filters, and
the bounds every request's parameters must keep."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from onrecord.bounds import MAX_TEXT
from onrecord.errors import printable
from onrecord.store.db import StatementFilter, Store


def bounded_params(request: Request) -> None:
    """App-wide dependency: every query and path parameter has at most
    :data:`~onrecord.bounds.MAX_TEXT` characters and no NUL, else 400.

    Why here, once: names and searches become LIKE, GLOB and FTS patterns. SQLite refuses a
    LIKE pattern over 50,000 bytes (it was a 503 naming the database file) and reads a
    pattern only up to a NUL (``a%00`` matched every name). Checking before any route runs
    covers every route, API and page alike, including routes added later.
    """
    where = [(f"query parameter {_name(k)}", v) for k, v in request.query_params.multi_items()]
    where += [("a name or id in the URL path", str(v)) for v in request.path_params.values()]
    for what, value in where:
        if len(value) > MAX_TEXT:
            raise HTTPException(
                400, f"{what} is too long: {len(value):,} characters (at most {MAX_TEXT:,})"
            )
        if "\x00" in value:
            raise HTTPException(400, f"{what} holds a NUL character")


def _name(key: str) -> str:
    """A parameter's name for a message: escaped, and cut short (it is the client's text)."""
    return repr(printable(key if len(key) <= 40 else key[:40] + "..."))


def get_store(request: Request) -> Store:
    """This worker thread's store (see :class:`onrecord.web.stores.StorePool`)."""
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
    language: Annotated[
        str | None, Query(description="the article's language code: ru, en")
    ] = None,
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
    has_speaker: Annotated[
        bool, Query(description="only statements whose speaker is named")
    ] = False,
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
        has_speaker=has_speaker,
        language=clean(language),
    )


FilterDep = Annotated[StatementFilter, Depends(statement_filter)]
