from __future__ import annotations

from PySide6.QtCore import QThreadPool

from analysis.settings import CompareSettings
from desktop.controllers.comparison import ComparisonController
from tests.desktop.conftest import make_article

A = make_article("Port closes", "The port closed on Monday after the storm.", outlet="Wire")
B = make_article("Port shut", "The port was shut on Monday after the storm.", outlet="Tab")
C = make_article("Storm", "A storm hit the coast and the port closed.", outlet="Third")


def test_burst_of_requests_runs_once_with_the_latest(qtbot, pool: QThreadPool) -> None:
    controller = ComparisonController(pool, debounce_ms=50)
    starts: list[int] = []
    controller.started.connect(lambda: starts.append(1))
    with qtbot.waitSignal(controller.result_ready, timeout=60_000) as blocker:
        controller.request((A, B), CompareSettings())
        controller.request((A, B, C), CompareSettings())
    assert [a.outlet for a in blocker.args[0].articles] == ["Wire", "Tab", "Third"]
    assert starts == [1]


def test_superseded_result_is_dropped(qtbot, pool: QThreadPool) -> None:
    controller = ComparisonController(pool, debounce_ms=0)
    results: list[object] = []
    controller.result_ready.connect(results.append)
    with qtbot.waitSignal(controller.started, timeout=10_000):
        controller.request((A, B), CompareSettings())
    with qtbot.waitSignal(controller.result_ready, timeout=60_000):
        controller.request((A, C), CompareSettings())
    qtbot.waitUntil(lambda: not controller._running, timeout=60_000)
    assert len(results) == 1
    assert [a.outlet for a in results[0].articles] == ["Wire", "Third"]  # type: ignore[attr-defined]
    assert controller.result is results[0]


def test_a_finished_run_is_not_shown_as_the_answer_to_a_newer_request(
    qtbot, pool: QThreadPool
) -> None:
    # The old run has finished and its result is queued when the new request arrives
    # (the Events panel picking an event right after the articles were compared).
    controller = ComparisonController(pool, debounce_ms=0)
    results: list[object] = []
    controller.result_ready.connect(results.append)
    with qtbot.waitSignal(controller.started, timeout=10_000):
        controller.request((A, B, C), CompareSettings())
    pool.waitForDone(60_000)  # done, but its outcome has not been delivered yet
    with qtbot.waitSignal(controller.result_ready, timeout=60_000) as blocker:
        controller.request((A, B), CompareSettings())
    assert [a.outlet for a in blocker.args[0].articles] == ["Wire", "Tab"]
    assert len(results) == 1


def test_fewer_than_two_articles_clears_without_running(qtbot, pool: QThreadPool) -> None:
    controller = ComparisonController(pool, debounce_ms=0)
    starts: list[int] = []
    controller.started.connect(lambda: starts.append(1))
    with qtbot.waitSignal(controller.result_ready, timeout=10_000) as blocker:
        controller.request((A,), CompareSettings())
    assert blocker.args == [None]
    assert starts == []


def test_cancel_drops_the_run_and_a_new_request_works(qtbot, pool: QThreadPool) -> None:
    controller = ComparisonController(pool, debounce_ms=0)
    results: list[object] = []
    controller.result_ready.connect(results.append)
    with qtbot.waitSignal(controller.started, timeout=10_000):
        controller.request((A, B), CompareSettings())
    with qtbot.waitSignal(controller.cancelled, timeout=10_000):
        controller.cancel()
    assert not controller.is_busy()
    qtbot.waitUntil(lambda: not controller._running, timeout=60_000)
    assert results == []
    with qtbot.waitSignal(controller.result_ready, timeout=60_000):
        controller.request((B, C), CompareSettings())
    assert len(results) == 1


def test_identical_texts_fail_with_one_sentence(qtbot, pool: QThreadPool) -> None:
    controller = ComparisonController(pool, debounce_ms=0)
    twin = A.with_outlet("Twin")
    with qtbot.waitSignal(controller.failed, timeout=60_000) as blocker:
        controller.request((A, twin), CompareSettings())
    message = blocker.args[0]
    assert message.endswith(".") and "identical" in message
