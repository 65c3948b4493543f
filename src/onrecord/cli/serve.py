"""``onrecord serve``: the HTTP API and web UI over one database.

Binds to 127.0.0.1 by default: the store may hold unpublished material, and exposing it is a
decision (``--host 0.0.0.0``) rather than an accident. Ingest over HTTP is on only with a
token (``--token`` or ``$ONRECORD_TOKEN``).

Requests are answered only when addressed to the server's own names (``Host``), against DNS
rebinding: the loopback names, the ``--host`` it binds when that is a name or an address
rather than a wildcard, and every ``--allowed-host``.
"""

from __future__ import annotations

import argparse
import math
import os
import socket
import sys

from onrecord.config import db_path
from onrecord.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Bind addresses that mean "every interface": they name no host a client could use.
WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]", "*"})


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the HTTP API and web UI",
        description="Serve the JSON API (docs at /docs) and the web UI over one database.",
    )
    p.add_argument("--db", help="database file (default $ONRECORD_DB or ./onrecord.db)")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument(
        "--token",
        help="allow ingest over HTTP with `Authorization: Bearer TOKEN` "
        "(default $ONRECORD_TOKEN, which keeps it out of the process list; "
        "without one the server is read-only)",
    )
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests addressed to this host name or address (repeatable; "
        "'*' for any, e.g. behind a proxy that checks it). Always answered: localhost, "
        "127.0.0.1, [::1] and the --host bound unless it is 0.0.0.0 or ::; other names "
        "get 400, which stops DNS rebinding",
    )
    p.add_argument(
        "--max-upload-mb",
        type=float,
        default=10.0,
        help="largest request body accepted, in MiB (default 10)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from onrecord.web.app import create_app

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: expected 1-65535")
    if not (math.isfinite(args.max_upload_mb) and 0 < args.max_upload_mb <= 1024 * 1024):
        raise UsageError(f"--max-upload-mb {args.max_upload_mb}: expected a size in MiB above 0")
    token = args.token or os.environ.get("ONRECORD_TOKEN") or None
    path = db_path(args.db)
    hosts = allowed_hosts(args.host, args.allowed_host)
    app = create_app(
        path, token, max_body=int(args.max_upload_mb * 1024 * 1024), allowed_hosts=hosts
    )
    sock = _listen(args.host, args.port)
    mode = "ingest allowed with the token" if token else "read-only"
    print(
        f"onrecord: serving {path} at http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops",
        file=sys.stderr,
    )
    if args.host.strip() in WILDCARDS and not args.allowed_host:
        print(
            f"onrecord: note: only requests for {', '.join(hosts)} are answered; "
            "add --allowed-host NAME for each name or address clients use",
            file=sys.stderr,
        )
    with sock:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    return 0


def allowed_hosts(bind: str, extra: list[str]) -> list[str]:
    """The host names the server answers for: loopback, the bound ``--host`` when it names
    one host (not a wildcard), and ``--allowed-host``s, in that order, each once."""
    from onrecord.web.hosts import LOOPBACK_HOSTS

    bound = [] if bind.strip() in WILDCARDS else [bind.strip()]
    return list(dict.fromkeys([*LOOPBACK_HOSTS, *bound, *extra]))


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port is a one-line usage error."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r}: cannot resolve ({exc.strerror})") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise UsageError(f"--port {port}: cannot listen on {host}:{port} ({exc.strerror})") from exc
    return sock
