"""To whom and where a statement was made: "told journalists", "in a statement", "when asked".

Read from the parse around the cue (or the speaker's mention), outside the statement's own
words; the sentence before the content counts too when it is about the same speaker
(:func:`prev_names`: "During a press briefing, X was asked ... "quote," X said").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.extract.entities import DocIndex, Entity
from onrecord.extract.lexicon.descriptions import OCCASION_NOUNS, TELL_VERBS, TO_VERBS
from onrecord.model import Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from onrecord.extract.speakers.state import ResolverState


_OCCASION_PREPS = frozenset({"in", "on", "during", "at", "via", "through", "over"})


_ASKED_RE = re.compile(
    r"\b(?:when|while|after|as|before)\s+(?:being\s+|he\s+was\s+|she\s+was\s+)?asked\b[^.;\"“”«»\n]*",
    re.IGNORECASE,
)


def _outside(token: Token, pieces: tuple[tuple[int, int], ...]) -> bool:
    return not any(a <= token.idx < b for a, b in pieces)


def _phrase(tokens: list[Token], limit: int = 14) -> str | None:
    """The text of a phrase, relative clauses cut, at most ``limit`` tokens, punctuation trimmed."""
    words = tokens[:limit]
    while words and (words[-1].is_punct or words[-1].is_space):
        words = words[:-1]
    if not words:
        return None
    return words[0].doc[words[0].i : words[-1].i + 1].text


def _np(token: Token) -> list[Token]:
    drop: set[int] = set()
    for c in token.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > token.i:
            drop.update(range(c.left_edge.i, c.right_edge.i + 1))
    return [t for t in token.subtree if t.i not in drop]


def addressee_of(doc: Doc, index: DocIndex, st: Statement) -> str | None:
    """Who was spoken to: "told journalists", "said to reporters", "speaking to the media"."""
    if st.cue is None:
        return None
    pieces = st.pieces()
    cue = doc[index.token_at(st.cue.start) : index.token_at(max(st.cue.start, st.cue.end - 1)) + 1]
    root = cue.root
    # The cue verb, the verb it hangs on, and verbs hanging on it ("speaking to reporters").
    verbs = [root, *(c for c in root.children if c.pos_ == "VERB")]
    if root.head.pos_ == "VERB" and root.head.i != root.i:
        verbs.append(root.head)
    for verb in verbs:
        if not _outside(verb, pieces):
            continue
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if not _outside(child, pieces) or child.pos_ == "PRON":
                continue
            if lemma in TELL_VERBS and child.dep_ in ("dobj", "dative", "iobj"):
                return _phrase(_np(child), 8)
            if (
                lemma in TO_VERBS | {"tell"}
                and child.dep_ in ("prep", "dative")
                and (child.lower_ == "to")
            ):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ != "PRON":
                    return _phrase(_np(obj), 8)
    return None


def occasion_of(doc: Doc, index: DocIndex, st: Statement, prev_sentence: bool) -> str | None:
    """Where or how it was said: "in a statement", "on his Telegram channel", "when asked ...".

    Searched outside the statement's content in the sentence of the cue (or mention), then,
    when ``prev_sentence``, in the sentence before the content ("During a press briefing, X
    was asked ... "quote," X said").
    """
    anchor = st.cue or st.mention
    if anchor is None:
        return None
    pieces = st.pieces()
    sent_no = index.sent_of[index.token_at(anchor.start)]
    sents = [sent_no]
    if prev_sentence:
        first = index.sent_of[index.token_at(pieces[0][0])]
        if first - 1 >= 0 and first - 1 != sent_no:
            sents.append(first - 1)
    for n in sents:
        start = index.sent_starts[n]
        end = index.sent_starts[n + 1] if n + 1 < len(index.sent_starts) else len(doc)
        sent = doc[start:end]
        found = _occasion_in(sent, index.text, pieces)
        if found:
            return found
    return None


def _occasion_in(sent: SpacySpan, text: str, pieces: tuple[tuple[int, int], ...]) -> str | None:
    for m in _ASKED_RE.finditer(text, sent.start_char, sent.end_char):
        a = m.start()
        if not any(x <= a < y for x, y in pieces):
            b = m.end()
            for x, _ in pieces:  # stop where the content begins
                if a < x < b:
                    b = x
            return text[a:b].strip(" ,\u2014-")
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in _OCCASION_PREPS or not _outside(t, pieces):
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in OCCASION_NOUNS:
            continue
        words = [t, *(w for w in _np(obj))]
        words = [w for w in words if _outside(w, pieces)]
        return _phrase(sorted(words, key=lambda w: w.i))
    return None


def prev_names(resolver: ResolverState, entity: Entity, st: Statement) -> bool:
    """Whether the sentence before the content is about the same speaker, same paragraph."""
    index = resolver.index
    first = index.sent_of[index.token_at(st.pieces()[0][0])]
    if first == 0:
        return False
    prev = first - 1
    start_char = resolver.doc[index.sent_starts[prev]].idx
    if index.paragraph(start_char) != index.paragraph(st.pieces()[0][0]):
        return False
    return any(m.sent == prev and m.subject for m in entity.mentions)
