"""Heatmaps: a chart of many outlets × several series as shaded cells instead of bars.

Grouped bars stop reading well past a few dozen bars (20 outlets × 8 lexicon categories
is 160 bars, with the legend over the plot). Past :data:`MAX_BARS` bars a chart is drawn
as a grid instead: one row per outlet, one column per series, each cell shaded by its
value against the chart's largest and labelled with the number, linked to its evidence.
"""

from __future__ import annotations

from analysis.present.charts import MAX_BARS  # one threshold for the app and the reports
from analysis.reports.content import Chart
from analysis.reports.escape import html_attr, html_text

__all__ = ["MAX_BARS", "heatmap_svg", "is_heatmap", "shade"]

_LABEL_W = 190
_CELL_W = 78
_CELL_H = 20
_HEAD_H = 34


def is_heatmap(chart: Chart) -> bool:
    """Whether the chart is drawn as a heatmap (many outlets and at least two series)."""
    return len(chart.series) >= 2 and len(chart.bars) * len(chart.series) > MAX_BARS


def shade(value: float, peak: float) -> tuple[str, str]:
    """Return ``(fill, text colour)`` for a value: white to deep blue, text kept readable."""
    t = max(0.0, min(1.0, value / peak)) if peak > 0 else 0.0
    low, high = (255, 255, 255), (43, 108, 176)  # #2b6cb0, the first series colour
    rgb = tuple(round(a + (b - a) * t) for a, b in zip(low, high, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb), ("#ffffff" if t > 0.55 else "#1a1a1a")


def _words(name: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in name.replace("_", " ").split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:2]


def heatmap_svg(chart: Chart) -> str:
    """Return an ``<svg>`` drawing ``chart`` as a grid of shaded, linked cells."""
    peak = max((v for bar in chart.bars for v in bar.values), default=0.0) or 1.0
    width = _LABEL_W + _CELL_W * len(chart.series) + 8
    height = _HEAD_H + _CELL_H * len(chart.bars) + 22
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart heatmap" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{html_attr(chart.title)}"><title>{html_text(chart.title)}</title>'
    ]
    for col, name in enumerate(chart.series):
        x = _LABEL_W + col * _CELL_W + _CELL_W / 2
        for line, text in enumerate(_words(name, 12)):
            parts.append(
                f'<text x="{x:.1f}" y="{13 + 13 * line}" text-anchor="middle" '
                f'font-size="11">{html_text(text)}</text>'
            )
    for row, bar in enumerate(chart.bars):
        y = _HEAD_H + row * _CELL_H
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{y + 14}" text-anchor="end" font-size="12">'
            f"{html_text(bar.label if len(bar.label) <= 30 else bar.label[:29] + '…')}</text>"
        )
        for col, value in enumerate(bar.values):
            parts.append(_cell(chart, bar.hrefs, row, col, value, peak))
    unit = f"Darker is more ({chart.unit})." if chart.unit else "Darker is more."
    parts.append(
        f'<text x="{_LABEL_W}" y="{height - 6}" font-size="11" fill="#555">'
        f"{html_text(unit)}</text></svg>"
    )
    return "".join(parts)


def _cell(
    chart: Chart, hrefs: tuple[str | None, ...], row: int, col: int, value: float, peak: float
) -> str:
    x, y = _LABEL_W + col * _CELL_W, _HEAD_H + row * _CELL_H
    fill, ink = shade(value, peak)
    text = f"{value:.1f}".rstrip("0").rstrip(".") or "0"
    name = chart.series[col] if col < len(chart.series) else ""
    body = (
        f'<rect x="{x}" y="{y}" width="{_CELL_W - 2}" height="{_CELL_H - 2}" fill="{fill}" '
        f'stroke="#d0d7de"><title>{html_text(f"{name}: {text} {chart.unit}".strip())}</title>'
        f'</rect><text x="{x + _CELL_W / 2 - 1:.1f}" y="{y + 13}" text-anchor="middle" '
        f'font-size="11" fill="{ink}">{text}</text>'
    )
    href = hrefs[col] if col < len(hrefs) else None
    return f'<a href="#{html_attr(href)}">{body}</a>' if href else body
