"""Keyness against values worked out by hand on a seven-word corpus."""

from __future__ import annotations

import math

import pytest

from analysis.model import Article
from analysis.vocab.keyness import g2, keyness, log_ratio, p_value, word_counts


def _art(outlet: str, title: str, body: str) -> Article:
    return Article.from_parts(title=title, paragraphs=[body], outlet=outlet, source=outlet)


# Outlet A: "cat cat" / "dog."  -> cat 2, dog 1            c = 3 words
# Outlet B: "dog dog" / "dog bird." -> dog 3, bird 1       d = 4 words
#
# cat in A: a=2, b=0. E1 = 3*2/7 = 0.857143, E2 = 4*2/7 = 1.142857.
#   G² = 2*(2*ln(2/0.857143) + 0) = 4*ln(7/3) = 4*0.847298 = 3.389191
#   p  = erfc(sqrt(3.389191/2)) = erfc(1.301766) = 0.065625 (scipy chi2.sf(3.389191, 1) agrees)
#   log ratio = log2((2/3) / (0.5/4)) = log2(5.333333) = 2.415037   (b=0 taken as 0.5)
# dog in A: a=1, b=3. E1 = 3*4/7 = 1.714286, E2 = 4*4/7 = 2.285714.
#   G² = 2*(1*ln(1/1.714286) + 3*ln(3/2.285714)) = 2*(-0.538997 + 3*0.271934) = 0.553609
#   log ratio = log2((1/3) / (3/4)) = log2(0.444444) = -1.169925
# bird in B: a=1, b=0 for B (c=4, d=3). E1 = 4/7 = 0.571429.
#   G² = 2*ln(1/0.571429) = 2*ln(7/4) = 1.119232
A = _art("Alpha", "Cat cat", "Dog.")
B = _art("Beta", "Dog dog", "Dog bird.")


def test_word_counts_are_lower_cased_words_of_two_letters_or_more() -> None:
    assert word_counts(A.text) == {"cat": 2, "dog": 1}
    assert word_counts("A so-called I-beam, it's 42 x") == {"so-called": 1, "beam": 1, "it's": 1}


def test_measures_match_the_hand_computed_values() -> None:
    assert g2(2, 0, 3, 4) == pytest.approx(3.389191, abs=1e-6)
    assert p_value(3.389191) == pytest.approx(0.065625, abs=1e-6)
    assert log_ratio(2, 0, 3, 4) == pytest.approx(2.415037, abs=1e-6)
    assert g2(1, 3, 3, 4) == pytest.approx(0.553609, abs=1e-6)
    assert log_ratio(1, 3, 3, 4) == pytest.approx(-1.169925, abs=1e-6)
    assert g2(1, 0, 4, 3) == pytest.approx(1.119232, abs=1e-6)
    assert p_value(3.841459) == pytest.approx(0.05, abs=1e-6)  # the χ²₁ 95 % point
    assert g2(0, 0, 3, 4) == 0.0


def test_keyness_per_outlet_with_raw_counts() -> None:
    alpha, beta = keyness([A, B], min_count=1, max_p=1.0)
    assert (alpha.outlet, alpha.words, alpha.other_words) == ("Alpha", 3, 4)
    assert (beta.outlet, beta.words, beta.other_words) == ("Beta", 4, 3)
    assert [t.term for t in alpha.terms] == ["cat", "bird", "dog"]  # strongest G² first
    cat = alpha.terms[0]
    assert (cat.count, cat.other_count) == (2, 0)
    assert cat.g2 == pytest.approx(4 * math.log(7 / 3))
    assert cat.p_value == pytest.approx(0.065625, abs=1e-6)
    dog = next(t for t in beta.terms if t.term == "dog")
    assert (dog.count, dog.other_count) == (3, 1)
    assert dog.log_ratio == pytest.approx(1.169925, abs=1e-6)  # the mirror of Alpha's


def test_thresholds_and_grouping_by_outlet() -> None:
    assert keyness([A, B], min_count=3, max_p=1.0)[0].terms[0].term == "dog"
    strict = keyness([A, B], min_count=1, max_p=0.05)  # no word reaches p <= 0.05 here
    assert [(k.outlet, k.terms) for k in strict] == [("Alpha", ()), ("Beta", ())]
    same_outlet = _art("Alpha", "Cat", "Cat cat cat.")
    assert keyness([A, same_outlet]) == ()  # one outlet: nothing to compare against
    grouped = keyness([A, same_outlet, B], min_count=1, max_p=1.0)
    assert grouped[0].articles == (A.id, same_outlet.id) and grouped[0].words == 7
