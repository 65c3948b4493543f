"""Exports through the Python API: every format applies the same filters.

JSONL once applied only the article filters (outlet, dates, revisions) and wrote every
article with all its statements, while CSV kept only the statements the speaker, kind, act
and search filters chose; a filtered JSONL export now carries the same statements as the
CSV one, each under its article.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord import api
from onrecord.store.db import StatementFilter, Store
from support.builders import AddArticle, Said

BRIDGE = "Mayor Ana Lind said the bridge would reopen. Council chief Tom Holm said it would not."
PORT = "Port director Ana Lind said the harbour was safe."
QUIET = "The weather was mild and the market was busy."


@pytest.fixture
def filled(store: Store, add: AddArticle) -> Store:
    add(
        "bridge",
        "Northwind Wire",
        "2024-05-01",
        BRIDGE,
        [Said("the bridge would reopen", "Ana Lind"), Said("it would not", "Tom Holm")],
    )
    add("port", "Harbor Daily", "2024-05-02", PORT, [Said("the harbour was safe", "Ana Lind")])
    add("quiet", "Northwind Wire", "2024-05-03", QUIET, [])
    return store


def _jsonl(store: Store, flt: StatementFilter) -> tuple[api.ExportReport, list[dict]]:
    out = io.StringIO()
    report = api.export("jsonl", out, db=store, filters=flt)
    return report, [json.loads(line) for line in out.getvalue().splitlines()]


def _csv(store: Store, flt: StatementFilter) -> list[dict[str, str]]:
    out = io.StringIO()
    api.export("csv", out, db=store, filters=flt)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def _said(docs: list[dict]) -> list[tuple[str, str]]:
    return [(d["id"], s["content"]["text"]) for d in docs for s in d["statements"]]


@pytest.mark.parametrize(
    "flt",
    [
        StatementFilter(speaker="Holm"),
        StatementFilter(speaker="Lind"),
        StatementFilter(search="harbour"),
        StatementFilter(kind="indirect"),
        StatementFilter(speaker="Lind", outlet="Northwind Wire"),
    ],
    ids=["speaker", "speaker-two-articles", "search", "kind-none", "speaker-and-outlet"],
)
def test_jsonl_keeps_the_statements_csv_keeps(filled: Store, flt: StatementFilter) -> None:
    report, docs = _jsonl(filled, flt)
    rows = _csv(filled, flt)
    assert _said(docs) == [(r["doc_id"], r["content"]) for r in rows]
    assert report.articles == len(docs) and report.statements == len(rows)
    for doc in docs:  # each line is still a whole article, valid `onrecord extract` input
        assert doc["text"] and doc["statements"]


def test_jsonl_speaker_filter_leaves_other_speakers_out(filled: Store) -> None:
    _, docs = _jsonl(filled, StatementFilter(speaker="Holm"))
    assert _said(docs) == [("bridge", "it would not")]


def test_jsonl_without_statement_filters_keeps_every_article(filled: Store) -> None:
    report, docs = _jsonl(filled, StatementFilter())
    assert [d["id"] for d in docs] == ["bridge", "port", "quiet"]  # one without statements too
    assert (report.articles, report.statements) == (3, 3)
    _, northwind = _jsonl(filled, StatementFilter(outlet="Northwind Wire"))
    assert [d["id"] for d in northwind] == ["bridge", "quiet"]
