"""The report's "Who is quoted" table, from the merged sources of :mod:`analysis.present`."""

from __future__ import annotations

from analysis.present.sources import source_groups
from analysis.reports.content import Cell, Table
from analysis.reports.generic import ReportContext
from analysis.result import ComparisonResult

__all__ = ["KEY", "who_is_quoted"]

KEY = "framing-speakers"


def who_is_quoted(result: ComparisonResult, ctx: ReportContext) -> Table | None:
    """Return one row per source merged across outlets (None without framing)."""
    groups = source_groups(result)
    if result.framing is None:
        return None
    rows = []
    for group in groups:
        first = group.by_article[0][1][0]
        href = ctx.evidence.add(
            first.article, first.span.start, first.span.end, "source", "source: " + group.name
        )
        per = ", ".join(f"{ctx.outlet(a)} {len(s)}" for a, s in group.by_article)
        others = [v for v in group.variants if v != group.name]
        rows.append(
            (
                Cell(group.name),
                Cell("anonymous" if group.anonymous else "named"),
                Cell.number(len(group.by_article)),
                Cell.number(group.total, href),
                Cell(per),
                Cell("; ".join(others)),
            )
        )
    columns = ("Source", "Kind", "Outlets", "Attributions", "Per outlet", "Also written as")
    note = (
        "One row per source across outlets: named sources merge by surname, unnamed ones by "
        "their wording without determiners, rank words, plurals and U.S./US spelling."
    )
    return Table(KEY, "Who is quoted", columns, tuple(rows), note)
