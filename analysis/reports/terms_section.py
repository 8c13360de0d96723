"""The loaded-terms section: counts per outlet (own voice vs quoted), a chart, term tables.

Reads the result's :class:`~analysis.terms.report.TermReport`: its ``categories`` (which
are loaded), ``hits`` (``article``, ``start``, ``end``, ``category``, ``in_quote``), the
``rates`` of loaded terms per article and the learned model's scores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from analysis.present.charts import ChartData, ChartRow
from analysis.present.terms_hits import (
    Hit,
    category_counts_table,
    frequent_terms_table,
    hit_table,
    shown_hits,
)
from analysis.reports.content import Block, Section
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.reports.terms_scores import score_blocks
from analysis.result import ComparisonResult
from analysis.terms.rates import CategoryRate
from analysis.terms.report import TermReport

__all__ = ["terms_section"]

_COUNTS = "Lexicon terms by outlet and category"
_FREQUENT = "Loaded terms, most frequent first"
_EVERY = "Every loaded-term occurrence"


def terms_section(report: TermReport, result: ComparisonResult, ctx: ReportContext) -> Section:
    """Return the loaded-terms section of a terms report.

    The term tables are :mod:`analysis.present.terms_hits`'s; this marks every shown hit in
    the texts (own voice, quoted, or a term of a category that is not loaded) first.
    """
    hits = shown_hits(result)
    _mark(report, ctx)
    quoted = frozenset(h.evidence for h in hits if h.in_quote)
    blocks: list[Block] = [
        *score_blocks(report, result, ctx, quoted),
        _chart(hits, {r.article: r.loaded for r in report.rates}, ctx),
        report_table(category_counts_table(result, hits), "term-counts", _COUNTS, ctx, None),
        report_table(frequent_terms_table(result, hits), "terms", _FREQUENT, ctx, None),
        replace(report_table(hit_table(result, hits), "term-hits", _EVERY, ctx, None), detail=True),
    ]
    intro = (
        "Loaded wording per outlet: first the learned model's score with its interval and "
        "each outlet's most loaded sentences, then the terms from the lexicons and the model "
        "(category 'learned'), split into the outlet's own voice and words inside "
        "quotations. Each number links to its first occurrence."
    )
    return Section("terms", "Loaded terms", intro, tuple(blocks))


def _mark(report: TermReport, ctx: ReportContext) -> None:
    """Mark every hit of a compared article in its text, in the terms report's order."""
    loaded = {c.name: c.loaded for c in report.categories}
    for item in report.hits:
        if item.article in ctx.names:
            kind = "loaded-quoted" if item.in_quote else "loaded"
            if not loaded.get(item.category, True):
                kind = "term"
            ctx.evidence.add(item.article, item.start, item.end, kind, item.category)


def _first(hits: Sequence[Hit], ctx: ReportContext) -> str | None:
    return ctx.evidence.anchor(*hits[0].evidence) if hits else None


def _chart(hits: Sequence[Hit], rates: Mapping[str, CategoryRate], ctx: ReportContext) -> ChartData:
    """Loaded-term rates per outlet, own voice vs quoted.

    Uses the terms report's own ``loaded`` rates (per 1,000 own-voice words and per 1,000
    quoted words) when present, so the report shows the app's numbers; otherwise both are
    per 1,000 words of the whole text.
    """
    by_article: dict[str, list[Hit]] = {}  # one pass: a scan of every hit per outlet was quadratic
    for hit in hits:
        if hit.loaded:
            by_article.setdefault(hit.article, []).append(hit)
    bars = []
    for aid in ctx.names:
        mine = by_article.get(aid, [])
        own = [h for h in mine if not h.in_quote]
        quoted = [h for h in mine if h.in_quote]
        rate = rates.get(aid)
        if rate is not None:
            values = (rate.own, rate.quoted)
        else:
            words = max(1, ctx.evidence.articles[aid].word_count)
            values = (1000 * len(own) / words, 1000 * len(quoted) / words)
        links = (_first(own, ctx), _first(quoted, ctx))
        bars.append(ChartRow(ctx.outlet(aid), values, links=links))
    unit = "per 1,000 own-voice / quoted words" if rates else "per 1,000 words"
    return ChartData(
        "Loaded terms: own voice vs quoted",
        ("own voice", "quoted"),
        tuple(bars),
        unit,
        key="terms-chart",
        by_row=True,
    )
