"""Speaker resolution within one article: "he", "Peskov", "the Kremlin spokesman" -> a name.

Where a statement's speaker is decided: :mod:`onrecord.extract.speakers.decide`
(:func:`resolve_speakers`, and :meth:`~onrecord.extract.speakers.decide.Resolver.resolve`
for the order of the rules). The rules, one module each, stacked so that each may use those
listed before it:

* ``state.py``: the article's entities and mentions, quoted regions, who has spoken;
* ``names.py``: names, several names, names the recogniser missed;
* ``roles.py``: whom a title stands for;
* ``pronouns.py`` (with ``author.py`` for "I"): antecedents by salience;
* ``documents.py``: a document speaks for its issuer;
* ``descriptions.py``: roles, owners, organisations, unnamed speakers;
* ``occasion.py``: to whom and where it was said.

The word lists they use are in :mod:`onrecord.extract.lexicon`.
"""

from __future__ import annotations

from onrecord.extract.speakers.decide import resolve_speakers
from onrecord.extract.speakers.occasion import addressee_of, occasion_of

__all__ = ["addressee_of", "occasion_of", "resolve_speakers"]
