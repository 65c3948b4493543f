"""The web UI in a real browser (Debian Chromium via Playwright) over the invented corpus."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from support.web_corpus import OUTLET_A, OUTLET_B, SCRIPT, SPEAKER, UI_WAIT_MS, type_search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def search(page: Any, base: str, words: str) -> Any:
    """Type ``words`` into the search box and wait for the answer; the result cards."""
    type_search(page, base, words)
    return page.locator("#results .card")


def test_search_shows_quote_cards(page: Any, live_server: str) -> None:
    cards = search(page, live_server, "ceasefire")
    assert cards.count() == 2
    first = cards.nth(0)
    texts = [cards.nth(i).inner_text() for i in range(2)]
    assert all(SPEAKER in t and "presidential spokesman" in t for t in texts)
    # dates as a person reads them; the Northwind time (10:15 at +03:00) on the UTC clock
    assert any(OUTLET_A in t and "21 Mar 2022, 07:15 UTC" in t for t in texts)
    assert any(OUTLET_B in t and "22 Mar 2022" in t for t in texts)
    assert "ceasefire" in first.locator(".words").inner_text()
    assert first.locator("a.article-link").get_attribute("href").startswith("/articles/")
    assert "search=ceasefire" in page.url  # the search can be bookmarked
    assert page.locator("#status").inner_text().startswith("2 statements")


def test_filters_narrow_the_search(page: Any, live_server: str) -> None:
    search(page, live_server, "ceasefire")
    with page.expect_response(lambda r: "outlet=" in r.url):
        page.select_option("select[name=outlet]", OUTLET_B)
    # an expect() on the cards, not wait_for_function: see web_corpus.type_search
    cards = page.locator("#results .card")
    expect(cards).to_have_count(1, timeout=UI_WAIT_MS)
    expect(cards).to_contain_text(OUTLET_B)


def test_broken_search_syntax_shows_a_message(page: Any, live_server: str) -> None:
    search(page, live_server, '"')
    status = page.locator("#status")
    assert "no words to search for" in status.inner_text()
    assert "error" in status.get_attribute("class")
    assert search(page, live_server, "NEAR(").count() == 0
    assert page.locator("#status").inner_text() == "No statements found."


def test_speaker_page_has_chart_by_outlet(page: Any, live_server: str, page_errors: Any) -> None:
    cards = search(page, live_server, "ceasefire")
    cards.nth(0).locator("a.speaker").click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("h1").inner_text() == SPEAKER
    bars = page.locator("#chart svg rect.bar")
    bars.first.wait_for()
    outlets = {bars.nth(i).get_attribute("data-outlet") for i in range(bars.count())}
    assert outlets == {OUTLET_A, OUTLET_B}
    legend = page.locator("#chart .legend").inner_text()
    assert OUTLET_A in legend and OUTLET_B in legend
    latest = page.locator("#latest .card")
    latest.first.wait_for()
    assert latest.count() == 4
    assert "28 Mar 2022" in latest.nth(0).inner_text()  # newest first
    assert page_errors.script_errors == []


def test_article_page_highlights_statements(page: Any, live_server: str, page_errors: Any) -> None:
    cards = search(page, live_server, "delegations")
    cards.first.locator("a.article-link").click()
    page.wait_for_url("**/articles/**")
    marks = page.locator("#article-text mark.stmt")
    assert marks.count() == 3
    assert "video link" in marks.nth(1).inner_text()
    assert page.locator("#article-text mark.stmt.active").count() == 1  # the linked one
    mentions = page.locator("#article-text a.mention")
    assert mentions.first.inner_text() == "Voronov"
    mentions.first.click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("h1").inner_text() == SPEAKER
    assert page_errors.script_errors == []


def test_script_in_a_quote_renders_as_text(page: Any, live_server: str, page_errors: Any) -> None:
    cards = search(page, live_server, "nobody")
    assert cards.count() == 1
    assert SCRIPT in cards.first.locator(".words").inner_text()
    cards.first.locator("a.article-link").click()
    page.wait_for_url("**/articles/**")
    assert SCRIPT in page.locator("#article-text mark.stmt").inner_text()
    assert "<b>memorandum</b>" in page.locator("h1").inner_text()
    assert page.locator("main b, main script").count() == 0
    page.wait_for_timeout(300)
    assert page_errors.dialogs == []
    assert page_errors.script_errors == []


def test_compare_view_shows_outlets_and_word_diff(page: Any, live_server: str) -> None:
    cards = search(page, live_server, '"real movement"')
    cards.first.locator("a.compare-link").click()
    page.wait_for_url("**/compare/**")
    versions = page.locator(".version")
    assert versions.count() == 2
    assert "first report" in versions.nth(0).inner_text()
    assert OUTLET_A in versions.nth(0).inner_text()
    assert OUTLET_B in versions.nth(1).inner_text()
    removed = versions.nth(1).locator("del.removed").all_inner_texts()
    assert "real" in removed


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
@pytest.mark.parametrize("path", ["/?search=ceasefire", "/articles", "/speakers"])
def test_phone_width_has_no_sideways_scroll(page: Any, live_server: str, path: str) -> None:
    page.goto(live_server + path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
