from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from analysis.model import Article
from analysis.result import ComparisonResult
from desktop.main_window import MainWindow
from desktop.models.sources import Column, SourceState


def _wait_for_result(qtbot, window: MainWindow) -> ComparisonResult:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        pass
    return blocker.args[0]  # type: ignore[no-any-return]


def _show_sample(qtbot, window: MainWindow) -> ComparisonResult:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        window.show_sample()
    return blocker.args[0]  # type: ignore[no-any-return]


def test_sample_loads_and_is_analysed(qtbot, window: MainWindow, sample) -> None:  # type: ignore[no-untyped-def]
    result = _show_sample(qtbot, window)
    assert [a.id for a in result.articles] == [a.id for a in sample]
    assert result.alignment is not None and result.alignment.clusters
    assert not window.project.dirty
    assert window.windowTitle() == "Untitled — Slant"
    assert window.status.text() == f"Compared {len(sample)} articles."
    assert not window.progress.isVisible()


def test_every_article_has_a_column(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _show_sample(qtbot, window)
    view = window.views["side_by_side"]
    # The Overview tab is filled first; the others follow one per event-loop turn.
    qtbot.waitUntil(lambda: bool(view.columns), timeout=10_000)  # type: ignore[attr-defined]
    assert [c.article.id for c in view.columns] == [a.id for a in result.articles]  # type: ignore[attr-defined]
    assert window.tabs.tabText(0) == "Overview"
    assert window.tabs.tabText(1) == "Side by side"


def test_save_then_open_gives_an_identical_project(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefs, pool
) -> None:
    _show_sample(qtbot, window)
    window.model.setData(window.model.index(1, Column.OUTLET), "Renamed Courier")
    window.model.set_colour(0, "#abcdef")
    assert window.windowTitle().startswith("*")
    target = tmp_path / "story"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.project.save_as()
    saved = target.with_suffix(".slant")
    assert saved.is_file()
    assert window.windowTitle() == "story.slant — Slant"
    assert prefs.recent_projects[0] == str(saved)

    other = MainWindow(prefs, pool=pool, debounce_ms=0)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.project.opened, timeout=20_000) as opened:
        assert other.project.open(saved)
    assert opened.args == [True]
    assert other.project.to_project() == window.project.to_project()
    assert other.model.articles()[1].outlet == "Renamed Courier"
    assert other.model.colours()[other.model.articles()[0].id] == "#abcdef"
    assert not other.project.dirty
    other.analysis.cancel()


def test_an_exported_json_result_opens_as_an_unsaved_project(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, prefs, pool
) -> None:
    from analysis.reports import render_report

    result = _show_sample(qtbot, window)
    exported = tmp_path / "result.json"
    exported.write_bytes(render_report(result, "json"))

    other = MainWindow(prefs, pool=pool, debounce_ms=0)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.project.opened, timeout=20_000):
        assert other.project.open(exported)

    assert [a.id for a in other.model.articles()] == [a.id for a in result.articles]
    assert other.project.path is None  # saving asks for a .slant name, never overwrites the JSON
    assert other.project.dirty
    other.analysis.cancel()


