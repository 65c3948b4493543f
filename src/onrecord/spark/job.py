"""The Spark job: onrecord's extraction over a corpus too big for one machine, to Parquet.

Why a job and not a faster loop: a newsroom archive or a month of CC-NEWS is millions of
articles; extraction is CPU-bound and independent per article, so it scales with executors.
What must NOT change with scale is the result: every document goes through the very functions
the CLI uses (:mod:`onrecord.ingest` to read, :mod:`onrecord.api.stream` to extract statements
with in-article speakers and times, the record builders of :mod:`onrecord.store.parquet` for
the rows), so Spark output equals ``onrecord extract`` and ``onrecord export --format
parquet`` on the same input.

This module is the driver; what the executors run is in :mod:`onrecord.spark.read` (records
to articles or error rows) and :mod:`onrecord.spark.records` (articles to Parquet records,
the speakers stage), the options in :mod:`onrecord.spark.options`.

Shape of the job (one pass over the input):

1. The driver expands INPUT paths with Hadoop's file system (any path Spark reads: local,
   ``hdfs://``, ``s3a://``). Documents JSONL is read line by line (``textFile``, line numbers
   from ``zipWithIndex``); every other file whole (``binaryFiles``), sniffed by the reader.
2. Reading yields articles or error rows. One shuffle keyed by content id drops duplicate
   articles (as ingest does) and spreads the work evenly, even when the input is one file.
3. ``mapPartitions`` feeds each partition through the extraction stream in batches: the
   spaCy model is loaded once per Python worker process (``onrecord.nlp.get_nlp`` caches per
   process, ``spark.python.worker.reuse`` keeps the process across tasks). A document whose
   reading or extraction raises becomes an error row; the job never dies on one document
   (a model that cannot load is no document's fault, and fails the job).
4. Records are cached once, then written: ``articles`` and ``statements`` partitioned by
   ``date`` and ``outlet``, ``speakers`` aggregated over the whole output by a Spark stage
   (schemas: :mod:`onrecord.store.parquet`), and ``errors`` (:data:`ERRORS_SCHEMA`).

The speaker registry and cross-outlet links run after ``onrecord import-parquet`` loads the
output into the store (they are incremental over the whole record; see docs/spark.md).

Nothing imports pyspark at module level: ``onrecord --help`` stays fast and the CLI works
without pyspark until this command is used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from onrecord.counts import counted
from onrecord.errors import OnrecordError, UsageError, error_line, printable
from onrecord.spark.options import JobConfig, add_arguments, config_from_args
from onrecord.spark.read import ERRORS_SCHEMA, first_read, read_file, read_line, shuffle_key
from onrecord.spark.records import extract_partition, speaker_records
from onrecord.store.parquet_import import ERRORS_TABLE

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

#: The tables of the store's Parquet form (schemas in onrecord.store.parquet), in write order.
TABLES: tuple[str, ...] = ("articles", "statements", "speakers")

#: File names read line by line as documents JSONL; the rest are sniffed whole by ingest.
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.bz2", ".ndjson.bz2")

__all__ = ["ERRORS_TABLE", "JobConfig", "JobResult", "main", "run", "run_job"]


@dataclass
class JobResult:
    """What the job wrote: row counts per table, the output folder, and how long it took."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def build_session(config: JobConfig) -> SparkSession:
    """A quiet SparkSession: no UI, small driver, Python workers reused (model loaded once)."""
    from pyspark.sql import SparkSession

    if config.master is None or config.master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Executors must run the interpreter that has onrecord installed (local mode: this one).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("onrecord-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.driver.memory", config.driver_memory)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.parquet.compression.codec", "zstd")
    )
    if config.master:
        builder = builder.master(config.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def expand_inputs(spark: SparkSession, inputs: Sequence[str]) -> list[str]:
    """Every file under INPUT paths (globs, folders recursively), via Hadoop's file system.

    Inside folders, as ``onrecord ingest`` does, only article files (by suffix) are read and
    hidden ones (``.x``, and ``_SUCCESS``-like names as Spark does) skipped; a file named
    explicitly is always read. An input matching nothing is a usage error naming it, before
    any work starts.
    """
    from onrecord.ingest.detect import ARTICLE_SUFFIXES

    jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    files: list[str] = []
    for raw in inputs:
        path = jvm.org.apache.hadoop.fs.Path(raw)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise UsageError(f"{raw}: no such file or folder")
        for status in statuses:
            if not status.isDirectory():
                files.append(status.getPath().toString())
                continue
            found = fs.listFiles(status.getPath(), True)
            while found.hasNext():
                uri = found.next().getPath().toString()
                rel = uri[len(status.getPath().toString()) :]
                if any(part.startswith((".", "_")) for part in rel.split("/")):
                    continue
                if uri.lower().endswith(tuple(ARTICLE_SUFFIXES)):
                    files.append(uri)
    if not files:
        raise UsageError(f"{', '.join(inputs)}: no article files found")
    return sorted(dict.fromkeys(files))


def _display_path(uri: str) -> str:
    """Local paths as the user typed them (no ``file:`` prefix), others as URIs."""
    return uri[len("file:") :] if uri.startswith("file:") else uri


def read_inputs(spark: SparkSession, files: Sequence[str], config: JobConfig) -> RDD:
    """The RDD of ``(kind, Article | error row)`` for every record of the input files."""
    sc = spark.sparkContext
    hints = config.hints()
    rdds = []
    for uri in files:
        if uri.lower().endswith(_JSONL_SUFFIXES):
            name = _display_path(uri)
            # bytes, not str: a line that is not UTF-8 is an error row, not a failed task
            # (minPartitions=1: a small file is one partition, so zipWithIndex needs no job)
            lines = sc.textFile(uri, minPartitions=1, use_unicode=False).zipWithIndex()
            rdds.append(lines.flatMap(lambda li, n=name: read_line(n, li[1] + 1, li[0], hints)))
    whole = [u for u in files if not u.lower().endswith(_JSONL_SUFFIXES)]
    if whole:
        blobs = sc.binaryFiles(",".join(whole), minPartitions=max(1, len(whole)))
        rdds.append(blobs.flatMap(lambda fb: read_file(_display_path(fb[0]), fb[1], hints)))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def _spark_schema(schema: pa.Schema) -> Any:
    """The Spark schema of an Arrow table schema (the store's, or :data:`ERRORS_SCHEMA`)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema, prefer_timestamp_ntz=False)


def _frame(spark: SparkSession, rdd: RDD, schema: pa.Schema) -> Any:
    """A DataFrame of record dicts, columns in schema order."""
    names = schema.names
    rows = rdd.map(lambda rec: tuple(rec.get(k) for k in names))
    return spark.createDataFrame(rows, _spark_schema(schema), verifySchema=False)


def write_tables(spark: SparkSession, tagged: RDD, config: JobConfig, parts: int) -> dict[str, int]:
    """Write the four tables from the cached ``(table, record)`` RDD; return row counts."""
    from onrecord.store.parquet import PARTITION_COLUMNS, PARTITIONED, SCHEMAS

    counts = {t: 0 for t in (*TABLES, ERRORS_TABLE)}
    counts.update(tagged.map(lambda tr: (tr[0], 1)).countByKey())  # runs the extraction
    mode = "overwrite" if config.overwrite else "errorifexists"
    root = config.output.rstrip("/")

    def of(table: str) -> RDD:
        return tagged.filter(lambda tr: tr[0] == table).map(lambda tr: tr[1])

    named = of("statements").filter(lambda rec: rec["speaker_name"] is not None)
    speakers = named.groupBy(lambda rec: rec["speaker_name"].casefold(), parts).flatMap(
        lambda group: speaker_records(group[1])
    )
    counts["speakers"] = 0
    for table in TABLES:
        rdd = speakers if table == "speakers" else of(table)
        df = _frame(spark, rdd, SCHEMAS[table])
        if table in PARTITIONED:
            # one task (so one file) per date and outlet, rather than one per extraction task
            df = df.repartition(parts, *PARTITION_COLUMNS)
            df.write.mode(mode).partitionBy(*PARTITION_COLUMNS).parquet(f"{root}/{table}")
        else:
            # one small file, most quoted first like `onrecord speakers` (no sampling job)
            df = df.coalesce(1).sortWithinPartitions(df["statements"].desc(), df["name"])
            df.write.mode(mode).parquet(f"{root}/{table}")
        if table == "speakers":
            counts["speakers"] = spark.read.parquet(f"{root}/{table}").count()
    errors = _frame(spark, of(ERRORS_TABLE), ERRORS_SCHEMA).coalesce(1)
    errors.sortWithinPartitions("file", "line", "source").write.mode(mode).parquet(
        f"{root}/{ERRORS_TABLE}"
    )
    return dict(counts)


def run_job(config: JobConfig, spark: SparkSession | None = None) -> JobResult:
    """Run the whole job: read, extract, write the four tables. Returns what was written."""
    from datetime import UTC, datetime

    from pyspark import StorageLevel

    started = time.perf_counter()
    ingested_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    own_session = spark is None
    session = spark or build_session(config)
    try:
        files = expand_inputs(session, config.inputs)
        _check_output(session, config)
        parts = config.partitions or session.sparkContext.defaultParallelism * 3
        session.conf.set("spark.sql.shuffle.partitions", str(parts))
        tagged = (
            read_inputs(session, files, config)
            .keyBy(shuffle_key)
            # duplicates (same content) meet and only the first is kept; the shuffle also
            # spreads the work evenly even when the input is one big file
            .reduceByKey(lambda a, b: (a[0], first_read(a[1], b[1])), parts)
            .map(lambda kv: kv[1])
            .mapPartitions(
                partial(
                    extract_partition,
                    batch_size=config.batch_size,
                    model=config.model,
                    ingested_at=ingested_at,
                    scope=config.scope,
                )
            )
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        try:
            counts = write_tables(session, tagged, config, parts)
        finally:
            tagged.unpersist()
        result = JobResult(config.output, counts, time.perf_counter() - started)
        _write_manifest(session, config, files, result)
        return result
    finally:
        if own_session:
            session.stop()


def _check_output(spark: SparkSession, config: JobConfig) -> None:
    """Refuse an existing output folder before any work (unless --overwrite)."""
    if config.overwrite:
        return
    jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    path = jvm.org.apache.hadoop.fs.Path(config.output)
    if path.getFileSystem(conf).exists(path):
        raise UsageError(f"{config.output}: output folder exists (use --overwrite to replace it)")


def _write_manifest(
    spark: SparkSession, config: JobConfig, files: list[str], result: JobResult
) -> None:
    """``_manifest.json`` beside the tables: inputs, counts, versions (for import and audit)."""
    from onrecord import __version__
    from onrecord.store.parquet import PARTITION_COLUMNS

    manifest = {
        "onrecord": __version__,
        "tables": {t: f"{t}/" for t in (*TABLES, ERRORS_TABLE)},
        "partition_columns": list(PARTITION_COLUMNS),  # of articles/ and statements/
        "counts": result.counts,
        "inputs": [_display_path(f) for f in files],
        "model": config.model,
        "seconds": round(result.seconds, 3),
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False)
    # Through Hadoop's file system, so the manifest lands wherever the tables did (hdfs, s3a).
    jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    path = jvm.org.apache.hadoop.fs.Path(f"{config.output.rstrip('/')}/_manifest.json")
    stream = path.getFileSystem(conf).create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def run(args: argparse.Namespace) -> JobResult:
    """Run the job from parsed arguments and report it on stderr (counts, failed records)."""
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError:
        raise UsageError("pyspark is not installed: pip install 'onrecord[spark]'") from None
    config = config_from_args(args)
    result = run_job(config)
    c = result.counts
    print(
        f"onrecord: {counted(c.get('articles', 0), 'article')}, "
        f"{counted(c.get('statements', 0), 'statement')}, "
        f"{counted(c.get('speakers', 0), 'speaker')} in {result.seconds:.1f}s"
        f" -> {printable(config.output)}",
        file=sys.stderr,
    )
    if c.get(ERRORS_TABLE):
        print(
            f"onrecord: {counted(c[ERRORS_TABLE], 'record')} failed; "
            f"see {printable(config.output.rstrip('/'))}/errors",
            file=sys.stderr,
        )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit src/onrecord/spark/job.py INPUT... --output DIR``.

    Exit 0 whenever the job wrote its output, failed records included: under spark-submit the
    exit status is the application's final status (YARN, Kubernetes, schedulers), and a
    corpus run with some unreadable records is a finished run whose ``errors`` table says
    which. ``onrecord spark-extract`` follows the CLI's convention instead (1: some failed).
    Exit 2 for a usage error (bad option, missing input, existing output folder).
    """
    parser = argparse.ArgumentParser(prog="spark.py", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        run(args)
    except OnrecordError as exc:
        print(error_line(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    # Run the installed module's main, so executors unpickle its functions by reference
    # instead of receiving copies of this script's globals.
    from onrecord.spark.job import main as _main

    sys.exit(_main())
