"""PDF typesetting: no table header word broken, URLs listed under tables, landscape if wide."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from analysis.ingest import load_sample
from analysis.model import Article
from analysis.pipeline import compare
from analysis.reports.build import build_content
from analysis.reports.content import Cell, ReportContent, Section, Table
from analysis.reports.print_layout import column_widths, header_html, move_urls
from desktop.pdf_report import content_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed",
)

# Header words of the kind Qt used to break ("Autho / r", "Word / s", "Sentence / s").
HEADERS = (
    "Outlet", "Author", "Words", "Paragraphs", "Sentences", "Anonymous sources",
    "Quoted words %", "HuffPost (event 0)", "New York Times (event 1)", "Breitbart (event 2)",
    "Distinguishable", "Counterparts",
)  # fmt: skip


def _pdf_text(data: bytes, tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)  # ligatures: "Huﬀ" is "Huff"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return text, info


def _content(columns: tuple[str, ...], rows: int) -> ReportContent:
    body = tuple(
        tuple(Cell.number(i * 7 + j) if j else Cell(f"row {i}") for j in range(len(columns)))
        for i in range(rows)
    )
    table = Table("wide", "A wide table", columns, body)
    sample = load_sample()[0]
    provenance = Table("provenance", "Provenance", ("Field", "Value"), ((Cell("a"), Cell("b")),))
    return ReportContent(
        "Layout test", "2026-01-01", "Slant", (sample,), (Section("s", "S", "", (table,)),),
        (), provenance,
    )  # fmt: skip


def _words_whole(text: str, headers: tuple[str, ...]) -> list[str]:
    """Header words that do not appear whole in the PDF's text."""
    found = set(re.findall(r"\S+", text))
    return [w for h in headers for w in h.split() if w not in found]


def test_no_header_word_is_broken_in_a_twelve_column_table(tmp_path: Path, qapp: Any) -> None:
    text, info = _pdf_text(content_pdf(_content(HEADERS, 30)), tmp_path)
    assert _words_whole(text, HEADERS) == []
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height  # twelve columns: landscape


def test_sample_pdf_is_portrait_with_whole_headers_and_urls_listed(
    tmp_path: Path, qapp: Any
) -> None:
    content = build_content(compare(load_sample()))
    text, info = _pdf_text(content_pdf(content), tmp_path)
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width < height
    headers = tuple(
        c for s in content.sections for b in s.blocks if isinstance(b, Table) and not b.detail
        for c in b.columns[:12]
    )  # fmt: skip
    assert _words_whole(text, headers) == []
    flat = " ".join(text.split())
    for art in content.articles:
        assert art.url and f"] {art.url}" in flat  # in the list under the table, whole


def test_header_lines_break_only_between_words() -> None:
    assert header_html("Quoted words %") == "Quoted<br/>words %"
    assert header_html("HuffPost (event 0)") == "HuffPost<br/>(event 0)"
    assert header_html("A <b>") == "A &lt;b&gt;"


def test_column_widths_follow_content_and_fill_the_page() -> None:
    rows = [
        (Cell("Meridian Wire"), Cell("A long headline about a port lease " * 2), Cell("452"))
        for _ in range(5)
    ]
    widths = column_widths(("Outlet", "Headline", "Words"), rows)
    assert sum(widths) == 100
    assert widths[1] > widths[0] > widths[2]
    many = column_widths(tuple(f"Outlet {i}" for i in range(30)), [])
    assert sum(many) >= 100 and min(many) >= 3


def test_long_urls_leave_the_cells_for_a_numbered_list() -> None:
    url = "https://example.org/news/2026/03/14/a-very-long-address-of-an-article"
    table = Table("t", "T", ("Outlet", "Source"), ((Cell("A"), Cell(url)), (Cell("B"), Cell("x"))))
    moved, urls = move_urls(table)
    assert urls == [url]
    assert moved.rows[0][1].text == "[1]" and moved.rows[1][1].text == "x"


@pytest.mark.shared
@pytest.mark.slow
def test_twenty_article_pdf_breaks_no_header_word(
    tmp_path: Path, qapp: Any, shared_dir: Path
) -> None:
    root = shared_dir / "corpora" / "newswcl50" / "1-raw-articles"
    if not root.is_dir():
        pytest.skip("NewsWCL50 is not in ../shared")
    from analysis.ingest import load_source

    arts: list[Article] = [
        load_source(str(root / f"event_{ev}" / f"{ev}_{c}.txt"), outlet=f"{c} outlet {ev}")
        for ev in range(4)
        for c in ("LL", "L", "M", "R", "RR")
    ]
    content = build_content(compare(arts))
    text, _ = _pdf_text(content_pdf(content), tmp_path)
    headers = tuple(
        c for s in content.sections for b in s.blocks if isinstance(b, Table) and not b.detail
        for c in b.columns[:12]
    )  # fmt: skip
    assert _words_whole(text, headers) == []
