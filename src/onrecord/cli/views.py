"""Record commands: ``timeline``, ``speaker``, ``compare``, ``speakers merge|split|rename|rebuild``.

Each parses its flags, calls :mod:`onrecord.api` (timelines, profiles, comparisons,
corrections) and renders with :mod:`onrecord.cli.output`. The ``speakers`` sub-commands hang
under the core ``speakers`` listing (:func:`onrecord.cli.core.speakers_subcommands`), so
``onrecord speakers`` still lists.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from onrecord.api import comparisons, corrections, profiles, timelines
from onrecord.bounds import add_limit_argument, add_offset_argument, count_arg
from onrecord.cli.core import speakers_subcommands
from onrecord.cli.output import Column, add_format_argument, emit
from onrecord.counts import counted

#: Timeline lines shown by default: a screenful or two; ``--limit 0`` lists them all.
DEFAULT_TIMELINE_LIMIT = 100
TIMELINE_COLUMNS = (
    Column("date", max_width=25),
    Column("kind", max_width=9),
    Column("speaker", max_width=22),
    Column("place", max_width=24),
    Column("outlets", max_width=20),
    Column("source", max_width=28),
    Column("text"),
)
REPORT_COLUMNS = (
    Column("group", justify="right"),
    Column("first", max_width=5),
    Column("outlet", max_width=16),
    Column("date", max_width=10),
    Column("diff", max_width=60),
    Column("text"),
)
REGISTRY_COLUMNS = (
    Column("id", max_width=16),
    Column("name", max_width=30),
    Column("type", max_width=12),
    Column("statements", justify="right"),
    Column("outlets", justify="right"),
    Column("aliases"),
)
PROFILE_COLUMNS = {
    "speaker": (
        Column("name", max_width=30),
        Column("type", max_width=12),
        Column("statements", justify="right"),
        Column("outlets", max_width=40),
        Column("affiliation", max_width=30),
        Column("aliases"),
    ),
    "roles": (
        Column("role", max_width=50),
        Column("outlet", max_width=16),
        Column("first", max_width=10),
        Column("last", max_width=10),
        Column("statements", justify="right"),
    ),
    "per day": (
        Column("day", max_width=10),
        Column("outlet", max_width=16),
        Column("statements", justify="right"),
    ),
    "latest": (
        Column("date", max_width=10),
        Column("outlet", max_width=16),
        Column("kind", max_width=8),
        Column("text"),
    ),
}
PROFILE_CSV_COLUMNS = (
    Column("section"),
    Column("date"),
    Column("outlet"),
    Column("statements"),
    Column("value"),
)


def _add_db(p: argparse.ArgumentParser, **kwargs: Any) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $ONRECORD_DB or ./onrecord.db)",
        **kwargs,
    )


def _add_sub_options(p: argparse.ArgumentParser, *, formats: bool = True) -> None:
    """--db/--format of a ``speakers`` sub-command. They default to SUPPRESS so that the same
    options given before the sub-command (``speakers --db X merge A B``), which the
    ``speakers`` parser itself reads, are not overwritten by the sub-command's defaults."""
    _add_db(p, default=argparse.SUPPRESS)
    if formats:
        p.add_argument(
            "--format",
            choices=("table", "jsonl", "csv"),
            default=argparse.SUPPRESS,
            help="output format (default: table)",
        )


