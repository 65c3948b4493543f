"""The speaker listing: one row per speaker with statements, articles, roles and outlets.

One aggregation, :class:`SpeakerSums`, makes every :class:`SpeakerRow`: ``onrecord speakers``
and ``/api/speakers`` feed it SQL aggregates (:func:`speaker_rows`), the Spark job's speakers
stage feeds it its statements' Parquet records (:func:`speaker_row_of_records`), so both give
the same row for the same statements. Roles and registry ids are listed in the order they
were first reported, by one chronological key (:data:`FIRST_SEEN_SQL`, :func:`first_seen`):
dated statements by date, then the undated and year-unknown ones, then the article's place
in ingest order and the statement's in its article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from onrecord.dates import sortable_date
from onrecord.store import search
from onrecord.store.corrections import (
    JOINED_GROUP,
    JOINED_NAME,
    JOINED_TYPE,
    PERSON_JOIN,
    outlet_sql,
    speaker_role_sql,
)
from onrecord.store.filters import StatementFilter
from onrecord.store.rows import SpeakerRow

if TYPE_CHECKING:
    from onrecord.store.connection import Connection

#: SQL: the earliest chronological position of the statements aggregated, as one comparable
#: string (the order of ``search.ORDER_CHRONO``); :func:`first_seen` writes the same string.
FIRST_SEEN_SQL = (
    "min(printf('%d%s%s%s%s%s%020d%s%020d', a.pub_date IS NULL, char(1),"
    " coalesce(a.pub_date, ''), char(1), coalesce(a.published, ''), char(1), a.seq,"
    " char(1), s.position))"
)


def first_seen(pub_date: str | None, published: str | None, seq: int, position: int) -> str:
    """A statement's chronological position as :data:`FIRST_SEEN_SQL` writes it."""
    parts = (str(int(pub_date is None)), pub_date or "", published or "")
    return "\x01".join((*parts, f"{seq:020d}", f"{position:020d}"))


