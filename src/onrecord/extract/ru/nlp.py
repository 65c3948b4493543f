"""The Russian parse: natasha's segmenter, morphology, syntax and NER, once per process.

Why natasha: it is the one Russian pipeline whose models ship inside its PyPI wheels (navec
embeddings, slovnet taggers), so it installs from PyPI alone and runs offline; nothing is
downloaded at run time. The models load lazily on the first Russian article (about 4 s), so
English-only runs never pay for them, nor import natasha at all.

Why line by line: wire copy puts headline, subheadline, timestamp and dateline on lines of
their own without a full stop, and natasha's sentence splitter runs such lines into the next
sentence; a dateline ("ТИРЕННА, 14 апреля. /ТПА/.") glued to the first sentence hands the
verb a wrong subject. So every non-empty line is parsed on its own, the dateline cut off, and
every offset here is an index into the whole article text.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

_lock = threading.Lock()
_models: dict[str, Any] = {}


def _natasha() -> dict[str, Any]:
    """natasha's models, loaded on first use and shared (thread-safe)."""
    with _lock:
        if not _models:
            from natasha import (
                MorphVocab,
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                NewsSyntaxParser,
                Segmenter,
            )

            emb = NewsEmbedding()
            _models.update(
                segmenter=Segmenter(),
                morph=NewsMorphTagger(emb),
                syntax=NewsSyntaxParser(emb),
                ner=NewsNERTagger(emb),
                vocab=MorphVocab(),
            )
        return _models


def morph_vocab() -> Any:
    """natasha's MorphVocab (pymorphy2 dictionaries), for name normalisation."""
    return _natasha()["vocab"]


@dataclass(slots=True)
class Tok:
    """One token: offsets into the article, natasha's tags and its syntactic head.

    ``head`` is the index (in :attr:`RuDoc.toks`) of the head token, -1 for a sentence root.
    """

    i: int
    start: int
    end: int
    text: str
    pos: str
    feats: dict[str, str]
    head: int
    rel: str
    sent: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")

    @property
    def lemma(self) -> str:
        return lemma(self.text, self.pos)


