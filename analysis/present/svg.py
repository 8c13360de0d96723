"""A small SVG renderer for :class:`~analysis.present.charts.ChartData`, pure Python.

The app shows its output with QtSvg and a report can embed it as is, so a chart is drawn
once. Many outlets × categories become a heatmap (one row per outlet, one shaded and
numbered cell per category, headers rotated when the columns are narrow, so 20 outlets
stay readable); a few stay grouped horizontal bars with a legend. A value with an
evidence link (:attr:`ChartRow.links <analysis.present.charts.ChartRow.links>`, given by
the reports) becomes a link to it: its bar or cell is wrapped in ``<a href="#…">``. Every
text written is escaped (and stripped of characters XML cannot hold): outlet names come
from the web.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from analysis.present.charts import ChartData, ChartRow

__all__ = ["SERIES_COLOURS", "SvgStyle", "chart_svg", "linked", "number", "shade", "xml_text"]

#: Bar colours of outlets without a colour of their own.
SERIES_COLOURS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#718096", "#b7791f")
_HIGH = (43, 108, 176)  # the heatmap's darkest cell, #2b6cb0
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CHAR_W = 6.6  # average glyph width (px) at the 11 px size of headers
_LABEL_CHAR_W = 7.4  # the same at the 12 px size of outlet labels, with room for wide ones
_ROW_H = 20
_TITLE_H = 24
_FOOT_H = 22
_LABEL_CHARS = 28
_HEAD_CHARS = 24


@dataclass(frozen=True, slots=True)
class SvgStyle:
    """Size and colours of a drawing.

    Attributes:
        width: Width to fill, in pixels (a heatmap narrows or widens its columns).
        fg: Text and line colour, ``#rrggbb``.
        bg: Background colour, ``#rrggbb``; heatmap cells shade from it.
        heading: Draw the title at the top (off where the page heads the chart itself).
    """

    width: int = 640
    fg: str = "#1a1a1a"
    bg: str = "#ffffff"
    heading: bool = True

    @property
    def top(self) -> int:
        """Where the drawing below the title starts."""
        return _TITLE_H if self.heading else 4


def xml_text(text: str) -> str:
    """Escape text for an SVG element body or a double-quoted attribute."""
    return html.escape(_NOT_XML.sub("", text), quote=True).replace("\n", "&#10;")


def number(value: float) -> str:
    """Format a value as the charts print it: one decimal at most (``2.5``, ``3``)."""
    return f"{value:.1f}".rstrip("0").rstrip(".") or "0"


def _rgb(colour: str, default: tuple[int, int, int]) -> tuple[int, int, int]:
    if not _COLOUR.fullmatch(colour):
        return default
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _colour(colour: str, default: str) -> str:
    return colour if _COLOUR.fullmatch(colour) else default


def shade(value: float, peak: float, bg: str = "#ffffff") -> tuple[str, str]:
    """Return ``(fill, text colour)`` of a heatmap cell: ``bg`` to deep blue, text readable."""
    t = max(0.0, min(1.0, value / peak)) if peak > 0 else 0.0
    low = _rgb(bg, (255, 255, 255))
    rgb = (
        round(low[0] + (_HIGH[0] - low[0]) * t),
        round(low[1] + (_HIGH[1] - low[1]) * t),
        round(low[2] + (_HIGH[2] - low[2]) * t),
    )
    luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return _hex(rgb), ("#ffffff" if luma < 140 else "#1a1a1a")


def linked(body: str, target: str | None) -> str:
    """Return ``body`` wrapped in a link to the element with id ``target`` (as is when None)."""
    return f'<a href="#{xml_text(target)}">{body}</a>' if target else body


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_w(text: str) -> float:
    return _CHAR_W * len(text)


def chart_svg(chart: ChartData, style: SvgStyle | None = None) -> str:
    """Return a standalone ``<svg>`` document drawing ``chart``.

    Args:
        chart: What to draw; values with an evidence link become links to it.
        style: Width, colours and whether to draw the title (default: 640 px, dark text
            on white, titled).

    Returns:
        The SVG markup (well-formed XML; every text escaped).
    """
    style = style or SvgStyle()
    width, kind = style.width, "chart"
    if chart.is_empty:
        body, height = _note("Nothing found to chart", style), style.top + 40
    elif chart.is_heatmap:
        body, height, width = _heatmap(chart, style)
        kind = "chart heatmap"
    else:
        body, height = _bars(chart, style)
    fg = _colour(style.fg, "#1a1a1a")
    title = xml_text(chart.title)
    heading = (
        f'<text x="8" y="16" font-size="13" font-weight="bold">{title}</text>'
        if style.heading
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{kind}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{title}" '
        f'font-family="sans-serif" fill="{fg}"><title>{title}</title>'
        f'<rect width="100%" height="100%" fill="{_colour(style.bg, "#ffffff")}"/>'
        f"{heading}{body}</svg>"
    )


def _note(text: str, style: SvgStyle) -> str:
    return (
        f'<text x="{style.width / 2:.0f}" y="{style.top + 20}" text-anchor="middle" '
        f'font-size="12">{xml_text(text)}</text>'
    )


@dataclass(frozen=True, slots=True)
class _Grid:
    """Where a heatmap's parts go."""

    label_w: float
    label_chars: int
    cell_w: float
    head_h: float
    rotated: bool
    cells: int = 0
    overhang: float = 0.0
    top: float = _TITLE_H

    @property
    def width(self) -> int:
        """The drawing's width: labels, cells and the last rotated header's overhang."""
        return math.ceil(self.label_w + self.cell_w * self.cells + self.overhang + 8)


