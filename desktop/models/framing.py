"""Tables of the Framing view: frozen :class:`Table` values and one item model over them.

Every framing table (sources, verbs, hedges, headlines, sentiment, frames, readability,
vocabulary) is built Qt-free as a :class:`Table` of :class:`Cell` values by
:mod:`desktop.views.framing_tables`; :class:`FramingTableModel` adapts any of them. A cell
may carry evidence, ``(article id, start, end)``, that the view turns into a jump to the
text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

__all__ = ["EVIDENCE_ROLE", "SORT_ROLE", "Cell", "FramingTableModel", "Table"]

#: Role with ``(article id, start, end)`` of a cell's evidence, or None.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role with the value a column sorts by (numbers sort as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
Evidence = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    Attributes:
        text: What is shown.
        sort: What the column sorts by (defaults to the text).
        tooltip: Longer explanation or the full passage.
        evidence: ``(article id, start, end)`` to show when activated, or None.
        strong: Shown in bold (a difference worth noticing).
    """

    text: str
    sort: float | str | None = None
    tooltip: str = ""
    evidence: Evidence | None = None
    strong: bool = False

    @classmethod
    def number(cls, value: float | None, digits: int = 1, **kw: Any) -> Cell:
        """A right-aligned figure (``–`` for None) that sorts numerically."""
        if value is None:
            return cls("–", float("-inf"), **kw)
        text = f"{value:.{digits}f}" if digits else str(round(value))
        return cls(text, float(value), **kw)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: headers, rows of cells (each as long as ``headers``), a note.

    ``stretch`` is the column that takes the spare width (a long text), or -1 for none.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    stretch: int = -1

    def column(self, name: str) -> tuple[Cell, ...]:
        """All cells of the column with this header.

        Raises:
            ValueError: If there is no such column.
        """
        i = self.headers.index(name)
        return tuple(row[i] for row in self.rows)


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
