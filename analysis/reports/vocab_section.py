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
from analysis.present.vocab_tables import (
    distinctive_table,
    distinctive_terms_table,
    first_use,
)
from analysis.present.vocab_tables import keyness_table as present_keyness
from analysis.reports.content import Block, Section, Table
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
    key_table = keyness_table(result, ctx)
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
_KEYNESS = "Keyness: log-likelihood G² and log ratio against the other outlets"


def keyness_table(result: ComparisonResult, ctx: ReportContext) -> Table | None:
    """The keyness table (:func:`analysis.present.vocab_tables.keyness_table`), or None.

    Its p-values are kept exact in the exports (a report figure keeps six decimals, and a
    p-value can be far smaller).
    """
    table = present_keyness(result)
    if not table.rows:
        return None
    shown = report_table(table, "keyness", _KEYNESS, ctx, None)
    at = table.headers.index("p")
    rows = tuple(
        (*row[:at], replace(row[at], value=_exact(row[at].value, p.sort)), *row[at + 1 :])
        for row, p in zip(shown.rows, table.column("p"), strict=True)
    )
    return replace(shown, rows=rows, detail=True)


def _exact(shown: int | float | None, sort: float | str | None) -> int | float | None:
    return sort if isinstance(sort, float) else shown


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
