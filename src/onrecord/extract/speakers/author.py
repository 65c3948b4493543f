"""Who "I" is in a signed piece: the byline, a "By ..." line, an author's note.

An op-ed's "I" is its author (canonical-speakers.md rule 7): the article's byline when the
reader found one, else the signature the text itself carries.
"""

from __future__ import annotations

import re

from onrecord.ingest.text import parse_byline


def signed_author(text: str) -> str | None:
    """The "By Jane Doe" line of a signed piece (first or last lines), when metadata has none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:6] + lines[-3:]:
        author = parse_byline(line)
        if author:
            return author
    for line in lines[-2:]:  # an author's note: "Jo Ray (D-Ariz.) is a member of ..."
        m = _AUTHOR_NOTE.match(line)
        if m and len(line.split()) <= 40:
            return m.group("name")
    for line in lines[:3]:  # "... excerpts from author Jo Ray's new book": the book's "I"
        m = _EXCERPT_NOTE.search(line)
        if m:
            return m.group("name")
    return None


_EXCERPT_NOTE = re.compile(
    r"\b(?:excerpts?|adapted|taken)\s+from\s+(?:[a-z-]+\s+){0,3}"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})['’]s?\s+(?:\w+\s+){0,2}"
    r"(?:book|memoir|autobiography|essay|novel|diary)\b"
)


_AUTHOR_NOTE = re.compile(
    r"^(?:[A-Z][a-z]*\.?\s+){0,2}?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})"
    r"(?:\s*\([^)]{1,30}\)|,\s*[^,]{1,25},)?\s+(?:is|was|serves as|writes)\s"
)
