"""The omission matrix as tables: by passage, by pair of outlets, by outlet.

Built from one :class:`~analysis.present.matrix.MatrixTable`, the value the app's matrix
model reads, so the app and the reports word and count the same cells:

- :func:`passage_table`: a row per passage, a column per outlet, each cell how that
  outlet carries the passage (:func:`~analysis.present.matrix.cell_words`), linked to
  the outlet's words ("not found" cells link nowhere: they stand out among the links);
- :func:`pair_table`: row outlet A, column outlet B, how many of A's passages B lacks;
- :func:`by_outlet_table`: one line per outlet from the pair table, for wide comparisons;
- :func:`shared_rows`: the passages two or more outlets carry (the side-by-side view).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.omission import CellKind, MatrixRow
from analysis.present.matrix import MatrixTable, cell_words
from analysis.present.tables import Cell, Table

__all__ = [
    "MAX_MATRIX_COLUMNS",
    "MAX_SIDE_ROWS",
    "by_outlet_table",
    "pair_table",
    "passage_table",
    "shared_rows",
]

#: A matrix with more outlets than this is too wide to read: a detail table (CSV, folded).
MAX_MATRIX_COLUMNS = 12
#: Passages shown side by side at most (the tables keep every row).
MAX_SIDE_ROWS = 400
_SELF, _NONE = Cell("–", float("-inf")), Cell.number(0, 0)  # frozen: rows share them
_MISSING = Cell(CellKind.MISSING.label)


def passage_table(matrix: MatrixTable) -> Table:
    """One row per passage, one column per outlet: how that outlet carries the passage."""
    rows = []
    for row in matrix.rows:
        first = row.first
        cells = [Cell(row.excerpt, evidence=(first.article, first.start, first.end))]
        for cell in row.cells:
            if cell.kind is CellKind.MISSING:
                cells.append(_MISSING)  # plain: what is not found stands out from the links
                continue
            cells.append(Cell(cell_words(cell), evidence=(cell.article, cell.start, cell.end)))
        rows.append(tuple(cells))
    note = (
        "How each outlet carries each passage: verbatim, edited, paraphrase, shares a fact "
        "(one same fact while one side says more), only here (no other outlet asserts any of "
        "its facts) or not found. Each cell links to the outlet's words."
    )
    return Table(("Passage", *matrix.outlets), tuple(rows), note, stretch=0)


def pair_table(matrix: MatrixTable) -> Table:
    """Row outlet A, column outlet B: how many of A's passages are not found in B.

    The counts are one matrix product over the rows (carried × not found), not a scan of
    every row for every pair: with 1,000 outlets that scan was 10⁶ pairs × the rows. Each
    count links to A's first passage that B lacks.
    """
    rows, outlets = matrix.rows, matrix.outlets
    counts, first = _omission_counts(rows, len(outlets))
    out = []
    for i, outlet in enumerate(outlets):
        # A row outlet has few passages, so few (count, first passage) values: one frozen
        # cell each, shared along the row (a million cells at 1,000 outlets).
        made: dict[tuple[int, int], Cell] = {}
        cells = [Cell(outlet)]
        for j, (n, at) in enumerate(zip(counts[i], first[i], strict=True)):
            if i == j or not n:
                cells.append(_SELF if i == j else _NONE)
                continue
            cell = made.get((n, at))
            if cell is None:
                own = rows[at].cells[i]
                evidence = (own.article, own.start, own.end)
                cell = made[n, at] = Cell.number(n, 0, evidence=evidence)
            cells.append(cell)
        out.append(tuple(cells))
    note = (
        "Each number counts the row outlet's passages (of the omission matrix) in which the "
        "column outlet asserts no fact; a fact shared in other words counts as carried."
    )
    return Table(("Passages of ↓ not found in →", *outlets), tuple(out), note)


def by_outlet_table(pairs: Table) -> Table:
    """One line per outlet from :func:`pair_table`: the outlet that leaves out most of it.

    The summary a printed report shows when the pair table is too wide to read.
    """
    out = []
    for row in pairs.rows:
        values = list(map(_count, row[1:]))
        most = max(values, default=0)
        k = values.index(most) + 1 if most else 0  # the first of ties
        total = sum(values)
        other = pairs.headers[k] if most else "–"
        evidence = row[k].evidence if most else None
        most_cell = Cell.number(most, 0, evidence=evidence)
        out.append((row[0], Cell.number(total, 0), Cell(other), most_cell))
    headers = ("Outlet", "Passages not found, all other outlets", "Omits most", "Passages")
    note = (
        f"The pair table has {len(pairs.rows)} outlets a side: it is in the CSV export "
        "(omissions.csv), the JSON result and, folded, in HTML. Here, per outlet: how many "
        "(passage, other outlet) pairs lack a fact of its passages, and which outlet lacks most."
    )
    return Table(headers, tuple(out), note)


def _count(cell: Cell) -> int:
    return int(cell.sort) if isinstance(cell.sort, float) and cell.sort >= 0 else 0


def shared_rows(matrix: MatrixTable) -> tuple[tuple[MatrixRow, ...], str]:
    """The passages two or more outlets carry, at most :data:`MAX_SIDE_ROWS`, and a note."""
    shared = [r for r in matrix.rows if not r.only_here]
    cut = len(shared) > MAX_SIDE_ROWS
    note = f"First {MAX_SIDE_ROWS} of {len(shared)} passages." if cut else ""
    return tuple(shared[:MAX_SIDE_ROWS]), note


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
