"""Helpers of the resolve tests: articles with hand-placed statements.

Statements are built here from the words of invented articles, not by the extractor, so the
registry and link tests check the resolve stage alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from onrecord.model import Article, Span, Speaker, Statement


@dataclass(frozen=True)
class Said:
    """A statement to place: its words, who, and optionally the cue, mention and role."""

    content: str
    speaker: str | None
    type: str = "person"
    cue: str | None = "said"
    mention: str | None = None
    role: str | None = None


AddArticle = Callable[..., str]


def build_article(
    doc_id: str, outlet: str, published: str | None, text: str, said: list[Said]
) -> tuple[Article, list[Statement]]:
    article = Article(id=doc_id, text=text, outlet=outlet, published=published)
    statements = []
    for s in said:
        c = text.index(s.content)
        content = Span.of(text, c, c + len(s.content))
        cue = None
        if s.cue:
            q = text.find(s.cue, c + len(s.content))
            q = q if q >= 0 else text.index(s.cue)
            cue = Span.of(text, q, q + len(s.cue))
        mention = None
        if s.mention:
            m = text.index(s.mention)
            mention = Span.of(text, m, m + len(s.mention))
        speaker = Speaker(s.speaker, s.type, mention, s.role) if s.speaker else None  # type: ignore[arg-type]
        statements.append(Statement("direct", content, speaker, cue))
    return article, statements
