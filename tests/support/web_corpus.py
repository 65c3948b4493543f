"""A small invented corpus for the HTTP and browser tests: two outlets quoting one speaker.

Everything here is made up for the tests (outlets, people, words). Statements are built
with offsets found in the text, so the store gets exact spans without running extraction,
and tests do not depend on the extractor's quality. One article has ``<script>`` and HTML
inside a quote, to prove the UI shows such text as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store

SPEAKER = "Ilya Voronov"
ROLE = "presidential spokesman"
OUTLET_A = "Northwind Wire"
OUTLET_B = "Harbor Daily Post"
SCRIPT = "<script>alert(1)</script>"


@dataclass(frozen=True)
class Quote:
    """A statement to mark in an article: its words, who said it, how they are named."""

    words: str
    speaker: str | None
    mention: str | None
    cue: str | None = "said"
    kind: str = "direct"
    role: str | None = None


def _statement(text: str, q: Quote) -> Statement:
    start = text.index(q.words)
    content = Span.of(text, start, start + len(q.words))
    after = start + len(q.words)
    speaker = None
    if q.speaker:
        mention = None
        if q.mention:
            m = text.find(q.mention, after)
            if m < 0:
                m = text.rindex(q.mention, 0, start)
            mention = Span.of(text, m, m + len(q.mention))
        speaker = Speaker(name=q.speaker, type="person", mention=mention, role=q.role)
    cue = None
    if q.cue:
        c = text.find(q.cue, after)
        if c < 0:
            c = text.rindex(q.cue, 0, start)
        cue = Span.of(text, c, c + len(q.cue))
    return Statement(kind=q.kind, content=content, speaker=speaker, cue=cue, source="test")  # type: ignore[arg-type]


def _doc(
    doc_id: str, outlet: str, published: str, headline: str, text: str, quotes: list[Quote]
) -> tuple[Article, list[Statement]]:
    article = Article(
        id=doc_id,
        text=text,
        outlet=outlet,
        published=published,
        headline=headline,
        url=f"https://example.org/{doc_id}",
    )
    return article, [_statement(text, q) for q in quotes]


def corpus() -> list[tuple[Article, list[Statement]]]:
    """The test articles with their statements, in publication order."""
    return [
        _doc(
            "nw-1",
            OUTLET_A,
            "2022-03-21T10:15:00+03:00",
            "Voronov sees no movement on ceasefire",
            "MERIDIAN, March 21. Ilya Voronov, the presidential spokesman, spoke to reporters.\n\n"
            '"We have not seen any real movement on the ceasefire so far," Voronov said. '
            '"The delegations keep talking by video link every day."\n\n'
            "Foreign Minister Petra Lind said a meeting in April was still possible.",
            [
                Quote(
                    "We have not seen any real movement on the ceasefire so far",
                    SPEAKER,
                    "Voronov",
                    role=ROLE,
                ),
                Quote(
                    "The delegations keep talking by video link every day",
                    SPEAKER,
                    "Voronov",
                    role=ROLE,
                ),
                Quote(
                    "a meeting in April was still possible",
                    "Petra Lind",
                    "Petra Lind",
                    kind="indirect",
                    role="foreign minister",
                ),
            ],
        ),
        _doc(
            "hd-1",
            OUTLET_B,
            "2022-03-22",
            "Spokesman: ceasefire talks stuck",
            "The ceasefire talks are stuck, according to the government.\n\n"
            '"We have not seen any movement on the ceasefire," presidential spokesman '
            "Ilya Voronov said on Monday.\n\nHe gave no date for new talks.",
            [
                Quote(
                    "We have not seen any movement on the ceasefire",
                    SPEAKER,
                    "Ilya Voronov",
                    role=ROLE,
                ),
            ],
        ),
        _doc(
            "hd-2",
            OUTLET_B,
            "2022-03-28",
            "Voronov rejects draft <b>memorandum</b>",
            "Ilya Voronov rejected the draft on Monday.\n\n"
            f'"Nobody will sign {SCRIPT} a paper like this, <b>ever</b>," Voronov said.',
            [
                Quote(
                    f"Nobody will sign {SCRIPT} a paper like this, <b>ever</b>",
                    SPEAKER,
                    "Voronov",
                    role=ROLE,
                ),
            ],
        ),
        _doc(
            "nw-2",
            OUTLET_A,
            "2022-04-02",
            "Lind expects April meeting",
            "Petra Lind, the foreign minister, said on Saturday that the grain corridor "
            "would reopen next week.\n\n"
            '"The harbour is ready for the first ships," Lind told a briefing.',
            [
                Quote(
                    "the grain corridor would reopen next week",
                    "Petra Lind",
                    "Petra Lind",
                    kind="indirect",
                    role="foreign minister",
                ),
                Quote(
                    "The harbour is ready for the first ships",
                    "Petra Lind",
                    "Lind",
                    cue="told",
                    role="foreign minister",
                ),
            ],
        ),
    ]


def fill_store(path: Path) -> Path:
    """Create a database at ``path`` holding :func:`corpus`, with the registry updated."""
    with Store(path, create=True) as store, store.transaction():
        for article, statements in corpus():
            store.add_article(article, statements)
        update_record(store)
    return path


#: How long a browser test waits for the page to show an answer (a loaded 2-core CI machine
#: can take seconds; Playwright's expect() would give up after 5).
UI_WAIT_MS = 15_000


def type_search(page: Any, base: str, words: str) -> None:
    """Open the search page, type ``words`` and wait until the answer is shown.

    The wait is an ``expect`` on the status line, polled by Playwright's own injected code.
    ``page.wait_for_function`` with a string predicate re-evaluates the string with ``eval``
    in the page on every poll after the first, which the UI's Content-Security-Policy (no
    'unsafe-eval') refuses: it passed only when the answer was already shown at the first
    check, so a loaded machine failed it at random.
    """
    from playwright.sync_api import expect

    page.goto(base + "/")
    with page.expect_response(lambda r: "/api/statements" in r.url and "search=" in r.url):
        page.fill("#q", words)
    expect(page.locator("#status")).not_to_have_text(re.compile(r"^\s*Search"), timeout=UI_WAIT_MS)
