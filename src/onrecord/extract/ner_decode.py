"""The entity recogniser's decisions taken in numpy: the same entities at a fraction of the cost.

Why: spaCy's greedy NER checks every one of its 73 actions (B/I/L/U for 18 labels, and O) for
validity at every token, through C++ state accessors that take and drop Python's global
interpreter lock on each call. On PolNeAR dev that bookkeeping was about half of the
recogniser's 3.4 CPU seconds, more than its network.

The model itself makes the work simple: its state features are the word at the front of the
buffer, and, only while an entity is open, the entity's first word and the word before the
front (``StateC.set_context_tokens`` with three features). Outside an entity a token's scores
therefore do not depend on any earlier decision, so :class:`FastEntityDecoder` scores every
token at once, picks the best valid action of each with array operations, and walks the
document only from one action that opens an entity to the next. Inside an entity it scores
the next few tokens with the entity's start, as the parser would. The scores come from the
recogniser's own step model (``state2vec``, ``vec2scores``: the same precomputed features, the
same BLAS calls), valid actions follow ``spacy/pipeline/_parser_internals/ner.pyx`` for
documents without preset entities, and ties go to the lower action as in
``arg_max_if_valid``. Documents it was not written for (preset entities, a beam, another
feature set) go through spaCy's own ``pipe``; tests compare the two on real text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Doc

#: (start, end, label) of an entity in its document's tokens.
Entity = tuple[int, int, int]
#: Tokens scored at once inside an entity (most entities are one to three words).
_CHUNK = 6


class FastEntityDecoder:
    """Greedy decoding of a transition-based NER, as spaCy's ``greedy_parse`` does it."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        strings = ner.vocab.strings
        self.n_classes = len(names)
        #: per class: its move ("B", "I", "L", "U", "O") and label hash (0 for none)
        self.move = [n.split("-", 1)[0] for n in names]
        self.label = [strings.add(n.split("-", 1)[1]) if "-" in n else 0 for n in names]
        self.usable = (
            set(self.move) <= {"B", "I", "L", "U", "O"}
            and ner.cfg.get("beam_width", 1) == 1
            and ner.model.get_ref("lower").get_dim("nF") == 3
        )
        labelled = numpy.array([lab != 0 for lab in self.label])
        move = numpy.array(self.move)
        self.begin = (move == "B") & labelled
        self.unit = (move == "U") & labelled
        self.out = move == "O"
        #: label hash -> (class of I, class of L)
        self.inside: dict[int, tuple[int, int]] = {}
        by_name = {name: c for c, name in enumerate(names)}
        for lab in set(self.label) - {0}:
            i_cls, l_cls = by_name.get(f"I-{strings[lab]}"), by_name.get(f"L-{strings[lab]}")
            if i_cls is None or l_cls is None:
                self.usable = False  # a label that cannot continue: not the model this reads
            else:
                self.inside[lab] = (i_cls, l_cls)

    def entities(self, docs: Sequence[Doc]) -> list[list[Entity]]:
        """Each document's entities, as ``ner.pipe`` would set them; they are not set on the
        documents (except where spaCy's own ``pipe`` is asked instead)."""
        docs = list(docs)
        if not self.usable or any(doc.to_array(ENT_IOB).any() for doc in docs if len(doc)):
            return [_spacy_entities(doc) for doc in self.ner.pipe(docs)]
        nonempty = [doc for doc in docs if len(doc)]
        found: dict[int, list[Entity]] = {}
        if nonempty:
            step = self.ner.model.predict(nonempty)
            offset = 0
            outside = self._scores(step, numpy.arange(sum(len(d) for d in nonempty)), None)
            for doc in nonempty:
                scores = outside[offset : offset + len(doc)]
                found[id(doc)] = self._decode(step, doc, offset, scores)
                offset += len(doc)
            step.clear_memory()
        return [found.get(id(doc), []) for doc in docs]

    def _scores(self, step: Any, tokens: numpy.ndarray, start: int | None) -> numpy.ndarray:
        """Action scores at ``tokens`` (global indices): outside any entity when ``start`` is
        None, else inside one that began at ``start``."""
        ids = numpy.full((len(tokens), 3), -1, dtype="i")
        ids[:, 0] = tokens
        if start is not None:
            ids[:, 1] = start
            ids[:, 2] = tokens - 1
        scores = step.vec2scores.predict(step.state2vec.predict(ids))
        scores[:, step._class_mask == 0] = -numpy.inf  # never chosen (spaCy: the minimum)
        return numpy.asarray(scores)

    def _decode(self, step: Any, doc: Doc, offset: int, outside: numpy.ndarray) -> list[Entity]:
        n = len(doc)
        rows = doc.to_array([SENT_START, IS_SPACE]).astype("int64")
        space = rows[:, 1] == 1
        next_starts = numpy.zeros(n, dtype=bool)  # the next token starts a sentence
        next_starts[:-1] = rows[1:, 0] == 1
        last = numpy.zeros(n, dtype=bool)
        last[-1] = True
        valid = (
            (self.begin[None, :] & ~(last | next_starts | space)[:, None])
            | (self.unit[None, :] & ~space[:, None])
            | self.out[None, :]
        )
        best = numpy.where(valid, outside, -numpy.inf).argmax(axis=1)  # first of equals
        ents: list[Entity] = []
        cursor = 0
        for i in numpy.nonzero(~self.out[best])[0].tolist():
            if i < cursor:
                continue  # inside the entity just read
            cls = int(best[i])
            label = self.label[cls]
            if self.move[cls] == "U":
                ents.append((i, i + 1, label))
                cursor = i + 1
                continue
            end = self._close(step, i, offset, label, last, next_starts)
            ents.append((i, end, label))
            cursor = end
        return ents

    def _close(
        self,
        step: Any,
        start: int,
        offset: int,
        label: int,
        last: numpy.ndarray,
        next_starts: numpy.ndarray,
    ) -> int:
        """Where an entity opened at ``start`` ends: I while I scores higher and is valid."""
        i_cls, l_cls = self.inside[label]
        n = len(last)
        i = start + 1
        while True:
            upto = min(n, i + _CHUNK)
            scores = self._scores(step, numpy.arange(i, upto) + offset, start + offset)
            for k, row in enumerate(scores):
                j = i + k
                may_go_on = not last[j] and not next_starts[j]
                if not may_go_on or not _prefer(row, i_cls, l_cls):
                    return j + 1  # L here
            i = upto


def _prefer(row: numpy.ndarray, first: int, second: int) -> bool:
    """Does ``arg_max_if_valid`` pick class ``first`` over ``second`` (ties: lower index)?"""
    a, b = row[first], row[second]
    return bool(a > b or (a == b and first < second))


def _spacy_entities(doc: Doc) -> list[Entity]:
    return [(e.start, e.end, e.label) for e in doc.ents]
