from __future__ import annotations

import io

from openpyxl import load_workbook

from analysis.reports.content import Cell, ReportContent, Section, Table
from analysis.reports.xlsx import render_xlsx, sheet_names


def _content(*tables: Table) -> ReportContent:
    provenance = Table("provenance", "Provenance", ("key", "value"), ((Cell("a"), Cell("b")),))
    section = Section("s", "S", "", tables)
    return ReportContent("T", "2026-01-01", "Slant", (), (section,), (), provenance)


def test_text_that_looks_like_a_formula_stays_text_and_numbers_stay_numbers() -> None:
    rows = (
        (Cell('=HYPERLINK("http://evil.example","x")'), Cell.number(3)),
        (Cell("bell\x07 rings"), Cell.number(0.25)),
        (Cell("#DIV/0!"), Cell("plain words")),
    )
    data = render_xlsx(_content(Table("words", "Words", ("text", "n"), rows)))
    book = load_workbook(io.BytesIO(data))
    sheet = book["words"]
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '=HYPERLINK("http://evil.example","x")'
    assert sheet["B2"].value == 3 and sheet["B3"].value == 0.25
    assert sheet["A3"].value == "bell rings"
    # An error code is text too, not an Excel error value.
    assert sheet["A4"].data_type == "s" and sheet["A4"].value == "#DIV/0!"
    assert sheet["B4"].data_type == "s" and sheet["B4"].value == "plain words"


def test_sheet_names_are_unique_short_and_legal() -> None:
    long_key = "a-very-long-table-key-that-goes-on-and-on-and-on"
    tables = [Table(long_key, "x", ("c",), ()) for _ in range(3)]
    names = [name for name, _ in sheet_names(_content(*tables))]
    assert len(set(names)) == len(names) == 4
    assert all(len(n) <= 31 for n in names)
    book = load_workbook(io.BytesIO(render_xlsx(_content(*tables))))
    assert book.sheetnames == ["contents", *names]


def test_empty_cells_are_blank_and_the_row_keeps_its_columns() -> None:
    rows = ((Cell("left"), Cell(""), Cell("right"), Cell.number(0)),)
    data = render_xlsx(_content(Table("wide", "Wide", ("a", "b", "c", "d"), rows)))
    sheet = load_workbook(io.BytesIO(data))["wide"]
    assert [c.value for c in sheet[2]] == ["left", None, "right", 0]
    # Blank cells are not written at all (a sheet of mostly empty outlet columns stays small).
    assert b'<c r="B2"' not in _sheet_xml(data, "wide")


def _sheet_xml(data: bytes, name: str) -> bytes:
    import zipfile

    book = load_workbook(io.BytesIO(data))
    index = book.sheetnames.index(name) + 1
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml")
