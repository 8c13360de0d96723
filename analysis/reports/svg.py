"""Inline SVG bar charts, drawn by hand: vector, self-contained, and every bar a link.

Each bar is wrapped in an ``<a href="#a-…">`` to its evidence in the article text; the
value is printed beside the bar so that the chart still reads in black and white print.
"""

from __future__ import annotations

from analysis.reports.content import Chart
from analysis.reports.escape import html_attr, html_text

__all__ = ["SERIES_COLOURS", "chart_svg"]

SERIES_COLOURS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#718096", "#b7791f")
_LABEL_W = 170
_PLOT_W = 420
_BAR_H = 14
_GAP = 10
_TOP = 28
_LEGEND_LINE = 18


def chart_svg(chart: Chart) -> str:
    """Return an ``<svg>`` element drawing ``chart`` as horizontal grouped bars.

    A chart with many outlets and series is drawn as a heatmap instead
    (:mod:`analysis.reports.heatmap`).
    """
    from analysis.reports.heatmap import heatmap_svg, is_heatmap

    if is_heatmap(chart):
        return heatmap_svg(chart)
    n_series = max(1, len(chart.series))
    group_h = n_series * _BAR_H + _GAP
    width = _LABEL_W + _PLOT_W + 70
    legend, legend_h = _legend(chart, width)
    top = _TOP + legend_h - _LEGEND_LINE
    height = top + group_h * len(chart.bars) + 6
    peak = max((v for bar in chart.bars for v in bar.values), default=0.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{html_attr(chart.title)}">',
        f"<title>{html_text(chart.title)}</title>",
        *legend,
    ]
    for row, bar in enumerate(chart.bars):
        y0 = top + row * group_h
        label_y = y0 + n_series * _BAR_H / 2 + 4
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{label_y:.1f}" text-anchor="end" '
            f'font-size="12">{html_text(_short(bar.label))}</text>'
        )
        for i, value in enumerate(bar.values):
            parts.append(
                _bar(chart, i, value, bar.hrefs[i] if i < len(bar.hrefs) else None, y0, peak)
            )
    parts.append("</svg>")
    return "".join(parts)


def _bar(chart: Chart, series: int, value: float, href: str | None, y0: float, peak: float) -> str:
    y = y0 + series * _BAR_H
    w = max(0.0, _PLOT_W * value / peak)
    colour = SERIES_COLOURS[series % len(SERIES_COLOURS)]
    name = chart.series[series] if series < len(chart.series) else ""
    text = f"{value:.1f}".rstrip("0").rstrip(".") or "0"
    body = (
        f'<rect x="{_LABEL_W}" y="{y + 1:.1f}" width="{w:.1f}" height="{_BAR_H - 2}" '
        f'fill="{colour}"><title>{html_text(f"{name}: {text} {chart.unit}".strip())}</title></rect>'
        f'<text x="{_LABEL_W + w + 4:.1f}" y="{y + _BAR_H - 3:.1f}" font-size="11">{text}</text>'
    )
    if href:
        return f'<a href="#{html_attr(href)}">{body}</a>'
    return body


def _legend(chart: Chart, width: int) -> tuple[list[str], int]:
    """Return the legend's elements and height: entries wrap onto new lines at ``width``."""
    entries = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, name in enumerate(chart.series)
    ]
    if chart.unit:
        entries.append(("", f"({chart.unit})"))
    parts: list[str] = []
    x, y = _LABEL_W, 6
    for colour, name in entries:
        shown = _short(name, 40)
        needed = (24 if colour else 8) + 7 * len(shown)
        if x > _LABEL_W and x + needed > width:
            x, y = _LABEL_W, y + _LEGEND_LINE
        if colour:
            parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
            parts.append(
                f'<text x="{x + 16}" y="{y + 10}" font-size="12">{html_text(shown)}</text>'
            )
        else:
            parts.append(
                f'<text x="{x}" y="{y + 10}" font-size="11" fill="#555">{html_text(shown)}</text>'
            )
        x += needed + 8
    return parts, y - 6 + _LEGEND_LINE


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
