"""Mentions that are, or contain, a name: "Peskov", "Mrs. Clinton", "Trump and Sanders".

A name resolves to the entity of :mod:`onrecord.extract.entities` whose mention it is (that
package clusters names, so surnames reach full names and namesakes stay apart); a name the
recogniser missed is looked up among the article's entities, or written out in full where
the text gives it ("Ava Marlow" for "Marlow"). Several names joined are several speakers
(canonical-speakers.md rule 8).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.extract.entities import Entity, Mention, find_by_name, is_title
from onrecord.extract.lexicon.people import FIRST_NAME_GENDER
from onrecord.extract.speakers.state import ResolverState, Result, strip_article
from onrecord.model import Span, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


class NameRules(ResolverState):
    """Names, and the :class:`Result` every rule gives for an entity (:meth:`_result_for`)."""

    def _several(self, span: SpacySpan) -> Result | None:
        """ "Trump and Sanders", "Carson, Fiorina and Huckabee": several named speakers, each
        resolved, joined as "Donald Trump and Bernie Sanders" (canonical-speakers.md rule 8)."""
        root = span.root
        heads = [root, *(c for c in root.conjuncts if span.start <= c.i < span.end)]
        if len(heads) < 2 or not all(h.pos_ == "PROPN" for h in heads):
            return None
        results = []
        for n, h in enumerate(heads):
            start = h.left_edge.i if n else span.start
            part = self.doc[start : h.i + 1]
            found = self._named(part, Span.of(self.index.text, part.start_char, part.end_char))
            if found is None or not found.name:
                return None
            results.append(found)
        names = [r.name for r in results if r.name]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        kind: SpeakerType = "person" if all(r.type == "person" for r in results) else "unknown"
        return Result(joined, kind)

    def _members(self, token: Token) -> Result | None:
        """ "a study by economists Lena Hart and Omar Baig", "groups like the Farmers Union
        and the Grain League": the named members of a coordination, all of them (rule 8)."""
        if not token.conjuncts:
            return None
        last = max(token.conjuncts, key=lambda t: t.i)
        return self._several(self.doc[token.left_edge.i : last.i + 1])

    def _result_for(self, entity: Entity, m: Mention | None) -> Result:
        self._fuller(entity)
        role = m.role if m and m.role else (entity.roles[0].text if entity.roles else None)
        aff = next((r.affiliation for r in entity.roles if r.text == role), None)
        return Result(entity.name, entity.type, role, aff or entity.affiliation, entity)

    def _named(self, span: SpacySpan, mention: Span) -> Result | None:
        """A mention that is, or contains, a name of an entity ("Peskov", "Mrs. Clinton")."""
        found = self._mentions_in(span.start_char, span.end_char)
        if not found:
            # "the chief delegate, presidential aide John Doe": the name is the apposition.
            for child in span.root.children:
                if child.dep_ == "appos":
                    found = self._mentions_in(child.left_edge.idx, child.idx + len(child))
                    if found:
                        break
        if not found and mention.text.isupper() and mention.text.replace(" ", "").isalpha():
            # a transcript label "WALLACE:" is the surname of someone the article names
            label = mention.text.split()[-1].title()
            entity = find_by_name(self.entities, label, mention.start)
            entity = entity or self._full_name_in_text(label)
            if entity is not None:
                return self._result_for(entity, None)
        # Only a name that heads the mention counts: in "Clinton's spokesman" or "Kremlin
        # spokesman" the name is a modifier and the speaker is whoever holds the role.
        heads = {span.root.i} | {c.i for c in span.root.children if c.dep_ == "appos"}
        for m, e in found:
            if m.head in heads:
                return self._result_for(e, m)
        root = span.root
        if root.pos_ != "PROPN" or not root.text[:1].isupper() or root.tag_ == "NNPS":
            return None
        if root.ent_type_ == "NORP" and sum(t.dep_ != "det" for t in span) > 1:
            return None  # "the Wisconsin Republican": a description of someone (an epithet)
        # NER missed this mention: look the name up among the article's entities, by first
        # and last name when it has both ("Ivanka Trump" is not the Trump named most)
        given = [t for t in span if t.pos_ == "PROPN" and t.i < root.i]
        if given:
            first = given[0].lower_
            for e in self.entities:
                if e.type == "person" and e.surname == root.lower_ and first in e.first_names:
                    return self._result_for(e, None)
        prev = self.doc[root.i - 1].lower_ if root.i else None
        sent = self.index.sent_of[root.i]
        entity = find_by_name(self.entities, root.text, mention.start, prev, sent)
        if entity is not None:
            return self._result_for(entity, None)
        if root.ent_type_ in ("GPE", "NORP", "ORG"):
            ent = next((e for e in self.doc.ents if e.start <= root.i < e.end), None)
            inside = range(ent.start, ent.end) if ent is not None else range(0)
            extra = [t for t in span if t.i not in inside and t.dep_ != "det"]
            if ent is not None and not (root.ent_type_ == "NORP" and extra):
                # (not "the Wisconsin Republican": a description of someone, see below)
                return Result(strip_article(ent.text), "organisation")
        full = self._full_name_in_text(root.text)
        if full is not None:
            return self._result_for(full, None)
        return None

    def _full_name_in_text(self, surname: str) -> Entity | None:
        """A person NER never tagged: "Ava Marlow" somewhere in the text for "Marlow"."""
        given = self._given_names(surname)
        if not given:
            return None
        name = " ".join([*given[0], surname])
        entity = Entity(name=name, type="person", aliases={name, surname})
        entity.first_names.add(given[0][0].lower())
        entity.gender = FIRST_NAME_GENDER.get(given[0][0].lower())
        self.entities.append(entity)
        return entity

    def _given_names(self, surname: str) -> list[list[str]]:
        """Given names written before ``surname`` anywhere in the text, first found first
        ("Ava" of "Ava Marlow", "Donald" of "The Donald Trump-led field")."""
        if len(surname) < 3 or not surname.isalpha():
            return []
        pattern = re.compile(r"\b((?:[A-Z][\w'’.-]* ){1,3})" + re.escape(surname) + r"\b")
        found: list[list[str]] = []
        for m in pattern.finditer(self.index.text):
            given = m.group(1).split()
            at = m.start()
            titled = [n for n, w in enumerate(given) if is_title(w)]
            if titled:  # "Party Chair Ana" -> "Ana", "Workers Secretary-Treasurer Gary"
                at += sum(len(w) + 1 for w in given[: titled[-1] + 1])
                given = given[titled[-1] + 1 :]
            while given and self.doc[self.index.token_at(at)].tag_ == "DT":
                at += len(given[0]) + 1  # "The Donald Trump-led field": "Donald Trump"
                given = given[1:]
            first = self.doc[self.index.token_at(at)]
            if not given or (first.tag_ != "NNP" and not titled):
                continue  # "Injecting Clinton's troubles": not a first name
            if given[0][:1].isupper() and len(given[0]) > 1:
                found.append(given)
        return found

    def _fuller(self, entity: Entity) -> None:
        """Give a one-word person the full name the text writes where NER missed it ("The
        Omar Haddad-led field" for "Mr. Haddad"), when only one given name goes with it."""
        if entity.type != "person" or " " in entity.name or entity.name in self.checked:
            return
        self.checked.add(entity.name)
        low = entity.name.lower()
        if any(e is not entity and e.surname == low for e in self.entities):
            return  # kept apart from a namesake on purpose ("Mr. Lopez" is not Maria Lopez)
        given = self._given_names(entity.name)
        if given and len({g[0].lower() for g in given}) == 1:
            entity.name = " ".join([*given[0], entity.name])
            entity.first_names.add(given[0][0].lower())
            entity.gender = entity.gender or FIRST_NAME_GENDER.get(given[0][0].lower())
