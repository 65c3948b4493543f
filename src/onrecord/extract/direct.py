"""Direct quotes: a quotation found by its marks, joined to the words that attribute it.

The attribution is looked for right after the closing mark, in the rest of that sentence
(`"...," Peskov said.` / `"...," said Caddell`), then before the opening mark
(`Peskov said: "..."` / `Peskov: "..."`). A quote split by its attribution (`"A," he said,
"B."` or `"A," she said. "B."`) becomes one statement with two fragments. A quote without
an attribution of its own is continuation.py's to attribute.

Short quotes in the middle of a sentence ("what she called a 'rant'") are not statements on
their own: reported.py picks them up as part of a mixed statement.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from onrecord.extract.candidates import nearby_speaker, speaker_subject
from onrecord.extract.context import Context
from onrecord.extract.lexicon import words
from onrecord.extract.quotes import Quote
from onrecord.extract.spans import char_span, mention_of, token_span
from onrecord.model import Span, Speaker, Statement

_SENTENCE_END = ".!?"
_INTRODUCING = frozenset({":", "—", "–", "-", "--", "―"})
#: How far (characters) an attribution may sit from its quote.
_WINDOW = 160
#: Verbs that start a new statement between two quotes ("..., adding: "...").
_CHAINING_CUES = frozenset({"add", "continue", "say", "tell", "write", "conclude", "reply"})


def find_direct(ctx: Context) -> list[Statement]:
    """Every quote that stands as a statement, attributed where the text says who spoke."""
    out: list[Statement] = []
    quotes = list(ctx.quotes)
    i = 0
    while i < len(quotes):
        q = quotes[i]
        i += 1
        if not _stands_alone(ctx, q):
            continue
        cue, subject, where = _attribution(ctx, q, quotes[i] if i < len(quotes) else None)
        pieces = list(q.pieces)
        # A following quote in the same paragraph after the attribution continues it.
        while where == "after" and i < len(quotes):
            j = _past_titles(ctx, q, quotes, i)  # `he said on "Meet the Press." "But ..."`
            if not _continues(ctx, q, quotes[j], cue):
                break
            nxt = quotes[j]
            _, _, own_where = _attribution(ctx, nxt, None)
            if own_where == "after":
                break
            pieces.extend(nxt.pieces)
            q = nxt
            i = j + 1
        mention = subject if isinstance(subject, Span | None) else mention_of(subject)
        speaker = Speaker(name=None, mention=mention) if mention else None
        start, end = pieces[0][0], pieces[-1][1]
        out.append(
            Statement(
                kind="direct",
                content=Span.of(ctx.text, start, end),
                fragments=tuple(pieces) if len(pieces) > 1 else (),
                speaker=speaker,
                cue=cue,
                source="quote",
            )
        )
    return out


def _stands_alone(ctx: Context, q: Quote) -> bool:
    """Is the quote a statement by itself (not a few words inside someone's sentence)?"""
    text = ctx.text
    before = text[max(0, q.open_at - 80) : q.open_at].rstrip(" \t")
    if not before or before.endswith("\n") or before[-1] in ".!?:—–-(":
        return True
    content = text[q.start : q.end]
    words = len(content.split())
    if before.endswith(",") and words >= 3:
        # `Peskov said, "..."` but not `the so-called, "rant"`
        return _cue_before(ctx, q) is not None
    after = text[q.outer_end : q.outer_end + 3]
    ends_clause = content[-1:] in ",.!?" or (after[:1] in ",." and words >= 4)
    return words >= 6 and ends_clause and before.split()[-1].lower() != "that"


def _tokens_between(ctx: Context, start: int, end: int) -> list[Token]:
    doc = ctx.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if not ctx.in_quote(t)]


