"""The Disagreements view: per fact, what each outlet says where they differ, and names.

Top: the facts where outlets word a number or a label differently (one column per outlet).
Below: the selected fact's passages, one per outlet, with the differing words
highlighted; article text is inserted as plain text. A second tab holds the actor ×
outlet naming table. Double-clicking a cell with evidence asks the app to show the text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from analysis.disagree.values import Disagreement
from analysis.present.disagree_tables import (
    fact_heading,
    fact_passages,
    facts_table,
    naming_table,
    ordered_facts,
)
from analysis.present.tables import Table
from analysis.result import ComparisonResult
from desktop.models.framing import EVIDENCE_ROLE, SORT_ROLE, FramingTableModel

__all__ = ["DisagreementsView"]

_DIFFERS = QColor("#fdd9b5")


class _TableBox(QWidget):
    """A note above a sortable table of :class:`Table` cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = FramingTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.view)

    def set_table(
        self, table: Table, *, narrow: tuple[int, ...] = (90, 70, 110, 150), wide: int = 180
    ) -> None:
        """Show ``table``: the first columns ``narrow`` pixels wide, the outlets ``wide``."""
        self.model.set_table(table)
        self.note.setText(table.note)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for col in range(len(table.headers)):
            self.view.setColumnWidth(col, narrow[col] if col < len(narrow) else wide)
        if self.view.wordWrap():
            self.view.resizeRowsToContents()  # few rows: one per actor


class DisagreementsView(QWidget):
    """Where outlets disagree on the same fact: numbers, labels, and actor names."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: ComparisonResult | None = None
        self._items: tuple[Disagreement, ...] = ()
        self.facts = _TableBox(self)
        self.facts.view.setAccessibleName("Facts where outlets disagree")
        self.detail = QTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("What each outlet says")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.facts)
        split.addWidget(self.detail)
        split.setSizes([300, 200])
        self.names = _TableBox(self)
        self.names.view.setWordWrap(True)
        self.names.view.setAccessibleName("How each outlet names each actor")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(split, "Numbers and labels")
        self.tabs.addTab(self.names, "Names of actors")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        for box in (self.facts, self.names):
            box.view.doubleClicked.connect(self._on_activated)
            box.view.activated.connect(self._on_activated)
        self.facts.view.selectionModel().currentRowChanged.connect(self._on_row)

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show ``result``'s disagreements and naming, or clear the view when None."""
        self._result = result
        report = result.disagreements if result is not None else None
        # The rows of facts_table, in its order: contradictions first.
        self._items = ordered_facts(result) if result is not None else ()
        if result is None or report is None:
            self.facts.set_table(Table((), (), "No comparison yet."))
            self.names.set_table(Table((), ()))
        else:
            self.facts.set_table(facts_table(result))
            self.names.set_table(naming_table(result), narrow=(150,), wide=260)
        self.detail.clear()
        if self._items:
            self.facts.view.selectRow(0)

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._result is None:
            return
        row = self.facts.proxy.mapToSource(current).row()
        if 0 <= row < len(self._items):
            self._show_fact(row)

    def _show_fact(self, row: int) -> None:
        assert self._result is not None
        item = self._items[row]
        self.detail.clear()
        cursor = self.detail.textCursor()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        grey = QTextCharFormat()
        grey.setForeground(QColor("#555555"))
        marked = QTextCharFormat()
        marked.setBackground(_DIFFERS)
        marked.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(fact_heading(item) + "\n\n", bold)
        for passage in fact_passages(self._result, item):
            cursor.insertText(passage.outlet + ":  ", bold)
            pos = 0
            values = []
            for start, end, value in sorted(passage.marks):
                cursor.insertText(passage.text[pos:start], plain)
                cursor.insertText(passage.text[start:end], marked)
                values.append(f"{passage.text[start:end]} = {value}")
                pos = max(pos, end)
            cursor.insertText(passage.text[pos:], plain)
            if item.kind == "number":
                # An outlet that carries the fact without a figure says so instead of "[]".
                read = "; ".join(values) if values else "no figure given"
                cursor.insertText("   [" + read + "]", grey)
            cursor.insertText("\n\n", plain)
        self.detail.moveCursor(QTextCursor.MoveOperation.Start)

    def _on_activated(self, index: QModelIndex) -> None:
        evidence = index.model().data(index, EVIDENCE_ROLE)
        if evidence:
            article, start, end = evidence
            self.evidence_requested.emit(str(article), int(start), int(end))
