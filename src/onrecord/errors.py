"""One place for the errors users can act on.

Every error that reaches a user is an :class:`OnrecordError` whose message names the input
(file, line, record) and the problem, so the CLI can print it on one line and go on with the
other inputs. Code raises these with the helpers below rather than composing messages ad hoc.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """An error about user input or configuration, with a one-line message."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(OnrecordError):
    """An input (file, record, line) could not be read; the others can still be processed."""


class UsageError(OnrecordError):
    """The command line or configuration is wrong; nothing was done (exit code 2)."""


class StoreError(OnrecordError):
    """The database cannot be opened or written (wrong file, newer schema, locked)."""
