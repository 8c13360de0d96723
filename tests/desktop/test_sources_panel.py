"""The sources panel: dragging a row's number reorders the articles in the model."""

from __future__ import annotations

from desktop.models.sources import SourcesModel
from desktop.widgets.sources_panel import SourcesPanel
from tests.desktop.conftest import make_article

ARTICLES = (
    make_article("Port closes", "The port closed on Monday.", outlet="Wire"),
    make_article("Port shut", "The port was shut on Monday.", outlet="Tab"),
    make_article("Storm", "A storm came.", outlet="Third"),
)


def test_dragging_a_row_number_moves_the_article(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = SourcesModel()
    for article in ARTICLES:
        model.add_article(article)
    panel = SourcesPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    rows = panel.table.verticalHeader()
    assert rows.sectionsMovable()
    with qtbot.waitSignal(model.articles_changed):
        rows.moveSection(0, 2)  # what the header does when a drag ends
    assert [a.outlet for a in model.articles()] == ["Tab", "Third", "Wire"]
    # the header shows the model's order again, not a visual permutation of it
    assert [rows.logicalIndex(v) for v in range(3)] == [0, 1, 2]
    assert panel.selected_rows() == [2]
    with qtbot.waitSignal(model.articles_changed):
        rows.moveSection(1, 0)
    assert [a.outlet for a in model.articles()] == ["Third", "Tab", "Wire"]
    assert panel.table.model().index(0, 0).data() == "Third"
