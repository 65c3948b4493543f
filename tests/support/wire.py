"""Invented wire stories for the store and API tests: a documents-JSONL corpus (real readers,
real extractor) and articles with hand-made statements.

``quote_article`` builds its statements by hand, not with the extractor, so the tests that
use it check the store alone and keep passing whatever the extraction engine finds.
"""

from __future__ import annotations

import json
from pathlib import Path

from onrecord.model import Article, Span, Speaker, Statement

NAMES = ("Marta Kovalenko", "Ilya Brandt", "Sofia Lindqvist", "Omar Haddad")


def write_corpus(path: Path, n: int, *, start: int = 0, url: bool = False) -> Path:
    """``n`` invented wire stories as documents JSONL (ids gen/NNNN)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            who = NAMES[i % len(NAMES)]
            text = (
                f"Harbour council weighs fee plan {i}\n"
                f"PORTVILLE, May {i % 28 + 1} (Northwind Wire) - The council met on Tuesday "
                f"to discuss plan number {i}.\n"
                f'"We will publish the figures for plan {i} next week," {who} told reporters.\n'
                f"{who.split()[-1]} said the fees would rise by {i % 9 + 1} percent."
            )
            doc = {
                "id": f"gen/{i:04d}",
                "text": text,
                "outlet": "Northwind Wire",
                "published": f"2023-05-{i % 28 + 1:02d}",
            }
            if url:
                doc["url"] = f"https://northwind.example/plan-{i}"
            fh.write(json.dumps(doc) + "\n")
    return path


def quote_article(
    i: int,
    *,
    outlet: str = "Northwind Wire",
    published: str | None = "2023-05-01",
    speaker: str = "Marta Kovalenko",
    words: str | None = None,
    url: str | None = None,
    headline: str | None = None,
) -> tuple[Article, list[Statement]]:
    """An invented article with one direct quote by ``speaker`` and one reported clause."""
    said = words or f"The harbour talks, round {i}, were useful"
    surname = speaker.split()[-1]
    text = (
        f"{headline or f'Harbour talks continue, round {i}'}\n"
        f'PORTVILLE, May 1. "{said}," {speaker} told reporters. '
        f"{surname} added that a second meeting was planned for round {i}."
    )
    q = text.index(said)
    m = text.index(speaker, q)
    cue = text.index("told", m)
    m2 = text.index(f"{surname} added")
    rep = text.index("a second meeting")
    statements = [
        Statement(
            kind="direct",
            content=Span.of(text, q, q + len(said)),
            speaker=Speaker(speaker, "person", Span.of(text, m, m + len(speaker)), role="envoy"),
            cue=Span.of(text, cue, cue + 4),
            source="test",
        ),
        Statement(
            kind="indirect",
            content=Span.of(text, rep, len(text) - 1),
            speaker=Speaker(speaker, "person", Span.of(text, m2, m2 + len(surname))),
            cue=Span.of(text, m2 + len(surname) + 1, m2 + len(surname) + 6),
            when="2023-05-01",
            when_precision="day",
            confidence=0.75,
            source="test",
        ),
    ]
    article = Article(
        id=f"test/{i:04d}",
        text=text,
        outlet=outlet,
        published=published,
        headline=headline or f"Harbour talks continue, round {i}",
        url=url,
        source=f"memory:{i}",
    )
    return article, statements
