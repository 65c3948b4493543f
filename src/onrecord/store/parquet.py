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
best); ``fragments`` is ``list<list<int32>>``; ``meta`` is a JSON string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from onrecord.errors import UsageError
from onrecord.model import Article, Span, Speaker, Statement, date_precision
from onrecord.store.db import ArticleRow, SpeakerRow, StatementFilter, Store, StoredStatement

#: Partition columns, in folder order.
PARTITION_COLUMNS: tuple[str, ...] = ("date", "outlet")
UNKNOWN_DATE = "unknown"

ARTICLES_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),  # content id
        pa.field("doc_id", pa.string(), nullable=False),  # caller's id
        pa.field("revision_key", pa.string()),
        pa.field("revision_of", pa.string()),
        pa.field("revision", pa.int32(), nullable=False),
        pa.field("latest", pa.bool_(), nullable=False),
        pa.field("published", pa.string()),  # reduced-precision ISO 8601
        pa.field("published_precision", pa.string()),
        pa.field("dateline", pa.string()),
        pa.field("headline", pa.string()),
        pa.field("subheadline", pa.string()),
        pa.field("byline", pa.string()),
        pa.field("url", pa.string()),
        pa.field("language", pa.string()),
        pa.field("source", pa.string()),
        pa.field("body_start", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("meta", pa.string()),  # JSON object
        pa.field("ingested_at", pa.string()),
        pa.field("statement_count", pa.int32(), nullable=False),
        pa.field("date", pa.string(), nullable=False),  # partition
        pa.field("outlet", pa.string()),  # partition
    ]
)

STATEMENTS_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),  # "<article id>:<position>"
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("content_start", pa.int32(), nullable=False),
        pa.field("content_end", pa.int32(), nullable=False),
        pa.field("content", pa.string(), nullable=False),
        pa.field("fragments", pa.list_(pa.list_(pa.int32()))),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_type", pa.string()),
        pa.field("mention_start", pa.int32()),
        pa.field("mention_end", pa.int32()),
        pa.field("mention", pa.string()),
        pa.field("speaker_role", pa.string()),
        pa.field("speaker_affiliation", pa.string()),
        pa.field("cue_start", pa.int32()),
        pa.field("cue_end", pa.int32()),
        pa.field("cue", pa.string()),
        pa.field("addressee", pa.string()),
        pa.field("occasion", pa.string()),
        pa.field("when", pa.string()),
        pa.field("when_precision", pa.string()),
        pa.field("confidence", pa.float64()),
        pa.field("source", pa.string()),
        pa.field("act", pa.string()),
        pa.field("person_id", pa.string()),
        pa.field("published", pa.string()),
        pa.field("headline", pa.string()),
        pa.field("url", pa.string()),
        pa.field("date", pa.string(), nullable=False),  # partition
        pa.field("outlet", pa.string()),  # partition
    ]
)

SPEAKERS_SCHEMA = pa.schema(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("roles", pa.list_(pa.string())),
        pa.field("statements", pa.int64(), nullable=False),
        pa.field("articles", pa.int64(), nullable=False),
        pa.field("outlets", pa.list_(pa.string())),
        pa.field("first", pa.string()),
        pa.field("last", pa.string()),
        pa.field("person_ids", pa.list_(pa.string())),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES_SCHEMA,
    "statements": STATEMENTS_SCHEMA,
    "speakers": SPEAKERS_SCHEMA,
}
PARTITIONED: frozenset[str] = frozenset({"articles", "statements"})


def partition_date(published: str | None) -> str:
    """The ``date`` partition value: the date part when the year is known, else ``unknown``."""
    precision = date_precision(published)
    if published is None or precision is None or precision.endswith("no-year"):
        return UNKNOWN_DATE
    return published[:10]


# --------------------------------------------------------------------------- records


def article_record(row: ArticleRow) -> dict[str, Any]:
    """One ``articles`` record (``row`` must carry its text)."""
    if row.text is None:
        raise ValueError(f"article {row.id}: text not loaded")
    return {
        "id": row.id,
        "doc_id": row.doc_id,
        "revision_key": row.revision_key,
        "revision_of": row.revision_of,
        "revision": row.revision,
        "latest": row.latest,
        "published": row.published,
        "published_precision": row.published_precision,
        "dateline": row.dateline,
        "headline": row.headline,
        "subheadline": row.subheadline,
        "byline": row.byline,
        "url": row.url,
        "language": row.language,
        "source": row.source,
        "body_start": row.body_start,
        "text": row.text,
        "meta": json.dumps(row.meta, ensure_ascii=False, default=str) if row.meta else None,
        "ingested_at": row.ingested_at,
        "statement_count": row.statement_count,
        "date": partition_date(row.published),
        "outlet": row.outlet,
    }


def article_record_from_model(
    article: Article, *, statement_count: int, ingested_at: str | None = None
) -> dict[str, Any]:
    """One ``articles`` record straight from a model Article (the Spark job: no store, so
    every article is a first, latest revision keyed by its content id)."""
    return {
        "id": article.content_id,
        "doc_id": article.id or article.content_id,
        "revision_key": article.revision_key,
        "revision_of": None,
        "revision": 1,
        "latest": True,
        "published": article.published,
        "published_precision": article.published_precision or date_precision(article.published),
        "dateline": article.dateline,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "byline": article.byline,
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "body_start": article.body_start,
        "text": article.text,
        "meta": json.dumps(article.meta, ensure_ascii=False, default=str) if article.meta else None,
        "ingested_at": ingested_at,
        "statement_count": statement_count,
        "date": partition_date(article.published),
        "outlet": article.outlet,
    }


