"""The loaded-terms section: counts per outlet (own voice vs quoted), a chart, term tables.

Reads the result's :class:`~analysis.terms.report.TermReport`: its ``categories`` (which
are loaded), ``hits`` (``article``, ``start``, ``end``, ``category``, ``in_quote``), the
``rates`` of loaded terms per article and the learned model's scores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.present.charts import ChartData, ChartRow
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.generic import ReportContext
from analysis.reports.terms_scores import score_blocks
from analysis.terms.matcher import TermHit
from analysis.terms.rates import CategoryRate
from analysis.terms.report import TermReport

__all__ = ["terms_section"]

_MAX_TERM_ROWS = 300


@dataclass(frozen=True, slots=True)
class _Hit:
    article: str
    start: int
    end: int
    category: str
    in_quote: bool
    text: str
    anchor: str


def terms_section(report: TermReport, ctx: ReportContext) -> Section:
    """Return the loaded-terms section of a terms report."""
    loaded = {c.name: c.loaded for c in report.categories}
    hits = _hits(report.hits, loaded, ctx)
    ids = list(ctx.names)
    rates = {r.article: r.loaded for r in report.rates}
    blocks: list[Block] = [
        *score_blocks(
            report, ctx, frozenset((h.article, h.start, h.end) for h in hits if h.in_quote)
        ),
        _chart(hits, loaded, rates, ids, ctx),
        _counts(hits, loaded, ids, ctx),
        _terms([h for h in hits if loaded.get(h.category, True)], ctx),
        _hit_table(hits, ctx),
    ]
    intro = (
        "Loaded wording per outlet: first the learned model's score with its interval and "
        "each outlet's most loaded sentences, then the terms from the lexicons and the model "
        "(category 'learned'), split into the outlet's own voice and words inside "
        "quotations. Each number links to its first occurrence."
    )
    return Section("terms", "Loaded terms", intro, tuple(blocks))


def _hits(raw: Sequence[TermHit], loaded: Mapping[str, bool], ctx: ReportContext) -> list[_Hit]:
    hits = []
    order = {aid: i for i, aid in enumerate(ctx.names)}
    for item in raw:
        if item.article not in order:
            continue
        quoted = item.in_quote
        kind = "loaded-quoted" if quoted else "loaded"
        if not loaded.get(item.category, True):
            kind = "term"
        anchor = ctx.evidence.add(item.article, item.start, item.end, kind, item.category)
        if anchor is None:
            continue
        text = item.term or ctx.evidence.articles[item.article].text[item.start : item.end]
        hits.append(_Hit(item.article, item.start, item.end, item.category, quoted, text, anchor))
    return sorted(hits, key=lambda h: (order[h.article], h.start))


def _first(hits: Sequence[_Hit]) -> str | None:
    return hits[0].anchor if hits else None


def _chart(
    hits: list[_Hit],
    loaded: Mapping[str, bool],
    rates: Mapping[str, CategoryRate],
    ids: list[str],
    ctx: ReportContext,
) -> ChartData:
    """Loaded-term rates per outlet, own voice vs quoted.

    Uses the terms report's own ``loaded`` rates (per 1,000 own-voice words and per 1,000
    quoted words) when present, so the report shows the app's numbers; otherwise both are
    per 1,000 words of the whole text.
    """
    given = rates
    by_article: dict[str, list[_Hit]] = {}  # one pass: a scan of every hit per outlet was quadratic
    for hit in hits:
        if loaded.get(hit.category, True):
            by_article.setdefault(hit.article, []).append(hit)
    bars = []
    for aid in ids:
        mine = by_article.get(aid, [])
        own = [h for h in mine if not h.in_quote]
        quoted = [h for h in mine if h.in_quote]
        rate = given.get(aid)
        if rate is not None:
            values = (rate.own, rate.quoted)
        else:
            words = max(1, ctx.evidence.articles[aid].word_count)
            values = (1000 * len(own) / words, 1000 * len(quoted) / words)
        bars.append(ChartRow(ctx.outlet(aid), values, links=(_first(own), _first(quoted))))
    unit = "per 1,000 own-voice / quoted words" if given else "per 1,000 words"
    return ChartData(
        "Loaded terms: own voice vs quoted",
        ("own voice", "quoted"),
        tuple(bars),
        unit,
        key="terms-chart",
        by_row=True,
    )


def _counts(
    hits: list[_Hit], loaded: Mapping[str, bool], ids: list[str], ctx: ReportContext
) -> Table:
    categories = sorted({h.category for h in hits})
    # Grouped in one pass: scanning every hit per (article, category) was quadratic.
    groups: dict[tuple[str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.article, hit.category), []).append(hit)
    rows = []
    for aid in ids:
        words = max(1, ctx.evidence.articles[aid].word_count)
        for category in categories:
            mine = groups.get((aid, category))
            if not mine:
                continue
            own = [h for h in mine if not h.in_quote]
            quoted = [h for h in mine if h.in_quote]
            rows.append(
                (
                    Cell(ctx.outlet(aid)),
                    Cell(category),
                    Cell("yes" if loaded.get(category, True) else "no"),
                    Cell.number(len(own), _first(own)),
                    Cell.number(len(quoted), _first(quoted)),
                    Cell.number(1000 * len(mine) / words, _first(mine)),
                )
            )
    columns = ("Outlet", "Category", "Loaded", "Own voice", "Quoted", "Per 1,000 words")
    title = "Lexicon terms by outlet and category"
    return Table("term-counts", title, columns, tuple(rows))


def _terms(hits: list[_Hit], ctx: ReportContext) -> Table:
    groups: dict[tuple[str, str, str], list[_Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.text.lower(), hit.category, hit.article), []).append(hit)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = []
    for (term, category, aid), group in ordered[:_MAX_TERM_ROWS]:
        own = [h for h in group if not h.in_quote]
        quoted = [h for h in group if h.in_quote]
        rows.append(
            (
                Cell(term, None, group[0].anchor),
                Cell(category),
                Cell(ctx.outlet(aid)),
                Cell.number(len(own), _first(own)),
                Cell.number(len(quoted), _first(quoted)),
            )
        )
    note = (
        f"The {_MAX_TERM_ROWS} most frequent of {len(ordered)}."
        if len(ordered) > _MAX_TERM_ROWS
        else ""
    )
    columns = ("Term", "Category", "Outlet", "Own voice", "Quoted")
    return Table("terms", "Loaded terms, most frequent first", columns, tuple(rows), note)


def _hit_table(hits: list[_Hit], ctx: ReportContext) -> Table:
    rows = tuple(
        (
            Cell(ctx.outlet(h.article), None, h.anchor),
            Cell(h.text, None, h.anchor),
            Cell(h.category),
            Cell("quoted" if h.in_quote else "own voice"),
            Cell.number(h.start, h.anchor),
            Cell.number(h.end, h.anchor),
        )
        for h in hits
    )
    columns = ("Outlet", "Term", "Category", "Voice", "Start", "End")
    return Table("term-hits", "Every loaded-term occurrence", columns, rows, detail=True)
