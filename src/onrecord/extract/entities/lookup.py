"""Which entity a bare name means: "Clinton", "Hillary", "Mr. Trump", "FEC".

Used while the entities are built (a surname after its full name) and by speaker resolution
(a mention the recogniser did not tag). Among namesakes the honorific's gender decides first,
then the story's main person of that name, then the one named nearest before.
"""

from __future__ import annotations

from onrecord.extract.entities.entity import Entity
from onrecord.extract.entities.names import acronyms, fold
from onrecord.extract.lexicon.people import GENDER_HONORIFICS


def find_by_name(
    entities: list[Entity],
    name: str,
    at: int,
    honorific: str | None = None,
    sent: int | None = None,
) -> Entity | None:
    """The entity a bare name refers to at offset ``at`` ("Clinton", "Hillary", "Kremlin").

    Used when NER did not tag the mention itself. Persons by surname or first name, then
    organisations by name or alias; among several, the honorific's gender, then the most
    recently mentioned before ``at``, then the most mentioned.
    """
    low = fold(name).removesuffix("'s")
    persons = [e for e in entities if e.type == "person" and e.surname == low]
    persons = persons or [e for e in entities if e.type == "person" and low in e.first_names]
    if persons:
        return pick(persons, honorific, at, sent)
    orgs = [e for e in entities if low in {fold(a) for a in e.aliases}]
    if not orgs and name.isupper() and len(name) >= 2:  # "FEC" the recogniser left untagged
        orgs = [e for e in entities if e.type == "organisation" and name in acronyms(e.name)]
    return pick(orgs, honorific, at, sent) if orgs else None


def pick(
    candidates: list[Entity], honorific: str | None, before: int, sent: int | None = None
) -> Entity:
    """Among entities sharing a name: the honorific's gender first; then the story's main
    person of that name when named at least twice as often as any other ("Mr. Trump" in a
    story about him that mentions his brother); then one named in this or the previous
    sentence (``sent``); then the most mentioned; then the latest."""
    gender = GENDER_HONORIFICS.get((honorific or "").lower())
    if gender:
        fitting = [e for e in candidates if e.gender in (gender, None)]
        candidates = fitting or candidates
    counts = sorted(
        ((sum(m.start < before for m in e.mentions), n) for n, e in enumerate(candidates)),
        reverse=True,
    )
    if len(counts) > 1 and counts[0][0] >= 3 and counts[0][0] >= 2 * counts[1][0]:
        return candidates[counts[0][1]]

    def key(e: Entity) -> tuple[bool, int, int]:
        earlier = [m for m in e.mentions if m.start < before]
        last = max(earlier, key=lambda m: m.start) if earlier else None
        recent = last is not None and sent is not None and last.sent >= sent - 1
        return (recent, len(earlier), last.start if last else -1)

    return max(candidates, key=key)
