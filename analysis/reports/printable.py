"""Print HTML: the report's content in the HTML subset Qt's QTextDocument lays out.

QTextDocument knows tables, ``bgcolor``, inline ``style`` colours and fonts, but no SVG,
no ``<details>`` and little CSS. So charts become table bars (vector rectangles in the
PDF), wide side-by-side views become stacked rows, and detail tables are left to the
CSV and JSON reports. Text is escaped exactly as in the HTML report.
"""

from __future__ import annotations

from analysis.present.charts import ChartData
from analysis.present.svg import SERIES_COLOURS, shade
from analysis.reports.content import (
    Block,
    Cell,
    FindingList,
    Fragment,
    PassageCell,
    ReportContent,
    Section,
    SideBySide,
    Table,
)
from analysis.reports.escape import html_text
from analysis.reports.print_layout import column_widths, header_html, landscape, move_urls

__all__ = ["MARK_COLOURS", "print_landscape", "render_print_html"]

MARK_COLOURS = {
    "loaded": "#f4a6a6",
    "loaded-quoted": "#d7c6f2",
    "term": "#dcefdc",
    "edited": "#ffe08a",
    "differs": "#fdd9b5",
    "fact": "#bfeef3",  # words of a fact another outlet shares in other words
    # Passage kinds are pale, so the word kinds on top of them stay distinct.
    "shared": "#edf5fc",
    "partial": "#fdf6e6",
    "unique": "#f0f0f0",
}
_PRIORITY = (
    "differs",
    "loaded",
    "loaded-quoted",
    "term",
    "edited",
    "fact",
    "unique",
    "partial",
    "shared",
)
_MAX_COLUMNS = 4  # wider side-by-side views are stacked to stay readable on paper
_MAX_TABLE_COLUMNS = 12  # a wider table (a 100-outlet matrix) cannot be read on paper
# Long tables are cut on paper: Qt lays out huge tables slowly, and nobody reads 5,000 rows
# of a PDF; the full tables are in the HTML, CSV and JSON reports.
_MAX_PRINT_ROWS = 150
# Full texts of a large comparison would be most of the PDF's pages and layout time.
_MAX_PRINT_TEXTS = 12
_WIDE = 6  # tables with more columns keep their row labels on one line
_MAX_NOWRAP = 40  # …when the label is short enough to leave room for the other columns
_TABLE = (
    '<table border="1" cellspacing="0" cellpadding="2" width="100%" '
    'style="border-color:#999;font-size:7pt">'
)


def print_landscape(content: ReportContent) -> bool:
    """Whether the printed report needs landscape pages (a table too wide for portrait)."""
    return landscape(content, _MAX_TABLE_COLUMNS)


def render_print_html(content: ReportContent) -> str:
    """Return the report as HTML for QTextDocument (and so for the PDF).

    Numbers link to their evidence as in the HTML report (Qt writes the links as PDF
    destinations), where that evidence is printed: a link into an article text the PDF
    leaves out would lead nowhere, so such a number is printed without one.
    """
    targets = frozenset(
        frag.anchor
        for view in content.texts[:_MAX_PRINT_TEXTS]
        for para in view.paragraphs
        for frag in para
        if frag.anchor
    )
    parts = [
        "<html><head><meta charset='utf-8'>",
        "<style>h1 { font-size: 15pt; } h2 { font-size: 12pt; } h3 { font-size: 9.5pt; }</style>",
        f"<title>{html_text(content.title)}</title></head><body>",
        f"<h1>{html_text(content.title)}</h1>",
        f"<p style='color:#555'>Analysed {html_text(content.created)} with "
        f"{html_text(content.generator)}; {len(content.articles)} articles.</p>",
        *(_section(s, targets) for s in content.sections),
        _texts(content),
        "<h2>Provenance</h2>",
        # Never cut: every input's hash is what lets a reader check the report.
        _table(content.provenance, frozenset(), heading=False, whole=True),
        "</body></html>",
    ]
    return "".join(parts)


def _section(section: Section, targets: frozenset[str]) -> str:
    intro = f"<p style='color:#555'>{html_text(section.intro)}</p>" if section.intro else ""
    return f"<h2>{html_text(section.title)}</h2>{intro}" + "".join(
        _block(b, targets) for b in section.blocks
    )


def _block(block: Block, targets: frozenset[str]) -> str:
    if isinstance(block, FindingList):
        return _findings(block, targets)
    if isinstance(block, Table):
        return "" if block.detail else _table(block, targets)
    if isinstance(block, ChartData):
        return _chart(block, targets)
    return _side_by_side(block)


def _findings(block: FindingList, targets: frozenset[str]) -> str:
    note = f"<p style='color:#555'>{html_text(block.note)}</p>" if block.note else ""
    items = []
    for item in block.items:
        links = " · ".join(_link(html_text(e.label), e.href, targets) for e in item.links)
        where = f"<br/><span style='color:#555'>Evidence: {links}</span>" if links else ""
        items.append(f"<li style='margin-bottom:4pt'>{html_text(item.text)}{where}</li>")
    return f"{note}<ol>{''.join(items)}</ol>"


