"""Schema migrations: fresh, re-open, later versions, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from onrecord.errors import StoreError
from onrecord.store.db import Store
from onrecord.store.migrate import (
    APPLICATION_ID,
    MIGRATIONS_DIR,
    latest_version,
    load_migrations,
    migrate,
    split_sql,
)


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]


def test_fresh_database_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path, create=True) as store:
        assert store.schema_version == latest_version() >= 1
        tables = {r[0] for r in store.query("SELECT name FROM sqlite_master", [])}
        assert {"articles", "statements_fts", "persons", "link_members"} <= tables
    assert _versions(path) == [m.version for m in load_migrations()]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_reopen_applies_nothing_and_keeps_data(tmp_path: Path, make_article) -> None:
    path = tmp_path / "again.db"
    with Store(path, create=True) as store:
        store.add_article(*make_article(1))
    with Store(path) as store:
        assert store.counts().articles == 1
    assert _versions(path) == [m.version for m in load_migrations()]


def test_later_migration_is_applied_to_an_existing_database(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_core.sql", folder)
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrate(conn, "x.db", folder) == 1
    (folder / "0002_notes.sql").write_text(
        "-- a test step\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
        "CREATE TRIGGER notes_upper AFTER INSERT ON notes BEGIN\n"
        "  UPDATE notes SET body = upper(new.body) WHERE id = new.id;\nEND;\n",
        encoding="utf-8",
    )
    (folder / "README.txt").write_text("not a migration", encoding="utf-8")
    assert migrate(conn, "x.db", folder) == 2
    conn.execute("INSERT INTO notes (body) VALUES ('said')")
    assert conn.execute("SELECT body FROM notes").fetchone()[0] == "SAID"
    assert migrate(conn, "x.db", folder) == 2  # idempotent
    conn.close()


def test_failing_migration_rolls_back_and_keeps_previous_version(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_core.sql", folder)
    (folder / "0002_broken.sql").write_text(
        "CREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8",
    )
    conn = sqlite3.connect(tmp_path / "y.db", isolation_level=None)
    with pytest.raises(StoreError, match=r"0002_broken\.sql"):
        migrate(conn, "y.db", folder)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables and "articles" in tables
    conn.close()


def test_duplicate_versions_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "dups"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x);\n", encoding="utf-8")
    (folder / "0001_b.sql").write_text("CREATE TABLE b (x);\n", encoding="utf-8")
    with pytest.raises(StoreError, match="two migrations with version 0001"):
        load_migrations(folder)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(StoreError, match="newer than this onrecord") as info:
        Store(path)
    assert str(path) in str(info.value)


def test_other_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an onrecord database"):
        Store(path, create=True)
    assert path.read_bytes() == before


def test_non_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("this is a shopping list, not a database\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(path, create=True)
    assert path.read_bytes() == before


def test_empty_file_becomes_a_database_for_ingest_only(tmp_path: Path) -> None:
    """An empty file is what an ingest leaves for a moment while it creates the store: a
    query must not build the schema under the writer (then two processes migrate at once; the
    kill -9 test's polling reader once got "not an onrecord database" in that moment), so it
    says there is no database yet."""
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(StoreError, match="no database here"):
        Store(path)
    with Store(path, create=True) as store:
        assert store.schema_version == latest_version()
    with Store(path) as store:
        assert store.schema_version == latest_version()


def test_missing_file_without_create_and_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here"):
        Store(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path, create=True)


def test_split_sql_keeps_trigger_bodies_whole() -> None:
    script = (
        "-- comment\nCREATE TABLE t (x);\n\nCREATE TRIGGER g AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET x = 1;\n  UPDATE t SET x = 2;\nEND;\n"
    )
    parts = split_sql(script)
    assert len(parts) == 2 and parts[1].endswith("END;")
    with pytest.raises(StoreError, match="incomplete"):
        split_sql("CREATE TABLE t (x)")
