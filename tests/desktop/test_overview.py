"""The Overview tab: key findings first, evidence buttons, empty state, sample banner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.model import Article
from analysis.present import key_findings
from desktop.models.findings import EVIDENCE_ROLE, FindingsModel
from desktop.views.overview import EMPTY_TEXT, OverviewView


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_model_rows_are_the_key_findings(result: ComparisonResult) -> None:
    model = FindingsModel()
    model.set_result(result)
    found = key_findings(result)
    assert model.rowCount() == len(found) >= 5
    for row, finding in enumerate(found):
        index = model.index(row)
        assert model.data(index) == finding.text
        assert model.data(index, EVIDENCE_ROLE) == tuple(
            (e.label, e.article, e.start, e.end) for e in finding.evidence
        )
    assert model.sample


def test_view_states_findings_and_evidence_asks_for_the_passage(qtbot, result) -> None:  # type: ignore[no-untyped-def]
    view = OverviewView()
    qtbot.addWidget(view)
    view.set_result(result)
    assert not view.empty.isVisibleTo(view)
    assert view.banner.isVisibleTo(view) and "fictional" in view.banner.text()
    first = key_findings(result)[0].evidence[0]
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        qtbot.mouseClick(view.buttons[0], Qt.MouseButton.LeftButton)
    assert blocker.args == [first.article, first.start, first.end]


def test_empty_view_says_what_to_do(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = OverviewView()
    qtbot.addWidget(view)
    view.set_result(None)
    assert view.empty.isVisibleTo(view) and view.empty.text() == EMPTY_TEXT
    assert "Drop articles here" in EMPTY_TEXT
    assert not view.banner.isVisibleTo(view) and not view.buttons


def test_no_banner_for_the_users_own_articles(qtbot) -> None:  # type: ignore[no-untyped-def]
    arts = [
        Article.from_parts(title=f"Plan {n}", paragraphs=[p], outlet=n, source=f"{n}.txt")
        for n, p in (
            ("Alpha", "The council approved the harbour plan on Monday, the mayor said."),
            ("Beta", "The council rejected the harbour plan on Monday, the mayor said."),
        )
    ]
    view = OverviewView()
    qtbot.addWidget(view)
    view.set_result(compare(arts))
    assert not view.banner.isVisibleTo(view)


def test_overview_is_the_first_tab_and_routes_evidence(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.tabs.tabText(0) == "Overview"
    with qtbot.waitSignal(window.analysis.result_ready, timeout=120_000):
        window.show_sample()
    qtbot.waitUntil(lambda: bool(window.views["overview"].buttons), timeout=10_000)
    window.views["overview"].buttons[0].click()
    assert window.tabs.currentWidget() is window.views["side_by_side"]


def test_repeated_outlets_are_numbered_and_tooltips_quote_the_words_escaped(
    qtbot, result: ComparisonResult
) -> None:  # type: ignore[no-untyped-def]
    view = OverviewView()
    qtbot.addWidget(view)
    view.set_result(result)
    found = key_findings(result)
    labels = [e.label for f in found for e in f.evidence]
    texts = [b.text() for b in view.buttons]
    assert len(texts) == len(labels)
    omission = next(f for f in found if f.kind == "omission")
    assert len({e.label for e in omission.evidence}) == 1 and len(omission.evidence) > 1
    assert f"{omission.evidence[0].label} 2" in texts
    first = found[0].evidence[0]
    words = result.article(first.article).text[first.start : first.end]
    assert " ".join(words.split())[:40] in view.buttons[0].toolTip().replace("&#x27;", "'")
    assert "<script" not in view.buttons[0].toolTip()
