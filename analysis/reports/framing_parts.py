"""Parts of the framing section: attribution verbs, hedges, headlines and frames.

Each function reads one part of the result's :class:`FramingReport` and returns its blocks;
:mod:`analysis.reports.framing_section` puts them together. The helpers here are shared
by the vocabulary and readability sections too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analysis.framing.frames import FrameEmphasis
from analysis.framing.headlines import HeadlineCheck
from analysis.framing.stance import HedgeProfile, VerbProfile
from analysis.model import Span
from analysis.present import tables as present
from analysis.present.charts import ChartData, ChartRow
from analysis.reports.content import Block, Cell, Table
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_cell, report_table

__all__ = [
    "MAX_CHART_OUTLETS",
    "first",
    "frame_blocks",
    "headline_table",
    "hedge_blocks",
    "span_of",
    "span_text",
    "verb_blocks",
]

MAX_CHART_OUTLETS = 12  # more outlets than this: tables only (a bar chart would be pages long)
_MAX_FRAME_SERIES = 6  # frames are drawn with one bar per outlet, so fewer outlets still
_STANCES = (
    ("verbs_neutral", "neutral"),
    ("verbs_distancing", "distancing"),
    ("verbs_endorsing", "endorsing"),
    ("verbs_emotive", "emotive"),
    ("unclassified", "unclassified"),
)


def span_of(
    ctx: ReportContext, aid: str, span: Span | None, kind: str, label: str = ""
) -> str | None:
    """Register a span of article ``aid``; return its anchor or None."""
    if span is None:
        return None
    return ctx.evidence.add(aid, span.start, span.end, kind, label)


def first(anchors: Iterable[str | None]) -> str | None:
    return next((a for a in anchors if a), None)


def span_text(text: str, span: Span | None) -> str:
    """Return the text of a span ("" for none)."""
    return "" if span is None else text[span.start : span.end]


def verb_blocks(
    tables: tuple[present.Table, present.Table],
    raw: Sequence[VerbProfile],
    ctx: ReportContext,
    chart: bool,
) -> list[Block]:
    """The attribution-verb chart (while outlets are few), the stance table and the verbs.

    Args:
        tables: The app's verb table and the verbs in words
            (:func:`analysis.present.framing_tables.verb_profile_table`, ``verb_words_table``).
        raw: The verb profiles the chart draws.
        ctx: The report context.
        chart: Whether to draw the chart.
    """
    table, words = tables
    bars = []
    for entry in raw:
        aid = entry.article
        uses: dict[str, list[str | None]] = {}
        for use in entry.uses:
            anchor = span_of(ctx, aid, use.span, "verb", f"attribution verb: {use.stance}")
            uses.setdefault(use.stance, []).append(anchor)
        values = tuple(float(len(uses.get(key, []))) for key, _ in _STANCES)
        hrefs = tuple(first(uses.get(key, [])) for key, _ in _STANCES)
        bars.append(ChartRow(ctx.outlet(aid), values, links=hrefs))
    blocks: list[Block] = []
    if chart and bars:
        blocks.append(_verb_chart(bars))
    blocks.append(report_table(table, "framing-verbs", "Attribution verbs", ctx, _VERB_MARK))
    if words.rows:
        blocks.append(report_table(words, "framing-verb-words", "The verbs", ctx, _VERB_MARK))
    return blocks


_VERB_MARK = ("verb", "attribution verb")


def _verb_chart(bars: Sequence[ChartRow]) -> ChartData:
    # Stances no outlet uses would only add rows of zeros.
    used = [i for i in range(len(_STANCES)) if any(b.values[i] for b in bars)]
    series = tuple(_STANCES[i][1] for i in used)
    kept = tuple(
        ChartRow(b.label, tuple(b.values[i] for i in used), links=tuple(b.links[i] for i in used))
        for b in bars
    )
    return ChartData(
        "Attribution verbs by stance",
        series,
        kept,
        "uses",
        key="framing-verb-chart",
        by_row=True,
    )


def hedge_blocks(
    table: present.Table, raw: Sequence[HedgeProfile], ctx: ReportContext, chart: bool
) -> list[Block]:
    """The hedges-and-boosters chart (while outlets are few) and table.

    Args:
        table: The app's hedges table (:func:`analysis.present.framing_tables.hedges_table`).
        raw: The hedge profiles the chart draws.
        ctx: The report context.
        chart: Whether to draw the chart.
    """
    shown = report_table(table, "framing-hedges", "Hedges and boosters", ctx, _HEDGE_MARK)
    blocks: list[Block] = []
    bars = []
    for entry in raw:
        aid = entry.article
        spans = [span_of(ctx, aid, s, *_HEDGE_MARK) for s in entry.evidence]
        href = first(spans)
        bars.append(
            ChartRow(ctx.outlet(aid), (entry.hedge_rate, entry.booster_rate), links=(href, href))
        )
    if chart and bars:
        blocks.append(
            ChartData(
                "Hedges and boosters per 1,000 own-voice words",
                ("hedges", "boosters"),
                tuple(bars),
                "per 1,000 own-voice words",
                key="framing-hedge-chart",
                by_row=True,
            )
        )
    blocks.append(shown)
    return blocks


_HEDGE_MARK = ("hedge", "hedge or booster")


#: Evidence marks of the headline table's columns: (kind, label); loaded terms are
#: registered one by one with their category.
_HEADLINE_MARKS = {
    "Headline": ("headline", ""),
    "Support": ("support", "sentence that best supports the headline"),
    "Supported": ("unsupported", "headline words the body does not bear out"),
    "Best body match": ("support", "sentence that best supports the headline"),
}


def headline_table(table: present.Table, raw: Sequence[HeadlineCheck], ctx: ReportContext) -> Table:
    """Each headline against its body: the app's table (supported or not, by which sentence).

    Args:
        table: The app's headline table (:func:`analysis.present.framing_more.headlines_table`),
            one row per check of ``raw`` in the same order.
        raw: The headline checks (their loaded terms are marked in the text).
        ctx: The report context.
    """
    rows = []
    for row, check in zip(table.rows, raw, strict=True):
        loaded = [
            ctx.evidence.add(h.article, h.start, h.end, "loaded", h.category) for h in check.loaded
        ]
        cells = []
        for header, cell in zip(table.headers, row, strict=True):
            mark = _HEADLINE_MARKS.get(header)
            shown = report_cell(cell, ctx, mark) if mark else Cell(cell.text, None, None)
            if header == "Loaded terms":
                shown = Cell(cell.text, None, first(loaded))
            cells.append(shown)
        rows.append(tuple(cells))
    title = "Headlines against their bodies"
    return Table("framing-headlines", title, table.headers, tuple(rows), table.note)


def frame_blocks(
    table: present.Table, raw: Sequence[FrameEmphasis], ctx: ReportContext
) -> list[Block]:
    """The frame-emphasis chart (while outlets are few) and the app's frames table.

    Args:
        table: The app's frames table (:func:`analysis.present.framing_more.frames_table`).
        raw: The frame counts the chart draws (hits per 1,000 words).
        ctx: The report context.
    """
    per: dict[str, dict[str, tuple[float, str | None]]] = {}
    for entry in raw:
        aid = entry.article
        if aid not in ctx.names:
            continue
        firsts: dict[str, str | None] = {}
        for hit in entry.hits:
            dim = hit.category
            if dim not in firsts:
                label = f"frame: {dim.replace('_', ' ')}"
                firsts[dim] = ctx.evidence.add(hit.article, hit.start, hit.end, "frame", label)
        words = max(1, ctx.evidence.articles[aid].word_count)
        for dim, own, quoted in sorted(entry.counts, key=lambda c: -(c[1] + c[2])):
            total = own + quoted
            if total == 0:
                continue
            rate = 1000 * total / words
            per.setdefault(dim, {})[aid] = (rate, firsts.get(dim))
    blocks: list[Block] = []
    ids = [a for a in ctx.names if any(a in v for v in per.values())]
    if per and len(ids) <= _MAX_FRAME_SERIES:
        bars = tuple(
            ChartRow(
                _frame_name(dim),
                tuple(per[dim].get(a, (0.0, None))[0] for a in ids),
                links=tuple(per[dim].get(a, (0.0, None))[1] for a in ids),
            )
            for dim in sorted(per, key=lambda d: -sum(v[0] for v in per[d].values()))
        )
        series = tuple(ctx.outlet(a) for a in ids)
        blocks.append(
            ChartData(
                "Frame emphasis",
                series,
                bars,
                "hits per 1,000 words",
                key="framing-frame-chart",
                label="Frame",
                by_row=True,
            )
        )
    if table.rows:
        frame = ("frame", "frame words")
        blocks.append(report_table(table, "framing-frames", "Frames by outlet", ctx, frame))
    return blocks


def _frame_name(dim: str) -> str:
    return dim.replace("_", " ").capitalize()
