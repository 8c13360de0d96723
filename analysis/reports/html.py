"""The HTML report: one self-contained file (inline CSS and SVG, no scripts, no requests).

Every piece of article data passes through :mod:`analysis.reports.escape`; a
Content-Security-Policy forbids scripts and remote loads as a second line of defence.
"""

from __future__ import annotations

from functools import cache

from analysis.present.charts import ChartData
from analysis.present.svg import SvgStyle, chart_svg
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
    TextView,
)
from analysis.reports.escape import html_attr, html_text, safe_url
from analysis.resources import resource

__all__ = ["CSP", "fragments_html", "render_html"]

_MAX_DETAIL_ROWS = 2000  # detail tables past this stay complete in CSV and JSON only
_MAX_DETAIL_CELLS = 100_000  # ... and so do detail tables past this many cells
_SVG = SvgStyle(width=660, heading=False)  # the page's <h3> names the chart
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


@cache
def _css() -> str:
    return resource("templates", "report.css").read_text("utf-8")


def render_html(content: ReportContent) -> str:
    """Return the whole report as an HTML document."""
    toc = "".join(f'<a href="#s-{s.key}">{html_text(s.title)}</a>' for s in content.sections)
    toc += '<a href="#texts">Article texts</a><a href="#provenance">Provenance</a>'
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="{html_attr(content.generator)}">\n',
        f"<title>{html_text(content.title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n",
        f"<header>\n<h1>{html_text(content.title)}</h1>\n",
        f'<p class="meta">Analysed {html_text(content.created)} with '
        f"{html_text(content.generator)}; {len(content.articles)} articles.</p>\n",
        f'<nav class="toc">{toc}</nav>\n</header>\n<main>\n',
        *(_section(s) for s in content.sections),
        _texts(content),
        _provenance(content),
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _section(section: Section) -> str:
    intro = f'<p class="intro">{html_text(section.intro)}</p>\n' if section.intro else ""
    body = "".join(_block(b) for b in section.blocks)
    head = f'<section id="s-{html_attr(section.key)}">\n<h2>{html_text(section.title)}</h2>\n'
    return f"{head}{intro}{body}</section>\n"


def _block(block: Block) -> str:
    if isinstance(block, FindingList):
        return _findings(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, ChartData):  # the app's SVG, its values linked to their evidence
        return f"<h3>{html_text(block.title)}</h3>\n<figure>{chart_svg(block, _SVG)}</figure>\n"
    return _side_by_side(block)


