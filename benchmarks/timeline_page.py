"""Time of one timeline page over a large generated record (a script, not a test).

Builds (or reuses, ``--db``) a store of invented wire stories, each republished by one to
three outlets with the same quotes, so the record has what a real one has: a speaker
registry, cross-outlet link groups, statement times ("said on Tuesday") and dated events
("talks in Geneva on March 3"); the registry, links and events are computed by the real
``update_record``, one call per batch as ingest does. Then times
:func:`onrecord.api.timelines.timeline` for a few typical requests (first page, a deep page,
one speaker, a search, a date range), best of ``--rounds``, each also against the whole
list (no limit) as the peer a page is compared with.

    .venv/bin/python benchmarks/timeline_page.py --db /tmp/tl.db          # 100k statements
    .venv/bin/python benchmarks/timeline_page.py --statements 20000        # quick, temp store
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.api import timelines  # noqa: E402
from onrecord.model import Article, Span, Speaker, Statement  # noqa: E402
from onrecord.resolve.updates import update_record  # noqa: E402
from onrecord.store.db import Store  # noqa: E402

OUTLETS = ("Northwind Wire", "Harbor Daily Post", "Meridian Today", "Coastal Ledger",
           "Valley Courier", "Summit Report")  # fmt: skip
FIRST = ("Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hugo", "Irina",
         "Jonas", "Katya", "Lars", "Maria", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tanya",
         "Viktor")  # fmt: skip
LAST = ("Adler", "Berg", "Castell", "Dorn", "Ekberg", "Falk", "Gorin", "Holm", "Ivanov", "Jansen",
        "Kessler", "Lind", "Moreau", "Novak", "Orlov", "Petrov", "Quist", "Roth", "Stahl", "Tamm",
        "Ulrich", "Vogel", "Wolff", "Zorin", "Brandt")  # fmt: skip
CITIES = ("Geneva", "Vienna", "Oslo", "Istanbul", "Helsinki", "Minsk", "Riga", "Tallinn")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
WORDS = ("harbour", "budget", "treaty", "grain", "corridor", "ceasefire", "tariff",
         "pipeline", "sanctions", "election", "reform", "delegation", "security", "energy",
         "border")  # fmt: skip
STATEMENTS_PER_STORY = 5
BATCH = 200  # articles per transaction (and per update_record call)


def story_articles(s: int, rng: random.Random) -> list[tuple[Article, list[Statement]]]:
    """Story ``s`` as published by one to three outlets: same quotes, own dateline."""
    year = 2021 + s % 3
    month = 1 + (s // 3) % 12
    day = 1 + (s // 36) % 27
    city = rng.choice(CITIES)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    topic = rng.choice(WORDS)
    quotes = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize()
        + f" in case {s}-{k}"
        for k in range(STATEMENTS_PER_STORY)
    ]
    out = []
    first = rng.randrange(len(OUTLETS))
    for copy in range(1 + s % 3):
        outlet = OUTLETS[(first + copy) % len(OUTLETS)]
        headline = f"{topic.capitalize()} talks in {city}, story {s}"
        text = (
            f"{headline}\n{city.upper()}, {MONTHS[month - 1]} {day} ({outlet}) - "
            f"The {topic} talks in {city} on {MONTHS[(month % 12)]} {1 + day % 27} were "
            "postponed, officials said.\n"
        )
        said = [(words, people[k % len(people)]) for k, words in enumerate(quotes)]
        for k, (words, name) in enumerate(said):
            text += f'"{words}," {name} said on {WEEKDAYS[(s + k) % len(WEEKDAYS)]}. '
        statements = [quote(text, words, name) for words, name in said]
        article = Article(
            id=f"story-{s}-{copy}",
            text=text,
            outlet=outlet,
            published=f"{year}-{month:02d}-{day:02d}T{8 + copy}:00:00+00:00",
            headline=headline,
            url=f"https://{outlet.split()[0].lower()}.example/{s}",
        )
        out.append((article, statements))
    return out


def quote(text: str, words: str, name: str) -> Statement:
    """The direct quote ``"words," name said`` of ``text``, placed by its words."""
    start = text.index(f'"{words},') + 1
    m = text.index(name, start + len(words))
    mention = Span.of(text, m, m + len(name))
    cue = Span.of(text, mention.end + 1, mention.end + 5)
    content = Span.of(text, start, start + len(words))
    return Statement("direct", content, Speaker(name, "person", mention), cue, source="benchmark")


def build_store(path: Path, statements: int, seed: int) -> float:
    """Fill the store and its record (``update_record`` per batch, as ingest); seconds."""
    rng = random.Random(seed)
    started = time.perf_counter()
    pending: list[tuple[Article, list[Statement]]] = []
    stored = s = 0
    with Store(path, create=True) as store:
        while stored < statements:
            pending.extend(story_articles(s, rng))
            s += 1
            if len(pending) >= BATCH or stored + sum(len(x) for _, x in pending) >= statements:
                with store.transaction():
                    for article, found in pending:
                        store.add_article(article, found)
                        stored += len(found)
                    update_record(store)
                pending = []
                print(f"\r  {stored:,} statements", end="", file=sys.stderr)
    print(file=sys.stderr)
    return time.perf_counter() - started


def best(fn: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """Fastest of ``rounds`` calls in ms, and the last result."""
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="reuse or create the store here (default: temp)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--no-full", action="store_true", help="skip timing the whole list")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="onrecord-timeline-") as tmp:
        db = args.db or Path(tmp) / "timeline.db"
        if db.exists():
            print(f"reusing store {db}")
        else:
            secs = build_store(db, args.statements, args.seed)
            print(f"built store and record: {args.statements:,} statements in {secs:.1f} s")
        with Store(db) as store:
            counts = store.counts()
            events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
            groups = store.conn.execute(
                "SELECT count(DISTINCT group_id) FROM link_members"
            ).fetchone()[0]
            speaker = store.conn.execute(
                "SELECT name FROM persons WHERE scope = '' ORDER BY id LIMIT 1"
            ).fetchone()[0]
            print(
                f"store: {counts.articles:,} articles, {counts.statements:,} statements, "
                f"{groups:,} link groups, {events:,} events ({db})"
            )
            cases: list[tuple[str, dict[str, Any]]] = [
                ("first page", {}),
                ("page at offset 10,000", {"offset": 10_000}),
                ("statements only", {"kind": "statements"}),
                (f"speaker {speaker}", {"speaker": speaker}),
                ("search 'ceasefire'", {"search": "ceasefire"}),
                ("2022-03 .. 2022-04", {"since": "2022-03", "until": "2022-04"}),
            ]
            print(f"{'request':<28} {'page of 100 ms':>15} {'whole list ms':>14} {'entries':>9}")
            for name, kw in cases:
                page_ms, page = best(
                    lambda kw=kw: timelines.timeline(store, limit=100, **kw), args.rounds
                )
                if args.no_full:
                    full_ms, total = float("nan"), "-"
                else:
                    full_kw = {k: v for k, v in kw.items() if k != "offset"}
                    full_ms, full = best(
                        lambda kw=full_kw: timelines.timeline(store, limit=None, **kw), 1
                    )
                    total = f"{len(full):,}"
                    offset = kw.get("offset", 0)
                    want = [e.to_json() for e in full[offset : offset + 100]]
                    if [e.to_json() for e in page] != want:
                        print(f"MISMATCH: {name}: the page is not the slice of the whole list")
                        return 1
                print(f"{name:<28} {page_ms:>15.1f} {full_ms:>14.1f} {total:>9}")
    load = os.getloadavg()
    print(f"load average: {load[0]:.1f} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
