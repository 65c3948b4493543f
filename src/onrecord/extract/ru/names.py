"""The article's people: names from natasha's NER, put in the nominative, grouped by surname.

Russian names change with case ("по словам Пескова", "с Леной Брандт"), so every name is
normalised to the nominative (natasha's rule normaliser over pymorphy's dictionaries) before
it is compared; the person's canonical name is the fullest nominative form the article gives
("Григорий Лесницкий" for "Лесницкого"), as ``shared/spec/canonical-speakers.md`` asks.

natasha's NER sometimes runs a genitive place into the name that follows it ("министр
иностранных дел Эстерланда Маартен Хольст" -> PER "Эстерланда Маартен Хольст"): a Russian
name has at most three capitalised words, and three only with a patronymic in the middle, so
the extra words in front are dropped (:func:`name_tokens`).

Each person also gets the roles the article gives them, read from the noun their name is in
apposition to ("пресс-секретарь президента Вальдории Григорий Лесницкий"): a later
"пресс-секретарь президента" or "министр" refers back by that noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onrecord.extract.ru.lexicon import ROLE_HEADS
from onrecord.extract.ru.nlp import RuDoc, Tok, grammemes, morph_vocab

_PARTICLES = frozenset(
    [
        "фон",
        "де",
        "ван",
        "дер",
        "ди",
        "да",
        "ле",
        "ла",
        "аль",
        "эль",
        "бен",
        "ибн",
        "дель",
        "делла",
        "ду",
    ]
)
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


@dataclass(frozen=True, slots=True)
class _NTok:
    """A token as natasha's normaliser reads it (``natasha.norm`` wants these attributes)."""

    id: str
    head_id: str
    text: str
    pos: str
    feats: dict[str, str]
    start: int
    stop: int


def _ntoks(doc: RuDoc, toks: list[int]) -> list[_NTok]:
    out = []
    for k in toks:
        t = doc.toks[k]
        out.append(_NTok(str(t.i), str(t.head), t.text, t.pos, t.feats, t.start, t.end))
    return out


def nominative_name(doc: RuDoc, toks: list[int]) -> str:
    """A name in the nominative, every word inflected ("Леной Брандт" -> "Лена Брандт")."""
    from natasha.norm import normalize

    return str(normalize(morph_vocab(), _ntoks(doc, toks)))


def nominative_phrase(doc: RuDoc, toks: list[int]) -> str:
    """A noun phrase in the nominative: its head and the words agreeing with it inflected,
    its dependents kept ("в пресс-службе МИД Вальдории" -> "пресс-служба МИД Вальдории")."""
    from natasha.norm import syntax_normalize

    return str(syntax_normalize(morph_vocab(), _ntoks(doc, toks)))


def is_patronymic(word: str) -> bool:
    return bool(_PATRONYMIC.search(word.lower())) or "Patr" in grammemes(word)


def name_tokens(doc: RuDoc, first: int, last: int) -> list[int]:
    """The tokens of a PER span that are the name (see the module docstring)."""
    toks = [k for k in range(first, last) if doc.toks[k].pos != "PUNCT"]
    caps = [k for k in toks if doc.toks[k].text[:1].isupper()]
    if len(caps) >= 3:
        keep = 3 if is_patronymic(doc.toks[caps[-2]].text) else 2
        toks = [k for k in toks if k >= caps[-keep]]
    while toks and not doc.toks[toks[0]].text[:1].isupper():
        toks = toks[1:]
    return toks


def surname_key(word: str) -> str:
    return word.lower().replace("ё", "е")


@dataclass(slots=True)
class Person:
    """One person of the article: the name forms seen (nominative), gender, roles."""

    key: str
    names: list[tuple[int, str]] = field(default_factory=list)  # (offset, nominative name)
    genders: dict[str, int] = field(default_factory=dict)
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, head lemma, words)
    mentions: list[int] = field(default_factory=list)

    def name_at(self, offset: int) -> str:
        """The fullest name, or with several different full names (two Veres), the nearest
        full name before ``offset``."""
        full = [(at, n) for at, n in self.names if len(n.split()) > 1]
        if not full:
            return self.names[0][1]
        firsts = {n.split()[0].lower() for _, n in full}
        if len(firsts) == 1:
            return max(full, key=lambda item: (len(item[1].split()), -item[0]))[1]
        before = [item for item in full if item[0] <= offset]
        return (before[-1] if before else full[0])[1]

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        return max(self.genders, key=lambda g: self.genders[g])


