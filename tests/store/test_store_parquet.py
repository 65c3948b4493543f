"""Parquet export: the documented schemas, Hive partitions by date and outlet, round trip."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from onrecord.dates import UNKNOWN_DATE, partition_date
from onrecord.errors import UsageError
from onrecord.store.db import StatementFilter, Store
from onrecord.store.parquet import (
    ARTICLES_SCHEMA,
    SPEAKERS_SCHEMA,
    STATEMENTS_SCHEMA,
    article_from_record,
    article_record,
    article_record_from_model,
    export_parquet,
    read_table,
    statement_from_record,
)


@pytest.fixture
def filled(store: Store, make_article) -> Store:
    store.add_article(*make_article(1, outlet="Northwind Wire", published="2023-05-01"))
    store.add_article(*make_article(2, outlet="Eastgate/Daily", published="2023-05-02T08:00:00Z"))
    store.add_article(*make_article(3, outlet="Northwind Wire", published="--05-03"))
    store.add_article(*make_article(4, outlet=None, published=None, speaker="Ilya Brandt"))
    return store


def test_layout_and_schemas(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "export"
    counts = export_parquet(filled, out)
    assert (counts.articles, counts.statements, counts.speakers) == (4, 8, 2)
    folders = sorted(p.parent.relative_to(out).as_posix() for p in out.rglob("*.parquet"))
    assert "statements/date=2023-05-01/outlet=Northwind%20Wire" in folders
    assert f"articles/date={UNKNOWN_DATE}/outlet=Northwind%20Wire" in folders
    assert any(
        f.startswith("statements/date=unknown/outlet=__HIVE_DEFAULT_PARTITION__") for f in folders
    )
    assert "speakers" in folders
    # Files hold the schema minus the partition columns, which live in the folder names.
    one = next((out / "statements").rglob("*.parquet"))
    file_schema = pq.read_schema(one)
    assert file_schema.names == [n for n in STATEMENTS_SCHEMA.names if n not in ("date", "outlet")]
    for name, schema in (
        ("articles", ARTICLES_SCHEMA),
        ("statements", STATEMENTS_SCHEMA),
        ("speakers", SPEAKERS_SCHEMA),
    ):
        table = read_table(out, name)
        assert set(table.schema.names) == set(schema.names)
        for field in schema:
            assert table.schema.field(field.name).type == field.type


def test_round_trip_to_model(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export_parquet(filled, out)
    statements = read_table(out, "statements").to_pylist()
    by_id = {r["id"]: r for r in statements}
    for stored in filled.statements(all_revisions=True):
        rec = by_id[stored.key]
        assert statement_from_record(rec) == stored.statement
        assert rec["outlet"] == stored.outlet
    outlets = {r["outlet"] for r in statements}
    assert outlets == {"Northwind Wire", "Eastgate/Daily", None}
    for rec in read_table(out, "articles").to_pylist():
        full = filled.article(rec["id"])
        assert full is not None
        assert article_from_record(rec) == full.to_article()


def test_filters_and_refusing_a_non_empty_folder(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "export"
    counts = export_parquet(filled, out, StatementFilter(outlet="Northwind Wire"))
    assert (counts.articles, counts.statements) == (2, 4)
    with pytest.raises(UsageError, match="not empty"):
        export_parquet(filled, out)


def test_speakers_follow_the_filters_of_the_statements(
    store: Store, make_article, tmp_path: Path
) -> None:
    """The speakers table summarises the statements exported, under the same date range and
    revisions (it used to count every statement of the store)."""
    url = "https://northwind.example/talks"
    store.add_article(*make_article(1, published="2023-05-01", speaker="Marta Kovalenko"))
    store.add_article(*make_article(2, published="2023-06-01", speaker="Ilya Brandt", url=url))
    store.add_article(*make_article(3, published="2023-06-02", speaker="Ilya Brandt", url=url))

    def speakers(flt: StatementFilter) -> dict[str, tuple[int, int, str | None]]:
        out = tmp_path / f"export-{len(list(tmp_path.iterdir()))}"
        export_parquet(store, out, flt)
        statements = read_table(out, "statements").to_pylist()
        rows = read_table(out, "speakers").to_pylist()
        assert sum(r["statements"] for r in rows) == len(statements)
        return {r["name"]: (r["statements"], r["articles"], r["first"]) for r in rows}

    assert speakers(StatementFilter(since="2023-06")) == {"Ilya Brandt": (2, 1, "2023-06-02")}
    assert speakers(StatementFilter(until="2023-05")) == {"Marta Kovalenko": (2, 1, "2023-05-01")}
    everything = speakers(StatementFilter(all_revisions=True))
    assert everything["Ilya Brandt"] == (4, 2, "2023-06-01")
    assert speakers(StatementFilter(since="2023-06", kind="direct")) == {
        "Ilya Brandt": (1, 1, "2023-06-02")
    }


def test_partition_date() -> None:
    assert partition_date("2022-03-21T12:47:00+03:00") == "2022-03-21"
    assert partition_date("2022-03") == "2022-03"
    assert partition_date("--03-28") == UNKNOWN_DATE
    assert partition_date(None) == UNKNOWN_DATE


def test_model_record_matches_stored_record(store: Store, make_article) -> None:
    article, statements = make_article(5, url="https://northwind.example/5")
    store.add_article(article, statements)
    stored = store.article(article.content_id)
    assert stored is not None
    from_store = article_record(stored)
    from_model = article_record_from_model(
        article, statement_count=2, ingested_at=stored.ingested_at
    )
    assert from_model == from_store
