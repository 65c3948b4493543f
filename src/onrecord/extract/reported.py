"""Reported speech from the dependency parse: "X said (that) ...", "..., X said", "according to X".

A cue verb (cues.py, words in lexicon/speech.py) outside any quotation heads the
attribution. Its clausal complement (``ccomp``) is what was said; for verbs that take their
message as an object ("described ... as ...", "announced ...", "called for ...") the words
right of the verb are. When the parser hangs a sentence-final "X said" off the main clause
(``parataxis``), the main clause is the content. The speaker is the verb's subject,
inherited through "and added" / ", adding" / "was quoted as saying". Statements whose
content contains quotation marks are ``mixed``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Token

from onrecord.extract.attribution_model import probability, stance_threshold, threshold
from onrecord.extract.candidates import Candidate, candidates, nearby_speaker
from onrecord.extract.context import Context
from onrecord.extract.lexicon.speech import (
    ASK_VERBS,
    BELIEF_VERBS,
    MEDIUM_NOUNS,
    REFUSAL_VERBS,
    SILENCE_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from onrecord.extract.spans import char_span, mention_of, trim_content
from onrecord.model import Span, Speaker, Statement

#: "when asked", "after being told": a cue in an occasion clause, not a statement.
_OCCASION_WORDS = frozenset({"when", "after", "before", "while", "if", "as", "once"})


def find_reported(ctx: Context) -> Iterator[Statement]:
    """Every reported-speech statement whose cue lies outside quotation marks."""
    doc = ctx.doc
    lowers = doc.to_array(LOWER) if len(doc) else numpy.zeros(0, dtype="uint64")
    for i in numpy.nonzero(lowers == doc.vocab.strings.add("according"))[0].tolist():
        tok = doc[i]
        if not ctx.in_quote(tok):
            found = _according_to(ctx, tok)
            if found is not None:
                yield found
    for cand in candidates(ctx, keep=lambda tok: in_scope(tok, ctx.scope)):
        p = probability(cand)
        act = act_of(cand.verb)
        if p < cut_for(cand.verb, act, ctx.scope):
            continue
        found = _from_candidate(ctx, cand, p, act)
        if found is not None:
            yield found


def in_scope(verb: Token, scope: str) -> bool:
    """Which tokens may head a reported statement (the model then decides each use).

    speech: verbs of saying/writing in the active voice and speech nouns; stance: any verb
    in the active voice, except refusals to speak; all: every candidate. "Peskov was asked
    about ..." / "when asked whether ..." name the person spoken *to*, so a passive cue is
    no statement of its subject.
    """
    if scope == "all":
        return True
    if verb.pos_ == "NOUN":
        return verb.lemma_.lower() in SPEECH_NOUNS
    if verb.pos_ != "VERB" or spoken_to(verb) or refuses_to_speak(verb):
        return False
    return scope != "speech" or verb.lemma_.lower() in SPEECH_VERBS


def cut_for(verb: Token, act: str, scope: str) -> float:
    """The probability a candidate needs: verbs of saying and the listed belief and intention
    verbs ("believes", "wants") the tuned threshold; in the stance scope any other verb
    ("launched", "sees") a higher one, since most such uses are actions, not views."""
    if act == "speech" or scope != "stance" or verb.lemma_.lower() in BELIEF_VERBS:
        return threshold()
    return stance_threshold()


def act_of(cue: Token) -> str:
    """ "speech" for a verb or noun of saying/writing, else "stance" (believes, wants, shows)."""
    if cue.pos_ == "NOUN" or cue.lemma_.lower() in SPEECH_VERBS:
        return "speech"
    return "stance"


def refuses_to_speak(verb: Token) -> bool:
    """ "declined to comment", "preferred to keep quiet", "refused to give details": neither
    the refusal nor the verb refused ("comment on the budget") is a statement."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_VERBS:
        return verb.lemma_.lower() in SILENCE_VERBS
    if verb.lemma_.lower() not in REFUSAL_VERBS:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in SILENCE_VERBS for c in verb.children)


