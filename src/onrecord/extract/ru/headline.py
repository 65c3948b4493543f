"""Headline attributions: ``Переговоры продвинулись — Лесницкий`` and ``Дрозд: в Портвейле ...``.

Russian agencies attribute a headline by a trailing dash and the speaker's surname (TASS, RIA)
or by the speaker and a colon in front (Interfax, most papers). The speaker part is short (a
name, an organisation or a role, at most five words) and has no verb; anything longer is a
headline that happens to hold a dash or a colon. Only headline and subheadline lines are read.
"""

from __future__ import annotations

import re

from onrecord.extract.ru.clauses import Attribution
from onrecord.extract.ru.found import Found, reported_kind, trim
from onrecord.extract.ru.nlp import RuDoc

_TRAILING = re.compile(r"^(?P<content>.{8,}?)[ \t]+[—–-]{1,2}[ \t]+(?P<who>[^—–\n]{2,60}?)[ \t.]*$")
_LEADING = re.compile(r"^(?P<who>[^:«»\"„\n]{2,60}?):[ \t]+(?P<content>.{8,})$")
_MAX_WORDS = 5


def find_headline(doc: RuDoc, heads: tuple[tuple[int, int], ...]) -> list[Found]:
    """Statements attributed in the headline lines ``heads`` (character ranges)."""
    out: list[Found] = []
    for start, end in heads:
        line = doc.text[start:end]
        for pattern in (_TRAILING, _LEADING):
            m = pattern.match(line)
            if m is None:
                continue
            who = (start + m.start("who"), start + m.end("who"))
            mention = _speaker_words(doc, *who)
            if mention is None:
                continue
            piece = trim(doc.text, start + m.start("content"), start + m.end("content"))
            attr = Attribution(cue=(), mention=mention)
            out.append(Found(reported_kind(doc.text, (piece,)), (piece,), attr, None, "headline"))
            break
    return out


def _speaker_words(doc: RuDoc, start: int, end: int) -> tuple[int, ...] | None:
    """The tokens of a headline's speaker part, if it can be one: a few words, starting with
    a capital letter, without a verb."""
    toks = [t for t in doc.tokens_in(start, end) if t.pos != "PUNCT"]
    if not toks or len(toks) > _MAX_WORDS or not toks[0].text[:1].isupper():
        return None
    if any(t.pos in ("VERB", "AUX") for t in toks):
        return None
    if not any(t.pos in ("NOUN", "PROPN") for t in toks):
        return None
    return tuple(t.i for t in toks)
