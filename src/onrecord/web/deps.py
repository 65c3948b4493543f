"""FastAPI dependencies shared by the API and the pages: the request's store, filters, and
the bounds every request's parameters must keep."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from onrecord.bounds import MAX_TEXT
from onrecord.errors import printable
from onrecord.store.db import StatementFilter, Store
from onrecord.web.filter_params import statement_filter


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


#: The statement filters of a request, its parameters made from the filters' declaration.
FilterDep = Annotated[StatementFilter, Depends(statement_filter)]
