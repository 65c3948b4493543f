"""Output formats and the progress bar."""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.cli.output import Column, cell, emit
from onrecord.cli.progress import ProgressBar

COLUMNS = (Column("who", max_width=8), Column("n", justify="right"), Column("text"))
ROWS = [
    {"who": "Agnes Holloway", "n": 3, "text": "line one\nline two", "extra": [1, 2]},
    {"who": "Pieter", "n": 12, "text": "[bold]not markup[/bold]", "extra": None},
]


def test_plain_table_one_line_per_record_truncated_and_aligned() -> None:
    buf = io.StringIO()
    assert emit(ROWS, "table", COLUMNS, out=buf) == 2
    lines = buf.getvalue().splitlines()
    assert lines[0].split() == ["WHO", "N", "TEXT"]
    assert lines[1] == "Agnes H…   3  line one line two"
    assert lines[2] == "Pieter    12  [bold]not markup[/bold]"


def test_rich_table_keeps_brackets_literal() -> None:
    buf = io.StringIO()
    emit(ROWS, "table", COLUMNS, out=buf, rich_table=True, title="t")
    assert "[bold]not markup[/bold]" in buf.getvalue()


def test_jsonl_is_the_full_record_and_csv_the_columns() -> None:
    buf = io.StringIO()
    emit(iter(ROWS), "jsonl", COLUMNS, out=buf)
    assert [json.loads(x) for x in buf.getvalue().splitlines()] == ROWS
    buf = io.StringIO()
    emit(iter(ROWS), "csv", COLUMNS, out=buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0] == {"who": "Agnes Holloway", "n": "3", "text": "line one line two"}


def test_cells_and_bad_records() -> None:
    assert cell(None) == "" and cell(["a", "b"]) == "a; b" and cell(0.123456) == "0.123"
    with pytest.raises(TypeError):
        emit([object()], "csv", COLUMNS, out=io.StringIO())
    with pytest.raises(ValueError):
        emit(ROWS, "xml", COLUMNS, out=io.StringIO())  # type: ignore[arg-type]


def test_progress_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    with ProgressBar("ingesting", stream=quiet) as bar:  # StringIO is not a terminal
        bar.advance(3)
        bar(2)
    assert bar.done == 5 and quiet.getvalue() == ""
    shown = io.StringIO()
    with ProgressBar("ingesting", stream=shown, enabled=True, total=4) as bar:
        bar.advance(4)
        bar.describe("done")
    assert bar.done == 4 and shown.getvalue() != ""
