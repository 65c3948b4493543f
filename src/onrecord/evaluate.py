"""The ``onrecord eval`` scores: how well predicted statements match gold annotations.

This module reads gold files, pairs gold and predicted statements, counts and reports; the
comparisons it counts with (overlap, normalised words, canonical names) are
:mod:`onrecord.metrics`, shared with extraction.

Definitions (also in the README; tests/extract/test_evaluate.py pins each on tiny examples):

* **overlap** of a prediction with a gold statement = the share of the gold content's
  characters (union of its ``content_spans``) covered by the prediction's pieces
  (``fragments``, else ``content``). It is asymmetric on purpose: it asks "did we find what was
  said", and precision punishes predictions that match nothing.
* **matching**: gold statements are taken in document order; each takes the unused
  prediction with the highest overlap (ties: the earlier prediction) if that overlap reaches the
  threshold. Every prediction is used at most once. Matching runs separately per threshold.
* **content P/R/F1 at 0.3 and 0.8**: precision = matched predictions / predictions, recall =
  matched gold / gold.
* **exact F1**: a prediction matches exactly when it overlaps the gold content and both
  texts are equal after :func:`~onrecord.metrics.normalise_content` (whitespace collapsed;
  quotation marks, whitespace and punctuation stripped at both ends; a leading "that"
  dropped, as the spec leaves it out of reported content; each piece normalised, then joined
  by one space).
* **attribution (mention) P/R/F1** (``attribution_mention``), end to end: a pair matched at
  overlap 0.5 whose speaker *mention* is right, see :func:`speaker_mention_right`: the
  predicted ``speaker.mention`` overlaps a gold speaker span or has its words; a gold statement
  without a speaker wants a prediction without a mention.
* **attribution (canonical) P/R/F1** (``attribution_canonical``), end to end: a pair matched at
  overlap 0.5 whose speaker *name* is right, see :func:`canonical_right`: the predicted
  ``speaker.name`` equals the gold ``speaker_canonical`` by
  :func:`~onrecord.metrics.canonical_key` (case, accents, punctuation, possessive 's, a
  leading "the" and titles ignored, as
  ``shared/spec/canonical-speakers.md`` says); a gold statement without a speaker wants a
  prediction without a name; a gold statement with a speaker but no canonical name (gold
  annotated only in part) falls back to the mention rule. Computed only when some gold
  statement has a canonical name (seeds, PolNeAR dev); otherwise ``None`` and not shown.
* **attribution** (JSON key kept for older readers): the headline attribution figure, the
  canonical one when the gold has canonical names, else the mention one; ``attribution_by``
  says which ("canonical" or "mention").
* **mention / canonical / cue accuracy**: over pairs matched at overlap 0.5; mention and
  canonical by the same rules as the two attribution rows (so accuracy x content recall at 0.5
  = attribution recall), canonical only when the gold has canonical names (else ``None``, not
  shown); cue right when the spans overlap or the normalised words are equal (both absent
  also counts as right).
* **by kind**: recall of gold statements of that kind (against all predictions), precision
  of predictions of that kind (against all gold), so a wrong kind costs nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.errors import InputError
from onrecord.metrics import (
    Piece,
    normalise_content,
    normalise_words,
    overlap,
    same_canonical,
    touches,
)
from onrecord.model import KINDS, Statement

THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
ATTRIBUTION_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One annotated statement, reduced to what the metrics compare."""

    kind: str
    pieces: tuple[Piece, ...]
    text: str
    speaker_spans: tuple[Piece, ...] = ()
    speaker_text: str | None = None
    canonical: str | None = None
    cue_spans: tuple[Piece, ...] = ()
    cue_text: str | None = None
    piece_texts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    statements: tuple[GoldStatement, ...]


