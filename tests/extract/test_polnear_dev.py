"""PolNeAR dev regression (slow): scores may not drop below floors just under today's.

Run with ``.venv/bin/pytest tests/extract/test_polnear_dev.py -m slow``. Figures (README,
docs/model-card.md) come from ``onrecord eval ../shared/data/polnear/dev.jsonl``.
"""

from __future__ import annotations

import pytest

from onrecord.evaluate import evaluate, gold_from_json
from onrecord.extract.nlp_setup import extraction_nlp
from onrecord.extract.pipeline import extract_parsed
from onrecord.model import Article

#: scope -> (F1 at overlap 0.3, attribution F1, exact F1) floors on PolNeAR dev.
#: Measured (2026-12-03): stance 76.3/64.2/52.3, speech 71.1/59.6/49.1, all 77.3/64.0/50.2.
FLOORS = {
    "stance": (75.8, 63.7, 51.8),
    "speech": (70.6, 59.1, 48.6),
    "all": (76.8, 63.5, 49.7),
}


@pytest.mark.slow
def test_polnear_dev_floors(shared) -> None:  # type: ignore[no-untyped-def]
    raw = shared.jsonl("data/polnear/dev.jsonl")
    gold = [gold_from_json(r, f"dev:{i}") for i, r in enumerate(raw)]
    docs = list(extraction_nlp().pipe(g.text for g in gold))  # one parse for both scopes
    for scope, (f1, attribution, exact) in FLOORS.items():
        preds = [
            extract_parsed(Article(id=g.id, text=g.text), doc, scope=scope)  # type: ignore[arg-type]
            for g, doc in zip(gold, docs, strict=True)
        ]
        res = evaluate(gold, preds)["all"]
        assert res["content@0.3"]["f1"] >= f1, (scope, res)
        assert res["attribution"]["f1"] >= attribution, (scope, res)
        assert res["exact"]["f1"] >= exact, (scope, res)
