"""Descriptions: "the Kremlin spokesman", "his campaign", "a person familiar with the talks".

A definite singular description points back to someone the article introduced: the entity
given a role of the same head noun and no clashing nationality, nearest first (a headline
description finds the body's person); a title the article gave no one ("the Republican
nominee") is an epithet for the person in focus, found as "he" would be. A possessed
description is named by its owner ("his campaign" -> "Clinton campaign", "her lawyer" ->
"Ana Lind's lawyer"); "the campaign" / "the company" reach the organisation the article
named before. Anything else is a new, unnamed speaker, named by its fullest description
("a person familiar with the negotiations", "officials"), as canonical-speakers.md asks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.extract.entities import Entity, Role, find_by_name, make_role
from onrecord.extract.lexicon import words
from onrecord.extract.lexicon.descriptions import (
    BARE_DEFINITE,
    BUSINESS_HEADS,
    DOCUMENT_NOUNS,
    EPITHET_HEADS,
    GROUP_WORDS,
    HUMAN_HEADS,
    INDEFINITE_WORDS,
    INSTITUTION_HEADS,
    OFFICES,
    ORG_HEADS,
    PUBLIC_BODIES,
)
from onrecord.extract.lexicon.people import GENDERED_NOUNS
from onrecord.extract.speakers.documents import DocumentRules
from onrecord.extract.speakers.roles import role_key, roles_clash
from onrecord.extract.speakers.state import Result, strip_article
from onrecord.model import Span, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


#: Word endings of nouns for a person's occupation or part ("carpenter", "scientist").
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent)$")

#: Capitalised words before a head noun that own nothing ("The campaign", "This company").
_NOT_OWNERS = words("the a an this that his her their its our my your new former")

#: Right dependents that belong to an unnamed speaker's description ("a person familiar with
#: the talks", "officials who ...") and how many tokens such a name may have.
_DESCRIPTION_DEPS = frozenset({"prep", "amod", "acl", "relcl", "pobj", "compound", "nummod"})
_DESCRIPTION_MAX = 14

_BREAK_TEXT = frozenset({",", ";", ":", "(", "—", "–", "--"})


def _strip_quantifier(text: str) -> str:
    """ "several cast members" -> "cast members": the role, not how many held it."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in INDEFINITE_WORDS else text


