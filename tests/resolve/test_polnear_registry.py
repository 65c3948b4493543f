"""The registry on PolNeAR dev: built from the gold speaker mentions, it must never merge two
different full names (the Clintons, the Trumps).

Gold mentions are resolved within each article to the fullest name the article gives by a
simple rule (a bare surname takes the article's one full name with that surname; with two or
more it stays bare), then the registry joins them across the 84 articles. Skips when the
shared data is absent. Run with ``-s`` to see the counts reported in the README.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.people import analyse_name
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from onrecord.store.registry import RecordStore

_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+){1,3}\b")
_TYPES = {"person_name": "person"}  # CoreNLP's "other_name" is too mixed to trust


def _in_article_names(doc: dict[str, Any]) -> dict[str, str]:
    """Gold name mention -> the fullest name the article gives for it."""
    mentions = [
        q["speaker"] for q in doc["quotes"] if q.get("speaker_kind") == "name" and q["speaker"]
    ]
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for candidate in [*mentions, *_CAPITALISED_RUN.findall(doc["text"])]:
        info = analyse_name(candidate, "person")
        if info is not None and info.kind == "full" and info.surname:
            full_by_surname[info.surname].add(info.display)
    resolved = {}
    for mention in mentions:
        info = analyse_name(mention, _TYPES.get("person_name"))
        name = mention
        if info is not None and info.kind == "surname" and info.surname:
            keys = {analyse_name(n, "person").key: n for n in full_by_surname[info.surname]}  # type: ignore[union-attr]
            if len(keys) == 1:
                name = next(iter(keys.values()))
        resolved[mention] = name
    return resolved


def _build(docs: list[dict[str, Any]], store: Store) -> None:
    for doc in docs:
        names = _in_article_names(doc)
        text = doc["text"]
        article = Article(
            id=doc["id"],
            text=text,
            outlet=doc["meta"].get("publisher"),
            published=doc["meta"].get("publication_date"),
        )
        statements = []
        for q in doc["quotes"]:
            if q.get("speaker_kind") != "name" or not q["speaker"] or not q["content_spans"]:
                continue
            start, end = q["content_spans"][0]
            mention = Span.of(text, *q["speaker_spans"][0]) if q["speaker_spans"] else None
            kind = _TYPES.get(q.get("speaker_kind_corenlp") or "", "unknown")
            speaker = Speaker(names[q["speaker"]], kind, mention)  # type: ignore[arg-type]
            statements.append(Statement(q["kind"], Span.of(text, start, end), speaker))
        store.add_article(article, statements)
    update_record(store)


def test_polnear_dev_registry_never_merges_two_full_names(shared: Any) -> None:
    docs = shared.jsonl("data/polnear/dev.jsonl")
    with Store(":memory:", create=True) as store:
        _build(docs, store)
        rs = RecordStore(store)
        entities = rs.registry()
        errors = []
        people = 0
        surname_joins = 0
        for person_id, name, type_, _, _, _ in entities:
            aliases = rs.aliases_of(person_id)
            full_keys = {a.key for a in aliases if a.kind == "full"}
            if len(full_keys) > 1:
                errors.append((name, sorted(a.alias for a in aliases)))
            people += type_ == "person"
            surname_joins += sum(a.how == "surname" for a in aliases)
        kinds = Counter(p.kind for e in entities if (p := rs.person(e[0])) is not None)
        clinton = [e[1] for e in entities if e[1].endswith("Clinton")]
        trump = [e[1] for e in entities if e[1].endswith("Trump")]
        print(
            f"\nPolNeAR dev: {len(docs)} articles, {len(entities)} speaker entities "
            f"({people} people), {surname_joins} bare surnames joined to a full name, "
            f"{len(errors)} merge errors; entity kinds {dict(kinds)}; "
            f"Clintons {sorted(clinton)}; Trumps {sorted(trump)}"
        )
        assert errors == []
        assert {"Hillary Clinton", "Bill Clinton"} <= set(clinton)
        assert len(entities) > 100  # the registry found people, not just a handful
