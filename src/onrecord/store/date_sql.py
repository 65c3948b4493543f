"""The rules of :mod:`onrecord.dates` written as SQL, for queries that order by date in the
database (the timeline, store/timeline.py).

Why a second form: a timeline of a large record is ordered and paged by SQLite, not in
Python, so the reading of a date (:func:`onrecord.dates.parts`), its chronological key
(:func:`onrecord.dates.sort_key`) and the year a year-less date is placed in
(:func:`onrecord.dates.common_year`) are needed as SQL expressions too. They live here,
next to each other, and ``tests/test_dates.py`` checks that they order dates as the Python
rules do.
"""

from __future__ import annotations

#: GLOB patterns: a four-digit year, a two-digit month or day.
YEAR_GLOB = "[0-9][0-9][0-9][0-9]"
NUM_GLOB = "[0-9][0-9]"
#: Where a line without a date sorts: after every dated one.
UNDATED_KEY = "'9999-99-99'"


def day_key(col: str) -> str:
    """SQL: the sortable day of an ISO date in ``col`` (``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY``; ``-MM-DD`` or ``-MM`` when the year is unknown; NULL when unreadable)."""
    y, n = YEAR_GLOB, NUM_GLOB
    return (
        f"(CASE WHEN {col} GLOB '{y}-{n}-{n}*' THEN substr({col}, 1, 10)"
        f" WHEN {col} GLOB '{y}-{n}*' THEN substr({col}, 1, 7)"
        f" WHEN {col} GLOB '--{n}-{n}*' THEN substr({col}, 2, 6)"
        f" WHEN {col} GLOB '--{n}*' THEN substr({col}, 2, 3)"
        f" WHEN {col} GLOB '{y}*' THEN substr({col}, 1, 4) END)"
    )


def placed(key: str, year: str) -> str:
    """SQL: a :func:`day_key` in chronological sort order, a year-unknown one placed in
    ``year`` (an SQL expression giving ``YYYY``), none last."""
    return (
        f"(CASE WHEN {key} IS NULL THEN {UNDATED_KEY}"
        f" WHEN {key} GLOB '-*' THEN {year} || {key} ELSE {key} END)"
    )


def common_year(table: str, key: str) -> str:
    """SQL: the most common year of the day keys ``key`` of ``table`` (the earlier on a tie;
    ``'0000'`` when none has one), as :func:`onrecord.dates.common_year`."""
    return (
        f"(SELECT coalesce((SELECT substr({key}, 1, 4) FROM {table} WHERE {key} GLOB"
        f" '{YEAR_GLOB}*' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1), '0000'))"
    )
