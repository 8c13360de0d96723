"""Many articles from one CSV or JSONL file, off the GUI thread.

Opening a table first reads its columns (:func:`analysis.ingest.table.table_columns`). When
no column is named like an article's text, :attr:`TableController.mapping_needed` asks the
window for a column mapping; then every row is loaded
(:func:`analysis.ingest.table.load_table`). The good rows become articles; the rows that were
skipped (and texts already open) are listed in one message, never one box per row.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from analysis.ingest.table import TableColumns, TableLoad
from desktop.controllers.load import describe_error
from desktop.models.sources import SourcesModel
from desktop.tasks import Task

__all__ = ["TABLE_PATTERNS", "TableController", "rows_message"]

TABLE_PATTERNS = "*.csv *.tsv *.jsonl *.ndjson"
_SHOWN = 10


def _columns(path: str, **_: object) -> TableColumns:
    from analysis.ingest.table import table_columns

    return table_columns(path)


def _rows(path: str, columns: dict[str, str], **_: object) -> TableLoad:
    from analysis.ingest.table import load_table

    return load_table(path, columns=columns)


def rows_message(name: str, loaded: int, problems: list[str]) -> str:
    """One message: how many rows became articles, then the skipped rows (the first ten)."""
    head = f"{name}: {loaded} article{'s' if loaded != 1 else ''} loaded"
    if not problems:
        return head + "."
    count = len(problems)
    lines = [f"{head}; {count} row{'s' if count != 1 else ''} skipped:"]
    lines += [f"• {p}" for p in problems[:_SHOWN]]
    if count > _SHOWN:
        lines.append(f"… and {count - _SHOWN} more.")
    return "\n".join(lines)


class TableController(QObject):
    """Loads a table file into the sources model, one pending row while it works."""

    #: No text column was found: (pending key, path, TableColumns). Answer with
    #: :meth:`load` (the user's mapping) or :meth:`drop` (cancelled).
    mapping_needed = Signal(int, str, object)
    #: Some rows were skipped: one message listing them.
    rows_skipped = Signal(str)
    #: One sentence for the status bar.
    message = Signal(str)

    def __init__(
        self, model: SourcesModel, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: dict[int, Task] = {}

    def open(self, path: str) -> None:
        """Read the table's columns, then load its rows (asking for a mapping if needed)."""
        key = self._model.add_pending(path)
        self._start(key, Task(partial(_columns, path)), partial(self._on_columns, key, path))

    def load(self, key: int, path: str, columns: dict[str, str]) -> None:
        """Load every row of ``path`` with the field → column ``columns``."""
        self._start(key, Task(partial(_rows, path, dict(columns))), partial(self._on_rows, key))

    def drop(self, key: int) -> None:
        """Forget a table whose mapping the user cancelled."""
        self._model.remove_rows_at([self._model.row_of(key)])
        self.message.emit("Nothing loaded from the table.")

    def is_busy(self) -> bool:
        """Whether a table is being read."""
        return bool(self._tasks)

    def _start(self, key: int, task: Task, done: partial[None]) -> None:
        self._tasks[key] = task
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(partial(self._on_failed, key))
        self._pool.start(task)

    def _on_columns(self, key: int, path: str, table: object) -> None:
        self._tasks.pop(key, None)
        if not isinstance(table, TableColumns) or self._model.row_of(key) < 0:
            return
        if table.needs_mapping:
            self.mapping_needed.emit(key, path, table)
        else:
            self.load(key, path, {})

    def _on_rows(self, key: int, table: object) -> None:
        self._tasks.pop(key, None)
        row = self._model.row_of(key)
        if not isinstance(table, TableLoad) or row < 0:
            return
        name = Path(self._model.entries()[row].source).name
        problems = list(table.problems)
        open_ids = {a.id: a.outlet for a in self._model.articles()}
        fresh = tuple(a for a in table.articles if a.id not in open_ids)
        for article in table.articles:
            if article.id in open_ids:
                where = article.source.rpartition("#")[2].replace("row", "row ")
                problems.append(f"{where}: the same text is already open ({open_ids[article.id]}).")
        self._model.replace_pending(key, fresh)  # one undo step, one re-run
        text = rows_message(name, len(fresh), problems)
        self.message.emit(text.splitlines()[0])
        if problems:
            self.rows_skipped.emit(text)

    def _on_failed(self, key: int, exc: object) -> None:
        self._tasks.pop(key, None)
        message = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
        self._model.set_failed(key, message)
