"""The sources table: one row per source the user added, loaded or not.

Rows hold :class:`SourceEntry` values (frozen); every edit replaces an entry. The model is
the document's list of articles: :meth:`SourcesModel.articles` gives the loaded ones in the
user's order, and :attr:`SourcesModel.articles_changed` fires whenever that tuple (ids,
order or outlet names) changes, which is what re-runs the analysis.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from analysis.leans import outlet_leans
from analysis.model import Article
from analysis.present.articles import articles_table
from analysis.present.tables import Cell
from analysis.ratings import Ratings
from desktop.colours import outlet_colour

__all__ = ["EVIDENCE_ROLE", "Column", "SourceEntry", "SourceState", "SourcesModel"]

#: ``(article id, start, end)`` a loaded article's outlet and word count point at: its
#: first shown passage, the reports' link target (:func:`analysis.present.articles.first_passage`).
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
# The loaded articles and ratings an overview was built for, and its cells by id and header.
_Overview = tuple[tuple[Article, ...], Ratings | None, dict[str, dict[str, Cell]]]


class SourceState(enum.Enum):
    """Where a source is in its life."""

    LOADING = "loading"
    LOADED = "loaded"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One row: a source and, once loaded, its article (or the reason it failed)."""

    key: int
    source: str
    state: SourceState
    colour: str
    article: Article | None = None
    error: str | None = None


class Column(enum.IntEnum):
    """Columns of the sources table."""

    OUTLET = 0
    LEAN = 1
    COLOUR = 2
    HEADLINE = 3
    DATE = 4
    WORDS = 5
    SOURCE = 6
    STATUS = 7


_HEADERS = {
    Column.OUTLET: "Outlet",
    Column.LEAN: "Lean",
    Column.COLOUR: "Colour",
    Column.HEADLINE: "Headline",
    Column.DATE: "Date",
    Column.WORDS: "Words",
    Column.SOURCE: "Source",
    Column.STATUS: "Status",
}


