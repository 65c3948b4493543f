"""Documents speak for their issuers: "a report by Politico", "a Reuters survey", "the study".

canonical-speakers.md rule 5: a poll, study, ad or statement is its issuer's words. The
issuer is the document's possessor, a proper noun before it, an agent after it ("by",
"from", "of"), the subject of a verb that issued it ("the institute published a study"), or
the issuer named with the same document before ("the study" after "a study by the
institute"). :meth:`DocumentRules._entity_of` finds whom a possessor or issuer token names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.extract.lexicon import words
from onrecord.extract.lexicon.descriptions import DOCUMENT_NOUNS, ISSUING_VERBS
from onrecord.extract.speakers.pronouns import PronounRules, pronoun_want
from onrecord.extract.speakers.state import Result
from onrecord.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Words for a part of something: "one of her ads" speaks as the ads would.
_PART_WORDS = words("one some several many each two three another")


class DocumentRules(PronounRules):
    """Issuers of documents, and the speaker a name or pronoun token stands for."""

    def _entity_of(self, token: Token) -> Result | None:
        """The speaker a name or a pronoun token stands for (a possessor, an issuer)."""
        if token.pos_ == "PRON":
            want = pronoun_want(token.lower_)
            if want is None:
                return None
            at = Span(token.idx, token.idx + len(token), token.text)
            best = self._antecedent(at, token, want)
            return self._result_for(best.entity, None) if best and best.entity else None
        np = self.doc[token.left_edge.i : token.i + 1]
        at = Span.of(self.index.text, np.start_char, np.end_char)
        if token.pos_ == "NOUN" and token.ent_type_ == "":
            found = self._description(np, at)  # "the newspaper's editorial"
            named = found.type == "organisation" and (found.name or "")[:1].isupper()
            return found if found.entity is not None or named else None
        if token.pos_ != "PROPN" and token.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP"):
            return None
        return self._named(np, at)

    def _issuer(self, root: Token) -> Result | None:
        """Who issued a document: "a report by Politico", "a Reuters survey", "the
        committee's statement", "a study from the institute" (canonical-speakers.md rule 5)."""
        joint = self._joint_poll(root)
        if joint is not None:
            return joint
        if root.dep_ == "dobj" and root.head.lemma_.lower() in ISSUING_VERBS:
            subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
            found = self._entity_of(subject) if subject is not None else None
            if found is not None:  # "The institute published a study": its study
                return found
        children = list(root.children)
        for acl in (c for c in root.children if c.dep_ == "acl"):
            children.extend(acl.children)  # "research conducted by the institute"
        for child in children:
            named_by = child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"
            if child.dep_ == "poss" or named_by:
                found = self._entity_of(child)
                if found is not None:
                    return found
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                    found = self._members(obj) or self._entity_of(obj)
                    if found is not None:
                        return found
        return None

    @staticmethod
    def _part_of(root: Token) -> Token | None:
        """The whole of "one of her ads", "some of the letters": the noun after "of"."""
        if root.lower_ not in _PART_WORDS:
            return None
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None

    def _joint_poll(self, root: Token) -> Result | None:
        """ "an Associated Press-GfK poll", "a New York Times/CBS News poll": a poll two
        issuers run together goes by its own name, as news and annotators cite it."""
        if root.lemma_.lower() not in ("poll", "survey"):
            return None
        before = self.doc[root.left_edge.i : root.i]
        words_ = [t for t in before if t.pos_ == "PROPN" or t.text in ("-", "/")]
        joined = any("-" in t.text or "/" in t.text for t in words_)
        names = [t for t in words_ if t.pos_ == "PROPN"]
        if not joined or len(names) < 2:
            return None
        first = words_[0]
        text = self.index.text[first.idx : root.idx + len(root.text)]
        return Result(" ".join(text.split()), "organisation")

    def _earlier_issuer(self, root: Token) -> Result | None:
        """ "The study" after "a study by the institute": the issuer named with it before."""
        lemma = root.lemma_.lower()
        for t in reversed(self.doc[max(0, root.i - 400) : root.i]):
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self._in_quote(t.idx):
                return self._issuer(t)
        return None
