"""The Spark job end to end on local[2]: same statements as the CLI, bad records in errors.

One job run (module fixture) over a small corpus written here: documents JSONL with an invalid
line and a duplicate, a plain-text wire story with a year-less dateline, and a WARC.gz made
with warcio whose last record is corrupt. The checks compare the job's Parquet output with
``onrecord extract`` and with ``onrecord ingest`` on the same files, then import it twice.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from onrecord.cli.main import main

pytestmark = [pytest.mark.spark, pytest.mark.slow]

pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'onrecord[spark]')")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime (java not on PATH, JAVA_HOME unset)", allow_module_level=True)

# ---------------------------------------------------------------------------- the corpus
# All text below was written for this test; outlets and people are invented.

DOCS: list[dict[str, Any]] = [
    {
        "id": "nw-1",
        "outlet": "Northwind Wire",
        "published": "2024-05-02T10:15:00+02:00",
        "text": "Harbour talks resume\n\nThe port authority will reopen the northern pier next "
        'week, officials said on Thursday.\n\n"We expect the first ships by Monday," '
        "Mara Ellison told reporters. She added that the repairs had cost less than planned.",
    },
    {
        "id": "hp-7",
        "outlet": "Harbour Post",
        "published": "2024-05-03",
        "text": 'Council votes on tram line\n\n"This is a good day for the city," Tomas Brandt '
        'said after the vote. "Construction starts in autumn," he added.\n\nThe opposition '
        "said the plan was too expensive.",
    },
    {
        "id": "vc-2",
        "outlet": "Le Courrier d'Été / Valley",
        "text": "Fishermen protest quotas\n\nAbout two hundred fishermen gathered at the quay. "
        '"We cannot live on these numbers," Ilse Varga said. The ministry did not comment.',
    },
    {
        "id": "nw-2",
        "outlet": "Northwind Wire",
        "published": "2024-05-02",
        "text": "Grain corridor extended\n\nThe grain corridor will stay open until the end of "
        'the year. "Nobody wants a new crisis," envoy Kofi Mensah said on Wednesday.',
    },
]
DUPLICATE = {**DOCS[1], "id": "hp-7-copy"}  # same text as hp-7: stored once, like ingest does
BAD_LINE = '{"id": "broken", "text": "an unterminated line'

WIRE_TEXT = (
    "Minister rejects tariff plan\n\n"
    "LISBON, May 4 (Northwind Wire) - The finance minister rejected the tariff plan on "
    'Saturday. "The numbers do not add up," Ana Ruiz said at a news conference.\n\n'
    'She said a new proposal was expected in June. "We are open to talks," she added.\n'
)

PAGES = [
    (
        "https://news.example.org/2024/05/05/bridge",
        "Bridge to reopen",
        "<p>The old bridge will reopen on Friday after two years of work.</p>"
        '<p>"It was worth the wait," Oleg Sokol said on Sunday.</p>'
        "<p>Traffic will be limited to buses at first, the city said.</p>",
    ),
    (
        "https://news.example.org/2024/05/06/library",
        "Library extends hours",
        "<p>The central library will stay open until midnight during exams.</p>"
        '<p>"Students asked for it for years," Mara Ellison said.</p>',
    ),
]


def _html(title: str, body: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def write_warc(path: Path) -> None:
    """Two HTML responses, then a corrupt record (a gzip member that is not WARC) at the end."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, title, body in PAGES:
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(_html(title, body)),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-06T08:00:00Z"},
        )
        writer.write_record(record)
    corrupt = gzip.compress(b"this gzip member holds no WARC record\r\n\r\n")
    path.write_bytes(buf.getvalue() + corrupt)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spark-corpus")
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCS[:2]]
    lines += ["", BAD_LINE, json.dumps(DUPLICATE, ensure_ascii=False)]
    lines += [json.dumps(d, ensure_ascii=False) for d in DOCS[2:]]
    (root / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    write_warc(root / "crawl.warc.gz")
    return root


@pytest.fixture(scope="module")
def job(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """Run ``onrecord spark-extract`` once on local[2]; (output folder, exit code)."""
    out = tmp_path_factory.mktemp("spark-out") / "record"
    inputs = [str(corpus / n) for n in ("docs.jsonl", "wire.txt", "crawl.warc.gz")]
    code = main(
        [
            "spark-extract",
            *inputs,
            "--output",
            str(out),
            "--master",
            "local[2]",
            "--partitions",
            "3",
        ]
    )
    return out, code


def _table(out: Path, table: str) -> list[dict[str, Any]]:
    from onrecord.store.parquet import read_table

    return read_table(out, table).to_pylist()


def _by_doc(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Statement JSON (interchange format) per doc id, in position order."""
    from onrecord.store.parquet import statement_from_record

    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in sorted(records, key=lambda r: (r["doc_id"], r["position"])):
        grouped[rec["doc_id"]].append(statement_from_record(rec).to_json())
    return dict(grouped)


def _without_time(statement: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in statement.items() if k not in ("when", "when_precision")}


# ---------------------------------------------------------------------------- the tests


def test_job_succeeds_with_bad_records_reported(job: tuple[Path, int]) -> None:
    out, code = job
    assert code == 1  # the CLI's "some inputs failed": output complete, bad records listed
    for table in ("articles", "statements", "speakers", "errors"):
        assert (out / table / "_SUCCESS").exists(), table
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["counts"]["articles"] == 7  # 4 JSONL (duplicate dropped) + wire + 2 pages
    assert manifest["counts"]["errors"] == 2


def test_spark_submit_runs_the_same_job(job: tuple[Path, int], corpus: Path) -> None:
    """``spark-submit src/onrecord/spark/job.py`` (the documented cluster entry point) on the
    files with the bad records: the application succeeds (exit 0), both bad records are in
    its errors table, and its statements are the ones `onrecord spark-extract` wrote."""
    import subprocess
    import sys

    from onrecord.spark import job as spark

    bindir = Path(sys.executable).parent
    if not (bindir / "spark-submit").exists():
        pytest.skip(f"no spark-submit beside {sys.executable}")
    out = corpus.parent / "submitted"
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    proc = subprocess.run(
        [
            str(bindir / "spark-submit"),
            "--master",
            "local[2]",
            spark.__file__,
            str(corpus / "docs.jsonl"),
            str(corpus / "crawl.warc.gz"),
            "--output",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # spark-submit's PythonRunner passes the driver's stderr on through its own stdout
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    assert "2 records failed" in proc.stdout + proc.stderr
    errors = pq.read_table(out / "errors").to_pylist()
    assert sorted(Path(e["file"]).name for e in errors) == ["crawl.warc.gz", "docs.jsonl"]
    submitted = _table(out, "statements")
    wire = {a["id"] for a in _table(job[0], "articles") if "wire.txt" in (a["source"] or "")}
    same_files = [r for r in _table(job[0], "statements") if r["article_id"] not in wire]
    assert len(submitted) == len(same_files) > 0
    assert _by_doc(submitted) == _by_doc(same_files)


def test_errors_table_names_both_bad_records(job: tuple[Path, int]) -> None:
    out, _ = job
    errors = sorted(pq.read_table(out / "errors").to_pylist(), key=lambda r: r["file"])
    assert [Path(e["file"]).name for e in errors] == ["crawl.warc.gz", "docs.jsonl"]
    warc, jsonl = errors
    assert jsonl["line"] == 4 and "JSON" in jsonl["reason"]
    assert jsonl["source"].endswith("docs.jsonl:4")
    assert warc["line"] is None and "record 3" in warc["source"]
    assert "Error:" not in warc["reason"]  # the reader's own message, not a crash
    assert all(e["stage"] == "read" and e["reason"] for e in errors)


def test_statements_equal_onrecord_extract(job: tuple[Path, int], corpus: Path) -> None:
    out, _ = job
    cli_out = corpus.parent / "cli-extract.jsonl"
    assert main(["extract", str(corpus / "docs.jsonl"), "-o", str(cli_out)]) == 1  # bad line
    expected = {}
    for line in cli_out.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        expected[data["id"]] = data["statements"]
    got = _by_doc(_table(out, "statements"))
    assert sum(len(v) for v in expected.values()) > 0  # the comparison is not vacuous
    for doc in DOCS:
        # `extract` stops at the article; the job also gives each statement its time, as the
        # store's record update does after ingest (compared in the next test).
        mine = [_without_time(s) for s in got.get(doc["id"], [])]
        assert mine == [_without_time(s) for s in expected[doc["id"]]], doc["id"]
    assert "hp-7-copy" not in got  # same content as hp-7: kept once


def test_everything_equals_onrecord_ingest(job: tuple[Path, int], corpus: Path) -> None:
    """All inputs (JSONL, text, WARC) against the CLI's ingest of the same files."""
    from onrecord.api.core import ingest
    from onrecord.store.db import Store

    db = corpus.parent / "cli-ingest.db"
    ingest([corpus / n for n in ("docs.jsonl", "wire.txt", "crawl.warc.gz")], db=db)
    out, _ = job
    with Store(db) as store:
        rows = store.articles(all_revisions=True)
        want_articles = {(r.id, r.doc_id, r.outlet, r.published, r.headline, r.url) for r in rows}
        want = defaultdict(list)
        for s in store.statements(all_revisions=True):
            want[s.article_id].append((s.position, s.statement.to_json()))
        want_speakers = {(s.name, s.statements, s.articles) for s in store.speakers()}
    got_articles = {
        (r["id"], r["doc_id"], r["outlet"], r["published"], r["headline"], r["url"])
        for r in _table(out, "articles")
    }
    assert got_articles == want_articles
    got = defaultdict(list)
    from onrecord.store.parquet import statement_from_record

    for rec in _table(out, "statements"):
        got[rec["article_id"]].append((rec["position"], statement_from_record(rec).to_json()))
    assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in want.items()}
    speakers = {(s["name"], s["statements"], s["articles"]) for s in _table(out, "speakers")}
    assert speakers == want_speakers


def test_partitioned_by_date_and_outlet(job: tuple[Path, int]) -> None:
    out, _ = job
    parts = {p.relative_to(out / "articles").parts[:2] for p in out.glob("articles/*/*/*.parquet")}
    dates = {d for d, _ in parts}
    assert "date=2024-05-02" in dates and "date=unknown" in dates  # "May 4": year unknown
    by_id = {r["doc_id"]: r for r in _table(out, "articles")}
    assert by_id["vc-2"]["outlet"] == "Le Courrier d'Été / Valley"  # escaped folder, same value
    assert by_id["vc-2"]["date"] == "unknown"
    assert by_id["nw-1"]["date"] == "2024-05-02"
    # files hold the store's columns (partition columns live in the folder names)
    from onrecord.store.parquet import PARTITION_COLUMNS, SCHEMAS

    for table in ("articles", "statements", "speakers"):
        want = [f for f in SCHEMAS[table] if f.name not in PARTITION_COLUMNS]
        for file in out.glob(f"{table}/**/*.parquet"):
            schema = pq.read_schema(file)
            assert schema.names == [f.name for f in want], file
            assert all(schema.field(f.name).type == f.type for f in want), file


def test_import_parquet_is_idempotent(job: tuple[Path, int], tmp_path: Path) -> None:
    from onrecord.store.db import Store

    out, _ = job
    db = tmp_path / "imported.db"
    assert main(["import-parquet", str(out), "--db", str(db)]) == 0
    with Store(db) as store:
        first = store.counts()
        statements = [s.to_json() for s in store.statements(all_revisions=True)]
    assert first.articles == 7
    assert first.statements == len(_table(out, "statements")) > 0
    assert main(["import-parquet", str(out), "--db", str(db)]) == 0
    with Store(db) as store:
        assert store.counts() == first
        assert [s.to_json() for s in store.statements(all_revisions=True)] == statements
        assert store.integrity_check() == "ok"
