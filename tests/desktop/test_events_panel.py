"""The Events list: many open articles are offered grouped; picking an event compares it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from analysis.model import Article
from analysis.result import ComparisonResult
from desktop.controllers.events import EventsController
from desktop.main_window import MainWindow
from desktop.models.events import EVENT_ID_ROLE
from tests.analysis.events.test_group import FLOOD, LONE, STRIKE

PILE = [FLOOD[0], STRIKE[0], LONE, FLOOD[1], STRIKE[1], FLOOD[2]]


def _open(qtbot, window: MainWindow, articles: list[Article]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.events.offered, timeout=60_000):
        for article in articles:
            window.model.add_article(article)


def _compared(qtbot, window: MainWindow, action) -> ComparisonResult:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        window.analysis.result_ready, timeout=120_000, check_params_cb=lambda r: r is not None
    ) as blocker:
        action()
    return blocker.args[0]  # type: ignore[no-any-return]


def test_many_articles_are_offered_grouped_and_an_event_is_compared(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.show()
    _open(qtbot, window, PILE)
    panel = window.events_panel
    assert panel.isVisible() and panel.offer.isVisible() and not panel.list.isVisible()
    assert "These 6 articles report 2 different events, and 1 more" in panel.offer.text()
    qtbot.mouseClick(panel.group_button, Qt.MouseButton.LeftButton)
    assert panel.list.isVisible()
    model = panel.model
    assert model.rowCount() == 4
    assert model.index(0, 0).data().startswith("All articles (6)")
    headline, details = model.index(1, 0).data().split("\n")
    assert headline in {a.title for a in FLOOD} and details.startswith("3 articles · ")
    strike_row = model.row_of(window.events.grouping.events[1].id)  # type: ignore[union-attr]
    assert "2 articles · Courier, Herald" in model.index(strike_row, 0).data()
    # The lone story is listed but cannot be picked: there is nothing to compare.
    assert model.flags(model.index(3, 0)) == Qt.ItemFlag.NoItemFlags
    result = _compared(
        qtbot, window, lambda: panel.list.setCurrentIndex(model.index(strike_row, 0))
    )
    assert {a.id for a in result.articles} == {a.id for a in STRIKE}
    assert window.events.chosen == model.index(strike_row, 0).data(EVENT_ID_ROLE)
    result = _compared(qtbot, window, lambda: panel.list.setCurrentIndex(model.index(0, 0)))
    assert len(result.articles) == 6


def test_declining_hides_the_panel_and_few_articles_offer_nothing(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.show()
    _open(qtbot, window, PILE)
    qtbot.mouseClick(window.events_panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.events_panel.isVisible()
    assert window.events.filter(tuple(PILE)) == tuple(PILE)


def test_one_event_or_few_articles_withdraw_the_offer(qtbot, pool) -> None:  # type: ignore[no-untyped-def]
    events = EventsController(pool)
    with qtbot.waitSignal(events.withdrawn, timeout=5_000):
        events.consider(PILE[:5])
    one_story = [
        *FLOOD,
        *(
            Article.from_parts(
                title=a.title, paragraphs=[a.text], outlet=a.outlet + " 2", source="x"
            )
            for a in FLOOD
        ),
    ]
    with qtbot.waitSignal(events.withdrawn, timeout=60_000):
        events.consider(one_story)
    assert events.grouping is None and events.filter(tuple(one_story)) == tuple(one_story)
