"""Rows of the omission matrix, from ``result.alignment``.

The definition lives Qt-free in :mod:`analysis.omission`, shared with the reports: a row
is a passage (a cluster, a group of sentences joined by links outside every cluster, or a
passage only one outlet has), and each outlet's cell says how it carries the passage —
verbatim, edited, paraphrase, shares a fact, only here, or not found.
"""

from __future__ import annotations

from analysis.omission import CellKind, MatrixCell, MatrixRow
from analysis.omission import matrix_rows as _matrix_rows
from analysis.result import ComparisonResult

__all__ = ["CellKind", "MatrixCell", "MatrixRow", "matrix_rows"]


def matrix_rows(result: ComparisonResult | None, *, unique: bool = True) -> tuple[MatrixRow, ...]:
    """Build the matrix rows from a result's alignment (empty without one).

    Args:
        result: The comparison result, or None.
        unique: Whether passages only one outlet has get rows too.

    Returns:
        Rows in story order.
    """
    if result is None:
        return ()
    return _matrix_rows(result.articles, result.alignment, unique=unique)
