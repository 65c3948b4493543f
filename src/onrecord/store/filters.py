"""What a listing selects: :class:`StatementFilter` and its SQL conditions.

Why declared with their descriptions: the same filters are a command's options, the HTTP
API's query parameters and the Python API's keywords. Each field of
:class:`StatementFilter` carries its description (``help``) and, where the HTTP API names
it otherwise, its parameter name (``param``: ``person`` for ``person_id``), so the web's
parameters are made from this declaration (``web/filter_params.py``) and the command line
reads its options back with :meth:`StatementFilter.from_mapping`. A new filter is a field
here and its condition in :func:`statement_where`.

The conditions are SQL over ``statements s`` joined with ``articles a``; the full-text part
of a search is kept apart (``Where.match``) for the search planner (``store/search.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypedDict

from onrecord.dates import check_bound
from onrecord.errors import UsageError
from onrecord.model import KINDS
from onrecord.store.corrections import outlet_spellings
from onrecord.store.fts import fts_query, vocab_stems

if TYPE_CHECKING:
    from onrecord.store.connection import Connection


def _option(help: str, *, param: str | None = None, web: bool = True, default: Any = None) -> Any:
    """A filter field with its description; ``param``: its HTTP name when not its own;
    ``web``: whether the HTTP API takes it."""
    return field(default=default, metadata={"help": help, "param": param, "web": web})


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Filters shared by ``Store.statements`` and ``Store.count_statements``.

    ``speaker`` matches case-insensitively the canonical name (as a whole name or any of its
    words: "Peskov" finds "Dmitry Peskov"), the mention, registry aliases, and the name of
    the statements' registry entity (after a rename, the new name). ``outlet`` matches the
    outlet as stored or as the user renamed it (``onrecord outlets rename``), case aside.
    ``since``/``until`` are inclusive ISO dates (``2022``, ``2022-03``, ``2022-03-21``)
    compared with the article's publication date; articles whose year is unknown never match
    a date range. ``search`` is a user search string (see :func:`onrecord.store.fts.fts_query`).
    ``has_speaker`` keeps statements whose speaker is named (the web UI's opening page: the
    latest statements someone made).
    """

    search: str | None = _option('full-text search: words, "a phrase", prefix*, -exclude, a OR b')
    speaker: str | None = _option("speaker name, any of its words, mention or alias")
    person_id: str | None = _option("speaker registry id", param="person")
    outlet: str | None = _option("outlet name (case-insensitive)")
    language: str | None = _option("the article's language code: ru, en")
    kind: str | None = _option("direct, indirect or mixed (comma-separated for several)")
    act: str | None = _option(
        "speech (said or written) or stance (a view attributed to the source)"
    )
    since: str | None = _option("published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
    until: str | None = _option("published on or before: YYYY, YYYY-MM or YYYY-MM-DD")
    article_id: str | None = _option("article id", param="article")
    byline: str | None = _option("words of the article's byline (case-insensitive)")
    has_speaker: bool = _option("only statements whose speaker is named", default=False)
    all_revisions: bool = _option(
        "include earlier revisions of edited articles", web=False, default=False
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> StatementFilter:
        """The filter from a mapping that holds its fields by name among other things (a
        command's parsed options); absent or None fields keep their defaults."""
        given = {f.name: values[f.name] for f in fields(cls) if values.get(f.name) is not None}
        return cls(**given)


@dataclass(frozen=True, slots=True)
class Where:
    """A :class:`StatementFilter` as SQL over ``statements s`` joined with ``articles a``.

    ``sql`` never holds the full-text condition: ``match`` is the FTS5 query (None without a
    search), so each query shape can decide how to combine the two (``store/search.py``).
    ``only_latest``: the one condition is "latest revisions" (no user filter).
    ``per_match``: the search has so few matches that checking the filters on each match
    beats collecting the filter's statement ids first (set by the search planner).
    """

    sql: str
    params: list[Any]
    match: str | None
    only_latest: bool
    per_match: bool = False


def statement_where(store: Connection, flt: StatementFilter) -> Where:
    """The conditions of ``flt`` (UsageError for a value it cannot take, named by field)."""
    clauses: list[str] = []
    params: list[Any] = []
    add_common(clauses, params, outlets(store, flt.outlet), flt.since, flt.until)
    add_language(clauses, params, flt.language)
    if flt.kind:
        kinds = [k.strip().lower() for k in flt.kind.split(",") if k.strip()]
        if not kinds or any(k not in KINDS for k in kinds):
            raise UsageError(f"kind {flt.kind!r}: expected direct, indirect or mixed", param="kind")
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
        clause, sp_params = speaker_clause(store, flt.speaker.strip())
        clauses.append(clause)
        params.extend(sp_params)
    if flt.has_speaker:
        clauses.append("s.speaker_name IS NOT NULL")
    if flt.byline and flt.byline.strip():
        clauses.append("a.byline LIKE ? ESCAPE '\\'")
        params.append(f"%{like_escape(' '.join(flt.byline.split()))}%")
    if not flt.all_revisions and not flt.article_id:
        # A speaker or person filter has a statements index far more selective than
        # "latest revision" (true of nearly every row); the + keeps SQLite, which has no
        # statistics, from walking all latest articles instead. Otherwise the condition
        # stays indexable: listings walk the date indexes (latest, date...) and date
        # ranges use articles_latest_date (latest, pub_date).
        by_statement = bool(flt.person_id or (flt.speaker and flt.speaker.strip()))
        clauses.insert(0, "+a.latest = 1" if by_statement else "a.latest = 1")
    search = flt.search.strip() if flt.search else ""
    match = fts_query(flt.search or "", store.search_stems()) if search else None
    return Where(" AND ".join(clauses) or "1", params, match, clauses == ["a.latest = 1"])


class ArticleOptions(TypedDict, total=False):
    """The filters of article listings (``Store.articles``, ``Store.count_articles``)."""

    outlet: str | None
    since: str | None
    until: str | None
    search: str | None  # words in the headline or subheadline
    all_revisions: bool
    language: str | None


def article_options(flt: StatementFilter) -> ArticleOptions:
    """The article part of a statement filter: the articles an export of ``flt`` writes."""
    return ArticleOptions(
        outlet=flt.outlet,
        since=flt.since,
        until=flt.until,
        all_revisions=flt.all_revisions,
        language=flt.language,
    )


def article_where(store: Connection, options: ArticleOptions) -> tuple[str, list[Any]]:
    """Conditions on ``articles a`` for article listings; ``search`` looks in headlines."""
    clauses: list[str] = []
    params: list[Any] = []
    if not options.get("all_revisions"):
        clauses.append("a.latest = 1")
    outlet = outlets(store, options.get("outlet"))
    add_common(clauses, params, outlet, options.get("since"), options.get("until"))
    add_language(clauses, params, options.get("language"))
    search = options.get("search")
    if search:
        clauses.append("a.seq IN (SELECT rowid FROM headlines_fts WHERE headlines_fts MATCH ?)")
        params.append(fts_query(search, vocab_stems(store.query, "headlines_fts_vocab")))
    return " AND ".join(clauses) or "1", params


def outlets(store: Connection, outlet: str | None) -> list[str] | None:
    """The stored outlet names an ``outlet`` filter selects (None: no filter): the name and
    those the user's corrections show as it (store/corrections.py)."""
    if not outlet or not outlet.strip():
        return None
    return outlet_spellings(store, outlet)


def add_common(
    clauses: list[str],
    params: list[Any],
    outlets: list[str] | None,
    since: str | None,
    until: str | None,
) -> None:
    """Outlet and date conditions on ``articles a``; ``outlets``: the stored spellings of
    the outlet asked for (:func:`outlets`)."""
    if outlets:
        clauses.append(f"a.outlet COLLATE NOCASE IN ({', '.join('?' * len(outlets))})")
        params.extend(outlets)
    if since:
        clauses.append("a.pub_date >= ?")
        params.append(check_bound(since, "since"))
    if until:
        # "2022-03" as an upper bound means "up to the end of March": any string with
        # that prefix.
        clauses.append("a.pub_date <= ?")
        params.append(check_bound(until, "until") + "\uffff")


def add_language(clauses: list[str], params: list[Any], language: str | None) -> None:
    """The article's language (migration 0005): ``ru``, ``en``; ``ru-RU`` means ``ru``."""
    if language and language.strip():
        clauses.append("a.language = ?")
        params.append(re.split(r"[-_]", language.strip().lower())[0])


def like_escape(value: str) -> str:
    """``value`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def speaker_clause(store: Connection, speaker: str) -> tuple[str, list[Any]]:
    """Case-insensitive: whole name, any whole words of the name, mention, alias, or the
    name (or a word of it) of the statements' registry entity.

    The entity's name is the one readers see (a rename: "Markle" finds the statements
    extracted as "Meghan cry" once those are merged into Meghan and renamed). The word
    match is worked out on the distinct speaker names and entity names first (few next
    to statements) and becomes lists, so an index answers every part of the clause
    instead of a LIKE over every statement.
    """
    words = " " + " ".join(speaker.casefold().split()) + " "
    pattern = "%" + like_escape(words) + "%"
    names = _speaker_names_like(store, pattern)
    parts = ["s.speaker_name = ? COLLATE NOCASE", "s.mention = ? COLLATE NOCASE"]
    params: list[Any] = [speaker, speaker]
    if names:
        parts.append(f"s.speaker_name COLLATE NOCASE IN ({', '.join('?' * len(names))})")
        params.extend(names)
    parts.append(
        "s.person_id IN (SELECT person_id FROM person_aliases"
        " WHERE alias = ? COLLATE NOCASE UNION SELECT id FROM persons"
        " WHERE name = ? COLLATE NOCASE"
        " OR (' ' || lower(name) || ' ') LIKE ? ESCAPE '\\')"
    )
    params.extend([speaker, speaker, pattern])
    return "(" + " OR ".join(parts) + ")", params


def _speaker_names_like(store: Connection, pattern: str) -> list[str]:
    """One spelling of each distinct speaker name (ASCII case aside) whose padded,
    lower-cased form is LIKE ``pattern``.

    Hops through the ``statements_speaker`` index from one name to the next (a loose
    index scan), so the cost grows with the number of distinct names, not statements.
    Names that differ only in ASCII case are one entry: the filter compares NOCASE.
    """
    rows = store.query(
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
