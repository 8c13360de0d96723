"""Render a present :class:`~analysis.present.side_by_side.PassageGroup` as report content.

The group decides which passages are shown, in what order and under which labels; this
only cuts each cell's text into fragments with its marks and the report's evidence
highlights of the kinds the group names, and links each cell to its place in the text.
"""

from __future__ import annotations

from analysis.model import Span
from analysis.present.side_by_side import PassageGroup, PassageSpan
from analysis.reports.content import PassageCell, SideBySide
from analysis.reports.evidence import EvidenceIndex, Mark, anchor_id, fragments

__all__ = ["report_passages"]


def report_passages(group: PassageGroup, evidence: EvidenceIndex) -> SideBySide:
    """Return the report's side-by-side block for a present passage group.

    Args:
        group: What is shown (present decides).
        evidence: The report's marks and its articles by id.
    """
    kinds = frozenset(group.mark_kinds)
    rows = tuple(
        tuple(None if c is None else _cell(c, kinds, evidence) for c in row) for row in group.rows
    )
    return SideBySide(group.key, group.title, group.columns, rows, group.row_labels, group.note)


def _cell(cell: PassageSpan, kinds: frozenset[str], evidence: EvidenceIndex) -> PassageCell:
    span = Span(cell.start, cell.end)
    marks = [Mark(m.start, m.end, m.kind, m.label) for m in cell.marks]
    if kinds:
        marks += [m for m in evidence.marks_in(cell.article_id, span) if m.kind in kinds]
    frags = fragments(evidence.articles[cell.article_id], span, marks, anchors=False)
    href = None if cell.anchor is None else anchor_id(cell.article_id, cell.anchor)
    return PassageCell(cell.article_id, frags, href, cell.label)
