"""Starting the desktop app: ``run(sources)`` shows the window first, then loads and analyses."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from analysis import __version__
from analysis.resources import resource
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from desktop.tasks import Task

__all__ = ["create_window", "run", "start"]


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Slant")
    app.setOrganizationName("Slant")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("slant")
    icon = resource("icons", "slant.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def create_window(prefs: AppSettings | None = None) -> MainWindow:
    """Create the main window (not shown)."""
    return MainWindow(prefs or AppSettings())


# How often (s) a thread holding the GIL must offer it to a waiting one; CPython's default
# is 0.005. With the sample loading, the analysis and the warm-up all running Python on pool
# threads, the GIL does not go to the GUI thread in turn, and at the default the event loop
# waited 150-250 ms for it at start (bench_gui_stall: 3 of 5 cold runs over 100 ms; at
# 0.001, 0 of 5, longest 43-73 ms, for an analysis about 5 % slower).
GIL_SWITCH_INTERVAL = 0.001


def prepare_process() -> None:
    """Ready the GUI process before its window shows: GIL hand-over and the compiled core.

    Importing a C extension holds the GIL through its whole initialisation: done on a pool
    thread while the window was already up, numpy's import froze the event loop for
    150-240 ms. Done here it costs about 0.3 s of start-up and no stall. scikit-learn
    and textstat stay lazy.
    """
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    for module in ("analysis.align.aligner", "analysis.ingest", "analysis.pipeline"):
        importlib.import_module(module)


def _warm_up(**_: object) -> None:
    """Import the analysis' heavy libraries and load textstat's dictionaries on a pool thread.

    The GUI thread never pays for them, and the analysis finds them ready. Building those
    dictionaries allocates a million small objects; with the cyclic garbage collector on,
    its full collections (which hold the GIL) would stall the GUI for hundreds of
    milliseconds, so it is paused meanwhile, and afterwards everything loaded so far is
    moved out of its reach (``gc.freeze``), which also keeps later collections short.
    """
    gc.disable()
    try:
        # in the order the analysis needs them, to stay ahead of it
        from analysis.syllables import prepare_syllable_dictionary  # (readability)

        prepare_syllable_dictionary()
        import sklearn.feature_extraction.text

        _ = sklearn.feature_extraction.text.CountVectorizer
    finally:
        # freeze before enabling: otherwise the first collection after enabling would
        # scan every object allocated meanwhile in one go, the very stall avoided here
        gc.freeze()
        gc.enable()


def start(window: MainWindow, sources: Sequence[str]) -> None:
    """Open the given sources, or the built-in sample when there are none."""
    QThreadPool.globalInstance().start(Task(_warm_up))
    if sources:
        window.open_sources(list(sources))
    else:
        window.show_sample()
    window.prefs.mark_started()


def run(sources: list[str]) -> int:
    """Run the desktop app until its window closes; return the exit status.

    The window is shown before anything else is loaded: sources load and the analysis runs
    in background tasks, which import the heavy libraries (scikit-learn, textstat) only
    when they first need them.
    """
    app = _application()
    from desktop.debug import apply_debug_palette, install_screenshot_hook

    apply_debug_palette(app)
    prepare_process()
    window = create_window()
    window.show()
    install_screenshot_hook(window)
    QTimer.singleShot(0, partial(start, window, sources))
    return int(app.exec())
