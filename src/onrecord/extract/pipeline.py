"""The one entry point of extraction: ``extract(article) -> list[Statement]``.

The same function serves ``onrecord extract``, ingest and the Spark job. It works on one
article at a time and knows nothing about storage. ``extract_many`` batches articles through
spaCy's ``nlp.pipe`` for speed and yields one list per article, in order.

PLACEHOLDER: until the extraction engine lands (issue 3) this module runs a simple
quotation-mark matcher (``_placeholder_extract``), clearly not the real engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from onrecord.model import Article, Span, Speaker, Statement

_QUOTE_RE = re.compile(r"[\"“”«»]([^\"“”«»\n]{3,}?)[\"“”«»]")
_SAID_RE = re.compile(
    r"^\s*,?\s*(?P<who>(?:[A-Z][\w'-]+\s){0,2}[A-Z][\w'-]+|he|she|they)\s+(?P<cue>said|told|added)\b"
)


def _placeholder_extract(article: Article) -> list[Statement]:
    """PLACEHOLDER extractor: quotation marks, speaker from a following "X said"."""
    text = article.text
    out: list[Statement] = []
    for m in _QUOTE_RE.finditer(text):
        speaker = None
        cue = None
        after = _SAID_RE.match(text, m.end())
        if after:
            mention = Span.of(text, after.start("who"), after.end("who"))
            speaker = Speaker(name=mention.text, type="person", mention=mention)
            cue = Span.of(text, after.start("cue"), after.end("cue"))
        out.append(
            Statement(
                kind="direct",
                content=Span.of(text, m.start(1), m.end(1)),
                speaker=speaker,
                cue=cue,
                source="placeholder",
            )
        )
    return out


def extract(article: Article) -> list[Statement]:
    """Every statement in one article, with its speaker resolved within the article."""
    return _placeholder_extract(article)


def extract_many(articles: Iterable[Article], batch_size: int = 32) -> Iterator[list[Statement]]:
    """``extract`` over many articles, in order (batched through spaCy when the engine uses it)."""
    for article in articles:
        yield extract(article)