class DescriptionRules(DocumentRules):
    """Common-noun mentions: roles, organisations, owners, and the unnamed."""

    def _description(self, span: SpacySpan, mention: Span, stop: int | None = None) -> Result:
        """A common-noun mention: a role an entity holds, an organisation, or an unnamed one.

        Only a definite singular description ("the spokesman", "the ministry") points back
        to someone the article introduced; "a spokesman", "officials", "several groups" are
        new, unnamed speakers. An organisation description keeps its words as its name when
        they identify it ("office of the Turkish leader"), not when bare ("the agency").
        """
        root = span.root
        tokens = [t for t in span if t.i <= root.i]
        role = make_role(tokens, self.gpes)
        plural = root.tag_ in ("NNS", "NNPS")
        definite = not plural and tokens[0].lower_ not in INDEFINITE_WORDS
        if len(span) == 1 and root.lower_ in BARE_DEFINITE:
            plural, definite = False, True  # "police said": the police the article named
        head = root.lemma_.lower()
        if root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head.i < root.i:
            # "Our Principles PAC, a group set up to ...": the name the description is set by
            named = self._several(self.doc[root.head.left_edge.i : root.head.i + 1])
            named = named or self._entity_of(root.head)
            if named is not None and named.name:
                return named
        if head in DOCUMENT_NOUNS:
            issuer = self._issuer(root) or (self._earlier_issuer(root) if definite else None)
            if issuer is not None:
                return issuer
        of = self._part_of(root)
        if of is not None and of.lemma_.lower() in DOCUMENT_NOUNS:
            issuer = self._issuer(of)  # "one of her ads": hers
            if issuer is not None:
                return issuer
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("like", "as")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            members = self._members(obj) if obj is not None and plural else None
            if members is not None:  # "civil rights groups like the ACLU and the NAACP"
                return members
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if owner is not None:
            owned = self._owned(owner, root, span)
            if owned is not None:
                return owned
        if role is not None and definite:
            entity = self._by_role(role, mention.start) or self._by_epithet(role, root, span)
            if entity is not None:
                entity.add_role(role)  # "Kremlin spokesman" is how this article calls him too
                return Result(entity.name, entity.type, role.text, role.affiliation, entity)
        text = strip_article(mention.text)
        affiliation = role.affiliation if role else None
        fullest = self._fullest(span, stop)
        if head in ORG_HEADS or root.ent_type_ == "ORG":
            bare = all(t.dep_ in ("det", "poss") or t.i == root.i for t in span)
            if definite and bare:
                found = self._org_described(head, mention.start)
                if found is not None:
                    return found
            org = self._org_by_head(head, mention.start) if definite else None
            if org is not None:
                return Result(org.name, "organisation", entity=org)
            introduced = self._introduced(root) if definite and bare else None
            if introduced is not None:
                return Result(introduced, "organisation", text, affiliation)
            if plural or bare or not definite:
                return Result(fullest, "organisation", text, affiliation)
            return Result(text, "organisation")
        human = head in HUMAN_HEADS or head in GENDERED_NOUNS
        kind: SpeakerType = "person" if human else "unknown"
        if definite and tokens[0].lower_ == "the":
            # "the official" after "a senior official who asked not to be named said":
            # the same unnamed speaker, under the name it was introduced with
            earlier = self._unnamed_before(head, plural, mention.start) or self._introduced(root)
            if earlier is not None:
                return Result(earlier, kind, _strip_quantifier(text), affiliation)
            focus = self._person_in_focus(root, span, plural)
            if focus is not None:
                focus.add_role(role)
                return Result(focus.name, "person", _strip_quantifier(text), affiliation, focus)
        self.unnamed.append((mention.start, head, plural, fullest))
        return Result(fullest, kind, _strip_quantifier(text), affiliation)

    def _person_in_focus(self, root: Token, span: SpacySpan, plural: bool) -> Entity | None:
        """ "Lori Bernstein held up a sign. The 57-year-old scientist says ...": a definite
        description of a person that introduced no one before is the named person in focus
        (found as "she" would be), as news writes a second reference.

        Only for words that name a person ("scientist", "carpenter", a "-year-old"), never
        for organisations or documents, and only with a named candidate near enough.
        """
        if plural or root.pos_ != "NOUN":
            return None
        head = root.lemma_.lower()
        aged = any(t.lower_.endswith("year-old") for t in span)
        personal = head in HUMAN_HEADS or head in GENDERED_NOUNS or _PERSON_SUFFIX.search(head)
        if not (aged or personal) or head in ORG_HEADS or head in DOCUMENT_NOUNS:
            return None
        if head in GROUP_WORDS:
            return None
        gender = GENDERED_NOUNS.get(head)
        at = Span(span.start_char, span.end_char, span.text)
        best = self._antecedent(at, root, gender or "person")
        entity = best.entity if best else None
        if entity is None or entity.type != "person":
            return None
        if entity.roles and all(r.head != head for r in entity.roles):
            return None  # known by another title: "the mayor" is not "Foreign Minister Miller"
        return entity

    def _introduced(self, root: Token) -> str | None:
        """ "the man" after "one man in the front row asked ...", "the union" after "the
        regional farmers' union": the fuller phrase that introduced it, at its fullest."""
        lemma = root.lemma_.lower()
        for t in reversed(self.doc[max(0, root.i - 600) : root.i]):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or t.tag_ != root.tag_:
                continue
            if self._in_quote(t.idx):
                continue
            first = self.doc[t.left_edge.i]
            fuller = sum(1 for c in t.children if c.dep_ not in ("det", "punct")) > 0
            if first.lower_ in INDEFINITE_WORDS or fuller:
                return self._fullest(self.doc[t.left_edge.i : t.i + 1])
        return None

    def _unnamed_before(self, head: str, plural: bool, at: int) -> str | None:
        """The name of the last unnamed speaker introduced before ``at`` with this head."""
        for start, h, p, name in reversed(self.unnamed):
            if start < at and h == head and p == plural:
                return name
        return None

    def _fullest(self, span: SpacySpan, stop: int | None = None) -> str:
        """An unnamed speaker's name: the description at its fullest, as the article gives
        it ("a person familiar with the negotiations", "officials who spoke on condition of
        anonymity"), without a leading "the" (an indefinite article stays: it says the
        speaker is one of many); clauses after a comma are not part of it.

        Such a name is the speaker's identity only within the article: the registry keeps
        lower-case descriptions local (resolve/people.py), so two articles' "a source" are
        never one person.
        """
        root = span.root
        end = span.end
        for child in root.rights:
            if child.i < end:
                continue
            if stop is not None and child.left_edge.i <= stop <= child.right_edge.i:
                break  # the relative clause being resolved is not part of its own noun
            if child.dep_ not in _DESCRIPTION_DEPS or self.doc[child.i - 1].text in _BREAK_TEXT:
                break
            if child.dep_ == "acl" and (
                child.tag_ == "VBD" or root.lemma_.lower() in DOCUMENT_NOUNS
            ):
                break  # a finite verb is a misparse; "a memo instructing ..." says its content
            if any(self._in_quote(t.idx) for t in (child, self.doc[child.right_edge.i])):
                break
            end = child.right_edge.i + 1
        end = min(end, span.start + _DESCRIPTION_MAX)
        while end > span.start + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        words = self.doc[span.start : end]
        text = " ".join(self.index.text[words.start_char : words.end_char].split())
        text = re.sub(r"^(?:the|even|only|also|just)\s+", "", text, flags=re.IGNORECASE)
        first = words[0] if words[0].lower_ != "the" or len(words) == 1 else words[1]
        if first.is_title and first.is_sent_start and first.lower_ in INDEFINITE_WORDS:
            text = text[:1].lower() + text[1:]  # "A senior official said" -> "a senior ..."
        return text

    def _by_epithet(self, role: Role, root: Token, span: SpacySpan) -> Entity | None:
        """ "The Republican nominee said": a definite title the article never gave anyone is
        an epithet for the person in focus, found as "he"/"she" would be; unless they hold
        that title under a clashing nationality or party, or the title is an office and the
        article gave them another one (then it is not them)."""
        key = role_key(role)
        if key not in EPITHET_HEADS:
            return None
        gender = GENDERED_NOUNS.get(root.lemma_.lower())
        at = Span(span.start_char, span.end_char, span.text)
        best = self._antecedent(at, root, gender or "person")
        entity = best.entity if best else None
        if entity is None or entity.type != "person":
            return None
        if key in OFFICES and entity.roles and all(role_key(r) != key for r in entity.roles):
            return None  # "the mayor" is not the foreign minister the story was about
        if any(role_key(r) == key and roles_clash(role, r) for r in entity.roles):
            return None
        return entity

    def _org_by_head(self, head: str, at: int) -> Entity | None:
        orgs = [
            e
            for e in self.entities
            if e.type == "organisation" and e.name.lower().split()[-1] == head
        ]
        if not orgs:
            return None
        return max(
            orgs, key=lambda e: max((m.start for m in e.mentions if m.start < at), default=-1)
        )

    def _org_described(self, head: str, at: int) -> Result | None:
        """A definite "the company" / "the campaign" after the article named it.

        A generic institution word ("the company", "the newspaper") is the organisation
        the article named last; any other organisation word ("the campaign", "the
        administration") is the last "X campaign" / "X's campaign" written before it.
        """
        if head in INSTITUTION_HEADS:
            last: Entity | None = None
            for start, _, m, e in self.flat:
                if start >= at:
                    break
                if e.type == "organisation" and m.subject and not self._in_quote(start):
                    if head in BUSINESS_HEADS and e.name.split()[-1].lower() in PUBLIC_BODIES:
                        continue  # "the company" is not the state senate the story named
                    last = e  # one the story was about (a subject), not any passing name
            if last is not None:
                return self._result_for(last, None)
            return None  # "a Baton Rouge newspaper" says where it is, not whose
        pattern = re.compile(
            r"\b((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*?)(?:['’]s)?\s+" + re.escape(head) + r"\b"
        )
        owner = None
        for m in pattern.finditer(self.index.text, max(0, at - 3000), at):
            words_ = m.group(1).split()
            while words_ and words_[0].lower() in _NOT_OWNERS:
                words_ = words_[1:]
            if words_ and not self._in_quote(m.start()):
                owner = (" ".join(words_), m.start())
        if owner is None:
            return None
        named = find_by_name(self.entities, owner[0].split()[-1], owner[1])
        prefix = named.name.split()[-1] if named and named.type == "person" else owner[0]
        return Result(f"{prefix} {head}", "organisation")

    def _owned(self, owner: Token, root: Token, span: SpacySpan) -> Result | None:
        """ "his campaign", "Clinton's lawyer": a description of someone by whom they belong
        to. An organisation is named by its owner ("Clinton campaign", rule 3); a person is
        the owner's so-and-so ("Ana Lind's lawyer"), unless the article names who that is."""
        found = self._entity_of(owner)
        if found is None or not found.name:
            return None
        head = root.lemma_.lower()
        first = owner.i + 1
        while first < span.end - 1 and self.doc[first].dep_ == "case":
            first += 1  # the "'s" of "Clinton's"
        words = self.doc[first : span.end].text
        if head in ORG_HEADS:  # "Esterland's agriculture ministry", "his campaign"
            prefix = found.name.split()[-1] if found.type == "person" else found.name
            return Result(f"{prefix} {words}", "organisation", affiliation=found.name)
        if head not in HUMAN_HEADS and head not in GENDERED_NOUNS and root.ent_type_ != "PERSON":
            return found  # "her plan", "his financial disclosure": the owner's own words
        holder = found.entity
        for e in self.entities:  # "his lawyer, Jo Ray": the one whose role names the owner
            if (
                e.type == "person"
                and holder is not None
                and e is not holder
                and any(role_key(r) == head and holder.surname in r.text.lower() for r in e.roles)
            ):
                return self._result_for(e, None)
        return Result(f"{found.name}'s {words}", "person", words, found.name)
