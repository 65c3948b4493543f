"""Keeping the cross-article record up to date, and the user's corrections to it.

:func:`update_record` is what ingest calls after each batch (inside the batch's transaction):
it works out what is new since the last call and nothing else, so it is idempotent (a second
call changes nothing) and resumable (a killed run leaves unprocessed rows that the next call
picks up):

1. articles not yet processed: each statement without a time gets one
   (:func:`onrecord.resolve.time.statement_when`), and the article's dated events are stored
   (:func:`onrecord.resolve.events.find_events`);
2. statements without a person: their speaker names join the registry
   (:mod:`onrecord.resolve.people`); surnames touched are re-checked so that a bare surname
   follows its one full-name entity, or stands alone when several share it;
3. statements not yet linked: compared with the same person's statements within a few days
   (:mod:`onrecord.resolve.links`) and put in a link group.

Corrections (:func:`merge`, :func:`split`, :func:`rename`) are applied at once and stored as
rules; the names they move are pinned, so later articles follow them, and :func:`rebuild`
replays the rules after recomputing everything else.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from onrecord.errors import UsageError
from onrecord.resolve.events import find_events
from onrecord.resolve.links import WINDOW_DAYS, LinkPool, shingles
from onrecord.resolve.people import (
    NameInfo,
    analyse_name,
    decide,
    person_id_for,
    surname_target,
)
from onrecord.resolve.time import statement_when
from onrecord.store.db import Store
from onrecord.store.registry import AliasRow, LinkItem, PersonRow, RecordStore


def update_record(store: Store) -> None:
    """Bring the record up to date with the stored articles and statements (see module doc)."""
    rs = RecordStore(store)
    with store.transaction():
        _process_articles(store, rs)
        _assign_people(rs)
        _link_statements(rs)


# --------------------------------------------------------------------------- times, events


def _process_articles(store: Store, rs: RecordStore) -> None:
    while ids := rs.unprocessed_articles():
        for article_id in ids:
            row = store.article(article_id)
            if row is None or row.text is None:  # nothing to read: mark it done all the same
                rs.replace_events(article_id, [])
                continue
            article = replace(row.to_article(), id=article_id)
            rs.set_whens(
                (*statement_when(article, stored.statement), stored.id)
                for stored in store.article_statements(article_id)
                if stored.statement.when is None
            )
            rs.replace_events(article_id, find_events(article.text, article))


# --------------------------------------------------------------------------- people


def _info(name: str, type_: str | None) -> NameInfo:
    """The registry's reading of a name; a bare pronoun left as a speaker name (extraction
    could not resolve it) is kept as a generic, article-local speaker."""
    info = analyse_name(name, type_)
    if info is None:
        folded = " ".join(name.casefold().split())
        return NameInfo(name, name, "generic", "g:" + folded, "unknown")
    return info


def _assign_people(rs: RecordStore) -> None:
    surnames: set[str] = set()
    decided: dict[tuple[str, str], str] = {}
    assignments: list[tuple[str, int]] = []
    for statement_id, name, type_, article_id in rs.unassigned():
        info = _info(name, type_)
        scope = article_id if info.local else ""
        person_id = decided.get((name, scope))
        if person_id is None:
            person_id = _place_name(rs, name, info, scope)
            decided[(name, scope)] = person_id
            if info.surname and not info.local:
                surnames.add(info.surname)
        assignments.append((person_id, statement_id))
    rs.set_persons(assignments)
    for surname in sorted(surnames):
        _recheck_surname(rs, surname)
    rs.delete_orphans()


def _place_name(rs: RecordStore, name: str, info: NameInfo, scope: str) -> str:
    """The entity of a speaker name: the one it already has, or the registry's decision
    (recorded as a new alias)."""
    known = rs.alias(name, scope)
    if known is not None:
        return known.person_id
    if info.local and (merged := rs.user_person_for_key(info.key)) is not None:
        # an article-local name the user merged into an entity: it follows in every article
        rs.add_alias(AliasRow(name, scope, info.key, info.kind, info.surname, merged, "user"))
        return merged
    decision = decide(
        info,
        by_key=rs.person_for_key(info.key, scope),
        full_with_surname=rs.full_name_persons(info.surname)
        if info.kind == "surname" and info.surname
        else [],
        role_holders=rs.role_holders(name) if info.kind == "description" else [],
    )
    person_id = decision.person_id
    if person_id is None:
        person_id = rs.person_with_key(info.key, scope) or rs.create_person(
            person_id_for(info.key, scope), info.display, info.type, info.kind, info.key, scope
        )
    rs.add_alias(AliasRow(name, scope, info.key, info.kind, info.surname, person_id, decision.how))
    return person_id


def _recheck_surname(rs: RecordStore, surname: str) -> None:
    """Put every automatic bare-surname alias where it belongs now: with the one full-name
    entity of that surname, else with the surname's own entity. Keys the user placed (merge,
    split) are left alone."""
    aliases = rs.surname_aliases(surname)
    pinned = {a.key for a in aliases if a.how == "user"}
    movable = [a for a in aliases if a.how != "user" and a.key not in pinned]
    if not movable:
        return
    target = surname_target(rs.full_name_persons(surname))
    how = "surname"
    if target is None:
        how = "new"
        key = "s:" + surname
        target = rs.person_with_key(key)
        if target is None:
            info = _info(movable[0].alias, None)
            target = rs.create_person(
                person_id_for(key), info.display, info.type, "surname", key, ""
            )
    for alias in movable:
        if alias.person_id != target:
            rs.move_alias(alias.alias, alias.scope, target, how)


# --------------------------------------------------------------------------- links


def _link_statements(rs: RecordStore) -> None:
    by_person: dict[str, list[LinkItem]] = defaultdict(list)
    for item in rs.unlinked():
        by_person[item.person_id].append(item)
    for person_id, new_items in by_person.items():
        since, until = _pub_window([i.published for i in new_items])
        pool = LinkPool()
        for old in rs.linked_of(person_id, since, until):
            if old.group_id is not None:
                pool.add(shingles(old.content), old.when or old.published, old.group_id)
        links: list[tuple[int, int, float | None]] = []
        for item in new_items:
            sh = shingles(item.content)
            day = item.when or item.published
            found = pool.matches(sh, day)
            group = min(found) if found else item.id
            for other in found:
                if other != group:
                    rs.merge_groups(other, group)
                    pool.merge(other, group)
            links.append((item.id, group, max(found.values()) if found else None))
            pool.add(sh, day, group)
        rs.add_links((sid, pool.group(gid), score) for sid, gid, score in links)


#: Publication dates searched around new statements: the link window plus a week, because a
#: statement's own date ("on Monday") can precede its article's.
_PUB_MARGIN_DAYS = WINDOW_DAYS + 7


def _pub_window(published: list[str | None]) -> tuple[str | None, str | None]:
    """The range of publication days (YYYY-MM-DD) that can hold earlier reports of statements
    published on these dates; (None, None) when any lacks a year (search everything)."""
    days = []
    for value in published:
        try:
            days.append(date.fromisoformat((value or "")[:10]))
        except ValueError:
            return None, None
    if not days:
        return None, None
    margin = timedelta(days=_PUB_MARGIN_DAYS)
    return (min(days) - margin).isoformat(), (max(days) + margin).isoformat() + "\uffff"


# --------------------------------------------------------------------------- corrections


def find_person(rs: RecordStore, name: str) -> PersonRow:
    """The one entity a user's name means (id, canonical name, alias, or a word of the name);
    a clear error when none or several match."""
    return _find_persons(rs, name, every_local=False)[0]


def by_spelling(rs: RecordStore, name: str) -> list[PersonRow]:
    """Entities whose name is ``name`` in another spelling or script ("Peskov" for an entity
    known as "Дмитрий Песков", "Zelenskiy" for "Zelensky"): by the registry's spelling key
    (:mod:`onrecord.resolve.translit`), the full name's or, for a surname, the one full name
    with it."""
    info = analyse_name(name)
    if info is None or info.kind not in ("full", "surname"):
        return []
    ids = [rs.person_for_key(info.key, "")]
    if info.kind == "surname" and info.surname:
        ids += rs.full_name_persons(info.surname) or [rs.person_with_key(info.key)]
    found = {pid: rs.person(pid) for pid in ids if pid}
    return [p for p in found.values() if p is not None]


def _find_persons(rs: RecordStore, name: str, *, every_local: bool) -> list[PersonRow]:
    """The entity a user's name means, as :func:`find_person`; with ``every_local``, also
    the article-local entities that carry exactly that name (one per article: "Meghan cry"
    read from a headline in forty articles), which are then all meant rather than
    ambiguous; the shared entity of that name, if there is one, comes first."""
    name = " ".join(name.split())
    if not name:
        raise UsageError("speaker name is empty")
    found = rs.persons_named(name) or by_spelling(rs, name)
    if every_local:
        named = [p for p in found if p.name.casefold() == name.casefold()]
        shared_named = [p for p in named if not p.scope]
        if len(shared_named) <= 1 and len(named) > len(shared_named):
            return shared_named + [p for p in named if p.scope]
    shared = [p for p in found if not p.scope]
    found = shared or found
    exact = [p for p in found if p.name.casefold() == name.casefold() or p.id == name]
    if len(exact) == 1:
        return exact
    if not found:
        raise UsageError(f"speaker {name!r}: not in the registry (see `onrecord speakers`)")
    if len(found) > 1:
        shown = ", ".join(f"{p.name} ({p.id})" for p in found[:8])
        raise UsageError(f"speaker {name!r} is ambiguous: {shown}; give the full name or the id")
    return found


def _apply_merge(rs: RecordStore, keep: str, others: list[str]) -> PersonRow:
    kept = _find_persons(rs, keep, every_local=True)
    target, sources = kept[0], kept[1:]
    for name in others:
        found = _find_persons(rs, name, every_local=True)
        if any(p.id == target.id for p in found):
            raise UsageError(f"speakers {keep!r} and {name!r} are already one entity ({target.id})")
        sources += found
    if target.scope:
        _pin_local_names(rs, target, target.id)
    for source in sources:
        if source.scope:
            _pin_local_names(rs, source, target.id)
        rs.move_person(source.id, target.id)
    rs.delete_orphans()
    return rs.person(target.id) or target


def _pin_local_names(rs: RecordStore, local: PersonRow, target: str) -> None:
    """Record an article-local entity's names as the user's, shared across articles, so the
    same names in other articles (other spellings of the same key included, and articles
    ingested later: ``_place_name``) join ``target`` too."""
    for a in rs.aliases_of(local.id):
        rs.add_alias(AliasRow(a.alias, "", a.key, a.kind, a.surname, target, "user"))
        for other in rs.local_aliases_with_key(a.key):
            if other.person_id != target:
                rs.move_alias(other.alias, other.scope, target, "user")


def _apply_split(rs: RecordStore, name: str, names: list[str]) -> list[str]:
    person = find_person(rs, name)
    aliases = rs.aliases_of(person.id)
    if names:
        unknown = [n for n in names if not any(_names_alias(n, a) for a in aliases)]
        if unknown:
            known = "; ".join(a.alias for a in aliases)
            raise UsageError(
                f"speaker {person.name!r} has no name {unknown[0]!r} (its names: {known})"
            )
        groups = [[a for a in aliases if any(_names_alias(n, a) for n in names)]]
    else:
        by_key: dict[str, list[AliasRow]] = defaultdict(list)
        for a in aliases:
            by_key[a.key].append(a)
        stay = person.key if person.key in by_key else next(iter(by_key), "")
        groups = [g for k, g in by_key.items() if k != stay]
    if not groups or not groups[0] or sum(len(g) for g in groups) >= len(aliases):
        raise UsageError(
            f"speaker {person.name!r}: nothing to split off (it has only the names "
            + "; ".join(a.alias for a in aliases)
            + ")"
        )
    created = []
    for group in groups:
        # a name the user shared across articles (a merged local name) stays shared
        lead = max(group, key=lambda a: (not a.scope, len(a.alias.split()), a.alias))
        info = analyse_name(lead.alias) or NameInfo(
            lead.alias, lead.alias, "generic", lead.key, "unknown"
        )
        new_id = rs.create_person(
            person_id_for("split:" + lead.key, lead.scope),
            info.display,
            info.type,
            "user",
            lead.key,
            lead.scope,
        )
        for a in group:
            rs.move_alias(a.alias, a.scope, new_id, "user")
        created.append(new_id)
    for a in rs.aliases_of(person.id):  # what stays was confirmed by the user too
        rs.move_alias(a.alias, a.scope, person.id, "user")
    return created


def _names_alias(name: str, alias: AliasRow) -> bool:
    """Whether the user's ``name`` means ``alias``: the same words, or the same key."""
    info = analyse_name(name)
    return alias.alias.casefold() == name.casefold() or (info is not None and info.key == alias.key)


