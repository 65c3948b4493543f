"""Pronouns: "he", "she", "they", "it", "who", "I" and whom each stands for.

The best-scored earlier mention within a few sentences that agrees in gender and number.
Scores follow salience theory (Lappin and Leass 1994, simplified): recency by sentence, a
bonus for main-clause subjects, for the speakers of earlier statements and most for the
*current* speaker (of the statement just before, in this or the previous sentence), a little
for how often the entity was named; an unnamed person who has just spoken ("a spokesperson
for the union") takes the next "she" too. "I" is the article's author (author.py). Mentions
inside quotation marks are never candidates, and those inside the statement's own content
only at a cost: they are the speaker's words, not the narrator's.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from onrecord.extract.entities import Entity, Mention, make_role, subject_rank
from onrecord.extract.lexicon.descriptions import EPITHET_HEADS, HUMAN_HEADS, ORG_HEADS
from onrecord.extract.lexicon.people import (
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    FIRST_PLURAL,
    GENDER_HONORIFICS,
    GENDERED_NOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from onrecord.extract.speakers.author import signed_author
from onrecord.extract.speakers.roles import RoleRules
from onrecord.extract.speakers.state import Candidate, Result, Spoken, strip_article
from onrecord.model import Span, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


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

_WINDOW = 4  # sentences a pronoun looks back before widening
_WIDE_WINDOW = 12


def _bound_noun(token: Token) -> int | None:
    """The noun a pronoun cannot mean: in "Obama, whom he called a friend" / "Obama, who he
    noted was leaving", "he" is the relative clause's own subject, someone other than the
    noun the clause describes (whereas in "Obama, who said he ..." he may be Obama)."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl":
        return token.head.head.i
    return None


def pronoun_want(low: str) -> str | None:
    """What a personal pronoun can refer to, as :meth:`PronounRules._antecedent` wants it."""
    if low in MALE_PRONOUNS:
        return "m"
    if low in FEMALE_PRONOUNS:
        return "f"
    if low in PLURAL_PRONOUNS:
        return "plural"
    return "it" if low in NEUTER_PRONOUNS else None


class PronounRules(RoleRules):
    """Pronouns and their antecedents; the salience score."""

    def _pronoun(self, st: Statement, mention: Span, span: SpacySpan) -> Result:
        token = span[0]
        low = token.lower_
        if low in RELATIVE_PRONOUNS:
            return self._relative(token, mention)
        if low in FIRST_PERSON:
            author = self.article.byline or signed_author(self.index.text)
            return Result(author, "person")  # an op-ed's "I" is its author (rule 7)
        want = pronoun_want(low)
        if want is None:
            return Result(None, "unknown")
        if want == "plural" and low in FIRST_PLURAL:
            want = "we"  # "we" are people or a body (see _nominals)
        best = self._antecedent(mention, token, want)
        if best is None:
            return Result(None, "person" if low in PERSON_PRONOUNS else "unknown")
        if best.entity is not None:
            self._remember(best.entity, mention, token)
            return self._result_for(best.entity, None)
        if best.group is not None:
            g = self._span(*best.group)
            return self._description(g, Span.of(self.index.text, g.start_char, g.end_char))
        return Result(None, "unknown")

    def _relative(self, token: Token, mention: Span) -> Result:
        """ "X, who said ...": the noun the relative clause hangs on."""
        verb = token.head
        noun = verb.head if verb.dep_ in ("relcl", "acl") else None
        if noun is None or noun.i == token.i:
            return Result(None, "unknown")
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
                    return Result(strip_article(" ".join(group.text.split())), "unknown")
            elif any(before.i == e.i for e in ends):
                noun = before  # the conjunct the clause follows ("..., and Sanders, who says")
        np = self.doc[noun.left_edge.i : noun.i + 1]
        named = self._named(np, mention)
        if named is not None:
            return named
        at = Span.of(self.index.text, np.start_char, np.end_char)
        return self._description(np, at, stop=token.i)

    def _antecedent(self, mention: Span, token: Token, want: str) -> Candidate | None:
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
            best: tuple[float, Candidate] | None = None
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

    def _candidates(self, before: int, min_sent: int, want: str) -> list[Candidate]:
        person = want in ("m", "f", "person")
        out = []
        i = bisect_left(self.starts, before) - 1
        while i >= 0 and self.flat[i][2].sent >= min_sent:
            _, _, m, e = self.flat[i]
            if (e.type == "person") == person:
                out.append(Candidate(m, e))
            i -= 1
        out.extend(self._nominals(before, min_sent, want))
        return out

    def _nominals(self, before: int, min_sent: int, want: str) -> list[Candidate]:
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
                    out.append(Candidate(m, holder))
                    continue
            if not ok:
                continue
            a, b = t.left_edge.idx, t.idx + len(t.text)
            m = Mention(a, b, self.index.text[a:b], self.index.sent_of[t.i], t.i, "description")
            m.subject = subject_rank(t)
            out.append(Candidate(m, None, (a, b)))
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
        self, cand: Candidate, sent: int, want: str, current: Spoken | None = None
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
