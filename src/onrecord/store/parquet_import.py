"""Loading a Parquet record (``onrecord spark-extract`` or ``export --format parquet`` output)
into the embedded store.

Why through :meth:`Store.add_article` and not a bulk insert: the store's own rules then apply
unchanged (content-id keys, so importing the same folder twice changes nothing; revision
bookkeeping; FTS triggers), and a crash loses at most the unfinished batch, because each batch
is one transaction. The folder is read one (date, outlet) partition at a time, articles and
their statements together, so memory stays bounded by the largest partition rather than the
whole output.

Cross-article steps (the speaker registry, cross-outlet links) are not run here: the caller
runs them once after the load (``onrecord import-parquet`` does).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from onrecord.counts import counted
from onrecord.dates import UNKNOWN_DATE
from onrecord.errors import InputError, UsageError
from onrecord.model import Article, Statement
from onrecord.store.db import Store
from onrecord.store.parquet import (
    PARTITION_COLUMNS,
    SCHEMAS,
    article_from_record,
    statement_from_record,
)

#: The errors table the Spark job writes beside the record tables (not imported: reported).
ERRORS_TABLE = "errors"


@dataclass
class ImportReport:
    """What one import did: articles by outcome, statements stored, failed-records count."""

    new: int = 0
    duplicate: int = 0
    revision: int = 0
    statements: int = 0
    batches: int = 0
    spark_errors: int = 0  # rows of the job's errors table (records the job could not read)

    @property
    def articles(self) -> int:
        return self.new + self.duplicate + self.revision

    def summary(self) -> str:
        text = (
            f"{counted(self.articles, 'article')}: {self.new} new, {self.duplicate} duplicate, "
            f"{self.revision} revision; {counted(self.statements, 'statement')} stored"
        )
        if self.spark_errors:
            text += (
                f"; {counted(self.spark_errors, 'record')} had failed in the job"
                " (see its errors table)"
            )
        return text


def _dataset(root: Path, table: str) -> Any:
    """The table as a pyarrow dataset, partition columns typed by the schema (not inferred)."""
    import pyarrow.dataset as ds

    schema = SCHEMAS[table]
    partitioning = ds.partitioning(
        pa.schema([schema.field(c) for c in PARTITION_COLUMNS]), flavor="hive"
    )
    return ds.dataset(root / table, format="parquet", partitioning=partitioning, schema=schema)


def _partitions(articles: Any) -> list[tuple[str, str | None]]:
    """The (date, outlet) pairs present, dated ones first in date order, unknown dates last."""
    pairs = articles.to_table(columns=list(PARTITION_COLUMNS)).group_by(list(PARTITION_COLUMNS))
    keys = pairs.aggregate([]).to_pylist()
    found = {(k["date"], k["outlet"]) for k in keys}
    return sorted(found, key=lambda p: (p[0] == UNKNOWN_DATE, p[0], p[1] is None, p[1] or ""))


def _filter(date: str, outlet: str | None) -> Any:
    import pyarrow.dataset as ds

    by_outlet = ds.field("outlet").is_null() if outlet is None else ds.field("outlet") == outlet
    return (ds.field("date") == date) & by_outlet


def input_order(source: str | None) -> tuple[Any, ...]:
    """Sort key giving input order from a source string ("a.jsonl:9" before "a.jsonl:10").

    Shared with the Spark job, which keeps the first of two identical articles by it.
    """
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", source or ""))


def read_record(root: str | Path) -> Iterator[tuple[Article, list[Statement]]]:
    """Every article of a Parquet record folder with its statements, in position order.

    Articles come partition by partition, within one in input order (their ``source``), so
    revisions are numbered as a sequential ingest of the same inputs would number them.
    A statement whose article is missing is an InputError naming the folder.
    """
    folder = Path(root)
    for table in ("articles", "statements"):
        if not (folder / table).is_dir():
            raise UsageError(f"{folder}: not a Parquet record (no {table}/ folder)")
    articles = _dataset(folder, "articles")
    statements = _dataset(folder, "statements")
    for date, outlet in _partitions(articles):
        where = _filter(date, outlet)
        by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for rec in statements.to_table(filter=where).to_pylist():
            by_article[rec["article_id"]].append(rec)
        recs = articles.to_table(filter=where).to_pylist()
        recs.sort(key=lambda r: (input_order(r.get("source")), r["doc_id"], r["id"]))
        for rec in recs:
            found = sorted(by_article.pop(rec["id"], []), key=lambda r: r["position"])
            yield article_from_record(rec), [statement_from_record(r) for r in found]
        if by_article:
            orphan = next(iter(by_article))
            raise InputError(
                f"statements of article {orphan} ({date}, {outlet}) have no article row",
                source=str(folder),
            )


def count_errors(root: str | Path) -> int:
    """Rows in the job's ``errors`` table (0 when the folder has none, e.g. an export)."""
    import pyarrow.dataset as ds

    path = Path(root) / ERRORS_TABLE
    if not path.is_dir():
        return 0
    return int(ds.dataset(path, format="parquet").count_rows())


def load_record(store: Store, root: str | Path, *, batch: int = 500) -> ImportReport:
    """Store every article of the folder with its statements (one transaction per batch).

    Idempotent: an article already stored (same content id) is a no-op, so a second import,
    or a rerun after a crash, changes nothing that is there and completes the rest.
    """
    if batch < 1:
        raise UsageError(f"batch {batch}: must be at least 1", param="batch")
    report = ImportReport(spark_errors=count_errors(root))
    pending: list[tuple[Article, list[Statement]]] = []

    def flush() -> None:
        with store.transaction():
            outcomes = [store.add_article(a, s) for a, s in pending]
        report.batches += 1
        for outcome in outcomes:
            setattr(report, outcome.status, getattr(report, outcome.status) + 1)
            report.statements += outcome.statements
        pending.clear()

    for item in read_record(root):
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return report
