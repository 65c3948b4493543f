"""The record's pages: the timeline, and the day view of compare (who reported what a speaker
said on one day), as ``onrecord timeline`` and ``onrecord compare`` show them on the CLI.

Both are rendered here in full (no script needed): they are reading pages, paged and
filtered by plain GET forms, so every state has an address to bookmark or share. What they
show comes from the same calls as the API's ``/api/timeline`` and ``/api/groups``
(``onrecord.api.timelines``, ``onrecord.api.comparisons``), with the same links
(``api.timeline_json``).

A filter the record cannot use (a date that is not ``YYYY[-MM[-DD]]``, a speaker the registry
does not know or knows several of) is shown above the form with a 400 status, the reader's
input kept, rather than on an error page that loses it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from onrecord.api import comparisons, profiles, timelines
from onrecord.bounds import MAX_COUNT
from onrecord.errors import UsageError
from onrecord.store.registry import LinkItem, RecordStore
from onrecord.web import convert
from onrecord.web.api import timeline_json
from onrecord.web.deps import StoreDep
from onrecord.web.pages import render
from onrecord.web.paging import MAX_LIMIT

router = APIRouter(include_in_schema=False)

#: Timeline entries per page.
TIMELINE_PAGE = 50
#: A day the day view takes: ``YYYY-MM-DD``, or ``--MM-DD`` when the year is not known.
_DAY_RE = re.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}$")


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: timelines.TimelineKind = "all",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = TIMELINE_PAGE,
    offset: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 0,
) -> HTMLResponse:
    """Events and statements in date order, a page at a time, each linked to its article,
    its statement across outlets, its speaker and the speaker's day."""
    form = {
        "speaker": _clean(speaker),
        "search": _clean(search),
        "since": _clean(since),
        "until": _clean(until),
        "kind": kind,
    }
    try:
        found = timelines.timeline(
            store,
            speaker=form["speaker"],
            search=form["search"],
            since=form["since"],
            until=form["until"],
            kind=kind,
            limit=limit,
            offset=offset,
        )
    except UsageError as exc:
        return render(
            request, "timeline.html", form=form, error=_message(exc), entries=[], status_code=400
        )
    entries = [timeline_json(e) for e in found]
    return render(
        request,
        "timeline.html",
        form=form,
        error=None,
        entries=entries,
        total=found.total,
        offset=offset,
        pager=_pager(request, offset, limit, len(entries), found.total),
    )


@router.get("/compare", response_class=HTMLResponse)
def day_page(
    request: Request, store: StoreDep, speaker: str | None = None, date: str | None = None
) -> HTMLResponse:
    """One speaker's statements of one day: each statement once, its first report, every
    outlet that carried it with its word differences; links to the speaker's other days."""
    form = {"speaker": _clean(speaker), "date": _clean(date)}
    if not form["speaker"] or not form["date"]:
        missing = "a speaker and a day" if not form["speaker"] else "a day"
        return render(request, "compare_day.html", form=form, error=None, note=missing, groups=[])
    try:
        profile = profiles.speaker(form["speaker"], db=store, latest=0)
        compared = comparisons.compare(profile.id, form["date"], db=store)
    except UsageError as exc:
        return render(
            request, "compare_day.html", form=form, error=_message(exc), groups=[], status_code=400
        )
    days = sorted(
        {d for d, _, _ in profile.per_day if d and _DAY_RE.match(d)},
        key=lambda d: (d.startswith("--"), d),
    )
    items = RecordStore(store).statement_items(r.statement_id for g in compared for r in g.reports)
    return render(
        request,
        "compare_day.html",
        form=form,
        error=None,
        speaker=profile,
        speaker_link=convert.speaker_links(profile.id)["page"],
        day=form["date"],
        groups=[_group(g, items) for g in compared],
        outlets=list(dict.fromkeys(o for g in compared for o in g.outlets)),
        nav=_day_nav(profile.id, form["date"], days),
    )


def _group(group: comparisons.ComparedGroup, items: dict[int, LinkItem]) -> dict[str, Any]:
    """A compared statement for the template: its reports with links and diffs."""
    reports = []
    for r in group.reports:
        item = items.get(r.statement_id)
        links: dict[str, str | None] = {"article": None, "statement": None}
        if item is not None:
            key = convert.path_part(f"{item.article_id}:{item.position}")
            links["article"] = f"/articles/{convert.path_part(item.article_id)}#s-{item.position}"
            links["statement"] = f"/compare/{key}"
        reports.append(
            {
                "outlet": r.outlet,
                "published": r.published,
                "when": r.when,
                "text": r.text,
                "first": r.first,
                "same": not r.first and not r.diff,
                "diff": list(r.diff),
                "headline": item.headline if item is not None else None,
                "links": links,
            }
        )
    return {"outlets": group.outlets, "reports": reports}


def _day_nav(person_id: str, day: str, days: list[str]) -> dict[str, str | None]:
    """Links to the speaker's reported days before and after ``day`` (None at either end)."""

    def link(d: str) -> str:
        return "/compare?" + urlencode({"speaker": person_id, "date": d})

    key = (day.startswith("--"), day)
    before = [d for d in days if (d.startswith("--"), d) < key]
    after = [d for d in days if (d.startswith("--"), d) > key]
    return {
        "prev": link(before[-1]) if before else None,
        "prev_day": before[-1] if before else None,
        "next": link(after[0]) if after else None,
        "next_day": after[0] if after else None,
    }


def _pager(request: Request, offset: int, limit: int, shown: int, total: int) -> dict[str, Any]:
    """Where this page starts and ends, and links to its neighbours with the same filters."""

    def at(start: int) -> str:
        params = {k: v for k, v in request.query_params.items() if k not in ("offset", "page")}
        params.update(offset=str(start), limit=str(limit))
        return f"{request.url.path}?{urlencode(params)}"

    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "prev": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if offset + shown < total else None,
    }


def _message(exc: UsageError) -> str:
    """A usage error as the page says it: the CLI's flag names ("--since") read as the
    form's fields."""
    return re.sub(r"--(since|until|date|speaker|kind)\b", r"\1", str(exc))
