"""spaCy's attribute ruler with its per-token answers remembered: the same POS, morphology and
lemmas in a tenth of the time.

Why: the small English model's attribute ruler maps each fine-grained tag to a POS and
morphology (and fixes a few words: "ai n't" -> "be", "'s" after "let" -> "us") with 179 Matcher
patterns, tried on every token of every document: 1.6 to 1.9 CPU seconds on PolNeAR dev, as
much as the parser; cached, 0.11 to 0.17. Almost all of its patterns look at one token, and
only at its tag, its dependency label, whether it is a space and, for some 130 words, its
lower-case form; what such patterns set is then a function of those four values.
:class:`CachedAttributeRuler` remembers that function and runs a small Matcher of its own for
the patterns that look further (two tokens, or a regular expression on the word: "gonna",
"y'all", "nothin'", "there is"), only at the tokens where one of them can start
(:class:`_Starts`).

The answers are the ruler's own: the patterns that matched each key are found by spaCy's
Matcher the first time the key is seen, and applied in the ruler's order (later patterns win);
a token that a wider pattern also matches gets all its matches applied in that order, as the
ruler does. A ruler with patterns on any other attribute, or setting any other attribute, is
not cached at all (:func:`cacheable`): then the real ruler runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

#: Token attributes the cached patterns may test: the key of the cache.
_KEY_ATTRS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
#: What a key's patterns set, in this order; the mask says which of them any pattern sets.
_ORDER = (POS, MORPH, LEMMA, TAG, DEP)
#: Attributes the patterns may set (as spaCy's attribute IDs).
_SET_ATTRS = frozenset(_ORDER)

#: A key's answer: the values of :data:`_ORDER` and which of them some pattern sets.
Answer = tuple[tuple[int, ...], tuple[bool, ...]]
Key = tuple[int, int, int, int]


def cacheable(ruler: Any) -> bool:
    """Do the ruler's patterns test and set only what the cache covers?"""
    for attrs in ruler.attrs:
        if not set(attrs) <= _SET_ATTRS:
            return False
    for i in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(i))[1]:
            for token in pattern:
                if not set(token) <= _KEY_ATTRS or token.get("OP") is not None:
                    return False
    return True


def _is_wide(pattern: list[dict[str, Any]]) -> bool:
    """A pattern the key cannot answer: two tokens or more, or a test on the word other than
    its being (or not being) one of the listed words (a regular expression)."""
    lower = pattern[0].get("LOWER")
    listed = not isinstance(lower, dict) or set(lower) <= {"IN", "NOT_IN"}
    return len(pattern) > 1 or not listed


