"""Dated events an article mentions, for the timeline: what happened, when, where, who reported.

"The first round of talks took place in the Gomel Region of Belarus on February 28" becomes
an event dated 2022-02-28 (or --02-28 when the article's year is unknown), placed in "Gomel
Region of Belarus", described by its clause with the date taken out. Ranges stay ranges.

Why rules on text: the timeline is rebuilt from every stored article, and wire copy puts an
event's date in a prepositional phrase of the clause that states it. A spaCy ``Doc`` may be
passed instead of text: then places come from its GPE/LOC/FAC entities in the same clause;
without one, from capitalised words after "in/at/near".

What is not an event: a dateline ("LONDON, March 28."), a time stamp line, dates inside
quotation marks (what a speaker claims is a statement, not a reported event), and the time of
an attribution ("the spokesman told reporters on Monday"): that is the statement's time
(see :func:`onrecord.resolve.time.statement_when`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from onrecord.resolve.textspan import quoted_spans, sentence_at, sentence_bounds, wordset
from onrecord.resolve.time import TimeMatch, find_times

if TYPE_CHECKING:
    from onrecord.model import Article

#: Longest description kept, in words (the rest is elided with "…").
MAX_WORDS = 25
_SPEECH_RE = re.compile(
    r"\b(?:said|says|told|tell|stated|added|announced|declared|noted|stressed|reported|wrote"
    r"|tweeted|commented|explained|confirmed|insisted|warned|argued|according\s+to)\b",
    re.IGNORECASE,
)
_CLAUSE_LEFT_RE = re.compile(r"\bthat\s|;\s|:\s")
_CLAUSE_RIGHT_RE = re.compile(
    r",|;|\s(?:following|after|amid|which|while|when|where|because|as\s+part\s+of)\s"
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'’-]+[,.]\s*(?:\w+\s*)?$")
_PLACE_RE = re.compile(
    r"\b(?:in|at|near|outside|inside|to)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]+)*)"
)
_NOT_PLACES = wordset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Minister The A An "
    "He She They We It I"
)
_STOP = wordset(
    "that this with from have were been will would their there they about after before "
    "which also into over such than then them these those what when where while"
)
_SAME_DAY_WORDS = ("today", "tonight", "this morning", "this afternoon", "this evening")


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening an article reports, with where it took place and the source."""

    article_id: str
    start: str  # reduced-precision ISO
    end: str | None  # set for ranges
    precision: str
    description: str
    place: str | None
    sentence: tuple[int, int]  # offsets of the sentence in the article text
    when_text: str  # the words that gave the date ("on February 28")

    @property
    def when(self) -> str:
        return f"{self.start}/{self.end}" if self.end else self.start

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "when": self.when,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "description": self.description,
            "place": self.place,
            "sentence": list(self.sentence),
            "when_text": self.when_text,
        }


def find_events(doc_or_text: Any, article: Article) -> list[Event]:
    """The dated events ``article`` mentions, one per distinct date, in text order.

    ``doc_or_text`` is a spaCy ``Doc`` of the article text (places from its entities), or the
    text itself (places by rule); ``None`` or ``""`` means ``article.text``.
    """
    doc = None if isinstance(doc_or_text, str) or doc_or_text is None else doc_or_text
    text = doc.text if doc is not None else (doc_or_text or article.text)
    quoted = quoted_spans(text)
    times = [t for t in find_times(text, article.published) if _is_event_time(text, t, quoted)]
    by_when: dict[str, Event] = {}
    for t in times:
        sentence = sentence_at(text, t.start)
        lo, hi = _clause(text, t, sentence)
        description = _describe(text, lo, hi, t)
        if len(description.split()) < 2:
            continue
        place = _place(text, doc, lo, hi, (t.start, t.end)) or _place_nearby(
            text, doc, sentence, description
        )
        event = Event(
            article_id=article.id,
            start=t.when.start,
            end=t.when.end,
            precision=t.when.precision,
            description=description,
            place=place,
            sentence=sentence,
            when_text=t.text,
        )
        seen = by_when.get(event.when)
        if seen is None:
            by_when[event.when] = event
        elif seen.place is None and place:
            by_when[event.when] = Event(**{**_fields(seen), "place": place})
    return list(by_when.values())


