"""WHO said each statement: where a statement's speaker is decided.

The statement finders (quotes.py, reported.py, headline.py) only say which words name the
speaker at a statement (the *mention*: "he", "Peskov", "the Kremlin spokesman", "the office
of the Turkish leader"); :func:`resolve_speakers` turns each mention into a
:class:`~onrecord.model.Speaker` with the fullest name the article gives, a type, the role and
affiliation as the article words them, and fills the statement's ``addressee`` ("told
journalists") and ``occasion`` ("in a statement", "when asked about ...": occasion.py).

How a mention is resolved (:meth:`Resolver.resolve`), in this order:

1. **Pronouns** ("he", "she", "they", "it", "who", "I": pronouns.py): the best-scored
   earlier mention within a few sentences that agrees in gender and number, by salience
   (recency, subjects, who spoke last); "I" is the article's author (author.py).
2. **Names** ("Peskov", "Mrs. Clinton", a headline "- Peskov", "Trump and Sanders":
   names.py): the entity of :mod:`onrecord.extract.entities` whose mention it is. That
   package clusters names, so surnames reach full names and namesakes stay apart.
3. **Descriptions** ("the Kremlin spokesman", "his campaign", "a report by Politico":
   descriptions.py, with roles.py and documents.py): the person the article introduced with
   that role, the person in focus for an epithet, a document's issuer, an owner's
   organisation.
4. Otherwise the speaker was never named: its name is the mention's **fullest description**
   ("a person familiar with the negotiations", "officials", "the office of the Turkish
   leader"), as canonical-speakers.md asks, with the description also kept as ``role``. Such
   names stay local to their article in the cross-article registry (lower case or
   descriptive names are never merged across articles: resolve/people.py), so every "a
   source" does not become one person.

Before this runs, continuation.py gives quote paragraphs with no attribution of their own
the mention of the speaker they continue (or of a colon introducer). Statements resolve in
the order of their mentions, so that a pronoun can chain to the speaker resolved just before
it. The work per article is one :func:`~onrecord.extract.entities.article_entities` call plus
a bounded look-back per statement, on the Doc the pipeline already parsed (no second spaCy
pass).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from onrecord.extract.entities.docindex import SUBJECT_DEPS
from onrecord.extract.lexicon.people import RELATIVE_PRONOUNS
from onrecord.extract.speakers.descriptions import DescriptionRules
from onrecord.extract.speakers.occasion import addressee_of, occasion_of, prev_names
from onrecord.extract.speakers.state import Result
from onrecord.model import Article, Span, Speaker, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Resolver(DescriptionRules):
    """All rules of one article, and the order in which a mention meets them."""

    def resolve(self, st: Statement) -> Result:
        self.own = st.pieces()
        mention = st.mention
        if mention is None or mention.end <= mention.start:
            name = st.speaker.name if st.speaker else None
            return Result(name, st.speaker.type if st.speaker else "unknown")
        span = self._span(mention.start, mention.end)
        if span.root.pos_ in ("VERB", "AUX") and len(span) > 1:
            # a long appositive misparsed as a clause ("Mrs. Clinton, the nominee and
            # favourite to win the election come November"): the subject is the speaker
            subject = next((c for c in span.root.children if c.dep_ in SUBJECT_DEPS), None)
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


def resolve_speakers(doc: Doc, article: Article, statements: list[Statement]) -> list[Statement]:
    """The statements with canonical speakers, roles, addressee and occasion filled in.

    Same order and count as given. Statements are resolved in the order their speaker
    mentions appear, so that a pronoun can chain to the speaker resolved just before it.
    """
    if not statements or len(doc) == 0:
        return list(statements)
    resolver = Resolver(doc, article, statements)

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
        same = res.entity is not None and prev_names(resolver, res.entity, st)
        out[i] = replace(
            st,
            speaker=speaker,
            addressee=st.addressee or addressee_of(doc, resolver.index, st),
            occasion=st.occasion or occasion_of(doc, resolver.index, st, same),
        )
    return out
