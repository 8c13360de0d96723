"""The Terms view: its table agrees with the term report, filters, chart data and KWIC."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.kwic import term_lines
from desktop.models.terms import EVIDENCE_ROLE, KwicModel, TermTableModel
from desktop.views.terms import LOADED, TermsView

KEY = Path(__file__).resolve().parents[1] / "data" / "sample_key.toml"


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    res = compare(load_sample())
    assert res.terms is not None
    return res


@pytest.fixture
def view(qtbot, result: ComparisonResult) -> TermsView:
    v = TermsView()
    qtbot.addWidget(v)
    v.set_result(result)
    return v


def test_models_pass_qtmodeltester(qtmodeltester, result: ComparisonResult) -> None:
    table = TermTableModel()
    table.set_result(result)
    qtmodeltester.check(table)
    table.set_rates(True)
    qtmodeltester.check(table)
    kwic = KwicModel()
    lines, quoted = term_lines(result, "thug", "labels")
    kwic.set_lines(lines, quoted, {a.id: a.outlet for a in result.articles})
    qtmodeltester.check(kwic)


def test_table_counts_match_hits(qtbot, result: ComparisonResult) -> None:
    """Each cell is the number of hits of that term, outlet and voice in the report."""
    model = TermTableModel()
    model.set_result(result)
    report = result.terms
    assert model.rowCount() == len(report.table) > 0
    for row in range(model.rowCount()):
        term, category = model.term_at(row)
        for i, aid in enumerate(report.articles):
            for quoted in (False, True):
                expected = sum(
                    1
                    for h in report.hits
                    if (h.article, h.term, h.category, h.in_quote) == (aid, term, category, quoted)
                )
                shown = model.data(model.index(row, 3 + 2 * i + int(quoted)))
                assert int(shown) == expected


def test_rates_divide_by_the_words_of_that_voice(qtbot, result: ComparisonResult) -> None:
    model = TermTableModel()
    model.set_result(result)
    model.set_rates(True)
    report = result.terms
    row = next(r for r in range(model.rowCount()) if model.term_at(r)[0] == "agitator")
    rates = report.rates_of(report.articles[0])
    quoted_col = 3 + 1  # first outlet, quoted
    expected = 1000 * int(report.table[row].quoted[0]) / rates.quoted_words
    assert float(model.data(model.index(row, quoted_col))) == pytest.approx(expected, abs=0.05)


def test_planted_loaded_terms_are_in_the_table(view: TermsView, result: ComparisonResult) -> None:
    """The Blaze's own-voice "thugs" and quoted "puppets" appear in its columns."""
    key = tomllib.loads(KEY.read_text(encoding="utf-8"))
    outlets = [a.outlet for a in result.articles]
    blaze = outlets.index("The Daily Blaze")
    view.category.setCurrentIndex(view.category.findData("labels"))
    terms = {view.proxy.index(r, 0).data(): r for r in range(view.proxy.rowCount())}
    assert "thug" in terms and "puppet" in terms
    own = view.proxy.index(terms["thug"], 3 + 2 * blaze).data()
    quoted_puppet = view.proxy.index(terms["puppet"], 3 + 2 * blaze + 1).data()
    planted = [x for x in key["loaded"] if x["outlet"] == "The Daily Blaze"]
    assert int(own) >= sum(1 for x in planted if x["term"] == "thugs" and not x["in_quote"])
    assert int(quoted_puppet) >= 1
    categories = {view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())}
    assert categories == {"labels"}  # the filter keeps one category


def test_loaded_filter_hides_neutral_verbs(view: TermsView) -> None:
    before = {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())}
    assert "say" in before
    view.category.setCurrentIndex(view.category.findData(LOADED))
    after = {view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())}
    assert "say" not in after and "thug" in after


