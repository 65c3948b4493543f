"""One speaker's profile: who the record says they are, their roles as each outlet reported
them, the outlets, the statements per day and the latest statements.

The one profile of a speaker: ``onrecord speaker``, ``/api/speakers/NAME`` and the speaker
page all show a :class:`SpeakerProfile` from here, of a registry entity (:func:`speaker`)
or, for a name the registry does not know, of the statements that carry the name
(:func:`find_speaker`).

>>> from onrecord.api import speaker
>>> profile = speaker("Peskov", db="record.db")                      # doctest: +SKIP
>>> [r.role for r in profile.roles]                                   # doctest: +SKIP
['Russian presidential press secretary', 'Russian presidential spokesman']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from onrecord.api.access import DB, Using
from onrecord.dates import common_year, display_date, sort_key
from onrecord.resolve import updates
from onrecord.store.db import SpeakerRow, StatementFilter, Store, StoredStatement
from onrecord.store.registry import PersonRow, RecordStore


@dataclass(frozen=True, slots=True)
class RoleReport:
    """A role or title as reported: by which outlet, first and last date, how often."""

    role: str
    outlet: str | None
    first: str | None
    last: str | None
    statements: int

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "outlet": self.outlet,
            "first": self.first,
            "last": self.last,
            "statements": self.statements,
        }


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """One speaker with what the record says about them: a registry entity, or a name the
    registry does not know."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[RoleReport, ...]
    affiliations: tuple[str, ...]
    outlets: tuple[tuple[str, int], ...]
    per_day: tuple[tuple[str, str, int], ...]  # (day, outlet, statements)
    statements: int
    latest: tuple[StoredStatement, ...] = field(default=())
    #: False for a name the registry does not know (:func:`find_speaker`): ``id`` is then
    #: the name, and its statements are those carrying it.
    registered: bool = True

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """The profile as tables: who, roles, statements per day, latest statements."""
        return {
            "speaker": [
                {
                    "id": self.id,
                    "name": self.name,
                    "type": self.type,
                    "statements": self.statements,
                    "outlets": ", ".join(f"{o} ({n})" for o, n in self.outlets),
                    "affiliation": "; ".join(self.affiliations),
                    "aliases": "; ".join(self.aliases),
                }
            ],
            "roles": [
                {
                    "role": r.role,
                    "outlet": r.outlet or "",
                    "first": display_date(r.first),
                    "last": display_date(r.last),
                    "statements": r.statements,
                }
                for r in self.roles
            ],
            "per day": [
                {"day": display_date(d), "outlet": o, "statements": n} for d, o, n in self.per_day
            ],
            "latest": [
                {
                    "date": display_date(s.statement.when or s.published),
                    "outlet": s.outlet or "",
                    "kind": s.statement.kind,
                    "text": s.statement.words(),
                }
                for s in self.latest
            ],
        }

    def row(self) -> dict[str, Any]:
        """The one-line summary (the ``speaker`` section)."""
        return self.sections()["speaker"][0]

    def rows(self) -> list[dict[str, Any]]:
        """Every section's rows in one long table (``section`` first), for CSV."""
        out = []
        for section, rows in self.sections().items():
            for r in rows:
                date = r.get("date") or r.get("day") or r.get("first") or ""
                value = r.get("name") or r.get("role") or r.get("text") or ""
                out.append(
                    {
                        "section": section,
                        "date": date,
                        "outlet": r.get("outlet", ""),
                        "value": value,
                        "statements": r.get("statements", ""),
                    }
                )
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_json() for r in self.roles],
            "affiliations": list(self.affiliations),
            "outlets": [{"outlet": o, "statements": n} for o, n in self.outlets],
            "per_day": [{"day": d, "outlet": o, "statements": n} for d, o, n in self.per_day],
            "statements": self.statements,
            "latest": [s.to_json() for s in self.latest],
        }


