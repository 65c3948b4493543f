"""Throughput of the Russian extraction path (natasha), in words per second.

Usage::

    .venv/bin/python benchmarks/throughput_ru.py [DOCS.jsonl] [--repeat 20] [--rounds 2]

Documents JSONL in (``id``, ``text``; default: the Russian sample gold
``samples/ru/gold.json``, whose lines are documents too), each document taken ``--repeat``
times so that a round lasts long enough to time. The models are loaded and warmed on one
document before timing (loading takes a few seconds once per process and is reported apart).
Extraction goes through ``extract_many``, the same entry point as ``onrecord extract``, with
every document marked Russian. Words are whitespace-separated tokens of the text. The best of
``--rounds`` rounds counts, as in ``throughput.py``, because the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.extract.pipeline import extract_many  # noqa: E402
from onrecord.model import Article  # noqa: E402

DEFAULT = ROOT / "samples" / "ru" / "gold.json"


def load(path: Path) -> list[Article]:
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return [Article(id=str(d["id"]), text=d["text"], language="ru") for d in docs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = load(args.docs)
    started = time.perf_counter()
    list(extract_many(articles[:1]))
    loading = time.perf_counter() - started
    batch = articles * args.repeat
    words = sum(len(a.text.split()) for a in batch)
    best = None
    statements = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        statements = sum(len(found) for found in extract_many(batch))
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        shown = args.docs.resolve().relative_to(ROOT)
    except ValueError:
        shown = args.docs
    print(f"documents: {len(batch)} ({len(articles)} x {args.repeat}, {words} words) from {shown}")
    print(f"models loaded and warmed in {loading:.1f} s")
    print(
        f"onrecord ru  {len(batch) / best:7.2f} docs/s  {words / best:9.0f} words/s"
        f"  ({best:.2f} s, {statements} statements)"
    )
    print(f"peak memory (max RSS): {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
