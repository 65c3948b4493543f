"""Core commands: ``ingest``, ``statements``, ``speakers``, ``articles``, ``show``, ``export``.

Each command parses its flags, calls :mod:`onrecord.api` (ingest, queries, export), and
renders the result with :mod:`onrecord.cli.output`; no command touches the database directly.

``speakers`` lists speakers when given no sub-command; :mod:`onrecord.cli.views` adds its
sub-commands (merge, split, rename, rebuild) with :func:`speakers_subcommands`, so
``onrecord speakers`` and ``onrecord speakers merge ...`` share one parser.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from itertools import chain
from typing import Any

from onrecord import api
from onrecord.api import core
from onrecord.bounds import add_limit_argument, count_arg
from onrecord.cli.output import Column, add_format_argument, emit
from onrecord.cli.progress import ProgressBar
from onrecord.counts import counted
from onrecord.errors import UsageError, error_line, printable
from onrecord.extract.cues import DEFAULT_SCOPE, SCOPE_HELP, SCOPES
from onrecord.store.db import ArticleRow, StatementFilter, StoredStatement

STATEMENT_COLUMNS = (
    Column("date", max_width=10),
    Column("outlet", max_width=24),
    Column("speaker", max_width=30),
    Column("kind", max_width=8),
    Column("text"),
)
#: ``statements --format csv``: the table's columns, then the article each statement comes
#: from, so that a row in a spreadsheet leads back to its source without another lookup.
STATEMENT_CSV_COLUMNS = (
    *STATEMENT_COLUMNS,
    Column("article_id"),
    Column("url"),
    Column("headline"),
)
SPEAKER_COLUMNS = (
    Column("name", max_width=30),
    Column("type", max_width=12),
    Column("roles", max_width=40),
    Column("statements", justify="right"),
    Column("outlets"),
)
ARTICLE_COLUMNS = (
    Column("id", max_width=16),
    Column("date", max_width=10),
    Column("outlet", max_width=24),
    Column("statements", justify="right"),
    Column("headline"),
)
SHOW_COLUMNS = (
    Column("n", "#", justify="right"),
    Column("kind", max_width=8),
    Column("speaker", max_width=30),
    Column("mention", max_width=20),
    Column("cue", max_width=14),
    Column("text"),
)
_SUBCOMMANDS_ATTR = "_onrecord_subcommands"


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", metavar="PATH", help="database file (default: $ONRECORD_DB or ./onrecord.db)"
    )


def _add_filters(p: argparse.ArgumentParser, *, speaker: bool = True) -> None:
    if speaker:
        p.add_argument(
            "--speaker", help="speaker name, surname, mention or alias (case-insensitive)"
        )
    p.add_argument("--outlet", help="only this outlet (case-insensitive)")
    p.add_argument("--language", metavar="CODE", help="only articles in this language (ru, en)")
    p.add_argument("--since", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument(
        "--all-revisions",
        action="store_true",
        help="include earlier revisions of edited articles (default: latest only)",
    )


#: ``--batch-size``: whole numbers from 1 up to what the store can take.
_positive = count_arg(minimum=1)


def register(subparsers: Any) -> None:
    """Add the core commands to the ``onrecord`` parser."""
    p = subparsers.add_parser(
        "ingest",
        help="read articles, extract statements, store them",
        description="Read articles (plain text, HTML, RSS/Atom, JSONL, WARC; folders recurse; "
        "'-' reads stdin), extract their statements and store them. Re-ingesting is a no-op; "
        "an edited article is stored as a new revision. Exit 1 if some inputs failed "
        "(each named on stderr; the rest are stored).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, '-' for stdin")
    _add_db(p)
    p.add_argument("--outlet", help="outlet of every input (overrides what is detected)")
    p.add_argument("--published", metavar="DATE", help="publication date/time of every input")
    p.add_argument("--year", type=int, help="year for dates printed without one (TASS: 'March 28')")
    p.add_argument(
        "--batch-size",
        type=_positive,
        default=core.DEFAULT_BATCH_SIZE,
        metavar="N",
        help=f"articles per transaction (default {core.DEFAULT_BATCH_SIZE})",
    )
    p.add_argument("--model", help="spaCy pipeline to load (default: $ONRECORD_MODEL or sm)")
    p.add_argument("--scope", choices=SCOPES, default=DEFAULT_SCOPE, help=SCOPE_HELP)
    p.set_defaults(func=run_ingest)

    p = subparsers.add_parser(
        "statements",
        help="list stored statements",
        description="List statements (date, outlet, speaker, kind, text), chronologically.",
    )
    _add_db(p)
    _add_filters(p)
    p.add_argument("--kind", help="direct, indirect or mixed (comma-separated for several)")
    p.add_argument(
        "--act", help="speech (said or written) or stance (a view attributed to the source)"
    )
    p.add_argument(
        "--search", help='words in the statement or speaker; "exact phrase", prefix*, -not, OR'
    )
    p.add_argument("--byline", help="words of the article's byline (case-insensitive)")
    add_limit_argument(p, noun="statements")
    add_format_argument(p)
    p.set_defaults(func=run_statements)

    p = subparsers.add_parser(
        "speakers",
        help="list speakers (name, type, roles, statements, outlets)",
        description="List speakers by number of statements.",
    )
    _add_db(p)
    p.add_argument("--outlet", help="only statements reported by this outlet")
    p.add_argument("--name", help="only speakers matching this name (like statements --speaker)")
    add_limit_argument(p, noun="speakers")
    add_format_argument(p)
    p.set_defaults(func=run_speakers)

    p = subparsers.add_parser(
        "articles",
        help="list stored articles",
        description="List articles (latest revisions) in publication order.",
    )
    _add_db(p)
    _add_filters(p, speaker=False)
    p.add_argument("--search", help="words in the headline or subheadline")
    add_limit_argument(p, noun="articles")
    add_format_argument(p)
    p.set_defaults(func=run_articles)

    p = subparsers.add_parser(
        "show",
        help="show one article with its statements highlighted",
        description="Show an article's text with each statement highlighted (on a terminal; "
        "[[n ...]] markers otherwise), then its statement list.",
    )
    p.add_argument("article", metavar="ARTICLE", help="article id, doc id, or unique id prefix")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print the article as one JSON object")
    p.set_defaults(func=run_show)

    p = subparsers.add_parser(
        "export",
        help="export the record as JSONL, CSV or Parquet",
        description="Export: jsonl (one article per line: metadata, text, statements in the "
        "interchange format), csv (one statement per row), parquet (a folder of articles/, "
        "statements/ and speakers/ tables partitioned by date and outlet).",
    )
    _add_db(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True)
    p.add_argument(
        "--output", "-o", metavar="PATH", help="file (folder for parquet); default stdout"
    )
    _add_filters(p, speaker=False)
    p.set_defaults(func=run_export)


def speakers_subcommands(subparsers: Any) -> Any:
    """The sub-command action of ``speakers``, for the registry's merge/split/rename.

    ``sub = speakers_subcommands(subparsers); sub.add_parser("merge", ...)``. Without a
    sub-command ``onrecord speakers`` lists speakers.
    """
    parser = subparsers.choices["speakers"]
    action = getattr(parser, _SUBCOMMANDS_ATTR, None)
    if action is None:
        action = parser.add_subparsers(
            dest="speakers_command", metavar="SUBCOMMAND", parser_class=type(parser)
        )
        setattr(parser, _SUBCOMMANDS_ATTR, action)
    return action


# --------------------------------------------------------------------------- commands


def _err(message: str) -> None:
    print(error_line(message), file=sys.stderr)


def run_ingest(args: argparse.Namespace) -> int:
    from onrecord.ingest import Hints

    hints = Hints(outlet=args.outlet, published=args.published, year=args.year)
    with ProgressBar("ingesting", unit="articles") as bar:
        if bar.enabled:
            _count_in_background(args.paths, bar)

        def progress(report: core.IngestReport) -> None:
            bar.advance(report.handled - bar.done)

        report = core.ingest(
            args.paths,
            db=args.db,
            hints=hints,
            batch_size=args.batch_size,
            progress=progress,
            scope=args.scope,
            model=args.model,
        )
    for failure in report.failed:
        _err(str(failure))
    print(f"onrecord: {report.summary()}", file=sys.stderr)
    return 1 if report.failed else 0


def _count_in_background(paths: list[str], bar: ProgressBar) -> None:
    """Give ``bar`` its total when a count of the inputs is done. The count runs beside the
    ingest, so the bar starts at once; it reads bytes only (onrecord.ingest.count), a small
    cost next to extraction, and nothing is counted when no terminal shows the bar."""
    import threading

    from onrecord.ingest.count import count_articles

    def count() -> None:
        try:
            total = count_articles(paths)
        except Exception:  # an estimate for the bar only: the ingest reports real errors
            return
        if total is not None:
            bar.set_total(total)

    threading.Thread(target=count, name="onrecord-count", daemon=True).start()


def _filters(args: argparse.Namespace) -> StatementFilter:
    """The statement filters among the parsed options (each option named as its field)."""
    return StatementFilter.from_mapping(vars(args))


def run_statements(args: argparse.Namespace) -> int:
    flt = _filters(args)
    with closing(api.stream_statements(flt, args.db, limit=args.limit or None)) as rows:
        first = next(rows, None)
        if first is None and flt.speaker:
            api.require_speaker(flt.speaker, db=args.db)
        found = chain(() if first is None else (first,), rows)
        if args.format == "csv":
            emit(map(_csv_record, found), "csv", STATEMENT_CSV_COLUMNS)
        else:
            emit(found, args.format, STATEMENT_COLUMNS, title="statements")
    return 0


def _csv_record(s: StoredStatement) -> dict[str, Any]:
    """A statement's CSV row: the table's columns and the article it was reported in."""
    return {**s.row(), "article_id": s.article_id, "url": s.url or "", "headline": s.headline}


def run_speakers(args: argparse.Namespace) -> int:
    rows = api.speakers(args.db, outlet=args.outlet, name=args.name, limit=args.limit or None)
    emit(rows, args.format, SPEAKER_COLUMNS, title="speakers")
    return 0


def run_articles(args: argparse.Namespace) -> int:
    rows = api.articles(
        args.db,
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        search=args.search,
        all_revisions=args.all_revisions,
        limit=args.limit or None,
        language=args.language,
    )
    emit(rows, args.format, ARTICLE_COLUMNS, title="articles")
    return 0


def run_export(args: argparse.Namespace) -> int:
    flt = StatementFilter(
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        all_revisions=args.all_revisions,
        language=getattr(args, "language", None),
    )
    if args.format == "parquet" and not args.output:
        raise UsageError("export --format parquet needs --output FOLDER")
    output = None if args.output in (None, "-") else args.output
    report = api.export(args.format, output, db=args.db, filters=flt)
    if output is not None:
        print(
            f"onrecord: exported {counted(report.articles, 'article')}, "
            f"{counted(report.statements, 'statement')}"
            + (f", {counted(report.speakers, 'speaker')}" if args.format == "parquet" else "")
            + f" to {printable(output)}",
            file=sys.stderr,
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    import json

    view = api.article(args.article, db=args.db)
    if args.json:
        print(json.dumps(view.to_json(), ensure_ascii=False))
        return 0
    if sys.stdout.isatty():
        _show_rich(view.article, view.statements)
    else:
        sys.stdout.write(_show_plain(view.article, view.statements))
    rows = [_show_row(i, s) for i, s in enumerate(view.statements, 1)]
    print()
    emit(rows, "table", SHOW_COLUMNS)
    if len(view.revisions) > 1:
        others = ", ".join(f"{r.revision}: {r.id}" for r in view.revisions)
        print(f"\nrevisions: {others}")
    return 0


# --------------------------------------------------------------------------- show rendering


def _label(s: StoredStatement) -> str:
    sp = s.statement.speaker
    if sp is None:
        return "?"
    return sp.name or (sp.mention.text if sp.mention else "?")


def _show_row(n: int, s: StoredStatement) -> dict[str, Any]:
    st = s.statement
    sp = st.speaker
    return {
        "n": n,
        "kind": st.kind,
        "speaker": sp.name if sp and sp.name else "",
        "mention": sp.mention.text if sp and sp.mention else "",
        "cue": st.cue.text if st.cue else "",
        "text": st.words(),
    }


def _header(row: ArticleRow) -> str:
    bits = [row.display_date or "date unknown", row.outlet or "outlet unknown"]
    if row.revision > 1:
        bits.append(f"revision {row.revision}")
    return f"{row.id}  " + " | ".join(bits) + (f"\n{row.url}" if row.url else "")


def _show_plain(row: ArticleRow, stored: list[StoredStatement]) -> str:
    """The text with ``[[n ...]]<speaker>`` around each statement piece (no terminal)."""
    text = row.text or ""
    inserts: list[tuple[int, int, str]] = []  # (offset, order, marker): closers before openers
    for n, s in enumerate(stored, 1):
        pieces = s.statement.pieces()
        for i, (start, end) in enumerate(pieces):
            inserts.append((start, 1, f"[[{n} "))
            closer = f"]]<{_label(s)}>" if i == len(pieces) - 1 else "]]"
            inserts.append((end, 0, closer))
    out = []
    last = 0
    for offset, _, marker in sorted(inserts, key=lambda t: (t[0], t[1])):
        offset = max(0, min(offset, len(text)))
        out.append(text[last:offset])
        out.append(marker)
        last = offset
    out.append(text[last:])
    return _header(row) + "\n\n" + "".join(out).rstrip("\n") + "\n"


_STYLES = ("bold cyan", "bold magenta", "bold green", "bold yellow", "bold blue", "bold red")


def _show_rich(row: ArticleRow, stored: list[StoredStatement]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    text = Text(row.text or "")
    size = len(text)
    for n, s in enumerate(stored, 1):
        style = _STYLES[(n - 1) % len(_STYLES)]
        for start, end in s.statement.pieces():
            text.stylize(style, max(0, start), min(end, size))
        sp = s.statement.speaker
        if sp and sp.mention:
            text.stylize("underline", sp.mention.start, min(sp.mention.end, size))
        if s.statement.cue:
            text.stylize("italic", s.statement.cue.start, min(s.statement.cue.end, size))
    # A speaker label after each statement, built left to right so offsets stay valid.
    labelled = Text()
    ends = sorted(((s.statement.pieces()[-1][1], n, s) for n, s in enumerate(stored, 1)))
    last = 0
    for end, n, s in ends:
        end = max(last, min(end, size))
        labelled.append_text(text[last:end])
        labelled.append(f" [{n}: {_label(s)}]", style="dim " + _STYLES[(n - 1) % len(_STYLES)])
        last = end
    labelled.append_text(text[last:])
    console.print(Text(_header(row), style="bold"))
    console.print()
    console.print(labelled)
