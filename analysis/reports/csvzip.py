"""The CSV report: one CSV file per table, delivered together as one ``.zip``.

Choices, for spreadsheets:

* UTF-8 **with** a byte-order mark: Excel opens a double-clicked CSV as UTF-8 only when it
  starts with a BOM (otherwise it guesses the ANSI code page and mangles ``é``, ``ж``,
  ``中``); LibreOffice detects the BOM and skips it; Python reads it with ``utf-8-sig``.
* Comma separator, CRLF line ends, every text cell quoted only when needed (RFC 4180).
* A header row in every file; numbers written as plain numbers (``.`` decimal point).
* Formula injection neutralised by :func:`analysis.reports.escape.csv_cell`.
* Reproducible bytes: members in a fixed order with a fixed timestamp.
"""

from __future__ import annotations

import csv
import io
import zipfile

from analysis.present.charts import ChartData
from analysis.reports.content import (
    Block,
    Cell,
    FindingList,
    ReportContent,
    SideBySide,
    Table,
)
from analysis.reports.escape import csv_cell, slug

__all__ = ["CSV_ENCODING", "csv_tables", "render_csv_zip", "table_csv"]

CSV_ENCODING = "utf-8-sig"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest zip timestamp: same bytes on every run


def render_csv_zip(content: ReportContent) -> bytes:
    """Return a zip holding one CSV file per table of the report."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, table in csv_tables(content):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, table_csv(table))
    return buffer.getvalue()


def csv_tables(content: ReportContent) -> list[tuple[str, Table]]:
    """Return ``(file name, table)`` for every table, chart and passage view, in report order."""
    tables: list[Table] = []
    for section in content.sections:
        tables.extend(_as_table(block) for block in section.blocks)
    tables.append(content.provenance)
    out: list[tuple[str, Table]] = []
    used: set[str] = set()
    for table in tables:
        name = slug(table.key)
        stem, n = name, 1
        while name in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name)
        out.append((f"{name}.csv", table))
    return out


def table_csv(table: Table) -> bytes:
    """Return one table as CSV bytes (UTF-8 with BOM, CRLF, header row first)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in table.columns])
    # Rows share cell objects (a passage appears in many link rows): neutralise each once.
    safe: dict[int, object] = {}
    for row in table.rows:
        out = []
        for cell in row:
            value = safe.get(id(cell))
            if value is None:
                value = safe[id(cell)] = csv_cell(_value(cell))
            out.append(value)
        writer.writerow(out)
    return text.getvalue().encode(CSV_ENCODING)


def _value(cell: Cell) -> object:
    return cell.value if cell.value is not None else cell.text


def _as_table(block: Block) -> Table:
    if isinstance(block, Table):
        return block
    if isinstance(block, ChartData):
        rows = tuple(
            (Cell(row.label), *(Cell.number(round(v, 3)) for v in row.values)) for row in block.rows
        )
        return Table(block.key, block.title, (block.label, *block.categories), rows)
    if isinstance(block, FindingList):
        return block.as_table()
    return _passages_table(block)


def _passages_table(view: SideBySide) -> Table:
    rows = tuple(
        tuple(Cell("" if c is None else "".join(f.text for f in c.fragments)) for c in row)
        for row in view.rows
    )
    return Table(view.key, view.title, view.columns, rows)
