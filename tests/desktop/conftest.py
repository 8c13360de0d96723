"""pytest-qt fixtures for the desktop tests: isolated settings, a private pool, the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox

from analysis.model import Article
from desktop.settings import AppSettings

# The offscreen platform warns about a window-manager hint it cannot pass on; harmless.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/desktop" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture
def prefs(tmp_path: Path) -> AppSettings:
    """App settings in a temporary INI file (never the user's real settings)."""
    return AppSettings(QSettings(str(tmp_path / "slant.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """A private thread pool, drained at teardown so no task outlives its test."""
    threads = QThreadPool()
    yield threads
    threads.waitForDone(60_000)


@pytest.fixture
def window(qtbot, prefs: AppSettings, pool: QThreadPool, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The main window with no debounce; closing it never prompts."""
    from desktop.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win = MainWindow(prefs, pool=pool, debounce_ms=0)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.analysis.cancel()
    pool.waitForDone(60_000)
    # Deliver what finished tasks queued, while the window still exists: a late result
    # must be dropped or shown, never reach views of a window that is gone.
    qtbot.wait(50)


@pytest.fixture(scope="session")
def sample() -> tuple[Article, ...]:
    """The built-in sample articles."""
    from analysis.ingest import load_sample

    return tuple(load_sample())


def make_article(title: str, *paragraphs: str, outlet: str = "Test") -> Article:
    """A small article for tests."""
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="test")
