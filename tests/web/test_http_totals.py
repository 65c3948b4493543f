"""Capped totals and bounded ranking as /api/statements reports them.

Searches and filtered listings stop counting at ``queries.COUNT_CAP`` and relevance ranks
at most ``queries.RANK_WINDOW`` matches (both keep a common word fast on a large store); the
answer must then say so (``total_is_lower_bound``, ``ranked_within``) and still link to the
next page. The caps are lowered here so the small invented corpus crosses them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.store.db import Store
from onrecord.web import queries
from support.web_corpus import OUTLET_B, SPEAKER

SURNAME = SPEAKER.split()[-1]


def body(client: TestClient, **params: str) -> dict[str, Any]:
    r = client.get("/api/statements", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_uncapped_search_total_is_exact(client: TestClient) -> None:
    found = body(client, search=SURNAME)
    assert found["total"] == len(found["items"]) >= 3
    assert found["total_is_lower_bound"] is False
    assert found["ranked_within"] is None
    assert found["links"]["next"] is None


def test_search_total_stops_at_the_cap_and_says_so(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = body(client, search=SURNAME)["total"]
    monkeypatch.setattr(queries, "COUNT_CAP", exact - 1)
    capped = body(client, search=SURNAME, limit=str(exact - 1))
    assert capped["total"] == exact - 1
    assert capped["total_is_lower_bound"] is True
    # A full page of a lower-bound total always links on; the next page holds the rest.
    assert capped["links"]["next"] is not None
    rest = client.get(capped["links"]["next"]).json()
    assert len(rest["items"]) == 1
    # Exactly at the cap is still exact: nothing was left uncounted.
    monkeypatch.setattr(queries, "COUNT_CAP", exact)
    at_cap = body(client, search=SURNAME)
    assert (at_cap["total"], at_cap["total_is_lower_bound"]) == (exact, False)


def test_filtered_listing_is_capped_but_the_full_listing_is_exact(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = body(client)["total"]
    by_outlet = body(client, outlet=OUTLET_B)["total"]
    assert by_outlet >= 2
    monkeypatch.setattr(queries, "COUNT_CAP", 1)
    full = body(client)
    assert (full["total"], full["total_is_lower_bound"]) == (everything, False)
    capped = body(client, outlet=OUTLET_B, limit="1")
    assert (capped["total"], capped["total_is_lower_bound"]) == (1, True)
    assert capped["links"]["next"] is not None


def test_relevance_over_more_matches_than_the_window_says_so(
    client: TestClient, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = body(client, search=SURNAME)
    monkeypatch.setattr(queries, "RANK_WINDOW", 2)
    windowed = body(client, search=SURNAME)
    assert windowed["ranked_within"] == 2
    assert windowed["total"] == every["total"]  # the count is not limited by the window
    # Only the two most recently stored matches (highest statement ids) are ranked.
    with Store(corpus_db) as store:
        stored = sorted(store.statements(search=SURNAME), key=lambda s: s.id)
    assert len(stored) == every["total"]
    newest_two = {s.key for s in stored[-2:]}
    assert {s["id"] for s in windowed["items"]} == newest_two
    # Newest first needs no ranking: no window reported.
    assert body(client, search=SURNAME, sort="-date")["ranked_within"] is None


def test_docs_page_explains_the_caps(client: TestClient) -> None:
    page = client.get("/docs", headers={"accept": "text/html"}).text
    assert "total_is_lower_bound" in page and "ranked_within" in page
    assert f"{queries.COUNT_CAP:,}" in page and f"{queries.RANK_WINDOW:,}" in page
