"""One article's resolution state: its entities, their mentions in text order, who spoke.

Speaker resolution is a stack of rule classes, one module each, each free to use those below
it: :class:`ResolverState` (this module), names.py, roles.py, pronouns.py, documents.py,
descriptions.py, and decide.py on top, where a statement's speaker is decided. This module
holds what they all read and extend: the article's entities, a flat index of every mention
(kept in text order, also as resolved pronouns are added), the quoted regions, and the
speakers found so far.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onrecord.extract.entities import DocIndex, Entity, Mention, article_entities, subject_rank
from onrecord.model import Article, Span, SpeakerType, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


#: A quotation inside a mixed statement's content.
_QUOTE_RE = re.compile(r"[\"“”«»„][^\"“”«»„]*[\"“”«»]")
#: A balanced pair of quotation marks within one paragraph.
_PARA_QUOTE_RE = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»|„[^„“\n]*“")

#: A statement's speaker as resolution goes: where its mention starts, and its entity.
Spoken = tuple[int, "Entity | None"]


@dataclass(slots=True)
class Candidate:
    """A mention a pronoun may refer to: an entity's, or a group described by a noun."""

    mention: Mention
    entity: Entity | None
    group: tuple[int, int] | None = None  # char span of a plural noun phrase ("officials")


@dataclass(slots=True)
class Result:
    """What a rule decides for a mention: the speaker's name and type, the role and
    affiliation as the article words them, and the entity (so later pronouns chain to it)."""

    name: str | None
    type: SpeakerType
    role: str | None = None
    affiliation: str | None = None
    entity: Entity | None = None


def strip_article(text: str) -> str:
    """The text without a leading "the", "a" or "an"."""
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def quoted_regions(text: str, statements: list[Statement]) -> list[tuple[int, int]]:
    """Char ranges inside quotation marks: direct quotes, the quoted words of mixed ones, and
    any balanced pair of marks within a paragraph (a quote no finder reported is still the
    speaker's words, not the narrator's)."""
    regions = [(m.start(), m.end()) for m in _PARA_QUOTE_RE.finditer(text)]
    for st in statements:
        for a, b in st.pieces():
            if st.kind == "direct":
                regions.append((a, b))
            elif st.kind == "mixed":
                regions.extend((a + m.start(), a + m.end()) for m in _QUOTE_RE.finditer(text[a:b]))
    merged: list[tuple[int, int]] = []  # non-overlapping, so one bisect answers "inside?"
    for a, b in sorted(regions):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


class ResolverState:
    """Resolution state for one article: entities, flat mention index, quoted regions."""

    def __init__(self, doc: Doc, article: Article, statements: list[Statement]) -> None:
        self.doc = doc
        self.article = article
        self.index = DocIndex.build(doc, article.text)
        self.entities = article_entities(doc, article, self.index)
        self.flat: list[tuple[int, int, Mention, Entity]] = []
        for n, e in enumerate(self.entities):
            for m in e.mentions:
                self.flat.append((m.start, n, m, e))
        self.flat.sort(key=lambda x: (x[0], x[1]))
        self.starts = [x[0] for x in self.flat]
        self.quoted = quoted_regions(self.index.text, statements)
        self.speaker_starts: set[int] = set()
        self.spoken: list[Spoken] = []  # (mention start, entity or None), in text order
        self.own: tuple[tuple[int, int], ...] = ()  # pieces of the statement being resolved
        first_line = self.index.text.find("\n")
        headline = self.index.text[: max(first_line, 0)].rstrip()
        # a first line that does not end a sentence is a headline (else there is none)
        self.headline_end = first_line if headline and headline[-1] not in '.!?"”' else 0
        # unnamed speakers met so far: (mention start, head lemma, plural, name)
        self.unnamed: list[tuple[int, str, bool, str]] = []
        self.gpes = {e.text.lower(): e.text for e in doc.ents if e.label_ == "GPE"}
        self.checked: set[str] = set()  # one-word names already looked up in full (_fuller)

    def _in_quote(self, start: int) -> bool:
        i = bisect_left(self.quoted, (start + 1, -1)) - 1
        return i >= 0 and self.quoted[i][0] <= start < self.quoted[i][1]

    def _span(self, start: int, end: int) -> SpacySpan:
        i = self.index.token_at(start)
        j = self.index.token_at(max(start, end - 1))
        return self.doc[i : j + 1]

    def _mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        lo = bisect_left(self.starts, start)
        out = []
        while lo < len(self.flat) and self.flat[lo][0] < end:
            _, _, m, e = self.flat[lo]
            if m.kind == "name":
                out.append((m, e))
            lo += 1
        return out

    def _remember(self, entity: Entity, mention: Span, token: Token) -> None:
        """Record a resolved pronoun as a mention, so the next "he said" can chain to it.

        Inserted in text order, into the entity's mentions as into the flat index: statements
        resolve in the order of their mentions, but the entity's later names are already
        listed, and rules read its mentions as text order (:meth:`RoleRules._by_role` takes
        the last one before a description as the nearest).
        """
        m = Mention(
            mention.start,
            mention.end,
            mention.text,
            self.index.sent_of[token.i],
            token.i,
            "pronoun",
            subject_rank(token),
        )
        insort(entity.mentions, m, key=lambda x: x.start)
        n = self.entities.index(entity)
        item = (m.start, n, m, entity)
        insort(self.flat, item, key=lambda x: (x[0], x[1]))
        self.starts.insert(self.flat.index(item), m.start)

    def spoke(self, mention: Span, entity: Entity | None) -> None:
        """Record who was found to speak at ``mention`` (statements resolve in text order)."""
        self.speaker_starts.add(mention.start)
        insort(self.spoken, (mention.start, entity), key=lambda x: x[0])

    def _current_speaker(self, before: int) -> Spoken | None:
        """The speaker of the last statement whose mention comes before ``before``."""
        i = bisect_left(self.spoken, before, key=lambda x: x[0]) - 1
        return self.spoken[i] if i >= 0 else None

    def _description(self, span: SpacySpan, mention: Span, stop: int | None = None) -> Result:
        """A common-noun mention resolved (descriptions.py, the top rule): declared here
        because pronouns ("they" = "officials") and documents ("the newspaper's editorial")
        reach back to it."""
        raise NotImplementedError
