"""The Disagreements view: the sample's facts, the passages with the differing words, names."""

from __future__ import annotations

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.disagree_tables import (
    fact_heading,
    fact_passages,
    facts_table,
    naming_table,
    ordered_facts,
)
from desktop.views import available_views
from desktop.views.disagreements import DisagreementsView


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


@pytest.fixture
def view(qtbot, result: ComparisonResult) -> DisagreementsView:
    v = DisagreementsView()
    qtbot.addWidget(v)
    v.set_result(result)
    return v


def test_the_view_is_registered() -> None:
    assert "disagreements" in [spec.key for spec, _ in available_views()]


def test_models_pass_qtmodeltester(qtmodeltester, view: DisagreementsView) -> None:
    qtmodeltester.check(view.facts.model)
    qtmodeltester.check(view.names.model)


def test_one_row_per_disagreement_and_the_contradiction_is_bold(
    result: ComparisonResult, view: DisagreementsView
) -> None:
    assert result.disagreements is not None
    table = facts_table(result)
    assert view.facts.model.rowCount() == len(result.disagreements.items) == len(table.rows)
    how = table.column("How they differ")
    strong = {c.text for c in how if c.strong}
    assert strong == {"contradiction"}  # the planted one, and the headlines' crowd sizes
    # Contradictions come first, as in the reports.
    contra = [c.strong for c in how]
    assert contra == sorted(contra, reverse=True) and contra[0]
    dravia = table.column("Voice of Dravia")
    assert "four (4 officer)" in [c.text for c in dravia]  # the words and the value read


def test_selecting_a_fact_shows_each_outlets_words(
    result: ComparisonResult, view: DisagreementsView
) -> None:
    assert result.disagreements is not None
    items = ordered_facts(result)
    row = next(i for i, d in enumerate(items) if d.contradiction and d.subject == "officers")
    view.facts.view.selectRow(row)
    shown = view.detail.toPlainText()
    assert shown.startswith(fact_heading(items[row]))
    assert "Voice of Dravia:" in shown and "Police claimed four officers" in shown
    assert "Meridian Wire:" in shown and "Police said 11 officers" in shown
    passages = fact_passages(result, items[row])
    dravia = next(p for p in passages if p.outlet == "Voice of Dravia")
    (start, end, value) = dravia.marks[0]
    assert dravia.text[start:end] == "four" and value == "4 officer"
    assert dravia.label == "contradiction: 4 officer"


def test_double_click_asks_for_the_evidence(
    qtbot, result: ComparisonResult, view: DisagreementsView
) -> None:
    table = facts_table(result)
    col = table.headers.index("The Daily Blaze")
    row = next(i for i, r in enumerate(table.rows) if r[col].text.startswith("rioters"))
    index = view.facts.proxy.index(row, col)
    with qtbot.waitSignal(view.evidence_requested) as got:
        view.facts.view.doubleClicked.emit(index)
    article, start, end = got.args
    assert result.article(article).text[start:end] == "rioters"


def test_naming_table_and_clearing(result: ComparisonResult, view: DisagreementsView) -> None:
    table = naming_table(result)
    reyk = next(r for r in table.rows if r[0].text == "Tomas Reyk")
    blaze = reyk[1 + [a.outlet for a in result.articles].index("The Daily Blaze")]
    assert "Union boss Tomas Reyk\u00a0×1" in blaze.text
    view.set_result(None)
    assert view.facts.model.rowCount() == 0 and view.names.model.rowCount() == 0
    assert view.detail.toPlainText() == ""


def test_an_outlet_carrying_the_fact_without_a_member_shows_its_passage(
    result: ComparisonResult,
) -> None:
    """An outlet with a passage but no counted member used to raise (min of nothing)."""
    import dataclasses

    assert result.disagreements is not None
    item = result.disagreements.items[0]
    holders = {m.article for m in item.members}
    bare = next(a for a in result.articles if a.id not in holders)
    span = bare.sentences[0]
    extra = dataclasses.replace(item, passages=(*item.passages, (bare.id, span.start, span.end)))
    passages = fact_passages(result, extra)
    shown = next(p for p in passages if p.outlet == bare.outlet)
    assert shown.text == bare.text[span.start : span.end] and shown.marks == ()


def test_an_outlet_without_a_figure_says_so_in_the_detail(
    result: ComparisonResult, view: DisagreementsView
) -> None:
    import dataclasses

    row, item = next((i, d) for i, d in enumerate(ordered_facts(result)) if d.kind == "number")
    # Take one outlet's figures away and keep its passage: it carries the fact, no figure.
    bare = result.article(item.members[0].article)
    span = bare.sentences[0]
    extra = dataclasses.replace(
        item,
        members=tuple(m for m in item.members if m.article != bare.id),
        passages=(*item.passages, (bare.id, span.start, span.end)),
    )
    view._items = (*view._items[:row], extra, *view._items[row + 1 :])
    view._show_fact(row)
    shown = view.detail.toPlainText()
    line = next(x for x in shown.split("\n\n") if x.startswith(bare.outlet + ":"))
    assert line.endswith("[no figure given]")
    assert "[]" not in shown
