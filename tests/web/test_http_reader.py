"""What a reader sees, over HTTP (no browser): highlighted search results, facet counts,
the latest statements with a speaker, the timeline and day-view pages, dates in words on
pages and ISO in JSON. On the invented reader corpus (tests/support/reader_corpus.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.web.app import create_app
from onrecord.web.dates import human_date
from onrecord.web.highlight import SNIPPET_BEFORE, SNIPPET_CHARS, snippet
from support.live import TEST_HOSTS
from support.reader_corpus import ANCHOR, COSS, COURIER, FJORD, LENN, MARKUP, ZEPHYR, fill_store

#: Reduced-precision ISO dates and how the pages write them (app.js agrees: browser test).
DATES = [
    ("2022-04-26T23:30:00+03:00", "26 Apr 2022, 20:30 UTC"),
    ("2022-04-26T20:30:00Z", "26 Apr 2022, 20:30 UTC"),
    ("2022-04-27T01:10:00+03:00", "26 Apr 2022, 22:10 UTC"),
    ("2022-03-21T10:15:00-05:00", "21 Mar 2022, 15:15 UTC"),
    ("2022-04-26T20:30", "26 Apr 2022, 20:30"),
    ("2022-04-26", "26 Apr 2022"),
    ("2022-04", "Apr 2022"),
    ("2022", "2022"),
    ("--03-28", "28 Mar, year unknown"),
    ("--03", "Mar, year unknown"),
    ("2022-03-29/2022-03-30", "29–30 Mar 2022"),
    ("2022-03-29/2022-04-02", "29 Mar – 2 Apr 2022"),
    ("2021-12-30/2022-01-02", "30 Dec 2021 – 2 Jan 2022"),
    ("--03-29/--03-30", "29–30 Mar, year unknown"),
    ("2022-03/2022-04", "Mar 2022 – Apr 2022"),
    ("2022-02-30", "2022-02-30"),
    ("2022-13", "2022-13"),
    ("not a date", "not a date"),
    ("", ""),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = fill_store(tmp_path_factory.mktemp("reader") / "reader.db")
    with TestClient(create_app(db, allowed_hosts=TEST_HOSTS)) as c:
        yield c


def page_text(html: str) -> str:
    """A page's visible words, roughly: tags dropped, entities decoded, spaces collapsed."""
    main = html[html.index("<main>") :]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


@pytest.mark.parametrize(("iso", "shown"), DATES)
def test_dates_in_words(iso: str, shown: str) -> None:
    assert human_date(iso) == shown


def test_search_marks_stemmed_matches_with_context(client: TestClient) -> None:
    items = client.get("/api/statements?search=ceasefire").json()["items"]
    assert len(items) == 3  # "ceasefires" in the long quote too
    for item in items:
        marked = [s["text"].lower() for s in item["highlight"]["segments"] if s["match"]]
        assert marked and all(m.startswith("ceasefire") for m in marked)
        assert "<mark>" in item["highlight"]["html"]
    long = next(i for i in items if len(i["words"]) > 280)
    text = "".join(s["text"] for s in long["highlight"]["segments"])
    assert text.startswith("…") and len(text) < len(long["words"])
    assert "ceasefires" in text
    # listings without a search carry no highlight
    assert "highlight" not in client.get("/api/statements").json()["items"][0]


def test_snippet_windows_a_long_statement() -> None:
    words = " ".join(f"w{i:03d}" for i in range(200))  # 999 characters
    at = words.index("w100")
    parts = snippet(words, [(at, at + 4)])
    text = "".join(t for t, _ in parts)
    assert text.startswith("…w") and text.endswith("…")  # both ends cut, on whole words
    assert [t for t, hit in parts if hit] == ["w100"]
    assert len(text) <= SNIPPET_CHARS + 2
    assert text.index("w100") >= SNIPPET_BEFORE - 5  # context before the match
    start = snippet(words, [(0, 4)])
    assert start[0] == ("w000", True) and start[-1][0].endswith("w055…")
    assert snippet("short words", [(6, 11)]) == [("short ", False), ("words", True)]
    assert snippet("no match here", []) == [("no match here", False)]


