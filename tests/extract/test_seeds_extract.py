"""Both seed articles against ../shared/seeds/gold.jsonl (skipped when the folder is absent).

Acceptance of issue 3: every gold statement found (overlap >= 0.5) with the right canonical
speaker, and at most two statements that the gold does not have.
"""

from __future__ import annotations

from typing import Any

from onrecord.evaluate import canonical_right, evaluate, gold_from_json, match
from onrecord.extract.pipeline import extract_many
from onrecord.model import Article


def test_seed_statements_and_speakers(seed_gold: list[dict[str, Any]]) -> None:
    gold = [gold_from_json(g, f"seed:{i}") for i, g in enumerate(seed_gold)]
    preds = list(extract_many(Article(id=g.id, text=g.text) for g in gold))
    assert sum(len(g.statements) for g in gold) == 25
    problems = []
    extra = 0
    for doc, found in zip(gold, preds, strict=True):
        pairs = dict(match(doc.statements, found, 0.5))
        for gi, st in enumerate(doc.statements):
            if gi not in pairs:
                problems.append(f"{doc.id}: not found: {st.text[:60]!r}")
            elif not canonical_right(st, found[pairs[gi]]):
                speaker = found[pairs[gi]].speaker
                problems.append(f"{doc.id}: {st.text[:40]!r} speaker {speaker} != {st.canonical}")
        extra += len(found) - len(pairs)
    assert not problems, "\n".join(problems)
    assert extra <= 2
    assert evaluate(gold, preds)["all"]["attribution"]["recall"] == 100.0
