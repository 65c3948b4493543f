"""Hostile and careless input at the command line (issue 11, items 1, 2 and 7).

One bad input costs only itself (a file name that is not UTF-8, a lone surrogate, JSON
nested thousands deep), output files never destroy an input or leave half a file, and names
printed in messages are escaped so they cannot forge output lines. The cases about a process
(exit codes, what is on disk afterwards) run the real ``python -m onrecord.cli.main``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.api import core, exports
from onrecord.cli.main import main
from onrecord.store.db import Store

GOOD_A = {"id": "a", "text": "Holm said that the budget was approved."}
GOOD_C = {"id": "c", "text": "Lind said that the road was open \U0001f600 again."}
SURROGATE_LINE = '{"id": "b", "text": "Ek said \\ud800 that the port was safe."}'
DEEP_LINE = '{"id": "d", "text": "x", "m": ' + "[" * 5000 + "]" * 5000 + "}"


def onrecord(
    *argv: str, stdin: object = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command in a child process (exit code, stderr and files as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "onrecord.cli.main", *argv],
        stdin=stdin, capture_output=True, text=True, timeout=300, cwd=cwd,
    )  # fmt: skip


def hostile_jsonl(path: Path) -> Path:
    """Good, lone surrogate (an escape JSON allows), 5,000 levels deep, good with a pair."""
    lines = [json.dumps(GOOD_A), SURROGATE_LINE, DEEP_LINE, json.dumps(GOOD_C)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_jsonl(path: Path) -> Path:
    path.write_text(json.dumps(GOOD_A) + "\n" + json.dumps(GOOD_C) + "\n", encoding="utf-8")
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("onrecord: error: ")]


# ------------------------------------------------------------------ one bad input costs itself


def test_ingest_stores_the_good_lines_around_a_surrogate_and_deep_json(tmp_path: Path) -> None:
    docs = hostile_jsonl(tmp_path / "docs.jsonl")
    db = tmp_path / "r.db"
    proc = onrecord("ingest", str(docs), "--db", str(db))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr  # some inputs failed, the rest stored
    assert error_lines(proc.stderr) == [
        f"onrecord: error: {docs}:2: 'text' has a lone surrogate \\ud800 at character 8 "
        "(not valid Unicode)",
        f"onrecord: error: {docs}:3: JSON nested too deeply (over about 1000 levels)",
    ]
    assert "2 articles: 2 new" in proc.stderr and "2 inputs failed" in proc.stderr
    with Store(db) as store:
        assert sorted(a.doc_id for a in store.articles()) == ["a", "c"]


def test_extract_writes_the_good_lines_around_a_surrogate_and_deep_json(tmp_path: Path) -> None:
    docs = hostile_jsonl(tmp_path / "docs.jsonl")
    out = tmp_path / "out.jsonl"
    proc = onrecord("extract", str(docs), "-o", str(out))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    errors = error_lines(proc.stderr)
    assert len(errors) == 2
    assert errors[0].startswith(f"onrecord: error: {docs}:2: 'text' has a lone surrogate")
    assert errors[1].startswith(f"onrecord: error: {docs}:3: JSON nested too deeply")
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "c"]


def test_ingest_a_folder_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_A["text"] + "\n", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"b\xff.txt"), "wb") as fh:
            fh.write(b"Lind said that the port was safe.\n")
    except OSError:  # a file system that refuses such names cannot have the problem
        pytest.skip("file system refuses names that are not UTF-8")
    db = tmp_path / "r.db"
    proc = onrecord("ingest", str(folder), "--db", str(db))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert "2 articles: 2 new" in proc.stderr
    with Store(db) as store:
        sources = sorted(a.source or "" for a in store.articles())
    assert sources == [f"{folder}/b\\xff.txt", f"{folder}/good.txt"]


# ------------------------------------------------------------------ names in messages


def test_a_newline_in_a_file_name_cannot_forge_an_output_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_A["text"] + "\n", encoding="utf-8")
    forged = "x\nonrecord: 99 articles: 99 new\x1b[2K.txt"
    (folder / forged).write_bytes(b"")  # empty: an error that names the file
    proc = onrecord("ingest", str(folder), "--db", str(tmp_path / "r.db"))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert not any(line.startswith("onrecord: 99") for line in lines)
    assert "\x1b" not in proc.stderr
    assert error_lines(proc.stderr) == [
        f"onrecord: error: {folder}/x\\nonrecord: 99 articles: 99 new\\x1b[2K.txt: empty file"
    ]


def test_an_output_name_with_a_newline_is_escaped_in_messages(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    core.ingest([good_jsonl(tmp_path / "docs.jsonl")], db=db)
    out = tmp_path / "a\nb.csv"
    proc = onrecord("export", "--db", str(db), "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.rstrip("\n").endswith(f"to {tmp_path}/a\\nb.csv")
    assert out.exists()


# ------------------------------------------------------------------ never destroy an input


def test_extract_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    docs = tmp_path / "in.jsonl"
    docs.write_text(json.dumps(GOOD_A) + "\n", encoding="utf-8")
    before = docs.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(docs)
    for argv, stdin in [
        (["extract", str(docs), "-o", str(docs)], None),
        (["extract", "link.jsonl", "-o", "./in.jsonl"], None),  # another spelling, a link
        (["extract", "-o", "in.jsonl"], docs),  # standard input redirected from the output
    ]:
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fh:
            proc = onrecord(*argv, stdin=fh, cwd=tmp_path)
        assert proc.returncode == 2, (argv, proc.stderr)
        (line,) = proc.stderr.splitlines()
        assert line.startswith("onrecord: error: --output ") and "would destroy the input" in line
        assert docs.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "link.jsonl"]


def test_export_refuses_to_write_over_the_database(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    core.ingest([good_jsonl(tmp_path / "docs.jsonl")], db=db)
    before = db.read_bytes()
    for fmt in ("jsonl", "csv", "parquet"):
        proc = onrecord("export", "--db", str(db), "--format", fmt, "-o", str(db))
        assert proc.returncode == 2, proc.stderr
        assert error_lines(proc.stderr) == [
            f"onrecord: error: --output {db} is the database {db}: writing it would destroy "
            "the input; give another output file"
        ]
        assert db.read_bytes() == before


# ------------------------------------------------------------------ never half a file


def test_an_interrupted_extract_leaves_the_old_output_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from onrecord.cli import extract as cli_extract

    docs = good_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("the earlier output\n", encoding="utf-8")
    real = cli_extract.extract_stream

    def interrupted(articles, **options):  # type: ignore[no-untyped-def]
        for n, extracted in enumerate(real(articles, **options)):
            if n == 1:
                raise KeyboardInterrupt
            yield extracted

    monkeypatch.setattr(cli_extract, "extract_stream", interrupted)
    assert main(["extract", str(docs), "-o", str(out)]) == 130
    assert out.read_text(encoding="utf-8") == "the earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    monkeypatch.undo()
    capsys.readouterr()
    assert main(["extract", str(docs), "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_failed_export_leaves_no_half_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import onrecord.store.parquet as parquet

    db = tmp_path / "r.db"
    core.ingest([good_jsonl(tmp_path / "docs.jsonl")], db=db)
    out = tmp_path / "out"
    if fmt == "jsonl":
        out.write_text("the earlier export\n", encoding="utf-8")
    real_stream, real_write = exports._export_stream, parquet.write_records

    def stream_then_fail(store, fmt_, fh, flt):  # type: ignore[no-untyped-def]
        real_stream(store, fmt_, fh, flt)
        raise OSError(28, "No space left on device")

    def tables_then_fail(records, table, out_dir):  # type: ignore[no-untyped-def]
        written = real_write(records, table, out_dir)
        if table == "statements":
            raise OSError(28, "No space left on device")
        return written

    monkeypatch.setattr(exports, "_export_stream", stream_then_fail)
    monkeypatch.setattr(parquet, "write_records", tables_then_fail)
    with pytest.raises(OSError):
        exports.export(fmt, out, db=db)  # type: ignore[arg-type]
    if fmt == "jsonl":
        assert out.read_text(encoding="utf-8") == "the earlier export\n"
    else:
        assert not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary
