"""Store rows as the JSON the API returns and the templates show (one shape for both).

Every object carries ``links``: the stable URLs of the page or API resource it names, so the
web UI never builds URLs from data itself and API clients can follow them.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from onrecord.store.db import ArticleRow, SpeakerRow, StoredStatement


def path_part(value: str) -> str:
    """One URL path segment: everything escaped, slashes included."""
    return quote(value, safe="")


#: What a browser drops from a URL before reading it (WHATWG URL parsing): C0 controls and
#: spaces at either end, tabs and newlines anywhere ("java\tscript:" is "javascript:").
_URL_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_URL_INNER = re.compile(r"[\t\n\r]")


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, else None: the one test a URL from
    an article passes before it becomes a link.

    Article URLs come from the documents (untrusted): ``javascript:``, ``data:`` and their
    like would run or show whatever the document chose when clicked; only the CSP stopped
    them. The test reads the URL the way a browser would (edge controls and spaces dropped,
    tabs and newlines removed, scheme in any case) and answers that cleaned form, so what
    was checked is exactly what the link holds.
    """
    if not url:
        return None
    cleaned = _URL_INNER.sub("", _URL_EDGES.sub("", url))
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return cleaned


def speaker_ref(person_id: str | None, name: str | None) -> str | None:
    """The id a speaker page is reached by: the registry id when resolved, else the name."""
    return person_id or name or None


def speaker_links(ref: str) -> dict[str, str]:
    return {"page": f"/speakers/{path_part(ref)}", "api": f"/api/speakers/{path_part(ref)}"}


def statement_json(row: StoredStatement) -> dict[str, Any]:
    """A statement in the interchange format, its article's facts, a display date, links."""
    out = row.to_json()
    out["date"] = row.display_date
    out["words"] = row.statement.words()  # what was said, a split quote's attribution left out
    ref = speaker_ref(row.person_id, row.speaker_name)
    article = path_part(row.article_id)
    out["links"] = {
        "self": f"/api/statements/{path_part(row.key)}",
        "article": f"/articles/{article}#s-{row.position}",
        "article_api": f"/api/articles/{article}",
        "compare": f"/compare/{path_part(row.key)}",
        "speaker": speaker_links(ref)["page"] if ref else None,
    }
    return out


def article_json(
    row: ArticleRow, statements: list[StoredStatement] | None = None
) -> dict[str, Any]:
    """An article's metadata (and text when loaded), with its statements when given."""
    out = row.to_json()
    out.pop("statements", None)  # the count: named apart from the list of statements below
    out["statement_count"] = row.statement_count
    out["date"] = row.display_date
    out["links"] = {
        "page": f"/articles/{path_part(row.id)}",
        "api": f"/api/articles/{path_part(row.id)}",
        # The publisher's page, when the article's url is a web address (see web_url).
        "original": web_url(row.url),
    }
    if statements is not None:
        out["statements"] = [statement_json(s) for s in statements]
    return out


def speaker_json(row: SpeakerRow) -> dict[str, Any]:
    """A speaker name with its counts, roles and outlets, reachable by :func:`speaker_ref`."""
    out = row.to_json()
    ref = speaker_ref(row.person_ids[0] if len(row.person_ids) == 1 else None, row.name)
    assert ref is not None
    out["id"] = ref
    out["links"] = speaker_links(ref)
    return out
