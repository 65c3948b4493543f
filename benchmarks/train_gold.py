"""Rebuild the canonical-speaker gold files for annotated PolNeAR *train* articles.

    .venv/bin/python benchmarks/train_gold.py [--set train50|check50] [-o FILE] [--shared ../shared]
    .venv/bin/onrecord eval /tmp/train50.jsonl

Why: PolNeAR dev carries hand-resolved canonical speakers, but dev is for measurement only.
Train articles were annotated by the same rules (../shared/spec/canonical-speakers.md); the
files in ``data/`` hold only the annotations (document id, quote index, the speaker spans it
annotates, the canonical name), no article text. This script joins them with the train file
in ../shared, which stays the only copy of the text.

* ``train50``: the tuning set. Speaker resolution (extract/speakers.py) was developed against
  it. `random.Random(7).sample(range(840), 50)` of the train file's lines; 1,105
  attributions with a source.
* ``check50``: a second, later sample that rules were *not* written against, to see whether
  what was learned on train50 carries over before dev is measured: the same 840 lines minus
  train50, `random.Random(11).sample(rest, 50)`; 1,078 attributions, annotated by two
  annotators (25 articles each) who never saw onrecord's output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    "train50": HERE / "data" / "polnear-train50-canonical.jsonl",
    "check50": HERE / "data" / "polnear-train-check50-canonical.jsonl",
}


def build(shared: Path, name: str = "train50") -> list[dict[str, object]]:
    """One set's annotated train documents in the gold format, ``speaker_canonical`` set."""
    wanted: dict[str, list[dict[str, object]]] = {}
    with SETS[name].open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            wanted[row["id"]] = row["canonical"]
    out: dict[str, dict[str, object]] = {}
    with (shared / "data" / "polnear" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] not in wanted:
                continue
            quotes = doc["quotes"]
            for ann in wanted[doc["id"]]:
                quote = quotes[int(ann["quote"])]  # type: ignore[call-overload]
                if quote.get("speaker_spans") != ann["speaker_spans"]:
                    raise SystemExit(f"train_gold: {doc['id']}: quote {ann['quote']} differs")
                quote["speaker_canonical"] = ann["speaker_canonical"]
            out[doc["id"]] = doc
    missing = sorted(set(wanted) - set(out))
    if missing:
        raise SystemExit(f"train_gold: not in the train file: {', '.join(missing[:3])} ...")
    return [out[doc_id] for doc_id in wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_shared = os.environ.get("ONRECORD_SHARED", str(HERE.parent.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=Path(default_shared))
    parser.add_argument("--set", choices=sorted(SETS), default="train50")
    parser.add_argument("-o", "--output", type=Path, help="default: /tmp/<set>.jsonl")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "polnear" / "train.jsonl").exists():
        print(f"train_gold: {args.shared}: no data/polnear/train.jsonl", file=sys.stderr)
        return 2
    docs = build(args.shared, args.set)
    output = args.output or Path(f"/tmp/{args.set}.jsonl")
    with output.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"train_gold: {len(docs)} documents -> {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
