"""The Spark job's options: the command line of ``onrecord spark-extract`` and of
``spark-submit src/onrecord/spark/job.py``, and the :class:`JobConfig` they give.

Callers other than the command line (benchmarks) build a :class:`JobConfig` themselves.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onrecord.errors import UsageError
from onrecord.extract.cues import SCOPES, Scope

if TYPE_CHECKING:
    from onrecord.ingest import Hints


@dataclass(frozen=True)
class JobConfig:
    """What one run of the job does; built from the command line or by callers (benchmarks)."""

    inputs: tuple[str, ...]
    output: str
    master: str | None = None  # None: spark-submit's, else pyspark's default (local[*])
    partitions: int | None = None  # extraction partitions; None: 3 x default parallelism
    model: str | None = None
    batch_size: int = 32
    overwrite: bool = False
    outlet: str | None = None  # reading hints, as `onrecord ingest` takes them
    published: str | None = None
    year: int | None = None
    driver_memory: str = "1g"
    scope: Scope | None = None  # None: the extraction's default (the CLI's)

    def hints(self) -> Hints:
        """The reading hints (validated here, on the driver, before any work)."""
        from onrecord.ingest import Hints

        return Hints(outlet=self.outlet, published=self.published, year=self.year)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The job's options, shared by ``onrecord spark-extract`` and ``spark-submit job.py``."""
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs Spark reads")
    p.add_argument("--output", "-o", required=True, help="output folder (Parquet tables)")
    p.add_argument(
        "--master", default=None, help="e.g. local[2] (default: spark-submit's, else local[*])"
    )
    p.add_argument("--partitions", type=int, default=None, help="extraction partitions")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: $ONRECORD_MODEL)")
    p.add_argument(
        "--scope",
        choices=SCOPES,
        default=None,
        help="what counts as a statement, as for `onrecord extract` (default: the same)",
    )
    p.add_argument("--outlet", default=None, help="outlet for inputs that do not name one")
    p.add_argument("--published", default=None, help="publication date for inputs without one")
    p.add_argument("--year", type=int, default=None, help="year for datelines without one")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    p.add_argument("--driver-memory", default="1g", help="spark.driver.memory (default 1g)")
    p.add_argument("--batch-size", type=int, default=32, help=argparse.SUPPRESS)


def config_from_args(args: argparse.Namespace) -> JobConfig:
    """The job configuration of parsed arguments (no --master: spark-submit's, else local[*])."""
    if args.partitions is not None and args.partitions < 1:
        raise UsageError(f"--partitions must be at least 1, not {args.partitions}")
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {args.batch_size}")
    return JobConfig(
        inputs=tuple(args.inputs),
        output=args.output,
        master=args.master,
        partitions=args.partitions,
        model=args.model,
        batch_size=args.batch_size,
        overwrite=args.overwrite,
        outlet=args.outlet,
        published=args.published,
        year=args.year,
        driver_memory=args.driver_memory,
        scope=args.scope,
    )
