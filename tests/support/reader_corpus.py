"""An invented corpus for the reader's pages (search highlights and facets, the timeline, the
day view, dates): four outlets, two named speakers, statements without a speaker, dates of
every precision. Everything here is made up (outlets, people, places, words).

Statements are marked by hand (offsets found in the text) so the pages are tested without
the extractor; ``update_record`` then builds the registry, statement times, events and the
links across outlets, as ingest does.
"""

from __future__ import annotations

from pathlib import Path

from onrecord.model import Article, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from support.web_corpus import Quote, _doc

LENN = "Ostrava Lenn"
COSS = "Brenna Coss"
COURIER = "Saltmarsh Courier"
ANCHOR = "anchor bay times"  # lower case: the outlet list sorts regardless of case
FJORD = "Fjord Post"
ZEPHYR = "Zephyr Ledger"
LONG = (
    "The crews have waited since the spring storms, the harbour master has written to every "
    "council on the coast, the insurers have asked for new surveys of the old pier, and the "
    "fishermen's cooperative has said it will not pay the new berth fees until the boats can "
    "sail again; only when the ceasefires on the northern crossing hold for a full month will "
    "we reopen the ferry line to Kessel, and after that the cooperative can decide on the "
    "fees for the summer season and for the long winter months that follow it"
)
MARKUP = "Nobody will sign <i>this</i> draft, not today"


def corpus() -> list[tuple[Article, list[Statement]]]:
    """The articles with their statements, oldest first."""
    return [
        _doc(
            "zl-2",
            ZEPHYR,
            "2024-05-03T16:45:00+02:00",
            "Commissioner orders pier survey",
            'KELDA, May 3. "The pier must be surveyed before the season starts," harbour '
            "commissioner Ostrava Lenn said.",
            [
                Quote(
                    "The pier must be surveyed before the season starts",
                    LENN,
                    "Ostrava Lenn",
                    role="harbour commissioner",
                )
            ],
        ),
        _doc(
            "sc-1",
            COURIER,
            "2024-05-06T09:30:00+02:00",
            "Lenn: the ferry waits for the ceasefire",
            "KELDA, May 6. Ostrava Lenn, the harbour commissioner, spoke at the quay.\n\n"
            f'"{LONG}," Lenn said.\n\n'
            '"The ceasefire must hold before a single ferry sails," Lenn told reporters.',
            [
                Quote(LONG, LENN, "Lenn", role="harbour commissioner"),
                Quote(
                    "The ceasefire must hold before a single ferry sails",
                    LENN,
                    "Lenn",
                    cue="told",
                    role="harbour commissioner",
                ),
            ],
        ),
        _doc(
            "fp-1",
            FJORD,
            "2024-05-07",
            "Ferry stays in port, commissioner says",
            '"The ceasefire must hold before any ferry sails," harbour commissioner '
            "Ostrava Lenn said on Monday.\n\nOfficials said the pier would be surveyed.",
            [
                Quote(
                    "The ceasefire must hold before any ferry sails",
                    LENN,
                    "Ostrava Lenn",
                    role="harbour commissioner",
                ),
                Quote("the pier would be surveyed", None, None, kind="indirect"),
            ],
        ),
        _doc(
            "ab-1",
            ANCHOR,
            "2024-05-08T18:05:00Z",
            "Coss rejects pier draft",
            f'Brenna Coss, the council leader, rejected the pier draft.\n\n"{MARKUP}," Coss said.',
            [Quote(MARKUP, COSS, "Coss", role="council leader")],
        ),
        _doc(
            "ab-2",
            ANCHOR,
            "2024-05-09",
            "Lenn names a ferry date",
            '"If the crossing stays calm, the first ferry sails in ten days," Lenn said '
            "at the quay.",
            [
                Quote(
                    "If the crossing stays calm, the first ferry sails in ten days",
                    LENN,
                    "Lenn",
                    role="harbour commissioner",
                )
            ],
        ),
        _doc(
            "zl-1",
            ZEPHYR,
            "--05-09",
            "Council to vote on berth fees",
            'KELDA, May 9. "The berth fees will be halved for the cooperative," Brenna Coss said.',
            [
                Quote(
                    "The berth fees will be halved for the cooperative",
                    COSS,
                    "Brenna Coss",
                    role="council leader",
                )
            ],
        ),
        _doc(
            "fp-2",
            FJORD,
            "2024-05",
            "Month in the harbour",
            'Brenna Coss said the ceasefires had "changed the mood on the quay".',
            [
                Quote(
                    "changed the mood on the quay",
                    COSS,
                    "Brenna Coss",
                    cue="said",
                    kind="mixed",
                    role="council leader",
                )
            ],
        ),
        _doc(
            "sc-2",
            COURIER,
            "2024-05-10T07:00:00+02:00",
            "Rumours on the quay",
            "Dock workers said the first ferry could sail next week.\n\n"
            "A spokesperson said no date had been set.",
            [
                Quote("the first ferry could sail next week", None, None, kind="indirect"),
                Quote("no date had been set", None, None, kind="indirect"),
            ],
        ),
    ]


def fill_store(path: Path) -> Path:
    """Create a database at ``path`` holding :func:`corpus`, with the record updated."""
    with Store(path, create=True) as store, store.transaction():
        for article, statements in corpus():
            store.add_article(article, statements)
        update_record(store)
    return path
