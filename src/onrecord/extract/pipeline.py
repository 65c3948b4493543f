"""The one entry point of extraction: ``extract(article) -> list[Statement]``.

The same function serves ``onrecord extract``, ingest and the Spark job. It works on one
article at a time and knows nothing about storage. ``extract_many`` batches articles through
spaCy's ``nlp.pipe`` (one parse per article; an article over 25,000 characters one parse per
window, see windows.py, so its cost stays linear) and yields one list per article, in order.

Per article: the quotations (quotes.py) and the parse give a :class:`Context`; three
extractors propose statements (direct.py: quotes and their attributions, reported.py: cue
verbs and "according to", headline.py: "... — Kremlin spokesman"); :func:`merge` keeps one
statement per thing said; transcript.py gives "PENCE: ..." turns their speaker; filter.py
drops what is no statement (page furniture, titles, "talking about X"); finally
speakers/ resolves each mention to the fullest name the article gives (speakers/decide.py is
where a quote's speaker is decided). Merging compares readings with the measures of
``onrecord eval`` (:mod:`onrecord.metrics`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc

from onrecord import config
from onrecord.extract.context import Context, build_context
from onrecord.extract.continuation import continue_speakers
from onrecord.extract.cues import DEFAULT_SCOPE, Scope
from onrecord.extract.direct import find_direct, with_speaker_from
from onrecord.extract.filter import filter_statements
from onrecord.extract.headline import find_headline
from onrecord.extract.limits import ArticleTooLong, check_length
from onrecord.extract.nlp_setup import extraction_nlp
from onrecord.extract.reported import find_reported
from onrecord.extract.routing import by_language
from onrecord.extract.speakers import resolve_speakers
from onrecord.extract.transcript import apply_labels
from onrecord.extract.windows import Cast, plan_windows, window_statements
from onrecord.metrics import normalise_content, overlap
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
    window_chars: int | None = None,
    max_chars: int | None = None,
) -> Iterator[list[Statement]]:
    """``extract`` over many articles, in order: Russian articles on the Russian path
    (:mod:`onrecord.extract.routing`, :mod:`onrecord.extract.ru`), the rest in batches
    through ``nlp.pipe`` (:class:`_English`).

    An English article longer than ``window_chars`` (default
    :func:`onrecord.config.window_chars`) is extracted in windows
    (:mod:`onrecord.extract.windows`), so that its cost grows linearly with its length. An
    article longer than ``max_chars`` (default :func:`onrecord.config.max_article_chars`)
    raises :class:`ArticleTooLong` before any work on it, after every article before it has
    been yielded.
    """
    # The English model loads before any article is read, as it always did: a model that
    # cannot load is then no article's fault (api.core tells the two apart by that).
    nlp = extraction_nlp(model)
    limit = max_chars or config.max_article_chars()
    english = _English(nlp, batch_size, scope, window_chars or config.window_chars(), limit)

    def russian(group: Iterable[Article]) -> Iterator[list[Statement]]:
        from onrecord.extract.ru import extract_russian

        for article in group:
            check_length(article, limit)
            yield extract_russian(article)

    yield from by_language(articles, english.extract, russian)


@dataclass(frozen=True, slots=True)
class _English:
    """The English path of one ``extract_many`` run, with that run's settings."""

    nlp: Language
    batch_size: int
    scope: Scope
    window_chars: int
    max_chars: int

    def extract(self, articles: Iterable[Article]) -> Iterator[list[Statement]]:
        """Statements per article, in order: short articles parsed in batches
        (:func:`_batches`), whole as before; long ones window by window; too long refused."""

        def kind(article: Article) -> str:
            n = len(article.text)
            if n > self.max_chars:
                return "refused"
            return "windowed" if n > self.window_chars else "whole"

        for how, group in groupby(articles, key=kind):
            if how == "whole":
                yield from _extract_whole(self.nlp, group, self.batch_size, self.scope)
                continue
            for article in group:
                if how == "refused":
                    raise ArticleTooLong(len(article.text), self.max_chars)
                yield _extract_windowed(self.nlp, article, self.window_chars, self.scope)


#: Characters parsed together in one ``nlp.pipe`` batch. The parse of a batch is held in
#: memory at once (its tokens' vectors and parser states), so peak memory follows the
#: batch's length, not the number of articles: 32 news articles of 1,000 words took ingest
#: to 0.93 GB, while batches of this many characters (about four such articles; one
#: article up to the window size) stay near a long-document window's 0.1 GB, at the same
#: speed (benchmarks/ingest_memory.py).
BATCH_CHARS = 25_000


