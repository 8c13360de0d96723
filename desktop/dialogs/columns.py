"""Which column holds what, for a CSV or JSONL file of articles.

Shown when no column is named like an article's text (Media Cloud and news APIs name their
columns differently); the columns Slant does recognise are picked already.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from analysis.ingest.table import FIELDS, TableColumns

__all__ = ["FIELD_LABELS", "ColumnMappingDialog"]

#: What each article field is called in the dialog.
FIELD_LABELS = {
    "text": "Article text (required)",
    "title": "Headline",
    "outlet": "Outlet",
    "url": "Web address",
    "date": "Date",
    "author": "Author",
}
_NONE = "(none)"


class ColumnMappingDialog(QDialog):
    """One list of the file's columns per article field; OK needs the text column."""

    def __init__(self, path: str, table: TableColumns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Columns of the articles")
        self.setObjectName("column_mapping")
        intro = QLabel(
            f"{Path(path).name} holds one article per row, but no column is named like an "
            "article's text (text, body, content …). Pick the column that holds each part; "
            "rows without text are skipped and listed.",
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.boxes: dict[str, QComboBox] = {}
        for field in FIELDS:
            box = QComboBox(self)
            box.setAccessibleName(FIELD_LABELS[field])
            box.addItem(_NONE, "")
            for column in table.columns:
                example = table.example.get(column, "")
                box.addItem(f"{column}  —  {example[:40]}" if example else column, column)
                box.setItemData(box.count() - 1, example or "(empty in the first row)", 3)
            found = table.found.get(field)
            box.setCurrentIndex(max(0, box.findData(found)) if found else 0)
            box.currentIndexChanged.connect(self._check)
            form.addRow(FIELD_LABELS[field] + ":", box)
            self.boxes[field] = box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Load Articles")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._check()

    def mapping(self) -> dict[str, str]:
        """Field → column for every field given a column."""
        return {f: str(b.currentData()) for f, b in self.boxes.items() if b.currentData()}

    def _check(self, *_: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.boxes["text"].currentData()))
