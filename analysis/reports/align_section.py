"""The aligned-passages section: coverage, the omission matrix, passages side by side, links.

Its tables are the presentation layer's: :mod:`analysis.present.matrix_tables` (the
omission matrix by passage, by pair of outlets and by outlet, from the app's own
:class:`~analysis.present.matrix.MatrixTable`) and :mod:`analysis.present.align_tables`
(coverage, passage links, copy shares), which decide labels, order, rows and notes. This
module registers the evidence marks in the article text (passages, shared facts, edited
words, link ends), lays the passages side by side and renders the tables; wide and long
tables become detail tables (folded in HTML, whole in CSV and JSON).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace

from analysis.align.matcher import MatchKind
from analysis.align.values import Coverage, Link, Passage
from analysis.model import Span
from analysis.omission import CARRYING, CellKind, MatrixRow
from analysis.present import align_tables, matrix_tables
from analysis.present.matrix import MatrixTable, matrix_table
from analysis.present.tables import Table as PresentTable
from analysis.reports.content import Block, Section, Table
from analysis.reports.generic import ReportContext
from analysis.reports.omission_tables import mark_facts, mark_passages, rows_of, side_by_side
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult

__all__ = ["alignment_section", "matrix_blocks", "pair_blocks"]

_INTRO = (
    "Passages that report the same thing, one column per outlet, each labelled with how "
    "the outlet carries it: verbatim, edited, paraphrase, or shares a fact (the same "
    "fact in other words while one side says more; the fact's words are underlined). "
    "Highlighted: the words an outlet changed against a linked outlet's passage and "
    "loaded terms. An empty cell means no fact of the passage is found in that outlet."
)
_KIND_LABELS = {k.value: k.label for k in CellKind}


def alignment_section(result: ComparisonResult, ctx: ReportContext) -> Section:
    """Return the aligned-passages section of a result with an alignment."""
    alignment = result.alignment
    assert alignment is not None  # the report builder asks only then
    matrix = matrix_table(result, rows=rows_of(alignment, ctx))
    links = align_tables.ordered_links(alignment)
    mark_passages(matrix.rows, ctx)
    mark_facts(links, ctx)
    _mark_edits(matrix.rows, _link_sides(links), ctx)
    blocks: list[Block] = []
    coverage = align_tables.coverage_table(result, matrix.rows)
    if coverage.rows:
        title = "Share of each text found in another outlet"
        blocks.append(report_table(coverage, "coverage", title, ctx, None))
    blocks.extend(matrix_blocks(matrix, ctx))
    blocks.append(side_by_side(matrix, ctx))
    _mark_link_ends(links, ctx)  # after the passages: link marks are no word marks
    title = "Passage links"
    links_table = report_table(align_tables.links_table(result), "links", title, ctx, None)
    blocks.append(replace(links_table, detail=True))
    _mark_unique(alignment.coverage, ctx)
    blocks.extend(pair_blocks(align_tables.pairs_table(result), ctx))
    return Section("alignment", "Aligned passages", _INTRO, tuple(blocks))


def matrix_blocks(matrix: MatrixTable, ctx: ReportContext) -> list[Table]:
    """The omission matrix by passage and by pair of outlets (and by outlet, when wide).

    Wider than :data:`~analysis.present.matrix_tables.MAX_MATRIX_COLUMNS` outlets, the
    first two are detail tables and the per-outlet summary follows them.
    """
    wide = len(matrix.outlets) > matrix_tables.MAX_MATRIX_COLUMNS
    passages = matrix_tables.passage_table(matrix)
    pairs = matrix_tables.pair_table(matrix)
    out = [
        _table(passages, "omission-matrix", "Omission matrix", ctx, wide),
        _table(pairs, "omissions", "Passages not found, by pair of outlets", ctx, wide),
    ]
    if wide:
        by_outlet = matrix_tables.by_outlet_table(pairs)
        title = "Passages not found, by outlet"
        out.append(_table(by_outlet, "omissions-by-outlet", title, ctx, False))
    return out


def pair_blocks(pairs: PresentTable, ctx: ReportContext) -> list[Table]:
    """The copy shares of linked pairs; a long table is detail, its top pairs shown."""
    long = len(pairs.rows) > align_tables.MAX_PAIRS  # 1,000 outlets make ~500,000 pairs
    title = "Copy shares between pairs of outlets"
    out = [_table(pairs, "alignment-pairs", title, ctx, long)]
    if long:
        top = align_tables.top_pairs(pairs)
        out.append(_table(top, "alignment-pairs-top", "Most copied pairs", ctx, False))
    return out


def _table(table: PresentTable, key: str, title: str, ctx: ReportContext, detail: bool) -> Table:
    """The report's table of a present table whose cells link to spans marked already."""
    shown = report_table(table, key, title, ctx, None)
    return replace(shown, detail=True) if detail else shown


