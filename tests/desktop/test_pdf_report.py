"""The PDF report: page sizes, page numbers, embedded fonts, outlet names and headline table."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from analysis.reports import ReportOptions
from analysis.reports.build import build_content
from desktop.pdf_report import content_pdf, render_pdf
from tests.analysis.reports.conftest import full_data, make_result, typed

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _text(path: Path, *extra: str) -> str:
    # NFKC: poppler maps some CJK glyphs to compatibility code points (⼝ for 口).
    return unicodedata.normalize("NFKC", _run("pdftotext", "-layout", *extra, str(path), "-"))


@pytest.fixture
def pdf(tmp_path: Path, qapp: Any) -> Path:
    result = make_result()
    path = tmp_path / "report.pdf"
    path.write_bytes(content_pdf(build_content(typed(full_data(result)))))
    return path


def _has_font_for(lang: str) -> bool:
    if shutil.which("fc-list") is None:
        return True  # cannot tell: let the assertions speak
    return bool(_run("fc-list", f":lang={lang}").strip())


def test_every_outlet_and_the_headline_table_are_in_the_text(pdf: Path) -> None:
    if not (_has_font_for("zh") and _has_font_for("ru")):
        pytest.skip("no CJK or Cyrillic font installed (.ci/run installs fonts-noto-cjk)")
    text = _text(pdf)
    for art in make_result().articles:
        assert art.outlet in text, art.outlet  # Latin, Cyrillic and CJK names
    assert "Headlines side by side" in text
    flat = " ".join(text.split())
    for headline in ("Council approves harbour plan", "Regime rams through", "港口计划获批"):
        assert headline in flat
    assert "Жители протестовали" in flat


def test_pages_are_numbered(pdf: Path) -> None:
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    for page in range(1, pages + 1):
        lines = [x.strip() for x in _text(pdf, "-f", str(page), "-l", str(page)).splitlines()]
        assert str(page) in [x for x in lines if x][-1:], f"page {page} has no number at its foot"


def test_fonts_are_embedded(pdf: Path) -> None:
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        # columns: name type encoding emb sub uni object ID (name has no spaces)
        assert row.split()[-5] == "yes", row


@pytest.mark.parametrize(("paper", "size"), [("a4", "595 x 842"), ("letter", "612 x 792")])
def test_paper_sizes(tmp_path: Path, qapp: Any, paper: str, size: str) -> None:
    path = tmp_path / f"{paper}.pdf"
    path.write_bytes(render_pdf(make_result(), ReportOptions(paper=paper)))
    assert size in _run("pdfinfo", str(path))


def test_charts_are_vector_rectangles(pdf: Path, tmp_path: Path) -> None:
    # Bars are table cells filled with the series colour: no raster image in the file.
    assert _run("pdfimages", "-list", str(pdf)).splitlines()[2:] == []
    assert "Loaded terms: own voice vs quoted" in _text(pdf)


@pytest.mark.slow  # runs the whole comparison pipeline (about 9 s on CI's machine)
def test_the_cli_writes_a_pdf(tmp_path: Path, qapp: Any) -> None:
    from desktop.launcher import main

    arts = make_result().articles
    paths = []
    for i, art in enumerate(arts[:2]):
        src = tmp_path / f"in{i}.txt"
        src.write_text(art.text, encoding="utf-8")
        paths.append(str(src))
    out = tmp_path / "out.pdf"
    assert main(["compare", *paths, "-o", str(out), "--paper", "letter"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "612 x 792" in _run("pdfinfo", str(out))
    assert "Council approves harbour plan" in " ".join(_text(out).split())


def test_the_launcher_registers_pdf_for_the_cli_and_export_menu(qapp: Any) -> None:
    import analysis.reports as reports
    from desktop.launcher import _register_report_formats

    _register_report_formats()
    assert "pdf" in reports.FORMATS and "pdf" in reports.formats()
    blob = reports.render_report(make_result(), "pdf", paper="letter")
    assert blob.startswith(b"%PDF-")


_NAME = rb"\(\xfe\xff((?:\x00[^\x00)])+)\)"  # Qt writes names as UTF-16BE strings with a BOM


def _pdf_strings(blob: bytes, prefix: bytes) -> list[str]:
    return [m.decode("utf-16-be") for m in re.findall(prefix + _NAME, blob)]


def test_numbers_link_to_their_evidence_inside_the_pdf(pdf: Path) -> None:
    blob = pdf.read_bytes()
    links = _pdf_strings(blob, rb"/Dest ")
    targets: set[str] = set()
    for block in re.findall(rb"/Names \[(.*?)\]", blob, re.DOTALL):  # the named destinations
        targets.update(_pdf_strings(block, rb""))
    assert blob.count(b"/Subtype /Link") >= len(links) > 0, "no evidence link in the PDF"
    assert set(links) <= targets  # every link has its destination in the document
    data = full_data(make_result())
    regime = next(h for h in data["terms"]["hits"] if h["term"] == "regime")
    assert f"a-{regime['article']}-{regime['start']}" in links


@pytest.mark.slow  # runs the whole comparison pipeline on the sample (a few seconds)
def test_the_sample_comparison_prints_every_section(tmp_path: Path, qapp: Any) -> None:
    from analysis.ingest import load_sample
    from analysis.pipeline import compare

    articles = load_sample()
    if len(articles) < 2:
        pytest.skip("the built-in sample has fewer than two articles in this checkout")
    path = tmp_path / "sample.pdf"
    path.write_bytes(content_pdf(build_content(compare(articles)), "letter"))
    flat = " ".join(_text(path).split())
    for art in articles:
        assert art.outlet in flat
    for title in (
        "Headlines side by side",
        "Omission matrix",
        "Quotes and sources",
        "Attribution verbs by stance",
        "Frame emphasis",
        "Most distinctive words per outlet",
        "Readability measures",
        "Provenance",
    ):
        assert title in flat, title
