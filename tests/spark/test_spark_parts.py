"""The Spark job's per-record functions and the Parquet import, without Spark or Java.

These are the functions the executors run (reading, extraction with per-document failure
isolation, record building, the speakers aggregation) and the import into the store; the
end-to-end run on local[2] is in test_spark_job.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from onrecord.api import stream
from onrecord.cli.main import main
from onrecord.errors import InputError
from onrecord.extract.pipeline import extract_many
from onrecord.ingest import Hints
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.spark import options, read, records
from onrecord.store.db import Store
from onrecord.store.parquet import SCHEMAS, write_records
from onrecord.store.parquet_import import load_record

# Text written for these tests; people and outlets are invented.
TEXTS = [
    '"The bridge will open in June," Mara Ellison said on Tuesday. She added that the cost '
    "was lower than planned.",
    'Tomas Brandt told reporters the vote was "a good day for the city". Mara Ellison said the '
    "council would meet again.",
    "The weather was mild and nobody said anything of note.",
]


def _articles() -> list[Article]:
    return [
        Article(
            id=f"doc-{i}",
            text=t,
            outlet="Northwind Wire",
            published=f"2024-05-0{i + 1}",
            source=f"docs.jsonl:{i + 1}",
        )
        for i, t in enumerate(TEXTS)
    ]


def _kinds(rows: Iterable[tuple[str, dict]]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for table, rec in rows:
        out[table].append(rec)
    return out


# ---------------------------------------------------------------------------- reading


def test_read_line_gives_article_error_or_nothing() -> None:
    hints = Hints()
    good = json.dumps({"id": "a", "text": "Some words here."}).encode()
    [(kind, article)] = read.read_line("d.jsonl", 1, b"\xef\xbb\xbf" + good, hints)
    assert kind == "article" and article.id == "a" and article.source == "d.jsonl:1"
    [(kind, row)] = read.read_line("d.jsonl", 7, b'{"id": "b", "text": ', hints)
    assert kind == "errors" and row["line"] == 7 and row["file"] == "d.jsonl"
    assert row["source"] == "d.jsonl:7" and "JSON" in row["reason"]
    assert not row["reason"].startswith("d.jsonl")  # the source is its own column
    [(kind, row)] = read.read_line("d.jsonl", 8, b"\xff\xfe not utf-8", hints)
    assert kind == "errors" and "UTF-8" in row["reason"]
    assert list(read.read_line("d.jsonl", 9, b"   ", hints)) == []


def test_read_file_keeps_going_after_a_reader_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(data: bytes, source: str, hints: Hints) -> Iterator[Article | InputError]:
        yield Article(id="first", text="Text before the crash.")
        yield InputError("bad record", source=f"{source}:record 2")
        raise AttributeError("reader bug")

    monkeypatch.setattr("onrecord.ingest.read_bytes", crashing)
    got = list(read.read_file("crawl.warc.gz", b"...", Hints()))
    assert [k for k, _ in got] == ["article", "errors", "errors"]
    assert got[1][1]["source"] == "crawl.warc.gz:record 2"
    assert got[1][1]["reason"] == "bad record"
    assert got[2][1]["reason"] == "AttributeError: reader bug"


# ---------------------------------------------------------------------------- extraction


def _failing_on(bad_id: str) -> stream.ExtractMany:
    def run(articles: Iterable[Article]) -> Iterator[list[Statement]]:
        for article in articles:
            if article.id == bad_id:
                raise RuntimeError("engine failed")
            yield next(iter(extract_many([article])))

    return run


def test_one_failing_document_becomes_an_error_row() -> None:
    articles = _articles()
    items = [("article", a) for a in articles]
    items.insert(
        1, ("errors", {"source": "x", "file": "x", "line": None, "stage": "read", "reason": "r"})
    )
    out = _kinds(
        records.extract_partition(
            items, batch_size=8, model=None, ingested_at="T", extract=_failing_on("doc-1")
        )
    )
    assert sorted(r["doc_id"] for r in out["articles"]) == ["doc-0", "doc-2"]
    failed = [e for e in out["errors"] if e["stage"] == "extract"]
    assert len(failed) == 1 and failed[0]["source"] == "docs.jsonl:2"
    assert failed[0]["file"] == "docs.jsonl" and "engine failed" in failed[0]["reason"]
    assert len(out["errors"]) == 2  # the read error passed through


def test_partition_records_match_plain_extraction_and_store_schemas() -> None:
    articles = _articles()
    out = _kinds(records.extract_partition([("article", a) for a in articles], 2, None, "T"))
    expected = [
        records.resolve_in_article(a, s)
        for a, s in zip(articles, extract_many(articles), strict=True)
    ]
    assert sum(map(len, expected)) >= 2
    for table in ("articles", "statements"):
        batch = pa.RecordBatch.from_pylist(out[table], schema=SCHEMAS[table])  # types fit
        assert batch.num_rows == len(out[table])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for rec in sorted(out["statements"], key=lambda r: (r["doc_id"], r["position"])):
        by_doc[rec["doc_id"]].append(rec)
    for article, statements in zip(articles, expected, strict=True):
        got = by_doc[article.id]
        assert [r["content"] for r in got] == [s.content.text for s in statements]
        assert [r["when"] for r in got] == [s.when for s in statements]
        assert all(r["article_id"] == article.content_id for r in got)
    counts = {r["doc_id"]: r["statement_count"] for r in out["articles"]}
    assert counts == {a.id: len(s) for a, s in zip(articles, expected, strict=True)}


def test_duplicates_keep_the_first_in_input_order() -> None:
    a = Article(id="late", text="same", source="d.jsonl:10")
    b = Article(id="early", text="same", source="d.jsonl:9")
    assert read.first_read(a, b) is b and read.first_read(b, a) is b
    assert read.shuffle_key(("article", a)) == read.shuffle_key(("article", b))


def test_speakers_aggregate_like_the_store() -> None:
    """The job's speakers stage gives the rows `onrecord speakers` shows for the same input."""
    st = Statement(
        kind="direct",
        content=Span(1, 5, "abcd"),
        speaker=Speaker(name="Mara Ellison", type="person", role="mayor"),
    )
    other = Statement(
        kind="direct", content=Span(1, 5, "abcd"), speaker=Speaker(name="mara ellison")
    )
    articles = _articles()
    stored = [(articles[0], [st, other]), (articles[1], [st]), (articles[2], [])]
    assert _speaker_rows(stored) == _store_speaker_rows(stored)


