"""Only figures that count the same thing are compared (issue 13's precision rules).

Every sentence here is our own; each case mirrors a kind of error seen on real coverage.
"""

from __future__ import annotations

import pytest

from analysis.disagree.compare import Fact, compare_numbers
from analysis.disagree.numbers import find_quantities
from analysis.disagree.values import Relation
from analysis.model import Article


def _fact(*texts: str) -> tuple[Fact, dict[str, Article]]:
    arts = [
        Article.from_parts(title="", paragraphs=[t], outlet=f"O{i}", source="pasted")
        for i, t in enumerate(texts)
    ]
    return Fact(0, None, tuple((a.id, 0, len(a.text)) for a in arts)), {a.id: a for a in arts}


def _relations(*texts: str) -> list[Relation]:
    fact, arts = _fact(*texts)
    found, _ = compare_numbers(fact, arts)
    return [d.relation for d in found]


@pytest.mark.parametrize(
    "text",
    [
        "Memorials for 9/11 were held downtown.",
        "Leaders of the G-20 met in the capital.",
        "The G20 summit opened.",
        "The ministry's Vision 2030 plan was unveiled.",
        "Relatives of those aboard Flight 370 gathered.",
        "The COVID-19 rules ended.",
    ],
)
def test_numbers_in_names_are_no_quantities(text: str) -> None:
    assert find_quantities(text) == ()


def test_an_abbreviated_month_is_a_date_and_the_count_before_it_finds_its_noun() -> None:
    qs = find_quantities("Fifteen of the 19 Sept. 11 hijackers came from one country.")
    by_text = {q.text: (q.unit, q.counts, q.low) for q in qs}
    assert by_text["Sept. 11"] == ("date", "", 911)
    assert by_text["19"] == ("count", "hijacker", 19)


def test_a_range_with_a_suspended_hyphen_is_one_duration() -> None:
    (q,) = find_quantities("Staff would take a 40- to 60-hour course.")
    assert (q.low, q.high, q.unit, q.text) == (40, 60, "duration:hour", "40- to 60-hour")
    assert (
        _relations(
            "Staff would take a 40- to 60-hour training course.",
            "Staff would take a 40-60 hour training course.",
        )
        == []
    )  # the same range


def test_a_short_year_range_keeps_its_century() -> None:
    (q,) = find_quantities("the 1950-53 war on the peninsula")
    assert (q.low, q.high, q.unit) == (1950, 1953, "year")


def test_a_measure_compound_counts_its_noun() -> None:
    (q,) = find_quantities("She read the 35-word pledge aloud.")
    assert (q.low, q.counts) == (35, "word")


def test_about_three_thousand_against_thousands_stays_vagueness() -> None:
    assert _relations(
        "About 3,000 people rallied outside the parliament on Sunday.",
        "Thousands of people rallied outside the parliament on Sunday.",
    ) == [Relation.VAGUENESS]


def test_figures_next_to_different_names_are_not_compared() -> None:
    # Two candidates' shares in one poll: not one figure told two ways.
    assert (
        _relations(
            "In the county poll, Senator Halvorsen garnered 11 percent of likely voters.",
            "In the county poll, likely voters put Mayor Oduya (14 percent) ahead.",
        )
        == []
    )


def test_an_outlet_that_also_states_the_other_figure_is_no_contradiction() -> None:
    # Two nights' arrests: both outlets agree on the 47 of the first night.
    assert (
        _relations(
            "The chief said there were six arrests on Wednesday, compared to 47 the night before.",
            "Officers made 47 arrests overnight in the town centre, the chief said.",
        )
        == []
    )


def test_the_same_noun_alone_is_never_a_contradiction() -> None:
    # "claims" in both, nothing else in common: shown at most as vague, never contradicting.
    assert (
        _relations(
            "The insurer paid 12 claims last spring.", "Regulators rejected 40 claims outright."
        )
        == []
    )
    assert _relations(
        "The insurer paid 40 claims last spring.", "Regulators rejected nearly 40 claims outright."
    ) == [Relation.VAGUENESS]


def test_dates_of_different_acts_are_not_compared_but_of_one_act_are() -> None:
    assert (
        _relations(
            "The aide apologised on Friday for the post about the twins.",
            "The aide resigned on Monday after the post about the twins.",
        )
        == []
    )
    assert _relations(
        "The council published its budget report on Sunday in the town gazette.",
        "The council published its budget report on Saturday in the town gazette.",
    ) == [Relation.CONTRADICTION]


def test_a_real_discrepancy_between_two_outlets_is_still_a_contradiction() -> None:
    assert _relations(
        "He spent $5,210.40 on the Lakeside Wellness Lodge in one weekend.",
        "He spent $5,120.40 on a stay at the Lakeside Wellness Lodge.",
    ) == [Relation.CONTRADICTION]


def test_a_bare_crowd_word_is_not_compared_with_another_crowd_on_one_word() -> None:
    # "dozens hurt" and "tens of thousands defy" share only "police": two groups of people.
    assert (
        _relations(
            "Thousands march on the port; dozens hurt as police clear the quay",
            "Tens of thousands defy curfew as police block the quay road",
        )
        == []
    )


def test_only_figures_next_to_the_shared_words_are_compared() -> None:
    a_text = (
        "Nine people died in the fire, the mayor told reporters on the steps. Much later "
        "that week 200 people gathered at the town hall."
    )
    b_text = "At least 12 people died in the fire, and 300 people gathered at the town hall."
    fact, arts = _fact(a_text, b_text)
    a, b = fact.spans[0][0], fact.spans[1][0]
    clause = "people died in the fire"
    shared = (
        (a, a_text.index(clause), a_text.index(clause) + len(clause)),
        (b, b_text.index(clause), b_text.index(clause) + len(clause)),
    )
    restricted = Fact(0, None, fact.spans, shared=shared)
    found, _ = compare_numbers(restricted, arts)
    said = [{arts[m.article].text[m.start : m.end] for m in d.members} for d in found]
    assert said == [{"Nine", "At least 12"}]
    assert found[0].contradiction
    # Read whole, the gatherings are compared too.
    whole, _ = compare_numbers(fact, arts)
    assert len(whole) == 2


def test_a_figure_after_a_name_with_a_unit_is_still_an_amount() -> None:
    (q,) = find_quantities("Prosecutors began investigating Varga two years ago.")
    assert (q.low, q.unit) == (2, "duration:year")
    assert [q.counts for q in find_quantities("He beat Varga 12 votes to nine.")][:1] == ["vote"]


def test_a_crowd_of_a_figure_counts_people_not_the_verb_after_it() -> None:
    (q,) = find_quantities("A mob of 10,000 lays siege to the harbour.")
    assert (q.low <= 10_000 <= q.high, q.counts) == (True, "people")
