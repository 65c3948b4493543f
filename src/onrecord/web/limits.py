"""A cap on request bodies, enforced while they arrive (413 instead of a full disk or memory).

Uploads go through Starlette's multipart parser, which spools files to disk; checking
``Content-Length`` alone is not enough (chunked bodies have none), so the middleware also
counts the bytes as the app reads them and stops the read once the cap is passed.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Default cap for one request body (an uploaded file plus its multipart framing).
DEFAULT_MAX_BODY = 10 * 1024 * 1024


class PayloadTooLarge(Exception):
    """The request body is over the configured cap; answered with 413."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"request body too large: the limit is {limit:,} bytes")


class BodyLimit:
    """ASGI middleware: refuse bodies over ``max_bytes`` early (header) or while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                await _send_error(send, 400, "Content-Length header is not a number")
                return
            if too_big:
                await _send_error(send, 413, str(PayloadTooLarge(self.max_bytes)))
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
