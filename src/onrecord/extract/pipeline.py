"""The one entry point of extraction: ``extract(article) -> list[Statement]``.

The same function serves ``onrecord extract``, ingest and the Spark job. It works on one
article at a time and knows nothing about storage. ``extract_many`` batches articles through
spaCy's ``nlp.pipe`` (one parse per article) and yields one list per article, in order.

Per article: the quotations (quotes.py) and the parse give a :class:`Context`; three
extractors propose statements (direct.py: quotes and their attributions, reported.py: cue
verbs and "according to", headline.py: "... — Kremlin spokesman"); :func:`merge` keeps one
statement per thing said; transcript.py gives "PENCE: ..." turns their speaker; filter.py
drops what is no statement (page furniture, titles, "talking about X"); finally
speakers.py resolves each mention to the fullest name the article gives (that is where a
quote's speaker is decided).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.evaluate import normalise_content, overlap
from onrecord.extract.context import Context, build_context
from onrecord.extract.continuation import continue_speakers
from onrecord.extract.cues import DEFAULT_SCOPE, Scope
from onrecord.extract.direct import find_direct, with_speaker_from
from onrecord.extract.filter import filter_statements
from onrecord.extract.headline import find_headline
from onrecord.extract.nlp_setup import extraction_nlp
from onrecord.extract.reported import find_reported
from onrecord.extract.speakers import resolve_speakers
from onrecord.extract.transcript import apply_labels
from onrecord.model import Article, Statement

#: A reported reading covering this share of a direct quote is the same statement.
_SAME_STATEMENT = 0.6
#: Shorter contents are not merged as echoes ("No." may well be said twice).
_ECHO_MIN_CHARS = 25


def extract(
    article: Article, *, model: str | None = None, scope: Scope = DEFAULT_SCOPE
) -> list[Statement]:
    """Every statement in one article, with its speaker resolved within the article."""
    return next(extract_many([article], model=model, scope=scope))


def extract_many(
    articles: Iterable[Article],
    batch_size: int = 32,
    *,
    model: str | None = None,
    scope: Scope = DEFAULT_SCOPE,
) -> Iterator[list[Statement]]:
    """``extract`` over many articles, in order, parsed in batches through ``nlp.pipe``."""
    nlp = extraction_nlp(model)
    pending: list[Article] = []

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        article = pending.pop(0)
        yield extract_parsed(article, doc, scope=scope)


def extract_parsed(article: Article, doc: Doc, *, scope: Scope = DEFAULT_SCOPE) -> list[Statement]:
    """Statements of an article whose parse is already done (benchmarks, cached parses)."""
    ctx = build_context(article, doc, scope)
    statements = merge(ctx, find_direct(ctx), list(find_reported(ctx)), find_headline(ctx))
    statements = apply_labels(ctx.text, statements)
    statements = continue_speakers(ctx.doc, ctx.text, statements)
    # quotes, headlines and transcript turns are words someone said; reported.py marks its own
    statements = [s if s.act else replace(s, act="speech") for s in statements]
    statements = filter_statements(ctx, statements)
    return resolve_speakers(ctx.doc, ctx.article, statements)


def merge(
    ctx: Context, direct: list[Statement], reported: list[Statement], headline: list[Statement]
) -> list[Statement]:
    """One statement per thing said, in text order.

    * A reported reading whose cue sits inside a quote or a headline statement is speech
      quoted by someone else ("President Putin said that ..." inside Peskov's words) or a
      misparse of the headline, and is dropped; so is one whose cue sits inside another
      reported statement's content ("Medinsky said that the delegations had agreed to ...").
    * A reported reading that is really a direct quote (`Peskov said, "..."`) lends its
      speaker to the quote.
    * The same words reported twice (a subheadline "Earlier, it was reported that X" and later
      "Medinsky said that X") are one statement: the first place, the known speaker.
    """
    direct = list(direct)
    heads = [h for h in headline if not any(overlap(h.pieces(), d.pieces()) >= 0.5 for d in direct)]
    containers = direct + heads
    kept: list[Statement] = []
    for r in reported:
        if r.cue is not None and any(_inside(r.cue.start, d) for d in containers):
            continue
        same = next((k for k, d in enumerate(direct) if _same(d, r)), None)
        if same is not None:
            direct[same] = with_speaker_from(direct[same], r)
            continue
        if any(overlap(k.pieces(), r.pieces()) >= 0.8 for k in kept):
            continue
        kept.append(r)
    kept = [
        r
        for r in kept
        if r.cue is None or not any(k is not r and _inside(r.cue.start, k) for k in kept)
    ]
    out = _merge_echoes(direct + kept + heads)
    out.sort(key=lambda s: (s.content.start, s.content.end))
    return out


def _merge_echoes(statements: list[Statement]) -> list[Statement]:
    """Keep the first of statements with the same words, with the best-known speaker."""
    by_text: dict[str, int] = {}
    out: list[Statement] = []
    for st in sorted(statements, key=lambda s: s.content.start):
        key = normalise_content(st.content.text).lower()
        if len(key) < _ECHO_MIN_CHARS or key not in by_text:
            by_text.setdefault(key, len(out))
            out.append(st)
            continue
        first = out[by_text[key]]
        if first.mention is None and st.mention is not None:
            out[by_text[key]] = replace(first, speaker=st.speaker, cue=st.cue)
    return out


def _inside(offset: int, statement: Statement) -> bool:
    return any(a <= offset < b for a, b in statement.pieces())


def _same(direct: Statement, reported: Statement) -> bool:
    """Does the reported reading say the same as the quote (and little else)?"""
    if reported.content.end <= direct.content.start or direct.content.end <= reported.content.start:
        return False  # apart: the common case, decided without counting characters
    d, r = direct.pieces(), reported.pieces()
    if overlap(r, d) >= 0.7:
        return True  # the reading lies inside the quote (one of its sentences)
    if overlap(d, r) < _SAME_STATEMENT:
        return False
    r_len = sum(b - a for a, b in r)
    outside = r_len - overlap(r, d) * r_len
    return outside <= 0.3 * r_len + 3
