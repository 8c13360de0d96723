"""The spreadsheet report: one worksheet per table of the report, written with openpyxl.

The sheets are the same tables as the CSV zip (:func:`analysis.reports.csvzip.csv_tables`),
in the same order, plus a first sheet ``contents`` listing each sheet's table title. Numbers
are stored as numbers; every text cell is stored as a string, never as a formula (so
``=HYPERLINK(…)`` from an article stays text), and control characters, which the file
format cannot hold, are dropped; empty cells are left blank. Detail tables (every link,
every pair of outlets: millions of cells for 1,000 articles) are cut at 250,000 cells, and
any table at a worksheet's 1,048,576 rows, with a last line pointing to the CSV export,
which holds every row. The
workbook is written in openpyxl's streaming mode, row by row.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import TYPE_CHECKING

from analysis.errors import ReportError
from analysis.reports.content import Cell, ReportContent, Table
from analysis.reports.csvzip import csv_tables

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["render_xlsx", "sheet_names"]

_MAX_SHEET = 31  # Excel's limit on a worksheet name
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl refuses these
# A fixed "created" property. openpyxl itself stamps "modified" and the zip entries with the
# save time, so two saves of one result differ in those bytes, never in a cell.
_FIXED_TIME = datetime(2000, 1, 1)
_MAX_ROWS = 1_048_574  # Excel's 1,048,576 rows, less the header and the "more rows" line
_MAX_DETAIL_CELLS = 250_000  # a detail table past this is cut: the CSV export holds it all


def sheet_names(content: ReportContent) -> list[tuple[str, Table]]:
    """Return ``(sheet name, table)`` for every table, names unique and at most 31 chars."""
    out: list[tuple[str, Table]] = []
    used: set[str] = {"contents"}
    for file_name, table in csv_tables(content):
        stem = _BAD_SHEET_CHARS.sub("-", file_name.removesuffix(".csv"))[:_MAX_SHEET]
        name, n = stem, 1
        while name.lower() in used:
            n += 1
            suffix = f"-{n}"
            name = stem[: _MAX_SHEET - len(suffix)] + suffix
        used.add(name.lower())
        out.append((name, table))
    return out


def render_xlsx(content: ReportContent) -> bytes:
    """Return the report as ``.xlsx`` bytes: a contents sheet, then one sheet per table.

    Raises:
        ReportError: When openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ReportError(
            "The xlsx format needs the openpyxl package; install it with pip.",
            code="report.xlsx_missing",
        ) from exc
    book = Workbook(write_only=True)  # streamed rows: a 1,000-article report has millions
    book.properties.created = book.properties.modified = _FIXED_TIME
    index = book.create_sheet("contents")
    _append(index, ["sheet", "table", "rows"])
    tables = sheet_names(content)
    for name, table in tables:
        _append(index, [name, _text(table.title), len(table.rows)])
    for name, table in tables:
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        _append(sheet, [_text(c) for c in table.columns])
        most = _rows_kept(table)
        for row in table.rows[:most]:
            _append(sheet, [_value(cell) for cell in row])
        if len(table.rows) > most:
            _append(sheet, [f"{len(table.rows) - most:,} more rows: see the CSV export."])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows_kept(table: Table) -> int:
    """How many rows of ``table`` the sheet holds (detail tables are cut by cells)."""
    if not table.detail:
        return _MAX_ROWS
    return max(1, min(_MAX_ROWS, _MAX_DETAIL_CELLS // max(1, len(table.columns))))


def _append(sheet: WriteOnlyWorksheet, values: list[str | int | float | None]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    row: list[object] = []  # openpyxl write-only cells, or plain values
    for value in values:
        if isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES):
            # openpyxl would take these as a formula or an error code: force plain text.
            # Only these get a cell object; making one per string doubled the write time.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)


def _value(cell: Cell) -> str | int | float | None:
    if cell.value is not None and not isinstance(cell.value, bool):
        return cell.value
    # An empty cell is left out of the sheet (openpyxl skips None): tables with a column per
    # outlet are mostly empty at 1,000 outlets, and writing "" cells took half the export.
    return _text(cell.text) or None


def _text(text: str) -> str:
    return _CONTROL.sub("", text)