def gold_from_json(data: dict[str, Any], source: str) -> GoldDocument:
    """A gold line (spec: ``quotes`` with ``content_spans`` etc.) as a :class:`GoldDocument`."""
    text = data.get("text")
    quotes = data.get("quotes")
    if not isinstance(text, str) or not isinstance(quotes, list):
        raise InputError("gold line needs 'text' and a 'quotes' list", source=source)
    out = []
    for n, q in enumerate(quotes):
        try:
            pieces = _spans(q.get("content_spans")) or ((int(q["start"]), int(q["end"])),)
            kind = q.get("kind") or "direct"
            speaker_text = q.get("speaker_mention") or q.get("speaker")
            out.append(
                GoldStatement(
                    kind=kind,
                    pieces=pieces,
                    text=" ".join(text[a:b] for a, b in pieces),
                    piece_texts=tuple(text[a:b] for a, b in pieces),
                    speaker_spans=_spans(q.get("speaker_spans")),
                    speaker_text=speaker_text,
                    canonical=q.get("speaker_canonical"),
                    cue_spans=_spans(q.get("cue_spans")),
                    cue_text=q.get("cue"),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"quote {n}: bad span ({exc})", source=source) from None
    out.sort(key=lambda g: g.pieces[0])
    return GoldDocument(str(data.get("id")), text, tuple(out))


def _spans(value: Any) -> tuple[Piece, ...]:
    return tuple((int(a), int(b)) for a, b in value or ())


# --- what is right about a matched pair ----------------------------------------------


def _span_pieces(span: Any) -> tuple[Piece, ...]:
    return ((span.start, span.end),) if span is not None else ()


def speaker_mention_right(gold: GoldStatement, pred: Statement) -> bool:
    """Mention right: overlaps a gold speaker span or has its words; no gold speaker = none."""
    mention = pred.mention
    if not gold.speaker_spans and not gold.speaker_text:
        return mention is None
    if mention is None:
        return False
    return touches(gold.speaker_spans, _span_pieces(mention)) or normalise_words(
        mention.text
    ) == normalise_words(gold.speaker_text)


def canonical_right(gold: GoldStatement, pred: Statement) -> bool:
    """Canonical name right: equal to the gold one by
    :func:`~onrecord.metrics.canonical_key`; a gold statement without a speaker wants no name;
    one with a speaker but no canonical name (gold annotated only in part) is judged by its
    mention instead."""
    name = pred.speaker.name if pred.speaker else None
    if gold.canonical:
        return same_canonical(name, gold.canonical)
    if not gold.speaker_spans and not gold.speaker_text:
        return not name
    return speaker_mention_right(gold, pred)


def cue_right(gold: GoldStatement, pred: Statement) -> bool:
    """Cue right: overlaps a gold cue span or has its words; no gold cue wants none."""
    if not gold.cue_spans and not gold.cue_text:
        return pred.cue is None
    if pred.cue is None:
        return False
    return touches(gold.cue_spans, _span_pieces(pred.cue)) or normalise_words(
        pred.cue.text
    ) == normalise_words(gold.cue_text)


def match(
    gold: Sequence[GoldStatement], preds: Sequence[Statement], threshold: float
) -> list[tuple[int, int]]:
    """Greedy pairs ``(gold index, pred index)``: gold in order, best unused prediction."""
    used: set[int] = set()
    pairs = []
    pred_pieces = [p.pieces() for p in preds]
    for gi, g in enumerate(gold):
        best, best_score = -1, 0.0
        for pi, pieces in enumerate(pred_pieces):
            if pi in used:
                continue
            score = overlap(g.pieces, pieces)
            if score > best_score:
                best, best_score = pi, score
        if best >= 0 and best_score >= threshold:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def exact_pairs(gold: Sequence[GoldStatement], preds: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs whose normalised content is equal and whose spans overlap (each used once)."""
    used: set[int] = set()
    pairs = []
    pred_text = [_normalise_pieces(_piece_text(p)) for p in preds]
    for gi, g in enumerate(gold):
        want = _normalise_pieces(g.piece_texts)
        for pi, p in enumerate(preds):
            if pi not in used and pred_text[pi] == want and touches(g.pieces, p.pieces()):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _normalise_pieces(texts: Iterable[str]) -> str:
    """Each piece normalised on its own, then joined: marks between fragments vanish."""
    return " ".join(n for n in (normalise_content(t) for t in texts) if n)


def _piece_text(pred: Statement) -> list[str]:
    """The prediction's piece texts (from its content when it has no fragments)."""
    if not pred.fragments:
        return [pred.content.text]
    base = pred.content.start
    text = pred.content.text
    return [text[a - base : b - base] for a, b in pred.fragments]


# --- counting ------------------------------------------------------------------------------


@dataclass
class Counts:
    """Tallies for one group (overall or one kind); metrics are derived from these."""

    gold: int = 0
    pred: int = 0
    gold_canonical: int = 0  # gold statements with a canonical name
    gold_hit: dict[str, int] = field(default_factory=dict)
    pred_hit: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)

    def add(self, table: dict[str, int], key: str, n: int = 1) -> None:
        table[key] = table.get(key, 0) + n


#: The P/R/F1 metrics, in table order (``attribution`` is an alias, see the module docstring).
METRICS: tuple[str, ...] = (
    *(f"content@{t}" for t in THRESHOLDS),
    "exact",
    "attribution_mention",
    "attribution_canonical",
)
#: Table labels where they differ from the key.
LABELS = {
    "attribution_mention": "attribution (mention)",
    "attribution_canonical": "attribution (canonical)",
}
#: Keys that are ``None`` (and rows not shown) when the gold has no canonical names.
CANONICAL_KEYS = ("attribution_canonical", "canonical_accuracy")


def evaluate_document(
    gold: GoldDocument, preds: Sequence[Statement], groups: dict[str, Counts]
) -> None:
    """Add one document's tallies to ``groups`` (keys: "all" and each kind)."""

    def group_names(kind: str) -> tuple[str, ...]:
        return ("all", kind)

    for g in gold.statements:
        for name in group_names(g.kind):
            c = groups.setdefault(name, Counts())
            c.gold += 1
            c.gold_canonical += int(bool(g.canonical))
    for p in preds:
        for name in group_names(p.kind):
            groups.setdefault(name, Counts()).pred += 1

    matched: dict[str, list[tuple[int, int]]] = {
        f"content@{t}": match(gold.statements, preds, t) for t in THRESHOLDS
    }
    matched["exact"] = exact_pairs(gold.statements, preds)
    judged = []  # pairs matched at overlap 0.5, with what is right about each
    for gi, pi in match(gold.statements, preds, ATTRIBUTION_OVERLAP):
        g, p = gold.statements[gi], preds[pi]
        checks = {
            "mention": speaker_mention_right(g, p),
            "canonical": canonical_right(g, p),
            "cue": cue_right(g, p),
        }
        judged.append((gi, pi, checks))
    for rule in ("mention", "canonical"):
        matched[f"attribution_{rule}"] = [(gi, pi) for gi, pi, ok in judged if ok[rule]]
    for metric, pairs in matched.items():
        for gi, pi in pairs:
            for name in group_names(gold.statements[gi].kind):
                groups.setdefault(name, Counts()).add(groups[name].gold_hit, metric)
            for name in group_names(preds[pi].kind):
                groups.setdefault(name, Counts()).add(groups[name].pred_hit, metric)

    for gi, _, checks in judged:
        for name in group_names(gold.statements[gi].kind):
            c = groups.setdefault(name, Counts())
            for key, ok in checks.items():
                c.add(c.asked, key)
                c.add(c.right, key, int(ok))


def _prf(hit_pred: int, n_pred: int, hit_gold: int, n_gold: int) -> dict[str, float]:
    p = hit_pred / n_pred if n_pred else 0.0
    r = hit_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f}


