"""PolNeAR dev regression (slow): scores may not drop below floors just under today's.

Run with ``.venv/bin/pytest tests/extract/test_polnear_dev.py -m slow``. Figures (README,
docs/scope.md, docs/model-card.md) come from ``onrecord eval ../shared/data/polnear/dev.jsonl
--scope SCOPE``. Dev carries hand-resolved canonical speakers, so "attribution (canonical)"
scores people (content overlap >= 0.5 and the canonical name right) and "attribution
(mention)" scores the words that name the speaker.
"""

from __future__ import annotations

from typing import Any

import pytest

from onrecord.evaluate import evaluate, gold_from_json
from onrecord.extract.nlp_setup import extraction_nlp
from onrecord.extract.pipeline import extract_parsed
from onrecord.model import Article

#: (metric, part) -> floor, per scope; each half a point under what was measured on
#: 2026-12-03 (README "Extraction quality", docs/scope.md).
FLOORS: dict[str, dict[tuple[str, str], float]] = {
    # measured: P 89.7, F1 71.7, exact 51.4, attribution 62.0 / 52.5, canonical 76.7
    "speech": {
        ("content@0.3", "f1"): 71.2,
        ("content@0.3", "precision"): 89.2,
        ("exact", "f1"): 50.9,
        ("attribution_mention", "f1"): 61.5,
        ("attribution_canonical", "f1"): 52.0,
        ("canonical_accuracy", ""): 76.2,
    },
    # measured: P 87.3, F1 77.1, exact 54.4, attribution 66.6 / 55.4, canonical 75.1
    "stance": {
        ("content@0.3", "f1"): 76.6,
        ("content@0.3", "precision"): 86.8,
        ("exact", "f1"): 53.9,
        ("attribution_mention", "f1"): 66.1,
        ("attribution_canonical", "f1"): 54.9,
        ("canonical_accuracy", ""): 74.6,
    },
    # measured: F1 78.6, attribution (canonical) 55.0
    "all": {
        ("content@0.3", "f1"): 78.1,
        ("attribution_canonical", "f1"): 54.5,
    },
}


def _value(res: dict[str, Any], metric: str, part: str) -> float:
    return float(res[metric][part] if part else res[metric])


@pytest.mark.slow
def test_polnear_dev_floors(shared) -> None:  # type: ignore[no-untyped-def]
    raw = shared.jsonl("data/polnear/dev.jsonl")
    gold = [gold_from_json(r, f"dev:{i}") for i, r in enumerate(raw)]
    docs = list(extraction_nlp().pipe(g.text for g in gold))  # one parse for every scope
    for scope, floors in FLOORS.items():
        preds = [
            extract_parsed(Article(id=g.id, text=g.text), doc, scope=scope)  # type: ignore[arg-type]
            for g, doc in zip(gold, docs, strict=True)
        ]
        res = evaluate(gold, preds)["all"]
        for (metric, part), floor in floors.items():
            assert _value(res, metric, part) >= floor, (scope, metric, part, res)
