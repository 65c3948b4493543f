"""Answer only requests addressed to this server's own names (the ``Host`` header).

DNS rebinding: a web page on ``evil.example`` re-points its name at 127.0.0.1, and the
visitor's browser, taking the local server for ``evil.example``, lets the page read its
answers (unpublished material in the store). The browser still sends ``Host:
evil.example``, so a server that answers only the names it is reached by defeats it. The
default is the loopback names, matching the default bind; a server bound elsewhere names
its public host names (``onrecord serve --allowed-host``). The port is not checked: it
does not help against rebinding, and proxies rewrite it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from onrecord.web.errors import error_response

#: The names of the loopback interface: what a server bound to 127.0.0.1 is reached by.
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "[::1]")
#: Allows any host: for a server behind a proxy that checks the name itself.
ANY_HOST = "*"
#: A Host header: a name or IPv4 address, or an IPv6 address in brackets; then maybe a port.
_HOST = re.compile(r"(\[[0-9a-f:.]+\]|[a-z0-9._~!$&'()*+,;=%-]+)(?::[0-9]*)?", re.IGNORECASE)


def _host(header: str | None) -> str | None:
    """The host name of a ``Host`` header, lower case, without the port; None if malformed."""
    m = _HOST.fullmatch(header or "")
    return m.group(1).lower().removesuffix(".") if m else None  # "localhost." is localhost


def host_names(hosts: Iterable[str]) -> frozenset[str]:
    """``hosts`` as the middleware compares them: lower case, an IPv6 address in brackets,
    any ``:port`` dropped (``"[::1]:8000"``, ``"[::1]"`` and ``"::1"`` are one name).

    Raises ValueError for a name that is no host name (the CLI turns it into a usage error).
    """
    out: set[str] = set()
    for given in hosts:
        name = given.strip().lower()
        if name == ANY_HOST:
            out.add(ANY_HOST)
            continue
        if name.count(":") > 1 and not name.startswith("["):  # a bare IPv6 address
            name = f"[{name}]"
        host = _host(name)
        if host is None or "*" in host:  # no patterns: "*" alone, or exact names
            raise ValueError(f"{given!r} is not a host name (expected a name or an address)")
        out.add(host)
    return frozenset(out)


class TrustedHosts:
    """ASGI middleware: a request whose ``Host`` is not in ``allowed`` gets a 400.

    Starlette's TrustedHostMiddleware does the same check, but answers in plain text; this
    one answers like every other error here (JSON under /api and for API clients, a page
    for browsers: ``errors.error_response``).
    """

    def __init__(self, app: ASGIApp, allowed: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.allowed = host_names(allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or ANY_HOST in self.allowed:
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("host")
        if _host(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = repr(header[:100]) if header is not None else "(none)"
        message = (
            f"this server does not answer for the host {shown}; a server bound to another "
            "name or address is started with `onrecord serve --allowed-host NAME`"
        )
        request = Request(scope, receive)
        await error_response(request, 400, message)(scope, receive, send)
