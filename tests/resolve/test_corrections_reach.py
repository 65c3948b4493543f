"""Registry corrections reach every surface (issue 12, item 1): the "Meghan cry" scenario.

A headline fragment ("Kate made Meghan cry") gives the speaker "Meghan cry" in several
articles: article-local where its type is unknown, a shared organisation where a tagger
called it one. After ``speakers merge Meghan "Meghan cry"``, ``speakers rebuild`` and
``speakers rename Meghan "Meghan Markle"`` every listing, filter, export, the HTTP API and
the web UI show one person, Meghan Markle, and the corrections hold after a rebuild, a
re-ingest and articles that arrive later. The texts, outlets and dates are invented;
statements are placed by hand (support/builders.py) so the test checks the record, not the
extractor.
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
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from onrecord.store.parquet import read_table
from onrecord.web.app import create_app
from support.builders import Said, build_article

HEV = (
    "Kate made Meghan cry, 'It was a difficult week for everyone'\n"
    "The row began at a dress fitting in Havik, the royal author Tamsin Vell wrote in her book."
)
TIR = (
    "Kate made Meghan cry: 'I never wanted a feud'\n"
    "The duchess spoke about the fitting for the first time on Tuesday."
)
LED = (
    "Kate made Meghan cry - 'I never wanted a feud'\n"
    "Friends of the duchess described the fitting on Tuesday in Portvale."
)
KES = (
    "Duchess speaks about fitting\n"
    '"I was upset and I said so," Meghan told reporters in Portvale on Wednesday. '
    "She said the matter was closed."
)
LATER = (
    "Kate made Meghan cry, 'We have all moved on'\n"
    "The duchess spoke again on Friday, a week after the book appeared."
)

#: (doc id, outlet, published, text, statements): "Meghan cry" as extraction reads the
#: headline, typed unknown (an article-local description) or organisation (a tagger's ORG).
ARTICLES: list[tuple[str, str, str, str, list[Said]]] = [
    ("hev", "Havik Evening Post", "2025-03-03", HEV, [
        Said("It was a difficult week for everyone", "Meghan cry", "unknown", None,
             "Meghan cry", "Meghan cry"),
        Said("The row began at a dress fitting in Havik", "Tamsin Vell", cue="wrote"),
    ]),
    ("tir", "Tirenna Daily", "2025-03-04", TIR, [
        Said("I never wanted a feud", "Meghan cry", "organisation", None, "Meghan cry"),
    ]),
    ("led", "Portvale Ledger", "2025-03-04", LED, [
        Said("I never wanted a feud", "Meghan cry", "organisation", None, "Meghan cry"),
    ]),
    ("kes", "Kessel Herald", "2025-03-05", KES, [
        Said("I was upset and I said so,", "Meghan", cue="told", mention="Meghan"),
        Said("the matter was closed", "Meghan", mention="She"),
    ]),
]  # fmt: skip
LATER_ARTICLE = (
    "later",
    "Havik Evening Post",
    "2025-03-10",
    LATER,
    [Said("We have all moved on", "Meghan cry", "unknown", None, "Meghan cry", "Meghan cry")],
)
NAME = "Meghan Markle"
MEGHAN_STATEMENTS = 5  # two as "Meghan", three as "Meghan cry"


def add(store: Store, *articles: tuple[str, str, str, str, list[Said]]) -> None:
    """Store articles and update the record, as one ingest batch does."""
    with store.transaction():
        for doc_id, outlet, published, text, said in articles:
            article, statements = build_article(doc_id, outlet, published, text, said)
            store.add_article(article, statements)
        update_record(store)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the ``onrecord`` entry point; its stdout (exit 0 asserted)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def jsonl(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in cli(capsys, *argv, "--format", "jsonl").splitlines()]


@pytest.fixture
def raw_db(tmp_path: Path) -> str:
    """The store as ingested, before any correction."""
    path = tmp_path / "meghan.db"
    with Store(path, create=True) as store:
        add(store, *ARTICLES)
    return str(path)


@pytest.fixture
def db(raw_db: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The store after the user's three commands."""
    cli(capsys, "speakers", "merge", "Meghan", "Meghan cry", "--db", raw_db)
    cli(capsys, "speakers", "rebuild", "--db", raw_db)
    cli(capsys, "speakers", "rename", "Meghan", NAME, "--db", raw_db)
    return raw_db


def speaker_names(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in jsonl(capsys, "speakers", "--db", db)}


