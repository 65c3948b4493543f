"""The Spark job's extraction, on the executors: articles to the store's Parquet records.

A partition's articles go through the one extraction stream of the API
(:func:`onrecord.api.stream.extract_stream`, what ``onrecord ingest`` and ``onrecord
extract`` use), so a failing article is isolated the same way everywhere: it becomes an
``errors`` row and the rest of the partition goes on, in order. Records are built by the
store's own builders (those of ``onrecord export --format parquet``), so Spark output equals
the CLI's on the same input. The spaCy model is loaded once per Python worker process
(``onrecord.nlp.get_nlp`` caches per process; ``spark.python.worker.reuse`` keeps it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from onrecord.api.stream import ExtractMany, extract_stream
from onrecord.extract.cues import Scope
from onrecord.model import Article, Statement
from onrecord.spark.read import error_row, file_of
from onrecord.store.parquet_import import ERRORS_TABLE

#: What the job writes per record: ``(table, record)``.
Record = tuple[str, dict[str, Any]]


def resolve_in_article(article: Article, statements: list[Statement]) -> list[Statement]:
    """The per-article resolution the store's record update does after ingest: a statement
    without a time gets one from its article (:func:`onrecord.resolve.time.statement_when`).

    Done here so the Parquet output carries the same ``when`` as ``onrecord ingest`` stores;
    the cross-article parts of the record update (registry, links) run after import.
    """
    from onrecord.resolve.time import statement_when

    out = []
    for statement in statements:
        if statement.when is None:
            when, precision = statement_when(article, statement)
            statement = replace(statement, when=when, when_precision=precision)
        out.append(statement)
    return out


def records_for(
    article: Article, statements: list[Statement], ingested_at: str
) -> Iterator[Record]:
    """The ``articles`` and ``statements`` records of one extracted article, ``(table, record)``.

    Built by the store's own record builders (those of ``onrecord export --format parquet``),
    as a first revision: revision bookkeeping and the speaker registry need the whole record
    and happen at import (see docs/spark.md).
    """
    from onrecord.store.parquet import article_record_from_model, statement_record

    cid = article.content_id
    doc_id = article.id or cid
    yield (
        "articles",
        article_record_from_model(
            article, statement_count=len(statements), ingested_at=ingested_at
        ),
    )
    for position, statement in enumerate(statements):
        yield (
            "statements",
            statement_record(
                statement,
                article_id=cid,
                doc_id=doc_id,
                position=position,
                outlet=article.outlet,
                published=article.published,
                headline=article.headline,
                url=article.url,
            ),
        )


def extract_partition(
    items: Iterable[tuple[Any, Article | dict[str, Any]]],
    batch_size: int,
    model: str | None,
    ingested_at: str,
    extract: ExtractMany | None = None,
    scope: Scope | None = None,
) -> Iterator[Record]:
    """``mapPartitions`` body: ``(key, article | error row)`` in, ``(table, record)`` out.

    Articles go through the extraction stream in batches of ``batch_size``; error rows pass
    through. ``extract`` replaces the extraction (tests inject failures with it).
    """
    passing: list[dict[str, Any]] = []  # error rows met while the stream reads ahead

    def articles() -> Iterator[Article]:
        for _kind, value in items:
            if isinstance(value, dict):
                passing.append(value)
            else:
                yield value

    stream = extract_stream(articles(), extract, batch_size=batch_size, model=model, scope=scope)
    for out in stream:
        yield from ((ERRORS_TABLE, row) for row in passing)
        passing.clear()
        try:
            if out.error is not None:
                raise out.error
            resolved = resolve_in_article(out.article, out.statements)
            records = list(records_for(out.article, resolved, ingested_at))
        except Exception as exc:  # this article only; the rest of the partition goes on
            where = out.article.source or out.article.id
            yield ERRORS_TABLE, error_row(exc, file_of(where), None, "extract", where)
            continue
        yield from records
    yield from ((ERRORS_TABLE, row) for row in passing)


def speaker_records(statements: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``speakers`` records of one speaker-name group, by the store's own aggregation
    (:func:`onrecord.store.speakers.speaker_row_of_records`).

    Runs as a Spark stage over the whole ``statements`` output (grouped by case-folded name),
    so a speaker quoted in many partitions gets one row, as ``onrecord speakers`` shows it,
    roles and registry ids in the store's order (undated and year-unknown reports last).
    """
    from onrecord.store.parquet import speaker_record
    from onrecord.store.speakers import speaker_row_of_records

    yield speaker_record(speaker_row_of_records(statements))
