"""The one extraction stream (onrecord.api.stream) that ingest, `onrecord extract` and the
Spark job share: a failing article comes out with its error, in its place, and the others
are extracted in order; what is no article's fault is raised.

The extraction is replaced by a stand-in (one statement-less result per article, or an
error for chosen articles), so these tests need no model and say nothing about extraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from onrecord.api import stream
from onrecord.api.stream import Extracted, extract_stream
from onrecord.errors import StoreError, UsageError
from onrecord.model import Article, Statement


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Text {i}.", source=f"in.jsonl:{i + 1}") for i in range(n)]


def _extractor(
    failing: set[str], *, error: Exception | None = None, batch: int = 3
) -> tuple[stream.ExtractMany, list[list[str]]]:
    """An extract_many stand-in that reads ``batch`` articles ahead and raises ``error`` (a
    RuntimeError by default) on reaching an article whose id is in ``failing``; also the
    ids of every call, to see the retries."""
    calls: list[list[str]] = []

    def run(articles: Iterable[Article]) -> Iterator[list[Statement]]:
        seen: list[str] = []
        calls.append(seen)
        held: list[Article] = []
        for article in articles:
            seen.append(article.id)
            if article.id in failing:
                raise error or RuntimeError(f"bug on {article.id}")
            held.append(article)
            if len(held) == batch:
                yield from ([] for _ in held)
                held.clear()
        yield from ([] for _ in held)

    return run, calls


def _outline(out: Iterable[Extracted]) -> list[tuple[str, str | None]]:
    return [(o.article.id, str(o.error) if o.error else None) for o in out]


@pytest.mark.parametrize("batch", [1, 3, 10])
def test_a_failing_article_is_reported_in_its_place_and_the_rest_extracted(batch: int) -> None:
    run, _ = _extractor({"a4"}, batch=batch)
    got = _outline(extract_stream(_articles(8), run))
    assert got == [(f"a{i}", "bug on a4" if i == 4 else None) for i in range(8)]


def test_only_the_articles_read_ahead_are_retried_alone() -> None:
    run, calls = _extractor({"a4"}, batch=3)
    list(extract_stream(_articles(8), run))
    # the batch a3..a5 died on a4: a3 and a4 alone, then the batches resume after them
    assert calls == [["a0", "a1", "a2", "a3", "a4"], ["a3"], ["a4"], ["a5", "a6", "a7"]]


def test_several_failures_each_reported() -> None:
    run, _ = _extractor({"a0", "a2", "a5"})
    failed = [o.article.id for o in extract_stream(_articles(6), run) if o.failed]
    assert failed == ["a0", "a2", "a5"]


def test_the_input_error_names_the_article_and_the_reason() -> None:
    run, _ = _extractor({"a1"})
    [bad] = [o for o in extract_stream(_articles(3), run) if o.failed]
    assert str(bad.input_error()) == "in.jsonl:2: extraction failed (RuntimeError: bug on a1)"
    unnamed = Extracted(Article(id="x", text="t"), [], ValueError())
    assert str(unnamed.input_error()) == "article 'x': extraction failed (ValueError)"


def test_an_article_left_without_an_answer_fails_alone() -> None:
    """An extractor that stops without answering an article it read: that article is
    retried alone, fails when it still gets nothing, and the stream goes on after it."""

    def stopping(articles: Iterable[Article]) -> Iterator[list[Statement]]:
        for article in articles:
            if article.id == "a2":
                return
            yield []

    got = _outline(extract_stream(_articles(4), stopping))
    assert got == [
        ("a0", None),
        ("a1", None),
        ("a2", "the extractor gave no result for it"),
        ("a3", None),
    ]


@pytest.mark.parametrize("fatal", [UsageError("bad option"), StoreError("disk full")])
def test_errors_of_configuration_and_storage_stop_the_stream(fatal: Exception) -> None:
    run, _ = _extractor({"a2"}, error=fatal)
    with pytest.raises(type(fatal)):
        list(extract_stream(_articles(4), run))


def test_an_extractor_that_fails_before_reading_is_raised() -> None:
    """No article read: the model could not load, which is no article's fault."""

    def no_model(articles: Iterable[Article]) -> Iterator[list[Statement]]:
        raise OSError("model not installed")
        yield []  # pragma: no cover

    with pytest.raises(OSError, match="not installed"):
        list(extract_stream(_articles(2), no_model))


def test_a_failing_source_is_raised_not_retried() -> None:
    def source() -> Iterator[Article]:
        yield from _articles(2)
        raise ValueError("reader bug")

    run, _ = _extractor(set())
    with pytest.raises(ValueError, match="reader bug"):
        list(extract_stream(source(), run))


def test_engine_options_reach_extract_many(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, object]] = []

    def fake(articles: Iterable[Article], **options: object) -> Iterator[list[Statement]]:
        seen.append(options)
        return iter([[] for _ in articles])

    monkeypatch.setattr(stream, "extract_many", fake)
    list(extract_stream(_articles(1), model="xx_model", scope="stance", batch_size=4))
    list(extract_stream(_articles(1)))
    assert seen == [
        {"batch_size": 4, "model": "xx_model", "scope": "stance"},
        {"batch_size": 32, "model": None},  # no scope: extract_many's own default
    ]
