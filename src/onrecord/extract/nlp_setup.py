"""The spaCy pipeline as extraction uses it: the shared model, tuned for news and for speed.

Three small changes to the loaded pipeline (made once, in place: extraction is the only user of
``onrecord.nlp.get_nlp``; loading and the changes are one locked step, see
:func:`extraction_nlp`):

* **line breaks end sentences.** Wire copy puts a headline, a subheadline and a dateline on lines
  of their own, without a full stop. The parser runs such lines into the next sentence
  ("Delegations' talks Earlier, the chief Russian delegate ... said") and hands the verb a wrong
  subject. :func:`line_sentences` marks every token after a line break as a sentence start
  before the parser runs; the parser respects preset boundaries.
* **cached lemmas.** spaCy's rule lemmatizer redoes its work for every token; news repeats
  words, so :class:`CachedLemmatizer` remembers the lemma per (word, tag, POS) and gives the
  same lemmas in a fraction of the time.
* **entities only where names are.** The small English model's entity recogniser has its own
  token encoder and costs as much as the rest of the pipeline together. Entity types matter to
  speaker resolution only for names, so :class:`NamedSentenceNER` runs the same recogniser on
  windows of a few tokens around each proper noun (or capitalised adjective such as "Russian")
  and leaves the rest without entities. The recogniser looks only a few tokens either way,
  so the names come out as with the full pass (PolNeAR dev: 99% of person, organisation,
  place and nationality entities identical; dates and numbers are mostly left out).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from onrecord.nlp import get_nlp

LINE_SENTENCES = "onrecord_line_sentences"
CACHED_LEMMAS = "onrecord_cached_lemmatizer"
NAMED_NER = "onrecord_named_sentence_ner"


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


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or (tok.pos_ == "ADJ" and tok.is_title)


def name_windows(doc: Doc, context: int = NER_CONTEXT) -> list[tuple[int, int]]:
    """Token ranges around names (within their sentence), merged, in order."""
    windows: list[tuple[int, int]] = []
    for sent in doc.sents:
        for tok in sent:
            if not _is_name(tok):
                continue
            a, b = max(sent.start, tok.i - context), min(sent.end, tok.i + context + 1)
            if windows and a <= windows[-1][1] and windows[-1][0] >= sent.start:
                windows[-1] = (windows[-1][0], max(windows[-1][1], b))
            else:
                windows.append((a, b))
    return windows


class NamedSentenceNER:
    """Run the entity recogniser only around names (:func:`name_windows`), map entities back."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

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
            index: list[int] = []
            words: list[str] = []
            spaces: list[bool] = []
            for a, b in name_windows(doc):
                for tok in doc[a:b]:
                    index.append(tok.i)
                    words.append(tok.text)
                    spaces.append(bool(tok.whitespace_) or tok.i == b - 1)
            subs.append(Doc(doc.vocab, words=words, spaces=spaces))
            maps.append(index)
        for doc, sub, index in zip(docs, self.inner.pipe(subs), maps, strict=True):
            ents = []
            for ent in sub.ents:
                a, b = index[ent.start], index[ent.end - 1] + 1
                if b - a == len(ent):  # never join two sentences that were apart
                    ents.append(Span(doc, a, b, label=ent.label))
            doc.set_ents(ents, default="outside")
            yield doc


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
    if "lemmatizer" in names and CACHED_LEMMAS not in names:
        nlp.add_pipe(CACHED_LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    if "ner" in names and "parser" in names and NAMED_NER not in names:
        nlp.add_pipe(NAMED_NER, after="ner")
        nlp.disable_pipe("ner")
