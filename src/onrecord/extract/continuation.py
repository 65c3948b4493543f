"""Statements that name no speaker of their own: whose words they continue.

News copy attributes a quote once and lets the next paragraphs run on without a verb:

    “We will not sign,” Holm said on Monday.
    “Not this year, and not under these terms.”

and introduces a quote with a colon at the end of the paragraph before it:

    The minister told the assembly:
    “The budget is balanced.”

Readers give such paragraphs to the speaker who was talking, and so does
:func:`continue_speakers`. It runs after the finders (their statements in text order) and
before speakers/, handing the continued statement the *mention* of the speaker it
continues (its name is then resolved like that mention's). The rules, in order:

0. **Sign-off**: a quote whose next line is "- Jo Ray", "— Jo Ray, on Twitter" or a bare
   "Jo Ray, Center for Port Studies" is signed by that name (pull quotes, newsletters).
1. **Colon introducer**: a statement without a speaker that opens a paragraph right after
   a paragraph ending in a colon belongs to the subject of that paragraph's last clause
   ("The minister told the assembly:" -> "The minister"), or to the name before the colon
   ("Ilse Varga:").
2. **Continuation**: a quotation without a speaker that opens the paragraph right after
   one holding the previous statement, which has a speaker, continues that speaker. A
   paragraph with no statement in between breaks the chain: narration has taken over.
3. **Topic person**: a quote that is a paragraph of its own, right after a paragraph with
   no statement whose last sentence is about a named person ("Viguerie is upbeat about
   Cruz's chances."), is that person's.

A quote inside the same paragraph as someone else's statement is not continued (it may be
a different voice, or a title), and a statement that names its speaker is never changed.
The cue is not copied: the continuing paragraph has none of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.extract.candidates import speaker_subject
from onrecord.extract.quotes import ALL_MARKS
from onrecord.extract.spans import mention_of
from onrecord.model import Span, Speaker, Statement

#: Introducers longer than this (tokens) are narration that happens to end in a colon.
_MAX_INTRODUCER = 40


def continue_speakers(doc: Doc, text: str, statements: list[Statement]) -> list[Statement]:
    """The statements (text order) with speakerless paragraph openers attributed."""
    out: list[Statement] = []
    for st in statements:
        signed = _signed_after(doc, text, st) if st.mention is None else None
        if signed is not None:
            st = replace(st, speaker=Speaker(name=None, mention=signed))
        if st.mention is None and _opens_paragraph(text, st.content.start):
            previous = _previous_paragraph(text, st.content.start)
            speaker = None
            if previous is not None and text[previous[0] : previous[1]].rstrip().endswith(":"):
                speaker = _introducer(doc, text, previous)
            elif (
                previous is not None
                and st.kind == "direct"
                and out
                and out[-1].mention is not None
                and _within(out[-1], previous)
            ):
                speaker = out[-1].speaker
            elif previous is not None and st.kind == "direct" and _whole_paragraph(text, st):
                speaker = _topic_person(doc, previous, out)
            if speaker is not None:
                st = replace(st, speaker=speaker)
        out.append(st)
    return out


_BARE_SIGNATURE = re.compile(r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2})(?:,|$)")
_SIGN_OFF = re.compile(r"[ \t]*[-—–]+[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")


def _signed_after(doc: Doc, text: str, st: Statement) -> Span | None:
    """A quote signed on the next line: "“...”" then "- Jo Ray, on Twitter" or "Jo Ray,
    Center for Port Studies" (pull quotes, newsletters, quote boxes). Only a direct quote,
    alone on its line, and only the line right after it, short and without a verb."""
    end = st.content.end
    line_end = text.find("\n", end)
    if st.kind != "direct" or line_end < 0 or text[end:line_end].strip(" \t" + ALL_MARKS + ".,"):
        return None  # more words after the statement on its line: not a signed quote
    start = line_end
    while start < len(text) and text[start] in "\n \t":
        start += 1
    next_end = text.find("\n", start)
    line = text[start : next_end if next_end >= 0 else len(text)]
    if len(line.split()) > 12:
        return None
    m = _SIGN_OFF.match(text, start)
    if m is not None:
        return Span.of(text, m.start("name"), m.end("name"))
    m = _BARE_SIGNATURE.match(line)
    span = doc.char_span(start, start + len(line), alignment_mode="contract") if m else None
    if m is None or span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    if not any(t.ent_type_ == "PERSON" for t in span[: len(m.group("name").split()) + 1]):
        return None  # "Dean Baker, Center for ..." is a person; "Read More" is not
    return Span.of(text, start, start + len(m.group("name")))


def _whole_paragraph(text: str, st: Statement) -> bool:
    """Is the quote all its paragraph holds (nothing after it but marks and spaces)?"""
    end = text.find("\n", st.content.end)
    return not text[st.content.end : end if end >= 0 else len(text)].strip(" \t.,!?" + ALL_MARKS)


def _topic_person(doc: Doc, paragraph: tuple[int, int], before: list[Statement]) -> Speaker | None:
    """ "Viguerie is upbeat about Cruz's chances. / “Not only can Cruz win ...”": a quote
    paragraph of its own after a paragraph about someone, with no statement between, is
    that person's. Only a named person or a pronoun as the last sentence's main subject."""
    if before and before[-1].content.end > paragraph[0]:
        return None  # the paragraph holds a statement: rule 2 (or nothing) applies
    span = doc.char_span(paragraph[0], paragraph[1], alignment_mode="contract")
    if span is None or not len(span):
        return None
    last = list(span.sents)[-1]
    root = last.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not (
        (subject.pos_ == "PROPN" and subject.ent_type_ in ("PERSON", ""))
        or subject.lower_ in ("he", "she")
    ):
        return None
    return Speaker(name=None, mention=mention_of(subject))


def _opens_paragraph(text: str, start: int) -> bool:
    """Only spaces and quotation marks between the line start and ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t" + ALL_MARKS)


def _previous_paragraph(text: str, start: int) -> tuple[int, int] | None:
    """Bounds of the last non-empty line before the line holding ``start``."""
    end = text.rfind("\n", 0, start)
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return begin, end
        end = begin - 1
    return None


def _within(st: Statement, paragraph: tuple[int, int]) -> bool:
    """Does the statement (its words or its speaker's mention) end in ``paragraph``?"""
    a, b = paragraph
    ends = [st.content.end]
    if st.speaker and st.speaker.mention:
        ends.append(st.speaker.mention.end)
    return any(a <= e <= b for e in ends)


def _introducer(doc: Doc, text: str, paragraph: tuple[int, int]) -> Speaker | None:
    """The speaker a colon-ended paragraph introduces: its last clause's subject."""
    colon_at = text.rfind(":", paragraph[0], paragraph[1])
    span = doc.char_span(paragraph[0], colon_at, alignment_mode="contract")
    if span is None or not len(span) or len(span) > _MAX_INTRODUCER:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    subject: Token | None = None
    for verb in reversed(verbs):
        subject = speaker_subject(verb)
        if subject is not None:
            break
    if subject is None:
        # "Ilse Varga:" / "The ministry, in a statement:" - the last name or noun phrase
        nouns = [t for t in span if t.pos_ in ("PROPN", "NOUN") and t.dep_ != "compound"]
        subject = nouns[-1] if nouns and not verbs else None
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return Speaker(name=None, mention=mention_of(subject))
