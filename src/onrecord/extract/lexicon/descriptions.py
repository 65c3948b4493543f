"""Head nouns of descriptions: who or what "the spokesman", "a report", "the campaign" is.

A speaker named only by a description is resolved by its head noun
(:mod:`onrecord.extract.speakers`): a person's role, an organisation, a document that speaks
for its issuer, an epithet for someone already named, or an occasion of speech ("in a
statement", "told reporters").
"""

from __future__ import annotations

from onrecord.extract.lexicon import words

# --- people and organisations -------------------------------------------------------------

#: Heads of descriptions that denote people (for ``type`` when no name is known).
HUMAN_HEADS = words(
    "source official aide spokesman spokeswoman spokesperson minister president senator "
    "governor mayor expert analyst critic diplomat lawyer attorney friend doctor woman man "
    "person people insider adviser advisor candidate lawmaker leader voter member resident "
    "witness officer secretary delegate negotiator envoy ambassador chief director "
    "chairman chairwoman representative observer supporter opponent activist economist "
    "researcher scientist strategist operative manager nominee worker someone family "
    "relatives parents children lawyers attorneys aides advisers supporters"
)

#: Heads of descriptions that name an organisation rather than a person.
ORG_HEADS = words(
    "office ministry government department administration campaign committee agency "
    "council commission party embassy court police army military company firm bank union "
    "group organisation organization institute foundation board parliament congress senate "
    "house cabinet kremlin presidency secretariat service bureau authority authorities "
    "network newspaper paper outlet station team club city state county fund coalition "
    "alliance delegation mission consulate regime junta staff spokesperson's"
)

#: Generic institution words: "the company" is the organisation the article named last.
INSTITUTION_HEADS = words(
    "company firm bank agency newspaper paper network channel broadcaster group "
    "organisation organization institute foundation union"
)

#: Institution words for a business or a newspaper, never a public body.
BUSINESS_HEADS = words("company firm bank network channel broadcaster newspaper paper")

#: Last words of public bodies' names ("Missouri Senate", "Justice Department").
PUBLIC_BODIES = words(
    "senate house congress court department ministry committee party council commission "
    "agency government administration parliament assembly legislature"
)

#: Person nouns that stand for an anonymous many, never a second reference to one person.
GROUP_WORDS = words("source people person someone official officials member voter resident")

#: Nouns that are definite without an article ("police said" = "the police said").
BARE_DEFINITE = words("police")


# --- roles and epithets -------------------------------------------------------------------

#: Head nouns that mean the same role ("press secretary" is a spokesman).
ROLE_SYNONYMS = {
    "spokeswoman": "spokesman", "spokesperson": "spokesman",
    # abbreviated titles: "Gov. Chris Christie" is "the governor"
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "atty": "attorney", "supt": "superintendent", "sec": "secretary",
    "congresswoman": "congressman", "chairwoman": "chairman", "chairperson": "chairman",
}  # fmt: skip

#: Titles that news uses as epithets for a person it has named ("the nominee said").
EPITHET_HEADS = words(
    "nominee candidate businessman billionaire president senator governor mayor secretary "
    "minister congressman congresswoman lawmaker chairman chairwoman spokesman premier "
    "chancellor tycoon mogul frontrunner front-runner republican democrat"
)

#: Epithets that are offices one holds, not descriptions: the person found must not be
#: known by another office ("the mayor" is not "Foreign Minister Holst").
OFFICES = words(
    "president senator governor mayor secretary minister congressman lawmaker chairman "
    "spokesman premier chancellor"
)

#: Party words: a label many people share, not a post one person holds.
PARTY_WORDS = words("republican democrat conservative liberal independent libertarian")

#: Modifiers two roles must share to be one ("Turkish President" is not "Russian President",
#: "former president" is not "president" when both say which).
CLASHING_MODIFIERS = words(
    "russian ukrainian turkish american british french german chinese polish israeli "
    "iranian japanese belarusian us u.s. european syrian saudi indian mexican canadian "
    "democratic republican former"
)

#: First words that make a description indefinite: a new, unnamed speaker.
INDEFINITE_WORDS = words(
    "a an another some several many one two three four five few other others any no most"
)

#: Words that make a headline's "... — Kremlin spokesman" or "Minister: ..." a speaker.
HEADLINE_ROLE_WORDS = words(
    """
    spokesman spokeswoman spokesperson minister president premier chancellor ambassador
    secretary official officials diplomat envoy source sources aide adviser advisor
    chief head leader mayor governor senator lawmaker deputy general commander ministry
    kremlin embassy office government white house pentagon police
    """
)


# --- documents ----------------------------------------------------------------------------

#: Heads of descriptions that name a document, which speaks for its issuer (rule 5).
DOCUMENT_NOUNS = words(
    "report study poll survey statement ad advertisement video clip analysis memo letter "
    "release book article piece editorial ruling review investigation audit filing "
    "complaint lawsuit documents document email emails tweet post spot commercial research "
    "opinion regulation guidance guideline rule figure data disclosure filing finding "
    "petition motion brief"
)

#: Verbs whose subject issued their object ("the institute published a study").
ISSUING_VERBS = words(
    "publish release issue commission conduct produce run air post file submit send sign pen"
)


# --- occasions and addressees -------------------------------------------------------------

#: Prepositional phrases with these nouns say where or how something was said.
OCCASION_NOUNS = words(
    "statement interview briefing conference channel account page post tweet speech "
    "address broadcast op-ed letter release video podcast rally debate hearing meeting "
    "summit call show program programme appearance event session remarks comments blog "
    "website message email memo editorial column article essay book reply response "
    "answer forum panel visit trip ceremony talk talks telecast radio television tv "
    "twitter facebook telegram instagram youtube x"
)

#: Verbs whose object is the one spoken to ("told journalists", "briefed reporters").
TELL_VERBS = frozenset({"tell", "inform", "assure", "brief", "warn", "remind", "reassure"})

#: Verbs whose "to" phrase is the one spoken to ("said to reporters").
TO_VERBS = frozenset(
    {"say", "speak", "talk", "explain", "write", "tweet", "announce", "declare", "admit",
     "complain", "confirm", "state", "add", "reply", "respond", "insist", "stress", "note"}
)  # fmt: skip
