"""The pipeline's speed-ups give exactly what spaCy's own components give (nlp_setup.py).

Each speed-up is compared with the component it stands in for, on the invented sample
stories and on sentences written for the cases the speed-ups treat apart (the attribute
ruler's two-token and regular-expression patterns). ``ONRECORD_PARSE=full`` turns them off,
and extraction gives the same statements either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from onrecord.extract import embed_cache
from onrecord.extract.embed_cache import cache_embeddings
from onrecord.extract.ner_decode import FastEntityDecoder
from onrecord.extract.nlp_setup import PARSE_ENV, extraction_nlp, full_parse, name_windows
from onrecord.extract.pipeline import extract_many
from onrecord.extract.ruler_cache import CachedAttributeRuler, cacheable
from onrecord.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

#: Words the ruler's wider patterns fix ("ai n't" -> "be", "gon na" -> "go to", ...).
COLLOQUIAL = (
    "Y'all ain't gonna believe it, and nothin' works, so let's go. There is a way out, "
    "there are two. C'mon, we gotta leave now. Ain't it strange? They're nothin' like us. "
    "\"We ain't done,\" she said. Y all know it's gonna rain."
)


def _texts() -> list[str]:
    return [COLLOQUIAL] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return extraction_nlp()


def _parsed_before_ruler(nlp: Any, texts: list[str]) -> list[Doc]:
    """Docs tagged and parsed, as the attribute ruler receives them."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "onrecord_line_sentences", "parser"]):
        return list(nlp.pipe(texts))


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


def _ruled(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_cached_ruler_equals_spacys_ruler(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    cached = CachedAttributeRuler(ruler)
    docs = _parsed_before_ruler(nlp, _texts())
    for _ in range(2):  # learning the keys, then answering from the cache
        for doc in docs:
            assert _ruled(cached(_copy(doc))) == _ruled(ruler(_copy(doc)))
    words = [(word, lemma) for word, _, _, lemma, _, _ in _ruled(cached(_copy(docs[0])))]
    after = {w: words[i + 1] for i, (w, _) in enumerate(words[:-1])}
    lemmas = dict(words)
    # the wide patterns did run: two-token ones and regular expressions
    assert (lemmas["ai"], lemmas["gon"], after["let"]) == ("be", "go", ("'s", "us"))
    assert (lemmas["nothin'"], lemmas["Y"]) == ("nothing", "you")


def test_a_ruler_testing_other_attributes_is_not_cached() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "TAG": "NN"}]], {"LEMMA": "y"})
    assert cacheable(ruler)
    ruler.add([[{"ORTH": "Z"}]], {"LEMMA": "z"})
    assert not cacheable(ruler)


def _ents(doc: Doc) -> list[tuple[int, int, int]]:
    return [(e.start, e.end, e.label) for e in doc.ents]


def test_entity_decoder_equals_spacys_recogniser(nlp: Any) -> None:
    ner = nlp.get_pipe("ner")
    decoder = FastEntityDecoder(ner)
    assert decoder.usable
    whole = [nlp.make_doc(t) for t in _texts()]
    parsed = list(nlp.pipe(_texts()))
    windows = []
    for doc in parsed:  # the sub-documents NamedSentenceNER gives the recogniser
        words = [t.text for a, b in name_windows(doc) for t in doc[a:b]]
        windows.append(Doc(doc.vocab, words=words))
    for docs in (whole, windows):
        fresh = [Doc(d.vocab, words=[t.text for t in d]) for d in docs]
        expected = [_ents(d) for d in ner.pipe(fresh)]
        assert decoder.entities(docs) == expected
        assert any(expected)


def test_entity_decoder_leaves_preset_entities_to_spacy(nlp: Any) -> None:
    ner = nlp.get_pipe("ner")
    doc = nlp.make_doc("Ana Lind met Omar Haddad in Portvale on Monday.")
    doc.set_ents([doc.char_span(0, 8, label="ORG")])
    expected = _ents(ner(_copy(doc)))
    assert FastEntityDecoder(ner).entities([doc]) == [expected]


def _embedding_stages(nlp: Any) -> list[Any]:
    """The two embedding stages, as wrapped by set-up: (cached wrapper, spaCy's layer)."""
    stages = []
    for name in ("tok2vec", "ner"):
        for node in nlp.get_pipe(name).model.walk():
            if node.name.startswith("cached("):
                stages.append(node.layers[0])
    return stages


@pytest.mark.parametrize("max_rows", [embed_cache.MAX_ROWS, 50])
def test_cached_embeddings_are_bitwise_the_same(
    nlp: Any, max_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embed_cache, "MAX_ROWS", max_rows)  # 50: the table starts again
    docs = [nlp.make_doc(t) for t in _texts()] + [nlp.make_doc("")]
    stages = _embedding_stages(nlp)
    assert len(stages) == 2
    for embed in stages:
        cached = cache_embeddings(embed, lambda: True)
        for _ in range(2):
            for k in range(0, len(docs), 2):
                got, want = cached.predict(docs[k : k + 2]), embed.predict(docs[k : k + 2])
                assert all(numpy.array_equal(a, b) for a, b in zip(got, want, strict=True))


def _annotations(doc: Doc) -> list[tuple[Any, ...]]:
    return [
        (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_full_parse_switch_gives_the_same_annotations_and_statements(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [Article(id=str(i), text=t) for i, t in enumerate(_texts())]
    fast_docs = list(nlp.pipe(a.text for a in articles))
    fast = list(extract_many(articles))
    monkeypatch.setenv(PARSE_ENV, "full")
    assert full_parse()
    full_docs = list(nlp.pipe(a.text for a in articles))
    assert [_annotations(d) for d in full_docs] == [_annotations(d) for d in fast_docs]
    assert list(extract_many(articles)) == fast
    assert any(fast)
    monkeypatch.setenv(PARSE_ENV, "")
    assert not full_parse()
