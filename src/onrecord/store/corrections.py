"""The names readers see: the one place where the registry and the user's corrections are
applied to what articles and statements carry.

Why read-time rather than rewriting rows: statements keep the speaker name extraction gave
(``statements.speaker_name``) and articles the outlet their source gave (``articles.outlet``),
because the registry is rebuilt from exactly those (``speakers rebuild``) and a correction
must be undoable. What a reader sees is worked out from them by the SQL expressions below,
which every query of ``db.py`` (listings, filters, exports, the API, the web UI) and
``registry.py`` selects instead of the raw columns; so a merge, a rename or an outlet alias
reaches every surface at once, and holds for articles ingested later.

- A statement's speaker is the name of its registry entity (``persons.name``: a rename, a
  merge, or the fullest name the registry joined it to), else the name it was extracted
  with; its type is the entity's unless the entity's is unknown.
- An article's outlet is the name ``outlet_aliases`` maps it to (``onrecord outlets
  rename``), else the outlet as stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from onrecord.errors import UsageError

if TYPE_CHECKING:
    from onrecord.store.db import Store


def speaker_name_sql(s: str = "s") -> str:
    """SQL: the speaker name readers see for statements table alias ``s``."""
    return f"coalesce((SELECT p.name FROM persons p WHERE p.id = {s}.person_id), {s}.speaker_name)"


def speaker_type_sql(s: str = "s") -> str:
    """SQL: the speaker type readers see: the registry entity's, unless it is unknown."""
    return (
        "coalesce((SELECT nullif(p.type, 'unknown') FROM persons p"
        f" WHERE p.id = {s}.person_id), {s}.speaker_type)"
    )


def speaker_role_sql(s: str = "s") -> str:
    """SQL: the role readers see. Extraction gives a speaker it could only describe that
    description as role too ("Meghan cry", read from "Kate made Meghan cry"); once the user
    merged that name into an entity of another name it is one of the entity's names, not
    a role, and is left out. A role the registry joined by itself ("Kremlin spokesman") is
    kept."""
    return (
        f"(CASE WHEN lower({s}.speaker_role) = lower({s}.speaker_name)"
        f" AND EXISTS (SELECT 1 FROM person_aliases pa WHERE pa.alias = {s}.speaker_name"
        f" AND pa.person_id = {s}.person_id AND pa.how = 'user')"
        f" AND (SELECT p.name FROM persons p WHERE p.id = {s}.person_id) != {s}.speaker_name"
        f" THEN NULL ELSE {s}.speaker_role END)"
    )


#: The same three for aggregate queries over many statements, which join ``persons p`` once
#: (:data:`PERSON_JOIN`) instead of looking the entity up per expression.
PERSON_JOIN = "LEFT JOIN persons p ON p.id = s.person_id"
JOINED_NAME = "coalesce(p.name, s.speaker_name)"
JOINED_TYPE = "coalesce(nullif(p.type, 'unknown'), s.speaker_type)"
#: What makes statements one speaker in listings: their shared registry entity, or (for
#: article-local speakers such as "officials", and names not in the registry) the name.
#: Local entities are one per article ("sources" in two articles are rarely the same
#: people), but a listing counts them under their name, as it always has.
JOINED_GROUP = f"CASE WHEN p.scope = '' THEN 'p:' || p.id ELSE 'n:' || {JOINED_NAME} END"


def outlet_sql(column: str = "a.outlet") -> str:
    """SQL: the outlet name readers see for the stored outlet in ``column``."""
    return f"coalesce((SELECT o.name FROM outlet_aliases o WHERE o.alias = {column}), {column})"


# --------------------------------------------------------------------------- outlets


@dataclass(frozen=True, slots=True)
class OutletRow:
    """An outlet as readers see it: its name, what it holds, and the stored names that are
    shown as it (``aliases``: the user's corrections, and spellings that differ in case)."""

    name: str
    articles: int
    statements: int
    aliases: tuple[str, ...]

    def row(self) -> dict[str, Any]:
        return {
            "outlet": self.name,
            "articles": self.articles,
            "statements": self.statements,
            "aliases": "; ".join(self.aliases),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.name,
            "articles": self.articles,
            "statements": self.statements,
            "aliases": list(self.aliases),
        }


