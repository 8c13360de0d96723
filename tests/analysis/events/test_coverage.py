"""Coverage across outlets: the outlet × event matrix, leanings and one-sided events."""

from __future__ import annotations

from analysis.events import group_articles
from analysis.events.coverage import event_coverage
from analysis.ratings import parse_ratings
from tests.analysis.events.test_group import FLOOD, LONE, STRIKE

RATINGS = parse_ratings("domain,outlet,lean\n,Courier,left\n,Herald,lean left\n,Gazette,right\n")


def test_without_ratings_the_matrix_is_by_outlet() -> None:
    articles = [*FLOOD, *STRIKE, LONE]
    grouping = group_articles(articles)
    report = event_coverage(grouping, articles)
    assert report.outlets == ("Courier", "Gazette", "Herald")
    assert report.outlet_leans == (None, None, None)
    assert report.events == ("event-1", "event-2", "event-3")
    # Courier covers flood and strike; Gazette flood and the lone story; Herald both.
    assert report.counts == ((1, 1, 0), (1, 0, 1), (1, 1, 0))
    assert not report.rated
    assert report.one_sided() == ()
    assert [e.leans for e in report.per_event] == [(), (), ()]
    assert report.per_event[1].outlets == ("Courier", "Herald")
    assert report.per_event[1].unrated == 2


def test_ratings_give_leanings_and_the_one_sided_events() -> None:
    articles = [*FLOOD, *STRIKE, LONE]
    report = event_coverage(group_articles(articles), articles, RATINGS)
    assert report.outlets == ("Courier", "Herald", "Gazette")  # left to right
    assert report.outlet_leans == ("left", "lean left", "right")
    flood, strike, lone = report.per_event
    assert flood.leans == ("left", "lean left", "right") and flood.one_sided is None
    # Only left-leaning outlets carried the strike, while the batch has a right outlet.
    assert strike.leans == ("left", "lean left") and strike.one_sided == "left"
    assert lone.one_sided == "right"
    assert [e.event for e in report.one_sided()] == ["event-2", "event-3"]


def test_one_side_only_in_the_whole_batch_is_not_one_sided_coverage() -> None:
    articles = list(STRIKE)  # Courier and Herald: both on the left
    report = event_coverage(group_articles(articles), articles, RATINGS)
    assert report.per_event[0].leans == ("left", "lean left")
    assert report.one_sided() == ()


def test_unrated_outlets_neither_make_nor_break_one_sidedness() -> None:
    only_left = parse_ratings(",Courier,left\n,Gazette,right\n")
    articles = [*STRIKE, LONE]
    report = event_coverage(group_articles(articles), articles, only_left)
    strike = report.per_event[0]
    assert strike.leans == ("left",) and strike.unrated == 1 and strike.one_sided == "left"
    assert report.outlet_leans == ("left", "right", None)
