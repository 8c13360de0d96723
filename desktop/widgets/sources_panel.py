"""The sources panel: the table of articles with buttons for the source actions.

Rows are reordered with Move Up / Move Down or by dragging a row's number (the vertical
header): the header only reports the drag, which is undone visually and applied to the
model, so the model's order stays the one truth (no item-level drag and drop, which would
compete with dropping files on the window).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.sources import Column, SourcesModel, SourceState

__all__ = ["SourcesPanel"]

_WIDTHS = {
    Column.OUTLET: 150,
    Column.LEAN: 120,
    Column.COLOUR: 90,
    Column.HEADLINE: 380,
    Column.DATE: 90,
    Column.WORDS: 60,
    Column.SOURCE: 200,
}


class SourcesPanel(QWidget):
    """Shows a :class:`SourcesModel`; the outlet is edited in place, the colour on double-click."""

    colour_changed = Signal()

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sources_panel")
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName("Sources")
        self.table.setAccessibleDescription(
            "Articles being compared: outlet, lean, colour, headline, date, words, source "
            "and status"
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setSectionsMovable(True)
        rows.setToolTip("Drag a row's number to reorder the articles")
        rows.sectionMoved.connect(self._on_row_dragged)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in _WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        model.headerDataChanged.connect(self._show_lean_column)
        self._show_lean_column()
        self._buttons = QHBoxLayout()
        self._buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(self._buttons)
        layout.addWidget(self.table, 1)

    def _show_lean_column(self, *_: object) -> None:
        """The Lean column shows only while the user has chosen a ratings file."""
        self.table.setColumnHidden(Column.LEAN, self.model.ratings is None)
        if self.model.ratings is not None:  # the heading names the file: show all of it
            self.table.resizeColumnToContents(Column.LEAN)

    def add_buttons(self, actions: Sequence[QAction]) -> None:
        """Put a tool button for each action above the table."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…."))
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)

    def selected_rows(self) -> list[int]:
        """Rows the user selected (the current row if none is selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        current = self.table.currentIndex()
        return rows or ([current.row()] if current.isValid() else [])

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def _on_row_dragged(self, _logical: int, old_visual: int, new_visual: int) -> None:
        # undo the header's own (visual-only) move, then move the row in the model
        rows = self.table.verticalHeader()
        rows.blockSignals(True)
        rows.moveSection(new_visual, old_visual)
        rows.blockSignals(False)
        self.select_row(self.model.move_row(old_visual, new_visual - old_visual))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.column() != Column.COLOUR:
            return
        entry = self.model.entries()[index.row()]
        if entry.state is SourceState.FAILED:
            return  # nothing of it is shown in colour
        colour = QColorDialog.getColor(QColor(entry.colour), self, "Outlet colour")
        if colour.isValid():
            self.model.set_colour(index.row(), colour.name())
            self.colour_changed.emit()
