"""Tables as frozen values: what the app's item models and the reports' tables show.

A :class:`Table` is headers, rows of :class:`Cell` values and a note; a cell holds its
text, what its column sorts by, a tooltip and the evidence span behind it. The builders
in :mod:`analysis.present.framing_tables`, :mod:`analysis.present.framing_more`,
:mod:`analysis.present.disagree_tables` and :mod:`analysis.present.terms_tables` decide
the labels, order and numbers; the app's item models only adapt them.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.result import ComparisonResult

__all__ = ["Cell", "Evidence", "Table", "excerpt", "span_text"]

#: ``(article id, start, end)`` of the text behind a cell.
Evidence = tuple[str, int, int]

_EXCERPT = 70


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell.

    Attributes:
        text: What is shown.
        sort: What the column sorts by (defaults to the text).
        tooltip: Longer explanation or the full passage.
        evidence: ``(article id, start, end)`` to show when activated, or None.
        strong: Shown in bold (a difference worth noticing).
    """

    text: str
    sort: float | str | None = None
    tooltip: str = ""
    evidence: Evidence | None = None
    strong: bool = False

    @classmethod
    def number(
        cls,
        value: float | None,
        digits: int = 1,
        *,
        tooltip: str = "",
        evidence: Evidence | None = None,
    ) -> Cell:
        """A right-aligned figure (``–`` for None) that sorts numerically."""
        if value is None:
            return cls("–", float("-inf"), tooltip, evidence)
        text = f"{value:.{digits}f}" if digits else str(round(value))
        return cls(text, float(value), tooltip, evidence)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: headers, rows of cells (each as long as ``headers``), a note.

    ``stretch`` is the column that takes the spare width (a long text), or -1 for none.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    stretch: int = -1

    def column(self, name: str) -> tuple[Cell, ...]:
        """All cells of the column with this header.

        Raises:
            ValueError: If there is no such column.
        """
        i = self.headers.index(name)
        return tuple(row[i] for row in self.rows)


def excerpt(text: str, limit: int = _EXCERPT) -> str:
    """The text on one line, cut with an ellipsis after ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def span_text(result: ComparisonResult, article: str, start: int, end: int) -> str:
    """The words of an article between two offsets (empty for an unknown article)."""
    try:
        return result.article(article).text[start:end]
    except KeyError:
        return ""
