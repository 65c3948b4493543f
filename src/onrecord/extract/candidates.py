"""Candidate attributions from the dependency parse: a verb, its message, its subject.

Every verb outside quotation marks that has something that could be a message becomes a
candidate; the rules here only decide *where* the message would be, and the model in
attribution_model.py decides *whether* the verb really attributes it. Three shapes:

* ``ccomp``: "Peskov said (that) the talks stalled" / "The talks stalled, Peskov said"
  (the parser gives "said" a clausal complement, before or after it);
* ``head``: "The museum, Mr. Obama said, would ..." (the parser hangs "said" off the main
  clause as ``parataxis``): the message is the main clause around the verb, as fragments;
* ``object``: "described as important the very instance ...", "called for an inquiry",
  "vowed to fight": the words right of the verb, up to a comma-led afterthought.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Doc, Token

from onrecord.extract.context import Context
from onrecord.extract.lexicon.speech import ASK_VERBS, SPEECH_NOUNS, SPEECH_VERBS

_SUBJECTS = ("nsubj", "nsubjpass")
#: Children right of a verb that carry its message in the ``object`` shape.
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep", "oprd", "dative", "attr", "acomp", "prt"})
#: Children that end the ``object`` message ("..., saying ...", "and ...").
_STOP_DEPS = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "mark"})
_HEAD_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp"})
_SKIP_LEMMAS = frozenset({"be", "have", "do", "get"})
#: Verbs that lend their subject to a cue chained after them in the sentence.
_CHAIN_CUES = SPEECH_VERBS | frozenset({"support", "oppose", "back"})
#: Verbs whose object noun carries the speech ("made the suggestion that", "made a point of
#: saying"): the speaker is the light verb's subject.
_LIGHT_VERBS = frozenset({"make", "issue", "offer", "give", "raise", "voice", "repeat", "take"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible attribution: ``pieces`` are token bounds ``[a, b)`` of the message."""

    verb: Token
    shape: str  # "ccomp" | "head" | "object"
    pieces: tuple[tuple[int, int], ...]
    subject: Token | None
    cue_end: int  # token index after the cue words ("called for" -> after "for")


def candidates(ctx: Context, keep: Callable[[Token], bool] | None = None) -> Iterator[Candidate]:
    """Candidates for every verb (and speech noun) outside quotation marks.

    ``keep`` filters tokens before any shape is computed (the speech scope skips most verbs).
    """
    doc = ctx.doc
    pos = doc.to_array(POS) if len(doc) else numpy.zeros(0, dtype="uint64")
    # only nouns and verbs can be candidates: skip the other tokens before making Token objects
    for i in numpy.nonzero((pos == VERB) | (pos == NOUN))[0].tolist():
        tok = doc[i]
        if ctx.in_quote(tok) or (keep is not None and not keep(tok)):
            continue
        if tok.pos_ == "NOUN":
            found = _noun_shape(tok)
        elif tok.pos_ != "VERB" or tok.lemma_.lower() in _SKIP_LEMMAS:
            continue
        else:
            found = _shape(ctx, tok)
        if found is None:
            continue
        shape, pieces = found
        pieces = tuple((a, b) for a, b in pieces if b > a)
        if not pieces:
            continue
        yield Candidate(tok, shape, pieces, speaker_subject(tok), _cue_end(tok, pieces))


def _shape(ctx: Context, verb: Token) -> tuple[str, list[tuple[int, int]]] | None:
    comps = [c for c in verb.children if c.dep_ == "ccomp" and not asked_aside(c)]
    if comps:
        comp = comps[0]
        return "ccomp", [(comp.left_edge.i, comp.right_edge.i + 1)]
    head = verb.head
    if (
        verb.dep_ in _HEAD_DEPS
        and head is not verb
        and verb.tag_ != "VBG"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not _has_object(verb)
        and verb.left_edge.i > head.left_edge.i
    ):
        # "The talks stalled, Peskov said" / "The museum, Mr. Obama said, would ..."
        a, b = head.left_edge.i, head.right_edge.i + 1
        va, vb = verb.left_edge.i, verb.right_edge.i + 1
        return "head", [(a, va), (vb, b)] if vb < b else [(a, va)]
    if verb.lower_ == "according":
        return None  # reported.py handles "according to X" with its own rule
    rights = []
    for child in verb.rights:
        if child.dep_ in _STOP_DEPS:
            break
        if child.dep_ in _OBJECT_DEPS:
            rights.append(child)
    rights = [c for c in rights if c.dep_ != "prt"]
    if not rights:
        return None
    a, b = rights[0].left_edge.i, rights[-1].right_edge.i + 1
    first = rights[0]
    if (first.dep_ == "prep" and first.i == verb.i + 1) or (first.dep_ == "prep" and first.i == a):
        a = first.i + 1  # "called for X": "for" belongs to the cue
    elif first.dep_ == "oprd" and first.i == a and first.lower_ == "as":
        a += 1
    return "object", [(a, _cut_afterthought(verb.doc, a, b))]


