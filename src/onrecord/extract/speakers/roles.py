"""Roles compared: which person a title stands for ("the spokesman" = "Kremlin spokesman").

Two roles are one when their head nouns mean the same ("press secretary" is a spokesman,
"Gov." a governor) and no nationality or party clashes ("Turkish President" is not "Russian
President").
"""

from __future__ import annotations

from onrecord.extract.entities import Entity, Role
from onrecord.extract.lexicon.descriptions import CLASHING_MODIFIERS, PARTY_WORDS, ROLE_SYNONYMS
from onrecord.extract.speakers.names import NameRules


def role_key(role: Role) -> str:
    if role.head == "secretary" and "press" in role.modifiers:
        return "spokesman"
    head = role.head.rstrip(".")
    return ROLE_SYNONYMS.get(head, head)


def _nationalities(role: Role) -> set[str]:
    """Modifiers two roles must share to be one ("Turkish President" is not "Russian
    President", "former president" is not "president" when both say which)."""
    return {m for m in role.modifiers if m[:1].isalpha() and m in CLASHING_MODIFIERS}


def roles_clash(a: Role, b: Role) -> bool:
    """Do two roles both say a nationality or party, and different ones?"""
    mine, theirs = _nationalities(a), _nationalities(b)
    return bool(mine and theirs and not (mine & theirs))


class RoleRules(NameRules):
    """The person the article introduced with a role."""

    def _by_role(self, role: Role, at: int) -> Entity | None:
        """The person the article introduced with this role: same head, no clash, nearest."""
        key = role_key(role)
        if key in PARTY_WORDS:
            return None  # "Republican Donald Trump" does not make every "the Republican" him
        best: tuple[float, Entity] | None = None
        places = {m for m in role.modifiers if m in self.gpes}  # "the Vermont senator"
        for e in self.entities:
            if e.type != "person":
                continue
            for r in e.roles:
                if role_key(r) != key or roles_clash(role, r):
                    continue
                if not places <= r.modifiers:
                    continue  # another state's senator ("Arizona Sen. John McCain")
                overlap = len(role.modifiers & r.modifiers)
                before = [m.start for m in e.mentions if m.start < at]
                distance = at - before[-1] if before else e.mentions[0].start - at + 10**6
                score = overlap * 10**8 - distance
                if best is None or score > best[0]:
                    best = (score, e)
        return best[1] if best else None