def _findings(block: FindingList) -> str:
    note = f'<p class="note">{html_text(block.note)}</p>\n' if block.note else ""
    items = []
    for item in block.items:
        links = " · ".join(
            f'<a href="#{html_attr(e.href)}">{html_text(e.label)}</a>' for e in item.links
        )
        where = f'<span class="evidence">Evidence: {links}</span>' if links else ""
        items.append(f"<li>{html_text(item.text)} {where}</li>\n")
    return f'{note}<ol class="findings">\n{"".join(items)}</ol>\n'


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{html_text(c)}</th>' for c in table.columns)
    # A detail table is cut at a number of rows, and at a number of cells (a 1,000-outlet
    # matrix has 1,000 columns): the CSV and JSON reports hold every row.
    most = max(1, min(_MAX_DETAIL_ROWS, _MAX_DETAIL_CELLS // max(1, len(table.columns))))
    rows = table.rows[:most] if table.detail else table.rows
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>\n" for row in rows)
    note = f'<p class="note">{html_text(table.note)}</p>\n' if table.note else ""
    if len(rows) < len(table.rows):
        note += (
            f'<p class="note">The first {len(rows)} of {len(table.rows)} rows; '
            "the CSV and JSON reports hold all.</p>\n"
        )
    if not table.rows:
        note += '<p class="note">Nothing found.</p>\n'
    html = (
        f'<h3 id="t-{html_attr(table.key)}">{html_text(table.title)}</h3>\n{note}'
        f'<div class="scroll"><table class="t-{html_attr(table.key)}">'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>\n{body}</tbody></table></div>\n"
    )
    if table.detail:
        summary = f"{html_text(table.title)} ({len(table.rows)} rows)"
        return f"<details><summary>{summary}</summary>\n{html}</details>\n"
    return html


def _cell(cell: Cell) -> str:
    shown = html_text(cell.text)
    if cell.href:
        shown = f'<a href="#{html_attr(cell.href)}">{shown}</a>'
    cls = ' class="num"' if cell.value is not None else ""
    return f"<td{cls}>{shown}</td>"


def _side_by_side(view: SideBySide) -> str:
    head = "".join(f'<th scope="col">{html_text(c)}</th>' for c in view.columns)
    rows = []
    for row in view.rows:
        rows.append("<tr>" + "".join(_passage(c) for c in row) + "</tr>\n")
    note = f'<p class="note">{html_text(view.note)}</p>\n' if view.note else ""
    wide = " side" if len(view.columns) <= 6 else ""
    return (
        f'<h3>{html_text(view.title)}</h3>\n{note}<div class="scroll">'
        f'<table class="{html_attr(view.key)}{wide}"><thead><tr>{head}</tr></thead><tbody>\n'
        f"{''.join(rows)}</tbody></table></div>\n"
    )


def _passage(cell: PassageCell | None) -> str:
    if cell is None:
        return '<td class="omitted">not found</td>'
    link = (
        f' <a class="goto" href="#{html_attr(cell.href)}" title="show in the text">¶</a>'
        if cell.href
        else ""
    )
    label = f'<span class="kind">{html_text(cell.label)}</span> ' if cell.label else ""
    return f"<td>{label}{fragments_html(cell.fragments)}{link}</td>"


def fragments_html(frags: tuple[Fragment, ...]) -> str:
    """Return highlighted text: each fragment escaped, marks as ``<mark class="k-…">``."""
    out = []
    for frag in frags:
        text = html_text(frag.text)
        if not frag.kinds and frag.anchor is None:
            out.append(text)
            continue
        cls = " ".join(f"k-{k}" for k in frag.kinds)
        ident = f' id="{html_attr(frag.anchor)}"' if frag.anchor else ""
        title = f' title="{html_attr(frag.label)}"' if frag.label else ""
        out.append(f'<mark class="{html_attr(cls)}"{ident}{title}>{text}</mark>')
    return "".join(out)


def _texts(content: ReportContent) -> str:
    legend = "".join(
        f'<span><mark class="k-{html_attr(k)}"></mark> {html_text(v)}</span>'
        for k, v in content.legend
    )
    views = "".join(_text_view(v) for v in content.texts)
    return (
        '<section id="texts">\n<h2>Article texts</h2>\n'
        f'<p class="legend">{legend}</p>\n{views}</section>\n'
    )


def _text_view(view: TextView) -> str:
    art = view.article
    url = safe_url(art.url)
    where = (
        f'<a href="{html_attr(url)}" rel="noreferrer noopener">{html_text(url)}</a>'
        if url
        else html_text(art.url or art.source)
    )
    meta = " · ".join(
        x for x in (html_text(art.date or ""), html_text(art.author or ""), where) if x
    )
    paras = []
    for i, frags in enumerate(view.paragraphs):
        cls = ' class="headline"' if i == 0 and art.title else ""
        paras.append(f"<p{cls}>{fragments_html(frags)}</p>\n")
    return (
        f'<article class="text" id="art-{html_attr(art.id)}">\n<h3>{html_text(art.outlet)}</h3>\n'
        f'<p class="meta">{meta}</p>\n{"".join(paras)}</article>\n'
    )


def _provenance(content: ReportContent) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html_text(c.text)}</td>" for c in row) + "</tr>\n"
        for row in content.provenance.rows
    )
    return (
        '<section id="provenance" class="provenance">\n<h2>Provenance</h2>\n'
        '<p class="note">Hash an input\'s text (UTF-8) with SHA-256 to check that it is '
        "the one analysed.</p>\n"
        f"<table><tbody>\n{rows}</tbody></table>\n</section>\n"
    )
