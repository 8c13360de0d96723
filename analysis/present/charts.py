"""Charts as data: what a chart shows, decided once for the app and the reports.

A :class:`ChartData` holds a title, the categories (columns), one :class:`ChartRow` per
outlet with its number in each category, and the unit. A row may carry an evidence link
per value (the reports' anchor ids into the article texts). :mod:`analysis.present.svg`
draws it, for the app and the reports alike; many outlets × categories
(:func:`ChartData.is_heatmap`) become a heatmap, a few stay grouped bars. The reports'
Markdown, CSV and PDF renderers show the same value as a table.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from analysis.present.labels import outlet_labels
from analysis.result import ComparisonResult

__all__ = ["MAX_BARS", "ChartData", "ChartRow", "terms_chart"]

#: More bars than this (outlets × categories) and a chart is drawn as a heatmap.
MAX_BARS = 24


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One outlet's numbers, one per category of the chart.

    Attributes:
        label: The outlet's display label.
        values: Its number in each category, in the chart's category order.
        colour: ``#rrggbb`` of its bars (its swatch in a heatmap); empty for the default.
        links: Per value, the id of its evidence (an anchor in the report, without ``#``)
            or None; empty when the chart links nowhere (the app's charts).
    """

    label: str
    values: tuple[float, ...]
    colour: str = ""
    links: tuple[str | None, ...] = ()

    def link(self, column: int) -> str | None:
        """Return the evidence id of the value in ``column``, or None."""
        return self.links[column] if column < len(self.links) else None


@dataclass(frozen=True, slots=True)
class ChartData:
    """A chart of outlets × categories.

    Attributes:
        title: Shown above the chart.
        categories: Column names, in order.
        rows: One row per outlet, in input order.
        unit: What the numbers count (``per 1,000 words``); may be empty.
        key: A stable name (the report's CSV file and anchor); may be empty.
        label: What the rows stand for (the first column when shown as a table).
        by_row: Bars grouped by row, one bar per category in the category's colour with
            the categories as legend (the reports' own voice vs quoted per outlet); by
            default grouped by category, one bar per row in the row's colour.
    """

    title: str
    categories: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    unit: str = ""
    key: str = ""
    label: str = "Outlet"
    by_row: bool = False

    @property
    def peak(self) -> float:
        """The largest value (0.0 for an empty chart)."""
        return max((v for row in self.rows for v in row.values), default=0.0)

    @property
    def is_empty(self) -> bool:
        """Whether there is nothing to draw (no category, or every value zero)."""
        return not self.categories or not self.rows or self.peak <= 0.0

    @property
    def is_heatmap(self) -> bool:
        """Whether it reads better as a heatmap: many bars, in two rows and columns at least.

        A single row or column stays bars: one bar per value reads fine at any length.
        """
        rows, columns = len(self.rows), len(self.categories)
        return rows >= 2 and columns >= 2 and rows * columns > MAX_BARS


def terms_chart(
    result: ComparisonResult, categories: Collection[str] | None = None, *, quoted: bool = False
) -> ChartData:
    """Return the loaded-terms chart: each outlet's rate per category, in one voice.

    Args:
        result: The comparison.
        categories: Category names to show (None: every category); the report's order.
        quoted: Rates in quoted speech instead of the outlet's own voice.

    Returns:
        The chart; without rows when terms were not counted.
    """
    voice = "quoted speech" if quoted else "own voice"
    title = f"Terms per category and outlet — {voice}"
    unit = f"per 1,000 words ({voice})"
    report = result.terms
    if report is None:
        return ChartData(title, (), (), unit)
    names = tuple(c.name for c in report.categories if categories is None or c.name in categories)
    labels = outlet_labels(result.articles)
    rows = []
    for article in result.articles:
        try:
            rates = report.rates_of(article.id)
        except KeyError:
            continue
        by_name = {c.category: c for c in rates.categories}
        values = tuple(
            float(by_name[n].quoted if quoted else by_name[n].own) if n in by_name else 0.0
            for n in names
        )
        rows.append(ChartRow(labels[article.id], values))
    return ChartData(title, tuple(n.replace("_", " ") for n in names), tuple(rows), unit)