def statement_record(
    st: Statement,
    *,
    article_id: str,
    doc_id: str,
    position: int,
    outlet: str | None,
    published: str | None,
    headline: str | None = None,
    url: str | None = None,
    person_id: str | None = None,
) -> dict[str, Any]:
    """One ``statements`` record from a model Statement and its article's facts.

    Takes plain values rather than a store row so the Spark job can build records straight
    from extraction output.
    """
    sp = st.speaker
    mention = sp.mention if sp else None
    return {
        "id": f"{article_id}:{position}",
        "article_id": article_id,
        "doc_id": doc_id,
        "position": position,
        "kind": st.kind,
        "content_start": st.content.start,
        "content_end": st.content.end,
        "content": st.content.text,
        "fragments": [list(p) for p in st.fragments],
        "speaker_name": sp.name if sp else None,
        "speaker_type": sp.type if sp else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
        "mention": mention.text if mention else None,
        "speaker_role": sp.role if sp else None,
        "speaker_affiliation": sp.affiliation if sp else None,
        "cue_start": st.cue.start if st.cue else None,
        "cue_end": st.cue.end if st.cue else None,
        "cue": st.cue.text if st.cue else None,
        "addressee": st.addressee,
        "occasion": st.occasion,
        "when": st.when,
        "when_precision": st.when_precision,
        "confidence": st.confidence,
        "source": st.source,
        "act": st.act,
        "person_id": person_id,
        "published": published,
        "headline": headline,
        "url": url,
        "date": partition_date(published),
        "outlet": outlet,
    }


def stored_statement_record(s: StoredStatement) -> dict[str, Any]:
    """One ``statements`` record from a stored statement."""
    return statement_record(
        s.statement,
        article_id=s.article_id,
        doc_id=s.doc_id,
        position=s.position,
        outlet=s.outlet,
        published=s.published,
        headline=s.headline,
        url=s.url,
        person_id=s.person_id,
    )


def speaker_record(row: SpeakerRow) -> dict[str, Any]:
    """One ``speakers`` record."""
    return row.to_json()


def _span(rec: Mapping[str, Any], prefix: str, text_key: str) -> Span | None:
    start, end = rec.get(f"{prefix}_start"), rec.get(f"{prefix}_end")
    if start is None or end is None:
        return None
    return Span(int(start), int(end), rec.get(text_key) or "")


def statement_from_record(rec: Mapping[str, Any]) -> Statement:
    """The model Statement back from a ``statements`` record (for imports)."""
    speaker = None
    if rec.get("speaker_name") is not None or rec.get("mention") is not None:
        speaker = Speaker(
            name=rec.get("speaker_name"),
            type=rec.get("speaker_type") or "unknown",
            mention=_span(rec, "mention", "mention"),
            role=rec.get("speaker_role"),
            affiliation=rec.get("speaker_affiliation"),
        )
    return Statement(
        kind=rec["kind"],
        content=Span(int(rec["content_start"]), int(rec["content_end"]), rec["content"]),
        speaker=speaker,
        cue=_span(rec, "cue", "cue"),
        fragments=tuple((int(a), int(b)) for a, b in rec.get("fragments") or ()),
        addressee=rec.get("addressee"),
        occasion=rec.get("occasion"),
        when=rec.get("when"),
        when_precision=rec.get("when_precision"),
        confidence=rec.get("confidence"),
        source=rec.get("source"),
        act=rec.get("act"),
    )


def article_from_record(rec: Mapping[str, Any]) -> Article:
    """The model Article back from an ``articles`` record (for imports)."""
    meta = rec.get("meta")
    return Article(
        id=rec.get("doc_id") or rec["id"],
        text=rec["text"],
        outlet=rec.get("outlet"),
        published=rec.get("published"),
        published_precision=rec.get("published_precision"),
        dateline=rec.get("dateline"),
        headline=rec.get("headline"),
        subheadline=rec.get("subheadline"),
        byline=rec.get("byline"),
        url=rec.get("url"),
        language=rec.get("language"),
        source=rec.get("source"),
        body_start=int(rec.get("body_start") or 0),
        meta=json.loads(meta) if meta else {},
    )


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

    ``filters`` (outlet, since, until, all_revisions) select the articles; statements follow
    their articles.
    """
    flt = filters or StatementFilter()
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise UsageError(f"{out_dir}: output folder exists and is not empty")
    out_dir.mkdir(parents=True, exist_ok=True)

    def article_records() -> Iterator[dict[str, Any]]:
        for row in store.articles(
            outlet=flt.outlet,
            since=flt.since,
            until=flt.until,
            all_revisions=flt.all_revisions,
            with_text=True,
        ):
            yield article_record(row)

    n_articles = write_records(article_records(), "articles", out_dir)
    n_statements = write_records(
        (stored_statement_record(s) for s in store.iter_statements(flt)), "statements", out_dir
    )
    speakers = store.speakers(outlet=flt.outlet)
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
