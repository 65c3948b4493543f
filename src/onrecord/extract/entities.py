"""The people and organisations one article introduces: its within-article entity model.

Why this exists: a statement's speaker is often named only as "he", "Peskov" or "the Kremlin
spokesman", while the record needs "Dmitry Peskov". No coreference package works offline, so
this module builds the small model that resolution needs, from what spaCy already computed
(NER, dependency parse; no second pass over the text):

- **names**: PERSON and ORG entities, clustered so that "Dmitry Peskov", "Peskov" and a
  headline "Peskov" that NER missed are one :class:`Entity`, while "Hillary Clinton" and
  "Bill Clinton" stay two (full names are never merged unless first and last names agree;
  a bare surname goes to the matching entity that fits its "Mr."/"Mrs." and was mentioned
  most recently, else the most mentioned one);
- **roles** as the article words them: pre-name titles ("Russian presidential spokesman Dmitry
  Peskov") and appositions in both orders ("Jane Doe, the finance minister" / "the chief
  delegate, presidential aide John Doe"), with an **affiliation** taken from the role
  ("Kremlin spokesman" -> "Kremlin", "Russian presidential ..." -> "Russia");
- **gender** from honorifics, gendered role nouns, a short first-name list and the pronouns
  of sentences that mention only that entity, so that "she" never resolves to a man;
- **mentions** with the facts salience needs: sentence, whether it is a main-clause subject.

Where a quote's speaker is decided: :mod:`onrecord.extract.speakers` (``resolve_speakers``);
this module only describes the article. :func:`article_entities` is public: the cross-article
registry (onrecord.resolve) builds on it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from onrecord.extract.quotes import find_quotes
from onrecord.ingest.text import parse_byline
from onrecord.model import Article, Span, SpeakerType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Gender = Literal["m", "f"]


def _fold(text: str) -> str:
    """A name as names are compared: lower case, one apostrophe ("O’Neill" = "O'Neill")."""
    return text.lower().replace("’", "'")


def words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps the lexicons below readable)."""
    return frozenset(text.split())


MentionKind = Literal["name", "pronoun", "description"]

#: Honorifics that say a gender and are not a role.
GENDER_HONORIFICS: dict[str, Gender] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f",
    "lady": "f",
}  # fmt: skip

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
FIRST_NAME_GENDER: dict[str, Gender] = {
    **{n: "m" for n in _MALE.split()},
    **{n: "f" for n in _FEMALE.split()},
}

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

#: Pronouns by what they can refer to; used for gender votes here and resolution there.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

#: Demonyms whose country is not a prefix match of a GPE the article names.
_DEMONYMS = {
    "american": "United States", "british": "Britain", "english": "England",
    "turkish": "Turkey", "french": "France", "chinese": "China", "dutch": "Netherlands",
    "german": "Germany", "russian": "Russia", "ukrainian": "Ukraine", "polish": "Poland",
    "swiss": "Switzerland", "greek": "Greece", "spanish": "Spain", "israeli": "Israel",
    "iranian": "Iran", "japanese": "Japan", "belarusian": "Belarus", "finnish": "Finland",
    "swedish": "Sweden", "danish": "Denmark", "irish": "Ireland", "scottish": "Scotland",
}  # fmt: skip

