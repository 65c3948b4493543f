"""What every extractor needs to know about one article, computed once.

The parse, the quotations found by their marks, which token lies inside which quotation,
and the cue lexicon for the chosen scope. Building it once per article keeps the extractors
small and the pipeline to a single pass over the parse.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from onrecord.extract.cues import DEFAULT_SCOPE, Scope, cue_lemmas
from onrecord.extract.lexicon.speech import QUOTE_ONLY_CUES
from onrecord.extract.quotes import Quote, find_quotes
from onrecord.model import Article


@dataclass(frozen=True, slots=True)
class Context:
    """One article with its parse and quotations (``quote_of[i]``: quote of token i, or -1)."""

    article: Article
    doc: Doc
    quotes: tuple[Quote, ...]
    quote_of: tuple[int, ...]
    cues: frozenset[str]
    scope: Scope

    @property
    def text(self) -> str:
        return self.article.text

    def in_quote(self, token: Token) -> bool:
        return self.quote_of[token.i] >= 0

    def is_cue(self, token: Token) -> bool:
        """A verb whose lemma introduces speech in this scope."""
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.cues

    def is_quote_cue(self, token: Token) -> bool:
        """A verb that attributes a quotation beside it: a cue, or `"...?" Holm pressed`."""
        return self.is_cue(token) or (
            token.pos_ == "VERB" and token.lemma_.lower() in QUOTE_ONLY_CUES
        )


def build_context(article: Article, doc: Doc, scope: Scope = DEFAULT_SCOPE) -> Context:
    quotes = tuple(find_quotes(article.text))
    quote_of = [-1] * len(doc)
    if quotes and len(doc):
        # token offsets from one array call: a Token object per token costs more than the rest
        starts = doc.to_array(IDX).tolist()
        for qi, q in enumerate(quotes):
            for a, b in q.pieces:  # only inside a piece (not the gap between paragraphs)
                lo = max(bisect_left(starts, a), bisect_right(starts, q.open_at))
                for i in range(lo, bisect_left(starts, min(b, q.outer_end))):
                    quote_of[i] = qi
    return Context(article, doc, quotes, tuple(quote_of), cue_lemmas(scope), scope)