def _cut_afterthought(doc: Doc, a: int, b: int) -> int:
    """End the object message before a dash aside or a comma-led participle clause."""
    for i in range(a + 1, b):
        tok = doc[i]
        if tok.text in ("--", "—", "–", "(", ";"):
            return i
        if tok.text == "," and i + 1 < b and doc[i + 1].tag_ in ("VBG", "WDT", "WP"):
            return i
    return b


def _noun_shape(noun: Token) -> tuple[str, list[tuple[int, int]]] | None:
    """ "Trump's claim that X" / "the warning that X": a speech noun with a that-clause."""
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return "noun", [(child.left_edge.i, child.right_edge.i + 1)]
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > verb.i for c in verb.children)


def _cue_end(verb: Token, pieces: tuple[tuple[int, int], ...]) -> int:
    """The cue's end: the verb plus a particle or preposition right after it ("called for")."""
    end = verb.i + 1
    for child in verb.rights:
        # a particle ("pointed out") or a preposition the message follows ("called for X"),
        # not an adjunct ("said on Friday that ...")
        if child.i == end and (
            (child.dep_ == "prt" and end < pieces[0][0] + 1)
            or (child.dep_ == "prep" and pieces[0][0] == child.i + 1)
        ):
            end = child.i + 1
            break
    return end


def asked_aside(tok: Token) -> bool:
    """ "Holm, asked about the budget, said ...": the parser makes the participle "asked" a
    clause of "said" with Holm as its subject; it is the occasion, not the message."""
    if tok.lemma_.lower() not in ASK_VERBS or tok.tag_ not in ("VBD", "VBN"):
        return False
    doc = tok.doc
    end = tok.right_edge.i + 1
    return (
        tok.i > 0
        and doc[tok.i - 1].text == ","
        and tok.i < tok.head.i
        and end < len(doc)
        and doc[end].text == ","
    )


def speaker_subject(verb: Token) -> Token | None:
    """The speaker of a cue: see :func:`_subject_of`; a noun's owner ("Trump's claim")."""
    if verb.pos_ == "NOUN":
        owner = next((c for c in verb.children if c.dep_ == "poss"), None)
        if owner is None and verb.dep_ == "dobj" and verb.head.lemma_.lower() in _LIGHT_VERBS:
            return _subject_of(verb.head)  # "she made the suggestion that ...": hers
        return owner
    return _subject_of(verb)


def nearby_speaker(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """The speaker of a cue whose parse gives no usable subject, read off the words around
    it (the parser often hangs a cue after a quotation on a verb inside the quotation).

    * a speech verb just before it in the sentence lends its subject: `"...," he said,
      adding that ...`, `X supports A, opposes B and recalled C: "..."`;
    * else the noun right before it is its subject: "..., the Democratic candidate stated".
    """
    doc = verb.doc
    sent_start = verb.sent.start
    for i in range(verb.i - 1, max(sent_start, verb.i - 30) - 1, -1):
        tok = doc[i]
        if in_quote(tok):
            continue  # (quoted words between: 'X supports "A," opposes "B" and recalled')
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _CHAIN_CUES:
            subject = _subject_of(tok)
            if subject is not None and not in_quote(subject):
                return subject
    i = verb.i - 1
    while i >= sent_start and (doc[i].tag_ in ("RB", "MD") or doc[i].dep_ in ("aux", "neg")):
        i -= 1  # "X also stated", "X would not say"
    tok = doc[i] if i >= sent_start else None
    if (
        tok is not None
        and not in_quote(tok)
        and tok.pos_ in ("NOUN", "PROPN", "PRON")
        and tok.dep_ not in ("pobj", "dobj", "poss")
    ):
        return tok.head if tok.dep_ == "compound" else tok
    return None


def _subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or that of the verb it is chained to.

    "X said A and added B" / "X told USA Today, adding ..." / "X wants to say": the chained
    verb has no subject of its own, so it inherits its head's; so does a verb after a
    preposition ("after blasting A, X said"), and a participle on a noun ("groups backing
    X") belongs to that noun.
    """
    tok: Token = verb
    for _ in range(4):
        # the subject nearest the verb first: "WASHINGTON (AP) — Lopez pledged" has two
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in _SUBJECTS:
                if child.lower_ in ("there",) or (child.dep_ == "nsubjpass" and tok is verb):
                    return None  # "it was reported that": no speaker given
                return child  # (a passive verb lends its subject: "X was angered and said")
            if child.dep_ == "ccomp" and asked_aside(child):
                # "Holm, asked about it, said ...": the subject the parser gave "asked"
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "super PACs backing Cruz", "a group calling for ..."
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head is not tok:
            tok = tok.head.head  # "after blasting X, Beck doubled down": the main subject
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head is not tok:
            tok = tok.head  # (also "X was quick to add", "X is likely to say": the copula's)
            continue
        if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in _LIGHT_VERBS:
            tok = tok.head  # "X made a point of saying ...": the light verb's subject
            continue
        return None
    return None
