from __future__ import annotations

import pytest

from analysis import AlignmentSettings, MatchKind, match_sentences


def test_case_punctuation_and_quote_style_are_verbatim() -> None:
    got = match_sentences(
        "“We will rebuild,” the mayor said.", '"we will rebuild" -- The Mayor said'
    )
    assert got is not None
    assert got.kind is MatchKind.VERBATIM
    assert got.score == 100.0


def test_one_word_swapped_is_edited() -> None:
    got = match_sentences(
        "Police said 11 officers were among the injured and that 62 people were detained.",
        "Police claimed 11 officers were among the injured and that 62 people were detained.",
    )
    assert got is not None
    assert got.kind is MatchKind.EDITED
    assert 50 < got.score < 100


def test_trimmed_sentence_is_edited() -> None:
    got = match_sentences(
        "Shortly after noon, police fired tear gas at the main gate after a group of marchers "
        "tried to push through a barrier, a reporter at the scene saw.",
        "Shortly after noon, police fired tear gas at the main gate.",
    )
    assert got is not None
    assert got.kind is MatchKind.EDITED


def test_unrelated_sentences_do_not_match() -> None:
    assert (
        match_sentences(
            "The council voted on Tuesday to raise parking fees in the old town.",
            "A new species of frog was found in the rainforest by biologists.",
        )
        is None
    )


def test_same_frame_different_facts_do_not_match() -> None:
    # Same event vocabulary, different content: the numbers and actors differ.
    assert (
        match_sentences(
            "The mayor said on Tuesday that the bridge would close for repairs in May.",
            "The council voted on Tuesday to raise parking fees in May.",
        )
        is None
    )


@pytest.mark.parametrize("a, b", [("", "Some words here."), ("...", "Some words here."), ("", "")])
def test_texts_without_words_never_match(a: str, b: str) -> None:
    assert match_sentences(a, b) is None


def test_ratio_scorer_uses_its_threshold() -> None:
    a = "Officials said the bridge will stay closed for a week."
    b = "Officials said the tunnel will stay open for a month."
    strict = AlignmentSettings(scorer="ratio", min_score=95.0, contained_min_cover=1.01)
    loose = AlignmentSettings(scorer="ratio", min_score=50.0, contained_min_cover=1.01)
    assert match_sentences(a, b, strict) is None
    assert match_sentences(a, b, loose) is not None


def test_short_sentence_with_a_word_of_its_own_does_not_match() -> None:
    assert match_sentences("We reject his visit.", "We reject his message.") is None
    assert match_sentences("Justice Ginsburg asked.", "Scalia asked.") is None


def test_short_sentence_whose_words_all_recur_may_match() -> None:
    got = match_sentences("Bridge closed", "Storm closes harbour bridge for a week")
    assert got is not None
    assert got.kind is MatchKind.PARAPHRASE
