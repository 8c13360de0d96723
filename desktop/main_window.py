"""The main window: composes the sources panel, the result views, menus and controllers."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from analysis.ingest.table import TableColumns, is_table
from analysis.ratings import Ratings
from analysis.result import ComparisonResult
from analysis.session import PROJECT_SUFFIX
from desktop.actions import build_actions
from desktop.controllers.comparison import ComparisonController
from desktop.controllers.events import EventsController
from desktop.controllers.export import FORMAT_NAMES, ExportController, export_formats
from desktop.controllers.load import LoadController
from desktop.controllers.project import ProjectController
from desktop.controllers.ratings import RATINGS_FILTER, RatingsController
from desktop.controllers.tables import TABLE_PATTERNS, TableController
from desktop.conventions import Conventions
from desktop.dialogs.about import show_about
from desktop.dialogs.columns import ColumnMappingDialog
from desktop.dialogs.paste import PasteDialog
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.models.sources import SourcesModel
from desktop.plain_text import install_plain_tool_tips
from desktop.settings import AppSettings
from desktop.views import available_views
from desktop.widgets.events_panel import EventsPanel
from desktop.widgets.sources_panel import SourcesPanel

__all__ = ["ARTICLE_FILTER", "MainWindow"]

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.json *.docx *.pdf "
    f"{TABLE_PATTERNS});;Tables of articles, one per row ({TABLE_PATTERNS});;All files (*)"
)


class MainWindow(QMainWindow):
    """Slant's main window. Work happens in controllers; this class only wires them."""

    def __init__(
        self, prefs: AppSettings, pool: QThreadPool | None = None, debounce_ms: int | None = None
    ) -> None:
        super().__init__()
        install_plain_tool_tips()  # article text in any tool tip is shown as plain text
        self.setObjectName("main_window")
        self.prefs = prefs
        self.model = SourcesModel(self)
        self.loads = LoadController(self.model, pool, parent=self)
        extra = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
        self.analysis = ComparisonController(pool, parent=self, **extra)
        self.exports = ExportController(pool, self)
        self.project = ProjectController(self.model, prefs, self, pool)
        self.ratings = RatingsController(prefs, pool, self)
        self.tables = TableController(self.model, pool, self)
        self.panel = SourcesPanel(self.model, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Result views")
        self.views: dict[str, QWidget] = {}
        self._unfilled: list[QWidget] = []
        self._shown: ComparisonResult | None = None
        # A child timer (not QTimer.singleShot with a bare callable) so that a fill still
        # queued when the window is destroyed dies with it instead of reaching deleted views.
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_next_view)
        self._after_project: list[str] = []
        self._build_views()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.panel)
        self.events = EventsController(pool, self)
        self.events_panel = EventsPanel(self)
        self.body = QSplitter(Qt.Orientation.Horizontal, self)
        self.body.addWidget(self.events_panel)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(1, 1)
        self.body.setSizes([300, 1100])
        self.splitter.addWidget(self.body)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 700])
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self.acts = build_actions(self, self._slots())
        self._finish_actions()
        self.conventions = Conventions(self)  # undo, F1 guide, toolbar, find, print, zoom
        self._set_busy(False)
        self._connect()
        self.acts.clear_ratings.setEnabled(False)
        self.ratings.restore()
        self.setAcceptDrops(True)
        self.setWindowTitle(self.project.title())
        self._restore_state()
        if prefs.problem:  # damaged saved preferences: defaults are in use, say so
            self.status.setText(prefs.problem)

    # --- building -------------------------------------------------------------------
    def _build_views(self) -> None:
        for spec, factory in available_views():
            view = factory(self.tabs)
            view.setObjectName(spec.key)
            self.tabs.addTab(view, spec.title)
            self.views[spec.key] = view
            signal = getattr(view, "evidence_requested", None)
            if signal is not None and spec.key != "side_by_side":
                signal.connect(self.show_evidence)
            lines = getattr(view, "export_lines_requested", None)
            if lines is not None:
                lines.connect(self.export_lines)

    def _build_status_bar(self) -> None:
        self.status = QLabel("Ready.", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Analysis progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel analysis")
        self.cancel_button.clicked.connect(self.analysis.cancel)
        bar = self.statusBar()
        bar.addWidget(self.status, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _slots(self) -> dict[str, Any]:
        p = self.project
        return {
            "new": p.new, "open_files": self.open_files, "open_url": self.open_url,
            "open_project": p.open, "save": p.save, "save_as": p.save_as, "quit": self.close,
            "paste": self.paste_article, "remove": self.remove_selected,
            "move_up": partial(self.move_selected, -1), "move_down": partial(self.move_selected, 1),
            "settings": self.edit_settings, "rerun": self.request_analysis,
            "cancel": self.analysis.cancel, "about": partial(show_about, self),
            "ratings": self.choose_ratings, "clear_ratings": self.ratings.clear,
        }  # fmt: skip

    def _finish_actions(self) -> None:
        acts = self.acts
        # Delete removes an article only while the sources table has focus.
        self.removeAction(acts.remove)
        acts.remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.panel.addAction(acts.remove)
        self.panel.add_buttons(
            [acts.open_files, acts.open_url, acts.paste, acts.remove, acts.move_up, acts.move_down]
        )
        for index in range(self.tabs.count()):
            action = acts.view_menu.addAction(self.tabs.tabText(index))
            action.setShortcut(f"Ctrl+{index + 1}")
            action.triggered.connect(partial(self.tabs.setCurrentIndex, index))
        for fmt in export_formats():
            action = acts.export_menu.addAction(f"{FORMAT_NAMES.get(fmt, fmt.upper())}…")
            action.triggered.connect(partial(self.export, fmt))
        self._fill_recent()

    def _connect(self) -> None:
        self.model.articles_changed.connect(self.request_analysis)
        self.model.articles_changed.connect(lambda: self.events.consider(self.model.articles()))
        self.events.offered.connect(
            lambda grouping: self.events_panel.offer_grouping(grouping, self.model.articles())
        )
        self.events.withdrawn.connect(self.events_panel.withdraw)
        self.events_panel.picked.connect(self.events.choose)
        self.events.chosen_changed.connect(self.request_analysis)
        self.model.edited.connect(self._push_colours)
        self.project.settings_changed.connect(self.request_analysis)
        self.project.title_changed.connect(self.setWindowTitle)
        self.project.recent_changed.connect(self._fill_recent)
        self.project.message.connect(self.status.setText)
        self.project.opened.connect(self._load_after_project)
        self.analysis.busy_changed.connect(self._set_busy)
        self.analysis.progressed.connect(self._on_progress)
        self.analysis.result_ready.connect(self._on_result)
        self.analysis.failed.connect(self._on_analysis_failed)
        self.analysis.cancelled.connect(lambda: self.status.setText("Analysis cancelled."))
        self.tables.mapping_needed.connect(self._ask_columns)
        self.tables.message.connect(self.status.setText)
        self.tables.rows_skipped.connect(lambda text: self._warn("Some rows skipped", text))
        self.ratings.changed.connect(self._on_ratings)
        self.ratings.message.connect(self.status.setText)
        self.ratings.failed.connect(lambda text: self._warn("Outlet ratings", text))
        self.ratings.skipped_rows.connect(lambda text: self._warn("Outlet ratings", text))
        self.exports.finished.connect(lambda path: self.status.setText(f"Exported {path}."))
        self.exports.failed.connect(partial(QMessageBox.warning, self, "Export failed"))

    # --- sources --------------------------------------------------------------------
    def open_sources(self, sources: list[str]) -> None:
        """Open ``.slant`` projects as projects and everything else as articles."""
        projects = [s for s in sources if s.endswith(PROJECT_SUFFIX)]
        articles = [s for s in sources if not s.endswith(PROJECT_SUFFIX)]
        if projects and self.project.open(Path(projects[0])):
            self._after_project = articles  # it opens off the GUI thread: add these after
        elif articles:
            self._load_articles(articles)

    def _load_articles(self, sources: list[str]) -> None:
        """Files and URLs one article each; a CSV or JSONL table gives one per row."""
        for table in (s for s in sources if is_table(s)):
            self.tables.open(table)
        if singles := [s for s in sources if not is_table(s)]:
            self.loads.load(singles)

    def _ask_columns(self, key: int, path: str, columns: TableColumns) -> None:
        dialog = ColumnMappingDialog(path, columns, self)
        if dialog.exec():
            self.tables.load(key, path, dialog.mapping())
        else:
            self.tables.drop(key)

    def _load_after_project(self, _opened: bool) -> None:
        articles, self._after_project = self._after_project, []
        if articles:
            self._load_articles(articles)

    def show_sample(self) -> None:
        """Load the built-in sample comparison as an untouched, untitled project."""
        self.loads.idle.connect(self.project.mark_clean, Qt.ConnectionType.SingleShotConnection)
        self.loads.idle.connect(
            self.conventions.history.reset, Qt.ConnectionType.SingleShotConnection
        )  # the sample is where the history starts
        self.loads.load_sample()

    def open_files(self) -> None:
        """File ▸ Open Articles: pick several files."""
        names, _ = QFileDialog.getOpenFileNames(
            self, "Open Articles", self.prefs.last_folder, ARTICLE_FILTER
        )
        if names:
            self.prefs.last_folder = str(Path(names[0]).parent)
            self.open_sources(names)

    def open_url(self) -> None:
        """File ▸ Open URL: one or more web addresses, one per line."""
        text, ok = QInputDialog.getMultiLineText(
            self, "Open URLs", "Web addresses of the articles, one per line:"
        )
        urls = list(dict.fromkeys(u.strip() for u in text.splitlines() if u.strip()))
        if ok and urls:
            self.loads.load(urls)

    def paste_article(self) -> None:
        """Edit ▸ Paste as Article."""
        dialog = PasteDialog(self)
        if dialog.exec() and dialog.article is not None:
            self.model.add_article(dialog.article)

    def remove_selected(self) -> None:
        """Remove the selected sources."""
        self.model.remove_rows_at(self.panel.selected_rows())

    def move_selected(self, delta: int) -> None:
        """Move the current source up or down."""
        rows = self.panel.selected_rows()
        if rows:
            self.panel.select_row(self.model.move_row(rows[0], delta))

    def edit_settings(self) -> None:
        """Edit ▸ Settings."""
        dialog = SettingsDialog(self.project.settings, self)
        if dialog.exec():
            self.project.set_settings(dialog.settings)

    def choose_ratings(self) -> None:
        """File ▸ Outlet Ratings: pick your own ratings file (Slant bundles none)."""
        start = self.prefs.ratings_file or self.prefs.last_folder
        name, _ = QFileDialog.getOpenFileName(self, "Outlet Ratings", start, RATINGS_FILTER)
        if name:
            self.ratings.choose(name)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _on_ratings(self, ratings: Ratings | None) -> None:
        self.model.set_ratings(ratings)
        self.analysis.set_ratings(ratings)
        self.acts.clear_ratings.setEnabled(ratings is not None)

    def export(self, fmt: str) -> None:
        """File ▸ Export ▸ format."""
        result = self.analysis.result
        if result is None:
            self.status.setText("Nothing to export yet: add at least two articles.")
            return
        self.exports.ask_and_export(self, result, fmt, self.prefs.last_folder)

    def export_lines(self, lines: object, outlets: object) -> None:
        """Terms ▸ Export Lines: save the keyword-in-context lines shown, as CSV."""
        if isinstance(lines, tuple) and isinstance(outlets, dict) and lines:
            self.exports.ask_and_export_lines(self, lines, outlets, self.prefs.last_folder)

    # --- analysis -------------------------------------------------------------------
    def request_analysis(self) -> None:
        """(Re-)run the analysis on the loaded articles, debounced."""
        self.analysis.request(self.events.filter(self.model.articles()), self.project.settings)

    def show_evidence(self, article_id: str, start: int, end: int) -> None:
        """Route a view's evidence request to the side-by-side view."""
        view = self.views.get("side_by_side")
        if view is not None:
            self.tabs.setCurrentWidget(view)
            view.show_evidence(article_id, start, end)  # type: ignore[attr-defined]

    def _on_result(self, result: ComparisonResult | None) -> None:
        # The visible view first; the others one per event-loop turn, so that filling
        # all of them never blocks the GUI in one piece. A newer result restarts the queue.
        current = self.tabs.currentWidget()
        self._unfilled = sorted(self.views.values(), key=lambda v: v is not current)
        self._shown = result
        self._fill_next_view()
        self._push_colours()
        if result is None:
            self.status.setText("Add at least two articles to compare them.")
        else:
            self.status.setText(f"Compared {len(result.articles)} articles.")

    def _fill_next_view(self) -> None:
        if self._unfilled:
            self._unfilled.pop(0).set_result(self._shown)  # type: ignore[attr-defined]
            if self._unfilled:
                self._fill_timer.start()

    def _on_analysis_failed(self, message: str) -> None:
        self.status.setText(f"The analysis failed: {message}")

    def _on_progress(self, percent: int, label: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(f"{label}…" if label else "Analysing…")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.acts.cancel.setEnabled(busy) if hasattr(self, "actions") else None
        if busy:
            self.progress.setValue(0)

    def _push_colours(self) -> None:
        colours = self.model.colours()
        for view in self.views.values():
            setter = getattr(view, "set_colours", None)
            if setter is not None:
                setter(colours)

    # --- recent projects, drag and drop, state ----------------------------------------
    def _fill_recent(self) -> None:
        menu = self.acts.recent_menu
        menu.clear()
        for path in self.prefs.recent_projects:
            menu.addAction(path).triggered.connect(partial(self.project.open, Path(path)))
        menu.setEnabled(bool(self.prefs.recent_projects))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        sources = [u.toLocalFile() if u.isLocalFile() else u.toString() for u in urls]
        if sources:
            event.acceptProposedAction()
            self.open_sources(sources)

    def _restore_state(self) -> None:
        if (geometry := self.prefs.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if (state := self.prefs.splitter("main")) is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.project.maybe_save():
            event.ignore()
            return
        self.analysis.cancel()
        self.loads.cancel_all()  # a slow download would otherwise keep the process alive
        self.prefs.geometry = QByteArray(self.saveGeometry())
        self.prefs.set_splitter("main", QByteArray(self.splitter.saveState()))
        self.prefs.sync()
        event.accept()