def test_the_scenario_reproduces(raw_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Before the corrections: the headline fragment is a speaker of its own, and a merge
    by its name is not refused as ambiguous although each article has its own "Meghan cry"
    (local) besides the shared organisation."""
    names = speaker_names(capsys, raw_db)
    assert names["Meghan cry"]["statements"] == 3
    assert names["Meghan"]["statements"] == 2
    merged = jsonl(capsys, "speakers", "merge", "Meghan", "Meghan cry", "--db", raw_db)
    assert [(r["name"], r["type"], r["statements"]) for r in merged] == [
        ("Meghan", "person", MEGHAN_STATEMENTS)
    ]


def test_merged_person_stays_a_person(raw_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Merged the other way round (the fragment kept, which a tagger called an
    organisation), the speaker is still a person, and so are its statements everywhere."""
    (entry,) = jsonl(capsys, "speakers", "merge", "Meghan cry", "Meghan", "--db", raw_db)
    assert (entry["name"], entry["type"]) == ("Meghan cry", "person")
    rows = jsonl(capsys, "statements", "--speaker", "Meghan cry", "--db", raw_db)
    assert len(rows) == MEGHAN_STATEMENTS and {r["speaker"]["type"] for r in rows} == {"person"}
    cli(capsys, "speakers", "rebuild", "--db", raw_db)
    assert speaker_names(capsys, raw_db)["Meghan cry"]["type"] == "person"


def test_speakers_listing(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    names = speaker_names(capsys, db)
    assert "Meghan cry" not in names and "Meghan" not in names
    row = names[NAME]
    assert (row["type"], row["statements"], row["articles"]) == ("person", MEGHAN_STATEMENTS, 4)
    assert row["outlets"] == [
        "Havik Evening Post",
        "Kessel Herald",
        "Portvale Ledger",
        "Tirenna Daily",
    ]
    assert len(row["person_ids"]) == 1
    table = cli(capsys, "speakers", "--db", db)
    assert NAME in table and "Meghan cry" not in table
    # the listing's name filter finds the entity by its new name and by the old ones
    for query in ("Markle", NAME, "Meghan cry"):
        found = jsonl(capsys, "speakers", "--name", query, "--db", db)
        assert [r["name"] for r in found] == [NAME], query


def test_registry_listing_and_profile(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for ref in ("Meghan", NAME, "Markle", "Meghan cry"):
        (profile,) = jsonl(capsys, "speaker", ref, "--db", db)
        assert (profile["name"], profile["type"], profile["statements"]) == (
            NAME,
            "person",
            MEGHAN_STATEMENTS,
        ), ref
    assert sorted(profile["aliases"]) == ["Meghan", "Meghan cry"]  # each name once
    assert all(s["speaker"]["name"] == NAME for s in profile["latest"])
    # a merge into the renamed entity keeps its name and type (the source's type is not
    # taken over: only an unknown type is)
    (entry,) = jsonl(capsys, "speakers", "merge", "Meghan", "Tamsin Vell", "--db", db)
    assert entry["name"] == NAME and entry["type"] == "person"


def test_statements_filter_and_search(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("Markle", NAME, "Meghan", "Meghan cry"):
        rows = jsonl(capsys, "statements", "--speaker", query, "--db", db)
        assert len(rows) == MEGHAN_STATEMENTS, query
        assert {r["speaker"]["name"] for r in rows} == {NAME}
        assert {r["speaker"]["type"] for r in rows} == {"person"}
    found = jsonl(capsys, "statements", "--search", "feud", "--db", db)
    assert [r["speaker"]["name"] for r in found] == [NAME, NAME]
    table = cli(capsys, "statements", "--speaker", "Markle", "--db", db)
    assert table.count(NAME) == MEGHAN_STATEMENTS


def test_timeline_and_compare(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    said = [e for e in jsonl(capsys, "timeline", "--db", db) if e["kind"] == "statement"]
    mine = [e for e in said if e["speaker"] == NAME]
    assert mine and {e["speaker"] for e in said} == {NAME, "Tamsin Vell"}
    # the feud line was carried by two outlets: one timeline line, both outlets
    (feud,) = [e for e in mine if "feud" in e["text"]]
    assert sorted(feud["outlets"]) == ["Portvale Ledger", "Tirenna Daily"]
    only = jsonl(capsys, "timeline", "--speaker", "Markle", "--db", db)
    assert {e["speaker"] for e in only} == {NAME}
    (group,) = jsonl(capsys, "compare", "--speaker", "Markle", "--date", "2025-03-04", "--db", db)
    assert sorted(group["outlets"]) == ["Portvale Ledger", "Tirenna Daily"]


def test_exports(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(cli(capsys, "export", "--format", "csv", "--db", db))))
    ours = [r for r in rows if r["speaker"] == NAME]
    assert len(ours) == MEGHAN_STATEMENTS and len({r["person_id"] for r in ours}) == 1
    assert {r["speaker_type"] for r in ours} == {"person"}
    # the merged name was extraction's description of the speaker, not a role; the
    # article's own words ("mention") stay as written
    assert {r["role"] for r in ours} == {""}
    assert {r["mention"] for r in ours} == {"Meghan cry", "Meghan", "She"}
    assert not [r for r in rows if r["speaker"].startswith("Meghan") and r["speaker"] != NAME]
    docs = [
        json.loads(x) for x in cli(capsys, "export", "--format", "jsonl", "--db", db).splitlines()
    ]
    said = [s["speaker"]["name"] for d in docs for s in d["statements"] if s.get("speaker")]
    assert said.count(NAME) == MEGHAN_STATEMENTS and "Meghan cry" not in said
    out = tmp_path / "parquet"
    cli(capsys, "export", "--format", "parquet", "--output", str(out), "--db", db)
    statements = read_table(out, "statements").to_pylist()
    assert [s["speaker_name"] for s in statements].count(NAME) == MEGHAN_STATEMENTS
    speakers = {r["name"]: r for r in read_table(out, "speakers").to_pylist()}
    assert "Meghan cry" not in speakers
    assert (speakers[NAME]["statements"], speakers[NAME]["type"]) == (MEGHAN_STATEMENTS, "person")


def test_http_api_and_web(db: str) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        found = client.get("/api/statements", params={"speaker": "Markle"}).json()
        assert found["total"] == MEGHAN_STATEMENTS
        assert {s["speaker"]["name"] for s in found["items"]} == {NAME}
        listed = client.get("/api/speakers").json()["items"]
        names = [s["name"] for s in listed]
        assert NAME in names and "Meghan cry" not in names and "Meghan" not in names
        (ours,) = [s for s in listed if s["name"] == NAME]
        assert (ours["type"], ours["statements"]) == ("person", MEGHAN_STATEMENTS)
        page = client.get(ours["links"]["api"]).json()
        assert (page["name"], page["statements"]) == (NAME, MEGHAN_STATEMENTS)
        for ref in ("Markle", "Meghan cry"):
            assert client.get(f"/api/speakers/{ref}").json()["name"] == NAME
        line = client.get("/api/timeline", params={"speaker": "Markle"}).json()["items"]
        assert line and {e["speaker"] for e in line} == {NAME}
        groups = client.get("/api/groups", params={"speaker": NAME, "date": "2025-03-04"})
        assert groups.json()["total"] == 1
        article = client.get("/api/articles").json()["items"][0]
        shown = client.get(article["links"]["api"]).json()
        assert {s["speaker"]["name"] for s in shown["statements"]} <= {NAME, "Tamsin Vell"}
        html = client.get("/speakers").text
        assert NAME in html and "Meghan cry" not in html
        html = client.get(ours["links"]["page"]).text
        assert NAME in html
        article_html = client.get(article["links"]["page"]).text
        assert f"by {NAME}" in article_html
        key = found["items"][0]["id"]
        assert NAME in client.get(f"/compare/{key}").text


def test_corrections_survive_rebuild_and_reingest(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "speakers", "rebuild", "--db", db)
    assert speaker_names(capsys, db)[NAME]["statements"] == MEGHAN_STATEMENTS
    # the same documents again: duplicates, nothing changes
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(
            json.dumps({"id": d, "outlet": o, "published": p, "text": t}) + "\n"
            for d, o, p, t, _ in ARTICLES
        ),
        encoding="utf-8",
    )
    code = main(["ingest", str(docs), "--db", db])
    _, err = capsys.readouterr()
    assert code == 0 and "0 new, 4 duplicate" in err
    assert speaker_names(capsys, db)[NAME]["statements"] == MEGHAN_STATEMENTS
    # a later article with the same headline fragment follows the merge
    with Store(db) as store:
        add(store, LATER_ARTICLE)
    names = speaker_names(capsys, db)
    assert "Meghan cry" not in names
    assert names[NAME]["statements"] == MEGHAN_STATEMENTS + 1
    cli(capsys, "speakers", "rebuild", "--db", db)
    names = speaker_names(capsys, db)
    assert "Meghan cry" not in names and names[NAME]["statements"] == MEGHAN_STATEMENTS + 1


def test_whole_scenario(raw_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's commands in order, then every surface once."""
    db = raw_db
    assert "Meghan cry" in speaker_names(capsys, db)
    cli(capsys, "speakers", "merge", "Meghan", "Meghan cry", "--db", db)
    cli(capsys, "speakers", "rebuild", "--db", db)
    cli(capsys, "speakers", "rename", "Meghan", NAME, "--db", db)

    names = speaker_names(capsys, db)
    assert "Meghan cry" not in names and names[NAME]["type"] == "person"
    assert names[NAME]["statements"] == MEGHAN_STATEMENTS
    assert jsonl(capsys, "speaker", "Meghan", "--db", db)[0]["name"] == NAME
    assert len(jsonl(capsys, "statements", "--speaker", "Markle", "--db", db)) == 5
    export = cli(capsys, "export", "--format", "csv", "--db", db)
    said = [r["speaker"] for r in csv.DictReader(io.StringIO(export))]
    assert "Meghan cry" not in said and said.count(NAME) == MEGHAN_STATEMENTS
    timeline = jsonl(capsys, "timeline", "--speaker", "Markle", "--db", db)
    assert {e["speaker"] for e in timeline} == {NAME}
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        listed = client.get("/api/speakers", params={"name": "Markle"}).json()["items"]
        assert [(s["name"], s["type"]) for s in listed] == [(NAME, "person")]
        assert "Meghan cry" not in client.get("/speakers").text

    with Store(db) as store:
        add(store, LATER_ARTICLE)
    cli(capsys, "speakers", "rebuild", "--db", db)
    names = speaker_names(capsys, db)
    assert "Meghan cry" not in names and names[NAME]["statements"] == MEGHAN_STATEMENTS + 1