def _speaker_rows(stored: list[tuple[Article, list[Statement]]]) -> list[dict]:
    """The job's speakers rows of these extracted articles (records built, then aggregated)."""
    recs = [
        rec for a, s in stored for t, rec in records.records_for(a, s, "T") if t == "statements"
    ]
    return list(records.speaker_records(recs))


def _store_speaker_rows(stored: list[tuple[Article, list[Statement]]]) -> list[dict]:
    """`onrecord speakers` of the same articles, ingested in this order."""
    with Store(":memory:", create=True) as store:
        for a, s in stored:
            store.add_article(a, s)
        return [row.to_json() for row in store.speakers()]


def test_speaker_roles_in_the_stores_order_undated_last() -> None:
    """The store lists a speaker's roles in the order first reported, undated and year-unknown
    reports last; the job once sorted by the raw publication date, which put them first."""

    def said(role: str) -> list[Statement]:
        speaker = Speaker(name="Mara Ellison", type="person", role=role)
        return [Statement(kind="direct", content=Span(1, 5, "abcd"), speaker=speaker)]

    base = _articles()
    undated = Article(id="u", text=TEXTS[0] + " Undated.", outlet="Wire", source="d.jsonl:7")
    yearless = Article(id="y", text=TEXTS[1] + " Yearless.", outlet="Wire", published="--05-01")
    stored = [
        (undated, said("former mayor")),
        (yearless, said("candidate")),
        (base[1], said("mayor")),
    ]
    got = _speaker_rows(stored)
    assert got == _store_speaker_rows(stored)
    assert got[0]["roles"] == ["mayor", "former mayor", "candidate"]


# ---------------------------------------------------------------------------- import


def _write_record(tmp_path: Path) -> Path:
    """A Parquet record folder as the job writes it, via the store's own writer."""
    articles = _articles()
    out = _kinds(records.extract_partition([("article", a) for a in articles], 8, None, "T"))
    root = tmp_path / "record"
    write_records(out["articles"], "articles", root)
    write_records(out["statements"], "statements", root)
    return root


def test_load_record_is_idempotent(tmp_path: Path) -> None:
    root = _write_record(tmp_path)
    with Store(tmp_path / "a.db", create=True) as store:
        first = load_record(store, root, batch=2)
        counts = store.counts()
        again = load_record(store, root)
        assert store.counts() == counts
    assert (first.new, first.duplicate, first.batches) == (3, 0, 2)
    assert (again.new, again.duplicate) == (0, 3)
    assert counts.articles == 3 and counts.statements == first.statements > 0


def test_import_parquet_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _write_record(tmp_path)
    db = tmp_path / "cli.db"
    assert main(["import-parquet", str(root), "--db", str(db)]) == 0
    assert "3 new" in capsys.readouterr().err
    assert main(["import-parquet", str(root), "--db", str(db)]) == 0
    assert "3 duplicate" in capsys.readouterr().err
    assert main(["import-parquet", str(tmp_path / "nothing"), "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not a Parquet record" in err


def test_engine_options_reach_the_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """--model and --scope go to extract_many as `onrecord extract` passes them; without
    --scope, extract_many's own default (the CLI's) applies."""
    import argparse

    seen: list[dict[str, object]] = []

    def fake(articles: Iterable[Article], **kwargs: object) -> Iterator[list[Statement]]:
        seen.append(kwargs)
        return iter([[] for _ in articles])

    monkeypatch.setattr(stream, "extract_many", fake)
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    for argv in (["--model", "m", "--scope", "speech"], []):
        config = options.config_from_args(parser.parse_args(["in.jsonl", "-o", "out", *argv]))
        items = [("article", a) for a in _articles()]
        list(
            records.extract_partition(
                items, config.batch_size, config.model, "T", None, config.scope
            )
        )
    assert seen == [
        {"batch_size": 32, "model": "m", "scope": "speech"},
        {"batch_size": 32, "model": None},
    ]


def test_spark_extract_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["spark-extract", "--help"])
    assert exc.value.code == 0
    assert "--output" in capsys.readouterr().out


def test_docs_list_every_column_of_every_table() -> None:
    """docs/spark.md documents the schemas; it must name exactly the columns written."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "spark.md").read_text(encoding="utf-8")
    schemas = {**SCHEMAS, "errors": read.ERRORS_SCHEMA}
    for table, schema in schemas.items():
        section = doc.split(f"### {table} ", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        rows = re.findall(r"^\| (\w+) \| ([^|]+) \|", section, re.M)
        documented = [(name, kind.strip()) for name, kind in rows if name != "column"]
        assert [n for n, _ in documented] == schema.names, table
        for name, kind in documented:
            arrow = str(schema.field(name).type).replace("item: ", "")
            assert kind == arrow, (table, name, kind, arrow)
