"""A progress display for long runs: shown on a terminal only, and only after a moment."""
from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

SHOW_AFTER_SECONDS = 0.5


class CountingProgress:
    """Counts items on stderr with a spinner; silent when stderr is not a terminal or the run
    ends within SHOW_AFTER_SECONDS.

    >>> with CountingProgress("articles") as progress:
    ...     progress.advance("a.txt")
    >>> progress.count
    1
    """

    def __init__(self, noun: str, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.noun = noun
        self.count = 0
        self._started_at = time.monotonic()
        self._progress = Progress(SpinnerColumn(),
                                  TextColumn("{task.completed} {task.fields[noun]}"),
                                  TextColumn("[dim]{task.description}"), TimeElapsedColumn(),
                                  console=self.console, transient=True,
                                  disable=not self.console.is_terminal)
        self._task = self._progress.add_task("", total=None, noun=noun)
        self._shown = False

    def advance(self, current: str = "") -> None:
        """Count one more item; ``current`` names it on the display."""
        self.count += 1
        if not self._shown and time.monotonic() - self._started_at >= SHOW_AFTER_SECONDS:
            self._progress.start()
            self._shown = True
        self._progress.update(self._task, advance=1, description=current)

    def __enter__(self) -> "CountingProgress":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._shown:
            self._progress.stop()
