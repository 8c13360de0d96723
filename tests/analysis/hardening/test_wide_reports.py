"""Issue 12, item 13: reports of many outlets without O(n² · passages) work.

No timings (those are in benchmarks/bench_hostile.py): the pair table of omissions must read
each matrix row once, not once per pair of outlets, and must still count what the
definition says; past 12 outlets it becomes a detail table with a per-outlet summary, and a
long table of linked pairs is summarised by its most copied pairs.
"""

from __future__ import annotations

import random

from analysis.align.values import Alignment, PairShare
from analysis.model import Article
from analysis.omission import CellKind, MatrixCell, MatrixRow
from analysis.present.align_tables import pairs_table, top_pairs
from analysis.present.matrix import MatrixTable
from analysis.present.matrix_tables import by_outlet_table, pair_table
from analysis.reports.align_section import matrix_blocks, pair_blocks
from analysis.reports.evidence import EvidenceIndex
from analysis.reports.generic import ReportContext
from analysis.result import ComparisonResult
from analysis.settings import AlignmentSettings, CompareSettings

_KINDS = (CellKind.VERBATIM, CellKind.PARAPHRASE, CellKind.PARTIAL, CellKind.MISSING)


def _setup(
    n: int, n_rows: int, seed: int = 1
) -> tuple[list[MatrixRow], list[str], ReportContext, list[Article]]:
    articles = [
        Article.from_parts(
            title=f"Story {i}",
            paragraphs=[f"Paragraph of outlet {i}."],
            outlet=f"Outlet {i}",
            source=f"s{i}.txt",
        )
        for i in range(n)
    ]
    ids = [a.id for a in articles]
    rng = random.Random(seed)
    rows = []
    for _ in range(n_rows):
        kinds = [rng.choice(_KINDS) for _ in ids]
        kinds[rng.randrange(n)] = CellKind.VERBATIM  # someone carries every passage
        cells = tuple(MatrixCell(a, k, "body", 0, 9, a) for a, k in zip(ids, kinds, strict=True))
        rows.append(MatrixRow(None, "excerpt", cells, tuple("" for _ in ids)))
    names = {a.id: a.outlet for a in articles}
    return rows, ids, ReportContext(names, EvidenceIndex.for_articles(articles)), articles


def _matrix(rows: list[MatrixRow], ctx: ReportContext) -> MatrixTable:
    return MatrixTable(tuple(ctx.names.values()), tuple(rows))


class _Counted:
    """A matrix row that counts how often its cells are read."""

    def __init__(self, row: MatrixRow, tally: list[int]) -> None:
        self._row, self._tally = row, tally

    @property
    def cells(self) -> tuple[MatrixCell, ...]:
        self._tally.append(1)
        return self._row.cells


def test_pair_counts_follow_the_definition() -> None:
    rows, ids, ctx, _ = _setup(15, 60)
    table = pair_table(_matrix(rows, ctx))
    for i in range(len(ids)):
        for j in range(len(ids)):
            if i == j:
                continue
            expected = sum(
                1
                for r in rows
                if r.cells[i].kind is not CellKind.MISSING and r.cells[j].kind is CellKind.MISSING
            )
            assert table.rows[i][j + 1].sort == expected


def test_pair_table_reads_each_row_a_bounded_number_of_times() -> None:
    rows, ids, ctx, _ = _setup(20, 50)
    tally: list[int] = []
    counted = [_Counted(r, tally) for r in rows]
    pair_table(_matrix(counted, ctx))  # type: ignore[arg-type]
    # Once per row to build the matrix, once per (outlet, row) anchor at most. The scan of
    # every row for every pair read the cells 2 · 20 · 19 · 50 = 38,000 times.
    assert len(tally) <= len(rows) + len(ids) * len(rows)


def test_wide_pair_table_is_detail_with_a_per_outlet_summary() -> None:
    rows, ids, ctx, _ = _setup(15, 40)
    table = pair_table(_matrix(rows, ctx))
    summary = by_outlet_table(table)
    assert len(summary.rows) == len(ids)
    for full, short in zip(table.rows, summary.rows, strict=True):
        values = [int(c.sort) if c.text.isdigit() else 0 for c in full[1:]]
        assert short[1].sort == sum(values)
        assert short[3].sort == max(values)
        if max(values):  # the first outlet lacking most
            assert short[2].text == table.headers[1 + values.index(max(values))]
    shown = matrix_blocks(_matrix(rows, ctx), ctx)
    assert [t.key for t in shown] == ["omission-matrix", "omissions", "omissions-by-outlet"]
    assert [t.detail for t in shown] == [True, True, False]
    narrow_rows, _, narrow_ctx, _ = _setup(5, 10)
    narrow = matrix_blocks(_matrix(narrow_rows, narrow_ctx), narrow_ctx)
    assert [t.detail for t in narrow] == [False, False]


def test_long_pair_share_table_keeps_every_pair_and_shows_the_most_copied() -> None:
    _, ids, ctx, articles = _setup(30, 1)
    rng = random.Random(3)
    raw = [
        PairShare(a, b, rng.random(), 0.0, 0.0, 0.0, False)
        for k, a in enumerate(ids)
        for b in ids[k + 1 :]
    ]
    alignment = Alignment.build(ids, AlignmentSettings(), (), (), (), raw)
    result = ComparisonResult(tuple(articles), CompareSettings(), "", alignment=alignment)
    table = pairs_table(result)
    assert len(table.rows) == len(raw) == 435
    top = top_pairs(table)
    assert 0 < len(top.rows) < len(table.rows)
    best = max(r.a_verbatim for r in raw)
    assert top.rows[0][2].sort == 100 * best
    ordered = [r[2].sort for r in top.rows]
    assert ordered == sorted(ordered, reverse=True)
    shown = pair_blocks(table, ctx)
    assert [(t.key, t.detail) for t in shown] == [
        ("alignment-pairs", True),
        ("alignment-pairs-top", False),
    ]
    assert shown[1].rows[0][2].value == round(100 * best, 6)
