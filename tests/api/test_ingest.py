"""Ingest through the Python API: batches, idempotence, revisions, failures, the record seam.

These use the real readers and the real extractor (whatever it finds); assertions are about
what the store does with it, so they hold for any extraction engine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord import api
from onrecord.api import core
from onrecord.errors import InputError, UsageError
from onrecord.model import Article, content_id
from onrecord.store.db import Store


def test_ingest_twice_changes_no_count(tmp_path: Path, write_corpus) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    db = tmp_path / "r.db"
    first = core.ingest([corpus], db=db, batch_size=5)
    assert (first.new, first.duplicate, first.revision) == (12, 0, 0)
    assert first.batches == 3
    before = api.counts(db)
    assert before.articles == 12 and before.statements == first.statements
    second = core.ingest([corpus], db=db, batch_size=5)
    assert (second.new, second.duplicate, second.statements) == (0, 12, 0)
    assert api.counts(db) == before
    with Store(db) as store:
        assert store.integrity_check() == "ok"


def test_edited_input_becomes_a_revision(tmp_path: Path, write_corpus) -> None:
    db = tmp_path / "r.db"
    core.ingest([write_corpus(tmp_path / "a.jsonl", 3, url=True)], db=db)
    edited = tmp_path / "b.jsonl"
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[1])
    doc["text"] += " The vote was postponed."
    edited.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    report = core.ingest([edited], db=db)
    assert (report.new, report.revision) == (0, 1)
    counts = api.counts(db)
    assert (counts.articles, counts.revisions) == (3, 4)
    view = api.article("gen/0001", db=db)
    assert view.article.revision == 2 and len(view.revisions) == 2


def test_bad_input_is_reported_and_the_rest_stored(tmp_path: Path, write_corpus) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{this is not json\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = core.ingest([corpus, empty, tmp_path / "missing.txt"], db=tmp_path / "r.db")
    assert report.new == 4
    assert len(report.failed) == 3
    assert all(isinstance(e, InputError) for e in report.failed)
    messages = [str(e) for e in report.failed]
    assert any("c.jsonl" in m and "5" in m for m in messages)  # names file and line
    assert any("empty.txt" in m for m in messages)
    assert any("missing.txt" in m for m in messages)


def test_each_batch_is_one_transaction_with_the_record_update(
    tmp_path: Path, monkeypatch, write_corpus
) -> None:
    calls: list[tuple[bool, int]] = []

    def fake_update(store: Store) -> None:
        # Runs inside the batch transaction and sees the batch's articles.
        calls.append((store.conn.in_transaction, store.count_articles()))

    monkeypatch.setattr(core, "update_record", fake_update)
    corpus = write_corpus(tmp_path / "c.jsonl", 7)
    seen: list[int] = []
    report = core.ingest(
        [corpus], db=tmp_path / "r.db", batch_size=3, progress=lambda r: seen.append(r.handled)
    )
    assert calls == [(True, 3), (True, 6), (True, 7)]
    assert report.batches == 3
    assert seen == list(range(1, 8))


def test_a_failing_record_update_rolls_back_its_batch(
    tmp_path: Path, monkeypatch, write_corpus
) -> None:
    def failing(store: Store) -> None:
        if store.count_articles() > 4:
            raise RuntimeError("registry bug")

    monkeypatch.setattr(core, "update_record", failing)
    db = tmp_path / "r.db"
    with pytest.raises(RuntimeError):
        core.ingest([write_corpus(tmp_path / "c.jsonl", 9)], db=db, batch_size=4)
    assert api.counts(db).articles == 4  # the first batch only


def test_batch_size_must_be_positive(tmp_path: Path, write_corpus) -> None:
    with pytest.raises(UsageError):
        core.ingest([write_corpus(tmp_path / "c.jsonl", 1)], db=tmp_path / "r.db", batch_size=0)


def test_queries_and_export(tmp_path: Path, write_corpus) -> None:
    db = tmp_path / "r.db"
    report = core.ingest([write_corpus(tmp_path / "c.jsonl", 5)], db=db)
    assert len(api.articles(db)) == 5
    assert len(api.statements(db)) == report.statements
    out = tmp_path / "e.jsonl"
    exported = api.export("jsonl", out, db=db)
    assert exported.articles == 5 and exported.statements == report.statements
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == [f"gen/{i:04d}" for i in range(5)]
    for doc in lines:
        assert doc["outlet"] == "Northwind Wire" and doc["text"]
        for st in doc["statements"]:
            c = st["content"]
            assert doc["text"][c["start"] : c["end"]] == c["text"]
    # The export is valid ingest input: re-ingesting it stores nothing new.
    again = core.ingest([out], db=db)
    assert (again.new, again.duplicate) == (0, 5)


def test_the_same_words_from_two_outlets_are_two_reports(tmp_path: Path) -> None:
    """Wire copy that two outlets carry word for word is two articles (the content id
    includes the outlet); the same outlet's copy again, even spelt or spaced otherwise, is
    a duplicate, and ingesting it all again changes nothing."""
    text = "Harbour reopens\nPort director Ana Lind said the harbour would reopen on Monday."
    docs = [
        {"id": "nw-1", "text": text, "outlet": "Northwind Wire"},
        {"id": "hd-1", "text": text, "outlet": "Harbor Daily"},
        {"id": "hd-2", "text": text.replace(" ", "  "), "outlet": "harbor  DAILY"},
    ]
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "r.db"
    first = core.ingest([corpus], db=db)
    assert (first.new, first.duplicate, first.revision) == (2, 1, 0)
    assert sorted(a.outlet for a in api.articles(db)) == ["Harbor Daily", "Northwind Wire"]
    per_copy = {len(api.article(d, db=db).statements) for d in ("nw-1", "hd-1")}
    assert len(per_copy) == 1 and first.statements == 2 * per_copy.pop()
    before = api.counts(db)
    again = core.ingest([corpus], db=db)
    assert (again.new, again.duplicate, again.statements) == (0, 3, 0)
    assert api.counts(db) == before


def test_content_id_without_an_outlet_is_the_texts_alone() -> None:
    """Stores of outlet-less articles keep their ids; an outlet changes the id."""
    text = "Ana Lind said the harbour would reopen."
    assert Article(id="x", text=text).content_id == content_id(text)
    assert Article(id="x", text=text, outlet=" ").content_id == content_id(text)
    assert Article(id="x", text=text, outlet="Wire").content_id != content_id(text)
    assert content_id(text, "Harbor Daily") == content_id(f" {text} ", "harbor   daily")


def _failing_on(monkeypatch: pytest.MonkeyPatch, words: str) -> None:
    """Make the extractor raise on every article whose text holds ``words``."""
    from onrecord.extract import pipeline

    real = pipeline.extract_parsed

    def flaky(article: Article, doc: object, **kwargs: object) -> object:
        if words in article.text:
            raise RuntimeError("extractor bug")
        return real(article, doc, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_parsed", flaky)


@pytest.mark.parametrize("batch_size", [1, 3, 50])
def test_an_extraction_error_fails_that_article_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_corpus, batch_size: int
) -> None:
    _failing_on(monkeypatch, "plan number 3.")
    corpus = write_corpus(tmp_path / "c.jsonl", 7)
    db = tmp_path / "r.db"
    report = core.ingest([corpus], db=db, batch_size=batch_size)
    assert [str(e) for e in report.failed] == [
        f"{corpus}:4: extraction failed (RuntimeError: extractor bug)"
    ]
    assert report.new == 6
    stored = [a.doc_id for a in api.articles(db)]
    assert sorted(stored) == [f"gen/{i:04d}" for i in range(7) if i != 3]
    # a rerun retries only the one that failed (and it fails again, with its reason)
    again = core.ingest([corpus], db=db, batch_size=batch_size)
    assert (again.new, again.duplicate, len(again.failed)) == (0, 6, 1)


def test_every_article_failing_is_each_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_corpus
) -> None:
    _failing_on(monkeypatch, "Harbour council")
    report = core.ingest([write_corpus(tmp_path / "c.jsonl", 4)], db=tmp_path / "r.db")
    assert (report.new, len(report.failed)) == (0, 4)


def test_an_extractor_that_cannot_start_stops_the_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_corpus
) -> None:
    """Not an article's fault: raised, not reported as every article failing."""
    from onrecord.extract import pipeline

    def no_model(model: str | None = None) -> object:
        raise OSError("model 'xx' not installed")

    monkeypatch.setattr(pipeline, "extraction_nlp", no_model)
    with pytest.raises(OSError, match="not installed"):
        core.ingest([write_corpus(tmp_path / "c.jsonl", 2)], db=tmp_path / "r.db")


def test_an_article_utf8_cannot_hold_fails_alone(tmp_path: Path) -> None:
    """A lone surrogate from any reader (or an API caller) once failed on hashing or storing
    and took its whole batch along; it is refused before, the batch is stored."""
    articles = [
        Article(id="ok1", text="The mayor said the bridge would reopen."),
        Article(id="bad", text="The mayor said \ud800 it would.", source="api"),
        Article(id="ok2", text="The minister said talks would resume.", meta={"n": "\udcff"}),
        Article(id="ok3", text="The minister said talks would resume on Friday."),
    ]
    with Store(tmp_path / "r.db", create=True) as store:
        report = core.ingest_articles(articles, store, batch_size=10)
        assert [str(e) for e in report.failed] == [
            "api: 'text' has a lone surrogate \\ud800 at character 15 (not valid Unicode)",
            "article 'ok2': 'meta' has a lone surrogate \\udcff at character 0 (not valid Unicode)",
        ]
        assert sorted(a.doc_id for a in store.articles()) == ["ok1", "ok3"]
