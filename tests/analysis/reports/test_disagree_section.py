"""The report's disagreements and naming sections, built from the sample's JSON form."""

from __future__ import annotations

import pytest

from analysis.ingest import load_sample
from analysis.pipeline import compare
from analysis.reports import render_report
from analysis.reports.build import build_content
from analysis.reports.content import ReportContent, SideBySide, Table
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


@pytest.fixture(scope="module")
def content(result: ComparisonResult) -> ReportContent:
    return build_content(result)


def _block(content: ReportContent, section: str, key: str) -> Table | SideBySide:
    sec = next(s for s in content.sections if s.key == section)
    block = next(b for b in sec.blocks if b.key == key)
    assert isinstance(block, Table | SideBySide)
    return block


def test_numbers_table_shows_each_outlets_words_and_values(content: ReportContent) -> None:
    table = _block(content, "disagreements", "contradictions")
    assert isinstance(table, Table)
    dravia = table.columns.index("Voice of Dravia")
    row = next(r for r in table.rows if r[dravia].text.startswith("four"))
    assert row[2].text == "contradiction"
    assert row[dravia].text == "four (4 officer)"
    assert row[dravia].href is not None  # links to the words in the article text
    meridian = table.columns.index("Meridian Wire")
    assert row[meridian].text == "11 (11 officer)"


def test_contradictions_stand_apart_from_vague_wording(content: ReportContent) -> None:
    sec = next(s for s in content.sections if s.key == "disagreements")
    keys = [b.key for b in sec.blocks]
    # Contradictions come first, in their own table and side-by-side view.
    assert keys.index("contradictions") < keys.index("numbers")
    contra = _block(content, "disagreements", "contradictions")
    others = _block(content, "disagreements", "numbers")
    assert isinstance(contra, Table) and isinstance(others, Table)
    assert contra.rows and all(r[2].text == "contradiction" for r in contra.rows)
    assert others.rows and all(r[2].text != "contradiction" for r in others.rows)
    assert contra.title.startswith("Contradictions")
    side = _block(content, "disagreements", "contradictions-side")
    assert isinstance(side, SideBySide) and len(side.rows) == len(contra.rows)
    labels = {cell.label for row in side.rows for cell in row if cell and cell.label}
    assert "contradiction: 4 officer" in labels  # the word survives print, the value too


def test_the_html_marks_contradiction_rows(result: ComparisonResult) -> None:
    out = render_report(result, "html").decode("utf-8")
    table = out[out.index('<table class="t-contradictions">') :]
    table = table[: table.index("</table>")]
    assert ">contradiction<" in table
    assert "vague but compatible" not in table
    css = out[: out.index("</style>")]
    assert "table.t-contradictions td:nth-child(3)" in css  # bold, coloured, with a marker


def test_the_print_html_marks_contradictions_without_css(content: ReportContent) -> None:
    """The PDF's QTextDocument knows no selectors: shading and red ink sit on the elements."""
    from analysis.reports.printable import render_print_html

    out = render_print_html(content)
    contra = out[out.index("figures that cannot both be true") :]
    contra = contra[: contra.index("</table>")]
    rows = contra.count("<tr bgcolor='#fdf1f0'>")
    assert rows == len(_block(content, "disagreements", "contradictions").rows) > 0
    others = out[out.index("Other numbers that differ") :]
    assert "<tr bgcolor='#fdf1f0'>" not in others[: others.index("</table>")]
    assert "font-weight:bold'>[contradiction: 4 officer]" in out


def test_labels_table_and_passages_side_by_side(content: ReportContent) -> None:
    labels = _block(content, "disagreements", "labels")
    assert isinstance(labels, Table)
    blaze = labels.columns.index("The Daily Blaze")
    assert any(r[blaze].text.startswith("thugs") for r in labels.rows)
    side = _block(content, "disagreements", "disagreements")
    assert isinstance(side, SideBySide)
    marked = {
        f.text for row in side.rows for cell in row if cell for f in cell.fragments
        if "differs" in f.kinds
    }  # fmt: skip
    assert {"About 3,000", "Thousands", "rioters", "regime"} <= marked
    contra = _block(content, "disagreements", "contradictions-side")
    assert isinstance(contra, SideBySide)
    marked_contra = {
        f.text for row in contra.rows for cell in row if cell for f in cell.fragments
        if "differs" in f.kinds
    }  # fmt: skip
    assert {"four", "11"} <= marked_contra


def test_naming_table(content: ReportContent) -> None:
    table = _block(content, "naming", "naming")
    assert isinstance(table, Table)
    reyk = next(r for r in table.rows if r[0].text == "Tomas Reyk")
    blaze = table.columns.index("The Daily Blaze")
    assert "Union boss Tomas Reyk\u00a0×1" in reyk[blaze].text


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_sections_render(result: ComparisonResult, fmt: str) -> None:
    out = render_report(result, fmt).decode("utf-8")
    assert "Where outlets disagree" in out
    assert "How each outlet names the actors" in out
    if fmt == "html":
        assert "k-differs" in out
