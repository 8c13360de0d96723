"""The report's omission matrix, by passage and by pair of outlets, and its passages.

Both come from :func:`analysis.omission.matrix_rows`, the definition the app's matrix uses:
each outlet carries a passage verbatim, edited, as a paraphrase or by sharing a fact of it,
or the passage is only in one outlet, or not found in an outlet. A fact an outlet carries
in part or in other words is never counted as not found.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.align.matcher import MatchKind
from analysis.align.values import Alignment, Link
from analysis.model import Span
from analysis.omission import CellKind, MatrixRow, join_words, matrix_rows
from analysis.present.matrix import cell_words
from analysis.reports.content import Cell, PassageCell, SideBySide, Table
from analysis.reports.evidence import Mark, fragments
from analysis.reports.generic import ReportContext

__all__ = [
    "WORD_MARKS",
    "mark_facts",
    "mark_passages",
    "omissions_by_outlet",
    "pair_omissions",
    "passage_matrix",
    "rows_of",
    "side_by_side",
    "visible",
]

_SELF, _NONE = Cell("–"), Cell.number(0)  # the pair table's diagonal and its zeros
MAX_SIDE_ROWS = 400  # beyond this the side-by-side view is cut; tables keep every row
_MAX_MATRIX_COLUMNS = 12  # a wider passage matrix is a detail table (HTML folded, CSV)
#: Word-level marks shown inside passages (the passage kinds themselves are not).
WORD_MARKS = frozenset(("loaded", "loaded-quoted", "term", "edited", "fact"))


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


def passage_matrix(rows: Sequence[MatrixRow], ids: Sequence[str], ctx: ReportContext) -> Table:
    """One row per passage, one column per outlet: how that outlet carries the passage."""
    out = []
    for row in rows:
        first = row.first
        cells = [Cell(row.excerpt, None, _anchor(ctx, first.article, first.start, first.end))]
        for cell in row.cells:
            if cell.kind is CellKind.MISSING:
                cells.append(Cell(cell_words(cell)))
                continue
            href = _anchor(ctx, cell.article, cell.start, cell.end)
            cells.append(Cell(cell_words(cell), None, href))  # the app's wording
        out.append(tuple(cells))
    note = (
        "How each outlet carries each passage: verbatim, edited, paraphrase, shares a fact "
        "(one same fact while one side says more), only here (no other outlet asserts any of "
        "its facts) or not found. Each cell links to the outlet's words."
    )
    columns = ("Passage", *(ctx.outlet(a) for a in ids))
    wide = len(ids) > _MAX_MATRIX_COLUMNS
    return Table("omission-matrix", "Omission matrix", columns, tuple(out), note, detail=wide)


def pair_omissions(rows: Sequence[MatrixRow], ids: Sequence[str], ctx: ReportContext) -> Table:
    """Row outlet A, column outlet B: how many of A's passages are not found in B.

    The counts are one matrix product over the rows (carried × not found), not a scan of
    every row for every pair: with 1,000 outlets that scan was 10⁶ pairs × the rows.
    Wider than :data:`_MAX_MATRIX_COLUMNS` outlets it is a detail table (CSV and JSON in
    full); :func:`omissions_by_outlet` then summarises it.
    """
    counts, first = _omission_counts(rows, len(ids))
    out = []
    for i, a in enumerate(ids):
        anchors: dict[int, str] = {}  # row -> anchor of outlet a's passage there
        cells = [Cell(ctx.outlet(a))]
        for j, n in enumerate(counts[i]):
            if i == j:
                cells.append(_SELF)
            elif not n:
                cells.append(_NONE)  # frozen: every zero shares one cell
            else:
                row = first[i][j]
                href = anchors.get(row)
                if href is None:
                    cell = rows[row].cells[i]
                    href = anchors[row] = _anchor(ctx, a, cell.start, cell.end)
                cells.append(Cell(str(n), n, href))  # Cell.number of a positive int
        out.append(tuple(cells))
    columns = ("Passages of ↓ not found in →", *(ctx.outlet(b) for b in ids))
    note = (
        "Each number counts the row outlet's passages (of the omission matrix) in which the "
        "column outlet asserts no fact; a fact shared in other words counts as carried."
    )
    wide = len(ids) > _MAX_MATRIX_COLUMNS
    return Table(
        "omissions", "Passages not found, by pair of outlets", columns, tuple(out), note, wide
    )


def omissions_by_outlet(omissions: Table) -> Table:
    """One line per outlet from the pair table: the outlet that leaves out most of its passages.

    The summary the Markdown and PDF reports show when the pair table is too wide to read.
    """
    out = []
    for row in omissions.rows:
        values = [(c.value if isinstance(c.value, int) else 0, k) for k, c in enumerate(row[1:], 1)]
        most, k = max(values, key=lambda v: (v[0], -v[1]), default=(0, 0))  # first of ties
        total = sum(v for v, _ in values)
        other = omissions.columns[k] if most else "–"
        out.append((row[0], Cell.number(total), Cell(other), Cell.number(most, row[k].href)))
    columns = ("Outlet", "Passages not found, all other outlets", "Omits most", "Passages")
    note = (
        f"The pair table has {len(omissions.rows)} outlets a side: it is in the CSV export "
        "(omissions.csv), the JSON result and, folded, in HTML. Here, per outlet: how many "
        "(passage, other outlet) pairs lack a fact of its passages, and which outlet lacks most."
    )
    return Table("omissions-by-outlet", "Passages not found, by outlet", columns, tuple(out), note)


def _omission_counts(rows: Sequence[MatrixRow], n: int) -> tuple[list[list[int]], list[list[int]]]:
    """``counts[a][b]``: rows a carries and b does not; ``first[a][b]``: the first such row."""
    import numpy as np

    if not rows or not n:
        return [[0] * n for _ in range(n)], [[0] * n for _ in range(n)]
    carry = np.array([[c.kind is not CellKind.MISSING for c in r.cells] for r in rows])
    counts = carry.T.astype(np.float32) @ (~carry).astype(np.float32)  # exact below 2**24
    first = np.zeros((n, n), dtype=np.int64)
    for a in range(n):
        mine = np.flatnonzero(carry[:, a])
        if mine.size:
            first[a] = mine[(~carry[mine]).argmax(axis=0)]
    return np.rint(counts).astype(np.int64).tolist(), first.tolist()


def side_by_side(rows: Sequence[MatrixRow], ids: Sequence[str], ctx: ReportContext) -> SideBySide:
    """The passages two or more outlets carry, one column per outlet, kinds labelled."""
    shared = [r for r in rows if not r.only_here]
    out = []
    for row in shared[:MAX_SIDE_ROWS]:
        out.append(tuple(_passage(ctx, row, i) for i in range(len(ids))))
    note = (
        f"First {MAX_SIDE_ROWS} of {len(shared)} passages." if len(shared) > MAX_SIDE_ROWS else ""
    )
    columns = tuple(ctx.outlet(a) for a in ids)
    return SideBySide("passages", "Passages side by side", columns, tuple(out), (), note)


def _passage(ctx: ReportContext, row: MatrixRow, i: int) -> PassageCell | None:
    cell = row.cells[i]
    if cell.kind is CellKind.MISSING:
        return None
    article = ctx.evidence.articles[cell.article]
    span = Span(cell.start, cell.end)
    # The facts this row shares, not every fact of the sentence (one row per fact).
    marks = [
        m for m in ctx.evidence.marks_in(cell.article, span) if m.kind in WORD_MARKS - {"fact"}
    ]
    marks.extend(Mark(s.start, s.end, "fact", "shares a fact") for s in cell.shared)
    frags = fragments(article, span, marks, anchors=False)
    href = _anchor(ctx, cell.article, cell.start, cell.end)
    return PassageCell(cell.article, frags, href, cell.kind.label)