_MIN_CELL = 30
_MIN_LABEL_CHARS = 12


def _grid(chart: ChartData, style: SvgStyle) -> _Grid:
    """Fit the columns to the width; rotate the headers when they do not fit across.

    When even the narrowest cells do not fit, outlet labels are cut shorter (to 12
    characters at the least) and only then does the drawing grow wider than the width.
    """
    width, n = style.width, len(chart.categories)
    chars = min(max(len(r.label) for r in chart.rows), _LABEL_CHARS)
    head_w = max(_text_w(_short(c, _HEAD_CHARS)) for c in chart.categories)
    label_w = _LABEL_CHAR_W * chars + 28
    across = (width - label_w - 8) / n
    if across >= head_w + 8:
        return _Grid(label_w, chars, min(across, 120), 22, False, n, top=style.top)
    overhang = max(head_w * math.cos(math.radians(40)) - _MIN_CELL / 2, 0.0)
    spare = width - 8 - overhang - _MIN_CELL * n - label_w
    if spare < 0:  # cut the labels to make room for the cells
        chars = max(_MIN_LABEL_CHARS, chars + math.floor(spare / _LABEL_CHAR_W))
        label_w = _LABEL_CHAR_W * chars + 28
    cell_w = min(max((width - label_w - 8 - overhang) / n, _MIN_CELL), 90)
    head_h = head_w * math.sin(math.radians(40)) + 18
    return _Grid(label_w, chars, cell_w, head_h, True, n, overhang, style.top)


def _heatmap(chart: ChartData, style: SvgStyle) -> tuple[str, int, int]:
    """One row per outlet, one shaded, numbered (and maybe linked) cell per category."""
    g = _grid(chart, style)
    top = g.top + g.head_h
    parts = [_header(name, col, g) for col, name in enumerate(chart.categories)]
    peak = chart.peak or 1.0
    for row_i, row in enumerate(chart.rows):
        y = top + row_i * _ROW_H
        if _COLOUR.fullmatch(row.colour):
            parts.append(
                f'<rect x="8" y="{y + 5:.1f}" width="10" height="10" fill="{row.colour}"/>'
            )
        parts.append(
            f'<text x="{g.label_w - 6:.1f}" y="{y + 14:.1f}" text-anchor="end" font-size="12">'
            f"{xml_text(_short(row.label, g.label_chars))}</text>"
        )
        for col, value in enumerate(row.values):
            cell = _cell(chart, row.label, col, value, peak, (g, y, style.bg))
            parts.append(linked(cell, row.link(col)))
    foot_y = top + len(chart.rows) * _ROW_H + 15
    unit = f"Darker is more ({chart.unit})." if chart.unit else "Darker is more."
    parts.append(f'<text x="8" y="{foot_y:.1f}" font-size="11">{xml_text(unit)}</text>')
    return "".join(parts), math.ceil(foot_y + _FOOT_H - 14), max(g.width, style.width)


def _header(name: str, col: int, g: _Grid) -> str:
    x = g.label_w + col * g.cell_w + g.cell_w / 2
    y = g.top + g.head_h - 6
    text = xml_text(_short(name, _HEAD_CHARS))
    if not g.rotated:
        return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="11">{text}</text>'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" '
        f'transform="rotate(-40 {x:.1f} {y:.1f})">{text}</text>'
    )


