"""kill -9 in the middle of an ingest: a real child process, a real SIGKILL.

The child is ``python -m onrecord.cli.main ingest`` on a generated corpus. While it runs
the parent queries the same database (WAL: readers are never blocked), and kills the child
once a few batches are committed. Afterwards the database must pass ``integrity_check``,
hold only whole batches with every stored article complete, and a rerun must finish the
job with exactly the counts of a clean run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord.api import core
from onrecord.errors import StoreError
from onrecord.store.db import Store

N_ARTICLES = 300
BATCH = 20
KILL_AFTER = 3 * BATCH  # committed articles seen before the kill

pytestmark = pytest.mark.slow


def _per_article(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return {a.doc_id: a.statement_count for a in store.articles()}


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "onrecord.cli.main",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        str(BATCH),
    ]


def test_kill_9_mid_ingest_keeps_finished_batches_and_rerun_completes(
    tmp_path: Path, write_corpus
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", N_ARTICLES)
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        _ingest_cmd(corpus, db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    seen = 0
    queries = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
            try:
                with Store(db) as store:
                    # Queries while the ingest writes: never blocked, never an error.
                    seen = store.counts().articles
                    store.statements(search="figures", limit=5)
                    queries += 1
            except StoreError as exc:
                if "no database here" not in str(exc):  # not created yet
                    raise
                continue
            if seen >= KILL_AFTER:
                break
        still_running = child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert still_running, f"ingest finished before the kill: {child.stderr.read()!r}"
    assert child.returncode == -signal.SIGKILL
    assert queries > 0

    with Store(db) as store:
        assert store.integrity_check() == "ok"
        killed = store.counts()
    assert KILL_AFTER <= killed.articles < N_ARTICLES
    assert killed.articles % BATCH == 0, "only whole batches are stored"

    clean_db = tmp_path / "clean.db"
    clean = core.ingest([corpus], db=clean_db, batch_size=BATCH)
    expected = _per_article(clean_db)
    partial = _per_article(db)
    assert {k: expected[k] for k in partial} == partial, "every stored article is complete"

    rerun = subprocess.run(
        _ingest_cmd(corpus, db), env=env, capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{killed.articles} duplicate" in rerun.stderr
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        final = store.counts()
    with Store(clean_db) as store:
        assert final == store.counts()
    assert final.articles == N_ARTICLES == clean.new
    assert _per_article(db) == expected
