"""Long articles in bounded windows, so extraction cost grows linearly with length.

Why: a spaCy parse of one huge Doc holds its whole activations at once, and steps that
relate statements or mentions to each other grow faster than the text, so a single pass over
an article costs more than linearly in time and memory (on the synthetic article of
benchmarks/long_documents.py: 200k characters 12.8 CPU seconds and 0.7 GB, 1M 170 and 3.0
GB; users saw 1M killed at 400 s and 5.2 GB; in windows, 7.9 and 38.6 CPU seconds, 0.25 GB).
An article longer than ``window_chars`` is cut into *windows* at paragraph boundaries (a
blank line, else a line break; inside one giant paragraph, a sentence end outside quotation
marks), and each window is parsed and extracted as an article of its own.

What keeps the windows from losing the article's thread:

* **lead-in**: a window after the first is parsed with up to :data:`LEAD_CHARS` of the
  paragraphs before it, so that "he said" at its start finds its antecedent and an
  unattributed quote paragraph the speaker it continues; the window keeps only statements
  whose content *starts* in its own part, so nothing is found twice.
* **lead-out**: a window is parsed with up to :data:`LEAD_OUT_CHARS` of what follows, so a
  quotation running over its last paragraph break is read whole.
* **the headline** (a first line without a final full stop, as ``speakers/`` reads it)
  is parsed in front of every window: the story's subject, named there, stays the salient
  one, and a headline statement is only ever the first window's.
* **the cast**: the sentence that introduced a person in an earlier window ("..., said Ana
  Lind, the chief negotiator.") is parsed in front of a window that names that person
  again by surname only, so that there too "Lind" is Ana Lind, a woman ("she added" finds
  her), with the role she was introduced with (:class:`Cast`).
* **names**: when all windows are done, a speaker still known by surname alone gets the
  one full name the article gives with that surname, and a person's role and affiliation
  reach the statements that lack them (:meth:`Cast.finish`).

The headline and introductions are parsed as they stand in the article, each a paragraph
of its own, before the lead-in: offsets in a window's parse map back to the article's
(:class:`OffsetMap`), so every span keeps ``text == article.text[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc

from onrecord.extract.lexicon.people import GENDER_HONORIFICS, TITLE_WORDS
from onrecord.model import Span, Speaker, Statement

#: Leading context parsed before a window (pronoun look-back and quote continuation reach a
#: few sentences back; 3,000 characters are several paragraphs of news).
LEAD_CHARS = 3_000
#: Trailing context parsed after a window (a quotation over the window's last line break).
LEAD_OUT_CHARS = 1_500
#: A first line longer than this is no headline (a body paragraph without line breaks).
HEADLINE_MAX_CHARS = 300
#: Introductions parsed before a window: at most this many people, this many characters
#: (a window of news names a handful of people; each introduction is one sentence).
MAX_CAST = 8
CAST_CHARS = 2_500
#: A longer sentence is not carried as an introduction (a run-on paragraph).
INTRO_MAX_CHARS = 400

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
#: A sentence end: final mark, closing quotes or brackets, space, then a capital or an
#: opening mark. Boundaries are offsets just after the space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_SPACE = re.compile(r"\s+")


#: What separates the context pieces parsed before a window (not article text).
_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Window:
    """One window of an article, as offsets into the article's text.

    The window's parsed text is its ``context`` pieces (article ranges: the headline, the
    introductions of people it names), each followed by a blank line unless it ends in a
    line break already, then ``text[start:end]`` (lead-in, own part, lead-out); statements
    whose content starts in ``[own_start, own_end)`` are the window's.
    """

    start: int
    own_start: int
    own_end: int
    end: int
    context: tuple[tuple[int, int], ...] = ()

    def text(self, article_text: str) -> str:
        parts = []
        for a, b in self.context:
            piece = article_text[a:b]
            parts.append(piece if piece.endswith("\n") else piece + _SEPARATOR)
        parts.append(article_text[self.start : self.end])
        return "".join(parts)

    def segments(self, article_text: str) -> list[tuple[int, int, int]]:
        """(offset in the window's text, offset in the article's, length) of each piece."""
        out, at = [], 0
        for a, b in self.context:
            out.append((at, a, b - a))
            at += b - a + (0 if article_text[a:b].endswith("\n") else len(_SEPARATOR))
        out.append((at, self.start, self.end - self.start))
        return out

    def owns(self, article_offset: int) -> bool:
        return self.own_start <= article_offset < self.own_end


class OffsetMap:
    """Offsets in a window's parsed text -> offsets in the article's text.

    An offset in a separator (text that is not the article's) maps to the end of the piece
    before it, so a span never points outside the article.
    """

    def __init__(self, window: Window, article_text: str) -> None:
        self.window = window
        self.segments = window.segments(article_text)
        self.starts = [seg[0] for seg in self.segments]

    def __call__(self, offset: int) -> int:
        i = max(0, bisect_right(self.starts, offset) - 1)
        at, article_at, length = self.segments[i]
        return article_at + min(offset - at, length)


def plan_windows(text: str, size: int) -> list[Window]:
    """The windows of ``text``: one (the whole text) when it is no longer than ``size``.

    Own parts are consecutive and cover the text; each but the last is between half of
    ``size`` and ``size`` long, cut at the best boundary in that range (:func:`_cut`), so the
    number of windows, and the work, grows linearly with the length.
    """
    n = len(text)
    if n <= size:
        return [Window(0, 0, n, n)]
    cuts = [0]
    while n - cuts[-1] > size:
        cuts.append(_cut(text, cuts[-1], size))
    cuts.append(n)
    headline = headline_end(text)
    windows = []
    for own_start, own_end in pairwise(cuts):
        start = _lead_in_start(text, own_start) if own_start else 0
        end = _lead_out_end(text, own_end) if own_end < n else n
        context = ((0, headline),) if 0 < headline <= start else ()
        windows.append(Window(start, own_start, own_end, end, context))
    return windows


def headline_end(text: str) -> int:
    """Where the headline ends (after its line break and any blank lines), or 0 for none.

    A headline is a first line that does not end a sentence, the test ``speakers/`` uses.
    """
    first = text.find("\n", 0, HEADLINE_MAX_CHARS + 1)
    line = text[:first].rstrip() if first > 0 else ""
    if not line or line[-1] in '.!?"”':
        return 0
    m = _LINE_BREAK.match(text, first)
    return m.end() if m else first + 1


def _cut(text: str, begin: int, size: int) -> int:
    """Where the window that starts at ``begin`` ends and the next starts: the last place in
    its second half that starts a paragraph after a blank line, else after a line break,
    else a sentence outside quotation marks, else any sentence, else a word; ``size`` on
    when the stretch has no space at all."""
    lo, hi = begin + size // 2, begin + size
    for boundary in (_BLANK_LINE, _LINE_BREAK):
        cut = _last_boundary(boundary.finditer(text, lo, hi))
        if cut is not None:
            return cut
    sentences = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    if sentences:
        outside = _outside_quotes(text, begin, sentences)
        return (outside or sentences)[-1]
    return _last_boundary(_SPACE.finditer(text, lo, hi)) or hi


def _last_boundary(matches: Iterable[re.Match[str]]) -> int | None:
    last = None
    for m in matches:
        last = m.end()
    return last


def _outside_quotes(text: str, begin: int, offsets: list[int]) -> list[int]:
    """The offsets (ascending, after ``begin``) at which no quotation opened after ``begin``
    is still open: curly quotes nest, straight double quotes toggle."""
    out = []
    depth, straight, i = 0, False, begin
    for offset in offsets:
        for ch in text[i:offset]:
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == '"':
                straight = not straight
        i = offset
        if depth == 0 and not straight:
            out.append(offset)
    return out


def _lead_in_start(text: str, own_start: int) -> int:
    """Where the lead-in of a window starting at ``own_start`` begins: the earliest paragraph
    start within :data:`LEAD_CHARS` before it (else a sentence start, else a word's)."""
    lo = max(0, own_start - LEAD_CHARS)
    if lo == 0:
        return 0
    for pattern in (_LINE_BREAK, _SENTENCE_END, _SPACE):
        for m in pattern.finditer(text, lo, own_start):
            if m.end() < own_start:
                return m.end()
    return own_start


def _lead_out_end(text: str, own_end: int) -> int:
    """Where the lead-out after ``own_end`` ends: the last paragraph end within
    :data:`LEAD_OUT_CHARS` (else a sentence end, else a word's)."""
    hi = min(len(text), own_end + LEAD_OUT_CHARS)
    if hi == len(text):
        return hi
    for pattern in (_LINE_BREAK, _SENTENCE_END, _SPACE):
        last = _last_boundary(pattern.finditer(text, own_end, hi))
        if last is not None and last > own_end:
            return last
    return own_end


def window_statements(
    window: Window, article_text: str, statements: list[Statement], *, first: bool
) -> list[Statement]:
    """The window's own statements, with offsets in the article's coordinates.

    Headline statements are the first window's alone: in any other the headline is context.
    """
    to_article = OffsetMap(window, article_text)
    out = []
    for st in statements:
        if not first and st.source == "headline":
            continue
        if window.owns(to_article(st.content.start)):
            out.append(_shifted(st, to_article, article_text))
    return out


def _shifted(st: Statement, to_article: OffsetMap, text: str) -> Statement:
    def span(s: Span | None) -> Span | None:
        if s is None:
            return None
        return Span.of(text, to_article(s.start), to_article(s.end))

    speaker = st.speaker
    if speaker is not None and speaker.mention is not None:
        speaker = replace(speaker, mention=span(speaker.mention))
    content = span(st.content)
    assert content is not None
    return replace(
        st,
        content=content,
        speaker=speaker,
        cue=span(st.cue),
        fragments=tuple((to_article(a), to_article(b)) for a, b in st.fragments),
    )


@dataclass(slots=True)
class _Person:
    """A person the article named in full, as :class:`Cast` remembers them."""

    name: str
    intro: tuple[int, int] | None = None  # first sentence naming them in full (article range)
    last_seen: int = -1  # where they were last named, in full or by surname
    speaker: Speaker | None = None  # first statement speaker of theirs with a role


class Cast:
    """The people of a long article, carried from window to window.

    In one pass, ``speakers/`` knows every "Lind" is the "Ana Lind" introduced earlier: a
    woman, the chief negotiator. A window sees only its own stretch, so the cast keeps,
    from the windows already done, each person named in full (the parse's PERSON entities
    and the statements' speakers) with the sentence that introduced them, and
    :meth:`context_for` puts the introductions of the people a window names by surname alone
    in front of it (most recently named first, at most :data:`MAX_CAST`). When all windows
    are done, :meth:`finish` gives a speaker still known by a bare surname the one full name
    the article gives with that surname (namesakes, "Bill Clinton" and "Hillary Clinton",
    stay as the windows resolved them), and a speaker without role or affiliation those of
    the same person's first statement that had them, as one pass would.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: dict[str, _Person] = {}
        self.by_surname: dict[str, list[_Person]] = {}

    def context_for(self, window: Window) -> Window:
        """``window`` with the introductions of the people it names by surname alone."""
        main = self.text[window.start : window.end]
        skip_before = max((b for _, b in window.context), default=0)
        chosen: set[tuple[int, int]] = set()
        size = 0
        for person in sorted(self.people.values(), key=lambda p: -p.last_seen):
            intro = person.intro
            if intro is None or intro[0] < skip_before or intro[1] > window.start:
                continue
            if len(chosen) >= MAX_CAST:
                break
            if person.name in main or intro in chosen:
                continue
            surname = person.name.split()[-1]
            if not re.search(r"\b" + re.escape(surname) + r"\b", main):
                continue
            if size + intro[1] - intro[0] > CAST_CHARS:
                continue
            chosen.add(intro)
            size += intro[1] - intro[0]
        return replace(window, context=window.context + tuple(sorted(chosen)))

    def note(self, window: Window, doc: Doc, statements: list[Statement]) -> None:
        """Remember the people of one window (``statements`` in article coordinates)."""
        to_article = OffsetMap(window, self.text)
        main = window.segments(self.text)[-1][0]  # where the lead-in starts in the parse
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start_char < main:
                continue
            at = to_article(ent.start_char)
            if not window.owns(at):
                continue
            name = re.sub(r"['’]s$", "", ent.text).strip()
            if _is_full_name(name):
                person = self._person(name)
                person.last_seen = max(person.last_seen, at)
                if person.intro is None:
                    person.intro = self._intro(
                        ent.sent.start_char, ent.sent.end_char, main, to_article
                    )
            elif _is_surname(name):
                for person in self.by_surname.get(name, ()):
                    person.last_seen = max(person.last_seen, at)
        for st in statements:
            sp = st.speaker
            if sp is None or sp.type != "person" or not sp.name or not _is_full_name(sp.name):
                continue
            person = self._person(sp.name)
            person.last_seen = max(person.last_seen, st.content.start)
            if person.speaker is None and (sp.role or sp.affiliation):
                person.speaker = sp
            mention = sp.mention
            if (
                person.intro is None
                and mention is not None
                and mention.start >= window.start
                and sp.name in mention.text
            ):
                # named in full where they speak, though the parse saw no PERSON there
                at = main + mention.start - window.start
                span = doc.char_span(at, at + len(mention.text), alignment_mode="expand")
                if span is not None:
                    sent = span.sent
                    person.intro = self._intro(sent.start_char, sent.end_char, main, to_article)

    def _person(self, name: str) -> _Person:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = _Person(name)
            self.by_surname.setdefault(name.split()[-1], []).append(person)
        return person

    def _intro(
        self, start: int, end: int, main: int, to_article: OffsetMap
    ) -> tuple[int, int] | None:
        """The sentence ``[start, end)`` of the parse as an article range, if it is short
        enough to carry and lies in the window's own text (not in its context)."""
        if start < main:
            return None
        a, b = to_article(start), to_article(end)
        while b > a and self.text[b - 1].isspace():
            b -= 1
        return (a, b) if 0 < b - a <= INTRO_MAX_CHARS else None

    def finish(self, statements: list[Statement]) -> list[Statement]:
        """``statements`` with the fullest names and the roles carried in."""
        return [self._carried(st) for st in statements]

    def _carried(self, st: Statement) -> Statement:
        sp = st.speaker
        if sp is None or not sp.name or sp.type not in ("person", "unknown"):
            return st
        if _is_surname(sp.name):
            namesakes = self.by_surname.get(sp.name, [])
            if len(namesakes) != 1:
                return st
            person = namesakes[0]
        else:
            found = self.people.get(sp.name)
            if found is None or found.speaker is None or sp.role or sp.affiliation:
                return st
            person = found
        source = person.speaker
        # an unknown surname's "role" is the surname itself (the description fallback)
        role = sp.role if sp.role != sp.name else None
        speaker = replace(
            sp,
            name=person.name,
            type="person",
            role=role or (source.role if source else None),
            affiliation=sp.affiliation or (source.affiliation if source else None),
        )
        return replace(st, speaker=speaker)


def _is_surname(name: str) -> bool:
    return name[:1].isupper() and not any(c.isspace() for c in name)


def _is_full_name(name: str) -> bool:
    """Two to four capitalised words, not starting with a title ("President Putin" is the
    surname with a title, not a full name)."""
    parts = name.split()
    if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() for p in parts):
        return False
    first = parts[0].lower()
    return first not in GENDER_HONORIFICS and first.rstrip(".") not in TITLE_WORDS