class SpeakerSums:
    """One speaker's statements summed into a :class:`SpeakerRow`: per exact spelling of
    the name (:meth:`add_name`) and per (type, role, outlet, registry id) with when that was
    first reported (:meth:`add_detail`)."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.roles: dict[str, str] = {}  # role -> first seen (chronological key)
        self.outlets: set[str] = set()
        self.person_ids: dict[str, str] = {}  # id -> first seen
        self.count = 0
        self.articles = 0
        self.first: str | None = None
        self.last: str | None = None

    def add_name(
        self, name: str, count: int, articles: int, first: str | None, last: str | None
    ) -> None:
        """One exact spelling: its statements, articles and date range."""
        self.names[name] = count
        self.count += count
        self.articles += articles  # recounted by the caller when spellings are several
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last

    def add_detail(
        self,
        type_: str | None,
        role: str | None,
        outlet: str | None,
        person_id: str | None,
        count: int,
        seen: str,
    ) -> None:
        """One (type, role, outlet, person id) combination and when it was first reported."""
        if type_:
            self.types[type_] = self.types.get(type_, 0) + count
        if role and (role not in self.roles or seen < self.roles[role]):
            self.roles[role] = seen
        if outlet:
            self.outlets.add(outlet)
        if person_id and (person_id not in self.person_ids or seen < self.person_ids[person_id]):
            self.person_ids[person_id] = seen

    def row(self) -> SpeakerRow:
        return SpeakerRow(
            name=_most(self.names),
            type=_most(self.types) if self.types else "unknown",
            roles=tuple(sorted(self.roles, key=lambda r: (self.roles[r], r))),
            statements=self.count,
            articles=self.articles,
            outlets=tuple(sorted(self.outlets)),
            first=self.first,
            last=self.last,
            person_ids=tuple(sorted(self.person_ids, key=lambda p: (self.person_ids[p], p))),
        )


def _most(counts: dict[str, int]) -> str:
    """The most frequent key (the greatest key among equals, so the choice is stable)."""
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def speaker_row_of_records(records: Iterable[Mapping[str, Any]]) -> SpeakerRow:
    """One speaker's row from the Parquet records of its statements (the Spark job's
    speakers stage), summed as :func:`speaker_rows` sums the store's. The records carry no
    ingest order, so statements of one publication time follow their place in the article."""
    counts: Counter[str] = Counter()  # per exact spelling, as the store's totals
    articles: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    details: dict[tuple[Any, ...], tuple[int, str]] = {}
    for rec in records:
        name, pub_date = rec["speaker_name"], sortable_date(rec["published"])
        counts[name] += 1
        articles[name].add(rec["article_id"])
        dates[name] += [pub_date] if pub_date else []
        key = (rec["speaker_type"], rec["speaker_role"], rec["outlet"], rec["person_id"])
        seen = first_seen(pub_date, rec["published"], 0, rec["position"])
        n, earliest = details.get(key, (0, seen))
        details[key] = (n + 1, min(earliest, seen))
    sums = SpeakerSums()
    for name, count in counts.items():
        days = dates[name]
        sums.add_name(
            name, count, len(articles[name]), min(days, default=None), max(days, default=None)
        )
    sums.articles = len(set().union(*articles.values()))  # spellings may share articles
    for (type_, role, outlet, person_id), (count, seen) in details.items():
        sums.add_detail(type_, role, outlet, person_id, count, seen)
    return sums.row()


def speaker_rows(store: Connection, flt: StatementFilter) -> list[SpeakerRow]:
    """Every speaker of the statements ``flt`` selects, most statements first (see
    :meth:`onrecord.store.db.Store.speakers`).

    SQLite aggregates per (speaker, name) and per (speaker, name, type, role, outlet, person
    id); only those few rows reach Python, which merges spellings that case-fold alike.
    """
    where, params = search.filter_sql(store, flt)
    base = (
        f"FROM statements s JOIN articles a ON a.id = s.article_id {PERSON_JOIN}"
        f" WHERE s.speaker_name IS NOT NULL AND {where}"
    )
    totals = store.query(
        f"SELECT {JOINED_GROUP}, {JOINED_NAME}, count(*), count(DISTINCT s.article_id),"
        f" min(a.pub_date), max(a.pub_date) {base} GROUP BY 1, 2",
        params,
    )
    details = store.query(
        f"SELECT {JOINED_GROUP}, {JOINED_NAME}, {JOINED_TYPE}, {speaker_role_sql('s')},"
        f" {outlet_sql('a.outlet')}, s.person_id, count(*), {FIRST_SEEN_SQL} {base}"
        " GROUP BY 1, 2, 3, 4, 5, 6",
        params,
    )

    # An article-local speaker named like one shared entity is listed with it ("Meghan
    # cry" of one article with the shared "Meghan cry"), as the names read alike.
    shared: dict[str, set[str]] = {}
    for group, name_, *_ in totals:
        if group.startswith("p:"):
            shared.setdefault(name_.casefold(), set()).add(group)

    def key(group: str, name_: str) -> str:
        if group.startswith("p:"):
            return group
        same = shared.get(name_.casefold(), set())
        return next(iter(same)) if len(same) == 1 else "n:" + name_.casefold()

    groups: dict[str, SpeakerSums] = {}
    keys: dict[str, list[str]] = {}
    for group, name_, count, articles, first, last in totals:
        k = key(group, name_)
        groups.setdefault(k, SpeakerSums()).add_name(name_, count, articles, first, last)
        keys.setdefault(k, []).append(group)
    for group, name_, type_, role, outlet_, person_id, count, seen in details:
        groups[key(group, name_)].add_detail(type_, role, outlet_, person_id, count, seen)
    for k, sums in groups.items():
        if len(keys[k]) > 1:  # spellings may share articles: count them once
            marks = ", ".join("?" * len(keys[k]))
            sums.articles = int(
                store.query(
                    f"SELECT count(DISTINCT s.article_id) {base} AND {JOINED_GROUP} IN ({marks})",
                    [*params, *keys[k]],
                )[0][0]
            )
    return sorted((g.row() for g in groups.values()), key=lambda r: (-r.statements, r.name))
