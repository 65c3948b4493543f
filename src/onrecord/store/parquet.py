"""The Parquet form of the record: three tables with fixed Arrow schemas.

``onrecord export --format parquet --output DIR`` writes, and the Spark job writes the same
schemas from Spark (``spark/job.py``), so either output can be queried by the same code or
imported back (``store/parquet_import.py``). The layout under ``DIR``::

    articles/date=2022-03-21/outlet=Interfax/part-0.parquet
    statements/date=2022-03-21/outlet=Northwind%20Wire/part-0.parquet
    speakers/part-0.parquet

Partitioning is Hive style by publication ``date`` then ``outlet`` (both strings), because
analyses almost always select a period and a set of outlets. ``date`` is ``YYYY-MM-DD`` (or
``YYYY-MM`` / ``YYYY`` at lower precision) and ``unknown`` when the year is not known; a
missing outlet is Hive's null partition ``__HIVE_DEFAULT_PARTITION__`` (pyarrow and Spark
agree on it). Values are percent-encoded in folder names (space ``%20``, ``/`` ``%2F``);
pyarrow and Spark both decode them on reading. The partition columns are part of the
schemas below but live in the folder names, not in the files: read with :func:`read_table`
(or Spark's ``spark.read.parquet(DIR + "/statements")``) to get them back as columns.

Spans are flattened to ``*_start``/``*_end``/text columns (Spark SQL handles flat columns
best); ``fragments`` is ``list<list<int32>>``; ``meta`` is a JSON string. The columns are the
fields ``onrecord.schema`` declares for Parquet, typed by their kind, in declaration order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from onrecord.dates import partition_date
from onrecord.errors import UsageError
from onrecord.model import Article, Statement
from onrecord.schema import ARTICLES, SPEAKERS, STATEMENTS, Field, Table
from onrecord.store.db import ArticleRow, SpeakerRow, StatementFilter, Store, StoredStatement
from onrecord.store.filters import article_options
from onrecord.store.records import (
    article_from_record,
    article_values,
    statement_from_values,
    statement_record,
)

__all__ = [
    "ARTICLES_SCHEMA",
    "PARTITIONED",
    "PARTITION_COLUMNS",
    "SCHEMAS",
    "SPEAKERS_SCHEMA",
    "STATEMENTS_SCHEMA",
    "ParquetCounts",
    "article_from_record",
    "article_record",
    "article_record_from_model",
    "export_parquet",
    "read_table",
    "speaker_record",
    "statement_from_record",
    "statement_record",
    "stored_statement_record",
    "write_records",
]

#: Partition columns, in folder order.
PARTITION_COLUMNS: tuple[str, ...] = ("date", "outlet")

_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int32(),
    "long": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "json": pa.string(),  # a JSON object as text
    "pairs": pa.list_(pa.list_(pa.int32())),
    "strings": pa.list_(pa.string()),
}


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a declared table: its Parquet fields in declaration order."""
    return pa.schema(
        [pa.field(f.name, _TYPES[f.kind], nullable=not f.required) for f in table.in_parquet]
    )


ARTICLES_SCHEMA = arrow_schema(ARTICLES)
STATEMENTS_SCHEMA = arrow_schema(STATEMENTS)
SPEAKERS_SCHEMA = arrow_schema(SPEAKERS)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES_SCHEMA,
    "statements": STATEMENTS_SCHEMA,
    "speakers": SPEAKERS_SCHEMA,
}
PARTITIONED: frozenset[str] = frozenset({"articles", "statements"})


# --------------------------------------------------------------------------- records


def _cell(f: Field, value: Any) -> Any:
    """A value as its Parquet column holds it (a JSON object as text, None when empty)."""
    if f.kind == "json":
        return json.dumps(value, ensure_ascii=False, default=str) if value else None
    return value


