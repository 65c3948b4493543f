"""WHO said each statement: the speaker's canonical name within the article.

This is where a quote's speaker is decided. The statement finders (quotes.py, reported.py,
headline.py) only say which words name the speaker at a statement (the *mention*: "he",
"Peskov", "the Kremlin spokesman", "the office of the Turkish leader"); ``resolve_speakers``
turns each mention into a :class:`~onrecord.model.Speaker` with the fullest name the article
gives, a type, the role and affiliation as the article words them, and fills the statement's
``addressee`` ("told journalists") and ``occasion`` ("in a statement", "when asked about ...").

How a mention is resolved (``_Resolver.resolve``), in this order:

1. **Names** ("Peskov", "Mrs. Clinton", a headline "- Peskov"): the entity of
   :mod:`onrecord.extract.entities` whose mention it is. That module clusters names, so
   surnames reach full names and namesakes stay apart.
2. **Pronouns** ("he", "she", "they", "it", "who"): the best-scored earlier mention within a
   few sentences that agrees in gender and number. Scores follow salience theory (Lappin and
   Leass 1994, simplified): recency by sentence, a bonus for main-clause subjects, for the
   speakers of earlier statements and most for the *current* speaker (of the statement just
   before, in this or the previous sentence), a little for how often the entity was named;
   an unnamed person who has just spoken ("a spokesperson for the union") takes the next
   "she" too. "I" is the article's author (byline or a "By ..." line). Mentions
   inside quotation marks and inside the statement's own content are not candidates: they
   are the speaker's words, not the narrator's ("President Putin said that" inside a Peskov
   quote must not capture the next "he said").
3. **Descriptions** ("the Kremlin spokesman", "Russian presidential press secretary"): the
   entity the article introduced with a role of the same head noun (spokesman = spokeswoman
   = press secretary) and no clashing nationality, nearest first; a headline description
   finds the body's person. A title the article gave no one ("the Republican nominee") is
   an epithet for the person in focus, found as "he" would be (``_by_epithet``). A
   document speaks for its issuer ("a report by Politico", "a Reuters survey", later "the
   study"); a possessed description is named by its owner ("his campaign" -> "Clinton
   campaign", "her lawyer" -> "Ana Lind's lawyer"); "the campaign" / "the company" reach
   the "X campaign" or the organisation the article named before.
4. Otherwise the speaker was never named: its name is the mention's **fullest
   description** ("a person familiar with the negotiations", "officials", "the office of
   the Turkish leader"), as canonical-speakers.md asks, with the description also kept as
   ``role``. Such names stay local to their article in the cross-article registry (lower
   case or descriptive names are never merged across articles: resolve/people.py), so
   every "a source" does not become one person.

Before this module runs, continuation.py gives quote paragraphs with no attribution of
their own the mention of the speaker they continue (or of a colon introducer).

The work per article is one :func:`article_entities` call plus a bounded look-back per
statement, on the Doc the pipeline already parsed (no second spaCy pass).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from onrecord.extract.entities import (
    FEMALE_PRONOUNS,
    FIRST_NAME_GENDER,
    GENDER_HONORIFICS,
    GENDERED_NOUNS,
    HUMAN_HEADS,
    MALE_PRONOUNS,
    DocIndex,
    Entity,
    Mention,
    Role,
    article_entities,
    find_by_name,
    is_title,
    make_role,
    subject_rank,
    words,
)
from onrecord.ingest.text import parse_byline
from onrecord.model import Article, Span, Speaker, SpeakerType, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "me", "my"})
FIRST_PLURAL = frozenset({"we", "us", "our"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS

#: Heads of descriptions that name an organisation rather than a person.
ORG_HEADS = words(
    "office ministry government department administration campaign committee agency "
    "council commission party embassy court police army military company firm bank union "
    "group organisation organization institute foundation board parliament congress senate "
    "house cabinet kremlin presidency secretariat service bureau authority authorities "
    "network newspaper paper outlet station team club city state county fund coalition "
    "alliance delegation mission consulate regime junta staff spokesperson's"
)


#: Heads of descriptions that name a document, which speaks for its issuer (rule 5).
DOCUMENT_NOUNS = words(
    "report study poll survey statement ad advertisement video clip analysis memo letter "
    "release book article piece editorial ruling review investigation audit filing "
    "complaint lawsuit documents document email emails tweet post spot commercial research "
    "opinion regulation guidance guideline rule figure data disclosure filing finding "
    "petition motion brief"
)

#: Titles that news uses as epithets for a person it has named ("the nominee said").
EPITHET_HEADS = words(
    "nominee candidate businessman billionaire president senator governor mayor secretary "
    "minister congressman congresswoman lawmaker chairman chairwoman spokesman premier "
    "chancellor tycoon mogul frontrunner front-runner republican democrat"
)

#: Epithets that are offices one holds, not descriptions: the person found must not be
#: known by another office ("the mayor" is not "Foreign Minister Holst").
_OFFICES = words(
    "president senator governor mayor secretary minister congressman lawmaker chairman "
    "spokesman premier chancellor"
)

#: Verbs whose subject issued their object ("the institute published a study").
_ISSUING_VERBS = words(
    "publish release issue commission conduct produce run air post file submit send sign pen"
)
#: Words for a part of something: "one of her ads" speaks as the ads would.
_PART_WORDS = words("one some several many each two three another")

#: Nouns that are definite without an article ("police said" = "the police said").
_BARE_DEFINITE = words("police")

#: Party words: a label many people share, not a post one person holds.
_PARTY_WORDS = words("republican democrat conservative liberal independent libertarian")

#: Generic institution words: "the company" is the organisation the article named last.
INSTITUTION_HEADS = words(
    "company firm bank agency newspaper paper network channel broadcaster group "
    "organisation organization institute foundation union"
)

#: Institution words for a business or a newspaper, never a public body.
_BUSINESS_HEADS = words("company firm bank network channel broadcaster newspaper paper")
#: Last words of public bodies' names ("Missouri Senate", "Justice Department").
_PUBLIC_BODIES = words(
    "senate house congress court department ministry committee party council commission "
    "agency government administration parliament assembly legislature"
)

#: Capitalised words before a head noun that own nothing ("The campaign", "This company").
_NOT_OWNERS = words("the a an this that his her their its our my your new former")

#: First words that make a description indefinite: a new, unnamed speaker.
INDEFINITE_WORDS = words(
    "a an another some several many one two three four five few other others any no most"
)

#: Head nouns that mean the same role ("press secretary" is a spokesman).
_ROLE_SYNONYMS = {
    "spokeswoman": "spokesman", "spokesperson": "spokesman",
    # abbreviated titles: "Gov. Chris Christie" is "the governor"
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "atty": "attorney", "supt": "superintendent", "sec": "secretary",
    "congresswoman": "congressman", "chairwoman": "chairman", "chairperson": "chairman",
}  # fmt: skip

#: Word endings of nouns for a person's occupation or part ("carpenter", "scientist").
_PERSON_SUFFIX = re.compile(r"(?:[^e]er|or|ist|ian|ant|ent)$")

#: Person nouns that stand for an anonymous many, never a second reference to one person.
_GROUP_WORDS = words("source people person someone official officials member voter resident")

#: Prepositional phrases with these nouns say where or how something was said.
OCCASION_NOUNS = words(
    "statement interview briefing conference channel account page post tweet speech "
    "address broadcast op-ed letter release video podcast rally debate hearing meeting "
    "summit call show program programme appearance event session remarks comments blog "
    "website message email memo editorial column article essay book reply response "
    "answer forum panel visit trip ceremony talk talks telecast radio television tv "
    "twitter facebook telegram instagram youtube x"
)
_OCCASION_PREPS = frozenset({"in", "on", "during", "at", "via", "through", "over"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TELL_VERBS = frozenset({"tell", "inform", "assure", "brief", "warn", "remind", "reassure"})
_TO_VERBS = frozenset(
    {"say", "speak", "talk", "explain", "write", "tweet", "announce", "declare", "admit",
     "complain", "confirm", "state", "add", "reply", "respond", "insist", "stress", "note"}
)  # fmt: skip
_ASKED_RE = re.compile(
    r"\b(?:when|while|after|as|before)\s+(?:being\s+|he\s+was\s+|she\s+was\s+)?asked\b[^.;\"“”«»\n]*",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"[\"“”«»„][^\"“”«»„]*[\"“”«»]")
_PARA_QUOTE_RE = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»|„[^„“\n]*“")

# Salience weights for pronoun antecedents (after Lappin and Leass 1994, tuned by hand on
# the seeds and by eye on PolNeAR dev).
W_SENTENCE = 40.0  # lost per sentence between candidate and pronoun
W_MAIN_SUBJECT = 40.0  # main-clause subject
W_SUBJECT = 20.0  # subject of an embedded clause
W_SPEAKER = 15.0  # speaker of an earlier statement
W_GENDER = 5.0  # gender known and agreeing (unknown gender is allowed, without this)
W_MENTION = 3.0  # per earlier mention of the entity, up to five
W_UNNAMED = 10.0  # an unnamed noun ("the woman") is less likely than a name
W_CURRENT_SPEAKER = 20.0  # the speaker of the statement just before
W_OWN_CONTENT = 30.0  # lost inside the statement's own (reported, unquoted) content
W_PASSING_BODY = 15.0  # lost by an organisation that is not a subject, for "they"
W_HEADLINE = 10.0  # named in the headline (the article's first line)

#: Right dependents that belong to an unnamed speaker's description ("a person familiar with
#: the talks", "officials who ...") and how many tokens such a name may have.
_DESCRIPTION_DEPS = frozenset({"prep", "amod", "acl", "relcl", "pobj", "compound", "nummod"})
_DESCRIPTION_MAX = 14
_BREAK_TEXT = frozenset({",", ";", ":", "(", "—", "–", "--"})

_WINDOW = 4  # sentences a pronoun looks back before widening
_WIDE_WINDOW = 12


#: A statement's speaker as resolution goes: where its mention starts, and its entity.
_Spoken = tuple[int, "Entity | None"]


@dataclass(slots=True)
class _Candidate:
    """A mention a pronoun may refer to: an entity's, or a group described by a noun."""

    mention: Mention
    entity: Entity | None
    group: tuple[int, int] | None = None  # char span of a plural noun phrase ("officials")


