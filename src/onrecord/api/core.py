"""The Python API of the core record: ingest files into a database, query it, export it.

These functions are what the CLI, the HTTP API and notebooks call; they compose the stages
(ingest readers -> extract -> store -> resolve) and never speak SQL themselves.

>>> from onrecord.api.core import ingest, statements
>>> report = ingest(["samples/"], db="record.db")            # doctest: +SKIP
>>> for s in statements(db="record.db", speaker="Peskov"):    # doctest: +SKIP
...     print(s.display_date, s.outlet, s.statement.content.text)

Ingest writes in batches, each one transaction (articles, statements, and the registry's
update for them): a crash loses at most the unfinished batch, and because adding a stored
article again is a no-op, rerunning the same command completes the rest.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, Literal

from onrecord.config import db_path
from onrecord.counts import counted
from onrecord.errors import InputError, StoreError, UsageError, printable
from onrecord.extract.cues import DEFAULT_SCOPE, Scope
from onrecord.extract.pipeline import extract_many
from onrecord.model import Article, Statement
from onrecord.outfiles import atomic_folder, atomic_text, refuse_same_file
from onrecord.store.db import (
    ArticleRow,
    SpeakerRow,
    StatementFilter,
    Store,
    StoreCounts,
    StoredStatement,
)

if TYPE_CHECKING:
    from onrecord.ingest import Hints

DEFAULT_BATCH_SIZE = 50
ExportFormat = Literal["jsonl", "csv", "parquet"]
#: Called after each input is handled (extracted, found stored already, or failed) with the
#: report so far: ``report.handled`` moves one by one, the outcomes batch by batch.
ProgressCallback = Callable[["IngestReport"], None]


@dataclass
class IngestReport:
    """What one ingest did: articles by outcome, statements stored, inputs that failed."""

    new: int = 0
    duplicate: int = 0
    revision: int = 0
    statements: int = 0
    batches: int = 0  # committed transactions
    failed: list[InputError] = field(default_factory=list)
    #: Inputs handled so far: articles extracted (stored with their batch) or found stored
    #: already, and inputs that failed. Progress follows it article by article, whereas
    #: the outcomes above are counted when a batch is committed.
    handled: int = 0

    @property
    def articles(self) -> int:
        """Articles read and handled (any outcome)."""
        return self.new + self.duplicate + self.revision

    def summary(self) -> str:
        """The one-line summary the CLI prints on stderr."""
        return (
            f"{counted(self.articles, 'article')}: {self.new} new, {self.duplicate} duplicate, "
            f"{self.revision} revision; {counted(self.statements, 'statement')} stored; "
            f"{counted(len(self.failed), 'input')} failed"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "new": self.new,
            "duplicate": self.duplicate,
            "revision": self.revision,
            "statements": self.statements,
            "batches": self.batches,
            "failed": [str(e) for e in self.failed],
        }


def open_store(db: str | os.PathLike[str] | Store | None = None, *, create: bool = False) -> Store:
    """A Store for ``db`` (path, or ``--db``/``$ONRECORD_DB``/``./onrecord.db`` when None)."""
    if isinstance(db, Store):
        return db
    return Store(db_path(db), create=create)


class Using:
    """Context manager: a Store the caller passed stays open, one we opened is closed."""

    def __init__(self, db: str | os.PathLike[str] | Store | None, *, create: bool = False) -> None:
        self.owned = not isinstance(db, Store)
        self.store = open_store(db, create=create)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        if self.owned:
            self.store.close()


def _record_updater() -> Callable[[Store], Any] | None:
    """``onrecord.resolve.updates.update_record`` when the registry exists, else None.

    Imported lazily so the core works (and ingests) before and without the registry stage.
    """
    name = "onrecord.resolve.updates"
    try:
        module: ModuleType = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise
    return getattr(module, "update_record", None)


#: Characters of article text an ingest batch holds before it is stored, whatever its
#: number of articles: extracted articles wait in memory with their statements until their
#: batch is stored, and 50 long ones (a transcript of a million characters has thousands of
#: statements) would hold gigabytes. News articles are far shorter, so their batches are
#: ``batch_size`` long as before.
BATCH_TEXT_CHARS = 2_000_000


def _batched(
    pairs: Iterable[tuple[Article, list[Statement]]], size: int, chars: int = BATCH_TEXT_CHARS
) -> Iterator[list[tuple[Article, list[Statement]]]]:
    """Runs of at most ``size`` (article, statements) pairs, cut short once they hold
    ``chars`` characters of text."""
    batch: list[tuple[Article, list[Statement]]] = []
    held = 0
    for pair in pairs:
        batch.append(pair)
        held += len(pair[0].text)
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


#: Errors that are not one article's: they stop the ingest instead of failing an input.
_FATAL = (MemoryError, UsageError, StoreError)


def _extract_each(
    articles: Iterator[Article],
    failed: Callable[[Article, Exception], None],
    scope: Scope = DEFAULT_SCOPE,
) -> Iterator[tuple[Article, list[Statement]]]:
    """Each article with its statements, in order, extracted in batches; an article whose
    extraction raises goes to ``failed`` and is left out, and the others go on.

    Why the retry: a batch dies with the first exception, taking the articles it had read
    ahead with it, and the exception does not say whose it was. Those articles are then
    extracted one at a time, which finds the one that raises; the batches resume after
    them. An exception with no article read (the model cannot load) is not an article's
    and is raised, like errors of configuration and storage (``_FATAL``) and of
    ``articles`` itself.
    """
    read: deque[Article] = deque()  # given to the extractor, statements not yet out
    source_error: list[BaseException] = []

    def reading() -> Iterator[Article]:
        try:
            for article in articles:
                read.append(article)
                yield article
        except Exception as exc:  # the source's own failure: not to be retried
            source_error.append(exc)
            raise

    while True:
        try:
            for found in extract_many(reading(), scope=scope):
                yield read.popleft(), found
            return
        except _FATAL:
            raise
        except Exception:
            if source_error or not read:
                raise
        suspects = list(read)
        read.clear()
        for article in suspects:
            try:
                found = next(extract_many([article], scope=scope))
            except _FATAL:
                raise
            except Exception as exc:
                failed(article, exc)
                continue
            yield article, found


def ingest_articles(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    report: IngestReport | None = None,
    scope: Scope = DEFAULT_SCOPE,
) -> IngestReport:
    """Extract and store already-read articles; InputErrors among them are recorded as failed.

    Articles already stored are counted as duplicates without being extracted again (a rerun
    after a crash only does the missing work). Extraction runs outside the write transaction
    (readers keep reading the database meanwhile); each batch of ``batch_size`` articles is
    then stored in one transaction together with the registry update for it.
    """
    from onrecord.ingest.jsonl import surrogate_error

    if batch_size < 1:
        raise UsageError(f"batch size {batch_size}: must be at least 1", param="batch_size")
    rep = report or IngestReport()

    def handled() -> None:
        rep.handled += 1
        if progress is not None:
            progress(rep)

    def articles_only() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Article):
                # An article UTF-8 cannot encode fails on hashing or storing, and a failed
                # store rolls back its whole batch: refuse it here, whoever made it.
                fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
                item = surrogate_error(fields, item.source or f"article {item.id!r}") or item
            if isinstance(item, InputError):
                rep.failed.append(item)
                handled()
                continue
            if store.has_article(item.content_id):  # stored before: no need to extract it
                rep.duplicate += 1
                handled()
                continue
            yield item

    def extraction_failed(article: Article, exc: Exception) -> None:
        where = article.source or f"article {article.id!r}"
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        rep.failed.append(InputError(f"extraction failed ({reason})", source=where))
        handled()

    def each_handled(
        pairs: Iterator[tuple[Article, list[Statement]]],
    ) -> Iterator[tuple[Article, list[Statement]]]:
        for pair in pairs:
            handled()
            yield pair

    update_record = _record_updater()
    extracted = each_handled(_extract_each(articles_only(), extraction_failed, scope))
    for batch in _batched(extracted, batch_size):
        with store.transaction():
            outcomes = [store.add_article(article, found) for article, found in batch]
            if update_record is not None:
                update_record(store)
        rep.batches += 1
        for outcome in outcomes:
            setattr(rep, outcome.status, getattr(rep, outcome.status) + 1)
            rep.statements += outcome.statements
    return rep


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    db: str | os.PathLike[str] | Store | None = None,
    hints: Hints | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    scope: Scope = DEFAULT_SCOPE,
) -> IngestReport:
    """Read ``paths`` (files, folders, ``"-"`` for stdin), extract, store; report what happened.

    Inputs that cannot be read are listed in ``report.failed`` (each names file and problem);
    every other article is stored. Ingesting the same inputs again changes nothing.
    ``scope`` chooses what counts as a statement (docs/scope.md; "stance" adds views).

    The database is opened, and created when missing, only once an article has been read:
    a mistyped file name must not leave an empty database behind.
    """
    from onrecord.ingest import Hints, read_paths

    rep = IngestReport()
    items = read_paths([str(p) for p in paths], hints or Hints())
    for item in items:
        if isinstance(item, Article):
            items = chain((item,), items)
            break
        rep.failed.append(item)
        rep.handled += 1
        if progress is not None:
            progress(rep)
    else:
        return rep  # nothing could be read: nothing to store
    with Using(db, create=True) as store:
        return ingest_articles(
            items, store, batch_size=batch_size, progress=progress, report=rep, scope=scope
        )


# --------------------------------------------------------------------------- queries


def statements(
    db: str | os.PathLike[str] | Store | None = None,
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    act: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    all_revisions: bool = False,
    limit: int | None = None,
    offset: int = 0,
    language: str | None = None,
) -> list[StoredStatement]:
    """Statements matching the filters, chronological (see :class:`StatementFilter`);
    ``language``: only those of articles in that language ("ru", "en")."""
    flt = StatementFilter(
        speaker=speaker,
        outlet=outlet,
        kind=kind,
        act=act,
        since=since,
        until=until,
        search=search,
        all_revisions=all_revisions,
        language=language,
    )
    with Using(db) as store:
        return store.statements(flt, limit=limit, offset=offset)


def speakers(
    db: str | os.PathLike[str] | Store | None = None,
    *,
    outlet: str | None = None,
    name: str | None = None,
    limit: int | None = None,
) -> list[SpeakerRow]:
    """Speakers with statement counts, roles and outlets, most statements first."""
    with Using(db) as store:
        return store.speakers(outlet=outlet, name=name, limit=limit)


def articles(
    db: str | os.PathLike[str] | Store | None = None,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    all_revisions: bool = False,
    limit: int | None = None,
    language: str | None = None,
) -> list[ArticleRow]:
    """Articles (latest revisions unless ``all_revisions``), in publication order;
    ``language``: only those in that language ("ru", "en")."""
    with Using(db) as store:
        return store.articles(
            outlet=outlet,
            since=since,
            until=until,
            search=search,
            all_revisions=all_revisions,
            limit=limit,
            language=language,
        )


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article with its text, its statements, and its other revisions."""

    article: ArticleRow
    statements: list[StoredStatement]
    revisions: list[ArticleRow]

    def to_json(self) -> dict[str, Any]:
        out = self.article.to_json()
        out["statements"] = [s.to_json() for s in self.statements]
        out["revisions"] = [r.id for r in self.revisions]
        return out


