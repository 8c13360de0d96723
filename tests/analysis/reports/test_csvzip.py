from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from typing import Any

from analysis.reports.build import build_content
from analysis.reports.content import Cell, Table
from analysis.reports.csvzip import render_csv_zip, table_csv
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import typed


def _read(blob: bytes) -> dict[str, list[list[str]]]:
    out = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            assert raw.startswith(b"\xef\xbb\xbf"), f"{name} lacks the UTF-8 BOM"
            out[name] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return out


def test_one_file_per_table_with_header_rows(
    result: ComparisonResult, data: dict[str, Any]
) -> None:
    files = _read(render_csv_zip(build_content(typed(data))))
    for name in (
        "articles.csv",
        "term-hits.csv",
        "term-counts.csv",
        "links.csv",
        "passages.csv",
        "omissions.csv",
        "framing-quotes.csv",
        "readability.csv",
        "provenance.csv",
    ):
        assert name in files, sorted(files)
    assert files["term-hits.csv"][0] == ["Outlet", "Term", "Category", "Voice", "Start", "End"]
    assert files["articles.csv"][0][:2] == ["Outlet", "Headline"]
    outlets = {row[0] for row in files["articles.csv"][1:]}
    assert outlets == {a.outlet for a in result.articles}  # Cyrillic and CJK survive


def test_rows_match_the_result(result: ComparisonResult, data: dict[str, Any]) -> None:
    files = _read(render_csv_zip(build_content(typed(data))))
    hits = files["term-hits.csv"][1:]
    assert len(hits) == len(data["terms"]["hits"])
    b = result.articles[1]
    regime = next(r for r in hits if r[1] == "regime")
    assert int(regime[4]) == b.text.index("Regime")
    links = files["links.csv"][1:]
    assert [float(r[5]) for r in links] == [x["score"] for x in data["alignment"]["links"]]


def test_hostile_cells_are_neutralised_and_numbers_stay_numbers() -> None:
    table = Table(
        "t", "T", ("Text", "Number"),
        ((Cell("=HYPERLINK(\"http://x\")"), Cell.number(-3)), (Cell("@SUM(A1)"), Cell.number(2.5))),
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig"), newline="")))
    assert rows[1] == ['\'=HYPERLINK("http://x")', "-3"]
    assert rows[2] == ["'@SUM(A1)", "2.5"]


def test_hostile_outlet_name_in_zip(result: ComparisonResult, data: dict[str, Any]) -> None:
    evil = replace(result.articles[0], outlet="=cmd|' /C calc'!A0")
    changed = replace(result, articles=(evil, *result.articles[1:]))
    files = _read(render_csv_zip(build_content(replace(typed(data), articles=changed.articles))))
    assert files["articles.csv"][1][0] == "'=cmd|' /C calc'!A0"


def test_zip_bytes_are_reproducible(result: ComparisonResult, data: dict[str, Any]) -> None:
    first = render_csv_zip(build_content(typed(data)))
    second = render_csv_zip(build_content(typed(data)))
    assert first == second
