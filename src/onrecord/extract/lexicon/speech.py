"""Words that mark speech, and the words after a verb of saying that are not its message.

Verbs of saying (lemmas), nominal cues, media, and what the statement filter knows about the
objects of such verbs (whom one tells, topics, settings). The scopes of docs/scope.md take
them as :mod:`onrecord.extract.cues` says. Whether a given use of a verb really attributes
something is decided per use by the model in attribution_model.py; these lists decide only
which verbs may count as speech at all.
"""

from __future__ import annotations

from onrecord.extract.lexicon import words

# --- verbs and nouns of speech ------------------------------------------------------------

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

#: Verbs that attribute a quotation right beside them (`"...?" Holm pressed.`) but say too
#: little on their own to report speech ("pressed the button", "began the meeting").
QUOTE_ONLY_CUES: frozenset[str] = words(
    "press interject interrupt begin start chime pipe offer recite read muse wonder sigh laugh "
    "bark boom snap growl thunder roar bellow sneer scoff gush rave marvel fume vent bristle"
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

#: Verbs that put a question: "asked" names the one who answers, not the one who speaks.
ASK_VERBS: frozenset[str] = words("ask question quiz press query interrogate")


# --- what follows a verb of saying (filter.py) --------------------------------------------

#: Verbs whose noun-phrase object is the person spoken to, not the message ("told MSNBC").
ADDRESSEE_VERBS: frozenset[str] = words(
    "tell inform notify assure reassure remind brief email text message phone"
)

#: Verbs of saying whose message is a clause or a quotation; a bare noun phrase after them
#: is a thing made or a setting ("wrote a book", "posted their worst showing", "said Friday").
OBJECTLESS_SPEECH_VERBS: frozenset[str] = words("say add continue post speak write")

#: What one tells, as opposed to whom: "told the truth", "tell a story".
TOLD_THINGS: frozenset[str] = words(
    "story truth lie joke tale version difference secret news anecdote account"
)

#: Prepositions that open a setting (medium, place, time), not a message: "said in a
#: statement", "spoke at a rally", "reported from Washington".
SETTING_PREPS: frozenset[str] = words(
    """
    on in at from by during over among into before after through via toward towards within
    across under near outside beside past between around amid since until upon onto behind
    """
)

#: Verb + preposition whose object is a topic, an addressee or a referent ("talking about the
#: budget", "referred to the mayor as", "respond to a request for comment").
NON_MESSAGE_FRAMES: frozenset[tuple[str, str]] = frozenset(
    tuple(pair.split("+"))  # type: ignore[misc]
    for pair in words(
        """
        refer+to talk+about talk+to talk+with speak+about speak+to speak+with respond+to
        reply+to apologize+to apologise+to write+to add+to listen+to turn+to
        ask+about inquire+about know+about hear+about care+about
        """
    )
)

#: Words that stand for what was said after a verb of saying ("said so", "said the same",
#: "said no to", "say thanks"): the object is then the message.
PROFORMS: frozenset[str] = words(
    """
    so same that this it yes no nothing little much something anything everything otherwise
    thanks goodbye hello sorry
    """
)

#: Verb + preposition that take the topic as an argument rather than a setting: "comment
#: on", "hinted at", "insisted on" keep their statement even when a noun phrase follows.
TOPIC_FRAMES: frozenset[tuple[str, str]] = frozenset(
    tuple(pair.split("+"))  # type: ignore[misc]
    for pair in words(
        """
        comment+on hint+at insist+on elaborate+on expound+on touch+on remark+on reflect+on
        call+on focus+on agree+on weigh+on harp+on dwell+on speculate+on testify+on
        report+on write+on rail+at lash+at
        """
    )
)

#: Stance verbs whose object alone reports a taste, a presence or an act, not a view
#: ("likes golf", "appeared at the rally", "is expected on site", "released a video").
NOT_VIEW_VERBS: frozenset[str] = words(
    """
    appear like love enjoy hate expect look pass release assume visit attend host meet
    """
)
