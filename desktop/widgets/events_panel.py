"""The Events panel beside the result views: an offer to group, then the list of events.

Hidden until the events controller finds two or more events among the open articles.
It first shows the offer ("9 articles report 3 events. Compare each event on its own?");
"Group by event" shows the list, and picking a row emits :attr:`EventsPanel.picked`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from analysis.events import EventGrouping
from analysis.model import Article
from desktop.models.events import EVENT_ID_ROLE, EventsModel

__all__ = ["EventsPanel"]


class EventsPanel(QWidget):
    """Offer, then list, the events of the open articles."""

    picked = Signal(object)  # event id, or None for all articles
    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("events_panel")
        self.model = EventsModel(self)
        self.title = QLabel("<b>Events</b>", self)
        self.offer = QLabel(self)
        self.offer.setWordWrap(True)
        self.offer.setTextFormat(Qt.TextFormat.PlainText)
        self.group_button = QPushButton("Group by event", self)
        self.group_button.setAccessibleName("Group the articles by event")
        self.dismiss_button = QPushButton("Not now", self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Events")
        self.list.setAccessibleDescription("Pick an event to compare its articles only")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self._offer_box(), 1)
        layout.addWidget(self.list, 1)
        self.group_button.clicked.connect(self.show_events)
        self.dismiss_button.clicked.connect(self.withdraw)
        self.list.selectionModel().selectionChanged.connect(self._on_selection)
        self.setMinimumWidth(240)
        self.withdraw()

    def _offer_box(self) -> QWidget:
        # The offer and its buttons sit at the top of their own box, which takes the
        # list's place (and its space) until the user answers.
        self.offer_box = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.group_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.offer_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.offer)
        box.addLayout(buttons)
        box.addStretch(1)
        return self.offer_box

    def offer_grouping(self, grouping: EventGrouping, articles: Sequence[Article]) -> None:
        """Show the offer for a grouping of the open articles."""
        self.model.set_grouping(grouping, articles)
        several = len(grouping.multi_article())
        singles = len(grouping.events) - several
        extra = f", and {singles} more with one article each" if singles else ""
        self.offer.setText(
            f"These {len(articles)} articles report {several} different events{extra}. "
            "Compare each event on its own?"
        )
        self._show(offer=True)
        self.show()

    def show_events(self) -> None:
        """Switch from the offer to the list of events ("All articles" selected)."""
        self._show(offer=False)
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.accepted.emit()

    def withdraw(self) -> None:
        """Hide the panel (nothing to offer, or the user declined)."""
        self.model.set_grouping(None, ())
        self.hide()
        self.picked.emit(None)

    def _show(self, *, offer: bool) -> None:
        self.offer_box.setVisible(offer)
        self.list.setVisible(not offer)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.picked.emit(indexes[0].data(EVENT_ID_ROLE))
