"""The speaker registry's rules: which speaker names across articles are one person or body.

Extraction resolves each speaker within its article to the fullest name the article gives
("Dmitry Peskov", "the office of the Turkish leader"). Across articles the registry joins
those names into entities. This module holds the decisions, with no storage: it reads a name
into a :class:`NameInfo` (kind and keys) and decides where a new name belongs given what the
registry already holds (:func:`decide`). ``onrecord.resolve.updates`` applies the decisions
to the store; user corrections (merge, split, rename) are stored as rules there and win over
everything decided here.

The rules, chosen so that two different people are never merged automatically:

- Full person names join on first name + surname (+ suffix): "Hillary Rodham Clinton" and
  "Hillary Clinton" are one key, "Bill Clinton" another, "Donald Trump Jr." a third.
  Nicknames ("Bill"/"William") are not guessed: a user ``merge`` joins them.
- Names are keyed by spelling (:mod:`onrecord.resolve.translit`), so one person is one
  entity across languages and transliterations: "Дмитрий Песков" = "Dmitry Peskov",
  "Zelensky" = "Zelenskyy" = "Zelenskiy"; the entity keeps every spelling as an alias.
- A surname alone ("Peskov", "Mr. Obama") joins the full-name entity with that surname only
  while exactly one exists; with two or more ("Clinton") it is an entity of its own, and it
  is re-checked whenever a full name with that surname arrives (see
  :func:`surname_target`), so the result does not depend on ingest order.
- Organisations join on their name without articles, case and punctuation ("the Kremlin" =
  "Kremlin").
- A description ("Kremlin spokesman") joins the one person whose statements carry exactly
  that role, if there is exactly one; otherwise, like generic speakers ("sources",
  "officials", "police"), it stays an entity local to its article, because "sources" in two
  articles are rarely the same people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from onrecord.model import SpeakerType
from onrecord.resolve.textspan import wordset
from onrecord.resolve.translit import fold as spelling

NameKind = Literal["full", "surname", "org", "description", "generic"]

#: Titles and honorifics dropped before a name is compared ("President Obama" = "Obama").
TITLES = wordset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr president vice prime minister "
    "secretary senator sen rep representative gov governor mayor judge justice gen general "
    "col colonel maj major capt captain lt sgt adm admiral chancellor premier king queen "
    "prince princess pope sheikh ambassador commissioner chairman chairwoman chief deputy "
    "spokesman spokeswoman spokesperson foreign defence defense interior finance state "
    "former acting the russian ukrainian turkish american u.s. us presidential press aide "
    "leader first lady speaker attorney of democrat democratic republican rival candidate "
    "nominee gop dem independent libertarian activist host anchor author professor economist "
    "analyst strategist pollster manager adviser advisor director officer ceo founder chair "
    "executive businessman billionaire congressman congresswoman retired widow"
)
#: Lower-case words that belong inside person names.
PARTICLES = wordset("von van der den de da del della di du la le bin ibn al el ben st")
SUFFIXES = wordset("jr sr ii iii iv")
ORG_WORDS = wordset(
    "office ministry kremlin government administration party agency committee council "
    "department company corporation campaign court parliament senate congress house army "
    "police service bank union commission embassy foundation institute university group "
    "inc corp ltd news times post press network federation organization organisation "
    "delegation cabinet board authority authorities tass interfax reuters"
)
PRONOUNS = wordset(
    "i me my we us our he him his she her they them their it its you your who which that "
    "this these those one someone somebody"
)
_TOKEN_RE = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True, slots=True)
class NameInfo:
    """A speaker name read for the registry.

    ``key`` decides identity within a kind: names with equal keys are the same entity.
    ``surname`` is set for full and surname-only person names. ``local`` names (descriptions
    and generic speakers) are only joined within one article.
    """

    raw: str
    display: str
    kind: NameKind
    key: str
    type: SpeakerType
    surname: str | None = None

    @property
    def local(self) -> bool:
        return self.kind in ("description", "generic")


def _words(name: str) -> list[str]:
    name = re.sub(r"[’']s\b", "", name)  # possessive: "Trump's campaign" -> "Trump campaign"
    return _TOKEN_RE.findall(name)


def _fold(word: str) -> str:
    return word.lower().strip(".’'-")


def _proper(word: str) -> str:
    """Title-case an all-capitals transcript name ("WALLACE" -> "Wallace")."""
    return word.capitalize() if word.isalpha() and word.isupper() and len(word) > 2 else word


_PREPOSITIONS = wordset("for of to with at in under by from about on against")
_COORDINATION_RE = re.compile(r"[A-Z]\S*\s+(?:and|&)\s+(?:[a-z]+\s+)*[A-Z]")


def _clean(name: str) -> str:
    """One speaker's name out of a mention: parenthesised parts ("(R-Wis.)") dropped, and of
    comma-separated parts the first that ends in a name not governed by a preposition
    ("Phil Smith, a spokesman for the union" -> "Phil Smith"; "An attorney for Pagliano,
    Mark MacDougall" -> "Mark MacDougall")."""
    name = re.sub(r"\([^)]*\)", " ", name)
    parts = [" ".join(p.split()) for p in name.split(",")]
    parts = [p for p in parts if p]
    for part in parts:
        words = _words(part)
        run = _run_start(words)
        if run < len(words) and (run == 0 or _fold(words[run - 1]) not in _PREPOSITIONS):
            return part
    return parts[0] if parts else ""


def _run_start(words: list[str]) -> int:
    """Where the trailing run of capitalised words (particles allowed inside) begins."""
    start = len(words)
    while start > 0 and (words[start - 1][:1].isupper() or _fold(words[start - 1]) in PARTICLES):
        start -= 1
    while start < len(words) and _fold(words[start]) in PARTICLES and start + 1 < len(words):
        if words[start + 1][:1].isupper() and start > 0:
            break
        start += 1
    return start


def _generic(raw: str, folded: list[str], stype: SpeakerType, any_capital: bool) -> NameInfo:
    kind: NameKind = "description" if any_capital else "generic"
    key = " ".join(f for f in folded if f not in ("the", "a", "an"))
    return NameInfo(raw, raw, kind, ("d:" if kind == "description" else "g:") + key, stype)


def analyse_name(name: str | None, type_: str | None = None) -> NameInfo | None:
    """Read a speaker name; None for nothing usable (empty, a bare pronoun)."""
    if not name or not name.strip():
        return None
    raw = " ".join(name.split()).strip(" ,;:")
    stype: SpeakerType = type_ if type_ in ("person", "organisation") else "unknown"  # type: ignore[assignment]
    if stype != "organisation" and _COORDINATION_RE.search(raw):
        # "Hillary Clinton and Donald Trump": several speakers, kept to their article
        return NameInfo(raw, raw, "generic", "g:" + raw.casefold(), stype)
    words = _words(_clean(raw) if stype != "organisation" else raw)
    if not words:
        return None
    folded = [_fold(w) for w in words]
    if len(words) == 1 and folded[0] in PRONOUNS:
        return None
    head = folded[folded.index("of") - 1] if "of" in folded[1:] else folded[-1]
    if stype == "unknown" and head in TITLES and words[-1].islower():
        return _generic(raw, folded, stype, True)
    # "the Kremlin", "the Palace": people's names do not take "the"
    the_name = folded[0] == "the" and len(words) > 1 and all(w[:1].isupper() for w in words[1:])
    if stype == "organisation" or (stype != "person" and (head in ORG_WORDS or the_name)):
        kept = [w for w, f in zip(words, folded, strict=True) if f not in ("the", "a", "an")]
        if not any(w[:1].isupper() for w in kept) and not raw[:1].isupper():
            return NameInfo(raw, raw, "generic", "g:" + " ".join(_fold(w) for w in kept), stype)
        display = re.sub(r"(?i)^(?:the|a|an)\s+", "", " ".join(words)) or raw
        return NameInfo(
            raw, display, "org", "o:" + " ".join(_fold(w) for w in kept), "organisation"
        )
    # The name is the trailing run of capitalised words after the last title in it:
    # "Retired U.S. Air Force Gen. Norman Ham" -> "Norman Ham".
    start = _run_start(words)
    if 0 < start < len(words) and folded[start - 1] in _PREPOSITIONS:
        # "a spokeswoman for Hillary Clinton" speaks for her, and is not her
        return _generic(raw, folded, stype, True)
    titles = [i for i in range(start, len(words) - 1) if folded[i] in TITLES]
    if titles:
        start = titles[-1] + 1
    while start < len(words) - 1 and folded[start] in TITLES:
        start += 1
    core, core_f = words[start:], folded[start:]
    if (
        not core
        or not any(w[:1].isupper() for w in core)
        or (len(core) == 1 and core_f[0] in TITLES)
    ):
        return _generic(raw, folded, stype, any(w[:1].isupper() for w in words))
    suffix = core_f[-1] if len(core) > 2 and core_f[-1] in SUFFIXES else None
    names = [w for w, f in zip(core, core_f, strict=True) if f not in SUFFIXES or w is core[0]]
    names_f = [spelling(_fold(w)) for w in names]
    display = " ".join(_proper(w) for w in core)
    surname = names_f[-1]
    if len(names) == 1 or names_f[0] in PARTICLES:  # "Peskov", "von der Leyen"
        return NameInfo(raw, display, "surname", "s:" + surname, stype, surname)
    ptype: SpeakerType = "person" if stype == "unknown" else stype
    key = "p:" + names_f[0] + " " + surname + (" " + suffix if suffix else "")
    return NameInfo(raw, display, "full", key, ptype, surname)


@dataclass(frozen=True, slots=True)
class Decision:
    """Where a new name goes: an existing entity, or a new one with this key and name."""

    person_id: str | None  # None: create a new entity
    how: str  # "key" | "surname" | "role" | "new"


def decide(
    info: NameInfo,
    *,
    by_key: str | None,
    full_with_surname: list[str],
    role_holders: list[str],
) -> Decision:
    """The registry's decision for a name it has not seen (pure: the caller looks things up).

    ``by_key``: the entity already holding this name's key (in this name's scope);
    ``full_with_surname``: entities holding a full name with this surname;
    ``role_holders``: persons whose statements carry this description as their role.
    """
    if by_key is not None:
        return Decision(by_key, "key")
    if info.kind == "surname":
        target = surname_target(full_with_surname)
        return Decision(target, "surname") if target else Decision(None, "new")
    if info.kind == "description" and len(set(role_holders)) == 1:
        return Decision(role_holders[0], "role")
    return Decision(None, "new")


def surname_target(full_with_surname: list[str]) -> str | None:
    """The entity a bare surname belongs to: the one full-name entity with it, else None."""
    distinct = sorted(set(full_with_surname))
    return distinct[0] if len(distinct) == 1 else None


def person_id_for(key: str, scope: str = "") -> str:
    """A stable id for an entity created from ``key``: rebuilding the registry from the same
    articles gives the same ids, so links and bookmarks survive a rebuild."""
    import hashlib

    digest = hashlib.sha1(f"{scope}|{key}".encode()).hexdigest()[:12]
    return f"P{digest}"