def register(subparsers: Any) -> None:
    """Add the record commands to the ``onrecord`` parser."""
    p = subparsers.add_parser(
        "timeline",
        help="events and statements in date order, with their sources",
        description="Dated events the articles report (with place and source article) and "
        "statements (one line per statement as said, with every outlet that carried it), "
        "in date order. Dates without a year are shown as --MM-DD.",
    )
    p.add_argument("--speaker", help="only this speaker's statements (name, surname or id)")
    p.add_argument("--since", metavar="DATE", help="on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="on or before (YYYY[-MM[-DD]])")
    p.add_argument("--search", help="words in the event or statement")
    p.add_argument(
        "--kind", choices=("all", "events", "statements"), default="all", help="what to list"
    )
    add_limit_argument(p, default=DEFAULT_TIMELINE_LIMIT, noun="lines")
    add_offset_argument(p, noun="lines")
    _add_db(p)
    add_format_argument(p)
    p.set_defaults(func=run_timeline)

    p = subparsers.add_parser(
        "speaker",
        help="one speaker: roles by outlet and date, outlets, statements per day, latest",
        description="Everything the record holds on one speaker (person or organisation).",
    )
    p.add_argument("name", help="full name, surname, alias or registry id")
    p.add_argument(
        "--latest", type=count_arg(minimum=0), default=10, help="how many latest statements"
    )
    _add_db(p)
    add_format_argument(p)
    p.set_defaults(func=run_speaker)

    p = subparsers.add_parser(
        "compare",
        help="who reported what a speaker said on a day, with word-by-word differences",
        description="The statements a speaker made on a day: for each, its first report, "
        "every outlet that carried it, and how each version differs from the first.",
    )
    p.add_argument("--speaker", required=True, help="full name, surname, alias or id")
    p.add_argument("--date", required=True, metavar="DAY", help="the day (YYYY-MM-DD)")
    _add_db(p)
    add_format_argument(p)
    p.set_defaults(func=run_compare)

    sub = speakers_subcommands(subparsers)
    p = sub.add_parser(
        "merge",
        help="correct the registry: B is the same speaker as A",
        description="Make B (and any more names) part of speaker A. Stored as a rule, so it "
        "holds for articles ingested later and after `speakers rebuild`.",
    )
    p.add_argument("keep", metavar="A", help="the speaker to keep")
    p.add_argument("others", metavar="B", nargs="+", help="speakers to merge into A")
    _add_sub_options(p)
    p.set_defaults(func=run_merge)

    p = sub.add_parser(
        "split",
        help="correct the registry: take names out of a speaker",
        description="Take the given names of speaker NAME into a new speaker (without names: "
        "every differently written name becomes its own speaker). Stored as a rule.",
    )
    p.add_argument("name", metavar="NAME", help="the speaker to split")
    p.add_argument("aliases", metavar="ALIAS", nargs="*", help="names to take out")
    _add_sub_options(p)
    p.set_defaults(func=run_split)

    p = sub.add_parser(
        "rename",
        help="correct the registry: the name a speaker is shown by",
        description="Show speaker A as NEW from now on. Stored as a rule.",
    )
    p.add_argument("name", metavar="A")
    p.add_argument("new_name", metavar="NEW")
    _add_sub_options(p)
    p.set_defaults(func=run_rename)

    p = sub.add_parser(
        "rebuild",
        help="recompute the registry, times, links and events; replay corrections",
        description="Recompute the cross-article record from the stored statements, then "
        "replay the stored corrections in order. Rules whose names are gone are reported.",
    )
    _add_sub_options(p, formats=False)
    p.set_defaults(func=run_rebuild)


def run_timeline(args: argparse.Namespace) -> int:
    page = timelines.timeline(
        args.db,
        speaker=args.speaker,
        since=args.since,
        until=args.until,
        search=args.search,
        kind=args.kind,
        limit=args.limit or None,
        offset=args.offset,
    )
    emit(page, args.format, TIMELINE_COLUMNS, title="timeline")
    if page.more:  # on stderr, so piped jsonl/csv stays clean
        shown = f"{args.offset + 1:,}-{args.offset + len(page):,}"
        print(
            f"onrecord: lines {shown} of {page.total:,} shown; "
            f"--offset {args.offset + len(page)} for the next, --limit 0 for all",
            file=sys.stderr,
        )
    return 0


def run_speaker(args: argparse.Namespace) -> int:
    profile = profiles.speaker(args.name, args.db, latest=args.latest)
    if args.format == "jsonl":
        emit([profile], "jsonl", ())
    elif args.format == "csv":
        emit(profile.rows(), "csv", PROFILE_CSV_COLUMNS)
    else:
        for title, rows in profile.sections().items():
            if rows:
                if not sys.stdout.isatty():
                    print(f"== {title}")
                emit(rows, "table", PROFILE_COLUMNS[title], title=title)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    groups = comparisons.compare(args.speaker, args.date, args.db)
    if args.format == "jsonl":
        emit(groups, "jsonl", ())
    else:
        reports = [r for g in groups for r in g.reports]
        emit(reports, args.format, REPORT_COLUMNS, title=f"{args.speaker} on {args.date}")
        marked = [g for g in groups if g.occasion is not None]
        if marked and args.format == "table":  # a Russian original and its English version
            by_language: dict[str, list[str]] = {}
            for g in marked:
                by_language.setdefault(g.language, []).append(str(g.group_id))
            shown = "; ".join(f"{lang}: {', '.join(ids)}" for lang, ids in by_language.items())
            n = len(by_language)
            print(f"one occasion in {n} languages (not compared word by word): {shown}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    emit(
        corrections.merge_speakers(args.keep, *args.others, db=args.db),
        args.format,
        REGISTRY_COLUMNS,
    )
    return 0


def run_split(args: argparse.Namespace) -> int:
    emit(
        corrections.split_speaker(args.name, *args.aliases, db=args.db),
        args.format,
        REGISTRY_COLUMNS,
    )
    return 0


def run_rename(args: argparse.Namespace) -> int:
    emit(
        corrections.rename_speaker(args.name, args.new_name, db=args.db),
        args.format,
        REGISTRY_COLUMNS,
    )
    return 0


def run_rebuild(args: argparse.Namespace) -> int:
    problems = corrections.rebuild(args.db)
    for message in problems:
        print(f"onrecord: warning: {message}", file=sys.stderr)
    gone = len(problems)
    print(
        f"record rebuilt; {counted(gone, 'correction')} no longer "
        + ("applies" if gone == 1 else "apply"),
        file=sys.stderr,
    )
    return 0
