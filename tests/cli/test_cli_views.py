"""The record's commands: formats, corrections through the CLI, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from onrecord.cli.main import main
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store
from support.builders import Said, build_article

ONE = (
    "KELBORG, May 3. /NORDWIRE/. Port director Nils Aro said the quay would reopen.\n"
    '"The quay reopens on Friday after the repairs," Aro told reporters on Tuesday.'
)
TWO = (
    "KELBORG. May 3 (Harbour Times) - The port's director spoke on Tuesday.\n"
    '"The quay reopens on Friday after repairs," Nils Aro said.\n'
    '"The pilots will be back," Mr. Aro added.'
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "record.db"
    with Store(path, create=True) as store:
        for doc_id, outlet, text, said in (
            ("nw", "NORDWIRE", ONE, [
                Said("The quay reopens on Friday after the repairs,", "Nils Aro", cue="told"),
            ]),
            ("ht", "Harbour Times", TWO, [
                Said("The quay reopens on Friday after repairs,", "Nils Aro"),
                Said("The pilots will be back,", "Mr. Aro", cue="added"),
            ]),
        ):  # fmt: skip
            article, statements = build_article(doc_id, outlet, "2022-05-03", text, said)
            store.add_article(article, statements)
        update_record(store)
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_formats(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "compare",
        "--speaker",
        "Aro",
        "--date",
        "2022-05-03",
        "--db",
        db,
        "--format",
        "jsonl",
    )
    assert code == 0
    groups = [json.loads(line) for line in out.splitlines()]
    quay = next(g for g in groups if len(g["reports"]) == 2)
    assert quay["first_outlet"] == "NORDWIRE" and quay["outlets"] == ["NORDWIRE", "Harbour Times"]
    assert quay["reports"][1]["changed"] == [["the", ""]]
    code, out, _ = _run(
        capsys, "compare", "--speaker", "Aro", "--date", "2022-05-03", "--db", db, "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["outlet"] for r in rows] == ["NORDWIRE", "Harbour Times", "Harbour Times"]
    assert "[-the-]" in rows[1]["diff"]
    code, out, _ = _run(capsys, "compare", "--speaker", "Aro", "--date", "2022-05-03", "--db", db)
    assert out.splitlines()[0].split() == ["GROUP", "FIRST", "OUTLET", "DATE", "DIFF", "TEXT"]


def test_statement_times_from_the_attribution(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "timeline", "--kind", "statements", "--db", db, "--format", "jsonl")
    assert code == 0
    entries = [json.loads(line) for line in out.splitlines()]
    # "told reporters on Tuesday" (May 3, 2022 was a Tuesday); the quote's "Friday" is not it
    assert {e["when"] for e in entries} == {"2022-05-03"}
    assert {e["speaker"] for e in entries} == {"Nils Aro"}
    assert sorted(e["reports"] for e in entries) == [1, 2]


def test_corrections_through_the_cli(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "speakers", "--db", db, "--format", "jsonl", "split", "Nils Aro", "Mr. Aro"
    )
    assert code == 0
    assert sorted(json.loads(line)["name"] for line in out.splitlines()) == ["Aro", "Nils Aro"]
    code, out, _ = _run(
        capsys, "speakers", "rename", "Aro", "Pilot chief Aro", "--db", db, "--format", "csv"
    )
    assert code == 0 and "Pilot chief Aro" in out
    code, out, _ = _run(capsys, "speakers", "merge", "Nils Aro", "Pilot chief Aro", "--db", db)
    assert code == 0 and "Nils Aro" in out
    code, out, err = _run(capsys, "speakers", "rebuild", "--db", db)
    assert code == 0 and "0 corrections no longer apply" in err
    code, out, _ = _run(capsys, "speaker", "Nils Aro", "--db", db, "--format", "jsonl")
    profile = json.loads(out)
    assert profile["statements"] == 3 and set(profile["aliases"]) == {"Nils Aro", "Mr. Aro"}
    code, out, _ = _run(
        capsys, "speakers", "--db", db, "--format", "csv"
    )  # the core listing still works
    assert code == 0 and out.startswith("name,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["speaker", "Nobody"], "speaker 'Nobody': not in the registry"),
        (
            ["compare", "--speaker", "Aro", "--date", "May 3"],
            "--date 'May 3': expected a day YYYY-MM-DD",
        ),
        (["timeline", "--since", "3 May"], "--since '3 May': expected YYYY"),
        (["speakers", "merge", "Nils Aro", "Nils Aro"], "already one entity"),
    ],
)
def test_errors_are_one_line_with_exit_2(
    db: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = _run(capsys, *argv, "--db", db)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("onrecord: error:")


def test_missing_database_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "none.db")
    code, _, err = _run(capsys, "timeline", "--db", missing)
    assert code == 2 and missing in err
    assert not Path(missing).exists()
