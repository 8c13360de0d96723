"""Grouping the open articles into events in the background, and the event being compared.

When many articles are open (:data:`OFFER_MIN_ARTICLES` or more), :meth:`consider` groups
them off the GUI thread; if they report two or more events of several articles each,
:attr:`EventsController.offered` fires so the window can offer to compare each event on
its own. :meth:`choose` picks an event, and :meth:`filter` narrows the articles the
comparison runs on to that event.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.events import EventGrouping
from analysis.model import Article
from desktop.controllers.load import describe_error
from desktop.tasks import Task

__all__ = ["OFFER_MIN_ARTICLES", "EventsController"]

OFFER_MIN_ARTICLES = 6


def _group(articles: tuple[Article, ...], **kwargs: object) -> EventGrouping:
    from analysis.events import group_articles  # scikit-learn loads lazily

    return group_articles(articles, **kwargs)  # type: ignore[arg-type]


class EventsController(QObject):
    """Owns the grouping task, the last grouping and the chosen event (None: all articles)."""

    offered = Signal(object)  # EventGrouping worth offering
    withdrawn = Signal()  # too few articles, or one event only: nothing to offer
    failed = Signal(str)
    chosen_changed = Signal()

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._task: Task | None = None
        self._running: set[Task] = set()
        self._considered: tuple[str, ...] = ()
        self.grouping: EventGrouping | None = None
        self.chosen: str | None = None

    def consider(self, articles: Sequence[Article]) -> None:
        """Group ``articles`` in the background when there are enough of them."""
        ids = tuple(a.id for a in articles)
        if ids == self._considered:
            return
        self._considered = ids
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if len(ids) < OFFER_MIN_ARTICLES:
            self._clear()
            return
        task = Task(partial(_group, tuple(articles)))
        self._task = task
        self._running.add(task)
        task.signals.succeeded.connect(partial(self._on_grouped, task))
        task.signals.failed.connect(partial(self._on_failed, task))
        task.signals.cancelled.connect(partial(self._running.discard, task))
        self._pool.start(task)

    def choose(self, event_id: str | None) -> None:
        """Compare only this event's articles from now on (None: all articles)."""
        if event_id != self.chosen:
            self.chosen = event_id
            self.chosen_changed.emit()

    def filter(self, articles: tuple[Article, ...]) -> tuple[Article, ...]:
        """The articles of the chosen event, in the given order; all of them when none is."""
        if self.chosen is None or self.grouping is None:
            return articles
        members = {a for e in self.grouping.events if e.id == self.chosen for a in e.articles}
        picked = tuple(a for a in articles if a.id in members)
        return picked if len(picked) >= 2 else articles

    def _clear(self) -> None:
        self.grouping = None
        if self.chosen is not None:
            self.chosen = None
            self.chosen_changed.emit()
        self.withdrawn.emit()

    def _on_grouped(self, task: Task, grouping: object) -> None:
        self._running.discard(task)
        if task is not self._task or not isinstance(grouping, EventGrouping):
            return  # superseded by a newer set of articles
        self._task = None
        if len(grouping.multi_article()) < 2:
            self._clear()
            return
        self.grouping = grouping
        self.choose(None)  # ids name other events in a new grouping: start from all articles
        self.offered.emit(grouping)

    def _on_failed(self, task: Task, exc: object) -> None:
        self._running.discard(task)
        if task is self._task:
            self._task = None
            self.failed.emit(describe_error(exc) if isinstance(exc, BaseException) else str(exc))
