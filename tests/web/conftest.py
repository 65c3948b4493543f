"""Fixtures shared by the HTTP tests: one invented corpus store and a client on it per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.web.app import create_app
from support.live import TEST_HOSTS
from support.web_corpus import fill_store


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled with the web corpus (tests/support/web_corpus.py), fresh per module."""
    return fill_store(tmp_path_factory.mktemp("http") / "corpus.db")


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_db, allowed_hosts=TEST_HOSTS)) as c:
        yield c
