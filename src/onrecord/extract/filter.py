"""The last word on what counts as a statement: words said, or a view held, and nothing else.

Why a filter: the finders propose generously, because each sees only its own construction. A
cue verb with a noun phrase after it ("talking about the budget", "told MSNBC", "posted their
worst showing") looks like reported speech to reported.py; every pair of quotation marks looks
like a quote to direct.py, film titles and scare quotes included; any "Word: text" headline
looks like a speaker and a claim. Most such readings are cheap to recognise once all the
statements of an article and its parse are at hand, and each wrong one costs precision.

Each category is one small named predicate in :data:`RULES`; :func:`filter_statements` keeps a
statement unless one of them rejects it, and :func:`rejected_by` names the rule (for tests and
error analysis). A rule rejects only when the statement carries no words of its own: a clause,
a quotation, or a noun phrase that a verb of saying takes as its message ("denied the
allegations", "called for an inquiry"). Where a finder itself produces the junk, the fix lives
there (a question put to someone read as reported speech: ``reported.spoken_to`` and
``candidates.asked_aside``); the rules here catch what only the finished list of statements,
with the parse, shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from onrecord.extract.context import Context
from onrecord.extract.lexicon import words
from onrecord.extract.lexicon.descriptions import HUMAN_HEADS
from onrecord.extract.lexicon.page import NAMING_WORDS, RUBRIC_WORDS, TIME_WORDS, WORK_NOUNS
from onrecord.extract.lexicon.speech import (
    ADDRESSEE_VERBS,
    ASK_VERBS,
    NON_MESSAGE_FRAMES,
    NOT_VIEW_VERBS,
    OBJECTLESS_SPEECH_VERBS,
    PROFORMS,
    SETTING_PREPS,
    TOLD_THINGS,
    TOPIC_FRAMES,
)
from onrecord.model import Statement

Rule = Callable[[Context, Statement, Sequence[Statement]], bool]

_QUOTE_MARKS = frozenset('"“”«»„')

#: Lines that belong to the web page, not to the article (whole line, case ignored).
_FURNITURE = re.compile(
    r"""^[\s\W]*(?:
        story\ continues\ below(?:\ (?:this\ )?advertisement)?
      | advertisement | sponsored(?:\ content)? | ad
      | (?:continue\ )?read(?:ing)?\ (?:more|next|also|the\ full\ (?:story|article))\b.*
      | (?:more|see\ also|related|also\ read|most\ read|trending)
        (?:\ (?:stories|articles|coverage|content|news|links?))?\s*(?::.*)?
      | click\ (?:here|to)\b.* | tap\ (?:here|to)\b.*
      | show\ (?:all|more|less)\b.{0,20}
      | (?:sign\ up|subscribe)\b.*
      | (?:get|join|want|don'?t\ miss|never\ miss|stay|receive|enter)\b.*\bnewsletters?\b.*
      | (?:share|follow|like)\ (?:this\ (?:story|article|page)|us)\b.{0,60}
      | (?:photo|image|picture|video|graphic|illustration|file\ photo|photograph)s?
        (?:\ (?:credit|caption|copyright))?\s*[:|©].* | image\ (?:copyright|caption)\b.*
      | \(?(?:additional\ )?(?:reporting|writing|editing|research|compiled)\ by\b.*
      | ©.* | copyright\ (?:©|\(c\)|\d{4})\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A photo credit: capitalised names either side of a slash, "Ana Lind / Nordic Post".
_CREDIT = re.compile(
    r"^[\s(]*(?:[A-Z][\w.'’-]* ){0,3}[A-Z][\w.'’-]*\s*/\s*(?:[A-Z][\w.&'’-]* ?){1,4}\)?$"
)
#: An agency credit at the end of a line: "(Photo by A. Lind/Getty Images)", "via Reuters".
_AGENCY = re.compile(
    r"(?:/|\bvia\b|\bphoto\b|©)\s*(?:[\w.'’-]+ ){0,3}"
    r"(?:getty images|shutterstock|associated press|afp|reuters|ap|epa|pa media)\)?\s*$",
    re.IGNORECASE,
)
#: Words too many to be in a line of page furniture.
_FURNITURE_MAX_WORDS = 25


def filter_statements(ctx: Context, statements: list[Statement]) -> list[Statement]:
    """The statements no rule rejects, in their order."""
    return [st for st in statements if rejected_by(ctx, st, statements) is None]


def rejected_by(ctx: Context, statement: Statement, statements: Sequence[Statement]) -> str | None:
    """The name of the first rule that rejects ``statement``, or None when it is kept."""
    for name, rule in RULES:
        if rule(ctx, statement, statements):
            return name
    return None


# --- d. page furniture ---------------------------------------------------------------------


def page_furniture(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "Story continues below advertisement", "Read more: ...", "Photo: A. Lind / Nordic Post":
    the line that holds the statement is part of the web page, not of the article."""
    line = _line_at(ctx.text, st.content.start)
    if len(line.split()) > _FURNITURE_MAX_WORDS:
        return False
    if _FURNITURE.match(line):
        return True
    return bool(_CREDIT.match(line) or _AGENCY.search(line)) and not line.endswith(".")


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()


# --- e. no speaker, no cue, no quotation -----------------------------------------------------


def unattributed_prose(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "The Dow fell 1.2 percent to 33,100": neither a speaker nor a cue, and not words in
    quotation marks: nothing says that anyone said it."""
    return st.source != "quote" and st.cue is None and st.mention is None


# --- c. titles and scare quotes --------------------------------------------------------------


def title_or_scare_quote(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """'the film "Harbour Lights"', 'the so-called "harbour tax"', '"Lose safety? No."':
    quotation marks around a name, a slogan or a word, not around what someone said.

    A quote right after the name of a work ("his memoir, "Tides"") is a title even where a
    verb nearby looked like its cue. Otherwise only quotes with no cue of their own: one
    introduced as a name ("so-called", "titled"), one without a verb, or one in title case
    in a sentence-case line (in a headline every word is capitalised)."""
    if st.source != "quote":
        return False
    if _titled_before(ctx, st.content.start, WORK_NOUNS):
        return True
    if st.cue is not None:
        return False
    if _titled_before(ctx, st.content.start, NAMING_WORDS):
        return True
    tokens = _content_tokens(ctx, st)
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return True
    words = _words(st.content.text)
    if not words or len(words) > 12 or not _title_case(words):
        return False
    line_start = ctx.text.rfind("\n", 0, st.content.start) + 1
    line_end = ctx.text.find("\n", st.content.end)
    rest = ctx.text[line_start : st.content.start] + " " + ctx.text[st.content.end : line_end]
    rest_words = _words(rest)
    return len(rest_words) < 3 or not _title_case(rest_words)


def _titled_before(ctx: Context, start: int, names: frozenset[str]) -> bool:
    """Does one of ``names`` stand right before the quote ("the film", "so-called", "his
    memoir,")? The last two words before the opening mark count; a work ("film", "show")
    only as a noun ("polls show" is no show)."""
    span = ctx.doc.char_span(max(0, start - 40), start, alignment_mode="contract")
    if span is None:
        return False
    last: list[Token] = []
    for tok in reversed(span):
        if "\n" in tok.text_with_ws or len(last) == 2:
            break  # an earlier line, or far enough
        if not tok.is_punct and not tok.is_space:
            last.append(tok)
    return any(
        t.lower_ in names and (names is not WORK_NOUNS or t.pos_ in ("NOUN", "PROPN")) for t in last
    )


_SMALL_WORDS = words("a an the of and or in on at to for with by from as but nor vs is are be")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", text)


def _title_case(words: list[str]) -> bool:
    """Every word but the small ones capitalised, and more than one of them ("The Big Short")."""
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[0].isupper() for w in big)


# --- f. questions put to someone --------------------------------------------------------------


def question_put(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """'"Will it close?" Holm was asked': the question is the asker's words, and the asker is
    not the one the sentence names. The answer stays ('When asked about it, Holm said: "..."'),
    and reported.py drops its own such readings ("Asked what ...", "Holm was asked about")."""
    if st.source != "quote":
        return False
    cue = _cue_token(ctx, st)
    if cue is None or cue.lemma_.lower() not in ASK_VERBS:
        return False
    passive = any(c.dep_ == "nsubjpass" for c in cue.children)
    # the quoted words are the question only when they ask one; else they are the answer
    return passive and st.content.text.rstrip(" \"'”’»").endswith("?")


# --- g. headline rubrics taken for speakers ---------------------------------------------------


def rubric_label(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "LIVE: ...", "Coronavirus: ...", "Analysis: ...": a section or topic word before a
    colon is no speaker ("Peskov: ..." still is)."""
    if st.source not in ("headline", "transcript"):
        return False
    mention = st.mention
    return mention is not None and is_rubric(mention.text)


def is_rubric(text: str) -> bool:
    """A headline rubric or topic ("LIVE", "Analysis", "Coronavirus", "Fact check")."""
    key = " ".join(text.lower().replace("-", " ").split())
    return key in RUBRIC_WORDS or key.replace(" ", "") in RUBRIC_WORDS


# --- a./b. no proposition: the object names a topic, an addressee, a setting -----------------


def non_propositional_object(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "referred to X as", "talking about X", "told MSNBC", "said in a statement", "posted
    their worst showing": the words after the verb name what or whom the speaker spoke of, to,
    where or when, not what was said (:func:`object_role` says which)."""
    return object_role(ctx, st) is not None


def object_role(ctx: Context, st: Statement) -> str | None:
    """What a reported reading's noun-phrase content is when it is not the message: "topic"
    ("talking about X", "referred to X"), "time" ("tweeted Thursday"), "setting" ("said in a
    statement", "spoke at a rally"), "addressee" ("told MSNBC"), "target" ("attacked
    Clinton", "endorsed him", "thanked the crowd": whom the words were about or for) or
    "thing" ("posted their worst showing", "wrote a book"); None when it may be the
    message."""
    cue = _cue_token(ctx, st)
    if cue is None:
        return None
    if _in_frame(ctx, st, cue) and _headed_by_noun(ctx, st):
        return "topic"
    if _names_someone(ctx, st):
        return "target"
    if not _noun_phrase_content(ctx, st):
        return None
    if _is_time(ctx, st):
        return "time"
    lemma = cue.lemma_.lower()
    prep = _cue_preposition(ctx, st)
    if prep is None:
        first = _first_content_token(ctx, st)
        if first is not None and first.dep_ == "prep" and first.head.i == cue.i:
            prep = first.lower_  # "described in his autobiography": not taken into the cue
    if prep is not None:
        return "setting" if prep in SETTING_PREPS and (lemma, prep) not in TOPIC_FRAMES else None
    if lemma in ADDRESSEE_VERBS:
        return None if _tells_something(ctx, st) else "addressee"
    if lemma in OBJECTLESS_SPEECH_VERBS and not _stands_for_words(ctx, st):
        return "thing"
    return None


def _names_someone(ctx: Context, st: Statement) -> bool:
    """Is the content, its time and place set aside, only a person, a body or a pronoun
    ("attacked Clinton during the debate", "endorsed him on Tuesday", "thanked the crowd
    before he left")? Then it says whom the speech was about or for, not what was said."""
    cue = _cue_token(ctx, st)
    tokens = _reported_tokens(ctx, st)
    if cue is None or not tokens or _has_quotation(ctx, st):
        return False
    adjuncts: set[int] = set()
    for child in cue.children:
        timeplace = child.dep_ == "prep" and (
            child.lower_ in _TIME_PLACE_PREPS
            or any(g.ent_type_ in ("DATE", "TIME") for g in child.children)  # "on Tuesday"
        )
        if timeplace or child.dep_ in _ADJUNCT_DEPS:
            adjuncts.update(range(child.left_edge.i, child.right_edge.i + 1))
    core = [t for t in tokens if t.i not in adjuncts and not t.is_punct]
    heads = _phrase_heads(core)
    return (
        bool(heads)
        and not any(t.pos_ in ("VERB", "AUX") for t in core)
        and all(
            t.pos_ in ("PROPN", "PRON")
            or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or t.lemma_.lower() in HUMAN_HEADS
            for t in heads
        )
    )


#: A verb's dependents that say when or where, not what ("criticised X for Y" keeps Y).
_ADJUNCT_DEPS = frozenset({"npadvmod", "punct"})
_TIME_PLACE_PREPS = words("in at during before after since until through amid near outside")


def _in_frame(ctx: Context, st: Statement, cue: Token) -> bool:
    """Is the cue a topic, addressee or referent frame ("referred to", "talking about")?"""
    return (cue.lemma_.lower(), _cue_preposition(ctx, st)) in NON_MESSAGE_FRAMES


def _stands_for_words(ctx: Context, st: Statement) -> bool:
    """ "said the same of X", "said so", "said nothing about", "say thanks": a word that
    stands for what was said."""
    tokens = [t for t in _content_tokens(ctx, st) if not t.is_punct]
    return any(t.lower_ in PROFORMS for t in tokens[:3])


def _tells_something(ctx: Context, st: Statement) -> bool:
    """ "told the truth", "reminded the crowd of the stakes": the object is a message, or the
    addressee comes with what they were told of."""
    tokens = _content_tokens(ctx, st)
    return any(t.lemma_.lower() in TOLD_THINGS or t.lower_ in ("of", "about") for t in tokens)


def stance_without_proposition(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "likes golf", "appeared at the rally", "is expected on site": verbs that with an
    object alone report a taste, a presence or an act, not a view; as stances they need a
    clause ("appears to dislike Trump", "expects the plan to fail")."""
    if st.act != "stance" or not _noun_phrase_content(ctx, st):
        return False
    cue = _cue_token(ctx, st)
    return cue is not None and cue.lemma_.lower() in NOT_VIEW_VERBS


def _noun_phrase_content(ctx: Context, st: Statement) -> bool:
    """Reported content without a verb or a quotation: a noun or prepositional phrase."""
    tokens = _reported_tokens(ctx, st)
    if not tokens or _has_quotation(ctx, st):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _headed_by_noun(ctx: Context, st: Statement) -> bool:
    """Reported content headed by a noun or a preposition, quotes and clauses hung on it
    allowed: "a message seeking comment", 'the port as "a sleeping giant"'."""
    heads = _phrase_heads(_reported_tokens(ctx, st))
    return bool(heads) and not any(t.pos_ in ("VERB", "AUX") for t in heads)


def _phrase_heads(tokens: list[Token]) -> list[Token]:
    """The tokens whose syntactic head lies outside ``tokens``: what the phrase hangs on."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def _reported_tokens(ctx: Context, st: Statement) -> list[Token]:
    """The content tokens of a reported reading (not "according to"); none for a headline's
    words, all capitalised and poorly tagged."""
    if st.source != "reported" or st.cue is None or st.cue.text.lower() == "according to":
        return []
    if _title_case(_words(st.content.text)):
        return []
    return _content_tokens(ctx, st)


def _has_quotation(ctx: Context, st: Statement) -> bool:
    text = ctx.text[max(0, st.content.start - 2) : st.content.end + 2]
    return any(ch in _QUOTE_MARKS for ch in text) or "''" in text


def _is_time(ctx: Context, st: Statement) -> bool:
    """ "tweeted Thursday", "said last week": the content is a date or time, nothing more."""
    words = [t for t in _content_tokens(ctx, st) if not t.is_punct]
    return bool(words) and all(
        t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS or t.like_num for t in words
    )


# --- h. the same words twice ------------------------------------------------------------------


def quote_inside_statement(ctx: Context, st: Statement, statements: Sequence[Statement]) -> bool:
    """'Holm said the plan was "fully funded"': the quoted words are part of a mixed
    statement that already holds them (with their speaker), not a statement of their own."""
    if st.source != "quote":
        return False
    a, b = st.content.start, st.content.end
    return any(
        other is not st
        and other.source == "reported"
        and other.content.start <= a
        and b <= other.content.end + 2
        and other.content.end - other.content.start > b - a
        for other in statements
    )


def attribution_read_again(ctx: Context, st: Statement, statements: Sequence[Statement]) -> bool:
    """'"...," Lind told MSNBC': the verb that attributes a quote read as reported speech of
    its own, with the addressee or the medium as its message."""
    if st.cue is None or not _noun_phrase_content(ctx, st):
        return False
    return any(
        other is not st
        and other.source == "quote"
        and other.cue is not None
        and other.cue.start < st.cue.end
        and st.cue.start < other.cue.end
        for other in statements
    )


# --- helpers ----------------------------------------------------------------------------------


def _content_tokens(ctx: Context, st: Statement) -> list[Token]:
    tokens: list[Token] = []
    for a, b in st.pieces():
        span = ctx.doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens


def _first_content_token(ctx: Context, st: Statement) -> Token | None:
    tokens = _content_tokens(ctx, st)
    return tokens[0] if tokens else None


def _cue_token(ctx: Context, st: Statement) -> Token | None:
    """The verb of the cue (its first token: "said" of "said in")."""
    if st.cue is None:
        return None
    span = ctx.doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue_preposition(ctx: Context, st: Statement) -> str | None:
    """The preposition a cue ends in ("talking about" -> "about"), if any."""
    if st.cue is None:
        return None
    span = ctx.doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    last = span[-1]
    return last.lower_ if last.dep_ in ("prep", "agent", "dative") or last.tag_ == "IN" else None


_ANONYMITY = re.compile(
    r"^(?:not\s+)?(?:to\s+)?(?:be\s+)?(?:named|identified|quoted|publicly\s+identified)\b"
    r"|^(?:on\s+)?(?:the\s+)?condition\s+of\s+anonymity|^anonymity\b",
    re.IGNORECASE,
)


def anonymity_terms(ctx: Context, st: Statement, _: Sequence[Statement]) -> bool:
    """ "asked not to be named", "spoke on condition of anonymity": the terms on which a
    source speaks, not what the source said."""
    return st.kind != "direct" and bool(_ANONYMITY.match(st.content.text.strip()))


#: Every rule, in the order they are tried (the cheapest and surest first).
RULES: tuple[tuple[str, Rule], ...] = (
    ("page_furniture", page_furniture),
    ("anonymity_terms", anonymity_terms),
    ("unattributed_prose", unattributed_prose),
    ("rubric_label", rubric_label),
    ("title_or_scare_quote", title_or_scare_quote),
    ("question_put", question_put),
    ("quote_inside_statement", quote_inside_statement),
    ("attribution_read_again", attribution_read_again),
    ("non_propositional_object", non_propositional_object),
    ("stance_without_proposition", stance_without_proposition),
)
