"""Turning every failure into a clear answer: JSON ``{"error": message}`` under /api, a small
HTML page elsewhere, always with a 4xx status for the caller's mistakes.

Mapping: UsageError and InputError (a bad search string, date, id, document) -> 400;
StoreError (the database cannot be read) -> 503; validation of query parameters -> 400 naming
the parameter; PayloadTooLarge -> 413; anything unexpected -> 500 with a generic message (the
detail goes to the server log, not to the client).

No answer names a file of the server's: the database's path says where the server keeps its
data (and whose home it is in), which is no business of a client's, so store errors are
answered without their source and the database path is written "the database" wherever it
would appear; the log keeps the full message.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from onrecord.errors import InputError, OnrecordError, StoreError, UsageError
from onrecord.web.limits import PayloadTooLarge

log = logging.getLogger("onrecord.web")


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON for API paths (and clients that ask for JSON), an HTML page for browsers."""
    wants_json = request.url.path.startswith("/api") or "text/html" not in request.headers.get(
        "accept", ""
    )
    if wants_json:
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(
        request=request,
        status=status,
        title=HTTPStatus(status).phrase,
        message=message,
        read_only=not request.app.state.token,
    )
    return HTMLResponse(html, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such page or resource: {request.url.path}"
    if exc.status_code == 405 and message == "Method Not Allowed":
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(request, exc.status_code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return error_response(request, 400, "; ".join(parts) or "invalid request")


async def _onrecord_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OnrecordError)
    if isinstance(exc, StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, 503, public_message(request, exc, server_source=True))
    status = 400 if isinstance(exc, UsageError | InputError) else 422
    return error_response(request, status, public_message(request, exc))


def public_message(request: Request, exc: OnrecordError, *, server_source: bool = False) -> str:
    """``exc``'s message for a client, naming no file of the server's.

    ``server_source``: the error's source is a server file (a store error's is the database
    or a migration), shown as "the database". The database's path is replaced wherever else
    it appears, too.
    """
    message = str(exc)
    if server_source and exc.source and message.startswith(f"{exc.source}: "):
        message = "the database: " + message[len(exc.source) + 2 :]
    pool = getattr(request.app.state, "pool", None)
    if pool is not None:
        for path in dict.fromkeys((str(pool.path.resolve()), str(pool.path))):
            message = message.replace(path, "the database")
    return message


async def _too_large(request: Request, exc: Exception) -> Response:
    return error_response(request, 413, str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(request, 500, "internal server error (see the server log)")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OnrecordError, _onrecord_error)
    app.add_exception_handler(PayloadTooLarge, _too_large)
    app.add_exception_handler(Exception, _unexpected)
