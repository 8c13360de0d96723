"""Edit ▸ Paste as Article: text, outlet and headline typed or pasted by the user."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from analysis.errors import LoadError
from analysis.model import Article

__all__ = ["PasteDialog"]


class PasteDialog(QDialog):
    """Collects pasted text and turns it into an :class:`Article` on OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as Article")
        self.article: Article | None = None
        self.outlet = QLineEdit(self)
        self.outlet.setAccessibleName("Outlet")
        self.outlet.setPlaceholderText("e.g. Daily Herald")
        self.headline = QLineEdit(self)
        self.headline.setAccessibleName("Headline")
        self.headline.setPlaceholderText("Leave empty to use the first line of the text")
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Article text")
        self.text.setPlaceholderText("Paste the article here; blank lines separate paragraphs.")
        self.text.setPlainText(QGuiApplication.clipboard().text())
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(highlight);")
        form = QFormLayout()
        form.addRow("&Outlet:", self.outlet)
        form.addRow("&Headline:", self.headline)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def accept(self) -> None:
        """Build the article; keep the dialog open with the reason if the text is unusable."""
        from analysis.ingest import load_pasted

        try:
            self.article = load_pasted(
                self.text.toPlainText(),
                outlet=self.outlet.text().strip() or None,
                title=self.headline.text().strip() or None,
            )
        except LoadError as exc:
            message = exc.message[:1].upper() + exc.message[1:]
            self.error.setText(message)
            return
        super().accept()
