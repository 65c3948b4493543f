"""Fixtures for the store tests: a fresh store per test (the invented articles and corpora
are shared fixtures, ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from onrecord.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "record.db", create=True) as s:
        yield s
