"""Every field ``onrecord.schema`` declares reaches every face it names, and no face has a
field the declaration lacks: SQL, Parquet, CSV, the Python API and the HTTP API (datasette
keeps such a test for its tables).

One article whose statement has every field set goes through the store; each face is then
read as a user reads it and compared with the declaration, so a field dropped from any face
(a SELECT list, a Parquet schema, the CSV writer, ``to_json``, an HTTP route) fails here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import onrecord.api as api
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.updates import update_record
from onrecord.schema import ARTICLES, SPEAKERS, STATEMENTS, TABLES, Field, Table
from onrecord.store.db import SpeakerRow, Store
from onrecord.store.parquet import SCHEMAS, export_parquet, read_table
from onrecord.web.app import create_app

TEXT = (
    "Talks resume in Portvale\n"
    'PORTVALE, May 1. "The crossing will reopen," foreign ministry spokesman Lena Holm of '
    "Nordland told farmers at a meeting on Monday."
)


def _span(text: str, words: str) -> Span:
    start = TEXT.index(words)
    return Span.of(TEXT, start, start + len(words))


def _article(draft: bool = False) -> tuple[Article, list[Statement]]:
    """An article with every declared article field set and one statement with every
    statement field set (so a value missing from a face is a field dropped); the ``draft``
    is its first revision, so the one listed has a ``revision_of``."""
    article = Article(
        id="doc-1",
        text=TEXT + (" (Draft.)" if draft else ""),
        outlet="Northwind Wire",
        published="2023-05-01T10:00:00Z",
        dateline="PORTVALE, May 1.",
        headline="Talks resume in Portvale",
        subheadline="The crossing may reopen",
        byline="Ana Ferro",
        url="https://northwind.example/portvale",
        language="en",
        source="portvale.txt",
        body_start=TEXT.index("PORTVALE"),
        meta={"section": "world"},
    )
    said = _span(TEXT, "The crossing will reopen")
    statement = Statement(
        kind="direct",
        content=said,
        speaker=Speaker(
            "Lena Holm",
            "person",
            _span(TEXT, "Lena Holm"),
            role="foreign ministry spokesman",
            affiliation="Nordland",
        ),
        cue=_span(TEXT, "told"),
        fragments=((said.start, said.start + 12), (said.start + 13, said.end)),
        addressee="farmers",
        occasion="a meeting",
        when="2023-05-01",
        when_precision="day",
        confidence=0.9,
        source="quote",
        act="speech",
    )
    return article, [statement]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "record.db"
    with Store(path, create=True) as store:
        store.add_article(*_article(draft=True))
        store.add_article(*_article())
        update_record(store)
    return path


def _at(data: Any, path: str) -> Any:
    """The value at a dotted JSON path (KeyError when a step is missing)."""
    for step in path.split("."):
        data = data[step]
    return data


def _declared(table: Table, face: str) -> set[str]:
    return {f.name for f in table.fields if getattr(f, face)}


def test_declarations_are_whole() -> None:
    for table in TABLES.values():
        for f in table.fields:
            assert f.json or f.csv or f.parquet or f.column, f"{table.name}.{f.name} has no face"
    assert [f.name for f in fields(SpeakerRow)] == list(SPEAKERS.names)


def test_sql(db: Path) -> None:
    with Store(db) as store:
        for table in (ARTICLES, STATEMENTS):
            columns = {r[1] for r in store.query(f"PRAGMA table_info({table.name})", [])}
            assert {f.name for f in table.stored} <= columns, table.name
        (row,) = store.statements()
        (article,) = store.articles(with_text=True)
    for table, values in ((STATEMENTS, row.values), (ARTICLES, article.values)):
        selected = {f.name for f in table.selected}
        assert selected <= set(values), table.name
        empty = {name for name in selected if values[name] in (None, "", [], {})}
        assert not empty, f"{table.name}: read back empty: {sorted(empty)}"


def test_parquet(db: Path, tmp_path: Path) -> None:
    with Store(db) as store:
        export_parquet(store, tmp_path / "out")
    for table in (ARTICLES, STATEMENTS, SPEAKERS):
        assert SCHEMAS[table.name].names == [f.name for f in table.in_parquet]
        (record,) = read_table(tmp_path / "out", table.name).to_pylist()
        assert set(record) == _declared(table, "parquet"), table.name
        empty = {k for k, v in record.items() if v in (None, "", [])}
        assert not empty, f"{table.name}: written empty: {sorted(empty)}"


def test_csv(db: Path) -> None:
    out = io.StringIO()
    api.export("csv", out, db=db)
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == [f.csv for f in STATEMENTS.in_csv]
    assert all(row), dict(zip(header, row, strict=True))
    (article,) = api.articles(db)
    assert set(article.row()) == {f.csv for f in ARTICLES.in_csv}
    (speaker,) = api.speakers(db)
    assert set(speaker.row()) == {f.csv for f in SPEAKERS.in_csv}


def _json_faces(table: Table, data: dict[str, Any], *, exact: bool) -> None:
    declared = [f for f in table.fields if f.json]
    for f in declared:
        _at(data, f.json or "")  # KeyError: the field is not in this JSON
    if exact:
        assert set(data) == {(f.json or "").split(".")[0] for f in declared}, table.name


def test_python_api(db: Path) -> None:
    (row,) = api.statements(db)
    _json_faces(STATEMENTS, row.to_json(), exact=True)
    assert {f.name for f in STATEMENTS.selected} <= set(row.values)
    (listed,) = api.articles(db)
    assert {f.name for f in ARTICLES.selected if f.name != "text"} <= set(listed.values)
    _json_faces(ARTICLES, api.article("doc-1", db).article.to_json(), exact=True)
    (speaker,) = api.speakers(db)
    _json_faces(SPEAKERS, speaker.to_json(), exact=True)


def test_http_api(db: Path) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        (item,) = client.get("/api/statements").json()["items"]
        _json_faces(STATEMENTS, item, exact=False)
        (listed,) = client.get("/api/articles").json()["items"]
        full = client.get(f"/api/articles/{listed['id']}").json()
        # the page's JSON names the count apart from the list of statements it carries
        assert full["statement_count"] == len(full["statements"]) == 1
        _json_faces(ARTICLES, {**full, "statements": full["statement_count"]}, exact=False)
        (speaker,) = client.get("/api/speakers").json()["items"]
        _json_faces(SPEAKERS, speaker, exact=False)


def test_a_field_dropped_from_a_face_fails() -> None:
    """The checks above see a field missing: a statement without its addressee."""
    data = {"kind": "direct", "content": {"start": 0, "end": 1, "text": "x"}}
    with pytest.raises(KeyError):
        _json_faces(STATEMENTS, data, exact=False)
    assert isinstance(STATEMENTS["addressee"], Field)
