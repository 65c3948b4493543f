"""Reading an attribution clause from the parse: the cue verb, its subject, the speaker's words.

Shared by the finders (direct.py, reported.py, headline.py): they decide *where* an
attribution is; this module reads *who* and *by which verb* from natasha's dependency parse.
Agreement is checked, because the parser sometimes makes an outlet in the dative the
subject ("сообщил «Нордфаксу»") or a genitive place the subject of a plural impersonal verb
("сообщили ТПА в пресс-службе МИД Вальдории"): a subject must be in the nominative and agree
with the verb in number.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.extract.ru.lexicon import (
    OCCASION_NOUNS,
    ORG_HEADS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)
from onrecord.extract.ru.nlp import RuDoc, Tok

_SUBJECT_RELS = ("nsubj", "nsubj:pass")
_NON_FINITE = ("Conv", "Part", "Inf")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it and by which verb: token indices into the parse (mention may be empty)."""

    cue: tuple[int, ...]
    mention: tuple[int, ...]
    verb: int | None = None
    occasion: str | None = None
    addressee: str | None = None


def is_speech_verb(tok: Tok, quote_only: bool = False) -> bool:
    """A finite verb of saying (``quote_only``: also those that only attribute quotations)."""
    if tok.pos not in ("VERB", "AUX") or tok.feats.get("VerbForm") in _NON_FINITE:
        return False
    lem = tok.lemma
    return lem in SPEECH_VERBS or (quote_only and lem in QUOTE_ONLY_VERBS)


def agrees(subject: Tok, verb: Tok) -> bool:
    """Whether ``subject`` can be the subject of ``verb`` (case and number)."""
    case = subject.feats.get("Case")
    if case and case != "Nom" and subject.pos != "PRON":
        return False
    vn, sn = verb.feats.get("Number"), subject.feats.get("Number")
    return not (vn and sn and vn != sn)


def subject_of(doc: RuDoc, verb: int) -> int | None:
    """The verb's subject (its own, or for a verb in coordination, the first verb's)."""
    v = doc.toks[verb]
    found = [k for k in doc.kids(verb) if doc.toks[k].rel in _SUBJECT_RELS]
    good = [k for k in found if agrees(doc.toks[k], v)]
    if good:
        before = [k for k in good if k < verb]
        return before[-1] if before else good[0]
    if v.rel == "conj" and v.head >= 0 and is_speech_verb(doc.toks[v.head], True):
        return subject_of(doc, v.head)
    return None


def impersonal_source(doc: RuDoc, verb: int) -> int | None:
    """For "сообщили в пресс-службе X" (plural verb, no subject): the organisation noun."""
    for k in doc.kids(verb):
        t = doc.toks[k]
        if t.rel == "obl" and t.lemma in ORG_HEADS and any(
            doc.toks[c].lower in ("в", "во") for c in doc.kids(k)
        ):
            return k
    return None


def phrase(doc: RuDoc, head: int, lo: int = 0, hi: int | None = None) -> list[int]:
    """The contiguous words of ``head``'s subtree around it, inside characters ``[lo, hi)``,
    without prepositions in front and punctuation at either end."""
    hi = len(doc.text) if hi is None else hi
    sub = [k for k in doc.subtree(head) if lo <= doc.toks[k].start and doc.toks[k].end <= hi]
    if head not in sub:
        return []
    run = [head]
    members = set(sub)
    k = head - 1
    while k in members:
        run.insert(0, k)
        k -= 1
    k = head + 1
    while k in members:
        run.append(k)
        k += 1
    while run and (doc.toks[run[0]].pos in ("PUNCT", "ADP", "CCONJ") and run[0] != head):
        run.pop(0)
    while run and doc.toks[run[-1]].pos == "PUNCT" and run[-1] != head:
        run.pop()
    # "в пресс-службе МИД Вальдории": the parser may hang the last name elsewhere; a proper
    # noun right after the phrase's noun still belongs to it
    k = run[-1] + 1 if run else len(doc.toks)
    while (
        k < len(doc.toks)
        and doc.toks[k].pos == "PROPN"
        and doc.toks[k].end <= hi
        and doc.toks[k].sent == doc.toks[head].sent
        and doc.toks[run[-1]].pos in ("NOUN", "PROPN")
    ):
        run.append(k)
        k += 1
    return run


def occasion_of(doc: RuDoc, verb: int) -> str | None:
    """Where it was said: "в интервью «Вестнику Тиренны»", "в своем Telegram-канале"."""
    for k in doc.kids(verb):
        t = doc.toks[k]
        if t.rel in ("obl", "nmod") and t.lower in OCCASION_NOUNS:
            words = doc.subtree(k)
            return doc.text[doc.toks[words[0]].start : doc.toks[words[-1]].end].strip(" ,")
        if t.rel in ("obl", "nmod") and t.lemma in OCCASION_NOUNS:
            words = doc.subtree(k)
            return doc.text[doc.toks[words[0]].start : doc.toks[words[-1]].end].strip(" ,")
    return None


def addressee_of(doc: RuDoc, verb: int) -> str | None:
    """Whom it was said to: a dative object ("журналистам")."""
    for k in doc.kids(verb):
        t = doc.toks[k]
        if t.rel == "iobj" and t.feats.get("Case") == "Dat" and t.pos in ("NOUN", "PROPN"):
            words = phrase(doc, k)
            if words:
                return doc.text[doc.toks[words[0]].start : doc.toks[words[-1]].end]
    return None


def attribution(doc: RuDoc, verb: int, lo: int = 0, hi: int | None = None) -> Attribution:
    """The attribution a cue verb makes: the verb, and its subject's words in ``[lo, hi)``."""
    subject = subject_of(doc, verb)
    v = doc.toks[verb]
    if subject is not None and v.feats.get("Number") == "Plur" and not v.feats.get("Gender"):
        source = impersonal_source(doc, verb)
        if source is not None and doc.toks[subject].pos == "PROPN":
            subject = source
    if subject is None:
        subject = impersonal_source(doc, verb)
    mention = tuple(phrase(doc, subject, lo, hi)) if subject is not None else ()
    return Attribution(
        cue=(verb,),
        mention=mention,
        verb=verb,
        occasion=occasion_of(doc, verb),
        addressee=addressee_of(doc, verb),
    )


def first_cue(doc: RuDoc, start: int, end: int, quote_only: bool = True) -> int | None:
    """The first verb of saying in characters ``[start, end)``."""
    for t in doc.tokens_in(start, end):
        if is_speech_verb(t, quote_only):
            return t.i
    return None


def last_cue(doc: RuDoc, start: int, end: int) -> int | None:
    """The last verb of saying in characters ``[start, end)``."""
    found = None
    for t in doc.tokens_in(start, end):
        if is_speech_verb(t, True):
            found = t.i
    return found


def span_of(doc: RuDoc, toks: tuple[int, ...] | list[int]) -> tuple[int, int] | None:
    if not toks:
        return None
    return doc.toks[toks[0]].start, doc.toks[toks[-1]].end
