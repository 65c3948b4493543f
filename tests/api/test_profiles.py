"""The one speaker profile (onrecord.api.profiles): the CLI's `speaker`, the speaker endpoint
and page all read a SpeakerProfile, of a registry entity or, for a name the registry does not
know, of the statements carrying the name; both kinds are made by the same rules."""

from __future__ import annotations

from onrecord.api.profiles import find_speaker, speaker
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from support.builders import AddArticle, Said

BRIDGE = "Mayor Ana Lind said the bridge would reopen."
PORT = "Ana Lind said the harbour was safe."
FERRY = "Ana Lind said the ferry would run."


def _fill(add: AddArticle) -> None:
    said = [Said("the bridge would reopen", "Ana Lind", role="mayor")]
    add("bridge", "Northwind Wire", "2024-05-01", BRIDGE, said, update=False)
    add(
        "port",
        "Harbor Daily",
        "2024-05-03",
        PORT,
        [Said("the harbour was safe", "Ana Lind")],
        update=False,
    )
    add(
        "ferry",
        "Harbor Daily",
        None,
        FERRY,
        [Said("the ferry would run", "Ana Lind")],
        update=False,
    )


def test_a_name_the_registry_does_not_know(store: Store, add: AddArticle) -> None:
    _fill(add)
    profile = find_speaker("ana  lind", db=store)
    assert profile is not None and not profile.registered
    assert (profile.id, profile.name, profile.statements) == ("Ana Lind", "Ana Lind", 3)
    assert profile.per_day == (
        ("2024-05-01", "Northwind Wire", 1),
        ("2024-05-03", "Harbor Daily", 1),
        ("", "Harbor Daily", 1),  # undated last, as in a registry entity's profile
    )
    assert profile.outlets == (("Harbor Daily", 2), ("Northwind Wire", 1))
    assert [(r.role, r.outlet, r.first, r.statements) for r in profile.roles] == [
        ("mayor", "Northwind Wire", "2024-05-01", 1)
    ]
    # newest first by the registry profile's rule, which sorts the undated one as latest
    assert [s.doc_id for s in profile.latest] == ["ferry", "port", "bridge"]
    assert find_speaker("Nobody Here", db=store) is None
    assert find_speaker("   ", db=store) is None


def test_a_registry_entity_and_its_name_give_one_profile(store: Store, add: AddArticle) -> None:
    _fill(add)
    update_record(store)
    found = find_speaker("Lind", db=store)
    assert found is not None and found.registered
    assert found == speaker("Lind", db=store)
    assert found.statements == 3 and found.name == "Ana Lind"