def test_chart_data_follows_category_and_rates(view: TermsView, result: ComparisonResult) -> None:
    view.category.setCurrentIndex(view.category.findData("emotive"))
    chart = view.chart_data()
    assert chart is not None and chart.categories == ("emotive",)
    assert [r.label for r in chart.rows] == [a.outlet for a in result.articles]
    blaze = next(r for r in chart.rows if r.label == "The Daily Blaze")
    wire = next(r for r in chart.rows if r.label == "Meridian Wire")
    assert blaze.values[0] == result.terms.rates_of(result.articles[2].id).rate("emotive").own
    assert blaze.values[0] > wire.values[0]  # the tabloid's own voice is the emotive one
    assert blaze.colour.startswith("#") and blaze.colour != wire.colour


def test_selecting_a_term_lists_its_hits_in_context(qtbot, view: TermsView) -> None:
    view.category.setCurrentIndex(view.category.findData("labels"))
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == "thug")
    view.table.setCurrentIndex(view.proxy.index(row, 0))
    lines = view.kwic_model.lines
    assert lines and all(line.match.lower().startswith("thug") for line in lines)
    texts = {a.id: a.text for a in view._result.articles}
    assert all(texts[x.article][x.start : x.end] == x.match for x in lines)
    with qtbot.waitSignal(view.evidence_requested) as blocker:
        view.kwic.doubleClicked.emit(view.kwic_model.index(0, 2))
    assert blocker.args == list(view.kwic_model.data(view.kwic_model.index(0, 0), EVIDENCE_ROLE))


def test_cleared_view_is_empty(view: TermsView) -> None:
    view.set_result(None)
    assert view.proxy.rowCount() == 0 and view.kwic_model.rowCount() == 0
    assert view.chart_data() is None
    assert "at least two" in view.info.text()


def test_chart_is_built_only_when_shown(tmp_path: Path) -> None:
    """Building and filling the view does not import QtSvg; showing it draws the SVG chart."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from analysis import compare\nfrom analysis.ingest import load_sample\n"
        "from desktop.views.terms import TermsView\n"
        "v = TermsView(); v.set_result(compare(load_sample()))\n"
        "print('before', 'PySide6.QtSvg' in sys.modules, 'matplotlib' in sys.modules)\n"
        "v.show(); app.processEvents()\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "loop = QEventLoop(); v.chart.rendered.connect(loop.quit)\n"
        "QTimer.singleShot(20000, loop.quit)\n"
        "_ = v.chart.markup or loop.exec()\n"
        "shown = v.chart.svg_widget.renderer().isValid() and 'Meridian Wire' in v.chart.markup\n"
        "print('after', 'PySide6.QtSvg' in sys.modules, 'matplotlib' in sys.modules, shown)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(tmp_path)},
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    assert "before False False" in out
    assert "after True False True" in out


def test_tooltips_name_voice_and_rate(qtbot, result: ComparisonResult) -> None:
    model = TermTableModel()
    model.set_result(result)
    tip = model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert "per 1,000 words" in tip and "own voice" in tip


def test_changing_category_clears_selection_and_context(view: TermsView) -> None:
    """After filtering, picking the first row always lists that row's term in context."""
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    assert view.kwic_model.rowCount() > 0
    view.category.setCurrentIndex(view.category.findData("labels"))
    assert view.kwic_model.rowCount() == 0 and not view.table.currentIndex().isValid()
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    term = view.proxy.index(0, 0).data()
    assert view.kwic_model.rowCount() > 0
    assert term in view.kwic_title.text()


def test_table_sorted_by_total_with_columns_fitting_their_text(view: TermsView) -> None:
    """Rows come by total, descending; every column fits its title and its widest cell."""
    totals = [view.proxy.index(r, 2).data() for r in range(view.proxy.rowCount())]
    assert totals and totals == sorted(totals, reverse=True)
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    for col in range(view.proxy.columnCount()):
        cells = [str(view.proxy.index(r, col).data()) for r in range(view.proxy.rowCount())]
        widest = max(metrics.horizontalAdvance(t) for t in cells)
        assert header.sectionSize(col) >= widest
        assert header.sectionSize(col) >= header.sectionSizeHint(col)  # title and sort arrow