def summarise(groups: dict[str, Counts]) -> dict[str, dict[str, Any]]:
    """Metrics (percentages) per group: P/R/F1 per metric, accuracies, counts.

    Whether the gold has canonical names is decided over the whole corpus (group "all"), so
    every group has the same figures.
    """
    everything = groups.get("all")
    has_canonical = bool(everything and everything.gold_canonical)
    out: dict[str, dict[str, Any]] = {}
    for name in ("all", *KINDS):
        c = groups.get(name)
        if c is None:
            continue
        row: dict[str, Any] = {"gold": c.gold, "predicted": c.pred}
        for metric in METRICS:
            row[metric] = _prf(c.pred_hit.get(metric, 0), c.pred, c.gold_hit.get(metric, 0), c.gold)
        for key in ("mention", "canonical", "cue"):
            asked = c.asked.get(key, 0)
            row[f"{key}_accuracy"] = 100 * c.right.get(key, 0) / asked if asked else None
        if not has_canonical:
            row.update(dict.fromkeys(CANONICAL_KEYS))
        row["attribution_by"] = "canonical" if has_canonical else "mention"
        row["attribution"] = row[f"attribution_{row['attribution_by']}"]
        out[name] = row
    return out


def evaluate(
    gold_docs: Sequence[GoldDocument], predictions: Sequence[Sequence[Statement]]
) -> dict[str, dict[str, Any]]:
    """Metrics over a corpus: ``predictions[i]`` are the statements found in ``gold_docs[i]``."""
    groups: dict[str, Counts] = {"all": Counts()}
    for gold, preds in zip(gold_docs, predictions, strict=True):
        evaluate_document(gold, preds, groups)
    return summarise(groups)


def format_table(results: dict[str, dict[str, Any]], kinds: bool) -> str:
    """A plain-text table: one row per metric, one column per group; the canonical rows only
    when the gold has canonical names."""
    cols = [c for c in results if kinds or c == "all"]
    has_canonical = any(results[c]["attribution_by"] == "canonical" for c in cols)
    width = 2 + max(len(label) for label in LABELS.values()) + 2
    lines = [f"{'metric':<{width}}" + "".join(f"{c:>10}" for c in cols)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"{label:<{width}}" + "".join(f"{v:>10}" for v in values))

    row("gold", [str(results[c]["gold"]) for c in cols])
    row("predicted", [str(results[c]["predicted"]) for c in cols])
    for metric in METRICS:
        if metric in CANONICAL_KEYS and not has_canonical:
            continue
        for part in ("precision", "recall", "f1"):
            label = f"{LABELS.get(metric, metric)} {part[0].upper()}"
            row(label, [f"{results[c][metric][part]:.1f}" for c in cols])
    for key in ("mention_accuracy", "canonical_accuracy", "cue_accuracy"):
        if key in CANONICAL_KEYS and not has_canonical:
            continue
        vals = [results[c][key] for c in cols]
        row(key.replace("_", " "), ["-" if v is None else f"{v:.1f}" for v in vals])
    return "\n".join(lines)
