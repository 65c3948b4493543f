"""Versioned schema migrations: every ``migrations/NNNN_name.sql`` applied once, in order.

Why numbered SQL files rather than one schema: databases outlive code versions, and several
stages own tables (core: 0001, the speaker registry: 0002, ...). Each file runs inside one
``BEGIN IMMEDIATE`` transaction together with the bump of ``PRAGMA user_version`` and a row in
``schema_migrations``, so a crash mid-migration leaves the previous version intact and two
processes opening the same new database cannot both apply a file.

A database is recognised as onrecord's by ``PRAGMA application_id``; a file that is not SQLite,
an SQLite database of another program, or a database whose version is newer than the newest
file here is refused with a :class:`~onrecord.errors.StoreError` instead of being touched.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import StoreError

#: ``PRAGMA application_id`` of an onrecord database ("onrc" in ASCII).
APPLICATION_ID = 0x6F6E7263
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_NAME_RE = re.compile(r"^(\d{4})_[A-Za-z0-9_-]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its version number, file name and SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


def split_sql(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies' inner ``;`` stay inside).

    ``executescript`` would do this but commits any open transaction first, which would
    break the one-transaction-per-migration guarantee.
    """
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise StoreError("incomplete SQL statement at end of migration", source=buf.strip()[:60])
    return out


def load_migrations(directory: Path = MIGRATIONS_DIR) -> tuple[Migration, ...]:
    """Every migration file in ``directory``, sorted by version; duplicates are an error."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        m = _NAME_RE.match(path.name)
        if not m:
            continue
        version = int(m.group(1))
        if version in found:
            raise StoreError(
                f"two migrations with version {version:04d}: {found[version].name}, {path.name}",
                source=str(directory),
            )
        statements = split_sql(path.read_text(encoding="utf-8"))
        found[version] = Migration(version, path.name, tuple(statements))
    return tuple(found[v] for v in sorted(found))


def check_identity(conn: sqlite3.Connection, source: str, directory: Path = MIGRATIONS_DIR) -> int:
    """The database's schema version; StoreError for a foreign file or a newer schema.

    Reads only, so it can run before anything (even ``PRAGMA journal_mode``) touches the file.
    """
    return _check_identity(conn, source, latest_version(directory))


def latest_version(directory: Path = MIGRATIONS_DIR) -> int:
    """The schema version this code creates: the highest migration number."""
    migrations = load_migrations(directory)
    return migrations[-1].version if migrations else 0


def _check_identity(conn: sqlite3.Connection, source: str, newest: int) -> int:
    """The database's schema version, after checking it is an onrecord database we can use."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"not an SQLite database ({exc})", source=source) from exc
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError("not an onrecord database (SQLite file of another program)", source=source)
    if version > newest:
        raise StoreError(
            f"database schema version {version} is newer than this onrecord supports "
            f"({newest}); upgrade onrecord to open it",
            source=source,
        )
    return version


def migrate(conn: sqlite3.Connection, source: str, directory: Path = MIGRATIONS_DIR) -> int:
    """Bring the database up to the newest schema; return the version it ends at.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Each pending migration
    runs in its own ``BEGIN IMMEDIATE`` transaction; the version is re-read after taking the
    write lock, so concurrent openers apply each file exactly once.
    """
    migrations = load_migrations(directory)
    newest = migrations[-1].version if migrations else 0
    version = _check_identity(conn, source, newest)
    pending = [m for m in migrations if m.version > version]
    for migration in pending:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot lock the database to migrate ({exc})", source=source) from exc
        try:
            current = _check_identity(conn, source, newest)
            if current >= migration.version:  # another process got there first
                conn.execute("COMMIT")
                continue
            if current == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at)"
                " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                (migration.version, migration.name),
            )
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {migration.name} failed: {exc}", source=source) from exc
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version
