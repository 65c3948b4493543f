"""Draw a reproducible random sample of onrecord's statements for reading by hand.

    .venv/bin/python scripts/sample_statements.py [--gold ../shared/data/polnear/train.jsonl]
        [--pred PRED.jsonl] [--n 100] [--seed 20261203] [--format text|table]

Runs ``onrecord extract`` on the documents (or reads ``--pred``), draws ``--n`` statements
uniformly from all statements found, and prints each with the paragraph around it, so a
reader can judge (a) whether it is a real statement and (b) whether the speaker name is
right. ``--format table`` prints only references (document id, offsets, kind, speaker),
which is what docs/speaker-sample.md keeps: the text stays in ../shared, not in the project.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from onrecord.extract.pipeline import extract_many
from onrecord.model import Article, Statement

DEFAULT_SEED = 20261203


def _statements(docs: list[dict[str, str]], pred: Path | None) -> list[list[Statement]]:
    if pred is not None:
        with pred.open(encoding="utf-8") as fh:
            lines = [json.loads(line) for line in fh]
        return [[Statement.from_json(s) for s in line["statements"]] for line in lines]
    articles = (Article(id=d["id"], text=d["text"]) for d in docs)
    return list(extract_many(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    parser.add_argument("--gold", type=Path, default=shared / "data/polnear/train.jsonl")
    parser.add_argument("--pred", type=Path, help="statements JSONL (default: extract now)")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--format", choices=("text", "table"), default="text")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"sample_statements: {args.gold}: no such file", file=sys.stderr)
        return 2
    with args.gold.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    found = _statements(docs, args.pred)
    pool = [(d, s) for d, sts in zip(docs, found, strict=True) for s in sts]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    if args.format == "table":
        print("| # | document | content offsets | kind | speaker name |")
        print("|---|---|---|---|---|")
    for n, (doc, st) in enumerate(sample, 1):
        name = st.speaker.name if st.speaker else None
        if args.format == "table":
            where = f"{st.content.start}-{st.content.end}"
            print(f"| {n} | {doc['id']} | {where} | {st.kind} | {name or '(none)'} |")
            continue
        text = doc["text"]
        a = text.rfind("\n", 0, max(0, st.content.start - 300)) + 1
        b = text.find("\n", min(len(text), st.content.end + 200))
        mention = st.speaker.mention.text if st.speaker and st.speaker.mention else None
        print(f"=== {n} {doc['id']} {st.content.start}-{st.content.end} {st.kind} act={st.act}")
        print(f"SPEAKER: {name!r}  (mention {mention!r}, cue {st.cue.text if st.cue else None!r})")
        print(f"CONTENT: {st.content.text}")
        print(f"CONTEXT: {text[a : b if b >= 0 else len(text)]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