def test_highlight_html_is_escaped(client: TestClient) -> None:
    item = client.get("/api/statements?search=nobody").json()["items"][0]
    assert item["words"] == MARKUP
    html = item["highlight"]["html"]
    assert html.startswith("<mark>Nobody</mark>") and "&lt;i&gt;this&lt;/i&gt;" in html
    assert "<i>" not in html


def test_facets_count_speaker_outlet_kind_year(client: TestClient) -> None:
    body = client.get("/api/facets?search=ceasefire").json()
    facets = body["facets"]
    assert [(v["label"], v["count"]) for v in facets["speaker"]["values"]] == [(LENN, 3)]
    assert [(v["label"], v["count"]) for v in facets["outlet"]["values"]] == [
        (COURIER, 2),
        (FJORD, 1),
    ]
    assert facets["year"]["values"][0]["filter"] == {"since": "2024-01-01", "until": "2024-12-31"}
    assert (body["counted"], body["partial"]) == (3, False)
    narrowed = client.get(f"/api/facets?search=ceasefire&outlet={FJORD}").json()["facets"]
    assert narrowed["outlet"]["values"] == [
        {"value": FJORD, "count": 1, "label": FJORD, "filter": {"outlet": FJORD}, "selected": True}
    ]
    # the same counts on the listing itself, Datasette-style
    listed = client.get("/api/statements?search=ceasefire&facet=speaker&facet=year").json()
    assert set(listed["facets"]["facets"]) == {"speaker", "year"}
    assert client.get("/api/statements?facet=colour").status_code == 400


def test_facets_without_a_value_cannot_be_selected(client: TestClient) -> None:
    facets = client.get("/api/facets").json()["facets"]
    unknown = [v for v in facets["speaker"]["values"] if v["value"] is None]
    assert unknown == [
        {"value": None, "count": 3, "label": "unknown speaker", "filter": None, "selected": False}
    ]
    years = {v["label"]: v["count"] for v in facets["year"]["values"]}
    assert years == {"2024": 10, "year unknown": 1}


def test_latest_with_a_speaker(client: TestClient) -> None:
    newest = client.get("/api/statements?sort=-date&limit=1").json()["items"][0]
    assert newest["speaker"] is None  # the newest article has no named speaker
    named = client.get("/api/statements?sort=-date&has_speaker=true").json()
    assert named["total"] == 8
    assert all(i["speaker"]["name"] for i in named["items"])
    assert named["items"][0]["speaker"]["name"] == LENN


def test_json_keeps_iso_dates(client: TestClient) -> None:
    item = client.get("/api/statements?search=nobody").json()["items"][0]
    assert item["published"] == "2024-05-08T18:05:00Z"
    entries = client.get("/api/timeline?kind=statements&limit=50").json()["items"]
    assert {e["start"] for e in entries} >= {"2024-05", "--05-09", "2024-05-06"}


def test_search_page_outlets_sorted_and_sort_labels_short(client: TestClient) -> None:
    html = client.get("/").text
    select = html[
        html.index('name="outlet"') : html.index("</select>", html.index('name="outlet"'))
    ]
    outlets = re.findall(r'<option value="([^"]+)"', select)
    assert outlets == sorted([ANCHOR, COURIER, FJORD, ZEPHYR], key=str.casefold)
    assert ">best match<" in html
    assert 'id="facets"' in html


