"""Search latency of the HTTP API over a large generated store (a script, not a test).

Generates a store of synthetic articles (default 100,000 statements; invented words with a
Zipf-like frequency, so common words match thousands of statements and rare ones a few),
starts ``onrecord serve`` on a free loopback port in a subprocess, sends a bounded number of
varied ``GET /api/statements`` searches (words, phrases, prefixes, OR, exclusions, filters,
and syntax that FTS5 would reject) and the ``GET /api/facets`` counts the web UI's search
page asks after each page of results, and prints p50/p99 latency overall and per query type as
a Markdown block ready for the README (command, store size, requests, concurrency, machine
load). Fails (exit 1) if any search answers 500. Loopback only; stops by itself.

    .venv/bin/python benchmarks/search_load.py                   # 100k statements, 2000 requests
    .venv/bin/python benchmarks/search_load.py --concurrency 4   # four clients at once
    .venv/bin/python benchmarks/search_load.py --statements 20000 --requests 300   # quick
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.store.db import Store

OUTLETS = ("Northwind Wire", "Harbor Daily Post", "Meridian Today", "Coastal Ledger",
           "Valley Courier", "Summit Report", "Lakeside Herald", "Plains Gazette")  # fmt: skip
SYLLABLES = ("ka", "lo", "mi", "ren", "sta", "vor", "da", "pel", "tu", "gan", "shi", "bro",
             "nel", "qua", "ti", "mar", "zo", "fen", "lu", "dri")  # fmt: skip
STATEMENTS_PER_ARTICLE = 10
BATCH = 500  # articles per transaction


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """``size`` distinct invented words of 2-4 syllables."""
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


class Generator:
    """Synthetic articles: each a run of quoted statements with speaker and cue."""

    def __init__(self, seed: int, vocab_size: int, speakers: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary(vocab_size, self.rng)
        # Zipf-like: the word of rank r is drawn with weight 1/r.
        self.cum_weights = list(_cumulative(1.0 / r for r in range(1, vocab_size + 1)))
        first = vocabulary(60, self.rng)
        self.speakers = [
            f"{self.rng.choice(first).capitalize()} {self.rng.choice(self.vocab).capitalize()}"
            for _ in range(speakers)
        ]

    def sentence(self) -> str:
        n = self.rng.randint(6, 18)
        words = self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n)
        return " ".join(words).capitalize()

    def article(self, i: int) -> tuple[Article, list[Statement]]:
        parts: list[str] = [f"Report number {i}.\n\n"]
        offset = len(parts[0])
        statements: list[Statement] = []
        for _ in range(STATEMENTS_PER_ARTICLE):
            name = self.rng.choice(self.speakers)
            words = self.sentence()
            quote = f'"{words}," {name} said. '
            start = offset + 1
            content = Span(start, start + len(words), words)
            m_start = offset + len(words) + 4
            mention = Span(m_start, m_start + len(name), name)
            cue = Span(mention.end + 1, mention.end + 5, "said")
            statements.append(
                Statement(
                    kind="direct",
                    content=content,
                    speaker=Speaker(name=name, type="person", mention=mention),
                    cue=cue,
                    source="benchmark",
                )
            )
            parts.append(quote)
            offset += len(quote)
        text = "".join(parts)
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        article = Article(
            id=f"bench-{i}",
            text=text,
            outlet=OUTLETS[i % len(OUTLETS)],
            published=f"{2020 + (i // 336) % 4}-{month:02d}-{day:02d}",
            headline=f"Bench report {i}: {self.sentence()}",
        )
        return article, statements


def _cumulative(weights: Iterator[float]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def build_store(path: Path, statements: int, gen: Generator) -> float:
    """Fill the store through ``Store.add_article`` (one transaction per batch); seconds."""
    articles = -(-statements // STATEMENTS_PER_ARTICLE)
    started = time.perf_counter()
    with Store(path, create=True) as store:
        for first in range(0, articles, BATCH):
            with store.transaction():
                for i in range(first, min(first + BATCH, articles)):
                    article, found = gen.article(i)
                    store.add_article(article, found)
    return time.perf_counter() - started


def queries(gen: Generator, n: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """``n`` varied searches as (type, query parameters)."""
    rng = random.Random(seed)
    common = gen.vocab[:20]
    middle = gen.vocab[20:500]
    rare = gen.vocab[500:]
    kinds = {
        "common word": lambda: {"search": rng.choice(common)},
        "mid word": lambda: {"search": rng.choice(middle)},
        "rare word": lambda: {"search": rng.choice(rare)},
        "two words": lambda: {"search": f"{rng.choice(middle)} {rng.choice(common)}"},
        "phrase": lambda: {"search": f'"{gen.sentence().lower().split()[0]} {rng.choice(common)}"'},
        "prefix": lambda: {"search": rng.choice(middle)[:4] + "*"},
        "or": lambda: {"search": f"{rng.choice(middle)} OR {rng.choice(rare)}"},
        "exclude": lambda: {"search": f"{rng.choice(common)} -{rng.choice(common)}"},
        "+outlet": lambda: {"search": rng.choice(middle), "outlet": rng.choice(OUTLETS)},
        "+speaker": lambda: {"search": rng.choice(common), "speaker": rng.choice(gen.speakers)},
        "+dates": lambda: {"search": rng.choice(middle), "since": "2021-01", "until": "2021-06"},
        "+newest": lambda: {"search": rng.choice(common), "sort": "-date"},
        "page 5": lambda: {"search": rng.choice(common), "page": "5"},
        "bad syntax": lambda: {"search": rng.choice(['"unbalanced', "NEAR(", "AND OR", '"', "*"])},
        # what the search page asks after each page of results (its facet counts)
        "facets of a word": lambda: {
            "search": rng.choice(common + middle[:20]),
            "facet": ["speaker", "outlet", "kind", "year"],
            "_path": "/api/facets",
        },
    }
    names = list(kinds)
    return [(name, kinds[name]()) for name in (names[i % len(names)] for i in range(n))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(db: Path) -> Iterator[str]:
    """``onrecord serve`` in a subprocess on loopback; stopped on exit."""
    port = free_port()
    cmd = [sys.executable, "-m", "onrecord.cli.main", "serve", "--db", str(db),
           "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise SystemExit(f"server exited: {err.strip()}")
            try:
                httpx.get(base + "/api", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start within 60 s") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def pct(values: list[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured request."""

    kind: str
    ms: float
    status: int
    total: int | None  # the answer's total (None for a non-200)
    lower_bound: bool  # the total is "N or more"


