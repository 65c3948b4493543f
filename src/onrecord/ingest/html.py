"""HTML pages: the article text via trafilatura, metadata from the page's own tags.

trafilatura separates the story from navigation and gives title, author, site name, url
and a day-precision date. The publication time with its zone, which the record needs, is
read here from ``article:published_time``-style tags, as is the page language (``<html
lang>``). Outlet, headline and byline are taken as a reader names them (``ingest/names.py``):
the page's own publisher metadata over names made from its address, without taglines, site
suffixes, placeholder titles or bylines that name nobody. The article text is the headline
line followed by the extracted body, so a headline attribution ("... - Kovalska") has
offsets like any other statement; ``body_start`` marks where the body begins. When
trafilatura finds nothing (short or broken pages) the visible body text is used; a page
with no text at all is an InputError.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from onrecord.errors import InputError
from onrecord.ingest.encoding import decode
from onrecord.ingest.meta import Hints, finish, iso_date, language_code
from onrecord.ingest.names import (
    clean_byline,
    clean_title,
    is_domain_name,
    is_placeholder_title,
    jsonld_facts,
    outlet_name,
)
from onrecord.ingest.text import encoding_meta, find_dateline
from onrecord.model import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
#: Tags that carry a full publication time (with zone) in the wild, best first.
_TIME_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "pubdate",
    "date",
)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
#: What follows a headline when it names its speaker as wire copy does: " — Kovalska" (one
#: em or en dash part; a site's name after a title is usually set off by "|" or "-").
_ATTRIBUTED = re.compile(r"\s+[–—]\s+[^|\-–—]{1,80}")
_SKIP = frozenset(["script", "style", "noscript", "template", "head", "title", "iframe", "svg"])

# trafilatura logs every short page as an error; the reader reports problems itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def declared_charset(head: bytes) -> str | None:
    """The ``<meta charset>`` (or http-equiv content type) a page declares, if any."""
    m = _META_CHARSET.search(head[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def element_text(root: Any) -> str:
    """Visible text of an lxml element: one line per block element, spaces collapsed.

    Newlines inside a paragraph's source are layout, not text; only block elements
    (and ``<br>``) break lines.
    """
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in _SKIP:
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                parts.append("\n")
            parts.append(_SPACES.sub(" ", el.text or ""))
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el is not root:
                parts.append(_SPACES.sub(" ", el.tail or ""))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed summary); plain text passes through tidied."""
    if "<" not in markup and "&" not in markup:
        return "\n".join(" ".join(line.split()) for line in markup.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)


@dataclass(frozen=True, slots=True)
class _Parsed:
    """The page's tree (None when unparseable) and the parser's depth limit if it hit it.

    libxml2 stops descending at a fixed depth (256 levels without ``XML_PARSE_HUGE``) and
    drops what lies deeper without raising; only its error log says so. Keeping that here
    lets a page whose text was all below the limit be reported as too deeply nested rather
    than as having no article text.
    """

    tree: Any | None
    depth_limit: str | None


_DEPTH_ERROR = re.compile(r"excessive depth in document: (\d+)", re.IGNORECASE)


def _page_tree(markup: str) -> _Parsed:
    parser = lxml.html.HTMLParser()  # its own parser, for its own error log
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        tree = None
    for entry in parser.error_log:
        m = _DEPTH_ERROR.search(entry.message)
        if m:
            return _Parsed(tree, m.group(1))
    return _Parsed(tree, None)


