"""Outlet corrections reach every surface (issue 12, item 2): ``onrecord outlets rename``.

The web corpus (tests/support/web_corpus.py: invented outlets "Northwind Wire" and "Harbor
Daily Post") gets one more article stored under the name a page without publisher metadata
gives, its domain ("harbordailypost.example"). The user names both "The Harbor Post"; every
listing, filter, export, the HTTP API and the web UI then show that name, and it holds after
a rebuild, a re-ingest and for articles stored later under either old name.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.cli.main import main
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from onrecord.store.parquet import read_table
from onrecord.web.app import create_app
from support.web_corpus import OUTLET_A, OUTLET_B, SPEAKER, fill_store

DOMAIN = "harbordailypost.example"
NEW = "The Harbor Post"


def harbor_article(doc_id: str, outlet: str, published: str, words: str) -> Article:
    return Article(
        id=doc_id,
        text=f'Port news.\n\n"{words}," Ilya Voronov said on Friday.',
        outlet=outlet,
        published=published,
        headline=f"Port news: {words}",
    )


def add(store: Store, article: Article) -> None:
    """Store one article with its one quote and update the record, as ingest does."""
    words = article.text.split('"')[1].rstrip(",")
    start = article.text.index(words)
    m = article.text.index("Ilya Voronov")
    statement = Statement(
        "direct",
        Span.of(article.text, start, start + len(words)),
        Speaker(SPEAKER, "person", Span.of(article.text, m, m + len("Ilya Voronov"))),
    )
    with store.transaction():
        store.add_article(article, [statement])
        update_record(store)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def jsonl(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli(capsys, *argv, "--format", "jsonl").splitlines()]


@pytest.fixture
def raw_db(tmp_path: Path) -> str:
    path = fill_store(tmp_path / "outlets.db")
    with Store(path) as store:
        add(store, harbor_article("dom-1", DOMAIN, "2022-03-30", "The cranes are back"))
    return str(path)


@pytest.fixture
def db(raw_db: str, capsys: pytest.CaptureFixture[str]) -> str:
    cli(capsys, "outlets", "rename", DOMAIN, OUTLET_B, "--db", raw_db)
    cli(capsys, "outlets", "rename", OUTLET_B, NEW, "--db", raw_db)
    return raw_db


def test_outlets_listing_and_rename(raw_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = {r["outlet"]: r for r in jsonl(capsys, "outlets", "--db", raw_db)}
    assert set(before) == {OUTLET_A, OUTLET_B, DOMAIN}
    (done,) = jsonl(capsys, "outlets", "rename", DOMAIN, OUTLET_B, "--db", raw_db)
    assert done == {"outlet": OUTLET_B, "articles": 3, "aliases": [DOMAIN]}
    after = {r["outlet"]: r for r in jsonl(capsys, "outlets", "--db", raw_db)}
    assert set(after) == {OUTLET_A, OUTLET_B}
    assert (after[OUTLET_B]["articles"], after[OUTLET_B]["aliases"]) == (3, [DOMAIN])
    assert after[OUTLET_B]["statements"] == before[OUTLET_B]["statements"] + 1
    # renaming a name shown now moves every stored name shown as it
    (done,) = jsonl(capsys, "outlets", "--db", raw_db, "rename", OUTLET_B.upper(), NEW)
    assert done["outlet"] == NEW and done["articles"] == 3
    listed = cli(capsys, "outlets", "--db", raw_db)
    assert NEW in listed and DOMAIN in listed  # the stored names, as aliases
    assert [r["outlet"] for r in jsonl(capsys, "outlets", "--db", raw_db)] == [NEW, OUTLET_A]


def test_rename_back_unknown_and_errors(raw_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "outlets", "rename", OUTLET_A, "Northwind", "--db", raw_db)
    cli(capsys, "outlets", "rename", "Northwind", OUTLET_A, "--db", raw_db)
    rows = {r["outlet"]: r for r in jsonl(capsys, "outlets", "--db", raw_db)}
    assert rows[OUTLET_A]["aliases"] == []  # back to the stored name: no alias maps to itself
    with Store(raw_db) as store:
        assert store.query("SELECT count(*) FROM outlet_aliases WHERE alias = name", [])[0][0] == 0
    for argv, message in (
        (["", "X"], "the outlet name is empty"),
        ([OUTLET_A, "  "], "the new outlet name is empty"),
        ([OUTLET_A, OUTLET_A], "already called"),
    ):
        assert main(["outlets", "rename", *argv, "--db", raw_db]) == 2
        assert message in capsys.readouterr().err
    # a name no article has yet is kept for articles to come, and says so
    assert main(["outlets", "rename", "Kessel Tide", "The Kessel Tide", "--db", raw_db]) == 0
    assert "no stored article has outlet 'Kessel Tide' yet" in capsys.readouterr().err
    with Store(raw_db) as store:
        add(store, harbor_article("tide-1", "Kessel Tide", "2022-04-05", "The tide is high"))
    rows = {r["outlet"]: r for r in jsonl(capsys, "outlets", "--db", raw_db)}
    assert rows["The Kessel Tide"]["aliases"] == ["Kessel Tide"]


def test_listings_and_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for name in (NEW, NEW.lower(), OUTLET_B, DOMAIN):
        arts = jsonl(capsys, "articles", "--outlet", name, "--db", db)
        if name in (NEW, NEW.lower()):
            assert len(arts) == 3 and {a["outlet"] for a in arts} == {NEW}, name
        else:  # an old name still selects the articles stored under it, shown renamed
            assert arts and {a["outlet"] for a in arts} == {NEW}, name
    said = jsonl(capsys, "statements", "--outlet", NEW, "--db", db)
    assert len(said) == 3 and {s["outlet"] for s in said} == {NEW}
    assert {s["outlet"] for s in jsonl(capsys, "statements", "--db", db)} == {NEW, OUTLET_A}
    table = cli(capsys, "statements", "--db", db)
    assert NEW in table and OUTLET_B not in table and DOMAIN not in table
    speakers = jsonl(capsys, "speakers", "--outlet", NEW, "--db", db)
    assert [s["name"] for s in speakers] == [SPEAKER]
    assert speakers[0]["outlets"] == [NEW]
    (profile,) = jsonl(capsys, "speaker", SPEAKER, "--db", db)
    assert {o["outlet"] for o in profile["outlets"]} == {NEW, OUTLET_A}
    assert {r["outlet"] for r in profile["roles"]} <= {NEW, OUTLET_A}
    lines = jsonl(capsys, "timeline", "--db", db)
    assert {o for e in lines for o in e["outlets"]} == {NEW, OUTLET_A}
    groups = jsonl(capsys, "compare", "--speaker", SPEAKER, "--date", "2022-03-21", "--db", db)
    assert [g["outlets"] for g in groups] == [[OUTLET_A, NEW], [OUTLET_A]]
    assert {r["outlet"] for g in groups for r in g["reports"]} == {OUTLET_A, NEW}


def test_exports(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(cli(capsys, "export", "--format", "csv", "--db", db))))
    assert {r["outlet"] for r in rows} == {NEW, OUTLET_A}
    docs = [
        json.loads(x) for x in cli(capsys, "export", "--format", "jsonl", "--db", db).splitlines()
    ]
    assert {d["outlet"] for d in docs} == {NEW, OUTLET_A}
    filtered = cli(capsys, "export", "--format", "csv", "--outlet", NEW, "--db", db)
    assert len(list(csv.DictReader(io.StringIO(filtered)))) == 3
    out = tmp_path / "parquet"
    cli(capsys, "export", "--format", "parquet", "--output", str(out), "--db", db)
    assert {r["outlet"] for r in read_table(out, "articles").to_pylist()} == {NEW, OUTLET_A}
    assert {r["outlet"] for r in read_table(out, "statements").to_pylist()} == {NEW, OUTLET_A}
    (voronov,) = [r for r in read_table(out, "speakers").to_pylist() if r["name"] == SPEAKER]
    assert sorted(voronov["outlets"]) == sorted([NEW, OUTLET_A])
    assert any("outlet=The%20Harbor%20Post" in str(p) for p in (out / "statements").rglob("*"))


def test_http_api_and_web(db: str) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        outlets = client.get("/api/outlets").json()["items"]
        assert {o["outlet"]: o["articles"] for o in outlets} == {NEW: 3, OUTLET_A: 2}
        found = client.get("/api/statements", params={"outlet": NEW}).json()
        assert found["total"] == 3 and {s["outlet"] for s in found["items"]} == {NEW}
        arts = client.get("/api/articles", params={"outlet": NEW.upper()}).json()
        assert arts["total"] == 3 and {a["outlet"] for a in arts["items"]} == {NEW}
        speakers = client.get("/api/speakers", params={"outlet": NEW}).json()["items"]
        assert [s["outlets"] for s in speakers] == [[NEW]]
        profile = client.get(f"/api/speakers/{SPEAKER}").json()
        assert set(profile["outlets"]) == {NEW, OUTLET_A}
        line = client.get("/api/timeline").json()["items"]
        assert {o for e in line for o in e["outlets"]} == {NEW, OUTLET_A}
        home = client.get("/").text
        assert f">{NEW}</option>" in home and OUTLET_B not in home and DOMAIN not in home
        page = client.get("/articles").text
        assert NEW in page and OUTLET_B not in page and DOMAIN not in page
        article = client.get(arts["items"][0]["links"]["page"]).text
        assert NEW in article


def test_rename_survives_rebuild_reingest_and_new_articles(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "speakers", "rebuild", "--db", db)
    assert [r["outlet"] for r in jsonl(capsys, "outlets", "--db", db)] == [NEW, OUTLET_A]
    # the same article again (as a document with the outlet it was stored under): duplicate
    docs = tmp_path / "docs.jsonl"
    again = harbor_article("dom-1", DOMAIN, "2022-03-30", "The cranes are back")
    docs.write_text(json.dumps(again.to_json()) + "\n", encoding="utf-8")
    assert main(["ingest", str(docs), "--db", db]) == 0
    assert "0 new, 1 duplicate" in capsys.readouterr().err
    # articles stored later under either old name are shown under the new one
    with Store(db) as store:
        add(store, harbor_article("dom-2", DOMAIN, "2022-04-01", "The quay is open"))
        add(store, harbor_article("hd-9", OUTLET_B, "2022-04-02", "The ferries run"))
    rows = {r["outlet"]: r for r in jsonl(capsys, "outlets", "--db", db)}
    assert set(rows) == {NEW, OUTLET_A} and rows[NEW]["articles"] == 5
    said = jsonl(capsys, "statements", "--outlet", NEW, "--db", db)
    assert len(said) == 5 and {s["outlet"] for s in said} == {NEW}
