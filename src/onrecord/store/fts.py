"""Turning a user's search string into a safe SQLite FTS5 query.

Users type things like ``"unbalanced``, ``NEAR(``, ``*`` or ``AND OR``; FTS5 would answer
those with a syntax error. Rather than passing raw FTS5 syntax through, every term becomes a
quoted FTS5 string, so nothing the user types can be read as an operator. What stays
available: ``"exact phrase"``, ``prefix*``, ``-word`` (exclude) and ``OR`` between two terms;
everything else is implicit AND. A string with no searchable word is a
:class:`~onrecord.errors.UsageError`, which the CLI reports and the HTTP API maps to 400.
"""

from __future__ import annotations

import re

from onrecord.errors import UsageError

# A quoted phrase (closing quote optional), or a run of non-space characters.
_TOKEN_RE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_WORDCHAR_RE = re.compile(r"\w", re.UNICODE)
# Control characters (NUL ends an FTS5 string early) become spaces.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def _quote(term: str) -> str:
    """An FTS5 string literal: the term in double quotes, inner quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def fts_query(search: str) -> str:
    """The FTS5 MATCH expression for a user's search string (see the module docstring).

    >>> fts_query('peskov "face to face" talk*')
    '"peskov" "face to face" "talk"*'
    """
    parts: list[str] = []  # each item: a term expression, or the operator "OR"
    negated: list[str] = []
    for m in _TOKEN_RE.finditer(_CONTROL_RE.sub(" ", search)):
        phrase, word = m.group("phrase"), m.group("word")
        if phrase is not None:
            if _WORDCHAR_RE.search(phrase):
                parts.append(_quote(phrase))
            continue
        assert word is not None
        if word == "OR":
            parts.append("OR")
            continue
        negate = word.startswith("-") and len(word) > 1
        prefix = word.endswith("*")
        core = word.strip("-*")
        if not _WORDCHAR_RE.search(core):
            continue
        term = _quote(core) + ("*" if prefix else "")
        (negated if negate else parts).append(term)
    # OR only between two terms; a stray OR (leading, trailing, doubled) is dropped.
    cleaned: list[str] = []
    for i, part in enumerate(parts):
        if part == "OR":
            prev_ok = bool(cleaned) and cleaned[-1] != "OR"
            next_ok = i + 1 < len(parts) and parts[i + 1] != "OR"
            if prev_ok and next_ok:
                cleaned.append(part)
            continue
        cleaned.append(part)
    if not cleaned:
        if negated:
            raise UsageError(f"search {search!r}: needs a word to look for, not only exclusions")
        raise UsageError(f"search {search!r}: no words to search for")
    query = " ".join(cleaned)
    if negated:
        query = f"({query}) NOT " + " NOT ".join(negated)
    return query
