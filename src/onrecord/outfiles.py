"""Files and folders a command writes at a path the user names (``extract -o``, ``export -o``).

Two promises, kept here once for every such command:

- **Never over an input.** ``onrecord extract in.jsonl -o in.jsonl`` once opened the output
  for writing first, truncating the input to nothing before a line was read. Commands call
  :func:`refuse_same_file` with their inputs before opening anything; "the same file" is by
  device and inode, so another spelling of the path, a symbolic link or a hard link is
  caught too, and so is standard input redirected from the output file.
- **Never half a file over a whole one.** Output goes to a hidden temporary file beside the
  target (same folder, hence same file system) that replaces the target only when the
  command finished (:func:`atomic_text`); an interrupted or failed run leaves the old file
  as it was. :func:`atomic_folder` does the same for a folder of tables.

Targets that are not regular files (``/dev/null``, ``/dev/stdout``, a named pipe) are written
in place: renaming a file over a device would replace the device, not write to it. So is an
existing file in a folder where the user may not create one (no temporary is possible there).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from onrecord.errors import UsageError, printable

#: Name of a temporary beside ``target``: hidden, and saying what it is for if left behind.
_TEMP_NAME = ".{name}.{token}.part"


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when both paths exist and are one file (same device and inode)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet): not the same file
        return False


def _stdin_is(path: str | os.PathLike[str]) -> bool:
    """True when standard input is redirected from ``path`` (``extract -o f < f``)."""
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(path))
    except (OSError, ValueError, AttributeError):  # no stdin, closed, replaced by a test
        return False


def refuse_same_file(
    output: str | os.PathLike[str],
    inputs: Sequence[str | os.PathLike[str]],
    *,
    what: str,
    role: str = "the input",
) -> None:
    """Raise UsageError when ``output`` is one of ``inputs`` (``"-"``: standard input).

    ``what`` names the output in the message (``"--output"``, or ``"output"``, the parameter,
    from the Python API; :class:`UsageError` ``param``), ``role`` the inputs (``"the
    database"``); nothing has been written when this raises, so the command exits 2 with the
    input untouched.
    """
    for given in inputs:
        if str(given) == "-":
            same, which = _stdin_is(output), "the file standard input reads"
        else:
            same, which = same_file(output, given), f"{role} {printable(str(given))}"
        if same:
            raise UsageError(
                f"{what} {printable(str(output))} is {which}: writing it would destroy the "
                "input; give another output file",
                param=what,
            )


def _real_target(path: Path) -> Path:
    """The file a write to ``path`` must end in: a symbolic link's target, so that replacing
    it keeps the link (renaming onto the link itself would turn it into a plain file)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _create_beside(target: Path, *, folder: bool = False) -> Path:
    """A new hidden file (or folder) in ``target``'s folder, made with the usual permissions.

    ``os.open``/``os.mkdir`` with 0o666/0o777 let the umask decide, as an ordinary ``open``
    would; ``tempfile`` would make it private (0o600), and the output would stay private.
    """
    name = target.name if len(os.fsencode(target.name)) <= 200 else "onrecord-output"
    while True:  # a name left over from a killed run is skipped, not reused
        temp = target.with_name(_TEMP_NAME.format(name=name, token=secrets.token_hex(4)))
        try:
            if folder:
                os.mkdir(temp, 0o777)
            else:
                os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp


def _writes_in_place(target: Path) -> bool:
    """True for an existing target that is not a regular file (a device, a pipe)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], *, newline: str | None = None) -> Iterator[IO[str]]:
    """Open ``path`` for writing UTF-8 text; the file appears (or is replaced) only on success.

    The text goes to a temporary file in the same folder, which is flushed to disk and then
    renamed over ``path`` when the ``with`` block ends without an exception. On an exception
    (KeyboardInterrupt included) the temporary is removed and ``path`` is left as it was.
    An existing target keeps its permission bits. OSError (no such folder, no permission)
    comes from opening, before anything is written. Written in place instead: a device or
    pipe (``/dev/null``), and an existing file in a folder where no file can be created.
    """
    target = _real_target(Path(path))
    temp = None
    if not _writes_in_place(target):
        try:
            temp = _create_beside(target)
        except PermissionError:
            # A writable file in a folder we may not add to: writing it in place is what
            # plain ``open`` did, and still better than refusing a file the user can write.
            if not target.is_file():
                raise
    if temp is None:
        with open(target, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        return
    try:
        with open(temp, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A new temporary folder beside ``path`` that becomes ``path`` when the block succeeds.

    ``path`` must not exist or be an empty folder (renaming onto an empty folder replaces
    it); on an exception the temporary folder and everything in it is removed.
    """
    target = _real_target(Path(path))
    temp = _create_beside(target, folder=True)
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a rename to disk, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