def _page_meta(tree: Any | None) -> dict[str, str]:
    """``lang``, ``published`` (full ISO with zone) and ``title`` from the page's own tags."""
    out: dict[str, str] = {}
    if tree is None:
        return out
    lang = language_code(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    if lang:
        out["lang"] = lang
    times: dict[str, str] = {}
    for el in tree.iter("meta", "time"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = el.get("content") or el.get("datetime")
        if el.tag == "time" and (el.get("itemprop") or "").lower() == "datepublished":
            key = "datepublished"
        if key in _TIME_KEYS and value and key not in times:
            times[key] = value
    for key in _TIME_KEYS:
        value = iso_date(times.get(key))
        if value:
            out["published"] = value
            break
    title = tree.findtext(".//title")
    if title and title.strip():
        out["title"] = " ".join(title.split())
    return out


@dataclass(frozen=True, slots=True)
class _Names:
    """What the page says of its publisher and headline, best first, for ``ingest/names``:
    ``sites`` (``og:site_name``, JSON-LD publisher, ``application-name``) and ``titles``
    (``og:title``, JSON-LD headline, the first ``<h1>``)."""

    sites: list[str]
    titles: list[str]


def _page_names(tree: Any | None) -> _Names:
    if tree is None:
        return _Names([], [])
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        value = " ".join((el.get("content") or "").split())
        if key and value and key not in meta:
            meta[key] = value
    scripts = [
        el.text or ""
        for el in tree.iter("script")
        if (el.get("type") or "").strip().lower() == "application/ld+json"
    ]
    facts = jsonld_facts(scripts)
    sites = [meta.get("og:site_name"), *facts["publisher"], meta.get("application-name")]
    h1 = next((element_text(h) for h in tree.iter("h1")), None)
    titles = [meta.get("og:title"), meta.get("twitter:title"), *facts["headline"], h1]
    return _Names([x for x in sites if x], [x for x in titles if x])


def _extract(markup: str, url: str | None) -> Any | None:
    """trafilatura's Document for the page, or None when it finds no article."""
    try:
        return trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError):
        # trafilatura's own fallbacks raise these on hostile markup; we fall back below.
        return None


def read_html(
    data: bytes,
    source: str,
    hints: Hints,
    *,
    url: str | None = None,
    published: str | None = None,
    declared: str | None = None,
) -> Article:
    """One HTML page -> Article. ``url``/``published``/``declared`` come from a WARC record."""
    decoded = decode(data, source, declared or declared_charset(data))
    markup = _XML_DECL.sub("", decoded.text, count=1)
    doc = _extract(markup, url)
    parsed = _page_tree(markup)
    tree = parsed.tree
    page = _page_meta(tree)
    body = (doc.text or "").strip() if doc is not None else ""
    if not body and tree is not None:
        body = element_text(tree.body) if tree.find("body") is not None else ""
    if not body and parsed.depth_limit:
        raise InputError(
            f"HTML nested too deeply (the parser reads at most {parsed.depth_limit} levels); "
            "no article text found above that depth",
            source=source,
        )
    if not body:
        raise InputError("no article text found in the HTML", source=source)
    page_url = (doc.url if doc is not None else None) or url
    host = (doc.hostname if doc is not None else None) or _host(page_url)
    names = _page_names(tree)
    sitename = doc.sitename if doc is not None else None
    # The outlet the page declares (its metadata, its title's site part) when a person
    # chose it; else, after the dateline is found below, trafilatura's site name, the
    # dateline's outlet or the host, a name made from the address last.
    declared = outlet_name(
        declared=names.sites,
        titles=[page.get("title"), doc.title if doc is not None else None],
        guessed=[],
        host=host,
    )
    if declared is not None and is_domain_name(declared, host, strict=True):
        declared = None
    site = [declared, *names.sites, sitename, host]
    titles = [doc.title if doc is not None else None, *names.titles, page.get("title")]
    headline = _headline(titles, site, host)
    whole = clean_title(page.get("title"), site, host)
    if headline and whole and _ATTRIBUTED.fullmatch(whole.removeprefix(headline)):
        # trafilatura cuts a <title> at its first dash: "Talks go on — Kovalska" is one
        headline = whole
    if headline and body.startswith(headline):
        body = body[len(headline) :].lstrip()
    text, body_start = (f"{headline}\n{body}", len(headline) + 1) if headline else (body, 0)
    dateline = find_dateline(text, body_start)
    meta = encoding_meta(decoded.encoding, decoded.note)
    date = doc.date if doc is not None else None
    description = doc.description if doc is not None else None
    outlet = declared or outlet_name(
        declared=[],
        titles=[],
        guessed=[sitename, dateline.outlet if dateline else None, host],
        host=host,
    )
    if url and page_url != url:
        meta["fetched_url"] = url
    if not page.get("published") and not date and published:
        meta["published_from"] = "crawl time"
    return finish(
        text,
        source,
        hints,
        outlet=outlet,
        published=page.get("published")
        or iso_date(date)
        or (dateline.published if dateline else None)
        or published,
        dateline=dateline.place if dateline else None,
        dateline_end=dateline.end if dateline else None,
        headline=headline,
        subheadline=description if description and description not in body else None,
        byline=clean_byline(doc.author if doc is not None else None, [outlet, *site]),
        url=page_url,
        language=page.get("lang"),
        body_start=dateline.start if dateline else body_start,
        meta=meta,
    )


def _headline(candidates: list[str | None], site: list[str | None], host: str | None) -> str | None:
    """The first candidate that is a headline, without the site suffix ("| DW | 19.01.2020");
    a placeholder ("escenic") or the bare site name is none."""
    for title in candidates:
        if title and not is_placeholder_title(title, site, host):
            return clean_title(title, site, host)
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
