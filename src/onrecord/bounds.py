"""Bounds on the numbers and strings users hand to queries, from the CLI and over HTTP.

SQLite integers are 64-bit: an ``offset`` or ``limit`` past 2**63 - 1 is an OverflowError
deep in the store (a traceback on the command line, a 500 over HTTP), and a LIKE pattern
over 50,000 bytes is refused by SQLite as "too complex". Checking both where the value
enters (argparse, the HTTP layer) turns them into usage errors that name the option, and
leaves the store free of such checks.

Every listing's ``--limit`` and ``--offset`` come from :func:`add_limit_argument` and
:func:`add_offset_argument`, so they read the same everywhere: ``--limit 0`` means all (what
``timeline`` suggests for its next page), and the value goes to the store as ``None``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

#: The largest count, offset or page number accepted: far past any store's size (a bigger
#: offset could only page past the end), and small enough that offset + limit never
#: overflows a 64-bit integer.
MAX_COUNT = 1_000_000_000
#: The longest text parameter accepted (a name, an id, a search): longer than anything a
#: person types, and far below SQLite's 50,000-byte limit on LIKE patterns.
MAX_TEXT = 1_000


def count_arg(minimum: int = 0, maximum: int = MAX_COUNT) -> Callable[[str], int]:
    """An argparse ``type`` for whole numbers in ``minimum..maximum``.

    Out-of-range and non-numeric values become argparse usage errors (exit 2, with the
    usage line) rather than tracebacks from the store.
    """

    def parse(value: str) -> int:
        text = value.strip()
        digits = text.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()):
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number")
        if len(digits.lstrip("0")) > len(str(maximum)):
            # Past any bound either way; no int() of a 10,000-digit string.
            n = (maximum + 1) * (-1 if text.startswith("-") else 1)
        else:
            n = int(text)
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{value} must be at least {minimum}")
        if n > maximum:
            raise argparse.ArgumentTypeError(f"{value} is too large (at most {maximum:,})")
        return n

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def add_limit_argument(
    parser: argparse.ArgumentParser, *, default: int = 0, noun: str = "results"
) -> None:
    """The ``--limit N`` of a listing: at most N ``noun``, 0 (the default unless given) for
    all. Commands pass ``args.limit or None`` on, since the store's "no limit" is None."""
    shown = f"default {default:,}; 0 for all" if default else "default and 0: all"
    parser.add_argument(
        "--limit",
        type=count_arg(minimum=0),
        default=default,
        metavar="N",
        help=f"at most N {noun} ({shown})",
    )


def add_offset_argument(parser: argparse.ArgumentParser, *, noun: str = "results") -> None:
    """The ``--offset N`` of a paged listing: skip the first N ``noun`` (the next page)."""
    parser.add_argument(
        "--offset",
        type=count_arg(minimum=0),
        default=0,
        metavar="N",
        help=f"skip the first N {noun} (the next page)",
    )
