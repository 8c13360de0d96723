"""Comparing the numbers of one fact: contradiction, vagueness, agreement."""

from __future__ import annotations

from analysis.disagree.compare import Fact, compare_labels, compare_numbers
from analysis.disagree.values import Relation
from analysis.model import Article


def _fact(*texts: str) -> tuple[Fact, dict[str, Article]]:
    arts = [
        Article.from_parts(title="", paragraphs=[t], outlet=f"O{i}", source="pasted")
        for i, t in enumerate(texts)
    ]
    return Fact(0, None, tuple((a.id, 0, len(a.text)) for a in arts)), {a.id: a for a in arts}


def test_nine_dead_and_at_least_twelve_died_contradict() -> None:
    fact, arts = _fact("Nine people were dead after the blast.", "At least 12 people died.")
    (d,), agreed = compare_numbers(fact, arts)
    assert d.relation is Relation.CONTRADICTION
    assert d.contradiction
    assert agreed == 0


def test_about_three_thousand_and_thousands_are_vague_not_contradictory() -> None:
    fact, arts = _fact("About 3,000 people marched.", "Thousands of people marched.")
    (d,), _ = compare_numbers(fact, arts)
    assert d.relation is Relation.VAGUENESS
    assert not d.contradiction
    assert {m.value for m in d.members} == {"2,700–3,300 people", "2,000–9,999 people"}


def test_the_same_count_under_another_label_agrees() -> None:
    fact, arts = _fact("Police held 62 people.", "Police held 62 rioters.")
    found, agreed = compare_numbers(fact, arts)
    assert found == []
    assert agreed == 1


def test_counts_of_different_things_are_not_compared() -> None:
    fact, arts = _fact("11 officers were hurt.", "40 people were hurt.")
    found, agreed = compare_numbers(fact, arts)
    assert found == [] and agreed == 0


def test_labels_differ_per_outlet_with_their_category() -> None:
    fact, arts = _fact("Some protesters threw stones.", "Some thugs threw stones.")
    (d,) = compare_labels(fact, arts, lambda a, s, e: "")
    assert d.kind == "label" and d.subject == "crowd"
    assert {(m.value, m.category) for m in d.members} == {("protester", ""), ("thug", "loaded")}


def test_the_same_label_everywhere_is_no_disagreement() -> None:
    fact, arts = _fact("Protesters marched.", "The protesters marched on.")
    assert compare_labels(fact, arts, lambda a, s, e: "") == []


def test_equal_figures_pair_up_before_different_ones() -> None:
    fact, arts = _fact(
        "Tariffs of 25 percent on steel and 10 percent on aluminium took effect.",
        "Tariffs of 10 percent on aluminium took effect.",
    )
    found, agreed = compare_numbers(fact, arts)
    assert found == [] and agreed == 1