def _after_window(ctx: Context, q: Quote, nxt: Quote | None) -> tuple[int, int]:
    """Text after the closing mark up to the sentence end, paragraph end or next quote."""
    text = ctx.text
    start = q.outer_end
    limit = min(len(text), start + _WINDOW)
    if nxt is not None:
        limit = min(limit, nxt.open_at)
    nl = text.find("\n", start, limit)
    if nl >= 0:
        limit = nl
    end = start
    while end < limit:
        if text[end] in _SENTENCE_END and end > start + 1 and not _abbreviation(text, end):
            break
        end += 1
    return start, end


#: Words whose period does not end the sentence ("Mr. Tribe said").
_ABBREVIATIONS = words(
    "mr mrs ms dr gov sen rep gen lt col capt sgt adm prof rev st jr sr no vs u.s u.k"
)


def _abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or an initial ("Mr.", "J.", "U.S.")?"""
    if text[dot] != ".":
        return False
    word = text[max(0, dot - 6) : dot].split()[-1:] or [""]
    w = word[0].lstrip("(\"'“‘").lower()
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha())


def _before_window(ctx: Context, q: Quote) -> tuple[int, int]:
    """Text before the opening mark back to the sentence start, paragraph start or quote."""
    text = ctx.text
    end = q.open_at
    start = end
    floor = max(0, end - _WINDOW)
    while start > floor and text[start - 1] != "\n":
        if text[start - 1] in _SENTENCE_END and start < end - 1:
            prev = text[start - 2] if start >= 2 else " "
            if not prev.isupper():  # "U.S." / initials are not sentence ends
                break
        if text[start - 1] in '”"»' and start < end - 1:
            break
        start -= 1
    return start, end


def _cue_in(ctx: Context, tokens: list[Token], last: bool) -> Token | None:
    cues = [t for t in tokens if ctx.is_quote_cue(t) or t.lower_ == "according"]
    if not cues:
        return None
    return cues[-1] if last else cues[0]


def _cue_before(ctx: Context, q: Quote) -> Token | None:
    return _cue_in(ctx, _tokens_between(ctx, *_before_window(ctx, q)), last=True)


def _attribution(
    ctx: Context, q: Quote, nxt: Quote | None
) -> tuple[Span | None, Token | Span | None, str | None]:
    """``(cue, speaker, "after"|"before")`` for a quote, or ``(None, None, None)``; the speaker
    is the token whose phrase names them, or the words themselves (a "Name:" label)."""
    after = _tokens_between(ctx, *_after_window(ctx, q, nxt))
    verb = _cue_in(ctx, after, last=False)
    if verb is not None:
        return _cue_span(ctx, verb), _speaker_near(ctx, verb, after), "after"
    before_tokens = _tokens_between(ctx, *_before_window(ctx, q))
    label = _label_before(before_tokens)
    if label is not None:  # "... overhype - Pew Research: "..."": the name before the colon
        mark = before_tokens[-1]
        return Span.of(ctx.text, mark.idx, mark.idx + len(mark.text)), label, "before"
    verb = _cue_in(ctx, before_tokens, last=True)
    if verb is not None:
        return _cue_span(ctx, verb), _speaker_near(ctx, verb, before_tokens), "before"
    # "Peskov: "..."" / "Holm was blunt — "...": a colon or dash introduces the quote.
    if before_tokens and before_tokens[-1].text in _INTRODUCING and len(before_tokens) <= 12:
        mark = before_tokens[-1]
        subjects = [t for t in before_tokens if t.dep_ in ("nsubj", "nsubjpass")]
        names = [t for t in before_tokens[:-1] if t.pos_ in ("PROPN", "NOUN", "PRON")]
        head = subjects[-1] if subjects else (names[-1] if names else None)
        if head is not None:
            return Span.of(ctx.text, mark.idx, mark.idx + len(mark.text)), head, "before"
    return None, None, None


def _label_before(tokens: list[Token]) -> Span | None:
    """A name standing alone before a colon, set off by a dash or the line start:
    "- Pew Research:", "Jo Ray:" (a newsletter's or a transcript's way to credit a quote)."""

    def capitalised(t: Token) -> bool:
        return t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN")

    if len(tokens) < 2 or tokens[-1].text != ":" or not capitalised(tokens[-2]):
        return None
    i = len(tokens) - 2
    while i > 0 and (
        capitalised(tokens[i - 1])
        or (tokens[i - 1].lower_ in ("and", "&") and i > 1 and capitalised(tokens[i - 2]))
    ):
        i -= 1  # "Mara Quill and Tobias Renn:" credits both
    start = i
    if i > 0 and tokens[i - 1].lower_ == "from":  # "- More from Quill:" credits Quill again
        i -= 1
        while i > 0 and tokens[i - 1].is_title and tokens[i - 1].pos_ != "PUNCT":
            i -= 1
    if i == 0 or tokens[i - 1].text in ("-", "—", "–", "--") or "\n" in tokens[i - 1].text:
        return token_span(tokens[0].doc, tokens[start:-1])
    return None


def _cue_span(ctx: Context, verb: Token) -> Span:
    if verb.lower_ == "according":
        nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else verb
        a, b = char_span(ctx.doc, verb.i, nxt.i + 1)
    else:
        a, b = char_span(ctx.doc, verb.i, verb.i + 1)
    return Span.of(ctx.text, a, b)


def _speaker_near(ctx: Context, verb: Token, window: list[Token]) -> Token | None:
    """The cue's subject, else the nearest name or pronoun next to the cue in the window."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    subject = speaker_subject(verb)
    if subject is not None and not ctx.in_quote(subject):
        return subject
    if verb.pos_ == "VERB":
        near = nearby_speaker(verb, ctx.in_quote)
        if near is not None:
            return near
    ids = {t.i for t in window}
    for step in (1, -1, 2, -2):  # "said Caddell", "Caddell said"
        j = verb.i + step
        if j in ids:
            tok = ctx.doc[j]
            if tok.pos_ in ("PROPN", "PRON") or (tok.pos_ == "NOUN" and tok.dep_ != "npadvmod"):
                return tok.head if tok.dep_ == "compound" else tok
    return None


