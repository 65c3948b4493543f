"""What the record's SQL classes share: the store they read and write, and its helpers.

The record's SQL (``registry.py``: who is who; ``record_links.py``: linked statements and
events) works on the :class:`~onrecord.store.db.Store`'s connection, so it joins the
caller's transaction (ingest's batch) when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from onrecord.store.db import Store


def now() -> str:
    """The time a record row is written, as stored (UTC, seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class RecordBase:
    """The record's reads and writes on one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.store.query(sql, params)

    def _rows_by_id(self, select: str, column: str, ids: Iterable[int]) -> dict[int, Any]:
        """The rows of ``select`` whose integer ``column`` is one of ``ids``, keyed by their
        first column; asked in pieces small enough for one ``IN (?, ...)`` list each."""
        wanted = sorted(set(ids))
        out: dict[int, Any] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            out.update(
                (int(r[0]), r) for r in self._all(f"{select} WHERE {column} IN ({marks})", chunk)
            )
        return out

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(sql, params).rowcount