def _fields(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in Event.__slots__}


def _is_event_time(text: str, t: TimeMatch, quoted: list[tuple[int, int]]) -> bool:
    """Whether a time expression dates a reported event (see the module docstring)."""
    if any(s <= t.start and t.end <= e for s, e in quoted):
        return False
    if t.kind == "relative" and t.text.lower().strip() in _SAME_DAY_WORDS:
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    line_end = text.find("\n", t.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start : t.start]
    if _DATELINE_RE.match(before) or not before.strip():
        rest = text[t.end : line_end].strip()
        if not rest or rest[0] in "./(" or re.fullmatch(r"[\d:\s]+", rest):
            return False  # "LONDON, March 28. /AGENCY/." or "21 Mar 2022 12:47"
    lo, _ = sentence_at(text, t.start)
    speech = list(_SPEECH_RE.finditer(text, lo, t.start))
    if speech:
        between = text[speech[-1].end() : t.start]
        if len(between.split()) <= 3 and not re.search(r"\bthat\b", between):
            return False  # "told reporters on Monday": the time of the statement
    return True


def _clause(text: str, t: TimeMatch, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause around the time expression: after the last "that" before it, up to the
    next comma or subordinating word after it (a leading comma right after it is skipped)."""
    lo, hi = sentence
    left = lo
    for m in _CLAUSE_LEFT_RE.finditer(text, lo, t.start):
        left = m.end()
    right = hi
    after = t.end
    while after < hi and text[after] in " ,":
        after += 1
    m = _CLAUSE_RIGHT_RE.search(text, after, hi)
    if m:
        right = m.start()
    return left, right


def _describe(text: str, lo: int, hi: int, t: TimeMatch) -> str:
    """The clause with the date words taken out, tidied and capped at ``MAX_WORDS``."""
    raw = text[lo : t.start] + " " + text[t.end : hi]
    words = raw.split()
    out = " ".join(words[:MAX_WORDS]) + (" …" if len(words) > MAX_WORDS else "")
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    return out.strip(" ,;:.")


def _place(text: str, doc: Any, lo: int, hi: int, near: tuple[int, int]) -> str | None:
    """The place named in ``text[lo:hi]`` nearest to ``near`` (the time expression)."""
    candidates: list[tuple[int, str]] = []
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and lo <= ent.start_char and ent.end_char <= hi:
                candidates.append((ent.start_char, _strip_the(ent.text)))
    else:
        for m in _PLACE_RE.finditer(text, lo, hi):
            place = m.group("place")
            if place.split()[0] not in _NOT_PLACES and not (near[0] <= m.start() < near[1]):
                candidates.append((m.start("place"), place))
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c[0] - near[0]))[1]


def _place_nearby(text: str, doc: Any, sentence: tuple[int, int], description: str) -> str | None:
    """The place of the same occasion told in the next sentence.

    Wire copy often dates an event in one sentence and places it in the next ("agreed to meet
    on March 29-30. Later, ... said the delegations would meet in Istanbul"). The next
    sentence counts only if it has no date of its own and shares a content word with the
    description, so that an unrelated place is not borrowed.
    """
    bounds = sentence_bounds(text)
    following = [b for b in bounds if b[0] >= sentence[1]]
    if not following:
        return None
    lo, hi = following[0]
    if lo - sentence[1] > 3 or find_times(text, "2000-01-01", lo, hi):
        return None  # any base will do: only whether it names a time matters
    if not _stems(description) & _stems(text[lo:hi]):
        return None
    return _place(text, doc, lo, hi, (hi, hi))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
