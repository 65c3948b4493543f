"""The language filter over HTTP (``language=``) and in the web UI's search form (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onrecord.web.app import create_app
from support.ru_corpus import EN_WORDS, RU_SECOND, RU_SPEAKER, RU_WORDS, fill_ru_store

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def ru_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = fill_ru_store(tmp_path_factory.mktemp("ru") / "ru.db")
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as c:
        yield c


def _words(answer: dict) -> list[str]:
    return sorted(item["content"]["text"] for item in answer["items"])


def test_statements_filter_by_language(ru_client: TestClient) -> None:
    ru = ru_client.get("/api/statements", params={"language": "ru"}).json()
    assert _words(ru) == sorted([RU_WORDS, RU_SECOND])
    en = ru_client.get("/api/statements", params={"language": "en"}).json()
    assert _words(en) == [EN_WORDS]
    both = ru_client.get("/api/statements").json()
    assert len(both["items"]) == 3


def test_articles_filter_by_language(ru_client: TestClient) -> None:
    answer = ru_client.get("/api/articles", params={"language": "ru"}).json()
    assert [a["outlet"] for a in answer["items"]] == ["ТПА"]


def test_russian_search_in_any_case_form(ru_client: TestClient) -> None:
    for word in ("делегацию", "делегация", "Лесницкого"):
        answer = ru_client.get("/api/statements", params={"search": word}).json()
        assert RU_SECOND in _words(answer), word


def test_speaker_in_either_spelling_is_one_person(ru_client: TestClient) -> None:
    ids = {ru_client.get(f"/api/speakers/{n}").json()["id"] for n in ("Lesnitsky", RU_SPEAKER)}
    assert len(ids) == 1


def test_search_page_offers_the_languages(ru_client: TestClient) -> None:
    page = ru_client.get("/", headers=HTML).text
    assert '<select name="language">' in page
    assert '<option value="ru">Russian</option>' in page
    assert '<option value="en">English</option>' in page
    assert "charset=utf-8" in ru_client.get("/", headers=HTML).headers["content-type"].lower()
