"""The words that mark speech: verb lemmas, nominal cues and medium phrases.

Kept as plain data so a newcomer can read and extend them. Three scopes (docs/scope.md):

* ``speech``: things said or written, e.g. "said", "told", "tweeted", "announced", "denied",
  "called for", "according to";
* ``stance`` (the default): speech, plus positions the article attributes to a source
  ("Clinton wants ...", "the poll shows ...", "Trump believes ..."), which news reports
  as that source's view. Such statements carry ``act="stance"``, so users can keep speech
  only. Verbs in neither list need a higher model probability, and refusals to speak
  ("declined to comment", "preferred to keep quiet") are not statements;
* ``all``: every attribution the model accepts, PolNeAR's notion of attribution.

Whether a given use of a verb really attributes something is decided per use by the model in
attribution_model.py; these lists decide only which verbs may count as speech at all.
"""

from __future__ import annotations

from functools import cache
from typing import Literal


def words(text: str) -> frozenset[str]:
    """A word list written as one block of text (easier to read and extend than a list)."""
    return frozenset(text.split())


Scope = Literal["speech", "stance", "all"]
SCOPES: tuple[Scope, ...] = ("speech", "stance", "all")
DEFAULT_SCOPE: Scope = "stance"

#: Verbs of saying and writing (lemmas), speech acts included ("denied", "blasted").
SPEECH_VERBS: frozenset[str] = words(
    """
    say tell add state declare announce assert claim contend insist maintain argue note
    observe remark comment explain stress emphasize emphasise underline warn caution
    deny concede admit acknowledge confirm affirm allege report write tweet post blog
    conclude continue reply respond retort answer ask inquire question suggest propose
    recommend urge demand promise pledge vow swear threaten predict forecast estimate
    reckon recall repeat reiterate reaffirm mention point disclose reveal complain
    lament protest object accuse charge criticize criticise condemn blast slam praise
    hail welcome thank joke quip boast brag describe call characterize characterise
    label dub brand testify inform notify advise assure reassure counter rebut dispute
    reject dismiss concur disagree indicate signal hint imply specify clarify elaborate
    exclaim shout yell whisper murmur mutter cry scream chant sing order instruct direct
    command request appeal plead beg invite encourage project guarantee cite quote
    summarize summarise speak talk broadcast publish proclaim blame denounce mock tout
    refer express recount list highlight lambaste attack defend rail lash chide scold
    rebuke decry deride ridicule downplay endorse pitch float tease unveil outline
    detail spell assail castigate retweet text email message phone liken compare
    challenge
    """
)

#: Cognition, belief, intention and evidence lemmas: in scope only with ``scope="all"``.
BELIEF_VERBS: frozenset[str] = words(
    """
    believe think know feel consider expect hope fear worry doubt suspect assume guess
    imagine understand realize realise recognize recognise see find show reveal prove
    demonstrate learn want plan intend wish seem appear seek support oppose back agree
    decline refuse favor favour prefer like
    """
)

#: "X declined/refused/preferred to comment": a refusal to speak is no statement (stance scope).
REFUSAL_VERBS: frozenset[str] = words("decline refuse prefer")
#: What a refusal refuses when it refuses to speak ("to give details", "to keep quiet").
SILENCE_VERBS: frozenset[str] = SPEECH_VERBS | words(
    "give keep discuss elaborate speculate disclose name identify specify go"
)

#: Nouns that report speech or belief with a that-clause ("his claim that ...").
SPEECH_NOUNS: frozenset[str] = words(
    """
    claim charge statement assertion warning promise pledge argument suggestion belief
    view fear hope concern worry insistence allegation accusation admission
    acknowledgment announcement assurance comment remark report message notion
    contention complaint prediction threat vow demand
    """
)

#: Nouns that name a medium or an occasion of speech ("in a statement", "in an interview").
MEDIUM_NOUNS: frozenset[str] = words(
    """
    statement interview briefing conference address speech post tweet message channel
    letter email op-ed column remarks comments broadcast podcast video blog
    """
)


@cache
def cue_lemmas(scope: Scope = DEFAULT_SCOPE) -> frozenset[str]:
    """Verb lemmas that can attribute a quotation in ``scope`` (stance: speech verbs only,
    since a quotation is words someone said)."""
    return SPEECH_VERBS | BELIEF_VERBS if scope == "all" else SPEECH_VERBS
