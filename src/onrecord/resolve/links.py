"""Cross-outlet links: is this the same statement another report carried? And how do they differ?

Two outlets rarely quote a remark the same way: the reporting verb differs ("said" / "told
journalists"), one trims the quote or adds the next sentence, punctuation differs, and two
translations of one Russian remark change a word or two ("ensured" / "achieved"). So the test
is not equality but containment on normalised words: the share of the shorter version's
content words and word pairs that the longer one contains. Containment (not Jaccard) because
a trimmed quote is wholly inside the full one however much longer that is.

The caller only compares statements that can be the same remark: same registry speaker and
dates within :data:`WINDOW_DAYS` (:func:`within_window`), which keeps both work and false
links down. Where linked versions differ, :func:`word_diff` shows the difference word by word.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from onrecord.dates import day_number
from onrecord.resolve.textspan import wordset

#: Two reports of one statement are at most this many days apart.
WINDOW_DAYS = 3
#: Similarity from which two statements are the same one (tuned on tests/resolve corpus).
THRESHOLD = 0.68
#: Below this many content words the shorter version must be wholly contained.
SHORT = 4

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_SURFACE_RE = re.compile(r"\S+")
_STOP = wordset(
    "a an the and or but of to in on at for by with from as is are was were be been being "
    "it its this that these those there their they them we our us i you he she his her him "
    "not no so do does did have has had will would can could should may might must "
    "about into than then also very just"
)


@dataclass(frozen=True, slots=True)
class Shingles:
    """A statement's comparable form: content words and consecutive word pairs."""

    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    length: int
    script: str = "latn"  # "cyrl" when most words are Cyrillic: see same_language