def _apply_rename(rs: RecordStore, name: str, new_name: str) -> PersonRow:
    new_name = " ".join(new_name.split())
    if not new_name:
        raise UsageError("the new name is empty")
    person = find_person(rs, name)
    rs.rename_person(person.id, new_name)
    return person


def merge(store: Store, keep: str, *others: str) -> PersonRow:
    """Make ``others`` part of entity ``keep`` (user correction, stored as a rule)."""
    if not others:
        raise UsageError("merge needs at least two speakers: merge A B")
    rs = RecordStore(store)
    with store.transaction():
        target = _apply_merge(rs, keep, list(others))
        rs.add_rule("merge", keep, list(others))
        _link_statements(rs)
    return rs.person(target.id) or target


def split(store: Store, name: str, *aliases: str) -> list[str]:
    """Take ``aliases`` (or, without them, every differently keyed name) out of the entity
    ``name`` into a new entity; returns the new ids (user correction, stored as a rule)."""
    rs = RecordStore(store)
    with store.transaction():
        created = _apply_split(rs, name, list(aliases))
        rs.add_rule("split", name, list(aliases))
        rs.delete_orphans()
        _link_statements(rs)
    return created


def rename(store: Store, name: str, new_name: str) -> PersonRow:
    """Give entity ``name`` the display name ``new_name`` (stored as a rule)."""
    rs = RecordStore(store)
    with store.transaction():
        person = _apply_rename(rs, name, new_name)
        rs.add_rule("rename", name, [new_name])
    return rs.person(person.id) or person


def rebuild(store: Store) -> list[str]:
    """Recompute the whole record from the statements, then replay the user's rules in order.

    Returns one message per rule that no longer applies (its names are gone); the others are
    in force again.
    """
    rs = RecordStore(store)
    problems: list[str] = []
    with store.transaction():
        rs.clear()
        update_record(store)
        for rule_id, kind, target, args in rs.rules():
            try:
                if kind == "merge":
                    _apply_merge(rs, target, args)
                elif kind == "split":
                    _apply_split(rs, target, args)
                else:
                    _apply_rename(rs, target, args[0])
            except UsageError as exc:
                problems.append(f"rule {rule_id} ({kind} {target}): {exc}")
        rs.delete_orphans()
        _link_statements(rs)
    return problems
