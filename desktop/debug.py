"""Debug helpers: ``SLANT_SCREENSHOT=folder`` saves PNGs of every view once the analysis ends.

With ``SLANT_SCREENSHOT_QUIT=1`` the app quits after saving. Used to look at the app under
Xvfb and in the packaging check; inert when the variable is unset.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from analysis.result import ComparisonResult
from desktop.main_window import MainWindow

__all__ = ["install_screenshot_hook", "save_screenshots"]


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
        # let layouts settle (one round of the event loop) before grabbing
        QTimer.singleShot(300, lambda: _shoot(window, Path(folder), prefix))

    window.analysis.result_ready.connect(on_result)


def _shoot(window: MainWindow, folder: Path, prefix: str) -> None:
    save_screenshots(window, folder, prefix)
    if os.environ.get("SLANT_SCREENSHOT_QUIT") == "1":
        window.project.mark_clean()
        QApplication.quit()


def save_screenshots(window: MainWindow, folder: Path, prefix: str = "slant") -> list[Path]:
    """Grab the window once per tab (the side by side also with a passage selected)."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        key = window.tabs.widget(index).objectName()
        path = folder / f"{prefix}-{index + 1}-{key}.png"
        window.grab().save(str(path))
        saved.append(path)
        if key == "side_by_side":
            saved.append(_shoot_selection(window, folder, prefix, index))
    window.tabs.setCurrentIndex(0)
    return saved


def _shoot_selection(window: MainWindow, folder: Path, prefix: str, index: int) -> Path:
    view = window.views["side_by_side"]
    passages = view.passage_map().by_cluster  # type: ignore[attr-defined]
    if passages:
        biggest = max(passages.values(), key=len)
        member = biggest[0]
        body = [p for p in passages.values() if p[0].start > 0]
        member = max(body, key=len)[0] if body else member
        view.select_at(member.article_id, member.start)  # type: ignore[attr-defined]
    path = folder / f"{prefix}-{index + 1}-side_by_side-selected.png"
    window.grab().save(str(path))
    return path
