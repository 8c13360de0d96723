"""The report's "Who is quoted" table: :func:`analysis.present.quote_tables.who_is_quoted_table`."""

from __future__ import annotations

from analysis.present.quote_tables import who_is_quoted_table
from analysis.present.sources import source_groups
from analysis.reports.content import Table
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult

__all__ = ["KEY", "who_is_quoted"]

KEY = "framing-speakers"


def who_is_quoted(result: ComparisonResult, ctx: ReportContext) -> Table | None:
    """Return one row per source merged across outlets (None without framing).

    Each source's first attribution is marked in the text with the source's name; the
    table's attribution counts link there.
    """
    if result.framing is None:
        return None
    for group in source_groups(result):
        first = group.by_article[0][1][0]
        span = first.span
        ctx.evidence.add(first.article, span.start, span.end, "source", "source: " + group.name)
    return report_table(who_is_quoted_table(result), KEY, "Who is quoted", ctx, None)
