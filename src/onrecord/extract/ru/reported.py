"""Reported speech: what a verb of saying reports, and the attribution phrases.

The constructions (each a small function below):

* ``X заявил(а/и), что ...`` and every verb of the lexicon in both aspects: the что-clause
  (the verb's ``ccomp``), or an object that carries one (``опровергла сообщения о том,
  что ...``); the content runs to the end of the sentence unless a second verb of saying
  takes over (``..., и добавил, что ...``);
* ``Об этом заявил X``: what "этом" points back to, the sentence before (unless that
  sentence attributes itself: then it is that statement, told again);
* ``Как заявил X, ...`` / ``..., как сообщает X``: the rest of the sentence;
* ``По словам X, ...`` / ``по мнению X`` (also ``..., по его словам``): the rest of the
  sentence, X in the genitive or a possessive pronoun;
* ``..., говорится в заявлении X`` / ``В сообщении X говорится, что ...``: the document's
  issuer speaks.

A verb of saying inside a quotation or a dash paragraph is speech quoted by the speaker, and a
participle or gerund (``Отвечая на вопрос``) is an occasion, not a statement.
"""

from __future__ import annotations

from collections.abc import Iterator

from onrecord.extract.ru.clauses import (
    Attribution,
    attribution,
    is_speech_verb,
    phrase,
    subject_of,
)
from onrecord.extract.ru.found import Found, Piece, reported_kind, trim
from onrecord.extract.ru.lexicon import (
    ACCORDING_NOUNS,
    DOCUMENT_NOUNS,
    QUESTION_VERBS,
    REPORTER_HEADS,
)
from onrecord.extract.ru.nlp import RuDoc, Sent
from onrecord.extract.ru.quotes import QUOTE_MARKS

_END = " \t,;:—–-.!?…"
_IMPERSONAL = frozenset(["говориться", "отмечаться", "подчеркиваться", "сообщаться", "указываться"])


def find_reported(doc: RuDoc, inside: list[Piece], body: int) -> list[Found]:
    """Reported statements in sentences from ``body`` on, leaving out cues ``inside`` the
    given pieces (quotations and direct speech)."""
    out: list[Found] = []
    for n, sent in enumerate(doc.sents):
        if sent.start < body:
            continue
        out.extend(_in_sentence(doc, n, sent, inside))
    return out


def _inside(at: int, pieces: list[Piece]) -> bool:
    return any(a <= at < b for a, b in pieces)


def _in_sentence(doc: RuDoc, n: int, sent: Sent, inside: list[Piece]) -> Iterator[Found]:
    for k in range(sent.first, sent.last):
        tok = doc.toks[k]
        if _inside(tok.start, inside):
            continue
        if tok.pos == "NOUN" and tok.lemma in ACCORDING_NOUNS:
            found = _according(doc, k, sent)
        elif tok.lemma in _IMPERSONAL:
            found = _document(doc, k, sent)
        elif is_speech_verb(tok) and tok.lemma not in QUESTION_VERBS:
            found = _verb(doc, n, k, sent)
        else:
            continue
        if found is not None:
            yield found


def _piece(doc: RuDoc, start: int, end: int) -> Piece | None:
    a, b = trim(doc.text, start, end, _END)
    if b - a < 3:
        return None
    if doc.text[a - 1 : a] in '«"„' and doc.text[b : b + 1] in '»"“':
        a, b = a - 1, b + 1  # a clause wholly in quotation marks keeps them (mixed)
    return a, b


def _found(
    doc: RuDoc, piece: Piece | None, attr: Attribution, cue: Piece, source: str
) -> Found | None:
    if piece is None or not attr.mention:
        return None
    if any(doc.toks[k].lemma in REPORTER_HEADS for k in attr.mention):
        return None  # the outlet's own correspondent reports: no one's statement
    pieces = (piece,)
    return Found(reported_kind(doc.text, pieces), pieces, attr, cue, source)


def _verb(doc: RuDoc, n: int, k: int, sent: Sent) -> Found | None:
    tok = doc.toks[k]
    cue = (tok.start, tok.end)
    how = _how_clause(doc, k, sent)
    if how is not None:
        attr = attribution(doc, k, how[0], how[1])
        return _found(doc, _rest(doc, sent, how), attr, (how[0], tok.end), "reported")
    back = _about_this(doc, k)
    if back:
        attr = attribution(doc, k, sent.start, sent.end)
        previous = _previous_sentence(doc, n)
        if previous is None:
            return None
        return _found(doc, _piece(doc, *previous), attr, cue, "about")
    clause = _complement(doc, k)
    if clause is None:
        return None
    start = clause[0]
    end = _clause_end(doc, k, clause, sent)
    attr = attribution(doc, k, sent.start, doc.toks[start].start)
    return _found(doc, _piece(doc, doc.toks[start].start, end), attr, cue, "reported")


def _complement(doc: RuDoc, verb: int) -> list[int] | None:
    """The tokens the verb reports: its что-clause, or an object carrying one."""
    kids = doc.kids(verb)
    for c in kids:
        if doc.toks[c].rel == "ccomp" and c > verb:
            words = [w for w in doc.subtree(c) if w > verb]
            while words and (
                (doc.toks[words[0]].pos == "PUNCT" and doc.toks[words[0]].text not in QUOTE_MARKS)
                or doc.toks[words[0]].lower in ("что", "чтобы")
            ):
                words = words[1:]
            return words or None
    that = _that_after(doc, verb)
    for c in kids:
        t = doc.toks[c]
        if t.rel in ("obj", "obl") and c > verb and (that is None or c < that):
            words = doc.subtree(c)
            marks = [w for w in words if doc.toks[w].lower == "что" and doc.toks[w].rel == "mark"]
            if not marks:
                continue
            if t.lower == "том":  # "заявил о том, что ...": the clause is the content
                rest = [w for w in words if w > marks[0]]
                return rest or None
            return [w for w in words if w >= c] or None
    if that is not None and that + 1 < len(doc.toks):
        # the parser hung the что-clause elsewhere ("пообещал, что A, и добавил, что B"):
        # the words after "что" are the content all the same
        return [that + 1]
    return None


