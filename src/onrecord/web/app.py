"""The HTTP server's application: JSON API, web UI and (with a token) ingest, in one process.

``create_app(db_path, token=None)`` assembles the routers from ``web/``. Without a token
the app is read-only; with one, ``POST /api/articles`` and ``POST /api/upload`` ingest
through the same path as ``onrecord ingest``. Static assets and templates ship inside the
package (no CDN: the UI works offline). The app answers only requests addressed to
``allowed_hosts`` (the loopback names unless told otherwise; see ``web/hosts.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from onrecord import __version__
from onrecord.errors import StoreError, UsageError
from onrecord.web import api, errors, ingest, pages, view_pages
from onrecord.web.dates import human_date
from onrecord.web.deps import bounded_params
from onrecord.web.headers import SecurityHeaders
from onrecord.web.hosts import LOOPBACK_HOSTS, TrustedHosts, host_names
from onrecord.web.limits import DEFAULT_MAX_BODY, BodyLimit
from onrecord.web.stores import StorePool

WEB_DIR = Path(__file__).parent


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The FastAPI app over the store at ``db_path``.

    A missing database is an error for a read-only server (there would be nothing to show);
    with a token it is created, so the first upload fills it. The store is opened once here so
    a wrong file fails at startup with a one-line StoreError, not on the first request.

    ``allowed_hosts``: the host names requests may be addressed to (``Host`` header, any
    port); others get a 400, which defeats DNS rebinding. The default suits a server on
    loopback; a server reached by other names lists them, ``"*"`` allows any. A name that
    is not a host name is a UsageError.
    """
    try:
        hosts = host_names(allowed_hosts)
    except ValueError as exc:
        raise UsageError(f"--allowed-host {exc}") from None
    path = Path(db_path)
    if not path.exists() and not token:
        raise StoreError("no database here (run `onrecord ingest` first)", source=str(path))
    pool = StorePool(path, create=bool(token))
    pool.get()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="onrecord",
        version=__version__,
        description="Who said what, when, to whom, and who reported it. Read-only unless the "
        "server was started with a token; write endpoints then need `Authorization: Bearer`.",
        lifespan=lifespan,
        dependencies=[Depends(bounded_params)],
        docs_url=None,  # the default pages load Swagger UI / ReDoc from a CDN: see /docs
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.token = token or None
    app.state.max_body = max_body
    # Autoescaping on for every template, whatever its name: article text is untrusted.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(WEB_DIR / "templates"), autoescape=True)
    env.filters["human_date"] = human_date  # dates as a person reads them (web/dates.py)
    app.state.templates = Jinja2Templates(env=env)
    # Added last is outermost: security headers on every answer, then the Host check before
    # anything reads the body or the store.
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(TrustedHosts, allowed=hosts)
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    app.include_router(view_pages.router)
    return app
