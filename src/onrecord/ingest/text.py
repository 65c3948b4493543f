"""Plain-text wire copy: headline lines, timestamp, byline and the dateline.

Wire stories carry their metadata in the first lines rather than in markup:

    21 Mar 2022 12:47                                   <- timestamp (Interfax)
    Headline - Speaker                                  <- headline
    A subheadline line                                  <- subheadline (TASS)
    By Jane Doe                                         <- byline
    MOSCOW. March 21 (Interfax) - Body text ...         <- dateline, body starts here

Other agencies: ``MOSCOW, March 28. /TASS/.``, ``WASHINGTON (Reuters) -``,
``KYIV, Ukraine (AP) —``. The article text is the file's text exactly (only BOM and CRLF
normalised) so offsets stay valid against the original; what we learn is recorded as
offsets and fields. :func:`find_dateline` is shared with the HTML and feed readers, whose
bodies often start with the agency's dateline too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.ingest.encoding import decode
from onrecord.ingest.meta import (
    MONTH_RE,
    RU_MONTH_RE,
    ZONES,
    Hints,
    finish,
    iso_date,
    month_day,
)
from onrecord.model import Article

#: How many non-empty lines at the top may hold headline, timestamp and byline.
HEADER_LINES = 8
#: A line longer than this is body text, not a headline, when there is no dateline.
HEADLINE_MAX = 200

_MONTH = rf"(?i:{MONTH_RE})"
_DATELINE = re.compile(
    rf"""
    (?P<place>[^\W\d_][\w'’.\-]*(?:[ /][^\W\d_][\w'’.\-]*){{0,3}}?)    # MOSCOW, NEW YORK, KYIV/LVIV
    (?:,\s(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))??                 # , Calif.
    (?:[,.]?\s(?P<month>{_MONTH})\.?\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?  # , March 28
    (?:
        \.?\s/(?P<slash>[^/\n]{{1,30}})/\.?                            # . /TASS/.
      | \s\((?P<paren>[^()\n]{{1,40}})\)\s?[-–—]{{1,2}}                # (Interfax) -
      | \s[-–—]{{1,2}}(?=\s)                                           # plain dash
    )
    [ \t]*
    """,
    re.VERBOSE,
)
#: Russian agencies: ``ТИРЕННА, 14 апреля. /ТПА/.``, ``ТИРЕННА. 14 апреля (Нордфакс) -``,
#: ``МОСКВА, 28 мар - РИА Новости.``, ``Москва. 21 марта. INTERFAX.RU -``: day before month,
#: and the place may be written in capitals or not (the date makes it a dateline).
_RU_DATELINE = re.compile(
    rf"""
    (?P<place>[А-ЯЁ][А-ЯЁа-яё\-]*(?:[ -][А-ЯЁ][А-ЯЁа-яё\-]*){{0,2}})
    [,.]\s(?P<day>\d{{1,2}})\s(?P<month>(?i:{RU_MONTH_RE}))\.?(?:\s(?P<year>\d{{4}})(?:\s?г\.|\sгода)?)?
    (?:
        \.?\s/(?P<slash>[^/\n]{{1,30}})/\.?                             # . /ТАСС/.
      | \s\((?P<paren>[^()\n]{{1,40}})\)\s?[-–—]{{1,2}}                 # (Интерфакс) -
      | \.\s(?P<caps>[A-ZА-ЯЁ][\w.]{{1,30}})\s[-–—]{{1,2}}                # . INTERFAX.RU -
      | \s[-–—]{{1,2}}\s(?P<tail>[^\n.,]{{1,30}})\.                      # - РИА Новости.
    )
    [ \t]*
    """,
    re.VERBOSE,
)
_RU_STAMP = re.compile(
    rf"\s*(?P<d>\d{{1,2}})\s(?P<m>(?i:{RU_MONTH_RE}))\.?,?\s(?P<y>\d{{4}})(?:\s?г\.)?"
    r"(?:,?\s(?:в\s)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s?(?P<zone>[A-ZА-Я]{2,4}))?)?\s*"
)
_RU_ZONES = {"МСК": "+03:00"}
_STAMP = re.compile(
    rf"""\s*(?:
        (?P<d1>\d{{1,2}})\s(?P<m1>{_MONTH})\.?,?\s(?P<y1>\d{{4}})     # 21 Mar 2022
      | (?P<m2>{_MONTH})\.?\s(?P<d2>\d{{1,2}}),?\s(?P<y2>\d{{4}})     # March 21, 2022
    )
    (?:,?\s(?:at\s)?(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})
       \s?(?P<ampm>[AaPp]\.?[Mm]\.?)?
       (?:\s?(?P<zone>[A-Z]{{1,4}}|[+-]\d{{2}}:?\d{{2}}))?)?
    \s*""",
    re.VERBOSE,
)
_BYLINE = re.compile(
    r"\s*(?:By|BY)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von)){0,6})"
    r"\s*(?:[,|/].*)?"
)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
#: How a body sentence ends (a headline ends without a full stop, or with a question mark).
_SENTENCE_END = re.compile(r"[.!][\"”’']?$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at ``start``: the body text proper begins at ``end``."""

    start: int
    end: int
    place: str
    outlet: str | None
    published: str | None  # ``--03-28`` (or with year) from the dateline's date


