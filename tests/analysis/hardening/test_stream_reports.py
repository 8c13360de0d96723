"""Issue 12, item 13: the JSON report is written one section at a time; the xlsx is cut.

The JSON bytes must be exactly those of ``json.dumps`` of the whole result; the xlsx keeps
every row of summary tables and cuts long detail tables with a pointer to the CSV export.
"""

from __future__ import annotations

import io
import json

import pytest

from analysis.ingest import load_sample
from analysis.jsonio import result_to_json
from analysis.pipeline import compare
from analysis.reports import render_report, xlsx
from analysis.reports.content import Cell, ReportContent, Section, Table


def test_json_report_is_the_whole_result_dumped() -> None:
    result = compare(load_sample())
    expected = json.dumps(result_to_json(result), ensure_ascii=False) + "\n"
    assert render_report(result, "json") == expected.encode("utf-8")


def test_xlsx_cuts_long_detail_tables_and_keeps_summaries(monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    monkeypatch.setattr(xlsx, "_MAX_DETAIL_CELLS", 30)
    rows = tuple((Cell(f"r{i}"), Cell.number(i)) for i in range(40))
    detail = Table("links", "Links", ("a", "b"), rows, detail=True)
    summary = Table("pairs", "Pairs", ("a", "b"), rows)
    content = ReportContent(
        title="t",
        created="",
        generator="",
        articles=(),
        sections=(Section("s", "S", "", (detail, summary)),),
        texts=(),
        provenance=Table("provenance", "P", ("k",), ()),
    )
    book = load_workbook(io.BytesIO(xlsx.render_xlsx(content)))
    cut = list(book["links"].iter_rows(values_only=True))
    assert len(cut) == 1 + 15 + 1
    assert "25 more rows" in str(cut[-1][0])
    assert len(list(book["pairs"].iter_rows(values_only=True))) == 41
