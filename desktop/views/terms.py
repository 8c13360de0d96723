"""Terms: loaded-language scores, loaded and marked words by outlet, a chart, and KWIC.

At the top, the learned model's score per outlet with its interval and each outlet's most
loaded sentences (:mod:`desktop.views.terms_loaded`).

The table lists every term found (own voice and quoted speech apart, as counts or per
1,000 words of that voice); the chart compares outlets per category; selecting a term
lists each occurrence in context, and double-clicking a line shows it in the text.
The chart is the core's SVG (:mod:`analysis.present.svg`), built the first time the view
is shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.present.charts import ChartData, terms_chart
from analysis.present.kwic import SORT_CHOICES, phrase_lines, sorted_lines, term_lines
from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult
from desktop.colours import outlet_colour
from desktop.models.terms import CATEGORY_ROLE, EVIDENCE_ROLE, SORT_ROLE, KwicModel, TermTableModel
from desktop.views.terms_loaded import LoadedPanel
from desktop.widgets.column_sizing import fit_columns

__all__ = ["CategoryFilter", "TermsView"]

ALL = "All categories"
LOADED = "Loaded categories only"


class CategoryFilter(QSortFilterProxyModel):
    """Keeps rows whose category is in a set (all rows when the set is None)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keep: frozenset[str] | None = None
        self.setSortRole(SORT_ROLE)

    def set_categories(self, keep: frozenset[str] | None) -> None:
        """Show only these categories (None: every category)."""
        self.beginFilterChange()
        self._keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        """Accept a row when its category is kept."""
        if self._keep is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return str(index.data(CATEGORY_ROLE)) in self._keep


#: Rows (in sort order) whose text sizes the columns; the widest terms are usually short.
_SIZE_FROM_ROWS = 200
#: Room for the cell's margins and focus frame around the text, in pixels.
_CELL_PADDING = 16


