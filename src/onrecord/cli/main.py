"""The ``onrecord`` command line: one entry point, commands registered from small modules.

Each ``cli/*.py`` command module exposes ``register(subparsers)``, which adds its commands with
``parser.set_defaults(func=run)``; ``run(args) -> int`` returns the exit code. Keeping the
commands in separate modules lets each pipeline stage own its commands without one huge file.

Exit codes (the same for every command): 0 ok, 1 some inputs failed (each named on stderr, the
rest still processed), 2 usage error or a failure of the whole run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from onrecord import __version__
from onrecord.errors import OnrecordError, UsageError, error_line

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

#: Modules whose ``register`` adds commands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "onrecord.cli.core",  # ingest, statements, speakers, articles, show, export
    "onrecord.cli.extract",  # extract, eval
    "onrecord.cli.views",  # timeline, speaker, compare, speakers merge/split/rename
    "onrecord.cli.outlets",  # outlets, outlets rename
    "onrecord.cli.serve",  # serve
    "onrecord.cli.spark",  # spark-extract, import-parquet
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and a one-line message on usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


class _CommandParser(_Parser):
    """The parser of one command: an argument it does not know is its own usage error.

    argparse hands a command's unknown arguments back to the top-level parser, which then
    prints the top-level usage (``onrecord [-h] [--version] COMMAND ...``), useless for
    finding the right flag. No argument after a command belongs to the top level, so the
    command reports them itself, with its usage.
    """

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="onrecord",
        description="Who said what, when, to whom, and who reported it: "
        "statements and speakers from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """The long option of each parameter of the command ``args`` ran (``since`` ->
    ``--since``), to name the option in an error the API raised about the parameter."""
    found: dict[str, str] = {}
    current: argparse.ArgumentParser | None = parser
    while current is not None:
        chosen = None
        for action in current._actions:
            longs = [o for o in action.option_strings if o.startswith("--")]
            if longs:
                found[action.dest] = longs[0]
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(args, action.dest, None) or "")
        current = chosen
    return found


def _as_command_says(
    exc: OnrecordError, parser: argparse.ArgumentParser, args: argparse.Namespace
) -> OnrecordError | str:
    """The error as the command says it: a parameter the API named in a usage error
    (``since``) is written as the command's option (``--since``)."""
    if isinstance(exc, UsageError):
        option = _options(parser, args).get(exc.param or "")
        if option:
            return exc.for_option(option)
    return exc


def _quiet_broken_pipe() -> int:
    """End quietly when the reader of our output has gone (``onrecord statements | head``).

    Python would report the pipe again when it flushes stdout at exit ("Exception ignored
    ... BrokenPipeError"); pointing stdout at /dev/null first leaves nothing to flush.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (captured): nothing to flush
        pass
    finally:
        os.close(devnull)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, so that a closed pipe is seen here and not at exit
        return code
    except OnrecordError as exc:
        print(error_line(_as_command_says(exc, parser, args)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("onrecord: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _quiet_broken_pipe()


if __name__ == "__main__":
    sys.exit(main())
