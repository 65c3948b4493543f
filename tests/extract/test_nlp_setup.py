"""The shared pipeline is loaded and set up once, also when first calls come from threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from onrecord.extract import nlp_setup

#: The components set-up adds, in order.
SET_UP = [
    nlp_setup.LINE_SENTENCES,
    nlp_setup.CACHED_RULER,
    nlp_setup.CACHED_LEMMAS,
    nlp_setup.NAMED_NER,
]


class FakePipeline:
    """Just what set-up touches, with the slowness of a real ``add_pipe``, and spaCy's
    refusal of a second component of one name."""

    def __init__(self) -> None:
        self.names = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
        self.added: list[str] = []
        self.disabled: list[str] = []

    @property
    def pipe_names(self) -> list[str]:
        return list(self.names)

    def add_pipe(self, name: str, **where: Any) -> None:
        time.sleep(0.02)  # long enough for other threads to look at the names meanwhile
        if name in self.names:
            raise ValueError(f"'{name}' already exists in pipeline")
        self.names.append(name)
        self.added.append(name)

    def disable_pipe(self, name: str) -> None:
        self.disabled.append(name)

    def get_pipe(self, name: str) -> Any:
        return FakeComponent()


class FakeComponent:
    """A component as set-up reads it: a ruler without patterns (nothing it could not
    cache), a model without layers (no embeddings to cache)."""

    def __init__(self) -> None:
        self.attrs: list[Any] = []
        self.model = self

    def walk(self) -> list[Any]:
        return []


def test_concurrent_first_calls_set_up_the_pipeline_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakePipeline()
    loads: list[str | None] = []

    def get_nlp(model: str | None = None) -> FakePipeline:
        loads.append(model)
        time.sleep(0.01)
        return fake

    monkeypatch.setattr(nlp_setup, "get_nlp", get_nlp)
    start = threading.Barrier(8)

    def first_call(_: int) -> Any:
        start.wait()
        return nlp_setup.extraction_nlp()

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(first_call, range(8)))
    assert all(nlp is fake for nlp in got)
    assert fake.added == SET_UP
    assert fake.disabled == ["attribute_ruler", "lemmatizer", "ner"]
    assert len(loads) == 8  # every call asked for the model; only the first changed it


def test_set_up_is_idempotent(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakePipeline()
    monkeypatch.setattr(nlp_setup, "get_nlp", lambda model=None: fake)
    nlp_setup.extraction_nlp()
    nlp_setup.extraction_nlp()
    assert fake.added == SET_UP
