"""Transcript speaker labels: paragraphs that open with "PENCE: ..." or "WALLACE: ...".

Interview and debate transcripts, often quoted whole inside an article, name the speaker
of each turn with an upper-case label and a colon instead of a verb. The label is the
speaker and the rest of the paragraph is what they said. Only upper-case labels of one to
three words count, so "Note: ..." or "Update: ..." are not taken for speakers (headline
"Peskov: ..." lines are headline.py's). A quote that opens with a label loses the label from
its content and takes the labelled speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from onrecord.extract.lexicon.page import NOT_SPEAKER_LABELS
from onrecord.extract.spans import trim_content
from onrecord.model import Span, Speaker, Statement

#: Line start, an optional opening quotation mark, an upper-case label of 1-3 words, a colon.
_LABEL = re.compile(
    r"^[ \t]*[\"“«„']?(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)",
    re.MULTILINE,
)


def find_labelled_turns(text: str) -> list[tuple[Span, int, int]]:
    """``(label, content_start, content_end)`` for each labelled paragraph, in text order."""
    out = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        if label.split()[0].strip(".") in NOT_SPEAKER_LABELS or len(label.replace(" ", "")) < 2:
            continue
        end = text.find("\n", m.end())
        a, b = trim_content(text, m.end(), len(text) if end < 0 else end)
        if b - a >= 2:
            out.append((Span.of(text, m.start("label"), m.end("label")), a, b))
    return out


def apply_labels(text: str, statements: list[Statement]) -> list[Statement]:
    """Give labelled turns their speaker: trim labels off quotes, add unquoted turns."""
    turns = find_labelled_turns(text)
    if not turns:
        return statements
    out = list(statements)
    for label, a, b in turns:
        owner = next((k for k, s in enumerate(out) if s.content.start <= a < s.content.end), None)
        speaker = Speaker(name=None, mention=label)
        if owner is None:
            out.append(
                Statement(
                    kind="indirect",
                    content=Span.of(text, a, b),
                    speaker=speaker,
                    source="transcript",
                )
            )
            continue
        st = out[owner]
        if st.source == "quote" and st.content.start <= label.start and a - st.content.start < 40:
            # the quote opens with the label: the turn is the quote's content from ``a`` on
            out[owner] = replace(
                st,
                content=Span.of(text, a, min(st.content.end, b)),
                fragments=(),
                speaker=speaker,
                cue=None,
            )
    out.sort(key=lambda s: (s.content.start, s.content.end))
    return out
