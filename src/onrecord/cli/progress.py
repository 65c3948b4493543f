"""A progress bar for long runs: on stderr, and only when stderr is a terminal.

Why the terminal check: a bar written into a log file or a pipe is noise that breaks
line-oriented tools, while on a terminal it tells the user the run is alive. Callers use the
same object either way (``advance`` is a no-op without a terminal), so no ``if`` at call sites.

The bar shows what a user waiting on a long ingest asks: how many of how many are done, how
fast, and how long is left (``12/300 articles  2.4 articles/s  0:02:01 left``). The total may
arrive after the start (:meth:`ProgressBar.set_total`, from a count running beside the work),
so the bar starts at once and fills in the rest when it knows it.
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

            columns = [
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(self.unit),
                *_rate_and_left_columns(self.unit),
                TimeElapsedColumn(),
            ]
            console = Console(file=self.stream, force_terminal=True)
            self._progress = Progress(*columns, console=console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total)
        return self

    def set_total(self, total: int) -> None:
        """The number of units the run will do, once known (safe from another thread)."""
        self.total = total
        progress = self._progress
        if progress is not None:
            progress.update(self._task, total=max(total, self.done))

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more units done."""
        self.done += n
        progress = self._progress
        if progress is not None:
            if self.total is not None and self.done > self.total:  # the count was an estimate
                progress.update(self._task, total=self.done)
            progress.update(self._task, advance=n)

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


def _rate_and_left_columns(unit: str) -> list[Any]:
    """Two rich columns: units per second (rich's own speed column counts bytes) and the
    time left ("0:02:01 left"; nothing while the total is not known)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            shown = "-" if speed is None else f"{speed:.1f}" if speed < 100 else f"{speed:,.0f}"
            return Text(f"{shown} {unit}/s", style="progress.data.speed")

    class LeftColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            if task.total is None:
                return Text("")
            left = task.time_remaining
            if left is None:
                return Text("-:--:-- left", style="progress.remaining")
            minutes, seconds = divmod(int(left), 60)
            hours, minutes = divmod(minutes, 60)
            return Text(f"{hours}:{minutes:02d}:{seconds:02d} left", style="progress.remaining")

    return [RateColumn(), LeftColumn()]
