"""The read-only JSON API: statements, speakers, articles, outlets.

Every route is a plain ``def`` (FastAPI runs it in a worker thread with that thread's
store). Store errors surface as :class:`~onrecord.errors.OnrecordError` and become JSON 4xx
answers in ``onrecord.web.errors``; nothing here catches them itself.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from onrecord.api import comparisons, timelines
from onrecord.api.profiles import SpeakerProfile
from onrecord.store.db import Store
from onrecord.store.facets import FACET_CAP, FACETS, Facet
from onrecord.web import convert, queries, results
from onrecord.web.deps import FilterDep, StoreDep
from onrecord.web.paging import Page, envelope, page_params

router = APIRouter(prefix="/api", tags=["read"])
PageDep = Annotated[Page, Depends(page_params)]


@router.get("", summary="What this server holds, and where to look")
def index(store: StoreDep) -> dict[str, Any]:
    return {
        "counts": store.counts().to_json(),
        "links": {
            "statements": "/api/statements",
            "speakers": "/api/speakers",
            "articles": "/api/articles",
            "outlets": "/api/outlets",
            "facets": "/api/facets",
            "timeline": "/api/timeline",
            "docs": "/docs",
            "openapi": "/openapi.json",
        },
    }


@router.get("/statements", summary="Search and list statements")
def list_statements(
    request: Request,
    store: StoreDep,
    flt: FilterDep,
    page: PageDep,
    sort: Annotated[
        queries.Sort,
        Query(description="relevance (needs search; else newest first), -date, date"),
    ] = "relevance",
    facet: Annotated[
        list[Facet] | None,
        Query(
            description="facet counts to add (repeat for several): speaker, outlet, kind, year;"
            f" counted over the newest {FACET_CAP:,} matches at most (partial: more matched)"
        ),
    ] = None,
) -> dict[str, Any]:
    """With ``search``, each statement has ``highlight``: its words cut to the matches'
    context, matched words marked (``segments``, and ``html`` escaped with ``<mark>``)."""
    found = queries.find_statements(store, flt, page, sort)
    items = [convert.statement_json(r) for r in found.rows]
    results.add_highlights(store, flt, found.rows, items)
    out = envelope(
        request, items, found.total, page, total_is_lower_bound=found.total_is_lower_bound
    )
    # Set when relevance ranked only the newest N of more matches (see queries.RANK_WINDOW).
    out["ranked_within"] = found.ranked_within
    if facet:
        out["facets"] = results.facets_json(store, flt, facet)
    return out


@router.get("/facets", summary="Facet counts of a statement search (speaker, outlet, kind, year)")
def get_facets(
    store: StoreDep,
    flt: FilterDep,
    facet: Annotated[
        list[Facet] | None,
        Query(description="facets to count (repeat for several); all four when none is given"),
    ] = None,
) -> dict[str, Any]:
    """The counts ``/api/statements?facet=...`` adds, alone: the search page asks for them
    after its results, so the results show at the speed of a page of statements."""
    return results.facets_json(store, flt, facet or list(FACETS))


@router.get("/statements/{key:path}", summary="One statement by its key <article id>:<position>")
def get_statement(key: str, store: StoreDep) -> dict[str, Any]:
    row = queries.statement_by_key(store, key)
    if row is None:
        raise HTTPException(404, f"statement {key!r} not found")
    return convert.statement_json(row)


@router.get("/speakers", summary="Speakers, most statements first")
def list_speakers(
    request: Request,
    store: StoreDep,
    page: PageDep,
    name: Annotated[str | None, Query(description="name or any of its words")] = None,
    outlet: Annotated[
        str | None, Query(description="only statements reported by this outlet")
    ] = None,
) -> dict[str, Any]:
    rows = store.speakers(name=name or None, outlet=outlet or None)
    items = [convert.speaker_json(r) for r in rows[page.offset : page.offset + page.limit]]
    return envelope(request, items, len(rows), page)


@router.get("/speakers/{ref:path}", summary="One speaker: facts, activity by day and outlet")
def get_speaker(ref: str, store: StoreDep) -> dict[str, Any]:
    return speaker_detail(store, ref)


def speaker_detail(store: Store, ref: str) -> dict[str, Any]:
    """The speaker's JSON with ``activity`` (per day and outlet) and ``by_outlet`` totals."""
    return queries.speaker_json(speaker_profile(store, ref))


