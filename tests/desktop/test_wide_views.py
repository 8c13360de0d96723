"""Views that stay readable at twenty outlets: the reference-outlet view and the matrix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from analysis.model import Article
from analysis.pipeline import compare
from analysis.result import ComparisonResult
from desktop.views.matrix import MatrixView
from desktop.views.reference import ReferenceOutletView
from tests.desktop.conftest import make_article

_SYLLABLES = ("ba", "ko", "mi", "ru", "te", "lo", "ni", "sa", "du", "fe", "go")


def _alone(n: int) -> str:
    """A sentence of made-up words no other outlet shares a word of."""
    s = _SYLLABLES
    words = [s[n % 11] + s[(n // 11 + k) % 11] + s[k] + "x" for k in range(6)]
    return f"{' '.join(words).capitalize()} {n}z."


def _variant(n: int) -> Article:
    """Twenty outlets on one story: a shared wire lead, edits, and a line each alone has."""
    verbs = ("said", "stated", "claimed", "insisted", "told reporters")
    return make_article(
        f"Harbour strike enters its third day ({n})",
        "Dock workers in Selvik walked out on Monday over a plan to lease the port.",
        f"The union {verbs[n % 5]} that about 1,800 jobs could be cut under the new operator.",
        _alone(n),
        outlet=f"Regional Harbour Gazette {n}",
    )


@pytest.fixture(scope="module")
def twenty() -> ComparisonResult:
    return compare([_variant(n) for n in range(20)])


@pytest.mark.slow  # compares twenty articles (a few seconds)
def test_reference_view_lists_one_outlets_passages_with_their_counterparts(
    qtbot,
    twenty: ComparisonResult,  # type: ignore[no-untyped-def]
) -> None:
    view = ReferenceOutletView()
    qtbot.addWidget(view)
    view.resize(700, 400)  # narrower than twenty outlet names in a row
    view.show()
    view.set_result(twenty)
    assert view.outlet.count() == 20 and view.view is not None
    assert view.view.article == twenty.articles[0].id
    text = view.browser.toPlainText()
    assert "Dock workers in Selvik walked out" in text
    assert "Only this outlet" in text  # each outlet's own line
    view.set_reference(twenty.articles[7].id)
    assert view.view.article == twenty.articles[7].id
    assert _alone(7) in view.browser.toPlainText()
    # Twenty outlets read down the page: nothing to scroll sideways.
    qtbot.waitUntil(lambda: view.browser.verticalScrollBar().maximum() > 0)
    assert view.browser.horizontalScrollBar().maximum() == 0
    first = view.view.passages[0]
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        view._on_link(QUrl("ev:0"))  # the first passage's number
    assert blocker.args == [twenty.articles[7].id, first.start, first.end]


@pytest.mark.slow
def test_matrix_numbers_its_columns_when_twenty_outlets_do_not_fit(
    qtbot,
    twenty: ComparisonResult,  # type: ignore[no-untyped-def]
) -> None:
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_result(twenty)
    model, table = view.model, view.table
    qtbot.waitUntil(lambda: model.compact)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "1"
    assert (
        model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == twenty.articles[0].outlet
    )
    assert "1 Regional Harbour Gazette 0" in view.columns_key.text()
    # The whole matrix fits the window once the layout settles.
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    few = compare([_variant(n) for n in range(3)])
    view.set_result(few)
    assert not model.compact and not view.columns_key.isVisible()
    assert model.headerData(1, Qt.Orientation.Horizontal) == few.articles[0].outlet


@pytest.mark.slow
def test_matrix_key_is_placed_under_the_summary_when_its_tab_is_shown(
    qtbot,
    twenty: ComparisonResult,  # type: ignore[no-untyped-def]
) -> None:
    """Shown from a tab switch, the key was painted once at the top left, over the legend."""
    view = MatrixView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.set_result(twenty)  # hidden, as behind another tab: no width to number columns by
    assert not view.columns_key.isVisible()
    view.show()  # the tab is switched to: the key appears, with no event loop turn yet
    key, summary = view.columns_key.geometry(), view.summary.geometry()
    assert view.columns_key.isVisible()
    assert key.top() >= summary.bottom() and key.width() > 300
