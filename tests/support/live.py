"""A live server for the browser tests: the app over a store, on a free loopback port, in a
thread of the test process (so a test can change a module's setting and see the server
answer with it)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def running_server(db: Path) -> Iterator[str]:
    """``onrecord serve``'s app over the store ``db`` on a free loopback port, in a thread
    of this process, while the block runs; its base URL."""
    import uvicorn

    from onrecord.web.app import create_app

    app = create_app(db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


#: The Host header TestClient sends: the apps under test allow it, as a server allows the
#: names it is reached by (the default, loopback names only, would answer 400).
TEST_HOSTS = ["testserver"]
