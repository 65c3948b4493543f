"""How every API function reaches the database: ``db`` as a path, an open Store, or None.

One place decides it, so that each function of :mod:`onrecord.api` takes the same ``db``
argument and closes only what it opened: a Store the caller passed stays open for the
caller's next call (the HTTP server keeps one per worker thread).
"""

from __future__ import annotations

import os

from onrecord.config import db_path
from onrecord.store.db import Store

#: What an API function takes as ``db``: a path, an open Store, or None for
#: ``--db``/``$ONRECORD_DB``/``./onrecord.db``.
DB = str | os.PathLike[str] | Store | None


def open_store(db: DB = None, *, create: bool = False) -> Store:
    """A Store for ``db`` (path, or ``--db``/``$ONRECORD_DB``/``./onrecord.db`` when None)."""
    if isinstance(db, Store):
        return db
    return Store(db_path(db), create=create)


class Using:
    """Context manager: a Store the caller passed stays open, one we opened is closed."""

    def __init__(self, db: DB, *, create: bool = False) -> None:
        self.owned = not isinstance(db, Store)
        self.store = open_store(db, create=create)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        if self.owned:
            self.store.close()
