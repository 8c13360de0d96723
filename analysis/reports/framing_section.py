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

from collections.abc import Mapping, Sequence

from analysis.framing.quoting import Quote
from analysis.framing.report import ArticleFraming, PassageFraming, PassageMember
from analysis.present.charts import ChartData, ChartRow
from analysis.present.framing_more import headlines_table
from analysis.present.framing_tables import hedges_table, verb_profile_table
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.framing_parts import (
    MAX_CHART_OUTLETS,
    first,
    frame_blocks,
    headline_table,
    hedge_blocks,
    span_of,
    span_text,
    verb_blocks,
)
from analysis.reports.generic import ReportContext
from analysis.result import ComparisonResult

__all__ = ["SPEAKERS_BEFORE", "framing_section"]

#: Key of the block that "Who is quoted" goes before.
SPEAKERS_BEFORE = "framing-passages"


_Quotes = Mapping[str, list[tuple[Quote, str | None]]]


def framing_section(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    """Return the section, or None when no compared outlet has a framing record.

    The verbs, hedges and headline tables are the app's (:mod:`analysis.present`).

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
    blocks.append(_quotes_table(articles, quotes, ctx))
    if chart:
        blocks.append(_voice_chart(articles, quotes, ctx))
    blocks.extend(verb_blocks(verb_profile_table(result), report.verbs, ctx, chart))
    blocks.extend(hedge_blocks(hedges_table(result), report.hedges, ctx, chart))
    blocks.append(headline_table(headlines_table(result), report.headlines, ctx))
    blocks.extend(frame_blocks(report.frames, ctx))
    blocks.append(_passages(report.passages, ctx))
    blocks.append(_quote_details(articles, quotes, ctx))
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


def _quotes_table(articles: list[ArticleFraming], quotes: _Quotes, ctx: ReportContext) -> Table:
    rows = []
    for art in articles:
        aid = art.article
        mine = quotes.get(aid, [])
        direct = [a for q, a in mine if q.direct]
        named = [
            span_of(ctx, aid, s.span, "source", "named source")
            for s in art.sources
            if not s.anonymous
        ]
        anon = [
            span_of(ctx, aid, s.span, "source", "anonymous source")
            for s in art.sources
            if s.anonymous
        ]
        share = art.quote_share
        rows.append(
            (
                Cell(ctx.outlet(aid)),
                Cell.number(len(mine), first(a for _, a in mine)),
                Cell.number(len(direct), first(direct)),
                Cell.number(len(mine) - len(direct), first(a for q, a in mine if not q.direct)),
                Cell.number(len(named), first(named)),
                Cell.number(len(anon), first(anon)),
                Cell.number(round(100 * share, 1), first(a for _, a in mine), digits=1),
                Cell.number(art.sentiment.compound),
            )
        )
    columns = (
        "Outlet",
        "Quotes",
        "Direct",
        "Indirect",
        "Named sources",
        "Anonymous sources",
        "Quoted words %",
        "Sentiment",
    )
    note = "Sentiment runs from −1 (negative) to +1 (positive): a rough lexicon measure."
    return Table("framing-sources", "Quotes and sources", columns, tuple(rows), note)


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


def _quote_details(articles: list[ArticleFraming], quotes: _Quotes, ctx: ReportContext) -> Table:
    rows = []
    for art in articles:
        aid = art.article
        text = ctx.evidence.articles[aid].text
        for quote, anchor in quotes.get(aid, []):
            attr = quote.attribution
            rows.append(
                (
                    Cell(ctx.outlet(aid), None, anchor),
                    Cell(span_text(text, quote.span), None, anchor),
                    Cell("direct" if quote.direct else "indirect"),
                    Cell((attr.speaker or "") if attr else ""),
                    Cell((attr.kind or "unknown") if attr else "unknown"),
                    Cell((attr.verb or "") if attr else ""),
                    Cell("yes" if quote.scare else "no"),
                )
            )
    columns = ("Outlet", "Quote", "Form", "Speaker", "Speaker kind", "Verb", "Scare quote")
    return Table("framing-quotes", "Every quote", columns, tuple(rows), detail=True)


_KIND_LABELS = {"partial": "shares a fact"}
_SENTIMENT_SPREAD = 0.1  # a shared passage whose sentiment differs less than this reads alike
_MAX_PASSAGE_ROWS = 100  # more rows than this: folded in HTML, left to CSV/JSON on paper
_SHOWN_CHARS = 90


def _passages(raw: Sequence[PassageFraming], ctx: ReportContext) -> Table:
    """Shared passages that outlets frame differently: other verbs, hedges or sentiment."""
    rows = []
    for number, entry in enumerate(raw, 1):
        members = [m for m in entry.members if m.article in ctx.names]
        if len(members) < 2 or not _differ(members):
            continue
        for member in members:
            aid = member.article
            anchor = span_of(ctx, aid, member.span, "passage")
            text = span_text(ctx.evidence.articles[aid].text, member.span).strip()
            if len(text) > _SHOWN_CHARS:
                text = text[: _SHOWN_CHARS - 1] + "…"
            verbs = ", ".join(v.verb for v in member.verbs)
            rows.append(
                (
                    Cell.number(number),
                    Cell(ctx.outlet(aid)),
                    Cell(text, None, anchor),
                    Cell(verbs),
                    Cell.number(sum(member.hedges.hedges)),
                    Cell.number(member.sentiment.compound),
                    Cell(_KIND_LABELS.get(member.kind, member.kind)),
                )
            )
    columns = (
        "Passage",
        "Outlet",
        "Text",
        "Attribution verbs",
        "Hedges",
        "Sentiment",
        "Carried as",
    )
    note = (
        "Passages several outlets carry, where their attribution verbs, hedges or sentiment "
        f"(by more than {_SENTIMENT_SPREAD}) differ. Carried as: verbatim, edited, "
        "paraphrase, or shares a fact (the outlet's sentence asserts a fact of the passage)."
    )
    detail = len(rows) > _MAX_PASSAGE_ROWS
    title = "Same passage, different framing"
    return Table("framing-passages", title, columns, tuple(rows), note, detail=detail)


def _differ(members: list[PassageMember]) -> bool:
    verbs = {tuple(v.verb for v in m.verbs) for m in members}
    hedges = {m.hedges.hedges for m in members}
    scores = [m.sentiment.compound for m in members]
    return len(verbs) > 1 or len(hedges) > 1 or max(scores) - min(scores) > _SENTIMENT_SPREAD