def send(base: str, plan: list[tuple[str, dict[str, Any]]]) -> list[Sample]:
    """Send ``plan`` one request after another on one connection; a sample per request
    (to ``/api/statements`` unless the plan's ``_path`` names another endpoint)."""
    out: list[Sample] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for kind, planned in plan:
            params = dict(planned)
            path = params.pop("_path", "/api/statements")
            started = time.perf_counter()
            r = client.get(path, params=params)
            ms = (time.perf_counter() - started) * 1000
            body = r.json() if r.status_code == 200 else {}
            out.append(
                Sample(
                    kind,
                    ms,
                    r.status_code,
                    body.get("total", body.get("counted")),
                    bool(body.get("total_is_lower_bound") or body.get("partial")),
                )
            )
    return out


def measure(base: str, plan: list[tuple[str, dict[str, Any]]], clients: int) -> list[Sample]:
    """``plan`` spread over ``clients`` concurrent connections (round robin)."""
    if clients == 1:
        return send(base, plan)
    with ThreadPoolExecutor(clients) as pool:
        parts = pool.map(send, [base] * clients, [plan[i::clients] for i in range(clients)])
        return [s for part in parts for s in part]


def hits_cell(samples: list[Sample]) -> str:
    """The median total of the 200 answers ("10,000+" when that median is a lower bound)."""
    ok = sorted((s.total, s.lower_bound) for s in samples if s.total is not None)
    if not ok:
        return "(400)"
    total, lower = ok[(len(ok) - 1) // 2]
    return f"{total:,}{'+' if lower else ''}"


def report(samples: list[Sample], header: list[str]) -> str:
    """A Markdown block for the README: what was measured, then p50/p99 per query type."""
    by_type: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        by_type[s.kind].append(s)
    lines = [*header, "", "| query type | n | p50 ms | p99 ms | max ms | median hits |",
             "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for kind, group in by_type.items():
        ms = [s.ms for s in group]
        lines.append(f"| {kind} | {len(ms)} | {pct(ms, 50):.1f} | {pct(ms, 99):.1f} "
                     f"| {max(ms):.1f} | {hits_cell(group)} |")  # fmt: skip
    every = [s.ms for s in samples]
    lines.append(f"| **all** | {len(every)} | **{pct(every, 50):.1f}** | **{pct(every, 99):.1f}** "
                 f"| {max(every):.1f} | |")  # fmt: skip
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000, help="searches to send (bounded)")
    ap.add_argument("--warmup", type=int, default=50, help="searches sent before measuring")
    ap.add_argument("--concurrency", type=int, default=1, help="clients sending at once")
    ap.add_argument("--vocab", type=int, default=20_000, help="distinct invented words")
    ap.add_argument("--speakers", type=int, default=300)
    ap.add_argument("--db", type=Path, help="reuse or create the store here (default: temp)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not 1 <= args.requests <= 100_000:
        ap.error("--requests: expected 1 to 100000")
    if not 1 <= args.concurrency <= 64:
        ap.error("--concurrency: expected 1 to 64")

    gen = Generator(args.seed, args.vocab, args.speakers)
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if db.exists():
            built = f"reused {db}"
        else:
            built = f"built in {build_store(db, args.statements, gen):.1f} s"
        print(built)
        with Store(db) as store:
            counts = store.counts()
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))

        plan = queries(gen, args.warmup + args.requests, args.seed + 1)
        load_before = os.getloadavg()[0]
        with server(db) as base:
            send(base, plan[: args.warmup])
            samples = measure(base, plan[args.warmup :], args.concurrency)
        load_after = os.getloadavg()[0]
        statuses = Counter(s.status for s in samples)
        kinds = len({s.kind for s in samples})
        header = [
            f"`{' '.join(['.venv/bin/python', *sys.argv])}`",
            "",
            f"- store: {counts.statements:,} statements, {counts.articles:,} articles, "
            f"{counts.speakers:,} speakers, {size / 1e6:.1f} MB ({built.split(' /')[0]})",
            f"- load: {len(samples):,} `GET /api/statements` searches and `/api/facets` counts"
            f" of {kinds} types over "
            f"loopback after {args.warmup} warm-up; concurrency {args.concurrency} "
            f"(client{'s' if args.concurrency > 1 else ''} sending one request at a time)",
            f"- answers: {', '.join(f'{n:,} x {code}' for code, n in sorted(statuses.items()))}",
            f"- machine: {os.cpu_count()} CPUs, load average {load_before:.1f} before and "
            f"{load_after:.1f} after; Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}",
        ]
        print()
        print(report(samples, header))
        if statuses[500]:
            print("FAIL: some searches answered 500", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
