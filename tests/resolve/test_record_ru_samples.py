"""Acceptance of issue 13 on the bundled samples: the Russian article and its English
counterpart ingested together give one person with statements in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.cli.main import main

RU_SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "ru"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("ru") / "ru.db")
    files = [str(RU_SAMPLES / f"tpa_{lang}_lesnitsky_portvale.txt") for lang in ("ru", "en")]
    assert main(["ingest", *files, "--db", path, "--year", "2025"]) == 0
    return path


@pytest.mark.parametrize("name", ["Lesnitsky", "Lesnitskiy", "Лесницкий", "Григорий Лесницкий"])
def test_one_speaker_in_both_languages(
    db: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["speaker", name, "--db", db, "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "Grigoriy Lesnitskiy" in out and "Григорий Лесницкий" in out
    assert '"ТПА"' in out and '"TPA"' in out


def test_language_filter_and_the_occasion(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["statements", "--db", db, "--language", "ru", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()[1:]
    assert len(rows) == 9 and all("ТПА" in r for r in rows)
    assert main(["compare", "--speaker", "Lesnitsky", "--date", "2025-04-14", "--db", db]) == 0
    assert "one occasion in 2 languages" in capsys.readouterr().out
