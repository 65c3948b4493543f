"""Roles as the article words them: titles before a name and appositions, with affiliations.

"Russian presidential spokesman Dmitry Peskov", "Jane Doe, the finance minister", "the
chief delegate, presidential aide John Doe": each gives its person a :class:`Role`, with the
organisation or country it names as the affiliation ("Kremlin spokesman" -> "Kremlin",
"Russian presidential ..." -> "Russia").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.extract.entities.entity import Role
from onrecord.extract.entities.names import NAME_STRIP
from onrecord.extract.lexicon.descriptions import HUMAN_HEADS
from onrecord.extract.lexicon.people import DEMONYMS, GENDER_HONORIFICS, GENDERED_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


#: Punctuation that ends an appositive role ("Jane Doe, the minister, said").
_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")", "\n"})
#: Arcs by which title words before a name hang on it ("presidential spokesman Dmitry").
_PRE_NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod"})
#: Arcs of clauses hung on a role phrase, which are the story, not the title.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos"})


def country_of(demonym: str, gpes: dict[str, str]) -> str:
    """The country for a nationality adjective: a GPE the article names, else a small table."""
    low = demonym.lower()
    if low in DEMONYMS:
        return DEMONYMS[low]
    for key, gpe in gpes.items():
        if len(low) >= 5 and key[:4] == low[:4]:
            return gpe
    return demonym


def make_role(tokens: list[Token], gpes: dict[str, str]) -> Role | None:
    """A :class:`Role` from the words of a title (determiners and commas trimmed)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    while words and (words[0].lower_ in NAME_STRIP or words[0].dep_ == "det"):
        words = words[1:]
    while words and words[-1].lower_ in NAME_STRIP:
        words = words[:-1]
    if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None
    if words[-1].lower_ in GENDER_HONORIFICS:
        return None
    if any(t.like_num or t.lower_ in ("percent", "%") for t in words):
        return None  # "52 percent (of voters)", "Sanders, 41 percent": a share, not a title
    head = words[-1]
    for t in words:  # the head is the word whose parent lies outside the role
        if t.head.i not in {w.i for w in words} or t.head.i == t.i:
            head = t
            break
    affiliation = None
    for t in words:
        if t.ent_type_ in ("ORG", "GPE") and t is not head:
            affiliation = _strip_det(_entity_text(t))
            break
        if t.ent_type_ == "NORP" and affiliation is None:
            affiliation = country_of(t.text, gpes)
            break
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    mods = frozenset(t.lower_ for t in words if t is not head and t.lower_ not in ("of", "'s"))
    return Role(text=text, head=head.lemma_.lower(), modifiers=mods, affiliation=affiliation)


def _entity_text(token: Token) -> str:
    """The whole named entity a token is part of ("White House", not "White")."""
    doc = token.doc
    a = token.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = token.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return doc[a:b].text


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def pre_name_role(ent: SpacySpan, gpes: dict[str, str]) -> tuple[Role | None, str | None]:
    """Title words right before a name ("Russian presidential spokesman Dmitry Peskov").

    Returns the role and a gender honorific ("Mrs.") found there, which is not a role.
    """
    doc = ent.doc
    inside = set(range(ent.start, ent.end))
    taken: list[Token] = []
    honorific = None
    i = ent.start - 1
    while i >= 0:
        t = doc[i]
        if t.is_punct or t.is_space or t.dep_ == "det" or t.ent_type_ == "PERSON":
            break
        if t.head.i not in inside or t.dep_ not in _PRE_NAME_DEPS:
            break
        if t.lower_ in GENDER_HONORIFICS:
            honorific = t.lower_
        else:
            taken.append(t)
        inside.add(t.i)
        i -= 1
    taken.reverse()
    return (make_role(taken, gpes) if taken else None), honorific


def titled_as_person(ent: SpacySpan, gpes: dict[str, str]) -> bool:
    """ "presidential spokeswoman Irina Kovalska": a name after a person's title is a person,
    whatever the recogniser's label (it tags unfamiliar names as organisations)."""
    role, honorific = pre_name_role(ent, gpes)
    return honorific is not None or (
        role is not None and (role.head in HUMAN_HEADS or role.head in GENDERED_NOUNS)
    )


def appositive_role(ent: SpacySpan, gpes: dict[str, str]) -> Role | None:
    """A role in apposition: "Jane Doe, the minister," or "the chief delegate, John Doe".

    Only a singular noun set off by a comma counts: the parser's other "appos" arcs are
    too often lists or misparses ("Trump, expectations ...").
    """
    root = ent.root
    doc = ent.doc
    head = root.head
    if root.dep_ == "appos" and head.tag_ == "NN" and head.i < ent.start:
        if head.i == ent.start - 1:
            # "chief executive Daniel Ortis" parsed as apposition: a pre-name title, whose
            # words are the unbroken run before the name (not a headline above it).
            i = head.i
            while i > 0 and not (doc[i - 1].is_punct or doc[i - 1].is_space):
                if doc[i - 1].dep_ == "det" or doc[i - 1].head.i not in range(i - 1, head.i + 1):
                    break
                i -= 1
            return make_role(list(doc[i : head.i + 1]), gpes)
        if doc[root.left_edge.i - 1].text == ",":
            words = [t for t in head.subtree if t.i < ent.start and not _in_subtree(t, root)]
            words = [t for t in words if t.i >= head.left_edge.i]
            return make_role(_cut_clauses(words, head), gpes)
    if ent.end < len(doc) and doc[ent.end].text == ",":
        for child in root.children:
            if child.dep_ == "appos" and child.tag_ == "NN" and child.left_edge.i == ent.end + 1:
                words = _cut_clauses(list(child.subtree), child)
                stop = next((t.i for t in words if t.i > child.i and t.text in _BREAKS), None)
                words = [t for t in words if stop is None or t.i < stop]
                return make_role(words[:14], gpes)
    return None


def _in_subtree(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _cut_clauses(words: list[Token], head: Token) -> list[Token]:
    """Drop relative clauses and the like from a role phrase: the title, not the story."""
    drop: set[int] = set()
    for t in words:
        if t.dep_ in _CLAUSE_DEPS and t.head.i == head.i and t.i > head.i:
            drop.update(range(t.left_edge.i, t.right_edge.i + 1))
    return [t for t in words if t.i not in drop]