def _cell(
    chart: ChartData,
    outlet: str,
    col: int,
    value: float,
    peak: float,
    where: tuple[_Grid, float, str],
) -> str:
    g, y, bg = where
    x = g.label_w + col * g.cell_w
    fill, ink = shade(value, peak, bg)
    text = number(value)
    tip = f"{outlet} — {chart.categories[col]}: {text} {chart.unit}".strip()
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{g.cell_w - 2:.1f}" height="{_ROW_H - 2}" '
        f'fill="{fill}" stroke="#d0d7de"><title>{xml_text(tip)}</title></rect>'
        f'<text x="{x + g.cell_w / 2 - 1:.1f}" y="{y + 13:.1f}" text-anchor="middle" '
        f'font-size="11" fill="{ink}">{text}</text>'
    )


@dataclass(frozen=True, slots=True)
class _Bar:
    """One bar: its value, colour, tooltip and evidence link."""

    value: float
    colour: str
    tip: str
    link: str | None


def _bar(chart: ChartData, row: ChartRow, col: int, colour: str) -> _Bar:
    value = row.values[col] if col < len(row.values) else 0.0
    tip = f"{row.label} — {chart.categories[col]}: {number(value)} {chart.unit}".strip()
    return _Bar(value, colour, tip, row.link(col))


_Groups = list[tuple[str, list[_Bar]]]


def _groups(chart: ChartData) -> tuple[_Groups, list[tuple[str, str]]]:
    """Return the bar groups (label, bars) and the legend (colour, name) of a bar chart.

    By category (the default): a group per category, a bar per row in the row's colour,
    the rows as legend. By row: a group per row, a bar per category in a series colour.
    """
    rows, names = chart.rows, chart.categories
    if chart.by_row:
        colours = [SERIES_COLOURS[i % len(SERIES_COLOURS)] for i in range(len(names))]
        by_row = [
            (row.label, [_bar(chart, row, col, colours[col]) for col in range(len(names))])
            for row in rows
        ]
        return by_row, list(zip(colours, names, strict=True))
    colours = [
        _colour(r.colour, SERIES_COLOURS[i % len(SERIES_COLOURS)]) for i, r in enumerate(rows)
    ]
    by_category = [
        (name, [_bar(chart, row, col, colours[i]) for i, row in enumerate(rows)])
        for col, name in enumerate(names)
    ]
    return by_category, [(c, r.label) for c, r in zip(colours, rows, strict=True)]


def _bars(chart: ChartData, style: SvgStyle) -> tuple[str, int]:
    """Horizontal bars in groups, with a legend on top."""
    groups, legend_items = _groups(chart)
    legend, top = _legend(legend_items, style)
    label_w = min(max(max(_text_w(_short(n, _HEAD_CHARS)) for n, _ in groups) + 16, 80), 200)
    plot_w = max(style.width - label_w - 48, 60)
    bar_h, gap = 14, 10
    size = max(len(bars) for _, bars in groups)
    group_h = size * bar_h + gap
    peak = chart.peak or 1.0
    parts = [legend]
    for g_i, (name, bars) in enumerate(groups):
        y0 = top + g_i * group_h
        parts.append(
            f'<text x="{label_w - 8:.1f}" y="{y0 + size * bar_h / 2 + 4:.1f}" '
            f'text-anchor="end" font-size="12">{xml_text(_short(name, _HEAD_CHARS))}</text>'
        )
        for i, bar in enumerate(bars):
            y, w = y0 + i * bar_h, max(0.0, plot_w * bar.value / peak)
            body = (
                f'<rect x="{label_w:.1f}" y="{y + 1:.1f}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{bar.colour}"><title>{xml_text(bar.tip)}</title></rect>'
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3:.1f}" font-size="11">'
                f"{number(bar.value)}</text>"
            )
            parts.append(linked(body, bar.link))
    bottom = top + group_h * len(groups)
    if chart.unit:
        parts.append(
            f'<text x="{label_w:.1f}" y="{bottom + 10:.1f}" font-size="11">'
            f"({xml_text(chart.unit)})</text>"
        )
    return "".join(parts), math.ceil(bottom + _FOOT_H - 4)


def _legend(items: list[tuple[str, str]], style: SvgStyle) -> tuple[str, float]:
    """The swatches, wrapping at the width; returns them and the y below them."""
    parts: list[str] = []
    x, y = 8.0, style.top + 2.0
    for colour, name in items:
        shown = _short(name, _LABEL_CHARS)
        needed = 22 + _text_w(shown)
        if x > 8 and x + needed > style.width:
            x, y = 8.0, y + 18
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 16:.1f}" y="{y + 10:.1f}" font-size="12">{xml_text(shown)}</text>'
        )
        x += needed + 10
    return "".join(parts), y + 24