def article(ref: str, db: str | os.PathLike[str] | Store | None = None) -> ArticleView:
    """One article by id, doc id or unique id prefix; UsageError when none or several match."""
    with Using(db) as store:
        row = store.article(ref)
        if row is None:
            raise UsageError(f"article {ref!r}: no such article in {store.path}")
        return ArticleView(row, store.article_statements(row.id), store.revisions(row.id))


def counts(db: str | os.PathLike[str] | Store | None = None) -> StoreCounts:
    """How much the database holds."""
    with Using(db) as store:
        return store.counts()


# --------------------------------------------------------------------------- export


def article_document(row: ArticleRow, stored: Iterable[StoredStatement]) -> dict[str, Any]:
    """One JSONL export line: the article's metadata and text (valid ``onrecord extract``
    input) plus ``statements`` in the interchange format (valid ``extract`` output)."""
    out: dict[str, Any] = {"id": row.doc_id, "content_id": row.id}
    out.update({k: v for k, v in row.to_json().items() if k not in ("id", "doc_id")})
    out["statements"] = [s.statement.to_json() for s in stored]
    return out


#: Columns of ``export --format csv``: one row per statement.
EXPORT_CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "doc_id",
    "published",
    "outlet",
    "headline",
    "url",
    "kind",
    "speaker",
    "speaker_type",
    "mention",
    "role",
    "cue",
    "content",
    "content_start",
    "content_end",
    "person_id",
)


