"""One item model over the presentation layer's tables (Framing and Disagreements views).

Every such table (sources, verbs, hedges, headlines, sentiment, frames, readability,
vocabulary, disagreements) is built Qt-free as a :class:`~analysis.present.tables.Table`
by :mod:`analysis.present` (labels, order and numbers decided there, as for the reports);
:class:`FramingTableModel` only adapts one. A cell may carry evidence,
``(article id, start, end)``, that the view turns into a jump to the text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from analysis.present.tables import Table

__all__ = ["EVIDENCE_ROLE", "SORT_ROLE", "FramingTableModel"]

#: Role with ``(article id, start, end)`` of a cell's evidence, or None.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role with the value a column sorts by (numbers sort as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class FramingTableModel(QAbstractTableModel):
    """Read-only adapter over one :class:`Table`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = Table((), ())

    def set_table(self, table: Table) -> None:
        """Show ``table``."""
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> Table:
        """The table shown."""
        return self._table

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the table."""
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the table."""
        return 0 if parent.isValid() else len(self._table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._table.headers
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort value, tooltip, evidence and emphasis of a cell."""
        if not index.isValid() or index.row() >= len(self._table.rows):
            return None
        row = self._table.rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.text if cell.sort is None else cell.sort
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = "\n\nDouble-click to see it in the text." if cell.evidence else ""
            return (cell.tooltip or cell.text) + hint
        if role == EVIDENCE_ROLE:
            return cell.evidence
        if role == Qt.ItemDataRole.FontRole and cell.strong:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(cell.sort, float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
