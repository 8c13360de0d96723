"""Desktop conventions (issue 14): undo/redo, F1 guide, toolbar Export, find, print, zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QToolButton

from analysis.model import Article
from desktop.dialogs.help import HelpWindow
from desktop.main_window import MainWindow
from desktop.models.sources import Column
from desktop.undo import UndoHistory


def _art(outlet: str, body: str) -> Article:
    return Article.from_parts(
        title=f"{outlet} story", paragraphs=[body], outlet=outlet, source=outlet
    )


A = _art("Alpha", "The council voted on Monday.")
B = _art("Beta", "Councillors approved the plan.")
C = _art("Gamma", "Residents cheered the vote.")


def _outlets(window: MainWindow) -> list[str]:
    return [a.outlet for a in window.model.articles()]


def test_undo_and_redo_every_article_change(window: MainWindow) -> None:
    stack = window.conventions.history.stack
    model = window.model
    for art in (A, B, C):
        model.add_article(art)
    assert stack.count() == 3 and stack.undoText() == "Add Gamma"
    model.remove_rows_at([0])
    assert _outlets(window) == ["Beta", "Gamma"] and stack.undoText() == "Remove Alpha"
    model.move_row(1, -1)
    assert _outlets(window) == ["Gamma", "Beta"] and stack.undoText() == "Move article"
    model.setData(model.index(0, Column.OUTLET), "Gamma Post")
    assert stack.undoText() == "Rename outlet to Gamma Post"
    before = model.entries()[1].colour
    model.set_colour(1, "#123456")
    assert stack.undoText() == "Colour of Beta"

    window.conventions.undo.trigger()  # colour
    assert model.entries()[1].colour == before
    window.conventions.undo.trigger()  # rename
    assert _outlets(window) == ["Gamma", "Beta"]
    window.conventions.undo.trigger()  # move
    assert _outlets(window) == ["Beta", "Gamma"]
    window.conventions.undo.trigger()  # remove: Alpha is back where it was, same article
    assert _outlets(window) == ["Alpha", "Beta", "Gamma"]
    assert model.articles()[0] is A
    window.conventions.redo.trigger()
    window.conventions.redo.trigger()
    assert _outlets(window) == ["Gamma", "Beta"]
    assert window.conventions.undo.text() == "&Undo Move article"


def test_a_new_project_starts_a_fresh_history(window: MainWindow) -> None:
    window.model.add_article(A)
    assert window.conventions.history.stack.canUndo()
    window.project.new()
    assert not window.conventions.history.stack.canUndo()


def test_loading_rows_settle_into_one_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.sources import SourcesModel

    model = SourcesModel()
    history = UndoHistory(model)
    keys = [model.add_pending(s) for s in ("a.txt", "b.txt")]
    assert history.stack.count() == 0  # still loading
    model.set_loaded(keys[0], A)
    model.set_failed(keys[1], "no such file.")
    assert history.stack.count() == 1 and history.stack.undoText() == "Add 2 articles"
    history.stack.undo()
    assert model.entries() == ()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_f1_opens_the_user_guide(window: MainWindow) -> None:
    assert window.conventions.help.shortcut() == QKeySequence("F1")
    window.conventions.help.trigger()
    guide = window.findChild(HelpWindow, "help_window")
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert text.startswith("Slant user guide") and "Undo and redo" in text
    assert "Ctrl+Shift+Z" in text  # the shortcuts table
    guide.show_section("keyboard-shortcuts")
    assert guide.browser.verticalScrollBar().value() > 0
    window.conventions.help.trigger()  # again: the same window, raised
    assert len(window.findChildren(HelpWindow)) == 1


def test_toolbar_has_an_export_button_with_every_format(window: MainWindow) -> None:
    button = window.findChild(QToolButton, "export_button")
    assert button is not None and button.text() == "Export"
    assert button.menu() is window.acts.export_menu
    assert button.defaultAction() is window.conventions.export


@pytest.mark.parametrize(
    ("name", "keys"),
    [("export", "Ctrl+E"), ("print", "Ctrl+P"), ("find", "Ctrl+F"), ("close", "Ctrl+W"),
     ("zoom_out", "Ctrl+-"), ("zoom_reset", "Ctrl+0"), ("undo", "Ctrl+Z")],
)  # fmt: skip
def test_standard_shortcuts(window: MainWindow, name: str, keys: str) -> None:
    action = getattr(window.conventions, name)
    assert QKeySequence(keys) in action.shortcuts()


def test_zoom_in_and_out_change_the_views_text(window: MainWindow) -> None:
    base = window.tabs.font().pointSizeF()
    assert QKeySequence("Ctrl++") in window.conventions.zoom_in.shortcuts()
    window.conventions.zoom_in.trigger()
    window.conventions.zoom_in.trigger()
    assert window.tabs.font().pointSizeF() == pytest.approx(base * 1.3)
    window.conventions.zoom_out.trigger()
    assert window.tabs.font().pointSizeF() == pytest.approx(base * 1.15)
    window.conventions.zoom_reset.trigger()
    assert window.tabs.font().pointSizeF() == pytest.approx(base)


def _with_result(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ):
        window.show_sample()


def test_find_export_and_print_on_the_sample(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_result(qtbot, window)
    view = window.views["side_by_side"]
    qtbot.waitUntil(lambda: bool(view.columns), timeout=10_000)  # type: ignore[attr-defined]
    window.conventions.find_box.setText("tear gas")
    assert window.conventions.find_next()
    assert window.tabs.currentWidget() is view
    found = [c.browser.textCursor().selectedText().lower() for c in view.columns]  # type: ignore[attr-defined]
    assert "tear gas" in found
    window.conventions.find_box.setText("no such words anywhere")
    assert not window.conventions.find_next()
    assert "is not in the articles" in window.status.text()

    target = tmp_path / "story.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "HTML report (*.html)")
    )
    with qtbot.waitSignal(window.exports.finished, timeout=60_000):
        window.conventions.export.trigger()  # the .xlsx name wins over the filter
    from openpyxl import load_workbook

    assert "term-counts" in load_workbook(target).sheetnames

    doc = window.conventions.report_document()
    assert doc is not None and "Meridian Wire" in doc.toPlainText()
    from PySide6.QtPrintSupport import QPrintDialog

    shown: list[bool] = []
    monkeypatch.setattr(
        QPrintDialog, "exec", lambda self: shown.append(True) or QPrintDialog.DialogCode.Rejected
    )
    window.conventions.print.trigger()
    assert shown == [True]


def test_settings_in_plain_words_with_an_advanced_section(qtbot) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from PySide6.QtWidgets import QGroupBox, QLabel

    from analysis.align.settings import AlignmentSettings
    from analysis.settings import CompareSettings
    from desktop.dialogs.settings_dialog import PLAIN, SettingsDialog

    dialog = SettingsDialog(CompareSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert set(dialog._editors) == {f.name for f in dataclasses.fields(AlignmentSettings)}
    assert set(PLAIN) >= set(dialog._editors)  # every setting has words of its own
    advanced = dialog.findChild(QGroupBox, "advanced_settings")
    assert advanced is not None and not advanced.isVisible()
    shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert any(t.startswith("How sure Slant must be that two sentences match") for t in shown)
    assert not any("cosine" in t.lower() or "Max total chars" in t for t in shown)
    dialog.show_advanced.setChecked(True)
    assert advanced.isVisible() and dialog.show_advanced.text() == "Hide &Advanced Settings"
    assert dialog._editors["max_total_chars"].isVisible()


def test_toolbar_undo_keeps_a_short_label_and_names_the_step_in_its_tooltip(
    window: MainWindow,
) -> None:
    window.model.add_article(A)
    undo = window.conventions.undo
    assert undo.iconText() == "Undo"
    assert undo.toolTip() == "Undo Add Alpha" and undo.text() == "&Undo Add Alpha"