_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")", "\n"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MAIN_HEAD_DEPS = frozenset({"ROOT", "conj", "parataxis"})
_PRE_NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod"})
_NAME_STRIP = frozenset({"the", "a", "an", "'s", "’s", "'", "’"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos"})
_GENDER_PRONOUN_RE = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.I)
_NON_NAME_RE = re.compile(r"\d|^[^A-Z]|^\W+$")


@dataclass(slots=True)
class Mention:
    """One place an entity is named: char offsets into the article, and salience facts.

    ``subject`` is 2 for a main-clause subject, 1 for an embedded clause's subject, 0 else:
    subjects are what later pronouns refer to. ``role`` is the title at this mention.
    """

    start: int
    end: int
    text: str
    sent: int
    head: int  # token index of the mention's head
    kind: MentionKind = "name"
    subject: int = 0
    role: str | None = None
    honorific: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Role:
    """A title as the article words it, with the parts descriptions are matched on."""

    text: str
    head: str  # lower-cased lemma of the head noun ("spokesman")
    modifiers: frozenset[str]  # lower-cased other words ("russian", "presidential")
    affiliation: str | None


@dataclass(slots=True)
class Entity:
    """A person or organisation of one article, under its fullest name."""

    name: str
    type: SpeakerType
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    gender: Gender | None = None
    mentions: list[Mention] = field(default_factory=list)
    first_names: set[str] = field(default_factory=set)

    @property
    def affiliation(self) -> str | None:
        """The first affiliation one of the article's roles for it gives."""
        return next((r.affiliation for r in self.roles if r.affiliation), None)

    @property
    def surname(self) -> str:
        return _fold(self.name.split()[-1])

    def add_role(self, role: Role | None) -> None:
        if role and all(r.text.lower() != role.text.lower() for r in self.roles):
            self.roles.append(role)

    def to_json(self) -> dict[str, Any]:
        """The entity as plain data (for the registry and for debugging output)."""
        return {
            "name": self.name,
            "type": self.type,
            "aliases": sorted(self.aliases),
            "roles": [r.text for r in self.roles],
            "affiliation": self.affiliation,
            "gender": self.gender,
            "mentions": [m.span.to_json() for m in self.mentions],
        }


@dataclass(slots=True)
class DocIndex:
    """Per-token facts computed once per article: sentence numbers and paragraph starts."""

    doc: Doc
    text: str  # doc.text, computed once (spaCy rebuilds it on every access)
    sent_of: list[int]
    sent_starts: list[int]  # token index where each sentence starts
    para_starts: list[int]  # char offsets where paragraphs start

    tok_starts: list[int]  # char offset where each token starts
    tok_ends: list[int]  # and where it ends

    @classmethod
    def build(cls, doc: Doc, text: str | None = None) -> DocIndex:
        """One vectorised pass (``Doc.to_array``): no per-token Python objects.

        ``text`` is the article text the doc was made from; spaCy rebuilds ``doc.text`` from
        the tokens on every access, so a caller that has the string should pass it.
        """
        from spacy.attrs import IDX, LENGTH, SENT_START

        arr = doc.to_array([IDX, SENT_START, LENGTH]) if len(doc) else None
        tok_starts = arr[:, 0].tolist() if arr is not None else []
        flags = arr[:, 1].tolist() if arr is not None else []
        tok_ends = (arr[:, 0] + arr[:, 2]).tolist() if arr is not None else []
        sent_of: list[int] = []
        starts: list[int] = []
        for i, flag in enumerate(flags):
            if flag == 1 or i == 0:
                starts.append(i)
            sent_of.append(len(starts) - 1)
        if text is None or (tok_ends and len(text) < tok_ends[-1]):
            text = doc.text
        paras = [0] + [m.end() for m in re.finditer(r"\n", text)]
        return cls(doc, text, sent_of, starts, paras, tok_starts, tok_ends)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def token_at(self, offset: int) -> int:
        """The index of the token that contains (or follows) a char offset."""
        i = bisect_right(self.tok_starts, offset) - 1
        if i < 0:
            return 0
        if i + 1 < len(self.tok_starts) and offset >= self.tok_ends[i]:
            return i + 1  # offset in the whitespace after token i
        return i


def subject_rank(token: Token) -> int:
    """2 when ``token`` heads a main-clause subject, 1 an embedded subject, 0 otherwise."""
    if token.dep_ not in _SUBJECT_DEPS:
        return 0
    return 2 if token.head.dep_ in _MAIN_HEAD_DEPS else 1


def country_of(demonym: str, gpes: dict[str, str]) -> str:
    """The country for a nationality adjective: a GPE the article names, else a small table."""
    low = demonym.lower()
    if low in _DEMONYMS:
        return _DEMONYMS[low]
    for key, gpe in gpes.items():
        if len(low) >= 5 and key[:4] == low[:4]:
            return gpe
    return demonym


def make_role(tokens: list[Token], gpes: dict[str, str]) -> Role | None:
    """A :class:`Role` from the words of a title (determiners and commas trimmed)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    while words and (words[0].lower_ in _NAME_STRIP or words[0].dep_ == "det"):
        words = words[1:]
    while words and words[-1].lower_ in _NAME_STRIP:
        words = words[:-1]
    if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None
    if words[-1].lower_ in GENDER_HONORIFICS:
        return None
    if any(t.like_num or t.lower_ in ("percent", "%") for t in words):
        return None  # "52 percent (of voters)", "Sanders, 41 percent": a share, not a title
    head = words[-1]
    for t in words:  # the head is the word whose parent lies outside the role
        if t.head.i not in {w.i for w in words} or t.head.i == t.i:
            head = t
            break
    affiliation = None
    for t in words:
        if t.ent_type_ in ("ORG", "GPE") and t is not head:
            affiliation = _strip_det(_entity_text(t))
            break
        if t.ent_type_ == "NORP" and affiliation is None:
            affiliation = country_of(t.text, gpes)
            break
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    mods = frozenset(t.lower_ for t in words if t is not head and t.lower_ not in ("of", "'s"))
    return Role(text=text, head=head.lemma_.lower(), modifiers=mods, affiliation=affiliation)


def _entity_text(token: Token) -> str:
    """The whole named entity a token is part of ("White House", not "White")."""
    doc = token.doc
    a = token.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = token.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return doc[a:b].text


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _pre_name_role(ent: SpacySpan, gpes: dict[str, str]) -> tuple[Role | None, str | None]:
    """Title words right before a name ("Russian presidential spokesman Dmitry Peskov").

    Returns the role and a gender honorific ("Mrs.") found there, which is not a role.
    """
    doc = ent.doc
    inside = set(range(ent.start, ent.end))
    taken: list[Token] = []
    honorific = None
    i = ent.start - 1
    while i >= 0:
        t = doc[i]
        if t.is_punct or t.is_space or t.dep_ == "det" or t.ent_type_ == "PERSON":
            break
        if t.head.i not in inside or t.dep_ not in _PRE_NAME_DEPS:
            break
        if t.lower_ in GENDER_HONORIFICS:
            honorific = t.lower_
        else:
            taken.append(t)
        inside.add(t.i)
        i -= 1
    taken.reverse()
    return (make_role(taken, gpes) if taken else None), honorific


def _titled_as_person(ent: SpacySpan, gpes: dict[str, str]) -> bool:
    """ "presidential spokeswoman Irina Kovalska": a name after a person's title is a person,
    whatever the recogniser's label (it tags unfamiliar names as organisations)."""
    role, honorific = _pre_name_role(ent, gpes)
    return honorific is not None or (
        role is not None and (role.head in HUMAN_HEADS or role.head in GENDERED_NOUNS)
    )


def _appositive_role(ent: SpacySpan, gpes: dict[str, str]) -> Role | None:
    """A role in apposition: "Jane Doe, the minister," or "the chief delegate, John Doe".

    Only a singular noun set off by a comma counts: the parser's other "appos" arcs are
    too often lists or misparses ("Trump, expectations ...").
    """
    root = ent.root
    doc = ent.doc
    head = root.head
    if root.dep_ == "appos" and head.tag_ == "NN" and head.i < ent.start:
        if head.i == ent.start - 1:
            # "chief executive Daniel Ortis" parsed as apposition: a pre-name title, whose
            # words are the unbroken run before the name (not a headline above it).
            i = head.i
            while i > 0 and not (doc[i - 1].is_punct or doc[i - 1].is_space):
                if doc[i - 1].dep_ == "det" or doc[i - 1].head.i not in range(i - 1, head.i + 1):
                    break
                i -= 1
            return make_role(list(doc[i : head.i + 1]), gpes)
        if doc[root.left_edge.i - 1].text == ",":
            words = [t for t in head.subtree if t.i < ent.start and not _in_subtree(t, root)]
            words = [t for t in words if t.i >= head.left_edge.i]
            return make_role(_cut_clauses(words, head), gpes)
    if ent.end < len(doc) and doc[ent.end].text == ",":
        for child in root.children:
            if child.dep_ == "appos" and child.tag_ == "NN" and child.left_edge.i == ent.end + 1:
                words = _cut_clauses(list(child.subtree), child)
                stop = next((t.i for t in words if t.i > child.i and t.text in _BREAKS), None)
                words = [t for t in words if stop is None or t.i < stop]
                return make_role(words[:14], gpes)
    return None


def _in_subtree(token: Token, root: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i


def _cut_clauses(words: list[Token], head: Token) -> list[Token]:
    """Drop relative clauses and the like from a role phrase: the title, not the story."""
    drop: set[int] = set()
    for t in words:
        if t.dep_ in _CLAUSE_DEPS and t.head.i == head.i and t.i > head.i:
            drop.update(range(t.left_edge.i, t.right_edge.i + 1))
    return [t for t in words if t.i not in drop]


def _clean_name(ent: SpacySpan) -> tuple[int, int, str] | None:
    """The name inside an entity span, without "the", possessives, honorifics or junk.

    A party or nationality word the recogniser left out of an organisation ("Republican" of
    "Republican National Committee") is taken in, and so is a person's given name
    ("Matdos" of "Matdos Santos"):
    capitalised proper nouns right before a one-word span that modify it and are no title
    (a longer span already holds the given name: "Star Jo Ray" is a title, not a name).
    """
    toks = list(ent)
    while ent.label_ == "ORG" and toks[0].i > 0:
        before = ent.doc[toks[0].i - 1]  # "Republican" + "National Committee"
        if not (
            before.ent_type_ == "NORP"
            and before.is_title
            and before.dep_ in ("compound", "amod")
            and before.head.i in range(ent.start, ent.end)
        ):
            break
        toks.insert(0, before)
    while ent.label_ == "PERSON" and toks[0].i > 0:
        before = ent.doc[toks[0].i - 1]
        if len(toks) > 1 and before.lower_ not in FIRST_NAME_GENDER:
            break  # (a known given name extends a two-word name: "Debbie" + "Wasserman Schultz")
        if not (
            before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and before.head.i in range(ent.start, ent.end)
            and before.is_title
            and not before.ent_type_
            and before.lower_.rstrip(".") not in TITLE_WORDS | HUMAN_HEADS
        ):
            break
        toks.insert(0, before)
    while toks and (
        toks[0].lower_ in _NAME_STRIP
        or toks[0].lower_ in GENDER_HONORIFICS
        or (ent.label_ == "PERSON" and toks[0].is_stop and toks[0].pos_ != "PROPN")
    ):  # (the last: "Without Bloomberg, the race ..." tagged as a person)
        toks = toks[1:]
    while toks and (toks[-1].lower_ in _NAME_STRIP or toks[-1].is_punct or _loose_lower(toks)):
        toks = toks[:-1]
    if ent.label_ == "PERSON":  # "Spokeswoman Jo Ray": the recogniser took the title in
        titled = [n for n, t in enumerate(toks[:-2]) if _is_title_word(t)]
        if titled:  # "Party Chair Ana Lind": everything up to the last title word
            toks = toks[titled[-1] + 1 :]
        # "Jo Ray - Santilli", "Ray v. Ray": a dash or a lower-case word inside (other than
        # a particle: "von", "de") joins two things, of which the first is the name
        cut = next(
            (
                n
                for n, t in enumerate(toks[1:], 1)
                if toks[n - 1].whitespace_
                and (
                    (t.text in "-–—" and t.whitespace_)
                    or (t.is_lower and t.lower_.rstrip(".") not in _PARTICLES)
                )
            ),
            None,
        )
        if cut is not None:
            toks = toks[:cut]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
    if not toks:
        return None
    text = ent.doc[toks[0].i : toks[-1].i + 1].text
    if _NON_NAME_RE.search(text[0]) or any(c.isdigit() for c in text) or "\n" in text:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text), text


def _name_word(text: str) -> bool:
    """Letters, with the apostrophes and hyphens names have ("O'Hanlon", "Smith-Jones")."""
    return text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _is_title_word(token: Token) -> bool:
    """A title before a name: "Chair", "Senator", "Assemblywoman", "Councilman"."""
    low = token.lower_.rstrip(".")
    return is_title(low) or low in HUMAN_HEADS or bool(_TITLE_MAN.search(low))


def is_title(word: str) -> bool:
    """A title word, also inside a compound title ("Secretary-Treasurer", "Vice-Chair")."""
    return any(part in TITLE_WORDS for part in word.lower().rstrip(".").split("-") if part)


#: "Assemblywoman", "Congressman", "Councilwoman", "Alderman": offices named by -man.
_TITLE_MAN = re.compile(r"^(?:assembly|congress|council|alder|chair|spokes|committee)(?:wo)?man$")


#: Lower-case words that may stand inside a person's name.
_PARTICLES = words("von van der den de da del della di du la le bin ibn al el ben st y")

#: Last words that make a capitalised run an organisation, not a person.
_ORG_LAST_WORDS = words(
    "council committee ministry party union bank group court agency department office "
    "company times post news university institute association foundation authority "
    "commission board service house senate congress parliament police army pac fund "
    "coalition network project alliance center centre league forum federation"
)


def _person_inside(ent: SpacySpan) -> SpacySpan | None:
    """The person's name ending an organisation-tagged span that runs a title into it:
    a known first name after at least one other word, followed by capitalised words only."""
    toks = list(ent)
    for n in range(1, len(toks) - 1):
        if (
            toks[n].lower_ in FIRST_NAME_GENDER
            and len(toks) - n <= 3
            and all(t.is_title for t in toks[n:])
        ):
            return ent.doc[toks[n].i : ent.end]
    return None


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case (headlines, subheadings): most of their longer words capitalised,
    and no sentence end.

    Names are unreliable there (every word looks like one), so entities prefer the body's.
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        if line.endswith((".", "!", "?", '"', "”", ":")):
            continue  # a sentence, whatever its names ("Donald Trump met Bernie Sanders.")
        if mostly_capitalised(line):
            out.append((m.start(), m.end()))
    return out


def mostly_capitalised(line: str) -> bool:
    """Three or more longer words, three in four of them capitalised: headline style."""
    longer = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.75 * len(longer)


_FURNITURE_LINE = re.compile(
    r"^\s*(?:(?:photo|image|picture|credit|video|illustration|file|graphic)s?\b\s*[:/(]"
    r"|.*\S\s+/\s+\S|.*\|)",
    re.IGNORECASE,
)


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """Short lines that credit rather than report: "Photo: Jo Ray / Reuters", "By Jo Ray",
    "Jo Ray | Staff". The people they name are not the story's speakers or antecedents."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if len(m.group().split()) <= 12
        and (_FURNITURE_LINE.match(m.group()) or parse_byline(m.group().strip()))
    ]


def _inside_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


def _outside_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the given ranges blanked out (offsets kept)."""
    chars = list(text)
    for a, b in ranges:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _loose_lower(toks: list[Token]) -> bool:
    """A lower-case last word standing apart: a name never ends in one ("Meghan cry"), but
    a hyphenated part belongs to it ("Ban Ki-moon")."""
    return len(toks) > 1 and toks[-1].is_lower and bool(toks[-2].whitespace_)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _short_form(short: list[str], long: list[str]) -> bool:
    """Is one organisation name a short form of another? "Security Council" of "United
    Nations Security Council" (same last word), "Peabody" of "Peabody Energy" (its first)."""
    if len(short) > len(long):
        return False
    if set(short) <= set(long) and long[-1] == short[-1]:
        return True
    if len(short) >= 2 and long[: len(short)] == short and long[len(short)] in _OF_WORDS:
        return True  # "Brennan Center" of "Brennan Center for Justice"
    return len(short) == 1 and len(short[0]) >= 4 and long[0] == short[0]


_OF_WORDS = frozenset({"for", "of", "on", "in"})


def _acronyms(name: str) -> set[str]:
    """ "FEC" of "Federal Election Commission", "DOJ" (or "DJ") of "Department of Justice"."""
    words_ = name.split()
    return {
        "".join(w[0] for w in words_ if w[:1].isupper()),
        "".join(w[0] for w in words_ if w[:1].isalpha()).upper(),
    }


class _Builder:
    """Builds the entity list of one article (one pass over entities, one over tokens)."""

    def __init__(self, doc: Doc, index: DocIndex) -> None:
        self.doc = doc
        self.index = index
        self.entities: list[Entity] = []
        self.by_full: dict[tuple[str, str], Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        self.orgs: dict[str, Entity] = {}
        self.covered: set[int] = set()  # token indices already inside a mention
        self.gpes = {e.text.lower(): e.text for e in doc.ents if e.label_ == "GPE"}
        self._body: str | None = None  # the text without title-case lines, when needed
        self.unreliable_ranges: list[tuple[int, int]] = []
        self.named_unreliably: set[int] = set()  # ids of entities named from such ranges

    def mention(self, start: int, end: int, text: str, kind: MentionKind = "name") -> Mention:
        index = self.index
        i = index.token_at(start)
        j = index.token_at(max(start, end - 1))
        head = self.doc[i : j + 1].root
        self.covered.update(range(i, j + 1))
        return Mention(start, end, text, index.sent_of[head.i], head.i, kind, subject_rank(head))

    def build(self) -> list[Entity]:
        persons: list[tuple[SpacySpan, tuple[int, int, str]]] = []
        orgs: list[tuple[SpacySpan, tuple[int, int, str]]] = []
        titles = _title_lines(self.index.text)
        furniture = _furniture_lines(self.index.text)
        # Names in headlines and inside quotations are the least reliable: every word is
        # capitalised there, and speakers use nicknames ("Crooked Hillary Clinton").
        quoted = [(q.start, q.end) for q in find_quotes(self.index.text)]
        self.unreliable_ranges = sorted(titles + quoted)
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            clean = _clean_name(ent)
            if clean is not None and furniture and _inside_any(clean[0], furniture):
                continue  # a photo credit or byline names no one in the story
            if clean is not None and titles and _inside_any(clean[0], titles):
                clean = self._name_in_title(clean, titles)
            if clean is not None:
                (orgs if ent.label_ == "ORG" else persons).append((ent, clean))
        # Full names first, so that a headline surname finds the body's full name.
        singles = []
        for ent, clean in persons:
            if " " in clean[2]:
                self._add_full(ent, clean)
            else:
                singles.append((ent, clean))
        # The small model often tags a person's name as ORG ("Trump said"): a name the
        # article gives a person elsewhere is that person.
        for ent, clean in orgs:
            person = _person_inside(ent)
            if person is not None:
                # "House Majority Leader Kevin McCarthy" tagged as one organisation
                named = _clean_name(person)
                if named is not None:
                    self._add_full(person, named)
                    continue
            parts = _fold(clean[2]).split()
            if (
                (parts[0], parts[-1]) in self.by_full
                or (1 < len(parts) < 4 and parts[0] in FIRST_NAME_GENDER and clean[2].istitle())
                or (1 < len(parts) < 5 and self._same_person(clean[2].split()))
                or (1 < len(parts) < 4 and _titled_as_person(ent, self.gpes))
            ):
                self._add_full(ent, clean)
            elif len(parts) == 1 and parts[0] in self.by_surname:
                singles.append((ent, clean))
            else:
                self._add_org(ent, clean)
        for run in self._untagged_subject_names(titles):
            if run[-1].lower_ in _ORG_LAST_WORDS:  # "America Rising PAC is blasting ..."
                self._add_org(run, (run.start_char, run.end_char, run.text))
                continue
            clean = _clean_name(run)
            if clean is not None:
                self._add_full(run, clean)
        for run in self._untagged_the_names(titles):
            self._add_org(run, (run.start_char, run.end_char, run.text))
        singles.sort(key=lambda ec: ec[1][0])
        for ent, clean in singles:
            self._add_single(ent, clean)
        self._scan_missed_surnames()
        self._vote_gender()
        for e in self.entities:
            e.mentions.sort(key=lambda m: m.start)
        self.entities.sort(key=lambda e: e.mentions[0].start if e.mentions else -1)
        return self.entities

    def _untagged_subject_names(self, titles: list[tuple[int, int]]) -> list[SpacySpan]:
        """Names the recogniser missed that act as a clause's subject: "Ana Lind won ...".

        The small model knows common US names and misses many others. A run of two or
        three capitalised proper nouns outside any entity, heading a subject, is taken for a
        person, or for an organisation when it ends in an organisation word ("America
        Rising PAC"); a subject is the narrator's topic, so a later "she", "her campaign" or
        "the group" must be able to find it.
        """
        doc = self.doc
        runs = []
        for t in doc:
            appos = t.dep_ == "appos" and t.head.dep_ in _SUBJECT_DEPS
            subject = t.dep_ in _SUBJECT_DEPS or appos
            if not subject or t.pos_ != "PROPN" or t.ent_type_:
                continue  # (an apposition to a subject: "His neighbour, Greta Vos, was ...")
            i = t.i
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound":
                i -= 1
            run = doc[i : t.i + 1]
            if not 2 <= len(run) <= 3 or any(w.ent_type_ or w.i in self.covered for w in run):
                continue
            org = run[-1].lower_ in _ORG_LAST_WORDS  # (taken as an organisation)
            if not all((w.is_title or (org and w.is_upper)) and _name_word(w.text) for w in run):
                continue
            if _inside_any(run.start_char, titles) or run[0].lower_ in TITLE_WORDS:
                continue
            runs.append(run)
        return runs

    def _untagged_the_names(self, titles: list[tuple[int, int]]) -> list[SpacySpan]:
        """Organisations the recogniser missed: "The Advocate said", "the Oregonian reported".

        A proper noun run after "the" is not a person; one that heads a subject somewhere
        in the story is an organisation the story is about (a newspaper, a body), so its
        other mentions ("the editors of The Advocate") are that organisation too.
        """
        doc = self.doc
        found: dict[str, list[SpacySpan]] = {}
        subject: set[str] = set()
        for t in doc:
            if t.pos_ != "PROPN" or t.tag_ != "NNP" or t.ent_type_ or t.i in self.covered:
                continue
            if t.head.i == t.i + 1 and t.head.pos_ == "PROPN":
                continue  # not the head of its run
            i = t.i
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound":
                i -= 1
            run = doc[i : t.i + 1]
            det = doc[i - 1] if i else None
            if det is None or det.lower_ != "the" or det.head.i != t.i or len(run) > 3:
                continue
            if any(w.ent_type_ or w.i in self.covered or not w.is_title for w in run):
                continue
            if run[0].lower_ in TITLE_WORDS or _inside_any(run.start_char, titles):
                continue
            found.setdefault(run.text, []).append(run)
            if t.dep_ in _SUBJECT_DEPS:
                subject.add(run.text)
        return [run for text in sorted(subject) for run in found[text]]

    def _name_in_title(
        self, clean: tuple[int, int, str], titles: list[tuple[int, int]]
    ) -> tuple[int, int, str] | None:
        """A name in a title-case line, cut to the words the body also writes as a name.

        In "Obama Says ..." or "Crooked Hillary Clinton Slams ..." every word is capitalised,
        so the recogniser runs neighbouring words into the name. The longest run of the
        name's words that the body (the lines that are not title case) also has, capitalised
        and as a run, is the name; a name the body never gives is kept as the title has it.
        """
        start, _, text = clean
        parts = text.split()
        if len(parts) < 2:
            return clean
        if self._body is None:
            self._body = _outside_ranges(self.index.text, titles)
        body = self._body
        for size in range(len(parts), 0, -1):
            for i in range(len(parts) - size + 1):
                run = parts[i : i + size]
                if run[0].lower() in TITLE_WORDS or run[-1].lower() in TITLE_WORDS:
                    continue
                if re.search(r"(?<![\w’'])" + re.escape(" ".join(run)) + r"(?![\w’'])", body):
                    offset = start + len(" ".join(parts[:i])) + (1 if i else 0)
                    if self.index.text[offset : offset + len(" ".join(run))] != " ".join(run):
                        return clean  # spacing differs from single spaces: leave it
                    return offset, offset + len(" ".join(run)), " ".join(run)
        return clean

    def _with_roles(self, ent: SpacySpan, m: Mention, entity: Entity) -> None:
        role, honorific = _pre_name_role(ent, self.gpes)
        appos = _appositive_role(ent, self.gpes)
        for r in (role, appos):
            entity.add_role(r)
            if r and m.role is None:
                m.role = r.text
            if r and entity.gender is None:
                entity.gender = GENDERED_NOUNS.get(r.head)
        if honorific:
            m.honorific = honorific
            entity.gender = entity.gender or GENDER_HONORIFICS[honorific]
        if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
            # "the chief delegate, John Doe, said": the phrase's subject role is the name's.
            m.subject = max(m.subject, subject_rank(ent.root.head))
        entity.mentions.append(m)

    def _add_full(self, ent: SpacySpan, clean: tuple[int, int, str]) -> None:
        start, end, text = clean
        parts = text.replace("’s", "").split()
        key = (_fold(parts[0]), _fold(parts[-1]))
        entity = self.by_full.get(key) or self._same_person(parts)
        if entity is not None and key not in self.by_full:
            self.by_full[key] = entity
            entity.first_names.add(key[0])
        reliable = not _inside_any(start, self.unreliable_ranges)
        if entity is None:
            entity = Entity(name=text, type="person")
            entity.first_names.add(key[0])
            entity.gender = FIRST_NAME_GENDER.get(key[0])
            self.by_full[key] = entity
            self.by_surname.setdefault(key[1], []).append(entity)
            self.entities.append(entity)
            if not reliable:
                self.named_unreliably.add(id(entity))
        elif reliable and id(entity) in self.named_unreliably:
            entity.name = text  # the narration's name beats a headline's or a quote's
            self.named_unreliably.discard(id(entity))
        elif len(text) > len(entity.name) and (reliable or id(entity) in self.named_unreliably):
            entity.name = text  # "Hillary Rodham Clinton" is fuller than "Hillary Clinton"
        entity.aliases.update((text, parts[-1]))
        self._with_roles(ent, self.mention(start, end, text), entity)

    def _same_person(self, parts: list[str]) -> Entity | None:
        """A known full name that this one extends or abbreviates, in order: "Hillary Rodham
        Clinton" / "Hillary Clinton", "Keith Lamont Scott" / "Lamont Scott" (never "Bill
        Clinton" / "Hillary Clinton")."""
        ours = [_fold(w) for w in parts]
        for other in self.by_surname.get(ours[-1], []):
            theirs = _fold(other.name).replace("'s", "").split()
            short, long = (ours, theirs) if len(ours) <= len(theirs) else (theirs, ours)
            if len(short) > 1 and _subsequence(short, long):
                return other
        return None

    def _add_single(self, ent: SpacySpan, clean: tuple[int, int, str]) -> None:
        start, end, text = clean
        low = _fold(text)
        role, honorific = _pre_name_role(ent, self.gpes)
        candidates = self.by_surname.get(low)
        if not candidates:
            candidates = [e for e in self.by_full.values() if low in e.first_names]
        if candidates and role is not None:
            # "President Obama" is the Obama the article calls president, not his wife
            titled = [e for e in candidates if any(r.head == role.head for r in e.roles)]
            candidates = titled or candidates
        gender = GENDER_HONORIFICS.get(honorific or "")
        if gender and candidates and all(e.gender not in (gender, None) for e in candidates):
            candidates = []  # "Mr. Obama" when only Michelle Obama is named in full
        if candidates:
            sent = self.index.sent_of[self.index.token_at(start)]
            entity = _pick(candidates, honorific, start, sent)
        else:
            entity = Entity(name=text, type="person")
            self.by_full[(low, low)] = entity
            self.by_surname.setdefault(low, []).append(entity)
            self.entities.append(entity)
        entity.aliases.add(text)
        self._with_roles(ent, self.mention(start, end, text), entity)

    def _add_org(self, ent: SpacySpan, clean: tuple[int, int, str]) -> None:
        start, end, text = clean
        low = text.lower()
        entity = self.orgs.get(low)
        if entity is None:
            for other in self.orgs.values():
                theirs = other.name.lower().split()
                ours = low.split()
                if (
                    _short_form(ours, theirs)
                    or _short_form(theirs, ours)
                    or (len(text) >= 2 and text.isupper() and text in _acronyms(other.name))
                ):
                    entity = other
                    if len(text) > len(other.name) and not text.isupper():
                        other.name = text  # "Peabody Energy" is fuller than "Peabody"
                    break
        if entity is None:
            entity = Entity(name=text, type="organisation")
            self.entities.append(entity)
        self.orgs[low] = entity
        entity.aliases.add(text)
        entity.mentions.append(self.mention(start, end, text))

    def _scan_missed_surnames(self) -> None:
        """Add mentions NER missed ("- Peskov" in a headline) by exact alias match."""
        single = {a: es for a, es in self.by_surname.items() if len(a) > 2 and a[:1].isalpha()}
        if not single:
            return
        alt = "|".join(re.escape(a.title()) for a in sorted(single, key=len, reverse=True))
        for m in re.finditer(r"\b(?:" + alt + r")\b", self.index.text):
            i = self.index.token_at(m.start())
            t = self.doc[i]
            if i in self.covered or t.idx != m.start() or t.lower_ not in single:
                continue
            if t.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
                continue
            prev = self.doc[i - 1].lower_ if i else ""
            entity = _pick(single[t.lower_], prev, t.idx, self.index.sent_of[i])
            entity.mentions.append(self.mention(t.idx, t.idx + len(t.text), t.text))

    def _vote_gender(self) -> None:
        """Pronouns after the name, in sentences that name exactly one person, decide an
        unknown gender."""
        if not any(e.type == "person" and e.gender is None for e in self.entities):
            return
        sent_people: dict[int, set[int]] = {}
        first_named: dict[int, int] = {}  # sentence -> where its first person is named
        for n, e in enumerate(self.entities):
            if e.type == "person":
                for m in e.mentions:
                    # A surname two people share says nothing about either one's gender.
                    shared = len(self.by_surname.get(_fold(m.text), ())) > 1
                    sent_people.setdefault(m.sent, set()).add(-1 if shared else n)
                    first_named[m.sent] = min(first_named.get(m.sent, m.start), m.start)
        votes: dict[int, Counter[str]] = {}
        for m in _GENDER_PRONOUN_RE.finditer(self.index.text):
            sent = self.index.sent_of[self.index.token_at(m.start())]
            if m.start() < first_named.get(sent, 0):
                continue  # "His neighbour, Greta Vos, ...": "his" is someone said before
            people = sent_people.get(sent)
            if people and len(people) == 1 and -1 not in people:
                n = next(iter(people))
                votes.setdefault(n, Counter())["m" if m.group(1) else "f"] += 1
        for n, counter in votes.items():
            e = self.entities[n]
            if e.gender is None:
                (g, c), *rest = counter.most_common()
                if not rest or c >= 2 * rest[0][1]:
                    e.gender = "m" if g == "m" else "f"


def find_by_name(
    entities: list[Entity],
    name: str,
    at: int,
    honorific: str | None = None,
    sent: int | None = None,
) -> Entity | None:
    """The entity a bare name refers to at offset ``at`` ("Clinton", "Hillary", "Kremlin").

    Used when NER did not tag the mention itself. Persons by surname or first name, then
    organisations by name or alias; among several, the honorific's gender, then the most
    recently mentioned before ``at``, then the most mentioned.
    """
    low = _fold(name).removesuffix("'s")
    persons = [e for e in entities if e.type == "person" and e.surname == low]
    persons = persons or [e for e in entities if e.type == "person" and low in e.first_names]
    if persons:
        return _pick(persons, honorific, at, sent)
    orgs = [e for e in entities if low in {_fold(a) for a in e.aliases}]
    if not orgs and name.isupper() and len(name) >= 2:  # "FEC" the recogniser left untagged
        orgs = [e for e in entities if e.type == "organisation" and name in _acronyms(e.name)]
    return _pick(orgs, honorific, at, sent) if orgs else None


def _pick(
    candidates: list[Entity], honorific: str | None, before: int, sent: int | None = None
) -> Entity:
    """Among entities sharing a name: the honorific's gender first; then the story's main
    person of that name when named at least twice as often as any other ("Mr. Trump" in a
    story about him that mentions his brother); then one named in this or the previous
    sentence (``sent``); then the most mentioned; then the latest."""
    gender = GENDER_HONORIFICS.get((honorific or "").lower())
    if gender:
        fitting = [e for e in candidates if e.gender in (gender, None)]
        candidates = fitting or candidates
    counts = sorted(
        ((sum(m.start < before for m in e.mentions), n) for n, e in enumerate(candidates)),
        reverse=True,
    )
    if len(counts) > 1 and counts[0][0] >= 3 and counts[0][0] >= 2 * counts[1][0]:
        return candidates[counts[0][1]]

    def key(e: Entity) -> tuple[bool, int, int]:
        earlier = [m for m in e.mentions if m.start < before]
        last = max(earlier, key=lambda m: m.start) if earlier else None
        recent = last is not None and sent is not None and last.sent >= sent - 1
        return (recent, len(earlier), last.start if last else -1)

    return max(candidates, key=key)


def article_entities(
    doc: Doc, article: Article | None = None, index: DocIndex | None = None
) -> list[Entity]:
    """Every person and organisation the article names, clustered, with roles and mentions.

    ``doc`` is the spaCy Doc of ``article.text``; ``index`` may be passed when the caller
    already built one. Entities come in order of first appearance in the building passes
    (full names first); each entity's ``mentions`` are in document order.
    """
    if index is None:
        index = DocIndex.build(doc, article.text if article is not None else None)
    return _Builder(doc, index).build()
