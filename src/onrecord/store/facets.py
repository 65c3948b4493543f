"""Facet counts of a statement listing: how its matches divide by speaker, outlet, kind and
year, shown beside the results (as Datasette shows a table's facets) so a reader sees at a
glance who said it, where, and when, and narrows the search with one click.

Why counted over at most :data:`FACET_CAP` matches: a common word matches tens of thousands
of statements, and grouping them all on every keystroke would cost more than the page itself.
The most recently stored matches are counted (as relevance ranks only the newest ones) and
the answer says when there were more (``partial``). Names are those readers see (the
registry's and the user's corrections, ``store/corrections.py``), so a facet agrees with the
cards beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from onrecord.store.corrections import JOINED_GROUP, JOINED_NAME, PERSON_JOIN, outlet_sql
from onrecord.store.db import StatementFilter, Store

Facet = Literal["speaker", "outlet", "kind", "year"]
FACETS: tuple[Facet, ...] = ("speaker", "outlet", "kind", "year")
#: Matches counted at most (the newest stored ones); more make the counts ``partial``. Reading
#: a match's statement and article costs about 10 us (2026-12, 100,000 statements on the
#: 2-core machine: 5,000 matches take about 50 ms), so this bounds what a facet costs.
FACET_CAP = 5_000
#: Values shown per facet, most frequent first.
FACET_SIZE = 10


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet and its count. ``value`` is what a filter takes (None: the
    statements that have no value, such as an unknown year, which no filter selects);
    ``person_id`` is the registry entity of a speaker value, when it has one."""

    value: str | None
    count: int
    person_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "count": self.count}
        if self.person_id:
            out["person_id"] = self.person_id
        return out


@dataclass(frozen=True, slots=True)
class FacetCounts:
    """Each facet's most frequent values; ``more[f]``: facet ``f`` has values not shown;
    ``counted``: the matches counted; ``partial``: more matched than were counted."""

    facets: dict[str, list[FacetValue]]
    more: dict[str, bool]
    counted: int
    partial: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "counted": self.counted,
            "partial": self.partial,
            "facets": {
                name: {"values": [v.to_json() for v in values], "more": self.more[name]}
                for name, values in self.facets.items()
            },
        }


def _group(facet: Facet) -> tuple[str, str, str]:
    """SQL over ``shown``: (the value shown, the person id or NULL, what groups the rows)."""
    if facet == "speaker":
        return "max(speaker)", "max(person_id)", "speaker_group"
    return f"max({facet})", "NULL", f"{facet} COLLATE NOCASE" if facet == "outlet" else facet


def statement_facets(
    store: Store,
    flt: StatementFilter,
    facets: tuple[Facet, ...] = FACETS,
    *,
    size: int = FACET_SIZE,
    cap: int = FACET_CAP,
) -> FacetCounts:
    """The counts of ``facets`` over the statements ``flt`` matches (see the module
    docstring): at most ``size`` values each, most frequent first (then by value)."""
    ids_sql, args = store.matching_ids(flt, limit=cap + 1)
    parts = ["SELECT '', NULL, NULL, (SELECT count(*) FROM ids)"]
    params: list[Any] = [*args, cap]
    for facet in facets:
        shown, person, group = _group(facet)
        parts.append(
            f"SELECT * FROM (SELECT '{facet}', {shown}, {person}, sum(n) FROM base"
            f" GROUP BY {group} ORDER BY sum(n) DESC, {shown} IS NULL, {shown} LIMIT ?)"
        )
        params.append(size + 1)
    # The matches' rows are read once and grouped by what the facets need as stored (few
    # combinations); the names readers see are worked out per combination, not per match.
    sql = f"""
        WITH ids AS MATERIALIZED ({ids_sql}),
        stored AS MATERIALIZED (
            SELECT s.kind AS kind, a.outlet AS outlet, substr(a.pub_date, 1, 4) AS year,
                s.person_id AS person_id, s.speaker_name AS speaker_name, count(*) AS n
            FROM (SELECT id FROM ids LIMIT ?) i
            CROSS JOIN statements s ON s.id = i.id
            CROSS JOIN articles a ON a.id = s.article_id
            GROUP BY 1, 2, 3, 4, 5
        ),
        base AS MATERIALIZED (
            SELECT s.kind AS kind, {outlet_sql("s.outlet")} AS outlet, s.year AS year,
                {JOINED_NAME} AS speaker,
                (CASE WHEN p.scope = '' THEN p.id END) AS person_id,
                (CASE WHEN {JOINED_NAME} IS NOT NULL THEN {JOINED_GROUP} END) AS speaker_group,
                s.n AS n
            FROM stored s {PERSON_JOIN}
        )
        {" UNION ALL ".join(parts)}"""
    rows = store.query(sql, params)
    found = int(rows[0][3])
    out: dict[str, list[FacetValue]] = {f: [] for f in facets}
    for facet, value, person_id, count in rows[1:]:
        out[facet].append(FacetValue(value, int(count), person_id))
    more = {f: len(v) > size for f, v in out.items()}
    return FacetCounts(
        {f: v[:size] for f, v in out.items()}, more, min(found, cap), partial=found > cap
    )
