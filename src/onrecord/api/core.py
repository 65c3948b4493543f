"""Ingest: read files into articles, extract their statements, store them, update the record.

The write side of the Python API, which ``onrecord ingest`` and the HTTP write endpoints
call; it composes the stages (ingest readers -> :mod:`onrecord.api.stream` -> store ->
:func:`onrecord.resolve.updates.update_record`) and speaks no SQL itself. The read side is
:mod:`onrecord.api.queries`, exports :mod:`onrecord.api.exports`.

>>> from onrecord.api import ingest
>>> print(ingest(["samples/"], db="record.db").summary())     # doctest: +SKIP

Ingest writes in batches, each one transaction (articles, statements, and the registry's
update for them): a crash loses at most the unfinished batch, and because adding a stored
article again is a no-op, rerunning the same command completes the rest.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, Literal

from onrecord.api.access import DB, Using
from onrecord.api.stream import extract_stream
from onrecord.counts import counted
from onrecord.errors import InputError, UsageError
from onrecord.extract.cues import DEFAULT_SCOPE, Scope
from onrecord.model import Article, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store

if TYPE_CHECKING:
    from onrecord.ingest import Hints
    from onrecord.store.parquet_import import ImportReport

DEFAULT_BATCH_SIZE = 50
#: Called after each input is handled (extracted, found stored already, or failed) with the
#: report so far: ``report.handled`` moves one by one, the outcomes batch by batch.
ProgressCallback = Callable[["IngestReport"], None]
#: What became of one article: stored as ``new`` or as a ``revision``, found stored
#: already (``duplicate``), or ``failed`` (its extraction raised, or UTF-8 cannot hold it).
Outcome = Literal["new", "duplicate", "revision", "failed"]
#: Called with each article and its outcome, once it is known: a stored article's once its
#: batch is committed, so that a caller can name exactly what the store now holds.
ArticleCallback = Callable[[Article, Outcome], None]


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


def ingest_articles(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    report: IngestReport | None = None,
    scope: Scope = DEFAULT_SCOPE,
    model: str | None = None,
    on_article: ArticleCallback | None = None,
) -> IngestReport:
    """Extract and store already-read articles; InputErrors among them are recorded as failed.

    Articles already stored are counted as duplicates without being extracted again (a rerun
    after a crash only does the missing work). Extraction runs outside the write transaction
    (readers keep reading the database meanwhile); each batch of ``batch_size`` articles is
    then stored in one transaction together with the registry update for it. ``model``
    names the spaCy pipeline (None: ``$ONRECORD_MODEL`` or the default); ``on_article``
    hears each article's outcome.
    """
    from onrecord.ingest.jsonl import surrogate_error

    if batch_size < 1:
        raise UsageError(f"batch size {batch_size}: must be at least 1", param="batch_size")
    rep = report or IngestReport()

    def handled(article: Article | None = None, outcome: Outcome = "failed") -> None:
        """One more input handled; ``article``'s outcome heard when it is known now."""
        rep.handled += 1
        if article is not None and on_article is not None:
            on_article(article, outcome)
        if progress is not None:
            progress(rep)

    def articles_only() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Article):
                # An article UTF-8 cannot encode fails on hashing or storing, and a failed
                # store rolls back its whole batch: refuse it here, whoever made it.
                fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
                refused = surrogate_error(fields, item.source or f"article {item.id!r}")
                if refused is not None:
                    rep.failed.append(refused)
                    handled(item)
                    continue
            if isinstance(item, InputError):
                rep.failed.append(item)
                handled()
                continue
            if store.has_article(item.content_id):  # stored before: no need to extract it
                rep.duplicate += 1
                handled(item, "duplicate")
                continue
            yield item

    def extracted() -> Iterator[tuple[Article, list[Statement]]]:
        for out in extract_stream(articles_only(), model=model, scope=scope):
            if out.failed:
                rep.failed.append(out.input_error())
                handled(out.article)
                continue
            handled()  # its outcome is known, and heard, once its batch is stored
            yield out.article, out.statements

    for batch in _batched(extracted(), batch_size):
        with store.transaction():
            outcomes = [store.add_article(article, found) for article, found in batch]
            update_record(store)
        rep.batches += 1
        for (article, _), outcome in zip(batch, outcomes, strict=True):
            setattr(rep, outcome.status, getattr(rep, outcome.status) + 1)
            rep.statements += outcome.statements
            if on_article is not None:
                on_article(article, outcome.status)
    return rep


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    db: DB = None,
    hints: Hints | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    scope: Scope = DEFAULT_SCOPE,
    model: str | None = None,
) -> IngestReport:
    """Read ``paths`` (files, folders, ``"-"`` for stdin), extract, store; report what happened.

    Inputs that cannot be read are listed in ``report.failed`` (each names file and problem);
    every other article is stored. Ingesting the same inputs again changes nothing.
    ``scope`` chooses what counts as a statement (docs/scope.md; "stance" adds views);
    ``model`` the spaCy pipeline (``--model``; None: ``$ONRECORD_MODEL`` or the default).

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
            items,
            store,
            batch_size=batch_size,
            progress=progress,
            report=rep,
            scope=scope,
            model=model,
        )


def import_record(
    folder: str | os.PathLike[str], db: DB = None, *, batch: int = 500
) -> ImportReport:
    """Load a Spark job's output folder (``onrecord spark-extract --output``) into the store,
    then update the record (speaker registry, cross-outlet links) once over the whole store:
    those steps need the whole record, so they do not run per Spark partition. Adding a
    stored article again changes nothing, so an import can be rerun."""
    from onrecord.store.parquet_import import load_record

    with Using(db, create=True) as store:
        report = load_record(store, folder, batch=batch)
        update_record(store)
    return report
