"""The aligned-passages section: passages side by side, the omission matrix, coverage, links.

Reads the alignment section's JSON form: ``links`` (``a``/``b`` spans, ``kind``, ``score``),
``clusters`` (``members``: spans of one passage in several articles) and ``coverage``
(per article, ``shared_fraction``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.model import Span
from analysis.reports.content import Block, Cell, PassageCell, Section, SideBySide, Table
from analysis.reports.evidence import fragments
from analysis.reports.generic import ReportContext, section_tables

__all__ = ["alignment_section"]

_MAX_SIDE_ROWS = 400  # beyond this the side-by-side view is cut; tables keep every row
_HANDLED = frozenset(("links", "clusters", "coverage", "settings", "articles", "pairs"))


def _title(key: str) -> str:
    return {"pairs": "Copy shares between pairs of outlets"}.get(
        key, key.replace("_", " ").capitalize()
    )


def alignment_section(data: Any, ctx: ReportContext) -> Section | None:
    """Return the section, or None when ``data`` is not an alignment's JSON form."""
    if not isinstance(data, Mapping) or not {"links", "clusters"} & set(data):
        return None
    ids = list(ctx.names)
    clusters = _clusters(data.get("clusters") or [], ids)
    _mark_passages(clusters, len(ids), ctx)
    _mark_edits(clusters, _link_sides(data.get("links") or []), ctx)
    blocks: list[Block] = []
    coverage = _coverage(data.get("coverage") or {}, clusters, ids, ctx)
    if coverage is not None:
        blocks.append(coverage)
    blocks.append(_omission_matrix(clusters, ids, ctx))
    blocks.append(_side_by_side(clusters, ids, ctx))
    blocks.append(_links(data.get("links") or [], ctx))
    _mark_unique(data.get("coverage") or {}, ctx)
    if isinstance(data.get("pairs"), Sequence):
        blocks.append(_pairs(data["pairs"], data.get("links") or [], ctx))
    for key, value in data.items():
        if key not in _HANDLED:
            blocks.extend(section_tables(f"alignment-{key}", _title(key), value, ctx))
    intro = (
        "Passages that report the same thing, one column per outlet. Highlighted: the words "
        "an outlet changed against a linked outlet's passage (the aligner's own word changes) "
        "and loaded terms. An empty cell means that outlet omits the passage."
    )
    return Section("alignment", "Aligned passages", intro, tuple(blocks))


def _clusters(raw: Sequence[Any], ids: list[str]) -> list[dict[str, Span]]:
    """Return clusters as ``{article id: span}``, ordered by position in the first outlet."""
    out: list[dict[str, Span]] = []
    for cluster in raw:
        members = cluster.get("members") if isinstance(cluster, Mapping) else None
        found: dict[str, Span] = {}
        for item in members or []:
            # A member is a span, or ``{"passage": span, "position": …}``.
            member = item.get("passage", item) if isinstance(item, Mapping) else {}
            aid = str(member.get("article"))
            if aid in ids and aid not in found:
                found[aid] = Span(int(member["start"]), int(member["end"]))
        if found:
            out.append(found)

    def order(found: dict[str, Span]) -> tuple[int, int]:
        first = min(ids.index(a) for a in found)
        return first, found[ids[first]].start

    return sorted(out, key=order)


def _kind(cluster: Mapping[str, Span], total: int) -> str:
    if len(cluster) == total:
        return "shared"
    return "partial" if len(cluster) > 1 else "unique"


def _mark_passages(clusters: list[dict[str, Span]], total: int, ctx: ReportContext) -> None:
    for cluster in clusters:
        kind = _kind(cluster, total)
        for aid, span in cluster.items():
            ctx.evidence.add(aid, span.start, span.end, kind, f"{len(cluster)} of {total} outlets")


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
    raw: Mapping[str, Any], clusters: list[dict[str, Span]], ids: list[str], ctx: ReportContext
) -> Table | None:
    if not raw:
        return None
    rows = []
    for aid in ids:
        cov = raw.get(aid)
        if not isinstance(cov, Mapping):
            continue
        first = next((c[aid] for c in clusters if aid in c and len(c) > 1), None)
        href = f"a-{aid}-{_visible(ctx, aid, first)}" if first is not None else None
        fraction = float(cov.get("shared_fraction", 0.0))
        rows.append((Cell(ctx.outlet(aid)), Cell.number(round(100 * fraction, 1), href)))
    return Table(
        "coverage",
        "Share of each text found in another outlet",
        ("Outlet", "Shared %"),
        tuple(rows),
    )


