"""Omission matrix: which outlet carries which passage, how (verbatim … shares a fact) and where.

Rows are passage clusters in story order, columns are outlets. Clicking a cell asks the
app to show that passage (or, for a missing cell, the passage in an outlet that has it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.result import ComparisonResult
from desktop.models.matrix import EVIDENCE_ROLE, CellKind, OmissionMatrixModel
from desktop.widgets.column_sizing import fit_columns

__all__ = ["MatrixView", "OmissionFilter"]

_MIN_PASSAGE = 240  # the passage column keeps at least this many pixels before numbering

# Short legend labels (six must fit a window's width); the tooltips explain.
_KIND_HELP = {
    CellKind.VERBATIM: ("= verbatim", "Copied word for word."),
    CellKind.EDITED: ("≈ edited", "The same sentence with words changed, added or removed."),
    CellKind.PARAPHRASE: ("~ paraphrase", "The same content in other words."),
    CellKind.PARTIAL: (
        "∩ shares a fact",
        "The outlet's sentence asserts one same fact, quotation or claim of the passage "
        "while one of the two says more.",
    ),
    CellKind.ONLY_HERE: ("! only here", "No other outlet asserts any fact of this passage."),
    CellKind.MISSING: ("— not found", "No fact of this passage is found in this outlet."),
}


class OmissionFilter(QSortFilterProxyModel):
    """Hides passages every outlet carries, or passages only one outlet has, on request."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._only_omitted = False
        self._show_unique = True

    def set_only_omitted(self, on: bool) -> None:
        """Show only the rows with at least one missing cell (or all rows)."""
        self.beginFilterChange()
        self._only_omitted = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_unique(self, on: bool) -> None:
        """Show or hide the rows of passages only one outlet has."""
        self.beginFilterChange()
        self._show_unique = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        """Apply both switches to one passage."""
        model = self.sourceModel()
        if not isinstance(model, OmissionMatrixModel):
            return True
        row = model.rows[source_row]
        if row.only_here and not self._show_unique:
            return False
        return bool(row.omitting) or not self._only_omitted


class MatrixView(QWidget):
    """The omission matrix; implements the view contract of :mod:`desktop.views`."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrix")
        self.model = OmissionMatrixModel(self)
        self.proxy = OmissionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # outlet names are never markup
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.only_omitted = QCheckBox("Only passages not found in some outlet", self)
        self.only_omitted.setAccessibleName("Show only passages with omissions")
        self.only_omitted.toggled.connect(self.proxy.set_only_omitted)
        self.show_unique = QCheckBox("Passages only one outlet has", self)
        self.show_unique.setChecked(True)
        self.show_unique.setAccessibleName("Show passages only one outlet has")
        self.show_unique.toggled.connect(self.proxy.set_show_unique)
        self.table = self._make_table()
        self.legend = QHBoxLayout()
        self._legend_labels: dict[CellKind, QLabel] = {}
        for kind in CellKind:
            text, tip = _KIND_HELP[kind]
            label = QLabel(text, self)
            label.setToolTip(tip)
            label.setAutoFillBackground(True)
            label.setContentsMargins(6, 2, 6, 2)
            self._legend_labels[kind] = label
            self.legend.addWidget(label)
        self.legend.addStretch(1)
        switches = QHBoxLayout()
        switches.addWidget(self.show_unique)
        switches.addWidget(self.only_omitted)
        switches.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.legend)
        layout.addLayout(switches)
        self.columns_key = QLabel(self)
        self.columns_key.setWordWrap(True)
        self.columns_key.setTextFormat(Qt.TextFormat.PlainText)
        self.columns_key.setAccessibleName("Outlet of each numbered column")
        layout.addWidget(self.summary)
        layout.addWidget(self.columns_key)
        layout.addWidget(self.table, 1)
        self._apply_palette()
        self.set_result(None)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setAccessibleName("Omission matrix")
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(False)
        # fixed row height: measuring every row costs more than the rest of a refresh
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.clicked.connect(self._on_table_clicked)
        table.activated.connect(self._on_table_clicked)
        return table

    # --- the view contract ----------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the matrix of ``result``, or clear the view when it is None."""
        self.model.set_result(result)
        self.summary.setText(self._summary(result))
        self._fit(force=True)

    def _fit(self, *, force: bool = False) -> None:
        """Number the outlet columns when their names and words do not fit the width.

        Only a shown table has a width to go by; a hidden one keeps names and words.
        """
        shown = self.table.isVisible()
        compact = shown and self._needed_width() > self.table.viewport().width()
        if compact == self.model.compact and not force:
            return
        self.model.set_compact(compact)
        header = self.table.horizontalHeader()
        fit_columns(self.table, skip={0})
        if self.model.columnCount() > 0:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        numbered = (f"{i} {name}" for i, name in enumerate(self.model.outlets, 1))
        self.columns_key.setText("Columns: " + " · ".join(numbered) if compact else "")
        self.columns_key.setVisible(compact)
        # Place the key now: shown from inside a resize or tab switch, it would otherwise be
        # painted once at the top left, over the legend, until the next layout pass.
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _needed_width(self) -> int:
        """Pixels the matrix needs with outlet names and cells in words."""
        metrics = self.table.fontMetrics()
        cell = max((metrics.horizontalAdvance(t) for t in self.model.cell_texts()), default=0)
        names = (metrics.horizontalAdvance(name) for name in self.model.outlets)
        return _MIN_PASSAGE + sum(max(cell, width) + 16 for width in names)

    # --- events -----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Switch between named and numbered columns as the width allows."""
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the columns to the width the view is shown at."""
        super().showEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Follow palette changes (light/dark switch) so colours stay readable."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def _apply_palette(self) -> None:
        self.model.set_palette(self.palette())
        for kind, label in self._legend_labels.items():
            pal = label.palette()
            pal.setColor(label.backgroundRole(), self.model.background(kind))
            pal.setColor(label.foregroundRole(), self.palette().text().color())
            label.setPalette(pal)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        evidence = self.proxy.data(index, EVIDENCE_ROLE)
        if evidence:
            article, start, end = evidence
            self.evidence_requested.emit(str(article), int(start), int(end))

    def _summary(self, result: ComparisonResult | None) -> str:
        if result is None:
            return "Add at least two articles to see which outlet leaves out which passage."
        rows = self.model.rows
        if result.alignment is None or not rows:
            return "No passage is shared by two or more outlets."
        shared = sum(1 for r in rows if not r.only_here)
        parts = []
        for i, article in enumerate(result.articles):
            missing = sum(1 for r in rows if r.cells[i].kind is CellKind.MISSING)
            parts.append(f"{article.outlet} {missing}")
        return (
            f"Passages shared by two or more outlets: {shared}; in only one: "
            f"{len(rows) - shared}. Not found, of all {len(rows)}: "
            + "; ".join(parts)
            + ". Click a cell to see the passage."
        )
