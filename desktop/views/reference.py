"""By outlet: one outlet's passages in its own order, each with its counterparts elsewhere.

The reference-outlet mode of side by side, for comparisons too wide for one column per
outlet: pick an outlet and read down its text; under each passage, who carries it word for
word, who edits or paraphrases it or shares a fact of it (with their words), and where it
is not found. Every outlet name links to its passage (the app shows it side by side).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from analysis.omission import CellKind
from analysis.present.reference import ReferencePassage, ReferenceView, reference_view
from analysis.result import ComparisonResult

__all__ = ["ReferenceOutletView"]

_KINDS = (
    (CellKind.VERBATIM, "= Word for word in"),
    (CellKind.EDITED, "≈ Edited in"),
    (CellKind.PARAPHRASE, "~ Paraphrased in"),
    (CellKind.PARTIAL, "∩ A fact of it in"),
)


class ReferenceOutletView(QWidget):
    """One outlet's passages with their counterparts; keeps the view contract."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reference")
        self._result: ComparisonResult | None = None
        self._links: list[tuple[str, int, int]] = []
        self.view: ReferenceView | None = None
        self.outlet = QComboBox(self)
        self.outlet.setAccessibleName("Reference outlet")
        self.outlet.currentIndexChanged.connect(self._refresh)
        self.only_left_out = QCheckBox("Only passages some outlet leaves out", self)
        self.only_left_out.toggled.connect(self._refresh)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # outlet names are never markup
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Passages of the reference outlet")
        self.browser.anchorClicked.connect(self._on_link)
        top = QHBoxLayout()
        top.addWidget(QLabel("Reference outlet:", self))
        top.addWidget(self.outlet, 1)
        top.addWidget(self.only_left_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self.set_result(None)

    # --- the view contract ----------------------------------------------------------
    def set_result(self, result: ComparisonResult | None) -> None:
        """Show a result (the first outlet as reference), or clear the view."""
        self._result = result
        self.outlet.blockSignals(True)
        self.outlet.clear()
        for article in result.articles if result is not None else ():
            self.outlet.addItem(article.outlet, article.id)
        self.outlet.blockSignals(False)
        self._refresh()

    def set_reference(self, article_id: str) -> None:
        """Make one article the reference (what picking its outlet does)."""
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(article_id)))

    # --- building -------------------------------------------------------------------
    def _refresh(self) -> None:
        self._links = []
        result, aid = self._result, self.outlet.currentData()
        if result is None or len(result.articles) < 2 or not isinstance(aid, str):
            self.view = None
            self.summary.setText("Add at least two articles to read one outlet against the others.")
            self.browser.setHtml("")
            return
        self.view = reference_view(result, aid)
        shown = list(self.view.passages)
        if self.only_left_out.isChecked():
            shown = [p for p in shown if p.missing and not p.only_here]
        self.summary.setText(self._summary(self.view))
        parts = [self._passage(n, p) for n, p in enumerate(shown, 1)]
        self.browser.setHtml("".join(parts) or "<p>No passage to show.</p>")

    def _summary(self, view: ReferenceView) -> str:
        alone = sum(1 for p in view.passages if p.only_here)
        return (
            f"{view.outlet}: {len(view.passages)} passages in its own order; {alone} only "
            f"here, {view.left_out} left out by at least one other outlet. Click an outlet "
            "to see its passage side by side."
        )

    def _link(self, article: str, start: int, end: int, text: str) -> str:
        self._links.append((article, start, end))
        return f'<a href="ev:{len(self._links) - 1}">{escape(text)}</a>'

    def _passage(self, number: int, passage: ReferencePassage) -> str:
        assert self.view is not None
        head = self._link(self.view.article, passage.start, passage.end, f"{number}.")
        lines = []
        for kind, label in _KINDS:
            found = passage.of_kind(kind)
            if not found:
                continue
            if kind is CellKind.VERBATIM:
                names = ", ".join(self._link(c.article, c.start, c.end, c.outlet) for c in found)
                lines.append(f"{escape(label)}: {names}")
                continue
            for c in found:
                outlet = self._link(c.article, c.start, c.end, c.outlet)
                lines.append(f"{escape(label)} {outlet}: “{escape(c.text.strip())}”")
        if passage.only_here:
            lines.append("! Only this outlet: no other asserts any of its facts")
        elif passage.missing:
            lines.append(f"— Not found in: {escape(', '.join(passage.missing))}")
        body = "<br>".join(lines)
        where = escape(passage.position)
        return (
            f"<p><b>{head}</b> {escape(passage.text.strip())} <i>({where})</i></p>"
            f'<p style="margin-left:24px">{body}</p>'
        )

    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if not text.startswith("ev:"):
            return
        index = int(text[3:])
        if 0 <= index < len(self._links):
            self.evidence_requested.emit(*self._links[index])
