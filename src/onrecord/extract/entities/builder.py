"""Building one article's entities from the parse: names clustered, roles, gender, mentions.

One pass over the recognised entities and a few over the tokens (names the recogniser
missed, surnames in headlines, pronouns that vote on gender); what the result holds is
described in :mod:`onrecord.extract.entities`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ENT_TYPE, POS
from spacy.parts_of_speech import PROPN

from onrecord.extract.entities.docindex import SUBJECT_DEPS, DocIndex, subject_rank
from onrecord.extract.entities.entity import Entity, Mention, MentionKind
from onrecord.extract.entities.lines import (
    furniture_lines,
    inside_any,
    outside_ranges,
    title_lines,
)
from onrecord.extract.entities.lookup import pick
from onrecord.extract.entities.names import (
    acronyms,
    clean_name,
    fold,
    name_word,
    person_inside,
    short_form,
    subsequence,
)
from onrecord.extract.entities.roles import appositive_role, pre_name_role, titled_as_person
from onrecord.extract.lexicon.people import (
    FIRST_NAME_GENDER,
    GENDER_HONORIFICS,
    GENDERED_NOUNS,
    ORG_LAST_WORDS,
    TITLE_WORDS,
)
from onrecord.extract.quotes import find_quotes
from onrecord.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


_GENDER_PRONOUN_RE = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.I)


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
        titles = title_lines(self.index.text)
        furniture = furniture_lines(self.index.text)
        # Names in headlines and inside quotations are the least reliable: every word is
        # capitalised there, and speakers use nicknames ("Crooked Hillary Clinton").
        quoted = [(q.start, q.end) for q in find_quotes(self.index.text)]
        self.unreliable_ranges = sorted(titles + quoted)
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            clean = clean_name(ent)
            if clean is not None and furniture and inside_any(clean[0], furniture):
                continue  # a photo credit or byline names no one in the story
            if clean is not None and titles and inside_any(clean[0], titles):
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
            person = person_inside(ent)
            if person is not None:
                # "House Majority Leader Kevin McCarthy" tagged as one organisation
                named = clean_name(person)
                if named is not None:
                    self._add_full(person, named)
                    continue
            parts = fold(clean[2]).split()
            if (
                (parts[0], parts[-1]) in self.by_full
                or (1 < len(parts) < 4 and parts[0] in FIRST_NAME_GENDER and clean[2].istitle())
                or (1 < len(parts) < 5 and self._same_person(clean[2].split()))
                or (1 < len(parts) < 4 and titled_as_person(ent, self.gpes))
            ):
                self._add_full(ent, clean)
            elif len(parts) == 1 and parts[0] in self.by_surname:
                singles.append((ent, clean))
            else:
                self._add_org(ent, clean)
        for run in self._untagged_subject_names(titles):
            if run[-1].lower_ in ORG_LAST_WORDS:  # "America Rising PAC is blasting ..."
                self._add_org(run, (run.start_char, run.end_char, run.text))
                continue
            clean = clean_name(run)
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

    def _proper_nouns(self) -> list[Token]:
        """The proper nouns outside any entity (the only tokens the two scans below take),
        found in one array call: a Token object for every token costs more than the scans."""
        doc = self.doc
        if not len(doc):
            return []
        rows = doc.to_array([POS, ENT_TYPE])
        found = numpy.nonzero((rows[:, 0] == PROPN) & (rows[:, 1] == 0))[0]
        return [doc[i] for i in found.tolist()]

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
        for t in self._proper_nouns():
            appos = t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS
            subject = t.dep_ in SUBJECT_DEPS or appos
            if not subject or t.pos_ != "PROPN" or t.ent_type_:
                continue  # (an apposition to a subject: "His neighbour, Greta Vos, was ...")
            i = t.i
            while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound":
                i -= 1
            run = doc[i : t.i + 1]
            if not 2 <= len(run) <= 3 or any(w.ent_type_ or w.i in self.covered for w in run):
                continue
            org = run[-1].lower_ in ORG_LAST_WORDS  # (taken as an organisation)
            if not all((w.is_title or (org and w.is_upper)) and name_word(w.text) for w in run):
                continue
            if inside_any(run.start_char, titles) or run[0].lower_ in TITLE_WORDS:
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
        for t in self._proper_nouns():
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
            if run[0].lower_ in TITLE_WORDS or inside_any(run.start_char, titles):
                continue
            found.setdefault(run.text, []).append(run)
            if t.dep_ in SUBJECT_DEPS:
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
            self._body = outside_ranges(self.index.text, titles)
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
        role, honorific = pre_name_role(ent, self.gpes)
        appos = appositive_role(ent, self.gpes)
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
        key = (fold(parts[0]), fold(parts[-1]))
        entity = self.by_full.get(key) or self._same_person(parts)
        if entity is not None and key not in self.by_full:
            self.by_full[key] = entity
            entity.first_names.add(key[0])
        reliable = not inside_any(start, self.unreliable_ranges)
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
        ours = [fold(w) for w in parts]
        for other in self.by_surname.get(ours[-1], []):
            theirs = fold(other.name).replace("'s", "").split()
            short, long = (ours, theirs) if len(ours) <= len(theirs) else (theirs, ours)
            if len(short) > 1 and subsequence(short, long):
                return other
        return None

    def _add_single(self, ent: SpacySpan, clean: tuple[int, int, str]) -> None:
        start, end, text = clean
        low = fold(text)
        role, honorific = pre_name_role(ent, self.gpes)
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
            entity = pick(candidates, honorific, start, sent)
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
                    short_form(ours, theirs)
                    or short_form(theirs, ours)
                    or (len(text) >= 2 and text.isupper() and text in acronyms(other.name))
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
            entity = pick(single[t.lower_], prev, t.idx, self.index.sent_of[i])
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
                    shared = len(self.by_surname.get(fold(m.text), ())) > 1
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


def article_entities(
    doc: Doc, article: Article | None = None, index: DocIndex | None = None
) -> list[Entity]:
    """Every person and organisation the article names, clustered, with roles and mentions.

    ``doc`` is the spaCy Doc of ``article.text``; ``index`` may be passed when the caller
    already built one. Entities come in the order of their first mention in the text (the
    passes add full names first, so that a surname finds its full name, and the list is
    sorted at the end); each entity's ``mentions`` are in document order.
    """
    if index is None:
        index = DocIndex.build(doc, article.text if article is not None else None)
    return _Builder(doc, index).build()
