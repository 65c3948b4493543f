"""What the API and the pages ask of the store, in one place (no SQL: Store methods only).

Both the JSON endpoints and the HTML pages call these, so a page always shows exactly what
the API returns for the same question.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlencode

from onrecord.api import groups, profiles
from onrecord.api.profiles import SpeakerProfile
from onrecord.store.db import Order, StatementFilter, StatementPage, Store, StoredStatement
from onrecord.web.convert import speaker_links, statement_json
from onrecord.web.paging import Page

#: Statements a speaker page lists as the latest.
LATEST = 10
#: Relevance ranks at most this many matches, the most recently stored (bm25 costs ~3 us a
#: match: ranking every statement that has a common word would take a fifth of a second).
RANK_WINDOW = 2000
#: Searches and filtered listings stop counting here and answer "10000+"
#: (``total_is_lower_bound``): counting every match of a common word costs more than a page.
COUNT_CAP = 10_000

Sort = Literal["relevance", "date", "-date"]
_ORDERS: dict[Sort, Order] = {"relevance": "-date", "-date": "-date", "date": "date"}
#: The search page's sort choices, labelled short enough to fit the control on a phone
#: (what "best match" does without a search is said in the control's title).
SORTS: tuple[tuple[Sort, str], ...] = (
    ("relevance", "best match"),
    ("-date", "newest first"),
    ("date", "oldest first"),
)


def find_statements(store: Store, flt: StatementFilter, page: Page, sort: Sort) -> StatementPage:
    """One page of statements matching ``flt`` and how many match in all.

    ``relevance`` ranks full-text matches (newest first without a search); with more than
    :data:`RANK_WINDOW` matches only the most recently stored ones are ranked, and the
    answer says so (``ranked_within``). Totals count up to :data:`COUNT_CAP`
    (``total_is_lower_bound``), except the unfiltered listing, which is exact.
    """
    searching = bool(flt.search and flt.search.strip())
    order = "rank" if sort == "relevance" and searching else _ORDERS[sort]
    return store.statement_page(
        flt,
        limit=page.limit,
        offset=page.offset,
        order=order,
        rank_window=RANK_WINDOW,
        count_cap=COUNT_CAP,
    )


def statement_by_key(store: Store, key: str) -> StoredStatement | None:
    """A statement by its stable key ``<article id>:<position>`` (None when absent)."""
    article_id, sep, position = key.rpartition(":")
    # ASCII digits only: str.isdigit() is true of "²", which int() refuses (was a 500).
    if not sep or not (position.isascii() and position.isdigit()) or not article_id:
        return None
    for row in store.article_statements(article_id):
        if row.position == int(position):
            return row
    return None


def speaker_profile(store: Store, ref: str) -> SpeakerProfile | None:
    """The one profile of whoever ``ref`` names (:func:`onrecord.api.profiles.find_speaker`:
    a registry entity, else a name statements carry); None when nothing matches."""
    return profiles.find_speaker(ref, db=store, latest=LATEST)


def speaker_json(p: SpeakerProfile) -> dict[str, Any]:
    """A profile as the speaker endpoint and page show it: role names, activity by day and
    outlet, totals by outlet, the latest statements, and the query of its statements."""
    activity = [{"date": d or None, "outlet": o, "count": n} for d, o, n in p.per_day]
    dated = sorted(a["date"] for a in activity if a["date"] and a["date"][:1] != "-")
    by_outlet = dict(p.outlets)
    return {
        "id": p.id,
        "name": p.name,
        "type": p.type,
        "aliases": [a for a in p.aliases if a != p.name],
        "roles": list(dict.fromkeys(r.role for r in p.roles)),
        "affiliations": list(p.affiliations),
        "statements": p.statements,
        "outlets": sorted(by_outlet),
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
        "by_outlet": [
            {"outlet": o, "count": n}
            for o, n in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "activity": activity,
        "latest": [statement_json(s) for s in p.latest],
        "links": speaker_links(p.id),
        "statements_query": urlencode({"person": p.id} if p.registered else {"speaker": p.id}),
    }


def versions(store: Store, row: StoredStatement) -> list[StoredStatement]:
    """The statement as each report carried it, first report first (``row`` included), in
    the order ``/api/groups`` gives them (:mod:`onrecord.api.groups` decides which came
    first); a statement not linked to other reports is its own only version."""
    found = [
        statement_by_key(store, f"{item.article_id}:{item.position}")
        for item in groups.reports_of(row.id, db=store)
    ]
    return [s for s in found if s is not None] or [row]


#: Days a speaker page lists (the latest ones), each linked to the day view of compare.
SPEAKER_DAYS = 12
_DAY_RE = re.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}$")


def speaker_days(p: SpeakerProfile) -> list[dict[str, Any]]:
    """The latest days a registry speaker was reported, newest first, each with its
    statements, outlets and the address of its day view (``/compare?speaker=&date=``); none
    for a name the registry does not know, which the day view cannot take."""
    if not p.registered:
        return []
    days: dict[str, dict[str, Any]] = {}
    for d, outlet, n in p.per_day:
        if d and _DAY_RE.match(d):
            day = days.setdefault(d, {"date": d, "statements": 0, "outlets": []})
            day["statements"] += n
            day["outlets"].append(outlet)
    newest = sorted(days.values(), key=lambda d: (not d["date"].startswith("--"), d["date"]))
    shown = newest[::-1][:SPEAKER_DAYS]
    for day in shown:
        day["link"] = "/compare?" + urlencode({"speaker": p.id, "date": day["date"]})
    return shown
