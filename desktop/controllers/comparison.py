"""Running :func:`analysis.compare` in the background: debounced, latest request wins."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from analysis.leans import with_leans
from analysis.model import Article
from analysis.ratings import Ratings
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from desktop.controllers.load import describe_error
from desktop.tasks import Task

__all__ = ["DEBOUNCE_MS", "ComparisonController"]

DEBOUNCE_MS = 300


def _compare(
    articles: tuple[Article, ...], settings: CompareSettings, **kwargs: object
) -> ComparisonResult:
    from analysis.pipeline import compare  # the pipeline pulls in heavy libraries lazily

    return compare(articles, settings, **kwargs)  # type: ignore[arg-type]


class ComparisonController(QObject):
    """Owns the analysis task.

    :meth:`request` restarts a single-shot timer, so a burst of edits (renaming, adding
    several files) runs one analysis. Starting a run cancels the previous one, and results
    of superseded runs are dropped, so only the latest request's result is ever shown.
    """

    started = Signal()
    progressed = Signal(int, str)  # whole percent, label
    result_ready = Signal(object)  # ComparisonResult | None (None: too few articles)
    failed = Signal(str)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self,
        pool: QThreadPool | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start)
        self._pending: tuple[tuple[Article, ...], CompareSettings] | None = None
        self._task: Task | None = None
        self._running: set[Task] = set()  # superseded tasks stay referenced until they end
        self.result: ComparisonResult | None = None
        self._ratings: Ratings | None = None

    def set_ratings(self, ratings: Ratings | None) -> None:
        """Use these outlet ratings from now on; the shown result gets them at once.

        The leans are looked up, not computed, so the result is not compared again.
        """
        self._ratings = ratings
        if self.result is not None:
            self.result = with_leans(self.result, ratings)
            self.result_ready.emit(self.result)

    def request(self, articles: tuple[Article, ...], settings: CompareSettings) -> None:
        """Ask for an analysis of ``articles``; runs after the debounce interval."""
        self._pending = (articles, settings)
        self._timer.start()

    def cancel(self) -> None:
        """Stop the pending or running analysis (the last result stays shown)."""
        self._timer.stop()
        self._pending = None
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self.busy_changed.emit(False)
            self.cancelled.emit()

    def is_busy(self) -> bool:
        """Whether an analysis is pending or running."""
        return self._task is not None or self._timer.isActive()

    def _start(self) -> None:
        if self._pending is None:
            return
        articles, settings = self._pending
        self._pending = None
        if self._task is not None:
            self._task.cancel()
        if len(articles) < 2:
            self._task = None
            self.result = None
            self.busy_changed.emit(False)
            self.result_ready.emit(None)
            return
        task = Task(partial(_compare, articles, settings))
        self._task = task
        self._running.add(task)
        task.signals.progressed.connect(partial(self._on_progress, task))
        task.signals.succeeded.connect(partial(self._on_succeeded, task))
        task.signals.failed.connect(partial(self._on_failed, task))
        task.signals.cancelled.connect(partial(self._on_task_cancelled, task))
        self.started.emit()
        self.busy_changed.emit(True)
        self._pool.start(task)

    def _on_progress(self, task: Task, fraction: float, label: str) -> None:
        if task is self._task:
            self.progressed.emit(round(fraction * 100), label)

    def _on_succeeded(self, task: Task, result: object) -> None:
        self._running.discard(task)
        if task is not self._task or not isinstance(result, ComparisonResult):
            return  # a superseded run: its result is stale
        if self._pending is not None:
            # A newer request is waiting for the debounce timer; this result answers an
            # older question and must not be shown as the answer to the new one.
            self._task = None
            return
        self._task = None
        self.result = with_leans(result, self._ratings)
        self.busy_changed.emit(False)
        self.result_ready.emit(self.result)

    def _on_failed(self, task: Task, exc: object) -> None:
        self._running.discard(task)
        if task is not self._task:
            return
        self._task = None
        if self._pending is not None:
            return  # an older request failed; the newer one is about to run
        self.busy_changed.emit(False)
        self.failed.emit(describe_error(exc) if isinstance(exc, BaseException) else str(exc))

    def _on_task_cancelled(self, task: Task) -> None:
        self._running.discard(task)
