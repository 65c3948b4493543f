"""The search page shows a capped total as a lower bound ("N+ statements")."""

from __future__ import annotations

from typing import Any

import pytest

from onrecord.web import queries
from support.web_corpus import SPEAKER, type_search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def status_after_search(page: Any, base: str, words: str) -> str:
    type_search(page, base, words)
    return str(page.locator("#status").inner_text())


def test_capped_total_reads_as_lower_bound(
    page: Any, live_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    surname = SPEAKER.split()[-1]
    exact = status_after_search(page, live_server, surname)
    assert exact.split()[0].isdigit() and int(exact.split()[0]) > 2, exact
    monkeypatch.setattr(queries, "COUNT_CAP", 2)  # the live server runs in this process
    assert status_after_search(page, live_server, surname).startswith("2+ statements")
