"""The omission matrix as an item model: one row per passage, one column per outlet.

The matrix is built Qt-free by :func:`analysis.present.matrix.matrix_table` (outlet labels,
rows, cell words and tooltips, shared with the reports' passage matrix);
:class:`OmissionMatrixModel` only adapts it (clusters and passages only one outlet has; a
proxy can hide the latter) and colours the cells.
Column 0 is the passage itself (an excerpt of its first carrier); columns 1.. are the
articles in input order. Cells read verbatim / edited / paraphrase / shares a fact / only
here / not found (:mod:`analysis.omission` defines them, for the reports too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette

from analysis.omission import CellKind, MatrixCell, MatrixRow
from analysis.present.matrix import SYMBOLS, cell_text, matrix_table
from analysis.result import ComparisonResult
from desktop.colours import readable_tint

__all__ = [
    "EVIDENCE_ROLE",
    "KIND_ROLE",
    "SHARED_ROLE",
    "CellKind",
    "MatrixCell",
    "MatrixRow",
    "OmissionMatrixModel",
]

#: Item data role holding ``(article id, start, end)`` of the passage a cell stands for.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data role holding the cell's :class:`CellKind` (None for the passage column).
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
#: Item data role holding a "shares a fact" cell's shared-word spans ``((start, end), …)``.
SHARED_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


# Hues: green = copied, amber = edited, blue = reworded, teal = shares a fact, purple =
# only this outlet, red = not found; each is tinted into the palette's base until its text
# stays readable.
_HUES = {
    CellKind.VERBATIM: "#2e9e4f",
    CellKind.EDITED: "#e69f00",
    CellKind.PARAPHRASE: "#3b7dd8",
    CellKind.PARTIAL: "#17becf",
    CellKind.ONLY_HERE: "#9467bd",
    CellKind.MISSING: "#d62728",
}


class OmissionMatrixModel(QAbstractTableModel):
    """Read-only table over :class:`MatrixRow` values; colours follow the given palette."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = matrix_table(None)
        self._backgrounds: dict[CellKind, QColor] = {}
        self._compact = False
        self.set_palette(QPalette())

    # --- feeding ------------------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Replace the rows with those of ``result`` (None clears)."""
        self.beginResetModel()
        self._table = matrix_table(result)
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        """Recompute cell backgrounds so the palette's text stays readable on them."""
        self._backgrounds = {k: readable_tint(QColor(h), palette, 0.45) for k, h in _HUES.items()}
        if self._table.rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.BackgroundRole])

    def set_compact(self, on: bool) -> None:
        """Number the outlet columns and show cells as symbols only (or names and words).

        For comparisons too wide for the window: twenty outlets then fit side by side; the
        tooltips keep the outlet names and the kinds in words.
        """
        if on == self._compact:
            return
        self._compact = on
        if self._table.outlets:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self._table.outlets))
        if self._table.rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 1), last, [Qt.ItemDataRole.DisplayRole])

    @property
    def compact(self) -> bool:
        """Whether outlet columns are numbered and cells show symbols only."""
        return self._compact

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlet names, one per column after the passage column."""
        return self._table.outlets

    def cell_texts(self) -> tuple[str, ...]:
        """Every wording a cell can have in the full (not compact) layout."""
        return tuple(
            f"{SYMBOLS[k]} {k.label}" + ("" if k is CellKind.MISSING else " · body")
            for k in CellKind
        )

    @property
    def rows(self) -> tuple[MatrixRow, ...]:
        """The rows shown."""
        return self._table.rows

    def background(self, kind: CellKind) -> QColor:
        """The background used for cells of ``kind`` (for the legend)."""
        return QColor(self._backgrounds[kind])

    # --- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of passages (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The passage column plus one column per outlet."""
        return 0 if parent.isValid() else 1 + len(self._table.outlets)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Outlet names across the top, passage numbers down the side."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return "Passage"
            if not 0 < section <= len(self._table.outlets):
                return None
            compact = self._compact and role == Qt.ItemDataRole.DisplayRole
            return str(section) if compact else self._table.outlets[section - 1]
        return str(section + 1) if 0 <= section < len(self._table.rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, colour and evidence of a cell."""
        if not index.isValid() or index.row() >= len(self._table.rows):
            return None
        row = self._table.rows[index.row()]
        if index.column() == 0:
            return self._passage_data(row, role)
        if not 0 < index.column() <= len(row.cells):
            return None
        return self._cell_data(row, index.column() - 1, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Cells are selectable and enabled, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- helpers ----------------------------------------------------------------------
    def _passage_data(self, row: MatrixRow, role: int) -> Any:
        first = row.first
        if role == Qt.ItemDataRole.DisplayRole:
            return row.excerpt
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._table.passage_tooltip(row)
        if role == EVIDENCE_ROLE:
            return (first.article, first.start, first.end)
        return None

    def _cell_data(self, row: MatrixRow, col: int, role: int) -> Any:
        cell = row.cells[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell, compact=self._compact)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._table.cell_tooltip(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._backgrounds[cell.kind]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._table.outlets[col]}: {cell.kind.label} {cell.position}".strip()
        if role == EVIDENCE_ROLE:
            return (cell.evidence_article, cell.start, cell.end)
        if role == KIND_ROLE:
            return cell.kind
        if role == SHARED_ROLE:
            return tuple((s.start, s.end) for s in cell.shared)
        return None
