"""Figures of one thing given by two outlets in different aligned facts.

Every sentence here is our own. Each article has two sentences; the facts pair them
crosswise, so the two figures of the warehouse fire never share a fact.
"""

from __future__ import annotations

from analysis.disagree.across import ACROSS, compare_across
from analysis.disagree.compare import Seen
from analysis.disagree.found import FoundIn
from analysis.disagree.values import Disagreement, Relation
from analysis.model import Article

_OTHER_A = "The mayor visited the harbour on Monday."
_OTHER_B = "On Monday the mayor went to the harbour."


def _across(first: str, second: str, seen: Seen | None = None) -> list[Disagreement]:
    a = Article.from_parts(title="", paragraphs=[first, _OTHER_A], outlet="A", source="pasted")
    b = Article.from_parts(title="", paragraphs=[_OTHER_B, second], outlet="B", source="pasted")
    cut_a = a.text.index(_OTHER_A)
    cut_b = b.text.index(second)
    # fact 1: A's first sentence with B's first; fact 2: A's second with B's second
    spans = [(a.id, 0, cut_a), (b.id, 0, cut_b), (a.id, cut_a, len(a.text))]
    spans.append((b.id, cut_b, len(b.text)))
    if seen is not None:  # mark the two figures as compared within a fact
        fa = FoundIn({a.id: a}).quantities(a.id, 0, cut_a)[0]
        fb = FoundIn({b.id: b}).quantities(b.id, cut_b, len(b.text))[0]
        both = frozenset((a.id, b.id))
        seen |= {(a.id, fa.start): [both], (b.id, fb.start): [both]}
    items, _ = compare_across(spans, FoundIn({a.id: a, b.id: b}), seen or {})
    return items


def test_figures_of_one_thing_in_two_facts_are_compared() -> None:
    (item,) = _across(
        "Some 40 firefighters battled the warehouse blaze overnight.",
        "Dozens of firefighters battled the blaze at the warehouse.",
    )
    assert item.relation is Relation.VAGUENESS
    assert item.link_list == ACROSS and item.cluster is None
    assert item.subject == "firefighter"
    assert len(item.passages) == 2


def test_a_contradiction_across_facts_needs_strong_evidence() -> None:
    strong = _across(
        "Twelve firefighters were hurt battling the warehouse blaze.",
        "Thirty firefighters were hurt battling the warehouse blaze.",
    )
    assert [d.relation for d in strong] == [Relation.CONTRADICTION]
    # Only the warehouse in common: maybe two groups of firefighters, so nothing is shown.
    assert (
        _across(
            "Twelve firefighters were hurt at the warehouse.",
            "Thirty firefighters arrived at the warehouse.",
        )
        == []
    )


def test_figures_need_the_same_written_noun() -> None:
    assert (
        _across(
            "Some 40 firefighters battled the warehouse blaze overnight.",
            "Dozens of engines battled the warehouse blaze overnight.",
        )
        == []
    )


def test_figures_already_compared_within_a_fact_are_not_compared_again() -> None:
    texts = (
        "Some 40 firefighters battled the warehouse blaze overnight.",
        "Dozens of firefighters battled the blaze at the warehouse.",
    )
    assert _across(*texts, seen={}) == []
