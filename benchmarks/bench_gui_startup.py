"""Start-up time of the desktop app: process start -> main window shown (run by hand).

Each run is a fresh ``python`` process. The figure is the median of several runs, next to
a baseline measured in the same run: a bare PySide6 process showing an empty QMainWindow.
Also checks that scikit-learn, matplotlib and textstat are NOT imported when the window
appears (they load later, in the background analysis).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_startup.py [runs]
    xvfb-run -a .venv/bin/python benchmarks/bench_gui_startup.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

_SLANT = r"""
import time; t0 = time.perf_counter()
import json, sys
from PySide6.QtCore import QTimer
from desktop.app import _application, create_window, prepare_process
from desktop.settings import AppSettings
from PySide6.QtCore import QSettings
app = _application()
prepare_process()
window = create_window(AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
def shown():
    heavy = sorted(m for m in ("sklearn", "matplotlib", "textstat", "scipy") if m in sys.modules)
    print(json.dumps({"seconds": time.perf_counter() - t0, "heavy": heavy,
                      "visible": window.isVisible()}))
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

_BASELINE = r"""
import time; t0 = time.perf_counter()
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow(); window.resize(1400, 900); window.show()
def shown():
    print(json.dumps({"seconds": time.perf_counter() - t0, "heavy": [], "visible": True}))
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _run(code: str, ini: str) -> dict[str, object]:
    # the interpreter's own start-up is part of what a user waits for: time it from outside
    import time

    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, ini], capture_output=True, text=True, check=True
    )
    outer = time.perf_counter() - t0
    line = [x for x in done.stdout.splitlines() if x.startswith("{")][-1]
    data: dict[str, object] = json.loads(line)
    data["process_seconds"] = outer
    return data


def main(runs: int = 5) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        ini = os.path.join(tmp, "slant.ini")
        base = [_run(_BASELINE, ini) for _ in range(runs)]
        slant = [_run(_SLANT, ini) for _ in range(runs)]
    b = statistics.median(float(r["seconds"]) for r in base)
    s = statistics.median(float(r["seconds"]) for r in slant)
    print(f"platform: {os.environ['QT_QPA_PLATFORM'] if 'DISPLAY' not in os.environ else 'xcb'}")
    print(f"baseline (empty QMainWindow): median {b:.3f} s to shown ({runs} runs)")
    print(f"slant main window:           median {s:.3f} s to shown ({runs} runs)")
    print(f"ratio slant/baseline: {s / b:.2f}x; target < 2 s: {'met' if s < 2 else 'MISSED'}")
    print(f"worst slant run: {max(float(r['seconds']) for r in slant):.3f} s")
    bp = statistics.median(float(r["process_seconds"]) for r in base)
    sp = statistics.median(float(r["process_seconds"]) for r in slant)
    print(f"whole process incl. interpreter start and exit: baseline {bp:.3f} s, slant {sp:.3f} s")
    heavy = {m for r in slant for m in r["heavy"]}  # type: ignore[attr-defined]
    print(f"heavy modules loaded before the window showed: {sorted(heavy) or 'none'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
