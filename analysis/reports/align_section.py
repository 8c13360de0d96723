"""The aligned-passages section: passages side by side, the omission matrix, coverage, links.

Reads the result's :class:`~analysis.align.values.Alignment`: ``links`` (``a``/``b``
passages, ``kind``, ``score``, ``shared_a``/``shared_b`` for "shares a fact" links),
``clusters`` (one passage in several articles), ``coverage`` (per article,
``shared_fraction`` and ``unique`` passages) and ``pairs`` (copy shares).
The omission matrix and the passages side by side follow :mod:`analysis.omission`, the
definition the app uses too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from analysis.align.coverage import union_spans
from analysis.align.matcher import MatchKind
from analysis.align.values import Alignment, Coverage, Link, PairShare, Passage
from analysis.model import Span
from analysis.omission import CARRYING, CellKind, MatrixRow, rank
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.generic import ReportContext
from analysis.reports.omission_tables import (
    mark_facts,
    mark_passages,
    omissions_by_outlet,
    pair_omissions,
    passage_matrix,
    rows_of,
    side_by_side,
    visible,
)

__all__ = ["alignment_section"]

_PAIRS_TITLE = "Copy shares between pairs of outlets"


def alignment_section(alignment: Alignment, ctx: ReportContext) -> Section:
    """Return the aligned-passages section of an alignment."""
    ids = list(ctx.names)
    rows = rows_of(alignment, ctx)
    # Listed as the result file keeps them: copies first, then the "shares a fact" links.
    links = [k for k in alignment.links if k.kind is not MatchKind.PARTIAL]
    links += [k for k in alignment.links if k.kind is MatchKind.PARTIAL]
    mark_passages(rows, ctx)
    mark_facts(links, ctx)
    _mark_edits(rows, _link_sides(links), ctx)
    blocks: list[Block] = []
    coverage = _coverage(alignment.coverage, rows, links, ids, ctx)
    if coverage is not None:
        blocks.append(coverage)
    blocks.append(passage_matrix(rows, ids, ctx))
    omissions = pair_omissions(rows, ids, ctx)
    blocks.append(omissions)
    if omissions.detail:
        blocks.append(omissions_by_outlet(omissions))
    blocks.append(side_by_side(rows, ids, ctx))
    blocks.append(_links(links, ctx))
    _mark_unique(alignment.coverage, ctx)
    pairs = _pairs(alignment.pairs, links, ctx)
    blocks.append(pairs)
    if pairs.detail:
        blocks.append(_top_pairs(pairs))
    intro = (
        "Passages that report the same thing, one column per outlet, each labelled with how "
        "the outlet carries it: verbatim, edited, paraphrase, or shares a fact (the same "
        "fact in other words while one side says more; the fact's words are underlined). "
        "Highlighted: the words an outlet changed against a linked outlet's passage and "
        "loaded terms. An empty cell means no fact of the passage is found in that outlet."
    )
    return Section("alignment", "Aligned passages", intro, tuple(blocks))


def _mark_unique(coverage: Sequence[Coverage], ctx: ReportContext) -> None:
    """Mark the passages only one outlet carries (each coverage's ``unique``)."""
    for cov in coverage:
        for span in cov.unique:
            ctx.evidence.add(cov.article, span.start, span.end, "unique", "only this outlet")


def _coverage(
    raw: Sequence[Coverage],
    rows: Sequence[MatrixRow],
    links: Sequence[Link],
    ids: list[str],
    ctx: ReportContext,
) -> Table | None:
    """Each outlet's shared share, and how it splits by the kind of its strongest link."""
    if not raw:
        return None
    by_kind = _shares_by_kind(links, ctx)
    by_article = {c.article: c for c in raw}
    shared = [r for r in rows if not r.only_here]  # once: each test reads every cell
    out = []
    for i, aid in enumerate(ids):
        cov = by_article.get(aid)
        if cov is None:
            continue
        first = next((r.cells[i] for r in shared if r.cells[i].kind in CARRYING), None)
        href = (
            None if first is None else f"a-{aid}-{visible(ctx, aid, Span(first.start, first.end))}"
        )
        fraction = cov.shared_fraction
        shares = by_kind.get(aid, {})
        split = (Cell.number(round(100 * shares.get(k, 0.0), 1)) for k in _KINDS)
        out.append((Cell(ctx.outlet(aid)), Cell.number(round(100 * fraction, 1), href), *split))
    columns = ("Outlet", "Shared %", *(f"{_KIND_LABELS[k]} %" for k in _KINDS))
    note = (
        "Shared: share of each text's sentences another outlet carries, in any way. The "
        "other columns split it by the strongest link over each character."
    )
    title = "Share of each text found in another outlet"
    return Table("coverage", title, columns, tuple(out), note)


_KINDS = ("verbatim", "edited", "paraphrase", "partial")
_BLANK, _YES, _NO = Cell(""), Cell("yes"), Cell("no")  # frozen: rows share them
_ZERO = Cell.number(0.0, digits=1)
_KIND_LABELS = {k.value: k.label for k in CellKind}


def _shares_by_kind(links: Sequence[Link], ctx: ReportContext) -> dict[str, dict[str, float]]:
    """Per article, the share of its sentence characters whose strongest link is each kind.

    Kinds are taken strongest first; each adds what its links cover beyond the stronger ones.
    """
    spans: dict[str, list[list[tuple[int, int]]]] = {}
    for link in links:
        level = rank(link.kind.value)
        if level >= len(_KINDS):
            continue
        for end in (link.a, link.b):
            per = spans.setdefault(end.article, [[] for _ in _KINDS])
            per[level].append((end.start, end.end))
    out: dict[str, dict[str, float]] = {}
    for aid, levels in spans.items():
        article = ctx.evidence.articles.get(aid)
        total = sum(len(s) for s in article.sentences) if article is not None else 0
        if not total:
            continue
        covered: list[tuple[int, int]] = []
        shares = {}
        for kind, found in zip(_KINDS, levels, strict=True):
            before = _length(covered)
            covered = union_spans(covered + found)
            shares[kind] = min(1.0, (_length(covered) - before) / total)
        out[aid] = shares
    return out


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


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


def _links(links: Sequence[Link], ctx: ReportContext) -> Table:
    ends = _LinkEnds(ctx)
    kinds: dict[str, Cell] = {}  # frozen cells, shared by the rows of one kind
    rows = []
    for link in links:
        kind = link.kind.value
        label = _KIND_LABELS.get(kind, kind)
        outlet_a, text_a, href_a = ends.cells(link.a, label)
        outlet_b, text_b, _ = ends.cells(link.b, label)
        score = Cell.number(link.score, href_a, digits=1)
        shared = (_shared_words(ctx, end, spans) for end, spans in _shared_sides(link))
        named = kinds.get(label) or kinds.setdefault(label, Cell(label))
        rows.append((outlet_a, text_a, outlet_b, text_b, named, score, *shared))
    columns = (
        "Outlet A", "Passage A", "Outlet B", "Passage B", "Kind", "Score",
        "Shared words A", "Shared words B",
    )  # fmt: skip
    return Table("links", "Passage links", columns, tuple(rows), detail=True)


def _shared_sides(link: Link) -> tuple[tuple[Passage, tuple[Span, ...]], ...]:
    return ((link.a, link.shared_a), (link.b, link.shared_b))


def _shared_words(ctx: ReportContext, end: Passage, spans: Sequence[Span]) -> Cell:
    """The words carrying the shared fact on one side of a "shares a fact" link."""
    article = ctx.evidence.articles.get(end.article)
    if article is None or not spans:
        return _BLANK
    return Cell(" … ".join(article.text[s.start : s.end] for s in spans))


class _LinkEnds:
    """The outlet and passage cells of link ends, built once per passage.

    A 100-article comparison has tens of thousands of links between a few thousand
    passages: registering the evidence and slicing the text once per passage (not once per
    link) keeps the table cheap. The cells are frozen, so rows can share them.
    """

    def __init__(self, ctx: ReportContext) -> None:
        self.ctx = ctx
        self.seen: dict[tuple[Passage, str], tuple[Cell, Cell, str | None]] = {}

    def cells(self, end: Passage, kind: str) -> tuple[Cell, Cell, str | None]:
        """Return ``(outlet cell, passage cell, anchor)`` of one end of a link."""
        key = (end, kind)
        if key in self.seen:
            return self.seen[key]
        ctx = self.ctx
        href = ctx.evidence.add(end.article, end.start, end.end, "link", kind)
        article = ctx.evidence.articles.get(end.article)
        text = "" if article is None else article.text[end.start : end.end]
        built = (Cell(ctx.outlet(end.article), None, href), Cell(text, None, href), href)
        self.seen[key] = built
        return built


_MAX_PAIRS = 200  # a longer pair table is a detail table, summarised by its top pairs


def _pairs(raw: Sequence[PairShare], links: Sequence[Link], ctx: ReportContext) -> Table:
    """Copy shares of each linked pair; each share links to the pair's first link of its kind."""
    first: dict[tuple[str, str, str, str], str | None] = {}
    for link in links:
        if link.kind not in (MatchKind.VERBATIM, MatchKind.EDITED):
            continue
        linked = (link.a.article, link.b.article)
        for side, end in (("a", link.a), ("b", link.b)):
            key = (*linked, side, link.kind.value)
            if key not in first:
                first[key] = ctx.evidence.add(
                    end.article, end.start, end.end, "link", link.kind.value
                )
    outlets: dict[str, Cell] = {}  # one frozen outlet cell per article, shared by its rows
    rows = []
    for pair in raw:
        ids = (pair.a, pair.b)
        cells = [outlets.get(i) or outlets.setdefault(i, Cell(ctx.outlet(i))) for i in ids]
        shares = (
            ("a", "verbatim", pair.a_verbatim),
            ("a", "edited", pair.a_edited),
            ("b", "verbatim", pair.b_verbatim),
            ("b", "edited", pair.b_edited),
        )
        for side, kind, share in shares:
            percent = round(100 * share, 1)
            if percent == 0.0 and type(percent) is float:
                cells.append(_ZERO)  # a zero links to nothing: one shared cell
                continue
            href = first.get((*ids, side, kind))
            cells.append(Cell.number(percent, href, digits=1))
        cells.append(_YES if pair.likely_common_source else _NO)
        rows.append(tuple(cells))
    columns = (
        "Outlet A",
        "Outlet B",
        "A copied %",
        "A edited %",
        "B copied %",
        "B edited %",
        "Likely common source",
    )
    note = (
        "Share of each side's sentence text found verbatim or lightly edited in the other; "
        "each share links to the first such passage."
    )
    long = len(rows) > _MAX_PAIRS  # 1,000 outlets make ~500,000 pairs: CSV and JSON hold them
    return Table("alignment-pairs", _PAIRS_TITLE, columns, tuple(rows), note, long)


def _top_pairs(pairs: Table) -> Table:
    """The :data:`_MAX_PAIRS` pairs with the largest copied or edited share, of a long table."""

    def most(row: tuple[Cell, ...]) -> float:
        return max((float(c.value) for c in row[2:6] if c.value is not None), default=0.0)

    top = sorted(pairs.rows, key=most, reverse=True)[:_MAX_PAIRS]
    note = (
        f"The {len(top)} of {len(pairs.rows):,} linked pairs with the largest copied or edited "
        "share; every pair is in the CSV export (alignment-pairs.csv) and the JSON result."
    )
    return Table("alignment-pairs-top", "Most copied pairs", pairs.columns, tuple(top), note)
