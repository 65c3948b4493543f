"""The HTTP API and pages through FastAPI's TestClient, over the invented corpus.

Covers every endpoint, pagination, search strings that are FTS5 syntax errors (400 or
results, never 500), the token rules for ingest, body-size limits and 404s.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.cli.main import main
from onrecord.errors import StoreError
from onrecord.web.app import create_app
from support.web_corpus import OUTLET_A, OUTLET_B, SCRIPT, SPEAKER, fill_store

TOKEN = "s3cret-token"
TEST_HOSTS = ["testserver"]  # as in conftest.py: the Host header TestClient sends


@pytest.fixture
def writer(corpus_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of a server with a token and a small body cap, over a copy of the corpus."""
    db = tmp_path / "w.db"
    shutil.copy(corpus_db, db)
    with TestClient(create_app(db, TOKEN, max_body=4096, allowed_hosts=TEST_HOSTS)) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def items(client: TestClient, url: str) -> list[dict[str, Any]]:
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()["items"]


# --------------------------------------------------------------------------- statements


def test_index_counts_and_links(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["counts"]["articles"] == 4
    assert body["counts"]["statements"] == 7
    assert body["links"]["statements"] == "/api/statements"


def test_search_finds_both_outlets_reports(client: TestClient) -> None:
    found = items(client, "/api/statements?search=ceasefire")
    assert {s["outlet"] for s in found} == {OUTLET_A, OUTLET_B}
    assert all(s["speaker"]["name"] == SPEAKER for s in found)
    first = found[0]
    assert "ceasefire" in first["content"]["text"]
    assert first["links"]["article"].startswith("/articles/")
    assert first["date"] in ("2022-03-21", "2022-03-22")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"speaker={SPEAKER}", 4),
        ("speaker=voronov", 4),
        ("speaker=Petra Lind", 3),
        (f"outlet={OUTLET_B}", 2),
        ("outlet=harbor daily post", 2),
        ("kind=indirect", 2),
        ("kind=direct,mixed", 5),
        ("since=2022-03-22", 4),
        ("until=2022-03", 5),
        ("since=2022-03-22&until=2022-03-28", 2),
        ("search=harbour OR delegations", 2),
        ("search=ceasefire -real", 1),
        ("search=deleg*", 1),
        ('search="not seen any movement"', 1),
        ("search=", 7),
        ("speaker=nobody-at-all", 0),
    ],
)
def test_statement_filters(client: TestClient, query: str, expected: int) -> None:
    r = client.get(f"/api/statements?{query}")
    assert r.status_code == 200, r.text
    assert r.json()["total"] == expected


def test_pagination_limit_offset_page(client: TestClient) -> None:
    first = client.get("/api/statements?limit=3&sort=date").json()
    assert first["total"] == 7 and len(first["items"]) == 3
    assert first["links"]["prev"] is None
    nxt = client.get(first["links"]["next"]).json()
    assert nxt["offset"] == 3
    assert client.get("/api/statements?limit=3&page=2&sort=date").json()["items"] == nxt["items"]
    last = client.get("/api/statements?limit=3&offset=6&sort=date").json()
    assert len(last["items"]) == 1 and last["links"]["next"] is None
    keys = [s["id"] for s in first["items"] + nxt["items"] + last["items"]]
    assert len(set(keys)) == 7
    assert client.get("/api/statements?offset=50").json()["items"] == []


def test_sort_orders(client: TestClient) -> None:
    oldest = [s["published"][:10] for s in items(client, "/api/statements?sort=date")]
    newest = [s["published"][:10] for s in items(client, "/api/statements?sort=-date")]
    assert oldest == sorted(oldest) and newest == sorted(newest, reverse=True)
    assert newest == oldest[::-1]
    paged = items(client, "/api/statements?sort=-date&limit=2&offset=2")
    assert [s["id"] for s in paged] == [
        s["id"] for s in items(client, "/api/statements?sort=-date")[2:4]
    ]
    ranked = items(client, "/api/statements?search=ceasefire&sort=relevance")
    assert len(ranked) == 2


def test_newest_first_puts_unknown_years_last(tmp_path: Path) -> None:
    from onrecord.model import Article, Span, Statement
    from onrecord.store.db import Store

    dates = ["2021-05-01", "--06-01", "2023-01-02", "2022-07-07"]
    with Store(tmp_path / "d.db", create=True) as store:
        for i, date in enumerate(dates):
            text = f"Words number {i} here."
            store.add_article(
                Article(id=f"d{i}", text=text, outlet="X", published=date),
                [Statement(kind="indirect", content=Span.of(text, 0, len(text)))],
            )
    with TestClient(create_app(tmp_path / "d.db", allowed_hosts=TEST_HOSTS)) as c:
        newest = [s["published"] for s in items(c, "/api/statements?sort=-date")]
        assert newest == ["2023-01-02", "2022-07-07", "2021-05-01", "--06-01"]
        paged = [s["published"] for s in items(c, "/api/statements?sort=-date&limit=2&offset=2")]
        assert paged == ["2021-05-01", "--06-01"]
        last = [s["published"] for s in items(c, "/api/statements?sort=-date&limit=2&offset=3")]
        assert last == ["--06-01"]


