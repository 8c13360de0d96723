from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import analysis.reports as reports
from analysis.errors import ReportError
from analysis.ingest import load_sample
from analysis.reports import ReportOptions, atomic_write_bytes, render_report, write_report
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from tests.analysis.reports.conftest import make_result

TEXT_FORMATS = ("html", "md", "json")


def _sample_result() -> ComparisonResult:
    articles = load_sample()
    if len(articles) < 2:
        pytest.skip("the built-in sample has fewer than two articles in this checkout")
    return ComparisonResult(articles, CompareSettings(), "2024-05-07T10:00:00+00:00")


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv"])
def test_every_format_renders_the_sample(fmt: str) -> None:
    result = _sample_result()
    blob = render_report(result, fmt)
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            body = archive.read("articles.csv").decode("utf-8-sig")
    else:
        body = blob.decode("utf-8")
    for art in result.articles:
        assert art.outlet in body


def _unzip(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv"])
def test_same_inputs_give_the_same_bytes_but_the_timestamp(fmt: str) -> None:
    first = render_report(make_result("2024-05-07T10:00:00+00:00"), fmt)
    again = render_report(make_result("2024-05-07T10:00:00+00:00"), fmt)
    later = render_report(make_result("2031-12-24T23:59:59+00:00"), fmt)
    assert first == again
    if fmt == "csv":
        a, b = _unzip(first), _unzip(later)
        assert a.keys() == b.keys()
        a = {k: v.replace(b"2024-05-07T10:00:00+00:00", b"T") for k, v in a.items()}
        b = {k: v.replace(b"2031-12-24T23:59:59+00:00", b"T") for k, v in b.items()}
        assert a == b
    else:
        assert first != later
        assert first.replace(b"2024-05-07T10:00:00+00:00", b"T") == later.replace(
            b"2031-12-24T23:59:59+00:00", b"T"
        )


def test_unknown_format_and_paper_are_clear_errors() -> None:
    with pytest.raises(ReportError) as err:
        render_report(make_result(), "docx")
    assert err.value.code == "report.format" and "docx" in str(err.value)
    with pytest.raises(ReportError) as err:
        render_report(make_result(), "html", paper="a3")
    assert err.value.code == "report.paper"


def test_registered_renderer_joins_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "_registered", {})
    monkeypatch.setattr(reports, "FORMATS", reports.formats())
    assert "pdf" not in reports.FORMATS
    seen: list[str] = []

    def fake(result: ComparisonResult, options: ReportOptions) -> bytes:
        seen.append(options.paper)
        return b"%PDF-fake"

    reports.register_renderer("pdf", fake)
    assert reports.FORMATS == ("html", "pdf", "md", "json", "csv", "xlsx")
    assert render_report(make_result(), "pdf", paper="letter") == b"%PDF-fake"
    assert seen == ["letter"]


def test_write_report_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    write_report(make_result(), "json", out)
    assert json.loads(out.read_text("utf-8"))["schema_version"] >= 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_into_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as err:
        atomic_write_bytes(tmp_path / "nope" / "r.html", b"x")
    assert err.value.code == "report.write" and "cannot write" in str(err.value)
