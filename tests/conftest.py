"""Fixtures shared by all tests.

``shared`` is the one way tests reach ``../shared`` (seeds, PolNeAR): the path comes from
``$ONRECORD_SHARED`` or the folder beside the checkout, and a test that needs a missing file
is skipped with the reason, never failed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.config import shared_dir


class Shared:
    """Access to the shared data folder, skipping cleanly when a file is absent."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, relative: str) -> Path:
        p = self.root / relative
        if not p.exists():
            pytest.skip(f"shared data not found: {p} (set ONRECORD_SHARED to its folder)")
        return p

    def jsonl(self, relative: str) -> list[dict[str, Any]]:
        with self.path(relative).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Shared:
    return Shared(shared_dir())


@pytest.fixture(scope="session")
def seed_gold(shared: Shared) -> list[dict[str, Any]]:
    return shared.jsonl("seeds/gold.jsonl")
