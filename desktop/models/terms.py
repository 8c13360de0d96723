"""Item models of the Terms view: terms by outlet, and keyword-in-context lines.

:class:`TermTableModel` adapts the presentation layer's
:class:`~analysis.present.terms_tables.TermTable` (labels, counts and rates per 1,000
words of each voice are decided there), :class:`KwicModel` a tuple of
:class:`~analysis.terms.kwic.KwicLine` values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from analysis.present.terms_tables import TermTable, term_table
from analysis.result import ComparisonResult
from analysis.terms.kwic import KwicLine
from analysis.terms.rates import TermRow

__all__ = ["CATEGORY_ROLE", "EVIDENCE_ROLE", "SORT_ROLE", "KwicModel", "TermTableModel"]

#: Role with the numeric value a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role with a row's category name (for the category filter).
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role with ``(article id, start, end)`` of a KWIC line.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_FIXED = ("Term", "Category", "Total")


class TermTableModel(QAbstractTableModel):
    """Terms by outlet: Term, Category, Total, then own voice and quoted per outlet."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = term_table(None)
        self._rates = False

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the term table of ``result`` (empty when it has no terms section)."""
        self.beginResetModel()
        self._table = term_table(result)
        self.endResetModel()

    @property
    def table(self) -> TermTable:
        """The table shown."""
        return self._table

    def set_rates(self, on: bool) -> None:
        """Show rates per 1,000 words of each voice (True) or raw counts (False)."""
        if on == self._rates:
            return
        self._rates = on
        if self._table.rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, len(_FIXED)), last)

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlet labels, in column order."""
        return self._table.outlets

    def term_at(self, row: int) -> tuple[str, str]:
        """The ``(term, category)`` of a row."""
        item = self._table.rows[row]
        return item.term, item.category

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of (term, category) rows."""
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Term, category, total, and two columns per outlet."""
        outlets = self._table.outlets
        return 0 if parent.isValid() or not outlets else len(_FIXED) + 2 * len(outlets)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; per-outlet columns say which voice they count."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section < len(_FIXED):
            return _FIXED[section] if role == Qt.ItemDataRole.DisplayRole else None
        outlet, quoted = self._outlet_column(section)
        voice = "quoted" if quoted else "own voice"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{outlet}\n{voice}"
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = "per 1,000 words of " + ("quoted speech" if quoted else "its own voice")
            return f"{outlet}: hits in {voice} ({'rate ' + unit if self._rates else 'count'})"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Counts or rates, with tooltips naming both."""
        if not index.isValid() or index.row() >= len(self._table.rows):
            return None
        row, col = self._table.rows[index.row()], index.column()
        if role == CATEGORY_ROLE:
            return row.category
        if col < len(_FIXED):
            values = (row.term, self._table.category_label(row), row.total)
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return values[col]
            return None
        if col >= self.columnCount():
            return None
        return self._count_data(row, col, role)

    def _count_data(self, row: TermRow, col: int, role: int) -> Any:
        i = (col - len(_FIXED)) // 2
        quoted = (col - len(_FIXED)) % 2 == 1
        count = self._table.count(row, i, quoted=quoted)
        words = self._table.voice_words(i, quoted)
        rate = self._table.rate(row, i, quoted=quoted)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{rate:.1f}" if self._rates else str(count)
        if role == SORT_ROLE:
            return rate if self._rates else count
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            voice = "quoted speech" if quoted else "its own voice"
            return (
                f"{self._table.outlets[i]}: “{row.term}” {count} time(s) in {voice}, "
                f"{rate:.2f} per 1,000 words of {voice} ({words} words)"
            )
        return None

    def _outlet_column(self, section: int) -> tuple[str, bool]:
        k = section - len(_FIXED)
        return self._table.outlets[k // 2], k % 2 == 1


class KwicModel(QAbstractTableModel):
    """Keyword-in-context lines: Outlet, left context, match, right context, voice."""

    HEADERS = ("Outlet", "Before", "Term", "After", "Voice")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: tuple[KwicLine, ...] = ()
        self._quoted: tuple[bool, ...] = ()
        self._outlets: dict[str, str] = {}

    def set_lines(
        self, lines: Sequence[KwicLine], quoted: Sequence[bool], outlets: dict[str, str]
    ) -> None:
        """Show ``lines``; ``quoted[i]`` says whether line ``i`` lies inside a quotation."""
        self.beginResetModel()
        self._lines = tuple(lines)
        self._quoted = tuple(quoted)
        self._outlets = dict(outlets)
        self.endResetModel()

    @property
    def lines(self) -> tuple[KwicLine, ...]:
        """The lines shown."""
        return self._lines

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of lines."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Five columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Context text; the match in bold; double-click evidence in EVIDENCE_ROLE."""
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line, col = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            voice = "quoted" if self._quoted[index.row()] else "own voice"
            values = (self._outlets.get(line.article, line.article), line.left, line.match)
            return (*values, line.right, voice)[col] if 0 <= col < 5 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == 2:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.left} [{line.match}] {line.right}\n\nDouble-click to see it in the text."
        if role == EVIDENCE_ROLE:
            return (line.article, line.start, line.end)
        return None