class SourcesModel(QAbstractTableModel):
    """Table model of the sources; the outlet column is editable."""

    articles_changed = Signal()
    #: Emitted for any change a project file would record (colours included).
    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[SourceEntry] = []
        self._keys = itertools.count(1)
        self._ratings: Ratings | None = None
        # The loaded articles' overview cells (analysis.present), built once per change.
        self._overview: _Overview | None = None

    # --- reading --------------------------------------------------------------------
    def entries(self) -> tuple[SourceEntry, ...]:
        """All rows in order."""
        return tuple(self._entries)

    def articles(self) -> tuple[Article, ...]:
        """The loaded articles in the user's order."""
        return tuple(e.article for e in self._entries if e.article is not None)

    def colours(self) -> dict[str, str]:
        """Colour of each loaded article, by article id."""
        return {e.article.id: e.colour for e in self._entries if e.article is not None}

    def row_of(self, key: int) -> int:
        """Return the row of the entry with ``key``, or -1."""
        return next((i for i, e in enumerate(self._entries) if e.key == key), -1)

    @property
    def ratings(self) -> Ratings | None:
        """The user's outlet ratings the Lean column shows, or None (the column is empty)."""
        return self._ratings

    def set_ratings(self, ratings: Ratings | None) -> None:
        """Show each loaded article's outlet lean from ``ratings`` (None: no leans)."""
        self._ratings = ratings
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.LEAN, Column.LEAN)
        if self._entries:
            last = len(self._entries) - 1
            self.dataChanged.emit(self.index(0, Column.LEAN), self.index(last, Column.LEAN))

    def is_busy(self) -> bool:
        """Whether any source is still loading."""
        return any(e.state is SourceState.LOADING for e in self._entries)

    # --- changing -------------------------------------------------------------------
    def add_pending(self, source: str) -> int:
        """Append a row for a source that is being loaded; return its key."""
        entry = SourceEntry(next(self._keys), source, SourceState.LOADING, self._next_colour())
        self._append(entry)
        return entry.key

    def add_article(self, article: Article, colour: str | None = None) -> int:
        """Append an already loaded article (pasted text, a project); return its key."""
        key = self.add_pending(article.source)
        if colour:
            self._replace(self.row_of(key), colour=colour)
        self.set_loaded(key, article)
        return key

    def set_loaded(self, key: int, article: Article) -> None:
        """Store the article of a pending row (a duplicate of another row fails instead)."""
        row = self.row_of(key)
        if row < 0:
            return  # removed while it was loading
        twin = next((e for e in self._entries if e.article and e.article.id == article.id), None)
        if twin is not None:
            name = twin.article.outlet if twin.article else twin.source
            self.set_failed(key, f"The same text is already loaded (as {name}).")
            return
        self._replace(row, state=SourceState.LOADED, article=article, error=None)
        self.articles_changed.emit()

    def replace_pending(self, key: int, articles: tuple[Article, ...]) -> None:
        """Put loaded ``articles`` where the pending row ``key`` was (a table of articles).

        One change for the undo history and one re-run, however many rows the table had.
        Articles whose text is already loaded must be left out by the caller.
        """
        row = self.row_of(key)
        if row < 0:
            return  # removed while it was loading
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self.endRemoveRows()
        entries: list[SourceEntry] = []
        for article in articles:
            used = {e.colour for e in (*self._entries, *entries)}
            colour = _free_colour(used, len(self._entries) + len(entries))
            entries.append(
                SourceEntry(next(self._keys), article.source, SourceState.LOADED, colour, article)
            )
        if entries:
            self.beginInsertRows(QModelIndex(), row, row + len(entries) - 1)
            self._entries[row:row] = entries
            self.endInsertRows()
        self.edited.emit()
        if entries:
            self.articles_changed.emit()

    def set_failed(self, key: int, reason: str) -> None:
        """Mark a pending row as failed with a one-sentence reason."""
        row = self.row_of(key)
        if row >= 0:
            self._replace(row, state=SourceState.FAILED, article=None, error=reason)

    def remove_rows_at(self, rows: list[int]) -> None:
        """Remove rows (any order); emits :attr:`articles_changed` if an article went."""
        had_article = False
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._entries):
                had_article |= self._entries[row].article is not None
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()
        self.edited.emit()
        if had_article:
            self.articles_changed.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); return its new row (unchanged at the ends)."""
        target = row + delta
        if not (0 <= row < len(self._entries) and 0 <= target < len(self._entries)):
            return row
        dest = target + 1 if delta > 0 else target  # Qt counts the destination before removal
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._entries.insert(target, self._entries.pop(row))
        self.endMoveRows()
        self.edited.emit()
        self.articles_changed.emit()
        return target

    def set_colour(self, row: int, colour: str) -> None:
        """Change a row's colour (``#rrggbb``)."""
        if 0 <= row < len(self._entries):
            self._replace(row, colour=colour)

    def restore(self, entries: tuple[SourceEntry, ...]) -> None:
        """Replace every row by ``entries`` (undo and redo); sources still loading stay."""
        before = self.articles()
        loading = [e for e in self._entries if e.state is SourceState.LOADING]
        self.beginResetModel()
        self._entries = [*entries, *(e for e in loading if e.key not in {x.key for x in entries})]
        self.endResetModel()
        self.edited.emit()
        if self.articles() != before:
            self.articles_changed.emit()

    def clear(self) -> None:
        """Remove every row."""
        self.beginResetModel()
        had = bool(self.articles())
        self._entries.clear()
        self.endResetModel()
        self.edited.emit()
        if had:
            self.articles_changed.emit()

    # --- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if section == Column.LEAN and self._ratings is not None:
                return f"Lean ({self._ratings.name})"
            return _HEADERS[Column(section)]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._entries):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        entry = self._entries[index.row()]
        if index.column() == Column.OUTLET and entry.article is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if column == Column.LEAN:
            return self._lean_data(entry, role)
        if role == Qt.ItemDataRole.EditRole and column == Column.OUTLET and entry.article:
            return entry.article.outlet  # renaming edits the outlet, not its label
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _display(entry, column, self._cells(entry))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column, self._cells(entry))
        if role == EVIDENCE_ROLE:
            cell = self._cells(entry).get(_HEADERS[column])
            return None if cell is None else cell.evidence
        if role == Qt.ItemDataRole.DecorationRole and column == Column.COLOUR:
            # a source that failed to load has no column or bars to colour
            return None if entry.state is SourceState.FAILED else QColor(entry.colour)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = _display(entry, column, self._cells(entry))
            return f"{_HEADERS[column]}: {shown or 'empty'}"
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        entry = self._entries[index.row()]
        name = str(value).strip()
        if index.column() != Column.OUTLET or entry.article is None or not name:
            return False
        if name == entry.article.outlet:
            return True
        self._replace(index.row(), article=entry.article.with_outlet(name))
        self.articles_changed.emit()
        return True

    # --- internals ------------------------------------------------------------------
    def _lean_data(self, entry: SourceEntry, role: int) -> Any:
        ratings = self._ratings
        lean = self._cells(entry).get("Lean")
        shown = "" if lean is None else lean.text
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.ToolTipRole and ratings is not None:
            return f"From your ratings file {ratings.name} (File ▸ Outlet Ratings)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Choose your own outlet ratings in File ▸ Outlet Ratings; none is bundled"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Lean: {shown or 'no ratings'}"
        return None

    def _cells(self, entry: SourceEntry) -> dict[str, Cell]:
        """The entry's cells of the present articles overview, by header (none unloaded).

        The reports' "Articles" table reads the same cells
        (:func:`analysis.present.articles.articles_table`): label, headline, date, source.
        """
        if entry.article is None:
            return {}
        articles, ratings = self.articles(), self._ratings
        shown = self._overview
        if shown is None or shown[0] != articles or shown[1] is not ratings:
            leans = None if ratings is None else outlet_leans(articles, ratings)
            table = articles_table(articles, leans)
            rows = zip(articles, table.rows, strict=True)
            cells = {a.id: dict(zip(table.headers, row, strict=True)) for a, row in rows}
            shown = self._overview = (articles, ratings, cells)
        return shown[2].get(entry.article.id, {})

    def _append(self, entry: SourceEntry) -> None:
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()
        self.edited.emit()

    def _replace(self, row: int, **changes: Any) -> None:
        self._entries[row] = replace(self._entries[row], **changes)
        left, right = self.index(row, 0), self.index(row, len(Column) - 1)
        self.dataChanged.emit(left, right)
        self.edited.emit()

    def _next_colour(self) -> str:
        """The first palette colour no row uses yet (cycling once the palette is used up)."""
        return _free_colour({e.colour for e in self._entries}, len(self._entries))


def _free_colour(used: set[str], rows: int) -> str:
    for index in range(rows + 1):
        if outlet_colour(index) not in used:
            return outlet_colour(index)
    return outlet_colour(rows)


def _display(entry: SourceEntry, column: Column, cells: dict[str, Cell]) -> str | None:
    if column == Column.STATUS:
        return {
            SourceState.LOADING: "Loading…",
            SourceState.LOADED: "Loaded",
            SourceState.FAILED: f"⚠ {entry.error}",
        }[entry.state]
    if column == Column.COLOUR:
        return "" if entry.state is SourceState.FAILED else entry.colour
    cell = cells.get(_HEADERS[column])
    if cell is not None:
        return cell.text
    if column == Column.SOURCE:
        return entry.source  # still loading, or failed: what the user added
    return "" if column != Column.OUTLET else "—"


def _tooltip(entry: SourceEntry, column: Column, cells: dict[str, Cell]) -> str | None:
    if entry.state is SourceState.FAILED:
        return entry.error
    if column == Column.OUTLET and entry.article is not None:
        return "Double-click to rename the outlet"
    cell = cells.get(_HEADERS[column])
    return cell.tooltip or None if cell is not None else None