def _extract_whole(
    nlp: Language, articles: Iterable[Article], batch_size: int, scope: Scope
) -> Iterator[list[Statement]]:
    for batch in _batches(articles, batch_size, BATCH_CHARS):
        docs = nlp.pipe([a.text for a in batch], batch_size=len(batch))
        for article, doc in zip(batch, docs, strict=True):
            yield extract_parsed(article, doc, scope=scope)


def _batches(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Runs of at most ``size`` articles and ``chars`` characters (an article longer than
    ``chars`` alone), read lazily: a batch is read only when the one before is done."""
    batch: list[Article] = []
    held = 0
    for article in articles:
        if batch and (len(batch) >= size or held + len(article.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.text)
    if batch:
        yield batch


def _extract_windowed(nlp: Language, article: Article, size: int, scope: Scope) -> list[Statement]:
    """One long article, window by window (see :mod:`onrecord.extract.windows`).

    Windows are parsed one at a time, in order: a batch of them would hold several windows'
    activations at once, which is the memory that windowing is there to bound, and each
    window's text depends on the people the windows before it introduced.
    """
    cast = Cast(article.text)
    out: list[Statement] = []
    for n, planned in enumerate(plan_windows(article.text, size)):
        window = cast.context_for(planned)
        text = window.text(article.text)
        doc = nlp(text)
        found = extract_parsed(replace(article, text=text), doc, scope=scope)
        own = window_statements(window, article.text, found, first=n == 0)
        cast.note(window, doc, own)
        out.extend(own)
    return cast.finish(out)


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
    containers = _SpanIndex(direct + heads)
    by_place = _SpanIndex(direct)
    kept = _SpanIndex([])
    for r in reported:
        if r.cue is not None and any(_inside(r.cue.start, d) for d in containers.at(r.cue.start)):
            continue
        same = next((k for k in by_place.near(r) if _same(direct[k], r)), None)
        if same is not None:
            direct[same] = with_speaker_from(direct[same], r)
            continue
        if any(overlap(kept.items[k].pieces(), r.pieces()) >= 0.8 for k in kept.near(r)):
            continue
        kept.add(r)
    reported_kept = [
        r
        for r in kept.items
        if r.cue is None
        or not any(k is not r and _inside(r.cue.start, k) for k in kept.at(r.cue.start))
    ]
    out = _merge_echoes(direct + reported_kept + heads)
    out.sort(key=lambda s: (s.content.start, s.content.end))
    return out


class _SpanIndex:
    """Statements by the stretch of text they cover, so that ``merge`` compares a statement
    only with those near it: comparing each with all made it quadratic (a 200k-character
    article spent 17 of its 29 seconds here). Only a prefilter: every statement whose pieces
    could contain an offset or overlap a statement is returned, and the callers apply their
    exact tests, so the result is what the all-pairs comparison gave.
    """

    #: Characters per bucket: statements are sentences, a few hundred characters.
    BUCKET = 512

    def __init__(self, statements: list[Statement]) -> None:
        self.items = list(statements)
        self.buckets: dict[int, list[int]] = {}
        for k, st in enumerate(statements):
            self._register(k, st)

    def add(self, st: Statement) -> None:
        self.items.append(st)
        self._register(len(self.items) - 1, st)

    def _register(self, k: int, st: Statement) -> None:
        lo, hi = _hull(st)
        for b in range(lo // self.BUCKET, max(lo, hi - 1) // self.BUCKET + 1):
            self.buckets.setdefault(b, []).append(k)

    def at(self, offset: int) -> list[Statement]:
        """The statements whose pieces may contain ``offset``."""
        return [self.items[k] for k in self.buckets.get(offset // self.BUCKET, ())]

    def near(self, st: Statement) -> list[int]:
        """Indices, ascending, of the statements whose pieces may overlap those of ``st``."""
        lo, hi = _hull(st)
        found: set[int] = set()
        for b in range(lo // self.BUCKET, max(lo, hi - 1) // self.BUCKET + 1):
            found.update(self.buckets.get(b, ()))
        return sorted(found)


def _hull(st: Statement) -> tuple[int, int]:
    """The smallest (start, end) holding all of a statement's pieces."""
    pieces = st.pieces()
    return min(a for a, _ in pieces), max(b for _, b in pieces)


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
