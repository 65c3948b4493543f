"""Per-token facts of one parse, computed once per article: sentences, paragraphs, subjects.

Speaker resolution asks "which sentence is this offset in?" and "which token starts here?"
thousands of times per article; :class:`DocIndex` answers from arrays built in one vectorised
pass instead of walking spaCy's objects each time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


_MAIN_HEAD_DEPS = frozenset({"ROOT", "conj", "parataxis"})


@dataclass(slots=True)
class DocIndex:
    """Per-token facts computed once per article: sentence numbers and paragraph starts."""

    doc: Doc
    text: str  # doc.text, computed once (spaCy rebuilds it on every access)
    sent_of: list[int]
    sent_starts: list[int]  # token index where each sentence starts
    para_starts: list[int]  # char offsets where paragraphs start

    tok_starts: list[int]  # char offset where each token starts
    tok_ends: list[int]  # and where it ends

    @classmethod
    def build(cls, doc: Doc, text: str | None = None) -> DocIndex:
        """One vectorised pass (``Doc.to_array``): no per-token Python objects.

        ``text`` is the article text the doc was made from; spaCy rebuilds ``doc.text`` from
        the tokens on every access, so a caller that has the string should pass it.
        """
        from spacy.attrs import IDX, LENGTH, SENT_START

        arr = doc.to_array([IDX, SENT_START, LENGTH]) if len(doc) else None
        tok_starts = arr[:, 0].tolist() if arr is not None else []
        flags = arr[:, 1].tolist() if arr is not None else []
        tok_ends = (arr[:, 0] + arr[:, 2]).tolist() if arr is not None else []
        sent_of: list[int] = []
        starts: list[int] = []
        for i, flag in enumerate(flags):
            if flag == 1 or i == 0:
                starts.append(i)
            sent_of.append(len(starts) - 1)
        if text is None or (tok_ends and len(text) < tok_ends[-1]):
            text = doc.text
        paras = [0] + [m.end() for m in re.finditer(r"\n", text)]
        return cls(doc, text, sent_of, starts, paras, tok_starts, tok_ends)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def token_at(self, offset: int) -> int:
        """The index of the token that contains (or follows) a char offset."""
        i = bisect_right(self.tok_starts, offset) - 1
        if i < 0:
            return 0
        if i + 1 < len(self.tok_starts) and offset >= self.tok_ends[i]:
            return i + 1  # offset in the whitespace after token i
        return i


def subject_rank(token: Token) -> int:
    """2 when ``token`` heads a main-clause subject, 1 an embedded subject, 0 otherwise."""
    if token.dep_ not in SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ in _MAIN_HEAD_DEPS else 1
