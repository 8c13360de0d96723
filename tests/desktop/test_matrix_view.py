"""The omission matrix: its model agrees with the alignment, and clicks ask for evidence."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette

from analysis import ComparisonResult, compare
from analysis.align.aligner import align_articles
from analysis.ingest import load_sample
from desktop.colours import MIN_CONTRAST, contrast_ratio
from desktop.models.matrix import EVIDENCE_ROLE, KIND_ROLE, CellKind, OmissionMatrixModel
from desktop.views.matrix import MatrixView

KEY = Path(__file__).resolve().parents[1] / "data" / "sample_key.toml"


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    """The built-in sample, compared (alignment filled in if the pipeline lacks it)."""
    res = compare(load_sample())
    if res.alignment is None:
        res = replace(res, alignment=align_articles(res.articles, res.settings.alignment))
    return res


@pytest.fixture
def model(qtbot: object, result: ComparisonResult) -> OmissionMatrixModel:
    m = OmissionMatrixModel()
    m.set_result(result)
    return m


def test_model_passes_qtmodeltester(qtmodeltester, result: ComparisonResult) -> None:
    m = OmissionMatrixModel()
    qtmodeltester.check(m)
    m.set_result(result)
    qtmodeltester.check(m)
    m.set_result(None)
    qtmodeltester.check(m)


def test_matrix_agrees_with_alignment(model: OmissionMatrixModel, result: ComparisonResult) -> None:
    """Every cluster member is a non-missing cell at its span; every omitter a missing cell."""
    ids = [a.id for a in result.articles]
    clusters = result.alignment.clusters
    rows = {r.cluster: i for i, r in enumerate(model.rows) if r.cluster is not None}
    assert sorted(rows) == [c.id for c in clusters] and clusters
    assert model.columnCount() == 1 + len(ids)
    for cluster in clusters:
        row = rows[cluster.id]
        members = {m.article: m for m in cluster.members}
        for col, aid in enumerate(ids, start=1):
            index = model.index(row, col)
            kind = model.data(index, KIND_ROLE)
            if aid in members:
                p = members[aid]
                assert kind not in (CellKind.MISSING, CellKind.ONLY_HERE)
                assert model.data(index, EVIDENCE_ROLE) == (aid, p.start, p.end)
                assert str(p.position) in model.data(index)
            else:
                assert aid in cluster.omitting
                assert kind is CellKind.MISSING
                assert "not found" in model.data(index)


def test_unique_passages_are_rows_missing_elsewhere(
    model: OmissionMatrixModel, result: ComparisonResult
) -> None:
    """A passage only one outlet has is a row with that outlet's cell and the rest missing."""
    unique = {(c.article, s.start, s.end) for c in result.alignment.coverage for s in c.unique}
    rows = [r for r in model.rows if r.only_here]
    assert len(rows) >= len(unique) > 0
    assert model.rowCount() >= len(result.alignment.clusters) + len(rows)
    covered = set()
    for row in rows:
        owner = row.first
        inside = [u for u in unique if u[0] == owner.article and u[1] <= owner.start < u[2]]
        assert len(inside) == 1 and owner.end <= inside[0][2]  # a piece of one unique span
        covered.add(inside[0])
        assert owner.kind is CellKind.ONLY_HERE
        assert len(row.omitting) == len(result.articles) - 1
    assert covered == unique


def test_planted_omissions_show_as_missing(
    model: OmissionMatrixModel, result: ComparisonResult
) -> None:
    """The wire-only vote count (w07) and the Blaze leaving out the caveat (w23) show."""
    key = tomllib.loads(KEY.read_text(encoding="utf-8"))
    by_outlet = {a.outlet: i for i, a in enumerate(result.articles)}
    texts = {a.outlet: a.text for a in result.articles}
    wire = "Meridian Wire"
    checked = 0
    for passage in key["passage"]:
        start = texts[wire].find(passage["text"])
        row = _row_at(model, by_outlet[wire], start)
        assert row is not None, passage["id"]
        for outlet, carried in passage["carried"].items():
            kind = model.data(model.index(row, 1 + by_outlet[outlet]), KIND_ROLE)
            if carried["kind"] == "omitted":
                assert kind is CellKind.MISSING, (passage["id"], outlet)
            checked += 1
    assert checked >= 40


def _row_at(model: OmissionMatrixModel, col: int, offset: int) -> int | None:
    for row in range(model.rowCount()):
        cell = model.rows[row].cells[col]
        if cell.kind is not CellKind.MISSING and cell.start <= offset < cell.end:
            return row
    return None


def test_tooltip_is_the_passage_text(model: OmissionMatrixModel, result: ComparisonResult) -> None:
    row = model.rows[0]
    col = next(i for i, c in enumerate(row.cells) if c.kind is not CellKind.MISSING)
    cell = row.cells[col]
    text = result.articles[col].text[cell.start : cell.end]
    assert text in model.data(model.index(0, col + 1), Qt.ItemDataRole.ToolTipRole)


def test_cell_colours_readable_in_light_and_dark(qtbot: object, result: ComparisonResult) -> None:
    for base, text in (("#ffffff", "#000000"), ("#1e1e1e", "#e8e8e8")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))
        m = OmissionMatrixModel()
        m.set_palette(palette)
        colours = {m.background(k).name() for k in CellKind}
        assert len(colours) == len(CellKind)  # the kinds stay distinguishable
        for kind in CellKind:
            assert contrast_ratio(m.background(kind), QColor(text)) >= MIN_CONTRAST


def test_click_emits_evidence_of_the_cell(qtbot, result: ComparisonResult) -> None:
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_result(result)
    row = next(r for r, x in enumerate(view.model.rows) if x.omitting)
    cells = view.model.rows[row].cells
    present = next(i for i, c in enumerate(cells) if c.kind is not CellKind.MISSING)
    missing = next(i for i, c in enumerate(cells) if c.kind is CellKind.MISSING)
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        view.table.clicked.emit(view.proxy.index(row, present + 1))
    assert blocker.args == [cells[present].article, cells[present].start, cells[present].end]
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        view.table.clicked.emit(view.proxy.index(row, missing + 1))
    # a missing cell shows the passage where another outlet has it
    assert blocker.args[0] == cells[missing].evidence_article != cells[missing].article


def test_filter_keeps_only_rows_with_omissions(qtbot, result: ComparisonResult) -> None:
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_result(result)
    total = view.proxy.rowCount()
    view.only_omitted.setChecked(True)
    expected = sum(1 for r in view.model.rows if r.omitting)
    assert view.proxy.rowCount() == expected < total
    view.set_result(None)
    assert view.proxy.rowCount() == 0
    assert "at least two articles" in view.summary.text()
    assert not view.proxy.index(0, 0, QModelIndex()).isValid()
