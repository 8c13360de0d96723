"""The Markdown report: a readable summary to paste into notes or tickets.

It holds the overview, every summary table and the provenance; long detail tables (each
occurrence, each link) and the full article texts stay in the HTML, JSON and CSV reports.
Cells are escaped so that article text cannot break a table or inject raw HTML.
"""

from __future__ import annotations

from itertools import groupby

from analysis.present.charts import ChartData
from analysis.reports.content import (
    Block,
    FindingList,
    Fragment,
    PassageCell,
    ReportContent,
    SideBySide,
    Table,
)
from analysis.reports.escape import md_text

__all__ = ["render_markdown"]

_MAX_SIDE_ROWS = 12  # a summary shows the first passages; the HTML shows all
_MAX_TABLE_ROWS = 100  # a summary, not the data: the CSV and JSON reports hold every row


def render_markdown(content: ReportContent) -> str:
    """Return the report as GitHub-flavoured Markdown."""
    lines = [
        f"# {md_text(content.title)}",
        "",
        f"Analysed {md_text(content.created)} with {md_text(content.generator)}; "
        f"{len(content.articles)} articles.",
        "",
    ]
    for section in content.sections:
        lines += [f"## {md_text(section.title)}", ""]
        if section.intro:
            lines += [md_text(section.intro), ""]
        for block in section.blocks:
            lines += _block(block)
    lines += [f"## {md_text(content.provenance.title)}", ""]
    lines += _table(content.provenance)
    return "\n".join(lines).rstrip("\n") + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, FindingList):
        return _findings(block)
    if isinstance(block, Table):
        if block.detail:
            return []
        return [f"### {md_text(block.title)}", "", *_table(block, _MAX_TABLE_ROWS)]
    if isinstance(block, ChartData):
        return [f"### {md_text(block.title)}", "", *_chart(block)]
    return [f"### {md_text(block.title)}", "", *_side_by_side(block)]


def _findings(block: FindingList) -> list[str]:
    # The section title already says "Key findings": a numbered list, no sub-heading.
    lines = [md_text(block.note), ""] if block.note else []
    for i, item in enumerate(block.items, 1):
        where = ", ".join(dict.fromkeys(md_text(e.label) for e in item.links))
        lines.append(f"{i}. {md_text(item.text)}" + (f" *(evidence: {where})*" if where else ""))
    return [*lines, ""]


def _table(table: Table, limit: int | None = None) -> list[str]:
    if not table.rows:
        return ["Nothing found.", ""]
    more = len(table.rows) - limit if limit is not None else 0
    shown = table.rows[:limit] if limit is not None else table.rows
    head = "| " + " | ".join(md_text(c) for c in table.columns) + " |"
    rule = (
        "|"
        + "|".join("---:" if _numeric(table, i) else "---" for i in range(len(table.columns)))
        + "|"
    )
    rows = ["| " + " | ".join(md_text(c.text) for c in row) + " |" for row in shown]
    note = [md_text(table.note), ""] if table.note else []
    tail = [f"… and {more} more rows — see the CSV or JSON report.", ""] if more > 0 else []
    return [*note, head, rule, *rows, "", *tail]


def _numeric(table: Table, column: int) -> bool:
    return bool(table.rows) and all(
        row[column].value is not None for row in table.rows if column < len(row)
    )


def _chart(chart: ChartData) -> list[str]:
    head = f"| {md_text(chart.label)} | " + " | ".join(md_text(s) for s in chart.categories) + " |"
    rule = "|---|" + "---:|" * len(chart.categories)
    rows = [
        "| " + md_text(row.label) + " | " + " | ".join(f"{v:.1f}" for v in row.values) + " |"
        for row in chart.rows
    ]
    unit = [f"Values: {md_text(chart.unit)}.", ""] if chart.unit else []
    return [*unit, head, rule, *rows, ""]


def _side_by_side(view: SideBySide) -> list[str]:
    head = "| " + " | ".join(md_text(c) for c in view.columns) + " |"
    rule = "|" + "---|" * len(view.columns)
    rows = [
        "| " + " | ".join(_passage(c) for c in row) + " |" for row in view.rows[:_MAX_SIDE_ROWS]
    ]
    more = len(view.rows) - _MAX_SIDE_ROWS
    tail = [f"… and {more} more rows in the HTML report.", ""] if more > 0 else []
    return [head, rule, *rows, "", *tail]


def _passage(cell: PassageCell | None) -> str:
    if cell is None:
        return "*(not found)*"
    # Loaded terms in bold, edited wording in italics: visible in any Markdown viewer. Runs
    # of one style are joined and their edge spaces kept outside the markers, else "*a *"
    # next to "*b*" would not render as emphasis at all.
    out = []
    for style, group in groupby(cell.fragments, key=_style):
        raw = "".join(f.text for f in group)
        core = raw.strip()
        if not style or not core:
            out.append(md_text(raw))
            continue
        lead, trail = raw[: len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()) :]
        out.append(f"{md_text(lead)}{style}{md_text(core)}{style}{md_text(trail)}")
    label = f"*[{md_text(cell.label)}]* " if cell.label else ""
    return label + "".join(out)


def _style(frag: Fragment) -> str:
    if any(k.startswith("loaded") for k in frag.kinds):
        return "**"
    return "*" if "edited" in frag.kinds else ""
