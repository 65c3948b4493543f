"""Words about people and their names: honorifics, titles, given names, gender, pronouns.

What the within-article entity model (:mod:`onrecord.extract.entities`) and pronoun
resolution (:mod:`onrecord.extract.speakers`) know of English names: which words before a
name are titles, which honorifics and nouns say a gender, which first names usually do, and
what each pronoun can refer to.
"""

from __future__ import annotations

from typing import Literal

from onrecord.extract.lexicon import words

Gender = Literal["m", "f"]

# --- titles and honorifics ----------------------------------------------------------------

#: Honorifics that say a gender and are not a role.
GENDER_HONORIFICS: dict[str, Gender] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f",
    "lady": "f",
}  # fmt: skip

#: Words before a name that are titles, not first names ("Sen. Adam Roe" -> "Adam Roe").
TITLE_WORDS = words(
    "president mr mrs ms miss dr sen senator rep gov governor secretary speaker chief justice "
    "judge mayor leader general gen vice first lady former candidate nominee democrat "
    "republican prime minister chancellor king queen prince princess pope sir dame lord "
    "professor prof rev reverend col colonel lt capt captain sgt adm admiral ambassador "
    "attorney commissioner director chairman chairwoman host anchor coach treasurer deputy "
    "chair chairperson "
    "democratic gop mrs. the a an and of in on at by with for"
)


# --- gender -------------------------------------------------------------------------------

#: Role nouns that say a gender ("spokeswoman" never resolves "he").
GENDERED_NOUNS: dict[str, Gender] = {
    "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m",
    "husband": "m", "father": "m", "son": "m", "brother": "m", "king": "m", "prince": "m",
    "boy": "m", "man": "m", "uncle": "m", "nephew": "m", "grandfather": "m",
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f",
    "wife": "f", "mother": "f", "daughter": "f", "sister": "f", "queen": "f", "princess": "f",
    "girl": "f", "woman": "f", "aunt": "f", "niece": "f", "grandmother": "f", "actress": "f",
    "widow": "f",
}  # fmt: skip

# Frequent first names in international and US political news. A name not listed simply
# leaves the gender unknown (then only the article's own pronouns decide).
_MALE = (
    "aaron abdul adam ahmed alan alex alexander alexei alexey ali andrew andrei andrey "
    "angus anthony antony antonio barack ben benjamin bernie bill bob boris brad brian bruce "
    "carl carlos charles chris christopher chuck cory dan daniel david dennis dick dmitry "
    "dmitri don donald doug douglas ed eric emmanuel evan frank fred gary george gerald "
    "greg gregory hank harry henry hugh ian igor ivan jack jacob james jason jeb jeff "
    "jeffrey jerry jim jimmy joe joel john johnny jon jonathan jose joseph josh juan kevin "
    "larry lindsey marco mark martin matt matthew michael mike mikhail mitch mitt muhammad "
    "mohammed nicolas nikolai oleg olaf paul pete peter phil rand recep reince richard rick "
    "rob robert robby roger ron rudy rudolph russ ryan sam samuel scott sean sergei sergey "
    "steve steven stephen ted terry thomas tim timothy todd tom tony vladimir viktor volodymyr "
    "walter wayne william xi yuri"
)
_FEMALE = (
    "alice amanda amy ana angela ann anna anne barbara betsy carly caroline catherine "
    "chelsea christine claire cynthia debbie deborah diane donna elena elizabeth ella emily "
    "emma erin hillary heather helen huma ivanka jane janet jennifer jessica jill joan julia "
    "julie karen kamala kate katherine kathleen kellyanne kelly kim laura linda lisa liz "
    "lynn maria maria marianne marie marine mary megyn melania michelle nancy natalia "
    "natalya nicola nikki olga patricia rachel rebecca samantha sandra sara sarah sharon "
    "stephanie susan suzanne tatiana teresa theresa tulsi ursula valentina victoria "
    "wendy yulia"
)
#: Given name -> the gender it usually has.
FIRST_NAME_GENDER: dict[str, Gender] = {
    **{n: "m" for n in _MALE.split()},
    **{n: "f" for n in _FEMALE.split()},
}


# --- pronouns -----------------------------------------------------------------------------

#: Pronouns by what they can refer to: gender votes (entities) and antecedents (speakers).
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
#: "I" is the article's author; "we" are people or a body, never a thing.
FIRST_PERSON = frozenset({"i", "me", "my"})
FIRST_PLURAL = frozenset({"we", "us", "our"})
#: "X, who said ...": the speaker is the noun the clause hangs on.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


# --- names and nationalities --------------------------------------------------------------

#: Lower-case words that may stand inside a person's name.
NAME_PARTICLES = words("von van der den de da del della di du la le bin ibn al el ben st y")

#: Last words that make a capitalised run an organisation, not a person.
ORG_LAST_WORDS = words(
    "council committee ministry party union bank group court agency department office "
    "company times post news university institute association foundation authority "
    "commission board service house senate congress parliament police army pac fund "
    "coalition network project alliance center centre league forum federation"
)

#: Demonyms (lower case) whose country is not a prefix match of a GPE the article names.
DEMONYMS = {
    "american": "United States", "british": "Britain", "english": "England",
    "turkish": "Turkey", "french": "France", "chinese": "China", "dutch": "Netherlands",
    "german": "Germany", "russian": "Russia", "ukrainian": "Ukraine", "polish": "Poland",
    "swiss": "Switzerland", "greek": "Greece", "spanish": "Spain", "israeli": "Israel",
    "iranian": "Iran", "japanese": "Japan", "belarusian": "Belarus", "finnish": "Finland",
    "swedish": "Sweden", "danish": "Denmark", "irish": "Ireland", "scottish": "Scotland",
}  # fmt: skip
