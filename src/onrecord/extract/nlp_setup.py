"""The spaCy pipeline as extraction uses it: the shared model plus paragraph boundaries.

Wire copy puts a headline, a subheadline and a dateline on lines of their own, without a
full stop. The statistical parser happily runs such lines into the next sentence
("Delegations' talks Earlier, the chief Russian delegate ... said"), which hands the verb
a wrong subject. A tiny component marks every token after a line break as a sentence start
before the parser runs; the parser respects preset boundaries. NER and the rest are kept:
speakers.py needs entity types.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.nlp import get_nlp

COMPONENT = "onrecord_line_sentences"


@Language.component(COMPONENT)
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break (a token holding or followed by ``\\n``)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws:
            doc[tok.i + 1].is_sent_start = True
    return doc


def extraction_nlp(model: str | None = None) -> Language:
    """The shared pipeline with :data:`COMPONENT` added before the parser (once)."""
    nlp = get_nlp(model)
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(COMPONENT, before=before) if before else nlp.add_pipe(COMPONENT, first=True)
    return nlp
