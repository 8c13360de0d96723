"""File ▸ Export: renders a report in the background and writes it atomically."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from analysis.result import ComparisonResult
from analysis.terms.kwic import KwicLine
from desktop.controllers.load import describe_error
from desktop.tasks import Task

__all__ = ["FORMAT_NAMES", "ExportController", "export_formats", "file_suffix"]

FORMAT_NAMES = {
    "json": "JSON result",
    "md": "Markdown summary",
    "html": "HTML report",
    "pdf": "PDF report",
    "csv": "CSV tables (zip)",
    "xlsx": "Excel workbook",
}
_SUFFIXES = {"csv": "zip"}  # the CSV export is a zip of several tables


def file_suffix(fmt: str) -> str:
    """The file extension (without dot) an export in ``fmt`` gets."""
    return _SUFFIXES.get(fmt, fmt)


def export_formats() -> tuple[str, ...]:
    """The formats the core can write now (:data:`analysis.reports.FORMATS`)."""
    from analysis.reports import FORMATS

    return tuple(FORMATS)


def _export(result: ComparisonResult, fmt: str, path: Path, **_: object) -> Path:
    from analysis.reports import write_report

    write_report(result, fmt, path)
    return path


def _export_lines(
    lines: Sequence[KwicLine], outlets: Mapping[str, str], path: Path, **_: object
) -> Path:
    from analysis.reports import atomic_write_bytes
    from analysis.terms.kwic_sort import kwic_csv

    atomic_write_bytes(path, kwic_csv(lines, outlets))
    return path


class ExportController(QObject):
    """Writes one report at a time; reports success or the reason it failed."""

    finished = Signal(str)  # path written
    failed = Signal(str)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: set[Task] = set()

    def export(self, result: ComparisonResult, fmt: str, path: Path) -> None:
        """Start writing ``result`` as ``fmt`` to ``path``."""
        self._start(Task(partial(_export, result, fmt, path)))

    def _start(self, task: Task) -> None:
        self._tasks.add(task)
        task.signals.succeeded.connect(partial(self._on_done, task))
        task.signals.failed.connect(partial(self._on_failed, task))
        self._pool.start(task)

    def export_lines(
        self, lines: Sequence[KwicLine], outlets: Mapping[str, str], path: Path
    ) -> None:
        """Start writing keyword-in-context lines, in their order, as CSV to ``path``."""
        self._start(Task(partial(_export_lines, tuple(lines), dict(outlets), path)))

    def ask_and_export_lines(
        self,
        parent: QWidget,
        lines: Sequence[KwicLine],
        outlets: Mapping[str, str],
        folder: str,
    ) -> bool:
        """Ask where to save the KWIC lines (a file dialog), then save them; False if cancelled."""
        start = str(Path(folder) / "keyword-in-context.csv")
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export Lines in Context", start, "CSV file (*.csv)"
        )
        if not name:
            return False
        self.export_lines(lines, outlets, Path(name))
        return True

    def ask_and_export(
        self, parent: QWidget, result: ComparisonResult, fmt: str, folder: str
    ) -> bool:
        """Ask where to save (a file dialog), then export there; False if cancelled."""
        suffix = file_suffix(fmt)
        start = str(Path(folder) / f"comparison.{suffix}")
        kind = FORMAT_NAMES.get(fmt, fmt.upper())
        name, _ = QFileDialog.getSaveFileName(parent, "Export", start, f"{kind} (*.{suffix})")
        if not name:
            return False
        self.export(result, fmt, Path(name))
        return True

    def _on_done(self, task: Task, path: object) -> None:
        self._tasks.discard(task)
        self.finished.emit(str(path))

    def _on_failed(self, task: Task, exc: object) -> None:
        self._tasks.discard(task)
        self.failed.emit(describe_error(exc) if isinstance(exc, BaseException) else str(exc))
