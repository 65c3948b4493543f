"""Russian extraction: one article -> statements, the same ``Statement`` objects as English.

The order of work: read the layout (headline lines, dateline), parse line by line with
natasha (nlp.py), find the article's people (names.py), let the three finders propose
statements (direct.py, reported.py, headline.py), keep one statement per thing said
(:func:`merge`), then resolve speakers in text order (speakers.py), since pronouns and
roles need the speakers before them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from onrecord.extract.ru.direct import find_direct
from onrecord.extract.ru.found import Found, Piece
from onrecord.extract.ru.headline import find_headline
from onrecord.extract.ru.layout import read_layout
from onrecord.extract.ru.names import find_people
from onrecord.extract.ru.nlp import parse
from onrecord.extract.ru.quotes import find_quotes
from onrecord.extract.ru.reported import find_reported
from onrecord.extract.ru.speakers import Resolver
from onrecord.model import Article, Span, Statement


def extract_russian(article: Article) -> list[Statement]:
    """Every statement in one Russian article, speakers resolved within the article."""
    text = article.text
    if not text.strip():
        return []
    layout = read_layout(text)
    doc = parse(text, layout.skip)
    quotes = find_quotes(text)
    direct = find_direct(doc, quotes, layout.body)
    covered = [p for f in direct for p in f.pieces] + [
        (q.start, q.end) for q in quotes if q.depth == 0
    ]
    reported = find_reported(doc, covered, layout.body)
    found = merge(direct, reported, find_headline(doc, layout.heads))
    resolver = Resolver(doc, find_people(doc))
    out: list[Statement] = []
    for f in found:
        at = _anchor(doc, f)
        speaker = resolver.resolve(f.attribution, at, continues=f.source == "continuation")
        lo, hi = f.start, f.end
        attr = f.attribution
        out.append(
            Statement(
                kind=f.kind,  # type: ignore[arg-type]
                content=Span.of(text, lo, hi),
                speaker=speaker,
                cue=Span.of(text, *f.cue_span) if f.cue_span else None,
                fragments=f.pieces if len(f.pieces) > 1 else (),
                addressee=attr.addressee if attr else None,
                occasion=attr.occasion if attr else None,
                source=f.source,
                act="speech",
            )
        )
    return out


def extract_russian_many(articles: Iterable[Article]) -> Iterator[list[Statement]]:
    """:func:`extract_russian` over many articles, in order."""
    for article in articles:
        yield extract_russian(article)


def _anchor(doc, f: Found) -> int:  # type: ignore[no-untyped-def]
    """Where a statement's attribution sits in the text: its speaker's words when the text
    names them, else the content."""
    if f.attribution and f.attribution.mention:
        return doc.toks[f.attribution.mention[0]].start
    return f.start


def merge(direct: list[Found], reported: list[Found], headline: list[Found]) -> list[Found]:
    """One statement per thing said, in text order: a reported reading whose words lie
    mostly inside a direct statement is that statement; "Об этом сказал X" pointing back at a
    sentence that attributes itself is that sentence's statement again; the same words
    twice are one."""
    pieces: list[Piece] = [p for f in direct for p in f.pieces]
    cues = [f.cue_span[0] for f in [*direct, *reported] if f.cue_span]
    reported = [
        r
        for r in reported
        if r.source != "about" or not any(a <= c < b for a, b in r.pieces for c in cues)
    ]
    kept = list(direct) + list(headline)
    for r in reported:
        length = sum(b - a for a, b in r.pieces)
        covered = sum(max(0, min(b, d) - max(a, c)) for a, b in r.pieces for c, d in pieces)
        if length and covered / length >= 0.5:
            continue
        kept.append(r)
    seen: set[tuple[Piece, ...]] = set()
    out = []
    for f in sorted(kept, key=lambda f: (f.start, f.end)):
        if f.pieces in seen:
            continue
        seen.add(f.pieces)
        out.append(f)
    return out
