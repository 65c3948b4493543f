"""Fixtures shared by all tests.

``shared`` is the one way tests reach ``../shared`` (seeds, PolNeAR): the path comes from
``$ONRECORD_SHARED`` or the folder beside the checkout, and a test that needs a missing file
is skipped with the reason, never failed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from onrecord.config import shared_dir
from onrecord.model import Article, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from support.builders import AddArticle, Said, build_article
from support.wire import quote_article
from support.wire import write_corpus as _write_corpus


class Shared:
    """Access to the shared data folder, skipping cleanly when a file is absent."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, relative: str) -> Path:
        p = self.root / relative
        if not p.exists():
            pytest.skip(f"shared data not found: {p} (set ONRECORD_SHARED to its folder)")
        return p

    def jsonl(self, relative: str) -> list[dict[str, Any]]:
        with self.path(relative).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Shared:
    return Shared(shared_dir())


@pytest.fixture(scope="session")
def seed_gold(shared: Shared) -> list[dict[str, Any]]:
    return shared.jsonl("seeds/gold.jsonl")


@pytest.fixture
def make_article() -> Callable[..., tuple[Article, list[Statement]]]:
    """``make_article(i, ...)``: an invented article with hand-made statements
    (:func:`support.wire.quote_article`)."""
    return quote_article


@pytest.fixture
def write_corpus() -> Callable[..., Path]:
    """``write_corpus(path, n)``: a documents-JSONL corpus of ``n`` invented wire stories."""
    return _write_corpus


@pytest.fixture
def store() -> Iterator[Store]:
    """A fresh in-memory store (``tests/store`` overrides it with one in a file)."""
    with Store(":memory:", create=True) as s:
        yield s


@pytest.fixture
def add(store: Store) -> AddArticle:
    """``add(doc_id, outlet, published, text, [Said, ...], update=True)`` -> article id: an
    invented article with hand-placed statements, added to ``store`` (and the record updated)."""

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
