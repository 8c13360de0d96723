"""Loading sources off the GUI thread, one task per source so one failure never blocks others."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.errors import SlantError
from analysis.model import Article
from desktop.models.sources import SourcesModel
from desktop.tasks import Task

__all__ = ["LoadController", "describe_error"]

Loader = Callable[[str], Article]


def describe_error(exc: BaseException) -> str:
    """Turn an exception from the core into one sentence for the user."""
    if isinstance(exc, SlantError):
        text = exc.message.strip()
        text = text[:1].upper() + text[1:]
        return text if text.endswith((".", "!", "?")) else text + "."
    return f"Unexpected error: {type(exc).__name__}."


def _load_one(
    loader: Loader, source: str, *, is_cancelled: Callable[[], bool] | None = None, **_: object
) -> Article:
    # a file loads in milliseconds; a download polls is_cancelled (closing the window)
    if loader is _default_loader:
        return _default_loader(source, is_cancelled)
    return loader(source)


def _load_sample(**_: object) -> tuple[Article, ...]:
    from analysis.ingest import load_sample

    return tuple(load_sample())


class LoadController(QObject):
    """Loads sources into a :class:`SourcesModel`, each in its own background task."""

    #: Emitted when no source is loading any more.
    idle = Signal()

    def __init__(
        self,
        model: SourcesModel,
        pool: QThreadPool | None = None,
        loader: Loader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._pool = pool or QThreadPool.globalInstance()
        self._loader = loader or _default_loader
        self._tasks: dict[int, Task] = {}

    def load(self, sources: list[str]) -> None:
        """Add a pending row for each source and load them in the background."""
        for source in sources:
            key = self._model.add_pending(source)
            self._start(key, Task(partial(_load_one, self._loader, source)))

    def load_sample(self) -> None:
        """Load the built-in sample comparison."""
        key = self._model.add_pending("built-in sample")
        task = Task(_load_sample)
        self._tasks[key] = task
        task.signals.succeeded.connect(partial(self._on_sample_loaded, key))
        task.signals.failed.connect(partial(self._on_failed, key))
        self._pool.start(task)

    def cancel_all(self) -> None:
        """Ask every running load to stop (a slow download ends within ~50 ms)."""
        for task in self._tasks.values():
            task.cancel()

    def is_busy(self) -> bool:
        """Whether any load task is still running."""
        return bool(self._tasks)

    def _start(self, key: int, task: Task) -> None:
        self._tasks[key] = task
        task.signals.succeeded.connect(partial(self._on_loaded, key))
        task.signals.failed.connect(partial(self._on_failed, key))
        self._pool.start(task)

    def _on_loaded(self, key: int, article: object) -> None:
        self._tasks.pop(key, None)
        if isinstance(article, Article):
            self._model.set_loaded(key, article)
        self._maybe_idle()

    def _on_sample_loaded(self, key: int, articles: object) -> None:
        self._tasks.pop(key, None)
        self._model.remove_rows_at([self._model.row_of(key)])
        for article in articles if isinstance(articles, tuple) else ():
            self._model.add_article(article)
        self._maybe_idle()

    def _on_failed(self, key: int, exc: object) -> None:
        self._tasks.pop(key, None)
        message = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        self._model.set_failed(key, message)
        self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self._tasks:
            self.idle.emit()


def _default_loader(source: str, is_cancelled: Callable[[], bool] | None = None) -> Article:
    from analysis.ingest import load_source

    return load_source(source, is_cancelled=is_cancelled)
