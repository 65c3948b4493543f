"""Browser-test fixtures: a live server over the invented corpus, Debian's Chromium, and a
screenshot in test-artifacts/ whenever a test fails.

Chromium comes from the Debian package (``apt-get install chromium``), never from
``playwright install``: the tests skip with the reason when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("ONRECORD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    """Keep each phase's report on the item so the ``page`` fixture knows if the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a fresh store of the test corpus, on a free loopback port; its base URL."""
    from support.live import running_server
    from support.web_corpus import fill_store

    db = fill_store(tmp_path_factory.mktemp("web") / "web.db")
    with running_server(db) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (skips when Chromium is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


class PageErrors:
    """What went wrong in the page: dialogs that fired (alert!), script and console errors."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.script_errors: list[str] = []


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest, page_errors: PageErrors) -> Iterator[Any]:
    """A fresh laptop-sized page; a screenshot goes to test-artifacts/ if the test fails."""
    size = getattr(request, "param", {"width": 1280, "height": 800})
    context = browser.new_context(viewport=size)
    pg = context.new_page()
    pg.set_default_timeout(10_000)

    def on_dialog(dialog: Any) -> None:
        page_errors.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: page_errors.script_errors.append(str(exc)))
    # Console errors include Content-Security-Policy violations and failed loads.
    pg.on(
        "console",
        lambda msg: page_errors.script_errors.append(msg.text) if msg.type == "error" else None,
    )
    yield pg
    failed = any(
        getattr(request.node, f"rep_{when}", None) is not None
        and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
