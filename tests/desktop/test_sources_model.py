from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models.sources import Column, SourcesModel, SourceState
from tests.desktop.conftest import make_article

A = make_article("Port closes", "The port closed on Monday.", outlet="Wire")
B = make_article("Port shut", "The port was shut on Monday.", outlet="Tab")
C = make_article("Storm", "A storm came.", outlet="Third")


def _model() -> SourcesModel:
    model = SourcesModel()
    model.add_article(A)
    model.add_article(B)
    failed = model.add_pending("broken.txt")
    model.set_failed(failed, "The file is empty.")
    model.add_pending("slow.html")
    return model


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = _model()
    qtmodeltester.check(model)
    model.move_row(0, 1)
    model.remove_rows_at([2])
    qtmodeltester.check(model)


def test_rows_show_article_metadata_and_failure_reason() -> None:
    model = _model()
    row = model.entries().index(next(e for e in model.entries() if e.article == A))
    shown = [model.index(row, c).data() for c in Column]
    assert shown[Column.OUTLET] == "Wire"
    assert shown[Column.HEADLINE] == "Port closes"
    assert shown[Column.WORDS] == str(A.word_count)
    bad = model.index(2, Column.STATUS).data()
    assert bad == "⚠ The file is empty."
    assert model.index(2, Column.HEADLINE).data(Qt.ItemDataRole.ToolTipRole) == "The file is empty."
    assert model.index(3, Column.STATUS).data() == "Loading…"
    assert model.articles() == (A, B)


def test_renaming_the_outlet_keeps_the_id_and_signals_change(qtbot) -> None:
    model = _model()
    index = model.index(0, Column.OUTLET)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, Column.HEADLINE)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.articles_changed):
        assert model.setData(index, "  Wire Service ")
    assert model.articles()[0].outlet == "Wire Service"
    assert model.articles()[0].id == A.id
    assert not model.setData(index, "   ")


def test_duplicate_text_is_reported_not_added() -> None:
    model = _model()
    key = model.add_pending("copy.txt")
    model.set_loaded(key, A.with_outlet("Copycat"))
    entry = model.entries()[model.row_of(key)]
    assert entry.state is SourceState.FAILED
    assert "already loaded" in (entry.error or "")
    assert model.articles() == (A, B)


def test_reorder_and_remove_change_the_article_order(qtbot) -> None:
    model = SourcesModel()
    for art in (A, B, C):
        model.add_article(art)
    with qtbot.waitSignal(model.articles_changed):
        assert model.move_row(2, -1) == 1
    assert [a.outlet for a in model.articles()] == ["Wire", "Third", "Tab"]
    assert model.move_row(0, -1) == 0  # already at the top
    with qtbot.waitSignal(model.articles_changed):
        model.remove_rows_at([0])
    assert [a.outlet for a in model.articles()] == ["Third", "Tab"]


def test_result_of_a_removed_pending_row_is_ignored() -> None:
    model = SourcesModel()
    key = model.add_pending("x.txt")
    model.remove_rows_at([0])
    model.set_loaded(key, A)
    assert model.rowCount() == 0


def test_colours_are_distinct_by_default_and_editable() -> None:
    model = _model()
    colours = model.colours()
    assert len(set(colours.values())) == 2
    model.set_colour(0, "#123456")
    assert model.colours()[A.id] == "#123456"


def test_a_new_row_takes_the_first_free_colour() -> None:
    model = SourcesModel()
    model.add_pending("sample")
    first = model.entries()[0].colour
    model.remove_rows_at([0])
    model.add_article(A)
    model.add_article(B)
    assert model.entries()[0].colour == first
    assert model.entries()[1].colour != first


def test_a_failed_source_shows_no_colour() -> None:
    model = _model()
    failed = next(i for i, e in enumerate(model.entries()) if e.state is SourceState.FAILED)
    index = model.index(failed, Column.COLOUR)
    assert index.data() == "" and index.data(Qt.ItemDataRole.DecorationRole) is None
    loaded = model.index(0, Column.COLOUR)
    assert loaded.data() == model.entries()[0].colour
    assert loaded.data(Qt.ItemDataRole.DecorationRole).name() == model.entries()[0].colour
