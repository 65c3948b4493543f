"""What a search answer carries besides its statements: each statement's matched words (a
highlighted snippet) and the facet counts shown beside the results.

Both are built here for the API's ``/api/statements`` (the search page draws what that
answers), from the store's offsets and counts (``store/matches.py``, ``store/facets.py``).
Each facet value carries the filter that selects it (``filter``: query parameters of
``/api/statements`` and of the search page), so the page narrows a search by a click without
knowing how a year or a speaker becomes a filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from onrecord.store.db import StatementFilter, Store, StoredStatement
from onrecord.store.facets import Facet, FacetValue, statement_facets
from onrecord.store.matches import content_matches, word_matches
from onrecord.web.highlight import snippet_json

#: What a facet value without a value (no speaker, outlet or year known) is called.
_NONE_LABELS = {"speaker": "unknown speaker", "outlet": "unknown outlet", "year": "year unknown"}


def add_highlights(
    store: Store, flt: StatementFilter, rows: Sequence[StoredStatement], items: list[dict[str, Any]]
) -> None:
    """Give each statement JSON in ``items`` (built from ``rows``, same order) its
    ``highlight`` when the filter searches: the snippet of its words with the matches."""
    if not flt.search or not flt.search.strip():
        return
    found = content_matches(store, flt.search, [r.id for r in rows])
    for row, item in zip(rows, items, strict=True):
        words = item.get("words") or row.statement.words()
        item["highlight"] = snippet_json(words, word_matches(row, found.get(row.id, [])))


def facets_json(store: Store, flt: StatementFilter, names: Sequence[Facet]) -> dict[str, Any]:
    """The counts of the facets ``names`` over the statements ``flt`` matches, each value
    with its label, the filter that selects it and whether that filter is applied."""
    counts = statement_facets(store, flt, tuple(dict.fromkeys(names)))
    out = counts.to_json()
    for name, values in counts.facets.items():
        out["facets"][name]["values"] = [_value_json(name, v, flt) for v in values]
    return out


def _value_json(facet: str, v: FacetValue, flt: StatementFilter) -> dict[str, Any]:
    out = v.to_json()
    out["label"] = v.value if v.value is not None else _NONE_LABELS.get(facet, "none")
    selects = _filter(facet, v.value)
    out["filter"] = selects
    out["selected"] = selects is not None and _applied(facet, v, flt)
    return out


def _filter(facet: str, value: str | None) -> dict[str, str] | None:
    """The query parameters that select a facet value (None: no filter selects it)."""
    if value is None:
        return None
    if facet == "year":
        return {"since": f"{value}-01-01", "until": f"{value}-12-31"}
    return {facet: value}


def _applied(facet: str, v: FacetValue, flt: StatementFilter) -> bool:
    value = (v.value or "").casefold()
    if facet == "speaker":
        return (flt.person_id is not None and flt.person_id == v.person_id) or (
            (flt.speaker or "").casefold() == value
        )
    if facet == "outlet":
        return (flt.outlet or "").casefold() == value
    if facet == "kind":
        return (flt.kind or "").casefold() == value
    if facet == "year":
        return (flt.since or "")[:4] == value and (flt.until or "")[:4] == value
    return False
