"""Token embeddings remembered per feature row: the same vectors without recomputing them.

Why: the first stage of each of the model's two token encoders (the shared ``tok2vec`` and the
entity recogniser's own) embeds every token from its lexical features alone (NORM, PREFIX,
SUFFIX, SHAPE, and for the shared one whether a space follows) through hash tables, a maxout
layer and layer normalisation: a quarter of the encoders' work, redone for every "the" and
every "said". The result is a function of the feature row, so :func:`cache_embeddings` wraps
that stage: rows seen before are copied from a table, only new ones go through the layers (as
one batch, row by row the same arithmetic), and the context layers after it are untouched.

The table holds at most :data:`MAX_ROWS` rows (7.7 MB at the model's width of 96) and starts
again when full, so memory stays bounded on any stream of articles. News repeats its words:
PolNeAR dev (84 articles, 81,742 tokens) has 11,702 distinct rows, all 840 train articles
38,926, so a restart comes every few hundred articles, and the words of a batch are mostly
there again after one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy
from thinc.api import Model

#: Feature rows remembered per encoder before the table starts again.
MAX_ROWS = 20_000


class _Table:
    """Feature row -> embedding, in one growing array."""

    def __init__(self, layers: list[Model]) -> None:
        self.layers = layers  # the embedding layers after the feature extractor
        self.index: dict[tuple[int, ...], int] = {}
        self.rows: numpy.ndarray | None = None
        # web ingest parses in a thread pool: one batch at a time restarts or grows the table
        self.lock = threading.Lock()

    def embed(self, features: list[numpy.ndarray]) -> list[numpy.ndarray]:
        """The embedding of every row of ``features`` (one int array per doc)."""
        with self.lock:
            return self._embed(features)

    def _embed(self, features: list[numpy.ndarray]) -> list[numpy.ndarray]:
        keys = [[tuple(row) for row in f.tolist()] for f in features]
        if len(self.index) + sum(len(k) for k in keys) > MAX_ROWS:
            self.index.clear()  # start again rather than grow without bound
        new: dict[tuple[int, ...], numpy.ndarray] = {}
        for doc_keys, f in zip(keys, features, strict=True):
            for n, key in enumerate(doc_keys):
                if key not in self.index and key not in new:
                    new[key] = f[n]
        if new:
            self._add(list(new), self._compute(numpy.asarray(list(new.values()), "uint64")))
        assert self.rows is not None
        index = self.index
        out = []
        for doc_keys in keys:
            at = numpy.fromiter((index[k] for k in doc_keys), "int64", len(doc_keys))
            out.append(self.rows[at])
        return out

    def _compute(self, rows: numpy.ndarray) -> numpy.ndarray:
        X: Any = [rows]
        for layer in self.layers:
            X = layer.predict(X)
        return numpy.asarray(X[0], dtype="float32")

    def _add(self, keys: list[tuple[int, ...]], vectors: numpy.ndarray) -> None:
        at = len(self.index)
        need = at + len(keys)
        if self.rows is None or need > len(self.rows):
            size = max(need, min(2 * need, MAX_ROWS), 1024)  # (one batch may need more)
            grown = numpy.zeros((size, vectors.shape[1]), "float32")
            if self.rows is not None:
                grown[:at] = self.rows[:at]
            self.rows = grown
        self.rows[at : at + len(keys)] = vectors
        for n, key in enumerate(keys):
            self.index[key] = at + n


def cache_embeddings(embed: Model, enabled: Callable[[], bool]) -> Model:
    """``embed`` (docs -> one array per doc: a FeatureExtractor chained to the layers that
    embed its rows) with its output rows remembered while ``enabled()``; training, a disabled
    cache and a batch without tokens run ``embed`` itself."""
    extract = embed.layers[0]
    table = _Table(embed.layers[1:])

    def forward(model: Model, docs: Any, is_train: bool) -> tuple[Any, Callable]:
        if is_train or not enabled() or not any(len(doc) for doc in docs):
            return embed(docs, is_train)
        return table.embed(extract.predict(docs)), _no_backprop

    return Model(f"cached({embed.name})", forward, layers=[embed])


def _no_backprop(d: Any) -> Any:
    raise NotImplementedError("cached embeddings are for prediction only")
