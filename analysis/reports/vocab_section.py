"""The distinctive-vocabulary and readability sections.

Distinctive vocabulary reads the result's :class:`DistinctiveReport` (per article
``log_odds`` and ``tfidf`` terms): the words each outlet uses far more than the others,
side by side, each linked to its first use in that outlet's text. Readability reads the
:class:`Readability` records (one per article) into a table and a chart of grade levels.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.present.charts import ChartData, ChartRow
from analysis.present.framing_more import readability_table
from analysis.present.vocab_tables import distinctive_table, distinctive_terms_table, first_use
from analysis.reports.content import Block, Cell, Section, Table
from analysis.reports.framing_parts import MAX_CHART_OUTLETS
from analysis.reports.generic import ReportContext
from analysis.reports.present_table import report_table
from analysis.result import ComparisonResult
from analysis.vocab.distinctive import DistinctiveReport

__all__ = ["distinctive_section", "keyness_table", "readability_section"]

_TOP = 10  # terms per outlet in the summary (the detail table and CSV hold all)
_SIDE_BY_SIDE = 6  # up to this many outlets, terms are laid out one column per outlet


def distinctive_section(
    report: DistinctiveReport, result: ComparisonResult, ctx: ReportContext
) -> Section | None:
    """Return the section, or None when no compared outlet has distinctive words.

    Its tables are :mod:`analysis.present.vocab_tables`'s (the summary is the app's
    "Distinctive words" table, cut); this marks each word's first use in the texts first.
    """
    entries = [e for e in report.articles if e.article in ctx.names]
    if not entries:
        return None
    for entry in entries:
        text = ctx.evidence.articles[entry.article].text
        for item in entry.log_odds:
            where = first_use(entry.article, text, item.term)
            if where is not None:
                ctx.evidence.add(*where, "distinctive", f"distinctive: {item.term}")
    summary = report_table(distinctive_table(result), "distinctive", _SUMMARY, ctx, None)
    every = report_table(distinctive_terms_table(result), "distinctive-terms", _EVERY, ctx, None)
    blocks: list[Block] = [summary, replace(every, detail=True)]
    key_table = keyness_table(ctx)
    if key_table is not None:
        blocks.append(key_table)
    method = report.method or "weighted log-odds"
    intro = (
        "Words each outlet uses markedly more than the others, strongest first "
        f"({method}; z-scores). Each word links to its first use in that outlet's text."
    )
    return Section("distinctive_terms", "Distinctive vocabulary", intro, tuple(blocks))


_SUMMARY = "Most distinctive words per outlet"
_EVERY = "Every distinctive word"
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
