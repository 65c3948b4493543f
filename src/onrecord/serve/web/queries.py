"""What the API and the pages ask of the store, in one place (no SQL: Store methods only).

Both the JSON endpoints and the HTML pages call these, so a page always shows exactly what
the API returns for the same question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode

from onrecord.serve.web.convert import speaker_links
from onrecord.serve.web.paging import Page
from onrecord.store.db import SpeakerRow, StatementFilter, Store, StoredStatement
from onrecord.store.record import PersonRow, RecordStore

UNKNOWN_OUTLET = "unknown outlet"

Sort = Literal["relevance", "date", "-date"]
SORTS: tuple[tuple[Sort, str], ...] = (
    ("relevance", "best match (newest without search)"),
    ("-date", "newest first"),
    ("date", "oldest first"),
)


def find_statements(
    store: Store, flt: StatementFilter, page: Page, sort: Sort
) -> tuple[list[StoredStatement], int]:
    """One page of statements matching ``flt`` and how many match in all.

    ``relevance`` ranks full-text matches (falls back to newest first without a search);
    the store lists oldest first, so newest first reads the mirrored window and reverses it.
    """
    total = store.count_statements(flt)
    if sort == "relevance" and flt.search and flt.search.strip():
        rows = store.statements(flt, limit=page.limit, offset=page.offset, order="rank")
    elif sort == "date":
        rows = store.statements(flt, limit=page.limit, offset=page.offset)
    else:
        count = min(page.limit, total - page.offset)
        if count <= 0:
            return [], total
        start = total - page.offset - count
        rows = store.statements(flt, limit=count, offset=start)[::-1]
    return rows, total


def statement_by_key(store: Store, key: str) -> StoredStatement | None:
    """A statement by its stable key ``<article id>:<position>`` (None when absent)."""
    article_id, sep, position = key.rpartition(":")
    if not sep or not position.isdigit() or not article_id:
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
            "links": speaker_links(self.id),
        }


def speaker_view(store: Store, ref: str) -> SpeakerView | None:
    """A speaker by registry id, by a name the registry knows, else by the name statements
    carry (case-insensitive); None when nothing matches."""
    ref = ref.strip()
    if not ref:
        return None
    if store.has_table("persons"):
        rs = RecordStore(store)
        person = rs.person(ref) or _only(p for p in rs.persons_named(ref) if not p.scope)
        if person is not None:
            return _person_view(rs, person)
    for row in store.speakers(name=ref):
        if row.name.casefold() == ref.casefold():
            return _name_view(store, row)
    return None


def _only(items: Iterable[PersonRow]) -> PersonRow | None:
    found = list(items)
    return found[0] if len(found) == 1 else None


def _person_view(rs: RecordStore, person: PersonRow) -> SpeakerView:
    roles = dict.fromkeys(r[0] for r in rs.roles_of(person.id))
    return SpeakerView(
        id=person.id,
        name=person.name,
        type=person.type,
        aliases=tuple(a.alias for a in rs.aliases_of(person.id) if a.alias != person.name),
        roles=tuple(roles),
        affiliations=tuple(a for a, _ in rs.affiliations_of(person.id)),
        activity=[
            {"date": day, "outlet": outlet or UNKNOWN_OUTLET, "count": n}
            for day, outlet, n in rs.per_day(person.id)
        ],
        filter=StatementFilter(person_id=person.id),
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
    if not row.person_id or not store.has_table("link_members"):
        return [row]
    rs = RecordStore(store)
    group = next((i.group_id for i in rs.person_statements(row.person_id) if i.id == row.id), None)
    if group is None:
        return [row]
    found = [
        statement_by_key(store, f"{item.article_id}:{item.position}")
        for item in rs.group_members([group])
    ]
    members = [s for s in found if s is not None] or [row]
    return sorted(members, key=lambda s: (s.pub_date is None, s.published or "", s.id))
