"""Turning parse pieces into the character spans a Statement stores.

The extractors think in tokens (a subject, a clause's subtree) but statements store character
offsets into the article text. These helpers do that conversion once, with the trimming
rules every extractor shares: a speaker mention stops before relative clauses and trailing
commas; statement content loses a leading "that" and trailing punctuation, because that is
how readers (and the evaluation data) delimit what was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from onrecord.model import Span

#: Dependents that end a speaker mention: "Peskov, who spoke on Monday" -> "Peskov".
_MENTION_STOPS = frozenset({"relcl", "acl", "advcl", "parataxis", "punct", "cc", "conj", "dep"})
_EDGE_PUNCT = frozenset(",;:—–-")
_QUOTE_MARKS = frozenset("\"'“”‘’«»„‹›")


def char_span(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Characters of tokens ``[start_tok, end_tok)``."""
    first, last = doc[start_tok], doc[end_tok - 1]
    return first.idx, last.idx + len(last.text)


def mention_of(subject: Token) -> Span:
    """The words naming a speaker: the subject's phrase without clauses hung on its right."""
    doc = subject.doc
    start = subject.left_edge.i
    end = subject.i + 1
    joined = {
        c.i
        for c in subject.rights
        if c.dep_ == "conj" and c.pos_ == subject.pos_ and c.pos_ in ("PROPN", "NOUN")
    }  # "Trump and Sanders said": both speak; "cc" and commas between them belong too
    for child in subject.rights:
        if joined and child.i <= max(joined) and child.dep_ in ("cc", "conj", "punct"):
            end = child.right_edge.i + 1
            continue
        if child.dep_ in _MENTION_STOPS and child.dep_ != "punct":
            break
        if child.dep_ == "punct":
            # a comma opens an apposition or a clause: keep a following name only
            continue
        end = child.right_edge.i + 1
    for i in range(start, end - 1):  # a dateline run into the sentence: "OSLO, May 2. X",
        if doc[i].text in (".", "/.", ":", "—", "–", "--") or "\n" in doc[i].text:
            start = i + 1  # "WASHINGTON (AP) — X"
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    a, b = char_span(doc, start, end)
    return Span(a, b, doc[start:end].text)  # doc.text would rebuild the whole text


def token_span(doc: Doc, tokens: Iterable[Token]) -> Span | None:
    """A span from first to last of ``tokens`` (None when empty)."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    a, b = char_span(doc, toks[0].i, toks[-1].i + 1)
    return Span(a, b, doc[toks[0].i : toks[-1].i + 1].text)


#: A wire dateline that the parser ran into the first sentence: "MOSCOW. March 21 (Interfax) -",
#: "WASHINGTON (Reuters) -", "MOSCOW, March 28. /TASS/." It ends in the outlet's mark.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?[.,]?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}[.,]?\s+)?"
    r"(?:\([A-Z][\w .&-]{1,30}\)\s*[-–—]+|/[A-Z][\w-]{1,15}/\.?)\s+"
)


def trim_content(text: str, start: int, end: int, *, drop_that: bool = True) -> tuple[int, int]:
    """Content bounds without outer spaces, a leading "that", or dangling edge punctuation.

    Quotation marks are kept when they pair up inside the span (a mixed quote's words), but a
    lone mark left at either end is dropped. A leading wire dateline is not what was said.
    """
    m = _DATELINE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    while True:
        before = (start, end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if drop_that and text[start : start + 5].lower() == "that " and start + 5 < end:
            start += 5
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        if end > start and text[end - 1] in ".!?" and not _ends_in_abbrev(text, start, end):
            end -= 1
        inner = text[start:end]
        if inner and inner[-1] in _QUOTE_MARKS and _count_marks(inner) % 2 == 1:
            end -= 1
        elif inner and inner[0] in _QUOTE_MARKS and _count_marks(inner) % 2 == 1:
            start += 1
        if (start, end) == before:
            return start, end


def _count_marks(text: str) -> int:
    return sum(1 for ch in text if ch in '"“”«»„')


def _ends_in_abbrev(text: str, start: int, end: int) -> bool:
    """``U.S.`` or ``Jr.``: a final period that belongs to the word."""
    word = text[start:end].rsplit(maxsplit=1)[-1]
    return word.count(".") > 1 or word in {"Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd."}