def _tidy(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UsageError(f"{what} is empty")
    return name


def outlet_spellings(store: Store, name: str) -> list[str]:
    """The stored outlet names a filter for ``name`` selects: ``name`` itself and every
    stored name shown as it (case-insensitive), so ``--outlet "The Tribune"`` finds the
    articles stored as "tribune242.com" once that is renamed."""
    name = name.strip()
    rows = store.query(
        "SELECT alias FROM outlet_aliases WHERE name = ? COLLATE NOCASE ORDER BY alias", [name]
    )
    return list(dict.fromkeys([name, *(r[0] for r in rows)]))


def outlets(store: Store) -> list[OutletRow]:
    """Every outlet as readers see it, most articles first (latest revisions only)."""
    shown = outlet_sql("a.outlet")
    rows = store.query(
        f"SELECT {shown}, a.outlet, count(DISTINCT a.id), count(s.id) FROM articles a"
        " LEFT JOIN statements s ON s.article_id = a.id"
        " WHERE a.latest = 1 AND a.outlet IS NOT NULL GROUP BY a.outlet",
        [],
    )
    groups: dict[str, dict[str, Any]] = {}
    for shown_name, stored, n_articles, n_statements in rows:
        g = groups.setdefault(
            shown_name.casefold(), {"names": {}, "articles": 0, "statements": 0, "stored": []}
        )
        g["names"][shown_name] = g["names"].get(shown_name, 0) + int(n_articles)
        g["articles"] += int(n_articles)
        g["statements"] += int(n_statements)
        g["stored"].append(stored)
    out = []
    for g in groups.values():
        name = max(g["names"].items(), key=lambda kv: (kv[1], kv[0]))[0]
        aliases = tuple(sorted(s for s in g["stored"] if s != name))
        out.append(OutletRow(name, g["articles"], g["statements"], aliases))
    return sorted(out, key=lambda r: (-r.articles, r.name.casefold()))


@dataclass(frozen=True, slots=True)
class OutletRename:
    """What :func:`rename_outlet` did: the name now shown, the stored names shown as it, and
    how many stored articles carry them (0: the rename waits for articles to come)."""

    name: str
    aliases: tuple[str, ...]
    articles: int

    def row(self) -> dict[str, Any]:
        return {"outlet": self.name, "articles": self.articles, "aliases": "; ".join(self.aliases)}

    def to_json(self) -> dict[str, Any]:
        return {"outlet": self.name, "articles": self.articles, "aliases": list(self.aliases)}


def rename_outlet(store: Store, old: str, new: str) -> OutletRename:
    """Show outlet ``old`` (a stored name, or a name already shown) as ``new`` from now on.

    Stored as aliases, applied when read: every stored name shown as ``old`` is shown as
    ``new``, and ``old`` itself (also for articles ingested later). Renaming back removes
    the alias instead of storing a name that maps to itself.
    """
    old, new = _tidy(old, "the outlet name"), _tidy(new, "the new outlet name")
    if old == new:
        raise UsageError(f"outlet {old!r} is already called {new!r}")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.transaction():
        conn = store.conn
        conn.execute("UPDATE outlet_aliases SET name = ? WHERE name = ? COLLATE NOCASE", (new, old))
        conn.execute(
            "INSERT INTO outlet_aliases (alias, name, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT (alias) DO UPDATE SET name = excluded.name",
            (old, new, now),
        )
        conn.execute("DELETE FROM outlet_aliases WHERE alias = name COLLATE BINARY")
        spellings = outlet_spellings(store, new)
        marks = ", ".join("?" * len(spellings))
        articles = int(
            store.query(
                "SELECT count(*) FROM articles WHERE latest = 1"
                f" AND outlet COLLATE NOCASE IN ({marks})",
                spellings,
            )[0][0]
        )
    return OutletRename(new, tuple(s for s in spellings if s != new), articles)
