"""The learned part: does a candidate verb really attribute its message to someone?

A logistic regression over a few parse features (the verb's lemma, the message's shape, the
subject's kind, tense, negation, ...), trained on PolNeAR train by
``scripts/train_attribution.py`` and shipped as a small JSON file of feature weights, so
scoring needs no scikit-learn at run time and the weights can be read by a person. The model
learns, for instance, that "said" with a clausal complement is almost always an attribution
while "made" with an object almost never is, and it prices the long tail of verbs ("touted",
"blasted", "vowed") that no hand list covers.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from onrecord.extract.candidates import Candidate
from onrecord.extract.lexicon.speech import BELIEF_VERBS, SPEECH_VERBS

MODEL_PATH = Path(__file__).with_name("data") / "attribution_model.json"
_QUOTE_CHARS = frozenset('"“”«»„')


def features(cand: Candidate) -> dict[str, float]:
    """Sparse binary features of one candidate (names are readable on purpose)."""
    verb = cand.verb
    doc = verb.doc
    lemma = verb.lemma_.lower()
    subj = cand.subject
    subj_kind = "none" if subj is None else subj.pos_
    a, b = cand.pieces[0][0], cand.pieces[-1][1]
    n = sum(y - x for x, y in cand.pieces)
    first = doc[a]
    feats = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"shape={cand.shape}": 1.0,
        f"lemma_shape={lemma}|{cand.shape}": 1.0,
        f"tag={verb.tag_}": 1.0,
        f"dep={verb.dep_}": 1.0,
        f"subj={subj_kind}": 1.0,
        f"lemma_subj={lemma}|{subj_kind}": 1.0,
        f"shape_subj={cand.shape}|{subj_kind}": 1.0,
        f"first_dep={first.dep_}": 1.0,
        f"len={_bucket(n)}": 1.0,
        f"shape_len={cand.shape}|{_bucket(n)}": 1.0,
        f"next={doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else '<end>'}": 1.0,
    }
    if subj is not None:
        if subj.ent_type_:
            feats[f"subj_ent={subj.ent_type_}"] = 1.0
        if subj.pos_ == "PRON":
            feats[f"subj_pron={subj.lower_}"] = 1.0
    if lemma in SPEECH_VERBS:
        feats["speech_verb"] = 1.0
    if lemma in BELIEF_VERBS:
        feats["belief_verb"] = 1.0
    if any(c.dep_ == "neg" for c in verb.children):
        feats["negated"] = 1.0
    if any(c.tag_ == "MD" for c in verb.children):
        feats["modal"] = 1.0
    if a > verb.i:
        feats["message_after"] = 1.0
    else:
        feats["message_before"] = 1.0
    if any(t.text in _QUOTE_CHARS or t.text == "''" for t in doc[a:b]):
        feats["quote_in_message"] = 1.0
    if first.lower_ == "that":
        feats["that"] = 1.0
    return feats


def _bucket(n: int) -> str:
    return "1-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


_active_path: Path = MODEL_PATH


def use_model(path: Path) -> None:
    """Score with the weights in ``path`` from now on (the training script tunes a fresh file)."""
    global _active_path
    _active_path = path
    load_model.cache_clear()


@cache
def load_model() -> dict[str, Any]:
    """``{"weights": {feature: w}, "threshold": t, ...}``; an empty model accepts speech verbs."""
    try:
        with _active_path.open(encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
    except FileNotFoundError:
        return {"weights": {}, "threshold": 0.5}
    return data


def probability(cand: Candidate) -> float:
    """P(the candidate is an attribution). Without weights: 1 for speech verbs, else 0."""
    model = load_model()
    weights: dict[str, float] = model["weights"]
    if not weights:
        return 1.0 if cand.verb.lemma_.lower() in SPEECH_VERBS and cand.shape == "ccomp" else 0.0
    z = sum(weights.get(name, 0.0) * value for name, value in features(cand).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold() -> float:
    """The decision threshold for verbs of saying (tuned on PolNeAR dev by the train script)."""
    return float(load_model().get("threshold", 0.5))


#: In the ``stance`` scope, a verb in neither cue list (not "said", not "believes": "sees",
#: "launched") needs this probability. Chosen on PolNeAR dev (content F1 at 0.3; 0.55-0.65
#: are within half a point) and the seed articles, where a lower value admits actions such
#: as "launched an operation" as statements.
STANCE_THRESHOLD = 0.6


def stance_threshold() -> float:
    return float(load_model().get("stance_threshold", STANCE_THRESHOLD))
