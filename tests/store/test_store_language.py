"""The article's language in the store (migration 0005): filters, listing, Russian search."""

from __future__ import annotations

import pytest

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.store.db import StatementFilter, Store
from onrecord.store.fts import fts_query

RU = "Пресс-секретарь Григорий Лесницкий заявил, что делегацию возглавит Павел Дрозд."
EN = "Spokesman Grigory Lesnitsky said the delegation would be led by Pavel Drozd."


def _article(doc_id: str, text: str, language: str | None, words: str, who: str) -> tuple:
    at = text.index(words)
    st = Statement("indirect", Span.of(text, at, at + len(words)), Speaker(who, "person"))
    return Article(id=doc_id, text=text, outlet="TPA", language=language), [st]


@pytest.fixture
def store() -> Store:
    s = Store(":memory:", create=True)
    s.add_article(
        *_article("ru", RU, "ru", "делегацию возглавит Павел Дрозд", "Григорий Лесницкий")
    )
    s.add_article(
        *_article("en", EN, "en", "the delegation would be led by Pavel Drozd", "Grigory Lesnitsky")
    )
    s.add_article(*_article("xx", "Unknown words here.", None, "Unknown words", "Someone"))
    return s


def test_migration_indexes_the_language(store: Store) -> None:
    names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'", [])}
    assert "articles_language" in names


def test_statements_and_articles_filter_by_language(store: Store) -> None:
    def words(language: str) -> list[str]:
        return [
            s.statement.content.text for s in store.statements(StatementFilter(language=language))
        ]

    assert words("ru") == ["делегацию возглавит Павел Дрозд"]
    assert words("EN") == words("en-GB") == ["the delegation would be led by Pavel Drozd"]
    assert [a.doc_id for a in store.articles(language="ru")] == ["ru"]
    assert store.count_articles(language="en") == 1
    assert store.languages() == [("en", 1), ("ru", 1)]


def test_russian_search_finds_the_exact_form_and_other_case_forms(store: Store) -> None:
    def found(search: str) -> list[str]:
        return [s.doc_id for s in store.statements(StatementFilter(search=search))]

    assert found("делегацию") == ["ru"]
    assert found("делегация") == ["ru"]  # another case form of the same noun
    assert found("Лесницкого") == ["ru"]  # the speaker's name in the genitive
    assert found("Drozd") == ["en"]
    assert fts_query("Пескова") == '("Пескова" OR "песков"*)'
    assert fts_query("Peskov") == '"Peskov"'
