"""Outlet commands: ``outlets`` (the listing) and ``outlets rename OLD NEW`` (a correction).

Outlets are named as their sources name them ("tribune242.com", "Timesofisrael" when a page
says no better); a user's rename is stored in the database (``outlet_aliases``, see
``store/corrections.py``) and applied wherever an outlet is shown or filtered on, also to
articles ingested later. Renaming a name back removes the alias.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from onrecord.api import corrections
from onrecord.cli.output import Column, add_format_argument, emit

OUTLET_COLUMNS = (
    Column("outlet", max_width=40),
    Column("articles", justify="right"),
    Column("statements", justify="right"),
    Column("aliases"),
)
RENAMED_COLUMNS = (
    Column("outlet", max_width=40),
    Column("articles", justify="right"),
    Column("aliases"),
)


def _add_db(p: argparse.ArgumentParser, **kwargs: Any) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $ONRECORD_DB or ./onrecord.db)",
        **kwargs,
    )


def register(subparsers: Any) -> None:
    """Add ``outlets`` and ``outlets rename`` to the ``onrecord`` parser."""
    p = subparsers.add_parser(
        "outlets",
        help="list outlets (articles, statements, the names shown as each); rename one",
        description="List outlets as readers see them, most articles first, with the stored "
        "names each is shown for. `outlets rename OLD NEW` corrects a name.",
    )
    _add_db(p)
    add_format_argument(p)
    p.set_defaults(func=run_outlets)
    sub = p.add_subparsers(dest="outlets_command", metavar="SUBCOMMAND", parser_class=type(p))
    r = sub.add_parser(
        "rename",
        help="show outlet OLD as NEW everywhere (stored; also for later articles)",
        description="Show outlet OLD (a stored name such as tribune242.com, or a name shown "
        "now) as NEW in every listing, filter, export, the API and the web UI. Stored in the "
        "database, so it holds for articles ingested later; renaming back undoes it.",
    )
    r.add_argument("old", metavar="OLD", help="the outlet as stored or as shown now")
    r.add_argument("new", metavar="NEW", help="the name to show")
    # SUPPRESS: the same options given before the sub-command (outlets --db X rename A B)
    # are read by the outlets parser and must not be overwritten by these defaults
    _add_db(r, default=argparse.SUPPRESS)
    r.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default=argparse.SUPPRESS,
        help="output format (default: table)",
    )
    r.set_defaults(func=run_rename)


def run_outlets(args: argparse.Namespace) -> int:
    emit(corrections.outlets(args.db), args.format, OUTLET_COLUMNS, title="outlets")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    done = corrections.rename_outlet(args.old, args.new, db=args.db)
    emit([done], args.format, RENAMED_COLUMNS)
    if not done.articles:
        print(
            f"onrecord: no stored article has outlet {args.old!r} yet; the name applies to "
            "articles ingested later",
            file=sys.stderr,
        )
    return 0
