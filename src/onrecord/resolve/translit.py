"""One spelling key for a name in Cyrillic and in the Latin spellings the wires use.

"Дмитрий Песков" and "Dmitry Peskov" are one person, and so are "Zelensky", "Zelenskyy" and
"Zelenskiy". Cyrillic is transliterated with iuliia's WIKIPEDIA schema (the spelling English
copy most often uses: Дмитрий -> Dmitry, Зеленский -> Zelensky), then Latin spellings are
folded where the wires' transliterations differ (:func:`fold`): the ending -iy/-yy/-ii/-y
after a consonant ("Zelenskiy" = "Zelensky", "Dmitriy" = "Dmitry"), -ei/-ey ("Sergei" =
"Sergey"), "kh" = "h" (Kholst = Holst), x = ks (Alexei = Aleksei), a leading "Ye" = "E"
(Yevgeny = Evgeny), -iya = -ia (Mariya = Maria), soft signs and apostrophes dropped.

A key is only ever compared whole (first name + surname, or the surname alone while one
person has it), so folding two spellings together cannot merge two people the registry would
otherwise keep apart unless they also share the other name.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"['’ʹʼ`]", ""),
        (r"x", "ks"),
        (r"kh", "h"),
        (r"^ye", "e"),
        (r"iya\b", "ia"),
        (r"(?<=[bcdfghjklmnpqrstvwz])(?:iy|yy|ii|yi|ij|y)\b", "y"),
        (r"(?<=e)(?:i|y|j)\b", "y"),
    )
)


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=4096)
def to_latin(text: str) -> str:
    """Cyrillic in ``text`` transliterated (iuliia WIKIPEDIA); other text as it is."""
    if not has_cyrillic(text):
        return text
    import iuliia

    return str(iuliia.WIKIPEDIA.translate(text))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A name word's spelling key: transliterated, lower case, variants folded."""
    out = to_latin(word).lower().replace("ё", "e")
    for pattern, replacement in _FOLDS:
        out = pattern.sub(replacement, out)
    return out
