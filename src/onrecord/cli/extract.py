"""``onrecord extract`` and ``onrecord eval``: the extraction engine on JSONL, and its scores.

``extract`` reads documents JSONL (stdin by default) and writes one statements line per valid
input line, in order (``shared/spec/statements.md``). A bad line, or a document whose
extraction fails (:mod:`onrecord.api.stream`, as ingest isolates it), is reported on stderr
with its line number and skipped; the others are still processed and the exit code is 1. An
output file is refused when it is the input, and written through a temporary file
(:mod:`onrecord.outfiles`).

``eval`` scores predictions against a gold file (definitions in :mod:`onrecord.evaluate`):
by default it runs the extractor on the gold documents, with ``--pred`` it reads an earlier
``extract`` output instead. Attribution is scored by speaker mention and, when the gold has
canonical names, by canonical name too, each its own row.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from onrecord.api.stream import extract_stream, extraction
from onrecord.errors import InputError, UsageError, error_line
from onrecord.evaluate import GoldDocument, evaluate, format_table, gold_from_json
from onrecord.extract.cues import DEFAULT_SCOPE, SCOPE_HELP, SCOPES
from onrecord.extract.limits import ArticleTooLong, check_length
from onrecord.ingest import DEFAULT_MAX_BYTES
from onrecord.ingest.jsonl import read_documents
from onrecord.model import Article, Statement, statements_to_json
from onrecord.outfiles import atomic_text, refuse_same_file

EXIT_OK, EXIT_SOME_FAILED = 0, 1


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "extract",
        help="statements and speakers from documents JSONL (stdin by default)",
        description="Read documents JSONL ({id, text, ...} a line) and write statements JSONL.",
    )
    p.add_argument("input", nargs="?", default="-", help="documents JSONL (default: stdin)")
    p.add_argument(
        "-o",
        "--output",
        default="-",
        help="statements JSONL (default: stdout); complete or not at all, never the input",
    )
    _add_engine_options(p)
    p.set_defaults(func=run_extract)

    e = subparsers.add_parser(
        "eval",
        help="score extraction against a gold JSONL file",
        description="Precision/recall/F1 of statement content (overlap 0.3 and 0.8), exact "
        "match, and end-to-end attribution (content overlap >= 0.5 and the speaker right) by "
        "mention (the speaker's words in the text) and, when the gold has canonical names "
        "('speaker_canonical'), by canonical name (case, accents, possessive 's, a leading "
        "'the' and titles such as 'Sen.' ignored); then mention, canonical and cue accuracy "
        "over the matched statements. The JSON key 'attribution' is the canonical figure when "
        "the gold has canonical names, else the mention one ('attribution_by' says which). "
        "Definitions: the onrecord.evaluate module.",
    )
    e.add_argument("gold", help="gold JSONL (documents with 'quotes')")
    e.add_argument("--pred", help="statements JSONL from 'onrecord extract' (default: run it)")
    e.add_argument("--kinds", action="store_true", help="also show each kind separately")
    e.add_argument("--format", choices=("table", "json"), default="table")
    _add_engine_options(e)
    e.set_defaults(func=run_eval)


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model", help="spaCy pipeline name (default: $ONRECORD_MODEL or en_core_web_sm)"
    )
    p.add_argument(
        "--scope",
        choices=SCOPES,
        default=DEFAULT_SCOPE,
        help=SCOPE_HELP,
    )
    p.add_argument("--batch-size", type=int, default=32, help=argparse.SUPPRESS)


def _open_in(path: str, stack: ExitStack) -> IO[bytes]:
    """The input as bytes: each line is decoded on its own, so one line that is not UTF-8
    is that line's error, not the end of the run."""
    if path == "-":
        return sys.stdin.buffer
    try:
        return stack.enter_context(open(path, "rb"))
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _documents(
    stream: IO[bytes], name: str
) -> Iterator[tuple[str, tuple[Article, dict[str, Any]] | InputError]]:
    """The documents JSONL as ``onrecord ingest`` reads it (:mod:`onrecord.ingest.jsonl`),
    except that a blank ``text`` is a document too: it gets its (empty) statements line."""
    return read_documents(stream, name, max_line=DEFAULT_MAX_BYTES, empty_text=True)


def _open_out(path: str, input_path: str, stack: ExitStack) -> IO[str]:
    """The output stream: stdout, or ``path`` written through a temporary file.

    Refused when ``path`` is the input (opening it for writing used to truncate the input
    before a line was read); the temporary file replaces ``path`` only once every line is
    written, so an interrupted run leaves an earlier output whole.
    """
    if path == "-":
        return sys.stdout
    refuse_same_file(path, [input_path], what="--output")
    try:
        return stack.enter_context(atomic_text(path))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def run_extract(args: argparse.Namespace) -> int:
    name = "<stdin>" if args.input == "-" else args.input
    failed = 0
    with ExitStack() as stack:
        fin = _open_in(args.input, stack)
        fout = _open_out(args.output, args.input, stack)

        def articles() -> Iterator[Article]:
            nonlocal failed
            for _, item in _documents(fin, name):
                if isinstance(item, InputError):
                    failed += 1
                    print(error_line(item), file=sys.stderr)
                    continue
                article = item[0]
                try:
                    check_length(article)  # refused before any work, as this line's error
                except ArticleTooLong as exc:
                    failed += 1
                    print(error_line(InputError(str(exc), source=article.source)), file=sys.stderr)
                    continue
                yield article

        for out in extract_stream(
            articles(), batch_size=args.batch_size, model=args.model, scope=args.scope
        ):
            if out.failed:
                failed += 1
                print(error_line(out.input_error()), file=sys.stderr)
                continue
            line = statements_to_json(out.article.id, out.statements)
            fout.write(json.dumps(line, ensure_ascii=False))
            fout.write("\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def load_gold(path: str) -> list[GoldDocument]:
    """Every gold document of ``path``; the first bad line stops the run (scores need all)."""
    docs = []
    with ExitStack() as stack:
        for where, item in _documents(_open_in(path, stack), path):
            if isinstance(item, InputError):
                raise item
            docs.append(gold_from_json(item[1], where))
    return docs


def load_predictions(path: str, gold: list[GoldDocument]) -> list[list[Statement]]:
    """Statements JSONL keyed by id, in gold order; a gold id without predictions is an error."""
    by_id: dict[str, list[Statement]] = {}
    with ExitStack() as stack:
        for number, line in enumerate(_open_in(path, stack), start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                data = json.loads(line)
                by_id[str(data["id"])] = [Statement.from_json(s) for s in data["statements"]]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"not a statements line ({exc})", source=source) from None
    missing = [g.id for g in gold if g.id not in by_id]
    if missing:
        raise InputError(
            f"no predictions for gold id {missing[0]!r} ({len(missing)} missing)", source=path
        )
    return [by_id[g.id] for g in gold]


def run_eval(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold)
    if args.pred:
        predictions = load_predictions(args.pred, gold)
    else:
        articles = (Article(id=g.id, text=g.text, source=args.gold) for g in gold)
        run = extraction(batch_size=args.batch_size, model=args.model, scope=args.scope)
        predictions = list(run(articles))  # scores need every document: a failure stops
    results = evaluate(gold, predictions)
    if args.format == "json":
        print(json.dumps({"gold": str(Path(args.gold)), "results": results}, indent=2))
    else:
        print(format_table(results, args.kinds))
    return EXIT_OK
