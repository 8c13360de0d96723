"""Framing: how each outlet quotes, attributes, hedges, headlines and words the story.

Who is quoted, attribution verbs, hedging, headlines, sentiment, frames, readability and
distinctive vocabulary get one page each (a list on the left picks the page). A new result
fills the page shown at once and the others one per event-loop turn (or at once when picked
first), so showing a result never holds the GUI for all seventeen tables in one piece.

Every table is a :class:`~desktop.models.framing.FramingTableModel` over a frozen table
built by :mod:`analysis.present.framing_tables` / :mod:`analysis.present.framing_more`;
double-clicking (or pressing Enter on) a cell with evidence shows it in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.present import framing_more as more
from analysis.present import framing_tables as tables
from analysis.present.tables import Table
from analysis.result import ComparisonResult
from desktop.models.framing import EVIDENCE_ROLE, SORT_ROLE, FramingTableModel
from desktop.widgets.column_sizing import fit_columns

__all__ = ["PAGES", "FramingView"]

Builder = Callable[[ComparisonResult], Table]


#: The pages: (title, ((table title, builder), ...)).
PAGES: tuple[tuple[str, tuple[tuple[str, Builder], ...]], ...] = (
    (
        "Who is quoted",
        (
            ("Sources per outlet", tables.source_summary_table),
            ("Who is quoted by which outlet", tables.sources_table),
        ),
    ),
    (
        "Attribution verbs",
        (
            ("Same statement, different verb", tables.verb_changes_table),
            ("Verb stance per outlet", tables.verb_profile_table),
        ),
    ),
    (
        "Hedging",
        (
            ("Hedges and boosters per outlet", tables.hedges_table),
            ("Hedges per aligned passage", tables.hedges_per_passage),
        ),
    ),
    ("Headlines", (("Headlines and their support in the body", more.headlines_table),)),
    (
        "Sentiment",
        (
            ("Sentiment per article", more.sentiment_table),
            ("Sentiment per aligned passage", tables.sentiment_per_passage),
        ),
    ),
    ("Frames", (("Frame emphasis", more.frames_table),)),
    ("Readability", (("Readability", more.readability_table),)),
    (
        "Distinctive vocabulary",
        (
            ("Distinctive words (weighted log-odds)", more.vocabulary_table),
            ("Top TF-IDF words", lambda r: more.vocabulary_table(r, tfidf=True)),
        ),
    ),
)


class _TableBox(QWidget):
    """A titled table with its note, sorted by numbers where cells are numbers."""

    activated = Signal(object)

    def __init__(self, title: str, builder: Builder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.builder = builder
        self.model = FramingTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.title = QLabel(f"<b>{title}</b>", self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(title)
        # no sort column until the user picks one: the builders' order is meaningful
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    def show_result(self, result: ComparisonResult | None) -> None:
        table = Table((), ()) if result is None else self.builder(result)
        self.model.set_table(table)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)  # back to the builder's order
        self.note.setText(table.note or ("" if table.rows else "Nothing to show."))
        if not table.rows and table.headers:
            self.note.setText((table.note + " " if table.note else "") + "Nothing found.")
        header = self.view.horizontalHeader()
        fit_columns(self.view, skip={table.stretch})
        if 0 <= table.stretch < len(table.headers):
            header.setSectionResizeMode(table.stretch, QHeaderView.ResizeMode.Stretch)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Tall enough for the rows (capped), so short tables leave room for long ones."""
        hint = super().sizeHint()
        rows = self.view.verticalHeader().defaultSectionSize() * (self.model.rowCount() + 1)
        chrome = self.title.sizeHint().height() + self.note.sizeHint().height() + 24
        return QSize(hint.width(), min(chrome + rows + self.view.frameWidth() * 2, 420))

    def _on_activated(self, index: QModelIndex) -> None:
        evidence = self.proxy.data(index, EVIDENCE_ROLE)
        if evidence:
            self.activated.emit(evidence)


class FramingView(QWidget):
    """Framing findings; implements the view contract of :mod:`desktop.views`."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("framing")
        self.page_list = QListWidget(self)
        self.page_list.setAccessibleName("Framing pages")
        self.pages = QStackedWidget(self)
        self.boxes: dict[str, _TableBox] = {}
        self._result: ComparisonResult | None = None
        self._stale: list[int] = []  # pages still showing an older result, in fill order
        self._filler = QTimer(self)
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill_next_page)
        for title, specs in PAGES:
            self.page_list.addItem(title)
            self.pages.addWidget(self._page(specs))
        self.page_list.setMaximumWidth(self.page_list.sizeHintForColumn(0) + 24)
        self.page_list.currentRowChanged.connect(self._on_page_changed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)
        self.select_page(0)
        self.set_result(None)

    def _page(self, specs: tuple[tuple[str, Builder], ...]) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, builder in specs:
            box = _TableBox(title, builder, splitter)
            box.activated.connect(self._on_evidence)
            self.boxes[title] = box
            splitter.addWidget(box)
        splitter.setStretchFactor(len(specs) - 1, 1)  # spare height goes to the last table
        return splitter

    def select_page(self, index: int) -> None:
        """Show the page at ``index`` (in :data:`PAGES` order)."""
        self.page_list.setCurrentRow(index)

    # --- the view contract ----------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the framing findings of ``result``, or clear the view when it is None.

        The current page is filled now, the others soon after (see :attr:`pending_pages`).
        """
        self._result = result
        current = self.pages.currentIndex()
        self._stale = [current] + [i for i in range(self.pages.count()) if i != current]
        self._fill_page(current)
        if self._stale:
            self._filler.start()
        self.status.setText(self._status(result))

    @property
    def pending_pages(self) -> tuple[int, ...]:
        """Pages not yet showing the latest result (filled on the next event-loop turns)."""
        return tuple(self._stale)

    def _on_page_changed(self, index: int) -> None:
        self._fill_page(index)  # a page picked before its turn is filled at once
        self.pages.setCurrentIndex(index)

    def _fill_next_page(self) -> None:
        if self._stale:
            self._fill_page(self._stale[0])
        if self._stale:
            self._filler.start()

    def _fill_page(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.remove(index)
        page = self.pages.widget(index)
        if isinstance(page, QSplitter):
            for i in range(page.count()):
                box = page.widget(i)
                if isinstance(box, _TableBox):
                    box.show_result(self._result)
            self._fit_page(page)

    @staticmethod
    def _fit_page(page: QSplitter) -> None:
        """Give each table but the last the height its rows need."""
        boxes = [page.widget(i) for i in range(page.count())]
        if len(boxes) < 2:
            return
        sizes = [b.sizeHint().height() if b is not None else 0 for b in boxes]
        total = max(sum(page.sizes()), page.height(), sum(sizes))
        sizes[-1] = max(sizes[-1], total - sum(sizes[:-1]))
        page.setSizes(sizes)

    def _on_evidence(self, evidence: Any) -> None:
        article, start, end = evidence
        self.evidence_requested.emit(str(article), int(start), int(end))

    @staticmethod
    def _status(result: ComparisonResult | None) -> str:
        if result is None:
            return "Add at least two articles to compare how outlets frame the story."
        if result.framing is None:
            return "Framing was not analysed for this comparison."
        return "Double-click a figure or passage to see the words behind it in the text."
