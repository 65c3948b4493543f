"""Fixtures of the resolve tests: a fresh store and a way to add invented articles to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from resolve_helpers import AddArticle, Said, build_article

from onrecord.resolve.updates import update_record
from onrecord.store.db import Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:", create=True) as s:
        yield s


@pytest.fixture
def add(store: Store) -> AddArticle:
    """``add(doc_id, outlet, published, text, [Said, ...], update=True)`` -> article id."""

    def _add(
        doc_id: str,
        outlet: str,
        published: str | None,
        text: str,
        said: list[Said],
        update: bool = True,
    ) -> str:
        article, statements = build_article(doc_id, outlet, published, text, said)
        outcome = store.add_article(article, statements)
        if update:
            update_record(store)
        return outcome.article_id

    return _add
