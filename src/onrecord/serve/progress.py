"""A progress bar for long runs: on stderr, and only when stderr is a terminal.

Why the terminal check: a bar written into a log file or a pipe is noise that breaks
line-oriented tools, while on a terminal it tells the user the run is alive. Callers use the
same object either way (``advance`` is a no-op without a terminal), so no ``if`` at call sites.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, TextIO


class ProgressBar:
    """``with ProgressBar("ingest", unit="articles") as bar: bar.advance()``.

    ``total=None`` shows a counter without a known end (readers stream their inputs).
    ``enabled=None`` decides by ``stream.isatty()``.
    """

    def __init__(
        self,
        description: str,
        *,
        total: int | None = None,
        unit: str = "items",
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.description = description
        self.total = total
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns = [SpinnerColumn(), TextColumn("{task.description}")]
            if self.total is not None:
                columns += [BarColumn(), MofNCompleteColumn()]
            else:
                columns += [TextColumn("{task.completed} " + self.unit)]
            columns += [TimeElapsedColumn()]
            console = Console(file=self.stream, force_terminal=True)
            self._progress = Progress(*columns, console=console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total)
        return self

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more units done."""
        self.done += n
        if self._progress is not None:
            self._progress.update(self._task, advance=n)

    __call__ = advance

    def describe(self, text: str) -> None:
        """Change the label (e.g. to the file being read)."""
        if self._progress is not None:
            self._progress.update(self._task, description=text)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
