"""Turning a user's search string into a safe SQLite FTS5 query.

Users type things like ``"unbalanced``, ``NEAR(``, ``*`` or ``AND OR``; FTS5 would answer
those with a syntax error. Rather than passing raw FTS5 syntax through, every term becomes a
quoted FTS5 string, so nothing the user types can be read as an operator. What stays
available: ``"exact phrase"``, ``prefix*``, ``-word`` (exclude) and ``OR`` between two terms;
everything else is implicit AND. A string with no searchable word is a
:class:`~onrecord.errors.UsageError`, which the CLI reports and the HTTP API maps to 400.

The indexes stem English words (porter over unicode61, migration 0007): a word finds its
inflections ("ceasefire" finds "ceasefires"). FTS5 stems a prefix term too, and a prefix that
runs past a word's stem would find nothing ("negotiat*": the index holds "negoti" for
"negotiations"), so :func:`fts_query` can widen a one-word prefix with the indexed stems it
begins with (``stems``; :func:`vocab_stems` reads them from an index's fts5vocab table).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from onrecord.errors import UsageError
from onrecord.store.fts_ru import russian_stem

# A quoted phrase (closing quote optional), or a run of non-space characters.
_TOKEN_RE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_WORDCHAR_RE = re.compile(r"\w", re.UNICODE)
# Control characters (NUL ends an FTS5 string early) become spaces.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# A prefix the stems can widen: one word of letters (a phrase prefix is left as typed).
_ONE_WORD_RE = re.compile(r"[^\W\d_]+")

#: Given a prefix as typed, the indexed stems that should also count as matching it.
PrefixStems = Callable[[str], Sequence[str]]
#: ``Store.query``: SQL and parameters to rows.
QueryFn = Callable[[str, Sequence[Any]], list[Any]]
#: Prefixes shorter than this are not widened (a short stem would match unrelated words),
#: nor are stems more than ``_STEM_CUT`` letters shorter than the prefix (porter removes at
#: most about that much: "generaliz" -> "gener").
_MIN_WIDEN = 5
_MIN_STEM = 4
_STEM_CUT = 5


def _quote(term: str) -> str:
    """An FTS5 string literal: the term in double quotes, inner quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def fold(word: str) -> str:
    """``word`` as the index's tokenizer writes it before stemming: lower case, diacritics
    removed (unicode61 with ``remove_diacritics 2``)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def vocab_stems(query: QueryFn, vocab: str) -> PrefixStems:
    """A :data:`PrefixStems` reading the fts5vocab table ``vocab`` (migration 0007).

    For a prefix P it answers the indexed stems that P itself begins with, a little shorter
    than P: the stems of words that begin with P but were cut shorter by the stemmer. Such a
    stem also stands for its other words ("negotiat*" finds "negotiable" by the stem
    "negoti"), which is what a stemmed search of any of those words finds as well.
    """

    def stems(prefix: str) -> Sequence[str]:
        word = fold(prefix)
        if len(word) < _MIN_WIDEN or not _ONE_WORD_RE.fullmatch(word):
            return []
        shortest = max(_MIN_STEM, len(word) - _STEM_CUT)
        candidates = [word[:k] for k in range(len(word) - 1, shortest - 1, -1)]
        marks = ", ".join("?" * len(candidates))
        rows = query(f"SELECT term FROM {vocab} WHERE term IN ({marks})", candidates)
        return sorted({str(r[0]) for r in rows})

    return stems


def fts_query(search: str, stems: PrefixStems | None = None) -> str:
    """The FTS5 MATCH expression for a user's search string (see the module docstring).

    ``stems`` widens each one-word prefix with the stems it answers (see
    :func:`vocab_stems`); without it a prefix is searched as typed.

    >>> fts_query('peskov "face to face" talk*')
    '"peskov" "face to face" "talk"*'
    >>> fts_query("negotiat*", lambda prefix: ["negoti"])
    '("negotiat"* OR "negoti")'
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
        stem = None if prefix else russian_stem(core)
        if stem:  # a Russian word finds its other case forms ("Пескова" -> "песков"*)
            term = f"({term} OR {_quote(stem)}*)"
        wider = stems(core) if prefix and stems is not None else ()
        if wider:
            term = "(" + " OR ".join([term, *(_quote(w) for w in wider)]) + ")"
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
