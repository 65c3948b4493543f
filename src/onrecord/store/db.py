"""The embedded store: articles, their revisions and statements in SQLite (WAL, FTS5).

This is the only module family that speaks SQL (with ``store/registry.py`` for the speaker
registry). Everything above it works with the row dataclasses defined here.

Why SQLite in WAL mode: one file that needs no server, readers never block the writer and the
writer never blocks readers, so ``onrecord statements`` (or the web UI) works while an ingest
runs. Ingest writes in explicit transactions (one per batch of articles, see
:meth:`Store.transaction`), so a killed ingest leaves every finished batch and nothing of the
unfinished one; adding the same article again is a no-op, which makes a rerun complete it.

Revisions: articles are keyed by their content id. An article whose ``revision_key`` (url, or
outlet + headline) matches a stored one but whose content differs is stored as a new revision
linked to the first (``revision_of``); queries show only the latest revision of each group
unless asked for ``all_revisions``.

Threads: a :class:`Store` wraps one connection; use one Store per thread (opening is cheap).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from onrecord.errors import StoreError, UsageError
from onrecord.model import Article, Span, Speaker, Statement, date_precision
from onrecord.store.corrections import (
    JOINED_GROUP,
    JOINED_NAME,
    JOINED_TYPE,
    PERSON_JOIN,
    outlet_spellings,
    outlet_sql,
    speaker_name_sql,
    speaker_role_sql,
    speaker_type_sql,
)
from onrecord.store.fts import PrefixStems, fts_query, vocab_stems
from onrecord.store.migrate import check_identity, migrate

AddStatus = Literal["new", "duplicate", "revision"]
#: Statement orders: chronological, newest first (unknown years last either way), best match.
Order = Literal["date", "-date", "rank"]
#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT_S = 30.0


# --------------------------------------------------------------------------- row types


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What :meth:`Store.add_article` did with one article."""

    status: AddStatus
    article_id: str  # content id of the stored (or already present) article
    revision_of: str | None = None  # first revision's id when ``status == "revision"``
    statements: int = 0  # statements stored (0 for a duplicate)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article with its revision bookkeeping; ``text`` only when asked for."""

    id: str
    doc_id: str
    revision_key: str | None
    revision_of: str | None
    revision: int
    latest: bool
    outlet: str | None
    published: str | None
    published_precision: str | None
    pub_date: str | None
    dateline: str | None
    headline: str | None
    subheadline: str | None
    byline: str | None
    url: str | None
    language: str | None
    source: str | None
    body_start: int
    meta: dict[str, Any]
    ingested_at: str
    statement_count: int = 0
    text: str | None = None

    @property
    def display_date(self) -> str:
        """The publication date for tables: ``2022-03-21``, ``????-03-28`` (year unknown)."""
        return display_date(self.published)

    def to_article(self) -> Article:
        """The :class:`~onrecord.model.Article` (needs ``text``: load via :meth:`Store.article`)."""
        if self.text is None:
            raise ValueError(f"article {self.id}: text not loaded")
        return Article(
            id=self.doc_id,
            text=self.text,
            outlet=self.outlet,
            published=self.published,
            published_precision=self.published_precision,
            dateline=self.dateline,
            headline=self.headline,
            subheadline=self.subheadline,
            byline=self.byline,
            url=self.url,
            language=self.language,
            source=self.source,
            body_start=self.body_start,
            meta=dict(self.meta),
        )

    def to_json(self) -> dict[str, Any]:
        """Metadata as a JSON object (the text only when loaded)."""
        out: dict[str, Any] = {
            "id": self.id,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "published": self.published,
            "published_precision": self.published_precision,
            "dateline": self.dateline,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "byline": self.byline,
            "url": self.url,
            "language": self.language,
            "source": self.source,
            "revision": self.revision,
            "revision_of": self.revision_of,
            "latest": self.latest,
            "statements": self.statement_count,
            "ingested_at": self.ingested_at,
        }
        if self.meta:
            out["meta"] = self.meta
        if self.text is not None:
            out["body_start"] = self.body_start
            out["text"] = self.text
        return out

    def row(self) -> dict[str, Any]:
        """Flat columns for ``--format table|csv``."""
        return {
            "id": self.id,
            "date": self.display_date,
            "outlet": self.outlet or "",
            "headline": self.headline or "",
            "statements": self.statement_count,
            "revision": self.revision,
            "source": self.source or "",
        }


