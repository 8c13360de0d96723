"""The framing section: quotes and sources, attribution verbs, hedges, headlines, frames.

Reads the result's :class:`FramingReport` (``docs/framing.md``): per article ``quotes``,
``sources``, ``quoted_words``, ``words``, ``sentiment``; across articles ``verbs``,
``hedges``, ``headlines``, ``frames`` and ``passages``. "Who is quoted" comes from the
sources merged across outlets (:mod:`analysis.reports.sources_table`). Each count links to its
first occurrence in the text; charts are drawn where a comparison reads better as bars
(own voice vs quoted, verb stances, hedges, frames) and while there are few enough outlets
for bars to stay legible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from analysis.framing.quoting import Quote
from analysis.framing.report import ArticleFraming
from analysis.present.charts import ChartData, ChartRow
from analysis.present.framing_more import frames_table, headlines_table, sentiment_table
from analysis.present.framing_tables import (
    hedges_per_passage,
    hedges_table,
    sentiment_per_passage,
    source_summary_table,
    verb_changes_table,
    verb_profile_table,
    verb_words_table,
)
from analysis.present.quote_tables import quotes_table
from analysis.reports.content import Block, Section, Table
from analysis.reports.framing_parts import (
    MAX_CHART_OUTLETS,
    first,
    frame_blocks,
    headline_table,
    hedge_blocks,
    span_of,
    verb_blocks,
)
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult

__all__ = ["SPEAKERS_BEFORE", "framing_section"]

_SENTIMENT = ("framing-sentiment", "Sentiment per article")

#: Key of the block that "Who is quoted" goes before.
SPEAKERS_BEFORE = "framing-passages"


_Quotes = Mapping[str, list[tuple[Quote, str | None]]]


def framing_section(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    """Return the section, or None when no compared outlet has a framing record.

    The sources, sentiment, verbs, hedges and headline tables are the app's
    (:mod:`analysis.present`).

    "Who is quoted" (sources merged across outlets) is added by the caller, before the
    passages framed differently (:data:`SPEAKERS_BEFORE`).
    """
    report = result.framing
    if report is None:
        return None
    articles = [a for a in report.articles if a.article in ctx.names]
    if not articles:
        return None
    chart = len(ctx.names) <= MAX_CHART_OUTLETS
    blocks: list[Block] = []
    quotes = _quote_anchors(articles, ctx)
    blocks.append(_quotes_table(result, ctx))
    if chart:
        blocks.append(_voice_chart(articles, quotes, ctx))
    blocks.append(report_table(sentiment_table(result), *_SENTIMENT, ctx, ("", "")))
    blocks.extend(
        verb_blocks(
            (verb_profile_table(result), verb_words_table(result)), report.verbs, ctx, chart
        )
    )
    blocks.extend(hedge_blocks(hedges_table(result), report.hedges, ctx, chart))
    blocks.append(headline_table(headlines_table(result), report.headlines, ctx))
    blocks.extend(frame_blocks(frames_table(result), report.frames, ctx))
    blocks.extend(_passages(result, ctx))
    blocks.append(_quote_details(ctx, result))
    method = report.sentiment_method
    intro = (
        "Who each outlet quotes and how: quotes and sources, the verbs that attribute them, "
        "hedges and boosters, whether the headline is borne out by the body, and which "
        "policy frames the wording leans on. Each number links to its first occurrence."
    )
    if method:
        intro += f" Sentiment: {method}."
    return Section("framing", "Framing", intro, tuple(blocks))


def _quote_anchors(articles: list[ArticleFraming], ctx: ReportContext) -> _Quotes:
    """Every quote of every article with the anchor of its text."""
    out: dict[str, list[tuple[Quote, str | None]]] = {}
    for art in articles:
        aid = art.article
        out[aid] = []
        for quote in art.quotes:
            attr = quote.attribution
            who = (attr.speaker or "") if attr is not None else ""
            label = f"quote: {who}" if who else "quote, speaker unknown"
            out[aid].append((quote, span_of(ctx, aid, quote.span, "quote", label)))
    return out


#: Evidence marks of the "Quotes and sources" columns (quotes carry their speaker's
#: label already, from :func:`_quote_anchors`).
_SOURCE_MARKS = {
    "Named": ("source", "named source"),
    "Anonymous": ("source", "anonymous source"),
}


def _quotes_table(result: ComparisonResult, ctx: ReportContext) -> Table:
    """The app's per-outlet sources and quotes table (``source_summary_table``)."""
    table = source_summary_table(result)
    title = "Quotes and sources"
    return report_table(table, "framing-sources", title, ctx, ("quote", ""), _SOURCE_MARKS)


def _voice_chart(articles: list[ArticleFraming], quotes: _Quotes, ctx: ReportContext) -> ChartData:
    bars = []
    for art in articles:
        aid = art.article
        share = 100 * art.quote_share
        first_quote = first(a for _, a in quotes.get(aid, []))
        headline = ctx.evidence.articles[aid].headline
        own = ctx.evidence.add(aid, headline.start, headline.end, "headline") if headline else None
        bars.append(ChartRow(ctx.outlet(aid), (100 - share, share), links=(own, first_quote)))
    return ChartData(
        "Own voice vs quoted words",
        ("own voice", "quoted"),
        tuple(bars),
        "% of the text's words",
        key="framing-voice",
        by_row=True,
    )


def _quote_details(ctx: ReportContext, result: ComparisonResult) -> Table:
    """Every quote (:func:`analysis.present.quote_tables.quotes_table`), linked to its words.

    Its quotes are marked with their speakers already (:func:`_quote_anchors`).
    """
    table = report_table(quotes_table(result), "framing-quotes", "Every quote", ctx, None)
    return replace(table, detail=True)


_MAX_PASSAGE_ROWS = 100  # more rows than this: folded in HTML, left to CSV/JSON on paper

#: The per-passage tables, the app's: builder, key, title.
_PASSAGE_TABLES = (
    (verb_changes_table, SPEAKERS_BEFORE, "Same passage, different framing"),
    (hedges_per_passage, "framing-passage-hedges", "Hedges per aligned passage"),
    (sentiment_per_passage, "framing-passage-sentiment", "Sentiment per aligned passage"),
)


def _passages(result: ComparisonResult, ctx: ReportContext) -> list[Block]:
    """Shared passages as the outlets frame them: verbs, hedges and sentiment (the app's)."""
    blocks: list[Block] = []
    for build, key, title in _PASSAGE_TABLES:
        shown = report_table(build(result), key, title, ctx, ("passage", ""))
        if shown.rows or key == SPEAKERS_BEFORE:  # "Who is quoted" goes before the first
            blocks.append(replace(shown, detail=len(shown.rows) > _MAX_PASSAGE_ROWS))
    return blocks
