"""The speaker registry across articles: joins, keeping namesakes apart, user corrections.

Invented outlets (NORDWIRE, Baltic Courier, Harbour Times) and people.
"""

from __future__ import annotations

import pytest

from onrecord.errors import UsageError
from onrecord.resolve import updates
from onrecord.resolve.people import analyse_name, decide
from onrecord.store.db import Store
from onrecord.store.registry import RecordStore
from support.builders import AddArticle, Said


def _person_of(store: Store, speaker_name: str) -> str | None:
    ids = {
        r[0]
        for r in store.conn.execute(
            "SELECT person_id FROM statements WHERE speaker_name = ?", (speaker_name,)
        )
    }
    assert len(ids) == 1, ids
    return ids.pop()


def _names(store: Store) -> dict[str, str]:
    """person id -> canonical name of every shared entity."""
    return {pid: name for pid, name, *_ in RecordStore(store).registry()}


# --------------------------------------------------------------------------- name reading


@pytest.mark.parametrize(
    ("name", "type_", "kind", "key"),
    [
        ("Ivo Brenn", "person", "full", "p:ivo brenn"),
        ("Foreign ministry spokesman Ivo Brenn", "person", "full", "p:ivo brenn"),
        ("Mr. Brenn", None, "surname", "s:brenn"),
        ("BRENN", None, "surname", "s:brenn"),
        ("Ana Maria Krol", "person", "full", "p:ana krol"),
        ("Tomas Krol Jr.", "person", "full", "p:tomas krol jr"),
        ("the Palace", None, "org", "o:palace"),
        ("Palace", "organisation", "org", "o:palace"),
        ("office of the Ostavian leader", None, "org", "o:office of ostavian leader"),
        (
            "Ostavian foreign ministry spokesman",
            None,
            "description",
            "d:ostavian foreign ministry spokesman",
        ),
        ("sources", None, "generic", "g:sources"),
        ("Lena van der Berg", "person", "full", "p:lena berg"),
        ("van der Berg", None, "surname", "s:berg"),
    ],
)
def test_names_are_read(name: str, type_: str | None, kind: str, key: str) -> None:
    info = analyse_name(name, type_)
    assert info is not None
    assert (info.kind, info.key) == (kind, key)


def test_pronouns_are_not_names() -> None:
    assert analyse_name("he") is None
    assert analyse_name("  ") is None


def test_surname_joins_only_when_unambiguous() -> None:
    info = analyse_name("Krol")
    assert info is not None
    assert decide(info, by_key=None, full_with_surname=["P1"], role_holders=[]).person_id == "P1"
    assert (
        decide(info, by_key=None, full_with_surname=["P1", "P2"], role_holders=[]).person_id is None
    )
    assert decide(info, by_key=None, full_with_surname=[], role_holders=[]).person_id is None


# --------------------------------------------------------------------------- across articles

NW = (
    "LUNDGRAD, March 28. /NORDWIRE/. Ostavian presidential spokesman Ivo Brenn said talks "
    'would go on. "We see no progress yet," Brenn said.'
)
BC = (
    'LUNDGRAD. March 21 (Baltic Courier) - "The homework must be done first," presidential '
    "press secretary Ivo Brenn told journalists on Monday."
)
HT = '"The door stays open," Brenn said in a later interview.'


def test_one_person_across_outlets_with_roles(store: Store, add: AddArticle) -> None:
    add("nw", "NORDWIRE", "--03-28", NW, [
        Said("We see no progress yet,", "Ivo Brenn", mention="Brenn",
             role="Ostavian presidential spokesman"),
    ])  # fmt: skip
    add("bc", "Baltic Courier", "2022-03-21", BC, [
        Said("The homework must be done first,", "Ivo Brenn", cue="told", mention="Ivo Brenn",
             role="presidential press secretary"),
    ])  # fmt: skip
    add("ht", "Harbour Times", "2022-04-02", HT, [Said("The door stays open,", "Brenn")])
    pid = _person_of(store, "Ivo Brenn")
    assert _person_of(store, "Brenn") == pid
    assert _names(store) == {pid: "Ivo Brenn"}
    rs = RecordStore(store)
    roles = {(r[0], r[1]) for r in rs.roles_of(pid)}
    assert ("Ostavian presidential spokesman", "NORDWIRE") in roles
    assert ("presidential press secretary", "Baltic Courier") in roles