class CachedAttributeRuler:
    """The pipeline's attribute ruler, answered from a cache of its single-token patterns."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        vocab = inner.vocab
        self.single = Matcher(vocab)  # the patterns a key answers
        self.wide = Matcher(vocab)  # the rest, matched where one of them may start
        self.starts = _Starts(vocab)
        words: set[str] = set()
        for i in range(len(inner.attrs)):
            for pattern in inner.matcher.get(str(i))[1]:
                if _is_wide(pattern):
                    self.wide.add(str(i), [pattern])
                    self.starts.add(pattern)
                else:
                    self.single.add(str(i), [pattern])
                for token in pattern:
                    lower = token.get("LOWER")
                    if isinstance(lower, str):
                        words.add(lower)
                    elif isinstance(lower, dict):
                        words.update(lower.get("IN", ()), lower.get("NOT_IN", ()))
        #: Lower-case forms some pattern names; every other word is one key (0).
        self.words = frozenset(vocab.strings.add(w) for w in words)
        self.cache: dict[Key, tuple[int, ...]] = {}  # key -> attr ids of matching patterns
        self.answers: dict[Key, Answer] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        words = self.words
        keys = [(w if w in words else 0, t, d, s) for w, t, d, s in rows]
        answers = self.answers
        for i, key in enumerate(keys):
            if key not in answers:
                self._learn(doc, i, key)
        found = [answers[k] for k in keys]
        values = numpy.array([v for v, _ in found], dtype="uint64")
        given = numpy.array([m for _, m in found], dtype=bool)
        # the wide patterns match the tokens as tagged and parsed, before anything is set
        wide = self._match_wide(doc, rows)
        now = doc.to_array([POS, MORPH, LEMMA])
        doc.from_array([POS, MORPH, LEMMA], numpy.where(given[:, :3], values[:, :3], now))
        for col, name in ((3, "tag"), (4, "dep")):  # one pattern each sets these
            for i in numpy.nonzero(given[:, col])[0].tolist():
                setattr(doc[i], name, int(values[i, col]))
        if wide:
            self._apply_wide(doc, keys, wide)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _match_wide(self, doc: Doc, rows: list[list[int]]) -> list[tuple[int, int, int]]:
        """The wide patterns' matches, found on the few tokens where one may start (running
        the Matcher over every token cost more than the rest of this component)."""
        found = []
        width = self.starts.longest
        for i in self.starts.candidates(doc, rows):
            for match_id, start, end in self.wide(
                doc[i : i + width], allow_missing=True, as_spans=False
            ):
                if start == 0:  # (a later start is that token's own candidate)
                    found.append((match_id, i, i + end))
        return found

    def _learn(self, doc: Doc, i: int, key: Key) -> None:
        """Match the single-token patterns on token ``i`` and remember what they set."""
        strings = doc.vocab.strings
        matches = self.single(doc[i : i + 1], allow_missing=True, as_spans=False)
        ids = sorted(int(strings[match_id]) for match_id, _, _ in matches)
        self.cache[key] = tuple(ids)
        values = [0] * len(_ORDER)
        given = [False] * len(_ORDER)
        for attr_id in ids:  # in the ruler's order: later patterns win
            for attr, value in self.inner.attrs[attr_id].items():
                values[_ORDER.index(attr)] = value
                given[_ORDER.index(attr)] = True
        self.answers[key] = (tuple(values), tuple(given))

    def _apply_wide(self, doc: Doc, keys: list[Key], wide: list[tuple[int, int, int]]) -> None:
        """Tokens a wide pattern sets: all their matches again, in the ruler's order."""
        strings = doc.vocab.strings
        matches = []
        targets = set()
        for match_id, start, end in wide:
            attr_id = int(strings[match_id])
            index = self.inner.indices[attr_id]
            targets.add(start + index if index >= 0 else end + index)
            matches.append((attr_id, match_id, start, end))
        for i in targets:
            for attr_id in self.cache[keys[i]]:
                matches.append((attr_id, strings.add(str(attr_id)), i, i + 1))
        self.inner.set_annotations(doc, sorted(matches))


class _Starts:
    """Where a wide pattern may start: a superset, from each pattern's first token (its
    lower-case word, word list or regular expression, else its dependency label); a first
    token tested on anything else makes every token a candidate."""

    #: Distinct words remembered for the regular expressions before starting again.
    MAX_WORDS = 200_000

    def __init__(self, vocab: Any) -> None:
        self.strings = vocab.strings
        self.words: set[int] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.deps: set[int] = set()
        self.everywhere = False
        self.longest = 1
        self.regex_hits: dict[int, bool] = {}

    def add(self, pattern: list[dict[str, Any]]) -> None:
        self.longest = max(self.longest, len(pattern))
        first = pattern[0]
        lower, dep = first.get("LOWER"), first.get("DEP")
        if isinstance(lower, str):
            self.words.add(self.strings.add(lower))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            self.words.update(self.strings.add(w) for w in lower["IN"])
        elif isinstance(lower, dict) and set(lower) == {"REGEX"}:
            self.regexes.append(re.compile(lower["REGEX"]))
        elif lower is None and isinstance(dep, str):
            self.deps.add(self.strings.add(dep))
        elif lower is None and isinstance(dep, dict) and set(dep) == {"IN"}:
            self.deps.update(self.strings.add(d) for d in dep["IN"])
        else:
            self.everywhere = True

    def candidates(self, doc: Doc, rows: list[list[int]]) -> list[int]:
        """Token indices where a wide pattern may start (``rows``: LOWER, TAG, DEP, ...)."""
        if self.everywhere:
            return list(range(len(doc)))
        if len(self.regex_hits) > self.MAX_WORDS:
            self.regex_hits.clear()
        hits = self.regex_hits
        out = []
        for i, (lower, _, dep, _) in enumerate(rows):
            if lower in self.words or dep in self.deps:
                out.append(i)
                continue
            hit = hits.get(lower)
            if hit is None:
                text = self.strings[lower]
                hit = hits[lower] = any(r.search(text) for r in self.regexes)
            if hit:
                out.append(i)
        return out
