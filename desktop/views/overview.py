"""Overview: the key findings first, each with buttons that show its evidence.

With no result it says what to do (drop articles, or open them); on the built-in sample
a banner says that its outlets and events are fictional.
"""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from analysis.present import snippet
from analysis.present.labels import SAMPLE_BANNER, leans_text
from analysis.result import ComparisonResult
from desktop.models.findings import EVIDENCE_ROLE, PASSAGE_ROLE, FindingsModel

__all__ = ["EMPTY_TEXT", "SAMPLE_BANNER", "OverviewView"]

EMPTY_TEXT = (
    "Drop articles here — files, saved web pages or links — or use File ▸ Open Articles "
    "or Edit ▸ Paste as Article. Slant compares two or more outlets' articles on one event."
)


def _plain(text: str, parent: QWidget, *, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # article words are never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class OverviewView(QWidget):
    """The first tab: numbered key findings; their evidence buttons select the passage."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.banner = _plain(SAMPLE_BANNER, self, name="sample_banner")
        self.banner.setStyleSheet(
            "QLabel { background: #fff4c2; color: #3d3000; padding: 6px; border-radius: 3px; }"
        )
        self.empty = _plain(EMPTY_TEXT, self, name="empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("QLabel { font-size: 15px; color: palette(mid); padding: 40px; }")
        self.leans = _plain("", self, name="outlet_leans")
        self.heading = QLabel("Key findings", self)
        self.heading.setStyleSheet("QLabel { font-size: 16px; font-weight: 600; }")
        self.body = QWidget(self)
        self.items = QVBoxLayout(self.body)
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.empty, self.leans, self.heading):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        self.buttons: list[QPushButton] = []
        self.set_result(None)

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the findings of ``result``; None shows what to do instead."""
        self.model.set_result(result)
        while (item := self.items.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.buttons = []
        self.banner.setVisible(self.model.sample)
        self.empty.setVisible(result is None)
        self.heading.setVisible(result is not None)
        self.leans.setText(leans_text(result))
        self.leans.setVisible(bool(self.leans.text()))
        for row in range(self.model.rowCount()):
            self.items.addWidget(self._finding(row))
        if result is not None and not self.model.rowCount():
            self.items.addWidget(
                _plain("No difference between the outlets passed the rules' bars.", self.body)
            )

    def _finding(self, row: int) -> QWidget:
        index = self.model.index(row)
        box = QFrame(self.body)
        box.setObjectName(f"finding_{row}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 6, 4, 6)
        lay.addWidget(_plain(f"{row + 1}. {self.model.data(index)}", box))
        links = QHBoxLayout()
        links.addWidget(QLabel("Evidence:", box))
        evidence = self.model.data(index, EVIDENCE_ROLE)
        words = self.model.data(index, PASSAGE_ROLE)
        seen: dict[str, int] = {}
        for (label, article, start, end), passage in zip(evidence, words, strict=True):
            # One outlet cited several times: number its links so they tell apart.
            seen[label] = seen.get(label, 0) + 1
            repeats = sum(1 for e in evidence if e[0] == label) > 1
            shown = f"{label} {seen[label]}" if repeats else label
            button = QPushButton(shown, box)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(
                "QPushButton { color: palette(link); text-decoration: underline; }"
            )
            # Escaped into rich text: article words are never read as markup.
            tip = html.escape(snippet(passage, 300))
            button.setToolTip(f"<p>{tip}</p><p><i>Click to show it side by side.</i></p>")
            button.setAccessibleName(f"Evidence in {label}")
            button.clicked.connect(partial(self.evidence_requested.emit, article, start, end))
            links.addWidget(button)
            self.buttons.append(button)
        links.addStretch(1)
        lay.addLayout(links)
        return box