@pytest.mark.parametrize(
    "search",
    ['"unbalanced', "NEAR(", "NEAR(a b", '"', "*", "AND", "OR", "NOT", "-", "a:b", "^x", ")))",
     "col:ceasefire", 'cease"fire', "\\", "'", "{x}", "ceasefire AND", "🙂", "\x00", "%_"],
)  # fmt: skip
def test_search_syntax_never_breaks(client: TestClient, search: str) -> None:
    r = client.get("/api/statements", params={"search": search})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 400:
        assert r.json()["error"]


def test_unbalanced_quote_and_near_answer_cleanly(client: TestClient) -> None:
    r = client.get("/api/statements", params={"search": '"unbalanced'})
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/statements", params={"search": '"'})
    assert r.status_code == 400 and "no words to search for" in r.json()["error"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("page=0", "page"),
        ("kind=quoted", "direct, indirect or mixed"),
        ("since=2022/03/01", "YYYY-MM-DD"),
        ("until=yesterday", "YYYY-MM-DD"),
        ("sort=sideways", "sort"),
    ],
)
def test_bad_parameters_are_400_with_a_message(
    client: TestClient, query: str, message: str
) -> None:
    r = client.get(f"/api/statements?{query}")
    assert r.status_code == 400
    assert message in r.json()["error"]


def test_one_statement_by_key(client: TestClient) -> None:
    listed = items(client, "/api/statements?search=delegations")[0]
    assert listed.pop("highlight")  # a search result also says where it matched
    r = client.get(listed["links"]["self"])
    assert r.status_code == 200
    assert r.json() == listed
    for bad in ("nope", "abc:1", f"{listed['article_id']}:99", f"{listed['article_id']}:x"):
        r = client.get(f"/api/statements/{bad}")
        assert r.status_code == 404 and "not found" in r.json()["error"]


# --------------------------------------------------------------------------- speakers, articles


def test_speakers_list_and_filters(client: TestClient) -> None:
    body = client.get("/api/speakers").json()
    assert [s["name"] for s in body["items"]] == [SPEAKER, "Petra Lind"]
    assert body["total"] == 2
    assert body["items"][0]["outlets"] == [OUTLET_B, OUTLET_A]
    assert [s["name"] for s in items(client, f"/api/speakers?outlet={OUTLET_B}")] == [SPEAKER]
    assert [s["name"] for s in items(client, "/api/speakers?name=lind")] == ["Petra Lind"]
    assert len(items(client, "/api/speakers?limit=1&offset=1")) == 1


def test_one_speaker_with_activity(client: TestClient) -> None:
    speaker = items(client, "/api/speakers")[0]
    body = client.get(speaker["links"]["api"]).json()
    assert body["name"] == SPEAKER and body["statements"] == 4
    assert {a["outlet"] for a in body["activity"]} == {OUTLET_A, OUTLET_B}
    assert sum(a["count"] for a in body["activity"]) == 4
    assert {o["outlet"]: o["count"] for o in body["by_outlet"]} == {OUTLET_A: 2, OUTLET_B: 2}
    listed = client.get(f"/api/statements?{body['statements_query']}").json()
    assert listed["total"] == 4
    assert client.get("/api/speakers/ilya voronov").json()["name"] == SPEAKER
    r = client.get("/api/speakers/Nobody%20Here")
    assert r.status_code == 404 and "Nobody Here" in r.json()["error"]


