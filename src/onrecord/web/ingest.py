"""Ingest over HTTP: ``POST /api/articles`` (JSON documents) and ``POST /api/upload`` (a file).

Both go through the CLI's path: documents are read by the JSONL reader's ``parse_document``
(so they follow ``spec/statements.md`` with the same checks), files by ``read_bytes`` (format
sniffed, gzip unwrapped), and both are stored by ``onrecord.api.core.ingest_articles``
(extract, store, registry update, one transaction per batch). Writes need the token (see
``auth``); bodies are capped by the ``BodyLimit`` middleware (413).

The status says what was stored, so a client need not read the body to know: 201 every
document was stored (or was already), 207 some were and ``failed`` explains the others, 422
none was (``error`` and ``failed`` say why). ``articles`` lists only documents that are in the
store, so every link in an answer resolves. A request that cannot be read at all (not JSON,
nested too deeply, no file) is a 400.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from onrecord.errors import InputError
from onrecord.model import Article
from onrecord.web.auth import check_write_token
from onrecord.web.convert import path_part
from onrecord.web.errors import public_message

router = APIRouter(prefix="/api", tags=["write (needs the token)"])


#: What the write endpoints answer, for the OpenAPI description.
STATUSES = (
    "201: every document stored (or already stored); 207: some stored, `failed` explains the "
    "others; 422: none stored, `error` and `failed` say why; 400: the request itself cannot "
    "be read. Needs `Authorization: Bearer <token>`."
)
RESPONSES: dict[int | str, dict[str, Any]] = {
    201: {"description": "every document stored (or stored before)"},
    207: {"description": "some documents stored (`articles`); `failed` says why the others not"},
    400: {"description": "the request cannot be read (not JSON, nested too deeply, no file)"},
    422: {"description": "no document stored; `error` and `failed` say why"},
}


@router.post(
    "/articles",
    status_code=201,
    responses=RESPONSES,
    summary="Ingest one JSON document, or a JSON array of them",
    description='Each document: {"id": ..., "text": ..., "published": ..., "outlet": ..., '
    '"url": ...}; "id" and "text" are required. ' + STATUSES,
)
async def post_articles(request: Request) -> JSONResponse:
    check_write_token(request, request.app.state.token)
    data = _json_body(await request.body())
    docs = data if isinstance(data, list) else [data]
    if not docs or not all(isinstance(d, dict) for d in docs):
        raise HTTPException(400, "expected a JSON object (a document) or an array of them")
    return await run_in_threadpool(_ingest, request, _documents(docs))


@router.post(
    "/upload",
    status_code=201,
    responses=RESPONSES,
    summary="Ingest an uploaded file (text, HTML, RSS/Atom, JSONL, WARC; gzip ok)",
    description="multipart/form-data with `file`, and optional `outlet`, `published`, `year` "
    "hints as for `onrecord ingest`. " + STATUSES,
)
async def post_upload(request: Request) -> JSONResponse:
    check_write_token(request, request.app.state.token)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise HTTPException(400, "expected multipart/form-data with a `file` field")
    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, "multipart body has no `file` field with a file")
    data = await upload.read()
    if not data:
        raise HTTPException(400, f"uploaded file {upload.filename!r} is empty")
    hints = _hints({k: form.get(k) for k in ("outlet", "published", "year")})
    name = upload.filename or "upload"
    return await run_in_threadpool(_ingest, request, _file(data, name, hints))


def _json_body(body: bytes) -> Any:
    """The request body as JSON, or a 400 saying why it cannot be read.

    ``json.loads`` raises ValueError subclasses for bad syntax, bad UTF-8 and integers too
    long to convert, and RecursionError for nesting past the interpreter's recursion limit
    (one level of recursion per level of nesting): each is the client's mistake, not a 500.
    """
    try:
        return json.loads(body)
    except RecursionError:
        raise HTTPException(
            400,
            f"request body is JSON nested too deeply (over about {sys.getrecursionlimit()} levels)",
        ) from None
    except ValueError as exc:
        raise HTTPException(400, f"request body is not JSON ({exc})") from exc


def _documents(docs: list[dict[str, Any]]) -> Iterator[Article | InputError]:
    """JSON documents as the JSONL reader sees them; a bad one becomes a named InputError."""
    from onrecord.ingest import parse_document

    for i, doc in enumerate(docs):
        source = "POST /api/articles" + (f"[{i}]" if len(docs) > 1 else "")
        try:
            yield parse_document(doc, source)
        except InputError as exc:
            yield exc


def _file(data: bytes, name: str, hints: Any) -> Iterator[Article | InputError]:
    """An uploaded file read like ``onrecord ingest`` reads one (format sniffed, gzip ok)."""
    from onrecord.ingest import read_bytes

    return read_bytes(data, f"upload:{name}", hints)


def _hints(fields: dict[str, Any]) -> Any:
    """``Hints`` from form fields (UsageError on a bad value, answered with 400)."""
    from onrecord.ingest.meta import Hints

    year = fields.get("year")
    if isinstance(year, str) and year.strip():
        # ASCII digits only: str.isdigit() is true of "²", which int() refuses (was a 500).
        if not re.fullmatch(r"[0-9]{1,9}", year.strip()):
            raise HTTPException(400, f"year {year!r}: expected a number like 2022")
        year_value: int | None = int(year)
    else:
        year_value = None

    def text(key: str) -> str | None:
        value = fields.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    return Hints(outlet=text("outlet"), published=text("published"), year=year_value)


def _ingest(request: Request, items: Iterable[Article | InputError]) -> JSONResponse:
    """Extract and store (in this worker thread, with its store) through the API's ingest,
    the path of ``onrecord ingest``; the answer says what was stored (see the module
    docstring for the statuses).

    An article read well can still fail later (its extraction raises): the answer lists the
    articles whose outcome the ingest reported as stored (new, revision, or stored already),
    in input order, so no answer links a failed article, even one whose content another
    document of the request did store.
    """
    from onrecord.api.core import Outcome, ingest_articles

    read: list[Article] = []
    kept: set[int] = set()  # ids of the article objects stored

    def noting(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article):
                read.append(item)
            yield item

    def heard(article: Article, outcome: Outcome) -> None:
        if outcome != "failed":
            kept.add(id(article))

    store = request.app.state.pool.get()
    report = ingest_articles(noting(items), store, on_article=heard)
    stored = [a for a in read if id(a) in kept]
    failed = [public_message(request, e) for e in report.failed]
    body: dict[str, Any] = {
        "report": {**report.to_json(), "failed": failed},
        "articles": [_stored_json(a) for a in stored],
        "failed": failed,
    }
    if not stored:
        body = {"error": "; ".join(failed) or "no article found to store", **body}
        return JSONResponse(body, status_code=422)
    return JSONResponse(body, status_code=207 if failed else 201)


def _stored_json(article: Article) -> dict[str, Any]:
    """A stored article as the write endpoints list it: ids and links to it."""
    return {
        "id": article.content_id,
        "doc_id": article.id,
        "links": {
            "page": f"/articles/{path_part(article.content_id)}",
            "api": f"/api/articles/{path_part(article.content_id)}",
        },
    }
