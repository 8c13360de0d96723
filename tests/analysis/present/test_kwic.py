"""Keyword-in-context lines and their sort keys, built without Qt."""

from __future__ import annotations

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present.kwic import SORT_CHOICES, phrase_lines, sort_keys, term_lines


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    res = compare(load_sample())
    assert res.terms is not None
    return res


def test_the_choices_cover_l1_to_r3_and_ties_go_outwards() -> None:
    assert [key for _, key in SORT_CHOICES] == ["", "L1", "L2", "L3", "R1", "R2", "R3"]
    assert sort_keys("L1") == ("L1", "L2", "L3")
    assert sort_keys("R2") == ("R2", "R3")


def test_context_of_a_headline_term_stays_in_the_headline(result: ComparisonResult) -> None:
    lines, _ = term_lines(result, "mob", "labels")
    texts = {a.id: a.text for a in result.articles}
    in_headline = [x for x in lines if x.start < texts[x.article].index("\n\n")]
    assert in_headline
    for line in in_headline:
        headline = texts[line.article].split("\n\n", 1)[0]
        assert headline.endswith(line.right) and headline.startswith(line.left)
    body = [x for x in lines if x not in in_headline]
    assert body and all(x.left or x.right for x in body)


def test_phrase_search_uses_kwic_and_marks_voice(result: ComparisonResult) -> None:
    lines, quoted = phrase_lines(result, "national economy hostage")
    assert len(lines) >= 3  # the minister's quote, carried by most outlets
    assert all(quoted)
    lines, quoted = phrase_lines(result, "rioter")
    assert lines and not any(quoted[i] for i, x in enumerate(lines) if x.match == "rioters")