def _link(text: str, href: str | None, targets: frozenset[str]) -> str:
    """Return escaped-and-marked-up ``text`` as a link to ``href`` when it is printed."""
    return f"<a href='#{html_text(href)}'>{text}</a>" if href in targets else text


# Contradictions stand apart on paper as in the HTML report: shaded rows, a bold red label
# (QTextDocument has no CSS selectors, so the colour is put on the elements themselves).
_CONTRA_SHADE = " bgcolor='#fdf1f0'"
_CONTRA_INK = "color:#a93226;font-weight:bold"


def _table(
    table: Table, targets: frozenset[str], *, heading: bool = True, whole: bool = False
) -> str:
    title = f"<h3>{html_text(table.title)}</h3>" if heading else ""
    note = f"<p style='color:#555'>{html_text(table.note)}</p>" if table.note else ""
    if not table.rows:
        return f"{title}<p>Nothing found.</p>"
    columns = table.columns[:_MAX_TABLE_COLUMNS]
    if len(columns) < len(table.columns):
        note += (
            f"<p style='color:#555'>The first {len(columns)} of {len(table.columns)} columns; "
            "the HTML and CSV reports hold all.</p>"
        )
    rows = table.rows if whole else table.rows[:_MAX_PRINT_ROWS]
    if len(rows) < len(table.rows):
        note += (
            f"<p style='color:#555'>The first {len(rows)} of {len(table.rows)} rows; "
            "the HTML, CSV and JSON reports hold all.</p>"
        )
    wide = len(columns) > _WIDE
    table, urls = move_urls(Table(table.key, table.title, columns, tuple(rows)))
    rows = table.rows
    widths = column_widths(columns, rows)
    head = "".join(
        f"<th bgcolor='#eef1f4' align='left' width='{w}%' style='white-space:nowrap'>"
        f"{header_html(c)}</th>"
        for c, w in zip(columns, widths, strict=True)
    )
    # In a wide table (the omission matrix) narrow columns wrap a row's label over several
    # lines, and Qt splits such a row at a page break, leaving what looks like an empty
    # row on the next page. A label kept on one line makes the row one line high: unsplit.
    shade = _CONTRA_SHADE if table.key == "contradictions" else ""
    body = "".join(
        f"<tr{shade}>"
        + "".join(
            _cell(c, targets, nowrap=wide and i == 0 and len(c.text) <= _MAX_NOWRAP)
            for i, c in enumerate(row[: len(columns)])
        )
        + "</tr>"
        for row in rows
    )
    sources = (
        "<p style='color:#555;font-size:7pt'>"
        + "<br/>".join(f"[{n}] {html_text(u)}" for n, u in enumerate(urls, 1))
        + "</p>"
        if urls
        else ""
    )
    return f"{title}{note}{_TABLE}<thead><tr>{head}</tr></thead>{body}</table>{sources}"


def _cell(cell: Cell, targets: frozenset[str], *, nowrap: bool = False) -> str:
    align = " align='right'" if cell.value is not None else ""
    if nowrap:
        align += " style='white-space:nowrap'"
    return f"<td{align}>{_link(html_text(cell.text), cell.href, targets)}</td>"


def _chart(chart: ChartData, targets: frozenset[str]) -> str:
    """The chart's value as table bars, a row per value, grouped by the chart's rows."""
    peak = chart.peak or 1.0
    if chart.is_heatmap:
        return _heatmap(chart, targets, peak)
    legend = " ".join(
        f"<span style='background-color:{SERIES_COLOURS[i % len(SERIES_COLOURS)]};color:white'>"
        f"&nbsp;{html_text(name)}&nbsp;</span>"
        for i, name in enumerate(chart.categories)
    )
    rows = []
    for row in chart.rows:
        for i, value in enumerate(row.values):
            label = html_text(row.label) if i == 0 else ""
            shown = _bar(i, value, peak, _link(f"{value:.1f}", row.link(i), targets))
            rows.append(f"<tr><td width='28%'>{label}</td><td>{shown}</td></tr>")
    unit = f" ({html_text(chart.unit)})" if chart.unit else ""
    return (
        f"<h3>{html_text(chart.title)}</h3><p>{legend}{unit}</p>"
        f"<table cellspacing='0' cellpadding='1' width='100%'>{''.join(rows)}</table>"
    )


def _heatmap(chart: ChartData, targets: frozenset[str], peak: float) -> str:
    """Many outlets × categories: a table of shaded cells, as in the HTML report's heatmap."""
    head = "".join(
        f"<th bgcolor='#eef1f4' style='white-space:nowrap'>{header_html(s.replace('_', ' '))}</th>"
        for s in chart.categories
    )
    rows = []
    for row in chart.rows:
        cells = []
        for i, value in enumerate(row.values):
            fill, ink = shade(value, peak)
            text = _link(f"{value:.1f}", row.link(i), targets)
            cells.append(f"<td bgcolor='{fill}' align='right' style='color:{ink}'>{text}</td>")
        rows.append(f"<tr><td>{html_text(row.label)}</td>{''.join(cells)}</tr>")
    unit = f" ({html_text(chart.unit)})" if chart.unit else ""
    return (
        f"<h3>{html_text(chart.title)}</h3><p style='color:#555'>Darker is more{unit}.</p>"
        f"{_TABLE}<thead><tr><th bgcolor='#eef1f4' align='left'>{html_text(chart.label)}</th>"
        f"{head}</tr></thead>{''.join(rows)}</table>"
    )