@dataclass(slots=True)
class _Result:
    name: str | None
    type: SpeakerType
    role: str | None = None
    affiliation: str | None = None
    entity: Entity | None = None


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def _strip_quantifier(text: str) -> str:
    """ "several cast members" -> "cast members": the role, not how many held it."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in INDEFINITE_WORDS else text


def _role_key(role: Role) -> str:
    if role.head == "secretary" and "press" in role.modifiers:
        return "spokesman"
    head = role.head.rstrip(".")
    return _ROLE_SYNONYMS.get(head, head)


def _nationalities(role: Role) -> set[str]:
    """Modifiers two roles must share to be one ("Turkish President" is not "Russian
    President", "former president" is not "president" when both say which)."""
    return {m for m in role.modifiers if m[:1].isalpha() and m in _CLASHING_MODIFIERS}


_CLASHING_MODIFIERS = words(
    "russian ukrainian turkish american british french german chinese polish israeli "
    "iranian japanese belarusian us u.s. european syrian saudi indian mexican canadian "
    "democratic republican former"
)


class _Resolver:
    """Resolution state for one article: entities, flat mention index, quoted regions."""

    def __init__(self, doc: Doc, article: Article, statements: list[Statement]) -> None:
        self.doc = doc
        self.article = article
        self.index = DocIndex.build(doc, article.text)
        self.entities = article_entities(doc, article, self.index)
        self.flat: list[tuple[int, int, Mention, Entity]] = []
        for n, e in enumerate(self.entities):
            for m in e.mentions:
                self.flat.append((m.start, n, m, e))
        self.flat.sort(key=lambda x: (x[0], x[1]))
        self.starts = [x[0] for x in self.flat]
        self.quoted = _quoted_regions(self.index.text, statements)
        self.speaker_starts: set[int] = set()
        self.spoken: list[_Spoken] = []  # (mention start, entity or None), in text order
        self.own: tuple[tuple[int, int], ...] = ()  # pieces of the statement being resolved
        first_line = self.index.text.find("\n")
        headline = self.index.text[: max(first_line, 0)].rstrip()
        # a first line that does not end a sentence is a headline (else there is none)
        self.headline_end = first_line if headline and headline[-1] not in '.!?"”' else 0
        # unnamed speakers met so far: (mention start, head lemma, plural, name)
        self.unnamed: list[tuple[int, str, bool, str]] = []
        self.gpes = {e.text.lower(): e.text for e in doc.ents if e.label_ == "GPE"}
        self.checked: set[str] = set()  # one-word names already looked up in full (_fuller)

    # ---- helpers -------------------------------------------------------------------------

    def _in_quote(self, start: int) -> bool:
        i = bisect_left(self.quoted, (start + 1, -1)) - 1
        return i >= 0 and self.quoted[i][0] <= start < self.quoted[i][1]

    def _span(self, start: int, end: int) -> SpacySpan:
        i = self.index.token_at(start)
        j = self.index.token_at(max(start, end - 1))
        return self.doc[i : j + 1]

    def _mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        lo = bisect_left(self.starts, start)
        out = []
        while lo < len(self.flat) and self.flat[lo][0] < end:
            _, _, m, e = self.flat[lo]
            if m.kind == "name":
                out.append((m, e))
            lo += 1
        return out

    def _remember(self, entity: Entity, mention: Span, token: Token) -> None:
        """Record a resolved pronoun as a mention, so the next "he said" can chain to it."""
        m = Mention(
            mention.start,
            mention.end,
            mention.text,
            self.index.sent_of[token.i],
            token.i,
            "pronoun",
            subject_rank(token),
        )
        entity.mentions.append(m)
        n = self.entities.index(entity)
        item = (m.start, n, m, entity)
        insort(self.flat, item, key=lambda x: (x[0], x[1]))
        self.starts.insert(self.flat.index(item), m.start)

    def spoke(self, mention: Span, entity: Entity | None) -> None:
        """Record who was found to speak at ``mention`` (statements resolve in text order)."""
        self.speaker_starts.add(mention.start)
        insort(self.spoken, (mention.start, entity), key=lambda x: x[0])

    def _current_speaker(self, before: int) -> _Spoken | None:
        """The speaker of the last statement whose mention comes before ``before``."""
        i = bisect_left(self.spoken, before, key=lambda x: x[0]) - 1
        return self.spoken[i] if i >= 0 else None

    # ---- the decision --------------------------------------------------------------------

    def resolve(self, st: Statement) -> _Result:
        self.own = st.pieces()
        mention = st.mention
        if mention is None or mention.end <= mention.start:
            name = st.speaker.name if st.speaker else None
            return _Result(name, st.speaker.type if st.speaker else "unknown")
        span = self._span(mention.start, mention.end)
        if span.root.pos_ in ("VERB", "AUX") and len(span) > 1:
            # a long appositive misparsed as a clause ("Mrs. Clinton, the nominee and
            # favourite to win the election come November"): the subject is the speaker
            subject = next((c for c in span.root.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and span.start <= subject.i < span.end:
                span = self.doc[max(span.start, subject.left_edge.i) : subject.i + 1]
        clitics = [t for t in span if t.text[:1] in "'’"]
        if clitics and span[0].i > 0 and len(clitics) == len(span):
            span = self.doc[span.start - 1 : span.start]  # "’ve" of "who’ve" taken as subject
        elif clitics and span[0].pos_ == "PRON" and len(clitics) == len(span) - 1:
            span = span[:1]  # "who’ve", "he’d": the pronoun without its clitic
        if clitics and span[0].pos_ == "PRON":
            mention = Span.of(self.index.text, span.start_char, span.end_char)
        low = mention.text.strip().lower()
        if (len(span) == 1 and span[0].pos_ == "PRON") or low in RELATIVE_PRONOUNS:
            return self._pronoun(st, mention, span)
        several = self._several(span)
        if several is not None:
            return several
        named = self._named(span, mention)
        if named is not None:
            return named
        return self._description(span, mention)

    def _several(self, span: SpacySpan) -> _Result | None:
        """ "Trump and Sanders", "Carson, Fiorina and Huckabee": several named speakers, each
        resolved, joined as "Donald Trump and Bernie Sanders" (canonical-speakers.md rule 8)."""
        root = span.root
        heads = [root, *(c for c in root.conjuncts if span.start <= c.i < span.end)]
        if len(heads) < 2 or not all(h.pos_ == "PROPN" for h in heads):
            return None
        results = []
        for n, h in enumerate(heads):
            start = h.left_edge.i if n else span.start
            part = self.doc[start : h.i + 1]
            found = self._named(part, Span.of(self.index.text, part.start_char, part.end_char))
            if found is None or not found.name:
                return None
            results.append(found)
        names = [r.name for r in results if r.name]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        kind: SpeakerType = "person" if all(r.type == "person" for r in results) else "unknown"
        return _Result(joined, kind)

    def _members(self, token: Token) -> _Result | None:
        """ "a study by economists Lena Hart and Omar Baig", "groups like the Farmers Union
        and the Grain League": the named members of a coordination, all of them (rule 8)."""
        if not token.conjuncts:
            return None
        last = max(token.conjuncts, key=lambda t: t.i)
        return self._several(self.doc[token.left_edge.i : last.i + 1])

    def _result_for(self, entity: Entity, m: Mention | None) -> _Result:
        self._fuller(entity)
        role = m.role if m and m.role else (entity.roles[0].text if entity.roles else None)
        aff = next((r.affiliation for r in entity.roles if r.text == role), None)
        return _Result(entity.name, entity.type, role, aff or entity.affiliation, entity)

    def _named(self, span: SpacySpan, mention: Span) -> _Result | None:
        """A mention that is, or contains, a name of an entity ("Peskov", "Mrs. Clinton")."""
        found = self._mentions_in(span.start_char, span.end_char)
        if not found:
            # "the chief delegate, presidential aide John Doe": the name is the apposition.
            for child in span.root.children:
                if child.dep_ == "appos":
                    found = self._mentions_in(child.left_edge.idx, child.idx + len(child))
                    if found:
                        break
        if not found and mention.text.isupper() and mention.text.replace(" ", "").isalpha():
            # a transcript label "WALLACE:" is the surname of someone the article names
            label = mention.text.split()[-1].title()
            entity = find_by_name(self.entities, label, mention.start)
            entity = entity or self._full_name_in_text(label)
            if entity is not None:
                return self._result_for(entity, None)
        # Only a name that heads the mention counts: in "Clinton's spokesman" or "Kremlin
        # spokesman" the name is a modifier and the speaker is whoever holds the role.
        heads = {span.root.i} | {c.i for c in span.root.children if c.dep_ == "appos"}
        for m, e in found:
            if m.head in heads:
                return self._result_for(e, m)
        root = span.root
        if root.pos_ != "PROPN" or not root.text[:1].isupper() or root.tag_ == "NNPS":
            return None
        if root.ent_type_ == "NORP" and sum(t.dep_ != "det" for t in span) > 1:
            return None  # "the Wisconsin Republican": a description of someone (an epithet)
        # NER missed this mention: look the name up among the article's entities, by first
        # and last name when it has both ("Ivanka Trump" is not the Trump named most)
        given = [t for t in span if t.pos_ == "PROPN" and t.i < root.i]
        if given:
            first = given[0].lower_
            for e in self.entities:
                if e.type == "person" and e.surname == root.lower_ and first in e.first_names:
                    return self._result_for(e, None)
        prev = self.doc[root.i - 1].lower_ if root.i else None
        sent = self.index.sent_of[root.i]
        entity = find_by_name(self.entities, root.text, mention.start, prev, sent)
        if entity is not None:
            return self._result_for(entity, None)
        if root.ent_type_ in ("GPE", "NORP", "ORG"):
            ent = next((e for e in self.doc.ents if e.start <= root.i < e.end), None)
            inside = range(ent.start, ent.end) if ent is not None else range(0)
            extra = [t for t in span if t.i not in inside and t.dep_ != "det"]
            if ent is not None and not (root.ent_type_ == "NORP" and extra):
                # (not "the Wisconsin Republican": a description of someone, see below)
                return _Result(_strip_article(ent.text), "organisation")
        full = self._full_name_in_text(root.text)
        if full is not None:
            return self._result_for(full, None)
        return None

    def _full_name_in_text(self, surname: str) -> Entity | None:
        """A person NER never tagged: "Ava Marlow" somewhere in the text for "Marlow"."""
        given = self._given_names(surname)
        if not given:
            return None
        name = " ".join([*given[0], surname])
        entity = Entity(name=name, type="person", aliases={name, surname})
        entity.first_names.add(given[0][0].lower())
        entity.gender = FIRST_NAME_GENDER.get(given[0][0].lower())
        self.entities.append(entity)
        return entity

    def _given_names(self, surname: str) -> list[list[str]]:
        """Given names written before ``surname`` anywhere in the text, first found first
        ("Ava" of "Ava Marlow", "Donald" of "The Donald Trump-led field")."""
        if len(surname) < 3 or not surname.isalpha():
            return []
        pattern = re.compile(r"\b((?:[A-Z][\w'’.-]* ){1,3})" + re.escape(surname) + r"\b")
        found: list[list[str]] = []
        for m in pattern.finditer(self.index.text):
            given = m.group(1).split()
            at = m.start()
            titled = [n for n, w in enumerate(given) if is_title(w)]
            if titled:  # "Party Chair Ana" -> "Ana", "Workers Secretary-Treasurer Gary"
                at += sum(len(w) + 1 for w in given[: titled[-1] + 1])
                given = given[titled[-1] + 1 :]
            while given and self.doc[self.index.token_at(at)].tag_ == "DT":
                at += len(given[0]) + 1  # "The Donald Trump-led field": "Donald Trump"
                given = given[1:]
            first = self.doc[self.index.token_at(at)]
            if not given or (first.tag_ != "NNP" and not titled):
                continue  # "Injecting Clinton's troubles": not a first name
            if given[0][:1].isupper() and len(given[0]) > 1:
                found.append(given)
        return found

    def _fuller(self, entity: Entity) -> None:
        """Give a one-word person the full name the text writes where NER missed it ("The
        Omar Haddad-led field" for "Mr. Haddad"), when only one given name goes with it."""
        if entity.type != "person" or " " in entity.name or entity.name in self.checked:
            return
        self.checked.add(entity.name)
        low = entity.name.lower()
        if any(e is not entity and e.surname == low for e in self.entities):
            return  # kept apart from a namesake on purpose ("Mr. Lopez" is not Maria Lopez)
        given = self._given_names(entity.name)
        if given and len({g[0].lower() for g in given}) == 1:
            entity.name = " ".join([*given[0], entity.name])
            entity.first_names.add(given[0][0].lower())
            entity.gender = entity.gender or FIRST_NAME_GENDER.get(given[0][0].lower())

    def _description(self, span: SpacySpan, mention: Span, stop: int | None = None) -> _Result:
        """A common-noun mention: a role an entity holds, an organisation, or an unnamed one.

        Only a definite singular description ("the spokesman", "the ministry") points back
        to someone the article introduced; "a spokesman", "officials", "several groups" are
        new, unnamed speakers. An organisation description keeps its words as its name when
        they identify it ("office of the Turkish leader"), not when bare ("the agency").
        """
        root = span.root
        tokens = [t for t in span if t.i <= root.i]
        role = make_role(tokens, self.gpes)
        plural = root.tag_ in ("NNS", "NNPS")
        definite = not plural and tokens[0].lower_ not in INDEFINITE_WORDS
        if len(span) == 1 and root.lower_ in _BARE_DEFINITE:
            plural, definite = False, True  # "police said": the police the article named
        head = root.lemma_.lower()
        if root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head.i < root.i:
            # "Our Principles PAC, a group set up to ...": the name the description is set by
            named = self._several(self.doc[root.head.left_edge.i : root.head.i + 1])
            named = named or self._entity_of(root.head)
            if named is not None and named.name:
                return named
        if head in DOCUMENT_NOUNS:
            issuer = self._issuer(root) or (self._earlier_issuer(root) if definite else None)
            if issuer is not None:
                return issuer
        of = self._part_of(root)
        if of is not None and of.lemma_.lower() in DOCUMENT_NOUNS:
            issuer = self._issuer(of)  # "one of her ads": hers
            if issuer is not None:
                return issuer
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("like", "as")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            members = self._members(obj) if obj is not None and plural else None
            if members is not None:  # "civil rights groups like the ACLU and the NAACP"
                return members
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if owner is not None:
            owned = self._owned(owner, root, span)
            if owned is not None:
                return owned
        if role is not None and definite:
            entity = self._by_role(role, mention.start) or self._by_epithet(role, root, span)
            if entity is not None:
                entity.add_role(role)  # "Kremlin spokesman" is how this article calls him too
                return _Result(entity.name, entity.type, role.text, role.affiliation, entity)
        text = _strip_article(mention.text)
        affiliation = role.affiliation if role else None
        fullest = self._fullest(span, stop)
        if head in ORG_HEADS or root.ent_type_ == "ORG":
            bare = all(t.dep_ in ("det", "poss") or t.i == root.i for t in span)
            if definite and bare:
                found = self._org_described(head, mention.start)
                if found is not None:
                    return found
            org = self._org_by_head(head, mention.start) if definite else None
            if org is not None:
                return _Result(org.name, "organisation", entity=org)
            introduced = self._introduced(root) if definite and bare else None
            if introduced is not None:
                return _Result(introduced, "organisation", text, affiliation)
            if plural or bare or not definite:
                return _Result(fullest, "organisation", text, affiliation)
            return _Result(text, "organisation")
        human = head in HUMAN_HEADS or head in GENDERED_NOUNS
        kind: SpeakerType = "person" if human else "unknown"
        if definite and tokens[0].lower_ == "the":
            # "the official" after "a senior official who asked not to be named said":
            # the same unnamed speaker, under the name it was introduced with
            earlier = self._unnamed_before(head, plural, mention.start) or self._introduced(root)
            if earlier is not None:
                return _Result(earlier, kind, _strip_quantifier(text), affiliation)
            focus = self._person_in_focus(root, span, plural)
            if focus is not None:
                focus.add_role(role)
                return _Result(focus.name, "person", _strip_quantifier(text), affiliation, focus)
        self.unnamed.append((mention.start, head, plural, fullest))
        return _Result(fullest, kind, _strip_quantifier(text), affiliation)

    def _person_in_focus(self, root: Token, span: SpacySpan, plural: bool) -> Entity | None:
        """ "Lori Bernstein held up a sign. The 57-year-old scientist says ...": a definite
        description of a person that introduced no one before is the named person in focus
        (found as "she" would be), as news writes a second reference.

        Only for words that name a person ("scientist", "carpenter", a "-year-old"), never
        for organisations or documents, and only with a named candidate near enough.
        """
        if plural or root.pos_ != "NOUN":
            return None
        head = root.lemma_.lower()
        aged = any(t.lower_.endswith("year-old") for t in span)
        personal = head in HUMAN_HEADS or head in GENDERED_NOUNS or _PERSON_SUFFIX.search(head)
        if not (aged or personal) or head in ORG_HEADS or head in DOCUMENT_NOUNS:
            return None
        if head in _GROUP_WORDS:
            return None
        gender = GENDERED_NOUNS.get(head)
        at = Span(span.start_char, span.end_char, span.text)
        best = self._antecedent(at, root, gender or "person")
        entity = best.entity if best else None
        if entity is None or entity.type != "person":
            return None
        if entity.roles and all(r.head != head for r in entity.roles):
            return None  # known by another title: "the mayor" is not "Foreign Minister Miller"
        return entity

    def _introduced(self, root: Token) -> str | None:
        """ "the man" after "one man in the front row asked ...", "the union" after "the
        regional farmers' union": the fuller phrase that introduced it, at its fullest."""
        lemma = root.lemma_.lower()
        for t in reversed(self.doc[max(0, root.i - 600) : root.i]):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or t.tag_ != root.tag_:
                continue
            if self._in_quote(t.idx):
                continue
            first = self.doc[t.left_edge.i]
            fuller = sum(1 for c in t.children if c.dep_ not in ("det", "punct")) > 0
            if first.lower_ in INDEFINITE_WORDS or fuller:
                return self._fullest(self.doc[t.left_edge.i : t.i + 1])
        return None

    def _unnamed_before(self, head: str, plural: bool, at: int) -> str | None:
        """The name of the last unnamed speaker introduced before ``at`` with this head."""
        for start, h, p, name in reversed(self.unnamed):
            if start < at and h == head and p == plural:
                return name
        return None

    # ---- descriptions that point at someone named ----------------------------------------

    def _entity_of(self, token: Token) -> _Result | None:
        """The speaker a name or a pronoun token stands for (a possessor, an issuer)."""
        if token.pos_ == "PRON":
            want = _pronoun_want(token.lower_)
            if want is None:
                return None
            at = Span(token.idx, token.idx + len(token), token.text)
            best = self._antecedent(at, token, want)
            return self._result_for(best.entity, None) if best and best.entity else None
        np = self.doc[token.left_edge.i : token.i + 1]
        at = Span.of(self.index.text, np.start_char, np.end_char)
        if token.pos_ == "NOUN" and token.ent_type_ == "":
            found = self._description(np, at)  # "the newspaper's editorial"
            named = found.type == "organisation" and (found.name or "")[:1].isupper()
            return found if found.entity is not None or named else None
        if token.pos_ != "PROPN" and token.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP"):
            return None
        return self._named(np, at)

    def _issuer(self, root: Token) -> _Result | None:
        """Who issued a document: "a report by Politico", "a Reuters survey", "the
        committee's statement", "a study from the institute" (canonical-speakers.md rule 5)."""
        joint = self._joint_poll(root)
        if joint is not None:
            return joint
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _ISSUING_VERBS:
            subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
            found = self._entity_of(subject) if subject is not None else None
            if found is not None:  # "The institute published a study": its study
                return found
        children = list(root.children)
        for acl in (c for c in root.children if c.dep_ == "acl"):
            children.extend(acl.children)  # "research conducted by the institute"
        for child in children:
            named_by = child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"
            if child.dep_ == "poss" or named_by:
                found = self._entity_of(child)
                if found is not None:
                    return found
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                    found = self._members(obj) or self._entity_of(obj)
                    if found is not None:
                        return found
        return None

    @staticmethod
    def _part_of(root: Token) -> Token | None:
        """The whole of "one of her ads", "some of the letters": the noun after "of"."""
        if root.lower_ not in _PART_WORDS:
            return None
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None

    def _joint_poll(self, root: Token) -> _Result | None:
        """ "an Associated Press-GfK poll", "a New York Times/CBS News poll": a poll two
        issuers run together goes by its own name, as news and annotators cite it."""
        if root.lemma_.lower() not in ("poll", "survey"):
            return None
        before = self.doc[root.left_edge.i : root.i]
        words_ = [t for t in before if t.pos_ == "PROPN" or t.text in ("-", "/")]
        joined = any("-" in t.text or "/" in t.text for t in words_)
        names = [t for t in words_ if t.pos_ == "PROPN"]
        if not joined or len(names) < 2:
            return None
        first = words_[0]
        text = self.index.text[first.idx : root.idx + len(root.text)]
        return _Result(" ".join(text.split()), "organisation")

    def _earlier_issuer(self, root: Token) -> _Result | None:
        """ "The study" after "a study by the institute": the issuer named with it before."""
        lemma = root.lemma_.lower()
        for t in reversed(self.doc[max(0, root.i - 400) : root.i]):
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self._in_quote(t.idx):
                return self._issuer(t)
        return None

    def _owned(self, owner: Token, root: Token, span: SpacySpan) -> _Result | None:
        """ "his campaign", "Clinton's lawyer": a description of someone by whom they belong
        to. An organisation is named by its owner ("Clinton campaign", rule 3); a person is
        the owner's so-and-so ("Ana Lind's lawyer"), unless the article names who that is."""
        found = self._entity_of(owner)
        if found is None or not found.name:
            return None
        head = root.lemma_.lower()
        first = owner.i + 1
        while first < span.end - 1 and self.doc[first].dep_ == "case":
            first += 1  # the "'s" of "Clinton's"
        words = self.doc[first : span.end].text
        if head in ORG_HEADS:  # "Esterland's agriculture ministry", "his campaign"
            prefix = found.name.split()[-1] if found.type == "person" else found.name
            return _Result(f"{prefix} {words}", "organisation", affiliation=found.name)
        if head not in HUMAN_HEADS and head not in GENDERED_NOUNS and root.ent_type_ != "PERSON":
            return found  # "her plan", "his financial disclosure": the owner's own words
        holder = found.entity
        for e in self.entities:  # "his lawyer, Jo Ray": the one whose role names the owner
            if (
                e.type == "person"
                and holder is not None
                and e is not holder
                and any(_role_key(r) == head and holder.surname in r.text.lower() for r in e.roles)
            ):
                return self._result_for(e, None)
        return _Result(f"{found.name}'s {words}", "person", words, found.name)

    def _org_described(self, head: str, at: int) -> _Result | None:
        """A definite "the company" / "the campaign" after the article named it.

        A generic institution word ("the company", "the newspaper") is the organisation
        the article named last; any other organisation word ("the campaign", "the
        administration") is the last "X campaign" / "X's campaign" written before it.
        """
        if head in INSTITUTION_HEADS:
            last: Entity | None = None
            for start, _, m, e in self.flat:
                if start >= at:
                    break
                if e.type == "organisation" and m.subject and not self._in_quote(start):
                    if head in _BUSINESS_HEADS and e.name.split()[-1].lower() in _PUBLIC_BODIES:
                        continue  # "the company" is not the state senate the story named
                    last = e  # one the story was about (a subject), not any passing name
            if last is not None:
                return self._result_for(last, None)
            return None  # "a Baton Rouge newspaper" says where it is, not whose
        pattern = re.compile(
            r"\b((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*?)(?:['’]s)?\s+" + re.escape(head) + r"\b"
        )
        owner = None
        for m in pattern.finditer(self.index.text, max(0, at - 3000), at):
            words_ = m.group(1).split()
            while words_ and words_[0].lower() in _NOT_OWNERS:
                words_ = words_[1:]
            if words_ and not self._in_quote(m.start()):
                owner = (" ".join(words_), m.start())
        if owner is None:
            return None
        named = find_by_name(self.entities, owner[0].split()[-1], owner[1])
        prefix = named.name.split()[-1] if named and named.type == "person" else owner[0]
        return _Result(f"{prefix} {head}", "organisation")

    def _fullest(self, span: SpacySpan, stop: int | None = None) -> str:
        """An unnamed speaker's name: the description at its fullest, as the article gives
        it ("a person familiar with the negotiations", "officials who spoke on condition of
        anonymity"), without a leading "the" (an indefinite article stays: it says the
        speaker is one of many); clauses after a comma are not part of it.

        Such a name is the speaker's identity only within the article: the registry keeps
        lower-case descriptions local (resolve/people.py), so two articles' "a source" are
        never one person.
        """
        root = span.root
        end = span.end
        for child in root.rights:
            if child.i < end:
                continue
            if stop is not None and child.left_edge.i <= stop <= child.right_edge.i:
                break  # the relative clause being resolved is not part of its own noun
            if child.dep_ not in _DESCRIPTION_DEPS or self.doc[child.i - 1].text in _BREAK_TEXT:
                break
            if child.dep_ == "acl" and (
                child.tag_ == "VBD" or root.lemma_.lower() in DOCUMENT_NOUNS
            ):
                break  # a finite verb is a misparse; "a memo instructing ..." says its content
            if any(self._in_quote(t.idx) for t in (child, self.doc[child.right_edge.i])):
                break
            end = child.right_edge.i + 1
        end = min(end, span.start + _DESCRIPTION_MAX)
        while end > span.start + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        words = self.doc[span.start : end]
        text = " ".join(self.index.text[words.start_char : words.end_char].split())
        text = re.sub(r"^(?:the|even|only|also|just)\s+", "", text, flags=re.IGNORECASE)
        first = words[0] if words[0].lower_ != "the" or len(words) == 1 else words[1]
        if first.is_title and first.is_sent_start and first.lower_ in INDEFINITE_WORDS:
            text = text[:1].lower() + text[1:]  # "A senior official said" -> "a senior ..."
        return text

    def _by_role(self, role: Role, at: int) -> Entity | None:
        """The person the article introduced with this role: same head, no clash, nearest."""
        key = _role_key(role)
        if key in _PARTY_WORDS:
            return None  # "Republican Donald Trump" does not make every "the Republican" him
        best: tuple[float, Entity] | None = None
        places = {m for m in role.modifiers if m in self.gpes}  # "the Vermont senator"
        for e in self.entities:
            if e.type != "person":
                continue
            for r in e.roles:
                if _role_key(r) != key or _roles_clash(role, r):
                    continue
                if not places <= r.modifiers:
                    continue  # another state's senator ("Arizona Sen. John McCain")
                overlap = len(role.modifiers & r.modifiers)
                before = [m.start for m in e.mentions if m.start < at]
                distance = at - before[-1] if before else e.mentions[0].start - at + 10**6
                score = overlap * 10**8 - distance
                if best is None or score > best[0]:
                    best = (score, e)
        return best[1] if best else None

    def _by_epithet(self, role: Role, root: Token, span: SpacySpan) -> Entity | None:
        """ "The Republican nominee said": a definite title the article never gave anyone is
        an epithet for the person in focus, found as "he"/"she" would be; unless they hold
        that title under a clashing nationality or party, or the title is an office and the
        article gave them another one (then it is not them)."""
        key = _role_key(role)
        if key not in EPITHET_HEADS:
            return None
        gender = GENDERED_NOUNS.get(root.lemma_.lower())
        at = Span(span.start_char, span.end_char, span.text)
        best = self._antecedent(at, root, gender or "person")
        entity = best.entity if best else None
        if entity is None or entity.type != "person":
            return None
        if key in _OFFICES and entity.roles and all(_role_key(r) != key for r in entity.roles):
            return None  # "the mayor" is not the foreign minister the story was about
        if any(_role_key(r) == key and _roles_clash(role, r) for r in entity.roles):
            return None
        return entity

    def _org_by_head(self, head: str, at: int) -> Entity | None:
        orgs = [
            e
            for e in self.entities
            if e.type == "organisation" and e.name.lower().split()[-1] == head
        ]
        if not orgs:
            return None
        return max(
            orgs, key=lambda e: max((m.start for m in e.mentions if m.start < at), default=-1)
        )

    # ---- pronouns ------------------------------------------------------------------------

    def _pronoun(self, st: Statement, mention: Span, span: SpacySpan) -> _Result:
        token = span[0]
        low = token.lower_
        if low in RELATIVE_PRONOUNS:
            return self._relative(token, mention)
        if low in FIRST_PERSON:
            author = self.article.byline or _signed_author(self.index.text)
            return _Result(author, "person")  # an op-ed's "I" is its author (rule 7)
        want = _pronoun_want(low)
        if want is None:
            return _Result(None, "unknown")
        if want == "plural" and low in FIRST_PLURAL:
            want = "we"  # "we" are people or a body (see _nominals)
        best = self._antecedent(mention, token, want)
        if best is None:
            return _Result(None, "person" if low in PERSON_PRONOUNS else "unknown")
        if best.entity is not None:
            self._remember(best.entity, mention, token)
            return self._result_for(best.entity, None)
        if best.group is not None:
            g = self._span(*best.group)
            return self._description(g, Span.of(self.index.text, g.start_char, g.end_char))
        return _Result(None, "unknown")

    def _relative(self, token: Token, mention: Span) -> _Result:
        """ "X, who said ...": the noun the relative clause hangs on."""
        verb = token.head
        noun = verb.head if verb.dep_ in ("relcl", "acl") else None
        if noun is None or noun.i == token.i:
            return _Result(None, "unknown")
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "Jane Roe, a campaign aide who said": Jane Roe said it
        if noun.conjuncts:
            ends = sorted([noun, *noun.conjuncts], key=lambda t: t.i)
            before = self.doc[token.i - 1] if token.i else token
            if before.is_punct and token.i > 1:
                before = self.doc[token.i - 2]
            last = before.i == ends[-1].i
            own_clause = any(  # "Trump, who has called it insanity, and Sanders, who says"
                c.dep_ == "relcl" for e in ends if e.i != noun.i for c in e.children
            )
            if last and verb.tag_ != "VBZ" and not own_clause:
                # "Jeb Bush and Chris Christie, who say", "unions, farmers and business
                # leaders who say": all of them say it
                group = self.doc[ends[0].left_edge.i : ends[-1].i + 1]
                several = self._several(group)
                if several is not None:
                    return several
                if noun.pos_ == "NOUN":  # the coordination is the speakers' description
                    return _Result(_strip_article(" ".join(group.text.split())), "unknown")
            elif any(before.i == e.i for e in ends):
                noun = before  # the conjunct the clause follows ("..., and Sanders, who says")
        np = self.doc[noun.left_edge.i : noun.i + 1]
        named = self._named(np, mention)
        if named is not None:
            return named
        at = Span.of(self.index.text, np.start_char, np.end_char)
        return self._description(np, at, stop=token.i)

    def _antecedent(self, mention: Span, token: Token, want: str) -> _Candidate | None:
        """The best-scored candidate before the pronoun; ``want`` is "m", "f", "plural", "it",
        or "person" (either gender: an epithet such as "the nominee").

        Mentions inside quotation marks are never candidates; those inside the reported
        content of the statement being resolved (``self.own``) are, at a cost.
        """
        sent = self.index.sent_of[token.i]
        own = self.own
        current = self._current_speaker(mention.start)
        if current is not None and self.index.sent_of[self.index.token_at(current[0])] < sent - 1:
            current = None  # narration came between: the speaker is no longer "current"
        bound = _bound_noun(token)
        for window in (_WINDOW, _WIDE_WINDOW):
            best: tuple[float, _Candidate] | None = None
            for cand in self._candidates(mention.start, sent - window, want):
                m = cand.mention
                if self._in_quote(m.start) or m.head == bound:
                    continue
                score = self._score(cand, sent, want, current)
                if score is not None and any(a <= m.start < b for a, b in own):
                    # reported words are the narrator's paraphrase: their subject is often
                    # the speaker ("Shays was for Kasich, he said"), less often than not
                    score -= W_OWN_CONTENT
                if score is not None and (best is None or score > best[0]):
                    best = (score, cand)
            if best is not None:
                return best[1]
        return None

    def _candidates(self, before: int, min_sent: int, want: str) -> list[_Candidate]:
        person = want in ("m", "f", "person")
        out = []
        i = bisect_left(self.starts, before) - 1
        while i >= 0 and self.flat[i][2].sent >= min_sent:
            _, _, m, e = self.flat[i]
            if (e.type == "person") == person:
                out.append(_Candidate(m, e))
            i -= 1
        out.extend(self._nominals(before, min_sent, want))
        return out

    def _nominals(self, before: int, min_sent: int, want: str) -> list[_Candidate]:
        """Unnamed noun subjects a pronoun may mean: "officials" (they), "the ad" (it),
        "the woman" (she). They resolve as descriptions, usually to ``name=None``."""
        out = []
        end = self.index.token_at(before)
        first = self.index.sent_starts[max(min_sent, 0)] if self.index.sent_starts else 0
        for t in self.doc[first:end]:
            if t.dep_ not in ("nsubj", "nsubjpass") or not (
                t.pos_ == "NOUN" or t.tag_ == "NNPS"  # "Democrats", "Republicans"
            ):
                continue
            lemma = t.lemma_.lower()
            plural = t.tag_ in ("NNS", "NNPS")
            if want == "person":
                continue  # an epithet means a named person, not another description
            if want == "we":  # "we" are people or a body, never "the loopholes"
                ok = lemma in ORG_HEADS or lemma in HUMAN_HEADS
            elif want == "plural":
                ok = plural or lemma in ORG_HEADS
            elif want == "it":
                ok = not plural and lemma not in HUMAN_HEADS and lemma not in GENDERED_NOUNS
            else:
                # Only nouns that say the gender ("the woman", "his wife"): "the nominee"
                # is itself anaphoric and usually means a named person nearby. An unnamed
                # person who has just spoken ("a spokesperson for the union said") is the
                # exception: the next "she said" is hers unless a gender says otherwise.
                gender = GENDERED_NOUNS.get(lemma)
                spoke = t.left_edge.idx in self.speaker_starts and lemma in HUMAN_HEADS
                ok = not plural and (gender == want or (spoke and gender is None))
                holder = None if ok or plural else self._role_holder(t)
                if holder is not None and holder.gender in (None, want):
                    # "the president framed the attack as ... He did not mention ...": the
                    # title stands for the person the article introduced with it
                    a, b = t.left_edge.idx, t.idx + len(t.text)
                    m = Mention(a, b, self.index.text[a:b], self.index.sent_of[t.i], t.i)
                    m.subject = subject_rank(t)
                    out.append(_Candidate(m, holder))
                    continue
            if not ok:
                continue
            a, b = t.left_edge.idx, t.idx + len(t.text)
            m = Mention(a, b, self.index.text[a:b], self.index.sent_of[t.i], t.i, "description")
            m.subject = subject_rank(t)
            out.append(_Candidate(m, None, (a, b)))
        return out

    def _role_holder(self, t: Token) -> Entity | None:
        """The person a definite title subject ("the president", "the senator") stands for:
        the one the article introduced with that title (no epithet guessing here)."""
        if t.lemma_.lower() not in HUMAN_HEADS | EPITHET_HEADS:
            return None
        first = self.doc[t.left_edge.i]
        if first.lower_ != "the" or self._in_quote(t.idx):
            return None
        role = make_role(list(self.doc[t.left_edge.i : t.i + 1]), self.gpes)
        return self._by_role(role, t.idx) if role is not None else None

    def _score(
        self, cand: _Candidate, sent: int, want: str, current: _Spoken | None = None
    ) -> float | None:
        """Salience of a candidate for a pronoun in sentence ``sent`` (None: disagrees).

        Recency dominates: a main-clause subject one sentence back beats a speaker two
        sentences back, whatever their mention counts (the TASS seed's closing "He" is the
        Putin of the sentence before, not the Peskov of the whole article). Who is speaking
        counts next: the ``current`` speaker (of the statement just before, in this or the
        previous sentence) gets a bonus over anyone else named as near, so "“...,” A said
        after meeting B. “...,” he added" is A's.
        """
        m, e = cand.mention, cand.entity
        score = -W_SENTENCE * (sent - m.sent)
        score += W_MAIN_SUBJECT if m.subject == 2 else W_SUBJECT if m.subject == 1 else 0
        if m.start in self.speaker_starts:
            score += W_SPEAKER
        if current is not None and (current[1] is e if e is not None else current[0] == m.start):
            score += W_CURRENT_SPEAKER
        if e is None:
            return score - W_UNNAMED
        if want == "plural" and e.type == "organisation" and not m.subject:
            score -= W_PASSING_BODY  # "they" are rarely a body only named in passing
        if want in ("m", "f"):
            if e.gender is not None and e.gender != want:
                return None
            score += W_GENDER if e.gender == want else 0
            if m.honorific and GENDER_HONORIFICS.get(m.honorific) not in (None, want):
                return None
        score += W_MENTION * min(len(e.mentions), 5)
        if any(x.start < self.headline_end for x in e.mentions):
            score += W_HEADLINE  # the story's subject, named in its headline
        return score + m.start * 1e-9


def _bound_noun(token: Token) -> int | None:
    """The noun a pronoun cannot mean: in "Obama, whom he called a friend" / "Obama, who he
    noted was leaving", "he" is the relative clause's own subject, someone other than the
    noun the clause describes (whereas in "Obama, who said he ..." he may be Obama)."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl":
        return token.head.head.i
    return None


def _pronoun_want(low: str) -> str | None:
    """What a personal pronoun can refer to, as :meth:`_Resolver._antecedent` wants it."""
    if low in MALE_PRONOUNS:
        return "m"
    if low in FEMALE_PRONOUNS:
        return "f"
    if low in PLURAL_PRONOUNS:
        return "plural"
    return "it" if low in NEUTER_PRONOUNS else None


def _roles_clash(a: Role, b: Role) -> bool:
    """Do two roles both say a nationality or party, and different ones?"""
    mine, theirs = _nationalities(a), _nationalities(b)
    return bool(mine and theirs and not (mine & theirs))


def _signed_author(text: str) -> str | None:
    """The "By Jane Doe" line of a signed piece (first or last lines), when metadata has none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:6] + lines[-3:]:
        author = parse_byline(line)
        if author:
            return author
    for line in lines[-2:]:  # an author's note: "Jo Ray (D-Ariz.) is a member of ..."
        m = _AUTHOR_NOTE.match(line)
        if m and len(line.split()) <= 40:
            return m.group("name")
    for line in lines[:3]:  # "... excerpts from author Jo Ray's new book": the book's "I"
        m = _EXCERPT_NOTE.search(line)
        if m:
            return m.group("name")
    return None


_EXCERPT_NOTE = re.compile(
    r"\b(?:excerpts?|adapted|taken)\s+from\s+(?:[a-z-]+\s+){0,3}"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})['’]s?\s+(?:\w+\s+){0,2}"
    r"(?:book|memoir|autobiography|essay|novel|diary)\b"
)


_AUTHOR_NOTE = re.compile(
    r"^(?:[A-Z][a-z]*\.?\s+){0,2}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"
    r"(?:\s*\([^)]{1,30}\)|,\s*[^,]{1,25},)?\s+(?:is|was|serves as|writes)\s"
)


def _quoted_regions(text: str, statements: list[Statement]) -> list[tuple[int, int]]:
    """Char ranges inside quotation marks: direct quotes, the quoted words of mixed ones, and
    any balanced pair of marks within a paragraph (a quote no finder reported is still the
    speaker's words, not the narrator's)."""
    regions = [(m.start(), m.end()) for m in _PARA_QUOTE_RE.finditer(text)]
    for st in statements:
        for a, b in st.pieces():
            if st.kind == "direct":
                regions.append((a, b))
            elif st.kind == "mixed":
                regions.extend((a + m.start(), a + m.end()) for m in _QUOTE_RE.finditer(text[a:b]))
    merged: list[tuple[int, int]] = []  # non-overlapping, so one bisect answers "inside?"
    for a, b in sorted(regions):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


# ---- addressee and occasion -----------------------------------------------------------------


def _outside(token: Token, pieces: tuple[tuple[int, int], ...]) -> bool:
    return not any(a <= token.idx < b for a, b in pieces)


def _phrase(tokens: list[Token], limit: int = 14) -> str | None:
    """The text of a phrase, relative clauses cut, at most ``limit`` tokens, punctuation trimmed."""
    words = tokens[:limit]
    while words and (words[-1].is_punct or words[-1].is_space):
        words = words[:-1]
    if not words:
        return None
    return words[0].doc[words[0].i : words[-1].i + 1].text


def _np(token: Token) -> list[Token]:
    drop: set[int] = set()
    for c in token.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > token.i:
            drop.update(range(c.left_edge.i, c.right_edge.i + 1))
    return [t for t in token.subtree if t.i not in drop]


def addressee_of(doc: Doc, index: DocIndex, st: Statement) -> str | None:
    """Who was spoken to: "told journalists", "said to reporters", "speaking to the media"."""
    if st.cue is None:
        return None
    pieces = st.pieces()
    cue = doc[index.token_at(st.cue.start) : index.token_at(max(st.cue.start, st.cue.end - 1)) + 1]
    root = cue.root
    # The cue verb, the verb it hangs on, and verbs hanging on it ("speaking to reporters").
    verbs = [root, *(c for c in root.children if c.pos_ == "VERB")]
    if root.head.pos_ == "VERB" and root.head.i != root.i:
        verbs.append(root.head)
    for verb in verbs:
        if not _outside(verb, pieces):
            continue
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if not _outside(child, pieces) or child.pos_ == "PRON":
                continue
            if lemma in _TELL_VERBS and child.dep_ in ("dobj", "dative", "iobj"):
                return _phrase(_np(child), 8)
            if (
                lemma in _TO_VERBS | {"tell"}
                and child.dep_ in ("prep", "dative")
                and (child.lower_ == "to")
            ):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ != "PRON":
                    return _phrase(_np(obj), 8)
    return None


def occasion_of(doc: Doc, index: DocIndex, st: Statement, prev_sentence: bool) -> str | None:
    """Where or how it was said: "in a statement", "on his Telegram channel", "when asked ...".

    Searched outside the statement's content in the sentence of the cue (or mention), then,
    when ``prev_sentence``, in the sentence before the content ("During a press briefing, X
    was asked ... "quote," X said").
    """
    anchor = st.cue or st.mention
    if anchor is None:
        return None
    pieces = st.pieces()
    sent_no = index.sent_of[index.token_at(anchor.start)]
    sents = [sent_no]
    if prev_sentence:
        first = index.sent_of[index.token_at(pieces[0][0])]
        if first - 1 >= 0 and first - 1 != sent_no:
            sents.append(first - 1)
    for n in sents:
        start = index.sent_starts[n]
        end = index.sent_starts[n + 1] if n + 1 < len(index.sent_starts) else len(doc)
        sent = doc[start:end]
        found = _occasion_in(sent, index.text, pieces)
        if found:
            return found
    return None


def _occasion_in(sent: SpacySpan, text: str, pieces: tuple[tuple[int, int], ...]) -> str | None:
    for m in _ASKED_RE.finditer(text, sent.start_char, sent.end_char):
        a = m.start()
        if not any(x <= a < y for x, y in pieces):
            b = m.end()
            for x, _ in pieces:  # stop where the content begins
                if a < x < b:
                    b = x
            return text[a:b].strip(" ,\u2014-")
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in _OCCASION_PREPS or not _outside(t, pieces):
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in OCCASION_NOUNS:
            continue
        words = [t, *(w for w in _np(obj))]
        words = [w for w in words if _outside(w, pieces)]
        return _phrase(sorted(words, key=lambda w: w.i))
    return None


# ---- the entry point ------------------------------------------------------------------------


def resolve_speakers(doc: Doc, article: Article, statements: list[Statement]) -> list[Statement]:
    """The statements with canonical speakers, roles, addressee and occasion filled in.

    Same order and count as given. Statements are resolved in the order their speaker
    mentions appear, so that a pronoun can chain to the speaker resolved just before it.
    """
    if not statements or len(doc) == 0:
        return list(statements)
    resolver = _Resolver(doc, article, statements)

    def at(i: int) -> int:
        sp = statements[i].speaker
        return sp.mention.start if sp and sp.mention else statements[i].content.start

    out: list[Statement] = list(statements)
    for i in sorted(range(len(statements)), key=at):
        st = statements[i]
        res = resolver.resolve(st)
        mention = st.mention
        if mention is not None and mention.text.lower() not in RELATIVE_PRONOUNS:
            # "X, who say ..." is embedded: it does not make X the one now speaking
            resolver.spoke(mention, res.entity)
        speaker = Speaker(
            name=res.name,
            type=res.type,
            mention=mention,
            role=res.role,
            affiliation=res.affiliation,
        )
        same = res.entity is not None and _prev_names(resolver, res.entity, st)
        out[i] = replace(
            st,
            speaker=speaker,
            addressee=st.addressee or addressee_of(doc, resolver.index, st),
            occasion=st.occasion or occasion_of(doc, resolver.index, st, same),
        )
    return out


def _prev_names(resolver: _Resolver, entity: Entity, st: Statement) -> bool:
    """Whether the sentence before the content is about the same speaker, same paragraph."""
    index = resolver.index
    first = index.sent_of[index.token_at(st.pieces()[0][0])]
    if first == 0:
        return False
    prev = first - 1
    start_char = resolver.doc[index.sent_starts[prev]].idx
    if index.paragraph(start_char) != index.paragraph(st.pieces()[0][0]):
        return False
    return any(m.sent == prev and m.subject for m in entity.mentions)
