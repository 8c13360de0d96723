"""The Terms view's loaded-language panel: scores with intervals, standings, evidence sentences."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QTextCursor

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.model import Article
from desktop.models.terms_loaded import LoadedScoreModel
from desktop.views.terms_loaded import OWN_COLOUR, LoadedPanel


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    res = compare(load_sample())
    assert res.terms is not None and res.terms.loaded_scores
    return res


def test_score_model_passes_qtmodeltester(qtmodeltester, result: ComparisonResult) -> None:
    model = LoadedScoreModel()
    model.set_result(result)
    qtmodeltester.check(model)
    assert model.rowCount() == len(result.articles)


def test_rows_keep_the_comparison_order_and_say_the_standing(
    qtbot, result: ComparisonResult
) -> None:
    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(result)
    model = panel.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        a.outlet for a in result.articles
    ]
    scores = result.terms.loaded_scores if result.terms else ()
    for row, score in enumerate(scores):
        assert model.index(row, 1).data() == str(score.score)
        low, high = score.interval
        assert model.index(row, 2).data() == f"{low:g}–{high:g}"
    standings = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert any("not distinguishable" in s for s in standings)
    assert "distinguishable" in panel.verdict.text()


def test_sentences_are_plain_text_with_the_driving_words_highlighted(qtbot) -> None:
    hostile = Article.from_parts(
        title="Port vote",
        paragraphs=["The <b>radical</b> mob spread outrageous lies about the vote."],
        outlet="Blaze",
        source="t",
    )
    calm = Article.from_parts(
        title="Port vote", paragraphs=["The council voted on Monday."], outlet="Wire", source="t"
    )
    res = compare([hostile, calm])
    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(res)
    text = panel.sentences.toPlainText()
    assert "The <b>radical</b> mob spread outrageous lies" in text  # shown, not parsed
    at = text.index("outrageous")
    cursor = QTextCursor(panel.sentences.document())
    cursor.setPosition(at + 2)
    assert cursor.charFormat().background().color() == QColor(OWN_COLOUR)
    assert "Most loaded sentences, quoted speech:  none" in text


def test_double_click_shows_the_first_loaded_word(qtbot, result: ComparisonResult) -> None:
    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(result)
    row = next(
        r
        for r in range(panel.model.rowCount())
        if any(t.words for t in panel.model.score_at(r).top)
    )
    with qtbot.waitSignal(panel.evidence_requested) as signal:
        panel.table.doubleClicked.emit(panel.model.index(row, 0))
    article, start, end = signal.args
    first = next(t for t in panel.model.score_at(row).top if t.words).words[0]
    assert (article, start, end) == (panel.model.score_at(row).article, first.start, first.end)


def test_cleared_panel_says_why_it_is_empty(qtbot) -> None:
    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(None)
    assert panel.model.rowCount() == 0 and "No loaded-language scores" in panel.verdict.text()


def test_score_is_explained_in_the_words_the_reports_use(qtbot, result: ComparisonResult) -> None:
    """The app's short score header and the report's column name one measure, one wording."""
    from PySide6.QtCore import Qt

    from analysis.present.terms_tables import SCORE_HEADING, SCORE_MEANING
    from analysis.reports.build import build_content
    from analysis.reports.content import Table

    panel = LoadedPanel()
    qtbot.addWidget(panel)
    panel.set_result(result)
    tip = panel.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == SCORE_HEADING
    assert panel.verdict.toolTip() == SCORE_MEANING
    blocks = [b for s in build_content(result).sections for b in s.blocks]
    tables = [b for b in blocks if isinstance(b, Table) and b.key == "loaded-scores"]
    assert tables and tables[0].columns[1] == SCORE_HEADING
    assert SCORE_MEANING in tables[0].note
