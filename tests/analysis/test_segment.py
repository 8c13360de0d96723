"""The news sentence splitter: abbreviations, decimals, quotes, glued sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segment import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "sentences",
    [
        ["The minister arrived at 9 a.m. on Tuesday.", "She left two hours later."],
        ["Mr. Okafor met Dr. Lindqvist in St. Paul on Jan. 4.", "Neither spoke."],
        ["The U.S. economy grew 4.5 percent.", "Its rival shrank by 1.2 percent."],
        ["The bill passed in the U.S.", "The president signed it."],
        ["It was approved by the U.N. Security Council.", "Russia abstained."],
        ['"We will not back down," the mayor said.', '"Not now, not ever."'],
        ['"Is this the end?" she asked.', "Nobody answered."],
        ["John F. Kennedy Airport was closed.", "Flights were diverted."],
        ["No. 10 Downing Street declined to comment.", "A statement followed."],
        ["Shares rose 3.75% to $12.40 on Friday.", "Analysts had expected a fall."],
        ["Acme Inc. reported a loss.", "The company blamed weak demand."],
        ["Prices climbed...", "Then they collapsed."],
    ],
)
def test_spaced_sentences(sentences: list[str]) -> None:
    assert _split(" ".join(sentences)) == sentences


@pytest.mark.parametrize(
    "sentences",
    [
        ["Officials told reporters.", "The talks will resume."],
        ["The deal was signed on Monday.", "A second round is planned."],
        ['He called the vote "a farce."', "Opposition leaders agreed."],
        ["The ministry denied the report.", '"It is pure fiction," she said.'],
    ],
)
def test_glued_sentences(sentences: list[str]) -> None:
    assert _split("".join(sentences)) == sentences


def test_glued_subheading_becomes_its_own_sentence() -> None:
    text = "Tensions rose last month.Sub Snub Saps ConfidenceDespite assurances, anger grew."
    assert _split(text) == [
        "Tensions rose last month.",
        "Sub Snub Saps Confidence",
        "Despite assurances, anger grew.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Growth was 2.5 percent in the U.S. economy last year.",
        "She met Gen. Haddad and Sen. Alvarez at 10 a.m. in Washington, D.C. on Friday.",
        "The firm moved to the U.S.A in 2019, and the J.R.R. Tolkien estate followed.",
        "He uses an iPhone and watches YouTube with McDonald and LinkedIn friends.",
        "He asked why? and she said no.",
    ],
)
def test_no_false_boundaries(text: str) -> None:
    assert _split(text) == [text]


def test_offsets_skip_surrounding_whitespace() -> None:
    assert split_sentences("  One.  Two.  ") == [(2, 6), (8, 12)]
    assert split_sentences("") == [] and split_sentences("   ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .!?\"'“”…U.S0-\n")), max_size=120))
def test_spans_are_ordered_disjoint_and_trimmed(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())  # nothing dropped
