"""Exports of the record: JSONL (one article per line with its statements), CSV (one
statement per row), Parquet (a folder of tables, :mod:`onrecord.store.parquet`).

Every format applies the same :class:`StatementFilter`: the article filters (outlet, dates,
language, revisions) choose the articles, and the statement filters (speaker, kind, act,
search) choose the statements; a JSONL line then carries only its article's matching
statements, and an article with none is left out, as CSV leaves out its rows.

Files are written through a temporary file or folder beside the target, renamed over it only
when complete (:mod:`onrecord.outfiles`), and never over the database being read.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, fields
from itertools import groupby
from pathlib import Path
from typing import IO, Any, Literal

from onrecord.api.access import DB, Using
from onrecord.errors import UsageError, printable
from onrecord.outfiles import atomic_folder, atomic_text, refuse_same_file
from onrecord.store.db import ArticleRow, StatementFilter, Store, StoredStatement
from onrecord.store.filters import article_options
from onrecord.store.rows import csv_header

ExportFormat = Literal["jsonl", "csv", "parquet"]


def article_document(row: ArticleRow, stored: Iterable[StoredStatement]) -> dict[str, Any]:
    """One JSONL export line: the article's metadata and text (valid ``onrecord extract``
    input) plus ``statements`` in the interchange format (valid ``extract`` output)."""
    out: dict[str, Any] = {"id": row.doc_id, "content_id": row.id}
    out.update({k: v for k, v in row.to_json().items() if k not in ("id", "doc_id")})
    out["statements"] = [s.statement.to_json() for s in stored]
    return out


#: Columns of ``export --format csv``: one row per statement, every field
#: ``onrecord.schema`` declares for CSV (``StoredStatement.csv_row`` writes them).
EXPORT_CSV_COLUMNS: tuple[str, ...] = tuple(csv_header())


@dataclass(frozen=True, slots=True)
class ExportReport:
    """Rows written by :func:`export`."""

    articles: int
    statements: int
    speakers: int = 0


def export(
    fmt: ExportFormat,
    output: str | os.PathLike[str] | IO[str] | None = None,
    db: DB = None,
    filters: StatementFilter | None = None,
) -> ExportReport:
    """Export the record: ``jsonl`` (one article per line with its statements), ``csv`` (one
    statement per row) to a file or stream, or ``parquet`` (a folder, see store/parquet.py).
    """
    flt = filters or StatementFilter()
    with Using(db) as store:
        if isinstance(output, str | os.PathLike):
            # The database is this command's input: "-o onrecord.db" must not overwrite it.
            refuse_same_file(output, [store.path], what="output", role="the database")
        if fmt == "parquet":
            if output is None or not isinstance(output, str | os.PathLike):
                raise UsageError("a parquet export needs an output folder")
            return _export_parquet(store, Path(output), flt)
        if fmt not in ("jsonl", "csv"):
            raise UsageError(f"format {fmt!r}: expected jsonl, csv or parquet", param="format")
        if isinstance(output, str | os.PathLike):
            target = Path(output)
            if target.is_dir():
                raise UsageError(
                    f"output {printable(str(target))} is a folder; give a file name", param="output"
                )
            with ExitStack() as stack:
                try:
                    fh = stack.enter_context(atomic_text(target, newline=""))
                except OSError as exc:
                    raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
                return _export_stream(store, fmt, fh, flt)
        return _export_stream(store, fmt, output or sys.stdout, flt)


def _export_parquet(store: Store, target: Path, flt: StatementFilter) -> ExportReport:
    """The Parquet tables written into a temporary folder that becomes ``target`` at the end,
    so an interrupted export leaves no half folder looking like a finished one."""
    from onrecord.store.parquet import export_parquet

    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target}: output folder exists and is not empty")
    with ExitStack() as stack:
        try:
            folder = stack.enter_context(atomic_folder(target))
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
        counts_ = export_parquet(store, folder, flt)
    return ExportReport(counts_.articles, counts_.statements, counts_.speakers)


def _export_stream(store: Store, fmt: str, fh: IO[str], flt: StatementFilter) -> ExportReport:
    if fmt == "csv":
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(EXPORT_CSV_COLUMNS)
        n_statements = 0
        for s in store.iter_statements(flt):
            writer.writerow(s.csv_row())
            n_statements += 1
        return ExportReport(0, n_statements)
    n_articles = n_statements = 0
    for row, stored in _documents(store, flt):
        fh.write(json.dumps(article_document(row, stored), ensure_ascii=False) + "\n")
        n_articles += 1
        n_statements += len(stored)
    return ExportReport(n_articles, n_statements)


#: The filters that choose articles (those of a Parquet export's articles table); every
#: other field of StatementFilter chooses statements.
_ARTICLE_FILTERS = frozenset(article_options(StatementFilter()))


def _selects_statements(flt: StatementFilter) -> bool:
    """Whether ``flt`` keeps only some statements of an article (speaker, kind, search ...)."""
    return any(
        getattr(flt, f.name) != f.default for f in fields(flt) if f.name not in _ARTICLE_FILTERS
    )


def _documents(
    store: Store, flt: StatementFilter
) -> Iterator[tuple[ArticleRow, list[StoredStatement]]]:
    """The JSONL export's articles in publication order, each with its statements.

    Without a statement filter: every article the article filters keep, with all its
    statements (an article without any is exported too). With one: the articles that have
    a matching statement, each with those only, as the CSV export's rows. Statements come
    in publication order and then position, the articles' own order, so one article's
    matches are consecutive and the export holds one article at a time.
    """
    if not _selects_statements(flt):
        for row in store.articles(with_text=True, **article_options(flt)):
            yield row, store.article_statements(row.id)
        return
    for article_id, matching in groupby(store.iter_statements(flt), key=lambda s: s.article_id):
        row = store.article(article_id)
        if row is not None:
            yield row, list(matching)
