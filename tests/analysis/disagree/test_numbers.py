"""Numbers and quantities: ranges, units and what they count."""

from __future__ import annotations

import math

import pytest

from analysis.disagree.numbers import find_quantities


def _one(text: str) -> tuple[float, float, str, str, bool]:
    (q,) = find_quantities(text)
    return q.low, q.high, q.unit, q.counts, q.vague


@pytest.mark.parametrize(
    ("text", "low", "high", "counts"),
    [
        ("About 3,000 people marched", 2700, 3300, "people"),
        ("Thousands of people marched", 2000, 9999, "people"),
        ("tens of thousands filled the streets", 20000, 99999, "people"),
        ("dozens hurt", 24, 99, "people"),
        ("a dozen officers", 10, 14, "officer"),
        ("Nearly 100 peaceful demonstrators", 90, 100, "demonstrator"),
        ("at least 12 died", 12, math.inf, ""),
        ("between 10 and 20 people", 10, 20, "people"),
        ("several dozen volunteers", 36, 108, "volunteer"),
        ("a few hundred residents", 200, 500, "resident"),
        ("tens of millions of viewers", 2e7, 99_999_999, "viewer"),
    ],
)
def test_vague_quantities_become_ranges(text: str, low: float, high: float, counts: str) -> None:
    got = _one(text)
    assert got[0] == pytest.approx(low)
    assert got[1] == pytest.approx(high)
    assert got[3] == counts
    assert got[4] is True


def test_exact_counts_money_durations_and_dates() -> None:
    text = (
        "Nine dead and 62 rioters detained; the deal is worth $480 million, or 2.1 billion "
        "crowns, for 30 years; a 48-hour strike from Monday; debate on March 20 at 10 a.m.; "
        "prices rose 40% since 2019."
    )
    found = find_quantities(text)
    got = {(q.text, q.unit, q.counts, q.low) for q in found}
    assert ("Nine", "count", "dead", 9) in got
    assert ("62", "count", "rioter", 62) in got
    # Round sums are read as rounded: one unit of their last digit either side.
    money = {q.text: (q.unit, q.low, q.high) for q in found if q.unit.startswith("money")}
    assert money["$480 million"] == ("money:USD", 470e6, 490e6)
    assert money["2.1 billion crowns"][0] == "money:crowns"
    assert money["2.1 billion crowns"][1] == pytest.approx(2.0e9)
    assert ("30 years", "duration:year", "", 30) in got
    assert ("48-hour", "duration:hour", "", 48) in got
    assert ("Monday", "weekday", "", 1) in got
    assert ("March 20", "date", "", 320) in got
    assert ("10 a.m.", "time", "", 600) in got
    assert ("40%", "percent", "", 40) in got
    assert ("2019", "year", "", 2019) in got


def test_a_round_figure_is_widened_by_at_most_half_of_it() -> None:
    # One unit of the last digit either side, but "100,000" is no 0-200,000.
    by_text = {q.text: (q.low, q.high) for q in find_quantities("100,000 files and 43,000 pages")}
    assert by_text["100,000"] == (50_000, 150_000)
    assert by_text["43,000"] == (42_000, 44_000)
    (q,) = find_quantities("a $1 million grant")
    assert (q.low, q.high) == (0.5e6, 1.5e6)


def test_offsets_point_into_the_whole_text() -> None:
    text = "Intro. Police said 11 officers were hurt."
    (q,) = find_quantities(text, 7, len(text))
    assert text[q.start : q.end] == "11"
    assert q.counts == "officer"


def test_partitive_counts_the_noun_after_of() -> None:
    qs = find_quantities("about 1,800 of the 2,600 jobs at the port")
    assert [q.counts for q in qs] == ["job", "job"]


def test_words_that_are_no_quantity_are_skipped() -> None:
    assert find_quantities("some of the march organisers had money") == ()


@pytest.mark.parametrize(
    "text", ["a one-in-three chance", "One-in-Three Chance", "a 1 in 3 chance", "the No. 3 spot"]
)
def test_odds_and_ranks_are_no_amounts(text: str) -> None:
    assert find_quantities(text) == ()


def test_a_name_with_an_age_is_no_count() -> None:
    assert [q.text for q in find_quantities("Steny Hoyer, 77, of Maryland won 3 votes")] == ["3"]


def test_dozen_multiplies_and_clock_times_and_ages_are_no_counts() -> None:
    (q,) = find_quantities("at least four dozen questions")
    assert (q.low, q.counts) == (48, "question")
    assert [q.unit for q in find_quantities("began about 3:30 p.m.")] == ["time"]
    assert find_quantities("a 23-year-old woman") == ()


def test_one_of_a_group_is_no_count_of_it() -> None:
    text = "She spoke to one of the three committees."
    assert [(q.text, q.low) for q in find_quantities(text)] == [("three", 3)]
