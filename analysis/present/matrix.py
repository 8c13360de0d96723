"""The omission matrix as shown: outlets, rows, and the words and tooltip of every cell.

The rows come from :func:`analysis.omission.matrix_rows` (a passage per row, how each
outlet carries it per cell); this module names the outlets
(:func:`~analysis.present.labels.outlet_labels`) and words the cells
(:func:`cell_words`, ``edited · body``) for the app's matrix and the reports' passage
matrix alike. The app adds a symbol per kind (:data:`SYMBOLS`) so that twenty outlets fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from analysis.omission import CellKind, MatrixCell, MatrixRow, matrix_rows
from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult

__all__ = ["SYMBOLS", "MatrixTable", "cell_text", "cell_words", "matrix_table"]

#: A short mark per kind, for a compact matrix (the legend spells them out).
SYMBOLS = MappingProxyType(
    {
        CellKind.VERBATIM: "=",
        CellKind.EDITED: "≈",
        CellKind.PARAPHRASE: "~",
        CellKind.PARTIAL: "∩",
        CellKind.ONLY_HERE: "!",
        CellKind.MISSING: "—",
    }
)


def cell_words(cell: MatrixCell) -> str:
    """How an outlet carries a passage, in words: ``edited · body``, or ``not found``."""
    if cell.kind is CellKind.MISSING:
        return cell.kind.label
    return f"{cell.kind.label} · {cell.position}"


def cell_text(cell: MatrixCell, *, compact: bool = False) -> str:
    """A matrix cell as the app shows it: its symbol, and its words unless ``compact``."""
    return SYMBOLS[cell.kind] if compact else f"{SYMBOLS[cell.kind]} {cell_words(cell)}"


@dataclass(frozen=True, slots=True)
class MatrixTable:
    """The matrix of one result.

    Attributes:
        outlets: Outlet labels, one per cell of a row, in input order.
        rows: The passages, in story order.
        texts: Article id -> its text (for the words a cell shares).
    """

    outlets: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    texts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def passage_tooltip(self, row: MatrixRow) -> str:
        """The passage in full and the outlets it is not found in."""
        names = [self.outlets[i] for i, c in enumerate(row.cells) if c.kind is CellKind.MISSING]
        left_out = ", ".join(names) if names else "no outlet"
        return f"{row.texts[row.cells.index(row.first)]}\n\nNot found in: {left_out}"

    def cell_tooltip(self, row: MatrixRow, col: int) -> str:
        """What one outlet's cell stands for: its words, or who carries the passage instead."""
        cell, outlet = row.cells[col], self.outlets[col]
        if cell.kind is CellKind.MISSING:
            carrier = next(i for i, c in enumerate(row.cells) if c.kind is not CellKind.MISSING)
            return (
                f"No fact of this passage is found in {outlet}. "
                f"{self.outlets[carrier]} has it:\n\n{row.texts[carrier]}"
            )
        text = f"{outlet} ({cell.kind.label}, {cell.position}):\n\n{row.texts[col]}"
        if cell.kind is CellKind.PARTIAL and cell.shared:
            article = self.texts.get(cell.article, "")
            text += "\n\nShared: " + " … ".join(article[s.start : s.end] for s in cell.shared)
        return text


def matrix_table(
    result: ComparisonResult | None,
    *,
    unique: bool = True,
    rows: tuple[MatrixRow, ...] | None = None,
) -> MatrixTable:
    """Return the omission matrix of ``result`` (empty without one).

    Args:
        result: The comparison, or None.
        unique: Whether passages only one outlet has get rows too.
        rows: The result's matrix rows when already at hand (built with ``unique``).
    """
    if result is None:
        return MatrixTable((), ())
    labels = outlet_labels(result.articles)
    if rows is None:
        rows = matrix_rows(result.articles, result.alignment, unique=unique)
    texts = MappingProxyType({a.id: a.text for a in result.articles})
    return MatrixTable(tuple(labels[a.id] for a in result.articles), rows, texts)
