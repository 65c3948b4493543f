"""Issue 4's acceptance on the two seed articles (TASS, Interfax), end to end: ingest with the
real extractor, then the speaker profile and the timeline. Skips when the seeds are absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onrecord.api import core, corrections, profiles, timelines
from onrecord.cli.main import main

SEEDS = ("seeds/000_2265d9e012b9df19.txt", "seeds/003_a6b7d0726624ef11.txt")


@pytest.fixture(scope="module")
def seed_db(shared: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = [shared.path(p) for p in SEEDS]
    db = tmp_path_factory.mktemp("seeds") / "record.db"
    report = core.ingest(paths, db=db)
    assert report.new == 2
    return db


def test_peskov_is_one_person_with_both_roles_outlets_and_days(seed_db: Path) -> None:
    profile = profiles.speaker("Peskov", seed_db)
    assert profile.name == "Dmitry Peskov"
    assert profile.type == "person"
    assert {o for o, _ in profile.outlets} == {"TASS", "Interfax"}
    roles = {(r.role.casefold(), r.outlet) for r in profile.roles}
    assert any("spokesman" in role and outlet == "TASS" for role, outlet in roles), roles
    assert any("press secretary" in role and outlet == "Interfax" for role, outlet in roles), roles
    days = {(day, outlet) for day, outlet, _ in profile.per_day}
    assert ("2022-03-21", "Interfax") in days  # "told journalists on Monday"
    assert any(day.endswith("03-28") and outlet == "TASS" for day, outlet in days)
    # nobody else in the registry is a Peskov
    assert [e.name for e in corrections.registry(seed_db) if "Peskov" in e.name] == [
        "Dmitry Peskov"
    ]


def test_timeline_lists_the_three_dated_events_with_their_source(seed_db: Path) -> None:
    events = timelines.timeline(seed_db, kind="events")
    found = {(e.start, e.end): e for e in events}
    gomel = next(e for (start, _), e in found.items() if start and start.endswith("02-28"))
    assert "Gomel" in (gomel.place or "") + gomel.text
    start_op = next(e for (start, _), e in found.items() if start and start.endswith("02-24"))
    assert "military operation" in start_op.text
    talks = next(
        e for (start, end), e in found.items() if start and end and start.endswith("03-29")
    )
    assert talks.end and talks.end.endswith("03-30")
    assert talks.place == "Istanbul"
    assert {gomel.outlets, start_op.outlets, talks.outlets} == {("TASS",)}
    assert gomel.doc_id and gomel.headline


def test_cli_speaker_and_timeline(seed_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speaker", "Peskov", "--db", str(seed_db), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert '"name": "Dmitry Peskov"' in out
    assert main(["timeline", "--db", str(seed_db), "--kind", "events", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "date,kind,speaker,place,outlets,source,text"
    assert len(lines) >= 4 and any("Istanbul" in line for line in lines)