def test_corrupt_project_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show_sample(qtbot, window)
    before = window.project.to_project()
    bad = tmp_path / "bad.slant"
    bad.write_text('{"format": "slant-project", "schema_version": 99, "articles": []}', "utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with qtbot.waitSignal(window.project.opened, timeout=20_000) as opened:
        window.project.open(bad)
    assert opened.args == [False]
    assert warnings and "newer Slant" in warnings[0]
    assert window.project.to_project() == before


def test_unsaved_changes_prompt_can_cancel_closing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show_sample(qtbot, window)
    window.model.setData(window.model.index(0, Column.OUTLET), "Other name")
    asked: list[str] = []

    def cancel(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    assert not window.close()
    assert window.isVisible()
    assert asked and "unsaved changes" in asked[0]


def test_cancel_during_analysis_leaves_a_working_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _show_sample(qtbot, window)
    with qtbot.waitSignal(window.analysis.started, timeout=10_000):
        window.acts.rerun.trigger()
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.analysis.cancelled, timeout=10_000):
        window.cancel_button.click()
    assert window.status.text() == "Analysis cancelled."
    assert not window.cancel_button.isVisible()
    assert window.views["side_by_side"].columns  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.analysis.result_ready, timeout=120_000):
        window.acts.rerun.trigger()


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def test_bad_file_shows_its_error_while_the_others_load(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    good = [
        _write(tmp_path, "a.txt", "Port closes\n\nThe port closed on Monday after a storm."),
        _write(tmp_path, "b.txt", "Port shut\n\nThe port was shut on Monday after the storm."),
    ]
    empty = _write(tmp_path, "empty.txt", "   \n")
    missing = str(tmp_path / "missing.txt")
    with qtbot.waitSignal(window.loads.idle, timeout=30_000):
        window.open_sources([good[0], empty, missing, good[1]])
    states = {e.source: e for e in window.model.entries()}
    assert states[good[0]].state is SourceState.LOADED
    assert states[good[1]].state is SourceState.LOADED
    for bad in (empty, missing):
        entry = states[bad]
        assert entry.state is SourceState.FAILED
        assert entry.error and entry.error.endswith(".") and "\n" not in entry.error
        row = window.model.row_of(entry.key)
        assert window.model.index(row, Column.STATUS).data() == f"⚠ {entry.error}"
    result = _wait_for_result(qtbot, window)
    assert len(result.articles) == 2


def test_dropped_files_are_loaded(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "dropped.txt", "Dropped headline\n\nA body paragraph here.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(window.loads.idle, timeout=30_000):
        window.dropEvent(event)
    assert [a.title for a in window.model.articles()] == ["Dropped headline"]


def test_open_url_adds_a_source_per_line(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = "ftp://example.org/x\n\n  ftp://example.org/y  \nftp://example.org/x\n"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (typed, True))
    with qtbot.waitSignal(window.loads.idle, timeout=30_000):
        window.open_url()
    entries = window.model.entries()
    assert [e.source for e in entries] == ["ftp://example.org/x", "ftp://example.org/y"]
    assert all(e.state is SourceState.FAILED and e.error for e in entries)


def test_export_json_writes_the_result(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _show_sample(qtbot, window)
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exports.finished, timeout=60_000):
        window.export("json")
    data = json.loads(target.read_text("utf-8"))
    assert [a["id"] for a in data["articles"]] == [a.id for a in result.articles]
    assert "alignment" in data


def test_export_menu_lists_every_report_format(window: MainWindow) -> None:
    from analysis.reports import FORMATS

    assert len(window.acts.export_menu.actions()) == len(FORMATS)


def test_removing_an_article_reruns_the_analysis(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _show_sample(qtbot, window)
    window.panel.select_row(0)
    with qtbot.waitSignal(window.analysis.result_ready, timeout=120_000) as blocker:
        window.acts.remove.trigger()
    after = blocker.args[0]
    assert [a.id for a in after.articles] == [a.id for a in result.articles[1:]]


def test_main_actions_have_shortcuts_and_controls_have_names(window: MainWindow) -> None:
    acts = window.acts
    names = ("open_files", "open_url", "open_project", "save", "save_as", "paste", "remove",
             "settings", "rerun", "cancel")  # fmt: skip
    for action in (getattr(acts, n) for n in names):
        assert not action.shortcut().isEmpty(), action.text()
    assert window.conventions.help.shortcut().toString() == "F1"
    assert window.panel.table.accessibleName() == "Sources"
    assert window.cancel_button.accessibleName()
    assert window.progress.accessibleName()


def test_paste_as_article_adds_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.dialogs.paste import PasteDialog

    article = Article.from_parts(title="Pasted", paragraphs=["Body."], outlet="Me", source="pasted")

    def fake_exec(self: PasteDialog) -> int:
        self.article = article
        return 1

    monkeypatch.setattr(PasteDialog, "exec", fake_exec)
    window.paste_article()
    assert window.model.articles() == (article,)


def test_csv_export_is_offered_as_a_zip(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show_sample(qtbot, window)
    offered: list[tuple[str, str]] = []
    target = tmp_path / "tables.zip"

    def ask(_parent: object, _title: str, start: str, kind: str) -> tuple[str, str]:
        offered.append((start, kind))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    with qtbot.waitSignal(window.exports.finished, timeout=60_000):
        window.export("csv")
    assert offered[0][0].endswith("comparison.zip") and "*.zip" in offered[0][1]
    assert target.read_bytes()[:2] == b"PK"


def test_missing_recent_project_is_forgotten(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefs
) -> None:
    gone = tmp_path / "gone.slant"
    prefs.add_recent_project(str(gone))
    window._fill_recent()
    assert [a.text() for a in window.acts.recent_menu.actions()] == [str(gone)]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    with qtbot.waitSignal(window.project.opened, timeout=20_000):
        window.acts.recent_menu.actions()[0].trigger()
    assert warnings and "Cannot read the project" in warnings[0]
    assert prefs.recent_projects == []
    assert window.acts.recent_menu.actions() == []


def test_renaming_an_outlet_or_changing_settings_reruns_the_analysis(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from dataclasses import replace

    _show_sample(qtbot, window)
    index = window.model.index(1, Column.OUTLET)
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        assert window.model.setData(index, "Renamed Courier")
    assert blocker.args[0].articles[1].outlet == "Renamed Courier"
    assert window.windowTitle().startswith("*")
    settings = window.project.settings
    changed = replace(settings, alignment=replace(settings.alignment, scorer="ratio"))
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        window.project.set_settings(changed)
    assert blocker.args[0].settings.alignment.scorer == "ratio"