def _omission_matrix(clusters: list[dict[str, Span]], ids: list[str], ctx: ReportContext) -> Table:
    """Row outlet A, column outlet B: how many of A's passages B omits (links to the first)."""
    rows = []
    for a in ids:
        cells = [Cell(ctx.outlet(a))]
        for b in ids:
            if a == b:
                cells.append(Cell("–"))
                continue
            missing = [c[a] for c in clusters if a in c and b not in c]
            href = f"a-{a}-{_visible(ctx, a, missing[0])}" if missing else None
            cells.append(Cell.number(len(missing), href))
        rows.append(tuple(cells))
    columns = ("Passages of ↓ missing in →", *(ctx.outlet(b) for b in ids))
    note = "Each number counts the row outlet's passages that the column outlet does not carry."
    return Table("omissions", "Omission matrix", columns, tuple(rows), note)


def _side_by_side(
    clusters: list[dict[str, Span]], ids: list[str], ctx: ReportContext
) -> SideBySide:
    rows = []
    for cluster in clusters[:_MAX_SIDE_ROWS]:
        rows.append(tuple(_passage(aid, cluster, ctx) for aid in ids))
    note = (
        f"First {_MAX_SIDE_ROWS} of {len(clusters)} passages."
        if len(clusters) > _MAX_SIDE_ROWS
        else ""
    )
    columns = tuple(ctx.outlet(a) for a in ids)
    return SideBySide("passages", "Passages side by side", columns, tuple(rows), (), note)


def _passage(aid: str, cluster: Mapping[str, Span], ctx: ReportContext) -> PassageCell | None:
    span = cluster.get(aid)
    if span is None:
        return None
    article = ctx.evidence.articles[aid]
    marks = [m for m in ctx.evidence.marks_in(aid, span) if m.kind in _WORD_MARKS]
    frags = fragments(article, span, marks, anchors=False)
    return PassageCell(aid, frags, f"a-{aid}-{_visible(ctx, aid, span)}")


_WORD_MARKS = frozenset(("loaded", "loaded-quoted", "term", "edited"))
_Side = tuple[int, int, tuple[tuple[int, int], ...]]


def _link_sides(raw: Sequence[Any]) -> dict[str, list[_Side]]:
    """Each link's span on each side with the changed-word spans on that side.

    The words come from the links' own ``changes`` (the aligner's word edits), the same
    evidence the app highlights: the report never recomputes a diff of its own.
    """
    sides: dict[str, list[_Side]] = {}
    for link in raw:
        if not isinstance(link, Mapping):
            continue
        changes = [c for c in link.get("changes") or [] if isinstance(c, Mapping)]
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
    clusters: list[dict[str, Span]], sides: Mapping[str, list[_Side]], ctx: ReportContext
) -> None:
    """Mark, in each passage, the changed words of every link overlapping it (as the app does)."""
    ordered = {aid: sorted(found) for aid, found in sides.items()}
    starts = {aid: [s[0] for s in found] for aid, found in ordered.items()}
    longest = {aid: max((s[1] - s[0] for s in found), default=0) for aid, found in ordered.items()}
    for cluster in clusters:
        for aid, span in cluster.items():
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


def _links(raw: Sequence[Any], ctx: ReportContext) -> Table:
    ends = _LinkEnds(ctx)
    rows = []
    for link in raw:
        if not isinstance(link, Mapping):
            continue
        kind = str(link.get("kind", ""))
        outlet_a, text_a, href_a = ends.cells(link.get("a") or {}, kind)
        outlet_b, text_b, _ = ends.cells(link.get("b") or {}, kind)
        score = Cell.number(float(link.get("score", 0.0)), href_a, digits=1)
        rows.append((outlet_a, text_a, outlet_b, text_b, Cell(kind), score))
    columns = ("Outlet A", "Passage A", "Outlet B", "Passage B", "Kind", "Score")
    return Table("links", "Passage links", columns, tuple(rows), detail=True)


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


def _visible(ctx: ReportContext, aid: str, span: Span) -> int:
    """Return the first non-space offset of a span (where its anchor sits)."""
    text = ctx.evidence.articles[aid].text
    start = span.start
    while start < span.end and text[start].isspace():
        start += 1
    return start


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
    return Table("alignment-pairs", _title("pairs"), columns, tuple(rows), note)
