"""The user's corrections: the speaker registry (merge, split, rename, rebuild) and the
outlets' names (rename), each stored as a rule that holds for articles ingested later.

What ``onrecord speakers merge|split|rename|rebuild`` and ``onrecord outlets [rename]``
call; the rules themselves live in :mod:`onrecord.resolve.updates` and
:mod:`onrecord.store.corrections`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onrecord.api.access import DB, Using
from onrecord.resolve import updates
from onrecord.store import corrections as store_corrections
from onrecord.store.corrections import OutletRename, OutletRow
from onrecord.store.db import Store
from onrecord.store.registry import RecordStore


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """A registry entity in listings and after a correction."""

    id: str
    name: str
    type: str
    statements: int
    outlets: int
    aliases: str

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "statements": self.statements,
            "outlets": self.outlets,
            "aliases": self.aliases,
        }

    def to_json(self) -> dict[str, Any]:
        return self.row()


def registry(db: DB = None) -> list[RegistryEntry]:
    """Every entity shared across articles, most statements first."""
    with Using(db) as store:
        return [RegistryEntry(*r) for r in RecordStore(store).registry()]


def _entries(store: Store, ids: list[str]) -> list[RegistryEntry]:
    wanted = set(ids)
    return [RegistryEntry(*r) for r in RecordStore(store).registry() if r[0] in wanted]


def merge_speakers(keep: str, *others: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers merge A B``: B (and more) become part of A; stored as a rule."""
    with Using(db) as store:
        person = updates.merge(store, keep, *others)
        return _entries(store, [person.id])


def split_speaker(name: str, *aliases: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers split NAME [ALIAS ...]``: those names leave the entity."""
    with Using(db) as store:
        person = updates.find_person(RecordStore(store), name)
        created = updates.split(store, name, *aliases)
        return _entries(store, [person.id, *created])


def rename_speaker(name: str, new_name: str, db: DB = None) -> list[RegistryEntry]:
    """``onrecord speakers rename A NEW``: the entity's display name; stored as a rule."""
    with Using(db) as store:
        person = updates.rename(store, name, new_name)
        return _entries(store, [person.id])


def rebuild(db: DB = None) -> list[str]:
    """Recompute the record and replay the corrections; messages for rules that lapsed."""
    with Using(db) as store:
        return updates.rebuild(store)


def outlets(db: DB = None) -> list[OutletRow]:
    """Every outlet as readers see it (the user's renames applied), with its articles,
    statements and the stored names shown as it; most articles first."""
    with Using(db) as store:
        return store_corrections.outlets(store)


def rename_outlet(old: str, new: str, db: DB = None) -> OutletRename:
    """``onrecord outlets rename OLD NEW``: show outlet OLD as NEW everywhere, also for
    articles ingested later; stored in the database's alias table."""
    with Using(db) as store:
        return store_corrections.rename_outlet(store, old, new)
