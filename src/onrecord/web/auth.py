"""The write token: ingest over HTTP only when the server was started with one.

A server without a token is read-only (403 on write endpoints, saying how to enable them);
with a token, writes need ``Authorization: Bearer <token>``. The comparison is constant-time
(``secrets.compare_digest``) so response timing does not leak how much of a guess was right.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request

READ_ONLY_MESSAGE = (
    "this server is read-only: start `onrecord serve` with --token "
    "(or $ONRECORD_TOKEN) to allow ingest over HTTP"
)


def check_write_token(request: Request, token: str | None) -> None:
    """Raise 403 (read-only server) or 401 (missing/wrong token) unless the request may write."""
    if not token:
        raise HTTPException(status_code=403, detail=READ_ONLY_MESSAGE)
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(
            status_code=401,
            detail="this endpoint needs the header `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(
            status_code=401,
            detail="wrong token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
