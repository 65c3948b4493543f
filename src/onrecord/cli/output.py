"""Rendering result rows for the command line: ``--format table|jsonl|csv``.

Every listing command produces records (store rows such as ``StoredStatement``, or plain
dicts) and hands them here, so formats behave the same everywhere:

- ``jsonl``: one JSON object per record, the record's full ``to_json()`` (streamed);
- ``csv``: the listed columns, header first (streamed; lists joined with ``"; "``);
- ``table``: on a terminal a rich table that wraps long text to the window; otherwise plain
  space-padded columns, one record per line (newlines folded), so output piped to ``grep``,
  ``cut`` or a file stays one line per record.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TextIO, runtime_checkable

Format = Literal["table", "jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("table", "jsonl", "csv")


@runtime_checkable
class Record(Protocol):
    """What the store's row types provide: flat columns and a full JSON form."""

    def row(self) -> dict[str, Any]: ...

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the record key, its header, and how wide it may get in a table.

    ``max_width`` truncates (plain) or wraps (rich) the column; ``None`` lets it take what
    it needs. Put the long free-text column last: in plain output it is never truncated.
    """

    key: str
    header: str | None = None
    max_width: int | None = None
    justify: Literal["left", "right"] = "left"

    @property
    def title(self) -> str:
        return self.header or self.key


def add_format_argument(parser: argparse.ArgumentParser, default: Format = "table") -> None:
    """The shared ``--format`` option."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=default,
        help=f"output format (default: {default}; table is rich on a terminal, plain otherwise)",
    )


def _flat(record: Any) -> Mapping[str, Any]:
    if isinstance(record, Mapping):
        return record
    if isinstance(record, Record):
        return record.row()
    raise TypeError(f"cannot render {type(record).__name__}: needs row() and to_json()")


def _full(record: Any) -> Mapping[str, Any]:
    if isinstance(record, Mapping):
        return record
    if isinstance(record, Record):
        return record.to_json()
    raise TypeError(f"cannot render {type(record).__name__}: needs row() and to_json()")


def cell(value: Any) -> str:
    """A value as table/CSV text: lists joined, None empty, newlines folded."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return " ".join(str(value).split())


def emit(
    records: Iterable[Any],
    fmt: Format,
    columns: Sequence[Column],
    *,
    out: TextIO | None = None,
    title: str | None = None,
    rich_table: bool | None = None,
) -> int:
    """Write ``records`` to ``out`` (stdout) in ``fmt``; return how many were written.

    ``rich_table`` forces (True) or forbids (False) the terminal table; by default it is used
    when ``out`` is a terminal.
    """
    stream = out if out is not None else sys.stdout
    if fmt == "jsonl":
        return _emit_jsonl(records, stream)
    if fmt == "csv":
        return _emit_csv(records, columns, stream)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    rows = [_flat(r) for r in records]
    use_rich = stream.isatty() if rich_table is None else rich_table
    if use_rich:
        _emit_rich(rows, columns, stream, title)
    else:
        _emit_plain(rows, columns, stream)
    return len(rows)


def _emit_jsonl(records: Iterable[Any], stream: TextIO) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(_full(record), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _emit_csv(records: Iterable[Any], columns: Sequence[Column], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    n = 0
    for record in records:
        row = _flat(record)
        writer.writerow([cell(row.get(c.key)) for c in columns])
        n += 1
    return n


def _truncate(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"


def _emit_plain(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], stream: TextIO
) -> None:
    table = [[_truncate(cell(r.get(c.key)), c.max_width) for c in columns] for r in rows]
    widths = [max([len(c.title)] + [len(row[i]) for row in table]) for i, c in enumerate(columns)]
    last = len(columns) - 1

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, (value, col) in enumerate(zip(cells, columns, strict=True)):
            if i == last:
                parts.append(value.rjust(widths[i]) if col.justify == "right" else value)
            elif col.justify == "right":
                parts.append(value.rjust(widths[i]))
            else:
                parts.append(value.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    stream.write(line([c.title.upper() for c in columns]) + "\n")
    for row in table:
        stream.write(line(row) + "\n")


def _emit_rich(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    stream: TextIO,
    title: str | None,
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, soft_wrap=False)
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for c in columns:
        table.add_column(
            c.title,
            max_width=c.max_width,
            justify=c.justify,
            overflow="fold" if c.max_width is None else "ellipsis",
            no_wrap=c.max_width is not None,
        )
    for r in rows:
        # Text, not str: article words like "[bold]" must not be read as rich markup.
        table.add_row(*(Text(cell(r.get(c.key))) for c in columns))
    console.print(table)
