"""Direct speech: quotations with their attribution, and speech introduced by a dash.

Russian punctuation marks direct speech more regularly than English, so the structure is read
from the characters and only the attribution from the parse:

* after the quotation, behind a dash: ``«...», — сказал Песков.`` (also ``"...", - сказал``
  in ASCII feeds, and ``«...!» — воскликнул он``);
* split by its attribution inside one pair of marks:
  ``«Мы ждем ответа, — отметила дипломат. — Если его не будет, ...»``;
* before it, behind a colon: ``Песков заявил: «...»``;
* a paragraph opened by a dash (interviews, briefings): ``— ..., — заявил он.``, possibly
  going on after the attribution (``— ..., — сказал он. — ...``); a dash paragraph that is a
  question and names no speaker is the interviewer's, not a statement;
* a quotation that is a sentence of its own, with no attribution, continues the previous
  statement's speaker (wire copy quotes a speaker over several sentences).

A quotation with none of these (``в интервью «Вестнику Тиренны»``, scare quotes) is not a
statement of its own; inside reported speech it makes that statement ``mixed``
(reported.py).
"""

from __future__ import annotations

import re

from onrecord.extract.ru.clauses import attribution, first_cue, last_cue
from onrecord.extract.ru.found import Found, Piece, trim
from onrecord.extract.ru.nlp import RuDoc
from onrecord.extract.ru.quotes import Quote

_DASHES = "—–-"
#: After a closing mark: optional comma or end mark, then a dash and a space.
_AFTER = re.compile(r"[ \t]*[,!?…]?[ \t]*[—–-]{1,2}[ \t]+")
#: The attribution clause ends at a full stop, at ", —" (the quote goes on) or the line's end.
_CLAUSE_END = re.compile(r"[.!?…](?=\s|$)|,[ \t]+[—–-]{1,2}[ \t]|[«\"„]|\n|$")
#: Inside a quotation: "A, — сказал он, — B" / "A, — сказал он. — B".
_SPLIT = re.compile(
    r"(?P<end>[,.!?…])[ \t]+[—–][ \t]+(?P<attr>[^—–«»„“\"\n]{2,160}?)[,.:][ \t]+[—–][ \t]+"
)
#: A dash paragraph: the speech runs to ", —" (or "! —", "? —") before the attribution.
_DASH_SPEECH = re.compile(r"[ \t]*[—–-][ \t]+")
_DASH_ATTR = re.compile(r"(?P<end>[,!?…])[ \t]+[—–-]{1,2}[ \t]+")


def find_direct(doc: RuDoc, quotes: list[Quote], body: int) -> list[Found]:
    """Every direct statement of the body (offsets from ``body`` on)."""
    text = doc.text
    out: list[Found] = []
    for q in quotes:
        if q.depth or q.open < body:
            continue
        found = _split_quote(doc, q) or _quote_then_dash(doc, q) or _colon_then_quote(doc, q)
        if found is None and _stands_alone(text, q):
            found = Found("direct", (trim(text, q.start, q.end),), None, None, "continuation")
        if found is not None:
            out.append(found)
    for start, end in doc.lines:
        if start >= body and _DASH_SPEECH.match(text, start, end):
            found = _dash_paragraph(doc, start, end)
            if found is not None:
                out.append(found)
    return out


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _clause(text: str, start: int) -> tuple[int, int]:
    """The attribution clause starting at ``start``: up to its sentence's end."""
    m = _CLAUSE_END.search(text, start, _line_end(text, start))
    return start, m.start() if m else _line_end(text, start)


def _quote_then_dash(doc: RuDoc, q: Quote) -> Found | None:
    text = doc.text
    m = _AFTER.match(text, q.outer_end)
    if m is None:
        return None
    lo, hi = _clause(text, m.end())
    verb = first_cue(doc, lo, hi)
    if verb is None:
        return None
    attr = attribution(doc, verb, lo, hi)
    return Found("direct", (_inside(text, q),), attr, _tok_span(doc, verb), "quote")


def _split_quote(doc: RuDoc, q: Quote) -> Found | None:
    text = doc.text
    for m in _SPLIT.finditer(text, q.start, q.end):
        lo, hi = m.start("attr"), m.end("attr")
        verb = first_cue(doc, lo, hi)
        if verb is None:
            continue
        first = trim(text, q.start, m.start("end") + (0 if m.group("end") == "," else 1))
        second = trim(text, m.end(), q.end)
        attr = attribution(doc, verb, lo, hi)
        return Found("direct", (first, second), attr, _tok_span(doc, verb), "quote")
    return None


def _colon_then_quote(doc: RuDoc, q: Quote) -> Found | None:
    text = doc.text
    before = text[: q.open].rstrip(" \t")
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    line_start = text.rfind("\n", 0, colon) + 1
    sentence = max(
        (m.end() for m in re.finditer(r"[.!?…»\"][ \t]+", text[line_start:colon])), default=0
    )
    lo = line_start + sentence
    verb = last_cue(doc, lo, colon)
    if verb is None:
        return None
    attr = attribution(doc, verb, lo, colon)
    return Found("direct", (_inside(text, q),), attr, _tok_span(doc, verb), "quote")


def _stands_alone(text: str, q: Quote) -> bool:
    """A quotation that is a sentence of its own: nothing before it on its line but the end
    of a sentence, nothing after it but a full stop."""
    line_start = text.rfind("\n", 0, q.open) + 1
    before = text[line_start : q.open].rstrip()
    after = text[q.outer_end : _line_end(text, q.outer_end)].lstrip()
    opens = not before or before[-1] in '.!?…»"'
    closes = not after or after[0] in ".!?…" or after[0] in '«"'
    words = len(text[q.start : q.end].split())
    return opens and closes and words >= 4


def _dash_paragraph(doc: RuDoc, start: int, end: int) -> Found | None:
    text = doc.text
    speech = _DASH_SPEECH.match(text, start, end)
    assert speech is not None
    begin = speech.end()
    for m in _DASH_ATTR.finditer(text, begin, end):
        lo, hi = _clause(text, m.end())
        verb = first_cue(doc, lo, hi)
        if verb is None:
            continue
        cut = m.start("end") + (0 if m.group("end") == "," else 1)
        pieces: list[Piece] = [trim(text, begin, cut)]
        rest = re.match(r"[.,][ \t]+[—–-][ \t]+", text[hi:end])
        if rest:
            pieces.append(trim(text, hi + rest.end(), end, " \t"))
        attr = attribution(doc, verb, lo, hi)
        return Found("direct", tuple(pieces), attr, _tok_span(doc, verb), "dash")
    return None


def _inside(text: str, q: Quote) -> Piece:
    return trim(text, q.start, q.end, " \t")


def _tok_span(doc: RuDoc, k: int) -> Piece:
    return doc.toks[k].start, doc.toks[k].end
