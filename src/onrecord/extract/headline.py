"""Headline attributions: "Talks important, no progress yet — Kremlin spokesman", "Peskov: ...".

Wire headlines drop the verb: the speaker follows a dash at the end or precedes a colon at
the start. Only the first lines before the body (short, without a final full stop) are
headline candidates, and the speaker part must look like a name or a role (a few capitalised
words or a title noun), so an ordinary title like "Stealth Over Health: ..." is not taken
for an attribution unless the parser sees a person or organisation there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from onrecord.extract.context import Context
from onrecord.extract.entities import mostly_capitalised
from onrecord.extract.lexicon.descriptions import HEADLINE_ROLE_WORDS
from onrecord.extract.spans import trim_content
from onrecord.model import Span, Speaker, Statement

#: "CONTENT — SPEAKER" / "CONTENT - SPEAKER" (speaker: at most six words, no verb).
_TRAILING = re.compile(r"^(?P<content>.{12,}?)\s+[—–-]{1,2}\s+(?P<speaker>[^—–\-:]{2,60})$")
#: "SPEAKER: CONTENT".
_LEADING = re.compile(r"^(?P<speaker>[^:]{2,40}):\s+(?P<content>.{12,})$")
_MAX_LINES = 4
_MAX_WORDS = 30


def headline_lines(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the first few non-empty lines that read like headlines (no final period)."""
    seen = 0
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if not line:
            continue
        seen += 1
        if seen > _MAX_LINES:
            return
        if len(line.split()) > _MAX_WORDS or (line.endswith((".", "?")) and seen > 1):
            return  # the body has started
        yield m.start(), m.end()


def _looks_like_speaker(ctx: Context, start: int, end: int) -> bool:
    words = ctx.text[start:end].split()
    if not 1 <= len(words) <= 6:
        return False
    if any(w.lower().strip(".,") in HEADLINE_ROLE_WORDS for w in words):
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.pos_ == "VERB" for t in span):
        return False
    looks_named = any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in span.ents) or (
        all(t.pos_ == "PROPN" for t in span) and len(words) <= 3
    )
    return looks_named and _a_name_in_the_body(ctx.text, end, words[-1].strip(".,;"))


def _a_name_in_the_body(text: str, after: int, word: str) -> bool:
    """In a title-case headline every word looks like a name ("Stealth Over Health: ...").
    There a real speaker's name is written in the body too, capitalised and never in lower
    case ("Peskov" is; "Health" is not). A sentence-case headline, or one without a body,
    is trusted as the tagger reads it."""
    line_start = text.rfind("\n", 0, after) + 1
    line_end = text.find("\n", after)
    if not mostly_capitalised(text[line_start:line_end]):
        return True
    body = text[line_end:] if line_end >= 0 else ""
    if not body.strip() or len(word) < 3:
        return True
    if not re.search(r"\b" + re.escape(word) + r"\b", body):
        return False
    return re.search(r"\b" + re.escape(word.lower()) + r"\b", body) is None


def find_headline(ctx: Context) -> list[Statement]:
    text = ctx.text
    out: list[Statement] = []
    for line_start, line_end in headline_lines(text):
        line = text[line_start:line_end].rstrip(" .")
        for pattern in (_TRAILING, _LEADING):
            m = pattern.match(line)
            if not m:
                continue
            sa, sb = line_start + m.start("speaker"), line_start + m.end("speaker")
            if not _looks_like_speaker(ctx, sa, sb):
                continue
            ca, cb = trim_content(
                text, line_start + m.start("content"), line_start + m.end("content")
            )
            if cb - ca < 10:
                continue
            mention = Span.of(text, sa, sb)
            out.append(
                Statement(
                    kind="indirect",
                    content=Span.of(text, ca, cb),
                    speaker=Speaker(name=None, mention=mention),
                    cue=None,
                    source="headline",
                )
            )
            break
    return out
