"""The desktop conventions people expect, added to the main window in one place.

Undo and redo of article changes, F1 for the user guide, a toolbar with an Export button,
Ctrl+E (export), Ctrl+P (print the report), Ctrl+F (find in the articles), Ctrl+W (close)
and zoom with Ctrl+plus, Ctrl+minus and Ctrl+0.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMenu, QToolBar, QToolButton

from desktop.controllers.export import FORMAT_NAMES, export_formats, file_suffix
from desktop.dialogs.help import show_help
from desktop.undo import UndoHistory

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

__all__ = ["ZOOM_STEPS", "Conventions"]

ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class Conventions:
    """Adds undo, help, toolbar, find, print and zoom to a :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.history = UndoHistory(window.model, window)
        self._zoom = ZOOM_STEPS.index(1.0)
        self._base_size = window.tabs.font().pointSizeF()
        sk = QKeySequence.StandardKey
        self.undo = self.history.stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(sk.Undo)
        self.redo = self.history.stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(sk.Redo)
        # The toolbar buttons keep a short label ("Undo Remove The Selvik Courier" was elided
        # to "Un…er"); the menu and the tooltip still name the step.
        self.undo.setIconText("Undo")
        self.redo.setIconText("Redo")
        self.help = self._action("&User Guide", "F1", partial(show_help, window), "Open the guide")
        self.export = self._action("&Export…", "Ctrl+E", self.export_any, "Export the comparison")
        self.print = self._action("&Print Report…", sk.Print, self.print_report, "Print")
        self.find = self._action("&Find in Articles…", sk.Find, self.focus_find, "Find a word")
        self.close = self._action("&Close Window", sk.Close, window.close, "Close the window")
        self.zoom_in = self._action("Zoom &In", sk.ZoomIn, partial(self.zoom, 1), "Larger text")
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = self._action("Zoom &Out", sk.ZoomOut, partial(self.zoom, -1), "Smaller")
        self.zoom_reset = self._action("&Normal Size", "Ctrl+0", partial(self.zoom, 0), "Normal")
        window.addActions([self.undo, self.redo])
        self.find_box = QLineEdit(window)
        self.find_box.setObjectName("find_box")
        self.find_box.setPlaceholderText("Find in articles (Ctrl+F)")
        self.find_box.setAccessibleName("Find in articles")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(260)
        self.find_box.returnPressed.connect(self.find_next)
        self._menus()
        self.toolbar = self._toolbar()
        window.project.opened.connect(lambda _ok: self.history.reset())
        window.project.title_changed.connect(self._maybe_reset)

    def _action(self, text: str, key: object, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)
        else:
            action.setShortcut(QKeySequence(str(key)))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _menus(self) -> None:
        acts = self.window.acts
        bar = self.window.menuBar()
        menus = {m.title().replace("&", ""): m for m in bar.findChildren(QMenu)}
        edit, view, help_menu = menus.get("Edit"), menus.get("View"), menus.get("Help")
        file_menu = menus.get("File")
        if edit is not None and edit.actions():
            first = edit.actions()[0]
            edit.insertActions(first, [self.undo, self.redo])
            edit.insertSeparator(first)
            edit.addAction(self.find)
        if file_menu is not None:
            quit_ = acts.quit
            file_menu.insertActions(quit_, [self.export, self.print, self.close])
            file_menu.insertSeparator(quit_)
        if view is not None:
            view.addSeparator()
            view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        if help_menu is not None:
            help_menu.insertAction(acts.about, self.help)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Main toolbar", self.window)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button = QToolButton(bar)
        button.setObjectName("export_button")
        button.setDefaultAction(self.export)
        button.setText("Export")
        button.setMenu(self.window.acts.export_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addWidget(button)
        bar.addAction(self.print)
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addWidget(self.find_box)
        bar.addSeparator()
        bar.addAction(self.help)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def _maybe_reset(self, _title: str) -> None:
        if not self.window.model.entries():
            self.history.reset()  # File ▸ New

    # --- export and print -----------------------------------------------------------
    def export_any(self) -> None:
        """Ctrl+E: one save dialog listing every format; the chosen filter sets it."""
        window = self.window
        result = window.analysis.result
        if result is None:
            window.status.setText("Nothing to export yet: add at least two articles.")
            return
        formats = export_formats()
        filters = [f"{FORMAT_NAMES.get(f, f.upper())} (*.{file_suffix(f)})" for f in formats]
        start = str(Path(window.prefs.last_folder) / "comparison.html")
        name, chosen = QFileDialog.getSaveFileName(
            window, "Export", start, ";;".join(filters), filters[0]
        )
        if not name:
            return
        fmt = formats[filters.index(chosen)] if chosen in filters else "html"
        by_suffix = {file_suffix(f): f for f in formats}
        fmt = by_suffix.get(Path(name).suffix.lstrip(".").lower(), fmt)
        window.exports.export(result, fmt, Path(name))

    def report_document(self) -> QTextDocument | None:
        """The report laid out for printing, or None before there is a result."""
        result = self.window.analysis.result
        if result is None:
            return None
        from analysis.reports import report_content
        from analysis.reports.printable import render_print_html

        doc = QTextDocument(self.window)
        doc.setHtml(render_print_html(report_content(result)))
        return doc

    def print_report(self) -> None:
        """Ctrl+P: the print dialog, then the report on the chosen printer."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        doc = self.report_document()
        if doc is None:
            self.window.status.setText("Nothing to print yet: add at least two articles.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print Report")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc.print_(printer)
            self.window.status.setText("Report sent to the printer.")

    # --- find and zoom --------------------------------------------------------------
    def focus_find(self) -> None:
        """Ctrl+F: into the find box (again: the next match)."""
        if self.find_box.hasFocus() and self.find_box.text():
            self.find_next()
            return
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Show the next match of the find box's text in the side-by-side articles."""
        needle = self.find_box.text().strip()
        view = self.window.views.get("side_by_side")
        columns = list(getattr(view, "columns", []))
        if not needle or view is None or not columns:
            return False
        self.window.tabs.setCurrentWidget(view)
        start = next((i for i, c in enumerate(columns) if c.browser.hasFocus()), 0)
        for step in range(len(columns) + 1):
            column = columns[(start + step) % len(columns)]
            browser = column.browser
            if step > 0:
                browser.moveCursor(browser.textCursor().MoveOperation.Start)
            if browser.find(needle):
                browser.setFocus()
                self.window.status.setText(f"Found '{needle}'.")
                return True
        self.window.status.setText(f"'{needle}' is not in the articles.")
        return False

    def zoom(self, direction: int) -> None:
        """Ctrl+plus / Ctrl+minus / Ctrl+0: the views' text size, in steps."""
        if direction == 0:
            self._zoom = ZOOM_STEPS.index(1.0)
        else:
            self._zoom = max(0, min(len(ZOOM_STEPS) - 1, self._zoom + direction))
        factor = ZOOM_STEPS[self._zoom]
        font = self.window.tabs.font()
        font.setPointSizeF(self._base_size * factor)
        self.window.tabs.setFont(font)  # children without a font of their own follow
        self.window.status.setText(f"Zoom {round(factor * 100)} %.")

    @property
    def zoom_factor(self) -> float:
        """The current zoom, 1.0 being the normal size."""
        return ZOOM_STEPS[self._zoom]
