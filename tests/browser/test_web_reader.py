"""What a reader sees, in a real browser (Debian Chromium via Playwright), on the invented
reader corpus: matched words marked in search results, facet counts that narrow a search,
controls that fit, the opening page, dates in words, the timeline and the day view.

The screenshots the README shows are taken here (``test_screenshots_for_the_readme``):
into test-artifacts/screenshots/, or the folder ``$ONRECORD_SCREENSHOTS`` names
(``ONRECORD_SCREENSHOTS=docs/img pytest tests/browser/test_web_reader.py -k screenshots``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from onrecord.web.dates import human_date
from support.live import running_server
from support.reader_corpus import ANCHOR, COSS, COURIER, FJORD, LENN, MARKUP, ZEPHYR, fill_store
from support.web_corpus import UI_WAIT_MS, type_search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
#: Dates the pages' script writes, checked against the server's words for them.
DATES = [
    "2022-04-26T23:30:00+03:00",
    "2022-04-26T20:30:00Z",
    "2022-04-27T01:10:00+03:00",
    "2022-03-21T10:15:00-05:00",
    "2022-04-26T20:30",
    "2022-04-26",
    "2022-04",
    "2022",
    "--03-28",
    "--03",
    "2022-03-29/2022-03-30",
    "2022-03-29/2022-04-02",
    "2021-12-30/2022-01-02",
    "--03-29/--03-30",
    "2022-02-30",
    "garbage",
]


@pytest.fixture(scope="module")
def reader_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = fill_store(tmp_path_factory.mktemp("reader") / "reader.db")
    with running_server(db) as base:
        yield base


def search(page: Any, base: str, words: str) -> Any:
    """Search for ``words``; the result cards once the facets beside them are shown too
    (the page marks the facets busy in the same step as it shows the results)."""
    type_search(page, base, words)
    page.locator("#facets:not([aria-busy]) section.facet").first.wait_for(timeout=UI_WAIT_MS)
    return page.locator("#results .card")


def test_search_marks_the_matched_words(page: Any, reader_server: str, page_errors: Any) -> None:
    cards = search(page, reader_server, "ceasefire")
    assert cards.count() == 3
    marked = page.locator("#results .card .words mark.hit").all_inner_texts()
    assert sorted(m.lower() for m in marked) == ["ceasefire", "ceasefire", "ceasefires"]
    long = next(
        cards.nth(i).locator(".words").inner_text()
        for i in range(3)
        if "ceasefires" in cards.nth(i).inner_text()
    )
    assert long.startswith("…") and "spring storms" not in long  # a window around the match
    assert page_errors.script_errors == []


def test_matched_words_in_markup_stay_text(page: Any, reader_server: str, page_errors: Any) -> None:
    cards = search(page, reader_server, "nobody")
    assert cards.count() == 1
    words = cards.first.locator(".words")
    assert words.inner_text() == MARKUP
    assert words.locator("mark.hit").inner_text() == "Nobody"
    assert page.locator("main i").count() == 0
    assert page_errors.dialogs == [] and page_errors.script_errors == []


def test_facets_narrow_the_search_and_undo(page: Any, reader_server: str) -> None:
    search(page, reader_server, "ceasefire")
    facets = page.locator("#facets")
    expect(facets).to_be_visible()
    titles = facets.locator("section.facet h2").all_inner_texts()
    assert [t.lower() for t in titles] == ["speaker", "outlet", "kind", "year"]
    outlet = facets.locator("section[data-facet=outlet] li", has_text=FJORD)
    assert outlet.locator(".count").inner_text() == "1"
    outlet.locator("a").click()
    expect(page.locator("select[name=outlet]")).to_have_value(FJORD, timeout=UI_WAIT_MS)
    expect(page.locator("#results .card")).to_have_count(1, timeout=UI_WAIT_MS)
    assert FJORD in page.locator("#results .card").inner_text()
    assert f"outlet={FJORD.replace(' ', '+')}" in page.url
    selected = facets.locator("section[data-facet=outlet] li.selected")
    selected.wait_for(timeout=UI_WAIT_MS)
    selected.locator("a").click()  # a selected value takes its filter off again
    expect(page.locator("select[name=outlet]")).to_have_value("", timeout=UI_WAIT_MS)
    expect(page.locator("#results .card")).to_have_count(3, timeout=UI_WAIT_MS)


def test_year_facet_sets_the_date_range(page: Any, reader_server: str) -> None:
    search(page, reader_server, "ferry")
    page.locator("#facets section[data-facet=year] a", has_text="2024").click()
    expect(page.locator("input[name=since]")).to_have_value("2024-01-01", timeout=UI_WAIT_MS)
    expect(page.locator("input[name=until]")).to_have_value("2024-12-31")


def test_outlet_list_is_sorted(page: Any, reader_server: str) -> None:
    page.goto(reader_server + "/")
    options = page.locator("select[name=outlet] option").all_inner_texts()
    assert options[0] == "any"
    assert options[1:] == sorted([ANCHOR, COURIER, FJORD, ZEPHYR], key=str.casefold)


_FITS = """(select) => {
  const style = getComputedStyle(select);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const longest = Math.max(...[...select.options].map((o) => ctx.measureText(o.text).width));
  const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return { longest, inner };
}"""


@pytest.mark.parametrize("page", [{"width": 1280, "height": 800}, PHONE], indirect=True)
@pytest.mark.parametrize("path", ["/", "/timeline"])
def test_select_controls_show_their_whole_label(page: Any, reader_server: str, path: str) -> None:
    """Every choice of every select fits its control, the arrow aside (the sort control's
    "best match (newest without search)" was cut off in a sixth of the form's width)."""
    page.goto(reader_server + path)
    selects = page.locator("main form select")
    assert selects.count() >= 1
    for i in range(selects.count()):
        size = selects.nth(i).evaluate(_FITS)
        name = selects.nth(i).get_attribute("name")
        assert size["longest"] + 16 <= size["inner"], (name, size)


def test_home_opens_on_statements_with_a_speaker(page: Any, reader_server: str) -> None:
    newest = page.request.get(reader_server + "/api/statements?sort=-date&limit=1").json()
    assert newest["items"][0]["speaker"] is None  # what the page used to open on
    page.goto(reader_server + "/")
    status = page.locator("#status")
    expect(status).to_have_text(re.compile("^Latest statements by named speakers"))
    cards = page.locator("#results .card")
    assert cards.count() == 8
    texts = cards.all_inner_texts()
    assert all("unknown speaker" not in t for t in texts)
    assert LENN in texts[0] and "9 May 2024" in texts[0]
    assert page.url == reader_server + "/"  # nothing added to the address


def test_dates_read_as_a_person_reads_them(page: Any, reader_server: str) -> None:
    cards = search(page, reader_server, "ceasefire")
    text = " ".join(cards.all_inner_texts())
    assert "6 May 2024, 07:30 UTC" in text and "7 May 2024" in text
    assert "2024-05-06" not in text
    time = cards.first.locator("time")
    assert re.match(r"^\d{4}-\d{2}-\d{2}", time.get_attribute("datetime") or "")
    written = page.evaluate("(dates) => dates.map((d) => onrecord.humanDate(d))", DATES)
    assert written == [human_date(d) for d in DATES]  # the script and the server agree


def test_timeline_page_pages_filters_and_links(
    page: Any, reader_server: str, page_errors: Any
) -> None:
    page.goto(reader_server + "/")
    page.locator("nav[aria-label=main] a", has_text="Timeline").click()
    page.wait_for_url("**/timeline")
    entries = page.locator("#timeline > li")
    assert entries.count() == 11
    assert "6 May 2024" in page.locator("#timeline").inner_text()
    page.fill("input[name=speaker]", LENN)
    page.select_option("select[name=kind]", "statements")
    page.locator("#timeline-form button").click()
    page.wait_for_url("**/timeline?**")
    assert entries.count() == 4
    assert all(LENN in t for t in entries.all_inner_texts())
    assert "2 reports" in page.locator("#timeline").inner_text()
    # an entry links to its statement in the article
    entries.nth(0).locator("a.article-link").click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]+#s-\d+$"))
    expect(page.locator("#article-text mark.stmt.active").first).to_be_visible()
    page.go_back()
    # ... to the statement across outlets, and to the speaker's day
    entries.filter(has_text="2 reports").locator("a.statement-link").click()
    page.wait_for_url("**/compare/**")
    assert page.locator(".version").count() == 2
    page.go_back()
    entries.filter(has_text="2 reports").locator("a.day-link").click()
    page.wait_for_url("**/compare?**")
    assert (
        LENN in page.locator("h1").inner_text() and "6 May 2024" in page.locator("h1").inner_text()
    )
    assert page_errors.script_errors == []


