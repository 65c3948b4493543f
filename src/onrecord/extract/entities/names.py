"""What is a name: the name inside a recognised entity span, titles and particles, short forms.

The small model's entity spans take in titles ("Spokeswoman Jo Ray"), determiners,
possessives and neighbouring words; :func:`clean_name` cuts a span to the name.
The other helpers compare names: :func:`fold` (how names are compared), title words,
organisation short forms ("Security Council" of "United Nations Security Council") and
acronyms ("FEC").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.extract.lexicon.descriptions import HUMAN_HEADS
from onrecord.extract.lexicon.people import (
    FIRST_NAME_GENDER,
    GENDER_HONORIFICS,
    NAME_PARTICLES,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def fold(text: str) -> str:
    """A name as names are compared: lower case, one apostrophe ("O’Neill" = "O'Neill")."""
    return text.lower().replace("’", "'")


#: Words trimmed from either end of a name or a role ("the", a possessive "'s").
NAME_STRIP = frozenset({"the", "a", "an", "'s", "’s", "'", "’"})
#: What a name never starts with: a digit, a lower-case letter, punctuation alone.
_NON_NAME_RE = re.compile(r"\d|^[^A-Z]|^\W+$")


def clean_name(ent: SpacySpan) -> tuple[int, int, str] | None:
    """The name inside an entity span, without "the", possessives, honorifics or junk.

    A party or nationality word the recogniser left out of an organisation ("Republican" of
    "Republican National Committee") is taken in, and so is a person's given name
    ("Matdos" of "Matdos Santos"):
    capitalised proper nouns right before a one-word span that modify it and are no title
    (a longer span already holds the given name: "Star Jo Ray" is a title, not a name).
    """
    toks = list(ent)
    while ent.label_ == "ORG" and toks[0].i > 0:
        before = ent.doc[toks[0].i - 1]  # "Republican" + "National Committee"
        if not (
            before.ent_type_ == "NORP"
            and before.is_title
            and before.dep_ in ("compound", "amod")
            and before.head.i in range(ent.start, ent.end)
        ):
            break
        toks.insert(0, before)
    while ent.label_ == "PERSON" and toks[0].i > 0:
        before = ent.doc[toks[0].i - 1]
        if len(toks) > 1 and before.lower_ not in FIRST_NAME_GENDER:
            break  # (a known given name extends a two-word name: "Debbie" + "Wasserman Schultz")
        if not (
            before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and before.head.i in range(ent.start, ent.end)
            and before.is_title
            and not before.ent_type_
            and before.lower_.rstrip(".") not in TITLE_WORDS | HUMAN_HEADS
        ):
            break
        toks.insert(0, before)
    while toks and (
        toks[0].lower_ in NAME_STRIP
        or toks[0].lower_ in GENDER_HONORIFICS
        or (ent.label_ == "PERSON" and toks[0].is_stop and toks[0].pos_ != "PROPN")
    ):  # (the last: "Without Bloomberg, the race ..." tagged as a person)
        toks = toks[1:]
    while toks and (toks[-1].lower_ in NAME_STRIP or toks[-1].is_punct or _loose_lower(toks)):
        toks = toks[:-1]
    if ent.label_ == "PERSON":  # "Spokeswoman Jo Ray": the recogniser took the title in
        titled = [n for n, t in enumerate(toks[:-2]) if _is_title_word(t)]
        if titled:  # "Party Chair Ana Lind": everything up to the last title word
            toks = toks[titled[-1] + 1 :]
        # "Jo Ray - Santilli", "Ray v. Ray": a dash or a lower-case word inside (other than
        # a particle: "von", "de") joins two things, of which the first is the name
        cut = next(
            (
                n
                for n, t in enumerate(toks[1:], 1)
                if toks[n - 1].whitespace_
                and (
                    (t.text in "-–—" and t.whitespace_)
                    or (t.is_lower and t.lower_.rstrip(".") not in NAME_PARTICLES)
                )
            ),
            None,
        )
        if cut is not None:
            toks = toks[:cut]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
    if not toks:
        return None
    text = ent.doc[toks[0].i : toks[-1].i + 1].text
    if _NON_NAME_RE.search(text[0]) or any(c.isdigit() for c in text) or "\n" in text:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text), text


def name_word(text: str) -> bool:
    """Letters, with the apostrophes and hyphens names have ("O'Hanlon", "Smith-Jones")."""
    return text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _is_title_word(token: Token) -> bool:
    """A title before a name: "Chair", "Senator", "Assemblywoman", "Councilman"."""
    low = token.lower_.rstrip(".")
    return is_title(low) or low in HUMAN_HEADS or bool(_TITLE_MAN.search(low))


def is_title(word: str) -> bool:
    """A title word, also inside a compound title ("Secretary-Treasurer", "Vice-Chair")."""
    return any(part in TITLE_WORDS for part in word.lower().rstrip(".").split("-") if part)


#: "Assemblywoman", "Congressman", "Councilwoman", "Alderman": offices named by -man.
_TITLE_MAN = re.compile(r"^(?:assembly|congress|council|alder|chair|spokes|committee)(?:wo)?man$")


def person_inside(ent: SpacySpan) -> SpacySpan | None:
    """The person's name ending an organisation-tagged span that runs a title into it:
    a known first name after at least one other word, followed by capitalised words only."""
    toks = list(ent)
    for n in range(1, len(toks) - 1):
        if (
            toks[n].lower_ in FIRST_NAME_GENDER
            and len(toks) - n <= 3
            and all(t.is_title for t in toks[n:])
        ):
            return ent.doc[toks[n].i : ent.end]
    return None


def _loose_lower(toks: list[Token]) -> bool:
    """A lower-case last word standing apart: a name never ends in one ("Meghan cry"), but
    a hyphenated part belongs to it ("Ban Ki-moon")."""
    return len(toks) > 1 and toks[-1].is_lower and bool(toks[-2].whitespace_)


def subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def short_form(short: list[str], long: list[str]) -> bool:
    """Is one organisation name a short form of another? "Security Council" of "United
    Nations Security Council" (same last word), "Peabody" of "Peabody Energy" (its first)."""
    if len(short) > len(long):
        return False
    if set(short) <= set(long) and long[-1] == short[-1]:
        return True
    if len(short) >= 2 and long[: len(short)] == short and long[len(short)] in _OF_WORDS:
        return True  # "Brennan Center" of "Brennan Center for Justice"
    return len(short) == 1 and len(short[0]) >= 4 and long[0] == short[0]


_OF_WORDS = frozenset({"for", "of", "on", "in"})


def acronyms(name: str) -> set[str]:
    """ "FEC" of "Federal Election Commission", "DOJ" (or "DJ") of "Department of Justice"."""
    words_ = name.split()
    return {
        "".join(w[0] for w in words_ if w[:1].isupper()),
        "".join(w[0] for w in words_ if w[:1].isalpha()).upper(),
    }
