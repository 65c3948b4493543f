"""Outlets, headlines and bylines as a reader names them, from what a web page says of itself.

Pages name their publisher in several places, of mixed quality: ``og:site_name`` ("The Tico
Times | Costa Rica News | Travel | Real Estate": a name and taglines), JSON-LD
``publisher.name``, ``application-name``, the tail of ``<title>`` ("... - The Nassau
Guardian"), and trafilatura's guess, which falls back to the domain ("tribune242.com") or a
title-cased Twitter handle ("Timesofisrael"). A record is read by people, so the outlet is
the first name a person would use: taglines split off, and a name made from the domain only
when the page gives no other. Headlines lose the site suffix pages append ("| DW |
19.01.2020"), a CMS placeholder ("escenic") is no headline, and a byline that names nobody
("No Author", "Article by", "CBS News February") is dropped.

Pure functions over strings; :mod:`onrecord.ingest.html` gathers the candidates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from onrecord.ingest.meta import MONTHS


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string (long lists stay readable)."""
    return frozenset(text.split())


#: Separators between a page title's parts and between a site name and its taglines.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»)\s+|\s*\|\s*")
#: Titles content systems put on pages that have none of their own.
_PLACEHOLDER_TITLES = _words(
    "escenic untitled untitleddocument home homepage index default wordpress drupal joomla "
    "article story news page null none undefined notitle"
)
#: Bylines that name nobody.
_NO_BYLINE = _words(
    "noauthor unknown unknownauthor anonymous admin administrator none null na author by "
    "byline editor webeditor webdesk"
)
_BYLINE_LABEL = re.compile(
    r"^(?:(?:article|story|words|text|report(?:ing)?|written|posted|published|photos?)\s+)?"
    r"by\b[:\s]*",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}|am|pm|a\.m\.|p\.m\.|utc|gmt|et|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")[.,]?$",
    re.IGNORECASE,
)
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: A date as a title part: "19.01.2020", "2020-01-19", "January 19, 2020", "19 Jan 2020".
_DATE_PART = re.compile(
    r"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    rf"|(?:[A-Za-z]+,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:[A-Za-z]+,?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}})$",
    re.IGNORECASE,
)
#: Small words a site's name may hold in lower case ("Times of Israel").
_NAME_PARTICLES = frozenset(("of", "the", "and", "for", "de", "del", "la", "le", "el", "&"))
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
#: Second-level labels under which the outlet's own label sits (guardian.co.tt).
_SECOND_LEVEL = frozenset(("co", "com", "net", "org", "gov", "ac", "edu", "news"))


def squash(text: str) -> str:
    """Letters and digits only, lower-cased: "The Times of Israel" -> "thetimesofisrael"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def host_label(host: str | None) -> str | None:
    """The label a site's name is made of: "www.timesofisrael.com" -> "timesofisrael",
    "guardian.co.tt" -> "guardian"."""
    if not host:
        return None
    labels = [x for x in host.casefold().removeprefix("www.").split(".") if x]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return squash(labels[-1]) if labels else None


def is_domain_name(name: str, host: str | None, *, strict: bool = False) -> bool:
    """Whether ``name`` was made from the page's address rather than chosen by a person:
    a domain ("tribune242.com"), or (unless ``strict``) the domain's label as one word
    ("Timesofisrael" on timesofisrael.com, a title-cased Twitter handle). ``strict`` is for
    names a page declares (``og:site_name``): "Axios" on axios.com is a name someone chose;
    there only a domain, or a lower-case label ("axios"), is not."""
    name = name.strip().lstrip("@")
    if _DOMAIN.match(name):
        return True
    label = host_label(host)
    if not label or " " in name or squash(name) not in (label, squash(host or "")):
        return False
    return not strict or name == name.casefold()


def _name_like(part: str) -> bool:
    """Whether a title part is written like a name: a few words, each capitalised but for
    small words ("The Times of Israel", "DW"), not a phrase of a headline."""
    words = part.split()
    return 0 < len(words) <= 6 and all(
        w[:1].isupper() or w[:1].isdigit() or w.casefold() in _NAME_PARTICLES for w in words
    )


def _matches_site(part: str, names: Iterable[str], host: str | None) -> bool:
    """Whether a title part names the site: the outlet (any spelling), its domain, or a
    name made of its domain's label (``DW`` on dw.com, "The Nassau Guardian" on
    thenassauguardian.com, "Trinidad Guardian" on guardian.co.tt, "Deutsche Welle" on
    dw.com by its initials)."""
    p = squash(part)
    if not p:
        return False
    if any(p == squash(n) for n in names if n):
        return True
    if _DOMAIN.match(part.strip()):
        return True
    label = host_label(host)
    if not label or not _name_like(part):
        return False
    # "Havik Daily" on hd.example: the name's initials are the address
    initials = "".join(w[0] for w in part.casefold().split() if w not in ("the", "&"))
    return (
        p == label
        or (len(label) >= 2 and initials == label)
        or (len(label) >= 5 and (label in p or p in label) and len(p) >= 5)
    )


def split_tagline(name: str | None) -> str | None:
    """A site name without the taglines after it: "The Tico Times | Costa Rica News |
    Travel" -> "The Tico Times"."""
    if not name:
        return None
    first = _SEPARATORS.split(" ".join(name.split()))[0].strip()
    return first or None


