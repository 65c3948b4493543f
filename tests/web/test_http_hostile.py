"""Hostile and careless input over HTTP (issue 11, items 1, 4, 5 and 6).

Every case answers with a 4xx that names the problem, never a 500 or a 503 naming the
database file; a batch stores its good documents and says why the others failed, with a
status that says which happened; an article's ``javascript:`` url is never a live link; and
requests addressed to a host name the server does not answer for get a 400 (DNS rebinding).
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from onrecord.api import stream
from onrecord.cli.main import main
from onrecord.cli.serve import allowed_hosts
from onrecord.errors import StoreError, UsageError
from onrecord.model import Article
from onrecord.store.db import Store
from onrecord.web.app import create_app
from onrecord.web.convert import web_url
from support.web_corpus import fill_store

TOKEN = "s3cret-token"
HOSTS = ["testserver"]  # the Host header TestClient sends (see conftest.py)
HUGE = "9223372036854775808"  # 2**63: one past SQLite's largest integer
DEEP = "[" * 5000 + "]" * 5000


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writer(corpus_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of a server with a token, over a copy of the corpus."""
    db = tmp_path / "w.db"
    shutil.copy(corpus_db, db)
    with TestClient(create_app(db, TOKEN, allowed_hosts=HOSTS)) as c:
        yield c


def post_json(client: TestClient, body: bytes) -> Any:
    return client.post(
        "/api/articles", content=body, headers={**auth(), "content-type": "application/json"}
    )


def assert_links_resolve(client: TestClient, answer: dict[str, Any]) -> None:
    for article in answer["articles"]:
        assert client.get(article["links"]["api"]).status_code == 200
        assert client.get(article["links"]["page"]).status_code == 200


# ------------------------------------------------------------ 1. one bad document, not all


def test_lone_surrogate_document_is_422_naming_it(writer: TestClient) -> None:
    r = post_json(writer, b'{"id": "s", "text": "Holm said \\ud800 the port was safe."}')
    assert r.status_code == 422, r.text
    body = r.json()
    assert "lone surrogate" in body["error"] and "'text'" in body["error"]
    assert body["articles"] == [] and len(body["failed"]) == 1


def test_batch_keeps_its_good_documents(writer: TestClient) -> None:
    docs = (
        b'[{"id": "bad", "text": "Ek said \\udc00 that."},'
        b' {"id": "good", "text": "Holm said that the budget was approved."}]'
    )
    r = post_json(writer, docs)
    assert r.status_code == 207, r.text
    body = r.json()
    assert [a["doc_id"] for a in body["articles"]] == ["good"]
    assert len(body["failed"]) == 1 and body["failed"][0].startswith("POST /api/articles[0]:")
    assert body["report"]["failed"] == body["failed"] and body["report"]["new"] == 1
    assert_links_resolve(writer, body)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (DEEP.encode(), "nested too deeply"),
        (b'[{"id": "a", "text": "t", "m": ' + DEEP.encode() + b"}]", "nested too deeply"),
        (b'{"id": ' + b"1" * 5000 + b', "text": "t"}', "not JSON"),  # int() digit limit
    ],
)
def test_unreadable_json_body_is_400(writer: TestClient, body: bytes, message: str) -> None:
    r = post_json(writer, body)
    assert r.status_code == 400, r.text
    assert message in r.json()["error"]


