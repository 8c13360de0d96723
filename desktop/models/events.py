"""A list model of events: "All articles" first, then each event of a grouping.

Text is article-derived and shown as plain text (item views never interpret markup).
Events of one article are listed but cannot be picked: there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from analysis.events import Event, EventGrouping
from analysis.model import Article

__all__ = ["EVENT_ID_ROLE", "EventsModel"]

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractListModel):
    """Row 0 is "All articles"; rows 1… are the events in grouping order."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._events: tuple[Event, ...] = ()
        self._articles: dict[str, Article] = {}

    def set_grouping(self, grouping: EventGrouping | None, articles: Sequence[Article]) -> None:
        """Show a grouping (None empties the list)."""
        self.beginResetModel()
        self._events = grouping.events if grouping is not None else ()
        self._articles = {a.id: a for a in articles}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._events else len(self._events) + 1

    def row_of(self, event_id: str | None) -> int:
        """The row showing an event (0 for None, "All articles"), or -1."""
        if event_id is None:
            return 0
        ids = [e.id for e in self._events]
        return ids.index(event_id) + 1 if event_id in ids else -1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() > 0 and len(self._events[index.row() - 1].articles) < 2:
            return Qt.ItemFlag.NoItemFlags  # shown, not pickable: one article
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.row() == 0:
            return self._all_row(role)
        event = self._events[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._line(i) for i in event.articles)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._label(event).replace("\n", ". ")
        if role == EVENT_ID_ROLE:
            return event.id
        return None

    def _all_row(self, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"All articles ({len(self._articles)}), compared together"
        return None

    def _label(self, event: Event) -> str:
        outlets = list(dict.fromkeys(self._outlet(i) for i in event.articles))
        shown = ", ".join(outlets[:3]) + (f" +{len(outlets) - 3}" if len(outlets) > 3 else "")
        dates = event.first_date or "no date"
        if event.last_date and event.last_date != event.first_date:
            dates += f" – {event.last_date}"
        count = len(event.articles)
        noun = "article" if count == 1 else "articles"
        return f"{event.headline or '(no headline)'}\n{count} {noun} · {shown} · {dates}"

    def _outlet(self, article_id: str) -> str:
        article = self._articles.get(article_id)
        return article.outlet if article else "?"

    def _line(self, article_id: str) -> str:
        article = self._articles.get(article_id)
        return f"{article.outlet}: {article.title}" if article else article_id
