"""Filtered searches give the same answer whichever query shape the store picks.

A filtered search with few matches checks the filters match by match; with many it checks
matches against the filter's statement ids (``search.PER_MATCH_MAX`` decides, see
``search.fts_source``). Searches without filters skip the superseded-revisions check when no
article has been revised. These tests force each shape on the same data and compare, and
check capped counts at the cap's boundary.
"""

from __future__ import annotations

import pytest

from onrecord.store import search
from onrecord.store.db import Order, StatementFilter, Store

SPEAKERS = ("Marta Kovalenko", "Ilya Brandt", "Sofia Lindqvist")
OUTLETS = ("Northwind Wire", "Eastgate Daily")


@pytest.fixture
def varied(store: Store, make_article) -> Store:
    """Twelve articles across outlets, months and speakers, all mentioning the harbour."""
    with store.transaction():
        for i in range(12):
            store.add_article(
                *make_article(
                    i,
                    outlet=OUTLETS[i % 2],
                    published=f"2023-{i % 6 + 1:02d}-{i + 1:02d}",
                    speaker=SPEAKERS[i % 3],
                    words=f"The harbour fees {'rise' if i % 4 else 'fall'} in round {i}",
                )
            )
    return store


FILTERS = [
    StatementFilter(search="harbour", outlet=OUTLETS[1]),
    StatementFilter(search="harbour", speaker="Brandt"),
    StatementFilter(search="fees rise", since="2023-02", until="2023-04"),
    StatementFilter(search="harbour OR meeting", kind="indirect"),
    StatementFilter(search="round -fall", outlet=OUTLETS[0], speaker="Kovalenko"),
    StatementFilter(search="nothing-like-this", outlet=OUTLETS[0]),
]
ORDERS: list[Order] = ["rank", "date", "-date"]


def answer(store: Store, flt: StatementFilter, order: Order) -> tuple[list[int], int]:
    rows = store.statements(flt, order=order)
    page = store.statement_page(flt, limit=3, order=order)
    assert [r.id for r in page.rows] == [r.id for r in rows[:3]]
    return [r.id for r in rows], page.total


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f"{f.search}|{f.outlet}|{f.speaker}")
def test_per_match_and_id_set_shapes_agree(
    varied: Store, flt: StatementFilter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "PER_MATCH_MAX", 10**6)
    assert search.plan(varied, flt).per_match
    per_match = {order: answer(varied, flt, order) for order in ORDERS}
    monkeypatch.setattr(search, "PER_MATCH_MAX", 0)
    assert not search.plan(varied, flt).per_match
    id_set = {order: answer(varied, flt, order) for order in ORDERS}
    assert per_match == id_set
    # And both agree with the filter applied without any search shape at all.
    unsearched = StatementFilter(
        outlet=flt.outlet, speaker=flt.speaker, kind=flt.kind, since=flt.since, until=flt.until
    )
    searched = {r.id for r in varied.statements(StatementFilter(search=flt.search))}
    expected = [r.id for r in varied.statements(unsearched) if r.id in searched]
    assert per_match["date"] == (expected, len(expected))


def test_search_hides_superseded_revisions(store: Store, make_article) -> None:
    url = "https://northwind.example/harbour-9"
    store.add_article(*make_article(9, url=url, words="The dredging plan is final"))
    assert [r.statement.content.text for r in store.statements(search="dredging")] == [
        "The dredging plan is final"
    ]
    store.add_article(*make_article(9, url=url, words="The dredging plan is on hold"))
    assert search.has_superseded(store)
    found = [r.statement.content.text for r in store.statements(search="dredging")]
    assert found == ["The dredging plan is on hold"]
    assert store.statements(search="final") == []
    assert store.statement_page(StatementFilter(search="dredging"), limit=5).total == 1
    assert len(store.statements(search="dredging", all_revisions=True)) == 2


@pytest.mark.parametrize(
    ("cap", "total", "lower"), [(None, 12, False), (13, 12, False), (12, 12, False), (11, 11, True)]
)
def test_search_count_cap_boundary(varied: Store, cap: int | None, total: int, lower: bool) -> None:
    page = varied.statement_page(StatementFilter(search="harbour"), limit=2, count_cap=cap)
    assert (page.total, page.total_is_lower_bound) == (total, lower)
    assert len(page.rows) == 2


def test_count_cap_applies_to_filtered_listings_not_the_full_one(varied: Store) -> None:
    full = varied.statement_page(StatementFilter(), limit=1, count_cap=5)
    assert (full.total, full.total_is_lower_bound) == (24, False)
    outlet = varied.statement_page(StatementFilter(outlet=OUTLETS[0]), limit=1, count_cap=5)
    assert (outlet.total, outlet.total_is_lower_bound) == (5, True)
    few = varied.statement_page(StatementFilter(outlet=OUTLETS[0]), limit=1, count_cap=12)
    assert (few.total, few.total_is_lower_bound) == (12, False)
