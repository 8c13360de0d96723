"""The aligned-passages section: passages side by side, the omission matrix, coverage, links.

Reads the alignment section's JSON form: ``links`` (``a``/``b`` spans, ``kind``, ``score``,
``shared_a``/``shared_b`` for "shares a fact" links), ``clusters`` (``members``: spans of
one passage in several articles) and ``coverage`` (per article, ``shared_fraction``).
The omission matrix and the passages side by side follow :mod:`analysis.omission`, the
definition the app uses too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.align.coverage import union_spans
from analysis.model import Span
from analysis.omission import CARRYING, CellKind, MatrixRow, rank
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.generic import ReportContext, section_tables
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

_HANDLED = frozenset(
    ("links", "shared_facts", "clusters", "coverage", "settings", "articles", "pairs")
)


def _title(key: str) -> str:
    return {"pairs": "Copy shares between pairs of outlets"}.get(
        key, key.replace("_", " ").capitalize()
    )


def alignment_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the section, or None when ``data`` is not an alignment's JSON form."""
    if not isinstance(data, Mapping) or not {"links", "clusters"} & set(data):
        return None
    ids = list(ctx.names)
    rows = rows_of(data, ctx)
    records = [*(data.get("links") or []), *(data.get("shared_facts") or [])]
    links = [k for k in records if isinstance(k, Mapping)]
    mark_passages(rows, ctx)
    mark_facts(links, ctx)
    _mark_edits(rows, _link_sides(links), ctx)
    blocks: list[Block] = []
    coverage = _coverage(data.get("coverage") or {}, rows, links, ids, ctx)
    if coverage is not None:
        blocks.append(coverage)
    blocks.append(passage_matrix(rows, ids, ctx))
    omissions = pair_omissions(rows, ids, ctx)
    blocks.append(omissions)
    if omissions.detail:
        blocks.append(omissions_by_outlet(omissions))
    blocks.append(side_by_side(rows, ids, ctx))
    blocks.append(_links(links, ctx))
    _mark_unique(data.get("coverage") or {}, ctx)
    if isinstance(data.get("pairs"), Sequence):
        pairs = _pairs(data["pairs"], links, ctx)
        blocks.append(pairs)
        if pairs.detail:
            blocks.append(_top_pairs(pairs))
    for key, value in data.items():
        if key not in _HANDLED:
            blocks.extend(section_tables(f"alignment-{key}", _title(key), value, ctx))
    intro = (
        "Passages that report the same thing, one column per outlet, each labelled with how "
        "the outlet carries it: verbatim, edited, paraphrase, or shares a fact (the same "
        "fact in other words while one side says more; the fact's words are underlined). "
        "Highlighted: the words an outlet changed against a linked outlet's passage and "
        "loaded terms. An empty cell means no fact of the passage is found in that outlet."
    )
    return Section("alignment", "Aligned passages", intro, tuple(blocks))


def _mark_unique(raw: Any, ctx: ReportContext) -> None:
    """Mark the passages only one outlet carries (``coverage[id].unique``)."""
    if not isinstance(raw, Mapping):
        return
    for aid, cov in raw.items():
        spans = cov.get("unique") if isinstance(cov, Mapping) else None
        for span in spans or []:
            if isinstance(span, Mapping):
                ctx.evidence.add(
                    str(aid), int(span["start"]), int(span["end"]), "unique", "only this outlet"
                )


def _coverage(
    raw: Mapping[str, Any],
    rows: Sequence[MatrixRow],
    links: Sequence[Mapping[str, Any]],
    ids: list[str],
    ctx: ReportContext,
) -> Table | None:
    """Each outlet's shared share, and how it splits by the kind of its strongest link."""
    if not raw:
        return None
    by_kind = _shares_by_kind(links, ctx)
    out = []
    for i, aid in enumerate(ids):
        cov = raw.get(aid)
        if not isinstance(cov, Mapping):
            continue
        first = next(
            (r.cells[i] for r in rows if not r.only_here and r.cells[i].kind in CARRYING), None
        )
        href = (
            None if first is None else f"a-{aid}-{visible(ctx, aid, Span(first.start, first.end))}"
        )
        fraction = float(cov.get("shared_fraction", 0.0))
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
_KIND_LABELS = {k.value: k.label for k in CellKind}


def _shares_by_kind(
    links: Sequence[Mapping[str, Any]], ctx: ReportContext
) -> dict[str, dict[str, float]]:
    """Per article, the share of its sentence characters whose strongest link is each kind.

    Kinds are taken strongest first; each adds what its links cover beyond the stronger ones.
    """
    spans: dict[str, list[list[tuple[int, int]]]] = {}
    for link in links:
        level = rank(str(link.get("kind", "")))
        if level >= len(_KINDS):
            continue
        for key in ("a", "b"):
            end = link.get(key)
            if isinstance(end, Mapping) and type(end.get("start")) is int:
                per = spans.setdefault(str(end.get("article")), [[] for _ in _KINDS])
                per[level].append((int(end["start"]), int(end.get("end", 0))))
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