@dataclass(frozen=True, slots=True)
class Sent:
    """A sentence: its token range ``[first, last)`` and characters ``[start, end)``."""

    first: int
    last: int
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span from natasha's NER (``PER``, ``ORG``, ``LOC``): tokens
    ``[first, last)``."""

    type: str
    first: int
    last: int


@dataclass(slots=True)
class RuDoc:
    """One article's parse: tokens, sentences, entities, and the lines they came from."""

    text: str
    toks: list[Tok] = field(default_factory=list)
    sents: list[Sent] = field(default_factory=list)
    ents: list[Entity] = field(default_factory=list)
    lines: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each line
    children: list[list[int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # token start offsets, for bisection

    def kids(self, i: int) -> list[int]:
        return self.children[i]

    def subtree(self, i: int, stop: Iterable[int] = ()) -> list[int]:
        """Token indices of ``i``'s subtree, in order, leaving out the subtrees of ``stop``."""
        blocked = set(stop)
        out: list[int] = []
        todo = [i]
        while todo:
            k = todo.pop()
            if k in blocked:
                continue
            out.append(k)
            todo.extend(self.children[k])
        return sorted(out)

    def sent_of(self, tok: int) -> Sent:
        return self.sents[self.toks[tok].sent]

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        """Tokens lying wholly inside characters ``[start, end)``."""
        k = bisect_left(self.starts, start)
        out = []
        while k < len(self.toks) and self.toks[k].end <= end:
            out.append(self.toks[k])
            k += 1
        return out


def parse(text: str, skip: dict[int, int] | None = None) -> RuDoc:
    """Parse ``text`` line by line; ``skip`` maps a line's start to where its parse begins
    (after a dateline).

    Lines are segmented one by one (razdel), but the taggers see all the article's sentences
    in one call each, so slovnet batches them; and the numeric library is held to one thread
    meanwhile: slovnet's matrices are small, and on a busy machine extra BLAS threads only
    wait for cores (five times slower on the 2-core development machine).
    """
    from threadpoolctl import threadpool_limits

    models = _natasha()
    segmenter = models["segmenter"]
    doc = RuDoc(text)
    sentences: list[tuple[int, list[tuple[int, int, str]]]] = []
    pieces: list[tuple[int, str]] = []
    pos = 0
    for line_no, raw in enumerate(text.split("\n")):
        start, end = pos, pos + len(raw)
        pos = end + 1
        doc.lines.append((start, end))
        begin = (skip or {}).get(start, start)
        piece = text[begin:end]
        if not piece.strip():
            continue
        pieces.append((begin, piece))
        tokens = [(begin + t.start, begin + t.stop, t.text) for t in segmenter.tokenize(piece)]
        k = 0
        for sent in segmenter.sentenize(piece):
            stop = begin + sent.stop
            words = []
            while k < len(tokens) and tokens[k][1] <= stop:
                words.append(tokens[k])
                k += 1
            if words:
                sentences.append((line_no, words))
        if k < len(tokens):
            sentences.append((line_no, tokens[k:]))
    chunk = [[w for _, _, w in words] for _, words in sentences]
    with threadpool_limits(limits=1):
        morphs = list(models["morph"].map(chunk)) if chunk else []
        syntax = list(models["syntax"].map(chunk)) if chunk else []
        ner = list(models["ner"].map([p for _, p in pieces])) if pieces else []
    for (line_no, words), morph, tree in zip(sentences, morphs, syntax, strict=True):
        base = len(doc.toks)
        for n, ((a, b, w), m, t) in enumerate(zip(words, morph.tokens, tree.tokens, strict=True)):
            head = int(t.head_id) if str(t.head_id).isdigit() else 0
            doc.toks.append(
                Tok(
                    i=base + n,
                    start=a,
                    end=b,
                    text=w,
                    pos=m.pos or "X",
                    feats=dict(m.feats or {}),
                    head=base + head - 1 if head > 0 else -1,
                    rel=t.rel or "",
                    sent=len(doc.sents),
                )
            )
        doc.sents.append(Sent(base, len(doc.toks), words[0][0], words[-1][1], line_no))
    by_start = {t.start: t.i for t in doc.toks}
    by_end = {t.end: t.i for t in doc.toks}
    for (begin, _), markup in zip(pieces, ner, strict=True):
        for span in markup.spans:
            a, b = by_start.get(begin + span.start), by_end.get(begin + span.stop)
            if a is not None and b is not None:
                doc.ents.append(Entity(span.type, a, b + 1))
    doc.children = [[] for _ in doc.toks]
    for t in doc.toks:
        if t.head >= 0 and t.head != t.i:
            doc.children[t.head].append(t.i)
    doc.starts = [t.start for t in doc.toks]
    return doc


_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJF"}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    """pymorphy3: lemmas and grammemes where natasha's tagger gives none."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemma(word: str, pos: str = "") -> str:
    """The dictionary form of ``word`` (``заявила`` -> ``заявить``), ``ё`` written ``е``;
    of pymorphy3's readings the first with natasha's part of speech."""
    want = _POS.get(pos)
    parses = _analyzer().parse(word)
    chosen = next((p for p in parses if want and want == p.tag.POS), None)
    if chosen is None and want == "VERB":
        chosen = next((p for p in parses if p.tag.POS in ("INFN", "VERB")), None)
    if chosen is None:
        chosen = parses[0]
    return str(chosen.normal_form).replace("ё", "е")


@lru_cache(maxsize=100_000)
def grammemes(word: str) -> frozenset[str]:
    """pymorphy3's grammemes of ``word``'s most likely reading (``Surn``, ``Name``, ``femn``)."""
    return frozenset(str(g) for g in _analyzer().parse(word)[0].tag.grammemes)
