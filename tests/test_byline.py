"""The article's byline with each statement, end to end: declared once (``onrecord.schema``)
and filtered on (``StatementFilter.byline``), it reaches ``onrecord statements`` (option and
JSON), ``onrecord.api.statements``, every export, ``/api/statements`` (parameter and JSON)
and the article page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord import api
from onrecord.cli.main import main
from onrecord.errors import UsageError
from onrecord.store.db import StatementFilter, Store
from onrecord.store.parquet import export_parquet, read_table
from onrecord.web.app import create_app


@pytest.fixture
def db(tmp_path: Path, make_article: Callable[..., Any]) -> Path:
    path = tmp_path / "record.db"
    with Store(path, create=True) as store:
        for i, byline in enumerate(("Ana Ferro, Portvale", "Jonas Feld", None)):
            article, statements = make_article(i, url=f"https://northwind.example/{i}")
            store.add_article(replace(article, byline=byline), statements)
    return path


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_the_store_filters_on_it(db: Path) -> None:
    with Store(db) as store:
        found = store.statements(StatementFilter(byline="ana  FERRO"))
        assert {s["byline"] for s in found} == {"Ana Ferro, Portvale"} and len(found) == 2
        assert store.statements(StatementFilter(byline="100%")) == []
        assert store.count_statements(byline="feld") == 2


def test_the_python_api(db: Path) -> None:
    found = api.statements(db, byline="ferro")
    assert {s["byline"] for s in found} == {"Ana Ferro, Portvale"} and len(found) == 2
    with pytest.raises(UsageError, match="unknown statement filter 'bylin'"):
        api.statements(db, bylin="ferro")


def test_the_command_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _cli(capsys, "statements", "--db", str(db), "--byline", "feld", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["byline"] for r in rows] == ["Jonas Feld", "Jonas Feld"]
    listed = _cli(capsys, "statements", "--db", str(db), "--byline", "nobody")
    assert listed.splitlines()[1:] == []


def test_the_exports(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _cli(capsys, "export", "--db", str(db), "--format", "csv")
    bylines = [r["byline"] for r in csv.DictReader(io.StringIO(out))]
    assert sorted(bylines) == ["", "", "Ana Ferro, Portvale", "Ana Ferro, Portvale"] + [
        "Jonas Feld"
    ] * 2
    out = _cli(capsys, "export", "--db", str(db), "--format", "jsonl")
    assert "Jonas Feld" in {json.loads(line).get("byline") for line in out.splitlines()}
    with Store(db) as store:
        export_parquet(store, tmp_path / "pq", StatementFilter(byline="ferro"))
    # Parquet keeps it in the articles table (statements join it by article_id)
    rows = read_table(tmp_path / "pq", "statements").to_pylist()
    articles = {r["id"]: r["byline"] for r in read_table(tmp_path / "pq", "articles").to_pylist()}
    assert {articles[r["article_id"]] for r in rows} == {"Ana Ferro, Portvale"}
    assert sum(r["statements"] for r in read_table(tmp_path / "pq", "speakers").to_pylist()) == 2


def test_the_http_api_and_the_article_page(db: Path) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        items = client.get("/api/statements", params={"byline": "Ferro"}).json()["items"]
        assert [i["byline"] for i in items] == ["Ana Ferro, Portvale"] * 2
        page = client.get(items[0]["links"]["article"].split("#")[0]).text
        assert '<span class="byline">by Ana Ferro, Portvale</span>' in page
        spec = client.get("/openapi.json").json()["paths"]["/api/statements"]["get"]
        assert "byline" in {p["name"] for p in spec["parameters"]}
