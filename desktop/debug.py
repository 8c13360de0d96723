"""Debug helpers: ``SLANT_SCREENSHOT=folder`` saves PNGs of every view once the analysis ends.

With ``SLANT_SCREENSHOT_QUIT=1`` the app quits after saving; ``SLANT_SCREENSHOT_PREFIX``
names the files. Used to look at the app under Xvfb and in the packaging check; inert when
the variable is unset. Each tab gets a moment to paint (charts draw lazily) before the grab.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from analysis.result import ComparisonResult
from desktop.main_window import MainWindow

__all__ = ["apply_debug_palette", "install_screenshot_hook", "screenshot_steps"]

_SETTLE_MS = 600


def apply_debug_palette(app: QApplication) -> None:
    """With ``SLANT_DARK=1``, use Fusion with a dark palette (to check dark-mode colours)."""
    if os.environ.get("SLANT_DARK") != "1":
        return
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"), (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"), (role.Text, "#e6e6e6"), (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d7dd8"),
        (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#9a9a9a"),
        (role.ToolTipBase, "#353535"), (role.ToolTipText, "#e6e6e6"),
    ):  # fmt: skip
        palette.setColor(name, QColor(colour))
    app.setPalette(palette)


def install_screenshot_hook(window: MainWindow) -> None:
    """Save screenshots after the first finished analysis if ``SLANT_SCREENSHOT`` is set."""
    folder = os.environ.get("SLANT_SCREENSHOT")
    if not folder:
        return
    prefix = os.environ.get("SLANT_SCREENSHOT_PREFIX", "slant")

    def on_result(result: ComparisonResult | None) -> None:
        if result is None:
            return
        window.analysis.result_ready.disconnect(on_result)
        steps = screenshot_steps(window, Path(folder), prefix)
        steps.append(lambda: _finish(window))
        _run_spaced(steps)

    window.analysis.result_ready.connect(on_result)


def _run_spaced(steps: list[Callable[[], object]]) -> None:
    if steps:
        first = steps.pop(0)

        def step() -> None:
            first()
            _run_spaced(steps)

        QTimer.singleShot(_SETTLE_MS, step)


def _wait_for_chart(window: MainWindow, then: Callable[[], object], tries: int = 50) -> None:
    """Run ``then`` once the Terms chart has settled at its size (it redraws after a resize)."""
    chart = getattr(window.views.get("terms"), "chart", None)
    if chart is not None and chart.pending and tries > 0:
        QTimer.singleShot(200, partial(_wait_for_chart, window, then, tries - 1))
    else:
        then()


def _finish(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)
    if os.environ.get("SLANT_SCREENSHOT_QUIT") == "1":
        window.project.mark_clean()
        QApplication.quit()


def screenshot_steps(window: MainWindow, folder: Path, prefix: str) -> list[Callable[[], object]]:
    """Steps that select each tab and grab the window (side by side also with a selection)."""
    folder.mkdir(parents=True, exist_ok=True)
    steps: list[Callable[[], object]] = []
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        key = tab.objectName() if tab is not None else f"tab{index}"
        path = folder / f"{prefix}-{index + 1}-{key}.png"
        steps.append(partial(window.tabs.setCurrentIndex, index))
        if key == "terms":  # later steps may have moved on meanwhile: show the tab again
            grab = partial(_grab_tab, window, index, path)
            steps.append(partial(_wait_for_chart, window, grab))
        else:
            steps.append(partial(_grab, window, path))
        if key == "side_by_side":
            selected = folder / f"{prefix}-{index + 1}-{key}-selected.png"
            steps.append(partial(_select_example, window))
            steps.append(partial(_grab, window, selected))
    return steps


def _grab_tab(window: MainWindow, index: int, path: Path) -> None:
    window.tabs.setCurrentIndex(index)
    _grab(window, path)


def _grab(window: MainWindow, path: Path) -> None:
    window.grab().save(str(path))


def _select_example(window: MainWindow) -> None:
    """Click (programmatically) a body passage that most outlets carry and some omit."""
    view = window.views["side_by_side"]
    passages = view.passage_map()  # type: ignore[attr-defined]
    body = [
        members
        for cluster, members in passages.by_cluster.items()
        if members and min(p.start for p in members) > 0
    ]
    if not body:
        return
    omitted = passages.omitted_by

    def score(members: tuple) -> tuple[int, int]:  # type: ignore[type-arg]
        return (bool(omitted.get(members[0].cluster)), len(members))

    member = max(body, key=score)[0]
    view.select_at(member.article_id, member.start)  # type: ignore[attr-defined]