@dataclass(frozen=True, slots=True)
class Wire:
    """What the top of a wire story says about it; offsets index the story's text."""

    body_start: int = 0
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    published: str | None = None


def match_dateline(line: str, offset: int = 0) -> Dateline | None:
    """The dateline at the start of ``line`` (an upper-case place, then date and agency)."""
    m = _DATELINE.match(line)
    if m is None or not m.group("place").isupper():
        return _match_ru_dateline(line, offset)
    bare = not (m.group("slash") or m.group("paren") or m.group("month"))
    if bare and len(line) - m.end() < 20:
        return None  # a bare "PLACE -" needs the line to go on: else it is a caps headline
    outlet = (m.group("slash") or m.group("paren") or "").strip() or None
    published = (
        month_day(m.group("month"), m.group("day"), m.group("year")) if m.group("month") else None
    )
    return Dateline(offset, offset + m.end(), m.group("place").rstrip("."), outlet, published)


def _match_ru_dateline(line: str, offset: int) -> Dateline | None:
    """A Russian dateline (see ``_RU_DATELINE``); only tried where the English one fails,
    and only on a line with a Russian month, so English copy is read as before."""
    if line[:1].isascii():
        return None
    m = _RU_DATELINE.match(line)
    if m is None:
        return None
    outlet = next(m.group(g).strip() for g in ("slash", "paren", "caps", "tail") if m.group(g))
    published = month_day(m.group("month"), m.group("day"), m.group("year"))
    return Dateline(offset, offset + m.end(), m.group("place"), outlet or None, published)


def find_dateline(text: str, start: int = 0, lines: int = HEADER_LINES) -> Dateline | None:
    """The first dateline among the first ``lines`` non-empty lines from ``start``."""
    for n, m in enumerate(_LINE.finditer(text, start)):
        if n >= lines:
            break
        found = match_dateline(m.group(), m.start())
        if found:
            return found
    return None


def parse_stamp(line: str) -> str | None:
    """A timestamp line (``21 Mar 2022 12:47``, ``March 21, 2022``, ISO) as ISO, else None."""
    m = _STAMP.fullmatch(line)
    if m is None:
        ru = _RU_STAMP.fullmatch(line)
        if ru is not None:
            return _ru_stamp(ru)
        return iso_date(line.strip()) if line.strip()[:4].isdigit() else None
    month, day, year = (
        (m.group("m1"), m.group("d1"), m.group("y1"))
        if m.group("m1")
        else (m.group("m2"), m.group("d2"), m.group("y2"))
    )
    date = month_day(month, day, year)
    if date is None or m.group("hour") is None:
        return date
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return date
    zone = m.group("zone")
    suffix = ""
    if zone in ZONES:
        suffix = ZONES[zone]
    elif zone and zone[0] in "+-":
        suffix = f"{zone[:3]}:{zone[-2:]}"
    elif zone:
        return None  # an unknown word after the time: not a timestamp line
    return f"{date}T{hour:02d}:{minute:02d}{suffix}"


