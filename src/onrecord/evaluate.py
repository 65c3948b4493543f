"""The ``onrecord eval`` metrics: how well predicted statements match gold annotations.

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
  texts are equal after :func:`normalise_content` (whitespace collapsed; quotation marks,
  whitespace and punctuation stripped at both ends; a leading "that" dropped, as the spec
  leaves it out of reported content; each piece normalised, then joined by one space).
* **attribution F1** (end to end): a pair matched at overlap 0.5 whose speaker is right, see
  :func:`speaker_right`: with a gold canonical name (seeds) the predicted ``speaker.name`` must
  equal it; without one (PolNeAR) the predicted mention must overlap a gold speaker span or
  equal its text; a gold statement without a speaker wants a prediction without a mention.
* **mention / canonical / cue accuracy**: over pairs matched at overlap 0.5; mention as
  above, canonical only where the gold has a canonical name, cue right when the spans overlap
  or the normalised words are equal (both absent also counts as right).
* **by kind**: recall of gold statements of that kind (against all predictions), precision
  of predictions of that kind (against all gold), so a wrong kind costs nothing twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.errors import InputError
from onrecord.model import KINDS, Statement

Piece = tuple[int, int]
THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
ATTRIBUTION_OVERLAP = 0.5

_QUOTE_CHARS = "\"'“”‘’«»„‟‚‹›`"
_EDGE_RE = re.compile(
    rf"^[\s{re.escape(_QUOTE_CHARS)}.,;:!?…—–-]+|[\s{re.escape(_QUOTE_CHARS)}.,;:!?…—–-]+$"
)
_SPACE_RE = re.compile(r"\s+")


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


# --- primitives --------------------------------------------------------------------------


def _merge(pieces: Iterable[Piece]) -> list[Piece]:
    """Sorted, non-overlapping pieces covering the same characters."""
    out: list[Piece] = []
    for a, b in sorted(p for p in pieces if p[1] > p[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def covered(gold: Sequence[Piece], pred: Sequence[Piece]) -> int:
    """Characters of ``gold`` that fall inside any of ``pred`` (both lists of pieces)."""
    merged_pred = _merge(pred)
    return sum(max(0, min(b, d) - max(a, c)) for a, b in _merge(gold) for c, d in merged_pred)


def overlap(gold: Sequence[Piece], pred: Sequence[Piece]) -> float:
    """Share of the gold characters covered by the prediction (0 for empty gold)."""
    total = sum(b - a for a, b in _merge(gold))
    return covered(gold, pred) / total if total else 0.0


def normalise_content(text: str) -> str:
    """Text for exact matching: whitespace collapsed, marks/punctuation stripped at the ends.

    A leading "that" is dropped too: the interchange spec leaves it out of reported content
    while some corpora (PolNeAR) keep it, and it is no part of what was said.
    """
    text = _SPACE_RE.sub(" ", text)
    previous = None
    while previous != text:
        previous, text = text, _EDGE_RE.sub("", text)
        if text[:5].lower() == "that ":
            text = text[5:]
    return text


def _norm_words(text: str | None) -> str:
    words = _SPACE_RE.sub(" ", (text or "").casefold()).strip(" .,:;\"'“”‘’")
    return re.sub(r"^the ", "", words)


def _touches(a: Sequence[Piece], b: Sequence[Piece]) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def _span_pieces(span: Any) -> tuple[Piece, ...]:
    return ((span.start, span.end),) if span is not None else ()


def speaker_mention_right(gold: GoldStatement, pred: Statement) -> bool:
    """Mention right: overlaps a gold speaker span or has its words; no gold speaker = none."""
    mention = pred.speaker.mention if pred.speaker else None
    if not gold.speaker_spans and not gold.speaker_text:
        return mention is None
    if mention is None:
        return False
    return _touches(gold.speaker_spans, _span_pieces(mention)) or _norm_words(
        mention.text
    ) == _norm_words(gold.speaker_text)


def canonical_right(gold: GoldStatement, pred: Statement) -> bool:
    """The predicted canonical name equals the gold one (case, spaces, leading "the" ignored)."""
    name = pred.speaker.name if pred.speaker else None
    return bool(name) and _norm_words(name) == _norm_words(gold.canonical)


def speaker_right(gold: GoldStatement, pred: Statement) -> bool:
    """Canonical name where the gold has one, else the mention (see module docstring)."""
    if gold.canonical:
        return canonical_right(gold, pred)
    return speaker_mention_right(gold, pred)


def cue_right(gold: GoldStatement, pred: Statement) -> bool:
    if not gold.cue_spans and not gold.cue_text:
        return pred.cue is None
    if pred.cue is None:
        return False
    return _touches(gold.cue_spans, _span_pieces(pred.cue)) or _norm_words(
        pred.cue.text
    ) == _norm_words(gold.cue_text)


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
            if pi not in used and pred_text[pi] == want and _touches(g.pieces, p.pieces()):
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
    gold_hit: dict[str, int] = field(default_factory=dict)
    pred_hit: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)

    def add(self, table: dict[str, int], key: str, n: int = 1) -> None:
        table[key] = table.get(key, 0) + n


def _metric_names() -> list[str]:
    return [f"content@{t}" for t in THRESHOLDS] + ["exact", "attribution"]


def evaluate_document(
    gold: GoldDocument, preds: Sequence[Statement], groups: dict[str, Counts]
) -> None:
    """Add one document's tallies to ``groups`` (keys: "all" and each kind)."""

    def group_names(kind: str) -> tuple[str, ...]:
        return ("all", kind)

    for g in gold.statements:
        for name in group_names(g.kind):
            groups.setdefault(name, Counts()).gold += 1
    for p in preds:
        for name in group_names(p.kind):
            groups.setdefault(name, Counts()).pred += 1

    matched: dict[str, list[tuple[int, int]]] = {
        f"content@{t}": match(gold.statements, preds, t) for t in THRESHOLDS
    }
    matched["exact"] = exact_pairs(gold.statements, preds)
    half = match(gold.statements, preds, ATTRIBUTION_OVERLAP)
    matched["attribution"] = [
        (gi, pi) for gi, pi in half if speaker_right(gold.statements[gi], preds[pi])
    ]
    for metric, pairs in matched.items():
        for gi, pi in pairs:
            for name in group_names(gold.statements[gi].kind):
                groups.setdefault(name, Counts()).add(groups[name].gold_hit, metric)
            for name in group_names(preds[pi].kind):
                groups.setdefault(name, Counts()).add(groups[name].pred_hit, metric)

    for gi, pi in half:
        g, p = gold.statements[gi], preds[pi]
        checks = {"mention": speaker_mention_right(g, p), "cue": cue_right(g, p)}
        if g.canonical:
            checks["canonical"] = canonical_right(g, p)
        for name in group_names(g.kind):
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
    """Metrics (percentages) per group: P/R/F1 per metric, accuracies, counts."""
    out: dict[str, dict[str, Any]] = {}
    for name in ("all", *KINDS):
        c = groups.get(name)
        if c is None:
            continue
        row: dict[str, Any] = {"gold": c.gold, "predicted": c.pred}
        for metric in _metric_names():
            row[metric] = _prf(c.pred_hit.get(metric, 0), c.pred, c.gold_hit.get(metric, 0), c.gold)
        for key in ("mention", "canonical", "cue"):
            asked = c.asked.get(key, 0)
            row[f"{key}_accuracy"] = 100 * c.right.get(key, 0) / asked if asked else None
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
    """A plain-text table: one row per metric, one column per group."""
    cols = [c for c in results if kinds or c == "all"]
    lines = [f"{'metric':<22}" + "".join(f"{c:>10}" for c in cols)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"{label:<22}" + "".join(f"{v:>10}" for v in values))

    row("gold", [str(results[c]["gold"]) for c in cols])
    row("predicted", [str(results[c]["predicted"]) for c in cols])
    for metric in _metric_names():
        for part in ("precision", "recall", "f1"):
            row(f"{metric} {part[0].upper()}", [f"{results[c][metric][part]:.1f}" for c in cols])
    for key in ("mention", "canonical", "cue"):
        vals = [results[c][f"{key}_accuracy"] for c in cols]
        row(f"{key} accuracy", ["-" if v is None else f"{v:.1f}" for v in vals])
    return "\n".join(lines)
