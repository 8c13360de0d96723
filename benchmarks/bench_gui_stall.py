"""Longest event-loop stall while the sample is analysed in the background (run by hand).

A QTimer ticks every 10 ms in the GUI thread and records the gap between ticks. Three
phases run in one process, in this order:

1. baseline: the window sits idle for 3 s (after the runs below, reported first);
2. cold: the app starts as ``slant`` does (:func:`desktop.app.start`): the sample is loaded
   and analysed for the first time, heavy libraries are imported on pool threads, and all
   views are filled;
3. warm: the same analysis is run again (F5), five times.

Each run phase goes on for ``FILL_MS`` after the result arrives, so the views filling
(one per event-loop turn, the visible one first, its chart drawn) are measured too; the
baseline starts only after the last views are filled. With ``--where``, a sampler thread
prints the GUI thread's stack during each stall over 100 ms (what to fix).

The stall during a phase is the longest gap minus the 10 ms interval. Target: < 100 ms.
``--tab KEY`` (``side_by_side``, ``matrix``, ``terms``, ``framing``) shows that tab during
all phases, so the visible view fills (and draws its chart) while the clock runs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stall.py [--tab terms]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10
WARM_RUNS = 5
FILL_MS = 1500


class StackSampler:
    """Samples the GUI thread's innermost frames every 5 ms (``--where``)."""

    def __init__(self) -> None:
        import threading

        self.main = threading.main_thread().ident
        self.samples: list[tuple[int, str]] = []
        self.clock = time.perf_counter
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        import threading
        import traceback

        while True:
            frames = sys._current_frames()
            frame = frames.get(self.main or 0)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-12:]
                text = " < ".join(
                    f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}" for f in reversed(stack)
                )
                # what the other Python threads run meanwhile (one may hold the GIL)
                others = [
                    traceback.extract_stack(f)[-1]
                    for ident, f in frames.items()
                    if ident not in (self.main, threading.get_ident())
                ]
                if others:
                    text += "  || " + ", ".join(
                        f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}" for f in others
                    )
                self.samples.append((int(self.clock() * 1000), text))
                del self.samples[:-400]
            time.sleep(0.005)

    def during(self, start_ms: int, end_ms: int) -> str:
        from collections import Counter

        found = Counter(t for ms, t in self.samples if start_ms <= ms <= end_ms)
        return "\n".join(f"      {n:3d}x {t}" for t, n in found.most_common(3))


class GapRecorder:
    """Records the gaps between ticks of a 10 ms timer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[int] = []
        self._last = 0
        self.describe: Callable[[], str] | None = None
        self.sampler: StackSampler | None = None

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> list[int]:
        self.timer.stop()
        return self.gaps

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        if now - self._last - TICK_MS > 100 and self.describe is not None:
            print(f"  stall {now - self._last - TICK_MS} ms at {now} ms: {self.describe()}")
            if self.sampler is not None:
                end = int(time.perf_counter() * 1000)
                print(self.sampler.during(end - (now - self._last) + TICK_MS, end + 1))
        self._last = now


def _summary(name: str, gaps: list[int], seconds: float) -> float:
    stall = max(gaps) - TICK_MS if gaps else 0
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99) - 1] - TICK_MS if gaps else 0
    over = sum(1 for g in gaps if g - TICK_MS > 100)
    print(
        f"{name:9s} {seconds:6.2f} s  ticks {len(gaps):5d}  longest stall {stall:4d} ms"
        f"  p99 {p99:3d} ms  stalls>100ms {over}"
    )
    return float(stall)


def main() -> int:
    app = QApplication(sys.argv[:1])
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    tmp = tempfile.mkdtemp()
    prefs = AppSettings(QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat))
    from desktop.app import prepare_process

    prepare_process()  # as desktop.app.run does before the window shows
    window = MainWindow(prefs, debounce_ms=0)
    window.resize(1400, 900)
    if "--tab" in sys.argv:
        key = sys.argv[sys.argv.index("--tab") + 1]
        window.tabs.setCurrentWidget(window.views[key])
        print(f"visible tab: {key}")
    window.show()
    recorder = GapRecorder()
    if "--where" in sys.argv:
        recorder.sampler = StackSampler()
    recorder.describe = lambda: f"{state.get('phase')}: {window.status.text()}"
    results: dict[str, tuple[list[int], float]] = {}
    state = {"t0": 0.0}

    def begin(name: str, action: object) -> None:
        state["t0"] = time.perf_counter()
        state["phase"] = name  # type: ignore[assignment]
        recorder.start()
        action()  # type: ignore[operator]

    def finished(result: object) -> None:
        if result is not None:
            # keep measuring while the views fill, then end the phase
            QTimer.singleShot(FILL_MS, end_phase)

    def end_phase() -> None:
        phase = str(state["phase"])
        results[phase] = (recorder.stop(), time.perf_counter() - state["t0"])
        if phase == "cold" or len([k for k in results if k.startswith("warm")]) < WARM_RUNS:
            name = f"warm{len([k for k in results if k.startswith('warm')]) + 1}"
            begin(name, window.request_analysis)
        else:
            begin("baseline", lambda: None)
            QTimer.singleShot(3000, end_baseline)

    def end_baseline() -> None:
        results["baseline"] = (recorder.stop(), time.perf_counter() - state["t0"])
        app.quit()

    window.analysis.result_ready.connect(finished)
    from desktop.app import start

    QTimer.singleShot(500, lambda: begin("cold", lambda: start(window, [])))
    app.exec()
    base = _summary("baseline", *results["baseline"])
    cold = _summary("cold", *results["cold"])
    warm = sorted(_summary(k, *v) for k, v in results.items() if k.startswith("warm"))
    median = warm[len(warm) // 2]
    print(f"warm runs: median longest stall {median:.0f} ms, worst {warm[-1]:.0f} ms")
    print(f"ratio warm median / idle baseline longest stall: {median / max(base, 1.0):.1f}x")
    print(f"target < 100 ms: cold {'met' if cold < 100 else 'MISSED'}, "
          f"warm median {'met' if median < 100 else 'MISSED'}")  # fmt: skip
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    window.project.mark_clean()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (not what is measured)


if __name__ == "__main__":
    raise SystemExit(main())
