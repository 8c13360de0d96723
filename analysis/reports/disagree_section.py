"""The disagreements and naming sections: what each outlet says where they differ.

The tables and passages are the app's own values from
:mod:`analysis.present.disagree_tables` (labels, order, which rows, notes): contradictions
first, in a table and a side-by-side view of their own, then the other numbers and the
labels. This module only registers every differing word and every name as evidence in the
article text and renders the values; each outlet's words link to them.
"""

from __future__ import annotations

from analysis.disagree.values import Disagreement
from analysis.model import Span
from analysis.present import disagree_tables as present
from analysis.reports.content import Block, PassageCell, Section, SideBySide, Table
from analysis.reports.evidence import Mark, anchor_id, fragments
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult

__all__ = ["disagreements_section", "naming_section"]

_MAX_ROWS = 200
_MAX_ACTORS = 40
_CONTRA_SIDE = "Contradictions: what each outlet says"
_LOADED = ("loaded", "loaded-quoted")


def disagreements_section(result: ComparisonResult, ctx: ReportContext) -> Section:
    """Return the section of the numbers and labels outlets word differently."""
    groups = {g.key: g for g in present.fact_groups(result, _MAX_ROWS)}
    _mark_members(present.ordered_facts(result), ctx)
    blocks: list[Block] = [
        report_table(g.table, g.key, g.title, ctx, None) for g in groups.values()
    ]
    contra = groups.get("contradictions")
    if contra is not None:
        side = _side_by_side(result, "contradictions-side", _CONTRA_SIDE, contra.items, ctx)
        blocks.append(side)
    rest = tuple(d for key, g in groups.items() if key != "contradictions" for d in g.items)
    if rest:
        blocks.append(_side_by_side(result, "disagreements", "What each outlet says", rest, ctx))
    return Section("disagreements", "Where outlets disagree", _intro(result), tuple(blocks))


def _intro(result: ComparisonResult) -> str:
    items = present.ordered_facts(result)
    if not items:
        return "No numbers or labels differ within the aligned passages."
    numbers = [d for d in items if d.kind == "number"]
    contradictions = sum(1 for d in numbers if d.contradiction)
    return (
        f"Within passages that report the same fact: {len(numbers)} numbers worded "
        f"differently ({contradictions} contradicting each other: ranges that cannot both be "
        f"true), and {len(items) - len(numbers)} groups of people, things or acts named with "
        'different words. Vague wording is read as a range ("about 3,000" is 2,700–3,300, '
        '"thousands" 2,000–9,999, "at least 12" 12 and more).'
    )


def _mark_members(items: tuple[Disagreement, ...], ctx: ReportContext) -> None:
    """Mark every differing word in the text, labelled with the value read from it."""
    for d in items:
        for m in d.members:
            ctx.evidence.add(m.article, m.start, m.end, "differs", f"{d.kind}: {m.value}")


def _side_by_side(
    result: ComparisonResult,
    key: str,
    title: str,
    items: tuple[Disagreement, ...],
    ctx: ReportContext,
) -> SideBySide:
    """Each fact's passage in every outlet, the differing words and loaded terms marked."""
    ids = list(ctx.names)
    rows = []
    for d in items[:_MAX_ROWS]:
        by_article = {p.article: p for p in present.fact_passages(result, d)}
        rows.append(tuple(_passage(p, ctx) if (p := by_article.get(a)) else None for a in ids))
    labels = tuple(present.fact_heading(d) for d in items[:_MAX_ROWS])
    return SideBySide(key, title, tuple(ctx.outlet(a) for a in ids), tuple(rows), labels)


def _passage(passage: present.OutletPassage, ctx: ReportContext) -> PassageCell:
    aid, start = passage.article, passage.start
    span = Span(start, passage.end)
    marks = [Mark(start + s, start + e, "differs", value) for s, e, value in passage.marks]
    marks += [m for m in ctx.evidence.marks_in(aid, span) if m.kind in _LOADED]
    frags = fragments(ctx.evidence.articles[aid], span, marks, anchors=False)
    return PassageCell(aid, frags, anchor_id(aid, start), passage.label)


def naming_section(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    """Return the actor × outlet naming table, or None when no actor was found."""
    report = result.disagreements
    if report is None or not report.actors:
        return None
    for actor in report.actors:  # every name is marked in the text, labelled with its actor
        for m in actor.mentions:
            ctx.evidence.add(m.article, m.start, m.end, "name", actor.name)
    title = "Actors as each outlet names them"
    names = report_table(present.naming_table(result, _MAX_ACTORS), "naming", title, ctx, None)
    mentions = present.mentions_table(result)
    every = report_table(mentions, "naming-mentions", "Every mention", ctx, None)
    intro = (
        "How each outlet names each person across its whole article: full names, titles, "
        "surnames and descriptions, grouped by Slant's own rules (no trained model)."
    )
    detail = Table(every.key, every.title, every.columns, every.rows, detail=True)
    return Section("naming", "How each outlet names the actors", intro, (names, detail))