def speaker(name: str, db: DB = None, *, latest: int = 10) -> SpeakerProfile:
    """The registry entity ``name`` means (full name, surname, alias or id), with roles as
    each outlet reported them, outlets, statements per day and the latest statements;
    a UsageError when the registry knows none or several."""
    with Using(db) as store:
        rs = RecordStore(store)
        return _entity_profile(store, rs, updates.find_person(rs, name), latest)


def find_speaker(ref: str, db: DB = None, *, latest: int = 10) -> SpeakerProfile | None:
    """The profile of whoever ``ref`` names: the registry entity when the registry knows the
    name (:func:`speaker`), else the speaker name statements carry (case aside), from those
    statements; None when nothing matches. A name several entities share is a UsageError
    listing them."""
    ref = " ".join(ref.split())
    if not ref:
        return None
    with Using(db) as store:
        rs = RecordStore(store)
        if rs.persons_named(ref) or updates.by_spelling(rs, ref):
            return _entity_profile(store, rs, updates.find_person(rs, ref), latest)
        for row in store.speakers(name=ref):
            if row.name.casefold() == ref.casefold():
                return _name_profile(store, row, latest)
    return None


def _entity_profile(
    store: Store, rs: RecordStore, person: PersonRow, latest: int
) -> SpeakerProfile:
    per_day = rs.per_day(person.id)
    said = store.statements(StatementFilter(person_id=person.id))
    return SpeakerProfile(
        id=person.id,
        name=person.name,
        type=person.type,
        # a merged article-local name is an alias in each of its articles: once here
        aliases=tuple(dict.fromkeys(a.alias for a in rs.aliases_of(person.id))),
        roles=tuple(RoleReport(*r) for r in rs.roles_of(person.id)),
        affiliations=tuple(a for a, _ in rs.affiliations_of(person.id)),
        **_activity(per_day, said, latest),
    )


def _name_profile(store: Store, row: SpeakerRow, latest: int) -> SpeakerProfile:
    """A name the registry does not know: its statements found by name (as ``statements
    --speaker`` finds them), dated by their articles, its roles as they reported them."""
    said = store.statements(StatementFilter(speaker=row.name))
    days: Counter[tuple[str | None, str | None]] = Counter()
    roles: dict[tuple[str, str | None], list[Any]] = {}  # (role, outlet) -> first, last, n
    for s in said:
        days[(s.pub_date, s.outlet)] += 1
        role = s.statement.speaker.role if s.statement.speaker else None
        if role:
            seen = roles.setdefault((role, s.outlet), [s.pub_date, s.pub_date, 0])
            seen[1] = s.pub_date or seen[1]
            seen[2] += 1
    return SpeakerProfile(
        id=row.name,
        name=row.name,
        type=row.type,
        aliases=(),
        roles=tuple(RoleReport(r, o, *seen) for (r, o), seen in roles.items()),
        affiliations=(),
        registered=False,
        **_activity([(d, o, n) for (d, o), n in days.items()], said, latest),
    )


def _activity(
    per_day: list[tuple[str | None, str | None, int]], said: list[StoredStatement], latest: int
) -> dict[str, Any]:
    """A profile's statements per day and outlet in date order (a date without a year placed
    in the speaker's most common year, undated ones last), the outlets by statements, and
    the ``latest`` statements, newest first."""
    ref = common_year([d for d, _, _ in per_day])
    days = sorted(
        ((d or "", o or "?", n) for d, o, n in per_day),
        key=lambda r: (sort_key(r[0], ref), r[1]),
    )
    outlets: Counter[str] = Counter()
    for _, outlet, n in days:
        outlets[outlet] += n
    newest = sorted(
        said, key=lambda s: (sort_key(s.statement.when or s.published, ref), s.id), reverse=True
    )
    return {
        "outlets": tuple(outlets.most_common()),
        "per_day": tuple(days),
        "statements": sum(outlets.values()),
        "latest": tuple(newest[:latest]),
    }
