"""Throughput of onrecord's extraction against textacy's direct quotations, side by side.

Usage::

    .venv/bin/python benchmarks/throughput.py [DOCS.jsonl] [--limit N] [--rounds 2]
        [--model NAME] [--scope stance|speech|all] [--batch-size 32]

Both run in this one process over the same documents (default: PolNeAR dev from
../shared) with the same spaCy model: onrecord through ``extract_many`` (its pipeline: one
parse per document, then quotes, reported speech, headlines and speaker resolution), textacy
through ``spacy.load(model).pipe`` plus ``textacy.extract.triples.direct_quotations`` on each
document (textacy needs the parse too; it raises on documents with an odd number of quotation
marks, which are counted as failed, not retried). Rounds alternate the order and the best
round of each counts, so a busy shared machine hurts both alike. Peak memory is the process's
maximum resident set size (``resource.getrusage``), which covers both pipelines loaded
together, so it is an upper bound for onrecord alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.config import model_names, shared_dir  # noqa: E402
from onrecord.extract.cues import DEFAULT_SCOPE, SCOPES  # noqa: E402
from onrecord.extract.pipeline import extract_many  # noqa: E402
from onrecord.model import Article  # noqa: E402


def load_texts(path: Path, limit: int | None) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if line.strip():
                data = json.loads(line)
                out.append((str(data.get("id", n)), data["text"]))
    return out[:limit] if limit else out


def run_onrecord(docs: list[tuple[str, str]], args: argparse.Namespace) -> int:
    articles = (Article(id=i, text=t) for i, t in docs)
    return sum(
        len(s) for s in extract_many(articles, args.batch_size, model=args.model, scope=args.scope)
    )


def make_textacy(model: str) -> Callable[[list[tuple[str, str]], argparse.Namespace], int]:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(model)

    def run(docs: list[tuple[str, str]], args: argparse.Namespace) -> int:
        found = 0
        run.failed = 0  # type: ignore[attr-defined]
        for doc in nlp.pipe((t for _, t in docs), batch_size=args.batch_size):
            try:
                found += len(list(direct_quotations(doc)))
            except Exception:  # textacy gives up on unbalanced quotation marks
                run.failed += 1  # type: ignore[attr-defined]
        return found

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "docs", nargs="?", type=Path, default=shared_dir() / "data/polnear/dev.jsonl"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default=None)
    parser.add_argument("--scope", default=DEFAULT_SCOPE, choices=SCOPES)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    docs = load_texts(args.docs, args.limit)
    words = sum(len(t.split()) for _, t in docs)
    model = args.model or _installed_model()
    args.model = model
    textacy_run = make_textacy(model)
    run_onrecord(docs[:2], args)  # load and warm both pipelines before timing
    textacy_run(docs[:2], args)

    best = {"onrecord": float("inf"), "textacy": float("inf")}
    best_cpu = dict(best)
    found = {"onrecord": 0, "textacy": 0}
    runners = {"onrecord": run_onrecord, "textacy": textacy_run}
    for r in range(args.rounds):
        order = ["onrecord", "textacy"] if r % 2 == 0 else ["textacy", "onrecord"]
        for name in order:
            start, start_cpu = time.perf_counter(), time.process_time()
            found[name] = runners[name](docs, args)
            best[name] = min(best[name], time.perf_counter() - start)
            best_cpu[name] = min(best_cpu[name], time.process_time() - start_cpu)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(docs)} ({words} words) from {args.docs}; spaCy model {model}")
    for name in ("onrecord", "textacy"):
        secs = best[name]
        print(
            f"{name:9} {len(docs) / secs:8.2f} docs/s {words / secs:10.0f} words/s"
            f"  ({secs:.2f} s, {best_cpu[name]:.2f} CPU s, {found[name]} statements)"
        )
    print(f"textacy failed documents (unbalanced quotes): {getattr(textacy_run, 'failed', 0)}")
    ratio = best["textacy"] / best["onrecord"]
    print(f"ratio onrecord/textacy docs/s: {ratio:.2f}")
    cpu_ratio = best_cpu["textacy"] / best_cpu["onrecord"]
    print(f"ratio onrecord/textacy docs per CPU second: {cpu_ratio:.2f}")
    print(f"peak memory (max RSS, both pipelines loaded): {peak_mb:.0f} MB")
    return 0


def _installed_model() -> str:
    import spacy.util

    for name in model_names():
        if spacy.util.is_package(name):
            return name
    return model_names()[-1]


if __name__ == "__main__":
    sys.exit(main())