def test_timeline_paging_keeps_the_filters(page: Any, reader_server: str) -> None:
    page.goto(reader_server + "/timeline?kind=statements&limit=3")
    assert page.locator("#status").inner_text() == "10 entries, showing 1–3"
    page.locator("nav.pager a.next").click()
    page.wait_for_url("**offset=3**")
    assert page.locator("#status").inner_text() == "10 entries, showing 4–6"
    assert page.locator("select[name=kind]").input_value() == "statements"
    page.locator("nav.pager a.prev").click()
    page.wait_for_url("**offset=0**")
    assert page.locator("#timeline > li").count() == 3


def test_timeline_mistake_is_shown_in_place(page: Any, reader_server: str) -> None:
    page.goto(reader_server + "/timeline?since=May")
    assert "since 'May'" in page.locator("#error").inner_text()
    assert page.locator("input[name=since]").input_value() == "May"


def test_day_view_shows_who_reported_what(page: Any, reader_server: str) -> None:
    page.goto(reader_server + f"/compare?speaker={LENN}&date=2024-05-06")
    groups = page.locator("#groups section.group")
    assert groups.count() == 2
    linked = groups.filter(has_text=FJORD)
    assert "first report" in linked.locator(".report.first").inner_text()
    assert COURIER in linked.locator(".report.first h3").inner_text()
    assert linked.locator("del.removed").all_inner_texts() == ["a single"]
    assert linked.locator("ins.added").all_inner_texts() == ["any"]
    linked.locator(".report").nth(1).locator("a.article-link").click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]+#s-0$"))
    assert FJORD in page.locator("main p.muted").first.inner_text()