def test_surname_first_then_full_name_is_one_person(store: Store, add: AddArticle) -> None:
    add("ht", "Harbour Times", "2022-04-02", HT, [Said("The door stays open,", "Brenn")])
    assert _names(store) == {_person_of(store, "Brenn"): "Brenn"}
    add("nw", "NORDWIRE", "--03-28", NW, [Said("We see no progress yet,", "Ivo Brenn")])
    pid = _person_of(store, "Ivo Brenn")
    assert _person_of(store, "Brenn") == pid
    assert _names(store) == {pid: "Ivo Brenn"}


KROLS = (
    '"Taxes will fall," Ana Krol said. "Taxes will rise," Tomas Krol said. '
    '"Nobody asked me," Mira Krol said. "It is settled," Krol said.'
)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_namesakes_stay_apart_in_any_order(
    store: Store, add: AddArticle, order: tuple[int, ...]
) -> None:
    said = [
        Said("Taxes will fall,", "Ana Krol"),
        Said("Taxes will rise,", "Tomas Krol"),
        Said("It is settled,", "Krol"),
    ]
    for i in order:
        add(f"k{i}", "NORDWIRE", "2022-03-0" + str(i + 1), f"{KROLS} ({i})", [said[i]])
    ana, tomas, bare = (_person_of(store, n) for n in ("Ana Krol", "Tomas Krol", "Krol"))
    assert len({ana, tomas, bare}) == 3
    assert _names(store)[bare] == "Krol"


def test_a_second_namesake_takes_the_surname_back(store: Store, add: AddArticle) -> None:
    add("a", "NORDWIRE", "2022-03-01", KROLS + " (a)", [Said("Taxes will fall,", "Ana Krol")])
    add("b", "NORDWIRE", "2022-03-02", KROLS + " (b)", [Said("It is settled,", "Krol")])
    assert _person_of(store, "Krol") == _person_of(store, "Ana Krol")  # the only Krol so far
    add("c", "NORDWIRE", "2022-03-03", KROLS + " (c)", [Said("Taxes will rise,", "Tomas Krol")])
    assert _person_of(store, "Krol") not in {
        _person_of(store, "Ana Krol"),
        _person_of(store, "Tomas Krol"),
    }


ORGS = (
    '"No comment," the Palace said. "Talks go on," the foreign ministry said. '
    '"All calm," sources said.'
)


def test_organisations_and_generic_speakers(store: Store, add: AddArticle) -> None:
    add("o1", "NORDWIRE", "2022-03-01", ORGS + " (1)", [
        Said("No comment,", "the Palace", type="organisation"),
        Said("Talks go on,", "foreign ministry", type="organisation"),
        Said("All calm,", "sources", type="unknown"),
    ])  # fmt: skip
    add("o2", "Baltic Courier", "2022-03-02", ORGS + " (2)", [
        Said("No comment,", "Palace", type="organisation"),
        Said("All calm,", "sources", type="unknown"),
    ])  # fmt: skip
    assert _person_of(store, "the Palace") == _person_of(store, "Palace")
    assert RecordStore(store).person(_person_of(store, "Palace") or "").type == "organisation"  # type: ignore[union-attr]
    sources = {
        r[0]
        for r in store.conn.execute(
            "SELECT person_id FROM statements WHERE speaker_name = 'sources'"
        )
    }
    assert len(sources) == 2  # "sources" in two articles are not one body
    assert not set(sources) & set(_names(store))  # and not listed as shared entities


def test_description_joins_the_one_person_named_so(store: Store, add: AddArticle) -> None:
    text = '"We wait," the Ostavian foreign ministry spokesman said. "We wait," said Ivo Brenn.'
    add("d1", "NORDWIRE", "2022-03-01", text, [
        Said("We wait,", "Ivo Brenn", mention="the Ostavian foreign ministry spokesman"),
    ])  # fmt: skip
    add("d2", "Harbour Times", "2022-03-02", text + " (2)", [
        Said("We wait,", "Ostavian foreign ministry spokesman", type="unknown"),
    ])  # fmt: skip
    assert _person_of(store, "Ostavian foreign ministry spokesman") == _person_of(
        store, "Ivo Brenn"
    )