def _mark_unique(coverage: Sequence[Coverage], ctx: ReportContext) -> None:
    """Mark the passages only one outlet carries (each coverage's ``unique``)."""
    for cov in coverage:
        for span in cov.unique:
            ctx.evidence.add(cov.article, span.start, span.end, "unique", "only this outlet")


def _mark_link_ends(links: Sequence[Link], ctx: ReportContext) -> None:
    """Mark both ends of every link with its kind (the links and pair tables point there)."""
    seen: set[tuple[Passage, str]] = set()  # a passage is linked to many others
    for link in links:
        kind = _KIND_LABELS.get(link.kind.value, link.kind.value)
        for end in (link.a, link.b):
            if (end, kind) not in seen:
                seen.add((end, kind))
                ctx.evidence.add(end.article, end.start, end.end, "link", kind)


_Side = tuple[int, int, tuple[tuple[int, int], ...]]


def _link_sides(links: Sequence[Link]) -> dict[str, list[_Side]]:
    """Each link's span on each side with the changed-word spans on that side.

    The words come from the links' own ``changes`` (the aligner's word edits), the same
    evidence the app highlights: the report never recomputes a diff of its own. A "shares
    a fact" link marks its shared words instead: that the rest differs says nothing.
    """
    sides: dict[str, list[_Side]] = {}
    for link in links:
        changes = () if link.kind is MatchKind.PARTIAL else link.changes
        a_spans = tuple((c.a_start, c.a_end) for c in changes if c.a_start < c.a_end)
        b_spans = tuple((c.b_start, c.b_end) for c in changes if c.b_start < c.b_end)
        for end, spans in ((link.a, a_spans), (link.b, b_spans)):
            sides.setdefault(end.article, []).append((end.start, end.end, spans))
    return sides


def _mark_edits(
    rows: Sequence[MatrixRow], sides: Mapping[str, list[_Side]], ctx: ReportContext
) -> None:
    """Mark, in each passage, the changed words of every link overlapping it (as the app does)."""
    ordered = {aid: sorted(found) for aid, found in sides.items()}
    starts = {aid: [s[0] for s in found] for aid, found in ordered.items()}
    longest = {aid: max((s[1] - s[0] for s in found), default=0) for aid, found in ordered.items()}
    for row in rows:
        for cell in row.cells:
            if cell.kind not in CARRYING:
                continue
            aid, span = cell.article, Span(cell.start, cell.end)
            found = ordered.get(aid, [])
            # Only sides starting within reach of the passage can overlap it.
            lo = bisect_left(starts.get(aid, []), span.start - longest.get(aid, 0))
            hi = bisect_left(starts.get(aid, []), span.end)
            changed: set[tuple[int, int]] = set()
            for start, end, spans in found[lo:hi]:
                if start < span.end and span.start < end:
                    changed.update(c for c in spans if span.start <= c[0] and c[1] <= span.end)
            for lo, hi in sorted(changed):
                ctx.evidence.add(aid, lo, hi, "edited", "edited wording")
