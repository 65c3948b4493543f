"""onrecord.dates: one reading of reduced-precision dates, one written form for every face."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.dates import (
    UNKNOWN_DATE,
    check_bound,
    common_year,
    date_precision,
    day_number,
    display_date,
    display_range,
    is_day,
    parse,
    partition_date,
    sort_key,
    sortable_date,
)
from onrecord.errors import UsageError
from onrecord.store.date_sql import common_year as common_year_sql
from onrecord.store.date_sql import day_key, placed


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2022-03-21T12:47:00+03:00", "datetime"),
        ("2022-03-21", "day"),
        ("2022-03", "month"),
        ("2022", "year"),
        ("--03-28", "day-no-year"),
        ("--03", "month-no-year"),
        ("March 28", None),
        ("", None),
        (None, None),
    ],
)
def test_precision(value: str | None, precision: str | None) -> None:
    assert date_precision(value) == precision


def test_one_written_form_of_a_yearless_date() -> None:
    # tables, CSV, JSON and the interchange spec all write ISO 8601's --MM-DD
    assert display_date("--03-28") == "--03-28"
    assert display_date("--03") == "--03"
    assert display_date("2022-03-21T12:47:00+03:00") == "2022-03-21"
    assert display_date(None) == ""
    assert display_range("--03-29", "--03-30") == "--03-29 – --03-30"
    assert "?" not in display_range("--02-28")


def test_machine_columns_leave_yearless_dates_out() -> None:
    assert sortable_date("2022-03-21T12:47:00+03:00") == "2022-03-21"
    assert sortable_date("--03-28") is None
    assert partition_date("--03-28") == UNKNOWN_DATE
    assert partition_date("2022-03") == "2022-03"


def test_bounds_are_real_dates_named_by_parameter() -> None:
    assert check_bound(" 2022-03 ", "since") == "2022-03"
    for bad in ("June", "2022-13", "2022-02-30", "22"):
        with pytest.raises(UsageError) as info:
            check_bound(bad, "until")
        assert str(info.value).startswith(f"until {bad!r}: expected YYYY")
        assert "--" not in str(info.value) and info.value.param == "until"


def test_days_and_parts() -> None:
    assert is_day("2022-03-21") and is_day("--03-21")
    assert not is_day("2022-03") and not is_day("2022-03-21T10:00")
    assert day_number("2022-01-02") == (2022, 1)
    assert day_number("--01-02") == (None, 1)
    assert day_number("2022") is None
    parsed = parse("2022-03-21T12:47+03:00")
    assert parsed is not None and parsed.clock() == (12, 47, "+03:00")


VALUES = [
    "2022-03-21",
    "2022-03-21T23:00:00+03:00",
    "2022-03",
    "2022",
    "2021-12-31",
    "--03-28",
    "--02",
    "2023-01-01",
    "2022-W12",
    "nonsense",
    None,
]


def test_the_sql_form_orders_as_the_python_rules() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (v TEXT, k TEXT)")
    conn.executemany("INSERT INTO t (v) VALUES (?)", [(v,) for v in VALUES])
    conn.execute(f"UPDATE t SET k = {day_key('v')}")
    year = conn.execute(f"SELECT {common_year_sql('t', 'k')}").fetchone()[0]
    ref = common_year(VALUES)
    assert int(year) == ref == 2022
    in_sql = [v for (v,) in conn.execute(f"SELECT v FROM t ORDER BY {placed('k', year)}")]
    keys = [sort_key(v, ref) for v in in_sql]
    assert keys == sorted(keys)
