"""Counts as a reader writes them: "1 article", "2 articles", "0 inputs failed".

One helper for every message with a number in it, so that none says "1 inputs failed".
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 (``plural`` when adding "s" is wrong)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
