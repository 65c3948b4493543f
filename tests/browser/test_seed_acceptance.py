"""The issue's acceptance check on the real seed articles (read from ../shared, skipped when
absent): ingested through the CLI's path, a search for "ceasefire" shows Peskov's statement
from Interfax with outlet and date, and his speaker page charts both outlets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_server(shared: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from onrecord.api.core import ingest
    from onrecord.web.app import create_app

    seeds = shared.path("seeds")
    texts = sorted(p for p in Path(seeds).glob("*.txt"))
    if len(texts) < 2:
        pytest.skip(f"seed articles not found in {seeds}")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    ingest(texts, db=db)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "seed server did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_ceasefire_search_and_peskov_page(page: Any, seed_server: str) -> None:
    page.goto(seed_server + "/?search=ceasefire")
    cards = page.locator("#results .card")
    cards.first.wait_for()
    peskov = [
        cards.nth(i).inner_text()
        for i in range(cards.count())
        if "Peskov" in cards.nth(i).inner_text()
    ]
    assert any("Interfax" in t and "21 Mar 2022" in t for t in peskov), peskov
    page.locator("#results .card a.speaker", has_text="Peskov").first.click()
    page.wait_for_url("**/speakers/**")
    assert "Peskov" in page.locator("h1").inner_text()
    legend = page.locator("#chart .legend")
    legend.wait_for()
    assert "Interfax" in legend.inner_text() and "TASS" in legend.inner_text()
    bars = page.locator("#chart svg rect.bar")
    outlets = {bars.nth(i).get_attribute("data-outlet") for i in range(bars.count())}
    assert outlets == {"Interfax", "TASS"}
    assert "Interfax" in page.locator(".facts").inner_text()
    assert page.locator("#latest .card").count() == 10
