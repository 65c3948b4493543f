"""``onrecord spark-extract`` and ``onrecord import-parquet``: corpus-scale runs and loading them.

``spark-extract`` runs :mod:`onrecord.spark.job` (the same job ``spark-submit
src/onrecord/spark/job.py`` runs); ``import-parquet`` loads its output into the embedded store
and then runs the cross-article steps (speaker registry, cross-outlet links), which need the
whole record and therefore do not run per Spark partition.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK, EXIT_SOME_FAILED = 0, 1


def register(subparsers: Any) -> None:
    from onrecord.spark.options import add_arguments

    p = subparsers.add_parser(
        "spark-extract",
        help="extract statements from a corpus with Spark, to Parquet tables",
        description="Read documents JSONL, text and WARC(.gz) files from any path Spark reads, "
        "extract statements exactly as `onrecord extract` does, and write Parquet tables "
        "articles, statements, speakers (partitioned by date and outlet) and errors.",
    )
    add_arguments(p)
    p.set_defaults(func=run_spark_extract)

    i = subparsers.add_parser(
        "import-parquet",
        help="load spark-extract output into the database, then update the record",
        description="Load the articles and statements tables of a spark-extract output folder "
        "into the database (adding the same article twice changes nothing), then run the "
        "cross-article steps (speaker registry, cross-outlet links).",
    )
    i.add_argument("folder", metavar="DIR", help="spark-extract --output folder")
    i.add_argument(
        "--db", default=None, help="database file (default: $ONRECORD_DB or ./onrecord.db)"
    )
    i.add_argument("--batch", type=int, default=500, help=argparse.SUPPRESS)
    i.set_defaults(func=run_import)


def run_spark_extract(args: argparse.Namespace) -> int:
    """The job; exit 1 when some records landed in its ``errors`` table (as ingest does)."""
    from onrecord.spark.job import ERRORS_TABLE, run

    result = run(args)
    return EXIT_SOME_FAILED if result.counts.get(ERRORS_TABLE) else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    """Load the folder, then update the record (registry, links) once over the whole store."""
    from onrecord.api.core import import_record

    report = import_record(args.folder, args.db, batch=args.batch)
    print(f"onrecord: {report.summary()}", file=sys.stderr)
    return EXIT_OK
