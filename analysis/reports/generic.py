"""What the section builders share while one report is built: outlet labels and evidence.

Every section reads its part of the typed :class:`~analysis.result.ComparisonResult`; this
context gives each the outlet label of an article id and the one evidence index, where
they register the spans their numbers link to.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.omission import MatrixRow
from analysis.reports.evidence import EvidenceIndex

__all__ = ["ReportContext"]


class ReportContext:
    """What section builders share: outlet labels and the evidence index."""

    def __init__(
        self,
        names: Mapping[str, str],
        evidence: EvidenceIndex,
        matrix: tuple[MatrixRow, ...] | None = None,
    ) -> None:
        self.names = dict(names)
        self.evidence = evidence
        #: The result's omission matrix, when the report builder made it (it is shared
        #: with the key findings, so it is built once per report).
        self.matrix = matrix

    def outlet(self, article_id: str) -> str:
        """Return the outlet label of an article id (the id itself when unknown)."""
        return self.names.get(article_id, article_id)