def spoken_to(verb: Token) -> bool:
    """ "Peskov was asked ...", "when asked whether ...": the subject is the one addressed.

    "It was reported that ..." keeps its statement (with no speaker): an expletive "it" is
    nobody being spoken to.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in subjects):
        return True
    if verb.lemma_.lower() in ASK_VERBS and _question_put(verb, subjects):
        return True
    if subjects:
        return False
    occasion = any(
        c.lower_ in _OCCASION_WORDS for c in verb.children if c.dep_ in ("advmod", "mark")
    )
    # "Speaking about the talks, Peskov said ...": a leading participle names the topic
    leading = verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i
    return occasion or leading or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"))


def _question_put(verb: Token, subjects: list[Token]) -> bool:
    """ "Asked what ..., Holm said" (the parser makes "Asked" a past tense without a subject)
    and "Holm, asked about ..., said" (it makes Holm the subject of "asked"): participles
    that put a question to the one who then answers. "Reporters asked Holm whether ...",
    "..., asking Holm why ..." and "to ask voters" are the asker's own words."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ in ("ROOT", "conj", "xcomp"):
        return False
    if not subjects:
        return verb.dep_ in ("advcl", "acl") or verb.tag_ == "VBN"
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    return before is not None and before.text == "," and subjects[0].i < verb.i


def _from_candidate(ctx: Context, cand: Candidate, p: float, act: str) -> Statement | None:
    doc = ctx.doc
    verb = cand.verb
    cue_a, cue_b = char_span(doc, verb.i, cand.cue_end)
    pieces = [char_span(doc, a, b) for a, b in cand.pieces]
    subject = cand.subject
    if verb.pos_ == "VERB" and (subject is None or ctx.in_quote(subject)):
        subject = nearby_speaker(verb, ctx.in_quote) or subject
    return _statement(
        ctx,
        pieces,
        Span.of(ctx.text, cue_a, cue_b),
        subject,
        addressee=_addressee(verb),
        occasion=_occasion(verb),
        confidence=round(p, 3),
        act=act,
    )


def _according_to(ctx: Context, according: Token) -> Statement | None:
    """ "According to X, Y" / "Y, according to X": X is the source, the clause is the content."""
    doc = ctx.doc
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None and according.i + 1 < len(doc) and doc[according.i + 1].lower_ == "to":
        to = doc[according.i + 1]
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    skip_a, skip_b = according.i, max(according.right_edge.i, to.right_edge.i) + 1
    sent = according.sent
    head = according.head
    clause = head if head.pos_ in ("VERB", "AUX") and head is not according else None
    if clause is not None and clause.left_edge.i <= according.i <= clause.right_edge.i:
        a, b = clause.left_edge.i, clause.right_edge.i + 1
    else:
        a, b = sent.start, sent.end  # verbless: "According to X, pretty much the same."
    if skip_a <= a:
        a = skip_b
    elif skip_b >= b:
        b = skip_a
    elif skip_a - a < b - skip_b:
        a = skip_b  # "According to X, Y": the words after the source
    else:
        b = skip_a  # "Y, according to X"
    if b <= a:
        return None
    cue_a, cue_b = char_span(ctx.doc, according.i, to.i + 1)
    return _statement(ctx, [char_span(ctx.doc, a, b)], Span.of(ctx.text, cue_a, cue_b), source)


def _addressee(verb: Token) -> str | None:
    """Who was told: "told journalists" -> "journalists"."""
    if verb.lemma_.lower() not in ("tell", "inform", "assure", "brief", "write"):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1].text
    return None


def _occasion(verb: Token) -> str | None:
    """The medium or occasion: "in a statement", "on his Telegram channel", "in an interview"."""
    for child in verb.children:
        if child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in MEDIUM_NOUNS:
                return verb.doc[child.i : child.right_edge.i + 1].text
    return None


def _statement(
    ctx: Context,
    pieces: list[tuple[int, int]],
    cue: Span,
    subject: Token | None,
    *,
    addressee: str | None = None,
    occasion: str | None = None,
    confidence: float | None = None,
    act: str = "speech",
) -> Statement | None:
    """Build a statement from character pieces; None when nothing is left after trimming."""
    text = ctx.text
    trimmed = []
    for a, b in pieces:
        if a <= cue.start < b:  # an odd parse put the cue inside: keep the larger side
            a, b = (a, cue.start) if cue.start - a >= b - cue.end else (cue.end, b)
        a, b = trim_content(text, a, b)
        if b - a >= 2:
            trimmed.append((a, b))
    if not trimmed:
        return None
    content = Span.of(text, trimmed[0][0], trimmed[-1][1])
    kind = "mixed" if any(ch in content.text for ch in '"“”«»„') else "indirect"
    mention = mention_of(subject) if subject is not None else None
    return Statement(
        kind=kind,
        content=content,
        fragments=tuple(trimmed) if len(trimmed) > 1 else (),
        speaker=Speaker(name=None, mention=mention) if mention else None,
        cue=cue,
        addressee=addressee,
        occasion=occasion,
        confidence=confidence,
        source="reported",
        act=act,
    )
