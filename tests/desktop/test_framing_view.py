"""The Framing view: every table model is sound and shows what is planted in the sample."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.tables import Table
from desktop.models.framing import EVIDENCE_ROLE, FramingTableModel
from desktop.views.framing import PAGES, FramingView

KEY = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "data" / "sample_key.toml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    """The sample compared (the pipeline fills in framing, vocabulary and readability)."""
    res = compare(load_sample())
    assert res.framing and res.distinctive_terms is not None and res.readability
    return res


@pytest.fixture
def view(qtbot, result: ComparisonResult) -> FramingView:
    v = FramingView()
    qtbot.addWidget(v)
    v.set_result(result)
    qtbot.waitUntil(lambda: not v.pending_pages)
    return v


def _column(table: Table, outlet: str) -> int:
    return table.headers.index(outlet)


def test_every_table_model_passes_qtmodeltester(qtmodeltester, view: FramingView) -> None:
    assert len(view.boxes) == sum(len(specs) for _, specs in PAGES)
    for box in view.boxes.values():
        assert box.model.rowCount() > 0, box.title.text()
        qtmodeltester.check(box.model)
        qtmodeltester.check(box.proxy)
    empty = FramingTableModel()
    qtmodeltester.check(empty)


def test_double_click_emits_evidence(qtbot, view: FramingView, result: ComparisonResult) -> None:
    box = view.boxes["Same statement, different verb"]
    index = next(
        box.proxy.index(r, c)
        for r in range(box.proxy.rowCount())
        for c in range(1, box.proxy.columnCount())
        if box.proxy.index(r, c).data(EVIDENCE_ROLE)
    )
    aid, start, end = index.data(EVIDENCE_ROLE)
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        box.view.doubleClicked.emit(index)
    assert blocker.args == [aid, start, end]
    verb = result.article(aid).text[start:end].lower()
    assert index.data().split(" / ")[0] == verb


def test_cleared_and_missing_sections(qtbot, view: FramingView, result: ComparisonResult) -> None:
    view.set_result(replace(result, framing=None))
    qtbot.waitUntil(lambda: not view.pending_pages)
    assert "not analysed" in view.status.text()
    assert view.boxes["Sources per outlet"].model.rowCount() == 0
    assert view.boxes["Readability"].model.rowCount() == len(result.articles)  # one per outlet
    view.set_result(None)
    qtbot.waitUntil(lambda: not view.pending_pages)
    assert all(b.model.rowCount() == 0 for b in view.boxes.values())


def test_shown_page_fills_first_others_later_or_when_picked(
    qtbot, result: ComparisonResult
) -> None:  # type: ignore[no-untyped-def]
    v = FramingView()
    qtbot.addWidget(v)
    last = len(PAGES) - 1
    v.select_page(2)
    v.set_result(result)
    on_page = {title for title, _ in PAGES[2][1]}
    filled = {t for t, b in v.boxes.items() if b.model.rowCount() > 0}
    assert on_page <= filled  # the page shown is filled at once ...
    assert last in v.pending_pages and 2 not in v.pending_pages  # ... the rest later
    v.select_page(last)  # picking a page before its turn fills it at once
    assert last not in v.pending_pages
    assert all(v.boxes[t].model.rowCount() > 0 for t, _ in PAGES[last][1])
    qtbot.waitUntil(lambda: not v.pending_pages)
    assert all(b.model.rowCount() > 0 for b in v.boxes.values())
    v.set_result(None)  # a newer result replaces the queue: nothing stays stale
    qtbot.waitUntil(lambda: not v.pending_pages)
    assert all(b.model.rowCount() == 0 for b in v.boxes.values())
