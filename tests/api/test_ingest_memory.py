"""Ingest memory stays bounded (issue 12, item 7: 300 articles peaked at 957 MB).

The growth was spaCy's: ``nlp.pipe`` parsed 32 articles at once and the batch's parse is held
in memory together, so 32 news articles of 1,000 words took the process past 0.7 GB before
the first one was stored. Batches are now bounded by characters
(``onrecord.extract.pipeline.BATCH_CHARS``), and so are the batches waiting to be stored
(``onrecord.api.core.BATCH_TEXT_CHARS``); linking keeps a smaller cache of compared texts
(``onrecord.resolve.links.SHINGLES_CACHED``: it grew with every article). The child-process
test ingests more articles than one old batch, with the real command, and reads the child's
own peak resident memory (VmHWM, read by the child itself); ``benchmarks/ingest_memory.py``
gives the figures for 100 to 1,000 articles.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from onrecord.extract.pipeline import BATCH_CHARS, _batches
from onrecord.model import Article

ROOT = Path(__file__).resolve().parents[2]
#: The issue's bound for ingest's peak, whatever the number of articles.
PEAK_MB = 600


def benchmark() -> ModuleType:
    """benchmarks/ingest_memory.py, for its invented articles."""
    spec = importlib.util.spec_from_file_location(
        "ingest_memory", ROOT / "benchmarks" / "ingest_memory.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_batches_are_bounded_by_characters_and_read_lazily() -> None:
    sizes = [10_000, 10_000, 10_000, 30_000, 100, 100, 24_000, 1_000]
    read: list[int] = []

    def articles() -> object:
        for i, n in enumerate(sizes):
            read.append(i)
            yield Article(id=str(i), text="x" * n)

    batches = _batches(articles(), 32, BATCH_CHARS)  # type: ignore[arg-type]
    first = next(batches)
    assert [len(a.text) for a in first] == [10_000, 10_000]
    assert read == [0, 1, 2]  # one article read ahead, not the whole input
    rest = [[len(a.text) for a in b] for b in batches]
    assert rest == [[10_000], [30_000], [100, 100, 24_000], [1_000]]
    assert [len(b) for b in _batches((Article(id="a", text="x") for _ in range(9)), 4, 10**6)] == [
        4,
        4,
        1,
    ]


def test_store_batches_are_bounded_by_text_too() -> None:
    """Extracted articles wait for their batch's transaction with their statements: a batch
    of 50 long transcripts would hold gigabytes, so text cuts a batch short as well."""
    from onrecord.api.core import BATCH_TEXT_CHARS, _batched

    long = [(Article(id=str(i), text="x" * (BATCH_TEXT_CHARS // 2)), []) for i in range(5)]
    assert [len(b) for b in _batched(long, 50)] == [2, 2, 1]
    short = [(Article(id=str(i), text="x" * 5_000), []) for i in range(120)]
    assert [len(b) for b in _batched(short, 50)] == [50, 50, 20]


def test_ingest_peak_memory_stays_under_600_mb(tmp_path: Path) -> None:
    """48 articles of 600 to 1,400 words: more than one batch of the old 32."""
    bench = benchmark()
    folder = tmp_path / "in"
    bench.write_corpus(folder, 48)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "onrecord", "ingest", str(folder), "--db", str(tmp_path / "m.db")]
    code, _, peak_mb, err = bench.run_child(cmd, env)
    assert code == 0, err
    assert "48 articles: 48 new" in err
    assert peak_mb < PEAK_MB, f"ingest of 48 articles peaked at {peak_mb:.0f} MB"


@pytest.mark.parametrize("n", [3])
def test_the_benchmark_runs(n: int, tmp_path: Path) -> None:
    """The benchmark script itself, on a tiny size (its figures are in the README)."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "ingest_memory.py"), "--sizes", str(n)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = run.stdout.splitlines()
    assert rows[0].split()[:4] == ["articles", "words", "seconds", "peak"]
    assert rows[1].split()[0] == "floor" and rows[2].split()[0] == str(n)
    assert f"{n} articles: {n} new" in rows[2]
