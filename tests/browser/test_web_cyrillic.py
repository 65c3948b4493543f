"""The web UI shows Russian copy as written (Debian Chromium via Playwright; issue 13).

Cyrillic must come through the JSON API, the page's scripts and the highlighting unchanged:
the quote cards, the speaker's page and the article page are compared with the stored words
character for character, and the language filter narrows the search.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest

from support.live import running_server
from support.ru_corpus import EN_WORDS, RU_SECOND, RU_TEXT, RU_WORDS, fill_ru_store
from support.web_corpus import UI_WAIT_MS, type_search

pytestmark = [pytest.mark.browser, pytest.mark.slow]
#: Set ONRECORD_SCREENSHOT to a PNG path to look at the search page as the test saw it.
SHOT = os.environ.get("ONRECORD_SCREENSHOT")


@pytest.fixture(scope="module")
def ru_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the Russian corpus on a free loopback port; its base URL."""
    with running_server(fill_ru_store(tmp_path_factory.mktemp("web-ru") / "ru.db")) as url:
        yield url


def test_search_shows_cyrillic_words_as_stored(page: Any, ru_server: str, page_errors: Any) -> None:
    type_search(page, ru_server, "делегация")  # another case form of "делегацию"
    cards = page.locator("#results .card")
    assert cards.count() == 1
    card = cards.nth(0)
    assert card.locator(".words").inner_text().strip() == RU_SECOND
    assert "Григорий Лесницкий" in card.inner_text() or "Grigoriy Lesnitskiy" in card.inner_text()
    assert "ТПА" in card.inner_text()
    assert page.evaluate("document.characterSet") == "UTF-8"
    assert "search=делегация" in unquote(page.url)  # the search can be bookmarked
    assert page_errors.script_errors == [] and page_errors.dialogs == []
    if SHOT:
        page.screenshot(path=SHOT, full_page=True)


def test_language_filter_narrows_the_search(page: Any, ru_server: str) -> None:
    from playwright.sync_api import expect

    page.goto(ru_server + "/")
    expect(page.locator("#results .card")).to_have_count(3, timeout=UI_WAIT_MS)
    with page.expect_response(lambda r: "language=ru" in r.url):
        page.select_option("select[name=language]", "ru")
    expect(page.locator("#results .card")).to_have_count(2, timeout=UI_WAIT_MS)
    texts = page.locator("#results .card .words").all_inner_texts()
    assert sorted(t.strip() for t in texts) == sorted([RU_WORDS, RU_SECOND])
    assert EN_WORDS not in page.locator("#results").inner_text()


def test_article_page_shows_the_russian_text(page: Any, ru_server: str) -> None:
    type_search(page, ru_server, "продвинулись")
    page.locator("#results .card a.article-link").first.click()
    page.wait_for_url(re.compile(r".*/articles/.*"))
    body = page.locator("main").inner_text()
    assert "Переговоры продвинулись — Лесницкий" in body
    assert RU_WORDS in body and RU_TEXT.split("\n")[1][:40] in body
