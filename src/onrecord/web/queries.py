"""What the API and the pages ask of the store, in one place (no SQL: Store methods only).

Both the JSON endpoints and the HTML pages call these, so a page always shows exactly what
the API returns for the same question.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode

from onrecord.api import views
from onrecord.resolve import updates
from onrecord.store.db import (
    Order,
    SpeakerRow,
    StatementFilter,
    StatementPage,
    Store,
    StoredStatement,
)
from onrecord.store.registry import RecordStore
from onrecord.web.convert import speaker_links, statement_json
from onrecord.web.paging import Page

UNKNOWN_OUTLET = "unknown outlet"
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


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """One speaker as the speaker page shows it: a registry entity, or a bare name."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    activity: list[dict[str, Any]]  # [{date, outlet, count}], by date
    filter: StatementFilter  # selects the speaker's statements
    latest: list[StoredStatement]  # the most recent statements, newest first

    def to_json(self) -> dict[str, Any]:
        dated = sorted(a["date"] for a in self.activity if a["date"] and a["date"][:1] != "-")
        by_outlet: Counter[str] = Counter()
        for a in self.activity:
            by_outlet[a["outlet"]] += a["count"]
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "affiliations": list(self.affiliations),
            "statements": sum(by_outlet.values()),
            "outlets": sorted(by_outlet),
            "first": dated[0] if dated else None,
            "last": dated[-1] if dated else None,
            "by_outlet": [
                {"outlet": o, "count": n}
                for o, n in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "activity": self.activity,
            "latest": [statement_json(s) for s in self.latest],
            "links": speaker_links(self.id),
        }


def speaker_view(store: Store, ref: str) -> SpeakerView | None:
    """A speaker by registry id or a name the registry knows (its profile), else by the name
    statements carry (case-insensitive); None when nothing matches. A name that several
    registry entities share is a UsageError listing them (answered with 400)."""
    ref = " ".join(ref.split())
    if not ref:
        return None
    rs = RecordStore(store) if store.has_table("persons") else None
    if rs is not None and (rs.persons_named(ref) or updates.by_spelling(rs, ref)):
        return _profile_view(views.speaker(ref, db=store, latest=LATEST))
    for row in store.speakers(name=ref):
        if row.name.casefold() == ref.casefold():
            return _name_view(store, row)
    return None


def _profile_view(p: views.SpeakerProfile) -> SpeakerView:
    return SpeakerView(
        id=p.id,
        name=p.name,
        type=p.type,
        aliases=tuple(a for a in p.aliases if a != p.name),
        roles=tuple(dict.fromkeys(r.role for r in p.roles)),
        affiliations=p.affiliations,
        activity=[{"date": d or None, "outlet": o, "count": n} for d, o, n in p.per_day],
        filter=StatementFilter(person_id=p.id),
        latest=list(p.latest),
    )


def _name_view(store: Store, row: SpeakerRow) -> SpeakerView:
    """A name the registry does not know: its statements found by name."""
    flt = StatementFilter(speaker=row.name)
    counts: Counter[tuple[str, str]] = Counter()
    for s in store.iter_statements(flt):
        counts[(s.pub_date or "", s.outlet or UNKNOWN_OUTLET)] += 1
    return SpeakerView(
        id=row.name,
        name=row.name,
        type=row.type,
        aliases=(),
        roles=row.roles,
        affiliations=(),
        activity=[
            {"date": day, "outlet": outlet, "count": n}
            for (day, outlet), n in sorted(
                counts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])
            )
        ],
        filter=flt,
        latest=find_statements(store, flt, Page(LATEST, 0), "-date").rows,
    )


def statements_query(flt: StatementFilter) -> str:
    """The /api/statements query string for a speaker's filter."""
    if flt.person_id:
        return urlencode({"person": flt.person_id})
    return urlencode({"speaker": flt.speaker or ""})


def versions(store: Store, row: StoredStatement) -> list[StoredStatement]:
    """The statement as each report carried it, first report first (``row`` included).

    The record links reports of one remark (same person, few days apart, similar words:
    ``onrecord.resolve.links``) into a group; a statement not linked is its own only version.
    """
    if not store.has_table("link_members"):
        return [row]
    rs = RecordStore(store)
    group = rs.groups_of([row.id]).get(row.id)
    if group is None:
        return [row]
    found = [
        statement_by_key(store, f"{item.article_id}:{item.position}")
        for item in rs.group_members([group])
    ]
    members = [s for s in found if s is not None] or [row]
    return sorted(members, key=lambda s: (s.pub_date is None, s.published or "", s.id))


#: Days a speaker page lists (the latest ones), each linked to the day view of compare.
SPEAKER_DAYS = 12
_DAY_RE = re.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}$")


def speaker_days(store: Store, speaker: dict[str, Any]) -> list[dict[str, Any]]:
    """The latest days a registry speaker was reported (speaker JSON from
    :func:`speaker_view`), newest first, each with its statements, outlets and the address of
    its day view (``/compare?speaker=&date=``); none for a name the registry does not know,
    which the day view cannot take."""
    if not store.has_table("persons") or RecordStore(store).person(speaker["id"]) is None:
        return []
    days: dict[str, dict[str, Any]] = {}
    for a in speaker["activity"]:
        if a["date"] and _DAY_RE.match(a["date"]):
            day = days.setdefault(a["date"], {"date": a["date"], "statements": 0, "outlets": []})
            day["statements"] += a["count"]
            day["outlets"].append(a["outlet"])
    newest = sorted(days.values(), key=lambda d: (not d["date"].startswith("--"), d["date"]))
    shown = newest[::-1][:SPEAKER_DAYS]
    for day in shown:
        day["link"] = "/compare?" + urlencode({"speaker": speaker["id"], "date": day["date"]})
    return shown