def test_update_is_idempotent(store: Store, add: AddArticle) -> None:
    add("nw", "NORDWIRE", "--03-28", NW, [Said("We see no progress yet,", "Ivo Brenn")])
    dump = lambda: [  # noqa: E731
        list(store.conn.execute(f"SELECT * FROM {t} ORDER BY 1"))
        for t in ("persons", "person_aliases", "link_members", "events")
    ]
    before = dump()
    updates.update_record(store)
    assert dump() == before


# --------------------------------------------------------------------------- corrections

BILL = '"The bridge opens soon," Bill Krol said.'
WILLIAM = '"The bridge opens in May," William Krol said.'


def test_merge_is_persisted_and_holds_for_later_articles(store: Store, add: AddArticle) -> None:
    add("w1", "NORDWIRE", "2022-03-01", BILL, [Said("The bridge opens soon,", "Bill Krol")])
    add(
        "w2",
        "Baltic Courier",
        "2022-03-01",
        WILLIAM,
        [Said("The bridge opens in May,", "William Krol")],
    )
    assert _person_of(store, "Bill Krol") != _person_of(store, "William Krol")
    updates.merge(store, "William Krol", "Bill Krol")
    william = _person_of(store, "William Krol")
    assert _person_of(store, "Bill Krol") == william
    assert [r[1:3] for r in RecordStore(store).rules()] == [("merge", "William Krol")]
    # a later article naming him "Bill Krol" again follows the merge
    add("w3", "Harbour Times", "2022-03-05", BILL.replace("soon", "today"),
        [Said("The bridge opens today,", "Bill Krol")])  # fmt: skip
    assert {r[0] for r in store.conn.execute("SELECT DISTINCT person_id FROM statements")} == {
        william
    }
    # and a rebuild replays it
    assert updates.rebuild(store) == []
    assert _person_of(store, "Bill Krol") == _person_of(store, "William Krol")


def test_split_is_persisted_and_holds_for_later_articles(store: Store, add: AddArticle) -> None:
    add("a", "NORDWIRE", "2022-03-01", KROLS + " (a)", [Said("Taxes will fall,", "Ana Krol")])
    add("b", "NORDWIRE", "2022-03-02", KROLS + " (b)", [Said("It is settled,", "Krol")])
    ana = _person_of(store, "Ana Krol")
    assert _person_of(store, "Krol") == ana
    created = updates.split(store, "Ana Krol", "Krol")
    assert _person_of(store, "Krol") == created[0] != ana
    # another bare "Mrs. Krol" later goes with the split-off entity, not back to Ana Krol
    add(
        "c",
        "Harbour Times",
        "2022-03-03",
        '"Settled," Mrs. Krol said.',
        [Said("Settled,", "Mrs. Krol")],
    )
    assert _person_of(store, "Mrs. Krol") == created[0]
    updates.rebuild(store)
    assert _person_of(store, "Krol") != _person_of(store, "Ana Krol")


def test_rename_is_persisted_and_replayed(store: Store, add: AddArticle) -> None:
    add("nw", "NORDWIRE", "--03-28", NW, [Said("We see no progress yet,", "Ivo Brenn")])
    person = updates.rename(store, "Ivo Brenn", "Ivo M. Brenn")
    assert person.name == "Ivo M. Brenn"
    updates.rebuild(store)
    assert set(_names(store).values()) == {"Ivo M. Brenn"}


def test_corrections_name_their_problem(store: Store, add: AddArticle) -> None:
    add("a", "NORDWIRE", "2022-03-01", KROLS, [
        Said("Taxes will fall,", "Ana Krol"), Said("Taxes will rise,", "Tomas Krol"),
    ])  # fmt: skip
    with pytest.raises(UsageError, match="not in the registry"):
        updates.merge(store, "Ana Krol", "Nobody Here")
    with pytest.raises(UsageError, match="ambiguous"):
        updates.rename(store, "Krol", "X")
    with pytest.raises(UsageError, match="already one entity"):
        updates.merge(store, "Ana Krol", "Ana Krol")
    with pytest.raises(UsageError, match="has no name"):
        updates.split(store, "Ana Krol", "Tomas Krol")
    with pytest.raises(UsageError, match="nothing to split"):
        updates.split(store, "Ana Krol")
    assert RecordStore(store).rules() == []  # failed corrections leave no rule behind