def _link_sides(raw: Sequence[Any]) -> dict[str, list[_Side]]:
    """Each link's span on each side with the changed-word spans on that side.

    The words come from the links' own ``changes`` (the aligner's word edits), the same
    evidence the app highlights: the report never recomputes a diff of its own. A "shares
    a fact" link marks its shared words instead: that the rest differs says nothing.
    """
    sides: dict[str, list[_Side]] = {}
    for link in raw:
        if not isinstance(link, Mapping):
            continue
        changes = [c for c in link.get("changes") or [] if isinstance(c, Mapping)]
        if link.get("kind") == CellKind.PARTIAL.value:
            changes = []
        for key in ("a", "b"):
            end = link.get(key)
            if not isinstance(end, Mapping) or not isinstance(end.get("start"), int):
                continue
            spans = tuple(
                (int(c[key]["start"]), int(c[key]["end"]))
                for c in changes
                if isinstance(c.get(key), Mapping) and c[key]["start"] < c[key]["end"]
            )
            sides.setdefault(str(end.get("article")), []).append(
                (int(end["start"]), int(end["end"]), spans)
            )
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


def _links(raw: Sequence[Mapping[str, Any]], ctx: ReportContext) -> Table:
    ends = _LinkEnds(ctx)
    rows = []
    for link in raw:
        kind = str(link.get("kind", ""))
        label = _KIND_LABELS.get(kind, kind)
        outlet_a, text_a, href_a = ends.cells(link.get("a") or {}, label)
        outlet_b, text_b, _ = ends.cells(link.get("b") or {}, label)
        score = Cell.number(float(link.get("score", 0.0)), href_a, digits=1)
        shared = (_shared_words(ctx, link, k) for k in ("a", "b"))
        rows.append((outlet_a, text_a, outlet_b, text_b, Cell(label), score, *shared))
    columns = (
        "Outlet A", "Passage A", "Outlet B", "Passage B", "Kind", "Score",
        "Shared words A", "Shared words B",
    )  # fmt: skip
    return Table("links", "Passage links", columns, tuple(rows), detail=True)


def _shared_words(ctx: ReportContext, link: Mapping[str, Any], key: str) -> Cell:
    """The words carrying the shared fact on one side of a "shares a fact" link."""
    end, spans = link.get(key), link.get(f"shared_{key}")
    if not isinstance(end, Mapping) or not isinstance(spans, Sequence) or not spans:
        return Cell("")
    article = ctx.evidence.articles.get(str(end.get("article")))
    if article is None:
        return Cell("")
    words = []
    for span in spans:
        if isinstance(span, Sequence) and len(span) == 2:
            words.append(article.text[int(span[0]) : int(span[1])])
    return Cell(" … ".join(words))


class _LinkEnds:
    """The outlet and passage cells of link ends, built once per passage.

    A 100-article comparison has tens of thousands of links between a few thousand
    passages: registering the evidence and slicing the text once per passage (not once per
    link) keeps the table cheap. The cells are frozen, so rows can share them.
    """

    def __init__(self, ctx: ReportContext) -> None:
        self.ctx = ctx
        self.seen: dict[tuple[object, ...], tuple[Cell, Cell, str | None]] = {}

    def cells(self, record: Mapping[str, Any], kind: str) -> tuple[Cell, Cell, str | None]:
        """Return ``(outlet cell, passage cell, anchor)`` of one end of a link."""
        start, end = record.get("start"), record.get("end")
        key = (str(record.get("article")), start, end, kind)
        if type(start) is int and type(end) is int and key in self.seen:
            return self.seen[key]
        ctx = self.ctx
        href = ctx.span_anchor(record, "link", kind)
        built = (
            Cell(ctx.outlet(record.get("article")), None, href),
            Cell(_span_text(ctx, record), None, href),
            href,
        )
        if type(start) is int and type(end) is int:
            self.seen[key] = built
        return built


def _span_text(ctx: ReportContext, record: Mapping[str, Any]) -> str:
    article = ctx.evidence.articles.get(str(record.get("article")))
    if article is None:
        return ""
    return article.text[int(record.get("start", 0)) : int(record.get("end", 0))]


_MAX_PAIRS = 200  # a longer pair table is a detail table, summarised by its top pairs


def _pairs(raw: Sequence[Any], links: Sequence[Any], ctx: ReportContext) -> Table:
    """Copy shares of each linked pair; each share links to the pair's first link of its kind."""
    first: dict[tuple[str, str, str, str], str | None] = {}
    for link in links:
        if not isinstance(link, Mapping) or link.get("kind") not in ("verbatim", "edited"):
            continue
        a, b = link.get("a") or {}, link.get("b") or {}
        pair = (str(a.get("article")), str(b.get("article")))
        for side, end in (("a", a), ("b", b)):
            key = (*pair, side, str(link["kind"]))
            if key not in first:
                first[key] = ctx.span_anchor(end, "link", str(link["kind"]))
    rows = []
    for pair in raw:
        if not isinstance(pair, Mapping):
            continue
        ids = (str(pair.get("a")), str(pair.get("b")))
        cells = [Cell(ctx.outlet(ids[0])), Cell(ctx.outlet(ids[1]))]
        for side in ("a", "b"):
            for kind in ("verbatim", "edited"):
                share = float(pair.get(f"{side}_{kind}") or 0.0)
                href = first.get((*ids, side, kind))
                cells.append(Cell.number(round(100 * share, 1), href, digits=1))
        cells.append(Cell("yes" if pair.get("likely_common_source") else "no"))
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
    return Table("alignment-pairs", _title("pairs"), columns, tuple(rows), note, long)


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