def _that_after(doc: RuDoc, verb: int) -> int | None:
    """The "что" of ", что" right after the verb (an addressee may come between:
    "сообщил ТПА, что"), or None."""
    sent = doc.toks[verb].sent
    for k in range(verb + 1, min(verb + 6, len(doc.toks) - 1)):
        t = doc.toks[k]
        if t.sent != sent or t.pos in ("VERB", "AUX"):
            return None
        if t.text == "," and doc.toks[k + 1].lower in ("что", "чтобы"):
            return k + 1
    return None


def _clause_end(doc: RuDoc, verb: int, clause: list[int], sent: Sent) -> int:
    """The content runs to the sentence's end, unless another verb of saying outside the
    clause takes over ("..., и добавил, что ...", "..., а Дрозд уточнил, что ..."): then it
    ends before that verb, its subject and the comma or conjunction in front of them. A verb
    of saying inside the clause is speech the speaker reports, and stays in."""
    members = set(clause)
    for k in range(clause[0] + 1, sent.last):
        if k in members or k == verb or not is_speech_verb(doc.toks[k], True):
            continue
        first = k
        subject = subject_of(doc, k)
        if subject is not None and clause[0] < subject < k:
            first = min(first, *(phrase(doc, subject) or [subject]))
        while first - 1 > clause[0] and doc.toks[first - 1].pos in ("PUNCT", "CCONJ"):
            first -= 1
        return doc.toks[first].start
    return sent.end


def _how_clause(doc: RuDoc, verb: int, sent: Sent) -> tuple[int, int] | None:
    """``Как заявил X`` as a clause of its own: its characters, from "как" to the comma."""
    kids = doc.kids(verb)
    mark = next((c for c in kids if doc.toks[c].lower == "как" and c < verb), None)
    if mark is None:
        return None
    words = [w for w in doc.subtree(verb) if w >= mark]
    end = doc.toks[words[-1]].end
    for w in words:
        if doc.toks[w].text == "," and w > verb:
            end = doc.toks[w].start
            break
    return doc.toks[mark].start, end


def _rest(doc: RuDoc, sent: Sent, clause: tuple[int, int]) -> Piece | None:
    """The sentence without an attribution clause: after it, or before it at the end."""
    lo, hi = clause
    after = _piece(doc, hi, sent.end)
    if after is not None and lo - sent.start <= 3:
        return after
    return _piece(doc, sent.start, lo)


def _about_this(doc: RuDoc, verb: int) -> bool:
    """``Об этом заявил X``: the verb reports "this", the sentence before."""
    for c in doc.kids(verb):
        t = doc.toks[c]
        if t.lower == "этом" and any(doc.toks[g].lower in ("об", "о") for g in doc.kids(c)):
            return True
    return False


def _previous_sentence(doc: RuDoc, n: int) -> Piece | None:
    if n == 0:
        return None
    prev = doc.sents[n - 1]
    return prev.start, prev.end


def _according(doc: RuDoc, noun: int, sent: Sent) -> Found | None:
    """``По словам X, ...``, ``по мнению X``, ``по его словам``."""
    kids = doc.kids(noun)
    prep = next((c for c in kids if doc.toks[c].lower == "по" and c < noun), None)
    if prep is None:
        return None
    who = next(
        (c for c in kids if c > noun and doc.toks[c].rel in ("nmod", "appos")), None
    ) or next((c for c in kids if prep < c < noun and doc.toks[c].rel in ("det", "nmod")), None)
    if who is None:
        return None
    mention = tuple(phrase(doc, who, doc.toks[prep].start, sent.end)) if who > noun else (who,)
    last = max(noun, mention[-1] if mention else noun)
    clause = (doc.toks[prep].start, doc.toks[last].end)
    attr = Attribution(cue=(prep, noun), mention=mention)
    cue = (doc.toks[prep].start, doc.toks[noun].end)
    return _found(doc, _rest(doc, sent, clause), attr, cue, "according")


def _document(doc: RuDoc, verb: int, sent: Sent) -> Found | None:
    """``..., говорится в заявлении МИД`` / ``В сообщении X говорится, что ...``."""
    paper = next(
        (
            c
            for c in doc.kids(verb)
            if doc.toks[c].rel == "obl" and doc.toks[c].lemma in DOCUMENT_NOUNS
        ),
        None,
    )
    if paper is None:
        return None
    issuer = next((c for c in doc.kids(paper) if doc.toks[c].rel in ("nmod", "appos")), None)
    mention = tuple(phrase(doc, issuer if issuer is not None else paper))
    attr = Attribution(cue=(verb,), mention=mention, verb=None)
    cue = (doc.toks[verb].start, doc.toks[verb].end)
    clause = _complement(doc, verb)
    if clause is not None:
        piece = _piece(doc, doc.toks[clause[0]].start, _clause_end(doc, verb, clause, sent))
        return _found(doc, piece, attr, cue, "reported")
    words = doc.subtree(verb)
    span = (doc.toks[words[0]].start, doc.toks[words[-1]].end)
    return _found(doc, _rest(doc, sent, span), attr, cue, "reported")
