"""The one extraction stream: articles in, each article out once, in input order, with its
statements or with the error that stopped its extraction.

Ingest (:mod:`onrecord.api.core`), ``onrecord extract`` (:mod:`onrecord.cli.extract`) and the
Spark job (:mod:`onrecord.spark.records`) all extract through :func:`extract_stream`, so one
failing article costs the same everywhere: that article, reported, and nothing else.

Why a retry at all: articles go through ``extract_many`` in batches (spaCy's ``nlp.pipe``
speed), and a batch dies with the first exception, taking the articles the extractor had read
ahead with it; the exception does not say whose article it was. Those articles are then
extracted one at a time, which finds the one that raises, and the batches resume after them.

What is not an article's fault is raised instead of reported: an exception before any
article was read (the model cannot load), errors of configuration and storage
(:data:`FATAL`), and the failure of the article source itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from onrecord.errors import InputError, StoreError, UsageError
from onrecord.extract.cues import Scope
from onrecord.extract.pipeline import extract_many
from onrecord.model import Article, Statement

#: An extraction of many articles, one statements list per article in order
#: (:func:`onrecord.extract.pipeline.extract_many` with its options bound).
ExtractMany = Callable[[Iterable[Article]], Iterator[list[Statement]]]

#: Errors that are not one article's: they stop the stream instead of failing an article.
FATAL: tuple[type[BaseException], ...] = (MemoryError, UsageError, StoreError)

#: Articles ``extract_many`` parses together by default (``onrecord extract``'s batch).
DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article out of the stream: its statements, or the error its extraction raised."""

    article: Article
    statements: list[Statement]
    error: Exception | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def input_error(self) -> InputError:
        """The failure as the article's input error: ``SOURCE: extraction failed (Type:
        reason)``, the line ingest and ``onrecord extract`` report."""
        assert self.error is not None, "only a failed article has an input error"
        exc = self.error
        where = self.article.source or f"article {self.article.id!r}"
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return InputError(f"extraction failed ({reason})", source=where)


def extraction(
    *, batch_size: int = DEFAULT_BATCH_SIZE, model: str | None = None, scope: Scope | None = None
) -> ExtractMany:
    """``extract_many`` with the engine options every caller passes alike: ``model`` (None:
    ``$ONRECORD_MODEL`` or the default pipeline) and ``scope`` (None: the extractor's own
    default, which is the CLI's)."""
    options: dict[str, Any] = {"batch_size": batch_size, "model": model}
    if scope is not None:
        options["scope"] = scope
    return partial(extract_many, **options)


def extract_stream(
    articles: Iterable[Article],
    extract: ExtractMany | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | None = None,
    scope: Scope | None = None,
) -> Iterator[Extracted]:
    """Each article of ``articles`` once, in order, extracted in batches; a failing article
    comes out with its error and the others go on (see the module docstring).

    ``extract`` replaces the extraction (tests inject failures with it); otherwise
    :func:`extraction` of ``batch_size``, ``model`` and ``scope``.
    """
    run = extract or extraction(batch_size=batch_size, model=model, scope=scope)
    source = iter(articles)
    read: deque[Article] = deque()  # given to the extractor, statements not yet out
    source_error: list[BaseException] = []

    def reading() -> Iterator[Article]:
        try:
            for article in source:
                read.append(article)
                yield article
        except Exception as exc:  # the source's own failure: not to be retried
            source_error.append(exc)
            raise

    while True:
        try:
            for found in run(reading()):
                if not read:
                    raise RuntimeError("the extractor gave more results than articles")
                yield Extracted(read.popleft(), found)
            if not read:
                return
            # the extractor ended without answering every article it read: find out alone
        except FATAL:
            raise
        except Exception:
            if source_error or not read:
                raise
        suspects = list(read)
        read.clear()
        for article in suspects:
            yield _alone(article, run)


def _alone(article: Article, run: ExtractMany) -> Extracted:
    """One article extracted by itself: its statements, or what stopped them."""
    try:
        found = next(iter(run([article])), None)
    except FATAL:
        raise
    except Exception as exc:
        return Extracted(article, [], exc)
    if found is None:
        return Extracted(article, [], RuntimeError("the extractor gave no result for it"))
    return Extracted(article, found)
