"""The Terms view's loaded-language panel: scores with intervals and the evidence sentences.

Above: one row per outlet with the learned model's score, its 95 % interval and how it
stands against the others ("not distinguishable from …" where intervals overlap; rows stay
in the comparison's order, never ranked). Below: each outlet's most loaded sentences, own
voice and quoted speech apart, with the words that drove the score highlighted. Article
text is inserted as plain text with character formats, never parsed as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from analysis.model import Article
from analysis.present.terms_tables import SCORE_MEANING
from analysis.result import ComparisonResult
from analysis.terms.scores import LoadedScore, LoadedSentence
from desktop.models.terms_loaded import LoadedScoreModel

__all__ = ["LoadedPanel"]

#: The report's colours: loaded in the outlet's own voice, loaded inside a quotation.
OWN_COLOUR = "#f4a6a6"
QUOTED_COLOUR = "#d7c6f2"


class LoadedPanel(QWidget):
    """Scores with intervals, and the most loaded sentences of each outlet."""

    evidence_requested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LoadedScoreModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Loaded-language score by outlet")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # The standing ("below X; not distinguishable from Y, Z") must be read whole.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_activated)
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.sentences = QTextEdit(self)
        self.sentences.setReadOnly(True)
        self.sentences.setAccessibleName("Most loaded sentences")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.verdict)
        left_layout.addWidget(self.table, 1)
        split.addWidget(left)
        split.addWidget(self.sentences)
        split.setSizes([620, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the scores and sentences of ``result`` (a note when there are none)."""
        self.model.set_result(result)
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        report = None if result is None else result.terms
        if result is None or report is None or not report.loaded_scores:
            self.verdict.setText(
                "No loaded-language scores: the learned model is switched off or unavailable."
            )
            self.sentences.clear()
            return
        self.verdict.setText(
            f"{self.model.summary} Score = expected loaded words in the outlet's own voice "
            "(hover for details); double-click a row to see its most loaded word."
        )
        self.verdict.setToolTip(SCORE_MEANING)
        articles = {a.id: a for a in result.articles}
        quoted = {(h.article, h.start, h.end) for h in report.hits if h.in_quote}
        shown = [(row.outlet, articles[row.score.article], row.score) for row in self.model.rows]
        self._fill_sentences(shown, quoted)

    def _fill_sentences(
        self,
        scored: list[tuple[str, Article, LoadedScore]],
        quoted_words: set[tuple[str, int, int]],
    ) -> None:
        """List each outlet's sentences; a word is coloured by its own voice, not its line's."""
        self.sentences.clear()
        cursor = QTextCursor(self.sentences.document())
        plain = QTextCharFormat()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        muted = QTextCharFormat()
        muted.setForeground(QColor("#555555"))
        for n, (outlet, article, score) in enumerate(scored):
            cursor.insertText(("\n\n" if n else "") + outlet, bold)
            for voice, quoted in (("own voice", False), ("quoted speech", True)):
                lines = [t for t in score.top if t.in_quote == quoted]
                cursor.insertText(f"\n  Most loaded sentences, {voice}:", muted)
                if not lines:
                    cursor.insertText("  none (no flagged word)", muted)
                for line in lines:
                    cursor.insertText(f"\n  p = {line.probability:.2f}  ", muted)
                    self._insert_sentence(cursor, article, line, plain, quoted_words)
        self.sentences.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _insert_sentence(
        cursor: QTextCursor,
        article: Article,
        line: LoadedSentence,
        plain: QTextCharFormat,
        quoted_words: set[tuple[str, int, int]],
    ) -> None:
        pos = line.start
        for word in line.words:
            quoted = (article.id, word.start, word.end) in quoted_words
            colour = QUOTED_COLOUR if quoted else OWN_COLOUR
            if word.start < pos or word.end > line.end:
                continue
            cursor.insertText(article.text[pos : word.start], plain)
            mark = QTextCharFormat()
            mark.setBackground(QColor(colour))
            mark.setFontWeight(QFont.Weight.DemiBold)
            cursor.insertText(article.text[word.start : word.end], mark)
            pos = word.end
        cursor.insertText(article.text[pos : line.end], plain)

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        score = self.model.score_at(index.row())
        for line in score.top:
            if line.words:
                word = line.words[0]
                self.evidence_requested.emit(score.article, word.start, word.end)
                return
