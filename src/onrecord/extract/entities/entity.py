"""One article's people and organisations as data: mentions, roles, entities.

An :class:`Entity` is a person or organisation under its fullest name, with the
:class:`Role` titles the article gives it and every :class:`Mention` of it, each with the facts
that pronoun resolution weighs (sentence, subject rank, the title at that place).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from onrecord.extract.entities.names import fold
from onrecord.extract.lexicon.people import Gender
from onrecord.model import Span, SpeakerType

MentionKind = Literal["name", "pronoun", "description"]


@dataclass(slots=True)
class Mention:
    """One place an entity is named: char offsets into the article, and salience facts.

    ``subject`` is 2 for a main-clause subject, 1 for an embedded clause's subject, 0 else:
    subjects are what later pronouns refer to. ``role`` is the title at this mention.
    """

    start: int
    end: int
    text: str
    sent: int
    head: int  # token index of the mention's head
    kind: MentionKind = "name"
    subject: int = 0
    role: str | None = None
    honorific: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Role:
    """A title as the article words it, with the parts descriptions are matched on."""

    text: str
    head: str  # lower-cased lemma of the head noun ("spokesman")
    modifiers: frozenset[str]  # lower-cased other words ("russian", "presidential")
    affiliation: str | None


@dataclass(slots=True)
class Entity:
    """A person or organisation of one article, under its fullest name."""

    name: str
    type: SpeakerType
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    gender: Gender | None = None
    mentions: list[Mention] = field(default_factory=list)
    first_names: set[str] = field(default_factory=set)

    @property
    def affiliation(self) -> str | None:
        """The first affiliation one of the article's roles for it gives."""
        return next((r.affiliation for r in self.roles if r.affiliation), None)

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1])

    def add_role(self, role: Role | None) -> None:
        if role and all(r.text.lower() != role.text.lower() for r in self.roles):
            self.roles.append(role)

    def to_json(self) -> dict[str, Any]:
        """The entity as plain data (for the registry and for debugging output)."""
        return {
            "name": self.name,
            "type": self.type,
            "aliases": sorted(self.aliases),
            "roles": [r.text for r in self.roles],
            "affiliation": self.affiliation,
            "gender": self.gender,
            "mentions": [m.span.to_json() for m in self.mentions],
        }