def speaker_profile(store: Store, ref: str) -> SpeakerProfile:
    """The one profile of whoever ``ref`` names, or a 404."""
    profile = queries.speaker_profile(store, ref)
    if profile is None:
        raise HTTPException(404, f"speaker {ref!r} not found")
    return profile


@router.get("/articles", summary="Articles in publication order")
def list_articles(
    request: Request,
    store: StoreDep,
    page: PageDep,
    outlet: Annotated[str | None, Query(description="outlet name")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    search: Annotated[str | None, Query(description="words in the headline")] = None,
    language: Annotated[str | None, Query(description="language code: ru, en")] = None,
) -> dict[str, Any]:
    args = {
        "outlet": outlet or None,
        "since": since or None,
        "until": until or None,
        "search": search or None,
        "language": language or None,
    }
    total = store.count_articles(**args)
    rows = store.articles(**args, limit=page.limit, offset=page.offset)
    return envelope(request, [convert.article_json(r) for r in rows], total, page)


@router.get("/articles/{article_id:path}", summary="One article with its text and statements")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    row = store.article(article_id)
    if row is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    return convert.article_json(row, store.article_statements(row.id))


@router.get("/outlets", summary="Outlets and how many articles each has")
def list_outlets(store: StoreDep) -> dict[str, Any]:
    return {"items": [{"outlet": o, "articles": n} for o, n in store.outlets()]}


@router.get("/timeline", summary="Events and statements in date order (one entry per remark)")
def get_timeline(
    request: Request,
    store: StoreDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(description="registry name, alias or id")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    search: Annotated[str | None, Query(description="words in statements and events")] = None,
    kind: Annotated[timelines.TimelineKind, Query(description="all, events or statements")] = "all",
) -> dict[str, Any]:
    found = timelines.timeline(
        store,
        speaker=speaker or None,
        since=since or None,
        until=until or None,
        search=search or None,
        kind=kind,
        limit=page.limit,
        offset=page.offset,
    )
    return envelope(request, [timeline_json(e) for e in found], found.total, page)


#: A statement's day as the day view takes it: ``YYYY-MM-DD``, or ``--MM-DD`` (year unknown).
_DAY_RE = re.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}")


def timeline_json(entry: timelines.TimelineEntry) -> dict[str, Any]:
    """A timeline entry with its links (the timeline page shows the same): its article (at
    the statement), the statement across outlets, the speaker, and the speaker's day."""
    out = entry.to_json()
    article = f"/articles/{convert.path_part(entry.article_id)}"
    ref = convert.speaker_ref(entry.person_id, entry.speaker)
    links: dict[str, str | None] = {
        "article": article,
        "statement": None,
        "statement_api": None,
        "speaker": convert.speaker_links(ref)["page"] if ref else None,
        "day": None,
    }
    if entry.kind == "statement" and entry.position is not None:
        key = convert.path_part(f"{entry.article_id}:{entry.position}")
        links["article"] = f"{article}#s-{entry.position}"
        links["statement"] = f"/compare/{key}"
        links["statement_api"] = f"/api/statements/{key}"
        day = _DAY_RE.match(entry.start or "")
        if ref and day:
            links["day"] = "/compare?" + urlencode({"speaker": ref, "date": day.group(0)})
    out["links"] = links
    return out


@router.get(
    "/groups",
    summary="One speaker's statements of one day across outlets: first report, word diffs",
)
def get_groups(
    store: StoreDep,
    speaker: Annotated[str, Query(description="registry name, alias or id")],
    date: Annotated[str, Query(description="the day, YYYY-MM-DD")],
) -> dict[str, Any]:
    groups = comparisons.compare(speaker, date, db=store)
    return {"items": [g.to_json() for g in groups], "total": len(groups)}
