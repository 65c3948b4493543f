"""Acceptance on the Russian sample corpus: every gold statement found, right canonical speaker.

``samples/ru/gold.json`` was written by hand before the extractor was made to meet it
(``samples/ru/make_gold.py``); the figures here are the ones the README gives.
"""

from __future__ import annotations

import json
from pathlib import Path

from onrecord.evaluate import evaluate, gold_from_json
from onrecord.extract.pipeline import extract_many
from onrecord.model import Article

GOLD = Path(__file__).resolve().parents[3] / "samples" / "ru" / "gold.json"


def test_every_statement_with_its_canonical_speaker() -> None:
    lines = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [gold_from_json(x, str(GOLD)) for x in lines]
    # bare documents, as `onrecord eval` hands them over: the language is read from the text
    predicted = list(extract_many(Article(id=g.id, text=g.text) for g in gold))
    results = evaluate(gold, predicted)["all"]
    assert results["gold"] == results["predicted"] == 40
    assert results["attribution_canonical"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert results["canonical_accuracy"] == 100.0
    assert results["exact"]["f1"] == 100.0


def test_gold_text_is_the_sample_files_text() -> None:
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        assert (GOLD.parent / doc["meta"]["file"]).read_text(encoding="utf-8") == doc["text"]
