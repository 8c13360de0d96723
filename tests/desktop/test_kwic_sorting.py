"""KWIC in the Terms view: sorted by the words left or right of the term, and exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from analysis import Article, CompareSettings, ComparisonResult
from analysis.terms.kwic_sort import sort_kwic
from desktop.views.terms import TermsView

# Hand-made text: every "the" is followed (R1) and preceded (L1) by a word we chose.
ONE = "A bill passed\n\nYesterday the dog ran home. Quickly the ant ate lunch."
TWO = "Council acts\n\nBravely the cat sat down. Zealously the bee flew off."


def art(title_body: str, outlet: str) -> Article:
    title, body = title_body.split("\n\n")
    return Article.from_parts(title=title, paragraphs=[body], outlet=outlet, source=outlet)


@pytest.fixture
def result() -> ComparisonResult:
    arts = (art(ONE, "One Post"), art(TWO, "Two Times"))
    return ComparisonResult(articles=arts, settings=CompareSettings(), created="")


@pytest.fixture
def view(qtbot, result: ComparisonResult) -> TermsView:  # type: ignore[no-untyped-def]
    v = TermsView()
    qtbot.addWidget(v)
    v.set_result(result)
    v.search.setText("the")
    v.search.returnPressed.emit()
    return v


def sort_by(view: TermsView, key: str) -> list[str]:
    view.kwic_sort.setCurrentIndex(view.kwic_sort.findData(key))
    model = view.kwic_model
    return [f"{line.left.split()[-1]} {line.match} {line.right.split()[0]}" for line in model.lines]


def test_kwic_sorts_by_the_word_right_or_left_as_worked_out_by_hand(view: TermsView) -> None:
    assert sort_by(view, "") == ["Yesterday the dog", "Quickly the ant", "Bravely the cat",
                                 "Zealously the bee"]  # fmt: skip
    # R1 words: dog, ant, cat, bee -> ant, bee, cat, dog
    assert sort_by(view, "R1") == ["Quickly the ant", "Zealously the bee", "Bravely the cat",
                                   "Yesterday the dog"]  # fmt: skip
    # L1 words: yesterday, quickly, bravely, zealously -> bravely, quickly, yesterday, zealously
    assert sort_by(view, "L1") == ["Bravely the cat", "Quickly the ant", "Yesterday the dog",
                                   "Zealously the bee"]  # fmt: skip
    # R2 words: ran, ate, sat, flew -> ate, flew, ran, sat
    assert [x.split()[-1] for x in sort_by(view, "R2")] == ["ant", "bee", "dog", "cat"]
    assert view.kwic_model.rowCount() == 4 and view.kwic_export.isEnabled()


def test_the_view_order_is_the_analysis_order(view: TermsView, result: ComparisonResult) -> None:
    found = sort_by(view, "")
    assert len(found) == 4
    text_order = view.kwic_model.lines
    sort_by(view, "L2")
    assert view.kwic_model.lines == sort_kwic(text_order, result.articles, ("L2", "L3"))
    # the voice column follows its line
    voices = {view.kwic_model.index(r, 4).data() for r in range(4)}
    assert voices == {"own voice"}


def test_export_writes_the_lines_in_their_shown_order(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result: ComparisonResult
) -> None:  # type: ignore[no-untyped-def]
    terms = window.views["terms"]
    terms.set_result(result)
    terms.search.setText("the")
    terms.search.returnPressed.emit()
    terms.kwic_sort.setCurrentIndex(terms.kwic_sort.findData("R1"))
    target = tmp_path / "lines.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exports.finished, timeout=20_000):
        terms.kwic_export.click()
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert [r["right"].split()[0] for r in rows] == ["ant", "bee", "cat", "dog"]
    assert [r["outlet"] for r in rows] == ["One Post", "Two Times", "Two Times", "One Post"]
    assert {r["match"] for r in rows} == {"the"}


def test_export_is_off_without_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    v = TermsView()
    qtbot.addWidget(v)
    v.set_result(None)
    assert not v.kwic_export.isEnabled()
