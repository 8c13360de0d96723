"""The key findings as a list model: one row per sentence, its evidence in a role.

The sentences come from :func:`analysis.present.key_findings`, the same function the
reports use, so the app and a report of one result state the same findings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from analysis.present import Finding, is_sample, key_findings
from analysis.result import ComparisonResult

__all__ = ["EVIDENCE_ROLE", "KIND_ROLE", "PASSAGE_ROLE", "FindingsModel"]

#: Role holding the finding's evidence: a tuple of ``(outlet label, article id, start, end)``.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role holding the words of each piece of evidence (plain text), same order.
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 3
#: Role holding the finding's kind (``omission``, ``wording`` …).
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractListModel):
    """Read-only list of a result's key findings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: tuple[Finding, ...] = ()
        self._texts: dict[str, str] = {}
        self.sample = False

    def set_result(self, result: ComparisonResult | None) -> None:
        """Replace the findings with those of ``result`` (None clears)."""
        self.beginResetModel()
        self._findings = () if result is None else key_findings(result)
        self._texts = {} if result is None else {a.id: a.text for a in result.articles}
        self.sample = result is not None and is_sample(result.articles)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of findings (0 for a child index)."""
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The sentence (display, tooltip), its kind or its evidence."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return finding.text
        if role == KIND_ROLE:
            return finding.kind
        if role == EVIDENCE_ROLE:
            return tuple((e.label, e.article, e.start, e.end) for e in finding.evidence)
        if role == PASSAGE_ROLE:
            return tuple(self._texts.get(e.article, "")[e.start : e.end] for e in finding.evidence)
        return None
