"""Ingest over HTTP: ``POST /api/articles`` (JSON documents) and ``POST /api/upload`` (a file).

Both go through the CLI's path: documents are read by the JSONL reader's ``parse_document``
(so they follow ``spec/statements.md`` with the same checks), files by ``read_bytes`` (format
sniffed, gzip unwrapped), and both are stored by ``onrecord.api.core.ingest_articles``
(extract, store, registry update, one transaction per batch). Writes need the token (see
``auth``); bodies are capped by the ``BodyLimit`` middleware (413).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from onrecord.errors import InputError
from onrecord.model import Article
from onrecord.serve.web.auth import check_write_token
from onrecord.serve.web.convert import path_part

router = APIRouter(prefix="/api", tags=["write (needs the token)"])


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest one JSON document, or a JSON array of them",
    description='Each document: {"id": ..., "text": ..., "published": ..., "outlet": ..., '
    '"url": ...}; only "text" is required. Needs `Authorization: Bearer <token>`.',
)
async def post_articles(request: Request) -> JSONResponse:
    check_write_token(request, request.app.state.token)
    body = await request.body()
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"request body is not JSON ({exc})") from exc
    docs = data if isinstance(data, list) else [data]
    if not docs or not all(isinstance(d, dict) for d in docs):
        raise HTTPException(400, "expected a JSON object (a document) or an array of them")
    return await run_in_threadpool(_ingest, request, _documents(docs))


@router.post(
    "/upload",
    status_code=201,
    summary="Ingest an uploaded file (text, HTML, RSS/Atom, JSONL, WARC; gzip ok)",
    description="multipart/form-data with `file`, and optional `outlet`, `published`, `year` "
    "hints as for `onrecord ingest`. Needs `Authorization: Bearer <token>`.",
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
        if not year.strip().isdigit():
            raise HTTPException(400, f"year {year!r}: expected a number like 2022")
        year_value: int | None = int(year)
    else:
        year_value = None

    def text(key: str) -> str | None:
        value = fields.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    return Hints(outlet=text("outlet"), published=text("published"), year=year_value)


def _ingest(request: Request, items: Iterable[Article | InputError]) -> JSONResponse:
    """Extract and store (in this worker thread, with its store); 201 with what happened."""
    from onrecord.api.core import ingest_articles

    stored: list[Article] = []

    def noting(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article):
                stored.append(item)
            yield item

    store = request.app.state.pool.get()
    report = ingest_articles(noting(items), store)
    if report.failed and not stored:
        raise HTTPException(400, "; ".join(str(e) for e in report.failed))
    articles = [
        {
            "id": a.content_id,
            "doc_id": a.id,
            "links": {
                "page": f"/articles/{path_part(a.content_id)}",
                "api": f"/api/articles/{path_part(a.content_id)}",
            },
        }
        for a in stored
    ]
    return JSONResponse({"report": report.to_json(), "articles": articles}, status_code=201)