def _csv_row(s: StoredStatement) -> list[Any]:
    st = s.statement
    sp = st.speaker
    return [
        s.key,
        s.article_id,
        s.doc_id,
        s.published,
        s.outlet,
        s.headline,
        s.url,
        st.kind,
        sp.name if sp else None,
        sp.type if sp else None,
        sp.mention.text if sp and sp.mention else None,
        sp.role if sp else None,
        st.cue.text if st.cue else None,
        st.content.text,
        st.content.start,
        st.content.end,
        s.person_id,
    ]


@dataclass(frozen=True, slots=True)
class ExportReport:
    """Rows written by :func:`export`."""

    articles: int
    statements: int
    speakers: int = 0


def export(
    fmt: ExportFormat,
    output: str | os.PathLike[str] | IO[str] | None = None,
    db: str | os.PathLike[str] | Store | None = None,
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


def _export_stream(
    store: Store,
    fmt: str,
    fh: IO[str],
    flt: StatementFilter,
) -> ExportReport:
    n_articles = n_statements = 0
    if fmt == "csv":
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(EXPORT_CSV_COLUMNS)
        for s in store.iter_statements(flt):
            writer.writerow(_csv_row(s))
            n_statements += 1
        return ExportReport(0, n_statements)
    for row in store.articles(
        outlet=flt.outlet,
        since=flt.since,
        until=flt.until,
        all_revisions=flt.all_revisions,
        with_text=True,
    ):
        stored = store.article_statements(row.id)
        fh.write(json.dumps(article_document(row, stored), ensure_ascii=False) + "\n")
        n_articles += 1
        n_statements += len(stored)
    return ExportReport(n_articles, n_statements)
