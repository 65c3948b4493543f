"""One onrecord database: opening (and migrating) it, transactions, queries, adding articles.

Why SQLite in WAL mode: one file that needs no server, readers never block the writer and the
writer never blocks readers, so ``onrecord statements`` (or the web UI) works while an ingest
runs. Ingest writes in explicit transactions (one per batch of articles, see
:meth:`Connection.transaction`), so a killed ingest leaves every finished batch and nothing of
the unfinished one; adding the same article again is a no-op, which makes a rerun complete it.

Revisions: articles are keyed by their content id. An article whose ``revision_key`` (url, or
outlet + headline) matches a stored one but whose content differs is stored as a new revision
linked to the first (``revision_of``); queries show only the latest revision of each group
unless asked for ``all_revisions``.

The columns written are the declared ``stored`` fields of ``onrecord.schema``, so a new
field is written as soon as it is declared (and its migration adds the column).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from onrecord.dates import sortable_date
from onrecord.errors import StoreError, UsageError
from onrecord.model import Article, Statement
from onrecord.schema import ARTICLES, STATEMENTS, Table
from onrecord.store.corrections import JOINED_GROUP, PERSON_JOIN
from onrecord.store.fts import PrefixStems, vocab_stems
from onrecord.store.migrate import check_identity, migrate
from onrecord.store.records import article_values, statement_values
from onrecord.store.rows import AddOutcome, StoreCounts, sql_value

#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT_S = 30.0


def _insert_sql(table: Table) -> str:
    names = ", ".join(f'"{f.name}"' for f in table.stored)
    return f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(table.stored))})"


_INSERT_ARTICLE = _insert_sql(ARTICLES)
_INSERT_STATEMENT = _insert_sql(STATEMENTS)


class Connection:
    """An open database: the connection, its transactions and queries, and writing.

    Threads: one Connection (one :class:`~onrecord.store.db.Store`) per thread; opening is
    cheap.
    """

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        """Open the database at ``path`` (``":memory:"`` for a throwaway one).

        ``create=False`` (queries) refuses a missing file with a StoreError instead of leaving
        an empty database behind; ingest passes ``create=True``. Opening applies pending
        migrations and refuses non-onrecord files and newer schemas (see ``migrate``).
        """
        self.path = str(path)
        memory = self.path == ":memory:"
        if not memory and not create and not Path(self.path).exists():
            raise StoreError("no database here (run `onrecord ingest` first)", source=self.path)
        if not memory and Path(self.path).is_dir():
            raise StoreError("is a directory, not a database file", source=self.path)
        try:
            self.conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database ({exc})", source=self.path) from exc
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            # Before anything that writes (WAL changes the file header): refuse foreign files.
            version = check_identity(self.conn, self.path)
            if version == 0 and not create and not memory:
                # An empty file: an ingest is creating it this moment (or it is a stray
                # file). A query never builds the schema under a writer's feet.
                raise StoreError("no database here (run `onrecord ingest` first)", source=self.path)
            if not memory:
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"not an SQLite database ({exc})", source=self.path) from exc
        except BaseException:
            self.conn.close()
            raise
        try:
            self.schema_version = migrate(self.conn, self.path)
        except BaseException:
            self.conn.close()
            raise

    # -- lifecycle

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Self]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it is stored, or none.

        Re-entrant: inside an open transaction it just yields, so ``add_article`` and the
        registry's ``update_record`` can join the batch transaction of ingest.
        """
        if self.conn.in_transaction:
            yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write: {exc}", source=self.path) from exc
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot commit: {exc}", source=self.path) from exc

    # -- reading

    def cursor(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> sqlite3.Cursor:
        """A cursor over one read query (the store's modules stream with it)."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise _query_error(exc, self.path) from exc

    def fetch(self, cursor: sqlite3.Cursor, n: int) -> list[Any]:
        """The next ``n`` rows of ``cursor`` (fewer at the end)."""
        try:
            return cursor.fetchmany(n)
        except sqlite3.OperationalError as exc:
            raise _query_error(exc, self.path) from exc

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> list[Any]:
        """Every row of one read query; SQLite's errors become StoreErrors naming the file.
        Public for the store's SQL modules (``registry.py``, ``timeline.py``, ...)."""
        cursor = self.cursor(sql, params)
        try:
            return cursor.fetchall()
        except sqlite3.OperationalError as exc:
            raise _query_error(exc, self.path) from exc
        finally:
            cursor.close()

    def search_stems(self) -> PrefixStems:
        """What widens a statement search's prefixes (see :func:`~onrecord.store.fts.vocab_stems`);
        public for the store's other SQL modules (``timeline.py``)."""
        return vocab_stems(self.query, "statements_fts_vocab")

    # -- writing

    def has_article(self, content_id: str) -> bool:
        """Whether an article with this content id is stored (ingest skips extracting it)."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (content_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, statements: Sequence[Statement]) -> AddOutcome:
        """Store one article and its statements: new, duplicate (no-op) or a new revision."""
        values = article_values(article)
        cid = values["id"]
        with self.transaction():
            if self.has_article(cid):
                return AddOutcome("duplicate", cid)
            first, revision = self._supersede(values["revision_key"])
            values.update(
                revision_of=first,
                revision=revision,
                latest=True,
                pub_date=sortable_date(article.published),
                ingested_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
            self.conn.execute(
                _INSERT_ARTICLE, [sql_value(f, values[f.name]) for f in ARTICLES.stored]
            )
            rows = []
            for i, s in enumerate(statements):
                said = {"article_id": cid, "position": i, **statement_values(s)}
                rows.append([sql_value(f, said[f.name]) for f in STATEMENTS.stored])
            self.conn.executemany(_INSERT_STATEMENT, rows)
        return AddOutcome("revision" if first else "new", cid, first, len(statements))

    def _supersede(self, key: str | None) -> tuple[str | None, int]:
        """The first revision's id and the next revision number of the group ``key`` (an
        article about to be added), its stored revisions marked as no longer latest; (None,
        1) for an article of a new group."""
        if key is None:
            return None, 1
        row = self.conn.execute(
            "SELECT coalesce(revision_of, id), max(revision) FROM articles"
            " WHERE revision_key = ? GROUP BY coalesce(revision_of, id)"
            " ORDER BY min(seq) LIMIT 1",
            (key,),
        ).fetchone()
        if row is None:
            return None, 1
        first = str(row[0])
        self.conn.execute(
            "UPDATE articles SET latest = 0 WHERE id = ? OR revision_of = ?", (first, first)
        )
        return first, int(row[1]) + 1

    # -- summary

    def counts(self) -> StoreCounts:
        """Counts for summaries and tests (idempotence: two ingests leave these equal)."""
        r = self.query(
            "SELECT"
            " (SELECT count(*) FROM articles WHERE latest = 1),"
            " (SELECT count(*) FROM articles),"
            " (SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id"
            "  WHERE a.latest = 1),"
            " (SELECT count(*) FROM statements),"
            f" (SELECT count(DISTINCT lower({JOINED_GROUP})) FROM statements s"
            f"  JOIN articles a ON a.id = s.article_id {PERSON_JOIN}"
            "  WHERE a.latest = 1 AND s.speaker_name IS NOT NULL)",
            [],
        )[0]
        return StoreCounts(*(int(x) for x in r))

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check`` plus the FTS indexes' own check: "ok" when all is well."""
        result = self.query("PRAGMA integrity_check", [])[0][0]
        if result != "ok":
            return str(result)
        for table in ("statements_fts", "headlines_fts"):
            try:
                self.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                return f"{table}: {exc}"
        return "ok"


def _query_error(exc: sqlite3.OperationalError, path: str) -> Exception:
    """A search syntax problem is the user's (UsageError); anything else is the store's."""
    msg = str(exc)
    if any(k in msg for k in ("fts5", "MATCH", "unterminated string", "syntax error")):
        return UsageError(f"search not understood ({msg})")
    return StoreError(f"query failed ({msg})", source=path)