def test_timeline_page_lists_and_links(client: TestClient) -> None:
    r = client.get("/timeline?kind=statements&limit=4")
    assert r.status_code == 200
    text = page_text(r.text)
    assert "10 entries, showing 1–4" in text  # 11 statements, two of them one remark
    assert "May 2024" in text and "6 May 2024" in text
    links = re.findall(r'href="([^"]+)"', r.text)
    assert any(re.fullmatch(r"/articles/[0-9a-f]+#s-\d+", u) for u in links)
    assert any(u.startswith("/compare/") for u in links)
    days = {unescape(u) for u in links if u.startswith("/compare?")}
    assert any("date=2024-05-06" in u for u in days)
    nxt = re.search(r'<a class="next" href="([^"]+)"', r.text)
    assert nxt is not None
    second = client.get(unescape(nxt.group(1)))
    assert "showing 5–8" in page_text(second.text)
    assert "kind=statements" in unescape(nxt.group(1))  # paging keeps the filters


def test_timeline_page_filters(client: TestClient) -> None:
    text = page_text(client.get(f"/timeline?speaker={COSS}").text)
    assert "3 entries" in text and LENN not in text
    assert "9 May, year unknown" in text
    text = page_text(client.get("/timeline?search=ferry&kind=events").text)
    assert "1 entry" in text and "13–19 May 2024" in text


def test_timeline_page_says_what_is_wrong_in_place(client: TestClient) -> None:
    r = client.get("/timeline?since=May&speaker=Lenn")
    assert r.status_code == 400
    assert 'id="error"' in r.text and "since 'May'" in unescape(r.text)
    assert 'value="May"' in r.text  # the reader's input is kept
    r = client.get("/timeline?speaker=Nobody")
    assert r.status_code == 400 and "Nobody" in unescape(r.text)


def test_day_view_shows_who_reported_what(client: TestClient) -> None:
    r = client.get(f"/compare?speaker={LENN}&date=2024-05-06")
    assert r.status_code == 200
    text = page_text(r.text)
    assert f"What {LENN} said on 6 May 2024" in text
    assert "2 statements" in text and f"{COURIER}, {FJORD}" in text
    assert "first report" in text
    assert re.search(r'<del class="removed">a single</del>', r.text)
    assert '<ins class="added">any</ins>' in r.text
    assert "6 May 2024, 07:30 UTC" in text  # the Courier's 09:30 at +02:00
    assert re.search(r'class="next-day" href="[^"]+date=2024-05-07"', r.text) is None
    coss = client.get(f"/compare?speaker={COSS}&date=2024-05-08").text
    assert re.search(r'class="next-day" href="[^"]*date=--05-09"', coss)


def test_day_view_asks_for_what_is_missing(client: TestClient) -> None:
    assert "Give a speaker and a day" in page_text(client.get("/compare").text)
    r = client.get(f"/compare?speaker={LENN}&date=6 May")
    assert r.status_code == 400 and "date '6 May'" in unescape(r.text)


def test_pages_write_dates_in_words(client: TestClient) -> None:
    articles = page_text(client.get("/articles").text)
    assert "6 May 2024, 07:30 UTC" in articles and "9 May, year unknown" in articles
    assert "2024-05-06T" not in articles
    speaker_html = client.get(f"/speakers/{LENN}").text
    assert "Days reported" in speaker_html and "/compare?speaker=" in speaker_html
    assert "/timeline?speaker=" in speaker_html


def test_api_index_links_the_new_endpoints(client: TestClient) -> None:
    links: dict[str, Any] = client.get("/api").json()["links"]
    assert links["facets"] == "/api/facets" and links["timeline"] == "/api/timeline"


def test_timeline_json_links(client: TestClient) -> None:
    entries = client.get("/api/timeline?limit=50").json()["items"]
    event = next(e for e in entries if e["kind"] == "event")
    assert event["links"]["statement"] is None and "#s-" not in event["links"]["article"]
    said = next(e for e in entries if e["speaker"] == LENN)
    assert said["links"]["article"].endswith(f"#s-{said['position']}")
    assert said["links"]["statement_api"].startswith("/api/statements/")
    assert said["links"]["speaker"] == f"/speakers/{said['person_id']}"
