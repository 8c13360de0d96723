"""Partial ("shares a fact") links in the app: the matrix cell, the click, the highlight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from analysis.result import ComparisonResult
from desktop.models.matrix import EVIDENCE_ROLE, KIND_ROLE, SHARED_ROLE, CellKind
from desktop.views.matrix import MatrixView
from desktop.views.passages import PassageKind, PassageMap
from desktop.views.side_by_side import SideBySideView
from tests.partial_fixture import LEDGER_FUEL, VOICE_FUEL, make_partial_result


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return make_partial_result()


@pytest.fixture
def views(qtbot, result: ComparisonResult) -> tuple[MatrixView, SideBySideView]:  # type: ignore[no-untyped-def]
    matrix, side = MatrixView(), SideBySideView()
    for widget in (matrix, side):
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.set_result(result)
    side.show()
    matrix.evidence_requested.connect(side.show_evidence)
    return matrix, side


def _slices(result: ComparisonResult, article: str, spans: list[tuple[int, int]]) -> list[str]:
    text = result.article(article).text
    return [text[s:e] for s, e in spans]


def test_matrix_cell_says_shares_a_fact_not_not_found(views, result: ComparisonResult) -> None:  # type: ignore[no-untyped-def]
    matrix, _ = views
    model = matrix.model
    row = next(i for i, r in enumerate(model.rows) if r.cluster == 0)
    voice = model.index(row, 2)
    assert model.data(voice, KIND_ROLE) is CellKind.PARTIAL
    assert model.data(voice) == "∩ shares a fact · lead"
    assert "not found" not in model.data(voice)
    assert "Shared: from December … halting the winter service" in model.data(
        voice, Qt.ItemDataRole.ToolTipRole
    )
    assert len(model.data(voice, SHARED_ROLE)) == 2
    # the row is not counted as left out by the Voice
    # not found: only the other outlets' own passages (4 of 8), not the shared facts
    assert "Harbour Voice 4;" in matrix.summary.text()
    legend = " ".join(label.text() for label in matrix._legend_labels.values())
    assert "shares a fact" in legend and "not found" in legend


def test_clicking_a_shares_a_fact_cell_highlights_the_shared_words(  # type: ignore[no-untyped-def]
    qtbot, views, result: ComparisonResult
) -> None:
    matrix, side = views
    ledger, voice, coast = result.articles
    row = next(i for i, r in enumerate(matrix.model.rows) if r.cluster == 0)
    index = matrix.proxy.index(row, 2)
    assert matrix.proxy.data(index, EVIDENCE_ROLE)[0] == voice.id
    with qtbot.waitSignal(side.selection_changed, timeout=5_000):
        matrix.table.clicked.emit(index)
    by_id = {c.article.id: c for c in side.columns}
    voice_col = by_id[voice.id]
    assert _slices(result, voice.id, voice_col.selected_spans()) == [
        "from December",
        "halting the winter service",
    ]
    assert _slices(result, voice.id, voice_col.context_spans())[0].startswith("The island")
    # the Ledger's sentence is the Voice's counterpart: its shared words are selected too
    ledger_sel = _slices(result, ledger.id, by_id[ledger.id].selected_spans())
    assert ledger_sel == ["stop its winter crossings", "1 December"]
    # the Coastline copies the Ledger's sentence: it carries the fact too (tinted whole)
    coast_col = by_id[coast.id]
    assert coast_col.selected_spans() == []
    assert _slices(result, coast.id, coast_col.context_spans())[0].startswith("Tarn Ferries said")
    info = side.info.text()
    assert "Harbour Voice (shares a fact)" in info and "Not found in" not in info
    # an outlet name is text, never markup
    assert "Northgate &lt;b&gt;Ledger&lt;/b&gt;" in info


def test_clicking_a_sentence_that_shares_a_fact_shows_its_counterpart(  # type: ignore[no-untyped-def]
    qtbot, views, result: ComparisonResult
) -> None:
    _, side = views
    ledger, voice, coast = result.articles
    column = next(c for c in side.columns if c.article.id == ledger.id)
    at = ledger.text.index(LEDGER_FUEL)
    with qtbot.waitSignal(side.selection_changed, timeout=5_000):
        side.select_at(ledger.id, at)
    by_id = {c.article.id: c for c in side.columns}
    assert _slices(result, ledger.id, column.selected_spans()) == [LEDGER_FUEL]
    assert _slices(result, voice.id, by_id[voice.id].selected_spans()) == [VOICE_FUEL]
    assert _slices(result, voice.id, by_id[voice.id].context_spans()) == [
        "The company pointed to the price of fuel."
    ]
    assert by_id[coast.id].selected_spans() == []
    assert "Not found in:</b> Coastline Daily" in side.info.text()


def test_passage_map_knows_partial_sentences_and_their_fact_words(result: ComparisonResult) -> None:
    ledger, voice, _ = result.articles
    pmap = PassageMap.from_result(result)
    fuel = pmap.at(ledger.id, ledger.text.index(LEDGER_FUEL))
    assert fuel is not None and fuel.kind is PassageKind.PARTIAL and fuel.cluster is None
    assert [ledger.text[s:e] for s, e in fuel.facts] == [LEDGER_FUEL]
    (partner,) = pmap.partners(fuel)
    assert partner.article_id == voice.id and partner.kind is PassageKind.PARTIAL
    # a cluster member keeps its cluster kind and also marks the words of the fact it shares
    lead = pmap.at(ledger.id, ledger.text.index("will stop"))
    assert lead is not None and lead.cluster == 0 and lead.kind is PassageKind.EDITED
    assert [ledger.text[s:e] for s, e in lead.facts] == ["stop its winter crossings", "1 December"]


def test_tooltip_names_the_shared_fact(views, result: ComparisonResult) -> None:  # type: ignore[no-untyped-def]
    _, side = views
    voice = result.articles[1]
    column = next(c for c in side.columns if c.article.id == voice.id)
    assert "shares a fact" in column._tooltip(voice.text.index(VOICE_FUEL))


def test_matrix_summary_shows_outlet_names_as_text(views) -> None:  # type: ignore[no-untyped-def]
    matrix, _ = views
    assert matrix.summary.textFormat() is Qt.TextFormat.PlainText
    assert "Northgate <b>Ledger</b>" in matrix.summary.text()


def test_independent_wording_of_the_same_facts_is_shared_in_the_matrix(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Our own fictional pair (tests/analysis/align/test_facts.py), through the real pipeline."""
    from analysis import compare
    from tests.analysis.align.test_facts import GAZETTE, HERALD, _article

    herald = _article("Brenmoor council votes to close Quillan Street library", HERALD, "Herald")
    gazette = _article("Century-old Brenmoor library to shut in June", GAZETTE, "Gazette")
    view = MatrixView()
    qtbot.addWidget(view)
    view.set_result(compare((herald, gazette)))
    model = view.model
    found = {}
    for r, row in enumerate(model.rows):
        cell = row.cells[0]
        if cell.kind is not CellKind.MISSING:
            text = herald.text[cell.start : cell.end]
            found[text[:20]] = model.data(model.index(r, 2))
    for sentence in HERALD[:3]:  # the vote and the shortfall, the councillor, the petition
        assert "not found" not in found[sentence[:20]], (sentence, found)
    # the library's age and lending figures: the Gazette has neither
    assert found[HERALD[3][:20]] == "— not found"


def test_headline_table_names_linked_outlets_with_the_kind(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from analysis import load_lexicons
    from analysis.framing.report import analyse_framing
    from analysis.present.framing_more import headlines_table
    from analysis.settings import TermSettings

    result = make_partial_result()
    ledger, voice, _coast = result.articles
    lexicons = load_lexicons(TermSettings(user_lexicon_dir=str(tmp_path)))
    framing = analyse_framing(result.articles, result.alignment, lexicons)
    # the Voice's headline shares nothing; give its check a link as the aligner would
    checks = tuple(
        replace(h, shared_with=((ledger.id, "partial"),)) if h.article == voice.id else h
        for h in framing.headlines
    )
    table = headlines_table(replace(result, framing=replace(framing, headlines=checks)))
    assert table.headers[-1] == "Linked to the headline in"
    last = {row[0].text: row[-1].text for row in table.rows}
    assert last["Harbour Voice"] == "Northgate <b>Ledger</b> (shares a fact)"
    assert last["Coastline Daily"] == ""
