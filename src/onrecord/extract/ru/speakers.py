"""Who said it: a speaker's words at a statement turned into the canonical name.

The same rules as English (``shared/spec/canonical-speakers.md``), with Russian morphology:

* a **name** in any case ("по словам Лесницкого", "Леной Брандт") is the person's fullest
  nominative name in the article (names.py);
* a **pronoun** (он/она/они, его/ее/их) is the latest earlier speaker whose gender and
  number agree: the morphology says "она", the verb's ending says "отметила", so a woman's
  words are not given to the man named last;
* a **role** ("пресс-секретарь президента", "министр", "губернатор") is the person the
  article gave that role; a role the article gave no one ("отметила дипломат") is the latest
  earlier speaker whose gender agrees with the verb;
* an **organisation** ("пресс-служба Союза фермеров Кесселя", "в пресс-службе МИД") and an
  **unnamed source** ("источник в делегации", "представители союза") keep their own words,
  in the nominative.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.extract.ru.clauses import Attribution
from onrecord.extract.ru.lexicon import ANONYMOUS_HEADS, ORG_HEADS, PRONOUNS
from onrecord.extract.ru.names import (
    People,
    gender_of,
    head_token,
    nominative_name,
    nominative_phrase,
    surname_key,
)
from onrecord.extract.ru.nlp import RuDoc
from onrecord.model import Span, Speaker


@dataclass(frozen=True, slots=True)
class Said:
    """A resolved speaker, remembered for the pronouns and roles that follow."""

    at: int
    speaker: Speaker
    gender: str | None
    number: str | None


class Resolver:
    """Resolves speakers in text order, remembering who spoke (see the module docstring)."""

    def __init__(self, doc: RuDoc, people: People) -> None:
        self.doc = doc
        self.people = people
        self.history: list[Said] = []

    def resolve(self, attr: Attribution | None, at: int, *, continues: bool = False) -> Speaker:
        """The speaker of a statement at offset ``at`` (``continues``: an unattributed
        quotation, whose speaker is the previous statement's)."""
        if continues or attr is None:
            prev = self._previous(at, None, None)
            speaker = prev.speaker if prev else Speaker(None)
            return Speaker(speaker.name, speaker.type, None, speaker.role)
        said = self._resolve(attr, at)
        self.history.append(said)
        return said.speaker

    # ------------------------------------------------------------------ the cases

    def _resolve(self, attr: Attribution, at: int) -> Said:
        doc = self.doc
        toks = list(attr.mention)
        verb = doc.toks[attr.verb] if attr.verb is not None else None
        verb_gender = gender_of(verb) if verb is not None else None
        verb_number = verb.feats.get("Number") if verb is not None else None
        if not toks:
            return Said(at, Speaker(None), None, None)
        mention = Span.of(doc.text, doc.toks[toks[0]].start, doc.toks[toks[-1]].end)
        if len(toks) == 1 and doc.toks[toks[0]].lower in PRONOUNS:
            gender, number = PRONOUNS[doc.toks[toks[0]].lower]
            return self._pronoun(at, mention, gender or verb_gender, number)
        named = self.people.person_of(toks)
        if named is not None:
            name_toks, person = named
            role = _words_before(doc, toks, name_toks[0])
            speaker = Speaker(person.name_at(at), "person", mention, role)
            return Said(at, speaker, person.gender or verb_gender, "Sing")
        head = head_token(doc, toks)
        lem = head.lemma
        number = head.feats.get("Number") or verb_number
        if lem in ORG_HEADS or head.lower in ORG_HEADS or _is_org(doc, toks):
            name = _cap(nominative_phrase(doc, toks), doc, toks)
            return Said(at, Speaker(name, "organisation", mention), None, number)
        if head.pos == "PROPN":
            return self._bare_name(at, mention, toks, verb_gender)
        if lem not in ANONYMOUS_HEADS and number != "Plur":
            person = self.people.by_role(lem, at)
            if person is not None:
                role = nominative_phrase(doc, toks)
                speaker = Speaker(person.name_at(at), "person", mention, role)
                return Said(at, speaker, person.gender or verb_gender, "Sing")
            prev = self._previous(at, verb_gender, "Sing", person_only=True)
            if prev is not None:
                s = prev.speaker
                speaker = Speaker(s.name, s.type, mention, nominative_phrase(doc, toks))
                return Said(at, speaker, prev.gender, "Sing")
        name = _cap(nominative_phrase(doc, toks), doc, toks)
        return Said(at, Speaker(name, "unknown", mention), verb_gender, number)

    def _pronoun(self, at: int, mention: Span, gender: str | None, number: str) -> Said:
        prev = self._previous(at, gender, number)
        if prev is not None:
            s = prev.speaker
            return Said(at, Speaker(s.name, s.type, mention, s.role), prev.gender, prev.number)
        for person in sorted(
            self.people.by_key.values(), key=lambda p: max(m for m in p.mentions), reverse=True
        ):
            before = any(m < at for m in person.mentions)
            if before and number == "Sing" and (gender is None or person.gender in (None, gender)):
                speaker = Speaker(person.name_at(at), "person", mention)
                return Said(at, speaker, person.gender, "Sing")
        return Said(at, Speaker(None, "unknown", mention), gender, number)

    def _bare_name(self, at: int, mention: Span, toks: list[int], gender: str | None) -> Said:
        """A capitalised name natasha's NER did not mark: by surname, else as written."""
        name = nominative_name(self.doc, toks)
        person = self.people.by_key.get(surname_key(name.split()[-1]))
        if person is not None:
            return Said(at, Speaker(person.name_at(at), "person", mention), person.gender, "Sing")
        return Said(at, Speaker(name, "person", mention), gender, "Sing")

    def _previous(
        self, at: int, gender: str | None, number: str | None, *, person_only: bool = False
    ) -> Said | None:
        for said in reversed(self.history):
            if said.at >= at or said.speaker.name is None:
                continue
            if person_only and said.speaker.type != "person":
                continue
            if number and said.number and said.number != number:
                continue
            if gender and said.gender and said.gender != gender:
                continue
            return said
        return None


def _words_before(doc: RuDoc, toks: list[int], name_start: int) -> str | None:
    """The role in front of the name in a mention ("пресс-секретарь президента Вальдории")."""
    before = [k for k in toks if k < name_start]
    while before and doc.toks[before[-1]].pos == "PUNCT":
        before.pop()
    if not before:
        return None
    return doc.text[doc.toks[before[0]].start : doc.toks[before[-1]].end]


def _is_org(doc: RuDoc, toks: list[int]) -> bool:
    """Whether natasha's NER marks the mention's head as an organisation."""
    head = head_token(doc, toks).i
    return any(e.type == "ORG" and e.first <= head < e.last for e in doc.ents)


def _cap(name: str, doc: RuDoc, toks: list[int]) -> str:
    """A description keeps lower case unless it begins with a proper noun or an acronym
    ("Представители союза" at a sentence start -> "представители союза")."""
    first = doc.toks[toks[0]]
    if first.pos == "PROPN" or first.text.isupper() or not name:
        return name
    return name[0].lower() + name[1:]