def _jsonld_objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value[:200]:
            yield from _jsonld_objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "isPartOf"):
            if key in value:
                yield from _jsonld_objects(value[key], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {x.casefold() for x in items if isinstance(x, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def jsonld_facts(scripts: Iterable[str]) -> dict[str, list[str]]:
    """``publisher`` and ``headline`` candidates from a page's JSON-LD blocks: the
    publisher of an article, an organisation or web site's own name; unreadable blocks
    are skipped (pages often carry broken JSON-LD)."""
    publishers: list[str] = []
    sites: list[str] = []
    headlines: list[str] = []
    for script in scripts:
        if len(script) > 1_000_000:
            continue
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for obj in _jsonld_objects(data):
            types = _types(obj)
            if (pub := _text(obj.get("publisher"))) is not None:
                publishers.append(pub)
            site_types = {"newsmediaorganization", "organization", "organisation", "website"}
            if types & site_types and (name := _text(obj.get("name"))) is not None:
                sites.append(name)
            if (head := _text(obj.get("headline"))) is not None and "article" in " ".join(types):
                headlines.append(head)
    return {"publisher": publishers + sites, "headline": headlines}


def outlet_name(
    *,
    declared: Iterable[str | None],
    titles: Iterable[str | None],
    guessed: Iterable[str | None],
    host: str | None,
) -> str | None:
    """The outlet as readers name it.

    ``declared``: the page's own names for its publisher, best first (``og:site_name``,
    JSON-LD publisher, ``application-name``); ``titles``: page titles, whose last part
    often names the site; ``guessed``: names found otherwise, best first (trafilatura's
    site name, which may be a domain or a Twitter handle; a dateline's outlet; the host).
    A name a person chose wins, in that order (declared, a title's, guessed); one made
    from the domain is kept only when the page gives nothing better.
    """
    declared_ = [n for n in (split_tagline(m) for m in declared) if n]
    guessed_ = [n for n in (split_tagline(m) for m in guessed) if n]
    for name in declared_:
        if not is_domain_name(name, host, strict=True):
            return name
    for title in titles:
        tail = _title_site(title, declared_ + guessed_, host)
        if tail and not is_domain_name(tail, host, strict=True):
            return tail
    for name in guessed_:
        if not is_domain_name(name, host):
            return name
    found = declared_ + guessed_
    return found[0].lstrip("@") if found else None


def _title_site(title: str | None, names: list[str], host: str | None) -> str | None:
    """The part of a page title that names the site ("... - The Nassau Guardian"), if any."""
    if not title:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    for part in reversed(parts[1:]):
        if _DATE_PART.match(part):
            continue
        return part if _matches_site(part, names, host) and not _DOMAIN.match(part) else None
    return None


def is_placeholder_title(
    title: str | None, names: Iterable[str | None] = (), host: str | None = None
) -> bool:
    """Whether a title names no story: empty, a content system's placeholder ("escenic"),
    or only the site's name and dates."""
    if not title or not squash(title):
        return True
    if squash(title) in _PLACEHOLDER_TITLES:
        return True
    site = [n for n in names if n]
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    return all(_matches_site(p, site, host) or _DATE_PART.match(p) for p in parts)


def clean_title(title: str | None, names: Iterable[str | None], host: str | None) -> str | None:
    """The headline without the site suffix pages append ("Talks resume | DW | 19.01.2020"
    -> "Talks resume"; "... - The Nassau Guardian"). Only parts that name the site or a date
    are dropped, so a headline attribution ("... — Kovalska") stays."""
    if not title:
        return None
    title = " ".join(title.split())
    site = [n for n in names if n]
    while True:
        seps = list(_SEPARATORS.finditer(title))
        if not seps:
            return title
        m = seps[-1]
        tail = title[m.end() :].strip()
        head = title[: m.start()].strip()
        if not head or not (_DATE_PART.match(tail) or _matches_site(tail, site, host)):
            return title
        title = head


def clean_byline(byline: str | None, names: Iterable[str | None] = ()) -> str | None:
    """A byline that names people, or None: labels ("Article by") and trailing dates
    ("CBS News February") go, and what is left must not be a non-name ("No Author") or the
    outlet itself. Several authors (``; `` between them) are cleaned one by one."""
    if not byline:
        return None
    site = {squash(n) for n in names if n}
    kept: list[str] = []
    for part in re.split(r"\s*;\s*", byline):
        part = _BYLINE_LABEL.sub("", " ".join(part.split())).strip(" ,|-")
        part = _without_date(part, site)
        folded = squash(part)
        if not folded or folded in _NO_BYLINE or folded in site or folded.isdigit():
            continue
        if part not in kept:
            kept.append(part)
    return "; ".join(kept) or None


def _without_date(byline: str, site: set[str]) -> str:
    """A byline without the date a page ran into it ("Jane Doe February 3, 2023", "CBS News
    February"). A month alone at the end goes only when what is left is the outlet, so
    "Theresa May" keeps her name."""
    words = byline.split()
    cut = len(words)
    while cut and (_DATE_WORD.match(words[cut - 1]) or words[cut - 1].casefold() in _GLUE):
        cut -= 1
    if cut == len(words):
        return byline
    left = " ".join(words[:cut]).strip(" ,|-")
    dropped = words[cut:]
    if any(ch.isdigit() for w in dropped for ch in w) or squash(left) in site:
        return left
    return byline


_GLUE = frozenset(("on", "at", "|", "-", "updated", "published", "posted"))
