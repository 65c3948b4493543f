"""The spaCy pipeline as extraction uses it: the shared model, tuned for news and for speed.

Changes to the loaded pipeline (made once, in place: extraction is the only user of
``onrecord.nlp.get_nlp``; loading and the changes are one locked step, see
:func:`extraction_nlp`). Two change what the model says, on purpose (line breaks, entities
only around names); the other four only make it cheaper and give exactly the annotations of
spaCy's own components. What each costs and saves was measured on PolNeAR dev (84 articles,
81,742 tokens, CPU seconds on the 2-core development machine):

* **line breaks end sentences.** Wire copy puts a headline, a subheadline and a dateline on lines
  of their own, without a full stop. The parser runs such lines into the next sentence
  ("Delegations' talks Earlier, the chief Russian delegate ... said") and hands the verb a wrong
  subject. :func:`line_sentences` marks every token after a line break as a sentence start
  before the parser runs; the parser respects preset boundaries (0.06 s).
* **cached attribute ruler.** spaCy's attribute ruler (POS and morphology from the tag, a few
  word fixes) tries 179 Matcher patterns on every token: 1.6 to 1.9 s, as much as the parser.
  :class:`~onrecord.extract.ruler_cache.CachedAttributeRuler` remembers what its single-token
  patterns set per (word if a pattern names it, tag, dependency, space) and matches the nine
  wider ones only where they can start: 0.11 to 0.17 s, the same POS, morphology and lemmas
  (checked on dev and 250 train articles; a ruler it cannot cache stays as it is).
* **cached lemmas.** spaCy's rule lemmatizer redoes its work for every token; news repeats
  words, so :class:`CachedLemmatizer` remembers the lemma per (word, tag, POS) and gives the
  same lemmas in a fraction of the time (1.4 s -> 0.04 s once warm).
* **entities only where names are.** The small English model's entity recogniser has its own
  token encoder and costs as much as the rest of the pipeline together (5.5 s on every
  token). Entity types matter to speaker resolution only for names, so
  :class:`NamedSentenceNER` runs the same recogniser on windows of a few tokens around each
  proper noun (or capitalised adjective such as "Russian"), 60% of the tokens, and leaves the
  rest without entities (3.4 s). The recogniser looks only a few tokens either way, so the
  names come out as with the full pass (PolNeAR dev: 99% of person, organisation, place and
  nationality entities identical; dates and numbers are mostly left out).
* **entity decisions in numpy.** Half of those 3.4 s were spaCy checking 73 actions per token
  through accessors that take and drop the interpreter lock;
  :class:`~onrecord.extract.ner_decode.FastEntityDecoder` scores and picks them with array
  operations from the recogniser's own step model (windows: 2.8 s -> 0.8 s; the same entities
  on dev and 300 train articles, in windows and on whole documents).
* **embeddings remembered.** Both token encoders first embed each token from its spelling
  alone; :func:`~onrecord.extract.embed_cache.cache_embeddings` keeps those rows per feature
  row (bitwise the same vectors; 0.44 s -> 0.10 s for the shared encoder, 0.32 s -> 0.09 s for
  the recogniser's, at most 20,000 rows each, 7.7 MB).

Together with array scans instead of token-by-token loops in extraction (0.66 s -> 0.61 s),
``extract_many`` over dev went from 10.2 to about 4.9 CPU seconds, with byte-identical output.
What is left is the network work proper: the shared encoder's context layers (1.1 s), the
parser (1.8 s, of which 1.4 s its transition loop), the recogniser on the windows (0.85 s).

``ONRECORD_PARSE=full`` (:func:`full_parse`, read on every batch) turns the exact speed-ups
off: spaCy's ruler, its entity decisions and uncached embeddings, for checks against them.

Measured and left out: **parsing only the sentences that can hold a statement** (a first pass
for quotation marks, cue words, "according to", colons, headlines). On PolNeAR 72% of the
tokens are in such sentences, and the sentences without any still introduce the people that
speakers resolve to: parsing only the others (18% of the tokens of 150 train articles left
unparsed) changed the speaker, role or affiliation of 72 of 1,811 statements, 22 names among
them ("Marco Rubio" -> "Florida senator"). Keeping also every sentence with a proper noun
changed nothing but left only 4.7% unparsed, about 3% of the time before the margins a
sub-document parse needs around each part; not worth a second parse path.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import IS_TITLE, ORTH, POS, SENT_START, SPACY
from spacy.language import Language
from spacy.parts_of_speech import ADJ, PROPN
from spacy.tokens import Doc, Span

from onrecord.extract.embed_cache import cache_embeddings
from onrecord.extract.ner_decode import FastEntityDecoder
from onrecord.extract.ruler_cache import CachedAttributeRuler, cacheable
from onrecord.nlp import get_nlp

LINE_SENTENCES = "onrecord_line_sentences"
CACHED_RULER = "onrecord_cached_attribute_ruler"
CACHED_LEMMAS = "onrecord_cached_lemmatizer"
NAMED_NER = "onrecord_named_sentence_ner"
#: ``ONRECORD_PARSE=full``: parse every sentence with spaCy's own components (checks).
PARSE_ENV = "ONRECORD_PARSE"


def full_parse() -> bool:
    """Whether the speed-ups are off (``$ONRECORD_PARSE`` is ``full``): read on every batch,
    so that a check can compare both ways in one process."""
    return os.environ.get(PARSE_ENV, "").strip().lower() == "full"


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break (a token holding or followed by ``\\n``)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws:
            doc[tok.i + 1].is_sent_start = True
    return doc


class CachedLemmatizer:
    """The pipeline's lemmatizer, memoised per (word, tag, POS); lemmas set earlier are kept."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        cache = self.cache
        for tok in doc:
            if tok.lemma != 0:  # the attribute ruler already decided ("ai n't" -> "be")
                continue
            key = (tok.orth, tok.tag, tok.pos)
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.inner.lemmatize(tok)[0])
            tok.lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