def _record(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    return {f.name: _cell(f, values.get(f.name)) for f in table.in_parquet}


def article_record(row: ArticleRow) -> dict[str, Any]:
    """One ``articles`` record (``row`` must carry its text)."""
    if row.text is None:
        raise ValueError(f"article {row.id}: text not loaded")
    return _record(ARTICLES, {**row.values, "date": partition_date(row.published)})


def article_record_from_model(
    article: Article, *, statement_count: int, ingested_at: str | None = None
) -> dict[str, Any]:
    """One ``articles`` record straight from a model Article (the Spark job: no store, so
    every article is a first, latest revision keyed by its content id)."""
    values = article_values(article)
    values.update(
        revision_of=None,
        revision=1,
        latest=True,
        ingested_at=ingested_at,
        statement_count=statement_count,
    )
    return _record(ARTICLES, values)


def stored_statement_record(s: StoredStatement) -> dict[str, Any]:
    """One ``statements`` record from a stored statement."""
    return _record(STATEMENTS, {**s.values, "date": partition_date(s.published)})


def speaker_record(row: SpeakerRow) -> dict[str, Any]:
    """One ``speakers`` record."""
    return row.to_json()


def statement_from_record(rec: Mapping[str, Any]) -> Statement:
    """The model Statement back from a ``statements`` record (for imports)."""
    return statement_from_values(rec)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class ParquetCounts:
    """Rows written per table."""

    articles: int
    statements: int
    speakers: int


def _batches(
    records: Iterable[dict[str, Any]], schema: pa.Schema, size: int, counter: list[int]
) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            counter[0] += len(chunk)
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        counter[0] += len(chunk)
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def write_records(
    records: Iterable[dict[str, Any]], table: str, out_dir: Path, *, chunk: int = 2000
) -> int:
    """Write one table's records under ``out_dir/<table>`` in the layout above; return rows."""
    import pyarrow.dataset as ds

    schema = SCHEMAS[table]
    counter = [0]
    target = out_dir / table
    partitioning = None
    if table in PARTITIONED:
        partitioning = ds.partitioning(
            pa.schema([schema.field(c) for c in PARTITION_COLUMNS]), flavor="hive"
        )
    ds.write_dataset(
        _batches(records, schema, chunk, counter),
        target,
        schema=schema,
        format="parquet",
        partitioning=partitioning,
        basename_template="part-{i}.parquet",
        existing_data_behavior="error",
    )
    return counter[0]


def export_parquet(
    store: Store, out_dir: Path, filters: StatementFilter | None = None
) -> ParquetCounts:
    """Write articles, statements and speakers of ``store`` to ``out_dir`` (must be new/empty).

    ``filters`` (outlet, since, until, language, all_revisions) select the articles;
    statements follow their articles and the statement filters; the speakers table
    summarises exactly the statements written.
    """
    flt = filters or StatementFilter()
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise UsageError(f"{out_dir}: output folder exists and is not empty")
    out_dir.mkdir(parents=True, exist_ok=True)

    def article_records() -> Iterator[dict[str, Any]]:
        for row in store.articles(with_text=True, **article_options(flt)):
            yield article_record(row)

    n_articles = write_records(article_records(), "articles", out_dir)
    n_statements = write_records(
        (stored_statement_record(s) for s in store.iter_statements(flt)), "statements", out_dir
    )
    speakers = store.speakers(flt)
    n_speakers = write_records((speaker_record(s) for s in speakers), "speakers", out_dir)
    return ParquetCounts(n_articles, n_statements, n_speakers)


def read_table(root: Path, table: str) -> pa.Table:
    """Read one table written by :func:`export_parquet` or the Spark job, partition columns
    restored with their schema types (not inferred: an outlet named "2022" stays a string)."""
    import pyarrow.dataset as ds

    schema = SCHEMAS[table]
    partitioning = None
    if table in PARTITIONED:
        partitioning = ds.partitioning(
            pa.schema([schema.field(c) for c in PARTITION_COLUMNS]), flavor="hive"
        )
    dataset = ds.dataset(root / table, format="parquet", partitioning=partitioning, schema=schema)
    return dataset.to_table()
