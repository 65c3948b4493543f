"""One place for the errors users can act on.

Every error that reaches a user is an :class:`OnrecordError` whose message names the input
(file, line, record) and the problem, so the CLI can print it on one line and go on with the
other inputs. Code raises these with the helpers below rather than composing messages ad hoc.

Names of inputs come from users and file systems and may hold anything: a newline in a file
name would forge a second output line, an escape sequence would drive the terminal, and a
name that is not valid UTF-8 (``os.fsdecode`` gives lone surrogates for its bytes) cannot be
printed or stored at all. :func:`printable` is the one place that makes such a name safe to
show; every message naming an input goes through it (``source`` below does so itself).
"""

from __future__ import annotations

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every character that is not printable written as an escape, on one line.

    Bytes of a file name that are not UTF-8 (``os.fsdecode``'s surrogates U+DC80-U+DCFF)
    become ``\\xNN``, as ``ls -b`` shows them; newline, carriage return and tab become
    ``\\n``, ``\\r``, ``\\t``; other control, format and separator characters and lone
    surrogates become ``\\xNN``/``\\uNNNN``/``\\UNNNNNNNN``. A backslash is kept as it is, so
    the function can be applied twice (a name, then the message holding it) with the same
    result; the cost is that a name holding a literal ``\\n`` reads like one holding a
    newline. The result is valid UTF-8, so it can be stored as well as printed.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
            continue
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out)


def error_line(message: object) -> str:
    """The line a command prints on stderr for an error: ``onrecord: error: MESSAGE``.

    The whole message goes through :func:`printable`, not only the input's name: a message
    may quote other user text (an output path, an option), and it must stay one line.
    """
    return f"onrecord: error: {printable(str(message))}"


class OnrecordError(Exception):
    """An error about user input or configuration, with a one-line message.

    ``source`` is shown through :func:`printable`: it is often a file name, which may hold
    control characters or undecodable bytes.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = printable(source) if source is not None else None
        super().__init__(f"{self.source}: {message}" if source else message)


class InputError(OnrecordError):
    """An input (file, record, line) could not be read; the others can still be processed."""


class UsageError(OnrecordError):
    """The command line or configuration is wrong; nothing was done (exit code 2).

    ``param`` names the parameter a bad value was given for, as the Python API and the HTTP
    API call it (``since``, ``batch_size``), and the message then starts with that name:
    ``since 'June': expected YYYY, YYYY-MM or YYYY-MM-DD``. Those callers never see a command
    line, so the message speaks of no flag; the CLI, which knows which option set the
    parameter, writes the option in its place with :meth:`for_option`.
    """

    def __init__(
        self, message: str, *, source: str | None = None, param: str | None = None
    ) -> None:
        super().__init__(message, source=source)
        self.param = param

    def for_option(self, option: str) -> str:
        """The message with its leading parameter name written as ``option`` (``--since``)."""
        text = str(self)
        if self.param and text.startswith(self.param + " "):
            return option + text[len(self.param) :]
        return text


class StoreError(OnrecordError):
    """The database cannot be opened or written (wrong file, newer schema, locked)."""