@dataclass(slots=True)
class People:
    """The article's people by surname key, and which tokens name whom."""

    by_key: dict[str, Person] = field(default_factory=dict)
    token_person: dict[int, Person] = field(default_factory=dict)
    names: list[tuple[list[int], Person]] = field(default_factory=list)

    def person_of(self, toks: list[int]) -> tuple[list[int], Person] | None:
        """The last name among ``toks`` and its person."""
        found = None
        wanted = set(toks)
        for name_toks, person in self.names:
            if wanted.intersection(name_toks):
                found = (name_toks, person)
        return found

    def by_role(self, head: str, offset: int) -> Person | None:
        """The person most recently given the role ``head`` (a lemma) before ``offset``, or
        failing that the first given it later."""
        best: tuple[int, Person] | None = None
        later: tuple[int, Person] | None = None
        for person in self.by_key.values():
            for at, role_head, _ in person.roles:
                if role_head != head:
                    continue
                if at <= offset and (best is None or at > best[0]):
                    best = (at, person)
                if at > offset and (later is None or at < later[0]):
                    later = (at, person)
        chosen = best or later
        return chosen[1] if chosen else None


def find_people(doc: RuDoc) -> People:
    """Every person natasha's NER names in ``doc``, grouped by nominative surname."""
    people = People()
    for ent in doc.ents:
        if ent.type != "PER":
            continue
        toks = name_tokens(doc, ent.first, ent.last)
        if not toks:
            continue
        nominative = nominative_name(doc, toks)
        key = surname_key(nominative.split()[-1])
        person = people.by_key.setdefault(key, Person(key))
        start = doc.toks[toks[0]].start
        person.names.append((start, nominative))
        person.mentions.append(start)
        for k in toks:
            gender = doc.toks[k].feats.get("Gender")
            if gender in ("Masc", "Fem"):
                person.genders[gender] = person.genders.get(gender, 0) + 1
            people.token_person[k] = person
        role = role_of(doc, toks)
        if role is not None:
            person.roles.append((start, *role))
        people.names.append((toks, person))
    for person in people.by_key.values():
        if not person.genders:
            tags = grammemes(person.names[0][1].split()[-1])
            if "femn" in tags or "masc" in tags:
                person.genders["Fem" if "femn" in tags else "Masc"] = 1
    return people


def role_of(doc: RuDoc, name: list[int]) -> tuple[str, str] | None:
    """The role noun a name stands in apposition to, as (head lemma, the role's words)."""
    k = name[0]
    seen = set(name)
    while doc.toks[k].rel in ("appos", "flat:name", "flat") and doc.toks[k].head >= 0:
        k = doc.toks[k].head
        if k in seen:
            return None
        seen.add(k)
        head = doc.toks[k]
        if head.pos == "NOUN" or (head.pos == "PROPN" and head.lemma in ROLE_HEADS):
            words = [i for i in doc.subtree(k) if i < name[0] and i >= k]
            while words and doc.toks[words[-1]].pos == "PUNCT":
                words.pop()
            text = doc.text[doc.toks[k].start : doc.toks[words[-1]].end] if words else head.text
            return head.lemma, text
    return None


def head_token(doc: RuDoc, toks: list[int]) -> Tok:
    """The token of ``toks`` whose head lies outside them (the first such)."""
    inside = set(toks)
    for k in toks:
        if doc.toks[k].head not in inside:
            return doc.toks[k]
    return doc.toks[toks[0]]


def gender_of(tok: Tok) -> str | None:
    gender = tok.feats.get("Gender")
    return gender if gender in ("Masc", "Fem") else None