def _bar(series: int, value: float, peak: float, text: str) -> str:
    colour = SERIES_COLOURS[series % len(SERIES_COLOURS)]
    percent = max(1, round(80 * value / peak)) if value > 0 else 0
    if percent == 0:
        return f"<span style='font-size:8pt'>{text}</span>"
    return (
        "<table cellspacing='0' cellpadding='0' width='100%'><tr>"
        f"<td width='{percent}%' bgcolor='{colour}'>&nbsp;</td>"
        f"<td style='font-size:8pt'>&nbsp;{text}</td></tr></table>"
    )


def _side_by_side(view: SideBySide) -> str:
    title = f"<h3>{html_text(view.title)}</h3>"
    note = f"<p style='color:#555'>{html_text(view.note)}</p>" if view.note else ""
    if len(view.columns) > _MAX_COLUMNS:
        return title + note + _stacked(view)
    head = "".join(
        f"<th bgcolor='#eef1f4' align='left' style='white-space:nowrap'>{header_html(c)}</th>"
        for c in view.columns
    )
    width = 100 // max(1, len(view.columns))
    body = "".join(
        "<tr>" + "".join(f"<td width='{width}%'>{_passage(c)}</td>" for c in row) + "</tr>"
        for row in view.rows
    )
    return f"{title}{note}{_TABLE}<thead><tr>{head}</tr></thead>{body}</table>"


def _stacked(view: SideBySide) -> str:
    rows: list[str] = []
    shown = 0
    for n, row in enumerate(view.rows, 1):
        # Whole passage groups only, and at least one (the headlines are one group).
        if rows and len(rows) + sum(c is not None for c in row) > _MAX_PRINT_ROWS:
            break
        shown = n
        for column, cell in zip(view.columns, row, strict=False):
            if cell is None:
                continue  # stacked, an omission is the outlet's absence from the group
            rows.append(
                f"<tr><td width='22%'>{n}. {html_text(column)}</td><td>{_passage(cell)}</td></tr>"
            )
    note = (
        f"<p style='color:#555'>The first {shown} of {len(view.rows)} passages; "
        "the HTML report shows all of them side by side.</p>"
        if shown < len(view.rows)
        else ""
    )
    return f"{note}{_TABLE}{''.join(rows)}</table>"


def _passage(cell: PassageCell | None) -> str:
    if cell is None:
        return "<i style='color:#888'>not found</i>"
    colour = _CONTRA_INK if cell.label.startswith("contradiction") else "color:#555"
    label = f"<small style='{colour}'>[{html_text(cell.label)}]</small> " if cell.label else ""
    return label + _fragments(cell.fragments)


def _fragments(frags: tuple[Fragment, ...]) -> str:
    out = []
    for frag in frags:
        text = html_text(frag.text)
        if frag.anchor:  # an evidence target: the destination of the numbers' links
            text = f"<a name='{html_text(frag.anchor)}'>{text}</a>"
        if "quote" in frag.kinds:  # quotes are italic, as in the HTML report
            text = f"<i>{text}</i>"
        kind = next((k for k in _PRIORITY if k in frag.kinds), None)
        if kind is None:
            out.append(text)
            continue
        bold = ";font-weight:bold" if kind == "loaded" else ""
        out.append(f"<span style='background-color:{MARK_COLOURS[kind]}{bold}'>{text}</span>")
    return "".join(out)


def _texts(content: ReportContent) -> str:
    legend = " ".join(
        f"<span style='background-color:{MARK_COLOURS.get(k, '#fff')}"
        f"{';font-style:italic' if k == 'quote' else ''}'>&nbsp;{html_text(v)}&nbsp;</span>"
        for k, v in content.legend
    )
    parts = ["<h2>Article texts</h2>", f"<p>{legend}</p>"]
    if len(content.texts) > _MAX_PRINT_TEXTS:
        parts.append(
            f"<p style='color:#555'>The first {_MAX_PRINT_TEXTS} of {len(content.texts)} "
            "articles; the HTML report holds every text with its highlights.</p>"
        )
    for view in content.texts[:_MAX_PRINT_TEXTS]:
        art = view.article
        meta = " · ".join(x for x in (art.date or "", art.author or "", art.url or art.source) if x)
        parts.append(f"<h3>{html_text(art.outlet)}</h3><p style='color:#555'>{html_text(meta)}</p>")
        for i, frags in enumerate(view.paragraphs):
            style = " style='font-weight:bold'" if i == 0 and art.title else ""
            parts.append(f"<p{style}>{_fragments(frags)}</p>")
    return "".join(parts)