def _past_titles(ctx: Context, q: Quote, quotes: list[Quote], i: int) -> int:
    """The index of the first quote from ``i`` on that is not a title inside the attribution
    sentence of ``q`` (`said in an interview on "New Day."`): such a title says nothing."""
    while (
        i < len(quotes) - 1
        and "\n" not in ctx.text[q.outer_end : quotes[i].open_at]
        and len(ctx.text[quotes[i].start : quotes[i].end].split()) <= 5
        and not _stands_alone(ctx, quotes[i])
    ):
        i += 1
    return i


def _continues(ctx: Context, q: Quote, nxt: Quote, cue: Span | None) -> bool:
    """Does ``nxt`` continue ``q`` past its attribution in the same paragraph?"""
    if cue is None or nxt.open_at < cue.end:
        return False
    gap = ctx.text[q.outer_end : nxt.open_at]
    if "\n" in gap:
        return False
    tail = ctx.text[cue.end : nxt.open_at]
    if any(t.lemma_ in _CHAINING_CUES for t in _tokens_between(ctx, cue.end, nxt.open_at)):
        return False  # ", adding later, "...": the next quote has a cue of its own
    # a long attribution ("said Jo Ray, a former adviser to ..., who ...") still ends here
    end = tail.rstrip().rstrip("\"”’'")  # (a title may close the attribution: 'on "Today."')
    return (len(tail) < 2 * _WINDOW and end[-1:] in ",.:;") or tail.strip() == ""


def with_speaker_from(direct: Statement, reported: Statement) -> Statement:
    """A direct statement that takes the speaker and cue a reported reading found for it."""
    return replace(
        direct,
        speaker=direct.speaker or reported.speaker,
        cue=direct.cue or reported.cue,
    )
