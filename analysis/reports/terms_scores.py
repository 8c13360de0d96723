"""The learned model's part of the terms section: scores with intervals, most loaded sentences.

Reads the terms report's :class:`~analysis.terms.scores.LoadedScore` of each article
(``score``, ``interval``, ``rate``, ``sentences``, ``top``). Outlets are listed in the
comparison's order, never by score: where intervals overlap the table says the outlets are
not distinguishable instead of ranking them.
"""

from __future__ import annotations

from analysis.present.loaded_sentences import loaded_sentence_groups
from analysis.present.terms_tables import loaded_score_table
from analysis.reports.content import Block, Table
from analysis.reports.generic import ReportContext
from analysis.reports.passage_group import report_passages
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult
from analysis.terms.report import TermReport

__all__ = ["score_blocks"]


def score_blocks(
    report: TermReport,
    result: ComparisonResult,
    ctx: ReportContext,
    quoted_words: frozenset[tuple[str, int, int]] = frozenset(),
) -> list[Block]:
    """The score table and the most-loaded-sentences views (empty without scores).

    Args:
        report: The terms report (its ``loaded_scores``).
        result: The comparison (its articles' order and labels).
        ctx: The report context.
        quoted_words: ``(article, start, end)`` of hits inside quotations: marked as quoted
            even in a sentence that is mostly the outlet's own voice, and the reverse.
    """
    if not any(report.score_of(aid) is not None for aid in ctx.names):
        return []
    groups = loaded_sentence_groups(report, result, quoted_words)
    return [_table(result, ctx), *(report_passages(g, ctx.evidence) for g in groups)]


def _table(result: ComparisonResult, ctx: ReportContext) -> Table:
    """The app's scores (:func:`~analysis.present.terms_tables.loaded_score_table`)."""
    table = loaded_score_table(result)
    return report_table(table, "loaded-scores", "Loaded-language score by outlet", ctx, None)
