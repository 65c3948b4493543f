"""Flat records: the model's Article and Statement as the columns of ``onrecord.schema``.

Why one flat form: the SQL tables, the Parquet tables and the CSV all hold a statement as
flat columns (``speaker_name``, ``mention_start``, ...), while the model nests them
(``Statement.speaker.mention.start``). The two conversions live here, once, keyed by the
declared field names: ``Store.add_article`` writes :func:`statement_values`, the store reads
rows back with :func:`statement_from_values`, and the Parquet export, the Spark job and the
Parquet import use the same two. Values are Python values (``meta`` a dict, ``fragments``
lists); each face encodes them for itself (SQL: JSON text; Parquet: lists).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from onrecord.dates import date_precision, partition_date
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.schema import STATEMENTS


def statement_values(st: Statement) -> dict[str, Any]:
    """The statement's own fields (not its article's) by declared name."""
    sp = st.speaker
    mention = sp.mention if sp else None
    cue = st.cue
    return {
        "kind": st.kind,
        "content_start": st.content.start,
        "content_end": st.content.end,
        "content": st.content.text,
        "fragments": [list(p) for p in st.fragments],
        "speaker_name": sp.name if sp else None,
        "speaker_type": sp.type if sp else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
        "mention": mention.text if mention else None,
        "speaker_role": sp.role if sp else None,
        "speaker_affiliation": sp.affiliation if sp else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue": cue.text if cue else None,
        "addressee": st.addressee,
        "occasion": st.occasion,
        "when": st.when,
        "when_precision": st.when_precision,
        "confidence": st.confidence,
        "source": st.source,
        "act": st.act,
    }


def _span(rec: Mapping[str, Any], prefix: str, text_key: str) -> Span | None:
    start, end = rec.get(f"{prefix}_start"), rec.get(f"{prefix}_end")
    if start is None or end is None:
        return None
    return Span(int(start), int(end), rec.get(text_key) or "")


def statement_from_values(rec: Mapping[str, Any]) -> Statement:
    """The model Statement back from its fields (a store row, a Parquet record)."""
    speaker = None
    if any(rec.get(k) is not None for k in ("speaker_name", "speaker_type", "mention")):
        speaker = Speaker(
            name=rec.get("speaker_name"),
            type=rec.get("speaker_type") or "unknown",
            mention=_span(rec, "mention", "mention"),
            role=rec.get("speaker_role"),
            affiliation=rec.get("speaker_affiliation"),
        )
    return Statement(
        kind=rec["kind"],
        content=Span(int(rec["content_start"]), int(rec["content_end"]), rec["content"]),
        speaker=speaker,
        cue=_span(rec, "cue", "cue"),
        fragments=tuple((int(a), int(b)) for a, b in rec.get("fragments") or ()),
        addressee=rec.get("addressee"),
        occasion=rec.get("occasion"),
        when=rec.get("when"),
        when_precision=rec.get("when_precision"),
        confidence=rec.get("confidence"),
        source=rec.get("source"),
        act=rec.get("act"),
    )


def statement_record(
    st: Statement,
    *,
    article_id: str,
    position: int,
    person_id: str | None = None,
    **context: Any,
) -> dict[str, Any]:
    """One full ``statements`` record (every Parquet field) from a model Statement and its
    article's facts (``context``: ``doc_id``, ``outlet``, ``published``, ...: the declared
    context fields; one not given is None).

    Takes plain values rather than a store row so the Spark job can build records straight
    from extraction output.
    """
    known = {f.name for f in STATEMENTS.context}
    unknown = set(context) - known
    if unknown:
        raise TypeError(f"not a context field of statements: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {
        **context,
        **statement_values(st),
        "id": f"{article_id}:{position}",
        "article_id": article_id,
        "position": position,
        "person_id": person_id,
        "date": partition_date(context.get("published")),
    }
    return {f.name: values.get(f.name) for f in STATEMENTS.in_parquet}


def article_values(article: Article) -> dict[str, Any]:
    """The article's own fields by declared name (``id`` is the content id, ``doc_id`` the
    caller's id; no store bookkeeping such as revisions)."""
    cid = article.content_id
    return {
        "id": cid,
        "doc_id": article.id or cid,
        "revision_key": article.revision_key,
        "published": article.published,
        "published_precision": article.published_precision or date_precision(article.published),
        "dateline": article.dateline,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "byline": article.byline,
        "url": article.url,
        "language": article.language,
        "source": article.source,
        "body_start": article.body_start,
        "text": article.text,
        "meta": dict(article.meta),
        "outlet": article.outlet,
        "date": partition_date(article.published),
    }


def article_from_record(rec: Mapping[str, Any]) -> Article:
    """The model Article back from its fields (a store row with text, a Parquet record;
    ``meta`` a dict or its JSON text)."""
    meta = rec.get("meta")
    if isinstance(meta, str):
        meta = json.loads(meta) if meta else {}
    return Article(
        id=rec.get("doc_id") or rec["id"],
        text=rec["text"],
        outlet=rec.get("outlet"),
        published=rec.get("published"),
        published_precision=rec.get("published_precision"),
        dateline=rec.get("dateline"),
        headline=rec.get("headline"),
        subheadline=rec.get("subheadline"),
        byline=rec.get("byline"),
        url=rec.get("url"),
        language=rec.get("language"),
        source=rec.get("source"),
        body_start=int(rec.get("body_start") or 0),
        meta=dict(meta or {}),
    )
