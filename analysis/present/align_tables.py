"""Tables of the alignment: each text's shared share, the passage links, copy shares.

- :func:`coverage_table`: per outlet, the share of its text another outlet carries, split
  by the kind of the strongest link over each character;
- :func:`links_table`: every passage link, copies first, then the "shares a fact" links;
- :func:`pairs_table` and :func:`top_pairs`: each linked pair's verbatim and edited shares.

Every figure carries the span it rests on (the first such passage), so the reports link
it to the article text; outlets are named by :func:`~analysis.present.labels.outlet_labels`.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.align.coverage import union_spans
from analysis.align.matcher import MatchKind
from analysis.align.values import Alignment, Link, Passage
from analysis.model import Article, Span
from analysis.omission import CARRYING, CellKind, MatrixRow, rank
from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Evidence, Table
from analysis.result import ComparisonResult

__all__ = [
    "KINDS",
    "MAX_PAIRS",
    "coverage_table",
    "links_table",
    "ordered_links",
    "pairs_table",
    "top_pairs",
]

#: The kinds of link a coverage share splits into, strongest first.
KINDS = (CellKind.VERBATIM, CellKind.EDITED, CellKind.PARAPHRASE, CellKind.PARTIAL)
#: A pair table longer than this is summarised by its top pairs (CSV and JSON hold all).
MAX_PAIRS = 200
_YES, _NO = Cell("yes"), Cell("no")  # frozen: rows share them
_ZERO = Cell.number(0.0, 1)


def ordered_links(alignment: Alignment) -> tuple[Link, ...]:
    """The links as the result file keeps them: copies first, then "shares a fact" links."""
    links = alignment.links
    return (
        *(k for k in links if k.kind is not MatchKind.PARTIAL),
        *(k for k in links if k.kind is MatchKind.PARTIAL),
    )


def coverage_table(result: ComparisonResult, rows: Sequence[MatrixRow]) -> Table:
    """Each outlet's shared share, and how it splits by the kind of its strongest link.

    Args:
        result: The comparison.
        rows: Its omission-matrix rows: the share links to the outlet's first passage
            another outlet carries.
    """
    alignment = result.alignment
    if alignment is None or not alignment.coverage:
        return Table((), ())
    labels = outlet_labels(result.articles)
    by_kind = _shares_by_kind(alignment.links, result.articles)
    by_article = {c.article: c for c in alignment.coverage}
    shared = [r for r in rows if not r.only_here]
    out = []
    for i, art in enumerate(result.articles):
        cov = by_article.get(art.id)
        if cov is None:
            continue
        first = next((r.cells[i] for r in shared if r.cells[i].kind in CARRYING), None)
        evidence = None if first is None else (art.id, first.start, first.end)
        shares = by_kind.get(art.id, {})
        split = (Cell.number(100 * shares.get(k, 0.0), 1) for k in KINDS)
        share = Cell.number(100 * cov.shared_fraction, 1, evidence=evidence)
        out.append((Cell(labels[art.id]), share, *split))
    headers = ("Outlet", "Shared %", *(f"{k.label} %" for k in KINDS))
    note = (
        "Shared: share of each text's sentences another outlet carries, in any way. The "
        "other columns split it by the strongest link over each character."
    )
    return Table(headers, tuple(out), note)


def _shares_by_kind(
    links: Sequence[Link], articles: Sequence[Article]
) -> dict[str, dict[CellKind, float]]:
    """Per article, the share of its sentence characters whose strongest link is each kind.

    Kinds are taken strongest first; each adds what its links cover beyond the stronger ones.
    """
    spans: dict[str, list[list[tuple[int, int]]]] = {}
    for link in links:
        level = rank(link.kind.value)
        if level >= len(KINDS):
            continue
        for end in (link.a, link.b):
            per = spans.setdefault(end.article, [[] for _ in KINDS])
            per[level].append((end.start, end.end))
    totals = {a.id: sum(len(s) for s in a.sentences) for a in articles}
    out: dict[str, dict[CellKind, float]] = {}
    for aid, levels in spans.items():
        total = totals.get(aid, 0)
        if not total:
            continue
        covered: list[tuple[int, int]] = []
        shares = {}
        for kind, found in zip(KINDS, levels, strict=True):
            before = _length(covered)
            covered = union_spans(covered + found)
            shares[kind] = min(1.0, (_length(covered) - before) / total)
        out[aid] = shares
    return out


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def links_table(result: ComparisonResult) -> Table:
    """Every passage link: both ends (outlet and words), its kind, score and shared words."""
    alignment = result.alignment
    if alignment is None:
        return Table((), ())
    ends = _LinkEnds(result)
    kinds = {k.value: Cell(k.label) for k in CellKind}  # frozen cells, shared by rows
    rows = []
    for link in ordered_links(alignment):
        outlet_a, text_a = ends.cells(link.a)
        outlet_b, text_b = ends.cells(link.b)
        evidence = (link.a.article, link.a.start, link.a.end)
        score = Cell.number(link.score, 1, evidence=evidence)
        shared = (ends.shared(link.a, link.shared_a), ends.shared(link.b, link.shared_b))
        named = kinds.get(link.kind.value) or Cell(link.kind.value)
        rows.append((outlet_a, text_a, outlet_b, text_b, named, score, *shared))
    headers = (
        "Outlet A", "Passage A", "Outlet B", "Passage B", "Kind", "Score",
        "Shared words A", "Shared words B",
    )  # fmt: skip
    return Table(headers, tuple(rows))


class _LinkEnds:
    """The outlet and passage cells of link ends, built once per passage.

    A 100-article comparison has tens of thousands of links between a few thousand
    passages: slicing the text once per passage (not once per link) keeps the table
    cheap. The cells are frozen, so rows share them.
    """

    def __init__(self, result: ComparisonResult) -> None:
        self.labels = outlet_labels(result.articles)
        self.texts = {a.id: a.text for a in result.articles}
        self.seen: dict[Passage, tuple[Cell, Cell]] = {}

    def cells(self, end: Passage) -> tuple[Cell, Cell]:
        """Return ``(outlet cell, passage cell)`` of one end of a link."""
        found = self.seen.get(end)
        if found is None:
            evidence = (end.article, end.start, end.end)
            text = self.texts.get(end.article, "")[end.start : end.end]
            outlet = self.labels.get(end.article, end.article)
            found = self.seen[end] = (
                Cell(outlet, evidence=evidence),
                Cell(text, evidence=evidence),
            )
        return found

    def shared(self, end: Passage, spans: Sequence[Span]) -> Cell:
        """The words carrying the shared fact on one side of a "shares a fact" link."""
        text = self.texts.get(end.article)
        if text is None or not spans:
            return _BLANK
        return Cell(" … ".join(text[s.start : s.end] for s in spans))


_BLANK = Cell("")


def pairs_table(result: ComparisonResult) -> Table:
    """Copy shares of each linked pair; each share links to the pair's first such passage."""
    alignment = result.alignment
    if alignment is None:
        return Table((), ())
    first = _first_copies(alignment.links)
    labels = outlet_labels(result.articles)
    outlets: dict[str, Cell] = {}  # one frozen outlet cell per article, shared by its rows
    rows = []
    for pair in alignment.pairs:
        ids = (pair.a, pair.b)
        cells = [outlets.get(i) or outlets.setdefault(i, Cell(labels.get(i, i))) for i in ids]
        shares = (
            ("a", MatchKind.VERBATIM, pair.a_verbatim),
            ("a", MatchKind.EDITED, pair.a_edited),
            ("b", MatchKind.VERBATIM, pair.b_verbatim),
            ("b", MatchKind.EDITED, pair.b_edited),
        )
        for side, kind, share in shares:
            if round(100 * share, 1) == 0.0:
                cells.append(_ZERO)  # a zero links to nothing: one shared cell
                continue
            evidence = first.get((*ids, side, kind))
            cells.append(Cell.number(100 * share, 1, evidence=evidence))
        cells.append(_YES if pair.likely_common_source else _NO)
        rows.append(tuple(cells))
    headers = (
        "Outlet A", "Outlet B", "A copied %", "A edited %", "B copied %", "B edited %",
        "Likely common source",
    )  # fmt: skip
    note = (
        "Share of each side's sentence text found verbatim or lightly edited in the other; "
        "each share links to the first such passage."
    )
    return Table(headers, tuple(rows), note)


def _first_copies(links: Sequence[Link]) -> dict[tuple[str, str, str, MatchKind], Evidence]:
    """Per pair, side and copy kind, the first link end of that kind."""
    first: dict[tuple[str, str, str, MatchKind], Evidence] = {}
    for link in links:
        if link.kind not in (MatchKind.VERBATIM, MatchKind.EDITED):
            continue
        for side, end in (("a", link.a), ("b", link.b)):
            key = (link.a.article, link.b.article, side, link.kind)
            first.setdefault(key, (end.article, end.start, end.end))
    return first


def top_pairs(pairs: Table, limit: int = MAX_PAIRS) -> Table:
    """The ``limit`` pairs with the largest copied or edited share, of a long pair table."""

    def most(row: tuple[Cell, ...]) -> float:
        return max((c.sort for c in row[2:6] if isinstance(c.sort, float)), default=0.0)

    top = sorted(pairs.rows, key=most, reverse=True)[:limit]
    note = (
        f"The {len(top)} of {len(pairs.rows):,} linked pairs with the largest copied or edited "
        "share; every pair is in the CSV export (alignment-pairs.csv) and the JSON result."
    )
    return Table(pairs.headers, tuple(top), note)
