"""Which verbs may cue a statement in each scope: speech, stance, or every attribution.

Three scopes (docs/scope.md):

* ``speech`` (the default): things said or written, e.g. "said", "told", "tweeted",
  "announced", "denied", "called for", "according to";
* ``stance``: speech, plus positions the article attributes to a source
  ("Clinton wants ...", "the poll shows ...", "Trump believes ..."), which news reports
  as that source's view. Such statements carry ``act="stance"``, so users can keep speech
  only. Verbs in neither list need a higher model probability, and refusals to speak
  ("declined to comment", "preferred to keep quiet") are not statements;
* ``all``: every attribution the model accepts, PolNeAR's notion of attribution.

The words themselves are in :mod:`onrecord.extract.lexicon.speech`; whether a given use of a
verb really attributes something is decided per use by the model in attribution_model.py.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from onrecord.extract.lexicon.speech import BELIEF_VERBS, SPEECH_VERBS

Scope = Literal["speech", "stance", "all"]
SCOPES: tuple[Scope, ...] = ("speech", "stance", "all")
#: Speech by default: what a reader of the record expects to be words on the record. Views
#: ("stance") are one option away; see docs/scope.md for the figures behind the choice.
DEFAULT_SCOPE: Scope = "speech"
#: The one description of the scopes that every command's --scope shows.
SCOPE_HELP = (
    "what counts as a statement: speech (default: said or written); stance (speech, plus "
    "views attributed to a source, marked act=stance); all (every attribution, as PolNeAR "
    "annotates)"
)


@cache
def cue_lemmas(scope: Scope = DEFAULT_SCOPE) -> frozenset[str]:
    """Verb lemmas that can attribute a quotation in ``scope`` (stance: speech verbs only,
    since a quotation is words someone said)."""
    return SPEECH_VERBS | BELIEF_VERBS if scope == "all" else SPEECH_VERBS