def test_speaker_page_links_its_days(page: Any, reader_server: str) -> None:
    page.goto(reader_server + "/speakers/" + COSS)
    days = page.locator("#days li a")
    assert days.all_inner_texts() == ["8 May 2024", "9 May, year unknown"]  # no year: last
    days.nth(0).click()
    page.wait_for_url("**/compare?**")
    assert MARKUP in page.locator("#groups").inner_text()
    page.locator("a.next-day").click()
    page.wait_for_url("**date=--05-09**")
    assert "berth fees" in page.locator("#groups").inner_text()


@pytest.mark.parametrize("page", [PHONE], indirect=True)
@pytest.mark.parametrize(
    "path",
    ["/?search=ceasefire", "/timeline", f"/compare?speaker={LENN}&date=2024-05-06"],
)
def test_phone_width_has_no_sideways_scroll(page: Any, reader_server: str, path: str) -> None:
    page.goto(reader_server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_screenshots_for_the_readme(page: Any, reader_server: str) -> None:
    """The README's pictures: search with highlights and facets, the timeline, a speaker."""
    folder = Path(os.environ.get("ONRECORD_SCREENSHOTS") or ARTIFACTS / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1200, "height": 760})
    search(page, reader_server, "ceasefire")
    page.screenshot(path=str(folder / "search.png"))
    page.goto(reader_server + "/timeline?kind=all")
    page.screenshot(path=str(folder / "timeline.png"))
    page.goto(reader_server + "/speakers/" + LENN)
    page.locator("#chart svg rect.bar").first.wait_for()
    page.screenshot(path=str(folder / "speaker.png"), full_page=True)
    for name in ("search", "timeline", "speaker"):
        assert (folder / f"{name}.png").stat().st_size > 10_000
