from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from analysis.result import ComparisonResult
from desktop.views.passages import PassageKind, PassageMap
from desktop.views.side_by_side import SideBySideView


@pytest.fixture(scope="module")
def result(sample) -> ComparisonResult:  # type: ignore[no-untyped-def]
    from analysis.pipeline import compare

    return compare(sample)


@pytest.fixture
def view(qtbot, result: ComparisonResult) -> SideBySideView:  # type: ignore[no-untyped-def]
    widget = SideBySideView()
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.set_result(result)
    return widget


def _cluster_with_omission(result: ComparisonResult):  # type: ignore[no-untyped-def]
    body = [c for c in result.alignment.clusters if c.omitting and c.members[0].start > 0]
    return max(body, key=lambda c: len(c.members))


def test_one_column_per_article_with_its_headline(view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    assert [c.article.id for c in view.columns] == [a.id for a in result.articles]
    assert [c.headline_label.text() for c in view.columns] == [a.title for a in result.articles]
    heights = {c.headline_label.height() for c in view.columns}
    assert len(heights) == 1  # the headlines form one row


def test_clicking_a_passage_selects_its_counterparts(qtbot, view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    cluster = _cluster_with_omission(result)
    first = cluster.members[0]
    column = next(c for c in view.columns if c.article.id == first.article)
    column.browser.verticalScrollBar().setValue(0)
    column.highlight([], (first.start, first.end))  # scroll it into view like a user would
    point = column.point_of(first.start + 1)
    with qtbot.waitSignal(view.selection_changed, timeout=5_000) as blocker:
        qtbot.mouseClick(column.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    expected = {(m.article, m.start, m.end) for m in cluster.members}
    assert set(blocker.args[0]) == expected
    for col in view.columns:
        member = next((m for m in cluster.members if m.article == col.article.id), None)
        assert col.selected_spans() == ([(member.start, member.end)] if member else [])
    omitting = [result.article(a).outlet for a in cluster.omitting]
    assert "Not found in:" in view.info.text()
    assert all(name in view.info.text() for name in omitting)


def test_selected_counterparts_are_scrolled_into_view(view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    cluster = max(result.alignment.clusters, key=lambda c: max(m.start for m in c.members))
    member = max(cluster.members, key=lambda m: m.start)
    view.select_at(member.article, member.start)
    column = next(c for c in view.columns if c.article.id == member.article)
    rect = column.browser.cursorRect(column._cursor(member.start, member.start))
    assert 0 <= rect.top() < column.browser.viewport().height()


def test_evidence_request_highlights_the_span(view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    cluster = _cluster_with_omission(result)
    member = cluster.members[-1]
    view.show_evidence(member.article, member.start, member.end)
    column = next(c for c in view.columns if c.article.id == member.article)
    assert column.selected_spans() == [(member.start, member.end)]


def test_unique_passage_names_its_only_outlet(view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    coverage = next(c for c in result.alignment.coverage if c.unique)
    span = coverage.unique[0]
    view.select_at(coverage.article, span.start)
    assert f"Only <b>{result.article(coverage.article).outlet}</b>" in view.info.text()


def test_clearing_the_result_removes_the_columns(view: SideBySideView) -> None:
    view.set_result(None)
    assert view.columns == []
    assert "at least two articles" in view.info.text()


def test_passage_map_reflects_the_alignment(result) -> None:  # type: ignore[no-untyped-def]
    passages = PassageMap.from_result(result)
    for cluster in result.alignment.clusters:
        members = passages.by_cluster[cluster.id]
        assert {(p.article_id, p.start, p.end) for p in members} == {
            (m.article, m.start, m.end) for m in cluster.members
        }
        for m in cluster.members:
            found = passages.at(m.article, m.start)
            assert found is not None and found.cluster == cluster.id
    kinds = {p.kind for ps in passages.by_article.values() for p in ps}
    assert {PassageKind.VERBATIM, PassageKind.EDITED, PassageKind.UNIQUE} <= kinds
    edited = [p for ps in passages.by_article.values() for p in ps if p.kind is PassageKind.EDITED]
    assert any(p.changes for p in edited)
    assert all(p.start <= s < e <= p.end for p in edited for s, e in p.changes)


def test_term_tooltip_names_category_and_voice(view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    loaded = {c.name for c in result.terms.categories if c.loaded}
    hit = next(h for h in result.terms.hits if h.category in loaded)
    column = next(c for c in view.columns if c.article.id == hit.article)
    tip = column._tooltip(hit.start)
    voice = "quoted" if hit.in_quote else "own voice"
    assert f"“{hit.term}” — {hit.category.replace('_', ' ')}, {voice}" in tip
    fmt = column._cursor(hit.start, hit.start + 1).charFormat()
    assert fmt.fontUnderline()


def test_more_than_six_articles_scroll_horizontally(qtbot) -> None:  # type: ignore[no-untyped-def]
    from analysis.pipeline import compare
    from tests.desktop.conftest import make_article

    articles = [
        make_article(
            f"Headline {i}", f"Storm number {i} closed the port on day {i}.", outlet=f"O{i}"
        )
        for i in range(8)
    ]
    widget = SideBySideView()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.set_result(compare(articles))
    assert len(widget.columns) == 8
    qtbot.waitUntil(lambda: widget.scroll_area.horizontalScrollBar().maximum() > 0)
    visible = widget.scroll_area.viewport().width() / widget.columns[0].width()
    assert 2 <= visible <= 6


def test_two_articles_share_the_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    from analysis.pipeline import compare
    from tests.desktop.conftest import make_article

    articles = [make_article("One", "A storm closed the port."), make_article("Two", "Rain fell.")]
    widget = SideBySideView()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.set_result(compare(articles))
    qtbot.waitUntil(lambda: widget.columns[0].width() > 500)
    assert widget.scroll_area.horizontalScrollBar().maximum() == 0


def test_enter_at_the_caret_selects_like_a_click(qtbot, view: SideBySideView, result) -> None:  # type: ignore[no-untyped-def]
    cluster = _cluster_with_omission(result)
    member = cluster.members[0]
    column = next(c for c in view.columns if c.article.id == member.article)
    column.browser.setTextCursor(column._cursor(member.start + 1, member.start + 1))
    with qtbot.waitSignal(view.selection_changed, timeout=5_000) as blocker:
        qtbot.keyClick(column.browser, Qt.Key.Key_Return)
    assert set(blocker.args[0]) == {(m.article, m.start, m.end) for m in cluster.members}
