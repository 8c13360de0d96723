"""The reference-outlet view: one outlet's passages, each with its counterparts elsewhere.

Side by side, twenty outlets are twenty columns. Here the reader picks one outlet and reads
down its text: each passage lists who carries it word for word, who edits it, paraphrases
it or shares a fact of it (with their words), and where it is not found. It follows the
omission matrix (:func:`analysis.omission.matrix_rows`), so the app's matrix, this view
and the reports count the same passages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.omission import CARRYING, CellKind, MatrixRow, matrix_rows, rank
from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult

__all__ = ["Counterpart", "ReferencePassage", "ReferenceView", "reference_view"]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """One other outlet's version of a reference passage.

    Attributes:
        article: The other article's id.
        outlet: Its outlet label (unique within the comparison).
        kind: How it carries the passage (verbatim, edited, paraphrase, shares a fact).
        start: Start offset of its passage in its own text.
        end: End offset.
        text: Its passage's words.
    """

    article: str
    outlet: str
    kind: CellKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ReferencePassage:
    """One passage of the reference outlet and what the others make of it.

    Attributes:
        start: Start offset in the reference article's text.
        end: End offset.
        text: The reference outlet's words.
        position: ``headline``, ``lead``, ``body`` or ``end``.
        only_here: Whether no other outlet asserts any fact of it.
        counterparts: The outlets that carry it, in input order.
        missing: Labels of the outlets in which it is not found, in input order.
    """

    start: int
    end: int
    text: str
    position: str
    only_here: bool
    counterparts: tuple[Counterpart, ...]
    missing: tuple[str, ...]

    def of_kind(self, kind: CellKind) -> tuple[Counterpart, ...]:
        """The counterparts that carry the passage in one way."""
        return tuple(c for c in self.counterparts if c.kind is kind)


@dataclass(frozen=True, slots=True)
class ReferenceView:
    """Every passage of one outlet, in its text's order, with its counterparts.

    Attributes:
        article: The reference article's id.
        outlet: Its outlet label.
        passages: Its passages, by offset.
    """

    article: str
    outlet: str
    passages: tuple[ReferencePassage, ...]

    @property
    def left_out(self) -> int:
        """How many of its passages at least one other outlet does not carry."""
        return sum(1 for p in self.passages if p.missing and not p.only_here)


def reference_view(
    result: ComparisonResult, article_id: str, rows: Sequence[MatrixRow] | None = None
) -> ReferenceView:
    """Return the reference view of one article of a comparison.

    Args:
        result: The comparison.
        article_id: The reference article.
        rows: The omission-matrix rows of ``result`` when already at hand.

    Raises:
        KeyError: When no article of the comparison has that id.
    """
    result.article(article_id)  # KeyError for an unknown id
    labels = outlet_labels(result.articles)
    if rows is None:
        rows = matrix_rows(result.articles, result.alignment)
    column = [a.id for a in result.articles].index(article_id)
    # A sentence sharing several facts is in several rows (one per fact): one passage here.
    grouped: dict[tuple[int, int], list[MatrixRow]] = {}
    for row in rows:
        own = row.cells[column]
        if own.kind is not CellKind.MISSING:
            grouped.setdefault((own.start, own.end), []).append(row)
    passages = [_passage(found, column, labels) for _, found in sorted(grouped.items())]
    return ReferenceView(article_id, labels[article_id], tuple(passages))


def _passage(rows: list[MatrixRow], column: int, labels: Mapping[str, str]) -> ReferencePassage:
    """One reference passage from its rows; each other outlet by its strongest carrying."""
    own = rows[0].cells[column]
    best: dict[int, Counterpart] = {}
    for row in rows:
        for i, (cell, text) in enumerate(zip(row.cells, row.texts, strict=True)):
            if i == column or cell.kind not in CARRYING:
                continue
            known = best.get(i)
            if known is None or rank(cell.kind) < rank(known.kind):
                found = Counterpart(
                    cell.article, labels[cell.article], cell.kind, cell.start, cell.end, text
                )
                best[i] = found
    ids = [c.article for c in rows[0].cells]
    missing = tuple(labels[a] for i, a in enumerate(ids) if i != column and i not in best)
    return ReferencePassage(
        start=own.start,
        end=own.end,
        text=rows[0].texts[column],
        position=own.position,
        only_here=all(r.cells[column].kind is CellKind.ONLY_HERE for r in rows),
        counterparts=tuple(best[i] for i in sorted(best)),
        missing=missing,
    )
