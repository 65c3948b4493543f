"""The English word lists of extraction, in one place (the Russian ones: ``extract/ru/lexicon``).

Every list a newcomer may want to read or extend sits in one of four modules, by what the
words are about:

* :mod:`~onrecord.extract.lexicon.speech`: verbs and nouns of saying, and what may follow a
  verb of saying without being its message (whom one tells, topics, settings);
* :mod:`~onrecord.extract.lexicon.people`: titles, honorifics, given names, gendered nouns,
  pronouns, demonyms;
* :mod:`~onrecord.extract.lexicon.descriptions`: head nouns of descriptions (roles,
  organisations, documents, epithets, occasions of speech);
* :mod:`~onrecord.extract.lexicon.page`: rubrics, titles of works, labels and time words, which
  look like speakers or messages and are neither.

Small closed sets that define how one rule reads the parse (prepositions of a setting,
function words of a title-case test, abbreviations that do not end a sentence) stay beside
that rule, where they explain it.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one block of text (easier to read and extend than a list)."""
    return frozenset(text.split())