def test_articles_list_and_one_article(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert [a["doc_id"] for a in body["items"]] == ["nw-1", "hd-1", "hd-2", "nw-2"]
    assert [a["doc_id"] for a in items(client, f"/api/articles?outlet={OUTLET_A}")] == [
        "nw-1",
        "nw-2",
    ]
    assert [a["doc_id"] for a in items(client, "/api/articles?search=ceasefire")] == [
        "nw-1",
        "hd-1",
    ]
    assert len(items(client, "/api/articles?since=2022-03-28")) == 2
    one = client.get(body["items"][0]["links"]["api"]).json()
    assert one["doc_id"] == "nw-1" and one["statement_count"] == 3
    assert [s["position"] for s in one["statements"]] == [0, 1, 2]
    for s in one["statements"]:
        assert one["text"][s["content"]["start"] : s["content"]["end"]] == s["content"]["text"]
    assert client.get("/api/articles/nw-1").json()["id"] == one["id"]  # the caller's id works
    r = client.get("/api/articles/ffffffffffffffff")
    assert r.status_code == 404 and "not found" in r.json()["error"]


def test_outlets(client: TestClient) -> None:
    assert client.get("/api/outlets").json()["items"] == [
        {"outlet": OUTLET_B, "articles": 2},
        {"outlet": OUTLET_A, "articles": 2},
    ]


def test_timeline(client: TestClient) -> None:
    body = client.get("/api/timeline?kind=statements").json()
    first = body["items"][0]
    assert first["speaker"] == SPEAKER and first["start"] == "2022-03-21"
    assert first["outlets"] == [OUTLET_A, OUTLET_B] and first["reports"] == 2
    assert body["total"] == 6  # 7 statements, two reports of one remark share an entry
    assert first["links"]["article"].startswith("/articles/")
    lind = client.get("/api/timeline?speaker=Petra Lind&kind=statements").json()
    assert {e["speaker"] for e in lind["items"]} == {"Petra Lind"}
    assert len(client.get("/api/timeline?limit=2").json()["items"]) == 2
    r = client.get("/api/timeline?since=March")
    assert r.status_code == 400 and "YYYY" in r.json()["error"]


def test_groups_across_outlets(client: TestClient) -> None:
    body = client.get(f"/api/groups?speaker={SPEAKER}&date=2022-03-21").json()
    linked = [g for g in body["items"] if len(g["outlets"]) == 2]
    assert len(linked) == 1
    group = linked[0]
    assert group["first_outlet"] == OUTLET_A
    assert [r["outlet"] for r in group["reports"]] == [OUTLET_A, OUTLET_B]
    assert ["real", ""] in [[d["a"], d["b"]] for d in group["reports"][1]["diff"]]
    r = client.get(f"/api/groups?speaker={SPEAKER}")
    assert r.status_code == 400 and "date" in r.json()["error"]
    r = client.get("/api/groups?speaker=Nobody&date=2022-03-21")
    assert r.status_code == 400 and "not in the registry" in r.json()["error"]


def test_openapi_and_docs_page_without_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/statements", "/api/speakers/{ref}", "/api/articles/{article_id}",
                 "/api/upload"):  # fmt: skip
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/statements"]["get"]["parameters"]}
    assert {
        "search",
        "speaker",
        "outlet",
        "kind",
        "since",
        "until",
        "limit",
        "offset",
        "sort",
    } <= params
    page = client.get("/docs", headers={"accept": "text/html"}).text
    assert "/static/docs.js" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_unknown_routes_and_methods(client: TestClient) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"].startswith("no such page")
    r = client.put("/api/statements")
    assert r.status_code == 405 and "PUT" in r.json()["error"]
    r = client.delete("/api/articles/nw-1")
    assert r.status_code == 405


# --------------------------------------------------------------------------- pages


HTML = {"accept": "text/html"}


def test_pages_render_and_escape(client: TestClient) -> None:
    for url in ("/", "/?search=ceasefire&outlet=Northwind+Wire", "/speakers", "/articles",
                f"/speakers/{SPEAKER}"):  # fmt: skip
        r = client.get(url, headers=HTML)
        assert r.status_code == 200, url
        assert "text/html" in r.headers["content-type"]
    hd2 = client.get("/api/articles/hd-2").json()
    page = client.get(hd2["links"]["page"], headers=HTML).text
    assert SCRIPT not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('<mark class="stmt"') == 1
    articles = client.get("/articles", headers=HTML).text
    assert "&lt;b&gt;memorandum&lt;/b&gt;" in articles


def test_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/statements", "/static/app.js", "/nowhere"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff"


def test_speaker_page_embeds_activity_safely(client: TestClient) -> None:
    page = client.get(f"/speakers/{SPEAKER}", headers=HTML).text
    marker = '<script type="application/json" id="speaker-data">'
    start = page.index(marker) + len(marker)
    data = json.loads(page[start : page.index("</script>", start)])
    assert {d["outlet"] for d in data["activity"]} == {OUTLET_A, OUTLET_B}
    assert SCRIPT not in page  # the quote with <script> is in the embedded JSON, escaped
    assert any(SCRIPT in s["content"]["text"] for s in data["latest"])


def test_compare_page(client: TestClient) -> None:
    s = items(client, '/api/statements?search="real movement"')[0]
    page = client.get(s["links"]["compare"], headers=HTML).text
    assert page.count('<section class="version') == 2
    assert '<del class="removed">real</del>' in page
    assert "first report" in page


def test_missing_pages_are_html_404(client: TestClient) -> None:
    for url in ("/articles/ffffffffffffffff", "/speakers/Nobody", "/compare/x:1", "/nowhere"):
        r = client.get(url, headers=HTML)
        assert r.status_code == 404, url
        assert "text/html" in r.headers["content-type"]


# --------------------------------------------------------------------------- writes


