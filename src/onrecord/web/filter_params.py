"""The statement filters as the HTTP API's query parameters, made from their declaration.

Why generated: the filters are declared once, with their descriptions, on
:class:`~onrecord.store.filters.StatementFilter`; a filter added there is a parameter of
``/api/statements``, ``/api/facets`` and the pages at once, described in ``/docs``, instead
of a second list here that could fall behind. FastAPI reads a dependency's parameters from
its signature, so :func:`statement_filter` carries one built from the declaration.
"""

from __future__ import annotations

import inspect
from dataclasses import MISSING, fields
from typing import Annotated, Any

from fastapi import Query

from onrecord.store.filters import StatementFilter

_FILTERS = [f for f in fields(StatementFilter) if f.metadata.get("web", True)]


def _parameter(name: str, default: Any, help: str) -> inspect.Parameter:
    kind = bool if isinstance(default, bool) else str | None
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[kind, Query(description=help)],
    )


def _param_name(f: Any) -> str:
    return str(f.metadata.get("param") or f.name)


def statement_filter(**given: Any) -> StatementFilter:
    """The statement filters from query parameters; empty strings count as absent."""
    values: dict[str, Any] = {}
    for f in _FILTERS:
        value = given.get(_param_name(f))
        if isinstance(value, str):
            value = value.strip() or None
        if value is not None:
            values[f.name] = value
    return StatementFilter(**values)


statement_filter.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        _parameter(_param_name(f), None if f.default is MISSING else f.default, f.metadata["help"])
        for f in _FILTERS
    ],
    return_annotation=StatementFilter,
)