@dataclass(frozen=True, slots=True)
class StoredStatement:
    """A stored statement, with the article facts every listing shows next to it."""

    id: int
    article_id: str
    position: int
    statement: Statement
    person_id: str | None
    doc_id: str
    outlet: str | None
    published: str | None
    published_precision: str | None
    pub_date: str | None
    headline: str | None
    url: str | None

    @property
    def key(self) -> str:
        """A stable id across databases built from the same inputs: ``<article id>:<position>``."""
        return f"{self.article_id}:{self.position}"

    @property
    def speaker_name(self) -> str | None:
        sp = self.statement.speaker
        return sp.name if sp else None

    @property
    def display_date(self) -> str:
        return display_date(self.published)

    def to_json(self) -> dict[str, Any]:
        """The statement in the interchange format plus its article's facts."""
        out = self.statement.to_json()
        out.update(
            {
                "id": self.key,
                "article_id": self.article_id,
                "doc_id": self.doc_id,
                "position": self.position,
                "outlet": self.outlet,
                "published": self.published,
                "headline": self.headline,
                "url": self.url,
            }
        )
        if self.person_id:
            out["person_id"] = self.person_id
        return out

    def row(self) -> dict[str, Any]:
        """Flat columns for ``--format table|csv``: date, outlet, speaker, kind, text."""
        sp = self.statement.speaker
        return {
            "date": self.display_date,
            "outlet": self.outlet or "",
            "speaker": (sp.name or (sp.mention.text if sp.mention else "")) if sp else "",
            "kind": self.statement.kind,
            "text": self.statement.words(),
            "id": self.key,
        }


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker name as it appears in statements, with what the record says about it."""

    name: str
    type: str
    roles: tuple[str, ...]
    statements: int
    articles: int
    outlets: tuple[str, ...]
    first: str | None  # earliest known publication date (pub_date), year-unknown ones excluded
    last: str | None
    person_ids: tuple[str, ...] = ()  # registry ids linked to this name (empty before resolve)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "roles": list(self.roles),
            "statements": self.statements,
            "articles": self.articles,
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
            "person_ids": list(self.person_ids),
        }

    def row(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "roles": "; ".join(self.roles),
            "statements": self.statements,
            "outlets": ", ".join(self.outlets),
        }


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How much the store holds; ``articles`` counts latest revisions only."""

    articles: int
    revisions: int  # all stored article versions (>= articles)
    statements: int  # statements of latest revisions
    all_statements: int
    speakers: int  # distinct speakers (registry entities, else names) in latest revisions

    def to_json(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "revisions": self.revisions,
            "statements": self.statements,
            "all_statements": self.all_statements,
            "speakers": self.speakers,
        }


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Filters shared by :meth:`Store.statements` and :meth:`Store.count_statements`.

    ``speaker`` matches case-insensitively the canonical name (as a whole name or any of its
    words: "Peskov" finds "Dmitry Peskov"), the mention, registry aliases, and the name of
    the statements' registry entity (after a rename, the new name). ``outlet`` matches the
    outlet as stored or as the user renamed it (``onrecord outlets rename``), case aside.
    ``since``/``until`` are inclusive ISO dates
    (``2022``, ``2022-03``, ``2022-03-21``) compared with the article's publication date;
    articles whose year is unknown never match a date range. ``search`` is a user search
    string (see :func:`onrecord.store.fts.fts_query`). ``has_speaker`` keeps statements whose
    speaker is named (the web UI's opening page: the latest statements someone made).
    """

    speaker: str | None = None
    outlet: str | None = None
    kind: str | None = None
    act: str | None = None  # "speech" or "stance" (docs/scope.md)
    since: str | None = None
    until: str | None = None
    search: str | None = None
    article_id: str | None = None
    person_id: str | None = None
    all_revisions: bool = False
    has_speaker: bool = False
    language: str | None = None  # the article's language code ("ru", "en")


@dataclass(frozen=True, slots=True)
class StatementPage:
    """One page of statements and how many match in all (see :meth:`Store.statement_page`).

    ``total_is_lower_bound``: counting stopped at the cap, so at least ``total`` match (shown
    as "10,000+"). ``ranked_within``: set when a relevance order ranked only that many matches
    (the most recently stored ones) because more matched; None when every match was ranked.
    """

    rows: list[StoredStatement]
    total: int
    total_is_lower_bound: bool = False
    ranked_within: int | None = None


@dataclass(frozen=True, slots=True)
class _Where:
    """A :class:`StatementFilter` as SQL over ``statements s`` joined with ``articles a``.

    ``sql`` never holds the full-text condition: ``match`` is the FTS5 query (None without a
    search), so each query shape can decide how to combine the two (see ``_fts_source``).
    ``only_latest``: the one condition is "latest revisions" (no user filter).
    ``per_match``: the search has so few matches that checking the filters on each match
    beats collecting the filter's statement ids first (see ``Store._fts_source``).
    """

    sql: str
    params: list[Any]
    match: str | None
    only_latest: bool
    per_match: bool = False


# --------------------------------------------------------------------------- helpers


def display_date(published: str | None) -> str:
    """A date for tables: the day part, ``????`` for an unknown year, ``""`` when absent."""
    if not published:
        return ""
    if published.startswith("--"):
        return "????" + published[1:][:6]
    return published[:10]


def sortable_date(published: str | None) -> str | None:
    """The ``pub_date`` column: ``YYYY[-MM[-DD]]`` when the year is known, else None."""
    precision = date_precision(published)
    if precision is None or precision.endswith("no-year") or published is None:
        return None
    return published[:10]


_DATE_ARG_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _date_bound(value: str, name: str, *, upper: bool) -> str:
    """Validate a ``since``/``until`` value; the upper bound covers the whole period."""
    value = value.strip()
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        if not _DATE_ARG_RE.match(value):
            raise ValueError(value)
        datetime.strptime(value, formats[len(value)])
    except ValueError:
        raise UsageError(
            f"{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", param=name
        ) from None
    # "2022-03" as an upper bound means "up to the end of March": any string with that prefix.
    return value + "\uffff" if upper else value


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --------------------------------------------------------------------------- the store

# Speaker names and types, and outlets, are selected as readers see them (the registry's
# names, the user's corrections: store/corrections.py), so every row built from these
# columns, and so every listing, export and page, shows the corrected record.
_ARTICLE_COLS = (
    "a.id, a.doc_id, a.revision_key, a.revision_of, a.revision, a.latest,"
    f" {outlet_sql('a.outlet')}, a.published,"
    " a.published_precision, a.pub_date, a.dateline, a.headline, a.subheadline, a.byline, a.url,"
    " a.language, a.source, a.body_start, a.meta, a.ingested_at"
)
_STATEMENT_COLS = (
    "s.id, s.article_id, s.position, s.kind, s.content_start, s.content_end, s.content,"
    f" s.fragments, {speaker_name_sql('s')}, {speaker_type_sql('s')},"
    " s.mention_start, s.mention_end, s.mention,"
    f" {speaker_role_sql('s')}, s.speaker_affiliation, s.cue_start, s.cue_end, s.cue,"
    " s.addressee,"
    ' s.occasion, s."when", s.when_precision, s.confidence, s.source, s.person_id,'
    f" a.doc_id, {outlet_sql('a.outlet')}, a.published, a.published_precision, a.pub_date,"
    " a.headline, a.url, s.act"
)
# Statement orders; migration 0003 indexes the article part of both (articles_chrono,
# articles_newest), so a page of a listing walks that index instead of sorting every row.
_ORDER_CHRONO = "a.pub_date IS NULL, a.pub_date, a.published, a.seq"
_ORDER_NEWEST = "a.pub_date IS NULL, a.pub_date DESC, a.published DESC, a.seq DESC"
_STATEMENT_ORDER = {
    "date": f"{_ORDER_CHRONO}, s.position",
    "-date": f"{_ORDER_NEWEST}, s.position DESC",
}
#: A search with at least this many matches lists by date by walking the date index and
#: keeping the matches (a page needs few rows); fewer matches are fetched and sorted.
WALK_MIN_MATCHES = 1000
#: A filtered search with fewer matches than this checks the filters match by match (about
#: 1.2 us each: two row lookups); more matches check them against the filter's statement ids,
#: collected once per query (about 0.3 us per statement the filter selects).
PER_MATCH_MAX = 1000


class Store:
    """One onrecord database: open (creating and migrating it as needed), add, query.

    >>> with Store(":memory:", create=True) as store:
    ...     store.counts().articles
    0
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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
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

    def has_table(self, name: str) -> bool:
        """Whether a table exists (later migrations add optional tables, e.g. the registry)."""
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
        ).fetchone()
        return row is not None

    # -- writing

    def has_article(self, content_id: str) -> bool:
        """Whether an article with this content id is stored (ingest skips extracting it)."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (content_id,)).fetchone()
        return row is not None

    def add_article(self, article: Article, statements: Sequence[Statement]) -> AddOutcome:
        """Store one article and its statements: new, duplicate (no-op) or a new revision."""
        cid = article.content_id
        with self.transaction():
            if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (cid,)).fetchone():
                return AddOutcome("duplicate", cid)
            key = article.revision_key
            first: str | None = None
            revision = 1
            if key is not None:
                row = self.conn.execute(
                    "SELECT coalesce(revision_of, id), max(revision) FROM articles"
                    " WHERE revision_key = ? GROUP BY coalesce(revision_of, id)"
                    " ORDER BY min(seq) LIMIT 1",
                    (key,),
                ).fetchone()
                if row is not None:
                    first, revision = row[0], int(row[1]) + 1
                    self.conn.execute(
                        "UPDATE articles SET latest = 0 WHERE id = ? OR revision_of = ?",
                        (first, first),
                    )
            precision = article.published_precision or date_precision(article.published)
            self.conn.execute(
                "INSERT INTO articles (id, doc_id, revision_key, revision_of, revision, latest,"
                " outlet, published, published_precision, pub_date, dateline, headline,"
                " subheadline, byline, url, language, source, body_start, text, meta, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    cid,
                    article.id or cid,
                    key,
                    first,
                    revision,
                    article.outlet,
                    article.published,
                    precision,
                    sortable_date(article.published),
                    article.dateline,
                    article.headline,
                    article.subheadline,
                    article.byline,
                    article.url,
                    article.language,
                    article.source,
                    article.body_start,
                    article.text,
                    json.dumps(article.meta, ensure_ascii=False, default=str),
                    _now(),
                ),
            )
            self.conn.executemany(
                "INSERT INTO statements (article_id, position, kind, content_start, content_end,"
                " content, fragments, speaker_name, speaker_type, mention_start, mention_end,"
                " mention, speaker_role, speaker_affiliation, cue_start, cue_end, cue, addressee,"
                ' occasion, "when", when_precision, confidence, source, act)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_statement_params(cid, i, s) for i, s in enumerate(statements)],
            )
        return AddOutcome("revision" if first else "new", cid, first, len(statements))

    # -- reading articles

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        all_revisions: bool = False,
        limit: int | None = None,
        offset: int = 0,
        with_text: bool = False,
        language: str | None = None,
    ) -> list[ArticleRow]:
        """Articles in publication order (unknown years last); ``search`` looks in headlines.

        ``with_text`` loads each article's text too (exports); listings leave it out.
        """
        where, params = self._article_where(
            outlet, since, until, search, all_revisions, language=language
        )
        sql = (
            f"SELECT {_ARTICLE_COLS},"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id),"
            f" {'a.text' if with_text else 'NULL'}"
            f" FROM articles a WHERE {where} ORDER BY {_ORDER_CHRONO}"
            " LIMIT ? OFFSET ?"
        )
        rows = self.query(sql, [*params, -1 if limit is None else limit, offset])
        return [_article_row(r[:20], count=r[20], text=r[21]) for r in rows]

    def count_articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        all_revisions: bool = False,
        language: str | None = None,
    ) -> int:
        where, params = self._article_where(
            outlet, since, until, search, all_revisions, language=language
        )
        return int(self.query(f"SELECT count(*) FROM articles a WHERE {where}", params)[0][0])

    def article(self, ref: str) -> ArticleRow | None:
        """One article with its text, by content id, caller's doc id, or unique id prefix.

        None when nothing matches; a UsageError when a prefix is ambiguous. A doc id shared
        by several revisions gives the latest one.
        """
        ref = ref.strip()
        if not ref:
            raise UsageError("article id is empty")
        sql = (
            f"SELECT {_ARTICLE_COLS}, a.text,"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id)"
            " FROM articles a WHERE {} ORDER BY a.latest DESC, a.seq DESC"
        )
        rows = self.query(sql.format("a.id = ?"), [ref])
        if not rows:
            rows = self.query(sql.format("a.doc_id = ?"), [ref])[:1]
        if not rows:
            rows = self.query(
                sql.format("a.id LIKE ? ESCAPE '\\'") + " LIMIT 11", [_like_escape(ref) + "%"]
            )
            if len(rows) > 1:
                shown = ", ".join(r[0] for r in rows[:10])
                raise UsageError(f"article {ref!r} is ambiguous: matches {shown}")
        if not rows:
            return None
        r = rows[0]
        return _article_row(r[:20], text=r[20], count=r[21])

    def revisions(self, article_id: str) -> list[ArticleRow]:
        """Every revision of the article's group, first to latest (without text)."""
        rows = self.query(
            f"SELECT {_ARTICLE_COLS},"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id)"
            " FROM articles a WHERE coalesce(a.revision_of, a.id) ="
            " (SELECT coalesce(revision_of, id) FROM articles WHERE id = ?) ORDER BY a.revision",
            [article_id],
        )
        return [_article_row(r[:20], count=r[20]) for r in rows]

    def languages(self) -> list[tuple[str, int]]:
        """(language code, latest-article count) pairs, most articles first (migration 0005)."""
        rows = self.query(
            "SELECT a.language, count(*) FROM articles a WHERE a.latest = 1"
            " AND a.language IS NOT NULL GROUP BY a.language ORDER BY count(*) DESC, a.language",
            [],
        )
        return [(r[0], int(r[1])) for r in rows]

    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, latest-article count) pairs, most articles first; outlets as readers see
        them (renamed ones under their new name, see store/corrections.py)."""
        rows = self.query(
            f"SELECT {outlet_sql('a.outlet')} AS shown, count(*) FROM articles a"
            " WHERE a.latest = 1 AND a.outlet IS NOT NULL"
            " GROUP BY shown ORDER BY count(*) DESC, shown",
            [],
        )
        return [(r[0], int(r[1])) for r in rows]

    # -- reading statements

    def statements(
        self,
        filters: StatementFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
        **kwargs: Any,
    ) -> list[StoredStatement]:
        """Statements matching ``filters`` (or the same fields as keyword arguments).

        ``order="date"``: chronological by the article's publication date, then position;
        ``"-date"``: the exact reverse, except that year-unknown and undated articles still
        come last; ``"rank"``: best full-text match first (only with ``search``; else
        ``"date"``). ``rank_window=N`` ranks only the N most recently stored matches (by
        statement id), which bounds the cost of ranking a common word; None ranks them all.
        """
        flt = filters or StatementFilter(**kwargs)
        rows = self.iter_statements(
            flt, limit=limit, offset=offset, order=order, rank_window=rank_window
        )
        return list(rows)

    def iter_statements(
        self,
        filters: StatementFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
    ) -> Iterator[StoredStatement]:
        """Like :meth:`statements`, streaming (for exports of the whole store)."""
        w = self._statement_where(filters or StatementFilter())
        walk = (
            w.match is not None
            and order != "rank"
            and limit is not None
            and self._fts_count(w, cap=WALK_MIN_MATCHES) >= WALK_MIN_MATCHES
        )
        yield from self._select(w, limit, offset, order, rank_window, walk=walk)

    def statement_page(
        self,
        filters: StatementFilter,
        *,
        limit: int,
        offset: int = 0,
        order: Order = "date",
        rank_window: int | None = None,
        count_cap: int | None = None,
    ) -> StatementPage:
        """One page of :meth:`statements` and the number of matches, for listings.

        The count is exact for the unfiltered listing (two index counts); otherwise, with
        ``count_cap``, counting stops past the cap and the answer says so
        (``total_is_lower_bound``, shown as "10,000+"): a common word or a broad filter then
        costs what its first ``count_cap`` matches cost. ``rank_window`` as in
        :meth:`statements`.
        """
        w = self._statement_where(filters)
        exact = count_cap is None or (w.match is None and w.only_latest)
        cap = None if exact or count_cap is None else count_cap + 1
        found = (
            self._fts_count(w, cap=cap) if w.match is not None else self._count_where(w, cap=cap)
        )
        total, lower = (found, False) if cap is None or found < cap else (cap - 1, True)
        walk = w.match is not None and order != "rank" and total >= WALK_MIN_MATCHES
        rows = list(self._select(w, limit, offset, order, rank_window, walk=walk))
        ranked = order == "rank" and w.match is not None
        window = rank_window if ranked and rank_window is not None and total > rank_window else None
        return StatementPage(rows, total, lower, window)

    def count_statements(self, filters: StatementFilter | None = None, **kwargs: Any) -> int:
        """How many statements :meth:`statements` would return without a limit."""
        w = self._statement_where(filters or StatementFilter(**kwargs))
        return self._fts_count(w) if w.match is not None else self._count_where(w)

    def article_statements(self, article_id: str) -> list[StoredStatement]:
        """The statements of one article (any revision), in text order."""
        return self.statements(StatementFilter(article_id=article_id, all_revisions=True))

    # -- reading speakers

    def speakers(
        self,
        *,
        outlet: str | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SpeakerRow]:
        """Speakers with statement counts, roles and outlets, most statements first.

        A speaker is a registry entity shown by its name (a user's merge or rename included:
        store/corrections.py), or, for article-local speakers and names not in the registry,
        a name grouped case-insensitively (``str.casefold``). Statements without a speaker
        name are left out. ``name`` filters like the statements ``speaker`` filter. Roles and
        registry ids are listed in the order they were first reported (the statements'
        chronological order).

        SQLite aggregates per (speaker, name) and per (speaker, name, type, role, outlet,
        person id); only those few rows reach Python, which merges spellings that case-fold
        alike.
        """
        w = self._statement_where(StatementFilter(outlet=outlet, speaker=name))
        base = (
            f"FROM statements s JOIN articles a ON a.id = s.article_id {PERSON_JOIN}"
            f" WHERE s.speaker_name IS NOT NULL AND {w.sql}"
        )
        totals = self.query(
            f"SELECT {JOINED_GROUP}, {JOINED_NAME}, count(*), count(DISTINCT s.article_id),"
            f" min(a.pub_date), max(a.pub_date) {base} GROUP BY 1, 2",
            w.params,
        )
        # Chronological position of a statement as one comparable string (see _ORDER_CHRONO).
        first_seen = (
            "min(printf('%d%s%s%s%s%s%020d%s%020d', a.pub_date IS NULL, char(1),"
            " coalesce(a.pub_date, ''), char(1), coalesce(a.published, ''), char(1), a.seq,"
            " char(1), s.position))"
        )
        details = self.query(
            f"SELECT {JOINED_GROUP}, {JOINED_NAME}, {JOINED_TYPE}, {speaker_role_sql('s')},"
            f" {outlet_sql('a.outlet')}, s.person_id, count(*), {first_seen} {base}"
            " GROUP BY 1, 2, 3, 4, 5, 6",
            w.params,
        )

        # An article-local speaker named like one shared entity is listed with it ("Meghan
        # cry" of one article with the shared "Meghan cry"), as the names read alike.
        shared: dict[str, set[str]] = {}
        for group, name_, *_ in totals:
            if group.startswith("p:"):
                shared.setdefault(name_.casefold(), set()).add(group)

        def key(group: str, name_: str) -> str:
            if group.startswith("p:"):
                return group
            same = shared.get(name_.casefold(), set())
            return next(iter(same)) if len(same) == 1 else "n:" + name_.casefold()

        groups: dict[str, _SpeakerSums] = {}
        keys: dict[str, list[str]] = {}
        for group, name_, count, articles, first, last in totals:
            k = key(group, name_)
            groups.setdefault(k, _SpeakerSums()).add_name(name_, count, articles, first, last)
            keys.setdefault(k, []).append(group)
        for group, name_, type_, role, outlet_, person_id, count, seen in details:
            groups[key(group, name_)].add_detail(type_, role, outlet_, person_id, count, seen)
        for k, sums in groups.items():
            if len(keys[k]) > 1:  # spellings may share articles: count them once
                marks = ", ".join("?" * len(keys[k]))
                sums.articles = int(
                    self.query(
                        f"SELECT count(DISTINCT s.article_id) {base}"
                        f" AND {JOINED_GROUP} IN ({marks})",
                        [*w.params, *keys[k]],
                    )[0][0]
                )
        out = sorted((g.row() for g in groups.values()), key=lambda r: (-r.statements, r.name))
        end = None if limit is None else offset + limit
        return out[offset:end]

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

    # -- internals

    def _cursor(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise _query_error(exc, self.path) from exc

    def _fetch(self, cursor: sqlite3.Cursor, n: int) -> list[Any]:
        try:
            return cursor.fetchmany(n)
        except sqlite3.OperationalError as exc:
            raise _query_error(exc, self.path) from exc

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> list[Any]:
        """Every row of one read query; SQLite's errors become StoreErrors naming the file.
        Public for the store's other SQL modules (``registry.py``, ``timeline.py``)."""
        cursor = self._cursor(sql, params)
        try:
            return _fetchall(cursor, self.path)
        finally:
            cursor.close()

    def _article_where(
        self,
        outlet: str | None,
        since: str | None,
        until: str | None,
        search: str | None,
        all_revisions: bool,
        *,
        language: str | None = None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not all_revisions:
            clauses.append("a.latest = 1")
        _add_common(clauses, params, self._outlets(outlet), since, until)
        _add_language(clauses, params, language)
        if search:
            clauses.append("a.seq IN (SELECT rowid FROM headlines_fts WHERE headlines_fts MATCH ?)")
            params.append(fts_query(search, vocab_stems(self.query, "headlines_fts_vocab")))
        return " AND ".join(clauses) or "1", params

    def _statement_where(self, flt: StatementFilter) -> _Where:
        clauses: list[str] = []
        params: list[Any] = []
        _add_common(clauses, params, self._outlets(flt.outlet), flt.since, flt.until)
        _add_language(clauses, params, flt.language)
        if flt.kind:
            kinds = [k.strip().lower() for k in flt.kind.split(",") if k.strip()]
            bad = [k for k in kinds if k not in ("direct", "indirect", "mixed")]
            if bad or not kinds:
                raise UsageError(
                    f"kind {flt.kind!r}: expected direct, indirect or mixed", param="kind"
                )
            clauses.append(f"s.kind IN ({', '.join('?' * len(kinds))})")
            params.extend(kinds)
        if flt.act:
            act = flt.act.strip().lower()
            if act not in ("speech", "stance"):
                raise UsageError(f"act {flt.act!r}: expected speech or stance", param="act")
            # statements stored before acts were recorded (NULL) were all found as speech
            clauses.append("coalesce(s.act, 'speech') = ?")
            params.append(act)
        if flt.article_id:
            clauses.append("s.article_id = ?")
            params.append(flt.article_id)
        if flt.person_id:
            clauses.append("s.person_id = ?")
            params.append(flt.person_id)
        if flt.speaker and flt.speaker.strip():
            clause, sp_params = self._speaker_clause(flt.speaker.strip())
            clauses.append(clause)
            params.extend(sp_params)
        if flt.has_speaker:
            clauses.append("s.speaker_name IS NOT NULL")
        if not flt.all_revisions and not flt.article_id:
            # A speaker or person filter has a statements index far more selective than
            # "latest revision" (true of nearly every row); the + keeps SQLite, which has no
            # statistics, from walking all latest articles instead. Otherwise the condition
            # stays indexable: listings walk the date indexes (latest, date...) and date
            # ranges use articles_latest_date (latest, pub_date).
            by_statement = bool(flt.person_id or (flt.speaker and flt.speaker.strip()))
            clauses.insert(0, "+a.latest = 1" if by_statement else "a.latest = 1")
        match = (
            fts_query(flt.search, self.search_stems())
            if flt.search and flt.search.strip()
            else None
        )
        only_latest = clauses == ["a.latest = 1"]
        sql = " AND ".join(clauses) or "1"
        per_match = (
            match is not None
            and not only_latest
            and sql != "1"
            and self._raw_matches(match, PER_MATCH_MAX) < PER_MATCH_MAX
        )
        return _Where(sql, params, match, only_latest, per_match)

    def search_stems(self) -> PrefixStems:
        """What widens a statement search's prefixes (see :func:`~onrecord.store.fts.vocab_stems`);
        public for the store's other SQL modules (``timeline.py``)."""
        return vocab_stems(self.query, "statements_fts_vocab")

    def matching_ids(self, flt: StatementFilter, *, limit: int) -> tuple[str, list[Any]]:
        """SQL (and its parameters) selecting ``id``: the statements ``flt`` matches, at most
        ``limit``, the most recently stored first; for summaries of a listing such as its
        facet counts (``store/facets.py``), which then cost at most ``limit`` rows."""
        w = self._statement_where(flt)
        if w.match is None:
            return (
                "SELECT s.id AS id FROM statements s JOIN articles a ON a.id = s.article_id"
                f" WHERE {w.sql} ORDER BY s.id DESC LIMIT ?",
                [*w.params, limit],
            )
        source, args = self._fts_source(w)
        return (
            f"SELECT statements_fts.rowid AS id FROM {source}"
            " ORDER BY statements_fts.rowid DESC LIMIT ?",
            [*args, limit],
        )

    def _outlets(self, outlet: str | None) -> list[str] | None:
        """The stored outlet names an ``outlet`` filter selects (None: no filter): the name
        and those the user's corrections show as it (store/corrections.py)."""
        if not outlet or not outlet.strip():
            return None
        return outlet_spellings(self, outlet)

    def _has_superseded(self) -> bool:
        """Whether any article has a newer revision (one index probe; usually none do)."""
        return bool(self.query("SELECT EXISTS (SELECT 1 FROM articles WHERE latest = 0)", [])[0][0])

    def _raw_matches(self, match: str, cap: int) -> int:
        """Full-text matches of ``match`` in all statements, at most ``cap`` (no filters)."""
        sql = "SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?"
        return int(self.query(f"SELECT count(*) FROM ({sql})", [match, cap])[0][0])

    def _fts_source(self, w: _Where) -> tuple[str, list[Any]]:
        """``statements_fts ... WHERE <match and filters>`` and its parameters, for queries
        the full-text index drives (select ``statements_fts.rowid`` and ``bm25`` from it).

        Two shapes, chosen by ``w.per_match``. Few matches: each match is joined to its
        statement and article and the filters are checked there (a row lookup per match).
        Many matches: joining each would cost too much (about 90 ms for a word in 67,000
        statements), so the statement ids the filters select come from an index once per
        query and each match is checked against that set. Without user filters the set is the
        statements of superseded revisions, usually empty. The ``+`` keeps SQLite from
        turning the set into one full-text query per id (which would repeat bm25's corpus
        statistics each time).
        """
        assert w.match is not None
        head = "statements_fts"
        where = "WHERE statements_fts MATCH ?"
        if w.per_match:
            return (
                f"{head} CROSS JOIN statements s ON s.id = statements_fts.rowid"
                f" CROSS JOIN articles a ON a.id = s.article_id {where} AND {w.sql}",
                [w.match, *w.params],
            )
        if w.only_latest and self._has_superseded():
            return (
                f"{head} {where} AND +statements_fts.rowid NOT IN (SELECT s.id FROM articles a"
                " JOIN statements s ON s.article_id = a.id WHERE a.latest = 0)",
                [w.match],
            )
        if w.sql == "1" or w.only_latest:  # no filter, or only latest with none superseded
            return f"{head} {where}", [w.match]
        return (
            f"{head} {where} AND +statements_fts.rowid IN (SELECT s.id FROM statements s"
            f" JOIN articles a ON a.id = s.article_id WHERE {w.sql})",
            [w.match, *w.params],
        )

    def _fts_count(self, w: _Where, *, cap: int | None = None) -> int:
        """Matches of a search (at most ``cap``), counted on the full-text index."""
        source, args = self._fts_source(w)
        sql = f"SELECT 1 FROM {source}"
        if cap is not None:
            sql += " LIMIT ?"
            args.append(cap)
        return int(self.query(f"SELECT count(*) FROM ({sql})", args)[0][0])

    def _count_where(self, w: _Where, *, cap: int | None = None) -> int:
        """Statements matching a filter without search (at most ``cap``)."""
        if w.only_latest:  # every statement less those of superseded revisions
            sql = (
                "SELECT (SELECT count(*) FROM statements) - (SELECT count(*) FROM articles a"
                " JOIN statements s ON s.article_id = a.id WHERE a.latest = 0)"
            )
            return int(self.query(sql, [])[0][0])
        sql = f"SELECT 1 FROM statements s JOIN articles a ON a.id = s.article_id WHERE {w.sql}"
        args = list(w.params)
        if cap is not None:
            sql += " LIMIT ?"
            args.append(cap)
        return int(self.query(f"SELECT count(*) FROM ({sql})", args)[0][0])

    def _select(
        self,
        w: _Where,
        limit: int | None,
        offset: int,
        order: Order,
        rank_window: int | None,
        *,
        walk: bool,
    ) -> Iterator[StoredStatement]:
        """Stream one statements query; its shape depends on the search and the order.

        - no search: the join, ordered by the date indexes of migration 0003;
        - rank: bm25 over the matches (the newest ``rank_window`` of them when set), computed
          while the full-text index drives (materialized first), then joined for the page;
        - date order, ``walk``: the date index is walked and each statement kept if it is in
          the set of matches; cheap when matches are many (a page needs few rows);
        - date order otherwise: the (few) matches are fetched, joined and sorted.
        """
        head = f"SELECT {_STATEMENT_COLS} FROM"
        join = "JOIN articles a ON a.id = s.article_id"
        if w.match is None:
            sql = f"{head} statements s {join} WHERE {w.sql}"
            order_by = _STATEMENT_ORDER["date" if order == "rank" else order]
            args = list(w.params)
        elif order == "rank":
            source, args = self._fts_source(w)
            window = "" if rank_window is None else " ORDER BY statements_fts.rowid DESC LIMIT ?"
            sql = (
                "WITH m AS MATERIALIZED (SELECT statements_fts.rowid AS rid,"
                f" bm25(statements_fts) AS score FROM {source}{window})"
                f" {head} m CROSS JOIN statements s ON s.id = m.rid {join}"
            )
            order_by = "m.score, a.seq, s.position"
            args += [] if rank_window is None else [rank_window]
        elif walk:
            sql = (
                f"{head} statements s {join} WHERE {w.sql} AND +s.id IN"
                " (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
            )
            order_by = _STATEMENT_ORDER[order]
            args = [*w.params, w.match]
        else:
            source, args = self._fts_source(w)
            sql = (
                f"WITH m AS MATERIALIZED (SELECT statements_fts.rowid AS rid FROM {source})"
                f" {head} m CROSS JOIN statements s ON s.id = m.rid {join}"
            )
            order_by = _STATEMENT_ORDER[order]
        sql += f" ORDER BY {order_by} LIMIT ? OFFSET ?"
        cursor = self._cursor(sql, [*args, -1 if limit is None else limit, offset])
        try:
            while batch := self._fetch(cursor, 500):
                for r in batch:
                    yield _stored_statement(r)
        finally:
            # A generator left unfinished (its reader gone: `statements | head`) is closed
            # when collected, which may be after its store was closed with the cursor.
            with suppress(sqlite3.ProgrammingError):
                cursor.close()

    def _speaker_clause(self, speaker: str) -> tuple[str, list[Any]]:
        """Case-insensitive: whole name, any whole words of the name, mention, alias, or the
        name (or a word of it) of the statements' registry entity.

        The entity's name is the one readers see (a rename: "Markle" finds the statements
        extracted as "Meghan cry" once those are merged into Meghan and renamed). The word
        match is worked out on the distinct speaker names and entity names first (few next
        to statements) and becomes lists, so an index answers every part of the clause
        instead of a LIKE over every statement.
        """
        words = " " + " ".join(speaker.casefold().split()) + " "
        pattern = "%" + _like_escape(words) + "%"
        names = self._speaker_names_like(pattern)
        parts = ["s.speaker_name = ? COLLATE NOCASE", "s.mention = ? COLLATE NOCASE"]
        params: list[Any] = [speaker, speaker]
        if names:
            parts.append(f"s.speaker_name COLLATE NOCASE IN ({', '.join('?' * len(names))})")
            params.extend(names)
        if self.has_table("person_aliases"):
            parts.append(
                "s.person_id IN (SELECT person_id FROM person_aliases"
                " WHERE alias = ? COLLATE NOCASE UNION SELECT id FROM persons"
                " WHERE name = ? COLLATE NOCASE"
                " OR (' ' || lower(name) || ' ') LIKE ? ESCAPE '\\')"
            )
            params.extend([speaker, speaker, pattern])
        return "(" + " OR ".join(parts) + ")", params

    def _speaker_names_like(self, pattern: str) -> list[str]:
        """One spelling of each distinct speaker name (ASCII case aside) whose padded,
        lower-cased form is LIKE ``pattern``.

        Hops through the ``statements_speaker`` index from one name to the next (a loose
        index scan), so the cost grows with the number of distinct names, not statements.
        Names that differ only in ASCII case are one entry: the filter compares NOCASE.
        """
        rows = self.query(
            "WITH RECURSIVE n(name) AS ("
            " SELECT (SELECT speaker_name FROM statements WHERE speaker_name IS NOT NULL"
            "  ORDER BY speaker_name COLLATE NOCASE LIMIT 1)"
            " UNION ALL"
            " SELECT (SELECT speaker_name FROM statements"
            "  WHERE speaker_name COLLATE NOCASE > n.name"
            "  ORDER BY speaker_name COLLATE NOCASE LIMIT 1)"
            " FROM n WHERE n.name IS NOT NULL)"
            " SELECT name FROM n"
            " WHERE name IS NOT NULL AND (' ' || lower(name) || ' ') LIKE ? ESCAPE '\\'",
            [pattern],
        )
        return [r[0] for r in rows]


# --------------------------------------------------------------------------- row builders


class SpeakerAgg:
    """Accumulates one speaker name's statements into a :class:`SpeakerRow` (public: the
    Spark job's speakers stage aggregates with it, so its rows equal :meth:`Store.speakers`)."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.roles: dict[str, None] = {}
        self.outlets: dict[str, None] = {}
        self.articles: set[str] = set()
        self.person_ids: dict[str, None] = {}
        self.dates: list[str] = []
        self.count = 0

    def add(
        self,
        name: str,
        type_: str | None,
        role: str | None,
        outlet: str | None,
        pub_date: str | None,
        article_id: str,
        person_id: str | None,
    ) -> None:
        self.count += 1
        self.names[name] = self.names.get(name, 0) + 1
        if type_:
            self.types[type_] = self.types.get(type_, 0) + 1
        if role:
            self.roles.setdefault(role)
        if outlet:
            self.outlets.setdefault(outlet)
        if pub_date:
            self.dates.append(pub_date)
        if person_id:
            self.person_ids.setdefault(person_id)
        self.articles.add(article_id)

    def row(self) -> SpeakerRow:
        return SpeakerRow(
            name=_most(self.names),
            type=_most(self.types) if self.types else "unknown",
            roles=tuple(self.roles),
            statements=self.count,
            articles=len(self.articles),
            outlets=tuple(sorted(self.outlets)),
            first=min(self.dates) if self.dates else None,
            last=max(self.dates) if self.dates else None,
            person_ids=tuple(self.person_ids),
        )


class _SpeakerSums:
    """One case-folded speaker name from SQL aggregates (:meth:`Store.speakers`); gives the
    same :class:`SpeakerRow` as :class:`SpeakerAgg` fed every statement one by one."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.roles: dict[str, str] = {}  # role -> first seen (chronological key)
        self.outlets: set[str] = set()
        self.person_ids: dict[str, str] = {}  # id -> first seen
        self.count = 0
        self.articles = 0
        self.first: str | None = None
        self.last: str | None = None

    def add_name(
        self, name: str, count: int, articles: int, first: str | None, last: str | None
    ) -> None:
        """One exact spelling: its statements, articles and date range."""
        self.names[name] = count
        self.count += count
        self.articles += articles  # recounted by the caller when spellings are several
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last

    def add_detail(
        self,
        type_: str | None,
        role: str | None,
        outlet: str | None,
        person_id: str | None,
        count: int,
        seen: str,
    ) -> None:
        """One (type, role, outlet, person id) combination and when it was first reported."""
        if type_:
            self.types[type_] = self.types.get(type_, 0) + count
        if role and (role not in self.roles or seen < self.roles[role]):
            self.roles[role] = seen
        if outlet:
            self.outlets.add(outlet)
        if person_id and (person_id not in self.person_ids or seen < self.person_ids[person_id]):
            self.person_ids[person_id] = seen

    def row(self) -> SpeakerRow:
        return SpeakerRow(
            name=_most(self.names),
            type=_most(self.types) if self.types else "unknown",
            roles=tuple(sorted(self.roles, key=lambda r: (self.roles[r], r))),
            statements=self.count,
            articles=self.articles,
            outlets=tuple(sorted(self.outlets)),
            first=self.first,
            last=self.last,
            person_ids=tuple(sorted(self.person_ids, key=lambda p: (self.person_ids[p], p))),
        )


def _most(counts: dict[str, int]) -> str:
    """The most frequent key (the greatest key among equals, so the choice is stable)."""
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _add_common(
    clauses: list[str],
    params: list[Any],
    outlets: list[str] | None,
    since: str | None,
    until: str | None,
) -> None:
    """Outlet and date conditions on ``articles a``; ``outlets``: the stored spellings of
    the outlet asked for (``Store._outlets``)."""
    if outlets:
        clauses.append(f"a.outlet COLLATE NOCASE IN ({', '.join('?' * len(outlets))})")
        params.extend(outlets)
    if since:
        clauses.append("a.pub_date >= ?")
        params.append(_date_bound(since, "since", upper=False))
    if until:
        clauses.append("a.pub_date <= ?")
        params.append(_date_bound(until, "until", upper=True))


def _add_language(clauses: list[str], params: list[Any], language: str | None) -> None:
    """The article's language (migration 0005): ``ru``, ``en``; ``ru-RU`` means ``ru``."""
    if language and language.strip():
        clauses.append("a.language = ?")
        params.append(re.split(r"[-_]", language.strip().lower())[0])


def _fetchall(cursor: sqlite3.Cursor, path: str) -> list[Any]:
    try:
        return cursor.fetchall()
    except sqlite3.OperationalError as exc:
        raise _query_error(exc, path) from exc


def _query_error(exc: sqlite3.OperationalError, path: str) -> Exception:
    """A search syntax problem is the user's (UsageError); anything else is the store's."""
    msg = str(exc)
    if any(k in msg for k in ("fts5", "MATCH", "unterminated string", "syntax error")):
        return UsageError(f"search not understood ({msg})")
    return StoreError(f"query failed ({msg})", source=path)


def _statement_params(article_id: str, position: int, s: Statement) -> tuple[Any, ...]:
    sp = s.speaker or Speaker(name=None)
    mention = sp.mention
    return (
        article_id,
        position,
        s.kind,
        s.content.start,
        s.content.end,
        s.content.text,
        json.dumps([list(p) for p in s.fragments]),
        sp.name,
        sp.type if s.speaker else None,
        mention.start if mention else None,
        mention.end if mention else None,
        mention.text if mention else None,
        sp.role,
        sp.affiliation,
        s.cue.start if s.cue else None,
        s.cue.end if s.cue else None,
        s.cue.text if s.cue else None,
        s.addressee,
        s.occasion,
        s.when,
        s.when_precision,
        s.confidence,
        s.source,
        s.act,
    )


def _article_row(r: Sequence[Any], *, text: str | None = None, count: int = 0) -> ArticleRow:
    return ArticleRow(
        id=r[0],
        doc_id=r[1],
        revision_key=r[2],
        revision_of=r[3],
        revision=int(r[4]),
        latest=bool(r[5]),
        outlet=r[6],
        published=r[7],
        published_precision=r[8],
        pub_date=r[9],
        dateline=r[10],
        headline=r[11],
        subheadline=r[12],
        byline=r[13],
        url=r[14],
        language=r[15],
        source=r[16],
        body_start=int(r[17]),
        meta=json.loads(r[18]) if r[18] else {},
        ingested_at=r[19],
        statement_count=int(count),
        text=text,
    )


def _span(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None:
        return None
    return Span(int(start), int(end), text or "")


def _stored_statement(r: Sequence[Any]) -> StoredStatement:
    speaker = None
    if r[8] is not None or r[9] is not None or r[12] is not None:
        speaker = Speaker(
            name=r[8],
            type=r[9] or "unknown",
            mention=_span(r[10], r[11], r[12]),
            role=r[13],
            affiliation=r[14],
        )
    statement = Statement(
        kind=r[3],
        content=Span(int(r[4]), int(r[5]), r[6]),
        speaker=speaker,
        cue=_span(r[15], r[16], r[17]),
        fragments=tuple((int(a), int(b)) for a, b in json.loads(r[7] or "[]")),
        addressee=r[18],
        occasion=r[19],
        when=r[20],
        when_precision=r[21],
        confidence=r[22],
        source=r[23],
        act=r[32],
    )
    return StoredStatement(
        id=int(r[0]),
        article_id=r[1],
        position=int(r[2]),
        statement=statement,
        person_id=r[24],
        doc_id=r[25],
        outlet=r[26],
        published=r[27],
        published_precision=r[28],
        pub_date=r[29],
        headline=r[30],
        url=r[31],
    )
