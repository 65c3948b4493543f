"""Links the UI's scripts build from API data stay on this site (issue 11, item 5).

The article page links an article's own url only when it is http(s) (tested over HTTP in
tests/serve/test_http_hostile.py); the cards drawn by static/app.js link API paths only. A
path a browser reads as another site ("//host", "/\\host", "/<tab>/host") or a script URL
must stay text, whatever a future API answer holds.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser]

HREFS = {
    "/articles/nw-1": True,
    "/": True,
    "//evil.example/x": False,
    "/\\evil.example/x": False,
    "/\t/evil.example/x": False,
    "/\n/evil.example/x": False,
    "javascript:alert(1)": False,
    " /articles/x": False,
    "https://evil.example/": False,
}


def test_link_keeps_only_site_paths(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    linked = page.evaluate(
        "hrefs => hrefs.map(h => onrecord.link(h, 'x', 'text').hasAttribute('href'))",
        list(HREFS),
    )
    assert dict(zip(HREFS, linked, strict=True)) == HREFS