#: Tokens of context kept on each side of a name: beyond the recogniser's receptive field.
NER_CONTEXT = 8


def name_windows(doc: Doc, context: int = NER_CONTEXT) -> list[tuple[int, int]]:
    """Token ranges around names (proper nouns, capitalised adjectives) within their
    sentence, merged, in order."""
    if not len(doc):
        return []
    rows = doc.to_array([POS, IS_TITLE, SENT_START]).astype("int64")
    names = (rows[:, 0] == PROPN) | ((rows[:, 0] == ADJ) & (rows[:, 1] == 1))
    starts = numpy.nonzero(rows[:, 2] == 1)[0].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(doc))
    windows: list[tuple[int, int]] = []
    for i in numpy.nonzero(names)[0].tolist():
        k = bisect_right(starts, i)
        start, end = starts[k - 1], starts[k]
        a, b = max(start, i - context), min(end, i + context + 1)
        if windows and a <= windows[-1][1] and windows[-1][0] >= start:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


class NamedSentenceNER:
    """Run the entity recogniser only around names (:func:`name_windows`), map entities back."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.decoder = FastEntityDecoder(inner)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> Iterator[Doc]:
        subs, maps = [], []
        for doc in docs:
            windows = name_windows(doc)
            index = [i for a, b in windows for i in range(a, b)]
            rows = doc.to_array([ORTH, SPACY])[index].tolist() if index else []
            strings = doc.vocab.strings
            words = [strings[orth] for orth, _ in rows]
            ends = {b - 1 for _, b in windows}  # a space after each window, as between words
            spaces = [bool(sp) or i in ends for i, (_, sp) in zip(index, rows, strict=True)]
            subs.append(Doc(doc.vocab, words=words, spaces=spaces))
            maps.append(index)
        if full_parse():
            found = [[(e.start, e.end, e.label) for e in sub.ents] for sub in self.inner.pipe(subs)]
        else:
            found = self.decoder.entities(subs)
        for doc, sub_ents, index in zip(docs, found, maps, strict=True):
            ents = []
            for start, end, label in sub_ents:
                a, b = index[start], index[end - 1] + 1
                if b - a == end - start:  # never join two sentences that were apart
                    ents.append(Span(doc, a, b, label=label))
            doc.set_ents(ents, default="outside")
            yield doc


class SwitchableRuler(CachedAttributeRuler):
    """:class:`~onrecord.extract.ruler_cache.CachedAttributeRuler`, or spaCy's own ruler
    while :func:`full_parse` is on."""

    def __call__(self, doc: Doc) -> Doc:
        return self.inner(doc) if full_parse() else super().__call__(doc)


@Language.factory(CACHED_RULER)
def _make_cached_ruler(nlp: Language, name: str) -> SwitchableRuler:
    return SwitchableRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory(CACHED_LEMMAS)
def _make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


@Language.factory(NAMED_NER)
def _make_named_ner(nlp: Language, name: str) -> NamedSentenceNER:
    return NamedSentenceNER(nlp.get_pipe("ner"))


#: Held while the shared pipeline is loaded and set up (see :func:`extraction_nlp`).
_setup_lock = threading.Lock()


def extraction_nlp(model: str | None = None) -> Language:
    """The shared pipeline with the changes above, loaded and set up as one locked step.

    Web ingest extracts in a thread pool, so first calls can come at once: without the lock
    two threads could both see a component missing and both add it (spaCy refuses the
    second), or one could parse with a pipeline the other is still changing. Later calls
    find the changes made and only take the lock for that check.
    """
    with _setup_lock:
        nlp = get_nlp(model)
        _set_up(nlp)
        return nlp


def _set_up(nlp: Language) -> None:
    """Add the components above to ``nlp`` where they are missing (once per pipeline)."""
    names = nlp.pipe_names
    if LINE_SENTENCES not in names:
        if "parser" in names:
            nlp.add_pipe(LINE_SENTENCES, before="parser")
        else:
            nlp.add_pipe(LINE_SENTENCES, first=True)
    ruler = "attribute_ruler"
    if ruler in names and CACHED_RULER not in names and cacheable(nlp.get_pipe(ruler)):
        nlp.add_pipe(CACHED_RULER, after=ruler)
        nlp.disable_pipe(ruler)
    if "lemmatizer" in names and CACHED_LEMMAS not in names:
        nlp.add_pipe(CACHED_LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    if "ner" in names and "parser" in names and NAMED_NER not in names:
        nlp.add_pipe(NAMED_NER, after="ner")
        nlp.disable_pipe("ner")
    for name in ("tok2vec", "ner"):
        if name in names:
            _cache_embeddings(nlp.get_pipe(name).model)


def _cache_embeddings(model: Any) -> None:
    """Put :func:`~onrecord.extract.embed_cache.cache_embeddings` around each embedding
    stage (a chain that starts with spaCy's feature extractor) inside ``model``, once."""
    found = []
    for node in model.walk():
        for i, layer in enumerate(node.layers):
            if layer.layers and layer.layers[0].name == "extract_features":
                found.append((node, i, layer))
    for node, i, layer in found:
        if not node.name.startswith("cached("):
            node.layers[i] = cache_embeddings(layer, lambda: not full_parse())
