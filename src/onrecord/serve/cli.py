"""The ``onrecord`` command line: one entry point, commands registered from small modules.

Each ``serve/cli_*.py`` module exposes ``register(subparsers)``, which adds its commands with
``parser.set_defaults(func=run)``; ``run(args) -> int`` returns the exit code. Keeping the
commands in separate modules lets each pipeline stage own its commands without one huge file.

Exit codes (the same for every command): 0 ok, 1 some inputs failed (each named on stderr, the
rest still processed), 2 usage error or a failure of the whole run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from onrecord import __version__
from onrecord.errors import OnrecordError, UsageError, error_line

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

#: Modules whose ``register`` adds commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "onrecord.serve.cli_core",  # ingest, statements, speakers, articles, show, export
    "onrecord.serve.cli_extract",  # extract, eval
    "onrecord.serve.cli_record",  # timeline, speaker, compare, speakers merge/split/rename
    "onrecord.serve.cli_serve",  # serve
    "onrecord.serve.cli_spark",  # spark-extract, import-parquet
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a one-line message on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="onrecord",
        description="Who said what, when, to whom, and who reported it: "
        "statements and speakers from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command module not written yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_USAGE
    except OnrecordError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("onrecord: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
