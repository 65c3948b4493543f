"""store stage: the SQLite record (db.py), its migrations, and the Parquet form (parquet.py)."""

from onrecord.store.db import (
    AddOutcome,
    ArticleRow,
    SpeakerRow,
    StatementFilter,
    Store,
    StoreCounts,
    StoredStatement,
)

__all__ = [
    "AddOutcome",
    "ArticleRow",
    "SpeakerRow",
    "StatementFilter",
    "Store",
    "StoreCounts",
    "StoredStatement",
]
