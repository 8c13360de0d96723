"""The one background-work helper of the desktop app.

A :class:`Task` runs a core function ``fn(progress=..., is_cancelled=...)`` on a
:class:`~PySide6.QtCore.QThreadPool` thread and reports through a separate
:class:`_TaskSignals` object created in the GUI thread, so its signals are delivered to GUI
slots by queued connection. Nothing here touches widgets; controllers own tasks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance

from analysis.errors import Cancelled

__all__ = ["Task"]

log = logging.getLogger(__name__)


class _TaskSignals(QObject):
    """Signals of one task (a QRunnable is not a QObject, so it cannot own signals)."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    """Run ``fn(progress=..., is_cancelled=...)`` on a pool thread.

    Exactly one of ``succeeded(result)``, ``failed(exception)`` or ``cancelled()`` is
    emitted when the function returns. ``progressed`` is throttled to whole percent (and
    label changes) so a chatty core function cannot flood the GUI's event queue.
    """

    def __init__(self, fn: Callable[..., object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps a reference; Python owns it
        self.signals = _TaskSignals()  # made in the GUI thread -> queued delivery
        self._fn = fn
        self._cancel = threading.Event()
        self._last_progress: tuple[int, str] = (-1, "")

    def cancel(self) -> None:
        """Ask the function to stop at its next safe point."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Return whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def run(self) -> None:  # pool thread: never touch widgets here
        """Run the function and emit exactly one outcome signal."""
        try:
            result = self._fn(progress=self._report, is_cancelled=self._cancel.is_set)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # every failure reaches the GUI as a value, never a crash
            log.debug("task failed", exc_info=True)
            self._emit(self.signals.failed, exc)
        else:
            if self._cancel.is_set():
                self._emit(self.signals.cancelled)
            else:
                self._emit(self.signals.succeeded, result)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the signals object is gone (its owner closed): no one to tell
            log.debug("task outcome dropped", exc_info=True)

    def _report(self, fraction: float, label: str) -> None:
        key = (int(max(0.0, min(1.0, fraction)) * 100), label)
        if key != self._last_progress:
            self._last_progress = key
            self.signals.progressed.emit(key[0] / 100.0, label)