def _ru_stamp(m: re.Match[str]) -> str | None:
    """A Russian timestamp line (``14 апреля 2025 16:20``, ``14 апреля 2025 г., 16:20 МСК``)."""
    date = month_day(m.group("m"), m.group("d"), m.group("y"))
    if date is None or m.group("hour") is None:
        return date
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    if hour > 23 or minute > 59:
        return date
    zone = m.group("zone")
    if zone and zone not in _RU_ZONES and zone not in ZONES:
        return None
    suffix = _RU_ZONES.get(zone or "", ZONES.get(zone or "", ""))
    return f"{date}T{hour:02d}:{minute:02d}{suffix}"


def parse_byline(line: str) -> str | None:
    """``By Jane Doe, Staff`` -> ``Jane Doe`` (upper-case names title-cased), else None."""
    m = _BYLINE.fullmatch(line)
    if m is None:
        return None
    name = m.group("name").strip()
    return name.title() if name.isupper() else name


def parse_wire(text: str) -> Wire:
    """Find headline, subheadline, timestamp, byline and dateline at the top of ``text``."""
    stamp = byline = None
    heads: list[re.Match[str]] = []
    dateline = None
    lines = []
    for n, m in enumerate(_LINE.finditer(text)):
        if n >= HEADER_LINES:
            break
        lines.append(m)
        dateline = match_dateline(m.group(), m.start())
        if dateline:
            break
        if stamp is None and (found := parse_stamp(m.group())):
            stamp = found
        elif byline is None and (name := parse_byline(m.group())):
            byline = name
        else:
            heads.append(m)
    if dateline is None:
        heads, body_start = _undated_header(text, lines)
    else:
        body_start = dateline.start
    return Wire(
        body_start=body_start,
        headline=heads[0].group().strip() if heads else None,
        subheadline=heads[1].group().strip() if len(heads) > 1 else None,
        byline=byline,
        dateline=dateline,
        published=stamp or (dateline.published if dateline else None),
    )


def _undated_header(text: str, lines: list[re.Match[str]]) -> tuple[list[re.Match[str]], int]:
    """Without a dateline, up to two short leading lines are headline and subheadline.

    A headline rarely ends in a full stop and is short; the body is whatever follows. A
    file of one line is all body.
    """
    heads: list[re.Match[str]] = []
    body_start = 0
    for i, m in enumerate(lines):
        line = m.group().strip()
        if i + 1 >= len(lines) and not heads:
            break
        if parse_stamp(line) or parse_byline(line):
            body_start = lines[i + 1].start() if i + 1 < len(lines) else m.end()
            continue
        if (
            len(heads) < 2
            and len(line) <= HEADLINE_MAX
            and not _SENTENCE_END.search(line)
            and (i + 1 < len(lines))
        ):
            heads.append(m)
            body_start = lines[i + 1].start()
            continue
        body_start = m.start()
        break
    return heads, body_start


def read_text(data: bytes, source: str, hints: Hints, declared: str | None = None) -> Article:
    """One plain-text wire story -> Article whose text is the decoded file, exactly."""
    decoded = decode(data, source, declared)
    text = decoded.text
    wire = parse_wire(text)
    meta = encoding_meta(decoded.encoding, decoded.note)
    return finish(
        text,
        source,
        hints,
        outlet=wire.dateline.outlet if wire.dateline else None,
        published=wire.published,
        dateline=wire.dateline.place if wire.dateline else None,
        dateline_end=wire.dateline.end if wire.dateline else None,
        headline=wire.headline,
        subheadline=wire.subheadline,
        byline=wire.byline,
        body_start=wire.body_start,
        meta=meta,
    )


def encoding_meta(encoding: str, note: str | None) -> dict[str, object]:
    """Record a non-UTF-8 source encoding and any overruled declaration in ``meta``."""
    meta: dict[str, object] = {}
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        meta["encoding"] = encoding
    if note:
        meta["encoding_note"] = note
    return meta