class TermsView(QWidget):
    """Loaded terms by outlet; implements the view contract of :mod:`desktop.views`."""

    evidence_requested = Signal(str, int, int)
    #: The user asked to save the KWIC lines shown (in their order): lines, outlet by id.
    export_lines_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terms")
        self._result: ComparisonResult | None = None
        self._kwic_found: tuple[tuple[Any, ...], tuple[bool, ...], str] = ((), (), "")
        self._colours: dict[str, str] = {}
        self.chart: Any = None  # desktop.charts.SvgChart, built when first shown
        self._chart_dirty = True
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(0)
        self._chart_timer.timeout.connect(self._draw_chart_now)
        self.model = TermTableModel(self)
        self.proxy = CategoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.kwic_model = KwicModel(self)
        self.loaded = LoadedPanel(self)
        self.loaded.evidence_requested.connect(self.evidence_requested)
        self._build_controls()
        self.table = self._table(self.proxy, "Terms by outlet", sortable=True)
        self.table.selectionModel().currentRowChanged.connect(self._on_term_selected)
        self.kwic = self._table(self.kwic_model, "Keyword in context", sortable=False)
        self.kwic.doubleClicked.connect(self._on_kwic_activated)
        self.kwic.activated.connect(self._on_kwic_activated)
        self._layout_widgets()
        self.set_result(None)

    # --- building -------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.category = QComboBox(self)
        self.category.setAccessibleName("Category filter")
        self.category.currentIndexChanged.connect(self._on_category_changed)
        self.measure = QComboBox(self)
        self.measure.addItems(["Counts", "Per 1,000 words"])
        self.measure.setAccessibleName("Counts or rates")
        self.measure.currentIndexChanged.connect(lambda i: self.model.set_rates(i == 1))
        self.voice = QComboBox(self)
        self.voice.addItems(["Own voice", "Quoted speech"])
        self.voice.setAccessibleName("Voice shown in the chart")
        self.voice.currentIndexChanged.connect(lambda _: self._draw_chart())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Any word or phrase, then Enter")
        self.search.setAccessibleName("Keyword in context search")
        self.search.returnPressed.connect(self._on_search)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.kwic_title = QLabel("Select a term to see it in context.", self)
        self.kwic_sort = QComboBox(self)
        for label, key in SORT_CHOICES:
            self.kwic_sort.addItem(label, key)
        self.kwic_sort.setAccessibleName("Sort the lines in context by")
        self.kwic_sort.setToolTip(
            "Sort by a word before or after the term; ties go to the next word outwards"
        )
        self.kwic_sort.currentIndexChanged.connect(lambda _: self._sort_kwic())
        self.kwic_export = QPushButton("Export Lines…", self)
        self.kwic_export.setAccessibleName("Export the lines in context as CSV")
        self.kwic_export.setToolTip("Save these lines, in this order, as a CSV file")
        self.kwic_export.clicked.connect(self._on_export_lines)

    def _table(self, model: Any, name: str, *, sortable: bool) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(sortable)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        return table

    def _layout_widgets(self) -> None:
        bar = QHBoxLayout()
        for label, widget in (("Category:", self.category), ("Show:", self.measure)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(QLabel("Chart:", self))
        bar.addWidget(self.voice)
        bar.addStretch(1)
        self.chart_box = QWidget(self)
        self._chart_layout = QVBoxLayout(self.chart_box)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        self.upper.addWidget(self.table)
        self.upper.addWidget(self.chart_box)
        self.upper.setSizes([500, 500])  # 20 outlets' heatmap needs room
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.kwic_title, 1)
        search_row.addWidget(QLabel("Find:", self))
        search_row.addWidget(self.search)
        search_row.addWidget(QLabel("Sort by:", self))
        search_row.addWidget(self.kwic_sort)
        search_row.addWidget(self.kwic_export)
        lower_layout.addLayout(search_row)
        lower_layout.addWidget(self.kwic)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.loaded)
        self.splitter.addWidget(self.upper)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([300, 400, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.splitter, 1)

    # --- the view contract ----------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the terms of ``result``, or clear the view when it is None."""
        self._result = result
        self.loaded.set_result(result)
        self.model.set_result(result)
        self._show_kwic((), (), "")
        self._fill_categories()
        self.info.setText(self._info_text())
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._size_columns()
        kwic_header = self.kwic.horizontalHeader()
        kwic_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        kwic_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._draw_chart()

    def _size_columns(self) -> None:
        """Fit the columns to their titles and the first rows (see :mod:`column_sizing`)."""
        fit_columns(self.table, rows=_SIZE_FROM_ROWS, padding=_CELL_PADDING)

    def set_colours(self, colours: dict[str, str]) -> None:
        """Follow the user's outlet colours (article id -> ``#rrggbb``)."""
        self._colours = dict(colours)
        self._draw_chart()

    # --- chart ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        """Build the chart (and import QtSvg) the first time the tab is shown."""
        super().showEvent(event)
        if self.chart is None:
            from desktop.charts import SvgChart

            self.chart = SvgChart(self.chart_box)
            self.chart.setAccessibleName("Category rates by outlet")
            self._chart_layout.addWidget(self.chart)
        if self._chart_dirty:
            self._chart_timer.start()

    def chart_data(self) -> ChartData | None:
        """The chart of the shown categories and voice, in the outlets' colours."""
        if self._result is None:
            return None
        report = self._result.terms
        kept = [c.name for c in (() if report is None else report.categories)]
        chart = terms_chart(
            self._result,
            [n for n in kept if self._category_kept(n)],
            quoted=self.voice.currentIndex() == 1,
        )
        labels = outlet_labels(self._result.articles)
        by_label = {
            labels[a.id]: self._colours.get(a.id, outlet_colour(i))
            for i, a in enumerate(self._result.articles)
        }
        rows = tuple(replace(r, colour=by_label.get(r.label, "")) for r in chart.rows)
        return replace(chart, rows=rows)

    def _draw_chart(self) -> None:
        """Ask for a redraw: soon, once, and only while the view is visible.

        Drawing costs tens of milliseconds, so several changes in one event-loop turn, or
        results arriving while another tab is shown, must not each pay for it.
        """
        self._chart_dirty = True
        if self.chart is not None and self.isVisible():
            self._chart_timer.start()

    def _draw_chart_now(self) -> None:
        if self.chart is None or not self.isVisible():
            return
        self._chart_dirty = False
        data = self.chart_data()
        if data is not None:
            self.chart.show_chart(data)

    # --- categories -------------------------------------------------------------------
    def _fill_categories(self) -> None:
        report = None if self._result is None else self._result.terms
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(ALL, ALL)
        self.category.addItem(LOADED, LOADED)
        for cat in () if report is None else report.categories:
            self.category.addItem(cat.name.replace("_", " "), cat.name)
            self.category.setItemData(
                self.category.count() - 1, cat.description, Qt.ItemDataRole.ToolTipRole
            )
        found = self.category.findData(current)
        self.category.setCurrentIndex(max(0, found))
        self.category.blockSignals(False)
        self._on_category_changed()

    def _category_kept(self, name: str) -> bool:
        choice = self.category.currentData()
        if choice in (None, ALL):
            return True
        if choice == LOADED:
            return name in self._loaded_names()
        return bool(name == choice)

    def _loaded_names(self) -> frozenset[str]:
        report = None if self._result is None else self._result.terms
        return frozenset(c.name for c in (() if report is None else report.categories) if c.loaded)

    def _on_category_changed(self, *_: Any) -> None:
        choice = self.category.currentData()
        if choice in (None, ALL):
            self.proxy.set_categories(None)
        elif choice == LOADED:
            self.proxy.set_categories(self._loaded_names())
        else:
            self.proxy.set_categories(frozenset({str(choice)}))
        # the filter may hide the selected term: start over with no selection, empty KWIC
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self._show_kwic((), (), "")
        self._draw_chart()

    # --- keyword in context -----------------------------------------------------------
    def _on_term_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        term, category = self.model.term_at(self.proxy.mapToSource(current).row())
        lines, quoted = term_lines(self._result, term, category)
        self._show_kwic(lines, quoted, f"“{term}” ({category.replace('_', ' ')})")

    def _on_search(self) -> None:
        phrase = self.search.text().strip()
        lines, quoted = phrase_lines(self._result, phrase)
        self._show_kwic(lines, quoted, f"“{phrase}”")

    def _show_kwic(self, lines: Any, quoted: Any, what: str) -> None:
        self._kwic_found = (tuple(lines), tuple(quoted), what)
        self._sort_kwic()

    def _sort_kwic(self) -> None:
        """Show the found lines in the order the Sort by box asks for."""
        found, voices, what = self._kwic_found
        lines, quoted = sorted_lines(self._result, found, voices, self.kwic_sort.currentData())
        self.kwic_model.set_lines(lines, quoted, self._outlets())
        self.kwic_export.setEnabled(bool(lines))
        if not what:
            self.kwic_title.setText("Select a term to see it in context.")
            return
        n = len(lines)
        self.kwic_title.setText(
            f"{what}: {n} occurrence{'s' if n != 1 else ''} in context "
            "(double-click a line to see it in the text)"
        )

    def _outlets(self) -> dict[str, str]:
        return {} if self._result is None else dict(outlet_labels(self._result.articles))

    def _on_export_lines(self) -> None:
        if self.kwic_model.lines:
            self.export_lines_requested.emit(self.kwic_model.lines, self._outlets())

    def _on_kwic_activated(self, index: QModelIndex) -> None:
        evidence = self.kwic_model.data(index, EVIDENCE_ROLE)
        if evidence:
            article, start, end = evidence
            self.evidence_requested.emit(str(article), int(start), int(end))

    def _info_text(self) -> str:
        report = None if self._result is None else self._result.terms
        if self._result is None:
            return "Add at least two articles to count loaded terms."
        if report is None:
            return "Loaded terms were not counted for this comparison."
        notes = [
            "Own voice = the outlet's words outside quotation marks; quoted = inside them. "
            "Rates are per 1,000 words of that voice."
        ]
        notes += [f"Lexicon problem: {e.message} ({e.source})" for e in report.errors]
        outlet = outlet_labels(self._result.articles)
        notes += [f"{outlet.get(w.article, w.article)}: {w.message}" for w in report.warnings]
        return " ".join(notes)
