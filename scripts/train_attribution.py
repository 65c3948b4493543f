"""Train the attribution model (src/onrecord/extract/data/attribution_model.json).

Usage::

    .venv/bin/python scripts/train_attribution.py [--train ../shared/data/polnear/train.jsonl]
        [--dev ../shared/data/polnear/dev.jsonl] [--cache /tmp/onrecord-parses]

Every candidate verb of PolNeAR train (extract/candidates.py) is labelled 1 when it lies in a
gold cue span, else 0; a logistic regression (liblinear, fixed seed, L2) learns the features
of extract/attribution_model.py. The decision threshold is the one that maximises content
F1 at overlap 0.3 on dev (tuned on dev only; the test split is never used). The output holds
feature weights only, no text from the corpus. ``--cache`` keeps spaCy parses between runs
(they take minutes on a small machine); the cache lives outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.config import shared_dir  # noqa: E402
from onrecord.evaluate import evaluate, gold_from_json  # noqa: E402
from onrecord.extract import attribution_model  # noqa: E402
from onrecord.extract.attribution_model import MODEL_PATH, features  # noqa: E402
from onrecord.extract.candidates import candidates  # noqa: E402
from onrecord.extract.context import build_context  # noqa: E402
from onrecord.extract.cues import DEFAULT_SCOPE, SCOPES  # noqa: E402
from onrecord.extract.nlp_setup import extraction_nlp  # noqa: E402
from onrecord.extract.pipeline import extract_parsed  # noqa: E402
from onrecord.model import Article  # noqa: E402

SEED = 13
MIN_FEATURE_COUNT = 2


def load(path: Path, cache: Path | None) -> tuple[list[dict[str, Any]], list[Any]]:
    """Gold lines and their spaCy parses (from the cache when it has them)."""
    from spacy.tokens import DocBin

    nlp = extraction_nlp()
    raw = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    cached = cache / (path.stem + ".spacy") if cache else None
    if cached and cached.exists():
        docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        if len(docs) == len(raw):
            return raw, docs
    docs = list(nlp.pipe((r["text"] for r in raw), batch_size=16))
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin()
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cached)
    return raw, docs


def examples(
    raw: list[dict[str, Any]], docs: list[Any]
) -> tuple[list[dict[str, float]], list[int]]:
    xs, ys = [], []
    for r, doc in zip(raw, docs, strict=True):
        cue_chars = {
            i for q in r["quotes"] for a, b in q.get("cue_spans") or () for i in range(a, b)
        }
        ctx = build_context(Article(id=str(r["id"]), text=r["text"]), doc, "all")
        for cand in candidates(ctx):
            xs.append(features(cand))
            ys.append(int(cand.verb.idx in cue_chars))
    return xs, ys


def train(xs: list[dict[str, float]], ys: list[int]) -> dict[str, float]:
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for x in xs for name in x)
    xs = [{k: v for k, v in x.items() if counts[k] >= MIN_FEATURE_COUNT} for x in xs]
    vec = DictVectorizer()
    matrix = vec.fit_transform(xs).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear wants 32-bit indices
    matrix.indptr = matrix.indptr.astype("int32")
    clf = LogisticRegression(C=0.5, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(clf.intercept_[0]), 4)
    return weights


def tune_threshold(raw: list[dict[str, Any]], docs: list[Any], scope: str) -> tuple[float, dict]:
    """The threshold with the best content F1 at overlap 0.3 on dev."""
    gold = [gold_from_json(r, f"dev:{i}") for i, r in enumerate(raw)]
    best = (0.0, 0.5, {})
    for t in [x / 20 for x in range(4, 15)]:
        attribution_model.load_model.cache_clear()
        model = attribution_model.load_model()
        model["threshold"] = t
        preds = [
            extract_parsed(Article(id=str(r["id"]), text=r["text"]), d, scope=scope)
            for r, d in zip(raw, docs, strict=True)
        ]
        res = evaluate(gold, preds)["all"]
        f1 = res["content@0.3"]["f1"]
        print(f"  threshold {t:.2f}: F1@0.3 {f1:.1f} attribution {res['attribution']['f1']:.1f}")
        if f1 > best[0]:
            best = (f1, t, res)
    return best[1], best[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    polnear = shared_dir() / "data" / "polnear"
    parser.add_argument("--train", type=Path, default=polnear / "train.jsonl")
    parser.add_argument("--dev", type=Path, default=polnear / "dev.jsonl")
    parser.add_argument("--cache", type=Path, default=None, help="folder for cached parses")
    parser.add_argument(
        "--scope", default=DEFAULT_SCOPE, choices=SCOPES, help="scope the threshold is tuned for"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()

    raw, docs = load(args.train, args.cache)
    xs, ys = examples(raw, docs)
    print(f"train: {len(xs)} candidates, {sum(ys)} attributions")
    weights = train(xs, ys)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model = {
        "weights": weights,
        "threshold": 0.5,
        "trained_on": "PolNeAR v1.0.0 train",
        "seed": SEED,
    }
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    dev_raw, dev_docs = load(args.dev, args.cache)
    attribution_model.use_model(args.out)  # tune the weights just written, not the shipped ones
    threshold, _ = tune_threshold(dev_raw, dev_docs, args.scope)
    model["threshold"] = threshold
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, threshold {threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
