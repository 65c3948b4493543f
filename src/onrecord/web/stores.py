"""One :class:`~onrecord.store.db.Store` per server thread.

The store wraps one SQLite connection and asks for one Store per thread; FastAPI runs plain
``def`` endpoints in a thread pool, so each worker thread lazily opens its own and keeps it
(opening runs the migration check, too slow to repeat per request). WAL mode lets these
readers run while an ingest writes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from onrecord.store.db import Store


class StorePool:
    """Lazily opened per-thread stores over one database file; ``close`` ends them all."""

    def __init__(self, path: Path, *, create: bool) -> None:
        self.path = path
        self._create = create
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, create=self._create)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            store.close()
        self._local = threading.local()
