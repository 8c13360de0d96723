"""Who is quoted and every quote, as tables for the reports.

"Who is quoted" is the sources merged across outlets
(:func:`analysis.present.sources.source_groups`) one row per source, the outlets in one
cell, so that it reads at 20 outlets; the app's Framing view shows the same groups with one
column per outlet (:func:`analysis.present.framing_tables.sources_table`). "Every quote"
lists each quote with its form, speaker and verb, linked to its words.
"""

from __future__ import annotations

from analysis.present.labels import outlet_labels
from analysis.present.sources import source_groups
from analysis.present.tables import Cell, Table
from analysis.result import ComparisonResult

__all__ = ["WHO_IS_QUOTED_NOTE", "quotes_table", "who_is_quoted_table"]

#: Said under "Who is quoted".
WHO_IS_QUOTED_NOTE = (
    "One row per source across outlets: named sources merge by surname, unnamed ones by "
    "their wording without determiners, rank words, plurals and U.S./US spelling."
)


def who_is_quoted_table(result: ComparisonResult) -> Table:
    """One row per source merged across outlets; its attributions link to the first one."""
    labels = outlet_labels(result.articles)
    rows = []
    for group in source_groups(result):
        first = group.by_article[0][1][0]
        per = ", ".join(f"{labels.get(a, a)} {len(s)}" for a, s in group.by_article)
        evidence = (first.article, int(first.span.start), int(first.span.end))
        rows.append(
            (
                Cell(group.name),
                Cell("anonymous" if group.anonymous else "named"),
                Cell.number(len(group.by_article), 0),
                Cell.number(group.total, 0, evidence=evidence),
                Cell(per),
                Cell("; ".join(v for v in group.variants if v != group.name)),
            )
        )
    headers = ("Source", "Kind", "Outlets", "Attributions", "Per outlet", "Also written as")
    return Table(headers, tuple(rows), WHO_IS_QUOTED_NOTE)


def quotes_table(result: ComparisonResult) -> Table:
    """Every quote of the compared outlets: form, speaker, its kind, verb, scare quote."""
    report = result.framing
    found = {} if report is None else {a.article: a for a in report.articles}
    labels = outlet_labels(result.articles)
    rows = []
    for article in result.articles:
        framing = found.get(article.id)
        for quote in () if framing is None else framing.quotes:
            attr, span = quote.attribution, quote.span
            where = None if span is None else (article.id, int(span.start), int(span.end))
            words = "" if span is None else article.text[span.start : span.end]
            rows.append(
                (
                    Cell(labels[article.id], evidence=where),
                    Cell(words, evidence=where),
                    Cell("direct" if quote.direct else "indirect"),
                    Cell((attr.speaker or "") if attr else ""),
                    Cell((attr.kind or "unknown") if attr else "unknown"),
                    Cell((attr.verb or "") if attr else ""),
                    Cell("yes" if quote.scare else "no"),
                )
            )
    headers = ("Outlet", "Quote", "Form", "Speaker", "Speaker kind", "Verb", "Scare quote")
    return Table(headers, tuple(rows))
