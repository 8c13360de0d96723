"""The user's outlet ratings in the app: chosen in File ▸ Outlet Ratings, shown beside outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from analysis.present.labels import leans_text
from analysis.ratings import parse_ratings
from desktop.controllers.ratings import RatingsController, problems_text
from desktop.models.sources import Column, SourcesModel
from desktop.widgets.sources_panel import SourcesPanel

RATINGS = "domain,outlet,lean\nmeridianwire.example,,left\n,The Daily Blaze,lean right\n"


@pytest.fixture
def ratings_file(tmp_path: Path) -> Path:
    path = tmp_path / "my-ratings.csv"
    path.write_text(RATINGS, encoding="utf-8")
    return path


def test_the_sources_table_shows_a_lean_column_only_with_ratings(qtbot, sample) -> None:  # type: ignore[no-untyped-def]
    model = SourcesModel()
    panel = SourcesPanel(model)
    qtbot.addWidget(panel)
    for article in sample:
        model.add_article(article)
    assert panel.table.isColumnHidden(Column.LEAN)
    assert model.index(0, Column.LEAN).data() == ""
    model.set_ratings(parse_ratings(RATINGS, name="my-ratings.csv"))
    assert not panel.table.isColumnHidden(Column.LEAN)
    assert model.headerData(Column.LEAN, Qt.Orientation.Horizontal) == "Lean (my-ratings.csv)"
    heading = panel.table.fontMetrics().horizontalAdvance("Lean (my-ratings.csv)")
    assert panel.table.columnWidth(Column.LEAN) > heading  # the file name is not cut off
    leans = {
        model.index(r, Column.OUTLET).data(): model.index(r, Column.LEAN).data() for r in range(4)
    }
    assert leans == {
        "Meridian Wire": "left",
        "The Daily Blaze": "lean right",
        "The Selvik Courier": "not rated",
        "Voice of Dravia": "not rated",
    }
    tip = model.index(0, Column.LEAN).data(Qt.ItemDataRole.ToolTipRole)
    assert "my-ratings.csv" in tip
    model.set_ratings(None)
    assert panel.table.isColumnHidden(Column.LEAN)


def test_choosing_a_file_remembers_it_and_bad_rows_are_one_message(
    qtbot, prefs, pool, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.csv"
    path.write_text(RATINGS + ",Nobody,upwards\n,Other,sideways\n", encoding="utf-8")
    control = RatingsController(prefs, pool)
    messages: list[str] = []
    control.skipped_rows.connect(messages.append)
    with qtbot.waitSignal(control.changed, timeout=10_000) as got:
        control.choose(str(path))
    ratings = got.args[0]
    assert ratings.name == "r.csv" and len(ratings.entries) == 2
    (message,) = messages
    assert message == problems_text(ratings)
    assert message.splitlines()[0] == "r.csv: 2 outlets rated; 2 rows skipped:"
    assert "line 4: 'upwards' is not a lean" in message and "line 5" in message
    assert prefs.ratings_file == str(path)
    # the next start reads it again, quietly
    again = RatingsController(prefs, pool)
    with qtbot.waitSignal(again.changed, timeout=10_000):
        again.restore()
    assert again.ratings is not None and len(again.ratings.entries) == 2
    with qtbot.waitSignal(control.changed):
        control.clear()
    assert prefs.ratings_file is None and control.ratings is None


def test_an_unusable_file_is_one_sentence_and_keeps_the_old_ratings(
    qtbot, prefs, pool, tmp_path: Path, ratings_file: Path
) -> None:  # type: ignore[no-untyped-def]
    control = RatingsController(prefs, pool)
    with qtbot.waitSignal(control.changed, timeout=10_000):
        control.choose(str(ratings_file))
    with qtbot.waitSignal(control.failed, timeout=10_000) as got:
        control.choose(str(tmp_path / "missing.csv"))
    assert got.args[0].startswith("Cannot read the ratings file") and got.args[0].endswith(".")
    assert control.ratings is not None and prefs.ratings_file == str(ratings_file)


def test_the_window_shows_leans_in_overview_columns_and_reports(
    qtbot, window, sample, ratings_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ):
        for article in sample:
            window.model.add_article(article)
    assert not window.acts.clear_ratings.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ratings_file), ""))
    with qtbot.waitSignal(window.analysis.result_ready, timeout=10_000) as got:
        window.acts.ratings.trigger()
    result = got.args[0]
    assert result.leans is not None and result.leans.source == "my-ratings.csv"
    assert window.analysis.result is result and window.acts.clear_ratings.isEnabled()
    qtbot.waitUntil(lambda: not window._unfilled, timeout=10_000)
    overview = window.views["overview"]
    assert overview.leans.isVisibleTo(window) and overview.leans.text() == leans_text(result)
    assert "my-ratings.csv: Meridian Wire: left · " in overview.leans.text()
    assert "The Selvik Courier: not rated" in overview.leans.text()
    columns = window.views["side_by_side"].columns
    headers = {c.article.outlet: c.outlet_label.text() for c in columns}
    assert "lean right" in headers["The Daily Blaze"] and "not rated" in headers["Voice of Dravia"]
    assert "Saved" not in window.status.text() and "my-ratings.csv" in window.status.text()
    out = tmp_path / "r.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(window.exports.finished, timeout=60_000):
        window.export("md")
    report = out.read_text("utf-8")
    assert "| Meridian Wire | left |" in report and "my-ratings.csv" in report
    with qtbot.waitSignal(window.analysis.result_ready, timeout=10_000) as got:
        window.acts.clear_ratings.trigger()
    assert got.args[0].leans is None


def test_a_failed_ratings_file_is_a_warning_in_the_window(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: said.append(text))
    empty = tmp_path / "empty.csv"
    empty.write_text("domain,outlet,lean\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(empty), ""))
    with qtbot.waitSignal(window.ratings.failed, timeout=10_000):
        window.acts.ratings.trigger()
    assert said == ["The ratings file empty.csv has no usable row of domain, outlet, lean."]


def test_the_pdf_report_has_the_lean_column_and_the_file_name(qapp, sample) -> None:  # type: ignore[no-untyped-def]
    import io
    import unicodedata

    from pypdf import PdfReader

    from analysis.pipeline import compare
    from analysis.reports import ReportOptions
    from desktop.pdf_report import render_pdf

    result = compare(sample, ratings=parse_ratings(RATINGS, name="my-ratings.csv"))
    pages = PdfReader(io.BytesIO(render_pdf(result, ReportOptions()))).pages
    # NFKC undoes the "fi" ligature the PDF's text layer carries
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in pages[:4]))
    text = " ".join(text.split())
    assert "Leans from your ratings file my-ratings.csv (2 of 4 articles rated)" in text
    assert "Outlet Lean Headline" in text and "Meridian Wire left" in text
