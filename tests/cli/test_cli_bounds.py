"""Counts and offsets on the command line are bounded (issue 11, item 4).

``--limit 99999999999999999999`` reached SQLite and ended in an OverflowError traceback; every
count option now shares one argparse type (``onrecord.bounds.count_arg``), so a value
out of range is a usage error naming the option (exit 2), before any database is opened.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.bounds import MAX_COUNT, count_arg
from onrecord.cli.main import main
from support.web_corpus import fill_store

HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(fill_store(tmp_path_factory.mktemp("bounds") / "b.db"))


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["statements", "--limit", HUGE], "--limit"),
        (["articles", "--limit", HUGE], "--limit"),
        (["speakers", "--limit", HUGE], "--limit"),
        (["timeline", "--limit", HUGE], "--limit"),
        (["timeline", "--offset", HUGE], "--offset"),
        (["speaker", "Voronov", "--latest", HUGE], "--latest"),
    ],
)
def test_huge_counts_are_usage_errors(
    db: str, argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--db", db])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: {HUGE} is too large (at most 1,000,000,000)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["speaker", "Voronov", "--latest", "-3"], "--latest: -3 must be at least 0"),
        (["statements", "--limit", "-1"], "--limit: -1 must be at least 0"),
        (["statements", "--limit", "1e3"], "--limit: '1e3' is not a whole number"),
    ],
)
def test_out_of_range_counts_name_the_option(
    db: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([*argv, "--db", db])
    assert message in capsys.readouterr().err


def test_count_arg_edges() -> None:
    parse = count_arg(minimum=0)
    assert parse(str(MAX_COUNT)) == MAX_COUNT
    assert parse("007") == 7 and parse(" 3 ") == 3
    for bad in [str(MAX_COUNT + 1), "9" * 5000, "-" + "9" * 5000, "-1", "\u00b2", "", "1.0"]:
        with pytest.raises(argparse.ArgumentTypeError):
            parse(bad)


def test_largest_limit_still_lists(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["statements", "--db", db, "--limit", str(MAX_COUNT), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 7  # header and every statement


def test_real_command_prints_usage_not_a_traceback(db: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "onrecord.cli.main", "statements", "--db", db, "--limit", HUGE],
        capture_output=True, text=True, timeout=120, cwd=Path(db).parent,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.startswith("usage: onrecord statements")
    assert "Traceback" not in run.stderr and run.stdout == ""
