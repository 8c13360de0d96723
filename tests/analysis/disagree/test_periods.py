"""Figures stated for different time frames are different things, never a contradiction.

Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from analysis.disagree.compare import Fact, compare_numbers
from analysis.disagree.periods import different_periods, period_of
from analysis.disagree.values import Relation
from analysis.model import Article


def _relations(*texts: str) -> list[Relation]:
    arts = [
        Article.from_parts(title="", paragraphs=[t], outlet=f"O{i}", source="pasted")
        for i, t in enumerate(texts)
    ]
    fact = Fact(0, None, tuple((a.id, 0, len(a.text)) for a in arts))
    found, _ = compare_numbers(fact, {a.id: a for a in arts})
    return [d.relation for d in found]


def _period(sentence: str, figure: str) -> str:
    start = sentence.index(figure)
    return period_of(sentence, start, start + len(figure))


@pytest.mark.parametrize(
    ("sentence", "figure", "period"),
    [
        ("From 2009 through 2016 the firm paid a rate of 28.4 percent.", "28.4", "span:2009-2016"),
        ("The firm's effective rate for 2016 was 33.1 percent.", "33.1", "year:2016"),
        ("The mill has cut 40 jobs since 2011.", "40", "span:2011-"),
        ("On average the mill hired 12 workers a season.", "12", "span"),
        ("Last year the mill hired 12 workers.", "12", "rel:last"),
        ("The mill hired 12 workers.", "12", ""),
    ],
)  # fmt: skip
def test_the_period_is_read_in_the_sentence(sentence: str, figure: str, period: str) -> None:
    assert _period(sentence, figure) == period


def test_which_periods_differ() -> None:
    assert different_periods("span:2009-2016", "year:2016")
    assert different_periods("year:2015", "year:2016")
    assert different_periods("rel:last", "rel:this")
    assert different_periods("span:2009-2016", "span:2012-2016")
    assert not different_periods("rel:last", "year:2016")  # depends on the article's date
    assert not different_periods("span", "span:2009-2016")
    assert not different_periods("", "year:2016")
    assert not different_periods("year:2016", "year:2016")


def test_an_average_over_years_is_no_contradiction_of_one_years_rate() -> None:
    one_year = "The Varkos family paid an effective federal tax rate of 33.1 percent for 2016."
    average = (
        "From 2009 through 2016 the Varkos family paid an effective federal tax rate "
        "of 28.4 percent."
    )
    assert _relations(one_year, average) == []
    # The same period on both sides is still compared.
    assert _relations(one_year, one_year.replace("33.1", "30.2")) == [Relation.CONTRADICTION]


def test_last_years_and_this_years_figures_are_two_things() -> None:
    assert (
        _relations(
            "The harbour authority laid off 120 dock workers last year.",
            "The harbour authority laid off 45 dock workers this year.",
        )
        == []
    )