DOC = {
    "id": "post-1",
    "text": 'Mayor Anna Brook spoke on Tuesday.\n\n"The bridge will open in May," Anna Brook said.',
    "outlet": "Lakeside Herald",
    "published": "2022-05-03",
}


def test_read_only_server_refuses_writes(client: TestClient) -> None:
    r = client.post("/api/articles", json=DOC, headers=auth())
    assert r.status_code == 403 and "read-only" in r.json()["error"]
    r = client.post("/api/upload", files={"file": ("a.txt", b"text")})
    assert r.status_code == 403


def test_writes_need_the_right_token(writer: TestClient) -> None:
    r = writer.post("/api/articles", json=DOC)
    assert r.status_code == 401 and "Bearer" in r.json()["error"]
    assert r.headers["www-authenticate"].startswith("Bearer")
    r = writer.post("/api/articles", json=DOC, headers=auth("wrong"))
    assert r.status_code == 401 and r.json()["error"] == "wrong token"
    r = writer.post("/api/articles", json=DOC, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert writer.get("/api/articles/post-1").status_code == 404


def test_post_article_ingests_it(writer: TestClient) -> None:
    r = writer.post("/api/articles", json=DOC, headers=auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["report"]["new"] == 1
    stored = writer.get(body["articles"][0]["links"]["api"]).json()
    assert stored["text"] == DOC["text"] and stored["outlet"] == "Lakeside Herald"
    again = writer.post("/api/articles", json=[DOC], headers=auth()).json()
    assert again["report"]["duplicate"] == 1
    assert writer.get("/api/articles").json()["total"] == 5


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        # The request cannot be read: 400.
        (b"{not json", 400, "not JSON"),
        (b"[]", 400, "expected a JSON object"),
        (b"[1, 2]", 400, "expected a JSON object"),
        # Read, but no document could be stored: 422, and `failed` says why.
        (json.dumps({"id": "x"}).encode(), 422, "'text'"),
        (json.dumps({"id": "x", "text": "  "}).encode(), 422, "empty 'text'"),
        (json.dumps({"id": "x", "text": "t", "published": "soon"}).encode(), 422, "published"),
    ],
)
def test_post_article_bad_documents(
    writer: TestClient, body: bytes, status: int, message: str
) -> None:
    r = writer.post(
        "/api/articles", content=body, headers={**auth(), "content-type": "application/json"}
    )
    assert r.status_code == status
    assert message in r.json()["error"]
    if status == 422:
        assert r.json()["articles"] == [] and message in r.json()["failed"][0]


def test_upload_a_file(writer: TestClient) -> None:
    text = "Pier talks resume\n\n" + DOC["text"]
    r = writer.post(
        "/api/upload",
        files={"file": ("pier.txt", text.encode(), "text/plain")},
        data={"outlet": "Lakeside Herald", "published": "2022-05-04"},
        headers=auth(),
    )
    assert r.status_code == 201, r.text
    art = writer.get(r.json()["articles"][0]["links"]["api"]).json()
    assert art["outlet"] == "Lakeside Herald" and art["published"] == "2022-05-04"


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"files": {"file": ("e.txt", b"")}}, 400, "empty"),
        ({"files": {"other": ("e.txt", b"x")}}, 400, "`file`"),
        ({"content": b"plain", "headers": {"content-type": "text/plain"}}, 400, "multipart"),
        ({"files": {"file": ("a.txt", b"x")}, "data": {"published": "someday"}}, 400, "published"),
        ({"files": {"file": ("a.txt", b"x")}, "data": {"year": "MMXXII"}}, 400, "year"),
        ({"files": {"file": ("big.txt", b"x" * 5000)}}, 413, "too large"),
    ],
)
def test_upload_errors(
    writer: TestClient, kwargs: dict[str, Any], status: int, message: str
) -> None:
    headers = {**auth(), **kwargs.pop("headers", {})}
    r = writer.post("/api/upload", headers=headers, **kwargs)
    assert r.status_code == status, r.text
    assert message in r.json()["error"]


def test_body_limit_without_content_length(writer: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * 1000

    r = writer.post(
        "/api/articles", content=chunks(), headers={**auth(), "content-type": "application/json"}
    )
    assert r.status_code == 413 and "limit is 4,096 bytes" in r.json()["error"]


# --------------------------------------------------------------------------- app and CLI


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "none.db")
    create_app(tmp_path / "new.db", token=TOKEN)  # with a token the first upload fills it
    assert (tmp_path / "new.db").exists()


def test_cli_serve_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"]) == 2
    assert "--port 0" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err
    db = str(fill_store(tmp_path / "busy.db"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = str(busy.getsockname()[1])
        assert main(["serve", "--db", db, "--port", port]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert main(["serve", "--db", db, "--host", "no such host.invalid"]) == 2