def tokens(text: str) -> list[str]:
    """Normalised words: accents and case folded, punctuation and quotation marks dropped,
    editorial insertions in square brackets removed ("they [Putin and Zelensky] would")."""
    text = re.sub(r"\[[^\]]*\]", " ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return [w.replace("’", "'") for w in _WORD_RE.findall(text.casefold())]


#: Texts whose shingles are kept. The cache serves linking, which compares a batch's new
#: statements with a speaker's earlier ones in the same few weeks: a few thousand texts at a
#: time. An entry is over a kilobyte (two sets of words and word pairs): with 50,000 of
#: them, an ingest of 600 news articles (32,000 statements) held 33 MB more than with this
#: many, growing with every article up to the cap, for 4% less time in linking (well under
#: 1% of the ingest; benchmarks/ingest_memory.py).
SHINGLES_CACHED = 4096


@lru_cache(maxsize=SHINGLES_CACHED)
def shingles(text: str) -> Shingles:
    """The comparable form of a text (cached: linking compares each text many times)."""
    words = tokens(text)
    content = frozenset(w for w in words if w not in _STOP)
    pairs = frozenset(pairwise(words))
    return Shingles(content, pairs, len(content), script_of(words))


def script_of(words: list[str]) -> str:
    """``"cyrl"`` when most of the words are Cyrillic (a Russian report), else ``"latn"``."""
    cyrillic = sum(1 for w in words if _CYRILLIC_RE.match(w))
    return "cyrl" if words and cyrillic * 2 > len(words) else "latn"


def same_language(a: Shingles, b: Shingles) -> bool:
    """Whether two reports are in one language (script), so that their words can be compared.

    A Russian report and its English version say the same in other words: containment of
    words says nothing about them, and a word diff between them would be all changes. They
    are never linked as one statement here; :func:`same_occasion` marks them as reports of
    one occasion instead.
    """
    return a.script == b.script


def same_occasion(a: str, b: str, day_a: str | None, day_b: str | None) -> bool:
    """Whether reports in two languages of one speaker's statements are of the same occasion:
    different scripts, and the same day (a statement's own date, else its article's)."""
    if not day_a or not day_b or shingles(a).script == shingles(b).script:
        return False
    return day_number(day_a[:10]) == day_number(day_b[:10])


def similarity(a: Shingles, b: Shingles) -> float:
    """How much of the shorter version the longer one contains, 0..1.

    The mean of content-word containment and word-pair containment: words survive
    translation and reordering, pairs make sure the same things are said in the same way.
    Very short statements ("No.") count only when one wholly contains the other.
    """
    if not a.words or not b.words:
        return 0.0
    small, large = (a, b) if a.length <= b.length else (b, a)
    word_share = len(small.words & large.words) / len(small.words)
    pair_share = len(small.pairs & large.pairs) / len(small.pairs) if small.pairs else word_share
    score = (word_share + pair_share) / 2
    if small.length < SHORT and word_share < 1.0:
        return 0.0
    return score


class LinkPool:
    """Statements already grouped (one speaker's, within a time range), searchable fast.

    An inverted index from content words to statements means a new statement is only
    compared with those sharing enough words to reach :data:`THRESHOLD` (the word share
    must be at least ``2 * THRESHOLD - 1`` for the mean with the pair share to get there),
    so linking stays near-linear for speakers with thousands of statements.
    """

    def __init__(self) -> None:
        self._items: list[tuple[Shingles, str | None]] = []
        self._groups: list[int] = []
        self._index: dict[str, list[int]] = {}
        self._parent: dict[int, int] = {}

    def group(self, group_id: int) -> int:
        """The group ``group_id`` was merged into (itself when never merged)."""
        while group_id in self._parent:
            group_id = self._parent[group_id]
        return group_id

    def add(self, sh: Shingles, day: str | None, group_id: int) -> None:
        position = len(self._items)
        self._items.append((sh, day))
        self._groups.append(group_id)
        for word in sh.words:
            self._index.setdefault(word, []).append(position)

    def matches(self, sh: Shingles, day: str | None) -> dict[int, float]:
        """Groups holding a statement the same as ``sh`` within the window: group -> best score."""
        shared: dict[int, int] = {}
        for word in sh.words:
            for position in self._index.get(word, ()):
                shared[position] = shared.get(position, 0) + 1
        need = 2 * THRESHOLD - 1
        out: dict[int, float] = {}
        for position, count in shared.items():
            other, other_day = self._items[position]
            if count < need * min(sh.length, other.length) or not within_window(day, other_day):
                continue
            if not same_language(sh, other):
                continue
            score = similarity(sh, other)
            if score >= THRESHOLD:
                group = self.group(self._groups[position])
                out[group] = max(score, out.get(group, 0.0))
        return out

    def merge(self, source: int, target: int) -> None:
        if source != target:
            self._parent[source] = target


def same_statement(a: str, b: str) -> bool:
    """Whether two texts are reports of the same statement (by :func:`similarity`)."""
    return similarity(shingles(a), shingles(b)) >= THRESHOLD


def within_window(a: str | None, b: str | None, days: int = WINDOW_DAYS) -> bool:
    """Whether two dates can be the same occasion: at most ``days`` apart.

    With a year missing on either side only month and day are compared (around New Year
    too); with no date on either side, yes (nothing says otherwise).
    """
    da, db = day_number(a), day_number(b)
    if da is None or db is None:
        return True
    if da[0] is not None and db[0] is not None:
        ya, yb = da[0], db[0]
        return abs(date(ya, 1, 1).toordinal() + da[1] - date(yb, 1, 1).toordinal() - db[1]) <= days
    gap = abs(da[1] - db[1])
    return min(gap, 365 - gap) <= days


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word diff: ``equal``, ``delete`` (only in a), ``insert`` (only in b),
    ``replace``; with the words of each side as written."""

    op: str
    a: str
    b: str

    def to_json(self) -> dict[str, str]:
        return {"op": self.op, "a": self.a, "b": self.b}


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-by-word differences of two versions of a statement.

    Words are compared normalised (case, punctuation, quotation marks), so only real wording
    changes show; the ops carry the words as each outlet wrote them.
    """
    sa, sb = _surface_words(a), _surface_words(b)
    na, nb = [_norm(w) for w in sa], [_norm(w) for w in sb]
    matcher = difflib.SequenceMatcher(a=na, b=nb, autojunk=False)
    out: list[DiffOp] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append(DiffOp(op, " ".join(sa[i1:i2]), " ".join(sb[j1:j2])))
    return out


def _surface_words(text: str) -> list[str]:
    """Words as written; a lone punctuation mark ("-") rides with the word before it, so
    that punctuation alone never shows as a change."""
    out: list[str] = []
    for w in _SURFACE_RE.findall(text):
        if out and not tokens(w):
            out[-1] += " " + w
        else:
            out.append(w)
    return out


def _norm(word: str) -> str:
    return "".join(tokens(word)) or word


def render_diff(ops: list[DiffOp], context: int = 4) -> str:
    """A diff as one line, wdiff style: ``… no significant progress [-ensured-] {+achieved+} …``.

    Equal stretches longer than ``2 * context`` words are shortened to their ends.
    """
    parts: list[str] = []
    for i, d in enumerate(ops):
        if d.op == "equal":
            words = d.a.split()
            head = words[:context] if i > 0 else []
            tail = words[-context:] if i < len(ops) - 1 else []
            if len(words) > len(head) + len(tail):
                parts.extend([*head, "…", *tail] if head or tail else ["…"])
            else:
                parts.extend(words)
            continue
        if d.a:
            parts.append(f"[-{d.a}-]")
        if d.b:
            parts.append(f"{{+{d.b}+}}")
    return " ".join(parts)


def changed_words(ops: list[DiffOp]) -> list[tuple[str, str]]:
    """The (a, b) word pairs that differ, ignoring pure trims at either end of the quote."""
    inner = list(ops)
    while inner and inner[0].op in ("delete", "insert"):
        inner.pop(0)
    while inner and inner[-1].op in ("delete", "insert"):
        inner.pop()
    return [(d.a, d.b) for d in inner if d.op != "equal"]
