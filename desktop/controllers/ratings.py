"""The user's outlet ratings file: chosen in File ▸ Outlet Ratings, read off the GUI thread.

Slant bundles no ratings. The chosen file is remembered in the preferences and read again at
the next start; the :class:`~analysis.ratings.Ratings` it holds reach the sources table
(a Lean column) and the comparison controller (``result.leans``, shown by the views and
written into every report with the file's name).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.ratings import Ratings
from desktop.controllers.load import describe_error
from desktop.settings import AppSettings
from desktop.tasks import Task

__all__ = ["RATINGS_FILTER", "RatingsController", "problems_text"]

RATINGS_FILTER = "Outlet ratings (*.csv);;All files (*)"
_SHOWN_PROBLEMS = 8


def _read(path: str, **_: object) -> Ratings:
    from analysis.ratings import load_ratings

    return load_ratings(path)


def problems_text(ratings: Ratings) -> str:
    """One message listing the rows a ratings file skipped (the first few, then a count)."""
    shown = list(ratings.problems[:_SHOWN_PROBLEMS])
    more = len(ratings.problems) - len(shown)
    if more:
        shown.append(f"… and {more} more row{'s' if more != 1 else ''}.")
    used = len(ratings.entries)
    head = (
        f"{ratings.name}: {used} outlet{'s' if used != 1 else ''} rated; "
        f"{len(ratings.problems)} row{'s' if len(ratings.problems) != 1 else ''} skipped:"
    )
    return "\n".join([head, *shown])


class RatingsController(QObject):
    """Holds the current ratings; reads a chosen file in a background task."""

    #: The ratings now in use (a :class:`Ratings`, or None when there are none).
    changed = Signal(object)
    #: One sentence for the status bar.
    message = Signal(str)
    #: The chosen file cannot be used at all: one sentence (the previous ratings stay).
    failed = Signal(str)
    #: The chosen file loaded but skipped rows: one message listing them.
    skipped_rows = Signal(str)

    def __init__(
        self, prefs: AppSettings, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: set[Task] = set()
        self.ratings: Ratings | None = None

    def restore(self) -> None:
        """Read the file chosen in an earlier session, if any (quietly: a status line only)."""
        if self._prefs.ratings_file:
            self._start(self._prefs.ratings_file, remember=False)

    def choose(self, path: str) -> None:
        """Use the ratings of ``path`` (remembered once it has loaded)."""
        self._start(path, remember=True)

    def clear(self) -> None:
        """Stop using ratings."""
        self._prefs.ratings_file = None
        self.ratings = None
        self.changed.emit(None)
        self.message.emit("Outlet ratings cleared.")

    def _start(self, path: str, *, remember: bool) -> None:
        task = Task(partial(_read, path))
        self._tasks.add(task)
        task.signals.succeeded.connect(partial(self._on_read, task, path, remember))
        task.signals.failed.connect(partial(self._on_failed, task, remember))
        self._pool.start(task)

    def _on_read(self, task: Task, path: str, remember: bool, ratings: object) -> None:
        self._tasks.discard(task)
        if not isinstance(ratings, Ratings):
            return
        self.ratings = ratings
        self._prefs.ratings_file = str(Path(path))
        self.changed.emit(ratings)
        count = len(ratings.entries)
        self.message.emit(f"Outlet leans from {ratings.name} ({count} outlets rated).")
        if remember and ratings.problems:
            self.skipped_rows.emit(problems_text(ratings))

    def _on_failed(self, task: Task, remember: bool, exc: object) -> None:
        self._tasks.discard(task)
        text = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        if remember:
            self.failed.emit(text)
        else:
            self.message.emit(f"Your outlet ratings were not read: {text}")
