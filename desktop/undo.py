"""Undo and redo for the articles: adding, removing, reordering, renaming, colours.

:class:`UndoHistory` watches the sources model rather than wrapping each action: whenever
the model settles (no source still loading) and its rows differ from the last settled
state, it pushes one :class:`SnapshotCommand` onto a :class:`QUndoStack`, named after what
changed ("Remove Daily Blaze", "Rename outlet to …"). Undo and redo put the rows back as
they were, article objects and colours included, so nothing is reloaded from disk or web.
Loading several files at once ends as one step; a new or opened project starts afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.models.sources import SourceEntry, SourcesModel, SourceState

__all__ = ["SnapshotCommand", "UndoHistory", "describe_change"]

Rows = tuple[SourceEntry, ...]


class SnapshotCommand(QUndoCommand):
    """Switches the sources model between the rows before and after one change."""

    def __init__(self, history: UndoHistory, before: Rows, after: Rows, text: str) -> None:
        super().__init__(text)
        self._history = history
        self._before = before
        self._after = after
        self._first = True  # the change has already happened when the command is pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._history.restore(self._after)

    def undo(self) -> None:
        self._history.restore(self._before)


class UndoHistory(QObject):
    """Records settled changes of a :class:`SourcesModel` on an undo stack."""

    def __init__(self, model: SourcesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = QUndoStack(self)
        self._settled: Rows = _stable(model.entries())
        self._restoring = False
        model.edited.connect(self._on_edited)

    def reset(self) -> None:
        """Forget the history (a new or opened project); the current rows are the start."""
        self.stack.clear()
        self._settled = _stable(self.model.entries())

    def restore(self, rows: Rows) -> None:
        """Put the model's rows back to ``rows`` without recording it as a new step."""
        self._restoring = True
        try:
            self.model.restore(rows)
        finally:
            self._restoring = False
        self._settled = _stable(self.model.entries())

    def _on_edited(self) -> None:
        if self._restoring or self.model.is_busy():
            return
        now = _stable(self.model.entries())
        if now == self._settled:
            return
        before, self._settled = self._settled, now
        self.stack.push(SnapshotCommand(self, before, now, describe_change(before, now)))


def _stable(entries: Rows) -> Rows:
    return tuple(e for e in entries if e.state is not SourceState.LOADING)


def _name(entry: SourceEntry) -> str:
    return entry.article.outlet if entry.article is not None else entry.source


def describe_change(before: Rows, after: Rows) -> str:
    """A short name for the change from ``before`` to ``after`` (the Edit menu shows it)."""
    old = {e.key: e for e in before}
    new = {e.key: e for e in after}
    added = [e for e in after if e.key not in old]
    removed = [e for e in before if e.key not in new]
    if added and not removed:
        return f"Add {_name(added[0])}" if len(added) == 1 else f"Add {len(added)} articles"
    if removed and not added:
        return (
            f"Remove {_name(removed[0])}"
            if len(removed) == 1
            else f"Remove {len(removed)} articles"
        )
    if added or removed:
        return "Change articles"
    for key, entry in new.items():
        was = old[key]
        if was.colour != entry.colour:
            return f"Colour of {_name(entry)}"
        old_name = was.article.outlet if was.article is not None else None
        new_name = entry.article.outlet if entry.article is not None else None
        if old_name and new_name and old_name != new_name:
            return f"Rename outlet to {new_name}"
    if [e.key for e in before] != [e.key for e in after]:
        return "Move article"
    return "Change articles"
