"""The people and organisations one article introduces: its within-article entity model.

Why this exists: a statement's speaker is often named only as "he", "Peskov" or "the Kremlin
spokesman", while the record needs "Dmitry Peskov". No coreference package works offline, so
this package builds the small model that resolution needs, from what spaCy already computed
(NER, dependency parse; no second pass over the text):

- **names** (``names.py``, ``lookup.py``): PERSON and ORG entities, clustered so that
  "Dmitry Peskov", "Peskov" and a headline "Peskov" that NER missed are one :class:`Entity`,
  while "Hillary Clinton" and "Bill Clinton" stay two (full names are never merged unless
  first and last names agree; a bare surname goes to the matching entity that fits its
  "Mr."/"Mrs." and was mentioned most recently, else the most mentioned one);
- **roles** (``roles.py``) as the article words them: pre-name titles ("Russian presidential
  spokesman Dmitry Peskov") and appositions in both orders ("Jane Doe, the finance minister"
  / "the chief delegate, presidential aide John Doe"), with an **affiliation** taken from
  the role ("Kremlin spokesman" -> "Kremlin", "Russian presidential ..." -> "Russia");
- **gender** from honorifics, gendered role nouns, a short first-name list (the word lists:
  :mod:`onrecord.extract.lexicon.people`) and the pronouns of sentences that mention only
  that entity, so that "she" never resolves to a man;
- **mentions** (``entity.py``) with the facts salience needs: sentence, whether it is a
  main-clause subject (``docindex.py``).

``builder.py`` puts these together in :func:`article_entities`: entities in the order of
their first mention, each with its mentions in document order. Names in title-case
headlines, credits and quotations are trusted least (``lines.py``).

Where a quote's speaker is decided: :mod:`onrecord.extract.speakers`; this package only
describes the article. The cross-article registry (:mod:`onrecord.resolve.people`) works from
the names speaker resolution gives each statement, not from these entities.
"""

from __future__ import annotations

from onrecord.extract.entities.builder import article_entities
from onrecord.extract.entities.docindex import DocIndex, subject_rank
from onrecord.extract.entities.entity import Entity, Mention, MentionKind, Role
from onrecord.extract.entities.lines import mostly_capitalised
from onrecord.extract.entities.lookup import find_by_name
from onrecord.extract.entities.names import is_title
from onrecord.extract.entities.roles import make_role

__all__ = [
    "DocIndex",
    "Entity",
    "Mention",
    "MentionKind",
    "Role",
    "article_entities",
    "find_by_name",
    "is_title",
    "make_role",
    "mostly_capitalised",
    "subject_rank",
]
