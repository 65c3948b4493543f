"""How two statements are compared: character overlap, normalised words, canonical names.

These are the measures behind ``onrecord eval`` (:mod:`onrecord.evaluate` scores with them)
and behind extraction's own merging of readings (:mod:`onrecord.extract.pipeline` asks
whether a reported reading covers a quote, whether two contents say the same words). They
live apart from the evaluator so that extraction never imports the scoring code, and so that
each definition is written once for both.

Definitions (tests/extract/test_evaluate.py pins each on tiny examples):

* :func:`overlap`: the share of the gold pieces' characters covered by the predicted pieces
  (asymmetric on purpose: "did we find what was said").
* :func:`normalise_content`: the words of a content as exact matching compares them
  (whitespace collapsed; quotation marks, whitespace and punctuation stripped at both ends;
  a leading "that" dropped).
* :func:`canonical_key` / :func:`same_canonical`: a speaker's canonical name as
  ``shared/spec/canonical-speakers.md`` compares it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

#: A stretch of an article's text: ``(start, end)`` character offsets.
Piece = tuple[int, int]

_QUOTE_CHARS = "\"'“”‘’«»„‟‚‹›`"
_EDGE_RE = re.compile(
    rf"^[\s{re.escape(_QUOTE_CHARS)}.,;:!?…—–-]+|[\s{re.escape(_QUOTE_CHARS)}.,;:!?…—–-]+$"
)
_SPACE_RE = re.compile(r"\s+")


def _merge(pieces: Iterable[Piece]) -> list[Piece]:
    """Sorted, non-overlapping pieces covering the same characters."""
    out: list[Piece] = []
    for a, b in sorted(p for p in pieces if p[1] > p[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def covered(gold: Sequence[Piece], pred: Sequence[Piece]) -> int:
    """Characters of ``gold`` that fall inside any of ``pred`` (both lists of pieces)."""
    merged_pred = _merge(pred)
    return sum(max(0, min(b, d) - max(a, c)) for a, b in _merge(gold) for c, d in merged_pred)


def overlap(gold: Sequence[Piece], pred: Sequence[Piece]) -> float:
    """Share of the gold characters covered by the prediction (0 for empty gold)."""
    total = sum(b - a for a, b in _merge(gold))
    return covered(gold, pred) / total if total else 0.0


def touches(a: Sequence[Piece], b: Sequence[Piece]) -> bool:
    """Do any two pieces of ``a`` and ``b`` share a character?"""
    return any(x < d and c < y for x, y in a for c, d in b)


def normalise_content(text: str) -> str:
    """Text for exact matching: whitespace collapsed, marks/punctuation stripped at the ends.

    A leading "that" is dropped too: the interchange spec leaves it out of reported content
    while some corpora (PolNeAR) keep it, and it is no part of what was said.
    """
    text = _SPACE_RE.sub(" ", text)
    previous = None
    while previous != text:
        previous, text = text, _EDGE_RE.sub("", text)
        if text[:5].lower() == "that ":
            text = text[5:]
    return text


def normalise_words(text: str | None) -> str:
    """A speaker mention or cue as compared by its words: case folded, spaces collapsed,
    punctuation and quotation marks trimmed, a leading "the" dropped."""
    words = _SPACE_RE.sub(" ", (text or "").casefold()).strip(" .,:;\"'“”‘’")
    return re.sub(r"^the ", "", words)


#: Titles and honorifics ignored at the start of a name (casefolded, without dots); a title
#: is kept when nothing follows it ("the President") or when it is possessive ("the
#: President's office"). Words that also begin organisation names ("General Motors",
#: "Justice Department", "Major League Baseball") are left out on purpose.
TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(title.split())
    for title in (
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord"),
        *("lady", "rev", "reverend", "hon", "king", "queen", "prince", "princess"),
        *("president", "vice-president", "president-elect", "vice president", "chancellor"),
        *("prime minister", "foreign minister", "secretary", "secretary of state"),
        *("sen", "senator", "rep", "representative", "congressman", "congresswoman"),
        *("gov", "governor", "mayor", "judge", "chief justice", "attorney general"),
        *("house speaker", "lt", "gen", "col", "capt", "adm", "sgt"),
    )
)
_ARTICLES = frozenset({"the"})  # the spec ignores a leading "the" only: "a source" stays
_APOSTROPHES_RE = re.compile("[\u2018\u2019\u02bc\u00b4\u0060\u2032]")
_HYPHENS_RE = re.compile("[\u2010\u2011]")
#: A word (letters/digits, inner hyphens and apostrophes kept), or a list separator.
_NAME_TOKEN_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|[,&;/]")
_SEPARATORS = frozenset(",&;/")


def canonical_key(name: str | None) -> str:
    """``name`` reduced to what canonical names are compared on (canonical-speakers.md).

    Ignored: case; accents (NFKD, combining marks dropped); punctuation, except a hyphen or
    apostrophe inside a word (curly and straight apostrophes are one; "O'Brien" = "OBrien");
    a possessive 's ("Clinton's campaign" = "Clinton campaign"); at the start of a name (the
    start of the string, or after "and" or one of ``, & ; /``, as in "Donald Trump and Sen.
    Mike Pence") a "the" (not "a": "a Clinton aide" is a description) and then any
    :data:`TITLES` ("Sen. Mike Pence" = "Mike Pence", "President Obama" = "Obama"). Nothing
    else: "Obama" stays unlike "Barack Obama", and a middle initial counts.
    """
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _HYPHENS_RE.sub("-", _APOSTROPHES_RE.sub("'", text))
    words: list[tuple[str, bool]] = []  # (word, possessive)
    for m in _NAME_TOKEN_RE.finditer(text):
        word = m.group()
        possessive = word.endswith("'s")
        if possessive:
            word = word[:-2]
        words.append((word.replace("'", ""), possessive))
    out: list[str] = []
    start = True  # at the start of a name
    i = 0
    while i < len(words):
        word = words[i][0]
        if word in _SEPARATORS:
            start, i = True, i + 1
            continue
        if start and i + 1 < len(words):
            if word in _ARTICLES:
                i += 1
                continue
            title = _title_at(words, i)
            if title:
                i += title
                continue
        out.append(word)
        start = word == "and"
        i += 1
    return " ".join(out)


def _title_at(words: Sequence[tuple[str, bool]], i: int) -> int:
    """Words of a title starting at ``words[i]`` and followed by a name (0: none)."""
    for n in (3, 2, 1):
        phrase = tuple(w for w, _ in words[i : i + n])
        if (
            len(phrase) == n
            and i + n < len(words)
            and phrase in TITLES
            and not words[i + n - 1][1]  # "the President's office": no name follows
            and words[i + n][0] not in _SEPARATORS | {"and"}
        ):
            return n
    return 0


def same_canonical(a: str | None, b: str | None) -> bool:
    """Do two canonical names name the same speaker by :func:`canonical_key`? (Empty: no.)"""
    key = canonical_key(a)
    return bool(key) and key == canonical_key(b)
