"""Full-text search: user strings never break a query."""

from __future__ import annotations

import pytest

from onrecord.errors import UsageError
from onrecord.store.db import Store
from onrecord.store.fts import fts_query

HOSTILE = [
    '"unbalanced',
    "NEAR(",
    "NEAR(harbour talks",
    "AND OR",
    "OR",
    "harbour AND",
    "NOT harbour",
    "-",
    "col:harbour",
    "{speaker_name}: harbour",
    "harbour^",
    "(harbour",
    "harbour)",
    "'; DROP TABLE statements; --",
    "\x00harbour",
    'ha"rb"our',
    "“curly” «guillemets»",
    "**",
]


@pytest.fixture
def filled(store: Store, make_article) -> Store:
    store.add_article(*make_article(1, words="Harbour fees will fall next year"))
    store.add_article(*make_article(2, words="The port stays open", speaker="Ilya Brandt"))
    return store


@pytest.mark.parametrize("search", HOSTILE)
def test_hostile_strings_never_break_statement_search(filled: Store, search: str) -> None:
    try:
        results = filled.statements(search=search)
    except UsageError as exc:  # allowed: a clear message, never an SQL error
        assert "search" in str(exc)
        return
    assert isinstance(results, list)
    filled.count_statements(search=search)


@pytest.mark.parametrize("search", HOSTILE)
def test_hostile_strings_never_break_headline_search(filled: Store, search: str) -> None:
    try:
        filled.articles(search=search)
    except UsageError as exc:
        assert "search" in str(exc)


@pytest.mark.parametrize("search", ["*", "-", "**", '""', "OR"])
def test_strings_without_words_are_usage_errors(filled: Store, search: str) -> None:
    with pytest.raises(UsageError, match="search"):
        filled.statements(search=search)


def test_operator_words_are_searched_literally(store: Store, make_article) -> None:
    store.add_article(*make_article(1, words="Ships will NEAR the coast AND stop"))
    store.add_article(*make_article(2, words="Nothing to see"))
    assert len(store.statements(search="NEAR")) == 1
    assert len(store.statements(search="AND stop")) == 1
    assert len(store.statements(search="NEAR(")) == 1


def test_words_phrases_prefix_or_not(filled: Store) -> None:
    def texts(q: str) -> list[str]:
        return [s.statement.content.text for s in filled.statements(search=q)]

    assert texts("harbour fees") == ["Harbour fees will fall next year"]
    assert texts('"fees will fall"') == ["Harbour fees will fall next year"]
    assert texts('"will fees fall"') == []
    assert texts("harb*") == ["Harbour fees will fall next year"]
    assert sorted(texts("fees OR port")) == [
        "Harbour fees will fall next year",
        "The port stays open",
    ]
    assert texts("open -fees") == ["The port stays open"]
    assert len(texts("Brandt")) == 2  # the speaker's name is indexed too
    assert texts("HARBOUR") == texts("harbour")


def test_rank_order(filled: Store) -> None:
    ranked = filled.statements(search="harbour OR port", order="rank")
    assert len(ranked) == 2


def test_query_builder_quotes_everything() -> None:
    assert fts_query("NEAR(") == '"NEAR("'
    assert fts_query('say "no more') == '"say" "no more"'
    assert fts_query("a OR OR b") == '"a" OR "b"'
    assert fts_query("x -y") == '("x") NOT "y"'
    with pytest.raises(UsageError):
        fts_query("-y")
