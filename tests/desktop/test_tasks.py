from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from analysis.errors import AnalysisError, Cancelled
from analysis.progress import CancelFn, ProgressFn
from desktop.tasks import Task


def test_success_delivers_the_result(qtbot, pool: QThreadPool) -> None:
    task = Task(lambda progress, is_cancelled: 6 * 7)
    with qtbot.waitSignal(task.signals.succeeded, timeout=10_000) as blocker:
        pool.start(task)
    assert blocker.args == [42]


def test_failure_delivers_the_exception(qtbot, pool: QThreadPool) -> None:
    def boom(progress: ProgressFn, is_cancelled: CancelFn) -> None:
        raise AnalysisError("Too few.", code="analysis.too_few")

    task = Task(boom)
    with qtbot.waitSignal(task.signals.failed, timeout=10_000) as blocker:
        pool.start(task)
    assert isinstance(blocker.args[0], AnalysisError)
    assert blocker.args[0].code == "analysis.too_few"


def test_cancel_is_seen_by_the_function(qtbot, pool: QThreadPool) -> None:
    def waits(progress: ProgressFn, is_cancelled: CancelFn) -> None:
        while not is_cancelled():
            pass
        raise Cancelled

    task = Task(waits)
    with qtbot.waitSignal(task.signals.cancelled, timeout=10_000):
        pool.start(task)
        task.cancel()
    assert task.is_cancelled()


@pytest.mark.parametrize("steps", [1000])
def test_progress_is_throttled_to_whole_percent(qtbot, pool: QThreadPool, steps: int) -> None:
    def chatty(progress: ProgressFn, is_cancelled: CancelFn) -> str:
        for i in range(steps + 1):
            progress(i / steps, "Aligning")
        return "done"

    task = Task(chatty)
    seen: list[float] = []
    task.signals.progressed.connect(lambda fraction, label: seen.append(fraction))
    with qtbot.waitSignal(task.signals.succeeded, timeout=10_000):
        pool.start(task)
    assert len(seen) == 101
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
