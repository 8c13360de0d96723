"""The distinctive-vocabulary and readability sections.

Distinctive vocabulary reads the result's :class:`DistinctiveReport` (per article
``log_odds`` and ``tfidf`` terms): the words each outlet uses far more than the others,
side by side, each linked to its first use in that outlet's text. Readability reads the
:class:`Readability` records (one per article) into a table and a chart of grade levels.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analysis.present.charts import ChartData, ChartRow
from analysis.present.framing_more import readability_table
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.framing_parts import MAX_CHART_OUTLETS
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult
from analysis.vocab.distinctive import ArticleVocabulary, DistinctiveReport, DistinctiveTerm

__all__ = ["distinctive_section", "keyness_table", "readability_section"]

_TOP = 10  # terms per outlet in the summary (the detail table and CSV hold all)
_SIDE_BY_SIDE = 6  # up to this many outlets, terms are laid out one column per outlet


def distinctive_section(report: DistinctiveReport, ctx: ReportContext) -> Section | None:
    """Return the section, or None when no compared outlet has distinctive words."""
    entries = [e for e in report.articles if e.article in ctx.names]
    if not entries:
        return None
    found = {e.article: _terms(e, ctx) for e in entries}
    blocks: list[Block] = [_summary(found, ctx), _details(entries, found, ctx)]
    key_table = keyness_table(ctx)
    if key_table is not None:
        blocks.append(key_table)
    method = report.method or "weighted log-odds"
    intro = (
        "Words each outlet uses markedly more than the others, strongest first "
        f"({method}; z-scores). Each word links to its first use in that outlet's text."
    )
    return Section("distinctive_terms", "Distinctive vocabulary", intro, tuple(blocks))


_Linked = list[tuple[DistinctiveTerm, str | None]]
_Found = Mapping[str, _Linked]


def _terms(entry: ArticleVocabulary, ctx: ReportContext) -> _Linked:
    text = ctx.evidence.articles[entry.article].text
    return [(item, _first_use(ctx, entry.article, text, item.term)) for item in entry.log_odds]


def _first_use(ctx: ReportContext, aid: str, text: str, term: str) -> str | None:
    """Anchor of the term's first whole-word use (case-insensitive), or None."""
    if not term:
        return None
    words = r"\W+".join(re.escape(w) for w in term.split())
    match = re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE)
    if match is None:
        return None
    return ctx.evidence.add(aid, match.start(), match.end(), "distinctive", f"distinctive: {term}")


def _summary(found: _Found, ctx: ReportContext) -> Table:
    ids = list(found)
    if len(ids) <= _SIDE_BY_SIDE:
        rows = []
        for rank in range(max((min(_TOP, len(v)) for v in found.values()), default=0)):
            cells = [Cell.number(rank + 1)]
            for aid in ids:
                items = found[aid]
                if rank < len(items):
                    item, href = items[rank]
                    cells.append(Cell(f"{item.term} ({_z(item)})", None, href))
                else:
                    cells.append(Cell(""))
            rows.append(tuple(cells))
        columns = ("Rank", *(ctx.outlet(a) for a in ids))
        return Table("distinctive", "Most distinctive words per outlet", columns, tuple(rows))
    long_rows = []
    for aid in ids:
        items = found[aid][:_TOP]
        shown = ", ".join(f"{item.term} ({_z(item)})" for item, _ in items)
        long_rows.append(
            (Cell(ctx.outlet(aid), None, next((h for _, h in items if h), None)), Cell(shown))
        )
    columns = ("Outlet", f"Top {_TOP} distinctive words (z)")
    return Table("distinctive", "Most distinctive words per outlet", columns, tuple(long_rows))


def _z(item: DistinctiveTerm) -> str:
    return Cell.number(item.score, digits=1).text


def _details(entries: list[ArticleVocabulary], found: _Found, ctx: ReportContext) -> Table:
    rows = []
    for entry in entries:
        aid = entry.article
        tfidf = {t.term: t.score for t in entry.tfidf}
        for item, href in found[aid]:
            uses = dict(item.counts)
            tf = tfidf.get(item.term)
            rows.append(
                (
                    Cell(ctx.outlet(aid)),
                    Cell(item.term, None, href),
                    Cell.number(item.score, href),
                    Cell.number(item.delta),
                    Cell.number(uses.get(aid, 0), href),
                    Cell.number(sum(uses.values()) - uses.get(aid, 0)),
                    Cell.number(tf, digits=3) if tf is not None else Cell(""),
                )
            )
    columns = ("Outlet", "Term", "z", "Log-odds delta", "Uses here", "Uses elsewhere", "TF-IDF")
    return Table("distinctive-terms", "Every distinctive word", columns, tuple(rows), detail=True)


_KEY_TOP = 25  # key words per outlet in the keyness table


def keyness_table(ctx: ReportContext) -> Table | None:
    """Key words of each outlet against the others: G², p-value, log ratio, raw counts.

    Computed from the articles' text (:func:`analysis.vocab.keyness.keyness`); None with
    fewer than two outlets.
    """
    from analysis.vocab.keyness import keyness

    found = keyness(list(ctx.evidence.articles.values()), top=_KEY_TOP)
    if not found:
        return None
    rows = []
    for outlet in found:
        for term in outlet.terms:
            rows.append(
                (
                    Cell(outlet.outlet),
                    Cell(term.term),
                    Cell.number(term.count),
                    Cell.number(term.other_count),
                    Cell.number(outlet.words),
                    Cell.number(outlet.other_words),
                    Cell.number(term.g2),
                    Cell(f"{term.p_value:.2g}", term.p_value),
                    Cell.number(term.log_ratio),
                )
            )
    columns = (
        "Outlet", "Term", "Uses here", "Uses elsewhere", "Words here", "Words elsewhere",
        "G²", "p", "Log ratio",
    )  # fmt: skip
    title = "Keyness: log-likelihood G² and log ratio against the other outlets"
    note = (
        "G² (Rayson & Garside 2000) with its χ² p-value (1 degree of freedom) and the log "
        "ratio (log₂ of relative frequencies, Hardie 2014; positive: used more here). Words "
        f"used at least 3 times in all, p ≤ 0.05, the {_KEY_TOP} strongest per outlet."
    )
    return Table("keyness", title, columns, tuple(rows), note=note, detail=True)


def readability_section(result: ComparisonResult, ctx: ReportContext) -> Section | None:
    """Return the section, or None when no compared outlet has a readability record.

    The table is the app's (:func:`analysis.present.framing_more.readability_table`).
    """
    found = {e.article: e for e in result.readability or () if e.article in ctx.names}
    if not found:
        return None
    # The table's rows: the outlets with a record, in the comparison's order.
    entries = [found[a.id] for a in result.articles if a.id in found]
    table = readability_table(result)
    shown = report_table(table, "readability", "Readability measures", ctx, ("headline", ""))
    bars = []
    for entry, row in zip(entries, shown.rows, strict=True):
        if entry.available:
            values = (entry.flesch_kincaid_grade or 0.0, entry.gunning_fog or 0.0)
            bars.append(ChartRow(row[0].text, values, links=(row[0].href, row[0].href)))
    blocks: list[Block] = []
    if bars and len(ctx.names) <= MAX_CHART_OUTLETS:
        blocks.append(
            ChartData(
                "Reading grade",
                ("Flesch–Kincaid", "Gunning fog"),
                tuple(bars),
                "US school grade",
                key="readability-chart",
                by_row=True,
            )
        )
    blocks.append(shown)
    intro = "How hard each text is to read, by the usual formulas (textstat)."
    return Section("readability", "Readability", intro, tuple(blocks))
