"""The omission matrix's evidence in the report: passage marks and passages side by side.

The rows come from :func:`analysis.omission.matrix_rows`, the definition the app's matrix
uses: each outlet carries a passage verbatim, edited, as a paraphrase or by sharing a fact
of it, or the passage is only in one outlet, or not found in an outlet. A fact an outlet
carries in part or in other words is never counted as not found. The matrix tables
themselves are :mod:`analysis.present.matrix_tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.align.matcher import MatchKind
from analysis.align.values import Alignment, Link
from analysis.model import Span
from analysis.omission import CellKind, MatrixRow, join_words, matrix_rows
from analysis.present.matrix import MatrixTable
from analysis.present.matrix_tables import shared_rows
from analysis.reports.content import PassageCell, SideBySide
from analysis.reports.evidence import Mark, fragments
from analysis.reports.generic import ReportContext

__all__ = [
    "WORD_MARKS",
    "mark_facts",
    "mark_passages",
    "rows_of",
    "side_by_side",
    "visible",
]

#: Word-level marks shown inside passages (the passage kinds themselves are not).
WORD_MARKS = frozenset(("loaded", "loaded-quoted", "term", "edited", "fact"))
_OWN_MARKS = WORD_MARKS - {"fact"}  # a passage's facts come from its own cell


def rows_of(alignment: Alignment, ctx: ReportContext) -> tuple[MatrixRow, ...]:
    """Return the omission-matrix rows of an alignment (the app's definition).

    The rows the report builder made for the whole report are used when present.
    """
    if ctx.matrix is not None:
        return ctx.matrix
    ids = tuple(ctx.names)
    articles = [ctx.evidence.articles[a] for a in ids if a in ctx.evidence.articles]
    return matrix_rows(articles, alignment)


def visible(ctx: ReportContext, aid: str, span: Span) -> int:
    """Return the first non-space offset of a span (where its anchor sits)."""
    text = ctx.evidence.articles[aid].text
    start = span.start
    while start < span.end and text[start].isspace():
        start += 1
    return start


def _anchor(ctx: ReportContext, aid: str, start: int, end: int) -> str:
    return f"a-{aid}-{visible(ctx, aid, Span(start, end))}"


def mark_passages(rows: Sequence[MatrixRow], ctx: ReportContext) -> None:
    """Mark each carried passage: ``shared`` by all outlets, else ``partial``, or ``unique``."""
    total = len(ctx.names)
    for row in rows:
        if row.only_here:
            own = row.first
            ctx.evidence.add(own.article, own.start, own.end, "unique", "only this outlet")
            continue
        carriers = [c for c in row.cells if c.kind is not CellKind.MISSING]
        kind = "shared" if len(carriers) == total else "partial"
        for cell in carriers:
            label = f"{len(carriers)} of {total} outlets ({cell.kind.label} here)"
            ctx.evidence.add(cell.article, cell.start, cell.end, kind, label)


def mark_facts(links: Sequence[Link], ctx: ReportContext) -> None:
    """Mark the words of every "shares a fact" link on both sides (as the app underlines them).

    From the links, not the matrix cells: a sentence that copies one outlet and shares a
    fact with another carries both, and its cell shows only the stronger kind.
    """
    for link in links:
        if link.kind is not MatchKind.PARTIAL:
            continue
        for side, found in ((link.a, link.shared_a), (link.b, link.shared_b)):
            article = ctx.evidence.articles.get(side.article)
            if article is None or not found:
                continue
            for span in join_words(article.text, found):
                ctx.evidence.add(side.article, span.start, span.end, "fact", "shares a fact")


def side_by_side(matrix: MatrixTable, ctx: ReportContext) -> SideBySide:
    """The passages two or more outlets carry, one column per outlet, kinds labelled.

    Which passages, and the note when they are cut, is the presentation layer's
    :func:`~analysis.present.matrix_tables.shared_rows`.
    """
    rows, note = shared_rows(matrix)
    out = tuple(tuple(_passage(ctx, row, i) for i in range(len(row.cells))) for row in rows)
    return SideBySide("passages", "Passages side by side", matrix.outlets, out, (), note)


def _passage(ctx: ReportContext, row: MatrixRow, i: int) -> PassageCell | None:
    cell = row.cells[i]
    if cell.kind is CellKind.MISSING:
        return None
    article = ctx.evidence.articles[cell.article]
    span = Span(cell.start, cell.end)
    # The facts this row shares, not every fact of the sentence (one row per fact).
    marks = [m for m in ctx.evidence.marks_in(cell.article, span) if m.kind in _OWN_MARKS]
    marks.extend(Mark(s.start, s.end, "fact", "shares a fact") for s in cell.shared)
    frags = fragments(article, span, marks, anchors=False)
    href = _anchor(ctx, cell.article, cell.start, cell.end)
    return PassageCell(cell.article, frags, href, cell.kind.label)
