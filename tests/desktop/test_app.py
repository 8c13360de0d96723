from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QThreadPool

from desktop import app


def test_warm_up_loads_heavy_libraries_and_leaves_gc_enabled() -> None:
    app._warm_up()
    assert gc.isenabled()
    assert {"textstat", "sklearn"} <= set(sys.modules)


def test_start_without_sources_shows_the_sample(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QThreadPool.globalInstance(), "start", lambda task: None)
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        app.start(window, [])
    assert len(blocker.args[0].articles) >= 2
    assert window.prefs.has_started_before
    assert not window.project.dirty


def test_start_with_sources_opens_them(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QThreadPool.globalInstance(), "start", lambda task: None)
    path = tmp_path / "one.txt"
    path.write_text("A headline\n\nA body paragraph.", "utf-8")
    with qtbot.waitSignal(window.loads.idle, timeout=30_000):
        app.start(window, [str(path)])
    assert [a.title for a in window.model.articles()] == ["A headline"]
