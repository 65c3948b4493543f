"""SQL of the cross-article record: the speaker registry, the user's rules, speaker profiles.

The record's SQL lives here and in ``record_links.py`` (statement links and events; its
methods are :class:`RecordStore`'s too), with ``timeline.py`` for the timeline's order and
paging (tables in ``migrations/0002_record.sql``). The decisions (who is who, what is
linked, what is an event) are made in ``onrecord.resolve``; this class reads what they need
and writes what they decide, on the :class:`~onrecord.store.db.Store`'s connection, so it
joins the caller's transaction (ingest's batch) when there is one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from onrecord.store.corrections import outlet_sql, speaker_role_sql
from onrecord.store.record_base import now
from onrecord.store.record_links import EventRow, LinkItem, LinkQueries

__all__ = ["AliasRow", "EventRow", "LinkItem", "PersonRow", "RecordStore"]


@dataclass(frozen=True, slots=True)
class PersonRow:
    """An entity of the registry."""

    id: str
    name: str
    type: str
    kind: str
    key: str
    scope: str
    name_pinned: bool


@dataclass(frozen=True, slots=True)
class AliasRow:
    """A speaker name and the entity it belongs to (``how`` it got there)."""

    alias: str
    scope: str
    key: str
    kind: str
    surname: str | None
    person_id: str
    how: str


class RecordStore(LinkQueries):
    """The record's reads and writes on one :class:`~onrecord.store.db.Store`: the speaker
    registry, the user's rules and the speaker profiles here; links and events inherited
    (``record_links.py``)."""

    # ------------------------------------------------------------------ registry: reading

    def unassigned(self) -> list[tuple[int, str, str | None, str]]:
        """(statement id, speaker name, type, article id) of statements without a person yet."""
        return [
            (int(r[0]), r[1], r[2], r[3])
            for r in self._all(
                "SELECT id, speaker_name, speaker_type, article_id FROM statements"
                " WHERE person_id IS NULL AND speaker_name IS NOT NULL AND trim(speaker_name) != ''"
                " ORDER BY id"
            )
        ]

    def set_persons(self, pairs: Iterable[tuple[str, int]]) -> None:
        """Set ``person_id`` of statements: ``(person id, statement id)`` pairs."""
        self.conn.executemany("UPDATE statements SET person_id = ? WHERE id = ?", list(pairs))

    def alias(self, alias: str, scope: str) -> AliasRow | None:
        rows = self._all(
            "SELECT alias, scope, key, kind, surname, person_id, how FROM person_aliases"
            " WHERE alias = ? AND scope = ?",
            (alias, scope),
        )
        return AliasRow(*rows[0]) if rows else None

    def user_person_for_key(self, key: str) -> str | None:
        """The entity a user's merge put an article-local name's key in (the rule that
        "Meghan cry" is Meghan holds in every article, also those ingested later)."""
        rows = self._all(
            "SELECT person_id FROM person_aliases WHERE key = ? AND scope = '' AND how = 'user'"
            " ORDER BY rowid LIMIT 1",
            (key,),
        )
        return rows[0][0] if rows else None

    def local_aliases_with_key(self, key: str) -> list[AliasRow]:
        """Article-local names with this key, in every article."""
        return [
            AliasRow(*r)
            for r in self._all(
                "SELECT alias, scope, key, kind, surname, person_id, how FROM person_aliases"
                " WHERE key = ? AND scope != ''",
                (key,),
            )
        ]

    def person_for_key(self, key: str, scope: str) -> str | None:
        """The entity holding ``key`` in ``scope``: a user-placed alias first."""
        rows = self._all(
            "SELECT person_id FROM person_aliases WHERE key = ? AND scope = ?"
            " ORDER BY how = 'user' DESC, rowid LIMIT 1",
            (key, scope),
        )
        return rows[0][0] if rows else None

    def full_name_persons(self, surname: str) -> list[str]:
        """Entities holding a full person name with this surname."""
        return [
            r[0]
            for r in self._all(
                "SELECT DISTINCT person_id FROM person_aliases"
                " WHERE surname = ? AND kind = 'full' AND scope = ''",
                (surname,),
            )
        ]

    def surname_aliases(self, surname: str) -> list[AliasRow]:
        return [
            AliasRow(*r)
            for r in self._all(
                "SELECT alias, scope, key, kind, surname, person_id, how FROM person_aliases"
                " WHERE surname = ? AND kind = 'surname' AND scope = ''",
                (surname,),
            )
        ]

    def role_holders(self, description: str) -> list[str]:
        """Persons whose statements carry ``description`` as role or as the speaker mention
        ("the Kremlin spokesman" in an article that names him)."""
        d = description.strip().casefold()
        d = d[4:] if d.startswith("the ") else d
        return [
            r[0]
            for r in self._all(
                "SELECT DISTINCT s.person_id FROM statements s JOIN persons p ON p.id = s.person_id"
                " WHERE p.scope = '' AND p.kind IN ('full', 'surname', 'user')"
                " AND (lower(s.speaker_role) IN (?, ?) OR lower(s.mention) IN (?, ?))",
                (d, "the " + d, d, "the " + d),
            )
        ]

    def person_with_key(self, key: str, scope: str = "") -> str | None:
        """The entity created from ``key`` (a surname's own entity, for instance)."""
        rows = self._all(
            "SELECT id FROM persons WHERE key = ? AND scope = ? ORDER BY created_at, id LIMIT 1",
            (key, scope),
        )
        return rows[0][0] if rows else None

    def person(self, person_id: str) -> PersonRow | None:
        rows = self._all(
            "SELECT id, name, type, kind, key, scope, name_pinned FROM persons WHERE id = ?",
            (person_id,),
        )
        return PersonRow(*rows[0][:6], bool(rows[0][6])) if rows else None

    def persons_named(self, name: str) -> list[PersonRow]:
        """Entities matching a user's name for them: id, canonical name, or any alias
        (case-insensitive); then any whole word of the canonical name ("Peskov")."""
        cols = "p.id, p.name, p.type, p.kind, p.key, p.scope, p.name_pinned"
        rows = self._all(
            f"SELECT DISTINCT {cols} FROM persons p"
            " LEFT JOIN person_aliases a ON a.person_id = p.id"
            " WHERE p.id = ? OR p.name = ? COLLATE NOCASE OR a.alias = ? COLLATE NOCASE"
            " ORDER BY p.scope != '', p.name",
            (name, name, name),
        )
        if not rows:
            pattern = "% " + name.casefold().replace("%", "").replace("_", "") + " %"
            rows = self._all(
                f"SELECT {cols} FROM persons p WHERE (' ' || lower(p.name) || ' ') LIKE ?"
                " ORDER BY p.scope != '', p.name",
                (pattern,),
            )
        return [PersonRow(*r[:6], bool(r[6])) for r in rows]

    def aliases_of(self, person_id: str) -> list[AliasRow]:
        return [
            AliasRow(*r)
            for r in self._all(
                "SELECT alias, scope, key, kind, surname, person_id, how FROM person_aliases"
                " WHERE person_id = ? ORDER BY alias",
                (person_id,),
            )
        ]

    # ------------------------------------------------------------------ registry: writing

    def create_person(
        self, person_id: str, name: str, type_: str, kind: str, key: str, scope: str
    ) -> str:
        """Insert an entity; on an id clash (a re-created key) a numbered variant is used."""
        candidate, n = person_id, 1
        while self._all("SELECT 1 FROM persons WHERE id = ?", (candidate,)):
            n += 1
            candidate = f"{person_id}-{n}"
        self._run(
            "INSERT INTO persons (id, name, type, kind, key, scope, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (candidate, name, type_, kind, key, scope, now()),
        )
        return candidate

    def add_alias(self, row: AliasRow) -> None:
        self._run(
            "INSERT INTO person_aliases (alias, scope, key, kind, surname, person_id, how)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (alias, scope) DO UPDATE SET person_id = excluded.person_id,"
            " how = excluded.how",
            (row.alias, row.scope, row.key, row.kind, row.surname, row.person_id, row.how),
        )

    def assign(self, alias: str, scope: str, person_id: str) -> int:
        """Point the statements carrying ``alias`` (in ``scope``) at ``person_id``; those whose
        person changes lose their links (they are re-linked on the next update)."""
        # the NOCASE term lets SQLite use the speaker index; the plain one keeps it exact
        where = "speaker_name = ? COLLATE NOCASE AND speaker_name = ?" + (
            " AND article_id = ?" if scope else ""
        )
        params: list[Any] = [alias, alias, *([scope] if scope else [])]
        self._run(
            "DELETE FROM link_members WHERE statement_id IN (SELECT id FROM statements"
            f" WHERE {where} AND person_id IS NOT NULL AND person_id != ?)",
            [*params, person_id],
        )
        return self._run(
            f"UPDATE statements SET person_id = ? WHERE {where} AND person_id IS NOT ?",
            [person_id, *params, person_id],
        )

    def move_alias(self, alias: str, scope: str, person_id: str, how: str) -> None:
        self._run(
            "UPDATE person_aliases SET person_id = ?, how = ? WHERE alias = ? AND scope = ?",
            (person_id, how, alias, scope),
        )
        self.assign(alias, scope, person_id)

    def move_person(self, source: str, target: str) -> None:
        """Everything of entity ``source`` goes to ``target`` (pinned: a user's merge).

        The target becomes an entity shared across articles (a user's merge is a statement
        about the speaker everywhere). A merge says two names are one speaker, so if either
        is a person the result is one (a person merged with a headline fragment a tagger
        called an organisation stays a person); else the target's type, unless unknown.
        """
        self._run(
            "DELETE FROM link_members WHERE statement_id IN"
            " (SELECT id FROM statements WHERE person_id IN (?, ?))",
            (source, target),
        )
        self._run(
            "UPDATE person_aliases SET person_id = ?, how = 'user' WHERE person_id = ?",
            (target, source),
        )
        self._run("UPDATE statements SET person_id = ? WHERE person_id = ?", (target, source))
        self._run(
            "UPDATE persons SET scope = '', type = (SELECT CASE"
            " WHEN 'person' IN (t.type, src.type) THEN 'person'"
            " WHEN t.type = 'unknown' THEN src.type ELSE t.type END"
            " FROM persons t, persons src WHERE t.id = ? AND src.id = ?) WHERE id = ?",
            (target, source, target),
        )
        self._run("DELETE FROM persons WHERE id = ?", (source,))

    def rename_person(self, person_id: str, name: str) -> None:
        self._run("UPDATE persons SET name = ?, name_pinned = 1 WHERE id = ?", (name, person_id))

    def delete_orphans(self) -> int:
        """Entities left without any name (after their names moved elsewhere)."""
        return self._run(
            "DELETE FROM persons WHERE id NOT IN (SELECT DISTINCT person_id FROM person_aliases)"
        )

    def clear(self) -> None:
        """Forget every derived decision (the rules stay): for a rebuild."""
        self._run("DELETE FROM link_members")
        self._run("DELETE FROM events")
        self._run("DELETE FROM record_articles")
        self._run("UPDATE statements SET person_id = NULL WHERE person_id IS NOT NULL")
        self._run("DELETE FROM person_aliases")
        self._run("DELETE FROM persons")

    # ------------------------------------------------------------------ rules

    def add_rule(self, kind: str, target: str, args: list[str]) -> int:
        cur = self.conn.execute(
            "INSERT INTO record_rules (kind, target, args, created_at) VALUES (?, ?, ?, ?)",
            (kind, target, json.dumps(args, ensure_ascii=False), now()),
        )
        return int(cur.lastrowid or 0)

    def rules(self) -> list[tuple[int, str, str, list[str]]]:
        return [
            (int(r[0]), r[1], r[2], json.loads(r[3]))
            for r in self._all("SELECT id, kind, target, args FROM record_rules ORDER BY id")
        ]

    # ------------------------------------------------------------------ profiles

    def roles_of(self, person_id: str) -> list[tuple[str, str | None, str | None, str | None, int]]:
        """(role, outlet, first date, last date, statements) as reported, roles from the
        extracted role and from descriptive mentions ("Kremlin spokesman")."""
        rows = self._all(
            "SELECT role, outlet, min(date), max(date), count(*) FROM ("
            f" SELECT {speaker_role_sql('s')} AS role, {outlet_sql('a.outlet')} AS outlet,"
            '  coalesce(s."when", a.published) AS date FROM statements s'
            "  JOIN articles a ON a.id = s.article_id"
            f"  WHERE s.person_id = ? AND a.latest = 1 AND {speaker_role_sql('s')} IS NOT NULL"
            " UNION ALL"
            f" SELECT s.mention, {outlet_sql('a.outlet')},"
            ' coalesce(s."when", a.published) FROM statements s'
            "  JOIN articles a ON a.id = s.article_id"
            "  WHERE s.person_id = ? AND a.latest = 1 AND s.mention IS NOT NULL"
            "  AND s.mention GLOB '*[a-z] [a-z]*'"
            "  AND instr(lower(s.mention), lower(s.speaker_name)) = 0"
            ") GROUP BY lower(role), outlet ORDER BY min(date), role",
            (person_id, person_id),
        )
        return [(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]

    def affiliations_of(self, person_id: str) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT speaker_affiliation, count(*) FROM statements WHERE person_id = ?"
            " AND speaker_affiliation IS NOT NULL GROUP BY speaker_affiliation"
            " ORDER BY count(*) DESC",
            (person_id,),
        )
        return [(r[0], int(r[1])) for r in rows]

    def per_day(self, person_id: str) -> list[tuple[str | None, str | None, int]]:
        """(day, outlet, statements): the statement's own date, else its article's."""
        rows = self._all(
            'SELECT substr(coalesce(s."when", a.published), 1, 10) AS day,'
            f" {outlet_sql('a.outlet')} AS shown, count(*)"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.person_id = ? AND a.latest = 1 GROUP BY day, shown ORDER BY day",
            (person_id,),
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    def registry(self) -> list[tuple[str, str, str, int, int, str]]:
        """Every non-local entity: (id, name, type, statements, outlets, aliases joined)."""
        rows = self._all(
            "SELECT p.id, p.name, p.type,"
            " (SELECT count(*) FROM statements s WHERE s.person_id = p.id),"
            f" (SELECT count(DISTINCT {outlet_sql('a.outlet')}) FROM statements s JOIN articles a"
            "  ON a.id = s.article_id WHERE s.person_id = p.id),"
            " (SELECT group_concat(alias, '; ') FROM (SELECT DISTINCT alias FROM person_aliases"
            "  WHERE person_id = p.id ORDER BY alias))"
            " FROM persons p WHERE p.scope = '' ORDER BY 4 DESC, p.name"
        )
        return [(r[0], r[1], r[2], int(r[3]), int(r[4]), r[5] or "") for r in rows]
