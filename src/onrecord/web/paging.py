"""Pagination for list endpoints: ``limit`` + ``offset`` (or ``page``), and the envelope.

Every list answer is ``{"items": [...], "total": N, "total_is_lower_bound": bool, "limit": L,
"offset": O, "links": {"next": url | null, "prev": url | null}}`` so clients can page without
counting themselves (``total_is_lower_bound``: counting stopped at a cap, "N or more").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from onrecord.bounds import MAX_COUNT

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Page:
    """The window a list request asks for."""

    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_COUNT, description="items to skip")] = 0,
    page: Annotated[
        int | None,
        Query(ge=1, le=MAX_COUNT, description="1-based page number (instead of offset)"),
    ] = None,
) -> Page:
    """FastAPI dependency: ``page`` wins over ``offset`` when both are given.

    Both are bounded (:data:`~onrecord.bounds.MAX_COUNT`): past 2**63 the store's
    SQLite integers overflow, and a 400 naming the parameter says more than a 500.
    """
    return Page(limit, (page - 1) * limit if page is not None else offset)


def envelope(
    request: Request,
    items: list[Any],
    total: int,
    page: Page,
    *,
    total_is_lower_bound: bool = False,
) -> dict[str, Any]:
    """The list answer, with links to the neighbouring pages (same filters).

    ``total_is_lower_bound``: counting stopped at a cap, at least ``total`` items exist; a
    full page then always links to the next one.
    """

    def at(offset: int) -> str:
        params = dict(request.query_params)
        params.pop("page", None)
        params.update(offset=str(offset), limit=str(page.limit))
        return f"{request.url.path}?{urlencode(params)}"

    more = page.offset + page.limit < total or (total_is_lower_bound and len(items) == page.limit)
    nxt = at(page.offset + page.limit) if more else None
    prev = at(max(0, page.offset - page.limit)) if page.offset > 0 else None
    return {
        "items": items,
        "total": total,
        "total_is_lower_bound": total_is_lower_bound,
        "limit": page.limit,
        "offset": page.offset,
        "links": {"next": nxt, "prev": prev},
    }