def test_upload_keeps_the_good_lines(writer: TestClient) -> None:
    lines = [
        '{"id": "s", "text": "Ek said \\ud800 that the port was safe."}',
        '{"id": "d", "text": "x", "m": ' + DEEP + "}",
        json.dumps({"id": "g", "text": "Lind said that the road was open again."}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    r = writer.post("/api/upload", files={"file": ("docs.jsonl", data)}, headers=auth())
    assert r.status_code == 207, r.text
    body = r.json()
    assert [a["doc_id"] for a in body["articles"]] == ["g"]
    assert [f.split(": ", 1)[0] for f in body["failed"]] == [
        "upload:docs.jsonl:1",
        "upload:docs.jsonl:2",
    ]
    assert "lone surrogate" in body["failed"][0] and "nested too deeply" in body["failed"][1]
    assert_links_resolve(writer, body)


def test_upload_year_must_be_ascii_digits(writer: TestClient) -> None:
    files = {"file": ("a.txt", b"Holm said that the budget was approved.")}
    r = writer.post("/api/upload", files=files, data={"year": "\u00b2"}, headers=auth())
    assert r.status_code == 400 and "year" in r.json()["error"]


# ------------------------------------------------------------ 4. answers that say what happened


@pytest.mark.parametrize(
    "path", ["/api/statements", "/api/articles", "/api/timeline", "/api/speakers"]
)
@pytest.mark.parametrize("param", ["offset", "page"])
def test_huge_paging_numbers_are_400(client: TestClient, path: str, param: str) -> None:
    r = client.get(f"{path}?{param}={HUGE}")
    assert r.status_code == 400, r.text
    assert r.json()["error"].startswith(f"{param}: ")


@pytest.mark.parametrize("path", ["/articles", "/speakers"])
@pytest.mark.parametrize("param", ["offset", "page"])
def test_huge_paging_numbers_on_pages_are_400(client: TestClient, path: str, param: str) -> None:
    r = client.get(f"{path}?{param}={HUGE}", headers={"Accept": "text/html"})
    assert r.status_code == 400
    assert "text/html" in r.headers["content-type"] and f"{param}: " in r.text


def test_largest_paging_numbers_still_answer(client: TestClient) -> None:
    r = client.get("/api/statements?offset=1000000000")
    assert r.status_code == 200 and r.json()["items"] == []
    assert client.get("/api/articles?page=1000000000").status_code == 200


LONG = "a" * 55_000  # over SQLite's 50,000-byte LIKE limit, under the client's URL limit


@pytest.mark.parametrize(
    "url",
    [
        f"/api/speakers?name={LONG}",
        f"/api/statements?speaker={LONG}",
        f"/api/timeline?speaker={LONG}",
        f"/api/timeline?search={LONG}",
        f"/api/statements?search={LONG}",
        f"/api/groups?speaker={LONG}&date=2022-03-21",
        f"/api/speakers/{LONG}",
        f"/speakers/{LONG}",
    ],
)
def test_long_patterns_are_400_without_file_names(
    client: TestClient, corpus_db: Path, url: str
) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text[:300]
    message = r.json()["error"]
    assert "too long" in message and "55,000 characters" in message
    assert str(corpus_db) not in r.text and ".db" not in r.text


def test_statement_key_with_a_non_ascii_digit_is_404(client: TestClient) -> None:
    article = client.get("/api/articles").json()["items"][0]["id"]
    for path in [f"/api/statements/{article}:\u00b2", f"/compare/{article}:\u00b2"]:
        assert client.get(path).status_code == 404  # was a 500: int("²") raises


def test_nul_in_a_pattern_is_400(client: TestClient) -> None:
    # SQLite reads a LIKE pattern only up to a NUL: "a\0" matched every speaker.
    r = client.get("/api/speakers?name=zz%00")
    assert r.status_code == 400 and "NUL" in r.json()["error"]
    assert client.get("/api/speakers/%00").status_code == 400


def test_store_errors_do_not_name_the_database_file(
    client: TestClient, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object, **_kwargs: object) -> None:
        raise StoreError("query failed (disk I/O error)", source=str(corpus_db))

    monkeypatch.setattr(Store, "speakers", failing)
    r = client.get("/api/speakers")
    assert r.status_code == 503
    assert r.json()["error"] == "the database: query failed (disk I/O error)"
    assert str(corpus_db.parent) not in r.text


@pytest.fixture
def explosive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction raises for any article holding "EXPLODE" or of that id (as a crashing
    extractor would)."""
    real = stream.extract_many

    def extract_many(articles: Any, **kwargs: Any) -> Any:
        def checked() -> Iterator[Article]:
            for article in articles:
                if "EXPLODE" in article.text or article.id == "EXPLODE":
                    raise RuntimeError("extractor crashed")
                yield article

        return real(checked(), **kwargs)

    monkeypatch.setattr(stream, "extract_many", extract_many)


@pytest.mark.usefixtures("explosive")
def test_only_article_failing_is_422_without_links(writer: TestClient) -> None:
    doc = {"id": "boom", "text": "Holm said that EXPLODE was near."}
    r = writer.post("/api/articles", json=doc, headers=auth())
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["articles"] == []
    assert "extraction failed" in body["error"] and "extractor crashed" in body["failed"][0]


@pytest.mark.usefixtures("explosive")
def test_partly_failing_batch_is_207_linking_only_what_is_stored(writer: TestClient) -> None:
    docs = [
        {"id": "ok", "text": "Holm said that the budget was approved."},
        {"id": "boom", "text": "Holm said that EXPLODE was near."},
    ]
    r = writer.post("/api/articles", json=docs, headers=auth())
    assert r.status_code == 207, r.text
    body = r.json()
    assert [a["doc_id"] for a in body["articles"]] == ["ok"]
    assert len(body["failed"]) == 1 and "extraction failed" in body["failed"][0]
    assert_links_resolve(writer, body)


@pytest.mark.usefixtures("explosive")
def test_a_failed_article_is_never_linked_even_when_its_text_was_stored(
    writer: TestClient,
) -> None:
    """Two documents of one text (one content id), the second failing in extraction: the
    answer used to list both as stored (the store held their content id), linking the one
    that failed; it lists what the ingest reported stored."""
    text = "Holm said that the budget was approved."
    docs = [{"id": "ok", "text": text}, {"id": "EXPLODE", "text": text}]
    r = writer.post("/api/articles", json=docs, headers=auth())
    assert r.status_code == 207, r.text
    body = r.json()
    assert [a["doc_id"] for a in body["articles"]] == ["ok"]
    assert [f.split(": ")[0] for f in body["failed"]] == ["POST /api/articles[1]"]
    assert_links_resolve(writer, body)


def test_all_stored_is_201_with_nothing_failed(writer: TestClient) -> None:
    doc = {"id": "fine", "text": "Holm said that the budget was approved."}
    r = writer.post("/api/articles", json=doc, headers=auth())
    assert r.status_code == 201 and r.json()["failed"] == []
    again = writer.post("/api/articles", json=doc, headers=auth())  # a duplicate is stored
    assert again.status_code == 201 and again.json()["report"]["duplicate"] == 1
    assert_links_resolve(writer, again.json())


def test_web_ingest_sets_up_the_pipeline_under_the_model_lock(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Web ingest extracts in the server's thread pool, through the same path as `onrecord
    ingest` (onrecord.api.core, the extraction stream, extract_many), whose first step
    loads and sets up the shared spaCy pipeline under one lock (extract/nlp_setup.py):
    threads never change the pipeline while another parses with it."""
    from onrecord.extract import nlp_setup

    real = nlp_setup._setup_lock
    taken: list[str] = []

    class Recording:
        def __enter__(self) -> None:
            real.acquire()
            taken.append(threading.current_thread().name)

        def __exit__(self, *exc: object) -> None:
            real.release()

    monkeypatch.setattr(nlp_setup, "_setup_lock", Recording())
    docs = [{"id": f"t{i}", "text": f"Holm said that plan {i} was approved."} for i in range(3)]
    answers: list[int] = []

    def post(doc: dict[str, str]) -> None:
        answers.append(writer.post("/api/articles", json=doc, headers=auth()).status_code)

    threads = [threading.Thread(target=post, args=(d,)) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [201, 201, 201]
    assert len(taken) >= 3 and threading.main_thread().name not in taken


# ------------------------------------------------------------ 5. links only to web pages

BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\x01\x1fjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http:evil.example",
    "https://[::1",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_web_url_refuses_what_is_not_http(url: str) -> None:
    assert web_url(url) is None


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://Example.org/", "HTTP://Example.org/"),
        ("  https://example.org/x\n", "https://example.org/x"),
        ("https://exa\tmple.org/", "https://example.org/"),
    ],
)
def test_web_url_keeps_web_addresses(url: str, link: str) -> None:
    assert web_url(url) == link


@pytest.fixture(scope="module")
def url_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server over articles whose urls are the hostile ones above, and one good one."""
    db = tmp_path_factory.mktemp("urls") / "urls.db"
    with Store(db, create=True) as store:
        for i, url in enumerate([*BAD_URLS, "https://example.org/good"]):
            text = f"Holm said that item {i} was ready."
            store.add_article(Article(id=f"u{i}", text=text, outlet="X", url=url), [])
    with TestClient(create_app(db, allowed_hosts=HOSTS)) as c:
        yield c


def test_article_pages_link_only_web_urls(url_client: TestClient) -> None:
    articles = url_client.get("/api/articles?limit=100").json()["items"]
    assert len(articles) == len(BAD_URLS) + 1
    for article in articles:
        html = url_client.get(article["links"]["page"]).text
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert not [h for h in hrefs if re.match(r"\W*(java|vb)script|data:|//", h, re.I)]
        if article["url"] == "https://example.org/good":
            assert article["links"]["original"] == article["url"]
            assert 'href="https://example.org/good"' in html
        else:
            assert article["links"]["original"] is None
            assert 'class="url"' in html  # shown as text, not dropped


# ------------------------------------------------------------ 6. the Host header


def test_default_app_answers_only_loopback_names(corpus_db: Path) -> None:
    app = create_app(corpus_db)  # no allowed_hosts: the loopback names
    with TestClient(app) as c:  # sends Host: testserver
        r = c.get("/api/statements")
        assert r.status_code == 400 and "'testserver'" in r.json()["error"]
        assert "--allowed-host" in r.json()["error"]
        for host in ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LocalHost"]:
            assert c.get("/api", headers={"Host": host}).status_code == 200, host
        for host in ["evil.example", "localhost.evil.example", "127.0.0.1.evil.example", ""]:
            r = c.get("/api", headers={"Host": host})
            assert r.status_code == 400, host
        page = c.get("/", headers={"Host": "evil.example", "Accept": "text/html"})
        assert page.status_code == 400 and "text/html" in page.headers["content-type"]
        assert page.headers["x-frame-options"] == "DENY"  # security headers on it too


def test_allowed_hosts_are_configurable(corpus_db: Path) -> None:
    with TestClient(create_app(corpus_db, allowed_hosts=["News.Example", "::1"])) as c:
        assert c.get("/api", headers={"Host": "news.example:443"}).status_code == 200
        assert c.get("/api", headers={"Host": "[::1]"}).status_code == 200
        assert c.get("/api", headers={"Host": "localhost"}).status_code == 400
    with TestClient(create_app(corpus_db, allowed_hosts=["*"])) as c:
        assert c.get("/api", headers={"Host": "anything.example"}).status_code == 200
    for bad in ["bad host/", "*.example.org", ""]:
        with pytest.raises(UsageError, match="not a host name"):
            create_app(corpus_db, allowed_hosts=[bad])


def test_cli_allowed_hosts() -> None:
    loopback = ["localhost", "127.0.0.1", "[::1]"]
    assert allowed_hosts("127.0.0.1", []) == loopback
    assert allowed_hosts("0.0.0.0", []) == loopback
    assert allowed_hosts("::", ["news.example"]) == [*loopback, "news.example"]
    assert allowed_hosts("192.0.2.7", ["news.example", "news.example"]) == [
        *loopback,
        "192.0.2.7",
        "news.example",
    ]


def test_cli_refuses_a_bad_allowed_host(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(fill_store(tmp_path / "h.db"))
    assert main(["serve", "--db", db, "--allowed-host", "no such/host"]) == 2
    assert "--allowed-host 'no such/host' is not a host name" in capsys.readouterr().err


def test_a_real_server_refuses_a_rebound_host(corpus_db: Path) -> None:
    """Through uvicorn and a socket, as a browser tricked by DNS rebinding would ask."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(corpus_db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
            time.sleep(0.05)

        def status(host: str) -> tuple[int, bytes]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/api/statements", headers={"Host": host})
            answer = conn.getresponse()
            out = (answer.status, answer.read())
            conn.close()
            return out

        code, body = status("attacker.example")
        assert code == 400 and b"attacker.example" in body and b"Voronov" not in body
        code, body = status(f"127.0.0.1:{port}")
        assert code == 200 and b"Voronov" in body
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
