"""Russian words in full-text search: any case form of a word finds the others.

The index keeps Russian words as written (the porter stemmer of migration 0007 reads only
English), and a Russian noun has a dozen forms: "Песков", "Пескова", "Пескову", "Песковым".
So a Russian search word is widened at query time (:func:`onrecord.store.fts.fts_query`) to
its stem as a prefix: the word without its inflectional ending ("пескова" -> "песков*",
"переговорах" -> "переговор*"). A light suffix stripper rather than a dictionary, because it
runs per query and must not load pymorphy; the stem keeps at least four letters so that a
short word does not turn into a prefix of unrelated ones.
"""

from __future__ import annotations

import re

_CYRILLIC_WORD = re.compile(r"[а-яё-]+")
#: Inflectional endings of nouns, adjectives, participles and verbs, longest first.
_ENDING_WORDS = """
    иями ями ами иях ях ах ием ием ией ьей ией ого его ому ему ыми ими ыми ая яя ое ее ые ие
    ых их ую юю ой ей ий ый ом ем ам ям ов ев ью ья ье ия ие ии ию ла ли ло ть ет ит ут ют
    ят ешь ишь ете ите ем им ся сь а я у ю е о ы и ь й
"""
_ENDINGS = sorted(_ENDING_WORDS.split(), key=len, reverse=True)
_MIN_STEM = 4


def russian_stem(word: str) -> str | None:
    """The stem a Russian word's forms share, or None (not Russian, or nothing to strip)."""
    w = word.lower().replace("ё", "е")
    if not _CYRILLIC_WORD.fullmatch(w):
        return None
    if w.endswith(("ся", "сь")) and len(w) - 2 >= _MIN_STEM:
        w = w[:-2]
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= _MIN_STEM:
            return w[: -len(ending)]
    return w if w != word.lower() else None
