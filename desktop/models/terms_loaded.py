"""Item model of the loaded-language scores: one row per outlet, with its interval.

Adapts the presentation layer's :class:`~analysis.present.terms_tables.ScoreTable` (labels,
verdicts and the summary are decided there, as for the reports). Rows keep the comparison's
order: the view never ranks outlets whose intervals overlap, it says they are not
distinguishable.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from analysis.present.terms_tables import SCORE_HEADING, ScoreRow, score_table
from analysis.result import ComparisonResult
from analysis.terms.scores import LoadedScore

__all__ = ["SCORE_COLUMNS", "LoadedScoreModel"]

# Short titles: the panel shares its width with the sentences, and the standing column
# must be read whole. The long title (as in the reports) is each header's tooltip.
SCORE_COLUMNS = ("Outlet", "Score", "95 % interval", "Per 1,000", "Standing")
_COLUMN_TIPS = (
    "The outlet",
    SCORE_HEADING,
    "95 % bootstrap interval over the outlet's own-voice sentences",
    "Score per 1,000 own-voice words",
    "Compared with the others: outlets whose intervals overlap are not distinguishable",
)
_Index = QModelIndex | QPersistentModelIndex


class LoadedScoreModel(QAbstractTableModel):
    """The learned model's score per outlet with its interval and standing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ScoreRow, ...] = ()
        self.summary = ""

    def set_result(self, result: ComparisonResult | None) -> None:
        """Show the scores of ``result`` (empty without them)."""
        self.beginResetModel()
        table = score_table(result)
        self._rows, self.summary = table.rows, table.summary
        self.endResetModel()

    @property
    def rows(self) -> tuple[ScoreRow, ...]:
        """The rows shown, in the comparison's order."""
        return self._rows

    def score_at(self, row: int) -> LoadedScore:
        """The score shown in ``row``."""
        return self._rows[row].score

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """One row per scored outlet."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The columns of :data:`SCORE_COLUMNS`."""
        return 0 if parent.isValid() else len(SCORE_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(SCORE_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return SCORE_COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _COLUMN_TIPS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment and tooltips of one cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        outlet, score, col = row.outlet, row.score, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (outlet, str(score.score), row.interval, f"{score.rate:g}", row.verdict)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{outlet}: score {score.score}, the expected number of loaded words in its "
                f"own voice by the learned model, 95 % interval {row.interval} "
                f"(bootstrap over {score.sentences} own-voice sentences). "
                "Quoted words are the speaker's and not counted."
            )
        return None
